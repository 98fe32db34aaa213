"""The names a question is read with, and the longest reading of a question.

Names come from the shared vocabulary (the lexicon of bodies with full, short and former names,
unit functions and their abbreviations, places, topic aliases) and from the store (every unit's
full and local name and its UnitType, read once per store generation). ``NameIndex.spans`` finds
every known name in a text by direct lookup of its substrings (no regex over thousands of names);
``longest_reading`` keeps the longest non-overlapping ones, so a place is never read inside a
body's name (自然资源部 is not 资源县) and a bureau beats a topic inside it.
"""

from __future__ import annotations

import re
import threading
import time
import weakref
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from fengong.queries.ask_vocab import BODY_WORDS_EN, ask_vocab, norm_en
from fengong.vocabulary import (
    Body,
    all_by_pinyin,
    bodies,
    function_of,
    load_topics,
    local_functions,
    places,
    strip_conjunctions,
    unit_vocab,
)

if TYPE_CHECKING:
    from fengong.graph.store import GraphStore

#: Preference among names read from the same characters: a unit of the graph, a body of the
#: lexicon, a unit type, a place, a topic.
KIND_RANK = {"unit": 0, "body": 1, "unit_type": 2, "place": 3, "topic": 4}
#: Seconds between two checks of whether the store's units changed.
RECHECK_S = 1.0
_ALL_ROWS = 10_000_000
# A ministry-like name by form when no list knows it: a run of 2-10 Chinese characters (question words
# masked out first) ending in 部 (not 部门 / 部署 / 部分 / 部长 / 零部件 / 部位) or 总局, e.g. 自然资源部. The run does
# not cross 和 / 与 / 及 / 、: 民政部和财政部 is two bodies (names with 和 are in the lexicon); 全部 /
# 内部 / 干部 / 东部 … are no bodies.
_BODY_FORM = re.compile(
    r"(?:(?![和与及])[\u4e00-\u9fff]){2,10}(?:(?<![全内外局干细底顶头东西南北中本总零])部(?![门署分长件位队落])|总局)"
)


@dataclass(frozen=True, slots=True)
class Name:
    """What some characters (or English words) of a question name."""

    kind: str  # unit | body | unit_type | place | topic
    value: str  # unit full name / body full name / UnitType / place surface / topic name
    place: str = ""  # a unit's jurisdiction
    type: str = ""  # a unit's UnitType


@dataclass(frozen=True, slots=True)
class Span:
    """Known names read from ``text[start:end]`` (or words ``start:end`` of an English question)."""

    start: int
    end: int
    names: tuple[Name, ...]

    @property
    def kind(self) -> str:
        """The preferred kind among the names."""
        return min((n.kind for n in self.names), key=KIND_RANK.__getitem__)

    def of(self, kind: str) -> list[Name]:
        """The names of one kind."""
        return [n for n in self.names if n.kind == kind]


class NameIndex:
    """Surface form -> names, looked up by substring (Chinese) or word n-gram (English)."""

    def __init__(self, table: dict[str, tuple[Name, ...]]) -> None:
        self.table = table
        self.max_len = max((len(k) for k in table), default=0)
        self.max_words = max((k.count(" ") + 1 for k in table), default=0)

    @classmethod
    def build(cls, pairs: Iterable[tuple[str, Name]]) -> NameIndex:
        """An index of (surface, name) pairs; a surface keeps its names in first-seen order."""
        table: dict[str, list[Name]] = {}
        for surface, name in pairs:
            if surface:
                names = table.setdefault(surface, [])
                if name not in names:
                    names.append(name)
        return cls({k: tuple(v) for k, v in table.items()})

    def spans(self, text: str) -> list[Span]:
        """Every substring of ``text`` that the index knows."""
        out = []
        for i in range(len(text)):
            for j in range(i + 1, min(len(text), i + self.max_len) + 1):
                names = self.table.get(text[i:j])
                if names:
                    out.append(Span(i, j, names))
        return out

    def word_spans(self, words: list[str]) -> list[Span]:
        """Every run of English words the index knows (keys are space-joined lower-case words)."""
        out = []
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + self.max_words) + 1):
                names = self.table.get(" ".join(words[i:j]))
                if names:
                    out.append(Span(i, j, names))
        return out


