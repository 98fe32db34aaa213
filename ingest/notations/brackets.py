"""The one bracket scanner: which bracket closes which, how deep a position is, and where a text
splits at bracket depth zero. Bracket pairs come from ``units.yaml`` (``brackets``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from fengong.ingest.vocab import VocabularyError, load_yaml


@dataclass(frozen=True)
class Brackets:
    """Opening and closing characters, and patterns that visit only brackets (and a few stops)."""

    open: str
    close: str
    any_bracket: re.Pattern[str]
    flat: re.Pattern[str]  # a run without brackets or line ends


@cache
def brackets() -> Brackets:
    """The bracket pairs of ``units.yaml``."""
    pairs = load_yaml("units.yaml").get("brackets")
    if not isinstance(pairs, list) or not all(isinstance(p, str) and len(p) == 2 for p in pairs):
        raise VocabularyError("ingest/data/units.yaml: 'brackets' must list two-character pairs")
    opening = "".join(p[0] for p in pairs)
    closing = "".join(p[1] for p in pairs)
    both = re.escape(opening + closing)
    return Brackets(opening, closing, re.compile(f"[{both}]"), re.compile(f"[^{both}\n]*"))


@lru_cache(maxsize=64)
def _marks(stops: str) -> re.Pattern[str]:
    """A pattern that visits brackets and the ``stops`` characters only."""
    b = brackets()
    return re.compile("[" + re.escape(b.open + b.close + stops) + "]")


def matching_close(text: str, open_at: int, line_bound: bool = True) -> int:
    """Index of the bracket closing the one at ``open_at``; the line end (or the text's end) when
    none closes it. ``line_bound=False`` lets the group run across lines."""
    b = brackets()
    if line_bound:
        # Most brackets hold no other: then the next bracket or line end is the answer.
        flat = b.flat.match(text, open_at + 1)
        end = flat.end() if flat else len(text)
        if end >= len(text) or text[end] not in b.open:
            return end
    depth = 0
    for m in _marks("\n" if line_bound else "").finditer(text, open_at):
        ch = m.group()
        if ch in b.open:
            depth += 1
        elif ch in b.close:
            depth -= 1
            if depth == 0:
                return m.start()
        else:
            return m.start()
    return len(text)


def depth_at(text: str, pos: int, line_bound: bool = False) -> int:
    """How many brackets are open at ``pos`` (a stray closing bracket never makes it negative).
    ``line_bound``: count from the start of ``pos``'s line (groups never span lines)."""
    b = brackets()
    depth = 0
    start = text.rfind("\n", 0, pos) + 1 if line_bound else 0
    for m in b.any_bracket.finditer(text, start, pos):
        depth = depth + 1 if m.group() in b.open else max(0, depth - 1)
    return depth


@lru_cache(maxsize=64)
def _separator_re(separators: str) -> re.Pattern[str]:
    """A pattern that matches any one of ``separators`` (single characters)."""
    return re.compile("[" + re.escape(separators) + "]")


def split_top(text: str, separators: str, base: int = 0) -> list[tuple[str, int, int]]:
    """``text`` split on any of ``separators`` at bracket depth zero: (part, start, end) with offsets
    shifted by ``base``; empty parts are kept (callers decide what an empty part means)."""
    b = brackets()
    out: list[tuple[str, int, int]] = []
    if b.any_bracket.search(text) is None:
        # No bracket: every separator splits; one split in C, offsets counted from the parts.
        pos = base
        for part in _separator_re(separators).split(text):
            out.append((part, pos, pos + len(part)))
            pos += len(part) + 1
        return out
    depth, start = 0, 0
    for m in _marks(separators).finditer(text):
        ch, i = m.group(), m.start()
        if ch in b.open:
            depth += 1
        elif ch in b.close:
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append((text[start:i], base + start, base + i))
            start = i + 1
    out.append((text[start:], base + start, base + len(text)))
    return out


def last_char_before(text: str, pos: int, skip: str = " \t\u3000") -> str:
    """The last character before ``pos`` that is not in ``skip`` ('' at the text's start)."""
    k = pos - 1
    while k >= 0 and text[k] in skip:
        k -= 1
    return text[k] if k >= 0 else ""


def find_top(text: str, stops: str, start: int = 0, end: int | None = None) -> int:
    """The first of ``stops`` at bracket depth zero in ``text[start:end]`` (-1 when none)."""
    b = brackets()
    depth = 0
    for m in _marks(stops).finditer(text, start, len(text) if end is None else end):
        ch = m.group()
        if ch in b.open:
            depth += 1
        elif ch in b.close:
            depth = max(0, depth - 1)
        elif depth == 0:
            return m.start()
    return -1


def trim_unbalanced(s: str) -> str:
    """``s`` without a closing bracket that trails it unopened or an opening one that leads it
    unclosed (an annotation's own bracket caught at a list's edge)."""
    b = brackets()

    def count(chars: str) -> int:
        return sum(s.count(c) for c in chars)

    while s and s[-1] in b.close and count(b.close) > count(b.open):
        s = s[:-1]
    while s and s[0] in b.open and count(b.open) > count(b.close):
        s = s[1:]
    return s


def without_brackets(text: str) -> str:
    """``text`` without its bracketed groups ("牵头（责任）单位" -> "牵头单位"); an unclosed bracket
    and what follows it go too."""
    b = brackets()
    if not b.any_bracket.search(text):
        return text
    out: list[str] = []
    depth = 0
    for ch in text:
        if ch in b.open:
            depth += 1
        elif ch in b.close:
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(ch)
    return "".join(out)
