"""Clauses: units followed by a role verb. Two readers share the parser:

- bracket clauses "（A牵头，B、C配合）", "（A、B按职责分工负责，排名第一的为牵头单位，下同）",
  "（A会同B负责；2025年底前完成）": a bracketed group whose parts are "units + verb", a
  first-is-lead declaration, or a note; unknown names are read by form (``reads_as_name``);
- prose clauses, a whole sentence of "units + verb" parts: "由A牵头，B配合。", "A会同B负责。",
  "A指导，B负责。", "A牵头、B参与。" — every unit must be known (by suffix or lexicon), since no
  bracket says that the sentence is an annotation.

Verbs and with-words (会同) come from ``roles.yaml``."""

from __future__ import annotations

import bisect
import re
from functools import cache

from fengong.ingest.bodies import lookup as lookup_body
from fengong.ingest.deadlines import deadline_clause, find_deadlines, may_hold_deadline
from fengong.ingest.local_bodies import ending_words
from fengong.ingest.notations.brackets import (
    brackets,
    depth_at,
    last_char_before,
    matching_close,
    split_top,
)
from fengong.ingest.notations.roles import (
    Annotation,
    RoleList,
    Taken,
    bracket_mark,
    declares_partners,
    first_is_lead_at,
    lead_separator,
    nothing_taken,
)
from fengong.ingest.outline import heading_of, item_number
from fengong.ingest.units import (
    Mention,
    clean,
    function_of,
    is_generic,
    level_prefix,
    looks_like_unit,
    named_lead_bracket,
    parse_list,
    reads_as_name,
    split_list,
    without_lead_marker,
)
from fengong.ingest.vocab import alternation, role_vocab, unit_vocab

_PARTS = "，,；;。"
_SENTENCE_ENDS = "。！!？?\n"
#: What may stand before a list that opens an item: its number alone (1. / （一） / 一、).
_NUMBER = item_number()
_ITEM_START = re.compile(rf"[ \t\u3000]*{_NUMBER}?[ \t\u3000]*")
#: An item's number and its title alone, a state's tag between them at most, before a bracket of its
#: units (1．整治背街小巷（区城管局）。 / （一）【已完成】新建幼儿园（市教体局、市财政局）。).
_ITEM_TITLE = re.compile(
    _ITEM_START.pattern + r"(?:【[^】\n]{1,6}】[ \t\u3000]*)?[^。；;，,：:（）()【】\[\]\n]{2,40}"
)
_MAX_CLAUSE = 400


@cache
def _verb_end_re() -> re.Pattern[str]:
    return re.compile(rf"(?P<verb>{alternation(list(role_vocab().verbs))})[\s。]*$")


@cache
def _any_verb_re() -> re.Pattern[str]:
    return re.compile(alternation(list(role_vocab().verbs)))


@cache
def with_re() -> re.Pattern[str]:
    """Any with-word (会同, 联合): where a clause joins a lead and its partners; not where it begins
    the ending of a body's name (中国电力企业联合会配合: 联合会 is a body, not 联合)."""
    v = unit_vocab()
    endings = [*v.gov_suffixes, *v.company_suffixes, *v.collective_suffixes]
    words = []
    for w in role_vocab().with_words:
        tails = [e[len(w) :] for e in endings if e.startswith(w) and len(e) > len(w)]
        words.append(re.escape(w) + (f"(?!{alternation(tails)})" if tails else ""))
    return re.compile("|".join(sorted(words, key=len, reverse=True)))


def _names_ok(text: str, strict: bool) -> bool:
    """Whether a unit text is a list of names: every item a body (known when ``strict``) or a
    catch-all; inside brackets a clause item (a scope) may stand beside real names."""
    items = [clean(x) for x, _, _ in split_list(text)]
    items = [x for x in items if x]
    if not items:
        return False
    if strict:
        return all(looks_like_unit(x) or is_generic(x) for x in items)
    names = sum(reads_as_name(x) for x in items)
    generic = sum(is_generic(x) for x in items)
    return names + generic == len(items) or names > len(items) - names - generic


