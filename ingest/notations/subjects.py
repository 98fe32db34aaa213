"""Subject clauses: a sentence whose subject is a unit that leads the work the sentence describes.

- "A要会同B<action>" / "A会同B<action>" (also 联合): A leads, B cooperates;
- "由A牵头，会同B<action>" / "由A牵头<action>" / "由A会同B<action>": A leads, B cooperates;
- "由A负责<action>": A is responsible;
- "A负责，B协助，<action>" / "A牵头，B配合，<action>": as with 由, a clause of its own before the action.

The subject must be known bodies (suffix or lexicon); partners may be catch-alls (有关部门), which
name no unit. The reader has the lowest precedence: its clauses count only where no other
annotation follows them in the same block (see ``registry``)."""

from __future__ import annotations

import re
from functools import cache

from fengong.ingest.notations.brackets import brackets, depth_at
from fengong.ingest.notations.clauses import groups_of, task_subject, with_re
from fengong.ingest.notations.roles import Annotation, RoleList, Taken, nothing_taken
from fengong.ingest.outline import heading_of, item_number, opening_subject
from fengong.ingest.units import clean, is_generic, looks_like_unit, parse_list, split_list, unit_kind
from fengong.ingest.vocab import alternation, load_yaml, role_vocab, words

NAME = "subject"
_SENTENCE_START = "。！!？?；;\n"
_MAX_SUBJECT = 60


@cache
def _subject_re() -> re.Pattern[str]:
    """A sentence start, the subject, an optional modal word and 会同 / 牵头 / 负责."""
    with_words = with_re().pattern
    partner_words = alternation(role_vocab().partner_words)
    head_verbs = alternation(_head_verbs())
    b = re.escape(brackets().open + brackets().close)
    return re.compile(
        # (a class of places may hold its levels in brackets: 由各县（市、区）人民政府负责)
        rf"[ \t\u3000]*(?:由(?P<by>(?:[^，,。；;\n{b}]|（[^（）\n]{{1,8}}）){{2,{_MAX_SUBJECT}}}?)(?P<verb>{head_verbs})[，,]?(?:{with_words})?"
        # (县A主抓、县B协同，…: the clauses parted by 、 as by a comma; tried before a partner's
        # subject, which would run over the 、 to the partner's verb)
        rf"|(?P<bare>[^，,。；;\n由{b}]{{2,{_MAX_SUBJECT}}}?)(?P<bare_verb>{head_verbs})[，,、]"
        rf"|由?(?P<subject>[^，,。；;\n由{b}]{{2,{_MAX_SUBJECT}}}?)(?:要|应当|应|将|须)?(?:{with_words}|(?P<partner>{partner_words}))"
        rf"|(?P<modal>[^，,。；;\n由{b}]{{2,{_MAX_SUBJECT}}}?)(?:{_MODALS})(?P<modal_verb>{_leading()})(?=[\u4e00-\u9fff]))"
    )


#: Words between a subject and its verb that say it must (区科技局要牵头做好…).
_MODALS = "要|应当|应|将|须"


def _leading() -> str:
    """The lead verbs that say 牵头 (要牵头做好…): a must clause with 统筹 or 负责 instructs (财政局要统筹
    安排资金, in 保障措施) and assigns no task."""
    return alternation([w for w, role in role_vocab().verbs.items() if role == "lead" and "牵头" in w])


def _head_verbs() -> list[str]:
    """The verbs that close a subject clause's head: the lead verbs and the responsible ones
    (负责, 共同负责, 按职责分工负责)."""
    return [w for w, r in role_vocab().verbs.items() if r in ("lead", "responsible")]


def _head_role(verb: str) -> str:
    return "lead" if role_vocab().verbs.get(verb) == "lead" else "responsible"


_SENTENCE_STOP = re.compile("[。！!？?\n]")
_CLAUSE_END = re.compile("[，,。；;\n]")


@cache
def _anchor_re() -> re.Pattern[str]:
    """由, a with-word (会同) or a lead verb (负责) before a comma: a subject clause holds one in its
    first clause."""
    partner_words = alternation(role_vocab().partner_words)
    heads = alternation(_head_verbs())
    return re.compile(
        rf"由|{with_re().pattern}|{partner_words}|(?:{heads})(?=[，,、])|(?:{_MODALS})(?:{_leading()})"
    )


