"""Loading semantics on both stores: counts, idempotence, edits, deletes, atomicity."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.gen_documents import generate
from fengong.graph.embedded import EmbeddedStore
from fengong.graph.mapping import GraphRows
from fengong.graph.plan import Step
from fengong.graph.settings import settings_from_env
from fengong.graph.store import GraphStore, StepHook, StoreError
from fengong.ingest.model import Document
from fengong.ingest.terms import terms
from fengong.ingest_service import ingest_paths
from tests.fixtures_docs import all_docs, edited, kaifeng, liaocheng, zezhou
from tests.store_fixtures import dump, make_store

EXPECTED = {
    "Document": 3, "Jurisdiction": 7, "Task": 7, "Unit": 10, "UnitType": 6, "Deadline": 5, "Topic": 1,
    "Target": 3, "Person": 3, "Group": 2, "PART_OF": 4, "ISSUED_IN": 3, "HAS_TASK": 7, "IN": 10,
    "OF_TYPE": 10, "DUE": 6, "ABOUT": 4, "SETS": 3, "LEADS": 4, "COOPERATES": 6, "RESPONSIBLE_FOR": 5,
    "MENTIONS": 0, "MEMBER_OF": 3, "IN_CHARGE_OF": 1, "OFFICE_AT": 2, "nodes": 47, "relationships": 68,
}  # fmt: skip


class Boom(RuntimeError):
    """The injected failure."""


def fail_halfway(i: int, total: int, step: Step) -> None:
    """A step hook that fails once half the plan's statements have run."""
    if i >= total // 2:
        raise Boom(f"injected failure before step {i}/{total} ({step.name})")


def _with_terms(counts: dict[str, int], docs: list[Document]) -> dict[str, int]:
    """EXPECTED plus the term index of ``docs``' tasks (ingest/terms.py decides the words; a task
    holds its document title's words and its table category's too)."""
    pairs = {
        (t.id, w) for d in docs for t in d.tasks for w in terms(t.title, t.text, d.title, t.category or "")
    }
    words = {w for _, w in pairs}
    out = {**counts, "Term": len(words), "HAS_TERM": len(pairs)}
    out["nodes"] += len(words)
    out["relationships"] += len(pairs)
    return out


def test_counts_after_loading(store: GraphStore) -> None:
    for doc in all_docs():
        store.load_document(doc)
    assert store.counts() == _with_terms(EXPECTED, all_docs())


def test_loading_twice_changes_nothing(store: GraphStore) -> None:
    for doc in all_docs():
        store.load_document(doc)
    before = dump(store)
    for doc in all_docs():
        store.load_document(doc)
    store.load_documents(all_docs())
    assert store.counts() == _with_terms(EXPECTED, all_docs())
    assert dump(store) == before


def test_bulk_equals_one_by_one(store: GraphStore, tmp_path: Path) -> None:
    for doc in all_docs():
        store.load_document(doc)
    one_by_one = dump(store)
    store.wipe()
    stats = store.load_documents(all_docs(), docs_per_transaction=2)
    assert stats.documents == 3 and stats.tasks == 7
    assert dump(store) == one_by_one


def test_edited_document_replaces_its_part_and_keeps_shared_nodes(store: GraphStore) -> None:
    for doc in all_docs():
        store.load_document(doc)
    original = dump(store)
    new = edited(kaifeng())
    store.load_document(new)
    counts = store.counts()
    assert counts["Task"] == EXPECTED["Task"] - 1
    assert counts["Target"] == EXPECTED["Target"] + 1
    assert counts["Unit"] == EXPECTED["Unit"]  # shared nodes stay, even 开封市工业和信息化局 (no task left)
    assert counts["Jurisdiction"] == EXPECTED["Jurisdiction"]
    titles = {
        r["t"]
        for r in store.run(
            "MATCH (:Document {id: $id})-[:HAS_TASK]->(t:Task) RETURN t.title AS t", {"id": new.id}
        )
    }
    assert titles == {"推进转供电改直供电（修订）", "清理转供电加价"}
    sha = store.run("MATCH (d:Document {id: $id}) RETURN d.sha256 AS s", {"id": new.id})
    assert sha == [{"s": new.sha256}]
    # the 2020-12-31 deadline only the dropped task had is gone; the task's new one is there
    dates = {r["d"] for r in store.run("MATCH (x:Deadline) RETURN x.date AS d", {})}
    assert "2020-12-31" not in dates and "2030-12-31" in dates
    store.load_document(kaifeng())  # back to the original version: the original graph
    assert dump(store) == original


