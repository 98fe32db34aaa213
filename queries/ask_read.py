"""Reading a question: the units, bodies, unit types, places, topic or open topic phrase, role,
intent and dates it names, by the longest reading (``ask_names``) of Chinese and English alike.

Nothing here chooses a query (``ask.py`` does); a ``Reading`` says what was recognised.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from fengong.queries.ask_english import glossary_terms, translate, translate_wide
from fengong.queries.ask_names import (
    KIND_RANK,
    SHORT_FUNCTION,
    Name,
    Span,
    abbreviated_types,
    body_form_spans,
    english_index,
    longest_reading,
    merged_into,
    same_function,
    store_index,
    store_memo,
    store_people,
    store_person_labels,
    store_units,
    vocabulary_index,
    working_units,
)
from fengong.queries.ask_vocab import ROLES, Words, ask_vocab, expand_abbreviations, norm_en
from fengong.vocabulary import (
    Body,
    Place,
    Topic,
    action_starts,
    all_by_pinyin,
    alternation,
    bodies,
    find_deadlines,
    find_places,
    in_order,
    load_topics,
    lookup_place,
    match_topic,
    matter_openings,
    opening_place,
    places,
    role_words,
    state_holding,
    terms_of_phrase,
    unit_vocab,
    word_pieces,
    zone_own_name,
)

if TYPE_CHECKING:
    from fengong.graph.store import GraphStore

_MASK = "〇"
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_SPAN_DAYS = {"天": 1, "日": 1, "周": 7, "星期": 7, "个月": 30, "月": 30, "年": 365}
_EN_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30, "year": 365, "years": 365}


@dataclass(slots=True)
class Reading:
    """Entities recognised in a question."""

    text: str  # the question with spaces removed (Chinese matching)
    words: str  # normalised English words, space-padded
    units: list[str] = field(default_factory=list)  # fully qualified unit names of the graph
    body: str | None = None  # a body of the lexicon (full name) or a ministry-like name by form
    more_bodies: list[str] = field(default_factory=list)  # the others a question names (A部和B部)
    # the units of each name the question gives, in order (a body's units where the store has them)
    groups: list[list[str]] = field(default_factory=list)
    unit_type: str | None = None
    places: list[str] = field(default_factory=list)
    issuers: list[str] = field(default_factory=list)  # places that are a national document's issuer
    short_form: tuple[str, str] | None = None  # (资规局, 常州市自然资源规划局): read by its characters
    topic: Topic | None = None
    topic_words: str | None = None  # the Chinese words that named the topic
    # the Chinese of an English topic's own words (insurance: 保险), searched when no task is tagged
    # with the topic (the words that named it stand for it, unlike topic_words, which narrow it)
    topic_search: str | None = None
    document_topic: bool = False  # the topic's words name a document (营商环境方案中, the farmland plan)
    plan_title: str | None = None  # the one held document the plan named first is (新疆棉花纺织方案中)
    plan_topic: str | None = None  # a topic whose words named that plan (这批督办事项里): no topic asked
    phrase: str | None = None  # an open topic phrase (Chinese), searched in the term index
    phrase_en: str | None = None  # the English words the phrase translates
    role: str | None = None
    who: bool = False  # the question asks for units (谁 / 哪个部门 / which department)
    # with a role word and a unit or date inside a longer task description: those words are the
    # task's (谁牵头…向铁塔公司公布), the phrase is searched and the unit is not the subject
    task_words: bool = False
    # English words of the question that name nothing read (a topic named by part of the words:
    # "elderly meal services" reads as elderly care, "meal" unused): the answer says so
    unused_en: list[str] = field(default_factory=list)
    # a progress report's state asked for: done / in progress / behind / not started
    state: str | None = None
    state_word: str = ""  # a report's own word asked for by itself (基本完成: not 正在推进 too)
    figure: str = ""  # words asking for a figure (增速是多少, how much funding): no task answers
    contact: str = ""  # words asking for contact details (电话, phone number): no document gives them
    post: str = ""  # words asking who holds a post (责任人是谁, the person in charge): part of contact
    people: list[str] = field(default_factory=list)  # people the documents name in charge of tasks
    ranked: bool = False  # it asks for the most (牵头任务最多, leads the most), whatever else it asks
    every: str = ""  # how often asked work recurs, as a deadline writes it (季 for 每季度开展)
    intent: str | None = None
    before: str | None = None
    after: str | None = None
    # before is the last day asked about (before October 2024, 到11月30日为止), not the day the
    # question stands on (as of 2025-09-01): work overdue by then is due on or before it
    through: bool = False
    any_state: bool = False  # 不论是否办结 / regardless of completion: done tasks are counted too
    not_lead: bool = False  # a negated lead (不是牵头, not as lead): every role but the lead
    lead_or_responsible: bool = False  # 牵头（负责）/ 负责（牵头）: a lead or a 责任单位, not a partner
    days: int | None = None  # "in the next N days"
    months: int | None = None  # "in the next N months" (calendar months; days then approximates)
    metric: str | None = None
    typed_units: list[str] = field(default_factory=list)  # the graph's units of unit_type in the places
    merged: bool = False  # typed_units took unit_type in with another function (自然资源和规划局)
    more_types: list[str] = field(default_factory=list)  # other functions named (工信局和财政局)

    @property
    def place(self) -> str | None:
        """The first place named."""
        return self.places[0] if self.places else None

    @property
    def unit_places(self) -> list[str]:
        """The places units are looked up in: not a national document's issuer (国办这个方案里
        keeps to the plan; its 发改委 is still the national body, not a unit "of" 国务院办公厅)."""
        return [p for p in self.places if p not in self.issuers]

    @property
    def compared_places(self) -> list[str]:
        """The places a question compares: the issuers of a plan count once (the MOST/MOE/MOF plan
        is one plan, not three places to compare)."""
        return [p for p in self.places if p not in self.issuers or p == self.issuers[0]]

    def summary(self) -> dict[str, Any]:
        """What was recognised, for refusals."""
        out = {
            "units": self.units,
            "body": self.body,
            "unit_type": self.unit_type,
            "places": self.places,
            "topic": self.topic.name if self.topic else None,
            "phrase": self.phrase,
            "role": self.role,
            "intent": self.intent,
            "state": self.state,
            "due_before": self.before,
            "due_after": self.after,
            "days": self.days,
            "metric": self.metric,
        }
        return {k: v for k, v in out.items() if v}


# -- names -----------------------------------------------------------------------------------------


def _topic(name: str) -> Topic | None:
    return next((t for t in load_topics() if t.name == name), None)


def _place_named(name: str, text: str, store: GraphStore | None) -> Place | None:
    """The place a name stands for: among places of one short name (朝阳: 朝阳区 in Beijing, 朝阳市
    in Liaoning), the one the store's documents are of, else the place table's choice."""
    place = lookup_place(name, text)
    if place is None or store is None:
        return place
    held = _document_places(store)
    if place.name in held:
        return place
    table = places()
    same = [p for p in table.by_name.get(name) or table.by_short.get(name) or [] if p.name in held]
    # an autonomous county or prefecture the store holds, by its place word (东乡县 / 东乡 of
    # 东乡族自治县, where 东乡区 is the table's 东乡)
    stem = place.short or name
    own = [h for h in held if h.startswith(stem) and _AUTONOMOUS_REST.fullmatch(h[len(stem) :])]
    if same:
        return same[0]
    return lookup_place(own[0], text) or place if len(own) == 1 else place


#: What follows an autonomous place's word in its name (族自治县 of 东乡族自治县, 傈僳族自治州).
_AUTONOMOUS_REST = re.compile(r"(?:[\u4e00-\u9fff]{0,4}族){1,3}自治(?:县|州|旗)")


def _keep_short_place(span: Span, text: str, spans: list[Span], store: GraphStore | None) -> bool:
    """A place by its short name (聊城, 资源) counts when it is a city or province, when the store
    holds units of it (天河 where a 天河区 plan is loaded), or when a unit name follows it (资源县 is
    rarely asked about as 资源 and collides with words)."""
    names = span.of("place")
    place = _place_named(names[0].value, text, store)
    if place is None:
        return False
    written = names[0].value
    held = store is not None and place.name in _held_places(store)
    if not held and text[span.end - 1 : span.end + 1] in ask_vocab().level_words:
        return False  # (建成县城智慧停车系统: 成县 inside 建成 and 县城)
    if not held and names[0].value in ask_vocab().word_places:
        return False  # (中心城区: 城区, a district's name, is a word unless the store holds its plans)
    # the full name, a city or province, or a name written with its level (三都县 for 三都水族自治县)
    if written == place.name or place.level in ("city", "province") or written[-1] in "省市县区州旗盟":
        return True
    if held:
        return True
    return any(s.start == span.end and s.kind in ("unit", "unit_type", "body") for s in spans)


def _township_spans(text: str, store: GraphStore) -> list[Span]:
    """Townships and zones whose documents the store holds (江湾镇 of a town's plan, 苏州高新区),
    named in the question: places the place table (counties and above) does not know."""
    memo = store_memo(store)
    towns = memo.get("townships")
    if towns is None:  # once per store generation, not per question
        names = _sub_places(store)
        towns = memo["townships"] = tuple((form, n) for n in names for form in _zone_forms(n, names))
    assert isinstance(towns, tuple)
    out = []
    for form, name in towns:
        at = text.find(form)
        if at >= 0:
            out.append(Span(at, at + len(form), (Name("place", name),)))
    return out


def _english_sub_place_spans(words: list[str], store: GraphStore) -> list[Span]:
    """Townships, streets and zones of the store's plans named in English (Shimen township, Xiong'an
    New Area, Suzhou high-tech zone): the pinyin of the name before its ending, then the ending's
    English words; longer than the county of the same pinyin, so they win it."""
    memo = store_memo(store)
    forms = memo.get("sub places en")
    if forms is None:  # once per store generation
        built: dict[str, str] = {}
        forms = memo["sub places en"] = built
        heads: dict[str, set[str]] = {}
        for sub in _sub_places(store):
            written = _english_forms(sub)
            built.update(dict.fromkeys(written, sub))
            if written:  # the joined pinyin (xiongan, not xiong of xiong an; jinpu of 大连金普新区)
                heads.setdefault(written[0].split()[0], set()).add(sub)
        # the pinyin alone (Shimen) names the one sub-place written so where no place of the table
        # with that pinyin is the store's
        held = _document_places(store)
        for head, named in heads.items():
            if len(named) == 1 and not any(p.name in held for p in all_by_pinyin().get(head, ())):
                built[head] = next(iter(named))
    assert isinstance(forms, dict)
    out = []
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 9) + 1):
            found = forms.get(" ".join(words[i:j]))
            if found:
                out.append(Span(i, j, (Name("place", found),)))
    return out


def _sub_places(store: GraphStore) -> list[str]:
    """The townships, streets and zones the store's plans are of: places the division table (counties
    and above) does not hold, and zones it holds as districts (苏州工业园区, Suzhou Industrial Park, not
    its pinyin alone) (once per store generation)."""
    memo = store_memo(store)
    found = memo.get("sub places")
    if found is None:
        zones = tuple(unit_vocab().self_placed_words)
        endings = (*unit_vocab().township_endings, *unit_vocab().community_words, *zones)
        found = memo["sub places"] = [
            n
            for n in sorted(_document_places(store))
            if n.endswith(endings) and (lookup_place(n) is None or n.endswith(zones))
        ]
    assert isinstance(found, list)
    return found


def _english_forms(name: str) -> list[str]:
    """How English writes a township, street or zone: 石门乡 -> shimen township / shimen town,
    雄安新区 -> xiongan new area / xiong an new area (the apostrophe of Xiong'an read as a space)."""
    from pypinyin import lazy_pinyin

    by_ending = ask_vocab().sub_place_words_en
    ending = next((e for e in sorted(by_ending, key=len, reverse=True) if name.endswith(e)), None)
    if ending is None or len(name) - len(ending) < 2:
        return []
    base = name[: -len(ending)]
    zone = ending in unit_vocab().self_placed_words
    bases = [base]
    if (
        zone and lookup_place(base) is None and len(base) > 2
    ):  # 苏州高新区: the city's short name, then the zone's word; 大连金普新区: also its own name
        place = opening_place(name)
        if place is not None and base.startswith(place.short):
            own = base[len(place.short) :]
            bases = [own, place.short] if len(own) >= 2 and lookup_place(own) is None else [place.short]
    # a street named after its road (湖南路街道): Hunan Road subdistrict, beside hunanlu subdistrict
    road = base.endswith("路") and len(base) > 2
    heads: dict[str, None] = {}
    for part, tail in (*((b, "") for b in bases), *(((base[:-1], " road"),) if road else ())):
        syllables = lazy_pinyin(part)
        spaced = "".join(s if k == 0 or s[0] not in "aoe" else f" {s}" for k, s in enumerate(syllables))
        heads.update(dict.fromkeys(("".join(syllables) + tail, spaced + tail)))
    forms = [f"{head} {word}" for head in heads for word in by_ending[ending]]
    own = bases[0] if zone and len(bases) > 1 else ""
    ends_en = ask_vocab().place_name_ends_en.get(own[-1:], ()) if len(own) >= 3 else ()
    # (大连长兴岛经济技术开发区: Changxing Island, its own name with the English of its last word)
    forms += [f"{''.join(lazy_pinyin(own[:-1]))} {word}" for word in ends_en]
    return forms


def _zone_forms(name: str, names: list[str]) -> list[str]:
    """How a question writes a zone: whole, or with its word short (长春经济技术开发区: 长春经开区; 经开区
    alone where it is the only zone of that word the store holds)."""
    forms = [name]
    own = zone_own_name(name)
    if own and sum(zone_own_name(n) == own for n in names) == 1:
        forms.append(own)  # 长兴岛 of 大连长兴岛经济技术开发区, the only zone of that name the store holds
    for short, whole in unit_vocab().zone_short_words.items():
        if name.endswith(whole):
            forms.append(name[: -len(whole)] + short)
            if sum(n.endswith(whole) for n in names) == 1:
                forms.append(short)
    return forms


def _chinese_spans(text: str, store: GraphStore | None, lexicon: tuple[Body, ...] | None) -> list[Span]:
    spans = vocabulary_index(lexicon).spans(text)
    if store is not None:
        spans += store_index(store).spans(text)
    # A name by form only where no known name ends at the same place (需要民政部 is 民政部).
    known_ends = {sp.end for sp in spans if sp.kind in ("body", "unit")}
    forms = body_form_spans(_strip_words(text, [w for w in _question_words_zh() if len(w) >= 2]))
    spans += [sp for sp in forms if sp.end not in known_ends]
    spans = [s for s in spans if s.kind != "place" or _keep_short_place(s, text, spans, store)]
    if store is not None:
        spans += _township_spans(text, store)
    # 三河镇 is a town, not 三河市: a place's name before a township's ending names no place we know
    towns = tuple(unit_vocab().township_endings)
    spans = [
        s
        for s in spans
        if s.kind != "place" or s.names[0].value == text[s.start : s.end] or not text.startswith(towns, s.end)
    ]
    # 教育部门 / 农业农村部门 are a function's departments anywhere, not the ministry; 市场监管部门 the
    # departments of that function, not the topic 市场监管
    spans = [s for s in spans if not (s.kind in ("body", "unit") and text[s.end - 1 : s.end + 1] == "部门")]
    spans = [s for s in spans if not (s.kind == "topic" and text.startswith("部门", s.end))]
    if store is not None:
        spans += _short_function_spans(text, spans, store)
    spans = [s for s in spans if not _inside_task_words(s, text)]
    return _owners_dropped(_sections_joined(longest_reading(_merge(spans)), text, lexicon), text)


def _owners_dropped(spans: list[Span], text: str) -> list[Span]:
    """A body's type named before one of its sections, apart from it (江西省生态环境厅工作要点中，生态
    环境监测处…): the section's owner, which names the plan, is no unit type asked about."""
    sections = [sp for sp in spans if sp.kind == "unit"]

    def owns(sp: Span) -> bool:
        word = text[sp.start : sp.end]
        return any(
            u.start >= sp.end
            and word not in text[u.start : u.end]
            and all(0 <= n.value.find(word) < len(n.value) - len(word) - 1 for n in u.of("unit"))
            for u in sections
        )

    return [sp for sp in spans if not (sp.kind == "unit_type" and owns(sp))]


def _sections_joined(spans: list[Span], text: str, lexicon: tuple[Body, ...] | None) -> list[Span]:
    """A body and one of its sections written one after the other (发改委投资处, 卫健委基层司,
    发改委的区域处) are one name: the section, not every unit of the body's function beside it."""
    out: list[Span] = []
    for sp in spans:
        before = out[-1] if out else None
        if before is not None and text[before.end : sp.start] in ("", "的") and sp.of("unit"):
            owners = [n.value for n in before.of("unit_type")]
            owners += [
                short
                for n in before.names
                if n.kind in ("body", "unit")
                for short, full in _body_names(lexicon).items()
                if full == (_lookup_body(n.value, lexicon) or n.value)
            ] + [n.value for n in before.of("unit")]
            kept = tuple(
                n for n in sp.of("unit") if any(o in n.type or n.value.startswith(o) for o in owners if o)
            )
            if kept:
                out[-1] = Span(before.start, sp.end, kept)
                continue
        out.append(sp)
    return out


def _inside_task_words(span: Span, text: str) -> bool:
    """Whether a short body name (网联 of 网联清算有限公司) stands inside a run of words that opens with
    an action (培育智能网联汽车零部件企业): the task's words, no body."""
    if span.kind != "body" or span.end - span.start > 3 or span.start == 0:
        return False
    start = span.start
    while start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff":
        start -= 1
    return start < span.start and text.startswith(_action_starts(), start)


@cache
def _task_openings() -> tuple[str, ...]:
    """Words that open a task's name: its work (推进, 培育…) or a suggestion's 关于."""
    return (*_action_starts(), *matter_openings())


@cache
def _action_starts() -> tuple[str, ...]:
    """Words that open a task's description (推进, 培育, 建设…), as the documents' subject clauses end."""
    return tuple(w for w in action_starts() if len(w) >= 2)


def _short_function_spans(text: str, spans: list[Span], store: GraphStore) -> list[Span]:
    """Functions written short in a way no list knows (区科创局, 四川省应急厅): a span naming the
    store's unit types the short form abbreviates, among those of the places the question names
    (of every place when it names none), where no unit, body or known function is read."""
    named = [sp for sp in spans if sp.kind in ("unit", "body", "unit_type")]
    asked = {lookup_place(n.value, text) for sp in spans for n in sp.of("place")}
    types = _types_by_first(store, frozenset(p.name for p in asked if p is not None))
    out = []
    for m in SHORT_FUNCTION.finditer(text):  # every start: the longest reading keeps the longest
        start, end = m.start(), m.start() + len(m.group(1))
        if m.group(1)[0] in types and not any(sp.start < end and start < sp.end for sp in named):
            found = abbreviated_types(m.group(1), types[m.group(1)[0]])
            if found:
                out.append(Span(start, end, tuple(Name("unit_type", t) for t in found)))
    return out


def _types_by_first(store: GraphStore, places: frozenset[str]) -> dict[str, list[str]]:
    """The store's unit types of ``places`` (of every place when empty) by first character, kept
    for the store's generation (a question reads a handful of short forms, the store has 60,000
    units)."""
    memo = store_memo(store)
    key = ("types by first", places)
    if key not in memo:
        by_first: dict[str, set[str]] = {}
        for _, _, unit_type, place in store_units(store):
            if unit_type and (not places or place in places):
                by_first.setdefault(unit_type[0], set()).add(unit_type)
        memo[key] = {first: sorted(types) for first, types in by_first.items()}
    found = memo[key]
    assert isinstance(found, dict)
    return found


def _merge(spans: list[Span]) -> list[Span]:
    """Spans over the same characters merged into one (names from the vocabulary and the store)."""
    # A dict keeps first-seen order and dedupes in one pass: a common unit word (能源局) names
    # hundreds of the store's units, and a list's ``in`` made this quadratic (80 ms a question).
    by_range: dict[tuple[int, int], dict[Any, None]] = {}
    for s in spans:
        by_range.setdefault((s.start, s.end), {}).update(dict.fromkeys(s.names))
    return [Span(a, b, tuple(sorted(n, key=lambda x: KIND_RANK[x.kind]))) for (a, b), n in by_range.items()]


def _apply(
    reading: Reading, spans: list[Span], text: str, store: GraphStore | None, lexicon: tuple[Body, ...] | None
) -> None:
    """Fill the reading from the chosen spans (text is the string the spans index: the question's
    characters, or for the English pass, whose reading has no text, its words)."""
    english = not reading.text
    for span in spans:
        if span.kind == "place":
            names = span.of("place")
            if english and len(names) > 1:
                names = [_held_place(names, store)]  # pujiang: 蒲江县 or 浦江县, whichever is loaded
            for name in names:
                place = _place_named(name.value, text, store)
                value = place.name if place else name.value
                if value not in reading.places:
                    reading.places.append(value)
    if len(reading.places) > 1 and store is not None:
        # a place whose units the store holds comes first (Taiwan compatriots in Xiamen's report:
        # 厦门市, not 台湾省, which a question names as people's origin)
        held = _held_places(store)
        reading.places.sort(key=lambda place: place not in held)
    for span in spans:
        kind = span.kind
        if kind == "unit":
            names = span.of("unit")
            if reading.places:
                # a name written whole carries its own place (广西水利厅和会宁县水务局)
                written = text[span.start : span.end] if not english else ""
                # (a zone's unit is its city's too: 合肥高新区财政局 asked with 合肥)
                local = [
                    n
                    for n in names
                    if n.place in reading.places or n.value == written or _within(n.place, reading.places)
                ]
                if not local:  # 市工信局 of another city: the function, in the place asked about
                    reading.unit_type = reading.unit_type or next((n.type for n in names if n.type), None)
                    continue
                names = local
            reading.units += [n.value for n in names if n.value not in reading.units]
            reading.groups.append([n.value for n in names])
        elif kind == "body":
            reading.body = _first_or_more(reading.body, reading.more_bodies, span.of("body")[0].value)
        elif kind == "unit_type":
            for name in span.of("unit_type"):  # one function under several body words (教育局, 教育厅)
                reading.unit_type = _first_or_more(reading.unit_type, reading.more_types, name.value)
        elif kind == "topic":
            if not english and text[span.start : span.end] in ask_vocab().document_words.zh:
                continue  # (冷链物流重点任务分工表里: 任务分工 is the plan's word, no topic)
            topic = _topic(span.of("topic")[0].value)
            # (合肥城市更新任务清单里，推进城中村改造由谁牵头: the topic named again after the plan's
            # clause is the task's words, though the plan's name held it too)
            again = (
                topic is not None
                and reading.topic is not None
                and reading.document_topic
                and not english
                and topic.name == reading.topic.name
                and span.start >= _plan_name_end(text)
            )
            if topic is not None and (
                reading.topic is None or len(topic.name) > len(reading.topic.name) or again
            ):
                reading.topic = topic
                document = ask_vocab().document_words
                if not english:
                    reading.topic_words = text[span.start : span.end]
                    # (光谷科技创新大走廊重点任务分工方案中: a topic inside the plan named first names the plan)
                    # (牵头哪几项督办任务: a document word that holds the topic's, 督办任务, names the report's tasks)
                    reading.document_topic = (
                        any(text.startswith(w, span.end) for w in document.zh)
                        or any(
                            text.startswith(w, span.start) and len(w) > span.end - span.start
                            for w in document.zh
                        )
                        or span.end <= _plan_name_end(text)
                    )
                else:  # English: spans count words (the farmland plan; the opinion on skills training)
                    split = text.split()
                    before = split[max(0, span.start - 2) : span.start]
                    reading.document_topic = _names_document_en(split[span.end :]) or (
                        len(before) == 2 and before[1] in _ABOUT_EN and before[0] in document.en
                    )
    # (Under the NDRC/NEA demand-side plan, who leads …; 科技部、教育部、财政部成果转化方案中，…: the
    # bodies naming the plan are its issuers, unless the body is the subject: 国家卫健委在托育方案里牵头)
    plan_start, plan_end = _plan_clause_en(text) if english else (0, _plan_name_end(text))

    def in_plan_clause(sp: Span) -> bool:
        inside = plan_start <= sp.start and sp.end <= plan_end
        return inside and (english or not _subject_in_plan(text[sp.end : plan_end]))

    in_plan = {n.value for sp in spans if sp.kind == "body" and in_plan_clause(sp) for n in sp.of("body")}
    # (a body named outside the clause too is asked about: what does the NDRC lead in the NDRC/NEA plan)
    outside = [sp for sp in spans if sp.start >= plan_end or sp.end <= plan_start]
    in_plan -= {n.value for sp in outside if sp.kind == "body" for n in sp.of("body")}
    if reading.body and not reading.units and store is not None:
        kept = []
        # (印发了哪些文件 asks for the issuer's documents: the issuer is then what is asked about)
        names_plan = _names_plan(reading, text)
        for body in (reading.body, *reading.more_bodies):
            units = _units_of_body(body, store, lexicon)
            working, issues = working_units(store), _issues_documents([body], store)
            # (人民银行普惠金融方案: the plan the PBOC issues, though a branch of it works in another)
            own = {u for u in units if u == body or _lookup_body(u, lexicon) == body}  # not its branches
            # 商务部等九部门…措施中: the joint notice its first signer names, whatever it leads in it
            joint = issues and body == reading.body and _joint_notice().search(text) is not None
            if (
                joint
                or (issues and (_opens_plan_name(body, text, lexicon) or body in in_plan))
                or ((names_plan or issues) and not working & set(units))
                or (names_plan and issues and not working & own)
            ):
                _issuer_scope(reading, [body], store)
                continue  # 国办这个方案里: the plan's issuer, assigned nothing, names no unit asked about
            kept.append(body)
            reading.units += [u for u in units if u not in reading.units]
            reading.groups.append(units or [body])
        reading.body, reading.more_bodies = (kept[0] if kept else None), kept[1:]
    # (科技部、教育部、财政部成果转化方案中，科技部牵头哪些任务: units naming the plan are its issuers; one
    # named again after the plan is what is asked about)
    named_in = {n.value for sp in spans if sp.kind == "unit" and in_plan_clause(sp) for n in sp.of("unit")}
    if named_in and store is not None and _issues_documents(sorted(named_in), store):
        _issuer_scope(reading, sorted(named_in, key=reading.units.index), store)
        again = {n.value for sp in outside if sp.kind == "unit" for n in sp.of("unit")}
        reading.units = [u for u in reading.units if u not in named_in or u in again]
        reading.groups = [g for g in reading.groups if not set(g) <= named_in - again]
    if named_in and store is not None:
        # (山区26县任务清单里，X由哪个省级部门牵头: a unit whose name is the named plan's words, named
        # nowhere else, is the plan's name, not what is asked about)
        again = {n.value for sp in outside if sp.kind == "unit" for n in sp.of("unit")}
        # (not the plan's issuer, whose name opens its title: 大连市教育局这份方案里 is its own plan)
        titled = {
            u
            for u in named_in - again
            if any(u in t and not t.startswith(u) for t in _document_titles(store))
        }
        if titled:
            reading.units = [u for u in reading.units if u not in titled]
            reading.groups = [g for g in reading.groups if not set(g) <= titled]
    if (
        reading.units
        and store is not None
        and (_names_plan(reading, text) or _issues_documents(reading.units, store))
    ):
        # a unit assigned nothing beside a document's name is the plan's issuer (国办数据要素分工方案)
        _drop_issuers(reading, store)
    first = reading.units[:1]
    if (
        first
        and store is not None
        and not named_in  # (the plan's signers were read from its name already)
        and _joint_notice().search(text)
        and _issues_documents(first, store)
    ):
        # 商务部等九部门…措施中: the joint notice its first signer names, whatever it leads in it
        _issuer_scope(reading, first, store)
        reading.units, reading.groups = reading.units[1:], [g for g in reading.groups if g != first]
    if reading.unit_type and (reading.unit_places or reading.more_types) and store is not None:
        # the place's units of the function; several functions (教育局 and 教育厅) in every place
        places = _with_parent_places(store, frozenset(reading.unit_places))
        for function in (reading.unit_type, *reading.more_types):
            units, merged = _typed_units(store, function, places)
            reading.typed_units += [u for u in units if u not in reading.typed_units]
            reading.merged = reading.merged or merged
            if units:
                reading.groups.append(units)


def _with_parent_places(store: GraphStore, places: frozenset[str]) -> frozenset[str]:
    """``places`` with the places of the plans of a street, town or zone among them: a street's plan
    assigns work to its district's bureaus (区商务局 in 三里屯街道's plan is 朝阳区商务局)."""
    subs = places & set(_sub_places(store))
    if not subs:
        return places
    more = {p for _, held in _placed_titles(store) if held & subs for p in held}
    return places | frozenset(more)


def _typed_units(store: GraphStore, function: str, places: frozenset[str]) -> tuple[list[str], bool]:
    """``_units_of_function`` over the units of ``places`` (of every place when empty), kept for
    the store's generation: a scan of every unit (60,000 on 10,000 documents) once, not per question."""
    memo = store_memo(store)
    key = ("typed units", function, places)
    if key not in memo:
        # (a township's or zone's units are named with it, whatever city holds them: 小榄镇X)
        local = [
            (name, t)
            for name, _, t, place in store_units(store)
            if not places or place in places or name.startswith(tuple(places))
        ]
        memo[key] = _units_of_function(function, local)
    found = memo[key]
    assert isinstance(found, tuple)
    return list(found[0]), bool(found[1])


def _held_place(names: list[Name], store: GraphStore | None) -> Name:
    """Of places one English name sounds like, the first whose units the store holds, else the
    first (the highest level)."""
    if store is not None:
        held = _held_places(store)
        for name in names:
            if name.value in held:
                return name
    return names[0]


_ALL_PLACES = 1_000_000  # every place and issuer the documents hold


def _figure_pair(text: str, words: str) -> str:
    """The pair of words asking for a figure (实际…多少, how many … actually) the question holds,
    in either order, or an amount of money after 多少 (多少中央财政资金), else ''."""
    for first, second in ask_vocab().figure_pairs:
        within = text if not first.isascii() else words
        if first in within and second in within and not _counts_tasks(within):
            return f"{first}…{second}"
    m = _amount_re().search(text)
    if m:
        return m.group()
    # (how many visitors attended: a count of what the graph does not hold)
    many = re.search(r" how many ([a-z]+) ", words)
    return f"how many {many[1]}" if many and many[1] not in ask_vocab().countable_en else ""


def _counts_tasks(text: str) -> bool:
    """Whether the 多少 / 几 / how many of a question counts tasks (多少项, 几个任务, how many tasks)."""
    return _TASK_COUNT.search(text) is not None


_TASK_COUNT = re.compile(r"(?:多少|几)(?:[项条件]|个?(?:任务|工作|事项))| how many (?:tasks|items|jobs) ")


@cache
def _amount_re() -> re.Pattern[str]:
    amounts = ask_vocab().amount_words
    money = "|".join(re.escape(w) for w in amounts["money"])
    counters = "".join(re.escape(w) for w in amounts["counters"])
    return re.compile(rf"多少(?![{counters}])[\u4e00-\u9fff]{{0,10}}?(?:{money})")


@cache
def _joint_notice() -> re.Pattern[str]:
    """A joint notice named by its first signer (商务部等九部门, 体育总局等8部门, the MOFCOM and eight
    other departments), from ask.yaml's ``joint_notice`` ({n}: a number however written)."""
    words = ask_vocab().joint_notice
    zh = [re.escape(w).replace(re.escape("{n}"), r"[\d一二三四五六七八九十]+") for w in words.zh]
    number = r" \w+ "  # eight, 8
    en = [r"\b" + re.escape(w).replace(re.escape(" n "), number) + r"\b" for w in words.en]
    return re.compile("|".join(zh + en))


def _compound_labels(text: str) -> str:
    """``text`` with 责任 masked after a cooperation word (配合责任单位, 协同责任单位): the label's role
    is its first word's, not a second role asked for."""
    if "责任" not in text:
        return text
    for label, lead in ask_vocab().lead_labels.items():  # (第一责任单位: the lead's label, 牵头单位)
        text = text.replace(label, lead)
    return _compound_re().sub(lambda m: m.group("head") + _MASK * 2, text)


@cache
def _compound_re() -> re.Pattern[str]:
    heads = sorted(ask_vocab().roles["cooperate"].zh, key=len, reverse=True)
    return re.compile(rf"(?P<head>{'|'.join(map(re.escape, heads))})责任")


def _opens_plan_name(body: str, text: str, lexicon: tuple[Body, ...] | None) -> bool:
    """Whether the question opens with a plan named by ``body`` as its issuer (国办数字政府分工方案中:
    the 国办's plan, whatever the 国办 leads in it), the body's name followed by no role word."""
    m = _plan_name_re().search(text)
    if m is None:
        return False
    start, end = m.start("plan"), m.end()
    for size in range(min(end - start, 12), 1, -1):
        written = text[start : start + size]
        if _lookup_body(written, lexicon) == body or written == body:
            # (国家卫健委在托育方案里牵头: the body is the subject, in the plan)
            return not _subject_in_plan(text[start + size : end])
    return False


def _subject_in_plan(rest: str) -> bool:
    """Whether a body inside a plan's name is the subject of what follows it (国家卫健委在托育方案里,
    国家卫健委牵头的托育方案中), not the plan's issuer; ``rest`` is the plan's name after the body."""
    return rest.startswith(("在", "于", *_role_words_zh()))


@cache
def _role_words_zh() -> tuple[str, ...]:
    """Every Chinese role word of the question vocabulary."""
    return tuple(w for r in ask_vocab().roles.values() for w in r.zh)


def _within(place: str | None, places: list[str]) -> bool:
    """Whether a zone or township the place table does not hold lies in one of ``places``: its
    name opens with that place's name or short name (合肥高新技术产业开发区 in 合肥市)."""
    if not place or lookup_place(place) is not None:
        return False
    for p in places:
        known = lookup_place(p)
        if place.startswith(p) or (known is not None and known.short and place.startswith(known.short)):
            return True
    return False


def _plan_clause_en(words: str) -> tuple[int, int]:
    """The words (start, end) of an English clause naming a plan by its issuers: opening the
    question up to its first question word (in / under the NDRC and NEA demand side plan, who …),
    or inside it from an opening word to the plan's document word (which unit leads the most tasks
    in the MOST/MOE action plan); (0, 0) when there is none."""
    split = words.split()
    vocab = ask_vocab()
    if not split:
        return 0, 0
    if split[0] in vocab.plan_clause_openers.en:
        asking = next((i for i, w in enumerate(split) if w in vocab.plan_clause_ends.en), 0)
        if any(w in vocab.document_words.en for w in split[:asking]):
            return 0, asking
    # (the nearest opener before a document word: in Caofeidian's port logistics plan)
    for j, word in enumerate(split):
        if word not in vocab.document_words.en:
            continue
        for i in range(j - 1, max(-1, j - _PLAN_CLAUSE_WORDS), -1):
            if split[i] in vocab.plan_clause_ends.en:
                break
            if split[i] in vocab.plan_clause_openers.en and i + 1 < j:
                return i, j + 1
    return 0, 0


#: Words an English clause naming a plan by its issuers takes at most (in the MOST/MOE/MOF … plan).
_PLAN_CLAUSE_WORDS = 24


def _plan_name_end(text: str) -> int:
    """Where a plan named at the question's start ends (…协同发展2028年分工方案中，): after its
    document word and 中 / 里 / 内, or 0 when the question names none so."""
    m = _plan_name_re().search(text)
    return m.end() if m else 0


@cache
def _plan_name_re() -> re.Pattern[str]:
    """A plan named at the question's start, after a clause of the date at most (截至今天，)."""
    words = "|".join(re.escape(w) for w in sorted(ask_vocab().document_words.zh, key=len, reverse=True))
    campaigns = "|".join(re.escape(w) for w in sorted(ask_vocab().campaign_words, key=len, reverse=True))
    return re.compile(
        rf"^(?:[^，,？?。]{{0,12}}[，,])?(?P<plan>[^，,？?。]{{4,40}}?(?:(?:{words})(?:中|里|内)"
        rf"|(?:{campaigns})(?:中|里)(?=[，,])))"
    )


def _names_plan(reading: Reading, text: str) -> bool:
    """Whether the question names a document (方案, the plan) without asking for documents; ``text``
    is the question's characters, or in the English pass its normalised words."""
    words = ask_vocab().document_words
    return bool(words.find_zh(text) or words.find_en(text)) and not _asks_documents(reading)


def _drop_issuers(reading: Reading, store: GraphStore) -> None:
    """Units assigned nothing, named beside a document, are its issuer: no unit asked about, but
    the scope of the question (the NHSA's plan: the documents the NHSA issues)."""
    working = working_units(store)
    if not working & set(reading.units):
        _issuer_scope(reading, reading.units, store)
        reading.units, reading.groups = [], [g for g in reading.groups if working & set(g)]


def _document_places(store: GraphStore) -> set[str]:
    """Every place and issuing body documents are kept to (once per store generation; a national
    document's places are the bodies that issue it: graph/mapping.py)."""
    from fengong.queries.named import run_named

    held = store_memo(store).get("document places")
    if held is None:
        rows = run_named(store, "document_places", {}, limit=_ALL_PLACES)
        held = store_memo(store)["document places"] = {str(r["place"]) for r in rows}
    assert isinstance(held, set)
    return held


def _issuing_name(name: str, held: set[str]) -> str | None:
    """The name under which the store's documents hold ``name`` as their issuer: as written, or as
    the lexicon's full name of the body (国家卫生健康委 signs as 国家卫生健康委员会)."""
    if name in held:
        return name
    full = _lookup_body(name, None)
    if full in held:
        return full
    # (the State Council's cold-chain table: a plan its general office issues, 国务院办公厅)
    return next(
        (o for o in (f"{b}{e}" for b in (name, full) if b for e in unit_vocab().office_endings) if o in held),
        None,
    )


def _issues_documents(names: list[str], store: GraphStore) -> bool:
    """Whether every one of ``names`` issues a loaded national document."""
    held = _document_places(store)
    return bool(names) and all(_issuing_name(name, held) for name in names)


def _issuer_scope(reading: Reading, names: list[str], store: GraphStore) -> None:
    """Keep the question to the documents ``names`` issue, where the store holds any."""
    held = _document_places(store)
    for name in names:
        issuing = _issuing_name(name, held)
        if issuing and issuing not in reading.places:
            reading.places.append(issuing)
            reading.issuers.append(issuing)


def _included(text: str, word: str | None) -> bool:
    """Whether ``word`` stands in ``text`` right after a word including it among the rest (含共同牵头,
    包括共同负责)."""
    if not word or not (at := text.find(word)) > 0:
        return False
    return text[:at].endswith(tuple(ask_vocab().role_inclusion.zh))


def _asks_documents(reading: Reading) -> bool:
    """Whether the question asks for documents (哪些文件, which documents)."""
    return ask_vocab().intents["documents"].find(reading.text, reading.words) is not None


def _held_places(store: GraphStore) -> set[str]:
    """The places the store holds units of (once per store generation)."""
    held = store_memo(store).get("held places")
    if held is None:
        held = store_memo(store)["held places"] = {place for _, _, _, place in store_units(store)}
    assert isinstance(held, set)
    return held


def _first_or_more(first: str | None, more: list[str], name: str) -> str:
    """The first name of a kind a question gives; a later, other one joins ``more`` (A部和B部)."""
    if first is None:
        return name
    if name != first and name not in more:
        more.append(name)
    return first


def _units_of_function(function: str, local: list[tuple[str, str]]) -> tuple[list[str], bool]:
    """The place's units of a function (``local``: name, unit type), and whether they took it in
    under another body word (水利厅 for 水利局) or with another function (大数据局 in
    政务服务和大数据管理局)."""
    exact = sorted(name for name, unit_type in local if unit_type == function)
    if exact:
        return exact, False
    for other in (same_function, merged_into):
        found = sorted(name for name, unit_type in local if other(function, unit_type))
        if found:
            return found, True
    return [], False


@cache
def _body_names(lexicon: tuple[Body, ...] | None) -> dict[str, str]:
    """Every name of every body -> the body's full name."""
    out: dict[str, str] = {}
    for body in bodies() if lexicon is None else lexicon:
        for name in (body.name, *body.short, *body.former):
            out.setdefault(name, body.name)
    return out


def _lookup_body(name: str, lexicon: tuple[Body, ...] | None) -> str | None:
    return _body_names(lexicon).get(name)


def _placed(rest: str) -> bool:
    """Whether a name's rest after a central body names a place (江西省税务局, 青岛监管局)."""
    return bool(find_places(rest)) or places().short_pattern.match(rest) is not None


def _units_of_body(body: str, store: GraphStore, lexicon: tuple[Body, ...] | None) -> list[str]:
    """The graph's units that are the body: by full name, or by a name the lexicon resolves to it,
    and its branches: a unit named by one of the body's names and a place (人民银行桂林市分行,
    国家税务总局江西省税务局), which does the body's work there."""
    memo = store_memo(store)
    key = ("body", body, lexicon)
    if key in memo:
        return list(memo[key])
    names = [n for n, b in _body_names(lexicon).items() if b == body and len(n) >= 4]
    out = []
    for name, local, _, _ in store_units(store):
        named = name == body or any(_lookup_body(n, lexicon) == body for n in (name, local) if n)
        if named or any(name.startswith(n) and _placed(name[len(n) :]) for n in names):
            out.append(name)
    memo[key] = found = sorted(set(out))
    return list(found)


def _mask_words(words: list[str], spans: list[Span]) -> str:
    """The English words, space-padded, with each word a span covers as ``_``."""
    return (
        " "
        + " ".join("_" if any(s.start <= i < s.end for s in spans) else w for i, w in enumerate(words))
        + " "
    )


#: Words in quotes long enough to be a task's name, not a state word asked about (“已完成”).
_QUOTED_TASK = re.compile(r"[“「『\"][^”」』\"]{6,60}[”」』\"]")


def _quoted_task(text: str) -> str:
    """The one task a question quotes by its words (“加大金融支持”), its work's word opening them, else
    '': a quoted state word (“列入计划逐步解决”), a slogan or several quotes name none."""
    found = [m.group()[1:-1] for m in _QUOTED_TASK.finditer(text)]
    if len(found) != 1 or state_holding(found[0]) or not found[0].startswith(_task_openings()):
        return ""  # (a quoted slogan, “光伏+戈壁农业”融合发展, is words of a task's name)
    return found[0]


def _mask(text: str, spans: list[Span]) -> str:
    chars = list(text)
    for s in spans:
        chars[s.start : s.end] = _MASK * (s.end - s.start)
    return "".join(chars)


# -- words -----------------------------------------------------------------------------------------


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _english_date(words: str) -> tuple[str, int] | None:
    """An ISO date, "1 October 2024", "end of June 2021", "June 2021" or a year after "by", "in",
    "end of" …, with its position in ``words``."""
    m = re.search(r" (\d{4}) (\d{1,2}) (\d{1,2}) ", words)  # 2021-06-30 after normalisation
    if m:
        return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}", m.start()
    months = ask_vocab().months_en
    m = re.search(r" (\d{1,2}) ([a-z]+) (\d{4}) ", words) or re.search(r" ([a-z]+) (\d{1,2}) (\d{4}) ", words)
    if m:  # 1 October 2024, October 1 2024
        day, month = (m[1], m[2]) if m[1].isdigit() else (m[2], m[1])
        if month in months and 1 <= int(day) <= calendar.monthrange(int(m[3]), months[month])[1]:
            return f"{int(m[3]):04d}-{months[month]:02d}-{int(day):02d}", m.start()
    # (the first month so written: Dongxing's 2028 list … in March 2028 holds "s 2028" before it)
    m = next((m for m in _MONTH_YEAR_EN.finditer(words) if m[2] in months), None)
    if m:
        year, month = int(m[3]), months[m[2]]
        if m[1] == "before ":  # before October 2024: by the end of September
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return _month_end(year, month), m.start()
    # a year alone is a date after a word that makes it one ("in the 2024 plan" names a document)
    m = re.search(r" (?:end of|by|before|until|till|in|during|after|since|from|up to|due) (\d{4}) ", words)
    if m and 2000 <= int(m[1]) <= 2100:
        return f"{m[1]}-12-31", m.start(1) - 1
    return None


