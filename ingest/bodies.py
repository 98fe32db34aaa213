"""The lexicon of bodies: central party and state bodies with full, short and former names.

Central bodies are data in ``ingest/data/bodies*.tsv`` (columns: name, short forms, former names,
English name and acronyms, kind, source, name plate of), one file per group of the central
organisation list. ``lookup`` finds a body by any of its names; ``body_names`` gives every name
(for scanners and segmentation dictionaries); ``en_names`` and ``lookup_en`` read English names;
``find_bodies`` and ``find_bodies_en`` read the bodies a running text names, longest name first.

The naming patterns of local bodies (place + function: 聊城市 + 自然资源和规划局) live in
``ingest/local_bodies.py``; their functions are re-exported here (``local_functions``,
``local_function``, ``local_en_names``…) so one module answers for every body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from fengong.ingest.lexicon_rows import en_pattern, normalise_en, read_rows, split_cell
from fengong.ingest.local_bodies import (
    LEVELS,
    LocalFunction,
    body_endings,
    ending_en,
    find_local_functions_en,
    local_en_names,
    local_function,
    local_functions,
    local_levels,
    local_spellings,
)
from fengong.ingest.places import places
from fengong.ingest.vocab import VocabularyError, load_yaml, scan_alternation, unit_vocab, words

__all__ = [
    "FILES",
    "KINDS",
    "LEVELS",
    "Body",
    "LocalFunction",
    "bodies",
    "body_endings",
    "body_names",
    "en_names",
    "ending_en",
    "find_bodies",
    "find_bodies_en",
    "find_local_functions_en",
    "host",
    "lexicon_words",
    "local_en_names",
    "local_function",
    "local_functions",
    "local_levels",
    "local_spellings",
    "lookup",
    "lookup_en",
    "normalise_en",
]

#: The central lexicon's files, each one group of bodies; all are loaded, in this order.
FILES = (
    "bodies.tsv",
    "bodies_party.tsv",
    "bodies_committees.tsv",
    "bodies_people.tsv",
    "bodies_companies.tsv",
)
_SCAN_FILE = "body_scan.yaml"
KINDS = frozenset({"party", "state", "people", "court", "procuratorate", "company", "other"})


@dataclass(frozen=True, slots=True)
class Body:
    """One central body: its full name, official short forms, former names and English name.

    ``plate_of`` is set when the name is a plate another body keeps (国家网信办 is a plate of
    中央网信办): the full name of that host body. ``en_also`` holds official acronyms and short
    English names (NDRC, China Mobile).
    """

    name: str
    short: tuple[str, ...]
    former: tuple[str, ...]
    en: str
    kind: str
    source: str
    plate_of: str = ""
    en_also: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every Chinese name of the body, full name first."""
        return (self.name, *self.short, *self.former)


@cache
def bodies() -> tuple[Body, ...]:
    """Every body of the lexicon, file by file in ``FILES`` order."""
    out: list[Body] = []
    for file in FILES:
        for name, short, former, en, kind, source, plate_of in read_rows(file, 7):
            if kind not in KINDS:
                raise VocabularyError(f"ingest/data/{file}: {name}: unknown kind {kind!r}")
            if not source:
                raise VocabularyError(f"ingest/data/{file}: {name}: no source")
            en_all = split_cell(en)
            en_name, en_also = (en_all[0], en_all[1:]) if en_all else ("", ())
            row = (name, split_cell(short), split_cell(former), en_name, kind, source, plate_of, en_also)
            out.append(Body(*row))
    return tuple(out)


@cache
def _by_name() -> dict[str, Body]:
    index: dict[str, Body] = {}
    for body in bodies():
        for name in body.names:
            other = index.setdefault(name, body)
            if other is not body:
                raise VocabularyError(f"ingest/data: {name} names both {other.name} and {body.name}")
    for body in bodies():
        if body.plate_of and body.plate_of not in index:
            raise VocabularyError(f"ingest/data: {body.name} is a plate of unknown {body.plate_of}")
    return index


_HALF_WIDTH = str.maketrans({"(": "（", ")": "）"})


def lookup(name: str) -> Body | None:
    """The body whose full, short or former name is exactly ``name`` (half-width brackets read as
    the full-width ones the names are written with), else None."""
    name = name.strip()
    if "(" in name or ")" in name:  # (str.translate costs ten times more than these tests)
        name = name.translate(_HALF_WIDTH)
    return _by_name().get(name)


