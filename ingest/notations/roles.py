"""What every reader produces (role lists and annotations) and the ONE function that turns role
lists into the roles of FORMAT.md, plus the first-is-lead declarations built from ``roles.yaml``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from fengong.ingest.units import Mention
from fengong.ingest.vocab import alternation, role_vocab

#: Whether a span (document offsets) overlaps an annotation an earlier reader already claimed.
Taken = Callable[[int, int], bool]


def nothing_taken(start: int, end: int) -> bool:
    """No span is taken (a reader run on its own)."""
    return False


ROLES = ("lead", "cooperate", "responsible")


@dataclass(slots=True)
class RoleList:
    """Units a label, a verb or a table column gives one role, as written."""

    role: str
    mentions: list[Mention]
    # the list opens with a catch-all (省直有关部门，沿海各市人民政府): its first unit is not its first
    catch_all_first: bool = False
    # its units share the work by duty (A、B、C（按职责分工负责）): they carry it together, none leads
    # nor cooperates, whatever the document declares of first-listed units and the rest
    shared_by_duty: bool = False


@dataclass(slots=True)
class Annotation:
    """One annotation: its role lists and the span it covers (brackets included).

    ``kind`` names the reader that found it (label / clause / prose); ``first_is_lead`` is set
    when the annotation itself declares that the first listed unit leads (and so every list from
    here on); ``work`` is set when the annotation's words wrap the task's own (a duty clause)."""

    lists: list[RoleList]
    start: int
    end: int
    evidence: str = ""
    kind: str = "label"
    first_is_lead: bool = False
    roles: dict[str, list[Mention]] = field(default_factory=dict)
    #: The span of the work a clause around it names (A负责<work>，B配合): a heading keeps it as its title.
    work: tuple[int, int] | None = None


def assign_roles(
    lists: Iterable[RoleList], first_is_lead: bool, rest_cooperate: bool = False
) -> dict[str, list[Mention]]:
    """The roles of one task from the role lists that name its units (from any reader).

    - a unit marked "（牵头）" inside a list leads; the rest of that list cooperates (a lead label's
      list too: 承办单位：A（主办）、B（协办）);
    - a named lead (a lead list or a marked unit) turns 责任单位 into cooperating units;
    - under a first-is-lead declaration the first unit of a 责任单位 list leads, the rest cooperate
      (unless it is every office at once, 各科室, or the list opens with a catch-all);
    - under a rest-cooperate declaration (其余为配合单位) a 责任单位 list of several units with no lead
      cooperates (a unit alone stays responsible: it carries the task);
    - otherwise a 责任单位 list stays responsible, in order: no lead is ever invented;
    - a lead named again in a 责任单位 list beside it only leads.
    Lead / cooperate lists keep their role whatever else the task names."""
    lists = list(lists)
    roles: dict[str, list[Mention]] = {r: [] for r in ROLES}
    has_lead = any(rl.role == "lead" or any(m.lead_marked for m in rl.mentions) for rl in lists)
    converted: list[Mention] = []  # 责任单位 beside a named lead: cooperating
    for rl in lists:
        if not rl.mentions:
            continue
        marked = [m for m in rl.mentions if m.lead_marked]
        # (承办单位：市A（主办）、市B（协办）: a lead label's list whose marks name its lead)
        if marked and (rl.role != "lead" or len(marked) < len(rl.mentions)):
            roles["lead"].extend(marked)
            roles["cooperate"].extend(m for m in rl.mentions if not m.lead_marked)
        elif rl.role == "responsible" and has_lead:
            converted.extend(rl.mentions)
        elif rl.role == "responsible" and any(partner_marked(m) for m in rl.mentions):
            # 市财政局（协同）、市商务局（协同）: a unit its list marks as a partner is one, with no lead
            for m in rl.mentions:
                roles["cooperate" if partner_marked(m) else "responsible"].append(m)
        elif (
            rl.role == "responsible"
            and first_is_lead
            and not _every_office(rl.mentions[0])
            and not rl.catch_all_first  # (the first listed is 有关部门: no lead is named)
            and not rl.shared_by_duty
        ):
            roles["lead"].append(rl.mentions[0])
            roles["cooperate"].extend(rl.mentions[1:])
        elif rl.role == "responsible" and rest_cooperate and len(rl.mentions) > 1 and not rl.shared_by_duty:
            # (a unit alone is no "rest": it carries the task, as without the declaration)
            roles["cooperate"].extend(rl.mentions)
        else:
            roles[rl.role].extend(rl.mentions)
    # a lead named again in the 责任单位 list it leads (A、B按职责分工负责，A牵头) only leads; a unit
    # a document lists as lead and again as 配合 keeps both, as written
    leads = {m.local for m in roles["lead"]}
    roles["cooperate"].extend(m for m in converted if m.local not in leads)
    return roles


def _every_office(mention: Mention) -> bool:
    """Whether a listed unit is every office of the issuer (各科室, 管委会各部门): no lead."""
    return mention.local.endswith(tuple(role_vocab().every_office))


def partner_marked(mention: Mention) -> bool:
    """Whether a listed unit is written with a partner's mark in brackets (绥芬河海关（辅）,
    市工信局（协同）, 市财政局（配合））."""
    return bracket_mark(mention.written) == "cooperate"


def bracket_mark(written: str) -> str | None:
    """The role a mark in brackets closing a listed unit gives it (县A（牵头）: lead, 县B（协同） or
    县C（辅）: cooperate, 县D（负责）: responsible), else ``None``."""
    written = written.rstrip()
    if not written or written[-1] not in "）)":
        return None
    m = _bracket_mark_re().search(written)
    return _bracket_marks()[m.group("mark")] if m is not None and m.start() >= 2 else None


@cache
def _bracket_marks() -> dict[str, str]:
    v = role_vocab()
    marks = {w: role for w, role in v.verbs.items()}
    marks.update(dict.fromkeys(v.cooperate_marks, "cooperate"))
    marks.update(dict.fromkeys(v.lead_markers, "lead"))
    return marks


@cache
def _bracket_mark_re() -> re.Pattern[str]:
    return re.compile(rf"[（(]\s*(?P<mark>{alternation(list(_bracket_marks()))})\s*[）)]$")


@cache
def first_is_lead_re() -> re.Pattern[str]:
    """A first-is-lead declaration, either way round:
    [position] ordinal [的] [unit] [的] [copula] lead-word   (排在第一位的为牵头单位)
    lead-word (position | copula) [在于] ordinal              (牵头单位列第一位)."""
    v = role_vocab()
    parts = v.first_is_lead
    position = alternation(parts["position"])
    ordinal = alternation(parts["ordinal"])
    lead = alternation(_lead_words())
    return re.compile(
        f"(?:{position})?[在于]?(?:{ordinal})[的者]?"
        f"(?:{alternation(parts['unit'])})?的?(?:{alternation(parts['copula'])})?(?:{lead})"
        f"|(?:{lead})(?:{position}|{alternation(parts['copula'])})[在于]?(?:{ordinal})"
    )


@cache
def comma_lead_re() -> re.Pattern[str]:
    """A declaration that the units before a list's comma lead: before [的] [unit] [的] [copula]
    lead-word (逗号前为牵头单位, 位于逗号之前的单位为牵头部门)."""
    return _before_mark_re(tuple(role_vocab().comma_lead_before))


@cache
def semicolon_lead_re() -> re.Pattern[str]:
    """The same declaration of a semicolon (分号前为牵头单位，分号后为配合单位)."""
    return _before_mark_re(tuple(role_vocab().semicolon_lead_before))


def _before_mark_re(before: tuple[str, ...]) -> re.Pattern[str]:
    parts = role_vocab().first_is_lead
    return re.compile(
        f"(?:{alternation(list(before))})[的者]?(?:{alternation(parts['unit'])})?的?"
        f"(?:{alternation(parts['copula'])})?(?:{alternation(_lead_words())})"
    )


def lead_separator(text: str) -> str:
    """The marks a document declares part a list's leads from its partners (逗号前为牵头单位: the
    comma; 分号前为牵头单位: the semicolon), else ""."""
    if semicolon_lead_re().search(text):
        return "；;"
    return "，," if comma_lead_re().search(text) else ""


def _lead_words() -> list[str]:
    v = role_vocab()
    return [w for w, r in v.labels.items() if r == "lead"] + [w for w, r in v.verbs.items() if r == "lead"]


@cache
def _ordinal_re() -> re.Pattern[str]:
    return re.compile(alternation(role_vocab().first_is_lead["ordinal"]))


@cache
def _reach() -> int:
    """How far before an ordinal word a declaration can start."""
    parts = role_vocab().first_is_lead
    return max(map(len, _lead_words())) + max(map(len, parts["position"] + parts["copula"])) + 1


def first_is_lead_at(text: str, start: int = 0, end: int | None = None) -> int:
    """Where the first declaration in ``text[start:end]`` starts (-1 when none). Visits only the
    ordinal words (rare) and reads the declaration around each."""
    end = len(text) if end is None else end
    decl = first_is_lead_re()
    for hit in _ordinal_re().finditer(text, start, end):
        m = decl.search(text, max(start, hit.start() - _reach()), min(end, hit.end() + 16))
        if m:
            return m.start()
    return -1


def declares_first_is_lead(text: str) -> bool:
    """Whether ``text`` says that the first listed unit leads (in any wording the data knows)."""
    return first_is_lead_at(text) >= 0


@cache
def rest_cooperate_re() -> re.Pattern[str]:
    """A declaration that the units not marked as leads cooperate: rest [unit] copula cooperate-label
    (其余为配合单位, 其他单位均为配合单位)."""
    return _partners_declared(tuple(role_vocab().rest_cooperate["rest"]))


@cache
def listed_cooperate_re() -> re.Pattern[str]:
    """A section's declaration that the units its items list are partners (所列责任单位为配合单位)."""
    return _partners_declared(tuple(role_vocab().listed_cooperate))


def _partners_declared(which: tuple[str, ...]) -> re.Pattern[str]:
    """which [unit] copula cooperate-label: units that stand somewhere declared partners."""
    v = role_vocab()
    parts = v.rest_cooperate
    cooperate = alternation([w for w, r in v.labels.items() if r == "cooperate"])
    return re.compile(
        f"(?:{alternation(list(which))})(?:{alternation(parts['unit'])})?"
        f"(?:{alternation(parts['copula'])})(?:{cooperate})"
    )


def declares_partners(text: str) -> bool:
    """Whether ``text`` declares units partners by where they stand: the rest of a list beside its
    marked lead (其余为配合单位) or the units a section's items list (所列责任单位为配合单位)."""
    return rest_cooperate_re().search(text) is not None or listed_cooperate_re().search(text) is not None


def declares_rest_cooperate(text: str) -> bool:
    """Whether ``text`` says that the units not marked as leads cooperate."""
    return rest_cooperate_re().search(text) is not None