def groups_of(part: str, base: int, strict: bool) -> list[RoleList] | None:
    """The role lists of one clause part "A、B牵头、C参与" / "A会同B负责"; None when the part is
    not units + verbs. Offsets are shifted by ``base``."""
    verbs = role_vocab().verbs
    items = [(x, s) for x, s, _e in split_top(part, "、") if x.strip()]
    if not items:
        return None
    closed: list[tuple[str, int, int]] = []  # (role, start, end) of the units each verb closes
    group_start: int | None = None
    for x, s in items:
        if group_start is None:
            group_start = s
        m = _verb_end_re().search(x)
        if m is not None:
            closed.append((verbs[m["verb"]], group_start, s + m.start()))
            group_start = None
    if not closed or group_start is not None:
        return None  # units that no verb closes: not a clause
    out: list[RoleList] = []
    for role, start, end in closed:
        units_text = part[start:end]
        if not units_text.strip():
            return None
        subgroups = [(role, units_text, start)]
        wm = with_re().search(units_text)
        if (
            wm
            and wm.start() > 0
            and depth_at(units_text, wm.start()) == 0
            and _names_ok(units_text[: wm.start()], True)  # (救援协调和预案管理局: a name holding 协调)
        ):
            # "A会同B负责": A is the principal, B its partner.
            subgroups = [
                ("lead" if role != "cooperate" else role, units_text[: wm.start()], start),
                ("cooperate", units_text[wm.end() :], start + wm.end()),
            ]
        for g_role, g_text, g_start in subgroups:
            if not _names_ok(g_text, strict):
                return None
            mentions = parse_list(g_text, base + g_start)
            if mentions:
                out.append(RoleList(g_role, mentions))
    return out


def parse(inner: str, base: int, kind: str, strict: bool) -> Annotation | None:
    """An annotation from a clause group (the words inside brackets, or one sentence)."""
    inner = _without_labelled_tail(inner)
    if not inner or len(inner) > _MAX_CLAUSE or "：" in inner or ":" in inner:
        return None
    if _any_verb_re().search(inner) is None:
        return None  # every unit clause ends with a role verb
    notes = role_vocab().notes
    lists: list[RoleList] = []
    declared = other = False
    clauses = 0
    waiting: list[tuple[str, int]] = []  # "A，B负责": names before the part whose verb they share
    for part, s, _e in split_top(inner, _PARTS):
        words = part.strip(" \u3000")
        if not words:
            continue
        if first_is_lead_at(words) >= 0:
            declared = True
            continue
        if declares_partners(words):
            continue  # 所列责任单位为配合单位 / 其余为配合单位: a declaration, not units
        if words in notes:
            continue
        picked, picked_at = _after_among(part, s)
        among = picked != part  # (其中B牵头: the part picks its lead out of the names before it)
        part, s = picked, picked_at
        found = (
            groups_of(part, s, strict) or _guided_by(part, s, strict) or _lead_named_after(part, s, strict)
        )
        if found is None and lists:
            found = _with_partners(part, s, strict)  # 由A牵头，会同B、C，于…完成: B, C its partners
        if found is None:
            if may_hold_deadline(words) and deadline_clause(words, None) is not None:
                continue  # the deadline ("2025年底前完成"), not a unit list
            if _verb_end_re().search(part) is None and _names_ok(part, strict):
                waiting.append((part, s))
            else:
                other, waiting = True, []
            continue
        if waiting and found:
            shared = [m for w, ws in waiting for m in parse_list(w, ws)]
            if among:
                # (A、B、C；其中B为牵头单位: the list it picks from, responsible beside the lead it names)
                found.insert(0, RoleList("responsible", shared))
            else:
                found[0] = RoleList(found[0].role, shared + found[0].mentions)
        waiting = []
        clauses += 1
        lists.extend(found)
    if waiting:
        other = True
    if not clauses or (strict and other):
        return None
    if not any(looks_like_unit(m.local) for rl in lists for m in rl.mentions):
        return None  # recognised by at least one known body; the others may be read by form
    ann = Annotation(lists, 0, 0, "", kind, declared)
    # mentions were parsed relative to the part; shift them to the document
    for rl in ann.lists:
        rl.mentions = [m._replace(start=m.start + base, end=m.end + base) for m in rl.mentions]
    return ann


