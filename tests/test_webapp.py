"""The web app at ``/`` in a real browser: Playwright driving the system's headless Chromium (no
browser download) against a real uvicorn server over the samples — every page loads without console
errors and without horizontal scrolling on a laptop screen, the headline question finds the
README's answer, unit and document pages open from it, the matrix downloads and reads back in
openpyxl, the focused graph expands step by step; and all of it again with the network blocked
except loopback (every asset is in the package). The JSON endpoints the pages use are checked
in-process against the named queries they run."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlparse

import openpyxl
import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Page, Route, ViewportSize

from fengong.api.app import create_app
from fengong.graph.store import GraphStore
from fengong.queries.ask import answer
from fengong.queries.named import run_named
from tests.test_api_support import Server, api_settings, loaded_store, make_server  # noqa: F401

pytest_plugins = ("tests.test_export_support",)  # the browser fixture

HEADLINE = "哪些部门在哪些城市牵头转供电改直供电"
LEAD = "泽州县能源局"  # the README's stated lead of the headline question
LAPTOP: ViewportSize = {"width": 1366, "height": 768}


@dataclass
class Site:
    """The server under test and what its pages are about."""

    url: str
    store: GraphStore
    unit_id: str
    document_id: str


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    s = loaded_store("embedded", tmp_path_factory.mktemp("web"))
    yield s
    s.close()


@pytest.fixture
def site(store: GraphStore, make_server) -> Site:  # noqa: F811
    unit = run_named(store, "unit_detail", {"unit": LEAD}, limit=1)[0]
    doc = run_named(store, "unit_assignments", {"unit": unit["id"], "skip": 0, "limit": 1})[0]
    return Site(make_server(store).url, store, unit["id"], doc["document_id"])


class Watched:
    """A page with its console errors, failed requests and (offline) requests refused."""

    def __init__(self, browser: Browser, offline: bool) -> None:
        self.context = browser.new_context(viewport=LAPTOP, accept_downloads=True)
        self.errors: list[str] = []
        self.blocked: list[str] = []
        if offline:
            self.context.route("**/*", self._loopback_only)
        self.page: Page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url}"))

    def _loopback_only(self, route: Route) -> None:
        host = urlparse(route.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def open(self, url: str) -> Page:
        self.page.goto(url)
        self.page.wait_for_selector("body[data-ready='1']", timeout=30_000)
        return self.page

    def check(self) -> None:
        self.page.wait_for_load_state("networkidle")  # the parts drawn after the first render too
        assert not self.errors, self.errors
        assert not self.blocked, f"requests beyond loopback: {self.blocked}"
        # usable on a laptop screen: nothing wider than the window
        width = self.page.evaluate("document.documentElement.scrollWidth")
        assert width <= LAPTOP["width"], f"{self.page.url} scrolls sideways: {width}px"


@pytest.fixture(params=["online", "offline"])
def watched(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Watched]:
    w = Watched(browser, offline=request.param == "offline")
    yield w
    w.context.close()


def test_every_page_loads(site: Site, watched: Watched) -> None:
    pages = {
        "/": "#askform",
        f"/unit/{site.unit_id}": "#assignments tbody tr",
        f"/document/{site.document_id}": "#matrix tbody tr",
        f"/place/{quote('泽州县')}": "#docs a",
        f"/graph?kind=Unit&key={site.unit_id}": "#nbrs li",
        "/?lang=en": "#askform",
    }
    for path, selector in pages.items():
        page = watched.open(site.url + path)
        assert page.locator(selector).count() >= 1, path
        watched.check()
    assert watched.page.locator("#askform button").inner_text() == "Ask"  # the English page


def test_headline_question_then_unit_then_document(site: Site, watched: Watched) -> None:
    page = watched.open(site.url + "/")
    page.fill("#q", HEADLINE)
    page.press("#q", "Enter")
    page.wait_for_selector("#evidence li")
    assert "topic_leads" in page.locator("#reading").inner_text()
    lead_row = page.locator("#table tr", has_text=LEAD)
    assert "stated lead" in lead_row.first.inner_text() or "明确牵头" in lead_row.first.inner_text()
    assert page.locator("#evidence li", has_text=LEAD).count() >= 1
    page.wait_for_function("window.fengongAnswerGraph")  # Cytoscape.js loads on the pages that draw
    assert page.evaluate("window.fengongAnswerGraph.nodes().length") >= 4
    assert f"q={quote(HEADLINE)}" in page.url  # the answer has a URL that can be shared
    watched.check()

    lead_row.first.locator("a", has_text=LEAD).first.click()
    page.wait_for_selector("body[data-ready='1'] #assignments")
    assert page.locator("h1").inner_text() == LEAD
    total = int(run_named(site.store, "unit_assignment_count", {"unit": LEAD})[0]["total"])
    assert page.locator("#assignments tbody tr").count() == min(total, 50)
    assert page.locator("#assignments tbody tr").first.locator(".role.lead").count() == 1  # leads first
    page.wait_for_selector("#peertable tr.me")  # its workload beside bodies of the same type
    watched.check()

    page.locator("#assignments tbody tr a[href^='/document/']").first.click()
    page.wait_for_selector("body[data-ready='1'] #matrix")
    assert page.locator("#matrix th.u", has_text=LEAD).count() == 1
    watched.check()


def test_a_long_answer_pages_on_the_server(site: Site, watched: Watched) -> None:
    """A question answered by more rows than a page: 50 rows, then the next 50 from the server,
    with the offset in the URL that can be shared."""
    question = "哪些单位负责5G基站建设"
    whole = answer(site.store, question).rows
    assert len(whole) > 50  # the samples answer it with more than a page
    page = watched.open(site.url + "/?q=" + quote(question))
    page.wait_for_selector("#table tbody tr")
    assert page.locator("#table tbody tr").count() == 50
    page.locator("#table .pager [data-p='next']").click()
    page.wait_for_function("document.querySelector('#table .pager span')?.textContent.includes('51')")
    assert "offset=50" in page.url
    assert page.locator("#table tbody tr").count() == min(50, len(whole) - 50)
    assert page.locator("#table tbody tr").first.locator("td.col-task").inner_text() == whole[50]["task"]
    watched.check()


def test_document_matrix_filters_and_downloads(site: Site, watched: Watched, tmp_path: Path) -> None:
    page = watched.open(f"{site.url}/document/{site.document_id}")
    matrix = TestClient(create_app(api_settings(site.store), site.store)).get(
        f"/matrix/document/{site.document_id}"
    )
    data = matrix.json()
    assert page.locator("#matrix tbody tr").count() == len(data["tasks"])
    page.wait_for_selector("#matrix[data-evidence='1']")  # the sentences arrive after the first render
    cells = page.eval_on_selector_all(
        "#matrix tbody tr", "rows => rows.map(r => [...r.cells].slice(2).map(c => c.textContent))"
    )
    heads = page.eval_on_selector_all("#matrix th.u", "hs => hs.map(h => h.textContent)")
    assert heads == data["units"]  # the same units, in the same order, as the matrix export
    assert [{u: c for u, c in zip(heads, row, strict=True) if c} for row in cells] == [
        t["cells"] for t in data["tasks"]
    ]
    lead_cell = page.locator("#matrix td.c.lead").first
    assert lead_cell.inner_text() == "牵头" and lead_cell.get_attribute("title")  # evidence on hover
    page.fill("#filter", LEAD)
    kept = [t for t in data["tasks"] if LEAD in t["cells"] or LEAD in t["task"]]
    assert page.locator("#matrix tbody tr").count() == len(kept) > 0
    assert "filter=" in page.url
    page.wait_for_selector("#groups li")  # drawn after the matrix
    targets = run_named(site.store, "document_targets", {"document": site.document_id})
    assert page.locator("#targets tr").count() == len(targets) > 0
    groups = run_named(site.store, "document_groups", {"document": site.document_id})
    assert page.locator("#groups li").count() == len(groups) > 0

    with page.expect_download() as got:
        page.click("#dl-xlsx")
    path = tmp_path / "matrix.xlsx"
    got.value.save_as(path)
    book = openpyxl.load_workbook(path, read_only=True)
    cells = {str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row if c}
    assert LEAD in cells and "牵头" in cells
    assert {t["task"] for t in data["tasks"]} <= cells

    with page.expect_download() as got:
        page.click("#dl-csv")
    text = Path(got.value.path()).read_text("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert any(LEAD in row for row in rows)
    watched.check()


def test_graph_expands_step_by_step(site: Site, watched: Watched) -> None:
    page = watched.open(f"{site.url}/graph?kind=Unit&key={quote(LEAD)}")  # by name: focused by its id
    count = "window.fengongGraph.nodes().length"
    first = page.evaluate(count)
    assert first >= 2
    sizes = [first]
    for _ in range(2):
        page.locator("#nbrs button.expand:not([disabled])").first.click()
        page.wait_for_function(f"{count} > {sizes[-1]}")
        sizes.append(page.evaluate(count))
    assert sizes[0] < sizes[1] < sizes[2]
    # expanding its tasks led back to the same unit node, not to a second one
    same = page.evaluate(f"window.fengongGraph.nodes().filter(n => n.data('caption') === '{LEAD}').length")
    assert same == 1
    assert page.evaluate("window.fengongGraph.nodes('.focus').id()") == f"Unit:{site.unit_id}"
    colours = page.evaluate("window.fengongGraph.nodes().map(n => n.style('background-color'))")
    assert len(set(colours)) >= 3  # coloured by label
    watched.check()


def test_json_endpoints_answer_from_named_queries(store: GraphStore) -> None:
    client = TestClient(create_app(api_settings(store), store))
    unit = run_named(store, "unit_detail", {"unit": LEAD}, limit=1)[0]
    body = client.get(f"/web/units/{quote(LEAD)}/assignments", params={"limit": 2}).json()
    assert body["unit"]["id"] == unit["id"] and body["limit"] == 2
    assert body["total"] == unit["leads"] + unit["cooperates"] + unit["responsible"]
    assert len(body["items"]) == min(2, body["total"])
    columns = {"role", "rank", "basis", "deadline", "due_date", "document_id", "evidence"}
    assert columns <= set(body["items"][0])
    assert client.get("/web/units/no-such-unit/assignments").status_code == 404
    leads = client.get(f"/web/units/{unit['id']}/assignments", params={"role": "lead"}).json()
    assert leads["total"] == unit["leads"] == len(leads["items"])
    assert {r["role"] for r in leads["items"]} == {"lead"}
    peers = client.get(f"/web/unit-types/{quote(unit['unit_type'])}/workload").json()
    assert unit["id"] in {p["id"] for p in peers}
    assert [p["total"] for p in peers] == sorted((p["total"] for p in peers), reverse=True)

    nb = client.get("/web/neighbourhood", params={"kind": "Unit", "key": unit["id"], "limit": 1}).json()
    focus = f"Unit:{unit['id']}"
    assert nb["focus"] == focus and nb["edges"]
    assert all(focus in (e["source"], e["target"]) for e in nb["edges"])
    assert {n["label"] for n in nb["nodes"]} >= {"Task", "Jurisdiction"}
    assert nb["more"]  # a page of one per kind of link: the unit has more tasks than that
    wider = client.get("/web/neighbourhood", params={"kind": "Unit", "key": unit["id"], "limit": 200}).json()
    assert len(wider["nodes"]) > len(nb["nodes"]) and not wider["more"]

    caps = client.get("/web/capabilities").json()
    assert any(HEADLINE in c["examples"] for c in caps["capabilities"])
    for path in ("/", f"/unit/{quote(LEAD)}", "/document/x", "/place/x", "/graph"):
        page = client.get(path)
        assert page.status_code == 200 and "/static/web/app.js" in page.text
    assert client.get("/static/vendor/cytoscape/cytoscape.min.js").status_code == 200
