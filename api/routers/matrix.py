"""The responsibility matrix (tasks x units, cells 牵头 / 配合 / 责任) of a document or a jurisdiction,
as JSON, CSV or XLSX."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Response, status

from fengong.api.routers.deps import ERRORS, StoreDep
from fengong.api.schemas import MatrixOut
from fengong.queries.named import run_named

router = APIRouter(prefix="/matrix", tags=["matrix"], responses=ERRORS)
CELL = {"lead": "牵头", "cooperate": "配合", "responsible": "责任"}
Format = Annotated[Literal["json", "csv", "xlsx"], Query(description="json, csv or xlsx")]
_FILES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_FORMAT_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The matrix (JSON), or a CSV / XLSX file",
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            _FILES["xlsx"]: {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


def build_matrix(title: str, rows: list[dict[str, Any]]) -> MatrixOut:
    """Rows of (document, position, task, unit, role, rank) -> tasks x units; units in first-seen order."""
    units: list[str] = []
    tasks: dict[tuple[str, int, str], dict[str, Any]] = {}
    for r in rows:
        key = (r.get("document", ""), r["position"], r["task"])
        task = tasks.setdefault(key, {"document": key[0], "task": r["task"], "cells": {}, "ranks": {}})
        if r["unit"]:
            if r["unit"] not in units:
                units.append(r["unit"])
            task["cells"][r["unit"]] = CELL.get(r["role"], r["role"])
            task["ranks"][r["unit"]] = r["rank"]
    return MatrixOut(title=title, units=units, tasks=list(tasks.values()))


def _csv(m: MatrixOut) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["document", "task", *m.units])
    for t in m.tasks:
        writer.writerow([t.document, t.task, *(t.cells.get(u, "") for u in m.units)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: spreadsheet programs then read UTF-8


def _xlsx(m: MatrixOut) -> bytes:
    from openpyxl import Workbook  # imported here: only this format needs it

    wb = Workbook()
    ws = wb.active
    ws.title = "matrix"
    ws.append(["document", "task", *m.units])
    for t in m.tasks:
        ws.append([t.document, t.task, *(t.cells.get(u, "") for u in m.units)])
    ws.freeze_panes = "C2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _respond(m: MatrixOut, fmt: str, name: str) -> Any:
    if fmt == "json":
        return m
    body = _csv(m) if fmt == "csv" else _xlsx(m)
    disposition = f"attachment; filename=matrix.{fmt}; filename*=UTF-8''{quote(name)}.{fmt}"
    return Response(body, media_type=_FILES[fmt], headers={"Content-Disposition": disposition})


@router.get(
    "/document/{document}",
    summary="Responsibility matrix of a document",
    response_model=MatrixOut,
    responses=_FORMAT_DOC,
)
def document_matrix(store: StoreDep, document: str, format: Format = "json") -> Any:
    """Tasks x units of one document (by id, source or title), cells 牵头 / 配合 / 责任."""
    found = run_named(store, "document_detail", {"document": document}, limit=1)
    if not found:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no document with id, source or title {document!r}")
    rows = [
        {**r, "document": found[0]["title"]}
        for r in run_named(store, "responsibility_matrix", {"document": found[0]["id"]})
    ]
    return _respond(build_matrix(found[0]["title"], rows), format, found[0]["title"])


@router.get(
    "/jurisdiction/{jurisdiction}",
    summary="Responsibility matrix of a jurisdiction",
    response_model=MatrixOut,
    responses=_FORMAT_DOC,
)
def jurisdiction_matrix(store: StoreDep, jurisdiction: str, format: Format = "json") -> Any:
    """Tasks x units of every document of a place (and of the places under it)."""
    rows = list(run_named(store, "jurisdiction_matrix", {"jurisdiction": jurisdiction}))
    if not rows:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no documents of jurisdiction {jurisdiction!r}")
    return _respond(build_matrix(jurisdiction, rows), format, jurisdiction)
