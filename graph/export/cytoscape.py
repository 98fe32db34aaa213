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
from fengong.graph.export.style import LABEL_COLOURS, LABEL_SIZES, REL_COLOURS


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def stylesheet() -> list[dict[str, Any]]:
    """A Cytoscape.js stylesheet colouring nodes by label and edges by type."""
    style: list[dict[str, Any]] = [
        {"selector": "node", "style": {"label": "data(name)", "font-size": 8, "width": 10, "height": 10}},
        {
            "selector": "edge",
            "style": {"curve-style": "bezier", "target-arrow-shape": "triangle", "width": 1},
        },
    ]
    for label, colour in LABEL_COLOURS.items():
        size = LABEL_SIZES[label] / 4
        style.append(
            {
                "selector": f"node.{label}",
                "style": {"background-color": colour, "width": size, "height": size},
            }
        )
    for rel_type, colour in REL_COLOURS.items():
        style.append(
            {
                "selector": f"edge.{rel_type}",
                "style": {"line-color": colour, "target-arrow-color": colour},
            }
        )
    return style


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
