"""Topics: tag tasks with canonical topics and resolve Chinese or English phrases to a topic.

The topics are data: a general policy taxonomy in domain packs, one file each in
``ingest/data/topics/`` (general, 5G, water, education, health, …). A topic has a canonical
Chinese name, an English name, Chinese aliases (count anywhere), Chinese keywords (count only in a
title) and English aliases (for questions). Tagging compiles one alternation of every alias once
and scans a task in one pass.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from fengong.ingest.vocab import DATA, VocabularyError, load_yaml, scan_alternation

_DIR = "topics"
_DATA = "topics/*.yaml"
_FIELDS = {"name", "en", "aliases_zh", "aliases_en", "keywords_zh"}
_TITLE_STRONG, _TITLE_WEAK, _TEXT_CAP = 3, 2, 3
_MAX_TOPICS = 5  # a long progress paragraph mentions everything; keep the strongest few


@dataclass(frozen=True, slots=True)
class Topic:
    """One topic: canonical Chinese name, English name and aliases."""

    name: str
    en: str
    aliases_zh: tuple[str, ...]
    aliases_en: tuple[str, ...]
    keywords_zh: tuple[str, ...] = ()
    domain: str = ""  # the English name of the domain pack the topic belongs to
    # a document whose title names it is about it as a whole (false for the general pack's
    # 政策支持 / 组织领导: every 实施方案 names them)
    theme: bool = True


def _norm_zh(text: str) -> str:
    """Drop spaces and unify the plus sign, so "5G ＋ 智慧医疗" meets "5G+智慧医疗"."""
    return "".join(text.split()).replace("＋", "+").lower()


def _norm_en(text: str) -> str:
    return " ".join(re.sub(r"[-_/,.;:!?()'\"]+", " ", text.lower()).split())


def _strings(entry: dict[str, Any], key: str, where: str, required: bool = True) -> tuple[str, ...]:
    value = entry.get(key, None if required else [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise VocabularyError(f"ingest/data/{_DATA}: {where}: '{key}' must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _domain(data: dict[str, Any]) -> tuple[str, bool]:
    """The pack's domain (English name) and whether its topics make a document's theme."""
    domain = data.get("domain")
    if domain is None:
        return "", True
    if not isinstance(domain, dict) or not isinstance(domain.get("en"), str):
        raise VocabularyError(f"ingest/data/{_DATA}: 'domain' must be a mapping with 'name' and 'en'")
    themes = domain.get("themes", True)
    if not isinstance(themes, bool):
        raise VocabularyError(f"ingest/data/{_DATA}: domain {domain['en']!r}: 'themes' must be true or false")
    return str(domain["en"]), themes


def parse_topics(*packs: dict[str, Any]) -> list[Topic]:
    """Validate the parsed YAML of one or more domain packs; errors name the entry and the field.

    An alias belongs to one topic across all packs."""
    topics: list[Topic] = []
    owner: dict[str, str] = {}
    for data in packs:
        topics.extend(_parse_pack(data, owner))
    return topics


def _parse_pack(data: dict[str, Any], owner: dict[str, str]) -> list[Topic]:
    entries = data.get("topics")
    if not isinstance(entries, list) or not entries:
        raise VocabularyError(f"ingest/data/{_DATA}: 'topics' must be a non-empty list")
    domain, theme = _domain(data)
    topics: list[Topic] = []
    for i, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise VocabularyError(f"ingest/data/{_DATA}: topic #{i} must be a mapping")
        name, en = entry.get("name"), entry.get("en")
        where = f"topic #{i} ({name})"
        if not isinstance(name, str) or not name.strip() or not isinstance(en, str) or not en.strip():
            raise VocabularyError(f"ingest/data/{_DATA}: {where}: 'name' and 'en' must be non-empty strings")
        unknown = set(entry) - _FIELDS
        if unknown:
            raise VocabularyError(f"ingest/data/{_DATA}: {where}: unknown field(s) {sorted(unknown)}")
        topic = Topic(
            name=name.strip(),
            en=en.strip(),
            aliases_zh=_strings(entry, "aliases_zh", where),
            aliases_en=_strings(entry, "aliases_en", where),
            keywords_zh=_strings(entry, "keywords_zh", where, required=False),
            domain=domain,
            theme=theme,
        )
        for alias in (topic.name, *topic.aliases_zh, *topic.keywords_zh):
            key = _norm_zh(alias)
            if owner.setdefault(key, topic.name) != topic.name:
                raise VocabularyError(
                    f"ingest/data/{_DATA}: {where}: alias '{alias}' already belongs to topic '{owner[key]}'"
                )
        topics.append(topic)
    return topics


@cache
def _default_topics() -> tuple[Topic, ...]:
    names = sorted(e.name for e in resources.files(DATA).joinpath(_DIR).iterdir() if e.name.endswith(".yaml"))
    if not names:
        raise VocabularyError(f"ingest/data/{_DATA}: no topic packs")
    return tuple(parse_topics(*(load_yaml(f"{_DIR}/{n}") for n in names)))


def load_topics() -> list[Topic]:
    """The topics of every domain pack of ``ingest/data/topics/`` (read and validated once)."""
    return list(_default_topics())


@dataclass(frozen=True)
class _Matcher:
    topics: tuple[Topic, ...]
    pattern: re.Pattern[str]
    phrase: dict[str, tuple[int, bool]]  # normalised phrase -> (topic index, strong?)
    english: tuple[tuple[str, int], ...]  # normalised English alias, topic index; longest first
    domain: dict[str, str]  # topic name -> its pack's domain


@cache
def _matcher(topics: tuple[Topic, ...]) -> _Matcher:
    phrase: dict[str, tuple[int, bool]] = {}
    english: list[tuple[str, int]] = []
    for i, t in enumerate(topics):
        for alias in (t.name, *t.aliases_zh):
            phrase[_norm_zh(alias)] = (i, True)
        for kw in t.keywords_zh:
            phrase.setdefault(_norm_zh(kw), (i, False))
        english.extend((_norm_en(a), i) for a in (t.en, *t.aliases_en))
    english.sort(key=lambda e: len(e[0]), reverse=True)
    domain = {t.name: t.domain for t in topics}
    return _Matcher(topics, re.compile(scan_alternation(list(phrase))), phrase, tuple(english), domain)


def _get(topics: list[Topic] | tuple[Topic, ...] | None) -> _Matcher:
    # The default matcher is looked up without hashing every Topic of the file on each call.
    return _default_matcher() if topics is None else _matcher(tuple(topics))


@cache
def _default_matcher() -> _Matcher:
    return _matcher(_default_topics())


def tag_topics(title: str, text: str, topics: list[Topic] | None = None) -> list[str]:
    """Canonical names of the topics of a task, strongest first.

    A title hit counts 3 (a keyword 2), each text hit 1 (at most 3 per topic). A topic is kept when
    its title names it or its text names it twice; a task with neither keeps its best text topic.
    At most five topics are returned; ties keep the order of the topics file.
    """
    m = _get(topics)
    title_score: dict[int, int] = {}
    for word in m.pattern.findall(_norm_zh(title)):
        i, strong = m.phrase[word]
        title_score[i] = title_score.get(i, 0) + (_TITLE_STRONG if strong else _TITLE_WEAK)
    text_hits: dict[int, int] = {}
    # The phrases found, each counted once: a text repeats its phrases (the pattern has no groups,
    # so findall gives the matched phrases themselves).
    for word, n in Counter(m.pattern.findall(_norm_zh(text))).items():
        i, strong = m.phrase[word]
        if strong:
            text_hits[i] = text_hits.get(i, 0) + n
    score = {i: title_score.get(i, 0) + min(text_hits.get(i, 0), _TEXT_CAP) for i in title_score | text_hits}
    kept = [i for i in score if i in title_score or text_hits.get(i, 0) >= 2]
    if not kept and score:
        best = max(score.values())
        kept = [i for i, s in score.items() if s == best]
    kept.sort(key=lambda i: (-score[i], i))
    return [m.topics[i].name for i in kept[:_MAX_TOPICS]]


def themes(title: str, topics: list[Topic] | None = None) -> list[Topic]:
    """The topics a document's title names by name or alias (not by a weak keyword), outside the
    packs that make no theme: what the whole document is about (福建省农村供水高质量发展工作方案 -> 农村供水)."""
    m = _get(topics)
    found: dict[int, None] = {}
    for word in m.pattern.findall(_norm_zh(title)):
        i, strong = m.phrase[word]
        if strong and m.topics[i].theme:
            found[i] = None
    return [m.topics[i] for i in found]


def theme_names(document_themes: list[Topic]) -> list[str]:
    """The document's theme when its title names one (a plan on 粮食安全 is about it whole), else
    none: two themes (防汛抗旱和河湖治理, 残疾人就业和无障碍环境建设) each cover part of it."""
    return [document_themes[0].name] if len(document_themes) == 1 else []


def with_themes(
    tags: list[str], document_themes: list[Topic], topics: list[Topic] | None = None
) -> list[str]:
    """A task's topics with the document's themes added: a task of a plan on rural water supply is
    on rural water supply though its title does not say so. A task that already names a topic of a
    theme's domain is placed within that domain more closely and does not take the theme. Themes
    of several domains (残疾人就业和无障碍环境建设) each cover part of the document: none is added."""
    if len({t.domain for t in document_themes}) != 1:
        return tags
    domain = _get(topics).domain  # built once with the matcher, not per task
    own = {domain.get(name) for name in tags}
    return tags + [t.name for t in document_themes if t.name not in tags and t.domain not in own]


def match_topic(query: str, topics: list[Topic] | None = None) -> Topic | None:
    """The topic a Chinese or English phrase names ("direct-power conversion" -> 转供电改直供电).

    Chinese: the longest alias found in the query wins. English: the longest alias contained in the
    query as whole words, else the alias sharing most words (at least two thirds of its words).
    """
    m = _get(topics)
    best: tuple[int, int] | None = None  # (length, topic index)
    for hit in m.pattern.finditer(_norm_zh(query)):
        i, _ = m.phrase[hit.group(0)]
        if best is None or len(hit.group(0)) > best[0]:
            best = (len(hit.group(0)), i)
    if best is not None and best[0] >= 2:
        return m.topics[best[1]]
    q = f" {_norm_en(query)} "
    for alias, i in m.english:
        if f" {alias} " in q:
            return m.topics[i]
    words = {_stem(w) for w in q.split()}
    scored: list[tuple[float, int, int]] = []
    for alias, i in m.english:
        tokens = {_stem(w) for w in alias.split()}
        overlap = len(tokens & words)
        if overlap and overlap / len(tokens) >= 2 / 3 and (overlap >= 2 or len(tokens) == 1):
            scored.append((overlap / len(tokens), overlap, -i))
    if scored:
        _, _, neg_i = max(scored)
        return m.topics[-neg_i]
    return None


def _stem(word: str) -> str:
    """A crude English stem so "stations" meets "station" and "poles" meets "pole"."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def find_mentions(text: str, topics: list[Topic] | None = None) -> list[tuple[str, int, int]]:
    """Every place ``text`` names a topic by its name or an alias (not by a weak keyword), as
    (canonical name, start, end). One pass of the compiled alternation, offsets into ``text``."""
    m = _get(topics)
    # Lower-casing and unifying the plus sign keep offsets; spaces inside a phrase are not bridged.
    plain = text.replace("＋", "+").lower()
    out = []
    for hit in m.pattern.finditer(plain):
        i, strong = m.phrase.get(hit.group(0), (-1, False))
        if strong:
            out.append((m.topics[i].name, hit.start(), hit.end()))
    return out


def find_line_mentions(
    texts: list[str], topics: list[Topic] | None = None
) -> list[tuple[int, str, int, int]]:
    """``find_mentions`` of every text, as (text index, canonical name, start, end), in order.

    The texts are scanned as one (joined by newlines, which no phrase holds) instead of one call
    each; offsets are into each text as with ``find_mentions``."""
    joined = "\n".join(texts)
    plain = joined.replace("＋", "+").lower()
    if len(plain) != len(joined) or any("\n" in t for t in texts):
        # lower() lengthened a character (offsets would drift) or a text spans lines: one by one
        return [(k, *hit) for k, t in enumerate(texts) for hit in find_mentions(t, topics)]
    m = _get(topics)
    offsets = []
    pos = 0
    for t in texts:
        offsets.append(pos)
        pos += len(t) + 1
    out = []
    for hit in m.pattern.finditer(plain):
        i, strong = m.phrase.get(hit.group(0), (-1, False))
        if strong:
            k = bisect.bisect_right(offsets, hit.start()) - 1
            out.append((k, m.topics[i].name, hit.start() - offsets[k], hit.end() - offsets[k]))
    return out
