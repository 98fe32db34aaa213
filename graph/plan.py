"""The write plan shared by both stores: parameterised Cypher statements that replace documents.

A plan is a list of ``Step``s (Cypher text + parameters). Both stores run the same plan in
one transaction, so both give the same guarantees: loading a document again yields the same
graph, an edited document replaces its tasks, targets and edges while shared nodes stay, and
a failure anywhere leaves the store as it was. Identifiers come only from ``schema``; values
only travel as ``$rows`` / ``$ids``.

Relationship statements MATCH one endpoint, then the other (``MATCH … WITH r, a MATCH …``):
LadybugDB plans the comma form ``MATCH (a {…}), (b {…})`` as a join that runs ~40x slower.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from fengong.graph.mapping import GraphRows
from fengong.graph.schema import NODES, RELS, NodeSpec, RelSpec, quote


@dataclass(frozen=True, slots=True)
class Step:
    """One statement of a plan: a name for messages, the Cypher text and its parameters."""

    name: str
    cypher: str
    params: dict[str, Any]
    rows: int = 0  # how many input rows the step writes (for progress / stats)


def merge_nodes_cypher(spec: NodeSpec) -> str:
    """MERGE shared nodes by key; a later document fills or updates, never blanks, a property."""
    sets = ", ".join(f"n.{quote(p)} = coalesce(r.{quote(p)}, n.{quote(p)})" for p in spec.written_names)
    out = f"UNWIND $rows AS r MERGE (n:{quote(spec.label)} {{{quote(spec.key)}: r.{quote(spec.key)}}})"
    return f"{out} SET {sets}" if sets else out


def create_nodes_cypher(spec: NodeSpec) -> str:
    """CREATE owned nodes (their document's old ones were deleted first)."""
    props = ", ".join(f"{quote(p)}: r.{quote(p)}" for p in (spec.key, *spec.written_names))
    return f"UNWIND $rows AS r CREATE (n:{quote(spec.label)} {{{props}}})"


def _match_ends(spec: RelSpec) -> str:
    src, dst = NODES[spec.src], NODES[spec.dst]
    return (
        f"UNWIND $rows AS r MATCH (a:{quote(src.label)} {{{quote(src.key)}: r.src}}) "
        f"WITH r, a MATCH (b:{quote(dst.label)} {{{quote(dst.key)}: r.dst}})"
    )


def merge_rels_cypher(spec: RelSpec) -> str:
    """MERGE a shared relationship (between shared nodes, so other documents may hold it)."""
    sets = ", ".join(f"e.{quote(p)} = r.{quote(p)}" for p in spec.prop_names)
    out = f"{_match_ends(spec)} MERGE (a)-[e:{quote(spec.type)}]->(b)"
    return f"{out} SET {sets}" if sets else out


def create_rels_cypher(spec: RelSpec) -> str:
    """CREATE owned and per-document relationships: the plan deleted their document's old ones.

    Per-document edges were MERGEd on ``{document}`` once; CREATE gives the same graph (rows
    are unique per document) without a MERGE whose plan depends on the statistics: on an
    empty store Neo4j planned it as a seek of the relationship index on ``document`` that
    slowed with every edge the transaction had written (26,000 rows: 113 s, 0.9 s otherwise).
    """
    props = ", ".join(f"{quote(p)}: r.{quote(p)}" for p in spec.prop_names)
    body = f" {{{props}}}" if props else ""
    return f"{_match_ends(spec)} CREATE (a)-[e:{quote(spec.type)}{body}]->(b)"


# Deleting a document: its tasks and targets with every edge on them, its per-document edges,
# then the Document node itself (taking ISSUED_IN along). Deadlines left without a task go too,
# so an edited document leaves no stale deadline behind. Only documents the store holds are
# deleted (``STORED_DOCUMENTS``): a first load of new documents runs no delete at all.
STORED_DOCUMENTS = "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id"
OLD_DEADLINES = (
    "UNWIND $ids AS id MATCH (d:Document {id: id})-[:HAS_TASK]->(:Task)-[:DUE]->(x:Deadline) "
    "RETURN DISTINCT x.key AS key"
)
DELETE_STEPS: tuple[tuple[str, str], ...] = (
    ("delete tasks", "UNWIND $ids AS id MATCH (d:Document {id: id})-[:HAS_TASK]->(t:Task) DETACH DELETE t"),
    ("delete targets", "UNWIND $ids AS id MATCH (d:Document {id: id})-[:SETS]->(t:Target) DETACH DELETE t"),
    *(
        (
            f"delete {spec.type}",
            # One pass with IN: Neo4j seeks its relationship index; Ladybug scans the table once,
            # not once per document.
            f"MATCH ()-[e:{quote(spec.type)}]->() WHERE e.document IN $ids DELETE e",
        )
        for spec in RELS.values()
        if spec.per_document
    ),
    ("delete documents", "UNWIND $ids AS id MATCH (d:Document {id: id}) DETACH DELETE d"),
)
#: Terms of a replaced document's tasks: deleted after the load when no task holds them any more.
OLD_TERMS = (
    "UNWIND $ids AS id MATCH (d:Document {id: id})-[:HAS_TASK]->(:Task)-[:HAS_TERM]->(x:Term) "
    "RETURN DISTINCT x.name AS name"
)
DELETE_ORPHAN_TERMS = (
    "UNWIND $names AS k MATCH (x:Term {name: k}) WHERE NOT EXISTS { MATCH (x)<-[:HAS_TERM]-(:Task) } DELETE x"
)
#: Units with an edge to a document's tasks: their counts are refreshed after a replace or delete.
OLD_UNITS = (
    "UNWIND $ids AS id MATCH (d:Document {id: id})-[:HAS_TASK]->(:Task)<-[:LEADS|COOPERATES|RESPONSIBLE_FOR]-(u:Unit) "
    "RETURN DISTINCT u.id AS id"
)
# A unit's workload kept on the node (rankings over the whole graph read it instead of aggregating
# every unit-task edge): tasks in any role, stated leads, first-listed 责任单位 read as the lead
# (Task.first_leads), cooperations. Written after every load and delete for the units they touch.
_UNIT_COUNTS = (
    " OPTIONAL MATCH (u)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t:Task)"
    " WITH u, t, max(CASE WHEN r.role = 'lead' THEN 1 ELSE 0 END) AS l,"
    " max(CASE WHEN r.role = 'responsible' AND r.rank = 1 AND t.first_leads THEN 1 ELSE 0 END) AS f,"
    " max(CASE WHEN r.role = 'cooperate' THEN 1 ELSE 0 END) AS c"
    " WITH u, count(t) AS n, count(CASE WHEN l = 1 THEN t END) AS nl,"
    " count(CASE WHEN f = 1 THEN t END) AS nf, count(CASE WHEN c = 1 THEN t END) AS nc"
    " SET u.task_count = n, u.lead_count = nl, u.first_listed_count = nf, u.cooperate_count = nc"
)
REFRESH_UNIT_COUNTS = "UNWIND $ids AS id MATCH (u:Unit {id: id})" + _UNIT_COUNTS
REFRESH_ALL_UNIT_COUNTS = "MATCH (u:Unit)" + _UNIT_COUNTS
#: Whether some unit lacks its counts (a store filled by neo4j-admin import, say).
UNITS_WITHOUT_COUNTS = "MATCH (u:Unit) WHERE u.task_count IS NULL RETURN u.id AS id LIMIT 1"
#: Tasks of a graph written before tasks kept the number of units they name, and that number (Neo4j
#: fills it on open; a LadybugDB store of that age is loaded again, its tables lack the column).
TASKS_WITHOUT_UNITS = "MATCH (t:Task) WHERE t.units IS NULL RETURN t.id AS id LIMIT 1"
FILL_TASK_UNITS = (
    "MATCH (t:Task) WHERE t.units IS NULL"
    " SET t.units = COUNT { MATCH (u:Unit)-[:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t) RETURN DISTINCT u }"
)
#: Whether a class of bodies named as responsible shares the task out ($shared: graph/mapping.py
#: ``shared_words``): read here in its whole sentence, where a load reads its own clause.
_SHARED = (
    " max(CASE WHEN r.rank = 1 AND u.collective AND any(w IN $shared WHERE r.evidence CONTAINS w)"
    " THEN 1 ELSE 0 END) AS shared"
)
#: Tasks of a graph written before tasks said whether their first-listed 责任单位 reads as the lead,
#: and that flag (graph/mapping.py ``_first_leads``: no stated lead, and one responsible body alone
#: or a document that states no lead anywhere; a class of bodies only alone and not by duty). Neo4j
#: fills it on open (with $shared), then the units' counts that read it.
TASKS_WITHOUT_FIRST_LEADS = "MATCH (t:Task) WHERE t.first_leads IS NULL RETURN t.id AS id LIMIT 1"
FILL_FIRST_LEADS = (
    "MATCH (d:Document)-[:HAS_TASK]->(t:Task)"
    " WITH d, collect(t) AS tasks, sum(CASE WHEN t.leads > 0 THEN 1 ELSE 0 END) AS stated"
    " UNWIND tasks AS t"
    " OPTIONAL MATCH (u:Unit)-[r:RESPONSIBLE_FOR]->(t)"
    " WITH t, stated, count(DISTINCT u) AS n,"
    " max(CASE WHEN r.rank = 1 AND u.collective THEN 1 ELSE 0 END) AS collective,"
    + _SHARED
    + " SET t.first_leads = (t.leads = 0 AND ((n = 1 AND shared = 0) OR (n > 1 AND collective = 0 AND stated = 0)))"
)
#: Tasks of a graph written before tasks said whether they name one responsible body alone, and that
#: flag (graph/mapping.py ``_one_body``), filled by Neo4j on open.
TASKS_WITHOUT_ONE_BODY = "MATCH (t:Task) WHERE t.one_body IS NULL RETURN t.id AS id LIMIT 1"
FILL_ONE_BODY = (
    "MATCH (t:Task) WHERE t.one_body IS NULL"
    " OPTIONAL MATCH (u:Unit)-[r:RESPONSIBLE_FOR]->(t)"
    " WITH t, count(DISTINCT u) AS n," + _SHARED + " SET t.one_body = (t.leads = 0 AND n = 1 AND shared = 0)"
)
#: Tasks of a graph written before tasks kept their primary deadline, and the copy of it (Neo4j fills
#: it on open from the DUE edge marked primary; '' where there is none).
TASKS_WITHOUT_DUE = "MATCH (t:Task) WHERE t.due_kind IS NULL RETURN t.id AS id LIMIT 1"
FILL_DUE = (
    "MATCH (t:Task) WHERE t.due_kind IS NULL"
    " OPTIONAL MATCH (t)-[due:DUE]->(dl:Deadline) WHERE due.is_primary = true"
    " WITH t, head(collect(dl)) AS dl"
    " SET t.due_kind = coalesce(dl.kind, ''), t.due_date = coalesce(dl.date, ''), t.due_text = coalesce(dl.text, '')"
)
#: Documents of a graph written before documents kept the topics their titles name, and the write of
#: them (Neo4j reads the titles on open; the topics come from ingest/topics.py, as at load).
DOCUMENTS_WITHOUT_TOPICS = "MATCH (d:Document) WHERE d.topics IS NULL RETURN d.id AS id, d.title AS title"
SET_DOCUMENT_TOPICS = "UNWIND $rows AS r MATCH (d:Document {id: r.id}) SET d.topics = r.topics"
DELETE_ORPHAN_DEADLINES = (
    "UNWIND $keys AS k MATCH (x:Deadline {key: k}) WHERE NOT EXISTS { MATCH (x)<-[:DUE]-(:Task) } DELETE x"
)


def _batches(rows: Sequence[dict[str, Any]], size: int) -> Iterator[Sequence[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def write_steps(rows: GraphRows, batch_size: int) -> list[Step]:
    """Statements that write ``rows`` into a store where the documents were just deleted."""
    steps: list[Step] = []
    for label, spec in NODES.items():
        cypher = create_nodes_cypher(spec) if spec.owned else merge_nodes_cypher(spec)
        for batch in _batches(rows.nodes[label], batch_size):
            steps.append(
                Step(
                    f"{'create' if spec.owned else 'merge'} {label}",
                    cypher,
                    {"rows": list(batch)},
                    len(batch),
                )
            )
    for rel_type, rspec in RELS.items():
        create = rspec.recreated
        cypher = create_rels_cypher(rspec) if create else merge_rels_cypher(rspec)
        for batch in _batches(rows.rels[rel_type], batch_size):
            steps.append(
                Step(
                    f"{'create' if create else 'merge'} {rel_type}",
                    cypher,
                    {"rows": list(batch)},
                    len(batch),
                )
            )
    return steps


def delete_steps(doc_ids: Sequence[str]) -> list[Step]:
    """Statements that delete the documents' owned part (orphan deadlines are a separate step)."""
    return [Step(name, cypher, {"ids": list(doc_ids)}) for name, cypher in DELETE_STEPS]
