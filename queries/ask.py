"""Questions in Chinese or English -> a named query with parameters, deterministically and offline.

``interpret(question, store)`` reads the question (``ask_read``: units of the graph, bodies of the
lexicon, unit types, places, a topic of the taxonomy or an open topic phrase, role, intent and
dates, by the longest reading) and maps the reading to one named query by fixed rules. A question
that maps to nothing raises ``NotUnderstood`` listing what can be answered; it never guesses.
``answer(store, question)`` runs the query and groups the rows with their evidence.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from fengong.graph.store import GraphStore, Rows
from fengong.queries.ask_alternatives import alternatives
from fengong.queries.ask_answer import Evidence, Group, best_matches, group_rows
from fengong.queries.ask_names import short_form, spelled_out_names
from fengong.queries.ask_read import OPEN_ENDED, Reading, read, today_iso
from fengong.queries.ask_vocab import ask_vocab
from fengong.queries.named import get_query, run_named
from fengong.vocabulary import Body, Topic, load_topics, lookup_place, terms_of_phrase

#: Rows an answer asks the store for (a question's answer is a small table, not an export).
ANSWER_LIMIT = 2_000
#: Rows in a page of an answer unless the caller asks for more (a screenful with its evidence).
PAGE_ROWS = 100
_ROLE_PHRASE = {
    "lead": "who leads",
    "cooperate": "who cooperates",
    "responsible": "who is responsible",
    "any": "who is involved",
}


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
    searched: list[str] = field(default_factory=list)  # the Chinese words searched for, when any
    fallback: Interpretation | None = None  # asked when the query finds nothing (a topic's words)
    why: str = ""  # why this one is asked, when it is a fallback (a note of the answer)
    # (topic, words): the question named the topic by narrower words, and the answer holds the
    # tasks that mention them instead of the topic's tasks
    narrowed: tuple[str, str] | None = None
    # English words the question holds beside the topic's and reads as nothing: said in a note
    unused: list[str] = field(default_factory=list)
    # (short form, unit): a short form no list knows, read as the one unit it abbreviates (a note)
    short_form: tuple[str, str] | None = None
    # a column whose groups keep only their best rows (the first score of each place)
    best_per: str = ""


@dataclass(slots=True)
class Answer:
    """The interpretation, the query's rows, the rows grouped for reading, and evidence sentences."""

    question: str
    interpretation: Interpretation
    columns: list[str]
    rows: list[dict[str, Any]]
    groups: list[Group] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    truncated: bool = False  # more rows follow this page (next_offset asks for them)
    notes: list[str] = field(default_factory=list)
    offset: int = 0  # the first row of this page among the query's ordered rows
    next_offset: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)


# -- rules ----------------------------------------------------------------------------------------


def _topic_label(topic: Topic) -> str:
    return f"{topic.name} ({topic.en})"


def _in(place: str | None) -> str:
    if place and lookup_place(place) is None:
        return f" in the documents {place} issues"  # a central body: its national documents
    return f" in {place}" if place else ""


def _on_topic(r: Reading, mention: str) -> str:
    """What a task query keeps, said: the tasks that mention narrower words, else the question's
    topic (the task queries take no open phrase)."""
    if mention:
        return f" on tasks whose title or text, or their document's title, mentions {mention}"
    return f" on {_topic_label(r.topic)}" if r.topic else ""


def _about(r: Reading) -> str:
    if r.topic:
        return f" on {_topic_label(r.topic)}"
    if r.phrase:
        return f" on tasks mentioning {r.phrase}"
    return ""


