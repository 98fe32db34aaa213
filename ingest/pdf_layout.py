"""PDF page items -> document text. A PDF knows only positioned lines: this module drops running
headers, footers and page numbers, joins lines that the page width wrapped back into paragraphs
(also across page breaks), and joins tables that a page break cut in two, so the text reads like
the .txt and .docx versions of the same document."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

# "- 3 -", "—3—", "3", "第3页", "第 3 页 共 10 页", "3/10"
_PAGE_NUMBER = re.compile(
    r"^[-—–－_\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*(?:/|共)\s*\d{1,4}\s*页?)?[-—–－_\s]*$"
)
# Lines that start a new paragraph whatever the previous line looked like: outline numbering.
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,3}[.、．](?!\d)"
    r"|第[一二三四五六七八九十百\d]+[章节条部分]|附件\s*\d*\s*$)"
)
_EDGE_ZONE = 0.12  # share of the page height at the top and bottom where running lines live


@dataclass(slots=True)
class TextLine:
    """One line of text outside tables, with its box (points, top-left origin) and font size."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    lead: float = 0.0  # width of the first unbreakable piece: what could not fit on the line above


@dataclass(slots=True)
class TableBlock:
    """A ruled table on one page: its top edge and its rows of cell texts."""

    top: float
    rows: list[list[str]]


@dataclass(slots=True)
class PageItems:
    """What one page holds."""

    width: float
    height: float
    lines: list[TextLine] = field(default_factory=list)
    tables: list[TableBlock] = field(default_factory=list)


def _glue(a: str, b: str) -> str:
    # Chinese has no spaces between words; only two Latin words or numbers need one.
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return f"{a} {b}"
    return a + b


def _ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def lead_width(chars: list[tuple[str, float, float]]) -> float:
    """Width of a line's first piece that a line break cannot split: punctuation, Latin words and
    numbers up to and including the first Chinese character, with the punctuation after it
    ("〔2019〕187号）", "（市、", "5G+AR/VR", "人，"). ``chars`` are (text, x0, x1)."""
    if not chars:
        return 0.0
    end = 0
    while end < len(chars) and not _ideograph(chars[end][0]) and not chars[end][0].isspace():
        end += 1
    if end < len(chars) and _ideograph(chars[end][0]):
        end += 1
        while end < len(chars) and not _ideograph(chars[end][0]) and not chars[end][0].isalnum():
            if chars[end][0].isspace():
                break
            end += 1
    end = max(end, 1)
    return chars[end - 1][2] - chars[0][1]


