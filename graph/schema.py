"""The graph schema in one place: labels, relationship types, keys and property types.

Everything that names a label, a relationship type or a property in generated Cypher
comes from here (an allow-list), so no identifier ever comes from user input. The
Neo4j constraints/indexes and the LadybugDB DDL are both derived from these tables.

Ownership decides what a re-load replaces: nodes and relationships *owned* by a
document (its Document node, tasks, targets and their edges) are deleted and
recreated when the document is loaded again; *shared* nodes (units, jurisdictions,
unit types, topics, deadlines, people, groups) are merged and never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PropType = Literal["STRING", "INT64", "DOUBLE", "BOOLEAN", "STRING[]"]


@dataclass(frozen=True, slots=True)
class Prop:
    """One property and its type (the LadybugDB column type; Neo4j is schemaless)."""

    name: str
    type: PropType = "STRING"
    derived: bool = False  # computed in the store after a load (graph/plan.py), not written by it


@dataclass(frozen=True, slots=True)
class NodeSpec:
    """A node label with its key property (always a STRING) and other properties."""

    label: str
    key: str
    props: tuple[Prop, ...]
    owned: bool  # True: belongs to one document, deleted when that document is replaced

    @property
    def prop_names(self) -> tuple[str, ...]:
        """The non-key property names, in declaration order."""
        return tuple(p.name for p in self.props)

    @property
    def written_names(self) -> tuple[str, ...]:
        """The non-key properties a load writes (``prop_names`` less the derived ones)."""
        return tuple(p.name for p in self.props if not p.derived)


@dataclass(frozen=True, slots=True)
class RelSpec:
    """A relationship type between two labels.

    ``owned`` relationships are recreated with their document; ``per_document``
    ones are shared-endpoint edges kept apart per document by a ``document``
    property (one edge per document: replacing one document deletes and recreates
    its own edges and leaves another document's identical edge alone).
    """

    type: str
    src: str
    dst: str
    props: tuple[Prop, ...] = ()
    owned: bool = False
    per_document: bool = False

    @property
    def prop_names(self) -> tuple[str, ...]:
        """The property names, in declaration order."""
        return tuple(p.name for p in self.props)

    @property
    def recreated(self) -> bool:
        """A load deletes its documents' edges of this type and CREATEs them again (owned or per document)."""
        return self.owned or self.per_document


def _props(*names: str, **typed: PropType) -> tuple[Prop, ...]:
    return tuple(Prop(n) for n in names) + tuple(Prop(n, t) for n, t in typed.items())


NODES: dict[str, NodeSpec] = {
    spec.label: spec
    for spec in (
        NodeSpec(
            "Document",
            "id",
            _props(
                "title",
                "doc_number",
                "issuer",
                "date",
                "source",
                "sha256",
                "jurisdiction",
                "city",
                places="STRING[]",
                # the topics its title names as the whole document's: each of its tasks is on them
                topics="STRING[]",
            ),
            owned=True,
        ),
        NodeSpec("Jurisdiction", "name", _props("level", "province"), owned=False),
        NodeSpec(
            "Task",
            "id",
            (
                *_props("title", "text", "category", "progress", "document", path="STRING[]", start="INT64"),
                Prop("end", "INT64"),
                Prop("leads", "INT64"),
                # units named in any role: queries read it instead of counting the edges (a COUNT { }
                # subquery scans every unit edge in LadybugDB)
                Prop("units", "INT64"),
                # whether the first-listed 责任单位 reads as the lead (no stated lead, and one
                # responsible body alone or a document that states no lead anywhere)
                Prop("first_leads", "BOOLEAN"),
                # whether it states no lead and names one responsible body alone (tasks_without_lead
                # leaves it out: that body carries it)
                Prop("one_body", "BOOLEAN"),
                Prop("topics", "STRING[]"),
                # a progress report's state of the task: done / in progress / behind / not started,
                # and the document's word for it (已完成); unset in plans
                Prop("status", "STRING"),
                Prop("status_text", "STRING"),
                # the primary deadline's kind, date and words ('' without one), as its Deadline node
                # holds them: due and overdue questions filter the tasks by these instead of joining
                # every DUE edge (LadybugDB hash-joins the whole relationship table: ~25 ms a question)
                Prop("due_kind", "STRING"),
                Prop("due_date", "STRING"),
                Prop("due_text", "STRING"),
            ),
            owned=True,
        ),
        NodeSpec(
            "Unit",
            "id",
            (
                *_props("name", "local_name", "kind", "unit_type", "jurisdiction", collective="BOOLEAN"),
                # the name with its function spelled out (湖南省发展改革委 -> 湖南省发展和改革委员会), '' when
                # the name spells it already: answers show it beside the name as written
                Prop("full_name", "STRING"),
                # workload counts, refreshed after every load and delete (graph/plan.py)
                *(
                    Prop(n, "INT64", derived=True)
                    for n in ("task_count", "lead_count", "first_listed_count", "cooperate_count")
                ),
            ),
            owned=False,
        ),
        NodeSpec("UnitType", "name", (), owned=False),
        NodeSpec("Deadline", "key", _props("kind", "date", "text"), owned=False),
        NodeSpec("Topic", "name", _props("en"), owned=False),
        # A word of task titles and texts (ingest/terms.py): the index open topic questions search.
        NodeSpec("Term", "name", (), owned=False),
        NodeSpec(
            "Target",
            "id",
            _props("metric", "unit", "due", "text", "status", "document", value="DOUBLE"),
            owned=True,
        ),
        NodeSpec("Person", "id", _props("name", "jurisdiction"), owned=False),
        NodeSpec("Group", "id", _props("name", "jurisdiction"), owned=False),
    )
}

_PROVENANCE = (*_props("role", "document", "evidence", rank="INT64", start="INT64"), Prop("end", "INT64"))

RELS: dict[str, RelSpec] = {
    spec.type: spec
    for spec in (
        RelSpec("PART_OF", "Jurisdiction", "Jurisdiction"),
        RelSpec("ISSUED_IN", "Document", "Jurisdiction", owned=True),
        RelSpec("HAS_TASK", "Document", "Task", owned=True),
        RelSpec("IN", "Unit", "Jurisdiction"),
        RelSpec("OF_TYPE", "Unit", "UnitType"),
        RelSpec("DUE", "Task", "Deadline", _props(is_primary="BOOLEAN"), owned=True),
        RelSpec("ABOUT", "Task", "Topic", owned=True),
        RelSpec("HAS_TERM", "Task", "Term", owned=True),
        # A topic the document names outside its tasks (it mentions the topic, assigns nobody).
        RelSpec(
            "MENTIONS",
            "Document",
            "Topic",
            (*_props("evidence", start="INT64"), Prop("end", "INT64")),
            owned=True,
        ),
        RelSpec("SETS", "Document", "Target", owned=True),
        RelSpec("LEADS", "Unit", "Task", _PROVENANCE, owned=True),
        RelSpec("COOPERATES", "Unit", "Task", _PROVENANCE, owned=True),
        RelSpec("RESPONSIBLE_FOR", "Unit", "Task", _PROVENANCE, owned=True),
        RelSpec("MEMBER_OF", "Person", "Group", _props("document", "role", "position"), per_document=True),
        # a person a task names in charge of it (责任人, 包村领导), under the document's label
        RelSpec("IN_CHARGE_OF", "Person", "Task", _props("label"), owned=True),
        RelSpec("OFFICE_AT", "Group", "Unit", _props("document"), per_document=True),
    )
}

#: Unit -> Task relationship type for each model role.
ROLE_RELS: dict[str, str] = {"lead": "LEADS", "cooperate": "COOPERATES", "responsible": "RESPONSIBLE_FOR"}

#: Order in which labels are written (endpoints before relationships) and deleted.
NODE_ORDER: tuple[str, ...] = tuple(NODES)
REL_ORDER: tuple[str, ...] = tuple(RELS)

#: The term index (words of task texts): searched by questions, left out of the graph exports
#: meant for reading (GraphML, GEXF, Cytoscape, HTML), kept in the full neo4j-admin dump.
INDEX_LABELS: frozenset[str] = frozenset({"Term"})
INDEX_RELS: frozenset[str] = frozenset({"HAS_TERM"})
CONTENT_NODE_ORDER: tuple[str, ...] = tuple(n for n in NODE_ORDER if n not in INDEX_LABELS)
CONTENT_REL_ORDER: tuple[str, ...] = tuple(r for r in REL_ORDER if r not in INDEX_RELS)

#: Extra Neo4j indexes on non-key properties that named queries filter on.
NEO4J_INDEXES: tuple[tuple[str, str], ...] = (
    ("Unit", "name"),
    ("Unit", "unit_type"),
    ("Task", "document"),
    ("Task", "due_date"),  # due and overdue questions: a range seek instead of a scan of every task
    ("Target", "metric"),
    ("Deadline", "date"),
    ("Person", "name"),
    ("Group", "name"),
)


def node(label: str) -> NodeSpec:
    """The spec of ``label``; raises KeyError for anything outside the schema."""
    if label not in NODES:
        raise KeyError(f"unknown node label {label!r}; known: {', '.join(NODES)}")
    return NODES[label]


def rel(rel_type: str) -> RelSpec:
    """The spec of ``rel_type``; raises KeyError for anything outside the schema."""
    if rel_type not in RELS:
        raise KeyError(f"unknown relationship type {rel_type!r}; known: {', '.join(RELS)}")
    return RELS[rel_type]


def quote(identifier: str) -> str:
    """Backtick-quote a schema identifier (``end`` is a reserved word in Ladybug's parser)."""
    if "`" in identifier:
        raise ValueError(f"bad identifier {identifier!r}")
    return f"`{identifier}`"


def neo4j_schema_statements() -> list[str]:
    """Idempotent Neo4j 5 constraint and index statements derived from the schema."""
    out = [
        f"CREATE CONSTRAINT {spec.label.lower()}_{spec.key} IF NOT EXISTS "
        f"FOR (n:{quote(spec.label)}) REQUIRE n.{quote(spec.key)} IS UNIQUE"
        for spec in NODES.values()
    ]
    out += [
        f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{quote(label)}) ON (n.{quote(prop)})"
        for label, prop in NEO4J_INDEXES
    ]
    # Per-document edges are found by their document property when a document is replaced.
    out += [
        f"CREATE INDEX {spec.type.lower()}_document IF NOT EXISTS "
        f"FOR ()-[r:{quote(spec.type)}]-() ON (r.document)"
        for spec in RELS.values()
        if spec.per_document
    ]
    return out


def ladybug_ddl() -> list[str]:
    """LadybugDB CREATE TABLE statements (idempotent) derived from the schema."""
    out = []
    for spec in NODES.values():
        cols = [f"{quote(spec.key)} STRING"] + [f"{quote(p.name)} {p.type}" for p in spec.props]
        out.append(
            f"CREATE NODE TABLE IF NOT EXISTS {quote(spec.label)}"
            f"({', '.join(cols)}, PRIMARY KEY ({quote(spec.key)}))"
        )
    for r in RELS.values():
        cols = [f"FROM {quote(r.src)} TO {quote(r.dst)}"] + [f"{quote(p.name)} {p.type}" for p in r.props]
        out.append(f"CREATE REL TABLE IF NOT EXISTS {quote(r.type)}({', '.join(cols)})")
    # (a store made before a property was added gains its column, empty until documents reload)
    out += [
        f"ALTER TABLE {quote(spec.label)} ADD IF NOT EXISTS {quote(p.name)} {p.type}"
        for spec in NODES.values()
        for p in spec.props
    ]
    return out