def _candidate_starts(text: str) -> list[int]:
    """Sentence starts whose first clause holds 由 or a with-word (found from those words back)."""
    starts: list[int] = []
    for m in _anchor_re().finditer(text):
        lo = max(0, m.start() - _MAX_SUBJECT - 8)
        at = max(text.rfind(ch, lo, m.start()) for ch in _SENTENCE_START) + 1
        if (at == 0 and lo > 0) or _CLAUSE_END.search(text, at, m.start()):
            # no sentence start near enough, or the word stands in a later clause: the subject of
            # that clause when it opens with known bodies alone before 会同 (……，省A会同省B、省C于年内
            # 实现X); a later clause opening with 由 stays a sentence's part (……事宜，由A负责)
            clause = max(text.rfind("，", lo, m.start()), text.rfind(",", lo, m.start())) + 1
            if (
                m.group() in role_vocab().with_words
                and clause > max(at, lo)
                and not _CLAUSE_END.search(text, clause, m.start())
                and _all_known(text[clause : m.start()])
                and (not starts or starts[-1] != clause)
            ):
                starts.append(clause)
            continue
        line_start = at == 0 or text[at - 1] == "\n"
        while at < m.start() and text[at] in " \t\u3000":
            at += 1
        if line_start:
            at += _numbering(text, at)  # （一）A负责，B协助，<action>: the clause starts after the number
        if not starts or starts[-1] != at:
            starts.append(at)
    return starts


def _numbering(text: str, at: int) -> int:
    """The length of the outline number opening the line at ``at`` (（一）, 1., 一、), else 0."""
    end = text.find("\n", at)
    line = text[at : end if end >= 0 else len(text)]
    heading = heading_of(line)
    return len(line) - len(heading[2]) if heading is not None else 0


def _with_partner(subject: str) -> tuple[int, int] | None:
    """Where a with-word joins two lists in a 由 subject (区民政局会同区卫生健康局), else None."""
    m = with_re().search(subject)
    return (m.start(), m.end()) if m and m.start() > 0 and m.end() < len(subject) else None


def _all_known(text: str, classes: bool = False) -> bool:
    """Every item a known body, none a catch-all; a class of bodies only where ``classes`` (各县区要…
    instructs and assigns no lead, but 由各县区政府负责 and 各县区政府负责，… assign the work)."""
    items = [clean(x) for x, _, _ in split_list(text)]
    return bool(items) and all(
        x and looks_like_unit(x) and not is_generic(x) and (classes or unit_kind(x) != "collective")
        for x in items
    )


@cache
def _action_re() -> re.Pattern[str]:
    return re.compile(alternation(role_vocab().action_starts))


def partner_list_end(text: str) -> int:
    """How many characters at the start of ``text`` name the partners of 会同: the list ends where
    an action word follows a unit or a catch-all ("有关部门|加强统筹"); 0 when none does."""
    stop = min((k for k in (text.find(ch) for ch in "，,。；;\n") if k >= 0), default=len(text))
    action = _action_re()
    for m in action.finditer(text, 0, stop):
        piece = text[: m.start()]
        last = clean(piece.rsplit("、", 1)[-1])
        if is_generic(last) or (last and looks_like_unit(last) and not _cut_in_a_name(last)):
            return m.start()
    return 0


def _cut_in_a_name(item: str) -> bool:
    """Whether an item cut before an action word ends inside a body's name: at a place's level
    character (市住房和城乡|建设局, 市城市|建设投资集团), unless it is a class of bodies (各乡镇)."""
    return item[-1] in _PLACE_ENDS and not item.startswith("各")


_PLACE_ENDS = "市县区乡镇州省"


def _partners_to_comma(text: str) -> int:
    """How many characters at the start of ``text`` name the partners of 会同 when they fill the
    clause up to a comma, every item a known body, not a catch-all ("B、C，对…开展"); 0 otherwise."""
    stop = min((k for k in (text.find(ch) for ch in "，,。；;\n") if k >= 0), default=len(text))
    if stop == 0 or stop >= len(text) or text[stop] not in "，,":
        return 0
    items = [clean(x) for x, _, _ in split_list(text[:stop])]
    known = bool(items) and all(x and looks_like_unit(x) and not is_generic(x) for x in items)
    return stop if known else 0


