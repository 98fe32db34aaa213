"""Local bodies' naming patterns: the functions that end a local body's name after its place
(聊城市 + 自然资源和规划局), with short forms and usual English names, and the words that end body
names.

Data in ``ingest/data/local_bodies.tsv`` (columns: function, short forms, English, levels, source)
with the spellings of ``ingest/data/unit_abbreviations.tsv`` merged in as further short forms, and
``ingest/data/body_endings.tsv`` (ending word, English word, what it names).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from fengong.ingest.lexicon_rows import en_pattern, normalise_en, read_rows, split_cell
from fengong.ingest.vocab import VocabularyError, load_tsv

_LOCAL_FILE = "local_bodies.tsv"
_ENDINGS_FILE = "body_endings.tsv"
_ABBREVIATIONS_FILE = "unit_abbreviations.tsv"
LEVELS = frozenset({"province", "city", "county", "township"})


class LocalFunction(NamedTuple):
    """The function of a local body: its name (自然资源和规划局), short forms and usual English."""

    name: str
    short: tuple[str, ...]
    en: str


@cache
def _local() -> tuple[tuple[LocalFunction, ...], dict[str, tuple[str, ...]]]:
    rows = read_rows(_LOCAL_FILE, 5)
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
        if not split_cell(level) or not set(split_cell(level)) <= LEVELS:
            raise VocabularyError(f"ingest/data/{_LOCAL_FILE}: {name}: bad levels {level!r}")
        own = split_cell(short)
        functions.append(LocalFunction(name, (*own, *(s for s in extra[name] if s not in own)), en))
        levels[name] = split_cell(level)
    return tuple(functions), levels


def local_functions() -> tuple[LocalFunction, ...]:
    """Every local function: (Chinese name, short forms, usual English name)."""
    return _local()[0]


def local_levels(function: str) -> tuple[str, ...]:
    """The levels (province, city, county, township) where a local function is found."""
    return _local()[1].get(function, ())


@cache
def local_spellings() -> dict[str, LocalFunction]:
    """Every full or short spelling of a local function -> the function."""
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
    (国家发展和改革委员会 ends with a local function): ask ``bodies.lookup`` first."""
    index = local_spellings()
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
    return en_pattern(list(local_en_names()))


def find_local_functions_en(text: str) -> list[tuple[LocalFunction, int, int]]:
    """The local functions an English text names by their usual English names, as
    (function, start, end), longest name first, left to right."""
    by_name = {fn.name: fn for fn in local_functions()}
    names = local_en_names()
    return [
        (by_name[names[normalise_en(m.group())]], m.start(), m.end())
        for m in _en_local_pattern().finditer(text)
    ]


@cache
def body_endings() -> tuple[tuple[str, str], ...]:
    """The words that end body names, longest first, each with its usual English word."""
    rows = read_rows(_ENDINGS_FILE, 3)
    return tuple(sorted(((w, en) for w, en, _ in rows), key=lambda r: -len(r[0])))


@cache
def ending_words() -> tuple[str, ...]:
    """The words that end body names, longest first (a tuple ``str.endswith`` takes whole)."""
    return tuple(word for word, _ in body_endings())


def ending_en(name: str) -> str:
    """The usual English word of the longest ending of ``name`` (…支队 -> Detachment), else ''."""
    return next((en for word, en in body_endings() if name.endswith(word)), "")
