"""The export formats and one entry point per way of delivering them (file, bytes, stream)."""

from __future__ import annotations

import shutil
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fengong.graph.export.admin_csv import write_admin_csv
from fengong.graph.export.cytoscape import write_cytoscape
from fengong.graph.export.filters import ExportError, ExportFilters
from fengong.graph.export.gexf import write_gexf
from fengong.graph.export.graphml import write_graphml
from fengong.graph.export.html_view import write_html
from fengong.graph.export.matrix import write_matrix_csv, write_xlsx
from fengong.graph.export.reader import GraphReader
from fengong.graph.store import GraphStore


def _binary(writer: Callable[[GraphReader, object], int]) -> Callable[[GraphReader, Path], int]:
    def write(reader: GraphReader, path: Path) -> int:
        with path.open("wb") as out:
            return writer(reader, out)

    return write


def _csv(reader: GraphReader, path: Path) -> int:
    # BOM: Excel and WPS, where these tables are opened, read BOM-less UTF-8 as the local code page.
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        return write_matrix_csv(reader, out)


@dataclass(frozen=True, slots=True)
class Format:
    """An export format: how it is named, typed and written."""

    name: str
    suffix: str  # "" for a directory
    media_type: str
    write: Callable[[GraphReader, Path], int]
    description: str

    @property
    def directory(self) -> bool:
        """True when the export is a directory of files (delivered as a zip over HTTP)."""
        return not self.suffix


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "graphml",
            ".graphml",
            "application/graphml+xml",
            _binary(write_graphml),
            "GraphML (yEd, Gephi, networkx)",
        ),
        Format(
            "gexf",
            ".gexf",
            "application/gexf+xml",
            _binary(write_gexf),
            "GEXF 1.2 for Gephi, coloured by label",
        ),
        Format(
            "cytoscape", ".cyjs", "application/json", _binary(write_cytoscape), "Cytoscape.js JSON elements"
        ),
        Format(
            "admin-csv",
            "",
            "application/zip",
            write_admin_csv,
            "neo4j-admin database import CSV set (a directory)",
        ),
        Format(
            "xlsx",
            ".xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            lambda reader, path: write_xlsx(reader, path),
            "responsibility matrix workbook: a sheet per document, cross-city sheet",
        ),
        Format(
            "csv",
            ".csv",
            "text/csv; charset=utf-8",
            _csv,
            "responsibility matrix, one row per (task, unit, role)",
        ),
        Format(
            "html",
            ".html",
            "text/html; charset=utf-8",
            _binary(write_html),
            "self-contained offline graph view",
        ),
    )
}


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote."""

    format: str
    path: Path
    items: int  # elements, rows or nodes, by format
    seconds: float


def get_format(name: str) -> Format:
    """The format called ``name``; ExportError names the known ones otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ExportError(f"unknown export format {name!r}; known: {', '.join(FORMATS)}") from None


def default_filename(name: str) -> str:
    """The file name an export gets when none is given (a zip for a directory format over HTTP)."""
    fmt = get_format(name)
    return f"fengong-{fmt.name}" if fmt.directory else f"fengong{fmt.suffix}"


def export(
    store: GraphStore,
    name: str,
    out: Path,
    filters: ExportFilters | None = None,
    *,
    page_size: int = 5_000,
) -> ExportResult:
    """Export the store (or the part the filters select) in format ``name`` to ``out``.

    ``out`` is a file, or a directory for ``admin-csv``. Memory stays bounded: every
    format reads the graph in pages of ``page_size`` and writes as it reads.
    """
    fmt = get_format(name)
    start = time.perf_counter()
    reader = GraphReader(store, filters, page_size=page_size)
    out = Path(out)
    if not fmt.directory:
        out.parent.mkdir(parents=True, exist_ok=True)
    items = fmt.write(reader, out)
    return ExportResult(fmt.name, out, items, time.perf_counter() - start)


def _to_temp(store: GraphStore, name: str, filters: ExportFilters | None) -> tuple[Path, Path]:
    """Export into a fresh temporary directory; returns (temp dir, file to send)."""
    fmt = get_format(name)
    tmp = Path(tempfile.mkdtemp(prefix="fengong-export-"))
    try:
        target = tmp / (fmt.name if fmt.directory else f"export{fmt.suffix}")
        export(store, name, target, filters)
        if fmt.directory:
            archive = tmp / "export.zip"
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
                for path in sorted(target.iterdir()):
                    zf.write(path, f"{default_filename(name)}/{path.name}")
            target = archive
        return tmp, target
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def export_to_bytes(
    store: GraphStore, name: str, filters: ExportFilters | None = None
) -> tuple[bytes, str, str]:
    """``(content, media_type, filename)`` of an export; ``admin-csv`` comes as a zip."""
    tmp, target = _to_temp(store, name, filters)
    try:
        content = target.read_bytes()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    fmt = get_format(name)
    return content, fmt.media_type, default_filename(name) + (".zip" if fmt.directory else "")


def export_stream(
    store: GraphStore, name: str, filters: ExportFilters | None = None, chunk_size: int = 1 << 16
) -> tuple[Iterator[bytes], str, str]:
    """``(chunks, media_type, filename)``: the export is written to a temporary file first
    (so errors surface before a response starts), then read back in chunks and deleted."""
    tmp, target = _to_temp(store, name, filters)

    def chunks() -> Iterator[bytes]:
        try:
            with target.open("rb") as f:
                while block := f.read(chunk_size):
                    yield block
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    fmt = get_format(name)
    return chunks(), fmt.media_type, default_filename(name) + (".zip" if fmt.directory else "")
