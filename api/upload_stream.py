"""A multipart/form-data upload read straight from the request stream.

Nothing is read before the route's dependencies (the bearer token) have passed; the declared size
(Content-Length) is checked before the first body byte; the file part's name is checked as soon as
its headers end; its bytes go to one file in a private directory and the stream is cut (413) at the
first byte past the cap, whether or not the body declared a length (a chunked body is counted as
it streams).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from fastapi import HTTPException, Request, status
from python_multipart import MultipartParser
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import parse_options_header

#: The form field that carries the document.
FIELD = "file"
#: Body bytes allowed beyond the file itself: boundaries, part headers, small fields beside it.
ALLOWANCE = 64 * 1024

#: OpenAPI description of the body (the route reads the stream itself, so FastAPI cannot infer it).
OPENAPI_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": [FIELD],
                    "properties": {
                        FIELD: {
                            "type": "string",
                            "format": "binary",
                            "description": "The document (.txt, .docx, .pdf, .html, .xlsx, …), "
                            "at most FENGONG_MAX_UPLOAD bytes",
                        }
                    },
                }
            }
        },
    }
}


@dataclass(slots=True)
class Upload:
    """The uploaded file: the client's name for it, where its bytes are, and how many."""

    name: str
    path: Path
    size: int


def too_large(cap: int) -> HTTPException:
    """The 413 every size check answers."""
    return HTTPException(
        status.HTTP_413_CONTENT_TOO_LARGE, f"upload too large: more than {cap} bytes (FENGONG_MAX_UPLOAD)"
    )


def check_declared(request: Request, cap: int) -> bytes:
    """Check what the headers declare before any body byte is read; the multipart boundary."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise HTTPException(status.HTTP_400_BAD_REQUEST, "Content-Length is not a number")
        if int(declared) > cap + ALLOWANCE:
            raise too_large(cap)
    kind, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary", b"")
    if kind != b"multipart/form-data" or not boundary:
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            f"send the document as multipart/form-data in a field named {FIELD!r}",
        )
    return boundary


class _Parts:
    """The parser's callbacks: keeps the first part named ``FIELD`` that has a file name."""

    def __init__(self, directory: Path, cap: int, file_name: Callable[[str], str]) -> None:
        self.directory, self.cap, self.file_name = directory, cap, file_name
        self.field, self.value = bytearray(), bytearray()
        self.headers: dict[bytes, bytes] = {}
        self.out: IO[bytes] | None = None
        self.upload: Upload | None = None

    def callbacks(self) -> dict[str, Any]:
        return {
            "on_part_begin": self.headers.clear,
            "on_header_field": lambda data, start, end: self.field.extend(data[start:end]),
            "on_header_value": lambda data, start, end: self.value.extend(data[start:end]),
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._data,
            "on_part_end": self._part_end,
        }

    def _header_end(self) -> None:
        self.headers[bytes(self.field).lower()] = bytes(self.value)
        self.field.clear()
        self.value.clear()

    def _headers_finished(self) -> None:
        _, options = parse_options_header(self.headers.get(b"content-disposition", b""))
        if self.upload is not None or options.get(b"name") != FIELD.encode() or b"filename" not in options:
            return  # another field, or a second file: counted against the body, not kept
        name = options[b"filename"].decode("utf-8", "replace")
        path = self.directory / self.file_name(name)  # refuses (415) before a byte is stored
        self.upload = Upload(name, path, 0)
        self.out = path.open("xb")

    def _data(self, data: bytes, start: int, end: int) -> None:
        if self.out is None or self.upload is None:
            return
        self.upload.size += end - start
        if self.upload.size > self.cap:
            raise too_large(self.cap)
        self.out.write(data[start:end])

    def _part_end(self) -> None:
        if self.out is not None:
            self.out.close()
            self.out = None

    def close(self) -> None:
        self._part_end()


async def receive_upload(
    request: Request, directory: Path, cap: int, file_name: Callable[[str], str]
) -> Upload:
    """Stream the request's multipart body into ``directory``; the uploaded file.

    ``file_name`` turns the client's file name into the stored one, or raises (say 415) to refuse
    it before any byte is written. 413 as soon as the file passes ``cap`` bytes or the body passes
    ``cap`` plus a small allowance; 422 when no part named ``file`` carries a file.
    """
    boundary = check_declared(request, cap)
    parts = _Parts(directory, cap, file_name)
    parser = MultipartParser(boundary, parts.callbacks())  # type: ignore[arg-type]
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > cap + ALLOWANCE:
                raise too_large(cap)
            parser.write(chunk)
        parser.finalize()
    except MultipartParseError as exc:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"malformed multipart body: {exc}") from exc
    finally:
        parts.close()
    if parts.upload is None:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"no file in the upload: send the document in a multipart field named {FIELD!r}",
        )
    return parts.upload