def _rule(r: Reading, today: str) -> Interpretation:
    """The fixed mapping from a reading to one named query."""
    place = r.place or ""
    if r.contact:
        raise NotUnderstood(
            f"it asks for a person ({r.contact}): the graph holds the bodies a document assigns "
            "tasks, deadlines and targets to, not people's names, posts or contact details",
            r.summary(),
        )
    if r.figure and r.intent not in ("targets", "workload", "ranking"):
        raise NotUnderstood(
            f"it asks for a figure ({r.figure}): the documents assign tasks, deadlines and targets, "
            "and no target's metric is named",
            r.summary(),
        )
    if r.intent == "people":
        return Interpretation(
            "people", "people_groups", {"group_name": "", "jurisdiction": place},
            f"members of leading groups and task forces, with roles and positions{_in(r.place)}",
        )  # fmt: skip
    if r.intent == "documents":
        issuer = r.body or (r.units[0] if len(r.units) == 1 else "")
        return Interpretation(
            "documents", "document_list", {"jurisdiction": place, "issuer": issuer, "skip": 0, "limit": ANSWER_LIMIT},
            f"documents loaded{f' issued by {issuer}' if issuer else ''}{_in(r.place)}",
        )  # fmt: skip
    if r.intent == "targets":
        what = f" for {r.metric}" if r.metric else ""
        return Interpretation(
            "targets", "targets_in", {"metric": r.metric or "", "jurisdiction": place},
            f"quantified targets{what} set{_in(r.place)}, per city",
        )  # fmt: skip
    if r.intent in ("compare", "ranking", None) and r.ranked and len(r.compared_places) >= 2:
        return _ranking_per_place(r)  # 两份文件各自牵头任务最多的部门: the first ones of each place
    if r.intent == "compare" and len(r.compared_places) >= 2:
        return _compare_roles(r) or _compare(r)
    if r.intent == "overdue":
        return _overdue(r, today)
    if r.intent == "status" and r.state:
        state, word = r.state, r.state_word
        called = f"{word} ({state})" if word else f"{state} (its own word beside each)"
        units, label = _units_asked(r)
        role = r.role if units and r.role in ("lead", "cooperate") else "any"
        said = f" that {label} {_STATUS_ROLES[role]}" if units else ""
        # (a period the tasks are due in, 三季度完成 / due in September: within it; a period alone names
        # the report, 一季度…哪些任务滞后, and a date alone may be the report's, 截至6月底)
        due_in = bool(r.after and r.before) and (
            ask_vocab().intents["due"].find(r.text, r.words) is not None or _DUE_IN.search(r.text) is not None
        )
        after, before = (r.after, r.before) if due_in else ("", "")
        due = f", due {after} to {before}" if after else ""
        return _narrowed(r, lambda topic, mention: Interpretation(
            "tasks_by_status", "tasks_by_status",
            {"status": state, "word": word, "jurisdiction": place, "topic": topic,
             "mention": mention or ("" if topic else r.plan_title or ""), "units": units, "role": role,
             "due_after": after, "due_before": before},
            f"tasks{_on_topic(r, mention)}{said}{_in(r.place)}{due} that a progress report calls {called}, with "
            "their deadlines and leads; plans give no state",
        ))  # fmt: skip
    if r.intent == "progress":
        return _progress(r)
    if r.intent == "no_lead":
        where, where_words = _where(r)  # (two places at once: 天津和长阳各有哪项任务没有牵头单位)
        return _narrowed(r, lambda topic, mention: Interpretation(
            "no_lead", "tasks_without_lead", {**where, "topic": topic, "mention": mention},
            f"tasks{_on_topic(r, mention)}{where_words} that state no lead (牵头) and give the task to "
            "no one unit alone: the first unit of their 责任单位 list where they have one (a convention, not a "
            "stated lead), else the units they name, else none",
        ))  # fmt: skip
    if r.intent == "ranking":
        return _ranking(r)
    if r.intent == "workload" and (r.units or r.body or r.unit_type):
        # 牵头了几项任务？分别是什么: the tasks of that one role (their count is the rows')
        narrow = r.role in ("lead", "cooperate") or r.not_lead or r.lead_or_responsible
        return _unit_work(r) if narrow else _workload(r, today)
    if r.intent == "places" and r.topic:
        return Interpretation(
            "topic_places", "topic_places", {"topic": r.topic.name},
            f"which places assign {_topic_label(r.topic)} to units and which only mention it",
        )  # fmt: skip
    if r.task_words:
        return _phrase(r)  # who leads / cooperates on the task the question describes
    if r.intent == "due_next" and r.days:
        return _due_next(r, today)
    if r.before or r.after or r.intent == "due" or r.every:
        return _due(r)
    if r.intent in ("shared", "partners") and len(r.groups) >= 2:
        return _shared(r)
    if r.intent in ("shared", "partners") and (r.units or r.body or r.typed_units):
        return _partners(r)
    if r.units or r.body or r.unit_type:
        return _unit_work(r)
    if r.topic:
        return _topic(r)
    if r.phrase and (r.role or r.intent in ("unit_work", "places", "tasks")):
        return _phrase(r)
    if r.place and r.intent == "unit_work":
        return Interpretation(
            "tasks", "task_list", {"jurisdiction": place, "skip": 0, "limit": ANSWER_LIMIT},
            f"tasks of the documents of {r.place}",
        )  # fmt: skip
    if r.role:
        topics = ", ".join(t.name for t in load_topics()[:8])
        raise NotUnderstood(
            f"it asks {_ROLE_PHRASE[r.role]}, but names no topic, unit or words to search for "
            f"(topics such as {topics}, …, or any words of the tasks)",
            r.summary(),
        )
    raise NotUnderstood("it names no topic, unit, place, date or target I can look up", r.summary())


def _unit_params(r: Reading) -> tuple[dict[str, Any], str]:
    """unit_work's unit filters and a label: graph units, else a body by name, else a unit type."""
    units = r.units + [u for u in r.typed_units if u not in r.units]
    if r.units or (r.more_types and units):  # units by name, with those of the functions beside them
        label = ", ".join(units[:3]) + (" …" if len(units) > 3 else "")
        return {"unit": "", "units": units, "unit_type": "", "jurisdiction": ""}, label
    if r.body:
        named = [r.body, *r.more_bodies]
        return {"unit": "", "units": named, "unit_type": "", "jurisdiction": ""}, ", ".join(named)
    if r.merged:  # the place's bureau that took the function in with another
        label = f"{', '.join(r.typed_units)} ({r.place}'s unit for the work of a {r.unit_type})"
        return {"unit": "", "units": r.typed_units, "unit_type": "", "jurisdiction": ""}, label
    places = r.unit_places
    # 烟台和晋江的公安局: the function in each place named; a township's or zone's (小榄镇的镇X局),
    # whose units its city holds, by their names
    if r.typed_units and (len(places) > 1 or (places and lookup_place(places[0]) is None)):
        label = ", ".join(r.typed_units[:3]) + (" …" if len(r.typed_units) > 3 else "")
        return {"unit": "", "units": r.typed_units, "unit_type": "", "jurisdiction": ""}, label
    where = f" of {places[0]}" if places else " in every place"
    return (
        {"unit": "", "units": [], "unit_type": r.unit_type, "jurisdiction": places[0] if places else ""},
        f"{r.unit_type} units{where}",
    )


