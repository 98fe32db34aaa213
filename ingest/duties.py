"""Standing duty statements of units: "县教育局负责协调落实……", "各基础电信运营企业承担……".

Duty statements live in a 成员单位职责 section (a short heading holding 职责). Inside it every
sentence that starts with a unit phrase and a duty verb opens a statement; following sentences
without a unit continue it, and lines broken by page breaks are joined. Outside such sections only
paragraphs that start with "<unit>负责" count. Regex only; the vocabulary is
``ingest/data/duties.yaml`` and the unit suffixes of ``units.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from fengong.ingest.vocab import VocabularyError, alternation, load_yaml, unit_vocab, words

_DATA = "duties.yaml"
_UNIT_CHARS = r"\u4e00-\u9fff（）()、A-Za-z0-9"
_FINAL = "。；;！!）)"  # a line ending in a bracket closes an annotation: it does not run on
# Numbering before a statement: "1.", "2、", "（一）", "三、".
_ENUM = (
    r"(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)?[ \t\u3000]*"
)


@dataclass(frozen=True)
class DutyVocab:
    """The compiled vocabulary of ``duties.yaml``."""

    heading: re.Pattern[str]
    max_heading: int
    section_end: re.Pattern[str]
    statement: re.Pattern[str]  # unit phrase + verb at a sentence start
    strict: re.Pattern[str]  # unit phrase + 负责 (outside duty sections)
    strip_verbs: tuple[str, ...]
    # What each pattern cannot match without: a sentence lacking it is not tried.
    statement_cue: re.Pattern[str]  # a verb or a colon
    strict_cue: re.Pattern[str]  # a strip verb


def _words(data: dict[str, object], key: str) -> list[str]:
    return words(data, key, _DATA)


@cache
def duty_vocab() -> DutyVocab:
    """Load and compile ``duties.yaml`` once."""
    data = load_yaml(_DATA)
    units = unit_vocab()
    suffixes = alternation(units.gov_suffixes + units.company_suffixes + units.collective_suffixes)
    verbs = _words(data, "verbs")
    strip = _words(data, "strip_verbs")
    # a unit phrase starts with a character of a name (not a bracket: "（市财政局负责）" is an annotation)
    unit = rf"{_ENUM}(?P<unit>[\u4e00-\u9fffA-Za-z][{_UNIT_CHARS}]{{0,40}}?(?:{suffixes}))"
    max_heading = data.get("max_heading_chars", 30)
    if not isinstance(max_heading, int):
        raise VocabularyError(f"ingest/data/{_DATA}: 'max_heading_chars' must be an integer")
    return DutyVocab(
        heading=re.compile(alternation(_words(data, "section_words"))),
        max_heading=max_heading,
        section_end=re.compile("|".join(f"(?:{p})" for p in _words(data, "section_end"))),
        statement=re.compile(rf"{unit}(?:[：:][ \t\u3000]*)?(?P<verb>{alternation(verbs)}|(?<=[：:]))"),
        strict=re.compile(rf"{unit}(?P<verb>{alternation(strip)})"),
        strip_verbs=tuple(strip),
        # the colon as a word of the alternation: a pattern that starts with its words' first
        # characters lets the regex engine skip to them
        statement_cue=re.compile(alternation([*verbs, "：", ":"])),
        strict_cue=re.compile(alternation(strip)),
    )


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its newline."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _sections(text: str, vocab: DutyVocab) -> list[tuple[int, int]]:
    """Spans of the duty sections: from a short 职责 heading to the next heading of another kind
    (a numbered line that is itself a duty statement, "（二）县财政局负责……", does not end it)."""
    out: list[tuple[int, int]] = []
    if vocab.heading.search(text) is None:
        return out  # no line can open a section
    start: int | None = None
    for a, b in _lines(text):
        line = text[a:b].strip()
        is_heading = 0 < len(line) <= vocab.max_heading and bool(vocab.heading.search(line))
        if is_heading:
            if start is not None:
                out.append((start, a))
            start = b + 1
        elif start is not None and vocab.section_end.match(line) and not vocab.statement.match(line):
            out.append((start, a))
            start = None
    if start is not None:
        out.append((start, len(text)))
    return out


def _paragraphs(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Logical paragraphs of a span: a line without final punctuation runs on past blank lines."""
    out: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for s, e in _lines(text[a:b]):
        s, e = s + a, e + a
        line = text[s:e].strip()
        if not line:
            continue
        if cur is not None and not text[cur[0] : cur[1]].rstrip().endswith(tuple(_FINAL)):
            cur = (cur[0], e)
        else:
            if cur is not None:
                out.append(cur)
            cur = (s, e)
    if cur is not None:
        out.append(cur)
    return out


_BREAK = re.compile(r"\s*\n\s*")
_SENTENCE_END = re.compile(r"[。！!]|$")
_NOTHING_AFTER = re.compile(r"[\s，,。；;）)、]*$")


def _clean(raw: str) -> str:
    """Join the pieces of a broken line: a newline and the spaces after it go."""
    return _BREAK.sub("", raw).strip()


def _statements(
    text: str,
    para: tuple[int, int],
    pattern: re.Pattern[str],
    cue: re.Pattern[str],
    found: list[list[int | str]],
) -> None:
    """Add the statements of one paragraph to ``found`` ([unit, verb, start, end] lists).
    ``cue`` finds what ``pattern`` cannot match without; a sentence lacking it is not tried."""
    a, b = para
    s = a
    for m in _SENTENCE_END.finditer(text, a, b):
        e = m.end()
        sentence = text[s:e]
        lead = len(sentence) - len(sentence.lstrip())
        hit = pattern.match(text, s + lead, e) if cue.search(text, s + lead, e) else None
        if hit and _NOTHING_AFTER.match(text, hit.end(), e):
            hit = None  # "……负责）" ends an annotation; there is no duty after the verb
        if hit:
            found.append([hit["unit"], hit["verb"], hit.start("unit"), e])
        elif found and found[-1][3] == s:
            found[-1][3] = e  # a sentence without a unit continues the statement before it
        s = e
        if e >= b:
            break


def find_duties(text: str) -> list[tuple[str, str, int, int]]:
    """Duty statements as (unit phrase as written, duty text, start, end), in document order.

    The duty text drops a leading 负责 (县教育局负责协调落实…… -> 协调落实……) but keeps other verbs
    (承担……, 做好……); ``start``/``end`` span the statement from its unit phrase in ``text``.
    """
    vocab = duty_vocab()
    found: list[list[int | str]] = []
    sections = _sections(text, vocab)
    for a, b in sections:
        for para in _paragraphs(text, a, b):
            _statements(text, para, vocab.statement, vocab.statement_cue, found)
    if not sections:
        # Outside a duty section lines are not joined (prose only), so a statement never runs on
        # into the next line: only lines holding a strip verb can hold one.
        last = -1
        for hit in vocab.strict_cue.finditer(text):
            if hit.start() < last:
                continue
            a = text.rfind("\n", 0, hit.start()) + 1
            b = text.find("\n", hit.start())
            b = len(text) if b < 0 else b
            _statements(text, (a, b), vocab.strict, vocab.strict_cue, found)
            last = b
    out: list[tuple[str, str, int, int]] = []
    for unit, verb, start, end in found:
        assert isinstance(unit, str) and isinstance(verb, str)
        assert isinstance(start, int) and isinstance(end, int)
        body = _clean(text[start + len(unit) : end]).lstrip("：: \u3000")
        if verb in vocab.strip_verbs:
            body = body[len(verb) :]
        if body:
            out.append((unit, body, start, end))
    return out