_MONTH_YEAR_EN = re.compile(r" (before |end of |in |during )?([a-z]+) (\d{4})(?= )")


def _bare_year(deadline: Any, text: str) -> bool:
    """Whether a deadline read from a question is a year alone with no due word after it."""
    if not re.fullmatch(r"\s*\d{4}\s*年\s*", deadline.text or ""):
        return False
    end = deadline.end if deadline.end is not None else len(text)
    return not re.match(_YEAR_DUE, text[end:])


#: Words after a year alone that make it a date (2026年前, 2026年才到期), not a document's year.
_YEAR_DUE = r"(?:才|就|要|将|会|应|需)?(?:前|底|内|以前|之前|为止|完成|到期|截止)"


#: Of those, the ones that ask about the year itself (2026年才到期: from January 1), not up to it.
def _apart(text: str, first: Words, second: Words) -> bool:
    """Whether ``text`` holds a word of ``second`` outside every word of ``first`` (牵头（负责）: yes;
    牵头负责, 负责牵头: no, one word of ``first``)."""
    masked = text
    # (the documents' compound lead words too: 牵头负责, 负责牵头)
    for word in sorted({*first.zh, *role_words().get("lead", ())}, key=len, reverse=True):
        masked = masked.replace(word, _MASK * len(word))
    return any(w in masked for w in second.zh)


