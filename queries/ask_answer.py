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


def topic_sentences(text: str, topic: Topic | None, phrase: str = "") -> str:
    """The sentences of ``text`` that name the topic or the phrase (all of it, trimmed, when none does)."""
    if topic is None and not phrase:
        return text[:_MAX_EVIDENCE]
    # the phrase, when given, is what was searched for (a topic narrowed to the question's words)
    words = (
        [phrase]
        if phrase
        else sorted({topic.name, *topic.aliases_zh}, key=len, reverse=True)
        if topic
        else []
    )
    hits = [s.strip() for s in _SENTENCE.findall(text) if any(w in s for w in words)]
    return " … ".join(hits)[:_MAX_EVIDENCE] if hits else text[:_MAX_EVIDENCE]


def _by_basis(groups: dict[str, Group]) -> list[Group]:
    for g in groups.values():
        g.items = {b: g.items[b] for b in sorted(g.items, key=_basis_rank)}
    return list(groups.values())


def _basis_rank(basis: str) -> int:
    return BASIS_ORDER.index(basis) if basis in BASIS_ORDER else len(BASIS_ORDER)


_Grouped = tuple[list[Group], list[Evidence]]


#: term_units' quality of a task holding every word of a phrase but not the phrase (nor its
#: document's title): a weaker match, shown only when nothing holds the phrase.
_LOOSE = 4


def best_matches(rows: list[dict[str, Any]], phrase: str) -> tuple[list[dict[str, Any]], list[str]]:
    """term_units rows: when some tasks hold the phrase itself, only those (the others hold its
    words apart, a weaker match, and are counted in a note)."""
    exact = [r for r in rows if r["quality"] < _LOOSE]
    if not exact or len(exact) == len(rows):
        return rows, []
    loose = {r["task"] for r in rows if r["quality"] == _LOOSE}
    return exact, [f"{len(loose)} more task(s) hold every word of {phrase} but not the phrase; not shown"]


def _topic_rows(rows: list[dict[str, Any]], topic: Topic | None, phrase: str = "") -> _Grouped:
    groups: dict[str, Group] = {}
    evidence: list[Evidence] = []
    for row in rows:
        key = _place_key(row)
        group = groups.setdefault(key, Group(key))
        unnamed = not row["unit"]
        if unnamed:
            row["evidence"] = topic_sentences(row["evidence"], topic, phrase)
        # A unit when one is named, else the task, else (a mere mention) the document.
        group.add(row["basis"], row["unit"] or row["task"] or row["document"])
        evidence.append(
            Evidence(key, row["unit"], row["basis"], row["task"], row["document"], row["evidence"])
        )
    return _by_basis(groups), _unique(evidence)


def _unit_rows(rows: list[dict[str, Any]], topic: Topic | None, phrase: str = "") -> _Grouped:
    groups: dict[str, Group] = {}
    evidence: list[Evidence] = []
    for row in rows:
        group = groups.setdefault(row["unit"], Group(row["unit"]))
        group.add(row["basis"], row["task"])
        evidence.append(
            Evidence(row["unit"], row["unit"], row["basis"], row["task"], row["document"], row["evidence"])
        )
    return _by_basis(groups), _unique(evidence)


def _task_rows(rows: list[dict[str, Any]], topic: Topic | None, phrase: str = "") -> _Grouped:
    groups: dict[str, Group] = {}
    for row in rows:
        key = row["jurisdiction"] or "(no jurisdiction)"
        label = row["due_date"] or row["deadline"] or "(no deadline)"
        groups.setdefault(key, Group(key)).add(label, row["title"])
    for g in groups.values():
        g.items = dict(sorted(g.items.items()))
    return list(groups.values()), []


