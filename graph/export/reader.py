"""Reading the graph for export: nodes and edges as records, page by page.

Every statement is generated from the schema allow-list and takes its values as
parameters, so it runs unchanged on the embedded store and on Neo4j. Nodes are read
by keyset pages (``WHERE n.key > $after ORDER BY n.key LIMIT $limit``) or, within a
scope, by pages of keys; edges by pages of source keys. Memory stays bounded by the
page size whatever the size of the graph (a scope holds only keys).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fengong.graph.export.filters import ExportFilters, Scope, chunked, resolve_scope, run_rows
from fengong.graph.schema import CONTENT_NODE_ORDER, CONTENT_REL_ORDER, NODES, node, quote, rel
from fengong.graph.store import GraphStore


@dataclass(frozen=True, slots=True)
class NodeRecord:
    """One node: its label, key and every schema property (key included; None when unset)."""

    label: str
    key: str
    props: dict[str, Any]

    @property
    def uid(self) -> str:
        """An id unique across labels (keys of two labels may coincide)."""
        return node_uid(self.label, self.key)


@dataclass(frozen=True, slots=True)
class EdgeRecord:
    """One relationship: type, source and target keys, and every schema property."""

    type: str
    src: str
    dst: str
    props: dict[str, Any]

    @property
    def src_uid(self) -> str:
        """The source node's export id."""
        return node_uid(rel(self.type).src, self.src)

    @property
    def dst_uid(self) -> str:
        """The target node's export id."""
        return node_uid(rel(self.type).dst, self.dst)


def node_uid(label: str, key: str) -> str:
    """The export id of a node: ``Label:key``."""
    return f"{label}:{key}"


def caption(record: NodeRecord) -> str:
    """The text a viewer shows on a node (as docker/fengong.grass captions it)."""
    from fengong.graph.export.style import CAPTIONS

    value = record.props.get(CAPTIONS.get(record.label, "")) or record.key
    return str(value)


class GraphReader:
    """Reads the whole graph, or the scope of some filters, in pages."""

    def __init__(self, store: GraphStore, filters: ExportFilters | None = None, page_size: int = 5_000):
        self.store = store
        self.filters = filters or ExportFilters()
        self.page_size = page_size
        self.scope: Scope | None = resolve_scope(store, self.filters)
        self._counts: dict[str, int] | None = None

    # -- sizes -------------------------------------------------------------------------

    def store_counts(self) -> dict[str, int]:
        """The store's node and relationship counts (cached)."""
        if self._counts is None:
            self._counts = self.store.counts()
        return self._counts

    def node_count(self) -> int:
        """How many nodes ``nodes()`` yields."""
        if self.scope is None:
            return self.store_counts()["nodes"]
        return self.scope.node_count()

    # -- nodes -------------------------------------------------------------------------

    def nodes(self, labels: tuple[str, ...] = CONTENT_NODE_ORDER) -> Iterator[NodeRecord]:
        """Every node of ``labels`` in scope, label by label, ordered by key."""
        for label in labels:
            yield from self._nodes_of(label)

    def keys(self, label: str) -> Iterator[list[str]]:
        """Pages of the keys of ``label`` in scope, in key order."""
        if self.scope is not None:
            yield from chunked(sorted(self.scope.nodes[label]), self.page_size)
            return
        key = quote(node(label).key)
        cypher = (
            f"MATCH (n:{quote(label)}) WHERE n.{key} > $after RETURN n.{key} AS k ORDER BY k LIMIT $limit"
        )
        after = ""
        while True:
            page = [r["k"] for r in run_rows(self.store, cypher, {"after": after, "limit": self.page_size})]
            if page:
                yield page
            if len(page) < self.page_size:
                return
            after = page[-1]

    def _nodes_of(self, label: str) -> Iterator[NodeRecord]:
        spec = NODES[label]
        names = (spec.key, *spec.prop_names)
        cols = ", ".join(f"n.{quote(p)} AS {quote(p)}" for p in names)
        key = quote(spec.key)
        if self.scope is not None:
            cypher = f"MATCH (n:{quote(label)}) WHERE n.{key} IN $keys RETURN {cols} ORDER BY n.{key}"
            for chunk in self.keys(label):
                for row in run_rows(self.store, cypher, {"keys": chunk}):
                    yield NodeRecord(label, row[spec.key], row)
            return
        # Keyset paging: each page starts after the last key of the one before.
        cypher = (
            f"MATCH (n:{quote(label)}) WHERE n.{key} > $after RETURN {cols} ORDER BY n.{key} LIMIT $limit"
        )
        after = ""
        while True:
            rows = run_rows(self.store, cypher, {"after": after, "limit": self.page_size})
            for row in rows:
                yield NodeRecord(label, row[spec.key], row)
            if len(rows) < self.page_size:
                return
            after = rows[-1][spec.key]

    # -- edges -------------------------------------------------------------------------

    def edges(self, types: tuple[str, ...] = CONTENT_REL_ORDER) -> Iterator[EdgeRecord]:
        """Every relationship of ``types`` in scope, type by type, ordered by source and target."""
        for rel_type in types:
            yield from self._edges_of(rel_type)

    def _source_page(self, rel_type: str) -> int:
        """Source keys per statement so a page returns about ``page_size`` edges."""
        counts = self.store_counts()
        spec = rel(rel_type)
        sources, edges = counts.get(spec.src, 0), counts.get(rel_type, 0)
        if edges <= 0:
            return self.page_size
        return max(16, min(self.page_size, self.page_size * max(1, sources) // edges))

    def _edges_of(self, rel_type: str) -> Iterator[EdgeRecord]:
        spec = rel(rel_type)
        if self.store_counts().get(rel_type, 0) == 0:
            return
        src, dst = NODES[spec.src], NODES[spec.dst]
        cols = ", ".join(
            [f"a.{quote(src.key)} AS `_src`", f"b.{quote(dst.key)} AS `_dst`"]
            + [f"r.{quote(p)} AS {quote(p)}" for p in spec.prop_names]
        )
        order = ", ".join(["`_src`", "`_dst`"] + [quote(p) for p in spec.prop_names if p == "document"])
        pattern = f"MATCH (a:{quote(spec.src)})-[r:{quote(rel_type)}]->(b:{quote(spec.dst)}) "
        if self.scope is None:
            # Whole graph: a page of sources is a key range, cheaper than a list membership
            # test per row (which made large exports quadratic on the embedded store).
            where = f"WHERE a.{quote(src.key)} >= $lo AND a.{quote(src.key)} <= $hi "
        else:
            where = f"WHERE a.{quote(src.key)} IN $keys "
        cypher = f"{pattern}{where}RETURN {cols} ORDER BY {order}"
        page = self._source_page(rel_type)
        for keys in self.keys(spec.src):
            for chunk in chunked(keys, page):
                params = {"keys": chunk} if self.scope is not None else {"lo": chunk[0], "hi": chunk[-1]}
                for row in run_rows(self.store, cypher, params):
                    s, d = row.pop("_src"), row.pop("_dst")
                    if self.scope is None or self.scope.has_edge(rel_type, s, d, row):
                        yield EdgeRecord(rel_type, s, d, row)
