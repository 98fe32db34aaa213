"""Reading an upload: token and size before the body, the stream cut at the cap, extraction in a
capped worker process, then the ingest service. Errors are clear 4xx JSON."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from fastapi import HTTPException, Request, status
from starlette.concurrency import run_in_threadpool

from fengong.api.routers.deps import ApiSettings
from fengong.api.schemas import IngestOut
from fengong.api.upload_stream import check_declared, receive_upload
from fengong.graph.store import GraphStore
from fengong.ingest.errors import DocumentError
from fengong.ingest.model import Document
from fengong.ingest.readers import READERS
from fengong.ingest.sandbox import ExtractionSandbox
from fengong.ingest_service import DocumentResult, ingest_document


def stored_name(name: str) -> str:
    """The name an upload is stored (and its document's source recorded) under: its base name
    with only safe characters; 415 for a format fengong does not read."""
    suffix = Path(name).suffix.lower()
    if suffix not in READERS or not suffix:
        known = ", ".join(sorted(s for s in READERS if s))
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            f"{name or 'the upload'}: not a document format fengong reads; send one of {known}",
        )
    return re.sub(r"[^\w.\-\u4e00-\u9fff]+", "_", Path(name).name)[:120] or f"upload{suffix}"


def _out(result: DocumentResult) -> IngestOut:
    doc = result.document
    return IngestOut(
        outcome=result.outcome, document_id=result.stored_as, title=doc.title,
        jurisdiction=doc.jurisdiction.name if doc.jurisdiction else "", tasks=len(doc.tasks),
        units=len(doc.units), nodes=result.nodes, relationships=result.relationships, warnings=doc.warnings,
    )  # fmt: skip


def _ingest_writing(store: GraphStore, doc: Document) -> DocumentResult:
    # A read-only handle (``fengong serve``) opens the writer, and its lock, for this load only.
    with store.writing() as writer:
        return ingest_document(writer, doc)


async def ingest_upload(request: Request, store: GraphStore, settings: ApiSettings) -> IngestOut:
    """Receive, extract (in a capped worker) and ingest one uploaded document."""
    check_declared(request, settings.max_upload_bytes)  # before a temporary directory exists
    sandbox: ExtractionSandbox = request.app.state.sandbox
    with tempfile.TemporaryDirectory(prefix="fengong-upload-") as tmp:
        upload = await receive_upload(request, Path(tmp), settings.max_upload_bytes, stored_name)
        if upload.size == 0:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"{upload.name}: the upload is empty")
        try:
            doc = await sandbox.extract(upload.path, upload.name)
        except DocumentError as exc:
            raise HTTPException(
                status.HTTP_422_UNPROCESSABLE_CONTENT, f"{upload.name}: {exc.problem}"
            ) from exc
    if not doc.tasks and not doc.targets:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"{upload.name}: read, but no tasks or targets found; is it a task-division document?",
        )
    result = await run_in_threadpool(_ingest_writing, store, doc)
    return _out(result)