def _target_rows(rows: list[dict[str, Any]], topic: Topic | None, phrase: str = "") -> _Grouped:
    groups: dict[str, Group] = {}
    evidence: list[Evidence] = []
    for row in rows:
        key = _place_key(row)
        value = f"{row['value']:g} {row['unit']}".strip()
        due = f" by {row['due']}" if row["due"] else ""
        groups.setdefault(key, Group(key)).add(row["metric"], f"{value}{due} ({row['status']})")
        evidence.append(Evidence(key, "", "target", row["metric"], row["document"], row["evidence"]))
    return list(groups.values()), _unique(evidence)


def _people_rows(rows: list[dict[str, Any]], topic: Topic | None, phrase: str = "") -> _Grouped:
    groups: dict[str, Group] = {}
    for row in rows:
        person = f"{row['person']}（{row['position']}）" if row["position"] else row["person"]
        groups.setdefault(row["group_name"], Group(row["group_name"])).add(row["role"] or "member", person)
    return list(groups.values()), []


def _task_people_rows(rows: list[dict[str, Any]], topic: Topic | None, phrase: str = "") -> _Grouped:
    groups: dict[str, Group] = {}
    for row in rows:
        g = groups.setdefault(row["task"], Group(row["task"]))
        g.add(row["label"], row["person"])
        if row["unit"]:
            g.add("units", row["unit"])
    return list(groups.values()), []


def _document_rows(rows: list[dict[str, Any]], topic: Topic | None, phrase: str = "") -> _Grouped:
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


def _ranking_rows(rows: list[dict[str, Any]], topic: Topic | None, phrase: str = "") -> _Grouped:
    groups = []
    for i, row in enumerate(rows, 1):
        g = Group(f"{i}. {row['unit']}")
        g.add(
            "tasks",
            f"{row['score']} (in any role: {row['tasks']}; stated lead: {row['leads']}, "
            f"first-listed: {row['first_listed']}, cooperating: {row['cooperates']})",
        )
        groups.append(g)
    return groups, []


def _workload_rows(rows: list[dict[str, Any]], topic: Topic | None, phrase: str = "") -> _Grouped:
    groups: dict[str, Group] = {}
    for row in rows:
        g = groups.setdefault(row["unit"], Group(row["unit"]))
        g.add(
            row["basis"],
            f"{row['tasks']} tasks ({row['dated']} with a dated deadline, {row['past_due']} past it)",
        )
    return _by_basis(groups), []


def _lead_of(row: dict[str, Any]) -> str:
    """ " — unit (basis)" of a row of tasks with their leads, or that none is named."""
    return f" — {row['unit']} ({row['basis']})" if row["unit"] else " — no lead named"


def _by_place(
    rows: list[dict[str, Any]],
    line: Callable[[dict[str, Any]], tuple[str, str]],
    sentence: Callable[[dict[str, Any]], tuple[str, str, str]] | None,
) -> _Grouped:
    """Rows grouped by jurisdiction: ``line`` gives a row's (label, item), ``sentence`` its
    evidence as (unit, basis, sentence), kept when the sentence is not empty."""
    groups: dict[str, Group] = {}
    evidence: list[Evidence] = []
    for row in rows:
        key = row["jurisdiction"] or "(no jurisdiction)"
        groups.setdefault(key, Group(key)).add(*line(row))
        if sentence is not None:
            unit, basis, said = sentence(row)
            if said:
                evidence.append(
                    Evidence(key, unit, basis, row["task"], row["document"], said[:_MAX_EVIDENCE])
                )
    return list(groups.values()), _unique(evidence)


def _state_of(row: dict[str, Any]) -> str:
    """A progress report's own word for a row's task, bracketed (empty for a plan's task)."""
    return f"（{row['status']}）" if row.get("status") else ""


def _due_rows(rows: list[dict[str, Any]], topic: Topic | None, phrase: str = "") -> _Grouped:
    return _by_place(rows, lambda r: (r["due_date"], f"{r['task']}{_state_of(r)}{_lead_of(r)}"), None)