def longest_reading(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, longest first (then leftmost, then the preferred kind), in text order."""
    chosen: list[Span] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start, KIND_RANK[s.kind])):
        cells = set(range(span.start, span.end))
        if not cells & taken:
            chosen.append(span)
            taken |= cells
    return sorted(chosen, key=lambda s: s.start)


def body_form_spans(masked: str) -> list[Span]:
    """Ministry-like names by form (自然资源部), for bodies neither the lexicon nor the graph knows;
    ``masked`` is the question with its question words blanked (same length)."""
    return [Span(m.start(), m.end(), (Name("body", m.group()),)) for m in _BODY_FORM.finditer(masked)]


# -- the static vocabulary --------------------------------------------------------------------------


def _body_pairs(lexicon: Iterable[Body]) -> Iterable[tuple[str, Name]]:
    for body in lexicon:
        for name in (body.name, *body.short, *body.former):
            yield name, Name("body", body.name)


@cache
def vocabulary_index(lexicon: tuple[Body, ...] | None = None) -> NameIndex:
    """Chinese names of the vocabulary: bodies, unit functions and abbreviations, places, topics."""
    pairs: list[tuple[str, Name]] = list(_body_pairs(bodies() if lexicon is None else lexicon))
    table = unit_vocab().abbreviations
    pairs += [(w, Name("unit_type", table.get(w, w))) for w in (*table, *table.values()) if len(w) >= 3]
    pairs += [(t, Name("unit_type", t)) for t in ask_vocab().unit_types_en.values() if len(t) >= 3]
    # every local function by its full and short names (管委会, 应急厅), as the loader types units
    pairs += [
        (w, Name("unit_type", fn.name))
        for fn in local_functions()
        for w in (fn.name, *fn.short)
        if len(w) >= 3
    ]
    table_places = places()
    pairs += [(n, Name("place", n)) for n in table_places.by_name if len(n) >= 2]
    pairs += [(n, Name("place", n)) for n in table_places.by_short if len(n) >= 2]
    for topic in load_topics():
        pairs += [(a, Name("topic", topic.name)) for a in (topic.name, *topic.aliases_zh) if len(a) >= 2]
    return NameIndex.build(pairs)


@cache
def english_index(lexicon: tuple[Body, ...] | None = None) -> NameIndex:
    """English names: bodies (official names), bureau words, places (pinyin, conventional), topics."""
    vocab = ask_vocab()
    pairs: list[tuple[str, Name]] = []
    for body in bodies() if lexicon is None else lexicon:
        for en in (body.en, *getattr(body, "en_also", ())):  # official name, then other usual ones
            english = norm_en(en).strip() if en else ""
            if english:
                pairs.append((english, Name("body", body.name)))
                if english.startswith("the "):
                    pairs.append((english[4:], Name("body", body.name)))
    for phrase, unit_type in vocab.unit_types_en.items():
        # 局 and 厅 are both rendered "bureau" and "department" (a province's 水利厅 is its water
        # resources department): either word finds the function
        for form in {phrase, phrase.replace("bureau", "department")}:
            pairs.append((form, Name("unit_type", unit_type)))
    # then every local function by the usual English name of the lexicon (Disabled Persons'
    # Federation, Department of Education), in both orders (education department)
    for fn in local_functions():
        english = norm_en(fn.en).strip() if fn.en else ""
        if english:
            pairs.append((english, Name("unit_type", fn.name)))
            head, of, rest = english.partition(" of ")
            *words, last = english.split()
            if of and " " not in head and not rest.startswith("the "):
                pairs.append((f"{rest} {head}", Name("unit_type", fn.name)))
            elif not of and words and last in BODY_WORDS_EN:  # bureau of culture radio television…
                pairs.append((f"{last} of {' '.join(words)}", Name("unit_type", fn.name)))
    pairs += [(name, Name("place", chinese)) for name, chinese in vocab.places_en.items()]
    # every place of a pinyin, the highest level first: the reader picks one the store holds
    pairs += [(pinyin, Name("place", p.name)) for pinyin, found in all_by_pinyin().items() for p in found]
    # a one-character name with its level (滑县 huaxian is written Hua County): the level in English
    for pinyin, found in all_by_pinyin().items():
        for p in found:
            for ending, syllable, word in _ONE_CHARACTER_LEVELS:
                if (
                    len(p.name) == 2
                    and p.name.endswith(ending)
                    and pinyin.endswith(syllable)
                    and pinyin != syllable
                ):
                    pairs.append((f"{pinyin[: -len(syllable)]} {word}", Name("place", p.name)))
    for topic in load_topics():
        for alias in (topic.en, *topic.aliases_en):
            pairs.append((norm_en(alias).strip(), Name("topic", topic.name)))
    return NameIndex.build(pairs)


# -- the store's units, per store generation -------------------------------------------------------


@dataclass
class _Generation:
    checked: float
    fingerprint: tuple[int, int]
    index: NameIndex
    units: tuple[tuple[str, str, str, str], ...]  # (name, local_name, unit_type, jurisdiction)
    working: frozenset[str] = frozenset()  # the units assigned a task (an issuer alone is none)
    spelled: dict[str, str] = field(default_factory=dict)  # name -> its function spelled out
    memo: dict[object, object] = field(default_factory=dict)  # answers derived from the units


_LOCK = threading.Lock()
# Keyed by the store object itself, weakly: a store closed and collected takes its generation with
# it (keyed by id(), a new store could take a closed one's id and, within RECHECK_S, its units).
_GENERATIONS: weakref.WeakKeyDictionary[GraphStore, _Generation] = weakref.WeakKeyDictionary()


def _fingerprint(store: GraphStore) -> tuple[int, int]:
    from fengong.queries.named import run_named

    units = run_named(store, "unit_count", {}, limit=1)
    docs = run_named(store, "document_count", {}, limit=1)
    return int(units[0]["total"]), int(docs[0]["total"])


def _generation(store: GraphStore) -> _Generation:
    from fengong.queries.named import run_named

    now = time.monotonic()
    known = _GENERATIONS.get(store)
    if known is not None and now - known.checked < RECHECK_S:
        return known
    with _LOCK:
        known = _GENERATIONS.get(store)
        if known is not None and now - known.checked < RECHECK_S:
            return known
        fingerprint = _fingerprint(store)
        if known is not None and known.fingerprint == fingerprint:
            known.checked = now
            return known
        rows = run_named(store, "unit_names", {}, limit=_ALL_ROWS)
        units = tuple(
            (r["name"], r["local_name"], r["unit_type"], r["jurisdiction"]) for r in rows if r["name"]
        )
        spelled = {str(r["name"]): str(r["full_name"]) for r in rows if r["name"] and r.get("full_name")}
        pairs: list[tuple[str, Name]] = []
        # (a two-character type names a class when several units share it: 海关 of 新郑海关, 许昌海关)
        shared = Counter(unit_type for _, _, unit_type, _ in units if len(unit_type) == 2)
        for name, local, unit_type, place in units:
            pairs.append((name, Name("unit", name, place, unit_type)))
            if local and local != name and len(local) >= 3:
                pairs.append((local, Name("unit", name, place, unit_type)))
            if spelled.get(name):  # 湖南省住房和城乡建设厅 asks for 湖南省住房城乡建设厅
                pairs.append((spelled[name], Name("unit", name, place, unit_type)))
            if name.endswith(_PEOPLE_S_GOVERNMENT) and len(name) > len(_PEOPLE_S_GOVERNMENT) + 1:
                # 柳州市政府 is 柳州市人民政府, as everyone writes it
                short = name[: -len(_PEOPLE_S_GOVERNMENT)] + "政府"
                pairs.append((short, Name("unit", name, place, unit_type)))
            if unit_type and (len(unit_type) >= 3 or shared[unit_type] >= 2) and unit_type != name:
                pairs.append((unit_type, Name("unit_type", unit_type)))
        working = frozenset(r["name"] for r in rows if r["name"] and r["tasks"])
        generation = _Generation(now, fingerprint, NameIndex.build(pairs), units, working, spelled)
        _GENERATIONS[store] = generation
        return generation


_PEOPLE_S_GOVERNMENT = "人民政府"


def store_index(store: GraphStore) -> NameIndex:
    """The units of ``store`` by full and local name, and their unit types (cached per generation)."""
    return _generation(store).index


def store_units(store: GraphStore) -> tuple[tuple[str, str, str, str], ...]:
    """Every unit of ``store`` as (name, local_name, unit_type, jurisdiction)."""
    return _generation(store).units


def spelled_out_names(store: GraphStore) -> dict[str, str]:
    """Each unit's name with its function spelled out, by its name as written (湖南省发展改革委 ->
    湖南省发展和改革委员会), for the units whose names write a short form (cached per generation)."""
    return _generation(store).spelled


def working_units(store: GraphStore) -> frozenset[str]:
    """The units of ``store`` that are assigned at least one task (cached per generation)."""
    return _generation(store).working


def store_people(store: GraphStore) -> tuple[str, ...]:
    """The people the store's documents name in charge of tasks, longest name first (once per store
    generation)."""
    return _people_and_labels(store)[0]


def store_person_labels(store: GraphStore) -> tuple[str, ...]:
    """The labels the store's documents give people in charge of tasks (责任人, 分管领导, 包村领导),
    longest first (once per store generation)."""
    return _people_and_labels(store)[1]


def _people_and_labels(store: GraphStore) -> tuple[tuple[str, ...], tuple[str, ...]]:
    from fengong.queries.named import run_named

    memo = store_memo(store)
    held = memo.get("people")
    if held is None:
        rows = run_named(store, "person_names", {}, limit=_ALL_PEOPLE)
        names = {str(r["name"]) for r in rows}
        labels = {str(r["label"]) for r in rows if r.get("label")}
        held = memo["people"] = (_longest_first(names), _longest_first(labels))
    assert isinstance(held, tuple)
    return held


def _longest_first(words: set[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=lambda n: (-len(n), n)))


#: More people than any store names in charge of tasks (the names query is read whole).
_ALL_PEOPLE = 1_000_000


def store_memo(store: GraphStore) -> dict[object, object]:
    """A dict that lives as long as the store's current generation (for answers derived from units)."""
    return _generation(store).memo


