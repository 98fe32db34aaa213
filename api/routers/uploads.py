"""Reading an upload: size and format checks, extraction, loading. Errors are clear 4xx."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from fastapi import HTTPException, UploadFile, status
from starlette.concurrency import run_in_threadpool

from fengong.api.routers.deps import ApiSettings
from fengong.api.schemas import IngestOut
from fengong.graph.store import GraphStore
from fengong.ingest.errors import DocumentError
from fengong.ingest.pipeline import extract_path
from fengong.ingest.readers import READERS

_CHUNK = 1 << 16


async def _read_capped(file: UploadFile, cap: int) -> bytes:
    """The upload's bytes, refusing (413) as soon as it passes ``cap``."""
    data = bytearray()
    while chunk := await file.read(_CHUNK):
        data.extend(chunk)
        if len(data) > cap:
            raise HTTPException(
                status.HTTP_413_CONTENT_TOO_LARGE,
                f"upload too large: more than {cap} bytes (FENGONG_MAX_UPLOAD)",
            )
    return bytes(data)


def _suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    known = sorted(s for s in READERS if s)
    if suffix not in READERS or not suffix:
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            f"{name or 'the upload'}: not a document format fengong reads; send one of {', '.join(known)}",
        )
    return suffix


def _extract_and_load(data: bytes, name: str, suffix: str, store: GraphStore) -> IngestOut:
    safe = re.sub(r"[^\w.\-\u4e00-\u9fff]+", "_", Path(name).name)[:120] or f"upload{suffix}"
    with tempfile.TemporaryDirectory(prefix="fengong-upload-") as tmp:
        path = Path(tmp) / safe
        path.write_bytes(data)
        try:
            doc = extract_path(path)
        except DocumentError as exc:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"{name}: {exc.problem}") from exc
    if not doc.tasks and not doc.targets:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"{name}: read, but no tasks or targets found; is it a task-division document?",
        )
    with store.writing() as writer:  # a read-only handle opens the writer for the load
        stats = writer.load_document(doc)
    return IngestOut(
        document_id=doc.id, title=doc.title, jurisdiction=doc.jurisdiction.name if doc.jurisdiction else "",
        tasks=len(doc.tasks), units=len(doc.units), nodes=stats.nodes, relationships=stats.relationships,
        warnings=doc.warnings,
    )  # fmt: skip


async def ingest_upload(file: UploadFile, store: GraphStore, settings: ApiSettings) -> IngestOut:
    """Check, extract and load one uploaded document; the answer cache is dropped afterwards."""
    name = file.filename or ""
    suffix = _suffix(name)
    data = await _read_capped(file, settings.max_upload_bytes)
    if not data.strip():
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"{name}: the upload is empty")
    return await run_in_threadpool(_extract_and_load, data, name, suffix, store)