def _more_clauses(text: str, pos: int, base: int, lists: list[RoleList]) -> int:
    """Read "B配合，" parts after ``pos`` while each is units + verb; where the action starts. A part
    naming partners with their work (B配合做好X, C负责具体实施) is read too, and the action starts
    at the first of them."""
    work_at = -1
    while True:
        comma = min((k for k in (text.find(ch, pos) for ch in "，,") if k >= 0), default=-1)
        stop = min((k for k in (text.find(ch, pos) for ch in "。；;\n") if k >= 0), default=len(text))
        end = comma if 0 <= comma < stop else stop
        found = groups_of(text[pos:comma], pos, strict=True) if end == comma and work_at < 0 else []
        if found:
            for rl in found:
                rl.mentions = [mm._replace(start=mm.start + base, end=mm.end + base) for mm in rl.mentions]
            lists.extend(found)
        elif _partners_doing(text, pos, end, base, lists):
            work_at = pos if work_at < 0 else work_at
        else:
            return work_at if work_at >= 0 else pos
        if end != comma:
            return work_at if work_at >= 0 else pos
        pos = comma + 1


def _partners_doing(text: str, pos: int, stop: int, base: int, lists: list[RoleList]) -> bool:
    """A clause naming partners and their work (由A负责，B配合做好示范园用地保障。) or the units that
    carry it out (C负责具体实施): they cooperate; whether the clause was one."""
    m = _partner_verb_re().search(text, pos, stop)
    if m is None or m.start() - pos < 2 or (m.end() >= stop and not m["doing"]):
        return False
    units = text[pos : m.start()].strip()
    if not _all_known(units, classes=True):
        return False
    lists.append(RoleList("cooperate", parse_list(units, base + pos)))
    return True


@cache
def _partner_verb_re() -> re.Pattern[str]:
    """A partner's verb before its work (配合做好), or 负责 before carrying the work out (负责具体实施)."""
    partner, doing = _clause_verbs()
    return re.compile(rf"(?:{alternation(partner)})(?=[\u4e00-\u9fff])|负责(?P<doing>{alternation(doing)})")


@cache
def _clause_verbs() -> tuple[list[str], list[str]]:
    """The partner verbs a clause of its own closes or opens its work with (配合, 参加, 协助…), and the
    words of carrying work out (具体实施, 具体落实), from roles.yaml's cooperate verbs."""
    verbs = [w for w, r in role_vocab().verbs.items() if r == "cooperate"]
    return [w for w in verbs if len(w) <= 2], [w for w in verbs if w.startswith("具体")]


def find(text: str, base: int = 0, taken: Taken = nothing_taken) -> list[Annotation]:
    """Subject clauses in ``text``; offsets shifted by ``base``."""
    out: list[Annotation] = []
    v = role_vocab()
    pattern = _subject_re()
    for at in _candidate_starts(text):
        m = pattern.match(text, at + task_subject(text, at))
        if m is None or depth_at(text, m.start(), line_bound=True) > 0:
            continue
        lists: list[RoleList] = []
        if m["by"] is not None:
            subject, s = m["by"], m.start("by")
            role = _head_role(m["verb"])
        elif m["modal"] is not None:  # "A要牵头做好X，B、C积极配合": the work follows the verb
            subject, s = m["modal"], m.start("modal")
            role = _head_role(m["modal_verb"])
        elif m["bare"] is not None:  # "A负责，B协助，开展…": as "由A负责，B协助"
            subject, s = m["bare"], m.start("bare")
            role = _head_role(m["bare_verb"])
        else:
            subject, s = m["subject"], m.start("subject")
            # (B配合A做好…: the subject is A's partner; A, after the word, leads)
            role = "cooperate" if m["partner"] is not None else "lead"
        joined = _with_partner(subject)
        if joined is not None:
            # 由A会同B负责: A leads, B cooperates, as in "A会同B<action>"
            lead, partner = subject[: joined[0]], subject[joined[1] :]
            if not (_all_known(lead) and _all_known(partner)):
                continue
            lists.append(RoleList("lead", parse_list(lead, base + s)))
            lists.append(RoleList("cooperate", parse_list(partner, base + s + joined[1])))
        elif not _all_known(subject, classes=m["subject"] is None):
            continue
        else:
            lists.append(RoleList(role, parse_list(subject, base + s)))
        end = m.end()
        if (m["by"] is not None or m["bare"] is not None) and text[end - 1 : end] in "，,、":
            # "由A牵头，B配合，制定…": the clauses that follow name more units.
            named = len(lists)
            end = _more_clauses(text, end, base, lists)
            if text[m.end() - 1] == "、" and len(lists) == named:
                continue  # (县财政局负责、县审计局监督…: a list of duties, no partners named)
        elif text[m.end() - 1 : m.end()] not in "，," and any(
            text.startswith(w, m.end() - len(w)) for w in (*v.with_words, *v.partner_words)
        ):
            cut, skip = partner_list_end(text[end:]), 0
            if cut <= 0 and m["subject"] is not None:
                cut, skip = _partners_to_comma(text[end:]), 1  # A会同B、C，<action>
            if cut <= 0:
                continue
            partners = parse_list(text[end : end + cut], base + end)
            if partners:
                lists.append(RoleList("lead" if m["partner"] is not None else "cooperate", partners))
            end += cut + skip
        if end >= len(text) or text[end] in _SENTENCE_START + "，,":
            continue  # no action follows: a prose clause, not a subject clause
        if m["modal"] is not None:
            # the partners in the clause after the work (…做好X，区B、区C积极配合，2028年…)
            stop = _SENTENCE_STOP.search(text, end)
            comma = min((k for k in (text.find(ch, end) for ch in "，,") if k >= 0), default=-1)
            if 0 <= comma < (stop.start() if stop else len(text)):
                _more_clauses(text, comma + 1, base, lists)
        stop = _SENTENCE_STOP.search(text, end)
        if any(w in text[m.start() : stop.start() if stop else len(text)] for w in v.narrative_words):
            continue  # past work narrated, nothing assigned
        opening, closing = _narrative_label_res()
        if opening.match(text, m.start()) or closing.search(
            text[max(0, m.start() - _LABEL_REACH) : m.start()]
        ):
            continue  # (下步计划：市A会同区B加快…: a report's account of what comes next)
        out.append(Annotation(lists, base + m.start(), base + end, text[m.start() : end], NAME))
    return out