@cache
def _core(function: str) -> str:
    """A function without its body word (大数据管理局 -> 大数据, 卫生健康委员会 -> 卫生健康); remembered,
    as a question compares one function with every unit type of its place."""
    for suffix in (*sorted(unit_vocab().gov_suffixes, key=len, reverse=True), *_UNIT_BODIES):
        if function.endswith(suffix) and len(function) > len(suffix) + 1:
            return function[: -len(suffix)]
    return function


#: The level character of a place named by one more character, its pinyin and its English word.
_ONE_CHARACTER_LEVELS = (("县", "xian", "county"), ("区", "qu", "district"), ("市", "shi", "city"))

#: Body words of units that are not departments (消防救援支队 / 消防救援大队: one function at two levels).
_UNIT_BODIES = ("支队", "大队", "中心")


def same_function(asked: str, unit_type: str) -> bool:
    """Whether a unit type is the asked function under another body word (水利局 / 水利厅, 教育局 /
    教育厅: a province's departments are its cities' bureaus), the one written short or not
    (住房和城乡建设局 / 住房城乡建设厅)."""
    a, b = _core(asked), _core(unit_type)
    return (
        asked != unit_type
        and len(a) >= 2
        and len(b) >= 2
        and (a == b or short_form(a, b) or short_form(b, a))
    )


