"""Security on both stores: read-only Cypher (store API and HTTP) refuses every kind of write,
slow queries stop at the time limit, the row cap truncates, uploads need the token and sane
files; and the Neo4j cluster path (routing URIs, retried load transactions).

Guard-level unit tests live in tests/test_store_readonly.py; this module checks outcomes on
real stores: the refusal, and that the store's counts did not move.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j.exceptions import ClientError, Neo4jError, TransientError

from fengong.api.app import create_app
from fengong.graph.neo4j_store import Neo4jStore
from fengong.graph.readonly import MAX_LIST, ReadOnlyViolation
from fengong.graph.settings import settings_from_env
from fengong.graph.store import GraphStore, StoreError, open_store
from tests.fixtures_docs import all_docs
from tests.store_fixtures import STORE_KINDS, make_store, neo4j_settings
from tests.test_api_support import SAMPLES, TOKEN, api_settings

AUTH = {"Authorization": f"Bearer {TOKEN}"}

# Writes in every form both engines speak, including ones that only write inside a subquery,
# a FOREACH, a second statement, or behind comments and odd case.
COMMON_WRITES = [
    "CREATE (:Topic {name: 'intruder', en: 'intruder'})",
    "MERGE (:Topic {name: 'intruder'})",
    "MATCH (t:Target) DELETE t",
    "MATCH (t:Task) DETACH DELETE t",
    "match (t:Task) detach delete t",
    "MATCH (t:Task) /* just a read */ DETACH\nDELETE t",
    "MATCH (t:Task) SET t.title = 'defaced'",
    "MATCH (t:Task) REMOVE t.title",
    "FOREACH (i IN [1] | CREATE (:Topic {name: 'intruder'}))",
    "CALL { CREATE (:Topic {name: 'intruder'}) } RETURN 1 AS one",
    "MATCH (n) RETURN count(n) AS c; MATCH (n) DETACH DELETE n",
    "RETURN 1 AS one; CREATE (:Topic {name: 'intruder'})",
]
# Neo4j: writing procedures (also with quoted names the lexical guard once missed), schema
# and admin commands, and LOAD CSV (the engine allows LOAD CSV in READ mode: only the guard stops it).
NEO4J_WRITES = [
    "CALL db.createLabel('Intruder')",
    "CALL `db`.`createLabel`('Intruder')",
    "WITH {labels: 'Intruder'} AS db CALL `db`.`createLabel`(db.labels)",
    "CALL db.createProperty('intruder')",
    "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
    "CALL db.clearQueryCaches()",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "CREATE INDEX intruder FOR (n:Topic) ON (n.en)",
    "DROP CONSTRAINT topic_name IF EXISTS",
    "USE system CREATE USER intruder SET PASSWORD 'intruder-pass'",
    "STOP DATABASE neo4j",
]
# LadybugDB: settings and table functions through CALL, DDL, file access and bulk loading.
EMBEDDED_WRITES = [
    "CALL threads=1",
    "CALL `threads`=1",
    "CALL create_fts_index('Topic', 'intruder', ['name'])",
    "CREATE NODE TABLE Intruder(id STRING, PRIMARY KEY(id))",
    "ALTER TABLE Topic ADD intruder STRING",
    "DROP TABLE Target",
    "COMMENT ON TABLE Topic IS 'intruder'",
    "COPY Topic FROM '/etc/hostname'",
    "LOAD FROM '/etc/passwd' (file_format='csv') RETURN *",
    "LOAD json",
    "EXPORT DATABASE '/tmp/fengong-intruder'",
    "ATTACH '/tmp/fengong-intruder' AS o (dbtype lbug)",
    "INSTALL json",
    "CHECKPOINT",
]
# 10^12 rows, produced lazily: slow on both engines, and interruptible by both.
SLOW = (
    "UNWIND range(1, 1000000) AS a UNWIND range(1, 1000000) AS b "
    "WITH a + b AS s WHERE s % 7 = 1 RETURN count(*) AS c"
)


def writes_for(store: GraphStore) -> list[str]:
    """The write attempts that make sense on ``store``."""
    return COMMON_WRITES + (NEO4J_WRITES if store.kind == "neo4j" else EMBEDDED_WRITES)


def fingerprint(store: GraphStore) -> dict[str, object]:
    """Counts per label and type, plus what a write could leave without nodes: labels, indexes, tables."""
    out: dict[str, object] = dict(store.counts())
    out["titles"] = store.run("MATCH (t:Task) RETURN t.title AS title ORDER BY title", limit=100_000)
    if store.kind == "neo4j":
        out["labels"] = sorted(r["label"] for r in store.run("CALL db.labels()"))
        # SHOW is refused in read-only Cypher (SHOW SETTINGS / TRANSACTIONS reveal too much).
        indexes = store.run("SHOW INDEXES YIELD name RETURN name", read_only=False)
        out["indexes"] = sorted(r["name"] for r in indexes)
    else:
        out["tables"] = sorted(r["name"] for r in store.run("CALL show_tables() RETURN name"))
    return out


#: A test of Neo4j's own behaviour: ``loaded`` on Neo4j alone (no skipped embedded run).
NEO4J_ONLY = pytest.mark.parametrize(
    "loaded", [pytest.param("neo4j", marks=pytest.mark.neo4j)], indirect=True
)


@pytest.fixture(scope="module", params=STORE_KINDS)
def loaded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    """A store of each kind holding the fixture documents, shared by the module (only reads or refusals)."""
    store = make_store(request.param, tmp_path_factory.mktemp("security"))
    store.load_documents(all_docs())
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(loaded: GraphStore) -> Iterator[TestClient]:
    """The HTTP API over ``loaded`` with a 1 s Cypher time limit."""
    with TestClient(create_app(api_settings(loaded, cypher_timeout_s=1.0), loaded)) as c:
        yield c


# -- read-only Cypher through the store API ------------------------------------------------------


def test_store_refuses_every_write_and_nothing_changes(loaded: GraphStore) -> None:
    before = fingerprint(loaded)
    assert before["Task"] and before["Topic"]
    for cypher in writes_for(loaded):
        # The guard refuses most (ReadOnlyViolation); what it lets through, the engine refuses.
        with pytest.raises((ReadOnlyViolation, StoreError)):
            loaded.run(cypher, read_only=True)
        assert fingerprint(loaded) == before, f"{cypher!r} changed the store"


def test_huge_lists_are_refused_or_stopped_fast(loaded: GraphStore) -> None:
    """LadybugDB builds range()/repeat() whole before the time limit can act (range(1, 10^9) once ran
    43 s and took 8 GB under a 1 s limit): the guard refuses them, on both stores alike."""
    for cypher in (
        "UNWIND range(1, 1000000000) AS x RETURN count(x) AS c",
        "RETURN size(`range`(1, 1000000000)) AS n",
        "UNWIND range(1, $n) AS x RETURN count(x) AS c",
    ):
        start = time.monotonic()
        with pytest.raises(ReadOnlyViolation, match=r"range\(\) needs integer literals"):
            loaded.run(cypher, {"n": 10**9}, timeout=1.0)
        assert time.monotonic() - start < 1.0, cypher
    with pytest.raises(ReadOnlyViolation, match="repeat"):
        loaded.run("RETURN size(repeat('x', 1000000000)) AS n")
    small = loaded.run(f"UNWIND range(1, {MAX_LIST}) AS x RETURN count(x) AS c")
    assert small == [{"c": MAX_LIST}]  # literal ranges up to the bound still work


def test_slow_query_is_stopped_at_the_time_limit(loaded: GraphStore) -> None:
    start = time.monotonic()
    with pytest.raises(StoreError, match=r"ran past the time limit of 1 s"):
        loaded.run(SLOW, timeout=1.0)
    elapsed = time.monotonic() - start
    assert 0.9 <= elapsed < 6.0, elapsed  # stopped near the limit, not after the query's natural end
    assert loaded.run("RETURN 1 AS one") == [{"one": 1}]


def test_row_cap_truncates_a_long_stream(loaded: GraphStore) -> None:
    start = time.monotonic()
    rows = loaded.run("UNWIND range(1, 1000000) AS x RETURN x", limit=10)
    assert len(rows) == 10 and rows.truncated and time.monotonic() - start < 5.0


# -- read-only Cypher over HTTP -------------------------------------------------------------------


def test_http_cypher_refuses_every_write_and_nothing_changes(loaded: GraphStore, client: TestClient) -> None:
    before = fingerprint(loaded)
    health = client.get("/health").json()["counts"]
    for cypher in writes_for(loaded):
        r = client.post("/cypher", json={"query": cypher})
        assert r.status_code == 400, (cypher, r.status_code, r.text)
        message = r.json()["message"]
        assert "read-only Cypher" in message or "the store refused the query" in message, message
    assert fingerprint(loaded) == before
    assert client.get("/health").json()["counts"] == health


def test_http_cypher_params_cannot_smuggle_a_write(loaded: GraphStore, client: TestClient) -> None:
    """Values go through parameters, never spliced into the text: a Cypher-looking value is data."""
    before = fingerprint(loaded)
    evil = "x'}) DETACH DELETE t //"
    r = client.post("/cypher", json={"query": "MATCH (t:Task) WHERE t.title = $v RETURN t.id AS id",
                                     "params": {"v": evil}})  # fmt: skip
    assert r.status_code == 200 and r.json()["rows"] == []
    assert fingerprint(loaded) == before


def test_http_slow_query_gets_a_clear_error_in_bounded_time(client: TestClient) -> None:
    start = time.monotonic()
    r = client.post("/cypher", json={"query": SLOW, "timeout_s": 60})  # the server's 1 s limit wins
    elapsed = time.monotonic() - start
    assert r.status_code == 400 and "ran past the time limit of 1 s" in r.json()["message"], r.text
    assert elapsed < 6.0, elapsed
    assert client.get("/health").status_code == 200


def test_http_row_cap_truncates(client: TestClient) -> None:
    r = client.post("/cypher", json={"query": "UNWIND range(1, 100000) AS x RETURN x", "limit": 7}).json()
    assert r["count"] == 7 and r["truncated"] and [row["x"] for row in r["rows"]] == list(range(1, 8))


# -- uploads: token, size, format ------------------------------------------------------------------


def test_upload_refusals_leave_the_store_unchanged(loaded: GraphStore) -> None:
    before = fingerprint(loaded)
    sample = (SAMPLES / "003_120f57233f54217d.txt").read_bytes()
    doc = {"file": ("liaocheng.txt", sample, "text/plain")}
    settings = api_settings(loaded, max_upload_bytes=len(sample) + 10)
    with TestClient(create_app(settings, loaded)) as c:
        cases = [
            (c.post("/documents", files=doc), 401, "Authorization: Bearer"),
            (c.post("/documents", files=doc, headers={"Authorization": f"Basic {TOKEN}"}), 401, "Bearer"),
            (c.post("/documents", files=doc, headers={"Authorization": "Bearer"}), 401, "Bearer"),
            (c.post("/documents", files=doc, headers={"Authorization": "Bearer nope"}), 403, "wrong bearer token"),
            (c.post("/documents", files=doc, params={"token": TOKEN}), 401, "Bearer"),  # only the header counts
            (c.post("/documents", files={"file": ("big.txt", sample + b"x" * 11)}, headers=AUTH), 413, "too large"),
            (c.post("/documents", files={"file": ("a.exe", b"MZ\x90\x00")}, headers=AUTH), 415, ".docx"),
            (c.post("/documents", files={"file": ("fake.docx", b"not a zip at all")}, headers=AUTH), 422, "fake.docx"),
            (c.post("/documents", files={"file": ("blank.txt", b"   \n")}, headers=AUTH), 422, "empty"),
            (c.post("/documents", files={"file": ("../../etc/x.txt", "今天天气很好。".encode())}, headers=AUTH),
             422, "no tasks"),
        ]  # fmt: skip
        for i, (response, status, words) in enumerate(cases):
            assert response.status_code == status, (i, response.status_code, response.text)
            assert words in response.json()["message"], (i, response.json())
    assert fingerprint(loaded) == before
    with TestClient(create_app(api_settings(loaded, token=None), loaded)) as c:  # no server token
        r = c.post("/documents", files=doc, headers=AUTH)
        assert r.status_code == 403 and "FENGONG_TOKEN" in r.json()["message"]
    assert fingerprint(loaded) == before


# -- Neo4j: routing URIs and retried load transactions -------------------------------------------


@NEO4J_ONLY
def test_routing_uri_opens_a_single_server(loaded: GraphStore) -> None:
    """neo4j:// (what clusters and Aura's neo4j+s:// use) works against a single server too."""
    bolt = neo4j_settings()
    routed_uri = "neo4j://" + bolt.neo4j_uri.split("://", 1)[1]
    routed = open_store(settings_from_env(store="neo4j", neo4j_uri=routed_uri), ensure_schema=False)
    try:
        assert routed.settings.neo4j_uri == routed_uri
        assert routed.counts() == loaded.counts()
        stats = routed.load_documents(all_docs()[:1])  # writes route to the (only) leader
        assert stats.documents == 1 and routed.counts() == loaded.counts()  # a reload changes nothing
    finally:
        routed.close()


