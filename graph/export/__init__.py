"""Exports of the graph that real tools open: GraphML, GEXF, Cytoscape.js JSON, the
neo4j-admin import CSV set, the responsibility matrix (XLSX, CSV) and an offline HTML view.

Every export reads the store with parameterised, schema-generated Cypher (the same
statements on the embedded store and Neo4j), page by page, and writes as it reads.

    from fengong.graph.export import ExportFilters, export, export_to_bytes
    export(store, "gexf", Path("graph.gexf"), ExportFilters.of(jurisdiction="聊城市"))
    content, media_type, filename = export_to_bytes(store, "xlsx", ExportFilters())
"""

from fengong.graph.export.filters import ExportError, ExportFilters
from fengong.graph.export.formats import (
    FORMATS,
    ExportResult,
    Format,
    default_filename,
    export,
    export_stream,
    export_to_bytes,
    get_format,
)

__all__ = [
    "FORMATS",
    "ExportError",
    "ExportFilters",
    "ExportResult",
    "Format",
    "default_filename",
    "export",
    "export_stream",
    "export_to_bytes",
    "get_format",
]
