"""Export filters and the part of the graph they select (the *scope*).

Without filters an export is the whole store, read label by label. With filters the
scope is resolved to key sets per label by a few parameterised queries:

1. documents: those named by ``documents`` (id, source file name or title) and issued in
   one of ``jurisdictions`` or a place below it (``PART_OF``: 晋城市 includes 泽州县);
2. tasks: the documents' tasks, only those ``ABOUT`` one of ``topics`` when given
   (topic name, or English label in any case);
3. everything the tasks touch: units (``LEADS`` / ``COOPERATES`` / ``RESPONSIBLE_FOR``),
   deadlines, topics, the people in charge of them (``IN_CHARGE_OF``); without a topic filter also the documents' targets and the
   people / groups the documents name (per-document ``MEMBER_OF`` / ``OFFICE_AT``);
4. the units' types, the jurisdictions of documents and units, and the places above them.

Edges are those between scope nodes; an edge carrying a ``document`` property counts
only when that document is in scope. ``assets/view.js`` applies the same rules in the
browser, so a filtered HTML view and a filtered export show the same nodes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from fengong.graph.schema import NODES, ROLE_RELS, node, quote, rel
from fengong.graph.store import GraphStore, Rows

#: Rows a single export statement may return; paging keeps real pages far below it.
NO_CAP = 1_000_000_000
#: Export statements are trusted and paged, but a page on a big Neo4j can take a while.
EXPORT_TIMEOUT_S = 600.0


class ExportError(ValueError):
    """An export that cannot be made: unknown format, nothing selected, too large a view."""


@dataclass(frozen=True, slots=True)
class ExportFilters:
    """What to export: empty tuples mean "no restriction"."""

    jurisdictions: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        jurisdiction: Iterable[str] | str | None = None,
        topic: Iterable[str] | str | None = None,
        document: Iterable[str] | str | None = None,
    ) -> ExportFilters:
        """Filters from CLI / HTTP values: a string, a list of strings, or None; blanks dropped."""
        return cls(_clean(jurisdiction), _clean(topic), _clean(document))

    @property
    def active(self) -> bool:
        """True when any filter restricts the export."""
        return bool(self.jurisdictions or self.topics or self.documents)

    def describe(self) -> str:
        """A one-line human description (used in file metadata)."""
        parts = [
            f"{name}={'|'.join(values)}"
            for name, values in (
                ("jurisdiction", self.jurisdictions),
                ("topic", self.topics),
                ("document", self.documents),
            )
            if values
        ]
        return ", ".join(parts) or "whole graph"


def _clean(value: Iterable[str] | str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else list(value)
    return tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))


@dataclass(slots=True)
class Scope:
    """Keys per label selected by filters (every label present, possibly empty)."""

    filters: ExportFilters
    nodes: dict[str, set[str]] = field(default_factory=lambda: {label: set() for label in NODES})

    @property
    def documents(self) -> set[str]:
        """The selected document ids."""
        return self.nodes["Document"]

    def node_count(self) -> int:
        """Number of selected nodes."""
        return sum(len(keys) for keys in self.nodes.values())

    def has_edge(self, rel_type: str, src: str, dst: str, props: dict[str, Any]) -> bool:
        """True when both ends are in scope and the edge's document (if it names one) is too."""
        spec = rel(rel_type)
        if src not in self.nodes[spec.src] or dst not in self.nodes[spec.dst]:
            return False
        document = props.get("document")
        return document is None or document in self.documents


def run_rows(store: GraphStore, cypher: str, params: dict[str, Any] | None = None) -> Rows:
    """A read-only export statement without the interactive row cap (callers page)."""
    timeout = max(store.settings.query_timeout_s, EXPORT_TIMEOUT_S)
    return store.run(cypher, params or {}, limit=NO_CAP, timeout=timeout)


def chunked(items: Sequence[str], size: int) -> Iterator[list[str]]:
    """``items`` in lists of at most ``size``."""
    for i in range(0, len(items), max(1, size)):
        yield list(items[i : i + size])


def part_of_edges(store: GraphStore) -> list[tuple[str, str]]:
    """All (place, enclosing place) pairs; jurisdictions are few, so one statement."""
    rows = run_rows(
        store, "MATCH (a:Jurisdiction)-[:PART_OF]->(b:Jurisdiction) RETURN a.name AS a, b.name AS b"
    )
    return [(r["a"], r["b"]) for r in rows]


def _closure(names: Iterable[str], edges: Iterable[tuple[str, str]]) -> set[str]:
    """``names`` and everything reachable from them along ``edges`` (from, to)."""
    following: dict[str, set[str]] = {}
    for a, b in edges:
        following.setdefault(a, set()).add(b)
    out: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name not in out:
            out.add(name)
            todo.extend(following.get(name, ()))
    return out


def places_within(names: Iterable[str], part_of: Iterable[tuple[str, str]]) -> set[str]:
    """``names`` and every place below them (transitively)."""
    return _closure(names, ((parent, child) for child, parent in part_of))


def places_above(names: Iterable[str], part_of: Iterable[tuple[str, str]]) -> set[str]:
    """``names`` and every place enclosing them (transitively)."""
    return _closure(names, part_of)


