"""The bulk path: files -> a neo4j-admin CSV set (``fengong ingest --bulk-csv``), which
``neo4j-admin database import full`` turns into the same graph the transactional loader builds."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fengong.api.cli import app
from fengong.bulk import bulk_csv_paths
from fengong.graph import bulk_csv
from fengong.graph.bulk_csv import BulkCsvWriter, document_part
from fengong.graph.embedded import EmbeddedStore
from fengong.graph.export.admin_csv import admin_import_args
from fengong.graph.settings import settings_from_env
from fengong.graph.store import GraphStore, StoreError, open_store
from tests.conftest import SAMPLES
from tests.fixtures_docs import edited, kaifeng
from tests.neo4j_admin import served_import
from tests.store_fixtures import dump

pytest_plugins = ("tests.test_export_support", "tests.store_fixtures")
runner = CliRunner()


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))[1:]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The samples, one of them again under another name, and a binary file."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    first = sorted(SAMPLES.glob("*.txt"))[0]
    shutil.copy(first, folder / ("copy-of-" + first.name))
    (folder / "scan.txt").write_bytes(bytes(range(256)) * 20)
    return folder


def test_cli_writes_a_set_skipping_duplicates_and_naming_broken_files(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "set"
    result = runner.invoke(app, ["ingest", str(corpus), "--bulk-csv", str(out), "--workers", "1"])
    assert result.exit_code == 1  # one broken file; the others are written
    assert "scan.txt" in result.stderr and "binary" in result.stderr
    assert "documents 5 written" in result.stdout and "1 duplicate" in result.stdout
    assert len(_rows(out / "nodes_Document.csv")) == 5
    assert not (tmp_path / "set.partial").exists()
    args = (out / "import.args").read_text(encoding="utf-8").split()
    assert "--nodes=nodes_Task.csv" in args and "--relationships=rels_LEADS.csv" in args


def test_an_identical_copy_is_a_duplicate_without_a_warning(tmp_path: Path) -> None:
    # Same title, place and number: the same document id. An identical copy loses nothing, so
    # only another text under that id deserves "the first one is kept".
    sample = next(SAMPLES.glob("003_*.txt"))
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sample, folder / "a.txt")
    shutil.copy(sample, folder / "b-copy.txt")
    (folder / "c-edited.txt").write_text(
        sample.read_text(encoding="utf-8") + "\n附件：无\n", encoding="utf-8"
    )
    report = bulk_csv_paths([folder], tmp_path / "set", workers=1)
    assert (report.loaded, report.duplicates) == (1, 2)
    kept = [w for w in report.warnings if "the first one is kept" in w]
    assert len(kept) == 1 and "c-edited.txt" in kept[0]


def test_shared_nodes_and_edges_are_written_once(corpus: Path, tmp_path: Path) -> None:
    report = bulk_csv_paths([corpus], tmp_path / "set", workers=2)
    assert (report.loaded, report.duplicates, len(report.errors)) == (5, 1, 1)
    units = [row[0] for row in _rows(tmp_path / "set" / "nodes_Unit.csv")]
    assert len(units) == len(set(units)) == report.units
    ins = [tuple(row[:2]) for row in _rows(tmp_path / "set" / "rels_IN.csv")]
    assert len(ins) == len(set(ins)) == len(units)  # every unit in one place, once


def test_an_interrupted_run_leaves_no_set(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0
    real_add = BulkCsvWriter.add

    def failing_add(self: BulkCsvWriter, part: bulk_csv.CsvPart) -> bool:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise KeyboardInterrupt
        return real_add(self, part)

    monkeypatch.setattr(BulkCsvWriter, "add", failing_add)
    with pytest.raises(KeyboardInterrupt):
        bulk_csv_paths([corpus], tmp_path / "set", workers=1)
    assert not (tmp_path / "set").exists() and not (tmp_path / "set.partial").exists()


def test_a_document_id_seen_again_keeps_the_first_version(tmp_path: Path) -> None:
    writer = BulkCsvWriter(tmp_path / "set")
    doc = kaifeng()
    assert writer.add(document_part(doc, {}))
    assert not writer.add(document_part(edited(doc), {}))
    stats = writer.close()
    assert stats.documents == 1 and stats.skipped == [doc.id]
    assert len(_rows(tmp_path / "set" / "nodes_Task.csv")) == len(doc.tasks)


def test_refuses_to_replace_a_directory_it_did_not_write(tmp_path: Path) -> None:
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.docx").write_bytes(b"...")
    with pytest.raises(FileExistsError, match="not a CSV set"):
        BulkCsvWriter(precious)
    assert (precious / "thesis.docx").exists()


@pytest.fixture
def bulk_imported(tmp_path: Path) -> Iterator[GraphStore]:
    """A Neo4j whose database neo4j-admin built from the samples' bulk CSV set."""
    out = tmp_path / "set"
    report = bulk_csv_paths([SAMPLES], out, workers=2)
    assert report.loaded == 5 and not report.errors
    with served_import(admin_import_args(out), tmp_path / "neo4j-home") as store:
        yield store


