"""The responsibility matrix read from a store: documents with their tasks, deadlines,
topics and (unit, role, rank) assignments, a page of documents at a time."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from fengong.graph.export.filters import Scope, chunked, run_rows
from fengong.graph.export.style import role_cell
from fengong.graph.store import GraphStore

_ROLE_ORDER = {"lead": 0, "responsible": 1, "cooperate": 2}


@dataclass(slots=True)
class MatrixAssignment:
    """One unit's role on one task."""

    unit_id: str
    unit: str
    unit_type: str | None
    role: str
    rank: int
    evidence: str | None

    @property
    def cell(self) -> str:
        """牵头 / 配合 / 责任<rank>."""
        return role_cell(self.role, self.rank)


@dataclass(slots=True)
class MatrixTask:
    """A task row: where it sits in the document, when it is due, who does it."""

    id: str
    title: str
    path: list[str]
    start: int
    deadline: str | None = None
    deadline_date: str | None = None
    topics: list[str] = field(default_factory=list)
    assignments: list[MatrixAssignment] = field(default_factory=list)


@dataclass(slots=True)
class MatrixDocument:
    """One document's matrix."""

    id: str
    title: str
    jurisdiction: str | None
    doc_number: str | None
    date: str | None
    source: str | None
    tasks: list[MatrixTask] = field(default_factory=list)

    def units(self) -> list[tuple[str, str]]:
        """(unit id, name) in order of first appearance (task order, then role and rank)."""
        seen: dict[str, str] = {}
        for task in self.tasks:
            for a in task.assignments:
                seen.setdefault(a.unit_id, a.unit)
        return list(seen.items())


def document_ids(store: GraphStore, scope: Scope | None) -> list[str]:
    """Documents in scope, ordered by jurisdiction, title and id.

    A jurisdiction's documents come together: the cross-city sheet (``CrossCity``) relies on it
    to hold one jurisdiction at a time.
    """
    rows = run_rows(
        store,
        "MATCH (d:Document) RETURN d.id AS id, coalesce(d.jurisdiction, '') AS j, coalesce(d.title, '') AS t",
    )
    keep = [r for r in rows if scope is None or r["id"] in scope.documents]
    return [r["id"] for r in sorted(keep, key=lambda r: (r["j"], r["t"], r["id"]))]


def iter_matrix(store: GraphStore, scope: Scope | None, docs_per_page: int = 100) -> Iterator[MatrixDocument]:
    """Every document in scope with its tasks (only the scope's tasks when filtered by topic)."""
    for page in chunked(document_ids(store, scope), docs_per_page):
        yield from _page(store, scope, page)


def _page(store: GraphStore, scope: Scope | None, page: list[str]) -> list[MatrixDocument]:
    params = {"docs": page}
    docs = {
        r["id"]: MatrixDocument(r["id"], r["title"] or "", r["j"], r["num"], r["date"], r["source"])
        for r in run_rows(
            store,
            "MATCH (d:Document) WHERE d.id IN $docs RETURN d.id AS id, d.title AS title, "
            "d.jurisdiction AS j, d.doc_number AS num, d.date AS date, d.source AS source",
            params,
        )
    }
    tasks: dict[str, MatrixTask] = {}
    for r in run_rows(
        store,
        "MATCH (d:Document)-[:HAS_TASK]->(t:Task) WHERE d.id IN $docs "
        "RETURN d.id AS doc, t.id AS id, t.title AS title, t.path AS path, t.start AS pos "
        "ORDER BY doc, pos, id",
        params,
    ):
        if scope is not None and r["id"] not in scope.nodes["Task"]:
            continue
        task = MatrixTask(r["id"], r["title"] or "", list(r["path"] or []), int(r["pos"] or 0))
        tasks[task.id] = task
        docs[r["doc"]].tasks.append(task)
    for r in run_rows(
        store,
        "MATCH (d:Document)-[:HAS_TASK]->(t:Task)-[r:DUE]->(dl:Deadline) WHERE d.id IN $docs "
        "RETURN t.id AS task, dl.text AS text, dl.date AS date, r.is_primary AS is_primary",
        params,
    ):
        due = tasks.get(r["task"])
        if due is not None and (r["is_primary"] or due.deadline is None):
            due.deadline, due.deadline_date = r["text"], r["date"]
    for r in run_rows(
        store,
        "MATCH (d:Document)-[:HAS_TASK]->(t:Task)-[:ABOUT]->(tp:Topic) WHERE d.id IN $docs "
        "RETURN t.id AS task, tp.name AS topic ORDER BY task, topic",
        params,
    ):
        if r["task"] in tasks:
            tasks[r["task"]].topics.append(r["topic"])
    for r in run_rows(
        store,
        "MATCH (d:Document)-[:HAS_TASK]->(t:Task)<-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]-(u:Unit) "
        "WHERE d.id IN $docs RETURN t.id AS task, u.id AS unit_id, u.name AS unit, "
        "u.unit_type AS unit_type, r.role AS role, r.rank AS rank, r.evidence AS evidence",
        params,
    ):
        assigned = tasks.get(r["task"])
        if assigned is not None:
            assigned.assignments.append(
                MatrixAssignment(
                    r["unit_id"],
                    r["unit"] or r["unit_id"],
                    r["unit_type"],
                    r["role"],
                    int(r["rank"] or 0),
                    r["evidence"],
                )
            )
    for task in tasks.values():
        task.assignments.sort(key=lambda a: (_ROLE_ORDER.get(a.role, 9), a.rank, a.unit))
    return [docs[d] for d in page if d in docs]


@dataclass(slots=True)
class MatrixRow:
    """One task of a wide matrix: its cells (牵头 / 配合 / 责任N) and ranks by unit name."""

    document: str
    task: str
    task_id: str
    deadline: str | None
    cells: dict[str, str] = field(default_factory=dict)
    ranks: dict[str, int] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class MatrixTable:
    """Tasks × units: unit columns in first-seen order, task rows in document order."""

    title: str
    units: list[str] = field(default_factory=list)
    rows: list[MatrixRow] = field(default_factory=list)


def matrix_table(store: GraphStore, scope: Scope | None, title: str | None = None) -> MatrixTable:
    """The wide matrix of the documents in ``scope``, built from the same reading as the XLSX and
    CSV exports (``iter_matrix``); titled ``title``, or by its document when it holds one."""
    table = MatrixTable(title or "")
    seen: set[str] = set()
    for n, doc in enumerate(iter_matrix(store, scope)):
        if title is None:
            table.title = doc.title if n == 0 else ""
        for task in doc.tasks:
            row = MatrixRow(doc.title, task.title, task.id, task.deadline)
            for a in task.assignments:
                if a.unit not in seen:
                    seen.add(a.unit)
                    table.units.append(a.unit)
                row.cells[a.unit], row.ranks[a.unit] = a.cell, a.rank
                if a.evidence:
                    row.evidence[a.unit] = a.evidence
            table.rows.append(row)
    return table