def join_cell_lines(text: str) -> str:
    """A table cell's wrapped lines as one line (no tabs, no spaces inserted inside Chinese)."""
    out = ""
    for piece in text.replace("\t", " ").split("\n"):
        out = _glue(out, " ".join(piece.split()))
    return out


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def drop_running_lines(pages: list[PageItems]) -> None:
    """Remove page numbers and headers/footers repeated on many pages (in place)."""

    def at_edge(page: PageItems, line: TextLine) -> bool:
        return line.top < page.height * _EDGE_ZONE or line.bottom > page.height * (1 - _EDGE_ZONE)

    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_running_key(ln.text) for ln in page.lines if at_edge(page, ln)})
    repeated = {k for k, n in counts.items() if len(pages) >= 3 and n >= max(3, len(pages) // 2)}
    for page in pages:
        page.lines = [
            ln
            for ln in page.lines
            if not (at_edge(page, ln) and (_PAGE_NUMBER.match(ln.text) or _running_key(ln.text) in repeated))
        ]


@dataclass(slots=True)
class _Margins:
    left: float
    right: float


def _margins(pages: list[PageItems]) -> dict[int, _Margins]:
    """Body margins per page width (portrait and landscape pages differ): the right edge is the
    widest line; the left edge is where full lines most often start."""
    by_width: dict[int, list[TextLine]] = {}
    for page in pages:
        by_width.setdefault(round(page.width), []).extend(page.lines)
    out = {}
    for width, lines in by_width.items():
        if not lines:
            continue
        right = max(ln.x1 for ln in lines)
        full = Counter(round(ln.x0) for ln in lines if ln.x1 >= right - 2 * ln.size)
        starts = [x for x, n in full.items() if n >= 2] or [round(min(ln.x0 for ln in lines))]
        out[width] = _Margins(left=min(starts), right=right)
    return out


def _typical_pitch(pages: list[PageItems], margins: dict[int, _Margins]) -> float:
    """Line pitch inside a paragraph, in font sizes: the median step after a full line."""
    steps = []
    for page in pages:
        m = margins.get(round(page.width))
        lines = sorted(page.lines, key=lambda ln: ln.top)
        for a, b in pairwise(lines):
            if m and a.size and a.x1 >= m.right - 2 * a.size and b.top > a.top:
                steps.append((b.top - a.top) / a.size)
    steps.sort()
    return steps[len(steps) // 2] if steps else 1.5


def _marks_paragraphs(pages: list[PageItems], margins: dict[int, _Margins], pitch: float) -> bool:
    """Whether the document starts its paragraphs visibly: a first-line indent (首行缩进) or space
    between paragraphs. Then a line ending a few characters short is a ragged wrap (a Latin word
    or a bracket that could not be split), not a paragraph end."""
    lines = indented = steps = spaced = 0
    for page in pages:
        m = margins.get(round(page.width))
        if m is None:
            continue
        ordered = sorted(page.lines, key=lambda ln: ln.top)
        for a, b in pairwise(ordered):
            steps += 1
            spaced += (b.top - a.top) > (pitch + 0.35) * a.size
        for ln in ordered:
            lines += 1
            indented += m.left + 1.5 * ln.size <= ln.x0 <= m.left + 2.5 * ln.size
    return bool(lines) and (indented >= 0.1 * lines or spaced >= 0.05 * max(steps, 1))


def _continues(a: TextLine, b: TextLine, m: _Margins, pitch: float | None, marked: bool) -> bool:
    """Whether line ``b`` goes on with the paragraph that line ``a`` wrapped. ``pitch`` is None
    across a page break, where the vertical step says nothing."""
    size = a.size or 10.0
    # A line ends its paragraph when the next line's first piece would have fitted after it.
    room = max(2 * size, b.lead + 0.5 * size, 5 * size if marked else 0.0)
    if m.right - a.x1 > room:
        return False
    if b.x0 > m.left + 0.8 * size:  # an indented line starts one
        return False
    if abs(b.size - a.size) > 0.15 * size:  # a change of font size: a heading
        return False
    if _HEADING.match(b.text):
        return False
    return pitch is None or (b.top - a.top) <= (pitch + 0.35) * size


def _merge_tables(a: TableBlock, b: TableBlock) -> bool:
    """Append ``b`` (the same table continued on the next page) to ``a``; False when ``b`` is
    another table."""
    width = max(len(r) for r in a.rows)
    if max(len(r) for r in b.rows) != width:
        return False
    rows = b.rows[1:] if b.rows[0] == a.rows[0] else b.rows  # the header row repeated
    if rows and a.rows:
        first = rows[0]
        numbered = [r[0] for r in a.rows[1:] if r and r[0]]
        seq_column = numbered and sum(x.isdigit() for x in numbered) >= 0.8 * len(numbered)
        # A row that the page break cut: its rest comes without the sequence number.
        if seq_column and not first[0] and len(first) == len(a.rows[-1]):
            a.rows[-1] = [_glue(x, y) for x, y in zip(a.rows[-1], first, strict=True)]
            rows = rows[1:]
    a.rows.extend(rows)
    return True


def layout_text(pages: list[PageItems]) -> str:
    """The document's text: paragraphs one per line, tables as tab-separated rows."""
    drop_running_lines(pages)
    margins = _margins(pages)
    pitch = _typical_pitch(pages, margins)
    marked = _marks_paragraphs(pages, margins, pitch)
    out: list[str | TableBlock] = []
    last: TextLine | None = None  # the line the current paragraph ends with
    last_page = -1
    for index, page in enumerate(pages):
        m = margins.get(round(page.width))
        items: list[TextLine | TableBlock] = [*page.lines, *page.tables]
        items.sort(key=lambda it: it.top)
        for item in items:
            if isinstance(item, TableBlock):
                if last is None and out and isinstance(out[-1], TableBlock) and _merge_tables(out[-1], item):
                    continue
                out.append(item)
                last = None
                continue
            step = pitch if index == last_page else None
            if (
                last is not None
                and m is not None
                and isinstance(out[-1], str)
                and _continues(last, item, m, step, marked)
            ):
                out[-1] = _glue(out[-1], item.text)
            else:
                out.append(item.text)
            last, last_page = item, index
    lines: list[str] = []
    for part in out:
        if isinstance(part, TableBlock):
            lines.extend(["", *("\t".join(r) for r in part.rows), ""])
        else:
            lines.append(part)
    return "\n".join(lines)
