"""The Cypher attacks of issue 18 against a real ``fengong serve`` process, on both stores: each is
refused, leaves the store as it was (counts, and the embedded store's files byte for byte), creates
no file, reaches no URL, and the server answers /health afterwards. Then the layers under the guard
one by one: with the guard switched off inside a worker, the read-only handle, the sandbox and the
Neo4j configuration still refuse; worker limits (time, memory, crash) cost one worker; the CLI
neither crashes nor waits for an ingest's writer lock."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import neo4j
import pytest

from fengong.graph.cypher_pool import CypherLimitError, CypherPool, PoolSettings
from fengong.graph.embedded import EmbeddedStore
from fengong.graph.store import StoreError
from tests.cypher_attack_support import (
    FENGONG,
    Recorder,
    Served,
    alive,
    recording_http,
    serving,
    store_digest,
)
from tests.store_fixtures import STORE_KINDS

PASSWD = "root:x:0:0"  # what /etc/passwd would show if a query read it


@dataclass(frozen=True)
class Attack:
    """One hostile statement; ``{out}`` is a fresh directory, ``{url}`` a recording HTTP server."""

    name: str
    query: str
    kinds: tuple[str, ...] = ("embedded", "neo4j")
    statuses: tuple[int, ...] = (400,)  # what the answer may be; never 5xx


ATTACKS = [
    # -- embedded: file read through a keyword glued to a number, file writes, the comment-end wipe
    Attack("glued LOAD reads a file",
           "MATCH (n) RETURN n.id LIMIT 1LOAD FROM '/etc/passwd' (file_format='csv', header=false, delim=':') RETURN *",
           ("embedded",)),
    Attack("glued CALL", "MATCH (n) RETURN n.id LIMIT 1CALL threads=1", ("embedded",)),
    Attack("COPY TO writes a file", "COPY (MATCH (t:Task) RETURN t.id) TO '{out}/tasks.csv'", ("embedded",)),
    Attack("EXPORT DATABASE writes files", "EXPORT DATABASE '{out}/export'", ("embedded",)),
    Attack("lone CR wipes the graph", "RETURN 4 //*\r */ 2 AS x; ROLLBACK; MATCH (n) DETACH DELETE n", ("embedded",)),
    Attack("lone CR writes a file",
           "RETURN 4 //*\r */ 2 AS x; ROLLBACK; COPY (MATCH (t:Task) RETURN t.id) TO '{out}/x.csv'", ("embedded",)),
    Attack("lone CR creates", "RETURN 4 //*\r */ 2 AS x; ROLLBACK; CREATE (:Topic {name: 'intruder'})", ("embedded",)),
    # -- both: the crashes of the embedded engine (harmless on Neo4j, refused all the same or answered)
    Attack("nested repeat", "RETURN size(repeat(repeat('x', 1000000), 1000000)) AS n"),
    Attack("SKIP behind a comment", "MATCH (u:Unit) RETURN u.id AS i ORDER BY i SKIP /**/ 50000 LIMIT 5",
           statuses=(200, 400)),
    Attack("SKIP past an unwound list", "UNWIND range(1, 3000) AS x RETURN x ORDER BY x SKIP /**/ 50000 LIMIT 5",
           statuses=(200, 400)),
    # -- Neo4j: a statement hidden after a lone CR, server-side requests, configuration and sessions
    Attack("CR hides a wipe", "MATCH (n) WITH count(n) AS c //x\rMATCH (m) DETACH DELETE m RETURN count(*) AS k\n",
           ("neo4j",)),
    Attack("LOAD CSV over http", "LOAD CSV FROM '{url}/x.csv' AS l RETURN l", ("neo4j",)),
    Attack("CR hides LOAD CSV over http", "WITH 1 AS x //x\rLOAD CSV FROM '{url}/y.csv' AS l RETURN l\n", ("neo4j",)),
    Attack("LOAD CSV reads a file", "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", ("neo4j",)),
    Attack("SHOW SETTINGS", "SHOW SETTINGS YIELD name, value RETURN name, value", ("neo4j",)),
    Attack("SHOW TRANSACTIONS", "SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery", ("neo4j",)),
    Attack("CR hides SHOW SETTINGS", "WITH 1 AS x //x\rSHOW SETTINGS YIELD name RETURN name\n", ("neo4j",)),
]  # fmt: skip


@pytest.fixture(scope="module", params=STORE_KINDS)
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """``fengong serve`` over the five samples, per store kind, shared by the module."""
    with serving(request.param, tmp_path_factory.mktemp("attacks")) as server:
        yield server


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    with recording_http() as r:
        yield r


def _attacks(kind: str) -> list[Attack]:
    return [a for a in ATTACKS if kind in a.kinds]


def test_every_attack_is_refused_and_changes_nothing(
    served: Served, recorder: Recorder, tmp_path: Path
) -> None:
    before = served.state()
    with served.client() as http:
        for attack in _attacks(served.kind):
            out = tmp_path / attack.name.replace(" ", "-")
            out.mkdir()
            query = attack.query.replace("{out}", str(out)).replace("{url}", recorder.url)
            r = http.post("/cypher", json={"query": query})
            assert r.status_code in attack.statuses, (attack.name, r.status_code, r.text)
            assert r.headers["content-type"].startswith("application/json"), attack.name
            assert PASSWD not in r.text and "server.directories" not in r.text, attack.name
            assert list(out.iterdir()) == [], f"{attack.name} created {list(out.iterdir())}"
            assert served.state() == before, f"{attack.name} changed the store"
            assert http.get("/health").status_code == 200, attack.name
    assert recorder.paths == [], f"a LOAD CSV reached {recorder.paths}"
    assert served.process.poll() is None


@pytest.mark.parametrize("served", [pytest.param("neo4j", marks=pytest.mark.neo4j)], indirect=True)
def test_a_hidden_kill_connection_kills_no_one(served: Served) -> None:
    """``dbms.killConnections`` behind a lone CR must not reach another client's connection."""
    s = served.settings
    driver = neo4j.GraphDatabase.driver(s.neo4j_uri, auth=(s.neo4j_user, s.neo4j_password))
    with driver, driver.session(database=s.neo4j_database) as session:
        tx = session.begin_transaction()  # the victim: a transaction open across the attack
        tx.run("RETURN 1 AS one").consume()
        kill_all = "[x IN range(0, 500) | 'bolt-' + toString(x)]"
        attack = f"MATCH (n) WITH count(n) AS c //x\rCALL dbms.killConnections({kill_all}) YIELD message RETURN message\n"
        with served.client() as http:
            r = http.post("/cypher", json={"query": attack})
            assert r.status_code == 400, r.text
            assert http.get("/health").status_code == 200
        assert tx.run("RETURN 2 AS two").single()["two"] == 2  # still connected
        tx.commit()