def _after_among(part: str, start: int) -> tuple[str, int]:
    """The clause part without the word picking its units out of the list before it (其中A牵头 -> A牵头)."""
    bare = part.lstrip(" \u3000")
    word = next((w for w in role_vocab().among_words if bare.startswith(w)), "")
    if not word:
        return part, start
    cut = len(part) - len(bare) + len(word)
    return part[cut:], start + cut


def _lead_named_after(part: str, start: int, strict: bool) -> list[RoleList] | None:
    """A clause closed by a bracket naming its lead ("A、B按职责分工负责（A牵头）"): the clause's lists
    and the lead; else None."""
    m = named_lead_bracket(part)
    if m is None or m.start() == 0:
        return None
    found = groups_of(part[: m.start()], start, strict)
    lead = parse_list(m.group("who"), start + m.start("who"))
    return [*found, RoleList("lead", lead)] if found and lead else None


def _guided_by(part: str, start: int, strict: bool) -> list[RoleList] | None:
    """ "在州农业农村局指导下" before a clause naming the lead: the guiding units are partners (指导 is a
    partner's verb); else None."""
    m = _GUIDED.fullmatch(part.strip(" \u3000"))
    if m is None or not _names_ok(m["units"], strict):
        return None
    at = part.find(m["units"])
    mentions = parse_list(m["units"], start + at)
    return [RoleList("cooperate", mentions)] if mentions else None


_GUIDED = re.compile(r"在(?P<units>[^，,。；;]{2,40}?)(?:的)?(?:统筹|业务)?指导下")


def _with_before(text: str, start: int, end: int) -> bool:
    """Whether the clause before ``end`` is a with-word and its units after a verb's clause
    ("牵头，会同B、C")."""
    comma = max(text.rfind("，", start, end), text.rfind(",", start, end))
    if comma < 0 or not text.endswith(_verbs(), start, comma):
        return False
    m = with_re().match(text, comma + 1)
    return m is not None and m.end() < end


def _with_partners(part: str, start: int, strict: bool) -> list[RoleList] | None:
    """A clause that is a with-word and units after a clause naming the principal ("会同B、C"): the
    units its partners; else None."""
    lead = len(part) - len(part.lstrip(" \u3000"))
    m = with_re().match(part, lead)
    if m is None or not _names_ok(part[m.end() :], strict):
        return None
    mentions = parse_list(part[m.end() :], start + m.end())
    return [RoleList("cooperate", mentions)] if mentions else None


def _without_labelled_tail(inner: str) -> str:
    """The clause group without its last parts that a stop label opens (…协助；时限：2025年10月底前):
    a deadline or a person, not units (the annotation's evidence keeps them for the deadline)."""
    while True:
        # (a full stop may part them too: …参与。完成时限：2028年第四季度)
        cut = max(inner.rfind("；"), inner.rfind(";"), inner.rfind("。"))
        if cut < 0 or not _stop_label_re().match(inner, cut + 1):
            return inner
        inner = inner[:cut]


@cache
def _stop_label_re() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{alternation(role_vocab().stop_labels)})\s*[:：]")


@cache
def _opening_re() -> re.Pattern[str]:
    return re.compile("[" + re.escape(brackets().open) + "]")


