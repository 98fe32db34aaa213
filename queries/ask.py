"""Questions in Chinese or English -> a named query with parameters, deterministically and offline.

``interpret(question)`` finds the entities a question names — a topic (``ingest/data/topics.yaml``,
Chinese and English aliases), a place (the division table, plus English names from
``queries/data/ask.yaml``), a unit or unit type (``ingest/data/unit_abbreviations.tsv`` and the
English unit words), dates, role words and intent words — and maps them to one named query by fixed
rules. A question that maps to nothing raises ``NotUnderstood`` listing what can be answered; it
never guesses. ``answer(store, question)`` runs the query and groups the rows with their evidence.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

from fengong.graph.store import GraphStore
from fengong.queries.ask_answer import Evidence, Group, group_rows
from fengong.queries.ask_vocab import ask_vocab, norm_en
from fengong.queries.named import get_query, run_named
from fengong.vocabulary import (
    Topic,
    alternation,
    by_pinyin,
    find_deadlines,
    find_places,
    function_of,
    load_topics,
    match_topic,
    places,
    unit_vocab,
)
from fengong.vocabulary import lookup_place as lookup

#: Rows an answer asks the store for (a question's answer is a small table, not an export).
ANSWER_LIMIT = 2_000
_MASK = "〇"


class NotUnderstood(ValueError):
    """The question maps to no named query; ``capabilities`` lists what can be asked."""

    def __init__(self, reason: str, found: dict[str, Any] | None = None) -> None:
        self.reason = reason
        self.found = found or {}
        self.capabilities = list(ask_vocab().capabilities)
        super().__init__(f"could not map the question: {reason}")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready explanation: why, what was recognised, and what can be answered."""
        return {"message": str(self), "found": self.found, "can_answer": self.capabilities}


@dataclass(frozen=True, slots=True)
class Interpretation:
    """How a question was understood: the named query, its parameters and a readable sentence."""

    intent: str
    query: str
    params: dict[str, Any]
    understood_as: str
    keep: dict[str, str] = field(default_factory=dict)  # rows kept where column == value (no such param)


@dataclass(slots=True)
class Answer:
    """The interpretation, the query's rows, the rows grouped for reading, and evidence sentences."""

    question: str
    interpretation: Interpretation
    columns: list[str]
    rows: list[dict[str, Any]]
    groups: list[Group] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    truncated: bool = False

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


@dataclass(slots=True)
class _Found:
    """Entities recognised in a question."""

    text: str  # the question with spaces removed (Chinese matching)
    words: str  # normalised English words, space-padded
    topic: Topic | None = None
    place: str | None = None
    unit_type: str | None = None
    role: str | None = None
    intent: str | None = None
    before: str | None = None
    after: str | None = None
    metric: str | None = None

    def summary(self) -> dict[str, Any]:
        out = {
            "topic": self.topic.name if self.topic else None,
            "place": self.place,
            "unit_type": self.unit_type,
            "role": self.role,
            "intent": self.intent,
            "due_before": self.before,
            "due_after": self.after,
            "metric": self.metric,
        }
        return {k: v for k, v in out.items() if v}


# -- entities -------------------------------------------------------------------------------------


def _mask_topic(found: _Found) -> None:
    """Blank the topic's words so that "policy support" is not read as the role word "support"."""
    t = found.topic
    if t is None:
        return
    for alias in sorted({t.name, *t.aliases_zh, *t.keywords_zh}, key=len, reverse=True):
        found.text = found.text.replace(alias, _MASK)
    for alias in sorted({norm_en(a).strip() for a in (t.en, *t.aliases_en)}, key=len, reverse=True):
        found.words = found.words.replace(f" {alias} ", " ")


def _place(found: _Found) -> tuple[str, int] | None:
    """The first place named (full Chinese name, short name or English name) and where it ends."""
    hits = find_places(found.text)
    if hits:
        place, _, end = hits[0]
        return place.name, end
    for m in places().short_pattern.finditer(found.text):
        place = lookup(m.group(), found.text)
        if place is not None:
            return place.name, m.end()
    for name, chinese in ask_vocab().places_en.items():
        if f" {name} " in found.words:
            return chinese, -1
    # Any place by the pinyin of its short name ("liaocheng", "zezhou"), from the division table.
    named = by_pinyin()
    for word in found.words.split():
        place = named.get(word)
        if place is not None:
            return place.name, -1
    return None


@cache
def _unit_suffix() -> re.Pattern[str]:
    vocab = unit_vocab()
    suffixes = [
        s for s in (*vocab.gov_suffixes, *vocab.company_suffixes) if s not in ("市", "县", "区", "乡", "镇")
    ]
    return re.compile(f"(?:{alternation(suffixes)})$")