# -- the layers under the guard -------------------------------------------------------------------


@pytest.fixture(scope="module")
def unguarded(served: Served) -> Iterator[CypherPool]:
    """One worker over the served store with the lexical guard switched off inside it (test only)."""
    with CypherPool(served.settings, PoolSettings(workers=1), guard=False) as pool:
        yield pool


def test_without_the_guard_the_sandbox_and_read_only_handle_hold(
    served: Served, unguarded: CypherPool, recorder: Recorder, tmp_path: Path
) -> None:
    """File writes, file reads, wipes and server-side requests sent straight to a worker whose guard is
    off: each fails (sandbox, read-only handle, READ session, Neo4j configuration), nothing changes."""
    before = served.state()
    if served.kind == "embedded":
        attacks = [
            f"COPY (MATCH (t:Task) RETURN t.id) TO '{tmp_path}/tasks.csv'",
            f"EXPORT DATABASE '{tmp_path}/export'",
            "LOAD FROM '/etc/passwd' (file_format='csv', header=false, delim=':') RETURN *",
            "RETURN 4 //*\r */ 2 AS x; ROLLBACK; MATCH (n) DETACH DELETE n",
            f"RETURN 4 //*\r */ 2 AS x; ROLLBACK; COPY (MATCH (t:Task) RETURN t.id) TO '{tmp_path}/x.csv'",
            "MATCH (n) DETACH DELETE n",
            f"ATTACH '{tmp_path}/other.lbug' AS o (dbtype lbug)",
            "INSTALL json",
        ]
    else:
        attacks = [
            f"LOAD CSV FROM '{recorder.url}/z.csv' AS l RETURN l",
            "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
            "MATCH (n) WITH count(n) AS c //x\rMATCH (m) DETACH DELETE m RETURN count(*) AS k\n",
            "CREATE (:Topic {name: 'intruder'})",
        ]
    for attack in attacks:
        with pytest.raises(StoreError) as refused:
            unguarded.run(attack, timeout=5, limit=10)
        assert PASSWD not in str(refused.value)
        assert list(tmp_path.iterdir()) == [], f"{attack!r} created {list(tmp_path.iterdir())}"
        assert served.state() == before, f"{attack!r} changed the store"
    assert recorder.paths == []
    if served.kind == "embedded":  # the sandbox, not only the engine, refused the file access
        with pytest.raises(StoreError, match="Permission denied"):
            unguarded.run(f"COPY (MATCH (t:Task) RETURN t.id) TO '{tmp_path}/tasks.csv'", timeout=5, limit=10)