def _unit_work(r: Reading) -> Interpretation:
    narrow = ("lead", "cooperate", "responsible") if r.lead_or_responsible else ("lead", "cooperate")
    role = "support" if r.not_lead else r.role if r.role in narrow else "any"
    what = {
        "lead": "lead (牵头; first-listed 责任单位 shown apart, not as leads)",
        "cooperate": "cooperate on (配合)",
        "responsible": "lead or are responsible for (牵头 or 责任单位), not only cooperate on",
        "support": "are assigned without leading them (配合, or listed but not as the lead)",
        "any": "are assigned, in any role",
    }[role]
    params, label = _unit_params(r)
    params["role"] = role
    params["topic"] = r.topic.name if r.topic else ""
    # the words that named the topic find a plan's tasks tagged more closely (教育部牵头的校园安全任务)
    params["mention"] = r.topic_words if r.topic and r.topic_words and len(r.topic_words) >= 2 else ""
    about = (
        f"{_about(r)} or mentioning {params['mention']}"
        if params["mention"]
        else _about(r)
        if r.topic
        else ""
    )
    return Interpretation(
        "unit_work",
        "unit_work",
        params,
        f"the tasks{about} that {label} {what}, with the sentences that assign them",
    )


def _named_units(r: Reading) -> tuple[list[str], str]:
    """The units a question names and a label: graph units or a body's, else the graph's units of
    the unit type in the places."""
    params, label = _unit_params(r)
    return params["units"] or r.typed_units, label


def _shared(r: Reading) -> Interpretation:
    a, b = r.groups[0], r.groups[1]
    return Interpretation(
        "shared", "shared_tasks", {"units_a": a, "units_b": b},
        f"the tasks {', '.join(a)} and {', '.join(b)} are both assigned, each with its role and the sentence",
    )  # fmt: skip


def _partners(r: Reading) -> Interpretation:
    units, label = _named_units(r)
    return Interpretation(
        "unit_partners", "unit_partners", {"units": units, "role": "any"},
        f"the units working with {label} on the tasks it leads or is responsible for, each with its "
        "role and the sentence that assigns it",
    )  # fmt: skip


def _workload(r: Reading, today: str) -> Interpretation:
    units, label = _named_units(r)
    if not units:
        raise NotUnderstood(
            f"it asks for a workload but names no unit the graph holds ({label})", r.summary()
        )
    as_of = r.before or today
    return Interpretation(
        "unit_workload", "unit_workload", {"units": units, "as_of": as_of},
        f"the workload of {label} by role (stated lead, first-listed, cooperating, listed), with dated "
        f"deadlines and those before {as_of}",
    )  # fmt: skip


#: A period followed by the work's end (三季度完成, 9月份到期): the tasks are due within it.
_DUE_IN = re.compile(r"(?:季度|月份?|半年|年)(?:内|底|末)?(?:前)?(?:要|需|需要|应)?(?:完成|到期|办结)")


def _progress(r: Reading) -> Interpretation:
    units, label = _units_asked(r)
    unit_type = r.unit_type if r.unit_type and not units and not r.place else ""
    role = "lead" if r.role == "lead" and (units or unit_type) else "any"
    given = "led by" if role == "lead" else "assigned to"  # 天河区民政局牵头的任务进展如何
    whose = f" {given} {label}" if units else (f" {given} {unit_type} units" if unit_type else "")
    _, words, said = _task_scope(r)  # the task asked about, in the words of its title or text

    def build(topic: str, mention: str) -> Interpretation:
        about = _about(r) if topic else (_MENTIONS.format(mention) if mention and not words else "")
        return Interpretation(
            "progress", "task_progress",
            {"jurisdiction": r.place or "", "topic": topic, "units": units, "unit_type": unit_type,
             "role": role, "mention": mention or words},
            f"what progress reports say of their tasks{about}{whose}{said}{_in(r.place)}: the "
            "落实情况 paragraph and the state each is given, with deadlines and leads; plans report no progress",
        )  # fmt: skip

    # (推进海绵城市建设进展如何: the task's words, narrower than the topic they hold)
    return _or_without_words(_narrowed(r, build), "mention", words)


def _ranking(r: Reading) -> Interpretation:
    # (responsible for the most tasks: as lead or as the unit a task is given to, not as a partner)
    role = "lead" if r.role in ("lead", "responsible") else "any"
    what = (
        "lead (stated 牵头 or first-listed 责任单位 where no lead is stated)"
        if role == "lead"
        else "carry in any role"
    )
    topic = r.topic.name if r.topic else ""
    about = f" on {_topic_label(r.topic)}" if r.topic else ""
    # the plan named first, held under a title of other words (新疆棉花纺织方案中): its tasks, not a topic's
    if r.plan_title and (not topic or r.document_topic):
        params = {"role": role, "jurisdiction": "", "topic": "", "document": r.plan_title, "top": 20}
        return Interpretation(
            "unit_ranking",
            "unit_ranking",
            params,
            f"units ranked by the tasks they {what} in {r.plan_title}, top 20",
        )
    # words naming the plan (户外运动方案里牵头最多的): the documents whose title holds them
    named = r.phrase if r.phrase and not topic and _names_document(r, r.phrase) else ""
    about += f" in the documents whose title holds {named}" if named else ""
    understood = f"units ranked by the tasks they {what}{about}{_in(r.place)}, top 20"
    if not r.place and not topic and not named:  # over the whole graph: the counts each unit keeps, same rows
        return Interpretation("unit_ranking", "unit_top", {"role": role, "top": 20}, understood)
    params = {"role": role, "jurisdiction": r.place or "", "topic": topic, "document": named, "top": 20}
    found = Interpretation("unit_ranking", "unit_ranking", params, understood)
    if not named:
        return found
    # words of the asker's own for the plan (地灾方案 for 地质灾害防治…): no title holds them, so the
    # place's or the whole graph's ranking, said so
    wider = _ranking(replace(r, phrase=None))
    return replace(
        found, fallback=replace(wider, why=f"no document's title holds {named}: {wider.understood_as}")
    )


