"""Documents: list, one with its tasks, and ingest by upload (bearer token)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response, status

from fengong.api.routers.deps import ERRORS, CacheDep, SettingsDep, StoreDep, TokenDep, page
from fengong.api.routers.uploads import ingest_upload
from fengong.api.schemas import (
    DocumentDetailOut,
    DocumentOut,
    DocumentTaskOut,
    ErrorOut,
    IngestOut,
    Page,
    TaskUnitOut,
)
from fengong.api.upload_stream import OPENAPI_BODY
from fengong.queries.named import run_named

router = APIRouter(prefix="/documents", tags=["documents"], responses=ERRORS)
Limit = Annotated[int, Query(ge=1, le=500, description="Page size")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip")]


@router.get("", summary="List documents (paginated)")
def list_documents(
    store: StoreDep,
    jurisdiction: Annotated[
        str, Query(max_length=100, description="A place; includes places under it", examples=["聊城市"])
    ] = "",
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[DocumentOut]:
    """Loaded documents with jurisdiction, date and task / target counts."""
    return Page[DocumentOut](
        **page(store, "document_list", "document_count", {"jurisdiction": jurisdiction}, limit, offset)
    )


@router.get("/{document}", summary="One document with its tasks")
def get_document(store: StoreDep, document: str) -> DocumentDetailOut:
    """A document (by id, source file name or title) with its tasks, deadlines and units in document order."""
    found = run_named(store, "document_detail", {"document": document}, limit=1)
    if not found:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no document with id, source or title {document!r}")
    meta = found[0]
    tasks: dict[str, DocumentTaskOut] = {}
    for row in run_named(store, "document_tasks", {"document": meta["id"]}):
        task = tasks.setdefault(
            row["task_id"],
            DocumentTaskOut(
                id=row["task_id"], position=row["position"], title=row["task"], category=row["category"],
                deadline=row["deadline"], due_date=row["due_date"], units=[],
            ),
        )  # fmt: skip
        if row["unit"]:
            task.units.append(TaskUnitOut(unit=row["unit"], role=row["role"], rank=row["rank"]))
    return DocumentDetailOut(**meta, task_list=list(tasks.values()))


@router.post(
    "",
    summary="Ingest a document by upload (needs the bearer token)",
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"description": "Stored already (unchanged, duplicate) or replaced", "model": IngestOut},
        401: {"description": "No bearer token", "model": ErrorOut},
        403: {"description": "Wrong token, or writes disabled", "model": ErrorOut},
        413: {"description": "Upload too large (FENGONG_MAX_UPLOAD)", "model": ErrorOut},
        415: {
            "description": "Not multipart/form-data, or not a document format fengong reads",
            "model": ErrorOut,
        },
        422: {"description": "Not a readable document, or past a reading limit", "model": ErrorOut},
    },
    openapi_extra=OPENAPI_BODY,
)
async def upload_document(
    request: Request, response: Response, store: StoreDep, settings: SettingsDep, cache: CacheDep, _: TokenDep
) -> IngestOut:
    """Extract an uploaded document (multipart field `file`: .txt, .docx, .pdf, .html, .xlsx, …) and load it.

    201 with outcome `loaded` for a new document; 200 with `replaced` (an edited text of a stored
    document), `unchanged` (stored with this text: nothing written) or `duplicate` (this text is
    stored under another document id: nothing written). The token and the declared size are checked
    before the body is read; extraction runs in a worker process under a time and memory cap.
    """
    try:
        out = await ingest_upload(request, store, settings)
    finally:
        cache.invalidate()
    if out.outcome != "loaded":
        response.status_code = status.HTTP_200_OK
    return out