def _glossed(text: str, first: Words, second: Words) -> bool:
    """Whether a word of one role is glossed in brackets right after by a word of the other
    (负责（牵头）, 牵头（负责））."""
    a = "|".join(map(re.escape, first.zh))
    b = "|".join(map(re.escape, second.zh))
    return re.search(f"(?:{a})[（(](?:{b})[）)]|(?:{b})[（(](?:{a})[）)]", text) is not None


def _scope_only(word: str, text: str) -> bool:
    """Whether a word asking for documents only scopes the question (在全部文件中，哪些任务已逾期:
    across every document): followed by 中 / 里 / 内."""
    at = text.find(word) if not word.isascii() else -1
    return at >= 0 and text.startswith(("中", "里", "内", "当中", "之中"), at + len(word))


def _plan_periods(question: str, year: int) -> list[tuple[int, int]]:
    """The dates and periods inside the name of the plan a question opens with that name the
    document: each followed within a few characters by its document word (一季度通报, 2028年工作要点)."""
    plan = _plan_name_re().search(question)
    if plan is None:
        return []
    start = plan.start("plan")
    name = question[start : plan.end()]
    # (a part of a year: a day, 截至2028年2月1日棉花方案中, dates the question)
    spans = [
        (f.deadline.start, f.deadline.end) for f in find_deadlines(name, year) if f.deadline.kind == "period"
    ]
    for period in ask_vocab().periods:  # 一季度, 上半年: a year's part, with or without its year
        spans += [(m.start(), m.end()) for w in period.words.zh for m in re.finditer(re.escape(w), name)]
    return [
        (start + s, start + e)
        for s, e in spans
        if s is not None and e is not None and _document_after().match(name, e)
    ]


@cache
def _document_after() -> re.Pattern[str]:
    """A document word a few characters on (一季度工作通报: 工作通报)."""
    words = "|".join(re.escape(w) for w in sorted(ask_vocab().document_words.zh, key=len, reverse=True))
    return re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:{words})")


def _exact_day(written: str, before: str, tail: str) -> bool:
    """Whether a day a question names is the day tasks fall due on, not a limit they are due by:
    written with its day (9月1日), no 前 / 之前 after it, no 截至 / 到 before it."""
    return (
        re.search(r"\d{1,2}\s*[日号]$", written) is not None
        and not re.match(r"\s*(?:前|之前|以前|为止|止|内|以内)", tail)
        and re.search(r"(?:截至|截止到|截止|到|至|从|自|今后|未来)\s*$", before) is None
    )


