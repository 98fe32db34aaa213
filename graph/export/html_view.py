"""A self-contained HTML view of the graph: one file, no network, everything inlined.

The page (``assets/view.html`` + ``view.css`` + ``view.js``, a small canvas force layout
in plain JavaScript) embeds the graph as JSON: nodes coloured by label, units sized by
how many tasks they lead, filters by jurisdiction / topic / document (also from the URL
hash, ``#jurisdiction=聊城市``), click a node or edge for its properties and evidence.
A Content-Security-Policy forbids every fetch, so the file works offline by construction.
After the first drawing the page writes ``data-nodes``, ``data-visible``, ``data-drawn``
and ``data-painted`` on ``<body>`` (checked by the headless-Chromium test).
"""

from __future__ import annotations

import html
import json
from importlib import resources
from typing import IO, Any

from fengong.graph.export.filters import ExportError
from fengong.graph.export.reader import GraphReader, caption
from fengong.graph.export.style import CAPTIONS, LABEL_COLOURS, LABEL_SIZES, REL_COLOURS
from fengong.graph.schema import NODE_ORDER, REL_ORDER

#: Above this many nodes a browser layout is no longer useful; filter first.
MAX_VIEW_NODES = 20_000


def _asset(name: str) -> str:
    return (
        resources.files("fengong.graph.export").joinpath("assets").joinpath(name).read_text(encoding="utf-8")
    )


def _json(value: Any) -> str:
    # Inside <script> a "</" would end the element; "<\/" is the same JSON string.
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def write_html(
    reader: GraphReader, out: IO[bytes], *, max_nodes: int = MAX_VIEW_NODES, title: str = ""
) -> int:
    """Write the view of the reader's graph; returns the number of nodes.

    Raises ExportError when the graph has more than ``max_nodes`` nodes.
    """
    total = reader.node_count()
    if total > max_nodes:
        raise ExportError(
            f"{total} nodes are too many for the HTML view (limit {max_nodes}); "
            "narrow it with --jurisdiction / --topic / --document"
        )
    title = title or f"fengong · {reader.filters.describe()}"
    page = _asset("view.html")
    head, tail = page.split("__DATA__")
    head = (
        head.replace("__TITLE__", html.escape(title))
        .replace("__STYLE__", _asset("view.css"))
        .replace("__SCOPE__", html.escape(reader.filters.describe()))
    )
    tail = tail.replace("__SCRIPT__", _asset("view.js").replace("</", "<\\/"))
    out.write(head.encode("utf-8"))
    meta = {
        "labels": list(NODE_ORDER),
        "types": list(REL_ORDER),
        "colours": LABEL_COLOURS,
        "relColours": REL_COLOURS,
        "sizes": LABEL_SIZES,
        "captions": CAPTIONS,
    }
    out.write(_json(meta)[:-1].encode("utf-8"))  # the object stays open for nodes and edges
    label_index = {label: i for i, label in enumerate(NODE_ORDER)}
    type_index = {t: i for i, t in enumerate(REL_ORDER)}
    index: dict[str, int] = {}
    out.write(b',"nodes":[')
    for rec in reader.nodes():
        props = {k: v for k, v in rec.props.items() if v is not None}
        item = [rec.uid, label_index[rec.label], caption(rec), props]
        out.write((b"," if index else b"") + _json(item).encode("utf-8"))
        index[rec.uid] = len(index)
    out.write(b'],"edges":[')
    first = True
    for edge in reader.edges():
        props = {k: v for k, v in edge.props.items() if v is not None}
        item = [index[edge.src_uid], index[edge.dst_uid], type_index[edge.type], props]
        out.write((b"" if first else b",") + _json(item).encode("utf-8"))
        first = False
    out.write(b"]}")
    out.write(tail.encode("utf-8"))
    return len(index)
