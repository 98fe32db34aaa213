"""A self-contained HTML view of the graph: one file, no network, everything inlined.

The page (``assets/view.html`` + ``view.css`` + ``view.js``) draws the graph with Cytoscape.js,
the library the web app draws with: its vendored ``cytoscape.min.js`` (with its MIT licence
header) is read from the installed package and inlined, never fetched. Node positions are
computed here at export time (``layout.py``: a cluster per document, shared nodes in a band),
so the browser only draws. The page embeds the graph as JSON with the shared ``.grass``
stylesheet (``style.cytoscape_stylesheet``): search a node by name, click it for its
properties and neighbourhood, hide labels from the legend, filter by jurisdiction / topic /
document (also from the URL hash, ``#jurisdiction=聊城市``, ``#select=Unit:<id>``).
A Content-Security-Policy forbids every fetch, so the file works offline by construction.
When drawn, ``<body>`` carries ``data-ready="1"`` and the Cytoscape instance is
``window.fengongView`` (read by the headless-Chromium tests and ``bench/html_view_bench.py``).
"""

from __future__ import annotations

import html
import json
from importlib import resources
from typing import IO, Any

from fengong.graph.export.filters import ExportError
from fengong.graph.export.layout import Item, layout
from fengong.graph.export.reader import GraphReader, caption, node_uid
from fengong.graph.export.style import LABEL_COLOURS, cytoscape_stylesheet
from fengong.graph.schema import CONTENT_NODE_ORDER, NODE_ORDER, REL_ORDER

#: Above this many nodes the view is no longer useful (BENCHMARKS.md: 19,601 nodes draw in
#: about 4 s, their edges only in part); filter first.
MAX_VIEW_NODES = 20_000


def _asset(name: str) -> str:
    return (
        resources.files("fengong.graph.export").joinpath("assets").joinpath(name).read_text(encoding="utf-8")
    )


def _cytoscape() -> str:
    """The vendored Cytoscape.js the web app serves (scripts/vendor-assets), licence header included."""
    vendor = resources.files("fengong.api").joinpath("static", "vendor", "cytoscape")
    version = vendor.joinpath("VERSION").read_text(encoding="utf-8").strip()
    code = vendor.joinpath("cytoscape.min.js").read_text(encoding="utf-8")
    return f"/* {version} (MIT licence, below) */\n{code}"


def _json(value: Any) -> str:
    # Inside <script> a "</" would end the element; "<\/" is the same JSON string.
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def _node_count(reader: GraphReader) -> int:
    """Nodes the view would hold (the term index is not part of it)."""
    if reader.scope is not None:
        return reader.node_count()
    counts = reader.store_counts()
    return sum(counts.get(label, 0) for label in CONTENT_NODE_ORDER)


def _order(label: str, key: str, props: dict[str, Any]) -> tuple[Any, ...]:
    """Sort key of a node within its ring: place, date, position in its document, key."""
    return (props.get("jurisdiction") or "", props.get("date") or "", props.get("start") or 0, key)


def write_html(
    reader: GraphReader, out: IO[bytes], *, max_nodes: int = MAX_VIEW_NODES, title: str = ""
) -> int:
    """Write the view of the reader's graph; returns the number of nodes.

    Raises ExportError when the graph has more than ``max_nodes`` nodes.
    """
    total = _node_count(reader)
    if total > max_nodes:
        raise ExportError(
            f"{total} nodes are too many for the HTML view (limit {max_nodes}); "
            "narrow it with --jurisdiction / --topic / --document"
        )
    label_index = {label: i for i, label in enumerate(NODE_ORDER)}
    type_index = {t: i for i, t in enumerate(REL_ORDER)}
    # Positions need the whole graph, so it is read first (bounded by max_nodes).
    nodes: list[list[Any]] = []
    items: list[Item] = []
    index: dict[str, int] = {}
    for rec in reader.nodes():
        props = {k: v for k, v in rec.props.items() if v is not None}
        index[rec.uid] = len(nodes)
        nodes.append([rec.uid, label_index[rec.label], caption(rec), props])
        # Documents are read first, so the document owning a task or target is already indexed.
        owner = index.get(node_uid("Document", props["document"]), -1) if "document" in props else -1
        items.append(Item(rec.label, _order(rec.label, rec.key, props), owner))
    edges: list[list[Any]] = []
    for edge in reader.edges():
        props = {k: v for k, v in edge.props.items() if v is not None}
        edges.append([index[edge.src_uid], index[edge.dst_uid], type_index[edge.type], props])
    positions = layout(items, [(e[0], e[1]) for e in edges], "Document", NODE_ORDER)

    title = title or f"fengong · {reader.filters.describe()}"
    page = _asset("view.html")
    head, tail = page.split("__DATA__")
    head = (
        head.replace("__TITLE__", html.escape(title))
        .replace("__STYLE__", _asset("view.css"))
        .replace("__SCOPE__", html.escape(reader.filters.describe()))
    )
    script = _cytoscape() + "\n" + _asset("view.js")
    tail = tail.replace("__SCRIPT__", script.replace("</", "<\\/"))
    out.write(head.encode("utf-8"))
    meta = {
        "labels": list(NODE_ORDER),
        "types": list(REL_ORDER),
        "colours": LABEL_COLOURS,
        "style": cytoscape_stylesheet(scale=1.0),  # Browser's diameters: layout.SPACING fits them
    }
    out.write(_json(meta)[:-1].encode("utf-8"))  # the object stays open for nodes and edges
    out.write(b',"nodes":[')
    for i, (item, (x, y)) in enumerate(zip(nodes, positions, strict=True)):
        out.write((b"," if i else b"") + _json([*item, x, y]).encode("utf-8"))
    out.write(b'],"edges":[')
    for j, e in enumerate(edges):
        out.write((b"," if j else b"") + _json(e).encode("utf-8"))
    out.write(b"]}")
    out.write(tail.encode("utf-8"))
    return len(nodes)