def test_routing_uris_are_accepted_by_settings() -> None:
    for uri in ("neo4j+s://abcd1234.databases.neo4j.io", "neo4j://core1:7687", "bolt+s://host:7687"):
        assert settings_from_env({"FENGONG_STORE": "neo4j", "NEO4J_URI": uri}).neo4j_uri == uri


def test_unreachable_or_bad_uri_is_a_clear_store_error(tmp_path: Path) -> None:
    for uri in ("neo4j://127.0.0.1:1", "bolt://127.0.0.1:1", "http://127.0.0.1:7474", "127.0.0.1:7687"):
        with pytest.raises(StoreError, match="cannot reach Neo4j at"):
            open_store(settings_from_env({}, store="neo4j", neo4j_uri=uri, neo4j_password="x"))


def server_error(code: str, message: str) -> Neo4jError:
    """The exception the driver raises for a server failure ``code`` (built the driver's own way)."""
    error = Neo4jError._hydrate_neo4j(code=code, message=message)
    assert isinstance(error, TransientError if ".TransientError." in code else ClientError)
    return error


@NEO4J_ONLY
def test_load_retries_a_transient_error_and_loads_once(loaded: GraphStore) -> None:
    """A transaction that fails with a TransientError (raised here from the step hook, inside the real
    transaction) is rolled back and run again; the document ends up loaded exactly once."""
    assert isinstance(loaded, Neo4jStore)
    before = fingerprint(loaded)
    failures: list[int] = []

    def flaky(index: int, total: int, step: object) -> None:
        if index == total - 1 and len(failures) < 2:  # fail twice, late in the transaction
            failures.append(index)
            raise server_error("Neo.TransientError.Transaction.DeadlockDetected", "simulated deadlock")

    loaded.retry_delay_s = 0.01
    loaded.load_document(all_docs()[0], on_step=flaky)
    assert len(failures) == 2 and fingerprint(loaded) == before

    def broken(index: int, total: int, step: object) -> None:
        failures.append(index)
        raise server_error("Neo.ClientError.Statement.SyntaxError", "not retried")

    failures.clear()
    with pytest.raises(ClientError):
        loaded.load_document(all_docs()[0], on_step=broken)
    assert len(failures) == 1 and fingerprint(loaded) == before
