"""The read-only guard on its own: every attack of issue 18 refused, reads accepted, the named
queries accepted, and the allow-list file validated. Outcomes on real stores are in
tests/test_security.py and tests/test_cypher_fuzz.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from fengong.api.app import create_app
from fengong.graph.cypher_allow import AllowListError, allow_list, parse_allow_list
from fengong.graph.cypher_tokens import Kind, TokenError, tokenize
from fengong.graph.readonly import MAX_LIST, MAX_SKIP, ReadOnlyViolation, check_read_only
from fengong.graph.store import GraphStore
from fengong.queries.named import parse_query
from tests.fixtures_docs import all_docs
from tests.test_api_support import api_settings

QUERIES = Path(__file__).resolve().parents[1] / "queries"
STORES = ("embedded", "neo4j")


def refused(cypher: str, match: str, params: dict[str, Any] | None = None, **kwargs: Any) -> None:
    """Assert the guard refuses ``cypher`` with a message matching ``match``."""
    with pytest.raises(ReadOnlyViolation, match=match):
        check_read_only(cypher, params, **kwargs)


# -- the attacks of issue 18, one test each ------------------------------------------------------


def test_a_keyword_glued_to_a_digit_cannot_read_a_file() -> None:
    refused(
        "MATCH (t:Task) RETURN t.title LIMIT 1LOAD FROM '/etc/shadow' (file_format='csv') RETURN *",
        r"the number '1L'… at line 1, column \d+ is glued",
    )


def test_a_glued_call_cannot_pass_the_procedure_allow_list() -> None:
    refused("MATCH (t:Task) RETURN t.title LIMIT 1CALL threads=1", "glued")
    refused("RETURN 1 AS one LIMIT 1CALL dbms.killConnection('bolt-1')", "glued")


def test_a_lone_carriage_return_after_a_line_comment_is_refused() -> None:
    """``//*`` then a lone CR: LadybugDB's comment runs on, so ``/*`` opens a block comment for
    one reader and not the other; what one cannot see, the other runs."""
    hidden = (
        "MATCH (n) RETURN count(n) AS c //*\r; ROLLBACK; COPY (MATCH (n) RETURN n) TO '/tmp/x.csv';"
        " EXPORT DATABASE '/tmp/fengong-x'; CREATE (:Topic {name: 'x'}); MATCH (n) DETACH DELETE n //*/"
    )
    refused(hidden, r"U\+000D .* at line 1, column \d+ is not allowed")


@pytest.mark.parametrize(
    "statement",
    [
        "ROLLBACK",
        "COPY (MATCH (n) RETURN n) TO '/tmp/x.csv'",
        "EXPORT DATABASE '/tmp/fengong-x'",
        "CREATE (:Topic {name: 'x'})",
        "MATCH (n) DETACH DELETE n",
    ],
)
def test_a_second_statement_is_refused_before_anything_runs(statement: str) -> None:
    refused(f"MATCH (n) RETURN count(n) AS c; {statement}", "only one statement")
    refused(f"MATCH (n) RETURN count(n) AS c;\n{statement};", "only one statement")


def test_a_comment_the_engines_end_at_different_places_is_refused() -> None:
    """Neo4j ends ``/* **/`` at the first ``*/``; LadybugDB reads ``*`` pairs and runs on to the next."""
    refused("RETURN 1 AS one /* **/ ' */ ; MATCH (n) DETACH DELETE n //'", "ends at different places")
    refused("RETURN 1 AS one /* never closed", "never closed")


def test_nested_size_bombs_are_left_to_the_worker_but_a_hidden_skip_is_refused() -> None:
    # Each call's size is a literal within MAX_LIST: the guard accepts it, and the worker
    # process's memory and time limits bound what the nesting builds.
    check_read_only("RETURN size(repeat(repeat('x', 1000000), 1000000)) AS n")
    refused(
        "MATCH (t:Task) RETURN t.id AS id ORDER BY id SKIP /**/ 50000 LIMIT 5",
        f"SKIP must be at most {MAX_SKIP:,}",
        store_kind="embedded",
    )


def test_neo4j_carriage_return_comment_end_cannot_hide_a_statement() -> None:
    refused("RETURN 1 AS one //x\rCALL dbms.killConnection('bolt-7')\n", r"U\+000D")
    refused("RETURN 1 AS one //x\rLOAD CSV FROM 'http://127.0.0.1:9/x' AS l RETURN l\n", r"U\+000D")


def test_neo4j_admin_procedures_are_refused() -> None:
    refused("CALL dbms.killConnection('bolt-7')", "CALL dbms.killconnection is not allowed")
    refused("CALL `dbms`.`killConnection`('bolt-7')", "CALL dbms.killconnection is not allowed")


def test_load_csv_from_the_network_is_refused() -> None:
    refused("LOAD CSV FROM 'http://169.254.169.254/latest' AS line RETURN line", "LOAD is not allowed")


@pytest.mark.parametrize("command", ["SHOW SETTINGS", "SHOW TRANSACTIONS", "SHOW SETTINGS YIELD *"])
def test_show_commands_are_refused(command: str) -> None:
    refused(command, "SHOW is not allowed")


# -- the tokenizer: what the engines read differently ------------------------------------------


@pytest.mark.parametrize(
    "char", ["\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x00", "\x1c", "\u200b", "\ufeff", "\u202e"]
)
def test_control_and_format_characters_are_refused_anywhere(char: str) -> None:
    for cypher in (f"RETURN 1{char}AS one", f"RETURN 'a{char}b' AS s", f"RETURN 1 AS one // x{char}y"):
        refused(cypher, f"U\\+{ord(char):04X}")


def test_crlf_line_ends_are_refused_and_lf_and_tab_accepted() -> None:
    refused("MATCH (n)\r\nRETURN n", r"U\+000D")
    check_read_only("MATCH (n)\n\tRETURN n // a comment\nLIMIT 1")


def test_non_ascii_is_allowed_only_in_strings_and_quoted_names() -> None:
    check_read_only("MATCH (u:Unit) WHERE u.name = '聊城市工业和信息化局' RETURN u.name AS `单位`")
    refused("RETURN\u00a01 AS one", "only allowed inside")
    refused("MATCH (a)\u2014>(b) RETURN a", "only allowed inside")
    refused("RETURN 1 AS 单位", "only allowed inside")


@pytest.mark.parametrize("number", ["0x1F", "1_000", "010", "1e+5", "1LOAD", "1$a", "2e"])
def test_numbers_the_engines_split_differently_are_refused(number: str) -> None:
    refused(f"RETURN {number} AS n", "glued|leading zero")


def test_numbers_both_engines_read_alike_are_accepted() -> None:
    tokens = tokenize("RETURN 0, 12, 1.5, .5, 1e5, 2.5E-3 , [1..3]")
    assert [t.value for t in tokens if t.kind is Kind.NUMBER] == [0, 12, 1.5, 0.5, 1e5, 2.5e-3, 1, 3]


def test_string_escapes_must_mean_the_same_to_both_engines() -> None:
    assert [
        t.value for t in tokenize(r"RETURN 'it\'s', 'a\\', '\u00e9', 'x''y'") if t.kind is Kind.STRING
    ] == [
        r"it\'s",
        "a\\\\",
        r"\u00e9",
        "x",
        "y",
    ]
    refused(r"RETURN '\q' AS s", r"the escape '\\q'")
    refused(r"RETURN '\u12' AS s", r"the escape '\\u'")
    refused("RETURN 'never closed", "never closed")


def test_quoted_names_are_names_never_keywords() -> None:
    check_read_only("MATCH (n:`CREATE`) RETURN n.`load` AS `LOAD`, 1 AS `a``b`")
    assert [t.value for t in tokenize("RETURN 1 AS `a``b`") if t.kind is Kind.QUOTED] == ["a`b"]
    refused("RETURN 1 AS `never closed", "never closed")
    with pytest.raises(TokenError, match="unexpected character"):
        tokenize("RETURN 1 # 2")


# -- keywords, functions, procedures -----------------------------------------------------------


@pytest.mark.parametrize(
    "cypher",
    [
        "MATCH (load) RETURN load",
        "MATCH (n) RETURN n AS copy",
        "MATCH (n) WITH n AS export RETURN export",
        "USE system MATCH (n) RETURN n",
        "MATCH (n) FOREACH (x IN [1] | CREATE ())",
        "EXPLAIN MATCH (n) RETURN n",
        "MATCH (n) RETURN n OFFSET 5",
        "MATCH (n) RETURN n UNION MATCH (n) CALL { CREATE () } RETURN n",
        "CYPHER runtime=slotted MATCH (n) RETURN n",
        "MATCH (n) RETURN n {.*, periodic: 1}",
    ],
)
def test_every_other_keyword_is_refused_even_as_a_name(cypher: str) -> None:
    refused(cypher, "is not allowed|CALL")


def test_property_keys_may_be_keywords() -> None:
    """After a single '.', both grammars read a property key, never a clause."""
    check_read_only("MATCH (u)-[r:LEADS]->(t) RETURN r.start AS s, r.`end` AS e, t.load, t.set")


def test_functions_must_be_allowed() -> None:
    check_read_only("RETURN toLower('A') AS a, `toUpper`('b') AS b, count(*) AS c, size([1]) AS d")
    refused("RETURN apoc.load.json('file:///etc/passwd') AS x", r"apoc\.load\.json\(\) is not an allowed")
    refused("RETURN db.nameFromElementId('x') AS x", r"db\.namefromelementid\(\) is not an allowed")
    refused("RETURN `MATCH`(1) AS x", r"match\(\) is not an allowed")


def test_procedures_follow_the_store() -> None:
    check_read_only("CALL db.labels()")
    check_read_only("CALL db.labels() YIELD label RETURN label", store_kind="neo4j")
    check_read_only("CALL show_tables() RETURN *", store_kind="embedded")
    refused(
        "CALL db.labels()",
        "CALL db.labels is not allowed in read-only Cypher on the embedded store",
        store_kind="embedded",
    )
    refused(
        "CALL show_tables() RETURN *",
        "not allowed in read-only Cypher on the neo4j store",
        store_kind="neo4j",
    )
    refused("CALL threads=1", "CALL threads is not allowed")
    refused("CALL show_tables = 1", "settings cannot be changed")
    refused("MATCH (n) CALL { MATCH (m) RETURN m } RETURN n", r"CALL \{ … \} subqueries")
    refused("MATCH (n) CALL (n) { RETURN 1 AS x } RETURN n", r"CALL \{ … \} subqueries")


def test_exists_and_count_subqueries_are_reads() -> None:
    check_read_only(
        "MATCH (t:Task) WHERE EXISTS { MATCH (t)<-[:LEADS]-() } RETURN COUNT { MATCH (t)--() } AS c"
    )


# -- sizes, SKIP and LIMIT -----------------------------------------------------------------------


def test_sized_functions_need_small_literal_sizes() -> None:
    check_read_only(f"UNWIND range(1, {MAX_LIST}) AS x RETURN count(x) AS c")
    check_read_only("RETURN lpad('x', 10, ' ') AS a, rpad('x', 10, ' ') AS b, range(10, 1, -1) AS c")
    for cypher in (
        "UNWIND range(1, 1000000000) AS x RETURN count(x)",
        "RETURN `range`(1, 1000000000) AS r",
        "UNWIND range(1, $n) AS x RETURN x",
        "RETURN range(1, 10, 0) AS r",
        "RETURN repeat('x', 1000000001) AS s",
        "RETURN lpad('x', 2 * 1000000, ' ') AS s",
    ):
        refused(cypher, "needs integer literals for its size", {"n": 5})
    check_read_only("UNWIND range(1, $n) AS x RETURN x", {"n": 5}, bounded_sizes=False)


def test_skip_and_limit_take_an_integer_or_an_integer_parameter() -> None:
    check_read_only("MATCH (n) RETURN n SKIP 10 LIMIT 5")
    check_read_only("MATCH (n) RETURN n SKIP $s LIMIT $l", {"s": MAX_SKIP, "l": 10**6})
    check_read_only("MATCH (n) RETURN n SKIP $s", {"s": 50_000}, store_kind="neo4j")
    refused("MATCH (n) RETURN n SKIP $s", "at most", {"s": MAX_SKIP + 1}, store_kind="embedded")
    refused("MATCH (n) RETURN n SKIP $s", "at most", {"s": MAX_SKIP + 1})  # no store: the stricter rule
    refused("MATCH (n) RETURN n SKIP $s", "the parameter has no value")
    for params in ({"s": -1}, {"s": True}, {"s": "5"}, {"s": 1.0}):
        refused("MATCH (n) RETURN n SKIP $s", "non-negative integer", params)
    for tail in ("LIMIT 10 * 1000", "SKIP 1 + 2000", "LIMIT 1.5", "SKIP -1", "LIMIT toInteger('5')",
                 "LIMIT $l[0]", "SKIP 5 OR true", "LIMIT"):  # fmt: skip
        refused(f"MATCH (n) RETURN n {tail}", "non-negative integer|no value", {"l": [5]})


def test_one_statement_and_not_empty() -> None:
    check_read_only("MATCH (n) RETURN count(n) AS c;")
    for cypher in ("", "   ", ";", "// just a comment", "/* */"):
        refused(cypher, "empty query")


# -- the named queries and the allow-list file -------------------------------------------------


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.cypher")), ids=lambda p: p.stem)
def test_every_named_query_passes_the_guard(path: Path) -> None:
    query = parse_query(path.read_text(encoding="utf-8"), path.stem)
    params = query.bind(query.examples())
    for store_kind in STORES:
        check_read_only(query.cypher, params, store_kind=store_kind)
        check_read_only(query.capped(1001), params, store_kind=store_kind)


def test_the_allow_list_is_complete_and_validated() -> None:
    rules = allow_list()
    assert {"MATCH", "RETURN", "SKIP"} <= rules.read and "LOAD" in rules.keywords - rules.read - rules.names
    assert rules.sized <= rules.functions and "db.labels" in rules.procedures_for("neo4j")
    path = Path(__file__).resolve().parents[1] / "graph" / "cypher_allow.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert parse_allow_list(data) == rules

    def broken(edit: Any) -> None:
        copy = yaml.safe_load(path.read_text(encoding="utf-8"))
        edit(copy)
        with pytest.raises(AllowListError, match=r"cypher_allow\.yaml"):
            parse_allow_list(copy)

    broken(lambda d: d["keywords"].update(read=d["keywords"]["read"] + " FROBNICATE"))  # not a keyword
    broken(lambda d: d["keywords"].update(names=["ON", "NO"]))  # a YAML list: ON / NO become booleans
    broken(lambda d: d.update(sized_functions="range explode"))  # sized but not an allowed function
    broken(lambda d: d["procedures"].pop("neo4j"))
    broken(lambda d: d.pop("functions"))


# -- the attacks on real stores: refused before anything runs -------------------------------------


def attacks(tmp: Path) -> list[str]:
    """The attacks of issue 18 as sent, with every path inside ``tmp``."""
    return [
        f"MATCH (t:Task) RETURN t.title LIMIT 1LOAD FROM '{tmp}/in.csv' (file_format='csv') RETURN *",
        "MATCH (t:Task) RETURN t.title LIMIT 1CALL threads=1",
        f"MATCH (n) RETURN count(n) AS c //*\r; ROLLBACK; COPY (MATCH (n) RETURN n.id) TO '{tmp}/x.csv';"
        f" EXPORT DATABASE '{tmp}/export'; CREATE (:Topic {{name: 'x'}}); MATCH (n) DETACH DELETE n //*/",
        "RETURN 1 AS one //x\rMATCH (n) DETACH DELETE n\n",
        "CALL dbms.killConnection('bolt-7')",
        f"LOAD CSV FROM 'file://{tmp}/in.csv' AS line RETURN line",
        "SHOW SETTINGS",
        "SHOW TRANSACTIONS",
    ]


def test_attacks_on_a_writable_store_are_refused_and_change_nothing(
    store: GraphStore, tmp_path: Path
) -> None:
    """The store is opened read-write (the embedded one) or reached with write rights (Neo4j):
    the guard alone stands in the way, and nothing reaches the engine."""
    store.load_documents(all_docs()[:1])
    target = tmp_path / "target"
    target.mkdir()
    (target / "in.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    before = store.counts()
    for cypher in attacks(target):
        with pytest.raises(ReadOnlyViolation):
            store.run(cypher, {}, read_only=True)
    # A large SKIP crashes the embedded engine only; Neo4j answers it.
    far = "MATCH (t:Task) RETURN t.id AS id ORDER BY id SKIP /**/ 50000 LIMIT 5"
    if store.kind == "embedded":
        with pytest.raises(ReadOnlyViolation, match="SKIP must be at most"):
            store.run(far)
    else:
        assert store.run(far) == []
    assert store.counts() == before
    assert sorted(p.name for p in target.iterdir()) == ["in.csv"]
    assert store.run("RETURN 1 AS one") == [{"one": 1}]


def test_pages_past_the_skip_bound_still_work_over_http(embedded_store: GraphStore) -> None:
    """The list endpoints run their page only when it starts inside the total, so they lift the
    SKIP bound; user Cypher keeps it."""
    embedded_store.run(
        "UNWIND range(1, 1100) AS i CREATE (:Unit {id: concat('u', to_string(i)), name: concat('unit ', "
        "to_string(10000 + i))})",
        read_only=False,
    )
    with TestClient(create_app(api_settings(embedded_store), embedded_store)) as client:
        page = client.get("/units", params={"offset": MAX_SKIP + 50, "limit": 3}).json()
        assert page["total"] == 1100 and [u["name"] for u in page["items"]] == [
            f"unit {10000 + i}" for i in range(MAX_SKIP + 51, MAX_SKIP + 54)
        ]
        r = client.post("/cypher", json={"query": f"MATCH (u:Unit) RETURN u.id AS id SKIP {MAX_SKIP + 50}"})
        message = r.json()["message"]
        assert r.status_code == 400 and "SKIP must be" in message and "at most" in message, r.text
    check_read_only("MATCH (u) RETURN u SKIP $s", {"s": 5000}, store_kind="embedded", skip_bounded=False)
