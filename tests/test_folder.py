"""A page read with its attachments (附件) as one document, and folders walked into the documents
they hold, with what was left out and why."""

from __future__ import annotations

import html
import logging
from pathlib import Path

import pytest

from fengong.ingest.errors import DocumentError
from fengong.ingest.read_folder import expand_inputs, iter_documents
from fengong.ingest.read_page import attachment_links
from fengong.ingest.readers import read_path
from tests.office_docs import (
    docx_from_text,
    requires_soffice,
    sample,
    soffice_convert,
    strict_f1,
    xlsx_from_text,
)


def _page(path: Path, paragraphs: list[str], links: list[tuple[str, str]], charset: str = "utf-8") -> None:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    anchors = "".join(f'<p><a href="{href}">{html.escape(label)}</a></p>' for href, label in links)
    page = (
        f'<html><head><meta charset="{charset}"><title>通知</title></head>'
        f"<body><div class=nav><a href='index.html'>首页</a></div>{body}{anchors}</body></html>"
    )
    path.write_bytes(page.encode(charset))


def _split_004() -> tuple[list[str], str]:
    """Sample 004 cut where its task table (附件 2) starts: the notice, and the attachment."""
    lines = sample("004").read_text(encoding="utf-8").split("\n")
    cut = lines.index("附件 2")
    return [ln for ln in lines[:cut] if ln.strip()], "\n".join(lines[cut:])


@pytest.mark.parametrize(
    "fmt",
    [
        "docx",
        "xlsx",
        pytest.param("pdf", marks=requires_soffice),
        pytest.param("doc", marks=requires_soffice),
        pytest.param("xls", marks=requires_soffice),
    ],
)
def test_page_with_its_table_attachment_scores_like_the_text(fmt: str, tmp_path: Path) -> None:
    notice, attachment = _split_004()
    folder = tmp_path / "site"
    folder.mkdir()
    if fmt in ("xlsx", "xls"):
        made = folder / "P020200611.xlsx"
        xlsx_from_text(attachment, made)
    else:
        made = folder / "P020200611.docx"
        docx_from_text(attachment, made)
    if fmt in ("pdf", "doc", "xls"):
        made = soffice_convert([made], fmt, folder)[0]
    _page(folder / "t20200611.html", notice, [(made.name, "附件2：泽州县5G产业发展任务分工表")], "gbk")
    source = sample("004")
    txt = strict_f1(source, source.name, tmp_path)
    page = strict_f1(folder / "t20200611.html", source.name, tmp_path)
    print(f"004 as page + {fmt} attachment: txt F1 {txt:.4f}, page F1 {page:.4f}")
    assert abs(page - txt) <= 0.01


def test_attachments_follow_the_page_in_link_order(tmp_path: Path) -> None:
    (tmp_path / "files").mkdir()
    docx_from_text("序号\t任务内容\t牵头单位\n1\t推进5G基站建设。\t市工信局", tmp_path / "files" / "b.docx")
    (tmp_path / "a.txt").write_text("附件1\n工作专班名单", encoding="utf-8")
    (tmp_path / "other.pdf").write_bytes(b"%PDF-1.4 not linked")
    (tmp_path.parent / "outside.txt").write_text("outside", encoding="utf-8")
    links = [
        ("a.txt", "附件一：工作专班名单"),
        ("files/b.docx#page=1", "附件2：任务分工表"),
        ("a.txt", "附件1 again"),  # the same file twice is read once
        ("../outside.txt", "附件3"),  # outside the page's folder
        ("http://www.gov.cn/x.pdf", "附件4"),  # never fetched
        ("/abs.doc", "附件5"),
        ("missing.docx", "附件6"),
    ]
    _page(tmp_path / "notice.html", ["关于印发实施方案的通知", "各有关单位："], links)
    found = attachment_links(tmp_path / "notice.html")
    assert [(a.number, a.path.name) for a in found] == [(1, "a.txt"), (2, "b.docx")]
    text = read_path(tmp_path / "notice.html")
    lines = text.split("\n")
    assert lines[:3] == ["首页", "关于印发实施方案的通知", "各有关单位："]
    first = lines.index("附件1")
    assert lines.count("附件1") == 1  # the attachment's own heading is not doubled
    assert lines[first + 1] == "工作专班名单"
    second = lines.index("附件2")
    assert second > first
    assert lines[second + 1 :] == ["", "序号\t任务内容\t牵头单位", "1\t推进5G基站建设。\t市工信局", "", ""]


