"""Hostile files met by the CLI: a folder holding a page nested 200,000 deep, .docx packages that
inflate far past their size or nest their XML 200,000 deep, a PDF whose page tree recurses, and
symbolic links out of the folder; each is reported by name (and limit) while the rest of the batch
is read and loaded. And a ``kill -9`` of a running ``fengong ingest`` leaves no worker behind."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fengong.api.cli import app
from fengong.ingest.errors import DocumentError
from fengong.ingest.limits import ReadLimits
from fengong.ingest.read_folder import expand_inputs
from fengong.ingest.readers import read_path
from tests.conftest import ROOT, SAMPLES
from tests.hostile_files import deep_html, deep_page_tree_pdf, deep_xml_docx, inflating_docx
from tests.server_process import FENGONG, alive, children
from tests.test_resume import _counts

MB = 1024**2
SAMPLE = SAMPLES / "003_120f57233f54217d.txt"
runner = CliRunner()


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    """One real document among hostile files and links out of the folder."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "liaocheng.txt")
    deep_html(folder / "deep.html")
    inflating_docx(folder / "bomb.docx", 300 * MB)
    deep_xml_docx(folder / "deepxml.docx")
    deep_page_tree_pdf(folder / "tree.pdf")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "etc").symlink_to("/etc", target_is_directory=True)
    return folder


EXPECTED_ERRORS = {
    "deep.html": "FENGONG_MAX_NESTING=1000",
    "bomb.docx": "FENGONG_MAX_UNZIPPED=209715200",
    "deepxml.docx": "Excessive depth",
    "tree.pdf": "nests too deeply",
}
EXPECTED_SKIPS = {
    "passwd.txt": "symbolic link to /etc/passwd, outside the folder: not followed",
    "etc": "symbolic link to a folder, not followed",
}


def _check_reports(stderr: str) -> None:
    lines = stderr.splitlines()
    for name, words in EXPECTED_ERRORS.items():
        assert any(name in ln and words in ln and ln.startswith("error") for ln in lines), (name, stderr)
    for name, words in EXPECTED_SKIPS.items():
        assert any(f"/{name}: {words}" in ln and ln.startswith("skipped") for ln in lines), (name, stderr)
    assert "Traceback" not in stderr and "RecursionError" not in stderr


def test_extract_reports_each_hostile_file_and_goes_on(hostile_folder: Path) -> None:
    result = runner.invoke(app, ["extract", str(hostile_folder), "--jsonl"])
    assert result.exit_code == 1  # some files failed
    _check_reports(result.stderr)
    tasks = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(tasks) == 24 and {t["document"] for t in tasks} == {"liaocheng.txt"}
    assert "root:" not in result.stdout  # /etc/passwd was never read


def test_ingest_loads_the_rest_and_the_store_holds_only_it(hostile_folder: Path, tmp_path: Path) -> None:
    data = tmp_path / "store"
    result = runner.invoke(app, ["ingest", str(hostile_folder), "--data", str(data), "--workers", "2"])
    assert result.exit_code == 1
    _check_reports(result.stderr)
    assert "documents 1 loaded, 0 replaced, 0 unchanged, 0 duplicate" in result.stdout
    alone = tmp_path / "alone"
    assert runner.invoke(app, ["ingest", str(SAMPLE), "--data", str(alone)]).exit_code == 0
    assert _counts(data) == _counts(alone)  # nothing of the hostile files reached the store


def test_archive_limits_are_settings_and_headers_are_not_trusted(tmp_path: Path) -> None:
    small = inflating_docx(tmp_path / "small.docx", 3 * MB)
    with pytest.raises(DocumentError, match=r"small\.docx: .*FENGONG_MAX_UNZIPPED=1048576"):
        read_path(small, ReadLimits(max_unzipped=MB))
    with pytest.raises(DocumentError, match=r"small\.docx: .*FENGONG_MAX_ZIP_RATIO=100"):
        read_path(small)  # 3 MB of spaces squeezed a thousandfold
    assert ReadLimits.from_env({"FENGONG_MAX_UNZIPPED": "5", "FENGONG_MAX_ZIP_RATIO": "2.5"}) == ReadLimits(
        max_unzipped=5, max_ratio=2.5
    )
    with pytest.raises(ValueError, match="FENGONG_MAX_NESTING must be positive"):
        ReadLimits.from_env({"FENGONG_MAX_NESTING": "0"})
    # A package whose headers claim 1 KB for a member that inflates to 300 MB: the counting reader
    # never trusts the claim, and the parser never sees the package.
    liar = inflating_docx(tmp_path / "liar.docx", 300 * MB)
    _claim_size(liar, "word/document.xml", 1024)
    with zipfile.ZipFile(liar) as package:
        assert package.getinfo("word/document.xml").file_size == 1024
    with pytest.raises(DocumentError, match=r"liar\.docx: (broken ZIP package|archive inflates)"):
        read_path(liar)


def _claim_size(path: Path, member: str, size: int) -> None:
    """Rewrite ``member``'s uncompressed size in its local header and central directory entry."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    local = data.index(b"PK\x03\x04")
    while data[local + 30 : local + 30 + len(name)] != name:
        local = data.index(b"PK\x03\x04", local + 4)
    data[local + 22 : local + 26] = size.to_bytes(4, "little")
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.index(b"PK\x01\x02", central + 4)
    data[central + 24 : central + 28] = size.to_bytes(4, "little")
    path.write_bytes(bytes(data))


def test_symlinks_inside_the_folder_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SAMPLE, folder / "sub" / "a.txt")
    (folder / "link.txt").symlink_to(folder / "sub" / "a.txt")
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    files, skipped = expand_inputs([folder])
    assert [f.name for f in files] == ["link.txt", "a.txt"]
    assert [(p.name, why) for p, why in skipped] == [
        ("dangling.txt", "symbolic link to nothing readable, not followed")
    ]


@pytest.mark.slow
def test_kill_9_of_a_running_ingest_leaves_no_worker(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = b"\n".join(p.read_bytes() for p in sorted(SAMPLES.glob("*.txt")))
    for i in range(40):  # slow enough per file that the workers are busy when the parent dies
        (corpus / f"{i:03}.txt").write_bytes(text * 8 + f"\n{i}\n".encode())
    env = {**os.environ, "FENGONG_STORE": "embedded", "FENGONG_DATA": str(tmp_path / "store")}
    cmd = [*FENGONG, "ingest", str(corpus), "--workers", "2"]
    ingest = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers := children(ingest.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(workers) >= 2, "the workers did not start"
        time.sleep(1.0)  # extracting now
        assert all(alive(pid) for pid in workers)
        ingest.send_signal(signal.SIGKILL)
        ingest.wait(10)
        deadline = time.monotonic() + 5
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [pid for pid in workers if alive(pid)] == []
    finally:  # leave nothing running, even when the test fails
        if ingest.poll() is None:
            ingest.kill()
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