_IN_YEAR = re.compile(r"(?:才|就|要|将|会|应|需)?(?:到期|完成|截止)")
#: A deadline said to be a month (完成时限在2028年10月, 时限为10月): due within it, not by its end.
_IS_MONTH = re.compile(r"(?:限|间)(?:在|为|是)$|落在$")
#: A deadline said to be a year (完成时限在2028年, 时限为2028年内), no month after it.
_YEAR_SAID = re.compile(
    r"(?:(?:限|间)(?:在|为|是)|落在)((?:19|20)\d{2})\s*年(?:度|内|之内|以内|中)?(?![\s\d一二三四五六七八九十上下全前底])"
)


#: The ``every`` of a question asking for every task whose deadline recurs or runs on (长期坚持).
OPEN_ENDED = "*"


def _dates(reading: Reading, question: str, year: int) -> str:
    """Set before / after from a date or a period of a year in the question (relative years and
    dates without a year read in ``year``, today's); return the question with it masked."""
    vocab = ask_vocab()
    # 今年 / 明年 as the year itself, in a copy: the question keeps its offsets
    relative = [(w, d) for w, d in vocab.relative_years.items() if not w.isascii() and w in question]
    dated = question
    for word, delta in relative:
        dated = dated.replace(word, f"{year + delta}年")
    if _period(reading, question, year):
        return question
    m = re.search(rf"((?:19|20)\d{{2}})\s*年\s*(?={_IN_YEAR.pattern})", dated)
    # a deadline said to be a year (完成时限在2028年, 时限为2028年内): due within it
    said = _YEAR_SAID.search(dated)
    if said is not None:
        reading.after, reading.before = f"{said[1]}-01-01", f"{said[1]}-12-31"
        at = said.start() if said.group().startswith("落") else said.start(1)  # (落在 names no task)
        return question[:at] + _MASK * (said.end() - at) + question[said.end() :]
    if m and not re.match(r"\s*(?:底|前|内|以前|之前)", dated[m.end() :]):  # 2026年才到期: due in 2026
        reading.after, reading.before = f"{m[1]}-01-01", f"{m[1]}-12-31"
        if relative:  # 今年到期: the question's words are not the dated copy's; nothing to mask
            return question
        return question[: m.start()] + _MASK * (m.end() - m.start()) + question[m.end() :]
    month = _BARE_MONTH.search(dated)
    if month is not None:
        # 10月份要完成的任务 / 十月到期: due in that month of today's year
        number = int(month[1]) if month[1].isdigit() else _cn_number(month[1])
        if 1 <= number <= 12:
            reading.after = f"{year}-{number:02d}-01"
            reading.before = _month_end(year, number)
            return question[: month.start()] + _MASK * (month.end() - month.start()) + question[month.end() :]
    found = find_deadlines(dated, year)
    window = next((f.deadline for f in found if f.deadline.kind == "period" and f.deadline.until), None)
    opening = _span_start(window.text, year) if window is not None else None
    if window is not None and window.until and opening and window.text in question:
        # 2028年7月1日至7月15日（之间）到期: due from its first day to its last
        reading.after, reading.before = opening, window.until
        return re.sub(
            rf"{re.escape(window.text)}(?:之间|期间|之内|以内)?", lambda m: _MASK * len(m.group()), question
        )
    hits = [f for f in found if f.deadline.kind == "by" and f.deadline.date]
    # a year alone names a document (2024年高标准农田方案) unless a due word follows it (2024年前)
    hits = [f for f in hits if not _bare_year(f.deadline, dated)]
    if hits:
        d = hits[0].deadline
        end = d.end if d.end is not None else len(dated)
        tail = dated[end : end + 3]
        if any(tail.startswith(w) for w in vocab.after.zh) and not d.text.endswith("前"):
            reading.after = d.date
        else:
            reading.before = d.date
            reading.through = tail.startswith("为止") or d.text.endswith("为止")
            month_end = d.date == _month_end(int(d.date[:4]), int(d.date[5:7]))
            head = dated[max(0, (d.start or 0) - 2) : d.start or 0]
            # 2026年3月底到期的任务 / 完成时限在2026年3月: due in that month
            # (a day written out, 2028年11月30日到期, is that day: below)
            days = re.search(r"[日号]", d.text) is not None
            if (
                month_end
                and not days
                and not d.text.endswith("前")
                and (_IN_YEAR.match(tail) or _IS_MONTH.search(head))
            ):
                reading.after = d.date[:8] + "01"
            elif _exact_day(d.text, dated[: d.start or 0], tail):
                # 2028年9月1日到期的任务 / 截止日期恰好是今天（2028年9月1日）: that day
                reading.after = d.date
        written = d.text
        for word, delta in relative:  # the words as the question wrote them
            written = written.replace(f"{year + delta}年", word)
        # masked, not removed: the names found in the question keep their offsets
        if written not in question:
            return question
        # 到 / 至 before the date belong to it (大气方案到2025年10月15日: the plan, not 方案到)
        return re.sub(
            f"(?:截止到|截至|截止|到|至)?{re.escape(written)}(?:为止)?",
            lambda m: _MASK * len(m.group()),
            question,
        )
    words = reading.words
    for word, delta in vocab.relative_years.items():
        if word.isascii():
            words = words.replace(f" {word} ", f" {year + delta} ")
    words = words.replace(" end of the year ", f" end of {year} ")
    span = re.search(r" between (.+?) and (.+) ", words)
    last = _english_date(f" {span[2]} ") if span else None
    if span and last:  # between 1 October and the end of November 2025 (between today and …: from_today)
        first = _english_date(f" {span[1]} ")
        reading.before = last[0]
        if first:
            reading.after = first[0]
        elif re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th)?", span[1].strip()):
            # between 1 and 15 October 2027: the first day in the last one's month
            day = int(re.sub(r"\D", "", span[1]))
            reading.after = _iso_day(int(last[0][:4]), int(last[0][5:7]), day)
        return question
    english = _english_date(words)
    if english:
        date, pos = english
        before_text = reading.words[:pos] + " "
        if any(f" {w} " in before_text[-20:] for w in vocab.after.en):
            reading.after = date
        elif re.search(
            r" (?:(?:due|falling due|fall due|falls due) on|deadlines? (?:of|on|is|falls on)) $", before_text
        ) and (re.match(r" \d{1,2} [a-z]+ \d{4} | [a-z]+ \d{1,2} \d{4} ", reading.words[pos:])):
            reading.after = reading.before = (
                date  # due on 20 August 2028, a deadline of 31 May 2028: that day
            )
        else:
            reading.before = date
            reading.through = " before " in reading.words[pos : pos + 8]  # before October 2024
            # due in November 2025, a November 2025 deadline: that month
            month = re.match(r" (?:in|during) ([a-z]+) \d{4} ", reading.words[pos:]) or re.match(
                r" ([a-z]+) \d{4} (?:deadlines?|due dates?|time limits?) ", reading.words[pos:]
            )
            if month and month[1] in vocab.months_en:
                reading.after = date[:8] + "01"  # due in November 2025: that month
            elif re.search(r" (?:in|during|due) $", before_text) and date.endswith("-12-31"):
                reading.after = date[:4] + "-01-01"  # deadlines in 2026: that year, not before its end
    return question


#: A month named without its year before a word of finishing (10月份要完成, 十月到期): due in it.
_BARE_MONTH = re.compile(
    r"(?<![\d年月日])(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?"
    r"(?=(?:内|里|中|期间)?(?:要|需要|应当|应|须|必须|将)?(?:到期|完成|办结|截止))"
)


def _span_start(text: str, year: int) -> str | None:
    """The first day of a span of dates written in a question (2028年7月1日至7月15日: 2028-07-01),
    or ``None`` when its first part names no day."""
    head = re.split(r"至|到|—|－|~|～", text, maxsplit=1)[0]
    day = re.fullmatch(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]", head.strip())
    if day is None:
        return None
    y = int(day[1]) if day[1] else year
    return _iso_day(y, int(day[2]), int(day[3]))


def _iso_day(year: int, month: int, day: int) -> str | None:
    """The ISO date of a day a question names, or ``None`` for one no calendar has (2月30日)."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _period(reading: Reading, question: str, year: int) -> bool:
    """A quarter or half of a year (第三季度, 2022年上半年, the first half of next year): due from
    its first day to its last."""
    vocab = ask_vocab()
    for period in vocab.periods:
        word = period.words.find(question, reading.words)
        if word is None:
            continue
        if word.isascii() and _names_document_en(reading.words.split(f" {word} ", 1)[-1].split()[:3]):
            continue  # the Yiwu Q1 report: the period names the document, not when tasks fall due
        at = question.find(word) if not word.isascii() else -1
        written = re.search(r"(\d{4})年?$", question[max(at - 5, 0) : at]) if at >= 0 else None
        english = re.search(rf" {re.escape(word)} (?:of )?(\d{{4}}) ", reading.words)
        relative = next(
            (d for w, d in vocab.relative_years.items() if w in question or f" {w} " in reading.words), 0
        )
        found = written or english
        y = int(found[1]) if found else year + relative
        reading.after, reading.before = f"{y}-{period.start}", f"{y}-{period.end}"
        return True
    return False


_WITHIN = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)(?:个月|个星期|星期|天|日|周)(?:以)?内")


def _days(reading: Reading) -> None:
    """ "未来30天", "30天内", "两周内", "next 30 days", "within 2 weeks", "next month"."""
    # (a year's number is no span: 郑州片区2028年…方案，未来30天内)
    m = re.search(r"(?<!\d)(\d{1,3}|[一二两三四五六七八九十]+)(个月|星期|天|日|周|月|年)(?!\d)", reading.text)
    if m:
        n = int(m[1]) if m[1].isdigit() else _cn_number(m[1])
        reading.days = n * _SPAN_DAYS[m[2]]
        if m[2] in ("个月", "月", "年"):
            reading.months = n * (12 if m[2] == "年" else 1)
        return
    m = re.search(r" (\d+) (days?|weeks?|months?|years?) ", reading.words)
    if m:
        reading.days = int(m[1]) * _EN_DAYS[m[2]]
        if m[2].startswith(("month", "year")):
            reading.months = int(m[1]) * (12 if m[2].startswith("year") else 1)
        return
    m = re.search(r" (?:next|coming|this) (day|week|month|year) ", reading.words)
    if m:
        reading.days = _EN_DAYS[m[1]]
    elif any(w in reading.text for w in ("下个月", "下一个月", "本月")):
        reading.days = 30
    elif any(w in reading.text for w in ("下周", "本周")):
        reading.days = 7


def _cn_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_NUM.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_NUM.get(tens, 1) * 10 + _CN_NUM.get(ones, 0)
    return _CN_NUM.get(text, 0)


def _metric(reading: Reading) -> str | None:
    for word, aliases in ask_vocab().metrics.items():
        if word in reading.text or any(f" {a} " in reading.words for a in aliases):
            return word
    return None


def _strip_words(text: str, words: list[str]) -> str:
    """``text`` with every word blanked character by character (offsets kept); a word of one
    character only where it is a word of its own (方案中, 由…负责), not inside another (中小学,
    行为, 公里, 对外开放)."""
    single = {w for w in words if len(w) == 1}
    for w in sorted((w for w in words if len(w) > 1), key=len, reverse=True):
        # (推进中 in 推进中心城区 stays: its last character opens a word of the text's)
        text = _unopened(w).sub(_MASK * len(w), text) if w in text else text
    if single and any(ch in single for ch in text):
        text = "".join(_MASK * len(p) if p in single else p for p in word_pieces(text))
    return text


@cache
def _unopened(word: str) -> re.Pattern[str]:
    """``word`` where its last character opens no word of ask.yaml's opened_words (中 before 心)."""
    after = sorted(o[1:] for o in ask_vocab().opened_words if o[0] == word[-1])
    return re.compile(re.escape(word) + (f"(?!{'|'.join(map(re.escape, after))})" if after else ""))


def _question_words_zh() -> list[str]:
    vocab = ask_vocab()
    out = list(vocab.filler.zh) + list(vocab.who.zh)
    out += [w for w in vocab.relative_years if not w.isascii()]
    for w in (
        *vocab.roles.values(),
        *vocab.document_roles.values(),
        *vocab.intents.values(),
        *vocab.states.values(),
        *(p.words for p in vocab.periods),
        vocab.before,
        vocab.after,
        vocab.generic_unit_words,
        vocab.place_question_words,
    ):
        out += list(w.zh)
    return out


@cache
def question_words_en() -> frozenset[str]:
    """The English words of the question vocabulary (roles, intents, fillers, …): no subject's words
    (built once: every English question's rest is read against it)."""
    vocab = ask_vocab()
    out = set(vocab.filler.en) | set(vocab.months_en) | {w for phrase in vocab.who.en for w in phrase.split()}
    out.update(w for phrase in vocab.relative_years if phrase.isascii() for w in phrase.split())
    for w in (
        *vocab.roles.values(),
        *vocab.intents.values(),
        *vocab.states.values(),
        *(p.words for p in vocab.periods),
        vocab.before,
        vocab.after,
        vocab.generic_unit_words,
        vocab.document_words,
        *vocab.recurring.values(),
    ):
        for phrase in w.en:
            out.update(phrase.split())
    return frozenset(out)


def _runs_zh(masked: str) -> list[re.Match[str]]:
    """The runs of Chinese characters left once names and question words are removed (offsets
    into ``masked``: every removal keeps the length)."""
    rest = _strip_words(masked, _question_words_zh())
    rest = re.sub(
        r"\d+(?:年|月|日|号)?|[一二两三四五六七八九十]+(?:个月|天|周|年)",
        lambda m: _MASK * len(m.group()),
        rest,
    )
    return list(_HAN_RUN.finditer(_task_verbs_kept(masked, rest)))


def _task_verbs_kept(text: str, rest: str) -> str:
    """``rest`` with a role word given back where it opens a task's words and the question asks the
    role with another word (落实养老服务补贴由哪个部门牵头: 落实 is the task's, 牵头 the question's)."""
    verbs = _role_verbs_opening_tasks()
    for m in reversed(list(_HAN_RUN.finditer(rest))):
        if len(m.group()) < _TASK_VERB_RUN:
            continue
        at = m.start()
        verb = next(
            (v for v in verbs if text.endswith(v, 0, at) and rest[at - len(v) : at] == _MASK * len(v)), ""
        )
        elsewhere = text[: at - len(verb)] + _MASK * (m.end() - at + len(verb)) + text[m.end() :]
        if verb and any(w in elsewhere for w in _all_role_words_zh()):
            rest = rest[: at - len(verb)] + verb + rest[at:]
    return rest


#: How many characters of a task's words follow a role word that opens them (落实 + 养老服务补贴).
_TASK_VERB_RUN = 3


@cache
def _all_role_words_zh() -> frozenset[str]:
    """The Chinese words of roles, the question's and the documents' (牵头, 负责, 落实, 支持)."""
    vocab = ask_vocab()
    return frozenset(w for r in (*vocab.roles.values(), *vocab.document_roles.values()) for w in r.zh)


@cache
def _role_verbs_opening_tasks() -> tuple[str, ...]:
    """Role words that also open a task's words (落实, 支持, 统筹), longest first."""
    roles = _all_role_words_zh()
    return tuple(sorted((w for w in _action_starts() if w in roles), key=len, reverse=True))


_SHORT_UNIT = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:局|司|委|办|厅|中心)")
_SHORT_MAX = 8  # a short form is a few characters; the name it shortens is longer


_NONE: frozenset[int] = frozenset()


def _short_form_index(store: GraphStore) -> tuple[list[tuple[str, str, str]], dict[str, frozenset[int]]]:
    """The store's working units as (name, local name, place) and, per character, the units whose
    local name holds it (once per store generation: a short form is matched against a few units)."""
    memo = store_memo(store)
    found = memo.get("short form index")
    if found is None:
        working = working_units(store)
        units = [
            (name, local or name, place) for name, local, _, place in store_units(store) if name in working
        ]
        chars: dict[str, set[int]] = {}
        for i, (_, local, _) in enumerate(units):
            for ch in set(local):
                chars.setdefault(ch, set()).add(i)
        found = memo["short form index"] = (units, {ch: frozenset(ids) for ch, ids in chars.items()})
    assert isinstance(found, tuple)
    return found


