"""The offline HTML export in a real browser: Playwright driving the system's headless Chromium (no
browser download) on the exported file with every request refused — the page draws the whole
sample graph with Cytoscape.js (every node and edge, coloured and captioned as in the ``.grass``
style, no two nodes on top of each other), finds a unit by name, shows a clicked node's properties
and neighbourhood and a clicked edge's evidence, filters by place and hides labels from the legend,
with no console error; a graph past 30,000 edges draws its nodes first and then the edges of the
part in view and of the node found. The export-time layout is checked on its own: deterministic,
and each task nearer its own document than any other."""

from __future__ import annotations

import io
import math
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import Browser, Page, Route

from fengong.graph.export import ExportFilters, export
from fengong.graph.export.layout import SPACING, Item, layout
from fengong.graph.export.reader import GraphReader
from fengong.graph.export.style import LABEL_COLOURS, rgb
from fengong.graph.store import GraphStore
from tests.test_export_support import store_graph

pytest_plugins = ("tests.test_export_support",)

LEAD = "泽州县能源局"  # a unit of the samples that leads tasks


@pytest.fixture(scope="module")
def view_file(sample_store: GraphStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html-view") / "view.html"
    export(sample_store, "html", path)
    return path


class Offline:
    """The exported file in a page that may load nothing else, with its console errors."""

    def __init__(self, browser: Browser, path: Path, fragment: str = "") -> None:
        self.url = path.resolve().as_uri()
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.context.route("**/*", self._only_the_file)
        self.page: Page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(self.url + (f"#{fragment}" if fragment else ""))
        self.page.wait_for_selector("body[data-ready='1']", timeout=60_000)

    def _only_the_file(self, route: Route) -> None:
        if route.request.url.split("#")[0] == self.url:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def eval(self, script: str) -> Any:
        return self.page.evaluate(script)

    def click_at(self, model_x: float, model_y: float) -> None:
        """A real mouse click at a point of the graph (model coordinates), brought to the middle first."""
        box = self.page.locator("#cy").bounding_box()
        assert box
        self.eval(  # (a statement: returning the Cytoscape instance would serialise all of it)
            f"void fengongView.pan({{x: fengongView.width() / 2 - fengongView.zoom() * {model_x},"
            f" y: fengongView.height() / 2 - fengongView.zoom() * {model_y}}})"
        )
        self.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    def close(self) -> None:
        assert not self.errors, self.errors
        assert not self.blocked, f"the page asked the network for {self.blocked}"
        self.context.close()


@pytest.fixture
def view(browser: Browser, view_file: Path) -> Iterator[Offline]:
    page = Offline(browser, view_file)
    yield page
    page.close()


def _count(view: Offline, selector: str) -> int:
    return int(view.eval(f"fengongView.$({selector!r}).length"))


def test_draws_every_node_and_edge_in_the_grass_style(view: Offline, sample_store: GraphStore) -> None:
    nodes, edges = store_graph(sample_store)
    drawn = view.eval("fengongView.nodes().map(n => n.data('uid'))")
    assert sorted(drawn) == sorted(nodes)  # each node once, none missing
    assert view.eval("fengongView.edges(':visible').length") == sum(edges.values())
    assert view.eval("fengongView.nodes(':visible').length") == len(nodes)
    # coloured by label, captioned by the grass caption property
    unit = view.eval(
        "(() => { const n = fengongView.nodes('.Unit')[0]; return [n.data('uid'), n.style('background-color'), n.style('label')]; })()"
    )
    assert unit[1] == "rgb({},{},{})".format(*rgb(LABEL_COLOURS["Unit"]))
    assert unit[2] == nodes[unit[0]]["name"]
    # no two nodes on top of each other
    points = view.eval("fengongView.nodes().map(n => [n.position('x'), n.position('y')])")
    cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for x, y in points:
        cells.setdefault((int(x // SPACING), int(y // SPACING)), []).append((x, y))
    closest = min(
        math.dist(p, q)
        for (cx, cy), here in cells.items()
        for dx in (-1, 0, 1)
        for dy in (-1, 0, 1)
        for p in here
        for q in cells.get((cx + dx, cy + dy), [])
        if p != q
    )
    assert closest >= SPACING / 2
    # the canvas really has a drawing on it: many pixels of the label colours
    shot = Image.open(io.BytesIO(view.page.locator("#cy").screenshot())).convert("RGB")
    colours = {rgb(c) for c in LABEL_COLOURS.values()}
    raw = shot.tobytes()
    near = sum(
        n
        for pixel, n in Counter(zip(raw[0::3], raw[1::3], raw[2::3], strict=True)).items()
        if any(sum(abs(a - b) for a, b in zip(pixel, c, strict=True)) < 40 for c in colours)
    )
    assert near > 5_000


def test_search_then_click_a_node_and_an_edge(view: Offline, sample_store: GraphStore) -> None:
    _, edges = store_graph(sample_store)
    view.page.fill("#f-search", LEAD[:4])
    view.page.wait_for_selector("#found li")
    assert LEAD in view.page.inner_text("#found")
    view.page.fill("#f-search", LEAD)
    view.page.press("#f-search", "Enter")
    uid = view.eval("document.body.dataset.selected")
    assert uid.startswith("Unit:") and LEAD in view.page.inner_text("#info")
    # its neighbourhood lit: every edge the store has at this unit, and the nodes at their ends
    degree = sum(n for key, n in edges.items() if f'"{uid}"' in key)
    assert degree >= 2
    assert _count(view, "edge.hl") == degree
    assert view.eval("fengongView.$('node:selected').data('uid')") == uid
    # a real click on one of its tasks selects that task and shows its properties
    task = view.eval(
        "(() => { const t = fengongView.$('node:selected').neighborhood('node.Task')[0];"
        " return [t.data('uid'), t.position('x'), t.position('y'), t.data('caption')]; })()"
    )
    view.click_at(task[1], task[2])
    view.page.wait_for_function(
        f"() => document.body.dataset.selected === {task[0]!r}"
    )  # a function: the CSP forbids eval
    assert task[3] in view.page.inner_text("#info")
    # a real click on a LEADS edge, zoomed in on its middle, shows its evidence sentence
    lead = sample_store.run(
        "MATCH (u:Unit)-[r:LEADS]->(t:Task) RETURN u.id AS unit, t.id AS task, r.evidence AS evidence "
        "ORDER BY unit, task LIMIT 1",
        {},
    )[0]
    middle = view.eval(
        "(() => { const e = fengongView.edges('.LEADS').filter(e => e.source().data('uid') === "
        f"{'Unit:' + lead['unit']!r} && e.target().data('uid') === {'Task:' + lead['task']!r})[0];"
        " const m = e.midpoint(); fengongView.zoom(3); return [m.x, m.y]; })()"
    )
    view.click_at(*middle)
    view.page.wait_for_selector("#info .evidence")
    info = view.page.inner_text("#info")
    assert "LEADS" in info and lead["evidence"][:20] in info


def _settles(view: Offline, script: str, value: Any, seconds: float = 10.0) -> bool:
    """Whether ``script`` comes to ``value`` within ``seconds``: a legend change is applied on a
    later frame, not with the click (the page's CSP forbids wait_for_function's eval)."""
    end = time.monotonic() + seconds
    while view.eval(script) != value:
        if time.monotonic() > end:
            return False
        view.page.wait_for_timeout(50)
    return True


def test_filters_legend_and_shared_links(browser: Browser, view_file: Path, sample_store: GraphStore) -> None:
    for fragment, filters in (
        ("jurisdiction=晋城市", ExportFilters.of(jurisdiction="晋城市")),
        ("topic=基站建设&jurisdiction=河南省", ExportFilters.of(topic="基站建设", jurisdiction="河南省")),
    ):
        view = Offline(browser, view_file, fragment)
        expected = GraphReader(sample_store, filters).node_count()  # the exporter's own scope rules
        assert view.eval("fengongView.nodes(':visible').length") == expected, fragment
        assert int(view.eval("document.body.dataset.visible")) == expected
        view.close()
    view = Offline(browser, view_file)
    tasks = _count(view, "node.Task")
    view.page.uncheck("#legend input[value='Task']")
    assert _settles(view, "fengongView.nodes('.Task:visible').length", 0) and tasks > 0
    assert view.eval("fengongView.edges('.HAS_TASK:visible').length") == 0
    view.page.check("#legend input[value='Task']")
    assert _settles(view, "fengongView.nodes('.Task:visible').length", tasks)
    view.close()
    unit = sample_store.run("MATCH (u:Unit {name: $n}) RETURN u.id AS id", {"n": LEAD})[0]["id"]
    view = Offline(browser, view_file, f"select=Unit:{unit}")
    assert view.eval("fengongView.$('node:selected').data('uid')") == f"Unit:{unit}"
    view.close()


def test_layout_is_deterministic_and_keeps_tasks_by_their_document(sample_store: GraphStore) -> None:
    reader = GraphReader(sample_store)
    records = list(reader.nodes())
    index = {r.uid: i for i, r in enumerate(records)}
    owner = {r.key: i for i, r in enumerate(records) if r.label == "Document"}
    items = [
        Item(r.label, (r.props.get("start") or 0, r.key), owner.get(r.props.get("document"), -1))
        for r in records
    ]
    pairs = [(index[e.src_uid], index[e.dst_uid]) for e in reader.edges()]
    labels = ("Document", "Task", "Unit")
    first = layout(items, pairs, "Document", labels)
    assert first == layout(items, pairs, "Document", labels)
    documents = [i for i, r in enumerate(records) if r.label == "Document"]
    for task in (i for i, r in enumerate(records) if r.label == "Task"):
        nearest = min(documents, key=lambda d: math.dist(first[d], first[task]))
        assert records[task].props["document"] == records[nearest].key


@pytest.mark.slow
def test_a_large_graph_draws_nodes_first_and_the_edges_in_view(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from bench.corpus import make_corpus
    from fengong.graph.settings import settings_from_env
    from fengong.graph.store import open_store

    work = tmp_path_factory.mktemp("html-large")
    store = open_store(settings_from_env({}, store="embedded", data_dir=work / "store"))
    store.load_documents(make_corpus(130))  # past 30,000 edges: edges only for the part in view
    path = work / "view.html"
    nodes = export(store, "html", path).items
    store.close()
    view = Offline(browser, path)
    edges = int(view.eval("document.body.dataset.edges"))
    assert edges > 30_000 and view.eval("fengongView.nodes().length") == nodes
    assert view.eval("fengongView.edges().length") == 0 and "zoom in" in view.page.inner_text("#loading")
    # zoomed in on a document: the edges of every node in view are drawn, and only those
    view.eval(
        "void fengongView.viewport({zoom: 1, pan: {x: 0, y: 0}}), void fengongView.center(fengongView.nodes('.Document')[3])"
    )
    view.page.wait_for_function("() => fengongView.edges().length > 0")
    drawn, expected = view.eval(
        """(() => { const cy = fengongView, e = cy.extent(), ids = new Set();
        const inside = (n) => { const p = n.position(); return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2; };
        const data = JSON.parse(document.getElementById('fengong-data').textContent);
        data.edges.forEach((d, j) => { if (inside(cy.getElementById('n' + d[0])) || inside(cy.getElementById('n' + d[1]))) ids.add('e' + j); });
        return [cy.edges().map(x => x.id()).sort(), [...ids].sort()]; })()"""
    )
    assert drawn == expected and len(drawn) > 50
    assert view.page.inner_text("#loading") == ""
    # a node found by name far from the view: its links are drawn with it
    view.page.fill("#f-search", view.eval("fengongView.nodes('.Unit').last().data('caption')"))
    view.page.press("#f-search", "Enter")
    lit = view.eval("fengongView.$('node:selected').connectedEdges().length")
    assert lit >= 1 and lit == _count(view, "edge.hl")
    view.close()
