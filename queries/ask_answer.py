"""Answer rows -> groups for reading and evidence sentences, per named query.

Grouping is presentation only: the rows stay as the query returned them (evidence trimmed to the
sentences that matter), and every group line says on what basis a unit is named.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fengong.vocabulary import Topic

#: Display order of the bases the topic / unit queries return.
BASIS_ORDER = (
    "stated lead",
    "first-listed responsible unit",
    "listed responsible unit",
    "cooperating unit",
    "no lead named",
    "no unit named",
    "mentioned, not assigned",
)
_SENTENCE = re.compile(r"[^。；;！!？?\n]+[。；;！!？?]?")
_MAX_EVIDENCE = 240


@dataclass(slots=True)
class Group:
    """One group of an answer (a city, a unit, a group of people) with labelled lists of values."""

    key: str
    items: dict[str, list[str]] = field(default_factory=dict)

    def add(self, label: str, value: str) -> None:
        """Append ``value`` under ``label`` once, keeping first-seen order."""
        values = self.items.setdefault(label, [])
        if value and value not in values:
            values.append(value)


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence behind an answer line."""

    group: str
    unit: str
    basis: str
    task: str
    document: str
    sentence: str


def _place_key(row: dict[str, Any]) -> str:
    city, place = row.get("city") or "", row.get("jurisdiction") or ""
    if city and place and city != place:
        return f"{city} / {place}"
    return city or place or "(no jurisdiction)"


def topic_sentences(text: str, topic: Topic | None) -> str:
    """The sentences of ``text`` that name the topic (all of it, trimmed, when none does)."""
    if topic is None:
        return text[:_MAX_EVIDENCE]
    words = sorted({topic.name, *topic.aliases_zh}, key=len, reverse=True)
    hits = [s.strip() for s in _SENTENCE.findall(text) if any(w in s for w in words)]
    return " … ".join(hits)[:_MAX_EVIDENCE] if hits else text[:_MAX_EVIDENCE]


def _by_basis(groups: dict[str, Group]) -> list[Group]:
    for g in groups.values():
        g.items = {b: g.items[b] for b in sorted(g.items, key=_basis_rank)}
    return list(groups.values())


def _basis_rank(basis: str) -> int:
    return BASIS_ORDER.index(basis) if basis in BASIS_ORDER else len(BASIS_ORDER)


def _topic_rows(rows: list[dict[str, Any]], topic: Topic | None) -> tuple[list[Group], list[Evidence]]:
    groups: dict[str, Group] = {}
    evidence: list[Evidence] = []
    for row in rows:
        key = _place_key(row)
        group = groups.setdefault(key, Group(key))
        unnamed = not row["unit"]
        if unnamed:
            row["evidence"] = topic_sentences(row["evidence"], topic)
        # A unit when one is named, else the task, else (a mere mention) the document.
        group.add(row["basis"], row["unit"] or row["task"] or row["document"])
        evidence.append(
            Evidence(key, row["unit"], row["basis"], row["task"], row["document"], row["evidence"])
        )
    return _by_basis(groups), _unique(evidence)


def _unit_rows(rows: list[dict[str, Any]], topic: Topic | None) -> tuple[list[Group], list[Evidence]]:
    groups: dict[str, Group] = {}
    evidence: list[Evidence] = []
    for row in rows:
        group = groups.setdefault(row["unit"], Group(row["unit"]))
        group.add(row["basis"], row["task"])
        evidence.append(
            Evidence(row["unit"], row["unit"], row["basis"], row["task"], row["document"], row["evidence"])
        )
    return _by_basis(groups), _unique(evidence)


def _task_rows(rows: list[dict[str, Any]], topic: Topic | None) -> tuple[list[Group], list[Evidence]]:
    groups: dict[str, Group] = {}
    for row in rows:
        key = row["jurisdiction"] or "(no jurisdiction)"
        label = row["due_date"] or row["deadline"] or "(no deadline)"
        groups.setdefault(key, Group(key)).add(label, row["title"])
    for g in groups.values():
        g.items = dict(sorted(g.items.items()))
    return list(groups.values()), []


def _target_rows(rows: list[dict[str, Any]], topic: Topic | None) -> tuple[list[Group], list[Evidence]]:
    groups: dict[str, Group] = {}
    evidence: list[Evidence] = []
    for row in rows:
        key = _place_key(row)
        value = f"{row['value']:g} {row['unit']}".strip()
        due = f" by {row['due']}" if row["due"] else ""
        groups.setdefault(key, Group(key)).add(row["metric"], f"{value}{due} ({row['status']})")
        evidence.append(Evidence(key, "", "target", row["metric"], row["document"], row["evidence"]))
    return list(groups.values()), _unique(evidence)


def _people_rows(rows: list[dict[str, Any]], topic: Topic | None) -> tuple[list[Group], list[Evidence]]:
    groups: dict[str, Group] = {}
    for row in rows:
        person = f"{row['person']}（{row['position']}）" if row["position"] else row["person"]
        groups.setdefault(row["group_name"], Group(row["group_name"])).add(row["role"] or "member", person)
    return list(groups.values()), []


def _document_rows(rows: list[dict[str, Any]], topic: Topic | None) -> tuple[list[Group], list[Evidence]]:
    groups: dict[str, Group] = {}
    for row in rows:
        key = row["jurisdiction"] or "(no jurisdiction)"
        groups.setdefault(key, Group(key)).add("documents", f"{row['title']} ({row['tasks']} tasks)")
    return list(groups.values()), []


def _unique(evidence: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[str, str]] = set()
    out = []
    for e in evidence:
        if e.sentence and (e.group, e.sentence) not in seen:
            seen.add((e.group, e.sentence))
            out.append(e)
    return out


_GROUPERS: dict[str, Callable[[list[dict[str, Any]], Topic | None], tuple[list[Group], list[Evidence]]]] = {
    "topic_leads": _topic_rows,
    "topic_units": _topic_rows,
    "unit_work": _unit_rows,
    "task_list": _task_rows,
    "targets_in": _target_rows,
    "people_groups": _people_rows,
    "document_list": _document_rows,
}


def group_rows(
    query: str, rows: list[dict[str, Any]], topic: Topic | None
) -> tuple[list[Group], list[Evidence], list[dict[str, Any]]]:
    """Groups, evidence and the rows (copied; long evidence trimmed) for the rows of ``query``."""
    plain = [dict(r) for r in rows]
    grouper = _GROUPERS.get(query)
    if grouper is None:
        return [], [], plain
    groups, evidence = grouper(plain, topic)
    return groups, evidence, plain