def find_bracketed(text: str, base: int = 0, taken: Taken = nothing_taken) -> list[Annotation]:
    """Bracketed clause groups in ``text``; offsets shifted by ``base``. Only brackets that hold a
    role verb are parsed."""
    b = brackets()
    out: list[Annotation] = []
    verb = _any_verb_re()
    taken_until = -1
    for m in _opening_re().finditer(text):
        open_at = m.start()
        if open_at < taken_until:
            continue  # inside an annotation already read
        close = matching_close(text, open_at)
        if close >= len(text) or text[close] not in b.close or verb.search(text, open_at, close) is None:
            continue
        if taken(base + open_at, base + close + 1):
            continue  # an earlier reader's annotation holds it
        first = open_at + 1 + task_subject(text, open_at + 1)  # （该项任务由A牵头，B配合）: from 由
        ann = parse(text[first:close], base + first, "clause", strict=False)
        if ann:
            ann.start, ann.end, ann.evidence = base + open_at, base + close + 1, text[open_at : close + 1]
            out.append(ann)
            taken_until = close
    return out


_BARE_MIN_CHARS = 4  # a lone name shorter than this in brackets (（市区）) is a word, not a unit list


def find_dash_lists(text: str, base: int = 0, taken: Taken = nothing_taken) -> list[Annotation]:
    """A list of units after a long dash closing an item's line (（一）推进X——省A（牵头）、省B、省C): the
    item's units, responsible, a lead marked as such (or the first under a first-is-lead declaration).
    Every item must be a known body or a catch-all."""
    out: list[Annotation] = []
    if "——" not in text:
        return out
    for m in _dash_list_re().finditer(text):
        units = m.group("units")
        items = [without_lead_marker(clean(x)) for x, _, _ in split_list(units)]
        if not items or not all(x and (looks_like_unit(x) or is_generic(x)) for x in items):
            continue
        at = m.start("units")
        if taken(base + m.start("dash"), base + m.end("units")):
            continue
        mentions = parse_list(units, base + at)
        if mentions:
            ann = Annotation(
                [RoleList("responsible", mentions)], base + m.start("dash"), base + m.end("units")
            )
            ann.evidence, ann.kind = text[m.start("dash") : m.end("units")], "dash list"
            out.append(ann)
    return out


@cache
def _dash_list_re() -> re.Pattern[str]:
    """A numbered item's title, a long dash (two em dashes: A—X is a code's legend) and the units
    closing the line after it."""
    return re.compile(
        rf"^[ \t\u3000]*{item_number()}[ \t\u3000]*[^—\n]{{2,60}}?(?P<dash>——)[ \t\u3000]*"
        r"(?P<units>[^—\n。；;：:]{2,120}?)[ \t\u3000]*[。；;]?[ \t\u3000]*$",
        re.M,
    )


