"""The lexicon of bodies: central party and state bodies with full, short and former names, and the
naming patterns of local bodies.

Central bodies are data in ``ingest/data/bodies*.tsv`` (columns: name, short forms, former names,
English name, kind, source, name plate of), one file per group of the central organisation list.
``lookup`` finds a body by any of its names; ``body_names`` gives every name (for scanners and
segmentation dictionaries); ``en_names`` maps English names to full names; ``find_bodies`` reads
the bodies a text names, longest name first.

Local bodies are named by place + function (聊城市 + 自然资源和规划局). The functions are data in
``ingest/data/local_bodies.tsv`` (with the short forms of ``unit_abbreviations.tsv`` merged in), and
the words that end body names in ``ingest/data/body_endings.tsv``; ``local_functions``,
``local_function`` and ``local_en_names`` read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from fengong.ingest.places import places
from fengong.ingest.vocab import VocabularyError, load_tsv, load_yaml, scan_alternation, unit_vocab, words

#: The central lexicon's files, each one group of bodies; all are loaded, in this order.
FILES = (
    "bodies.tsv",
    "bodies_party.tsv",
    "bodies_committees.tsv",
    "bodies_people.tsv",
    "bodies_companies.tsv",
)
_LOCAL_FILE = "local_bodies.tsv"
_ENDINGS_FILE = "body_endings.tsv"
_ABBREVIATIONS_FILE = "unit_abbreviations.tsv"
_SCAN_FILE = "body_scan.yaml"
KINDS = frozenset({"party", "state", "people", "court", "procuratorate", "company", "other"})
LEVELS = frozenset({"province", "city", "county", "township"})


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


class LocalFunction(NamedTuple):
    """The function of a local body: its name (自然资源和规划局), short forms and usual English."""

    name: str
    short: tuple[str, ...]
    en: str


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def _rows(file: str, width: int) -> list[list[str]]:
    rows = []
    for n, row in enumerate(load_tsv(file), 1):
        if len(row) != width or not row[0].strip():
            raise VocabularyError(f"ingest/data/{file}: row {n} needs {width} tab-separated columns")
        rows.append([c.strip() for c in row])
    return rows


@cache
def bodies() -> tuple[Body, ...]:
    """Every body of the lexicon, file by file in ``FILES`` order."""
    out: list[Body] = []
    for file in FILES:
        for name, short, former, en, kind, source, plate_of in _rows(file, 7):
            if kind not in KINDS:
                raise VocabularyError(f"ingest/data/{file}: {name}: unknown kind {kind!r}")
            if not source:
                raise VocabularyError(f"ingest/data/{file}: {name}: no source")
            en_all = _split(en)
            en_name, en_also = (en_all[0], en_all[1:]) if en_all else ("", ())
            row = (name, _split(short), _split(former), en_name, kind, source, plate_of, en_also)
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


def lookup(name: str) -> Body | None:
    """The body whose full, short or former name is exactly ``name``, else None."""
    return _by_name().get(name.strip())


def host(body: Body) -> Body:
    """The body that keeps ``body``'s name plate (国家网信办 -> 中央网信办), else ``body`` itself."""
    return _by_name()[body.plate_of] if body.plate_of else body


def body_names() -> frozenset[str]:
    """Every Chinese name (full, short, former) of every body."""
    return frozenset(_by_name())


def lexicon_words() -> frozenset[str]:
    """Every Chinese word of the lexicon: central bodies' names and local functions' spellings
    (for segmentation dictionaries and term indexes)."""
    return body_names() | frozenset(_local_by_spelling())


@cache
def en_names() -> dict[str, str]:
    """English name or acronym, lower-cased -> the body's full Chinese name."""
    return {en.lower(): b.name for b in bodies() for en in (b.en, *b.en_also) if en}


_EN_SPACE = re.compile(r"[\s\u00a0]+")
_EN_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"})


def normalise_en(text: str) -> str:
    """An English name as compared: lower case, straight quotes, single spaces, no leading "the"."""
    text = _EN_SPACE.sub(" ", text.translate(_EN_QUOTES)).strip().lower()
    return text[4:] if text.startswith("the ") else text


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
        frozenset(_local_by_spelling()),
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


def _en_pattern(names: list[str]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(n) for n in names if n), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