def _names_document(r: Reading, words: str) -> bool:
    """Whether ``words`` stand before a word naming a document (物流降本增效方案中), or the English
    they were read from does (the silver economy opinion: 银发经济)."""
    document = ask_vocab().document_words
    # (a few words may stand between: 乌镇峰会服务保障任务清单)
    before_word = re.compile(
        re.escape(words) + r"[\u4e00-\u9fff]{0,4}?(?:" + "|".join(map(re.escape, document.zh)) + ")"
    )
    return bool(before_word.search(r.text)) or bool(
        r.phrase_en and any(f" {r.phrase_en} {w} " in r.words for w in document.en)
    )


def _ranking_per_place(r: Reading) -> Interpretation:
    role = "lead" if r.role in ("lead", "responsible") else "any"
    what = (
        "lead (stated 牵头 or first-listed 责任单位 where no lead is stated)" if role == "lead" else "carry"
    )
    # 重庆低空和哈尔滨供热两份文件: the topics' words name the documents, each place's whole plan
    topic = None if ask_vocab().document_words.find(r.text, r.words) else r.topic
    about = f" on {_topic_label(topic)}" if topic else ""
    return Interpretation(
        "unit_ranking", "unit_top_in_places",
        {"places": list(r.places), "role": role, "topic": topic.name if topic else ""},
        f"in each of {', '.join(r.places)}, the units that {what} the most tasks{about} (ties kept)",
        best_per="place",
    )  # fmt: skip


#: Characters the words a task question asks about have at least to keep the tasks that hold them.
_SCOPE_WORDS = 4


_STATUS_ROLES = {
    "lead": "lead (牵头, or first-listed where that reads as the lead)",
    "cooperate": "cooperate on (配合)",
    "any": "are assigned",
}


def _units_asked(r: Reading) -> tuple[list[str], str]:
    """The units a question names (by name, body or the place's units of a function), and their
    label; none when it names none."""
    return _named_units(r) if (r.units or r.body or r.typed_units) else ([], "")


def _task_scope(r: Reading) -> tuple[list[str], str, str]:
    """The units a task question names (to keep the tasks they are assigned), words it asks about
    when it names no topic (应急备用水源建设什么时候完成), and how the interpretation says both."""
    units, label = _units_asked(r)
    # a leftover word or two (已经) is no description of tasks
    words = r.phrase if r.phrase and not r.topic and len(r.phrase) >= _SCOPE_WORDS else ""
    if words and r.plan_title and words in r.plan_title:
        words = ""  # (the plan's own words, 任务分工 of …任务分工方案里: the plan, below)
    if len(r.places) >= 2 and (
        r.document_topic or any(words + w in r.text for w in ask_vocab().document_words.zh if words)
    ):
        words = ""  # the words name one of the plans (湖州绿色建筑方案和宁都…): the places find both
    if not words and not r.topic and r.plan_title and len(r.places) < 2:
        words = r.plan_title  # (国办发〔2027〕14号中…: the tasks of the document so numbered or named)
    said = (f" assigned to {label}" if units else "") + (_MENTIONS.format(words) if words else "")
    return units, words, said


def _or_without_words(found: Interpretation, key: str, words: str) -> Interpretation:
    """``found``, falling back to the same tasks without the words the question asked about when no
    task mentions them (the ocean-economy tasks past their deadline: the place's tasks, said so)."""
    if not words or found.params.get(key) != words or found.fallback is not None:
        return found
    wider = replace(
        found,
        params={**found.params, key: ""},
        understood_as=found.understood_as.replace(_MENTIONS.format(words), ""),
        why=f"no task mentions {words}: every one the rest of the question asks about instead",
    )
    # (建设社区老年食堂项目: the task's words, then a noun the asker put after them)
    tail = next(
        (t for t in ask_vocab().phrase_tails if words.endswith(t) and len(words) - len(t) >= _SCOPE_WORDS), ""
    )
    if tail:
        shorter = words[: -len(tail)]
        trimmed = replace(
            found,
            params={**found.params, key: shorter},
            understood_as=found.understood_as.replace(_MENTIONS.format(words), _MENTIONS.format(shorter)),
            why=f"no task mentions {words}: {shorter}, without {tail}",
            fallback=wider,
        )
        return replace(found, fallback=trimmed)
    return replace(found, fallback=wider)


_MENTIONS = " whose title or text, or their document's title, mentions {}"