def test_unreadable_attachment_leaves_the_page(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"<html>an error page saved as pdf</html>")
    _page(tmp_path / "notice.html", ["关于印发实施方案的通知"], [("scan.pdf", "附件1")])
    with caplog.at_level(logging.WARNING):
        text = read_path(tmp_path / "notice.html")
    assert text == "首页\n关于印发实施方案的通知\n附件1"  # the page alone (its link text included)
    assert "scan.pdf" in caplog.text and "not a PDF file" in caplog.text


def _site(root: Path) -> None:
    (root / "2020" / ".git").mkdir(parents=True)
    (root / "2020" / ".git" / "config.txt").write_text("x", encoding="utf-8")
    docx_from_text(
        "附件1\n序号\t任务内容\t牵头单位\n1\t推进5G基站建设。\t市工信局", root / "2020" / "fj1.docx"
    )
    _page(root / "2020" / "notice.html", ["关于印发实施方案的通知"], [("fj1.docx", "附件1")])
    (root / "plan.txt").write_text("推进5G基站建设。（责任单位：市工信局）", encoding="utf-8")
    (root / "broken.pdf").write_bytes(b"not a pdf")
    (root / "~$plan.docx").write_bytes(b"owner file")
    (root / ".hidden.txt").write_text("x", encoding="utf-8")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (root / "README").write_text("readme", encoding="utf-8")


def test_folder_walk_picks_documents_and_says_what_it_skipped(tmp_path: Path) -> None:
    _site(tmp_path)
    files, skipped = expand_inputs([tmp_path])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "broken.pdf",
        "plan.txt",
        "2020/notice.html",
    ]
    reasons = {p.relative_to(tmp_path).as_posix(): why for p, why in skipped}
    assert reasons == {
        "~$plan.docx": "temporary file",
        ".hidden.txt": "hidden file",
        "photo.jpg": "unsupported format (.jpg)",
        "README": "no file suffix",
        "2020/.git": "hidden folder",
        "2020/fj1.docx": "attachment of notice.html, read with it",
    }


def test_named_files_are_kept_as_given(tmp_path: Path) -> None:
    _site(tmp_path)
    attachment = tmp_path / "2020" / "fj1.docx"
    files, skipped = expand_inputs([attachment, tmp_path / "missing.txt", attachment, tmp_path / "2020"])
    assert files == [attachment, tmp_path / "missing.txt", tmp_path / "2020" / "notice.html"]
    assert [(p.name, why) for p, why in skipped] == [
        (".git", "hidden folder"),
        ("fj1.docx", "attachment of notice.html, read with it"),
    ]


def test_iter_documents_reads_each_file_or_says_why_not(tmp_path: Path) -> None:
    _site(tmp_path)
    results = {p.name: r for p, r in iter_documents(tmp_path)}
    assert set(results) == {"broken.pdf", "plan.txt", "notice.html"}
    assert isinstance(results["broken.pdf"], DocumentError)
    assert "broken.pdf: not a PDF file" in str(results["broken.pdf"])
    assert results["plan.txt"] == "推进5G基站建设。（责任单位：市工信局）"
    notice = results["notice.html"]
    assert isinstance(notice, str)
    assert "附件1\n\n序号\t任务内容\t牵头单位\n1\t推进5G基站建设。\t市工信局" in notice
    assert list(iter_documents(tmp_path / "plan.txt")) == [(tmp_path / "plan.txt", results["plan.txt"])]
