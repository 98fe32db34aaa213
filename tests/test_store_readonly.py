"""Read-only Cypher on both stores: writes refused (by the guard and by the engine), time limit, row cap."""

from __future__ import annotations

import pytest

from fengong.graph import store as store_module
from fengong.graph.readonly import ReadOnlyViolation, check_read_only
from fengong.graph.store import GraphStore, StoreError
from tests.fixtures_docs import all_docs

WRITES = [
    "CREATE (:Task {id: 'x'})",
    "MATCH (t:Task) DETACH DELETE t",
    "MATCH (t:Task) SET t.title = 'x'",
    "MERGE (:Unit {id: 'x'})",
    "MATCH (t:Task) REMOVE t.title",
    "DROP TABLE Task",
    "COPY Task FROM '/tmp/x.csv'",
    "LOAD FROM '/etc/passwd' RETURN *",
    "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    "CALL threads=1",
    "CALL dbms.setConfigValue('x', 'y')",
    "EXPORT DATABASE '/tmp/out'",
    "ATTACH '/tmp/other' AS o (dbtype lbug)",
    "INSTALL json",
    "MATCH (n) RETURN n; MATCH (n) DETACH DELETE n",
    "BEGIN TRANSACTION",
]


@pytest.mark.parametrize("cypher", WRITES)
def test_guard_refuses_writes(cypher: str) -> None:
    with pytest.raises(ReadOnlyViolation):
        check_read_only(cypher)


@pytest.mark.parametrize(
    "cypher",
    [
        "MATCH (t:Task) WHERE t.title CONTAINS 'CREATE' RETURN t.title AS `set`",
        "MATCH (u:Unit)-[r:LEADS]->(t:Task) RETURN r.start AS s, r.`end` AS e // DELETE in a comment",
        "CALL db.labels()",
        "CALL show_tables() RETURN *",
        "MATCH (n) RETURN count(n) AS c;",
    ],
)
def test_guard_allows_reads(cypher: str) -> None:
    check_read_only(cypher)


def test_writes_are_refused_and_nothing_changes(store: GraphStore) -> None:
    store.load_documents(all_docs())
    before = store.counts()
    for cypher in ("MATCH (t:Task) DETACH DELETE t", "CREATE (:Topic {name: 'x'})"):
        with pytest.raises(ReadOnlyViolation):
            store.run(cypher)
    assert store.counts() == before


def test_the_engine_refuses_writes_without_the_guard(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Switch the lexical guard off: the read-only transaction / READ session still refuses."""
    monkeypatch.setattr(store_module, "check_read_only", lambda *args, **kwargs: None)
    store.load_documents(all_docs())
    before = store.counts()
    with pytest.raises(StoreError):
        store.run("MATCH (t:Task) DETACH DELETE t")
    with pytest.raises(StoreError):
        store.run("CREATE (:Topic {name: 'written anyway'})")
    assert store.counts() == before


def test_writes_allowed_when_asked(store: GraphStore) -> None:
    store.run("CREATE (:Topic {name: '测试', en: 'test'})", read_only=False)
    assert store.run("MATCH (t:Topic) RETURN t.name AS name, t.en AS en") == [{"name": "测试", "en": "test"}]


def test_row_cap(store: GraphStore) -> None:
    rows = store.run("UNWIND range(1, 50) AS x RETURN x ORDER BY x", limit=10)
    assert [r["x"] for r in rows] == list(range(1, 11))
    assert rows.truncated and rows.columns == ["x"]
    full = store.run("UNWIND range(1, 5) AS x RETURN x ORDER BY x", limit=10)
    assert len(full) == 5 and not full.truncated


def test_union_keeps_each_branch_in_order(store: GraphStore) -> None:
    # Past 2,048 rows (one chunk) a multi-threaded Ladybug UNION interleaved its branches' chunks.
    rows = store.run(
        "UNWIND range(1, 9000) AS x RETURN x ORDER BY x DESC UNION ALL RETURN 0 AS x", limit=20_000
    )
    assert [r["x"] for r in rows] == [*range(9000, 0, -1), 0]


def test_time_limit(store: GraphStore) -> None:
    slow = (
        "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b "
        "WITH a + b AS s WHERE s % 7 = 1 RETURN count(*) AS c"
    )
    with pytest.raises(StoreError):
        store.run(slow, timeout=0.5)
    assert store.run("RETURN 1 AS one") == [{"one": 1}]  # the store is usable afterwards


def test_bad_cypher_is_a_store_error(store: GraphStore) -> None:
    with pytest.raises(StoreError):
        store.run("MATCH (n:Task RETURN n")