def _overdue(r: Reading, today: str) -> Interpretation:
    as_of = r.before or today
    if r.before and r.through:  # due on or before the last day asked about
        as_of = (dt.date.fromisoformat(r.before) + dt.timedelta(days=1)).isoformat()
    units, words, said = _task_scope(r)
    return _or_without_words(_overdue_query(r, as_of, units, words, said), "mention", words)


def _overdue_query(r: Reading, as_of: str, units: list[str], words: str, said: str) -> Interpretation:
    where, in_places = _where(r)  # one place, or two side by side (两地各有哪些任务逾期)
    return _narrowed(r, lambda topic, mention: Interpretation(
        "tasks_overdue", "tasks_overdue",
        {"as_of": as_of, **where, "topic": topic, "mention": mention or words, "units": units,
         "done": "counted" if r.any_state else ""},
        f"tasks{_on_topic(r, mention)}{said}{in_places} whose deadline is before {as_of} "
        + ("with their leads, whatever a progress report says of them" if r.any_state else
           "with their leads; tasks a progress report calls done are left out (a plan records no "
           "completion: its tasks are past due unless done)"),
    ))  # fmt: skip


def _due_next(r: Reading, today: str) -> Interpretation:
    assert r.days is not None
    start = dt.date.fromisoformat(today)
    end = (_add_months(start, r.months) if r.months else start + dt.timedelta(days=r.days)).isoformat()
    # The next N days are the N days after today: work due today is due now, not in the days ahead.
    first = (start + dt.timedelta(days=1)).isoformat()
    units, words, said = _task_scope(r)
    where, in_places = _where(r)  # one place, or two side by side
    return _or_without_words(_narrowed(r, lambda topic, mention: Interpretation(
        "tasks_due_between", "tasks_due_between",
        {"due_from": first, "due_to": end, **where, "topic": topic, "mention": mention or words,
         "units": units},
        f"tasks{_on_topic(r, mention)}{said}{in_places} due from {first} to {end} "
        f"(the next {f'{r.months} months' if r.months else f'{r.days} days'}), "
        "with their leads and a progress report's state",
    )), "mention", words)  # fmt: skip