@pytest.fixture(scope="module")
def embedded_served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """``fengong serve`` over the samples on the embedded store, for the tests of LadybugDB's own
    failures (not parametrised: they have no Neo4j run to skip)."""
    with serving("embedded", tmp_path_factory.mktemp("attacks-embedded")) as server:
        yield server


def test_worker_limits_cost_one_worker(embedded_served: Served) -> None:
    """Memory past the cap, an engine crash, and an engine that ignores its time limit each stop one
    worker with an error naming the limit; the pool answers again at once from a new worker."""
    settings = embedded_served.settings
    pool_settings = PoolSettings(workers=1, memory_mb=512, grace_s=1.0)
    with CypherPool(settings, pool_settings, guard=False) as pool:
        assert pool.run("RETURN 1 AS one", timeout=5, limit=1) == [{"one": 1}]
        first = pool.pids

        with pytest.raises(CypherLimitError, match="more than 512 MB") as memory:
            pool.run("RETURN size(range(1, 1000000000)) AS n", timeout=30, limit=1)
        assert memory.value.limit == "memory"
        assert pool.run("RETURN 2 AS two", timeout=5, limit=1) == [{"two": 2}]
        assert pool.pids != first

        # A real engine crash (LadybugDB 0.22: ORDER BY … SKIP far past the end), and a forced one.
        with pytest.raises(CypherLimitError, match="crashed") as crash:
            pool.run("UNWIND range(1, 3000) AS x RETURN x ORDER BY x SKIP 50000 LIMIT 5", timeout=5, limit=5)
        assert crash.value.limit == "crash" and "signal" in str(crash.value)
        slow = "UNWIND range(1, 1000000) AS a UNWIND range(1, 1000000) AS b RETURN count(*) AS c"
        pool.run("RETURN 0 AS zero", timeout=5, limit=1)  # the replacement is up
        pid = pool.pids[0]
        threading.Timer(0.5, os.kill, (pid, signal.SIGSEGV)).start()
        with pytest.raises(CypherLimitError, match=r"signal 11") as forced:
            pool.run(slow, timeout=10, limit=1)
        assert forced.value.limit == "crash"

        # An engine that does not stop at its time limit (frozen here) is killed after the grace.
        pool.run("RETURN 3 AS three", timeout=5, limit=1)
        pid = pool.pids[0]
        threading.Timer(0.3, os.kill, (pid, signal.SIGSTOP)).start()
        start = time.monotonic()
        with pytest.raises(CypherLimitError, match="time limit of 1 s") as late:
            pool.run(slow, timeout=1, limit=1)
        assert late.value.limit == "time" and time.monotonic() - start < 4
        assert not alive(pid)
        assert pool.run("RETURN 4 AS four", timeout=5, limit=1) == [{"four": 4}]

        # A worker killed while idle is replaced before it is used: the next query is answered.
        idle = pool.pids[0]
        os.kill(idle, signal.SIGKILL)
        while alive(idle):
            time.sleep(0.01)
        assert pool.run("RETURN 5 AS five", timeout=5, limit=1) == [{"five": 5}]
    assert embedded_served.process.poll() is None


