"""Documents -> the neo4j-admin import CSV set, streamed: the bulk path for a first load.

``neo4j-admin database import full`` builds a new database from CSV files far faster than any
transactional loader (no transaction state, no index seeks, no commits), so a national corpus
is first loaded this way; later documents go through the stores' transactional loader.

The work is split so it parallelises: ``document_part`` (pure, run in worker processes) maps one
document to graph rows and formats the rows its document *owns* (tasks, targets, their edges) as
finished CSV text; ``BulkCsvWriter`` (one, in the calling process) appends that text and
de-duplicates the *shared* rows (units, jurisdictions, topics, people, … and the edges between
them), which are bounded by the country's vocabulary, not by the number of documents. Shared
nodes take the later document's non-empty properties, exactly as the stores' ``MERGE … SET
coalesce`` does, and are written when the set is finished.

The directory is written under a temporary name and renamed when complete, so an interrupted
run never leaves a set that looks loadable.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fengong.graph.export.admin_csv import (
    CsvFile,
    node_fields,
    node_file,
    node_header,
    rel_fields,
    rel_file,
    rel_header,
    write_import_command,
)
from fengong.graph.mapping import document_rows
from fengong.graph.schema import NODE_ORDER, NODES, REL_ORDER, RELS
from fengong.ingest.model import Document

Row = dict[str, Any]


@dataclass(slots=True)
class CsvPart:
    """One document's contribution: owned rows as CSV text, shared rows still as rows."""

    doc_id: str
    sha256: str
    tasks: int
    #: File name -> (CSV text of the owned rows, row count, whether a field spans lines).
    owned: dict[str, tuple[str, int, bool]]
    shared_nodes: dict[str, list[Row]]
    shared_rels: dict[str, list[Row]]


def _text(lines: list[list[str]]) -> tuple[str, int, bool]:
    text = "".join(",".join(fields) + "\n" for fields in lines)
    return text, len(lines), text.count("\n") != len(lines) or "\r" in text


def document_part(doc: Document, topic_en: Mapping[str, str]) -> CsvPart:
    """Map one document to graph rows and format the rows it owns (pure; runs in workers)."""
    rows = document_rows(doc, topic_en)
    owned: dict[str, tuple[str, int, bool]] = {}
    shared_nodes: dict[str, list[Row]] = {}
    shared_rels: dict[str, list[Row]] = {}
    for label, node_rows in rows.nodes.items():
        spec = NODES[label]
        if not node_rows:
            continue
        if spec.owned:
            owned[node_file(label)] = _text([node_fields(label, r[spec.key], r) for r in node_rows])
        else:
            shared_nodes[label] = node_rows
    for rel_type, rel_rows in rows.rels.items():
        if not rel_rows:
            continue
        if RELS[rel_type].owned:
            owned[rel_file(rel_type)] = _text([rel_fields(rel_type, r["src"], r["dst"], r) for r in rel_rows])
        else:
            shared_rels[rel_type] = rel_rows
    return CsvPart(doc.id, doc.sha256, len(doc.tasks), owned, shared_nodes, shared_rels)


@dataclass(slots=True)
class BulkStats:
    """What a bulk CSV set holds."""

    documents: int = 0
    tasks: int = 0
    nodes: int = 0
    relationships: int = 0
    units: int = 0
    skipped: list[str] = field(default_factory=list)


class BulkCsvWriter:
    """Collects ``CsvPart``s into one neo4j-admin CSV set in ``directory`` (see the module doc)."""

    def __init__(self, directory: Path) -> None:
        """Start a set; the files grow in ``<directory>.partial`` until ``close``."""
        self.directory = Path(directory)
        if self.directory.exists() and (
            not self.directory.is_dir()
            or (any(self.directory.iterdir()) and not (self.directory / "import.args").exists())
        ):
            raise FileExistsError(
                f"{self.directory} exists and is not a CSV set written by fengong; not replacing it"
            )
        self._tmp = self.directory.with_name(self.directory.name + ".partial")
        if self._tmp.exists():
            shutil.rmtree(self._tmp)
        self._tmp.mkdir(parents=True)
        self._files: dict[str, CsvFile] = {}
        for label in NODE_ORDER:
            if NODES[label].owned:
                self._files[node_file(label)] = CsvFile(self._tmp / node_file(label), node_header(label))
        for rel_type in REL_ORDER:
            self._files[rel_file(rel_type)] = CsvFile(self._tmp / rel_file(rel_type), rel_header(rel_type))
        self._shared: dict[str, dict[str, Row]] = {
            label: {} for label in NODE_ORDER if not NODES[label].owned
        }
        self._rels_seen: set[tuple[str, str, str]] = set()
        self._docs: set[str] = set()
        self.stats = BulkStats()

    def add(self, part: CsvPart) -> bool:
        """Append one document; False (and noted in ``stats.skipped``) when its id is already in."""
        if part.doc_id in self._docs:
            # neo4j-admin refuses duplicate ids; the first version stays (a later run replaces it).
            self.stats.skipped.append(part.doc_id)
            return False
        self._docs.add(part.doc_id)
        for name, (text, rows, multiline) in part.owned.items():
            self._files[name].write_lines(text, rows, multiline)
        for label, node_rows in part.shared_nodes.items():
            key, known = NODES[label].key, self._shared[label]
            for row in node_rows:
                earlier = known.get(row[key])
                if earlier is None:
                    known[row[key]] = row
                else:  # later non-empty values win, as the stores' MERGE ... SET coalesce(...)
                    earlier.update({k: v for k, v in row.items() if v is not None})
        this_document: set[tuple[str, str, str]] = set()
        for rel_type, rel_rows in part.shared_rels.items():
            # An edge kept per document (its document is part of its identity) never recurs in
            # another document: remember it for this part only, or the set grows with the corpus.
            seen = this_document if RELS[rel_type].per_document else self._rels_seen
            csv = self._files[rel_file(rel_type)]
            for row in rel_rows:
                ident = (rel_type, row["src"], row["dst"])
                if ident not in seen:
                    seen.add(ident)
                    csv.write(rel_fields(rel_type, row["src"], row["dst"], row))
        self.stats.documents += 1
        self.stats.tasks += part.tasks
        return True

    def close(self) -> BulkStats:
        """Write the shared nodes and the import command, then move the set into place."""
        for label, known in self._shared.items():
            csv = CsvFile(self._tmp / node_file(label), node_header(label))
            key = NODES[label].key
            for row in known.values():
                csv.write(node_fields(label, row[key], row))
            self._files[node_file(label)] = csv
            csv.close()
        multiline = False
        for csv in self._files.values():
            csv.close()
            multiline |= csv.multiline
        self.stats.nodes = sum(csv.rows for name, csv in self._files.items() if name.startswith("nodes_"))
        self.stats.relationships = sum(
            csv.rows for name, csv in self._files.items() if name.startswith("rels_")
        )
        self.stats.units = len(self._shared["Unit"])
        write_import_command(self._tmp, multiline)
        if self.directory.exists():
            shutil.rmtree(self.directory)
        self._tmp.rename(self.directory)
        return self.stats

    def abort(self) -> None:
        """Drop the unfinished set."""
        for csv in self._files.values():
            csv.close()
        shutil.rmtree(self._tmp, ignore_errors=True)