def _abbreviated_unit(reading: Reading, masked: str, store: GraphStore) -> None:
    """A short form no list knows, read as the one unit it abbreviates: its characters in order in
    the unit's name, ending alike, the first one early in it (常州资规局: 常州市自然资源和规划局;
    规财法规司: 规划财务和法规司). Only a working unit of the question's place, and only where
    exactly one fits: a word shared by several names stays words to search for."""
    places = set(reading.unit_places)
    units, by_char = _short_form_index(store)
    for run in _runs_zh(masked):
        for m in _SHORT_UNIT.finditer(run.group()):
            word = m.group()
            for start in range(len(word) - 2):  # the longest tail first, down to three characters
                short = word[start:]
                # the units whose names hold every character of it (the rarest character's first)
                held = sorted((by_char.get(ch, _NONE) for ch in set(short)), key=len)
                ids = held[0].intersection(*held[1:]) if held else set()
                fits = [
                    name
                    for name, local, place in (units[i] for i in ids)
                    # (a township's unit is held under its county: named with the township, 陶家河乡X)
                    if (not places or place in places or name.startswith(tuple(places)))
                    and len(local) > len(short)
                    and short[-1] in local[-3:]  # 委 ends 经济发展委员会 as 委员会
                    and local.find(short[0]) < len(local) // 2 + 1
                    and in_order(short, local)
                ]
                if len(set(fits)) == 1:
                    reading.units, reading.groups = [fits[0]], [[fits[0]]]
                    reading.short_form = (short, fits[0])
                    if reading.topic_words and reading.topic_words in short:
                        reading.topic = reading.topic_words = None  # the topic's words were the unit's
                    return


def _open_phrase_zh(masked: str) -> str | None:
    """The longest run of Chinese characters left once names and question words are removed, less
    a word naming the document it ends with (交通方案里: 交通)."""
    runs = [m.group() for m in _runs_zh(masked)]
    if not runs:
        return None
    # the plan named at the question's start (乌镇峰会服务保障任务清单中，X由谁牵头) is no task's words
    end = _plan_name_end(masked)
    after = [m.group() for m in _runs_zh(masked) if m.start() >= end and len(m.group()) >= 2] if end else []
    # a document's word alone (武安方案中 with its place read) names no task
    runs = [r for r in after or runs if r not in ask_vocab().document_words.zh] or runs
    # a run naming the document (专精特新方案中，支持企业研发建设由谁牵头) yields to one naming the task
    phrase = max(
        runs, key=lambda r: (len(_less_document_word(r)) >= 2 and r == _less_document_word(r), len(r))
    )
    return _less_document_word(phrase)


def _named_plan(masked: str, store: GraphStore) -> str | None:
    """The title of the one held document the plan named at the question's start is: the title
    holding every word of its name, places and units aside (新疆棉花纺织方案中: 新疆维吾尔自治区棉花和纺
    织服装产业高质量发展实施方案); ``None`` when no plan is named or not exactly one title fits."""
    m = _plan_name_re().search(masked)
    if m is None:
        return None
    runs = [_less_document_word(r.group().rstrip("中里内")) for r in _runs_zh(masked[: m.end()])]
    pieces = [p for r in runs for p in word_pieces(r) if len(p) >= 2]
    if not pieces:
        return None
    found = [t for t in _document_titles(store) if all(p in t for p in pieces)]
    return found[0] if len(set(found)) == 1 else None


def _named_plan_en(words: list[str], spans: list[Span], store: GraphStore, places: list[str]) -> str | None:
    """The title of the one held document an English clause names by its words (in the Weifang
    digital transformation report: 潍坊市制造业数字化转型…通报): among the documents of ``places``
    (the question's), the title that holds a Chinese gloss of the most of the clause's other words
    (at least half); ``None`` unless exactly one title does."""
    start, end = _plan_words_en(words)
    if not end:
        return None
    # (a topic's words are the title's words too: digital transformation)
    taken = {i for s in spans if s.kind != "topic" for i in range(s.start, s.end)}
    vocab = ask_vocab()
    skip = (
        question_words_en()
        | set(vocab.document_words.en)
        | set(vocab.plan_clause_openers.en)
        | vocab.document_kind_en
    )
    clause = [
        w for i, w in enumerate(words[start:end], start) if i not in taken and w not in skip and w.isalpha()
    ]
    runs = translate_wide(clause) if clause else []
    if not runs:
        return None
    # (the documents of the question's places, as read: 推进山区26县…分工方案 is 浙江省's, though its
    # title says not)
    placed = [t for t, held in _placed_titles(store) if all(p in held for p in places)]
    scored = [(sum(any(c in t for c in (*own, *wide)) for _, own, wide in runs), t) for t in placed]
    best = max((n for n, _ in scored), default=0)
    found = {t for n, t in scored if n == best}
    return found.pop() if 2 * best >= len(runs) and len(found) == 1 else None


def _plan_words_en(words: list[str]) -> tuple[int, int]:
    """The words (start, end) of an English clause naming a plan (``_plan_clause_en``), with the
    words after its document word that go on naming it (the Zhejiang plan for the 26 mountain
    counties, the notice on renewing ageing gas pipelines) up to the question's own words."""
    start, end = _plan_clause_en(f" {' '.join(words)} ")
    if end and end < len(words) and words[end] in _PLAN_OF_EN:
        stops = ask_vocab().plan_clause_ends.en
        end = next((i for i in range(end + 1, len(words)) if words[i] in stops), len(words))
    return start, end


#: Words after an English plan's document word that go on naming it (the plan for …, on …).
_PLAN_OF_EN = frozenset({"for", "on", "of", "about"})


@cache
def _own_plan_re() -> re.Pattern[str]:
    """What follows a body that issues the plan named after it (这份 / 的 … 方案里)."""
    ends = "|".join(re.escape(w) for w in sorted(ask_vocab().document_words.zh, key=len, reverse=True))
    return re.compile(rf"(?:这份|那份|这个|本|的|印发的|制定的)[^，,。？?、]{{0,16}}?(?:{ends})")


def _own_plan(
    reading: Reading, spans: list[Span], text: str, en_spans: list[Span], store: GraphStore
) -> str | None:
    """The one held plan whose title opens with the one unit the question names, where the question
    names it as the plan's issuer (大连市教育局这份重点工作分工方案里, the Dalian education bureau's
    division plan: the unit, then a document word); ``None`` otherwise."""
    if reading.units and len(reading.units) == 1:
        unit = reading.units[0]
    elif reading.unit_type and not reading.units and len(reading.places) == 1:
        unit = reading.places[0] + reading.unit_type
    else:
        return None
    titles = {t for t in _document_titles(store) if t.startswith(unit)}
    if len(titles) != 1:
        return None
    vocab = ask_vocab()
    named = [sp for sp in spans if sp.kind in ("unit", "unit_type")]
    zh = any(_own_plan_re().match(text, sp.end) for sp in named)
    words = reading.words.split()
    roles = {w for r in vocab.roles.values() for w in r.en}
    en = any(
        any(w in vocab.document_words.en for w in words[sp.end : sp.end + 2])
        and not any(w in roles for w in words[sp.end : sp.end + 2])
        for sp in en_spans
        if sp.kind in ("unit", "unit_type")
    )
    return titles.pop() if zh or en else None


#: A joint notice named by the number of bodies that sign it (三部门通知, 五部委印发的方案).
_SIGNERS = re.compile(
    r"([两二三四五六七八九十]|\d{1,2})个?部(?:门|委)(?:联合)?(?:印发|发布)?的?(?:通知|文件|方案|意见|附件)"
)


def _joint_plan(text: str, store: GraphStore) -> str | None:
    """The one held document that as many central bodies sign as the question says (三部门通知:
    a notice of 国家发展改革委、财政部、自然资源部), else ``None``."""
    m = _SIGNERS.search(text)
    if m is None:
        return None
    n = int(m[1]) if m[1].isdigit() else (2 if m[1] == "两" else _cn_number(m[1]))
    found = {
        t for t, held in _placed_titles(store) if len(held) == n and all(_lookup_body(p, None) for p in held)
    }
    return found.pop() if len(found) == 1 else None


#: What may follow a topic's words that close a plan's clause: a few words, then 里 / 中 / 内 and
#: the question (督办事项里，/ 重点任务中哪些).
_CLOSES_PLAN = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:里|中|内)(?=[，,、哪谁有的是这各]|$)")


def _titled_by_topic(reading: Reading, store: GraphStore) -> str | None:
    """The one held title, among the documents of the question's places (one place asked), that
    holds a Chinese name of the question's topic when that topic makes no theme (督查考核: a
    督办事项清单 is of any subject); ``None`` otherwise."""
    topic = reading.topic
    if topic is None or topic.theme or len(reading.places) != 1:
        return None
    # (the topic's words close the plan's clause, 这批督办事项里 / 科技创新重点任务中哪些, not the task's
    # words, 科技成果转化中试平台; in English the question names a document: the supervision list)
    words = reading.topic_words
    at = reading.text.find(words) if words else -1
    if at >= 0 and not _CLOSES_PLAN.match(reading.text, at + len(words or "")):
        return None
    if at < 0 and not (_names_plan(reading, reading.words) or ask_vocab().list_words.find_en(reading.words)):
        return None
    names = [n for n in (topic.name, *topic.aliases_zh) if len(n) >= 2]
    # (or the question's words in order: 海洋强省建设任务中 of …海洋强省建设重点工作任务)
    found = {
        t
        for t, held in _placed_titles(store)
        if reading.places[0] in held
        and (any(n in t for n in names) or (words and len(words) >= 3 and in_order(words, t)))
    }
    return found.pop() if len(found) == 1 else None


def _quoted_plan(question: str, store: GraphStore) -> str | None:
    """The one held title an English question quotes in Chinese (Which unit leads the most tasks in
    the 工业领域设备更新和技术改造实施方案?): a run of Chinese ending with a document word that a single
    title holds; ``None`` otherwise."""
    if not re.search("[A-Za-z]{3,}", question):
        return None
    ends = tuple(ask_vocab().document_words.zh)
    for run in re.findall(r"[\u4e00-\u9fff（）()—0-9]{6,60}", question):
        if run.endswith(ends):
            found = [t for t in _document_titles(store) if run in t]
            if len(found) == 1:
                return found[0]
    return None


def _document_titles(store: GraphStore) -> tuple[str, ...]:
    """Every held document's title (once per store generation)."""
    return tuple(title for title, _ in _placed_titles(store))


def _placed_titles(store: GraphStore) -> tuple[tuple[str, frozenset[str]], ...]:
    """Every held document's title with the places it is of (once per store generation)."""
    from fengong.queries.named import run_named

    memo = store_memo(store)
    titles = memo.get("document titles")
    if titles is None:
        rows = run_named(store, "document_titles", {}, limit=_ALL_PLACES)
        titles = memo["document titles"] = tuple(
            (str(r["title"]), frozenset(r["places"] or ())) for r in rows if r["title"]
        )
        memo["document numbers"] = {
            _number_key(str(r["number"])): str(r["title"]) for r in rows if r["title"] and r["number"]
        }
    assert isinstance(titles, tuple)
    return titles


#: A document's number as a question writes it: issuer's code, year in brackets, number (国办发〔2027〕14号).
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\d{1,4}\s*号")


def _number_key(number: str) -> str:
    """A document number with its brackets and spaces made alike (国办发[2027]14号 = 国办发〔2027〕14号)."""
    return re.sub(r"[〔\[［(（【]", "〔", re.sub(r"[〕\]］)）】]", "〕", re.sub(r"\s|第", "", number)))


def _numbered_plan(question: str, store: GraphStore) -> tuple[str, str | None]:
    """The held document a question names by its number (湘经开管发〔2027〕5号中…) or by its title in
    《》 (《关于加快完善农村寄递物流体系的意见》里…), and the question without the name (it is no task's
    words); the question as it is when it names none held, or several."""
    m = _DOC_NUMBER.search(question)
    if m is not None:
        title = _document_numbers(store).get(_number_key(m.group()))
        if title is not None:
            return question[: m.start()] + question[m.end() :], title
    named = _BOOK_TITLE.search(question)
    if named is not None:
        words = re.sub(r"\s+", "", named.group(1))
        found = {t for t in _document_titles(store) if words in t or t in words}
        if len(found) == 1:
            return question[: named.start()] + question[named.end() :], found.pop()
    return question, None


def _document_numbers(store: GraphStore) -> dict[str, str]:
    """Every held document's title by its number made alike (``_number_key``), read with the titles
    (once per store generation)."""
    _placed_titles(store)
    numbers = store_memo(store).get("document numbers")
    assert isinstance(numbers, dict)
    return numbers


#: A document's title in book-title marks (《关于加快完善农村寄递物流体系的意见》).
_BOOK_TITLE = re.compile(r"《([^《》\n]{4,80})》")


def _less_document_word(phrase: str) -> str:
    """``phrase`` less the words naming a document it ends with (跨境电商分工方案: 跨境电商)."""
    while True:
        ending = next((w for w in ask_vocab().document_words.zh if phrase.endswith(w)), "")
        if not ending or len(phrase) - len(ending) < 2:
            return phrase
        phrase = phrase[: -len(ending)]


def _english_rest(words: list[str], spans: list[Span]) -> list[str]:
    taken = {i for s in spans for i in range(s.start, s.end)}
    skip = question_words_en()
    return [w for i, w in enumerate(words) if i not in taken and w not in skip and not w.isdigit()]


def _names_topic_en(topic: Topic, words: list[str]) -> bool:
    """Whether ``words`` hold one of the topic's English names whole."""
    text = f" {' '.join(words)} "
    return any(f" {norm_en(alias).strip()} " in text for alias in (topic.en, *topic.aliases_en))


def _choose_chinese(
    runs: list[tuple[str, tuple[str, ...], tuple[str, ...]]], store: GraphStore | None
) -> tuple[list[tuple[str, str]], bool]:
    """Each English run with the Chinese word to search for, and whether the store holds them: the
    candidate most tasks of the store hold, among the run's own glosses, else among the wider ones.
    Runs whose candidates no task holds are left out, unless no run has one (then each run's first
    candidate, and nothing is found). Without a store, each run's first own candidate."""
    first = [(e, (own or wide)[0]) for e, own, wide in runs]
    if store is None or not runs:
        return first, False
    runs = _word_by_word(runs, store)
    from fengong.queries.named import run_named

    candidates = list(dict.fromkeys(c for _, own, wide in runs for c in (*own, *wide)))
    # a glossary's term may be several index words (充电桩 -> 充电; 夜间经济 -> 夜间 + 经济); a
    # dictionary's word is held only as a word of the index
    parts = {c: _glossary_parts(c) for c in candidates}
    terms = list(dict.fromkeys([*candidates, *(t for ts in parts.values() for t in ts)]))
    rows = run_named(store, "term_counts", {"terms": terms}, limit=len(terms))
    found = {r["term"]: r["tasks"] for r in rows}
    counts = {
        c: found.get(c) or (min(found.get(t, 0) for t in parts[c]) if parts[c] else 0) for c in candidates
    }
    options: list[tuple[str, list[str]]] = []  # each run's held candidates, the likeliest first
    chosen = []
    for english, own, wide in runs:
        held = [c for c in dict.fromkeys((*own, *wide)) if counts.get(c, 0)]
        if held:
            # alone, the run's own gloss the most tasks hold (the wider ones when none is held)
            mine = [c for c in held if c in own] or held
            if own and set(own) <= glossary_terms():
                chosen.append(mine[0])  # the glossary's usual term first (夜间经济, not 夜经济)
            else:
                chosen.append(max(mine, key=lambda c: (counts[c], -mine.index(c))))
            options.append((english, sorted(held, key=lambda c: -counts[c])[:_CHOICES]))
    if not options:
        return first, False
    if len(options) >= 2:  # together, the candidates the tasks hold together
        chosen = _held_together(options, store) or chosen
    return [(english, c) for (english, _), c in zip(options, chosen, strict=True)], True


def _glossary_parts(candidate: str) -> list[str]:
    """The index words a glossary's term is searched by ([] for a dictionary's word)."""
    return terms_of_phrase(candidate) if candidate in glossary_terms() else []