#: How far before a subject clause a report's label may stand (下步计划：).
_LABEL_REACH = 12


@cache
def _narrative_label_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A report's label (下步计划：, 存在问题：) opening a clause, and one closing the words before it."""
    label = rf"[ \t\u3000]*(?:{alternation(role_vocab().narrative_labels)})[ \t\u3000]*[：:][ \t\u3000]*"
    return re.compile(label), re.compile(label + "$")


DUTY_NAME = "duty clause"
#: What the work after 负责 opens with: a word, or the date it is due by (负责6月底前出台…).
_WORK_START = re.compile("[\u4e00-\u9fff0-9０-９]")


@cache
def _duty_re() -> re.Pattern[str]:
    """A sentence whose units are responsible for work it names, then the units that cooperate or
    carry it out: "A负责X，B、C配合（做好Y）" (县商务局负责项目建设，县发改局、县供销社配合做好项目申报),
    "A负责X，B负责具体实施"."""
    b = re.escape(brackets().open + brackets().close)
    partner_verbs, doing = alternation(_partner_verbs()), alternation(_clause_verbs()[1])
    return re.compile(
        rf"(?P<unit>[^，,。；;\n由{b}]{{2,{_MAX_SUBJECT}}}?)负责(?P<work>{_WORK_START.pattern}[^，,。；;\n]{{1,40}})[，,]"
        rf"(?:(?P<partners>[^，,。；;\n{b}]{{2,80}}?)(?:{partner_verbs})(?=[，,。；;\n\u4e00-\u9fff]|$)"
        # (then who carries it out: …配合，各乡镇人民政府负责具体实施; or that alone)
        rf"(?:[^，,。；;\n]*[，,](?P<doers>[^，,。；;\n{b}]{{2,40}}?)负责(?:{doing}))?"
        rf"|(?P<only_doers>[^，,。；;\n{b}]{{2,40}}?)负责(?:{doing}))"
    )


@cache
def _lead_verbs() -> tuple[str, ...]:
    """The lead verbs a duty clause's subject may end with before 负责 (牵头), longest first."""
    return tuple(sorted((w for w, r in role_vocab().verbs.items() if r == "lead"), key=len, reverse=True))


@cache
def _duty_partner_words() -> tuple[str, ...]:
    """The partner verbs a duty clause's second clause may hold, and 负责具体 (负责具体实施)."""
    return (*_clause_verbs()[0], "负责具体")


