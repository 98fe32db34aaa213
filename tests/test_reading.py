"""Encodings are detected, never guessed wrongly; what is not a document gets one clear error."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from fengong.ingest.errors import DocumentError
from fengong.ingest.reading import decode_bytes, read_text

TEXT = "泽州县人民政府\n（责任单位：县工业和信息化局、县发展和改革委员会）\n2020年6月11日\n" * 3


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-bom", "utf16le", "utf16be", "utf16be-bom"],
)
def test_encodings_round_trip(data: bytes) -> None:
    assert decode_bytes(data, "x.txt") == TEXT


def test_truncated_utf8_stays_utf8() -> None:
    data = TEXT.encode("utf-8")[:-2]  # cut inside the last character
    text = decode_bytes(data, "cut.txt")
    assert text.startswith("泽州县人民政府")
    assert "\ufffd" not in text


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b" \n\t ", "empty"),
        (bytes(range(256)) * 40, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(2000), "binary"),
    ],
)
def test_not_a_document(data: bytes, problem: str) -> None:
    with pytest.raises(DocumentError) as info:
        decode_bytes(data, "bad.bin")
    assert "bad.bin" in str(info.value)
    assert problem in str(info.value)


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=r"nope\.txt"):
        read_text(tmp_path / "nope.txt")
