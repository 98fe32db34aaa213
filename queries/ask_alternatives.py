"""A question about X or Y (人才培养或人才引进方面的任务, hazardous chemicals or dangerous goods): the
questions about X and about Y, whose answers together answer it.

The alternatives are found where the reading found the question's subject: the words it searches
for or the topic it names, when 或 stands inside them or right beside them; in English, the subject
words on either side of "or". A question with no such subject is left whole.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from fengong.queries.ask_read import question_words_en, read
from fengong.queries.ask_vocab import ask_vocab, norm_en

if TYPE_CHECKING:
    from fengong.graph.store import GraphStore
    from fengong.vocabulary import Body


def alternatives(
    question: str,
    store: GraphStore | None,
    lexicon: tuple[Body, ...] | None = None,
    today: dt.date | None = None,
) -> list[str]:
    """The questions about each alternative the question names, or ``[]`` when it names one
    subject (or its 或 / or joins something else)."""
    words = ask_vocab().alternatives
    marker = next((w for w in sorted(words.zh, key=len, reverse=True) if w in question), None)
    if marker is not None:
        return _chinese(question, marker, store, lexicon, today)
    normalised = norm_en(question)
    joiner = next((w for w in words.en if f" {w} " in normalised), None)
    return _english(normalised.split(), joiner) if joiner else []


def _chinese(
    question: str,
    marker: str,
    store: GraphStore | None,
    lexicon: tuple[Body, ...] | None,
    today: dt.date | None,
) -> list[str]:
    reading = read(question, store, lexicon, today)
    subject = next(
        (
            w
            for w in (reading.phrase, reading.topic_words, reading.topic.name if reading.topic else None)
            if w
        ),
        None,
    )
    if subject is None or subject not in question:
        return []
    if marker in subject:  # 信息平台或智能监控系统建设: each side in the question's place
        parts = [p for p in subject.split(marker) if p]
        return [question.replace(subject, p, 1) for p in parts] if len(parts) >= 2 else []
    # 人才培养或人才引进: the reading took one side; the other is the question without it
    for taken in (subject + marker, marker + subject):
        if taken in question:
            return [question, question.replace(taken, "", 1)]
    return []


def _english(words: list[str], joiner: str) -> list[str]:
    """Hazardous chemicals or dangerous goods safety work: "… hazardous chemicals safety work" and
    "… dangerous goods safety work". The left alternative is the run of subject words before "or"
    (question words such as "assign" or "on" bound it); the right one has as many words."""
    at = words.index(joiner)
    left, right = words[:at], words[at + 1 :]
    asking = question_words_en() | {"a", "an", "the", "of", "on", "in", "for", "about", "to"}
    size = 0
    while size < len(left) and left[len(left) - size - 1] not in asking:
        size += 1
    if not size or len(right) < size or any(w in asking for w in right[:size]):
        return []  # no subject words on both sides ("as lead or participant", "June or July")
    return [" ".join(left + right[size:]), " ".join(left[: len(left) - size] + right)]