@cache
def _en_body_pattern() -> re.Pattern[str]:
    return _en_pattern(list(_by_en()))


def find_bodies_en(text: str) -> list[tuple[Body, int, int]]:
    """The central bodies an English text names by their English names, as (body, start, end)
    in the normalised text (``normalise_en``), longest name first, left to right."""
    index = _by_en()
    return [(index[m.group()], m.start(), m.end()) for m in _en_body_pattern().finditer(normalise_en(text))]


@cache
def _local() -> tuple[tuple[LocalFunction, ...], dict[str, tuple[str, ...]]]:
    rows = _rows(_LOCAL_FILE, 5)
    extra: dict[str, list[str]] = {row[0]: [] for row in rows}
    for row in load_tsv(_ABBREVIATIONS_FILE):
        if len(row) == 2 and row[0] != row[1]:
            if row[1] not in extra:
                raise VocabularyError(
                    f"ingest/data/{_ABBREVIATIONS_FILE}: {row[1]} is not a function of {_LOCAL_FILE}"
                )
            extra[row[1]].append(row[0])
    functions, levels = [], {}
    for name, short, en, level, source in rows:
        if not source:
            raise VocabularyError(f"ingest/data/{_LOCAL_FILE}: {name}: no source")
        if not set(_split(level)) <= LEVELS or not _split(level):
            raise VocabularyError(f"ingest/data/{_LOCAL_FILE}: {name}: bad levels {level!r}")
        own = _split(short)
        functions.append(LocalFunction(name, (*own, *(s for s in extra[name] if s not in own)), en))
        levels[name] = _split(level)
    return tuple(functions), levels


def local_functions() -> tuple[LocalFunction, ...]:
    """Every local function: (Chinese name, short forms, usual English name)."""
    return _local()[0]


def local_levels(function: str) -> tuple[str, ...]:
    """The levels (province, city, county, township) where a local function is found."""
    return _local()[1].get(function, ())


@cache
def _local_by_spelling() -> dict[str, LocalFunction]:
    index: dict[str, LocalFunction] = {}
    for fn in local_functions():
        for spelling in (fn.name, *fn.short):
            other = index.setdefault(spelling, fn)
            if other is not fn:
                raise VocabularyError(f"ingest/data: {spelling} ends both {other.name} and {fn.name}")
    return index


def local_function(unit: str) -> LocalFunction | None:
    """The local function that ends a unit's name (聊城市自然资源和规划局 -> 自然资源和规划局),
    by its longest full or short spelling, else None. It reads any name, central ones too
    (国家发展和改革委员会 ends with a local function): ask ``lookup`` first."""
    index = _local_by_spelling()
    unit = unit.strip()
    for start in range(len(unit)):
        found = index.get(unit[start:])
        if found is not None:
            return found
    return None


@cache
def local_en_names() -> dict[str, str]:
    """Usual English name of a local function, normalised (``normalise_en``) -> its Chinese name.

    Where one English name translates several functions (General Office), the first in the file
    is kept.
    """
    out: dict[str, str] = {}
    for fn in local_functions():
        if fn.en:
            out.setdefault(normalise_en(fn.en), fn.name)
    return out


@cache
def _en_local_pattern() -> re.Pattern[str]:
    return _en_pattern(list(local_en_names()))


def find_local_functions_en(text: str) -> list[tuple[LocalFunction, int, int]]:
    """The local functions an English text names by their usual English names, as
    (function, start, end) in the normalised text (``normalise_en``), longest first."""
    by_name = {fn.name: fn for fn in local_functions()}
    names = local_en_names()
    return [
        (by_name[names[m.group()]], m.start(), m.end())
        for m in _en_local_pattern().finditer(normalise_en(text))
    ]


@cache
def body_endings() -> tuple[tuple[str, str], ...]:
    """The words that end body names, longest first, each with its usual English word."""
    rows = _rows(_ENDINGS_FILE, 3)
    return tuple(sorted(((w, en) for w, en, _ in rows), key=lambda r: -len(r[0])))


def ending_en(name: str) -> str:
    """The usual English word of the longest ending of ``name`` (…支队 -> Detachment), else ''."""
    return next((en for word, en in body_endings() if name.endswith(word)), "")
