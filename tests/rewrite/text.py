"""Text helpers of the rewrite generator: bracket spans, annotations, lists, numbering."""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = "（(〔[【"
CLOSE = "）)〕]】"
PAIR = dict(zip(OPEN, CLOSE, strict=True))
ROLE_CUE = re.compile(r"牵头|配合|责任单位|责任部门|负责|协同|协办|主办|参与|会同")
LABEL = re.compile(
    r"(牵头单位|牵头部门|主办单位|配合单位|配合部门|协同单位|协办单位|参与单位|责任单位|责任部门)[:：]"
)
LIST_END = "；;）)〕]】\n\t。"


@dataclass(frozen=True)
class Span:
    """A bracketed span: ``start`` is the opening bracket, ``end`` one past the closing one."""

    start: int
    end: int

    def content(self, text: str) -> str:
        return text[self.start + 1 : self.end - 1]


def bracket_spans(text: str) -> list[Span]:
    """Outermost bracket spans, nesting followed across bracket kinds; unbalanced ones skipped."""
    out: list[Span] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in OPEN:
            stack.append((ch, i))
        elif ch in CLOSE:
            if stack and PAIR[stack[-1][0]] == ch:
                _, s = stack.pop()
                if not stack:
                    out.append(Span(s, i + 1))
            else:
                stack.clear()
        elif ch == "\n":
            stack.clear()
    return out


def annotation_spans(text: str) -> list[Span]:
    """Bracket spans that assign units: a role word inside, more than a bare marker (（牵头）)."""
    return [s for s in bracket_spans(text) if ROLE_CUE.search(s.content(text)) and len(s.content(text)) >= 5]


def depth0(text: str, chars: str) -> list[int]:
    """Positions of ``chars`` that are not inside brackets of ``text``."""
    out, depth = [], 0
    for i, ch in enumerate(text):
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in chars:
            out.append(i)
    return out


def split0(text: str, chars: str) -> list[str]:
    """Split at depth-0 occurrences of ``chars``."""
    parts, last = [], 0
    for i in depth0(text, chars):
        parts.append(text[last:i])
        last = i + 1
    parts.append(text[last:])
    return parts


def label_lists(text: str) -> list[tuple[int, int]]:
    """(start, end) of the unit list after every role label (责任单位：A、B、C), up to its end."""
    out = []
    for m in LABEL.finditer(text):
        i, depth = m.end(), 0
        while i < len(text):
            ch = text[i]
            if ch in OPEN:
                depth += 1
            elif ch in CLOSE:
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and ch in LIST_END:
                break
            i += 1
        if i > m.end():
            out.append((m.end(), i))
    return out


CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1..99 in Chinese numerals (十一, 二十三)."""
    tens, ones = divmod(n, 10)
    if n < 10:
        return CN_DIGITS[n]
    head = "" if tens == 1 else CN_DIGITS[tens]
    return head + "十" + (CN_DIGITS[ones] if ones else "")


def cn_value(s: str) -> int:
    """The value of a Chinese numeral of 1..99."""
    if "十" not in s:
        return CN_DIGITS.index(s)
    head, _, tail = s.partition("十")
    return (CN_DIGITS.index(head) if head else 1) * 10 + (CN_DIGITS.index(tail) if tail else 0)


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CN = "[一二三四五六七八九十]{1,3}"
# Numbering styles at the start of a line: name -> (pattern with the number in group 2, writer).
NUMBERING: dict[str, tuple[re.Pattern[str], str]] = {
    "cn_dun": (re.compile(rf"^([ \t　]*)({_CN})、"), "{cn}、"),
    "cn_paren": (re.compile(rf"^([ \t　]*)[（(]({_CN})[）)]"), "（{cn}）"),
    "ar_dot": (re.compile(r"^([ \t　]*)(\d{1,2})[.．、](?=\S)"), "{n}."),
    "ar_paren": (re.compile(r"^([ \t　]*)[（(](\d{1,2})[）)]"), "（{n}）"),
    "circled": (re.compile(rf"^([ \t　]*)([{CIRCLED}])"), "{c}"),
    # (articles, 第三条 推进X。, number items as 3. does)
    "article": (re.compile(rf"^([ \t　]*)第({_CN})条[ \t　]*"), "第{cn}条 "),
}


def number_value(style: str, token: str) -> int:
    """The integer a numbering token stands for."""
    if style.startswith("cn") or style == "article":
        return cn_value(token)
    if style == "circled":
        return CIRCLED.index(token) + 1
    return int(token)


def write_number(style: str, n: int) -> str:
    """The numbering token of ``n`` in ``style``."""
    fmt = NUMBERING[style][1]
    return fmt.format(cn=cn_number(n), n=n, c=CIRCLED[n - 1] if n <= len(CIRCLED) else "")


@dataclass(frozen=True)
class Table:
    """A text table: its header line and row lines (indexes into the document's lines)."""

    header: int
    rows: tuple[int, ...]
    cells: int


HEADER_WORD = re.compile(r"单位|部门")


def text_tables(lines: list[str]) -> list[Table]:
    """Regular tab-separated tables: a header with a unit column, then rows of as many cells.
    Irregular tables (broken rows, repeated headers) are left out."""
    out = []
    i = 0
    while i < len(lines):
        cells = lines[i].split("\t")
        if len(cells) >= 3 and any(HEADER_WORD.search(c) and len(c.strip()) <= 6 for c in cells):
            rows = []
            j = i + 1
            while j < len(lines) and lines[j].count("\t") == len(cells) - 1 and lines[j].strip():
                rows.append(j)
                j += 1
            regular = j >= len(lines) or "\t" not in lines[j]
            repeated = sum(line == lines[i] for line in lines) > 1
            if len(rows) >= 2 and regular and not repeated:
                out.append(Table(i, tuple(rows), len(cells)))
            i = j
        else:
            i += 1
    return out


def line_starts(lines: list[str]) -> list[int]:
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return starts