@pytest.mark.neo4j
def test_bulk_import_builds_the_graph_the_loader_builds(
    sample_store: GraphStore, bulk_imported: GraphStore
) -> None:
    assert bulk_imported.counts() == sample_store.counts()
    assert dump(bulk_imported) == dump(sample_store)


def test_embedded_bulk_load_builds_the_graph_the_loader_builds(
    sample_store: GraphStore, tmp_path: Path
) -> None:
    data = tmp_path / "store"
    result = runner.invoke(
        app, ["ingest", str(SAMPLES), "--bulk", "--store", "embedded", "--data", str(data)]
    )
    assert result.exit_code == 0, result.stderr
    assert "documents 5 loaded" in result.stdout
    store = open_store(settings_from_env({}, store="embedded", data_dir=data))
    try:
        assert dump(store) == dump(sample_store)
    finally:
        store.close()
    assert [p.name for p in data.iterdir() if p.name.startswith("fengong-bulk-")] == []


def test_cli_bulk_takes_the_copy_path_and_refuses_a_store_that_holds_documents(tmp_path: Path) -> None:
    # A transactional ingest would take the second run as "5 unchanged"; the bulk path refuses it
    # before reading a file, and leaves the store as it was.
    args = ["ingest", str(SAMPLES), "--bulk", "--store", "embedded", "--data", str(tmp_path / "store")]
    assert runner.invoke(app, args).exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 1
    assert "bulk load failed: a bulk load needs an empty store" in again.stderr
    assert "documents" not in again.stdout  # no summary: nothing was read
    assert "0/?" not in again.stderr  # refused before the progress bar is drawn
    assert again.stderr.startswith("error: bulk load failed")  # nor a blank line before it
    store = open_store(settings_from_env({}, store="embedded", data_dir=tmp_path / "store"))
    try:
        assert store.counts()["Document"] == 5
    finally:
        store.close()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--store", "neo4j"], "--bulk loads only an empty embedded store"),
        (["--bulk-csv", "{tmp}/set"], "choose one"),
    ],
)
def test_cli_bulk_refuses_neo4j_and_bulk_csv(tmp_path: Path, extra: list[str], message: str) -> None:
    extra = [a.format(tmp=tmp_path) for a in extra]
    args = ["ingest", str(SAMPLES), "--bulk", "--data", str(tmp_path / "store"), *extra]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert not (tmp_path / "store").exists() and not (tmp_path / "set").exists()


def test_embedded_bulk_load_refuses_a_store_that_holds_documents(tmp_path: Path) -> None:
    bulk_csv_paths([SAMPLES], tmp_path / "set", workers=1)
    store = EmbeddedStore(settings_from_env({}, store="embedded", data_dir=tmp_path / "store"))
    try:
        store.load_document(kaifeng())
        before = store.counts()
        with pytest.raises(StoreError, match="needs an empty store"):
            store.bulk_load(tmp_path / "set")
        assert store.counts() == before
    finally:
        store.close()


def test_a_failed_copy_leaves_the_embedded_store_empty(tmp_path: Path) -> None:
    out = tmp_path / "set"
    bulk_csv_paths([SAMPLES], out, workers=1)
    with (out / "rels_LEADS.csv").open("a", encoding="utf-8") as fh:
        fh.write('"no-such-unit","no-such-task",LEADS,"lead",,,,,\n')  # an edge to nowhere
    store = EmbeddedStore(settings_from_env({}, store="embedded", data_dir=tmp_path / "store"))
    try:
        with pytest.raises(StoreError, match=r"rels_LEADS\.csv"):
            store.bulk_load(out)
        counts = store.counts()
        assert counts["nodes"] == counts["relationships"] == 0
        store.load_document(kaifeng())  # and the store still works
        assert store.counts()["Task"] == len(kaifeng().tasks)
    finally:
        store.close()