def _status_rows(rows: list[dict[str, Any]], topic: Topic | None, phrase: str = "") -> _Grouped:
    def line(r: dict[str, Any]) -> tuple[str, str]:
        due = f", due {r['due_date'] or r['deadline']}" if r["due_date"] or r["deadline"] else ""
        return r["status"], f"{r['task']}{due}{_lead_of(r)}"

    return _by_place(rows, line, None)


def _progress_rows(rows: list[dict[str, Any]], topic: Topic | None, phrase: str = "") -> _Grouped:
    def line(r: dict[str, Any]) -> tuple[str, str]:
        return r["status"] or "progress reported", f"{r['task']}{_state_of(r)}{_lead_of(r)}"

    return _by_place(rows, line, lambda r: (r["unit"], r["basis"], r["progress"]))


def _shared_rows(rows: list[dict[str, Any]], topic: Topic | None, phrase: str = "") -> _Grouped:
    return _by_place(
        rows,
        lambda r: (
            r["document"],
            f"{r['task']} — {r['unit_a']} ({r['role_a']}), {r['unit_b']} ({r['role_b']})",
        ),
        lambda r: (r["unit_a"], r["role_a"], r["evidence"]),
    )


def _no_lead_rows(rows: list[dict[str, Any]], topic: Topic | None, phrase: str = "") -> _Grouped:
    first = " — {} (first-listed, not a stated lead)"
    return _by_place(
        rows,
        lambda r: (r["basis"], (r["task"] or "") + (first.format(r["unit"]) if r["unit"] else "")),
        lambda r: (r["unit"], r["basis"], r["evidence"]),
    )


def _compare_rows(rows: list[dict[str, Any]], topic: Topic | None, phrase: str = "") -> _Grouped:
    groups: dict[str, Group] = {}
    for row in rows:
        g = groups.setdefault(row["place"], Group(row["place"]))
        g.add(row["basis"], f"{row['unit']} ({row['tasks']})" if row["unit"] else f"{row['tasks']} task(s)")
    return _by_basis(groups), []


def _places_rows(rows: list[dict[str, Any]], topic: Topic | None, phrase: str = "") -> _Grouped:
    groups: dict[str, Group] = {}
    for row in rows:
        g = groups.setdefault(row["status"], Group(row["status"]))
        count = f" ({row['assigned']} of {row['tasks']} tasks name a unit)" if row["tasks"] else ""
        g.add("places", f"{row['jurisdiction'] or '(no jurisdiction)'}{count}")
    return list(groups.values()), []


_GROUPERS: dict[str, Callable[[list[dict[str, Any]], Topic | None, str], _Grouped]] = {
    "topic_leads": _topic_rows,
    "topic_units": _topic_rows,
    "term_units": _topic_rows,
    "unit_ranking": _ranking_rows,
    "unit_top": _ranking_rows,
    "unit_workload": _workload_rows,
    "tasks_overdue": _due_rows,
    "tasks_due_between": _due_rows,
    "tasks_by_status": _status_rows,
    "compare_places": _compare_rows,
    "topic_places": _places_rows,
    "tasks_without_lead": _no_lead_rows,
    "task_progress": _progress_rows,
    "shared_tasks": _shared_rows,
    "unit_work": _unit_rows,
    "unit_partners": _unit_rows,
    "task_list": _task_rows,
    "targets_in": _target_rows,
    "people_groups": _people_rows,
    "task_people": _task_people_rows,
    "document_list": _document_rows,
}


def group_rows(
    query: str, rows: list[dict[str, Any]], topic: Topic | None, phrase: str = ""
) -> tuple[list[Group], list[Evidence], list[dict[str, Any]]]:
    """Groups, evidence and the rows (copied; long evidence trimmed) for the rows of ``query``."""
    plain = [dict(r) for r in rows]
    grouper = _GROUPERS.get(query)
    if grouper is None:
        return [], [], plain
    groups, evidence = grouper(plain, topic, phrase)
    return groups, evidence, plain