def merged_into(function: str, merged: str) -> bool:
    """Whether ``merged`` is a bureau that took ``function`` in with another (自然资源局 in
    自然资源和规划局, 大数据管理局 in 政务服务和大数据管理局, 卫生健康委员会 in 卫生健康和体育局):
    one of the parts its 和 joins has the function's core."""
    if "和" not in merged or function == merged:
        return False
    core = _core(function)
    return len(core) >= 2 and any(_core(part) == core for part in merged.split("和"))


#: The body word ending a function's short form, and the body words of the full names it may stand
#: for (a province's 应急厅 is its 应急管理厅, a city's 卫健委 its 卫生健康委员会); 部门 is any of them
#: (教育部门: the education bureaus and departments).
_SHORT_BODY = {
    "局": ("局", "厅"),
    "厅": ("厅", "局"),
    "委": ("委员会", "委"),
    "办": ("办公室", "办"),
    "部门": ("委员会", "办公室", "局", "厅", "委", "办", "支队", "大队", "中心"),
    "支队": ("支队",),
    "大队": ("大队",),
    "中心": ("中心",),
}
#: A function's short form by its shape: two to five characters before its body word (科创局, 应急厅,
#: 消防支队 for 消防救援支队).
SHORT_FUNCTION = re.compile(r"(?=([\u4e00-\u9fff]{2,5}(?:部门|支队|大队|中心|[局厅委办])))")


