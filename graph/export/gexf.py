"""GEXF 1.2 for Gephi: nodes with captions, attributes and ``viz`` colours/sizes by label.

Written in one streaming pass (nodes, then edges). Attributes are declared from the
schema (``labels`` is the Neo4j label, the GEXF ``label`` the caption); an edge's GEXF
``label`` is its relationship type. Lists are JSON strings.
"""

from __future__ import annotations

import datetime as dt
from typing import IO

from fengong.graph.export.reader import GraphReader, caption
from fengong.graph.export.style import LABEL_COLOURS, LABEL_SIZES, rgb
from fengong.graph.export.xmlout import XmlStream, attribute_types

GEXF_NS = "http://www.gexf.net/1.2draft"
VIZ_NS = "http://www.gexf.net/1.2draft/viz"
_TYPES = {"STRING": "string", "INT64": "long", "DOUBLE": "double", "BOOLEAN": "boolean", "STRING[]": "string"}


def write_gexf(reader: GraphReader, out: IO[bytes]) -> int:
    """Write the reader's graph as GEXF 1.2 to ``out``; returns the number of elements written."""
    node_types = {"labels": "STRING", **attribute_types("node")}
    edge_types = {"type": "STRING", **attribute_types("edge")}
    xml = XmlStream(out)
    xml.start(
        "gexf",
        {
            "xmlns": GEXF_NS,
            "xmlns:viz": VIZ_NS,
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            "xsi:schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd",
            "version": "1.2",
        },
    )
    xml.start("meta", {"lastmodifieddate": dt.date.today().isoformat()})
    xml.leaf("creator", text="fengong")
    xml.leaf("description", text=f"responsibility matrix graph ({reader.filters.describe()})")
    xml.end("meta")
    xml.start("graph", {"mode": "static", "defaultedgetype": "directed"})
    for kind, types in (("node", node_types), ("edge", edge_types)):
        xml.start("attributes", {"class": kind})
        for name, prop_type in types.items():
            xml.leaf("attribute", {"id": f"{kind[0]}_{name}", "title": name, "type": _TYPES[prop_type]})
        xml.end("attributes")
    written = 0
    xml.start("nodes")
    for rec in reader.nodes():
        xml.start("node", {"id": rec.uid, "label": caption(rec)})
        xml.start("attvalues")
        xml.leaf("attvalue", {"for": "n_labels", "value": rec.label})
        for name, value in rec.props.items():
            if value is not None:
                xml.leaf("attvalue", {"for": f"n_{name}", "value": value})
        xml.end("attvalues")
        r, g, b = rgb(LABEL_COLOURS.get(rec.label, "#A5ABB6"))
        xml.leaf("viz:color", {"r": str(r), "g": str(g), "b": str(b), "a": "1.0"})
        xml.leaf("viz:size", {"value": str(LABEL_SIZES.get(rec.label, 50) / 5)})
        xml.end("node")
        written += 1
    xml.end("nodes")
    xml.start("edges")
    for i, edge in enumerate(reader.edges()):
        xml.start("edge", {"id": str(i), "source": edge.src_uid, "target": edge.dst_uid, "label": edge.type})
        xml.start("attvalues")
        xml.leaf("attvalue", {"for": "e_type", "value": edge.type})
        for name, value in edge.props.items():
            if value is not None:
                xml.leaf("attvalue", {"for": f"e_{name}", "value": value})
        xml.end("attvalues")
        xml.end("edge")
        written += 1
    xml.end("edges")
    xml.end("graph")
    xml.end("gexf")
    xml.close()
    return written
