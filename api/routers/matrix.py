"""The responsibility matrix (tasks x units, cells 牵头 / 配合 / 责任N) of a document or a jurisdiction:
JSON here; CSV and XLSX are the matrix exports of ``fengong.graph.export`` for the same selection."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from fengong.api.routers.deps import ERRORS, StoreDep
from fengong.api.schemas import MatrixOut, MatrixTaskOut
from fengong.graph.export import ExportError, ExportFilters, export_stream
from fengong.graph.export.filters import resolve_scope
from fengong.graph.export.matrix_data import matrix_table
from fengong.graph.store import GraphStore

router = APIRouter(prefix="/matrix", tags=["matrix"], responses=ERRORS)
Format = Annotated[Literal["json", "csv", "xlsx"], Query(description="json, csv or xlsx")]
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FORMAT_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The matrix (JSON), or the matrix export as CSV (one row per task, unit and role) "
        "or XLSX (a sheet per document)",
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            _XLSX: {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


def _json(store: GraphStore, filters: ExportFilters, title: str | None) -> MatrixOut:
    table = matrix_table(store, resolve_scope(store, filters), title)
    tasks = [
        MatrixTaskOut(document=r.document, task=r.task, cells=r.cells, ranks=r.ranks, evidence=r.evidence)
        for r in table.rows
    ]
    return MatrixOut(title=table.title, units=table.units, tasks=tasks)


async def _respond(store: GraphStore, filters: ExportFilters, fmt: str, title: str | None) -> Any:
    try:
        if fmt == "json":
            return await run_in_threadpool(_json, store, filters, title)
        name = title or filters.documents[0]
        chunks, media_type, _ = await run_in_threadpool(export_stream, store, fmt, filters)
    except ExportError as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
    disposition = f"attachment; filename=matrix.{fmt}; filename*=UTF-8''{quote(name)}.{fmt}"
    return StreamingResponse(chunks, media_type=media_type, headers={"Content-Disposition": disposition})


@router.get(
    "/document/{document}",
    summary="Responsibility matrix of a document",
    response_model=MatrixOut,
    responses=_FORMAT_DOC,
)
async def document_matrix(store: StoreDep, document: str, format: Format = "json") -> Any:
    """Tasks x units of one document (by id, source or title), cells 牵头 / 配合 / 责任N."""
    return await _respond(store, ExportFilters.of(document=_named(document, "document")), format, None)


@router.get(
    "/jurisdiction/{jurisdiction}",
    summary="Responsibility matrix of a jurisdiction",
    response_model=MatrixOut,
    responses=_FORMAT_DOC,
)
async def jurisdiction_matrix(store: StoreDep, jurisdiction: str, format: Format = "json") -> Any:
    """Tasks x units of every document of a place (and of the places under it)."""
    place = _named(jurisdiction, "jurisdiction")
    return await _respond(store, ExportFilters.of(jurisdiction=place), format, place)


def _named(value: str, what: str) -> str:
    """The path's name without edge blanks; a blank one (%0D, %20) names nothing: 404, not the
    matrix of every document."""
    name = value.strip()
    if not name:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, f"no {what} named {value!r}: give its id, source or title"
        )
    return name