def find_bare_lists(text: str, base: int = 0, taken: Taken = nothing_taken) -> list[Annotation]:
    """Bracketed unit lists without a label or verb that close a sentence: "……。（A、B）", or open an
    item ("1.【A、B】开展…"). Every item must be a known body or a catch-all; the list is responsible
    (or led by its first unit under a first-is-lead declaration)."""
    b = brackets()
    out: list[Annotation] = []
    # (逗号前为牵头单位，逗号后为配合单位: declared once, the comma of every bare list parts its roles;
    # 分号前为牵头单位 the same with the semicolon)
    separator = lead_separator(text)
    for m in _opening_re().finditer(text):
        open_at = m.start()
        before = last_char_before(text, open_at)
        line_start = text.rfind("\n", 0, open_at) + 1
        opens_item = _ITEM_START.fullmatch(text, line_start, open_at) is not None
        # (or closes a numbered item's title, its sentence ending there: 1．整治背街小巷（区城管局）。)
        titled = not opens_item and _ITEM_TITLE.fullmatch(text, line_start, open_at) is not None
        if before and before not in _SENTENCE_ENDS and before not in "；;" and not opens_item and not titled:
            continue  # inside a sentence: a remark, not the sentence's units
        close = matching_close(text, open_at)
        if close >= len(text) or text[close] not in b.close:
            continue
        if titled and text[close + 1 : close + 2] not in ("", *_SENTENCE_ENDS, "；", ";"):
            continue  # 建设X（一期）工程: a word of the title
        inner = text[open_at + 1 : close]
        if not inner or len(inner) > _MAX_CLAUSE or "：" in inner or ":" in inner:
            continue
        if taken(base + open_at, base + close + 1):
            continue  # an earlier reader's annotation holds it
        if _labelled_after().match(text, close + 1):
            continue  # 【组建X中心】牵头单位：A: a task's title before its fields, no units
        # (A、B、C；2025年12月底前完成): the units, then the deadline after a semicolon
        semi = re.search("[；;]", inner)
        rest = inner[semi.end() :].strip() if semi else ""
        if semi and (not rest or find_deadlines(rest, None)):
            inner = inner[: semi.start()]
        elif semi and "；" not in separator:
            continue
        items = [clean(x) for x, _, _ in split_list(inner)]
        if not items or not all(x and (looks_like_unit(x) or is_generic(x)) for x in items):
            continue
        if titled and not all(
            _known_body(x) or (_ends_as_body(x) and not _labelled_line(text, close)) for x in items
        ):
            continue  # 修编宁波舟山港总体规划（宁波片区）。责任单位：…: a word of the title, not a body named
        if len(items) == 1 and len(items[0]) < _BARE_MIN_CHARS:
            continue
        if opens_item and len(items) == 1 and _titled_work(items[0]):
            continue  # （八）【建设智慧文旅平台】…: the item's title in brackets, no unit
        mentions = parse_list(inner, base + open_at + 1)
        if mentions:
            lists = comma_parted(inner, base + open_at + 1, mentions, separator) if separator else None
            ann = Annotation(lists or [RoleList("responsible", mentions)], base + open_at, base + close + 1)
            ann.evidence, ann.kind = text[open_at : close + 1], "bare list"
            out.append(ann)
    return out


def _ends_as_body(name: str) -> bool:
    """Whether a name ends as bodies' names do (区科工局, 县融媒体中心) where no vocabulary knows it."""
    return name.endswith(ending_words())


def _labelled_line(text: str, after: int) -> bool:
    """Whether the line goes on after ``after`` to name units under a role label (责任单位：…)."""
    end = text.find("\n", after)
    rest = text[after : end if end >= 0 else len(text)]
    return any(label in rest for label in role_vocab().labels)


def _known_body(name: str) -> bool:
    """Whether a name is a body the vocabularies know by its function or name (区教体局, 县农业农村局),
    not merely shaped like one (宁波片区)."""
    return function_of(name[len(level_prefix(name)) :]) is not None or lookup_body(name) is not None


#: A name this long that opens with a work verb (建设智慧文旅平台) is work to do, not a body (建设银行).
_WORK_TITLE_CHARS = 6


def _titled_work(item: str) -> bool:
    """Whether an item's one bracketed name reads as the work it titles: a work verb, then words."""
    return len(item) >= _WORK_TITLE_CHARS and item.startswith(tuple(role_vocab().action_starts))


def comma_parted(inner: str, base: int, mentions: list[Mention], marks: str = "，,") -> list[RoleList] | None:
    """Under a declared comma convention (逗号前为牵头单位), a list's units before its first comma
    outside brackets lead and those after it cooperate; None when the list has no such comma.
    ``inner`` is the list's text, starting at document offset ``base``; ``marks`` the declared
    separator (the semicolon where 分号前为牵头单位 is declared)."""
    comma = next((k for k, ch in enumerate(inner) if ch in marks and not depth_at(inner, k)), -1)
    if comma <= 0:
        return None
    at = base + comma
    lead = [x for x in mentions if x.start < at]
    rest = [x for x in mentions if x.start > at]
    return [RoleList("lead", lead), RoleList("cooperate", rest)] if lead and rest else None