@pytest.mark.parametrize("bulk", [False, True], ids=["per-document", "bulk"])
def test_failure_midway_leaves_the_store_unchanged(store: GraphStore, bulk: bool) -> None:
    for doc in all_docs():
        store.load_document(doc)
    before = dump(store)
    with pytest.raises(Boom):
        if bulk:
            store.load_documents(
                [edited(kaifeng()), edited(liaocheng()), edited(zezhou())], on_step=fail_halfway
            )
        else:
            store.load_document(edited(liaocheng()), on_step=fail_halfway)
    assert dump(store) == before
    store.load_document(edited(liaocheng()))  # the store still works after the rollback
    assert store.counts()["Target"] == EXPECTED["Target"] + 1


def test_failure_on_an_empty_store_leaves_it_empty(store: GraphStore) -> None:
    with pytest.raises(Boom):
        store.load_documents(all_docs(), on_step=fail_halfway)
    counts = store.counts()
    assert counts["nodes"] == 0 and counts["relationships"] == 0


def test_delete_document_keeps_shared_nodes(store: GraphStore) -> None:
    for doc in all_docs():
        store.load_document(doc)
    assert store.delete_document(liaocheng().id) is True
    assert store.delete_document("no-such-document") is False
    counts = store.counts()
    assert counts["Document"] == 2
    assert counts["Task"] == EXPECTED["Task"] - 2
    assert counts["Unit"] == EXPECTED["Unit"]
    assert counts["MEMBER_OF"] == 1 and counts["Person"] == 3  # people are shared, their memberships are not
    assert store.run("MATCH (:Document {id: $id}) RETURN 1 AS x", {"id": liaocheng().id}) == []


def _roster_only(doc: Document, doc_id: str) -> Document:
    """Another document of ``doc``'s place naming the same group and people, with no tasks."""
    other = copy.deepcopy(doc)
    other.id, other.sha256, other.tasks, other.targets = doc_id, doc.sha256[::-1], [], []
    return other


def _memberships(store: GraphStore) -> list[tuple[str, str]]:
    rows = store.run("MATCH (p:Person)-[e:MEMBER_OF]->(:`Group`) RETURN p.name AS p, e.document AS d", {})
    return sorted((r["p"], r["d"]) for r in rows)


def test_per_document_edges_stay_apart_per_document(store: GraphStore) -> None:
    # Two documents name the same people in the same group: one MEMBER_OF / OFFICE_AT edge each.
    base = liaocheng()
    other = _roster_only(base, "roster-2")
    store.load_documents([base, other])
    both = sorted([("张三", base.id), ("李四", base.id), ("张三", other.id), ("李四", other.id)])
    assert _memberships(store) == both
    assert store.counts()["OFFICE_AT"] == 2
    store.load_document(other)  # again: nothing changes
    store.load_document(edited(base))  # the other document's edges stay while base is replaced
    assert _memberships(store) == both
    assert store.counts()["OFFICE_AT"] == 2
    assert store.delete_document(other.id) is True
    assert _memberships(store) == sorted([("张三", base.id), ("李四", base.id)])
    assert store.counts()["OFFICE_AT"] == 1


def test_documents_read_while_loading_a_batch_fail_cleanly(store: GraphStore) -> None:
    # Neo4j reads the next batch on a helper thread while it writes this one: an error reading
    # it reaches the caller after the batches read before it are committed, and nothing after.
    def docs() -> Iterator[Document]:
        yield kaifeng()
        yield liaocheng()
        raise OSError("disk went away")

    with pytest.raises(OSError, match="disk went away"):
        store.load_documents(docs(), docs_per_transaction=1)
    ids = {r["id"] for r in store.run("MATCH (d:Document) RETURN d.id AS id", {})}
    assert ids == {kaifeng().id, liaocheng().id}