def _add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` calendar months on (the 31st becomes the month's last day)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _compare_roles(r: Reading) -> Interpretation | None:
    """Two places compared on who does what (桂林和杭州的交通运输局各牵头什么, who leads X in A and
    in B): the tasks with their units in both places, not a count per unit; ``None`` when the
    question asks for no role."""
    if not r.role:
        return None
    if r.units or r.body or r.typed_units:
        return _unit_work(r)
    if r.topic:
        return _topic(r)
    return _phrase(r) if r.phrase else None


def _compare(r: Reading) -> Interpretation:
    a, b = r.places[0], r.places[1]
    params: dict[str, Any] = {
        "place_a": a,
        "place_b": b,
        "topic": "",
        "terms": [],
        "unit_type": r.unit_type or "",
    }
    searched: list[str] = []
    if r.topic:
        params["topic"] = r.topic.name
    elif r.phrase:
        params["terms"] = searched = terms_of_phrase(r.phrase)
    return Interpretation(
        "compare_places", "compare_places", params,
        f"{a} and {b} side by side{_about(r)}{f' for their {r.unit_type} units' if r.unit_type else ''}: "
        "each unit on the tasks with its role and how many tasks",
        searched=searched,
    )  # fmt: skip


def _due(r: Reading) -> Interpretation:
    where, in_places = _where(r)  # one place, or two side by side (两地各有哪些任务6月到期)
    params: dict[str, Any] = {
        "topic": r.topic.name if r.topic else "",
        **where,
        "due_after": r.after or "",
        "due_before": r.before or "",
        "every": r.every,
        "skip": 0,
        "limit": ANSWER_LIMIT,
    }
    units, words, said = _task_scope(r)
    if not r.before and not r.after and not (units or words or r.every):
        params["due_after"] = "0000-01-01"  # any dated deadline: "what is due when"
    span = (
        f"due on {r.after}" if r.before and r.before == r.after else
        f"due from {r.after} to {r.before}" if r.before and r.after else
        f"due on or before {r.before}" if r.before else
        f"due on or after {r.after}" if r.after else
        "whose deadline recurs or runs on (每年, 长期坚持)" if r.every == OPEN_ENDED else
        f"whose deadline recurs ({r.every})" if r.every else
        "with their deadlines, dated or not" if units or words else "with a dated deadline"
    )  # fmt: skip
    found = _narrowed(
        r,
        lambda topic, mention: Interpretation(
            "due",
            "task_list",
            {**params, "topic": topic, "text": mention or words, "units": units},
            f"tasks{_on_topic(r, mention)}{said}{in_places} {span}, by deadline",
        ),
    )
    return _or_without_words(found, "text", words) if r.before or r.after else found


def _topic(r: Reading) -> Interpretation:
    assert r.topic is not None
    whole = _topic_query(r)
    if not r.topic_words and r.topic_search:
        # an English topic no task is tagged with: the Chinese of its words searched instead
        own = Reading(
            text=r.text, words=r.words, places=r.places, phrase=r.topic_search, role=r.role or "any"
        )
        why = "no task is tagged with this topic: its words searched for"
        return replace(whole, fallback=replace(_phrase(own, "the words that named the topic"), why=why))
    if not r.topic_words:
        return whole
    words = Reading(text=r.text, words=r.words, places=r.places, phrase=r.topic_words, role=r.role or "any")
    mention = _narrowing(r)
    label = _topic_label(r.topic)
    searched = _phrase(
        words, f"words narrower than the topic {label}" if mention else "the words that named the topic"
    )
    if not mention:
        # Tagging keeps a task's strongest topics only: when none is tagged with this one, the
        # words that named it are searched in the task texts instead.
        whole = replace(
            whole, fallback=replace(searched, why="no task is tagged with this topic: its words searched for")
        )
        if len(r.topic_words) > len(r.topic.name):
            # (推进城镇老旧小区改造由谁牵头: words beyond the topic's name that title a task name that
            # task; the whole topic when none is so titled)
            said = f"{searched.understood_as}; the tasks titled {r.topic_words} only"
            titled = replace(searched, keep={"task": r.topic_words}, understood_as=said, why="")
            return replace(
                titled, fallback=replace(whole, why=f"no task is titled {r.topic_words}: the topic {label}")
            )
        return whole
    # Named by words narrower than the topic (老年助餐 for 养老服务): the tasks that mention them,
    # tagged with the topic or not, else the whole topic with a note.
    why = f"no task mentions {mention}: every task on {label} instead"
    return replace(searched, narrowed=(r.topic.name, mention), fallback=replace(whole, why=why))


def _narrowing(r: Reading) -> str:
    """The question's words for its topic when they name less than the topic, else ``''``: an
    alias that is not a form of the topic's name (老年助餐 names one service of 养老服务; 老旧小区 is
    the name cut short). Such a question is answered with the tasks that mention the words."""
    words = r.topic_words
    if r.topic is None or not words or words in r.topic.name or r.topic.name in words:
        return ""
    return "" if short_form(words, r.topic.name) else words  # 文旅 for 文化旅游 is the topic, not less


def _narrowed(r: Reading, build: Callable[[str, str], Interpretation]) -> Interpretation:
    """``build(topic, '')`` for the question's topic (or none), or ``build('', words)`` for the
    tasks that mention words narrower than the topic, falling back to the whole topic, with a
    note, when no such task answers."""
    whole = build(r.topic.name if r.topic else "", "")
    mention = _narrowing(r)
    if not mention:
        return whole
    assert r.topic is not None
    why = f"no task that mentions {mention} answers this: every task on {_topic_label(r.topic)} instead"
    return replace(build("", mention), narrowed=(r.topic.name, mention), fallback=replace(whole, why=why))


def _where(r: Reading) -> tuple[dict[str, Any], str]:
    """The place filter of a who-question and its words: one place, or two at once (桂林和杭州的
    停车任务分别由谁牵头 asks about both; a third is said to be left out)."""
    if len(r.places) >= 2:
        first, second, *rest = r.places
        left = f" ({', '.join(rest)} not searched: two places at a time)" if rest else ""
        return {"jurisdiction": first, "or_jurisdiction": second}, f" in {first} and {second}{left}"
    return {"jurisdiction": r.place or ""}, _in(r.place)


def _topic_query(r: Reading) -> Interpretation:
    assert r.topic is not None
    where, in_places = _where(r)
    label = _topic_label(r.topic)
    if r.role == "lead":
        return Interpretation(
            "topic_leads", "topic_leads", {"topic": r.topic.name, **where},
            f"who leads {label}{in_places}, per city: units named as 牵头 (stated leads); where a task names no lead, "
            "the first unit of its 责任单位 list (first-listed, not a stated lead); cities whose tasks on "
            "it name no lead at all; and cities whose documents mention it without assigning it",
        )  # fmt: skip
    role = "support" if r.not_lead else r.role or "any"
    what = {
        "cooperate": "cooperate on (配合)",
        "responsible": "are responsible for (牵头 or 责任单位)",
        "any": "are involved in (any role)",
        "support": _SUPPORT,
    }[role]
    return Interpretation(
        f"topic_{role}", "topic_units", {"topic": r.topic.name, "role": role, **where},
        f"which units {what} {label}{in_places}, per city, with rank and the sentence; tasks naming no such unit listed too",
    )  # fmt: skip


#: What units asked for without the lead do (只参与 / 具体落实).
_SUPPORT = "take part in without leading (配合, or listed but not as the lead)"


def _phrase(r: Reading, why: str = "no topic of the taxonomy") -> Interpretation:
    assert r.phrase is not None
    terms = terms_of_phrase(r.phrase)
    if not terms:
        raise NotUnderstood(f"the words {r.phrase!r} hold nothing to search for", r.summary())
    role = "support" if r.not_lead else r.role or "any"
    what = {
        "lead": "lead (stated 牵头, else the first-listed 责任单位)",
        "cooperate": "cooperate on (配合)",
        "responsible": "are responsible for (牵头 or 责任单位)",
        "any": "are involved in (any role)",
        "support": _SUPPORT,
    }[role]
    source = f" (for the English {r.phrase_en!r})" if r.phrase_en else ""
    where, in_places = _where(r)
    found = Interpretation(
        f"phrase_{role}", "term_units",
        {"terms": terms, "phrase": r.phrase, "role": role, **where},
        f"which units {what} tasks whose title or text, or their document's title, mentions {r.phrase}{source}"
        f"{in_places} ({why}; searched for the words {' + '.join(terms)}), ranked by match: "
        "the phrase in the task's title, its text, its document's title, else every word",
        searched=terms,
    )  # fmt: skip
    if len(terms) < _RELAXED_TERMS:
        return found
    # A question in other words than the task's (中小学体育场地对外开放 for …向社会有序开放): the tasks
    # holding all its words but one, said so.
    relaxed = replace(
        found,
        params={**found.params, "missing": 1},
        understood_as=found.understood_as.replace(", else every word", ", holding all the words but one"),
        why=f"no task mentions every word of {r.phrase}: tasks that mention all of them but one",
    )
    return replace(found, fallback=relaxed)


#: Words a phrase has at least before a task holding all of them but one is a match (of three words,
#: two say too little: they match loosely related tasks on a large store).
_RELAXED_TERMS = 4


def interpret(
    question: str,
    store: GraphStore | None = None,
    *,
    today: dt.date | None = None,
    lexicon: tuple[Body, ...] | None = None,
) -> Interpretation:
    """Map a Chinese or English question to a named query and parameters; NotUnderstood otherwise.

    ``store`` adds its units' names to the reading; ``today`` dates overdue / upcoming questions;
    ``lexicon`` replaces the lexicon of bodies (tests)."""
    question = question.strip()
    if not question:
        raise NotUnderstood("the question is empty")
    if len(question) > 500:
        raise NotUnderstood("the question is longer than 500 characters")
    reading = read(question, store, lexicon, today)
    people = _people_rule(reading, store) if store is not None else None
    interpretation = people or _rule(reading, today_iso(today))
    if reading.unused_en and interpretation.params.get("topic"):
        interpretation = replace(interpretation, unused=reading.unused_en)
    if reading.short_form is not None:
        interpretation = replace(interpretation, short_form=reading.short_form)
    get_query(interpretation.query).bind(interpretation.params)  # fails loudly if a rule drifts
    return interpretation


def _people_rule(r: Reading, store: GraphStore) -> Interpretation | None:
    """A question naming people the documents put in charge of tasks (刘晓敏负责哪些工作), or asking who
    is in charge of a task it names by its title (加装楼栋智能门禁的责任人是谁): the people and tasks;
    None where it does neither, or no task of the store is so titled (then who holds a post is out of
    scope, as before)."""
    place = r.place or ""
    if r.people and not r.contact:
        if r.intent == "people":
            return None  # (张三是哪个领导小组的成员: a group's members)
        return Interpretation(
            "people", "task_people",
            {"names": list(r.people), "text": "", "jurisdiction": place, "status": r.state or ""},
            f"the tasks the documents name {'、'.join(r.people)} in charge of{_state_said(r)}{_in(r.place)}, with the label "
            "each gives the part (责任人, 包村领导…) and the units that lead or carry each task",
        )  # fmt: skip
    if not r.post or r.contact != r.post:
        return None
    found = Interpretation(
        "people", "task_people", {"names": list(r.people), "text": r.text, "jurisdiction": place, "status": ""},
        f"the people the documents name in charge of the tasks whose titles the question holds{_in(r.place)}, "
        "with the label each gives the part (责任人, 包村领导…) and the units that lead or carry each task",
    )  # fmt: skip
    return found if run_named(store, found.query, found.params, limit=1) else None


def _state_said(r: Reading) -> str:
    """The state a question keeps the tasks to, said (" that a report calls done"), else ''."""
    return f" that a report calls {r.state}" if r.state else ""


def _narrowing_note(store: GraphStore, found: Interpretation) -> list[str]:
    """How many tasks on the topic a narrowed answer leaves out (they do not mention its words)."""
    assert found.narrowed is not None
    name, words = found.narrowed
    scope = {"topic": name, "jurisdiction": found.params.get("jurisdiction") or ""}
    (whole,) = run_named(store, "task_count", scope)
    (held,) = run_named(store, "task_count", {**scope, "text": words})
    others = whole["total"] - held["total"]
    if others <= 0:
        return []
    topic = next(t for t in load_topics() if t.name == name)
    return [
        f"{others} more task(s) on {_topic_label(topic)} do not mention {words}; ask about {name} for every one"
    ]


def _fetch(store: GraphStore, found: Interpretation, end: int) -> Rows:
    """The query's first ``end`` rows; all of them (to the answer cap) when rows are filtered
    after the query (``keep``), since a page counts the rows kept."""
    return run_named(store, found.query, found.params, limit=ANSWER_LIMIT if found.keep else end)


def answer(
    store: GraphStore,
    question: str,
    *,
    today: dt.date | None = None,
    lexicon: tuple[Body, ...] | None = None,
    offset: int = 0,
    limit: int = ANSWER_LIMIT,
) -> Answer:
    """Interpret ``question``, run its named query on ``store`` and group the rows with evidence.

    The answer is one page of the query's ordered rows, ``offset`` to ``offset + limit`` (at most
    ``ANSWER_LIMIT`` past the start); groups and evidence are those of the page, and
    ``next_offset`` asks for the next one. The store sorts and keeps only the rows up to the
    page's end (a top-k), so a first page costs less than the whole answer. A question about X or
    Y (人才培养或人才引进方面的任务) is answered with the rows of both, when both read alike.
    """
    offset, limit = max(offset, 0), min(max(limit, 1), ANSWER_LIMIT)
    found = interpret(question, store, today=today, lexicon=lexicon)
    picked = _picked(store, found, offset + limit)
    if found.query in _UNITED:
        picked = _united(store, question, picked, offset + limit, today, lexicon)
    found, columns, selected, more, notes = picked
    page = selected[offset : offset + limit]
    columns, page = _spelled_out(store, columns, page)
    topic = next((t for t in load_topics() if t.name == found.params.get("topic")), None)
    words = found.params.get("phrase") or found.params.get("mention") or ""
    groups, evidence, plain = group_rows(found.query, page, topic, words)
    return Answer(
        question, found, columns, plain, groups, evidence, more, notes,
        offset=offset, next_offset=offset + len(page) if more else None,
    )  # fmt: skip


def _spelled_out(
    store: GraphStore, columns: list[str], rows: list[dict[str, Any]]
) -> tuple[list[str], list[dict[str, Any]]]:
    """The rows with each unit's name spelled out beside it (``full_name``: 湖南省发展改革委 ->
    湖南省发展和改革委员会) where its name writes a short form of its function, '' where it does not:
    the column after ``unit`` in every answer that names units (the pages of one answer alike)."""
    if "unit" not in columns:
        return columns, rows
    spelled = spelled_out_names(store)
    at = columns.index("unit") + 1
    out = [{**r, "full_name": spelled.get(str(r.get("unit") or ""), "")} for r in rows]
    return [*columns[:at], "full_name", *columns[at:]], out


#: (the interpretation asked, its columns, its rows as selected, whether more follow, notes)
_Picked = tuple[Interpretation, list[str], list[dict[str, Any]], bool, list[str]]


def _picked(store: GraphStore, found: Interpretation, end: int) -> _Picked:
    """The rows an interpretation answers with up to ``end``: its fallbacks asked in turn while
    none answers, rows kept by column, the best per group, the best matches of a phrase."""
    notes: list[str] = []
    if found.unused:
        notes.append(
            f"read as the topic {found.params['topic']}; the words {' '.join(found.unused)!r} were not used"
        )
    if found.short_form is not None:
        short, unit = found.short_form
        notes.append(f"read {short} as {unit}, the one unit whose name holds its characters in order")
    rows = _fetch(store, found, end)
    selected = _kept(rows, found)
    while not selected and found.fallback is not None:
        found = found.fallback
        notes.append(found.why)  # the interpretation then says what was asked instead
        rows = _fetch(store, found, end)
        selected = _kept(rows, found)
    if rows and found.narrowed:
        notes += _narrowing_note(store, found)
    if found.best_per:
        top: dict[Any, Any] = {}
        for row in selected:
            top.setdefault(row[found.best_per], row["score"])  # rows come best first per group
        selected = [r for r in selected if r["score"] == top[r[found.best_per]]]
    more = rows.truncated or len(selected) > end
    if found.query == "term_units":
        selected, dropped = best_matches(selected, found.params["phrase"])
        notes += dropped
        # Rows come best match first: once looser ones were dropped, no better one follows.
        more = more and not dropped
    return found, list(rows.columns), selected, more, notes


def _kept(rows: Rows, found: Interpretation) -> list[dict[str, Any]]:
    """The rows an interpretation keeps (``keep``: where a column holds a value), all without one;
    none kept asks its fallback."""
    selected = list(rows)
    for column, value in found.keep.items():
        selected = [r for r in selected if r.get(column) == value]
    return selected


#: Queries whose rows list tasks or units, so that the rows of two alternatives make one answer
#: (a ranking or a count of X or Y would be neither's); term_units and topic_units rows agree but
#: for term_units' match quality.
_UNITED = {
    "term_units", "topic_units", "topic_leads", "topic_places", "unit_work", "task_list",
    "tasks_overdue", "tasks_due_between", "tasks_without_lead", "tasks_by_status",
}  # fmt: skip
_SAME_ROWS = {"topic_units": "term_units"}


def _united(
    store: GraphStore,
    question: str,
    first: _Picked,
    end: int,
    today: dt.date | None,
    lexicon: tuple[Body, ...] | None,
) -> _Picked:
    """``first`` for a question of one subject; for one about X or Y, the rows of the questions
    about X and about Y together, when both are asked by the same query (else ``first``)."""
    questions = alternatives(question, store, lexicon, today)
    if not questions:
        return first
    try:
        picks = [_picked(store, interpret(q, store, today=today, lexicon=lexicon), end) for q in questions]
    except NotUnderstood:
        return first
    kinds = {_SAME_ROWS.get(p[0].query, p[0].query) for p in picks}
    if len(kinds) != 1 or not any(p[2] for p in picks):
        return first  # one side reads otherwise, or neither finds anything: the question as first read
    columns = list(dict.fromkeys(c for p in picks for c in p[1]))
    rows: dict[tuple[Any, ...], dict[str, Any]] = {}
    for _, _, selected, _, _ in picks:
        for row in selected:
            full = {c: row.get(c) for c in columns}
            rows.setdefault(tuple(str(v) for v in full.values()), full)
    found = picks[0][0]
    searched = list(dict.fromkeys(w for p in picks for w in p[0].searched))
    said = " — or — ".join(p[0].understood_as for p in picks)
    notes = [n for p in picks for n in p[4]]
    notes += [f"nothing found for: {p[0].understood_as}" for p in picks if not p[2]]
    merged = replace(found, understood_as=f"two questions, their rows together: {said}", searched=searched)
    return merged, columns, list(rows.values()), any(p[3] for p in picks), notes