def host(body: Body) -> Body:
    """The body that keeps ``body``'s name plate (国家网信办 -> 中央网信办), else ``body`` itself."""
    return _by_name()[body.plate_of] if body.plate_of else body


def body_names() -> frozenset[str]:
    """Every Chinese name (full, short, former) of every body."""
    return frozenset(_by_name())


def lexicon_words() -> frozenset[str]:
    """Every Chinese word of the lexicon: central bodies' names and local functions' spellings
    (for segmentation dictionaries and term indexes)."""
    return body_names() | frozenset(local_spellings())


@cache
def en_names() -> dict[str, str]:
    """English name or acronym, lower-cased -> the body's full Chinese name."""
    return {en.lower(): b.name for b in bodies() for en in (b.en, *b.en_also) if en}


@cache
def _by_en() -> dict[str, Body]:
    index: dict[str, Body] = {}
    for body in bodies():
        for en in filter(None, (body.en, *body.en_also)):
            other = index.setdefault(normalise_en(en), body)
            if other is not body:
                raise VocabularyError(f"ingest/data: {en!r} names {other.name} and {body.name}")
    return index


def lookup_en(name: str) -> Body | None:
    """The body whose English name or acronym is ``name`` (case, quotes, spacing and a leading
    "the" aside)."""
    return _by_en().get(normalise_en(name))


@dataclass(frozen=True)
class _Scanner:
    pattern: re.Pattern[str]
    not_followed_by: tuple[str, ...]
    level_prefixes: tuple[str, ...]
    local_spellings: frozenset[str]


@cache
def _scanner() -> _Scanner:
    data = load_yaml(_SCAN_FILE)
    shortest = data.get("min_scan_length")
    if not isinstance(shortest, int) or shortest < 1:
        raise VocabularyError(f"ingest/data/{_SCAN_FILE}: 'min_scan_length' must be a positive integer")
    return _Scanner(
        re.compile(scan_alternation([n for n in _by_name() if len(n) >= shortest])),
        tuple(words(data, "not_followed_by", _SCAN_FILE)),
        tuple(unit_vocab().level_prefixes),
        frozenset(local_spellings()),
    )


def _after_place(text: str, start: int, scanner: _Scanner) -> bool:
    """Whether a place or a level character (市, 县) ends just before ``start``."""
    before = text[max(0, start - 12) : start]
    if before.endswith(scanner.level_prefixes):
        return True
    table = places()
    return any(before[i:] in table.by_name or before[i:] in table.by_short for i in range(len(before) - 1))


@cache
def _branch_places() -> frozenset[str]:
    """Names that, right after a central body's name, make it the prefix of a local branch: full
    place names, and the short names of provinces and cities (a county's short name may be a
    word: 会同 is a county)."""
    table = places()
    shorts = (s for s, ps in table.by_short.items() if any(p.level in ("province", "city") for p in ps))
    return frozenset(table.by_name) | frozenset(s for s in shorts if len(s) >= 2)


def _before_place(text: str, end: int) -> bool:
    """Whether a place name begins at ``end`` (国家税务总局|聊城市税务局)."""
    after, branch = text[end : end + 12], _branch_places()
    return any(after[:k] in branch for k in range(2, len(after) + 1))


def find_bodies(text: str) -> list[tuple[Body, int, int]]:
    """The central bodies ``text`` names, as (body, start, end), left to right without overlaps.

    At each place the longest name wins, so a place inside a body's name (资源县 inside
    自然资源部) and a shorter body inside a longer one are never read. A name is skipped when the
    text goes on into a longer word (财政部门), when a place follows it (国家税务总局聊城市税务局
    and 中国移动聊城分公司 are local branches), and, for a name that is also a local function's
    spelling (发展改革委), after a place (聊城市发展改革委 is the city's commission).
    """
    index, scanner = _by_name(), _scanner()
    found = []
    for m in scanner.pattern.finditer(text):
        name = m.group()
        if text.startswith(scanner.not_followed_by, m.end()) or _before_place(text, m.end()):
            continue
        if name in scanner.local_spellings and _after_place(text, m.start(), scanner):
            continue
        found.append((index[name], m.start(), m.end()))
    return found


@cache
def _en_body_pattern() -> re.Pattern[str]:
    return en_pattern(list(_by_en()))


def find_bodies_en(text: str) -> list[tuple[Body, int, int]]:
    """The central bodies an English text names by their English names or acronyms, as
    (body, start, end), longest name first, left to right."""
    index = _by_en()
    return [(index[normalise_en(m.group())], m.start(), m.end()) for m in _en_body_pattern().finditer(text)]