def test_ingest_reports_a_file_loaded_only_once_its_batch_committed(
    store: GraphStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The loader may read and map the next batch before this one commits; the progress a user
    # sees counts a file as loaded only when its transaction has committed.
    for name, data in generate(8, seed=3):
        (tmp_path / name).write_bytes(data)
    real, batches = store._replace, []

    def second_batch_fails(rows: GraphRows, on_step: StepHook | None) -> None:
        batches.append(rows)
        if len(batches) == 2:
            raise Boom("injected failure in the second batch")
        real(rows, on_step)

    monkeypatch.setattr(store, "_replace", second_batch_fails)
    outcomes: list[tuple[Path, str]] = []
    with pytest.raises(Boom):
        ingest_paths(
            store, [tmp_path], workers=1, docs_per_transaction=2, on_file=lambda p, o: outcomes.append((p, o))
        )
    loaded = {p.name for p, o in outcomes if o == "loaded"}
    sources = {Path(r["s"]).name for r in store.run("MATCH (d:Document) RETURN d.source AS s", {})}
    assert len(loaded) == 2
    assert loaded == sources
    read = {p.name for p, o in outcomes if o == "read"}
    assert loaded < read  # the failed batch's files were read, never reported loaded
    final = [p for p, o in outcomes if o != "read"]
    assert len(final) == len(set(final))  # at most one final outcome per file


def test_embedded_data_survives_reopening(tmp_path: Path) -> None:
    first = make_store("embedded", tmp_path)
    first.load_documents(all_docs())
    snapshot = dump(first)
    first.close()
    again = make_store("embedded", tmp_path)
    try:
        assert dump(again) == snapshot
    finally:
        again.close()


def test_an_older_embedded_store_gains_the_columns_added_since(tmp_path: Path) -> None:
    """A store made before a property existed (its Unit table without ``full_name``) opens, gains
    the column empty, and takes documents that fill it."""
    import ladybug as lb

    from fengong.graph.schema import ladybug_ddl
    from fengong.ingest.pipeline import extract_text

    settings = settings_from_env({}, store="embedded", data_dir=tmp_path / "graph")
    settings.embedded_path.parent.mkdir(parents=True)
    old = lb.Database(str(settings.embedded_path))
    conn = lb.Connection(old)
    for statement in ladybug_ddl():
        if statement.startswith("CREATE"):
            conn.execute(statement.replace(", `full_name` STRING", ""))
    conn.execute("CREATE (:Unit {id: 'u1', name: '开封市财政局'})")
    conn.close()
    old.close()
    store = EmbeddedStore(settings)
    try:
        assert store.run("MATCH (u:Unit {id: 'u1'}) RETURN u.name AS name, u.full_name AS full") == [
            {"name": "开封市财政局", "full": None}
        ]
        text = "聊城市人民政府办公室关于印发工作方案的通知\n一、重点任务\n1.推进项目建设。（市发改委牵头，市财政局配合）\n"
        store.load_documents([extract_text(text, "liaocheng.txt")])
        rows = store.run("MATCH (u:Unit) WHERE u.full_name <> '' RETURN u.name AS name, u.full_name AS full")
        assert rows == [{"name": "聊城市发改委", "full": "聊城市发展和改革委员会"}]
    finally:
        store.close()


def test_embedded_buffer_pool_is_bounded_by_the_setting(tmp_path: Path) -> None:
    # A distinct count of 3 M values needs more than 64 MB of pages.
    big = "UNWIND range(1, 1000) AS a UNWIND range(1, 3000) AS b RETURN count(DISTINCT a * 10000 + b) AS n"
    small = EmbeddedStore(settings_from_env({"FENGONG_BUFFER_POOL_MB": "64"}, data_dir=tmp_path / "a"))
    try:
        with pytest.raises(StoreError, match=r"buffer pool is 64 MB; raise FENGONG_BUFFER_POOL_MB"):
            small.run(big)
        assert small.run("RETURN 1 AS one") == [{"one": 1}]  # usable afterwards
    finally:
        small.close()
    default = EmbeddedStore(settings_from_env({}, data_dir=tmp_path / "b"))
    try:
        assert default.run(big) == [{"n": 3000000}]
    finally:
        default.close()
    with pytest.raises(ValueError, match="FENGONG_BUFFER_POOL_MB must be at least 64"):
        settings_from_env({"FENGONG_BUFFER_POOL_MB": "8"})


def test_tasks_of_an_older_graph_get_their_unit_counts_on_open(neo4j_store: GraphStore) -> None:
    """A Neo4j graph written before tasks kept the number of units they name (``units``) gets it
    when opened: the queries that read it would otherwise take its tasks for unassigned."""
    from fengong.graph.neo4j_store import Neo4jStore

    neo4j_store.load_documents(all_docs())
    count = (
        "MATCH (t:Task) RETURN t.id AS id, t.units AS units, "
        "COUNT { MATCH (u:Unit)-[:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t) RETURN DISTINCT u } AS named ORDER BY id"
    )
    loaded = list(neo4j_store.run(count, read_only=True))
    assert loaded and all(r["units"] == r["named"] for r in loaded) and any(r["units"] for r in loaded)
    neo4j_store.run("MATCH (t:Task) REMOVE t.units", read_only=False)
    assert all(r["units"] is None for r in neo4j_store.run(count, read_only=True))
    assert isinstance(neo4j_store, Neo4jStore)
    neo4j_store.ensure_schema()  # what opening a store does
    assert list(neo4j_store.run(count, read_only=True)) == loaded


def test_tasks_of_an_older_graph_get_their_first_lead_flag_on_open(neo4j_store: GraphStore) -> None:
    """A Neo4j graph written before tasks said whether their first-listed 责任单位 reads as the
    lead (``first_leads``) and whether they name one body alone (``one_body``) gets the flags, and
    the unit counts that read them, when opened: the same values a load writes."""
    from fengong.graph.neo4j_store import Neo4jStore
    from fengong.ingest.pipeline import extract_text

    alone = extract_text(
        "某县养老服务工作任务分工\n一、加强护理员培训。由县人力资源和社会保障局负责。\n", "alone.txt"
    )
    neo4j_store.load_documents([*all_docs(), alone])
    flags = "MATCH (t:Task) RETURN t.id AS id, t.first_leads AS first, t.one_body AS one ORDER BY id"
    counts = "MATCH (u:Unit) RETURN u.id AS id, u.first_listed_count AS first ORDER BY id"
    loaded, counted = (
        list(neo4j_store.run(flags, read_only=True)),
        list(neo4j_store.run(counts, read_only=True)),
    )
    assert {r["first"] for r in loaded} == {True, False} and {r["one"] for r in loaded} == {True, False}
    neo4j_store.run("MATCH (t:Task) REMOVE t.first_leads, t.one_body", read_only=False)
    neo4j_store.run("MATCH (u:Unit) SET u.first_listed_count = -1", read_only=False)
    assert isinstance(neo4j_store, Neo4jStore)
    neo4j_store.ensure_schema()  # what opening a store does
    assert list(neo4j_store.run(flags, read_only=True)) == loaded
    assert list(neo4j_store.run(counts, read_only=True)) == counted


def test_tasks_of_an_older_graph_get_their_primary_deadline_on_open(neo4j_store: GraphStore) -> None:
    """A Neo4j graph written before tasks kept their primary deadline (``due_kind`` / ``due_date`` /
    ``due_text``) gets it when opened, from the DUE edge marked primary: the values a load writes,
    '' for a task without a deadline."""
    from fengong.graph.neo4j_store import Neo4jStore

    neo4j_store.load_documents(all_docs())
    due = "MATCH (t:Task) RETURN t.id AS id, t.due_kind AS kind, t.due_date AS date, t.due_text AS text ORDER BY id"
    loaded = list(neo4j_store.run(due, read_only=True))
    assert {r["kind"] for r in loaded} >= {"by", ""} and any(r["date"] for r in loaded)
    assert all(r["kind"] == "" or r["text"] for r in loaded)
    neo4j_store.run("MATCH (t:Task) REMOVE t.due_kind, t.due_date, t.due_text", read_only=False)
    assert isinstance(neo4j_store, Neo4jStore)
    neo4j_store.ensure_schema()  # what opening a store does
    assert list(neo4j_store.run(due, read_only=True)) == loaded


def test_documents_of_an_older_graph_get_their_topics_on_open(neo4j_store: GraphStore) -> None:
    """A Neo4j graph written before documents kept the topic their title names (``topics``) gets it
    when opened, read from the titles as a load reads it."""
    from fengong.graph.neo4j_store import Neo4jStore
    from fengong.ingest.pipeline import extract_text

    grain = extract_text(
        "滑县2025年粮食安全责任制重点工作任务分解方案\n一、稳定播种面积。（牵头单位：县农业农村局）\n",
        "grain.txt",
    )
    water = extract_text(
        "濮阳市2021年防汛抗旱和河湖治理工作方案\n一、修订预案。（牵头单位：市应急管理局）\n", "water.txt"
    )
    neo4j_store.load_documents([grain, water])  # read by the pipeline, as a load reads them
    query = "MATCH (d:Document) RETURN d.id AS id, d.topics AS topics ORDER BY id"
    loaded = list(neo4j_store.run(query, read_only=True))
    assert any(r["topics"] for r in loaded) and all(r["topics"] is not None for r in loaded)
    neo4j_store.run("MATCH (d:Document) REMOVE d.topics", read_only=False)
    assert isinstance(neo4j_store, Neo4jStore)
    neo4j_store.ensure_schema()  # what opening a store does
    assert list(neo4j_store.run(query, read_only=True)) == loaded