def find_marked_lines(text: str, base: int = 0, taken: Taken = nothing_taken) -> list[Annotation]:
    """A line that is nothing but units, each with its role's mark in brackets, under the task it
    follows ("市商务局（主责）、市工信局（协同）"): their roles as marked (responsible where a unit has no
    mark of a role)."""
    out: list[Annotation] = []
    at = 0
    for line in text.split("\n"):
        start, at = at, at + len(line) + 1
        written = line.strip()
        if not written or written[-1] not in "）)" or len(written) > _MAX_CLAUSE:
            continue
        items = split_list(written)
        if not items or not all(_role_marked(item) for item, _, _ in items):
            continue
        lead = start + len(line) - len(line.lstrip())
        if taken(base + lead, base + lead + len(written)):
            continue
        mentions = parse_list(written, base + lead)
        if len(mentions) == len(items) and all(looks_like_unit(m.local) for m in mentions):
            ann = Annotation([RoleList("responsible", mentions)], base + lead, base + lead + len(written))
            ann.evidence, ann.kind = written, "marked line"
            out.append(ann)
    return out


def _role_marked(item: str) -> bool:
    """Whether a list item closes with a role's mark in brackets (（主责）, （协同）, （牵头））."""
    return bracket_mark(item) is not None


def _before_named_lead(text: str, start: int, end: int) -> int:
    """Where a sentence's clause ends when a bracket naming its lead closes it ("A、B按职责分工负责
    （A牵头）": before the bracket, which the bracket reader reads); else ``end``."""
    if end - start < 4 or text[end - 1] not in "）)":
        return end
    m = named_lead_bracket(text[start:end])
    return start + m.start() if m is not None and m.start() > 0 else end


@cache
def _labelled_after() -> re.Pattern[str]:
    """A role's label with its colon (牵头单位：), right after a bracket."""
    return re.compile(rf"[ \t\u3000]*(?:{alternation(list(role_vocab().labels))})[ \t\u3000]*[：:]")


@cache
def _verbs() -> tuple[str, ...]:
    return tuple(role_vocab().verbs)


_STOPS = re.compile("[" + re.escape(_SENTENCE_ENDS) + "]")
_TRAILING = " \t\u3000"
_COMMAS = "，,"


@cache
def _verb_end_hits() -> re.Pattern[str] | None:
    """A role verb that ends a sentence (trailing spaces aside) or stands before a comma: every
    sentence ``find_prose`` reads holds one. None when a verb holds one of those characters (the
    hits would then not cover every such sentence)."""
    verbs = _verbs()
    if any(ch in v for v in verbs for ch in _SENTENCE_ENDS + _TRAILING + _COMMAS):
        return None
    stops = re.escape(_SENTENCE_ENDS)
    # (or before a bracket closing the sentence that names the lead: A、B按职责分工负责（A牵头）。)
    return re.compile(
        rf"(?:{alternation(list(verbs))})[）)]?(?=[{_COMMAS}]|[{re.escape(_TRAILING)}]*(?:[{stops}]|\Z))"
    )


def _prose_candidates(text: str) -> tuple[list[int], list[int]]:
    """The sentence ends of ``text`` (and its end), and the indexes of those whose sentence holds a
    role verb at its end or before a comma: only these can be prose clauses."""
    hits = _verb_end_hits()
    if hits is not None:
        ends = [m.end() for m in hits.finditer(text)]
        if not ends:
            return [], []
    stops = [m.start() for m in _STOPS.finditer(text)]
    stops.append(len(text))
    if hits is None:
        return stops, list(range(len(stops)))
    return stops, sorted({bisect.bisect_left(stops, e) for e in ends})