@cache
def _spellings() -> re.Pattern[str]:
    """Every known unit spelling and function name (工信局, 工业和信息化局, …), longest first."""
    table = unit_vocab().abbreviations
    words = [w for w in (*table, *table.values()) if len(w) >= 3]
    return re.compile(alternation(words))


def _unit_after_place(text: str, end: int) -> str | None:
    """The unit named right after a place (聊城市|工信局|负责…) as its function."""
    rest = re.match(r"[\u4e00-\u9fff（）()]+", text[end:])
    if not rest:
        return None
    body = rest.group()
    for stop in ask_vocab().unit_stop_words:
        cut = body.find(stop)
        if cut >= 0:
            body = body[:cut]
    body = body.lstrip("市县区省")
    if len(body) < 2 or not _unit_suffix().search(body):
        return None
    return function_of(body) or body


def _unit_type(found: _Found, place_end: int | None) -> str | None:
    vocab = ask_vocab()
    if place_end is not None and place_end >= 0:
        unit = _unit_after_place(found.text, place_end)
        if unit:
            return unit
    m = _spellings().search(found.text)
    if m:
        return function_of(m.group()) or m.group()
    hits = [p for p in vocab.unit_types_en if f" {p} " in found.words]
    return vocab.unit_types_en[max(hits, key=len)] if hits else None


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _english_date(words: str) -> tuple[str, int] | None:
    """An ISO date, "end of June 2021", "June 2021" or a year, with its position in ``words``."""
    m = re.search(r" (\d{4}) (\d{1,2}) (\d{1,2}) ", words)  # 2021-06-30 after normalisation
    if m:
        return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}", m.start()
    months = ask_vocab().months_en
    m = re.search(r" (?:end of )?([a-z]+) (\d{4}) ", words)
    if m and m[1] in months:
        return _month_end(int(m[2]), months[m[1]]), m.start()
    m = re.search(r" (?:end of |the end of )?(\d{4}) ", words)
    if m and 2000 <= int(m[1]) <= 2100:
        return f"{m[1]}-12-31", m.start()
    return None


def _dates(found: _Found, question: str) -> None:
    vocab = ask_vocab()
    hits = [f for f in find_deadlines(question, None) if f.deadline.kind == "by" and f.deadline.date]
    if hits:
        d = hits[0].deadline
        end = d.end if d.end is not None else len(question)
        tail = question[end : end + 3]
        is_after = any(tail.startswith(w) for w in vocab.after.zh) and not d.text.endswith("前")
        if is_after:
            found.after = d.date
        else:
            found.before = d.date
        return
    english = _english_date(found.words)
    if english:
        date, pos = english
        before_text = found.words[:pos] + " "
        after_hit = any(f" {w} " in before_text[-20:] for w in vocab.after.en)
        if after_hit:
            found.after = date
        else:
            found.before = date


def _metric(found: _Found) -> str | None:
    for word, aliases in ask_vocab().metrics.items():
        if word in found.text or any(f" {a} " in found.words for a in aliases):
            return word
    return None


def _find(question: str) -> _Found:
    vocab = ask_vocab()
    found = _Found(text=re.sub(r"\s+", "", question), words=norm_en(question))
    found.topic = match_topic(question)
    for intent in ("people", "documents", "targets"):  # these outrank a topic the words happen to name
        if vocab.intents[intent].find(found.text, found.words):
            found.intent = intent
            break
    if found.intent in ("people", "documents"):
        found.topic = None
    if found.intent == "targets":
        found.metric = _metric(found)
        found.topic = None
    _mask_topic(found)
    place = _place(found)
    found.place = place[0] if place else None
    if found.intent is None:
        found.unit_type = _unit_type(found, place[1] if place else None)
    _dates(found, question)
    for role in ("lead", "cooperate", "responsible", "any"):
        if vocab.roles[role].find(found.text, found.words):
            found.role = role
            break
    if found.intent is None:
        for intent in ("due", "unit_work"):
            if vocab.intents[intent].find(found.text, found.words):
                found.intent = intent
                break
    return found


# -- rules ----------------------------------------------------------------------------------------


def _topic_label(topic: Topic) -> str:
    return f"{topic.name} ({topic.en})"


def _in(place: str | None) -> str:
    return f" in {place}" if place else ""