def _word_by_word(
    runs: list[tuple[str, tuple[str, ...], tuple[str, ...]]], store: GraphStore
) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """Runs of several words none of whose Chinese the store holds, read word by word (service
    charges: 服务费 is in no task, 服务 and 收费 are)."""
    from fengong.queries.named import run_named

    long = [r for r in runs if " " in r[0]]
    if not long:
        return runs
    # a glossary's term is held when the index holds each of its words (夜间经济: 夜间, 经济)
    parts = {c: _glossary_parts(c) for _, own, wide in long for c in (*own, *wide)}
    terms = sorted({t for c, ts in parts.items() for t in (c, *ts)})
    held = {r["term"] for r in run_named(store, "terms_held", {"terms": terms}, limit=len(terms))}
    held |= {c for c, ts in parts.items() if ts and set(ts) <= held}
    out = []
    for run in runs:
        if " " in run[0] and not held & {*run[1], *run[2]}:
            out += translate_wide(run[0].split(), max_words=1)
        else:
            out.append(run)
    return out


#: Candidates weighed per English word when choosing the ones the tasks hold together.
_CHOICES = 5


def _held_together(options: list[tuple[str, list[str]]], store: GraphStore) -> list[str] | None:
    """One candidate per English word, the combination the most tasks hold pairwise together
    (medical service charges: 医疗 + 服务 + 收费, not 医药, which tasks hold more often alone); None
    when no two are held together."""
    from fengong.queries.named import run_named

    terms = sorted({c for _, held in options for c in held})
    pairs = {
        (r["a"], r["b"]): r["tasks"]
        for r in run_named(store, "term_pairs", {"terms": terms}, limit=len(terms) ** 2)
    }
    if not pairs:
        return None

    def together(combo: tuple[str, ...]) -> tuple[int, int]:
        joint = sum(pairs.get((min(a, b), max(a, b)), 0) for a, b in itertools.combinations(combo, 2))
        return joint, -sum(held.index(c) for (_, held), c in zip(options, combo, strict=True))

    best = max(itertools.product(*(held for _, held in options)), key=together)
    return list(best) if together(best)[0] else None


def _spell_acronyms(question: str) -> str:
    """``question`` with each body's acronym written in capitals spelt out as the body's English
    name (the MOST/MOE plan: the Ministry of Science and Technology, not the word "most"), before
    the English words are lower-cased."""
    if not _CAPITALS.search(question):
        return question
    names = _acronym_names()
    return _CAPITALS.sub(lambda m: names.get(m.group(), m.group()), question)


_CAPITALS = re.compile(r"\b[A-Z]{2,8}\b")


@cache
def _acronym_names() -> dict[str, str]:
    """A body's acronym in capitals (MOST, NDRC) -> its English name: the lexicon's acronyms and
    those that are also English words (ask.yaml capital_acronyms_en, matched in capitals only)."""
    names = {a: b.en for b in bodies() if b.en for a in b.en_also if a.isupper() and a.isalpha()}
    return names | ask_vocab().capital_acronyms_en


def read(
    question: str,
    store: GraphStore | None = None,
    lexicon: tuple[Body, ...] | None = None,
    today: dt.date | None = None,
) -> Reading:
    """Everything ``question`` names, by the longest reading of its Chinese and English words;
    ``today`` dates relative years and dates written without one (today's date when None)."""
    vocab = ask_vocab()
    question = _spell_acronyms(_months_from_today(question, today or dt.date.today()))
    question, any_state = _cut(_any_state_re(), question)
    question, numbered = _numbered_plan(question, store) if store is not None else (question, None)
    # recurring or long-term, with no fixed deadline: every task without a date (the words ask no topic)
    question, open_ended = _cut(_open_ended_re(), question)
    # 负责哪几项任务 lists them, as 哪些 does (几项任务 alone counts them)
    question = re.sub("哪几(?=[项条件])", "哪些", question)
    text = re.sub(r"\s+", "", question)
    reading = Reading(text=text, words=expand_abbreviations(norm_en(question)), any_state=any_state)
    # (looking at all the documents together: across them, no task shared; looking is no task's word)
    reading.words = re.sub(
        r" (?:looking at|taking|looking across) (?=(?:all )?(?:the )?(?:\S+ )?(?:documents|plans) )",
        " across ",
        reading.words,
    )
    reading.words = re.sub(r" (documents|plans) together ", r" \1 ", reading.words)
    reading.every = OPEN_ENDED if open_ended else ""
    spans = _chinese_spans(text, store, lexicon)
    # a task quoted by its words (“推进重大产业项目建设”是什么进度) names that task, not a topic inside it
    # (a quoted slogan, “光伏+戈壁农业”融合发展, is words of a task's name: its topic stays)
    quotes = [
        m.span() for m in _QUOTED_TASK.finditer(text) if text.startswith(_task_openings(), m.start() + 1)
    ]
    spans = [
        sp for sp in spans if sp.kind != "topic" or not any(a < sp.start and sp.end < b for a, b in quotes)
    ]
    _apply(reading, spans, text, store, lexicon)
    # One 〇 per name, however long: intent words place a name by it (配合〇, 和〇一起).
    masked = re.sub(f"{_MASK}+", _MASK, _mask(text, spans))
    # (配合〇 asks for partners where 〇 is a body: 街道城管科配合枫林社区做哪些工作 names a place there)
    bodies_masked = re.sub(
        f"{_MASK}+", _MASK, _mask(text, [sp for sp in spans if sp.kind in ("unit", "body", "unit_type")])
    )
    # a task named in quotes (“开展耕地占补平衡落实情况核查”由谁牵头) asks nothing with its own words; a
    # state word quoted (办理结果是“列入计划逐步解决”) is the state asked for
    masked = _QUOTED_TASK.sub(lambda q: q.group() if state_holding(q.group()[1:-1]) else _MASK, masked)
    # (a topic's words may be the plan's: 县域商业政策措施里 names 推动县域商业体系提质升级若干政策措施)
    plan_masked = _QUOTED_TASK.sub(
        _MASK, re.sub(f"{_MASK}+", _MASK, _mask(text, [sp for sp in spans if sp.kind != "topic"]))
    )
    reading.plan_title = numbered or (
        (_named_plan(masked, store) or _named_plan(plan_masked, store)) if store is not None else None
    )
    words = reading.words.split()
    sub_places = _english_sub_place_spans(words, store) if store is not None else []
    # first: of two readings of one word (Shimen: 石门乡 of the store's plan, 石门县 of none), the store's
    en_spans = longest_reading(sub_places + english_index(lexicon).word_spans(words))
    english = Reading(text="", words="")
    _apply(english, en_spans, reading.words, store, lexicon)
    if (
        english.topic is not None
        and (english.units or english.unit_type)
        and _topics_in_plan_only(words, en_spans)
    ):
        # (the Ministry of Finance's tasks in the MOHURD/NDRC notice on ageing gas pipelines: the
        # notice's words name the plan, not the unit's tasks asked about)
        english.topic = None
    _merge_english(reading, english)
    if reading.plan_title is None and store is not None:
        reading.plan_title = _quoted_plan(question, store) or _named_plan_en(
            words, en_spans, store, reading.places
        )
    if (
        reading.plan_title is None
        and store is not None
        and (own := _own_plan(reading, spans, text, en_spans, store))
    ):
        # (大连市教育局这份分工方案里 / the Dalian education bureau's division plan: the bureau named
        # is the plan's issuer, the question asks about the units the plan divides work among)
        reading.plan_title, reading.units, reading.groups, reading.unit_type = own, [], [], None
        if reading.topic_words and reading.topic_words in own:
            reading.topic = reading.topic_words = None  # (任务分工 of …任务分工方案里: the plan's words)
    if reading.plan_title is None and store is not None and (joint := _joint_plan(text, store)):
        reading.plan_title = joint  # 三部门通知附件里: the one held notice three central bodies sign
    if reading.plan_title is None and store is not None and (titled := _titled_by_topic(reading, store)):
        # (哈尔滨这批督办事项里 / the Harbin supervision items: a topic no plan is about as a whole,
        # named by a word of one held title of the place asked about, is that plan)
        reading.plan_topic = reading.topic.name if reading.topic else None
        reading.plan_title, reading.topic, reading.topic_words = titled, None, None
    if (
        not reading.units
        # (a function named in a central body's plan, the Market Supervision Department of the State
        # Post Bureau's plan, is that body's department where the store holds one so named)
        and not (
            reading.unit_type
            and (reading.unit_places or not any(_lookup_body(p, lexicon) for p in reading.issuers))
        )
        and store is not None
        and (department := _department_en(reading.words, store))
    ):
        reading.units = [department]  # the Monetary Policy Department (of the PBOC's plan): 货币政策司
        reading.unit_type = None
    # (a ministry read as the issuer of the plan asked about is no unknown ministry)
    if (
        reading.body is None
        and not reading.units
        and not any(_lookup_body(p, lexicon) for p in reading.issuers)
    ):
        reading.body = _ministry_en(reading.words, store, lexicon)
        if reading.body and store is not None:
            reading.units = _units_of_body(reading.body, store, lexicon)
            if reading.units and (
                _names_plan(reading, reading.words) or _issues_documents(reading.units, store)
            ):
                _drop_issuers(reading, store)
    # "works with the Ministry …": the article belongs to the name
    masked_words = _mask_words(words, en_spans).replace(" the _ ", " _ ")
    # These outrank a topic the words happen to name, so they are looked for with names masked but
    # topics not (领导小组 is a topic's word as well as the people question's).
    names_masked = _mask(text, [sp for sp in spans if sp.kind != "topic"])
    names_masked_words = _mask_words(words, [sp for sp in en_spans if sp.kind != "topic"])
    for intent in ("people", "documents", "targets"):
        found = vocab.intents[intent].find(names_masked, names_masked_words)
        if found and not (intent == "documents" and _scope_only(found, names_masked)):
            reading.intent = intent
            break
    if reading.intent == "targets":
        reading.metric = _metric(reading)
    else:
        reading.figure = vocab.figure_words.find(text, reading.words) or _figure_pair(text, reading.words)
    contact = vocab.contact_words.find(text, reading.words)
    reading.post = "" if contact else _person_asked(text, reading.words)
    reading.contact = contact or reading.post
    if store is not None:
        reading.people = _people_named(text, store)
        if not reading.contact and not reading.people:
            # (加强村级组织建设的分管领导: a label the documents give people in charge of tasks)
            reading.post = reading.contact = next((w for w in store_person_labels(store) if w in text), "")
    reading.ranked = vocab.intents["ranking"].find(text, reading.words) is not None
    year = (today or dt.date.today()).year
    # a period naming the plan asked about (长春市汽车产业一季度通报中，…) names the document, not when
    # its tasks are due (截至2028年7月1日巩义耐火材料方案中 still dates the question)
    periods = _plan_periods(question, year)
    dated_question = question
    for s, e in periods:
        dated_question = dated_question[:s] + _MASK * (e - s) + dated_question[e:]
    without_date = _dates(reading, dated_question, year)
    for s, e in periods:
        without_date = without_date[:s] + question[s:e] + without_date[e:]
    for needle, every in () if reading.every else vocab.recurring.items():
        found = every.find(text, reading.words)
        if found:  # 哪些任务要求每季度开展: the tasks whose deadline recurs so, not the words searched
            reading.every = needle
            without_date = (
                without_date.replace(found, _MASK * len(found)) if not found.isascii() else without_date
            )
            break
    if reading.intent == "documents" and (
        reading.before or reading.after or vocab.intents["due_next"].find(text, reading.words)
    ):
        # 2026年3月底到期的任务，所有文件一起看 / 在全部文件中，未来7天内到期的任务: the tasks due, across the
        # documents
        reading.intent = None
    if reading.before and not reading.after and vocab.from_today.find(text, reading.words) is not None:
        reading.after = today_iso(today)  # 从今天到年底 / from today until the end of the year
    due_today = vocab.due_today.find(text, reading.words)
    if due_today and not (reading.before or reading.after):
        reading.after = reading.before = today_iso(today)  # 今天到期的任务: due on today's date
        without_date = without_date.replace(due_today, _MASK * len(due_today))
    keeps_not_yet_due = _not_yet_due(text, reading.words)  # (asked once: read again below)
    if reading.before and keeps_not_yet_due:
        # 今年上半年到期、目前还没到期的 / due by the end of 2027 but not yet overdue: from today to the
        # span's end (an overdue word beside it asks no overdue question: below)
        reading.after = max(reading.after or "", today_iso(today))
    if reading.before and not reading.after and vocab.after_today.find(text, reading.words):
        # after today but before the end of 2027: from tomorrow
        reading.after = ((today or dt.date.today()) + dt.timedelta(days=1)).isoformat()
    before_today = vocab.before_today.find(text, reading.words)
    if before_today and not (reading.before or reading.after):
        # 完成时限在今天之前的任务 / deadlines before today: due by yesterday, whatever a report says
        reading.before = ((today or dt.date.today()) - dt.timedelta(days=1)).isoformat()
        if not before_today.isascii():
            without_date = without_date.replace(before_today, _MASK * len(before_today))
    # a role word after a negation (只配合而非牵头, only support rather than lead) is not asked for
    affirmed, affirmed_words = _unnegated(masked, masked_words)
    affirmed = _compound_labels(affirmed)
    # (京津冀协同发展方案中，省发改委牵头哪些任务: 协同 names the plan, 牵头 is asked)
    asked_part = affirmed[_plan_name_end(affirmed) :]
    for roles in (vocab.roles, vocab.document_roles):  # a question's own words first
        named = [r for r in ROLES if r in roles and roles[r].find(asked_part, affirmed_words)] or [
            r for r in ROLES if r in roles and roles[r].find(affirmed, affirmed_words)
        ]
        # who leads (or is responsible) and who cooperates (牵头和配合单位分别是, 主办和协办了哪些,
        # whether leading or supporting) asks for every role; 牵头负责 is still a lead
        asked = set(named)
        # (牵头和参与的: a role joined to 参与, every role too; 作为配合单位参与 is still cooperating)
        both = ("cooperate" in asked and bool(asked & {"lead", "responsible"})) or (
            "any" in asked
            and len(asked) >= 2
            and (
                _joined_roles(affirmed, roles)
                or _each_asked(affirmed, roles)
                or _asked_apart(affirmed, roles)
                # 参与了哪些任务（含负总责和具体落实）: the other role is included, not asked alone
                or vocab.role_inclusion.find(affirmed, affirmed_words) is not None
            )
        )
        reading.role = "any" if both else next(iter(named), None)
        if asked == {"any", "lead", "responsible"}:
            # 参与了哪些任务（牵头或作为责任单位）: every list the unit is in (a 责任单位 column beside
            # a 牵头单位 column holds the partners)
            reading.role = "any"
        if asked == {"lead", "responsible"} and _as_lead(affirmed, roles["lead"]):
            reading.role = "lead"  # 作为牵头部门负责哪些任务: 负责 says what it does as the lead
        elif asked == {"lead", "responsible"} and _apart(affirmed, roles["lead"], roles["responsible"]):
            # 牵头（负责）哪些 / 无论牵头还是作为责任单位: 牵头 or 责任单位 (not 牵头负责, one lead word)
            reading.role = "responsible"
            # (负责（牵头）哪些: the one role glossed by the other, a lead or a 责任单位 but not a partner)
            reading.lead_or_responsible = _glossed(affirmed, roles["lead"], roles["responsible"])
        if both:
            # 托班这件事教育部牵头，谁来配合: a role stated of a named unit is no role asked for
            reading.role = _asked_of_who(affirmed, roles) or reading.role
        if reading.role:
            break
    # (which does it lead, and which does it only support: the lead asked too, no lead denied)
    only_part = None if both and "lead" in asked else vocab.only_taking_part.find(masked, masked_words)
    denied = _denies_lead(masked, masked_words) or only_part
    if denied and reading.role in ("responsible", "any", None):
        reading.role, reading.not_lead = "any", True  # 作为责任单位（不是牵头）参与了哪些 / 只参与了哪些
    # (桐庐和美乡村报告里，农房风貌管控的牵头单位？: after a plan's name, a role's label closing the
    # question asks who holds it of the task named between)
    reading.who = vocab.who.find(masked, masked_words) is not None or (
        _plan_name_end(reading.text) > 0 and _role_label_closes(masked)
    )
    if reading.who and reading.role and reading.intent in ("people", "targets"):
        # 谁牵头建立领导小组: who leads that task, not the group's members; 年内要完成多少条？谁负责
        # 牵头？: who leads the work, whose rows carry the figure in their sentences
        reading.intent, reading.metric = None, None
    if (
        reading.intent == "documents"
        and reading.role
        and (reading.units or reading.unit_type or reading.body)
    ):
        reading.intent = None  # 财政部门牵头的任务有哪些（所有文件）: the tasks, across the documents
    # a state's words are the state's (on schedule): none of them asks when a task is due
    stateless, stateless_words = masked, masked_words
    for words_of_state in [*vocab.states.values(), *vocab.exact_state_words.values()]:
        # both languages: behind schedule (进度滞后) holds the state twice; every word of it (in
        # progress on schedule)
        while hit_en := words_of_state.find_en(stateless_words):
            stateless_words = stateless_words.replace(f" {hit_en} ", " _ ")
        while hit_zh := words_of_state.find_zh(stateless):
            stateless = stateless.replace(hit_zh, _MASK * len(hit_zh))
    if (
        reading.intent is None
        and _WITHIN.search(stateless)
        and not vocab.intents["overdue"].find(masked, masked_words)
    ):
        reading.intent = "due_next"  # 30天内到期 / 两周内要完成: due within that span from today
    if reading.intent is None and not reading.role and vocab.place_question_words.find(masked, masked_words):
        reading.intent = "places"  # 哪些地方的任务里有托育: which places assign it
    if reading.intent is None:
        for intent in (
            "no_lead", "shared", "partners", "compare", "overdue", "ranking", "workload", "places", "due_next", "due",
            "task_state", "status", "progress", "unit_work",
        ):  # fmt: skip
            if intent == "status":
                reading.state = next(
                    (s for s, w in vocab.states.items() if w.find(masked, masked_words)), None
                )
                # (the longest words found: "not been signed off" is 未销号, not the 已销号 of "been signed off")
                found = [
                    (hit, k)
                    for k, w in vocab.exact_state_words.items()
                    if (hit := w.find(masked, masked_words))
                ]
                reading.state_word = max(found, key=lambda f: len(f[0]))[1] if found else ""
                if reading.state_word:  # only completed a stage: the state of the report's word
                    reading.state = state_holding(reading.state_word)
                if reading.state is not None:
                    reading.intent = intent
                    break
            elif intent == "shared" and (
                _included(masked, vocab.intents[intent].find(masked, masked_words))
                or not (reading.units or reading.groups or reading.body or reading.unit_type)
            ):
                # 牵头（含共同牵头）的任务: the joint leads counted in; "looking at A and B together":
                # no unit named, so no tasks units share
                continue
            elif intent == "partners" and not vocab.intents[intent].find(bodies_masked, masked_words):
                continue
            elif intent == "task_state":
                # (only as a yes-or-no question, opening with its verb: "which tasks has X completed"
                # asks for the tasks in that state)
                found = vocab.intents[intent].find(masked, masked_words)
                if found and (not found.isascii() or masked_words.split()[:1] == found.split()[:1]):
                    reading.intent = intent
                    break
            elif vocab.intents[intent].find(
                *((stateless, stateless_words) if intent in ("due", "due_next") else (masked, masked_words))
            ) or (
                intent == "no_lead"
                and any(p.search(masked) or p.search(masked_words) for p in vocab.no_lead_patterns)
            ):
                reading.intent = intent
                break
    if reading.intent == "task_state":
        reading.intent = "progress"  # Has Guangshan finished X?: what the report says of X
    # (due by the end of 2027 but not yet overdue: the tasks due from today, none past)
    not_yet = bool(reading.before) and keeps_not_yet_due
    if reading.intent == "overdue" and not_yet:
        reading.intent = "due"
    if reading.intent == "compare" and not not_yet and vocab.intents["overdue"].find(masked, masked_words):
        reading.intent = "overdue"  # 比较两地各有哪些任务逾期: the overdue tasks of both places
    elif reading.intent == "compare" and (reading.before or reading.after) and not reading.role:
        reading.intent = "due"  # 比较两地2028年6月到期的任务: the tasks due then in both places
    if reading.intent == "shared" and len(reading.groups) < 2:
        word = vocab.intents["shared"].find(masked, masked_words) or ""
        if word.startswith("都"):
            reading.intent = "unit_work"  # 公安部都参与了哪些任务: all its tasks, not who shares them
    if (
        reading.intent == "status"
        and reading.state == "done"
        and (reading.before or reading.after or reading.every)
    ):
        # done by a date (应当已经完成 截至7月1日, to be finished by the end of 2025) asks what is due
        reading.intent, reading.state = "due", None
    if reading.intent in ("due_next", "due"):
        _days(reading)
    if reading.intent == "ranking" and store is not None and not reading.unit_places:
        # which unit leads the most in the CNIPA's notice: the body named is the plan, not the answer
        named = reading.units or [b for b in (reading.body, *reading.more_bodies) if b]
        bodies = [b for b in (reading.body, *reading.more_bodies) if b]
        # (the plan issued by the National Health Commission: its lexicon name is the plan's place,
        # its unit name as written, 国家卫生健康委, is not)
        named = named if _issues_documents(named, store) else bodies
        if _issues_documents(named, store):
            _issuer_scope(reading, named, store)
            reading.units, reading.groups, reading.body, reading.more_bodies = [], [], None, []
    if reading.intent == "documents" and (
        reading.topic is not None
        or (
            not (reading.units or reading.body)
            and _open_phrase_zh(_mask(re.sub(r"\s+", "", without_date), spans))
        )
        or (not re.search(r"[\u4e00-\u9fff]", text) and _english_rest(words, en_spans))
    ):
        # which documents assign work on X (哪些文件部署了人才培训方面的任务): the tasks on X with
        # their documents and units, not the list of every document
        reading.intent = "tasks"
    if reading.intent in ("people", "documents", "targets"):
        reading.topic = None
        return reading
    undated = re.sub(r"\s+", "", without_date)
    topic_runs = _mask(undated, [sp for sp in spans if sp.kind != "topic"])
    run = _topic_run(reading.topic_words, topic_runs) if reading.topic_words else ""
    at = undated.find(reading.topic_words) if reading.topic_words else -1
    after = undated[at + len(reading.topic_words or "") :] if at >= 0 else ""
    if run and (
        run.endswith(ask_vocab().document_words.zh)
        # (成都城市更新两份文件放在一起看: the document word right after the topic's, a count between)
        or after.lstrip("两三四这那份的").startswith(ask_vocab().document_words.zh)
    ):
        reading.document_topic = True  # 蒲江医保基金监管方案里: the words around the topic's name the plan
    _drop_document_topic(reading)
    if (
        reading.topic is not None
        and not any(sp.kind == "topic" for sp in spans)
        and _chinese_words_in_english(question, _mask(undated, spans))
    ):
        # the one-code talent service ('人才码'): the asker's own Chinese words, not the topic an
        # English word of theirs names (talent)
        reading.topic, reading.topic_words = None, None
    if not (reading.units or reading.body or reading.unit_type) and store is not None:
        # topics' words left in: 生态修复司 is a unit whose short form holds a topic's words
        _abbreviated_unit(reading, _mask(undated, [sp for sp in spans if sp.kind != "topic"]), store)
    if not (reading.topic or reading.units or reading.body or reading.unit_type):
        _open_phrase(reading, _mask(undated, spans), words, en_spans, store)
        _drop_document_topic(reading)
    if reading.topic is not None and not re.search(r"[\u4e00-\u9fff]", text):
        # words of neither a name nor the topic's English (a topic matched on most of its words)
        known = {w for alias in (reading.topic.en, *reading.topic.aliases_en) for w in norm_en(alias).split()}
        reading.unused_en = [
            w for w in _english_rest(words, en_spans) if w not in known and w.rstrip("s") not in known
        ]
        if store is not None and not reading.topic_words and not (reading.units or reading.unit_type):
            reading.topic_words = _task_beside_plan(words, en_spans, store)
        if store is not None and not reading.topic_words:
            reading.topic_words = _topic_modified(words, en_spans, reading.unused_en, store)
        if not reading.topic_words:
            reading.topic_search = _topic_own_words(words, en_spans)
    # (a partner question describing a task, 监测平台由哪些部门配合县民政局建设, asks about that task)
    if reading.who and reading.role and reading.intent != "shared":
        _task_described(
            reading, undated, _runs_zh(_mask(undated, [sp for sp in spans if sp.kind != "topic"]))
        )
    quoted = _quoted_task(text)
    if reading.phrase and quoted and reading.phrase != quoted:
        # (“加大金融支持”这条措施由谁牵头: the task quoted whole, its role word 支持 and all, not the words
        # left around it, 分工表里, nor a part of it)
        reading.phrase, reading.task_words = quoted, True
    if reading.topic_words and not reading.task_words:
        _widen_topic_words(reading, topic_runs)
    if reading.intent == "progress" and reading.figure and "完成" in reading.figure:
        _share_asked(reading)
    return reading


