"""Differential fuzzing of the read-only guard against both real engines.

Hypothesis builds queries from a grammar that mixes reads, forbidden statements (COPY … TO and
EXPORT DATABASE into a temporary directory, LOAD FROM a file there, CREATE, SET, MERGE, DETACH
DELETE, ROLLBACK, statements after ';'), comments, line ends (\\r, \\r\\n, \\n, U+2028),
quotes, escapes, backticks and digits glued to words. Every query the guard accepts runs
unguarded with full write power: on an embedded store opened read-write in auto-commit mode,
and on Neo4j in an auto-commit WRITE session. Engine errors are fine; a change is not: node and
relationship counts, the embedded store's files (sha256), Neo4j's labels and indexes, and the
temporary directory's files must all stay as they were.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from fengong.graph.readonly import ReadOnlyViolation, check_read_only
from fengong.graph.store import GraphStore, StoreError
from tests.fixtures_docs import all_docs
from tests.store_fixtures import make_store, neo4j_settings

#: Examples per test: 300 in CI (about 15 s for both tests); FENGONG_FUZZ_EXAMPLES for longer runs.
EXAMPLES = int(os.environ.get("FENGONG_FUZZ_EXAMPLES", "300"))
READS = [
    "MATCH (n) RETURN count(n) AS c",
    "RETURN 1 AS one",
    "MATCH (t:Task) RETURN t.title AS title ORDER BY title LIMIT 3",
    "UNWIND [1, 2] AS x RETURN x",
    "MATCH (t:Task) WHERE t.title CONTAINS 'a' RETURN t.id AS id SKIP 1",
]
GLUE = [
    " ", "\n", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\t", "\u00a0", "\u200b", ";", "; ",
    "//", "//*", "/*", "*/", "/* **/", "**/", "'", '"', "\\", "\\'", '\\"', "''", "`", "``",
    "1", "0x", "1_", "$", "LIMIT 1", "SKIP /**/ 5", "SKIP 50000", "RETURN", ")", "(",
]  # fmt: skip


def forbidden_statements(tmp: Path) -> list[str]:
    """Statements that write or reach outside the database; every path is inside ``tmp``."""
    return [
        f"COPY (MATCH (n) RETURN n.id) TO '{tmp}/copy.csv'",
        f"EXPORT DATABASE '{tmp}/export'",
        f"LOAD FROM '{tmp}/in.csv' RETURN *",
        f"LOAD CSV FROM 'file://{tmp}/in.csv' AS l RETURN l",
        "CREATE (:Topic {name: 'fuzz', en: 'fuzz'})",
        "MERGE (:Topic {name: 'fuzz'})",
        "MATCH (t:Topic) SET t.en = 'fuzz'",
        "MATCH (n) DETACH DELETE n",
        "ROLLBACK",
        "FOREACH (x IN [1] | CREATE (:Topic {name: 'fuzz'}))",
        "CALL { CREATE (:Topic {name: 'fuzz'}) } RETURN 1",
    ]


def query_strategy(tmp: Path) -> st.SearchStrategy[str]:
    """Queries that hide a forbidden statement, or pieces of everything run together."""
    reads, glue = st.sampled_from(READS), st.sampled_from(GLUE)
    forbidden = st.sampled_from(forbidden_statements(tmp)).flatmap(lambda s: st.sampled_from([s, s.lower()]))
    templates: list[Callable[[str, str, str, str], str]] = [
        lambda r, f, a, b: f"{r} //{a}{f}{b}\n",
        lambda r, f, a, b: f"{r} /*{a}{f}{b}*/",
        lambda r, f, a, b: f"RETURN '{a}{f}{b}' AS s",
        lambda r, f, a, b: f'RETURN "{a}{f}{b}" AS s',
        lambda r, f, a, b: f"RETURN 1 AS `{a}{f}{b}`",
        lambda r, f, a, b: f"{r} LIMIT 1{f}",
        lambda r, f, a, b: f"{r}{a};{b}{f}",
        lambda r, f, a, b: f"{r} {a}{f}{b}",
    ]
    hidden = st.builds(
        lambda t, r, f, a, b: t(r, f, a, b), st.sampled_from(templates), reads, forbidden, glue, glue
    )
    pieces = st.lists(st.one_of(reads, glue, forbidden, hidden), min_size=1, max_size=6).map("".join)
    # Characters the engines read differently, run into words and statements.
    noise = st.text(alphabet="\r\n\u2028 \t;/*'\"`\\$0123456789xLOADCREATE(){}", max_size=40)
    return st.one_of(
        hidden, pieces, st.tuples(reads, glue, hidden).map("".join), st.tuples(reads, noise).map("".join)
    )


def files_of(directory: Path) -> dict[str, str]:
    """sha256 of every file under ``directory``, by relative path."""
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def fuzz_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The only directory the generated queries name; holds one CSV to LOAD."""
    tmp = tmp_path_factory.mktemp("fuzz-target")
    (tmp / "in.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return tmp


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    """An embedded store opened read-write, with two documents, its log checkpointed."""
    store = make_store("embedded", tmp_path_factory.mktemp("fuzz-store"))
    store.load_documents(all_docs()[:2])
    store.run("RETURN 1 AS one", read_only=False)  # an auto-commit statement checkpoints the log first
    yield store
    store.close()


@pytest.fixture(scope="module")
def neo4j_write(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[GraphStore, neo4j.Session]]:
    """The test Neo4j with two documents, and an auto-commit WRITE session on it."""
    store = make_store("neo4j", tmp_path_factory.mktemp("fuzz-neo4j"))
    store.load_documents(all_docs()[:2])
    config = neo4j_settings()
    driver = neo4j.GraphDatabase.driver(config.neo4j_uri, auth=(config.neo4j_user, config.neo4j_password))
    with driver.session(database=config.neo4j_database, default_access_mode=neo4j.WRITE_ACCESS) as session:
        yield store, session
    driver.close()
    store.close()


def embedded_state(store: GraphStore) -> dict[str, Any]:
    """Counts and the store's files."""
    assert store.settings.data_dir is not None
    return {"counts": store.counts(), "files": files_of(store.settings.data_dir)}


def neo4j_state(store: GraphStore) -> dict[str, Any]:
    """Counts, labels and indexes."""
    return {
        "counts": store.counts(),
        "labels": sorted(r["label"] for r in store.run("CALL db.labels()")),
        "indexes": sorted(
            r["name"] for r in store.run("SHOW INDEXES YIELD name RETURN name", read_only=False)
        ),
    }


def fuzz(
    tmp: Path, run: Callable[[str], None], state: Callable[[], dict[str, Any]], store_kind: str | None
) -> Counter[str]:
    """Generate EXAMPLES queries; run each one the guard accepts; assert nothing changed."""
    before, files_before, seen = state(), files_of(tmp), Counter[str]()

    # No shrinking: after a change the stores are dirty, and every shrunk example would fail too.
    @settings(max_examples=EXAMPLES, deadline=None, database=None, phases=[Phase.generate])
    @given(query_strategy(tmp))
    def one(cypher: str) -> None:
        seen["examples"] += 1
        try:
            check_read_only(cypher, {}, store_kind=store_kind)
        except ReadOnlyViolation:
            seen["refused"] += 1
            return
        seen["accepted"] += 1
        try:
            run(cypher)
        except Exception:  # the engine's refusal of an accepted query is fine; a change is not
            seen["engine errors"] += 1
        assert state() == before, f"the guard accepted {cypher!r} and it changed the store"
        assert files_of(tmp) == files_before, f"the guard accepted {cypher!r} and it wrote a file"

    one()
    return seen


def report(name: str, seen: Counter[str], seconds: float) -> None:
    """Show what the run did (pytest -s) and check it was not vacuous."""
    print(f"\n{name}: {dict(seen)} in {seconds:.1f} s")
    assert seen["examples"] == EXAMPLES
    assert seen["accepted"] >= EXAMPLES // 10 and seen["refused"] >= EXAMPLES // 10, seen


def test_accepted_queries_leave_the_embedded_store_unchanged(embedded: GraphStore, fuzz_tmp: Path) -> None:
    start = time.monotonic()
    seen = fuzz(
        fuzz_tmp,
        lambda cypher: embedded.run(cypher, read_only=False, timeout=5.0),
        lambda: embedded_state(embedded),
        "embedded",
    )
    report("embedded", seen, time.monotonic() - start)


@pytest.mark.neo4j
def test_accepted_queries_leave_both_engines_unchanged(
    embedded: GraphStore, neo4j_write: tuple[GraphStore, neo4j.Session], fuzz_tmp: Path
) -> None:
    """The same queries on both engines; the guard's rules for no store named (the stricter)."""
    neo4j_store, session = neo4j_write

    def run_both(cypher: str) -> None:
        errors: list[Exception] = []
        for run in (
            lambda: embedded.run(cypher, read_only=False, timeout=5.0),
            lambda: session.run(neo4j.Query(cypher, timeout=5.0)).consume(),
        ):
            try:
                run()
            except Exception as exc:
                errors.append(exc)
        if errors:
            raise errors[0]

    start = time.monotonic()
    seen = fuzz(
        fuzz_tmp,
        run_both,
        lambda: {"embedded": embedded_state(embedded), "neo4j": neo4j_state(neo4j_store)},
        None,
    )
    report("embedded and neo4j", seen, time.monotonic() - start)


# What the tokenizer refuses, the engines really do read differently (checked unguarded, so an
# engine upgrade that changes its reading shows up here): (query, embedded answer, Neo4j answer),
# None for a syntax error.
DISAGREEMENTS = [
    ("RETURN 1 /* **/ + 2 */ + 3 AS x", 4, None),  # LadybugDB's comment runs on to the second */
    ("RETURN 1 /* **/ + 2 AS x", None, 3),
    ("RETURN 1 //c\r+ 5 AS x", None, 6),  # Neo4j ends a // comment at a lone CR
    ("RETURN '\\q' AS x", None, "\\q"),  # not a string at all for LadybugDB
    ("RETURN 0x1F AS x", None, 31),  # a number then a name for LadybugDB
    ("RETURN 1_000 AS x", None, 1000),
]


@pytest.mark.neo4j
@pytest.mark.parametrize(("cypher", "on_embedded", "on_neo4j"), DISAGREEMENTS)
def test_the_refused_forms_are_read_differently_by_the_engines(
    embedded: GraphStore,
    neo4j_write: tuple[GraphStore, neo4j.Session],
    cypher: str,
    on_embedded: object,
    on_neo4j: object,
) -> None:
    with pytest.raises(ReadOnlyViolation):
        check_read_only(cypher)
    answers: list[object] = []
    for store in (embedded, neo4j_write[0]):
        try:
            answers.append(store.run(cypher, read_only=False)[0]["x"])
        except StoreError:
            answers.append(None)
    assert answers == [on_embedded, on_neo4j]
