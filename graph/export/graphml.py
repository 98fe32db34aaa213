"""GraphML (yEd, Gephi, networkx, igraph): one streaming pass over nodes, then edges.

Every node carries ``labels`` (its Neo4j label), ``label`` (its caption, which Gephi and
yEd display) and its schema properties; every edge ``type`` and its properties. Node ids
are ``Label:key``. Lists (a task's ``path``) are JSON strings: GraphML has no list type.
"""

from __future__ import annotations

from typing import IO

from fengong.graph.export.reader import GraphReader, caption
from fengong.graph.export.xmlout import XmlStream, attribute_types

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_TYPES = {"STRING": "string", "INT64": "long", "DOUBLE": "double", "BOOLEAN": "boolean", "STRING[]": "string"}


def write_graphml(reader: GraphReader, out: IO[bytes]) -> int:
    """Write the reader's graph as GraphML to ``out``; returns the number of elements written."""
    node_types = attribute_types("node")
    edge_types = attribute_types("edge")
    xml = XmlStream(out)
    xml.start(
        "graphml",
        {
            "xmlns": GRAPHML_NS,
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            "xsi:schemaLocation": f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd",
        },
    )
    xml.leaf("key", {"id": "g_filters", "for": "graph", "attr.name": "filters", "attr.type": "string"})
    for name in ("labels", "label"):
        xml.leaf("key", {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": "string"})
    for name, kind in node_types.items():
        xml.leaf("key", {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": _TYPES[kind]})
    xml.leaf("key", {"id": "e_type", "for": "edge", "attr.name": "type", "attr.type": "string"})
    for name, kind in edge_types.items():
        xml.leaf("key", {"id": f"e_{name}", "for": "edge", "attr.name": name, "attr.type": _TYPES[kind]})
    xml.start("graph", {"id": "fengong", "edgedefault": "directed"})
    xml.leaf("data", {"key": "g_filters"}, reader.filters.describe())
    written = 0
    for rec in reader.nodes():
        xml.start("node", {"id": rec.uid})
        xml.leaf("data", {"key": "n_labels"}, rec.label)
        xml.leaf("data", {"key": "n_label"}, caption(rec))
        for name, value in rec.props.items():
            if value is not None:
                xml.leaf("data", {"key": f"n_{name}"}, value)
        xml.end("node")
        written += 1
    for i, edge in enumerate(reader.edges()):
        xml.start("edge", {"id": f"e{i}", "source": edge.src_uid, "target": edge.dst_uid})
        xml.leaf("data", {"key": "e_type"}, edge.type)
        for name, value in edge.props.items():
            if value is not None:
                xml.leaf("data", {"key": f"e_{name}"}, value)
        xml.end("edge")
        written += 1
    xml.end("graph")
    xml.end("graphml")
    xml.close()
    return written