def _share_asked(reading: Reading) -> None:
    """How much of a task is done (推进X完成了多少？状态如何？) asks a report's share done, its progress,
    not a figure: the figure's words leave the task's."""
    head = reading.figure.split("…")[0]
    for word in (head, head.rstrip("了")):
        if reading.phrase and reading.phrase.endswith(word) and len(reading.phrase) - len(word) >= 2:
            reading.phrase = reading.phrase[: -len(word)]
            break
    reading.figure = ""


def _topics_in_plan_only(words: list[str], spans: list[Span]) -> bool:
    """Whether every topic read in an English question stands in the clause naming its plan."""
    start, end = _plan_words_en(words)
    topics = [sp for sp in spans if sp.kind == "topic"]
    return bool(end and topics) and all(start <= t.start and t.end <= end for t in topics)


def _task_beside_plan(words: list[str], spans: list[Span], store: GraphStore) -> str | None:
    """Where the topic was read in the clause naming the plan (the cold-chain logistics task in
    Caofeidian's port logistics plan), the Chinese of the question's own words outside it, where
    the store holds them: the task asked about, narrower than the plan's topic; else ``None``."""
    if not _topics_in_plan_only(words, spans):
        return None  # (a topic outside the clause too, the smart port: the task's own, read as before)
    start, end = _plan_words_en(words)
    rest = _english_rest(words, [*spans, Span(start, end, ())])
    runs = translate_wide(rest) if rest else []
    chosen, held = _choose_chinese(runs, store) if runs else ([], False)
    found = "".join(c for _, c in chosen)
    # (every run held: a word the store holds no gloss of leaves the task unread, and the topic stands)
    return found if held and len(chosen) == len(runs) and len(found) >= 2 else None


def _topic_modified(words: list[str], spans: list[Span], unused: list[str], store: GraphStore) -> str | None:
    """The Chinese of a topic's English words with the unused words written beside them (outdoor
    sports: 户外运动, narrower than 全民健身), where the store holds it; else ``None``."""
    topic = next((sp for sp in spans if sp.kind == "topic"), None)
    if topic is None:
        return None
    start, end = topic.start, topic.end
    while start > 0 and words[start - 1] in unused:
        start -= 1
    while end < len(words) and words[end] in unused:
        end += 1
    if (start, end) == (topic.start, topic.end):
        return None
    chosen, held = _choose_chinese(translate_wide(words[start:end]), store)
    return "".join(c for _, c in chosen) if held and len(chosen) >= 2 else None


def _topic_own_words(words: list[str], spans: list[Span]) -> str | None:
    """The Chinese of the English words that named the topic (insurance: 保险): each run's usual
    word, asked of no store (the search runs only when no task is tagged with the topic, and
    weighing the candidates by the tasks that hold them costs every English topic question a
    query); ``None`` when the dictionary knows none of them."""
    topic = next((sp for sp in spans if sp.kind == "topic"), None)
    if topic is None:
        return None
    chosen, _ = _choose_chinese(translate_wide(words[topic.start : topic.end]), None)
    return "".join(c for _, c in chosen) or None


def _chinese_words_in_english(question: str, masked: str) -> bool:
    """Whether an English question (three or more English words) holds Chinese words that name
    nothing read (``masked``: names masked): the words the asker wants searched."""
    if len(re.findall(r"[A-Za-z]{2,}", question)) < 3:
        return False
    return any(len(m.group()) >= 2 for m in _runs_zh(masked))


def _months_from_today(question: str, today: dt.date) -> str:
    """``question`` with each month named from today's written out (这个月 -> 2026年6月, next
    month -> July 2026), so that the date readers read it as any month asked about."""
    for word, delta in sorted(ask_vocab().relative_months.items(), key=lambda x: -len(x[0])):
        month0 = today.year * 12 + today.month - 1 + delta
        year, month = divmod(month0, 12)
        if word.isascii():
            name = calendar.month_name[month + 1]
            # "due this month" reads as "due in June 2026" ("in this month" keeps its one "in")
            question = re.sub(
                rf"\b(?:in\s+)?{re.escape(word)}\b", f"in {name} {year}", question, flags=re.IGNORECASE
            )
        elif word in question:
            question = question.replace(word, f"{year}年{month + 1}月")
    return question


def _topic_run(words: str, masked: str) -> str:
    """The run of the question's own words (names and question words removed) holding ``words``."""
    return next((run.group() for run in _runs_zh(masked) if words in run.group()), words)


def _widen_topic_words(reading: Reading, masked: str) -> None:
    """The topic's words with the words written on either side of them (困难群体就业援助 names less
    than 就业促进, which 就业 alone names), unless the run ends with a word naming a document
    (…储备规划 may name the plan or the task's object: the topic's words are kept)."""
    words = reading.topic_words or ""
    run = _topic_run(words, masked)
    if run.endswith(ask_vocab().document_words.zh):
        return
    # words at its ends that name nothing (文旅重点任务, 食品安全工作: the topic itself)
    generic = sorted(
        (w for w in (*ask_vocab().filler.zh, *ask_vocab().generic_modifiers) if len(w) >= 2),
        key=len,
        reverse=True,
    )
    trimmed = True
    while trimmed and run != words:
        trimmed = False
        for w in generic:
            if run.endswith(w) and words in run[: -len(w)]:
                run, trimmed = run[: -len(w)], True
            elif run.startswith(w) and words in run[len(w) :]:
                run, trimmed = run[len(w) :], True
    reading.topic_words = run


def _drop_document_topic(reading: Reading) -> None:
    """A topic naming the document (江西营商环境方案中, the Jiangxi business-environment plan) is no
    filter where the unit or place asked about already finds the plan: it would drop the plan's tasks
    not tagged with it (江西营商环境方案里谁牵头 keeps the topic: it is all the question asks about)."""
    unit_asked = bool(reading.units or reading.body or reading.unit_type)
    if reading.document_topic and (unit_asked or (reading.places and reading.intent in _TASK_INTENTS)):
        reading.topic = reading.topic_words = None


def _names_document_en(after: list[str]) -> bool:
    """Whether the words after an English topic name a document of it (the port logistics report,
    Ningbo's port and logistics progress report): a document word among the next few, before any word
    that ends the noun phrase (a verb, a preposition)."""
    vocab = ask_vocab()
    for word in after[:_DOCUMENT_WORDS_AFTER]:
        if word in vocab.document_words.en:
            return True
        if word in vocab.document_name_ends.en:
            return False
    return False


#: How many words after a topic may stand before the document word of its name.
_DOCUMENT_WORDS_AFTER = 4

#: English words joining a document's word to its topic (the opinion on skills training).
_ABOUT_EN = frozenset(("on", "for", "about", "of"))

#: Intents that list a place's tasks without a topic (due, overdue, ranked, …).
_TASK_INTENTS = frozenset(
    ("due", "due_next", "overdue", "status", "progress", "no_lead", "ranking", "workload", "unit_work")
)


def _joined_roles(masked: str, roles: dict[str, Words]) -> bool:
    """Whether two role words stand joined by 和 / 或 / 及 / 、 / 还是 (牵头和参与, 参与或牵头, 无论牵头还是
    参加), each may be with its noun (牵头单位和参与单位)."""
    alt = _words_re([w for r in roles.values() for w in r.zh])
    noun = "(?:单位|部门|司局|处室|科室)?"
    return re.search(f"(?:{alt}){noun}(?:和|或|及|以及|与|、|还是)(?:{alt})", masked) is not None