def _neighbours(
    store: GraphStore,
    rel_type: str,
    keys: Iterable[str],
    *,
    forward: bool,
    page: int,
    documents: set[str] | None = None,
) -> set[str]:
    """Keys at the other end of ``rel_type`` edges from ``keys`` (forward: keys are sources)."""
    spec = rel(rel_type)
    near, far = (spec.src, spec.dst) if forward else (spec.dst, spec.src)
    near_key, far_key = quote(node(near).key), quote(node(far).key)
    pattern = f"(a:{quote(spec.src)})-[r:{quote(rel_type)}]->(b:{quote(spec.dst)})"
    this, other = ("a", "b") if forward else ("b", "a")
    doc_clause = " AND r.document IN $docs" if documents is not None else ""
    cypher = (
        f"MATCH {pattern} WHERE {this}.{near_key} IN $keys{doc_clause} RETURN DISTINCT {other}.{far_key} AS k"
    )
    out: set[str] = set()
    for chunk in chunked(sorted(keys), page):
        params: dict[str, Any] = {"keys": chunk}
        if documents is not None:
            params["docs"] = sorted(documents)
        out.update(r["k"] for r in run_rows(store, cypher, params))
    return out


def resolve_scope(store: GraphStore, filters: ExportFilters, page: int = 2_000) -> Scope | None:
    """The scope the filters select, or None for the whole graph (no filter)."""
    if not filters.active:
        return None
    scope = Scope(filters)
    part_of = part_of_edges(store)
    jurisdictions = sorted(places_within(filters.jurisdictions, part_of))
    rows = run_rows(
        store,
        "MATCH (d:Document) WHERE ($any_doc OR d.id IN $docs OR d.source IN $docs OR d.title IN $docs) "
        "AND ($any_place OR d.jurisdiction IN $places) RETURN d.id AS k",
        {
            "any_doc": not filters.documents,
            "docs": list(filters.documents),
            "any_place": not filters.jurisdictions,
            "places": jurisdictions,
        },
    )
    docs = {r["k"] for r in rows}
    if not docs:
        raise ExportError(f"no document matches the filters ({filters.describe()})")
    scope.nodes["Document"] = docs
    tasks = scope.nodes["Task"]
    for chunk in chunked(sorted(docs), page):
        if filters.topics:
            cypher = (
                "MATCH (d:Document)-[:HAS_TASK]->(t:Task)-[:ABOUT]->(tp:Topic) "
                "WHERE d.id IN $docs AND (tp.name IN $topics OR toLower(coalesce(tp.en, '')) IN $lower) "
                "RETURN DISTINCT t.id AS k"
            )
            params: dict[str, Any] = {
                "docs": chunk,
                "topics": list(filters.topics),
                "lower": [t.lower() for t in filters.topics],
            }
        else:
            cypher = "MATCH (d:Document)-[:HAS_TASK]->(t:Task) WHERE d.id IN $docs RETURN t.id AS k"
            params = {"docs": chunk}
        tasks.update(r["k"] for r in run_rows(store, cypher, params))
    if filters.topics and not tasks:
        raise ExportError(f"no task matches the filters ({filters.describe()})")
    units = scope.nodes["Unit"]
    for rel_type in ROLE_RELS.values():
        units |= _neighbours(store, rel_type, tasks, forward=False, page=page)
    scope.nodes["Deadline"] = _neighbours(store, "DUE", tasks, forward=True, page=page)
    # (the people the tasks name in charge of them: 责任人, 包村领导)
    scope.nodes["Person"] |= _neighbours(store, "IN_CHARGE_OF", tasks, forward=False, page=page)
    scope.nodes["Topic"] = _neighbours(store, "ABOUT", tasks, forward=True, page=page)
    if not filters.topics:
        scope.nodes["Target"] = _neighbours(store, "SETS", docs, forward=True, page=page)
        _people(store, scope)
    scope.nodes["UnitType"] = _neighbours(store, "OF_TYPE", units, forward=True, page=page)
    places = _neighbours(store, "ISSUED_IN", docs, forward=True, page=page)
    places |= _neighbours(store, "IN", units, forward=True, page=page)
    scope.nodes["Jurisdiction"] = places_above(places, part_of)
    return scope


def _people(store: GraphStore, scope: Scope) -> None:
    """People and groups the scope's documents name, and the units their offices sit in."""
    docs = sorted(scope.documents)
    for chunk in chunked(docs, 2_000):
        for r in run_rows(
            store,
            "MATCH (p:Person)-[r:MEMBER_OF]->(g:`Group`) WHERE r.document IN $docs RETURN p.id AS p, g.id AS g",
            {"docs": chunk},
        ):
            scope.nodes["Person"].add(r["p"])
            scope.nodes["Group"].add(r["g"])
        for r in run_rows(
            store,
            "MATCH (g:`Group`)-[r:OFFICE_AT]->(u:Unit) WHERE r.document IN $docs RETURN g.id AS g, u.id AS u",
            {"docs": chunk},
        ):
            scope.nodes["Group"].add(r["g"])
            scope.nodes["Unit"].add(r["u"])