def find_prose(text: str, base: int = 0, taken: Taken = nothing_taken) -> list[Annotation]:
    """Sentences that are wholly "units + role verb" clauses; offsets shifted by ``base``. Only
    sentences that end with a role verb are parsed (one visit per sentence that holds one)."""
    out: list[Annotation] = []
    verbs = _verbs()
    stops, candidates = _prose_candidates(text)
    for index in candidates:
        pos = stops[index]
        sentence_start = stops[index - 1] + 1 if index else 0
        k = pos
        while k > sentence_start and text[k - 1] in " \t\u3000":
            k -= 1
        if k - sentence_start > _MAX_CLAUSE:
            # a long sentence may still close with its clause (…，由A、B共同负责。)
            by = _by_clause(text, sentence_start, k)
            if by < 0 or k - by > _MAX_CLAUSE:
                continue
            sentence_start = by
        named_at = _before_named_lead(text, sentence_start, k)  # A、B按职责分工负责（A牵头）: the bracket's
        k, named_lead = named_at, named_at < k
        if not text.endswith(verbs, sentence_start, k):
            # "A负责，2025年底前完成": the verb ends the clause before a deadline
            comma = max(text.rfind("，", sentence_start, k), text.rfind(",", sentence_start, k))
            if comma < 0:
                continue
            # (…由A牵头，会同B、C，于2028年4月30日前完成: partners after the verb, then the deadline)
            with_list = _with_before(text, sentence_start, comma) and deadline_clause(
                text[comma + 1 : k].strip(), None
            )
            if not text.endswith(verbs, sentence_start, comma) and not with_list:
                continue
        if depth_at(text, k - 1, line_bound=True) > 0:
            continue  # inside brackets: the bracket reader's
        lead = sentence_start
        while lead < k and text[lead] in " \t\u3000":
            lead += 1
        lead += task_subject(text, lead)  # 该项任务由A负责，B协助: read from 由
        clause = text[lead:k]
        if not clause:
            continue
        # (a numbered heading is a title, not a clause, though one may close its sentence)
        ann = parse(clause, base + lead, "prose", strict=True) if heading_of(clause) is None else None
        by = _by_clause(text, lead, k) if ann is None else -1
        if ann is None and by < 0:
            by = _after_deadline(text, lead, k)  # …，2028年12月底前完成，省A负责，省B配合。
        if by >= 0:
            # 完善游客中心…，由县A负责，县B配合，2028年9月底前完成: the clause from its 由
            ann = parse(text[by:k], base + by, "prose", strict=True)
            lead = by if ann else lead
        if ann:
            stop = pos + 1 if pos < len(text) and text[pos] in "。！!？?" and not named_lead else k
            ann.start, ann.end, ann.evidence = base + lead, base + stop, text[lead:stop]
            out.append(ann)
    return out


def _by_clause(text: str, start: int, end: int) -> int:
    """Where the last clause opening with 由 after a comma starts inside text[start:end], else -1."""
    at = max(text.rfind("，由", start, end), text.rfind(",由", start, end))
    return at + 1 if at >= 0 else -1


def _after_deadline(text: str, start: int, end: int) -> int:
    """Where the words after a sentence's deadline phrase start, when a deadline phrase stands
    between commas inside text[start:end] (…完善网点布局，2028年12月底前完成，省A负责，省B配合: the
    units and roles after it), else -1."""
    cut, at = -1, start
    for m in re.finditer(f"[{_COMMAS}]", text[start:end]):
        piece = text[at : start + m.start()].strip()
        if piece and deadline_clause(piece, None) is not None:
            cut = start + m.end()
        at = start + m.end()
    return cut


def task_subject(text: str, start: int) -> int:
    """The length of words naming the task itself before 由 at ``start`` (该项任务由A牵头,
    本部分各项任务均由A牵头), else 0."""
    v = role_vocab()
    for word in v.task_subjects:
        if not text.startswith(word, start):
            continue
        at = start + len(word)
        at += next((len(a) for a in v.subject_adverbs if text.startswith(a, at)), 0)
        if text.startswith("由", at):
            return at - start
    return 0