def _rule(found: _Found) -> Interpretation:
    """The fixed mapping from recognised entities to one named query."""
    place = found.place or ""
    if found.intent == "people":
        # people_groups has no place parameter: answer() keeps the place's rows
        return Interpretation(
            "people", "people_groups", {"group_name": ""},
            f"members of leading groups and task forces, with roles and positions{_in(found.place)}",
            {"jurisdiction": place} if place else {},
        )  # fmt: skip
    if found.intent == "documents":
        return Interpretation(
            "documents", "document_list", {"jurisdiction": place, "skip": 0, "limit": ANSWER_LIMIT},
            f"documents loaded{_in(found.place)}",
        )  # fmt: skip
    if found.intent == "targets":
        what = f" for {found.metric}" if found.metric else ""
        return Interpretation(
            "targets", "targets_in", {"metric": found.metric or "", "jurisdiction": place},
            f"quantified targets{what} set{_in(found.place)}, per city",
        )  # fmt: skip
    if found.before or found.after or found.intent == "due":
        return _due(found)
    if found.unit_type:
        role = found.role if found.role in ("lead", "cooperate") else "any"
        what = {
            "lead": "lead (牵头; first-listed 责任单位 shown apart, not as leads)",
            "cooperate": "cooperate on (配合)",
            "any": "are assigned, in any role",
        }[role]
        where = f" of {found.place}" if found.place else " in every place"
        return Interpretation(
            "unit_work", "unit_work",
            {"unit": "", "unit_type": found.unit_type, "jurisdiction": place, "role": role},
            f"the tasks that {found.unit_type} units{where} {what}, with the sentences that assign them",
        )  # fmt: skip
    if found.topic:
        return _topic(found)
    if found.place and found.intent == "unit_work":
        return Interpretation(
            "tasks", "task_list", {"jurisdiction": place, "skip": 0, "limit": ANSWER_LIMIT},
            f"tasks of the documents of {found.place}",
        )  # fmt: skip
    if found.role:
        raise NotUnderstood(
            f"it asks who {found.role}s, but names no topic or unit I know "
            f"(topics: {', '.join(t.name for t in load_topics()[:8])}, …)",
            found.summary(),
        )
    raise NotUnderstood("it names no topic, unit, place, date or target I can look up", found.summary())


def _due(found: _Found) -> Interpretation:
    params: dict[str, Any] = {
        "topic": found.topic.name if found.topic else "",
        "jurisdiction": found.place or "",
        "due_after": found.after or "",
        "due_before": found.before or "",
        "skip": 0,
        "limit": ANSWER_LIMIT,
    }
    if not found.before and not found.after:
        params["due_after"] = "0000-01-01"  # any dated deadline: "what is due when"
    span = (
        f"due on or before {found.before}" if found.before else
        f"due on or after {found.after}" if found.after else "with a dated deadline"
    )  # fmt: skip
    about = f" on {_topic_label(found.topic)}" if found.topic else ""
    return Interpretation("due", "task_list", params, f"tasks{about}{_in(found.place)} {span}, by deadline")


def _topic(found: _Found) -> Interpretation:
    assert found.topic is not None
    place = found.place or ""
    label = _topic_label(found.topic)
    if found.role == "lead":
        return Interpretation(
            "topic_leads", "topic_leads", {"topic": found.topic.name, "jurisdiction": place},
            f"who leads {label}{_in(found.place)}, per city: units named as 牵头 (stated leads); where a task names no lead, "
            "the first unit of its 责任单位 list (first-listed, not a stated lead); cities whose tasks on "
            "it name no lead at all; and cities whose documents mention it without assigning it",
        )  # fmt: skip
    role = found.role or "any"
    what = {
        "cooperate": "cooperate on (配合)",
        "responsible": "are responsible for (牵头 or 责任单位)",
        "any": "are involved in (any role)",
    }[role]
    return Interpretation(
        f"topic_{role}", "topic_units", {"topic": found.topic.name, "role": role, "jurisdiction": place},
        f"which units {what} {label}{_in(found.place)}, per city, with rank and the sentence; tasks naming no such unit listed too",
    )  # fmt: skip


def interpret(question: str) -> Interpretation:
    """Map a Chinese or English question to a named query and parameters; NotUnderstood otherwise."""
    question = question.strip()
    if not question:
        raise NotUnderstood("the question is empty")
    if len(question) > 500:
        raise NotUnderstood("the question is longer than 500 characters")
    interpretation = _rule(_find(question))
    get_query(interpretation.query).bind(interpretation.params)  # fails loudly if a rule drifts
    return interpretation


def answer(store: GraphStore, question: str) -> Answer:
    """Interpret ``question``, run its named query on ``store`` and group the rows with evidence."""
    found = interpret(question)
    rows = run_named(store, found.query, found.params, limit=ANSWER_LIMIT)
    selected = list(rows)
    for column, value in found.keep.items():
        selected = [r for r in selected if r.get(column) == value]
    topic = next((t for t in load_topics() if t.name == found.params.get("topic")), None)
    groups, evidence, plain = group_rows(found.query, selected, topic)
    return Answer(question, found, list(rows.columns), plain, groups, evidence, rows.truncated)