def _each_asked(masked: str, roles: dict[str, Words]) -> bool:
    """Whether two roles are each asked by a who word of their own (由哪个司牵头，哪些司参与)."""
    who = _words_re(ask_vocab().who.zh)
    return (
        sum(
            bool(r in roles and re.search(f"(?:{who})来?(?:{_words_re(roles[r].zh)})", masked)) for r in ROLES
        )
        >= 2
    )


def _asked_apart(masked: str, roles: dict[str, Words]) -> bool:
    """Whether two roles are each asked in a question of their own (参与了哪些任务？有它牵头的吗？)."""
    asked = [
        {r for r in ROLES if r in roles and roles[r].find_zh(part)} for part in re.split("[？?]", masked)
    ]
    return sum(1 for found in asked if found) >= 2 and len(set().union(*asked)) >= 2


def _words_re(words: tuple[str, ...] | list[str]) -> str:
    """An alternation of literal words, the longest first."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def _asked_of_who(masked: str, roles: dict[str, Words]) -> str | None:
    """The one role a who word asks for (谁来配合) where the others follow a named unit (〇牵头)."""
    who = ask_vocab().who.zh
    asked = [r for r in ("lead", "cooperate", "responsible") if r in roles and any(
        f"{w}{x}" in masked or f"{w}来{x}" in masked for w in who for x in roles[r].zh)]  # fmt: skip
    stated = [r for r in ("lead", "cooperate", "responsible") if r in roles and any(
        f"{_MASK}{x}" in masked for x in roles[r].zh)]  # fmt: skip
    if len(asked) == 1 and stated and asked[0] not in stated:
        return asked[0]
    return None


def _denies_lead(text: str, words: str) -> bool:
    """Whether a negation denies the lead role (不是牵头, not leading)."""
    zh, en = _negated_roles()
    lead = ask_vocab().roles["lead"]
    return any(any(w in m.group() for w in lead.zh) for m in zh.finditer(text)) or any(
        any(f" {w} " in f"{m.group()} " for w in lead.en) or any(w in m.group() for w in lead.zh)
        for m in en.finditer(words)
    )


def _unnegated(text: str, words: str) -> tuple[str, str]:
    """``text`` and ``words`` with each role word that follows a negation masked out."""
    zh, en = _negated_roles()
    return zh.sub(lambda m: _MASK * len(m.group()), text), en.sub(" _ ", words)


@cache
def _negated_roles() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A negation and a role word after it, in Chinese and in English (space-padded words), an
    "as" or an article between them allowed (不是作为牵头单位, not as lead, not as the lead, but not the
    lead)."""
    vocab = ask_vocab()
    roles = [*vocab.roles.values(), *vocab.document_roles.values()]
    alt = lambda ws: "|".join(map(re.escape, sorted(set(ws), key=len, reverse=True)))  # noqa: E731
    zh = re.compile(f"(?:{alt(vocab.negations.zh)})(?:作为)?(?:{alt(w for r in roles for w in r.zh)})")
    # (or the document's own label inside English: without being the 主责单位)
    en = re.compile(
        f" (?:{alt(vocab.negations.en)}) (?:as )?(?:the |a )?"
        f"(?:(?:{alt(w for r in roles for w in r.en)})(?= |$)|(?:{alt(w for r in roles for w in r.zh)}))"
    )
    return zh, en


def _task_described(reading: Reading, undated: str, runs: list[re.Match[str]]) -> None:
    """Who leads / cooperates on a task the question describes in its own words: the description,
    from its first word to its last as written, is searched, though it holds a unit
    (…向铁塔公司公布), a date (4月底前完成…) or a topic's word among others (建立…领导小组，压实主体责任)."""
    if not runs:
        return
    if reading.intent == "partners":  # who works with a unit on a task: the task's own words
        longest = max(runs, key=lambda r: len(r.group())).group()
        if len(longest) >= _TASK_WORDS:
            reading.phrase, reading.task_words = longest, True
        return
    # the plan named at the question's start is no part of the task's description
    end = _plan_name_end(undated)
    after_plan = [r for r in runs if r.start() >= end] if end else []
    runs = _described_runs(undated, after_plan or runs)
    described = undated[runs[0].start() : runs[-1].end()].strip("，,。；;、？?！! ")
    if re.search("[A-Za-z]", described):
        # (an English question quoting its task in Chinese: the quoted run, not the English between)
        described = max((r.group() for r in runs), key=len)
    total = sum(len(r.group()) for r in runs)
    named = reading.units or reading.body or reading.unit_type
    dated = reading.before or reading.after or reading.intent == "due"
    longer = total >= len(reading.topic_words or "") + _TASK_EXTRA
    # (秦创原…分工方案中，“建设中试基地”由谁牵头: after the plan's name, the words are the task's)
    after_name = bool(after_plan) and total >= _TASK_WORDS - 2
    if (
        (named and total >= _TASK_WORDS)
        or (reading.topic and (longer or after_name))
        or (dated and not named)
    ):
        reading.phrase, reading.task_words = described, True


def _described_runs(undated: str, runs: list[re.Match[str]]) -> list[re.Match[str]]:
    """The runs of the description: those the question's own who / role words do not part
    (应急物资储备规划由哪个单位牵头编制: the words before 由哪个单位牵头; a unit or a date between two
    runs stays inside, …向铁塔公司公布), the group with the most characters."""
    vocab = ask_vocab()
    asking = [w for w in (*vocab.who.zh, *(w for r in vocab.roles.values() for w in r.zh)) if len(w) >= 2]
    groups: list[list[re.Match[str]]] = [[runs[0]]]
    for before, run in itertools.pairwise(runs):
        gap = undated[before.end() : run.start()]
        if any(w in gap for w in asking):
            groups.append([run])
        else:
            groups[-1].append(run)
    return max(groups, key=lambda g: sum(len(r.group()) for r in g))


#: Characters a description of a task has at least when a unit inside it is read as the task's
#: words, and how many more than a topic's words it has when the topic is one of its words.
_TASK_WORDS = 6
_TASK_EXTRA = 4

_MINISTRY = re.compile(r" ministry of ((?:[a-z]+ ){1,5})")


def _ministry_en(words: str, store: GraphStore | None, lexicon: tuple[Body, ...] | None) -> str | None:
    """ "Ministry of <words>" the lexicon does not know: the Chinese of the words + 部 (教育部)."""
    m = _MINISTRY.search(words)
    if not m or words[m.start() + 1 :].startswith(_known_ministries_en()):
        return None  # (a ministry the lexicon knows was read by its name: as the plan's issuer, say)
    skip = question_words_en() - {"and"}
    rest: list[str] = []
    named = m.group(1)
    joint = _joint_notice().search(f" {named}")  # (the MOF and three other departments)
    for w in (named[: joint.start() - 1] if joint else named).split():
        if w in skip:
            break
        rest.append(w)
    # (a word glossed only beside another, "others", gives no headword of its own)
    runs = [(run, candidates) for run, candidates in translate([w for w in rest if w != "and"]) if candidates]
    if not runs:
        return None
    parts = []
    for _, candidates in runs:
        named = [c for c in candidates if _lookup_body(f"{c}部", lexicon)]
        parts.append(named[0] if named else candidates[0])
    name = "".join(parts) + "部"
    return _lookup_body(name, lexicon) or name


@cache
def _known_ministries_en() -> tuple[str, ...]:
    """The lexicon's English names of ministries, as ``norm_en`` writes them, each with a space after."""
    return tuple(
        norm_en(b.en).strip() + " " for b in bodies() if b.en and b.en.lower().startswith("ministry of ")
    )


@cache
def _department_pattern() -> re.Pattern[str]:
    ending = "|".join(re.escape(w) for w in ask_vocab().department_words_en)
    return re.compile(rf" ((?:[a-z]+ ){{1,4}})(?:{ending}) ")


def _department_en(words: str, store: GraphStore) -> str | None:
    """ "The <words> Department" of a central body's plan: the store's working unit whose name is the
    Chinese of the words and 司 or 局 (the Monetary Policy Department: 货币政策司), else ``None``."""
    skip = question_words_en() | {"the", "s", "its"}
    working = working_units(store)
    own_names = _departments_by_own_name(store)
    # (each "<words> department" of the question: the State Post Bureau's … Market Supervision Department)
    for m in _department_pattern().finditer(words):
        rest = [w for w in m.group(1).split() if w not in skip]
        # the words' runs as glossed together (electric power: 电功率), then word by word (电力 of power)
        for runs in (translate_wide(rest), [r for w in rest for r in translate_wide([w])]) if rest else ():
            options = [(*own, *wide)[:_CHOICES] for _, own, wide in runs]
            if not options or len(options) > 3:
                continue
            for combo in itertools.product(*options):
                for ending in ("司", "局"):
                    name = "".join(combo) + ending
                    if name in working:
                        return name
                    if name in own_names:
                        return own_names[name]
    return None


def _departments_by_own_name(store: GraphStore) -> dict[str, str]:
    """The store's working units named with a central body (国家能源局电力司) by their own name
    (电力司), once per store generation: a scan of every unit, not one per question."""
    memo = store_memo(store)
    found = memo.get("departments by own name")
    if found is None:
        found = memo["departments by own name"] = {
            u[len(b) :]: u for u in working_units(store) for b in _body_prefixes(u)
        }
    assert isinstance(found, dict)
    return found


def _body_prefixes(unit: str) -> list[str]:
    """The central bodies of the lexicon a unit's name opens with, before a name of its own (国家
    能源局 of 国家能源局电力司)."""
    return [unit[:k] for k in range(2, len(unit) - 2) if _lookup_body(unit[:k], None) is not None]


def _merge_english(reading: Reading, english: Reading) -> None:
    for place in english.places:
        if place not in reading.places:
            reading.places.append(place)
    reading.issuers += [p for p in english.issuers if p not in reading.issuers]
    reading.units = reading.units or english.units
    reading.body = reading.body or english.body
    reading.unit_type = reading.unit_type or english.unit_type
    if not reading.typed_units:
        reading.typed_units, reading.merged = english.typed_units, english.merged
    reading.more_bodies = reading.more_bodies or english.more_bodies
    reading.groups = reading.groups or english.groups
    if reading.topic is None:
        reading.topic, reading.document_topic = english.topic, english.document_topic


def _open_phrase(
    reading: Reading, masked: str, words: list[str], en_spans: list[Span], store: GraphStore | None
) -> None:
    phrase = _open_phrase_zh(masked)
    if phrase:
        reading.phrase = phrase
        return
    start, end = _plan_clause_en(f" {' '.join(words)} ")
    if end and reading.issuers:
        # (In the MOST/MOE action plan on technology transfer, who leads …: the clause names the plan
        # by its issuers; its words are the plan's, not the task's, when the question has words of
        # its own besides)
        rest = _english_rest(words, [*en_spans, Span(start, end, ())]) or _english_rest(words, en_spans)
    else:
        rest = _english_rest(words, en_spans)
    if not rest:
        return
    topic = match_topic(" ".join(rest))
    if topic is not None and topic.name == reading.plan_topic:
        topic = None  # (its words named the plan: 南山区科技创新重点任务中)
    chosen, held = _choose_chinese(translate_wide(rest), store)
    if topic is not None and not (held and not _names_topic_en(topic, rest)):
        # a topic matched on most words of an alias yields to words the store holds (fair
        # competition is not 市场监管, whose alias "market competition" shares one word)
        reading.topic = topic
        reading.document_topic = bool(set(words) & set(ask_vocab().document_words.en))
        if held and not reading.topic_words:
            # the Chinese its words stand for, where the store holds them (outdoor sports: 户外运动,
            # narrower than 全民健身): the tasks that mention them first, else the whole topic
            reading.topic_words = "".join(c for _, c in chosen)
        return
    if chosen:
        reading.phrase = "".join(c for _, c in chosen)
        reading.phrase_en = " ".join(e for e, _ in chosen)


def today_iso(today: dt.date | None = None) -> str:
    """``today`` (the local date when None) as an ISO string."""
    return (today or dt.date.today()).isoformat()


@cache
def _person_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A post then a word asking who holds it (局长是谁); a word asking for a person, up to three
    words, then a post (the name of the vice mayor, who is the head of)."""
    v = ask_vocab()
    posts = alternation(list(v.person_posts.zh))
    zh = re.compile(
        f"(?:{posts})(?:{alternation(list(v.person_asks.zh))})"
        f"|(?:{alternation(list(v.person_asks_before.zh))})[\u4e00-\u9fff]{{0,3}}?(?:{posts})"
    )
    # the words between describe the post (the vice mayor), not the work (responsible for the leader …)
    between = r"(?:(?!(?:responsible|for|in|of|on|to|with|charge|leads?|leading|tasks?|work)\b)[a-z-]+ )"
    en = re.compile(
        rf" (?:{alternation(list(v.person_asks.en))}) {between}{{0,3}}?(?:{alternation(list(v.person_posts.en))})s? "
    )
    return zh, en


def _people_named(text: str, store: GraphStore) -> list[str]:
    """The people the store's documents name in charge of tasks whom ``text`` names, longest first
    where names overlap. A name counts where it stands as a word of its own: one written inside a
    longer word (高峰 in 高峰期, 文明 in 文明城市) is that word's."""
    found: list[str] = []
    taken = text
    cuts: set[int] | None = None
    for name in store_people(store):
        if name not in taken:
            continue
        if cuts is None:
            cuts = set(itertools.accumulate(len(p) for p in word_pieces(text))) | {0}
        spans = [m.start() for m in re.finditer(re.escape(name), taken)]
        if any(s in cuts and s + len(name) in cuts for s in spans):
            found.append(name)
            taken = taken.replace(name, _MASK * len(name))
    return found


def _person_asked(text: str, words: str) -> str:
    """The words asking who holds a post, else "": the graph holds bodies, not the people in posts."""
    zh, en = _person_res()
    found = zh.search(text) or en.search(words)
    return found.group(0).strip() if found else ""


@cache
def _role_label_re() -> re.Pattern[str]:
    vocab = ask_vocab()
    roles = alternation([w for r in vocab.roles.values() for w in r.zh])
    nouns = alternation([w for w in vocab.generic_unit_words.zh if not w.startswith("哪")])
    return re.compile(rf"(?:{roles})(?:{nouns})[？?。！!\s]*$")


def _role_label_closes(text: str) -> bool:
    """Whether a role's label closes the question (农房风貌管控的牵头单位？): it asks who holds the role."""
    return _role_label_re().search(text) is not None


@cache
def _any_state_re() -> re.Pattern[str]:
    """Words counting every task whatever its state, with the rest of their clause (不论是否办结,
    regardless of whether they are completed)."""
    return re.compile(rf"(?i)(?:{_phrases(ask_vocab().any_state)})[^，,。；;？?！!（）()]{{0,40}}")


def _cut(pattern: re.Pattern[str], question: str) -> tuple[str, bool]:
    """``question`` without what ``pattern`` finds, and whether it found any: words that ask how to
    count (不论是否办结, recurring or long-term) and whose own words ask nothing (办结 no state)."""
    out, n = pattern.subn(" ", question)
    return (out, True) if n else (question, False)


def _as_lead(text: str, lead: Words) -> bool:
    """Whether a lead word follows 作为 (作为牵头部门负责…): the role the unit acts in."""
    return any(f"作为{w}" in text for w in lead.zh)


@cache
def _open_ended_re() -> re.Pattern[str]:
    """Words asking for tasks with no fixed deadline, with a second kind joined to them (长期性或每年开展)."""
    return re.compile(rf"(?i)(?:{_phrases(ask_vocab().open_ended)})(?:[或和及、][^，,。；;？?！!的]{{0,6}})?")


def _phrases(words: Words) -> str:
    """``words`` as one alternation over a question as typed, longest first: an English phrase's
    words parted by spaces or hyphens (long-term, long term)."""
    found = sorted((*words.zh, *words.en), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in found)


def _not_yet_due(text: str, words: str) -> bool:
    """Whether the question keeps to work not yet due (还没到期的, not yet overdue), not leaving it out
    (未到期的不算, 尚未到期的除外)."""
    found = ask_vocab().not_yet_due.find(text, words)
    if found is None:
        return False
    if found.isascii():
        return True
    at = text.find(found) + len(found)
    return re.match(r"的?(?:不算|除外|不计|不包括|不含)", text[at:]) is None