def find_duties(text: str, base: int = 0, taken: Taken = nothing_taken) -> list[Annotation]:
    """Duty clauses in ``text`` (see ``_duty_re``): each at a sentence start, every unit a known body
    (the partners may be a class of places: 各乡镇人民政府); the responsible units first."""
    out: list[Annotation] = []
    tried: set[int] = set()
    k = text.find("负责")
    while k >= 0:
        # (from each 负责 with work after it back to its sentence's start: the pattern anchored there)
        found, k = k, text.find("负责", k + 2)
        if found + 2 >= len(text) or not _WORK_START.match(text, found + 2):
            continue
        at = max(text.rfind(ch, max(0, found - _MAX_SUBJECT - 2), found) for ch in _SENTENCE_START) + 1
        opens_line = at == 0 or text[at - 1] == "\n"
        while at < found and text[at] in " \t\u3000":
            at += 1
        if opens_line:
            at += _numbering(text, at)  # (一、A负责X，B配合。: the clause opens after its item's number)
        if at in tried:
            continue
        tried.add(at)
        stop = _SENTENCE_STOP.search(text, found)
        sentence = text[found : stop.start() if stop else len(text)]
        if not any(w in sentence for w in _duty_partner_words()):
            continue  # (no partner named after it: nothing for this reader)
        m = _duty_re().match(text, at)
        if m is None or taken(base + at, base + m.end()) or depth_at(text, at, line_bound=True) > 0:
            continue
        unit = m["unit"].strip()
        # (A牵头负责X，B配合: A leads)
        lead = next((w for w in _lead_verbs() if unit.endswith(w) and len(unit) > len(w) + 1), "")
        unit = unit[: len(unit) - len(lead)]
        partners = [g for g in ("partners", "doers", "only_doers") if m[g] and m[g].strip()]
        if not (_all_known(unit) and partners and _all_known(m[partners[0]].strip(), classes=True)):
            continue
        lists = [RoleList("lead" if lead else "responsible", parse_list(unit, base + m.start("unit")))]
        lists += [
            RoleList("cooperate", parse_list(m[g], base + m.start(g)))
            for g in partners
            if _all_known(m[g].strip(), classes=True)
        ]
        work = (base + m.start("work"), base + m.end("work"))
        out.append(Annotation(lists, base + at, base + m.end(), text[at : m.end()], DUTY_NAME, work=work))
    return out


OPENING_NAME = "opening subject"


def find_opening_subjects(text: str, base: int = 0, taken: Taken = nothing_taken) -> list[Annotation]:
    """A numbered item opening with its unit, a colon and its role (1. 县交通运输局：负责推进X。 /
    县A：牵头负责Y): the unit responsible (负责) or leading (牵头); the rest of the item is its work.
    Partners closing the work's first clause (县A：负责X，县B、县C配合。) cooperate, and the work
    before them is the title."""
    out: list[Annotation] = []
    for m in _opening_subject_re().finditer(text):
        unit = m.group("unit")
        if not looks_like_unit(clean(unit)) or taken(base + m.start("unit"), base + m.end()):
            continue
        mentions = parse_list(unit, base + m.start("unit"))
        if not mentions:
            continue
        role = role_vocab().verbs.get(m.group("verb"), "responsible")
        lists = [RoleList(role if role == "lead" else "responsible", mentions)]
        end, work = m.end(), None
        p = _opening_partners_re().match(text, m.end())
        if p is not None and _all_known(p["partners"].strip(), classes=True):
            lists.append(RoleList("cooperate", parse_list(p["partners"], base + p.start("partners"))))
            end, work = p.end(), (base + m.end(), base + p.end("work"))
        ann = Annotation(lists, base + m.start("unit"), base + end, work=work)
        ann.evidence, ann.kind = text[m.start() : end].strip(), OPENING_NAME
        out.append(ann)
    return out


@cache
def _opening_subject_re() -> re.Pattern[str]:
    # (the item's number is required: a line of one unit's part under a task, 市A：牵头负责X；, is the
    # unit-lines reader's)
    return re.compile(rf"(?:^|(?<=\n))[ \t\u3000]*{item_number()}[ \t\u3000]*{opening_subject()}")


@cache
def _opening_partners_re() -> re.Pattern[str]:
    """The work's first clause, then its partners and their verb closing the next (…X，县B配合。)."""
    b = re.escape(brackets().open + brackets().close)
    return re.compile(
        rf"(?P<work>[^，,。；;\n]{{1,60}})[，,](?P<partners>[^，,。；;\n{b}]{{2,80}}?)"
        rf"(?:{alternation(_partner_verbs())})(?=[，,。；;\n]|$)"
    )


INNER_NAME = "inner clause"
#: Characters a clause inside a sentence opens after: a comma, or an item's title in 【】.
_INNER_OPENERS = "，,】"


