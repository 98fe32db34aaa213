"""Cytoscape.js JSON (``cy.json()`` shape, also read by Cytoscape desktop as .cyjs).

``{"data": {...}, "elements": {"nodes": [...], "edges": [...]}, "style": [...]}``; each
element has ``data`` (id, caption ``name``, ``labels`` / ``type`` and the schema
properties) and ``classes`` (its label or type, so a stylesheet can colour by class).
Written element by element, never held in memory as one document.
"""

from __future__ import annotations

import json
from typing import IO, Any

from fengong.graph.export.reader import GraphReader, caption
from fengong.graph.export.style import cytoscape_stylesheet


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def stylesheet() -> list[dict[str, Any]]:
    """The shared Cytoscape.js stylesheet (style.py), captioned by ``data(name)``."""
    return cytoscape_stylesheet(caption="name")


def write_cytoscape(reader: GraphReader, out: IO[bytes]) -> int:
    """Write the reader's graph as Cytoscape.js JSON; returns the number of elements written."""
    out.write(b'{"data":')
    out.write(_dump({"name": "fengong", "filters": reader.filters.describe()}))
    out.write(b',\n"elements":{"nodes":[')
    written = 0
    for i, rec in enumerate(reader.nodes()):
        data = {"id": rec.uid, "name": caption(rec), "labels": rec.label}
        data.update({k: v for k, v in rec.props.items() if v is not None and k not in data})
        out.write(b"\n" if i == 0 else b",\n")
        out.write(_dump({"data": data, "classes": rec.label}))
        written += 1
    out.write(b'\n],\n"edges":[')
    for i, edge in enumerate(reader.edges()):
        data = {"id": f"e{i}", "source": edge.src_uid, "target": edge.dst_uid, "type": edge.type}
        data.update({k: v for k, v in edge.props.items() if v is not None and k not in data})
        out.write(b"\n" if i == 0 else b",\n")
        out.write(_dump({"data": data, "classes": edge.type}))
        written += 1
    out.write(b'\n]},\n"style":')
    out.write(_dump(stylesheet()))
    out.write(b"}\n")
    return written
