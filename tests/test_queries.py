"""Named queries: the loader, and every query on both stores with identical rows.

Differential rule: rows are compared exactly, in order (every query orders by all its
columns). The only normalisation is tuple -> list (``store_fixtures.normalise``); ints,
floats, booleans, strings and None come back as the same Python types from both stores.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from fengong.graph.store import GraphStore
from fengong.ingest.pipeline import extract_path
from fengong.queries.named import QueryError, get_query, list_queries, parse_query, run_named
from tests.fixtures_docs import TOPIC, all_docs, liaocheng
from tests.store_fixtures import make_store, normalise

REQUIRED = {
    "topic_leads", "unit_tasks", "unit_type_leads", "unit_type_lead_tasks", "co_responsibility",
    "tasks_due", "targets_by_metric", "responsibility_matrix", "people_groups", "documents",
}  # fmt: skip
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_every_query_file_loads_with_header() -> None:
    queries = list_queries()
    assert {q.name for q in queries} >= REQUIRED
    for q in queries:
        assert q.description and q.cypher
        for p in q.params:
            assert not p.required or p.example is not None, f"{q.name}.{p.name} needs an e.g. value"
        q.bind(q.examples())


def test_unknown_query_lists_known_ones() -> None:
    with pytest.raises(QueryError, match=r"known queries: .*topic_leads"):
        get_query("leads_by_tropic")


def test_parameter_validation() -> None:
    q = get_query("co_responsibility")
    assert q.bind({}) == {"unit": "", "min_shared": 1}
    assert q.bind({"min_shared": "2"}) == {"unit": "", "min_shared": 2}
    with pytest.raises(QueryError, match="must be int"):
        q.bind({"min_shared": "two"})
    with pytest.raises(QueryError, match="has no parameter 'topic'; its parameters: unit, min_shared"):
        q.bind({"topic": "x"})
    with pytest.raises(QueryError, match="needs parameter 'topic'"):
        get_query("topic_leads").bind({})


def test_header_parsing() -> None:
    q = parse_query(
        "// name: demo\n// description: A demo\n// params: a (string, e.g. 甲, 乙), b (float, default 1.5)\n"
        "// a note\nRETURN $a AS a, $b AS b\n"
    )
    assert [(p.name, p.type, p.required, p.default, p.example) for p in q.params] == [
        ("a", "string", True, None, "甲"),
        ("b", "float", False, 1.5, None),
    ]
    assert q.notes == "a note" and q.cypher == "RETURN $a AS a, $b AS b"
    with pytest.raises(QueryError):
        parse_query("// name: Bad-Name\n// description: x\nRETURN 1")
    with pytest.raises(QueryError):
        parse_query("// name: x\n// description: y\n// params: a (decimal)\nRETURN 1")


def test_capped_limits_every_union_branch() -> None:
    q = parse_query(
        "// name: demo\n// description: d\nMATCH (a) RETURN a.x AS x ORDER BY x  // sorted\n"
        "UNION ALL\nMATCH (b) RETURN b.x AS x ORDER BY x\n"
    )
    assert q.capped(11) == (
        "MATCH (a) RETURN a.x AS x ORDER BY x  // sorted\nLIMIT 11\nUNION ALL\n"
        "MATCH (b) RETURN b.x AS x ORDER BY x\nLIMIT 11"
    )
    paged = parse_query("// name: p\n// description: d\nMATCH (a) RETURN a\nSKIP $skip LIMIT $limit")
    assert paged.capped(11) == paged.cypher  # its own LIMIT stays the only one
    distinct = parse_query("// name: u\n// description: d\nRETURN 1 AS x\nUNION\nRETURN 1 AS x")
    assert distinct.capped(11) == distinct.cypher  # capping branches of a distinct union could lose rows


def test_unused_string_parameters_are_written_as_literals() -> None:
    """String parameters that are '' or at their declared default become literals (the engine then
    folds the unused filter away); only parameter tokens change, never a string, a comment or a
    longer name; other values and other types stay parameters."""
    q = parse_query(
        "// name: demo\n// description: d\n"
        '// params: text (string, default ""), texts (string, default "it\'s"), n (int, default 1)\n'
        "MATCH (t) WHERE ($text = '' OR t.a CONTAINS $text) AND t.b <> '$text' AND t.c = $texts  // $text\n"
        "RETURN t.a AS a LIMIT $n"
    )
    cypher, params = q.specialised(q.cypher, q.bind({}))
    assert cypher == (
        "MATCH (t) WHERE ('' = '' OR t.a CONTAINS '') AND t.b <> '$text' AND t.c = 'it\\'s'  // $text\n"
        "RETURN t.a AS a LIMIT $n"
    )
    assert params == {"n": 1}
    assert q.specialised(q.cypher, q.bind({"text": "y", "texts": "z"})) == (
        q.cypher,
        {"text": "y", "texts": "z", "n": 1},
    )
    # what a caller sends is never written into the query, only '' and the header's own defaults
    hostile = "x' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //"
    assert q.specialised(q.cypher, q.bind({"text": hostile}))[1]["text"] == hostile
    assert hostile not in q.specialised(q.cypher, q.bind({"text": hostile}))[0]
    # an empty list is written as [] (size($ids) = 0 folds too); a list with values stays a parameter
    listed = parse_query(
        '// name: demo\n// description: d\n// params: ids (list, default "")\n'
        "MATCH (t) WHERE size($ids) = 0 OR t.id IN $ids RETURN t.id AS id"
    )
    assert listed.specialised(listed.cypher, listed.bind({})) == (
        "MATCH (t) WHERE size([]) = 0 OR t.id IN [] RETURN t.id AS id",
        {},
    )
    assert listed.specialised(listed.cypher, listed.bind({"ids": ["a"]}))[1] == {"ids": ["a"]}


def test_specialised_queries_give_the_rows_of_the_queries_as_written(tmp_path: Path) -> None:
    """Every named query, with its optional string filters unused and in use, returns the same rows
    with the empty ones written as literals as with every value passed as a parameter."""
    store = make_store("embedded", tmp_path)
    try:
        store.load_documents(all_docs())
        checked = 0
        for q in list_queries():
            required = {p.name: p.example for p in q.params if p.required}
            for values in (q.examples(), required):  # filters in use, and every one at its default
                bound = q.bind(values)
                text = q.capped(2001)
                cypher, params = q.specialised(text, bound)
                if cypher == text:
                    continue
                written = store.run(text, bound, read_only=True, limit=2000)
                specialised = store.run(cypher, params, read_only=True, limit=2000)
                # columns too: LadybugDB names two columns of one folded expression alike
                assert specialised.columns == written.columns, q.name
                assert list(specialised) == list(written), q.name
                assert list(run_named(store, q.name, values, limit=2000)) == list(written), q.name
                checked += 1
        assert checked >= 20
        # a filter in use, beside unused ones: tasks of a place, due before a date
        params = {"jurisdiction": "聊城市", "due_before": "2021-12-31"}
        q = get_query("task_list")
        rows = run_named(store, "task_list", params)
        assert rows and list(rows) == list(store.run(q.capped(2001), q.bind(params), read_only=True))
        assert all(r["due_date"] <= "2021-12-31" for r in rows)
    finally:
        store.close()


def _both(tmp_path: Path, docs: list[Any]) -> tuple[GraphStore, GraphStore]:
    embedded = make_store("embedded", tmp_path)
    neo4j = make_store("neo4j", tmp_path)
    embedded.load_documents(docs)
    neo4j.load_documents(docs)
    return embedded, neo4j


def _same(a: GraphStore, b: GraphStore, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    rows_a = normalise(list(run_named(a, name, params)))
    rows_b = normalise(list(run_named(b, name, params)))
    assert rows_a == rows_b, f"{name} {params}: embedded and Neo4j differ"
    return rows_a


@pytest.mark.neo4j
def test_every_query_same_rows_on_both_stores(tmp_path: Path) -> None:
    embedded, neo4j = _both(tmp_path, all_docs())
    try:
        for q in list_queries():
            rows = _same(embedded, neo4j, q.name, q.examples())
            assert rows, f"{q.name} returns no rows on the fixtures"
        # the answers themselves
        leads = _same(embedded, neo4j, "topic_leads", {"topic": TOPIC, "jurisdiction": ""})
        assert [(r["city"], r["jurisdiction"], r["basis"], r["unit"]) for r in leads] == [
            ("开封市", "开封市", "first-listed responsible unit", "开封市发展和改革委员会"),
            ("开封市", "开封市", "no lead named", ""),
            ("晋城市", "泽州县", "stated lead", "泽州县发展和改革局"),
            ("聊城市", "聊城市", "stated lead", "聊城市发展和改革委员会"),
        ]
        matrix = _same(embedded, neo4j, "responsibility_matrix", {"document": liaocheng().id})
        assert [(r["unit"], r["role"], r["rank"]) for r in matrix][:3] == [
            ("聊城市市场监督管理局", "cooperate", 1),
            ("聊城市工业和信息化局", "cooperate", 2),
            ("聊城市发展和改革委员会", "lead", 1),
        ]
        due = _same(embedded, neo4j, "tasks_due", {"before": "2021-12-31", "kind": "by"})
        assert [r["date"] for r in due] == ["2020-12-31", "2021-06-30"]
        recurring = _same(embedded, neo4j, "tasks_due", {"kind": "recurring"})
        assert [r["task"] for r in recurring] == ["推动工业企业降本"]
        pairs = _same(embedded, neo4j, "co_responsibility", {"min_shared": 2})
        assert {(r["unit_a"], r["unit_b"], r["shared"]) for r in pairs} >= {
            ("聊城市发展和改革委员会", "聊城市工业和信息化局", 2),
            ("泽州县发展和改革局", "泽州县工业和信息化局", 2),
        }
        people = _same(embedded, neo4j, "people_groups", {})
        assert {(r["person"], r["role"], r["office"]) for r in people} == {
            ("张三", "组长", "聊城市发展和改革委员会"),
            ("李四", "副组长", "聊城市发展和改革委员会"),
            ("王五", "组长", "泽州县发展和改革局"),
        }
    finally:
        embedded.close()
        neo4j.close()


@pytest.mark.neo4j
def test_queries_on_the_samples_same_rows_on_both_stores(tmp_path: Path) -> None:
    docs = [extract_path(p) for p in sorted(SAMPLES.glob("*.txt"))]
    assert len(docs) == 5
    embedded, neo4j = _both(tmp_path, docs)
    try:
        assert embedded.counts() == neo4j.counts()
        for q in list_queries():
            _same(embedded, neo4j, q.name, q.examples())
        # parameters drawn from the data itself: every document, unit type, topic and a few units
        for d in docs:
            assert _same(embedded, neo4j, "responsibility_matrix", {"document": d.id})
        for r in run_named(embedded, "documents"):
            assert r["tasks"] > 0
        types = embedded.run("MATCH (t:UnitType) RETURN t.name AS n ORDER BY n")
        for t in types:
            assert _same(embedded, neo4j, "unit_type_leads", {"unit_type": t["n"]})
            _same(embedded, neo4j, "unit_type_lead_tasks", {"unit_type": t["n"]})
        for t in embedded.run("MATCH (t:Topic) RETURN t.name AS n ORDER BY n"):
            assert _same(embedded, neo4j, "topic_leads", {"topic": t["n"], "jurisdiction": ""})
        for u in embedded.run("MATCH (u:Unit) RETURN u.name AS n ORDER BY n LIMIT 25"):
            _same(embedded, neo4j, "unit_tasks", {"unit": u["n"]})
            _same(embedded, neo4j, "co_responsibility", {"unit": u["n"]})
        assert _same(embedded, neo4j, "co_responsibility", {"min_shared": 1})
        assert _same(embedded, neo4j, "tasks_due", {})
    finally:
        embedded.close()
        neo4j.close()


def test_queries_run_on_the_embedded_store(tmp_path: Path) -> None:
    """The fast suite: every query runs on the embedded store alone (no Neo4j needed)."""
    store = make_store("embedded", tmp_path)
    try:
        store.load_documents(all_docs())
        for q in list_queries():
            assert run_named(store, q.name, q.examples()), q.name
    finally:
        store.close()


@pytest.mark.parametrize("kind", ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def test_unit_top_reads_the_counts_kept_through_loads_replacements_and_deletes(
    kind: str, tmp_path: Path
) -> None:
    """unit_top (the counts each unit keeps) gives unit_ranking's rows over the whole graph after
    a load, a replacement that drops tasks and a delete; the ranking is not empty."""
    store = make_store(kind, tmp_path)

    def same() -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for role in ("lead", "any"):
            top = normalise(list(run_named(store, "unit_top", {"role": role, "top": 1000})))
            ranked = normalise(list(run_named(store, "unit_ranking", {"role": role, "top": 1000})))
            assert top == ranked, f"{kind}, role {role}"
            rows += top
        return rows

    try:
        docs = [extract_path(p) for p in sorted(SAMPLES.glob("*.txt"))]
        store.load_documents(docs)
        before = same()
        assert before
        busiest = max(docs, key=lambda d: sum(len(t.assignments) for t in d.tasks))
        half = [t for i, t in enumerate(busiest.tasks) if i % 2 or not t.assignments]
        store.load_documents([dataclasses.replace(busiest, tasks=half)])  # same id, fewer tasks
        assert same() != before  # the units of the dropped tasks count less
        others = [d for d in docs if d.id != busiest.id]
        assert store.delete_document(others[0].id)
        same()
        for d in [busiest, *others[1:]]:
            store.delete_document(d.id)
        assert same() == []  # units stay, but none carries a task
    finally:
        store.close()
