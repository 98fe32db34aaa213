"""Terms of task titles and texts: the index that lets a question reach topics outside the taxonomy.

A private jieba tokenizer segments text with the project's vocabularies as its dictionary (names of
the lexicon of bodies, unit functions and abbreviations, places, topic aliases), so a body or a
policy phrase stays one word. The index keeps every word of two or more characters with a Chinese
character or a letter (``5G`` yes, ``2021`` no) minus a short list of function words, plus the
parts jieba's search mode finds inside long words (老旧小区 also gives 老旧 and 小区), so a
question's words meet a document's words whichever way either was cut.

Segmentation is deterministic (same dictionary, same text, same words) and offline.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import Any

from fengong.ingest.bodies import body_names
from fengong.ingest.places import places
from fengong.ingest.topics import load_topics
from fengong.ingest.vocab import load_yaml, unit_vocab

_WORD_FREQ = 200_000  # high enough that a vocabulary word beats jieba's own split of it
_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_STOP_FILE = "term_stopwords.yaml"


@cache
def stop_words() -> frozenset[str]:
    """Words too common in task texts to tell tasks apart (工作, 进一步, …)."""
    data = load_yaml(_STOP_FILE)
    return frozenset(str(w) for w in data.get("stop_words", []))


def dictionary() -> set[str]:
    """Every vocabulary word the segmenter keeps whole."""
    units = unit_vocab()
    words = set(units.abbreviations) | set(units.abbreviations.values())
    words |= set(body_names())
    words |= {name for name in places().by_name}
    words |= {w for t in load_topics() for w in (t.name, *t.aliases_zh)}
    return {w for w in words if len(w) >= 2}


@cache
def tokenizer() -> Any:
    """The shared jieba tokenizer with the vocabulary as user dictionary (built once, ~1 s)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    for word in sorted(dictionary()):
        tok.add_word(word, freq=_WORD_FREQ)
    return tok


def _keep(word: str) -> bool:
    return len(word) >= 2 and bool(_KEEP.search(word)) and word not in stop_words()


def segment(text: str) -> list[str]:
    """The words of ``text`` in order, as the precise mode cuts them (no filtering)."""
    return [w for w in tokenizer().cut(text, HMM=False) if w.strip()]


def pieces(text: str) -> list[str]:
    """``text`` cut into words by the precise mode, every character kept (the pieces join to it)."""
    return list(tokenizer().cut(text, HMM=False))


def terms(*texts: str) -> list[str]:
    """The index terms of ``texts``: kept words and their inner words, de-duplicated, sorted, and
    each run of characters the dictionary cut one by one (护学岗, a word it does not know)."""
    tok = tokenizer()
    out: set[str] = set()
    for text in texts:
        if text:
            out.update(w.lower() for w in tok.cut_for_search(text, HMM=False) if _keep(w))
            out.update(w.lower() for w in _unknown_words(text) if _keep(w))
    return sorted(out)


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _unknown_words(text: str) -> list[str]:
    """Runs of two to six Chinese characters the precise cut leaves as single characters: a word
    the dictionary does not know (护学岗), which would otherwise leave no term at all."""
    out, run = [], ""
    for piece in [*tokenizer().cut(text, HMM=False), ""]:
        if len(piece) == 1 and _CJK.match(piece):
            run += piece
            continue
        if 2 <= len(run) <= 6:
            out.append(run)
        run = ""
    return out


def query_terms(phrase: str) -> list[str]:
    """The terms a phrase is searched by: the finest kept words of it (a word made of other
    kept words of the phrase is dropped: 老旧小区 -> 老旧 + 小区), so every task whose text has the
    phrase, however it was cut, holds them all; a word the dictionary does not know is one term."""
    words = {w.lower() for w in tokenizer().cut_for_search(phrase, HMM=False) if _keep(w)}
    finest = {w for w in words if not any(o != w and o in w for o in words)}
    return sorted(finest | {w.lower() for w in _unknown_words(phrase) if _keep(w)})


def frequency(word: str) -> int:
    """How common ``word`` is in the segmenter's dictionary (vocabulary words count high; 0 if unknown)."""
    return int(tokenizer().FREQ.get(word, 0) or 0)
