"""File bytes -> text. Detects the encoding (never guesses wrongly: BOMs first, strict UTF-8,
then the Chinese legacy encodings, then charset-normalizer) and refuses what is not a document."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from fengong.ingest.errors import DocumentError

# Above this share of control characters a byte string is binary, whatever decodes.
_MAX_CONTROL_SHARE = 0.01
_CJK_LEGACY = ("gb18030", "big5")
# Counted by regex, not per character in Python: this runs over every document's whole text.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")
# Runs, not single characters: Chinese text is long runs of them, so few matches to count.
_CJK_RUNS = re.compile("[\u4e00-\u9fff]+")


def _control_share(text: str) -> float:
    """Share of control characters (other than tab and line breaks) and replacement characters."""
    if not text or _CONTROL.search(text) is None:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def _cjk_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return sum(map(len, _CJK_RUNS.findall(sample))) / len(sample)


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode a plain-text document, raising DocumentError naming ``name`` when it is not one."""
    if not data.strip():
        raise DocumentError(name, "empty file")
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked(data.decode(enc), name)
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    name, f"has a {enc} byte-order mark but does not decode: {exc.reason}"
                ) from exc
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is not None:
            return _checked(text, name)
        raise DocumentError(name, "binary file (NUL bytes), not a text document")
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError as exc:
        # A UTF-8 file cut off inside its last character is still UTF-8, not GB18030 mojibake.
        if exc.start >= len(data) - 3 and "end of data" in exc.reason:
            return _checked(data[: exc.start].decode("utf-8", errors="strict"), name)
    # Government text that is not UTF-8 is almost always GB18030 (a superset of GBK / GB2312).
    for enc in _CJK_LEGACY:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _cjk_share(text) > 0.2 and _control_share(text) < _MAX_CONTROL_SHARE:
            return text
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DocumentError(name, "undecodable: not UTF-8, UTF-16, GB18030/GBK or any known encoding")
    return _checked(str(best), name)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NULs sit at every other byte of ASCII text."""
    even, odd = data[0:4096:2].count(0), data[1:4096:2].count(0)
    for enc, ok in (("utf-16-le", odd > even), ("utf-16-be", even > odd)):
        if ok:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def _checked(text: str, name: str) -> str:
    if _control_share(text) >= _MAX_CONTROL_SHARE:
        raise DocumentError(name, "binary content (control characters), not a text document")
    if not text.strip():
        raise DocumentError(name, "empty document (only whitespace)")
    return text


def read_text(path: Path) -> str:
    """Read a plain-text document from disk with its encoding detected."""
    try:
        with open(path, "rb", buffering=0) as f:  # unbuffered: one read of the whole file
            data = f.readall()
    except OSError as exc:
        raise DocumentError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    return decode_bytes(data, str(path))
