"""GET /export/{format}: the graph (or a filtered part) in a format other tools open."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Query, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from fengong.api.routers.deps import ERRORS, StoreDep
from fengong.graph.export import FORMATS, ExportError, ExportFilters, export_stream

router = APIRouter(tags=["export"], responses=ERRORS)

FormatPath = Annotated[
    str,
    Path(
        description=f"One of: {', '.join(FORMATS)} (admin-csv comes as a zip)", examples=["graphml", "xlsx"]
    ),
]


@router.get(
    "/export/{fmt}",
    summary="Export the graph as GraphML, GEXF, Cytoscape.js JSON, neo4j-admin CSV, matrix XLSX/CSV or HTML",
    response_class=StreamingResponse,
    responses={200: {"description": "The export file, streamed as an attachment"}},
)
async def export(
    store: StoreDep,
    fmt: FormatPath,
    jurisdiction: Annotated[
        list[str] | None, Query(description="Only documents of this place or places under it (repeatable)")
    ] = None,
    topic: Annotated[list[str] | None, Query(description="Only tasks about this topic (repeatable)")] = None,
    document: Annotated[
        list[str] | None, Query(description="Only this document: id, file name or title (repeatable)")
    ] = None,
) -> StreamingResponse:
    """The export is written to a temporary file first, so a bad format or an empty selection is a
    clean 4xx before any byte is sent; then it streams and the file is removed."""
    if fmt not in FORMATS:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}"
        )
    filters = ExportFilters.of(jurisdiction=jurisdiction, topic=topic, document=document)
    try:
        chunks, media_type, filename = await run_in_threadpool(export_stream, store, fmt, filters)
    except ExportError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from exc
    headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"}
    return StreamingResponse(chunks, media_type=media_type, headers=headers)
