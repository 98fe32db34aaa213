"""The lexicon of bodies: central party and state bodies with full, short and former names.

Data in ``ingest/data/bodies.tsv`` (columns: name, short forms, former names, English name,
kind, source). ``lookup`` finds a body by any of its names; ``body_names`` gives every name
(for scanners and segmentation dictionaries); ``en_names`` maps English names to full names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from fengong.ingest.vocab import VocabularyError, load_tsv

_FILE = "bodies.tsv"
KINDS = frozenset({"party", "state", "people", "court", "procuratorate", "company", "other"})


@dataclass(frozen=True, slots=True)
class Body:
    """One central body: its full name, official short forms, former names and English name."""

    name: str
    short: tuple[str, ...]
    former: tuple[str, ...]
    en: str
    kind: str
    source: str

    @property
    def names(self) -> tuple[str, ...]:
        """Every Chinese name of the body, full name first."""
        return (self.name, *self.short, *self.former)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


@cache
def bodies() -> tuple[Body, ...]:
    """Every body of the lexicon, in file order."""
    out: list[Body] = []
    for n, row in enumerate(load_tsv(_FILE), 1):
        if len(row) != 6 or not row[0].strip():
            raise VocabularyError(f"ingest/data/{_FILE}: row {n} needs 6 tab-separated columns")
        name, short, former, en, kind, source = (c.strip() for c in row)
        if kind not in KINDS:
            raise VocabularyError(f"ingest/data/{_FILE}: row {n} ({name}): unknown kind {kind!r}")
        out.append(Body(name, _split(short), _split(former), en, kind, source))
    return tuple(out)


@cache
def _by_name() -> dict[str, Body]:
    index: dict[str, Body] = {}
    for body in bodies():
        for name in body.names:
            index.setdefault(name, body)
    return index


def lookup(name: str) -> Body | None:
    """The body whose full, short or former name is exactly ``name``, else None."""
    return _by_name().get(name.strip())


def body_names() -> frozenset[str]:
    """Every Chinese name (full, short, former) of every body."""
    return frozenset(_by_name())


@cache
def en_names() -> dict[str, str]:
    """English name, lower-cased -> the body's full Chinese name."""
    return {b.en.lower(): b.name for b in bodies() if b.en}
