"""The HTTP API in-process (TestClient) over a fresh embedded store holding the samples."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from fengong.api.app import ApiSettings, create_app
from fengong.graph.store import GraphStore
from fengong.queries.named import list_queries
from tests.store_fixtures import make_store
from tests.test_api_support import SAMPLES, TOKEN, api_settings, loaded_store

LIAOCHENG_DOC = "聊城市加快推进5G产业发展实施方案"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    graph = loaded_store("embedded", tmp_path_factory.mktemp("api"))
    yield graph
    graph.close()


@pytest.fixture(scope="module")
def client(store: GraphStore) -> Iterator[TestClient]:
    with TestClient(create_app(api_settings(store), store)) as c:
        yield c


def test_health_counts(client: TestClient, store: GraphStore) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["store"] == "embedded"
    assert body["counts"]["Document"] == 5 and body["nodes"] == store.counts()["nodes"] > 0


def test_chinese_is_utf8_not_escaped(client: TestClient) -> None:
    r = client.get("/units", params={"jurisdiction": "聊城市", "limit": 3})
    assert r.headers["content-type"] == "application/json; charset=utf-8"
    assert "聊城市".encode() in r.content and b"\\u" not in r.content


def test_documents_paginated_and_one_with_tasks(client: TestClient) -> None:
    first = client.get("/documents", params={"limit": 2}).json()
    rest = client.get("/documents", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == rest["total"] == 5 and len(first["items"]) == 2 and len(rest["items"]) == 2
    assert not {d["id"] for d in first["items"]} & {d["id"] for d in rest["items"]}
    assert (
        client.get("/documents", params={"jurisdiction": "晋城市"}).json()["items"][0]["jurisdiction"]
        == "泽州县"
    )
    doc = client.get(f"/documents/{LIAOCHENG_DOC}").json()
    assert doc["jurisdiction"] == "聊城市" and doc["tasks"] == len(doc["task_list"]) == 24
    cost = next(t for t in doc["task_list"] if t["title"] == "降低基站运维成本")
    leads = [u["unit"] for u in sorted(cost["units"], key=lambda u: u["rank"]) if u["role"] == "lead"]
    assert leads == ["聊城市发展改革委", "聊城市市场监管局", "中国铁塔聊城分公司"]
    missing = client.get("/documents/no-such-document")
    assert missing.status_code == 404 and "no-such-document" in missing.json()["message"]


def test_units_filter_and_detail(client: TestClient) -> None:
    page = client.get("/units", params={"unit_type": "工业和信息化局", "limit": 10}).json()
    assert {u["jurisdiction"] for u in page["items"]} == {"聊城市", "开封市", "岳阳市", "泽州县"}
    assert page["total"] == 4
    companies = client.get("/units", params={"jurisdiction": "聊城市", "kind": "company"}).json()["items"]
    assert "中国铁塔聊城分公司" in {u["name"] for u in companies} and {u["kind"] for u in companies} == {
        "company"
    }
    unit = client.get("/units/聊城市工业和信息化局").json()
    assert unit["leads"] == 1 and unit["unit_type"] == "工业和信息化局"
    assert {"basis": "stated lead", "task": "编制基站建设专项规划"}.items() <= next(
        w for w in unit["work"] if w["basis"] == "stated lead"
    ).items()
    assert any(w["basis"] == "first-listed responsible unit" for w in unit["work"])
    assert unit["partners"] and all(
        p["unit"] != "聊城市工业和信息化局" and p["shared"] >= 1 for p in unit["partners"]
    )
    assert client.get(f"/units/{unit['id']}").json()["name"] == "聊城市工业和信息化局"
    assert client.get("/units/nobody").status_code == 404


def test_tasks_filters(client: TestClient) -> None:
    topic = client.get("/tasks", params={"topic": "direct power supply conversion"}).json()
    assert topic["total"] == 4
    assert {t["jurisdiction"] for t in topic["items"]} == {"三门峡市", "开封市", "泽州县", "聊城市"}
    led = client.get("/tasks", params={"topic": "转供电改直供电", "role": "lead"}).json()
    assert {t["jurisdiction"] for t in led["items"]} == {"泽州县", "聊城市"}
    due = client.get("/tasks", params={"jurisdiction": "开封市", "due_before": "2020-12-31"}).json()
    assert {t["title"] for t in due["items"]} == {"加快推进5G网络建设", "统筹5G基站规划布局"}
    later = client.get("/tasks", params={"due_after": "2023-01-01"}).json()
    assert later["total"] > 0 and all(t["due_date"] >= "2023-01-01" for t in later["items"])
    text = client.get("/tasks", params={"q": "直供电"}).json()
    assert text["total"] == 4
    unit = client.get("/tasks", params={"unit": "泽州县能源局", "role": "lead"}).json()
    assert "5G+智慧矿山" in {t["title"] for t in unit["items"]}
    bad = client.get("/tasks", params={"due_before": "2020-13-45"})
    assert bad.status_code == 422 and "due_before" in bad.json()["message"]
    assert client.get("/tasks", params={"limit": 0}).status_code == 422


def test_topics(client: TestClient) -> None:
    topics = {t["name"]: t for t in client.get("/topics").json()}
    assert (
        topics["转供电改直供电"]["tasks"] == 4
        and "direct-power conversion" in topics["转供电改直供电"]["aliases_en"]
    )


def test_named_queries(client: TestClient) -> None:
    names = {q["name"] for q in client.get("/queries").json()}
    assert names == {q.name for q in list_queries()}
    one = client.get("/queries/topic_leads").json()
    assert one["params"][0] == {
        "name": "topic",
        "type": "topic",
        "required": True,
        "default": None,
        "example": "转供电改直供电",
    }
    rows = client.post("/queries/topic_leads", json={"params": {"topic": "转供电改直供电"}}).json()
    assert rows["columns"][:4] == ["city", "jurisdiction", "basis", "rank"]
    assert {(r["jurisdiction"], r["basis"], r["unit"]) for r in rows["rows"]} >= {
        ("泽州县", "stated lead", "泽州县能源局"),
        ("岳阳市", "mentioned, not assigned", ""),
    }
    # a topic parameter is read as the taxonomy's name: the English name, in any case, gives the same rows
    english = client.post(
        "/queries/topic_leads", json={"params": {"topic": "Direct Power Supply Conversion"}}
    )
    assert english.json()["rows"] == rows["rows"]
    unknown = client.post("/queries/topic_lead", json={})
    assert unknown.status_code == 422 and "known queries" in unknown.json()["message"]
    missing = client.post("/queries/topic_leads", json={"params": {}})
    assert missing.status_code == 422 and "needs parameter 'topic'" in missing.json()["message"]
    capped = client.post("/queries/unit_list", json={"params": {"limit": 100}, "limit": 3}).json()
    assert capped["count"] == 3 and capped["truncated"]


def test_matrix_json_csv_xlsx(client: TestClient) -> None:
    matrix = client.get(f"/matrix/document/{LIAOCHENG_DOC}").json()
    assert matrix["title"] == "聊城市加快推进5G产业发展实施方案"
    cost = next(t for t in matrix["tasks"] if t["task"] == "降低基站运维成本")
    assert cost["cells"]["聊城市发展改革委"] == "牵头" and cost["cells"]["国网聊城供电公司"] == "配合"
    assert "发展改革委" in cost["evidence"]["聊城市发展改革委"]  # the sentence that assigns it
    # CSV and XLSX are the matrix exports (`fengong export csv|xlsx --document …`), same selection.
    csv_text = client.get(f"/matrix/document/{LIAOCHENG_DOC}", params={"format": "csv"}).content.decode(
        "utf-8-sig"
    )
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert {r["unit"] for r in rows if r["unit"]} == set(matrix["units"])
    assert {(r["task"], r["unit"], r["cell"]) for r in rows} >= {
        ("降低基站运维成本", "聊城市发展改革委", "牵头"),
        ("降低基站运维成本", "国网聊城供电公司", "配合"),
    }
    xlsx = client.get("/matrix/jurisdiction/开封市", params={"format": "xlsx"})
    assert xlsx.headers["content-type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(xlsx.content))
    ws = next(book[name] for name in book.sheetnames if name.startswith("开封"))
    sheet = list(ws.iter_rows(values_only=True))
    unit_col = sheet[0].index("开封市发展改革委员会")
    task_col = sheet[0].index("任务")
    assert any(r[task_col] == "落实5G建设配套需求" and r[unit_col] == "责任1" for r in sheet[1:])
    county = client.get("/matrix/jurisdiction/晋城市").json()  # a city's matrix includes its counties
    assert "泽州县能源局" in county["units"]
    assert client.get("/matrix/jurisdiction/北京市").status_code == 404
    assert client.get("/matrix/document/x", params={"format": "pdf"}).status_code == 422
    # a blank name names nothing: not found, in every format (it had been a server error for CSV,
    # and the matrix of every document for JSON)
    for blank in ("%0D", "%20"):
        for fmt in ("json", "csv", "xlsx"):
            for kind in ("document", "jurisdiction"):
                r = client.get(f"/matrix/{kind}/{blank}", params={"format": fmt})
                assert r.status_code == 404 and f"no {kind} named" in r.json()["message"], (kind, blank, fmt)


def test_cypher_read_only_with_caps(client: TestClient) -> None:
    units = client.get("/health").json()["counts"]["Unit"]
    ok = client.post(
        "/cypher",
        json={
            "query": "MATCH (u:Unit) WHERE u.jurisdiction = $j RETURN u.name AS n",
            "params": {"j": "聊城市"},
        },
    ).json()
    assert ok["count"] == 31 and "聊城市工业和信息化局" in {r["n"] for r in ok["rows"]}
    capped = client.post("/cypher", json={"query": "MATCH (u:Unit) RETURN u.name AS n", "limit": 5}).json()
    assert capped["count"] == 5 and capped["truncated"]
    for query in (
        "MATCH (n:Unit) DETACH DELETE n",
        "CREATE (:Unit {id: 'x'})",
        "MATCH (n) SET n.x = 1 RETURN n",
    ):
        r = client.post("/cypher", json={"query": query})
        assert r.status_code == 400 and "not allowed" in r.json()["message"]
    syntax = client.post("/cypher", json={"query": "MATCH (n RETURN n"})
    assert syntax.status_code == 400 and syntax.json()["message"].startswith("the store refused the query")
    assert client.get("/health").json()["counts"]["Unit"] == units > 100  # nothing deleted or added


def test_cypher_row_cap_of_the_server(store: GraphStore) -> None:
    with TestClient(create_app(api_settings(store, cypher_row_cap=2), store)) as c:
        r = c.post("/cypher", json={"query": "MATCH (u:Unit) RETURN u.name AS n", "limit": 1000}).json()
        assert r["count"] == 2 and r["truncated"]


def test_ask_endpoint(client: TestClient) -> None:
    r = client.get("/ask", params={"q": "which bureaus lead direct-power conversion in which cities"})
    assert r.status_code == 200
    groups = {g["key"]: g["items"] for g in r.json()["groups"]}
    assert groups["开封市"] == {"first-listed responsible unit": ["开封市发展改革委员会"]}
    assert groups["聊城市"]["stated lead"][0] == "聊城市发展改革委"
    bad = client.get("/ask", params={"q": "what is the weather"})
    assert bad.status_code == 422
    assert (
        bad.json()["message"].startswith("could not map the question") and bad.json()["detail"]["can_answer"]
    )
    assert client.get("/ask").status_code == 422


def test_ask_pages_through_the_rows(client: TestClient) -> None:
    """Pages of /ask put together are the whole answer, in order, and the last says so."""
    q = {"q": "哪些部门在哪些城市牵头转供电改直供电"}
    whole = client.get("/ask", params=q).json()
    assert whole["next_offset"] is None and not whole["truncated"] and len(whole["rows"]) > 3
    rows, offset, pages = [], 0, 0
    while offset is not None:
        page = client.get("/ask", params={**q, "offset": offset, "limit": 3}).json()
        assert page["offset"] == offset and len(page["rows"]) <= 3
        rows += page["rows"]
        offset, pages = page["next_offset"], pages + 1
        assert page["truncated"] == (offset is not None)
    assert rows == whole["rows"] and pages == -(-len(rows) // 3)
    first = client.get("/ask", params={**q, "limit": 3}).json()
    assert {e["unit"] for e in first["evidence"]} <= {r["unit"] for r in first["rows"]}  # the page's own
    assert client.get("/ask", params={**q, "limit": 0}).status_code == 422
    assert client.get("/ask", params={**q, "offset": -1}).status_code == 422


def test_guide_is_generated_from_the_query_files(client: TestClient) -> None:
    r = client.get("/guide")
    assert r.headers["content-type"].startswith("text/html")
    html = r.text
    assert (
        html.startswith('<article class="guide">')
        and "<carousel" in html
        and html.count("<slide") == 1 + len(list_queries())
    )
    for q in list_queries():
        assert f"<h3>{q.name}</h3>" in html
    assert (
        '<pre class="code runnable">:params {topic: "转供电改直供电", jurisdiction: "", or_jurisdiction: ""}</pre>'
        in html
    )
    # a list parameter is given as a Cypher list, which the query can use in Neo4j Browser as it is
    assert ':params {terms: ["转供电"], phrase: "", role: "lead"' in html
    assert (
        client.get("/guide", headers={"Origin": "http://localhost:7474"}).headers[
            "access-control-allow-origin"
        ]
        == "*"
    )


def test_guide_preflight_from_neo4j_browser(client: TestClient) -> None:
    # Neo4j Browser's fetch of a :play URL sends cache-control and pragma: a CORS preflight.
    r = client.options(
        "/guide",
        headers={
            "Origin": "http://127.0.0.1:7474",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "cache-control, pragma",
        },
    )
    assert r.status_code == 200, r.text
    allowed = {h.strip().lower() for h in r.headers["access-control-allow-headers"].split(",")}
    assert {"cache-control", "pragma"} <= allowed
    # A write method is still not allowed cross-origin.
    r = client.options(
        "/documents",
        headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert r.status_code == 400


def test_docs_assets_come_from_the_package(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "cdn" not in html.lower() and "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in html
    js = client.get("/static/vendor/swagger-ui-dist/swagger-ui-bundle.js")
    assert js.status_code == 200 and len(js.content) > 1_000_000
    assert client.get("/static/vendor/swagger-ui-dist/swagger-ui.css").status_code == 200


def test_ingest_upload_needs_token_and_checks_files(tmp_path: Path) -> None:
    store = make_store("embedded", tmp_path)
    try:
        with TestClient(create_app(api_settings(store, max_upload_bytes=200_000), store)) as c:
            sample = (SAMPLES / "003_120f57233f54217d.txt").read_bytes()
            files = {"file": ("liaocheng.txt", sample, "text/plain")}
            assert c.post("/documents", files=files).status_code == 401
            wrong = c.post("/documents", files=files, headers={"Authorization": "Bearer nope"})
            assert wrong.status_code == 403 and wrong.json()["message"] == "wrong bearer token"
            big = c.post("/documents", files={"file": ("big.txt", b"x" * 200_001)}, headers=AUTH)
            assert big.status_code == 413 and "too large" in big.json()["message"]
            exe = c.post("/documents", files={"file": ("a.exe", b"MZ\x90\x00")}, headers=AUTH)
            assert exe.status_code == 415 and ".docx" in exe.json()["message"]
            junk = c.post("/documents", files={"file": ("junk.txt", "今天天气很好。".encode())}, headers=AUTH)
            assert junk.status_code == 422 and "no tasks" in junk.json()["message"]
            ok = c.post("/documents", files=files, headers=AUTH)
            assert ok.status_code == 201, ok.text
            assert ok.json()["jurisdiction"] == "聊城市" and ok.json()["tasks"] == 24
            assert ok.json()["outcome"] == "loaded"
            again = c.post("/documents", files=files, headers=AUTH)  # stored already: nothing written
            assert again.status_code == 200 and again.json()["outcome"] == "unchanged"
            assert again.json()["document_id"] == ok.json()["document_id"]
            assert again.json()["nodes"] == 0 and c.get("/documents").json()["total"] == 1
            assert c.get("/health").json()["counts"]["Task"] == 24
    finally:
        store.close()


def test_writes_disabled_without_a_server_token(store: GraphStore) -> None:
    with TestClient(create_app(api_settings(store, token=None), store)) as c:
        r = c.post("/documents", files={"file": ("a.txt", b"x")}, headers=AUTH)
        assert r.status_code == 403 and "FENGONG_TOKEN" in r.json()["message"]


def test_answer_cache_is_cleared_by_an_upload(tmp_path: Path) -> None:
    store = make_store("embedded", tmp_path)
    try:
        with TestClient(create_app(api_settings(store, cache_ttl_s=600), store)) as c:
            question = {"q": "哪些部门在哪些城市牵头转供电改直供电"}
            assert c.get("/ask", params=question).json()["groups"] == []
            sample = (SAMPLES / "004_67ce5d5613d20585.txt").read_bytes()
            assert c.post("/documents", files={"file": ("z.txt", sample)}, headers=AUTH).status_code == 201
            groups = c.get("/ask", params=question).json()["groups"]
            assert groups == [{"key": "晋城市 / 泽州县", "items": {"stated lead": ["泽州县能源局"]}}]
    finally:
        store.close()


def test_settings_from_env_are_validated_once() -> None:
    s = ApiSettings.from_env(
        {"FENGONG_TOKEN": "t", "FENGONG_MAX_UPLOAD": "1000", "FENGONG_STORE": "embedded"}
    )
    assert (s.token, s.max_upload_bytes, s.store.store) == ("t", 1000, "embedded")
    with pytest.raises(ValueError):
        ApiSettings.from_env({"FENGONG_MAX_UPLOAD": "-1"})
    with pytest.raises(ValueError):
        ApiSettings.from_env({"FENGONG_STORE": "sqlite"})


def test_large_skip_is_refused_not_a_crash(client: TestClient, store: GraphStore) -> None:
    """LadybugDB 0.22 segfaults on ORDER BY … SKIP far past the last row; the API must not pass it on."""
    assert client.get("/units", params={"offset": 500_000}).json() == {
        "total": store.counts()["Unit"],
        "limit": 50,
        "offset": 500_000,
        "items": [],
    }
    # User Cypher runs in a worker process: refused by the guard, or a crash costs that worker only.
    r = client.post("/cypher", json={"query": "MATCH (u:Unit) RETURN u.id AS i ORDER BY i SKIP 100000"})
    assert (r.status_code, r.json().get("rows")) in ((200, []), (400, None)), r.text
    r = client.post("/queries/unit_list", json={"params": {"skip": 100000}})
    assert r.status_code == 400 and "skip" in r.json()["message"]
    assert client.get("/health").status_code == 200


def test_export_endpoint_streams_a_file_networkx_reads(client: TestClient, tmp_path: Path) -> None:
    import networkx as nx

    r = client.get("/export/graphml", params={"jurisdiction": "聊城市"})
    assert r.status_code == 200
    assert "attachment" in r.headers["content-disposition"]
    path = tmp_path / "g.graphml"
    path.write_bytes(r.content)
    graph = nx.read_graphml(path)
    names = {d.get("name") for _, d in graph.nodes(data=True)}
    assert "聊城市工业和信息化局" in names and "开封市工业和信息化局" not in names
    xlsx = client.get("/export/xlsx")
    assert xlsx.status_code == 200 and load_workbook(io.BytesIO(xlsx.content)).sheetnames
    assert client.get("/export/nope").status_code == 404
    empty = client.get("/export/csv", params={"jurisdiction": "北京市"})
    assert empty.status_code == 422 and empty.json()["message"]


@pytest.mark.parametrize(
    "question",
    [
        "哪个单位承担的任务最多" + "（" * 480,  # brackets only: read as an English phrase
        "' OR 1=1 MATCH (n) DETACH DELETE n //",
        "谁负责}) RETURN n; MATCH (n) DETACH DELETE n",
        "牵头\r\n\u2028\x00\x1b[31m",
        "a" * 500,
        "${topic}$unit`x`",
        # the paths a question's own words travel: a task description searched whole, two bodies
        # for shared tasks, dates and periods of a year, a narrowed topic
        "谁牵头4月底前完成'}) MATCH (n) DETACH DELETE n //联合审查",
        "民政部和财政部共同负责' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //",
        "今年今年明年第三季度上半年2099年第四季度到期的任务" * 8,
        "老年助餐\\' OR '1'='1 由哪个部门牵头",
        "哪些任务没有明确牵头单位 $units [] size($units) = 0",
        # this stop's paths: two places at once, a function written short, a negated role, an
        # English place of several places, a year after "in", one-character words cut by jieba
        "聊城和开封' OR 1=1 MATCH (n) DETACH DELETE n //的任务分别由谁牵头",
        '区科创局"}) MATCH (n) DETACH DELETE n //牵头哪些任务',
        "只配合而非牵头而非牵头而非牵头 $or_jurisdiction 哪些任务",
        "which tasks in Pujiang'); MATCH (n) DETACH DELETE n // have deadlines in 2026",
        "中由和的" * 120,
        # the next stop's: recurring work, a report's own state word, a figure, two dates, English
        # words chosen by what the tasks hold together, an issuer beside a document word
        "哪些任务要求每季度开展'}) MATCH (n) DETACH DELETE n //",
        "基本完成' OR 1=1 // 的是哪项",
        "增速是多少" + "$every" * 50,
        "what is due between " + "today and " * 200 + "the end of November 2025",
        "who leads IP protection ' OR 1=1 MATCH (n) DETACH DELETE n // of medical service charges",
        "国办这个方案里" + "（" * 100 + "哪些任务逾期",
        # this stop's: months from today, Chinese quoted in English, a report's bracketed state word,
        # a town, two places with one function, a function's departments
        "这个月" * 100 + "到期') MATCH (n) DETACH DELETE n //",
        "Who leads the ('人才码'}) MATCH (n) DETACH DELETE n //') task in Xuzhou this month?",
        "哪些任务【进展缓慢】' OR 1=1 //",
        "三河镇" * 60 + "哪项任务没写牵头单位",
        "烟台和晋江和" * 40 + "的公安局各自牵头哪些任务",
        "市场监管部门" * 50 + "牵头了哪些任务",
        # the paths added after them: an issuer as the scope, a short form read by its characters,
        # a span of days, which places, a person's details, a town's plan
        "the NHSA plan'}) MATCH (n) DETACH DELETE n // overdue tasks",
        "资规局" * 40 + "牵头' OR 1=1 //",
        "30天内到期" * 30 + "$due_to",
        "哪些地方" * 50 + "的任务里有托育",
        "局长是谁？电话多少？' OR 1=1 //",
        "江湾镇" * 60 + "谁牵头",
        # this stop's: two places side by side, a plan named by its words or first signer, a task's
        # progress by its words, places below counties and departments in English
        "比较开封和聊城两地，截至今天各有哪些任务已逾期') MATCH (n) DETACH DELETE n //",
        "户外运动')}] MATCH (n) DETACH DELETE n //方案里牵头任务最多的是哪个部门",
        "商务部等九部门" * 40 + "' OR 1=1 //措施中有哪些任务已经逾期",
        "安装' OR 1=1 //视频监控探头这项任务目前进展如何",
        "Which tasks in Shimen township'}) MATCH (n) DETACH DELETE n // are overdue? "
        + "xiong an new area " * 50,
        "Which tasks does the ' OR 1=1 // monetary policy department only support, without leading?",
        # this stop's: X or Y asked at once, the glossary's terms, a joint notice by "and others"
        "哪些文件部署了人才培养或' OR 1=1 //或" * 20 + "人才引进方面的任务？",
        "Which documents assign night-time economy'}) MATCH (n) DETACH DELETE n // or charging pile tasks?",
        "What does the Ministry of ' OR 1=1 // and others lead?",
        "截至今天，国办' OR 1=1 //数字政府分工方案中哪些任务今天到期？",
        "安排了多少'}) MATCH (n) DETACH DELETE n //中央财政资金？完成时限落在2029年10月",
        # later stops': a span of days (one no calendar has), a plan named at the start, lights
        "2028年2月30日至2月31日之间') MATCH (n) DETACH DELETE n //到期的任务有哪些？",
        "Which tasks fall due between 31 and 30 February 2028' OR 1=1 //?",
        "乌镇' OR 1=1 //任务清单中，哪个办线牵头的任务最多？" + "同上<br>" * 40,
        "哪些任务亮红灯'}) MATCH (n) DETACH DELETE n //预警等级为红色，无论牵头还是参加",
        # this stop's: a quoted task, two roles each asked, an English plan named by its issuers,
        # an autonomous county by its place word, a topic inside the plan's name
        "“" + "落实情况核查') MATCH (n) DETACH DELETE n //" * 20 + "”由哪个司局牵头",
        "由哪个司牵头，哪些司参与" * 60 + "' OR 1=1 //",
        "Under the " + "NDRC/NEA " * 200 + "plan, who is responsible for '}) MATCH (n) DETACH DELETE n //",
        "东乡县" * 80 + "农业农村局牵头哪些任务",
        "光谷科技创新大走廊" * 30 + "方案中，省科技厅牵头哪些任务$topic",
        # the next stops': signers naming the plan, acronyms in capitals, a plan's period, a day
        # asked exactly, a scope of every document, roles included, a zone's unit with its city
        "科技部、教育部、" * 40 + "财政部方案中，科技部牵头哪些任务') MATCH (n) DETACH DELETE n //",
        "Which unit leads the most tasks in the " + "MOST/MOE/MOF/NDRC " * 100 + "plan' OR 1=1 //?",
        "长春市汽车产业一季度上半年" * 30 + "通报中，已经完成的任务有哪些'}) MATCH (n) DETACH DELETE n //",
        "所有文件中，截止日期恰好是今天（2028年9月1日）" * 20 + "的任务' OR 1=1 //",
        "在全部文件中，" * 60 + "哪些任务已逾期$as_of",
        "参与了哪些任务（含负总责和具体落实）" * 30 + "') MATCH (n) DETACH DELETE n //",
        "合肥高新区" * 60 + "财政局承担哪些任务（包括牵头和配合）",
        "Across all the documents, which tasks are due on 20 August 2028' OR 1=1 // " * 10,
        "已经建成多少个' OR 1=1 //驿站？" * 20,
        # this stop's: a plan named in English by its words, a task beside a plan's topic, roles
        # glossed, units that carry out (具体落实), a denied lead with "as", a two-character type
        "Which unit leads the most tasks in the "
        + "Weifang digital transformation " * 60
        + "report' OR 1=1 //?",
        "Who leads the cold-chain task in "
        + "Caofeidian's port logistics " * 60
        + "plan'}) MATCH (n) DETACH DELETE n //",
        "市农业农村局负责（牵头）" * 40 + "哪些任务') MATCH (n) DETACH DELETE n //",
        "建设大宗商品交易中心由哪些单位具体落实" * 30 + "' OR 1=1 //",
        "which tasks does it only take part in, not as the lead" * 20 + "$role",
        "各文件中，有哪些任务涉及海关（无论牵头还是配合）" * 30 + "') MATCH (n) DETACH DELETE n //",
        # the next stop's: who holds a post, every state counted, before today, a role's label
        # closing the question after the plan's name
        "What is the name of the " + "vice " * 200 + "mayor' OR 1=1 //?",
        "截至今天已过时限的有哪些（不论是否办结" + "' OR 1=1 //" * 30 + "）",
        "Which tasks had deadlines before today" + "'}) MATCH (n) DETACH DELETE n //" * 20 + "?",
        "桐庐和美乡村报告里，" + "农房风貌管控" * 40 + "') MATCH (n) DETACH DELETE n //的牵头单位？",
        # the later rounds': open-ended deadlines, a plan quoted in Chinese, after today and not yet
        # due, a street's district bureau
        "Which tasks are recurring or long-term' OR 1=1 //, with no fixed deadline?" + " long-term" * 50,
        "Which unit leads the most tasks in the "
        + "设备更新'}) MATCH (n) DETACH DELETE n //" * 20
        + "实施方案?",
        "Which tasks fall due after today but before the end of 2027' OR 1=1 // and not yet overdue?",
        "三里屯街道" * 30 + "方案中，区商务局') MATCH (n) DETACH DELETE n //参与了哪几项任务？",
        # this stop's: a document by its number or its title in 《》, a body's section, English phrases
        # with gaps, a plan named by a topic's words
        "国办发〔2027〕14号" * 30 + "中哪些措施' OR 1=1 //的时间节点已经过了？",
        "《" + "关于加快完善农村寄递物流体系的意见'}) MATCH (n) DETACH DELETE n //" * 10 + "》里谁牵头？",
        "浙江省发改委的" * 40 + "区域处') MATCH (n) DETACH DELETE n //牵头哪些任务？",
        "Which tasks are past " + "their completion " * 80 + "deadline' OR 1=1 //?",
        "县域商业政策措施" * 40 + "里哪个部门牵头的措施最多$document",
        # this stop's paths: a noun after the task's words, qualifiers before a role word, a word
        # opening the next, a common word that is a place's name, an English denial
        "建设社区老年食堂项目" * 30 + "的推进情况') MATCH (n) DETACH DELETE n //",
        "哪项工作没有" + "明确具体的" * 60 + "负责司局'}) DETACH DELETE n",
        "推进中心城区" * 50 + "由谁牵头",
        "城区" * 120 + "哪些任务未来10天内到期",
        "which task doesn't say which " + "one " * 150 + "leads ' OR 1=1 //",
        # this stop's paths: a yes-or-no state question, joint leads counted in, a ranking phrase, the
        # next N days of two places
        "Has " + "Guangshan " * 80 + "finished 建设县域冷链物流中心') DETACH DELETE n //?",
        "国家发展改革委牵头" + "（含共同牵头）" * 60 + "的任务有哪些$units",
        "which unit leads more tasks than any other" + " other" * 150 + "' OR 1=1 //",
        "Pudong and Lanzhou " * 40 + "tasks due within the next 14 days'}) MATCH (n) DETACH DELETE n",
        "三部门通知附件里" * 40 + "哪个部门牵头的任务最多' OR 1=1 //",
        "这批督办事项里" * 50 + "哪个部门承办的最多$document",
        "秋冬季人居环境整治攻坚行动中，" * 30 + "整治县城农贸市场由哪个单位牵头？') DETACH DELETE n",
        "10月份" * 60 + "要完成的任务有哪些",
    ],
    ids=[
        "brackets",
        "cypher-quote",
        "cypher-brace",
        "control",
        "long",
        "params",
        "task-description",
        "shared-bodies",
        "dates",
        "narrowed-topic",
        "list-param",
        "two-places",
        "short-function",
        "negated-role",
        "pinyin-place",
        "one-character-words",
        "recurring",
        "state-word",
        "figure",
        "between-dates",
        "english-terms",
        "issuer",
        "this-month",
        "quoted-chinese",
        "bracketed-state",
        "town",
        "places-with-function",
        "function-departments",
        "issuer-scope",
        "short-form",
        "within-days",
        "which-places",
        "person",
        "town-plan",
        "compare-overdue",
        "plan-words",
        "joint-notice",
        "progress-words",
        "english-sub-place",
        "english-department",
        "alternatives",
        "glossary-or",
        "and-others",
        "plan-issuer-due-today",
        "amount-month",
        "impossible-day-span",
        "impossible-english-span",
        "plan-name-office-line",
        "lights-either-role",
        "quoted-task",
        "each-role-asked",
        "english-plan-issuers",
        "autonomous-county",
        "topic-in-plan-name",
        "signers-naming-plan",
        "capital-acronyms",
        "plan-period",
        "exact-day",
        "scope-of-every-document",
        "roles-included",
        "zone-unit-with-city",
        "due-on-english",
        "achieved-figure",
        "english-plan-words",
        "task-beside-plan-topic",
        "glossed-roles",
        "carrying-out",
        "denied-lead-as",
        "two-character-type",
        "post-holder",
        "any-state",
        "before-today",
        "role-label-after-plan",
        "open-ended",
        "quoted-plan",
        "after-today-not-yet-due",
        "street-district-bureau",
        "document-number",
        "book-title",
        "body-section",
        "gap-phrase",
        "plan-by-topic-words",
        "phrase-tail",
        "no-lead-qualifiers",
        "word-opening-next",
        "word-place",
        "english-no-lead-denial",
        "yes-no-state",
        "joint-leads-included",
        "than-any-other",
        "two-places-next-days",
        "signers-count",
        "plan-kind",
        "campaign-plan",
        "bare-month",
    ],
)
def test_hostile_questions_get_an_answer_or_a_refusal(client: TestClient, question: str) -> None:
    before = client.get("/health").json()["counts"]
    r = client.get("/ask", params={"q": question})
    assert r.status_code in (200, 422) and r.headers["content-type"].startswith("application/json"), r.text
    assert client.get("/health").json()["counts"] == before  # values only ever travel as parameters
