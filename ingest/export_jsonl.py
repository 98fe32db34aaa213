"""The evaluation line format (``../shared/eval/FORMAT.md``): one JSON object per task."""

from __future__ import annotations

from typing import Any

from fengong.ingest.model import ROLES, Document


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
    document names its place by a level word the place's name does not end with (州司法局 of a
    prefecture's plan, 盟林草局: the evaluation reads 市, 县, 区 and 省 off the place's name)."""
    unit = doc.units[uid]
    j = doc.jurisdiction
    word = next((w for w in _OWN_LEVEL_WORDS if unit.local_name.startswith(w)), "")
    if j is not None and unit.jurisdiction == j.name and word and len(unit.local_name) > len(word) + 1:
        return unit.local_name
    return unit.name


#: Level words a place's own documents write before their bodies that its name may not end with.
_OWN_LEVEL_WORDS = ("自治州", "州", "盟", "地区")