def _split_short(short: str) -> tuple[str, str]:
    body = next((b for b in ("部门", "支队", "大队", "中心") if short.endswith(b)), short[-1:])
    return short[: -len(body)], body


def abbreviates(short: str, unit_type: str) -> bool:
    """Whether ``short`` is a short form of the function ``unit_type`` written by keeping some of its
    characters in order (科创局 for 科技创新局, 应急厅 for 应急管理厅, 城管局 for 城市管理局): the same
    first character, the rest in order, and the body word (局 / 厅 / 委员会 / 办公室; 部门 any)."""
    core, body = _split_short(short)
    ending = next((e for e in _SHORT_BODY.get(body, ()) if unit_type.endswith(e)), None)
    if ending is None or len(core) < 2:
        return False
    full = unit_type[: -len(ending)]
    return (full != core or body == "部门") and short_form(core, full)


def short_form(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` written short by keeping some of its characters in order (科创
    for 科技创新, 食品安全 for 食品药品安全): the same first character, the rest in order."""
    rest = iter(full[1:])
    return full[:1] == short[:1] and all(ch in rest for ch in short[1:])  # each found further on


def abbreviated_types(short: str, unit_types: Iterable[str]) -> list[str]:
    """The unit types ``short`` abbreviates when they are one function (under one or several body
    words), else none: an abbreviation that could stand for two functions is not guessed. The
    function named whole comes first (教育部门: 教育局 and 教育厅, not also 教育体育局)."""
    found = sorted({t for t in unit_types if abbreviates(short, t)})
    core = _split_short(short)[0]
    if any(_core(t) == core for t in found):
        # the function named whole, not a bureau that merged it with another (教育体育局)
        found = [t for t in found if _core(t) == core or not _core(t).startswith(core)]
    cores = sorted({_core(t) for t in found}, key=len)
    if not cores:
        return []
    # one function however spelt (人力资源社会保障厅 / 人力资源和社会保障局: the shorter keeps the
    # longer's characters in order); a merged bureau beside it (住房建设园林局 beside 住房和城乡建设局
    # for 住建部门) is left out when the rest are one function and hold the function named whole
    cores_named = _named_cores(core)
    named = [t for t in found if strip_conjunctions(_core(t)) in cores_named]
    if named:  # 市场监管部门: the function its known short form stands for (市场监督管理局), not others
        return named  # that keep its characters (市场监管综合执法支队)
    one = [t for t in found if short_form(_core(t), cores[-1])]
    if len(one) < len(found):
        return []
    return one


def _named_cores(core: str) -> set[str]:
    """The cores of the functions ``core`` names: itself, and the function its known short form
    stands for (住建: 住房和城乡建设, as 住建局 is 住房和城乡建设局)."""
    known = (function_of(core + body) for body in _SHORT_BODY if len(body) == 1)  # 局 厅 委 办
    return {strip_conjunctions(c) for c in (core, *(_core(f) for f in known if f))}
