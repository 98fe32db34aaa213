"""The evaluation line format (``../shared/eval/FORMAT.md``): one JSON object per task."""

from __future__ import annotations

from functools import cache
from typing import Any

from fengong.ingest.model import ROLES, Document
from fengong.ingest.vocab import unit_vocab


def task_lines(doc: Document) -> list[dict[str, Any]]:
    """One dict per task: document, task_id, path, title, text, deadline, lead / cooperate /
    responsible (fully qualified unit names, document order), topics, and status when a progress
    report gives one."""
    lines = []
    for t in doc.tasks:
        line: dict[str, Any] = {
            "document": doc.source,
            "task_id": t.id,
            "path": t.path,
            "title": t.title,
            "text": t.text,
            "deadline": (
                {"text": t.deadline.text, "date": t.deadline.date, "kind": t.deadline.kind}
                if t.deadline
                else None
            ),
        }
        for role in ROLES:
            line[role] = [_name(doc, u) for u in t.units(role)]
        line["topics"] = t.topics
        if t.status:
            line["status"] = t.status  # a progress report's word for the task's state (已完成)
        lines.append(line)
    return lines


def _name(doc: Document, uid: str) -> str:
    """A unit as FORMAT.md writes it: its qualified name, or the document's own spelling where the
    document names its place by a level word other than the one the evaluation reads off the place's
    level (州司法局 of a prefecture's plan, 盟林草局, 自治区商务厅: a city-level place reads 市)."""
    unit = doc.units[uid]
    j = doc.jurisdiction
    if j is None or unit.jurisdiction != j.name:
        return unit.name
    word = next((w for w in _level_words() if unit.local_name.startswith(w)), "")
    evaluated = _EVALUATED_LEVEL.get(j.level, "")
    if word and word != evaluated and len(unit.local_name) > len(word) + 1:
        return unit.local_name
    return unit.name


#: The level character the evaluation reads off a place's level (``../shared/eval/score.py``).
_EVALUATED_LEVEL = {"city": "市", "county": "县", "district": "区", "province": "省"}


@cache
def _level_words() -> tuple[str, ...]:
    """The words a place's own documents write before their bodies (市, 州, 盟, 自治区, 地区, 林区),
    longest first (units.yaml)."""
    v = unit_vocab()
    words = {*v.level_prefixes, *v.place_word_prefixes, *v.written_place_forms}
    return tuple(sorted(words, key=len, reverse=True))
