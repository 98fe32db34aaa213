"""Reading the lexicon's data files: list cells, fixed-width rows, and English names as compared."""

from __future__ import annotations

import re

from fengong.ingest.vocab import VocabularyError, load_tsv

_EN_SPACE = re.compile(r"[\s\u00a0]+")
_EN_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"})


def split_cell(cell: str) -> tuple[str, ...]:
    """The items of a ``|``-separated cell, stripped, empty ones dropped."""
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def read_rows(file: str, width: int) -> list[list[str]]:
    """The rows of a TSV file of ``ingest/data``, each exactly ``width`` stripped cells."""
    rows = []
    for n, row in enumerate(load_tsv(file), 1):
        if len(row) != width or not row[0].strip():
            raise VocabularyError(f"ingest/data/{file}: row {n} needs {width} tab-separated columns")
        rows.append([c.strip() for c in row])
    return rows


def normalise_en(text: str) -> str:
    """An English name as compared: lower case, straight quotes, single spaces, no leading "the"."""
    text = _EN_SPACE.sub(" ", text.translate(_EN_QUOTES)).strip().lower()
    return text[4:] if text.startswith("the ") else text


def en_pattern(names: list[str]) -> re.Pattern[str]:
    """A case-blind pattern finding normalised English names as whole words in a raw text, longest
    first, whatever its spacing and quote marks."""

    def spelled(name: str) -> str:
        out = re.escape(name).replace("\\ ", r"\s+").replace("'", "['\u2018\u2019]")
        return out.replace("\\-", "[-\u2013\u2014]")

    alternatives = [spelled(n) for n in sorted(filter(None, names), key=len, reverse=True)]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)