def test_workers_die_with_their_parent(embedded_served: Served, tmp_path: Path) -> None:
    """A process holding a pool is killed with SIGKILL: its workers go too (PR_SET_PDEATHSIG)."""
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from fengong.graph.cypher_pool import CypherPool, PoolSettings
        from fengong.graph.settings import settings_from_env
        pool = CypherPool(settings_from_env({{}}, data_dir=Path({str(embedded_served.data)!r})), PoolSettings(workers=2))
        pool.run("RETURN 1 AS one", timeout=5, limit=1)
        while len(pool.pids) < 2: time.sleep(0.05)
        print(*pool.pids, flush=True)
        time.sleep(60)
    """)
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None
    pids = [int(p) for p in holder.stdout.readline().split()]
    assert len(pids) == 2 and all(alive(p) for p in pids)
    holder.kill()
    holder.wait()
    deadline = time.monotonic() + 5
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in pids if alive(p)]


# -- the CLI ------------------------------------------------------------------------------------------


def _cli(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(FENGONG), *args, "--data", str(data)], capture_output=True, text=True, timeout=120,
        env={**os.environ, "FENGONG_STORE": "embedded"},
    )  # fmt: skip


def test_cli_cypher_with_a_large_skip_exits_cleanly(embedded_served: Served) -> None:
    before = store_digest(embedded_served.data)
    for query in (
        "MATCH (u:Unit) RETURN u.id AS i ORDER BY i SKIP 50000 LIMIT 5",
        "UNWIND range(1, 3000) AS x RETURN x ORDER BY x SKIP /**/ 50000 LIMIT 5",
    ):
        result = _cli("cypher", query, "--json", data=embedded_served.data)
        assert result.returncode in (0, 1), (result.returncode, result.stderr)
        assert "Traceback" not in result.stderr
        if result.returncode == 1:
            assert result.stderr.startswith("error:"), result.stderr
        else:
            assert json.loads(result.stdout) == []
    assert store_digest(embedded_served.data) == before


def test_cli_reads_while_an_ingest_holds_the_writer_lock(embedded_served: Served) -> None:
    """``fengong cypher`` / ``query`` / ``ask`` open the store read-only: an ingest holding the writer
    lock (here: a writable open in this process) does not stop them."""
    writer = EmbeddedStore(embedded_served.settings)  # takes graph.lock like `fengong ingest`
    try:
        result = _cli(
            "cypher", "MATCH (d:Document) RETURN count(d) AS n", "--json", data=embedded_served.data
        )
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == [{"n": 5}]
        result = _cli("query", "documents", "--json", data=embedded_served.data)
        assert result.returncode == 0 and len(json.loads(result.stdout)) == 5, result.stderr
        result = _cli("ask", "哪些部门牵头转供电改直供电", "--json", data=embedded_served.data)
        assert result.returncode == 0 and json.loads(result.stdout)["rows"], result.stderr
        result = _cli("cypher", "CREATE (:Topic {name: 'intruder'})", data=embedded_served.data)
        assert result.returncode == 1 and "error:" in result.stderr
    finally:
        writer.close()