@cache
def _inner_re() -> re.Pattern[str]:
    """The lead, its verb, then the partners and theirs, each closed by a comma: 林区A局牵头，林区B局、
    各乡镇配合，(then the work or its date)."""
    b = re.escape(brackets().open + brackets().close)
    return re.compile(
        rf"(?P<lead>[^，,。；;\n{b}]{{2,{_MAX_SUBJECT}}}?)(?:{alternation(list(_lead_verbs()))})(?:负责)?[，,]"
        rf"(?P<partners>[^，,。；;\n{b}]{{2,80}}?)(?:{alternation(_partner_verbs())})[，,]"
    )


def _partner_verbs() -> list[str]:
    """Every cooperate verb, with its manner (配合, 按职责分工配合, 协助), less carrying work out (具体实施)."""
    doers = _clause_verbs()[1]
    return [w for w, r in role_vocab().verbs.items() if r == "cooperate" and w not in doers]


def find_inner_clauses(text: str, base: int = 0, taken: Taken = nothing_taken) -> list[Annotation]:
    """A lead and its partners in a clause of their own inside an item's sentence, after a comma or
    the item's 【title】, with the work going on after it (（一）【打造精品旅游线路】依托…，林区文化和旅游局
    牵头，林区交通运输局、各乡镇配合，2027年6月底前推出…): every unit a known body (the partners may
    be a class of places)."""
    out: list[Annotation] = []
    k = text.find("牵头")
    while k >= 0:
        found, k = k, text.find("牵头", k + 2)
        at = max(text.rfind(ch, max(0, found - _MAX_SUBJECT - 1), found) for ch in _INNER_OPENERS) + 1
        if at <= 0 or depth_at(text, at, line_bound=True) > 0:
            continue
        m = _inner_re().match(text, at)
        if m is None or taken(base + at, base + m.end()):
            continue
        if not (_all_known(m["lead"]) and _all_known(m["partners"].strip(), classes=True)):
            continue
        lists = [
            RoleList("lead", parse_list(m["lead"], base + m.start("lead"))),
            RoleList("cooperate", parse_list(m["partners"], base + m.start("partners"))),
        ]
        out.append(Annotation(lists, base + at, base + m.end() - 1, text[at : m.end() - 1], INNER_NAME))
    return out


LONE_NAME = "lone subject"
#: Subject clauses with a with-word a document needs before a unit alone with 要 is read as its item's
#: subject (县林业局要科学编制…, in a plan whose items read 县农业农村局要会同县财政局…).
_SUBJECT_CONVENTION = 2


def find_lone_subjects(text: str, base: int = 0, taken: Taken = nothing_taken) -> list[Annotation]:
    """In a document that assigns its items by subject clauses (A要会同B…, at least twice), an item
    whose first sentence after its title opens with one known unit and 要 (（十二）合理利用菇木林资源。
    县林业局要科学编制…): that unit is responsible for it, alone."""
    if len(_CONVENTION.findall(text)) < _SUBJECT_CONVENTION:
        return []
    out: list[Annotation] = []
    pos = 0
    guarantees = _guarantee_sections()
    instructing = False  # (inside 三、保障措施: its items instruct)
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        heading = heading_of(line.lstrip(" \t\u3000"))
        if heading is None:
            continue
        if heading[0] == 1:
            instructing = any(w in heading[2] for w in guarantees)
        if instructing:
            continue
        rest = heading[2]
        stop = rest.find("。")
        if not 0 < stop <= _MAX_TITLE:
            continue
        at = start + len(line) - len(rest) + stop + 1
        m = _LONE.match(text, at)
        if m is None or taken(base + at, base + m.end()):
            continue
        unit = m["unit"]
        if not _all_known(unit) or len(split_list(unit)) != 1:
            continue
        lists = [RoleList("responsible", parse_list(unit, base + at))]
        out.append(Annotation(lists, base + at, base + m.end(), text[at : m.end()], LONE_NAME))
    return out


@cache
def _guarantee_sections() -> tuple[str, ...]:
    """The words of a section heading whose items instruct (roles.yaml ``guarantee_sections``)."""
    return tuple(words(load_yaml("roles.yaml"), "guarantee_sections", "roles.yaml"))


_CONVENTION = re.compile("要(?:会同|联合)")
_LONE = re.compile(r"(?P<unit>[^，,。；;、\s（(]{2,30}?)要(?!会同|联合|求)(?=[\u4e00-\u9fff])")
_MAX_TITLE = 40
