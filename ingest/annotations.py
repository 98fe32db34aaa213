"""Role annotations in running text: "〔牵头单位：A；责任单位：B〕", "（责任单位：A、B）",
"责任单位：A、B" lines, and clauses "（A牵头，B、C配合）", "（A、B负责）", "（A会同B负责）"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from fengong.ingest.units import Mention, clean, is_generic, looks_like_unit, parse_list, split_list
from fengong.ingest.vocab import alternation, role_vocab

_OPEN = "（(〔【[［"
_PAREN = re.compile("[（(]")
_CLOSE = "）)〕】]］"


@dataclass(slots=True)
class RoleList:
    """Units a label or verb gives one role, as written."""

    role: str
    mentions: list[Mention]


@dataclass(slots=True)
class Annotation:
    """One annotation: its role lists and the span it covers (brackets included)."""

    lists: list[RoleList]
    start: int
    end: int
    evidence: str = ""
    kind: str = "label"  # label / clause
    roles: dict[str, list[Mention]] = field(default_factory=dict)


@cache
def _label_re() -> re.Pattern[str]:
    words = list(role_vocab().labels) + role_vocab().stop_labels
    return re.compile(rf"(?P<label>{alternation(words)})\s*[:：]\s*")


@cache
def _verb_re() -> re.Pattern[str]:
    return re.compile(rf"(?P<verb>{alternation(list(role_vocab().verbs))})$")


@cache
def _with_re() -> re.Pattern[str]:
    return re.compile(alternation(role_vocab().with_words))


@cache
def _first_is_lead_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in role_vocab().first_is_lead))


def declares_first_is_lead(text: str) -> bool:
    """Whether the document says the first-listed unit of its lists leads (排在第一位的为牵头单位)."""
    return bool(_first_is_lead_re().search(text))


# Only brackets and line ends move _matching_close: visit those, not every character.
_BRACKET_OR_LINE_END = re.compile("[" + re.escape(_OPEN + _CLOSE) + "\n]")


_FLAT = re.compile("[^" + re.escape(_OPEN + _CLOSE) + "\n]*")


def _matching_close(text: str, open_at: int) -> int:
    """Index of the bracket closing the one at ``open_at`` (or the end of its line)."""
    # Most brackets hold no other: then the next bracket or line end after this one is the answer.
    flat = _FLAT.match(text, open_at + 1)  # [^…]* always matches
    end = flat.end() if flat else len(text)
    if end >= len(text) or text[end] not in _OPEN:
        return end
    depth = 0
    for m in _BRACKET_OR_LINE_END.finditer(text, open_at):
        ch = m.group()
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth == 0:
                return m.start()
        else:
            return m.start()
    return len(text)


_BRACKET_OR_STOP = re.compile("[" + re.escape(_OPEN + _CLOSE) + "。]")


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    # A list ends at a full stop outside brackets (only brackets and stops are visited).
    depth = 0
    for m in _BRACKET_OR_STOP.finditer(text, pos, end):
        ch = m.group()
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            return m.start()
    return end


def find_annotations(text: str, base: int = 0) -> list[Annotation]:
    """Every role annotation in ``text``; offsets shifted by ``base``."""
    out = _labelled(text, base)
    taken = [(a.start - base, a.end - base) for a in out]
    for ann in _clauses(text, base):
        s, e = ann.start - base, ann.end - base
        if all(e <= a or s >= b for a, b in taken):
            out.append(ann)
    out.sort(key=lambda a: a.start)
    return out


def _labelled(text: str, base: int) -> list[Annotation]:
    if "：" not in text and ":" not in text:
        return []  # every label is followed by a colon
    labels = role_vocab().labels
    matches = list(_label_re().finditer(text))
    out: list[Annotation] = []
    i = 0
    while i < len(matches):
        m = matches[i]
        k = m.start()
        while k > 0 and text[k - 1] in " \u3000":
            k -= 1
        if k > 0 and text[k - 1] in _OPEN:
            open_at = k - 1
            group_end = _matching_close(text, open_at)
            span_start, span_end = open_at, min(group_end + 1, len(text))
        else:
            open_at = -1
            group_end = _line_end(text, m.end())
            span_start, span_end = m.start(), group_end
        group = [m]
        j = i + 1
        while j < len(matches) and matches[j].start() < group_end:
            group.append(matches[j])
            j += 1
        if open_at < 0:
            # Unbracketed, the annotation ends at a stop label: "完成时限：2021年底" after it is the
            # task's own words, not part of the unit list.
            span_end = next((gm.start() for gm in group if gm["label"] not in labels), span_end)
        lists: list[RoleList] = []
        for k, gm in enumerate(group):
            if gm["label"] not in labels:  # a stop label such as 责任领导 ends the list before it
                continue
            stop = group[k + 1].start() if k + 1 < len(group) else group_end
            body = text[gm.end() : stop].rstrip("；;，,。 \u3000")
            mentions = parse_list(body, base + gm.end())
            if mentions:
                lists.append(RoleList(labels[gm["label"]], mentions))
        if lists:
            out.append(
                Annotation(lists, base + span_start, base + span_end, text[span_start:span_end], "label")
            )
        i = j
    return out


def _parens(text: str) -> Iterator[int]:
    """Where each opening parenthesis stands, in order (``_PAREN``; with only full-width ones,
    str.find, which runs faster than a regex scan)."""
    if "(" in text:
        for m in _PAREN.finditer(text):
            yield m.start()
        return
    i = text.find("（")
    while i >= 0:
        yield i
        i = text.find("（", i + 1)


def _clauses(text: str, base: int) -> list[Annotation]:
    """Bracketed clauses whose every part is "units + role verb"."""
    out: list[Annotation] = []
    for i in _parens(text):
        close = _matching_close(text, i)
        if close >= len(text) or text[close] not in "）)":
            continue
        inner = text[i + 1 : close]
        ann = _parse_clause_group(inner, base + i + 1)
        if ann:
            ann.start, ann.end, ann.evidence = base + i, base + close + 1, text[i : close + 1]
            out.append(ann)
    return out


@cache
def _any_verb_re() -> re.Pattern[str]:
    return re.compile(alternation(list(role_vocab().verbs)))


def _parse_clause_group(inner: str, base: int) -> Annotation | None:
    if not inner or len(inner) > 400 or "：" in inner or ":" in inner:
        return None
    if _any_verb_re().search(inner) is None:
        return None  # every clause ends with a role verb
    verbs = role_vocab().verbs
    lists: list[RoleList] = []
    # Clauses are separated by ，；; at depth zero; 、 separates units inside a clause.
    parts = [(p, s, e) for p, s, e in _split_clauses(inner)]
    for part, s, _e in parts:
        stripped = part.rstrip("。 ")
        vm = _verb_re().search(stripped)
        if not vm:
            return None
        units_text = stripped[: vm.start()]
        role = verbs[vm["verb"]]
        wm = _with_re().search(units_text)
        if wm:
            first, partner = units_text[: wm.start()], units_text[wm.end() :]
            groups = [
                (("lead" if role != "cooperate" else role), first, s),
                ("cooperate", partner, s + wm.end()),
            ]
        else:
            groups = [(role, units_text, s)]
        for g_role, g_text, g_start in groups:
            items = [clean(x) for x, _, _ in split_list(g_text)]
            if not items or not all(looks_like_unit(x) or is_generic(x) for x in items if x):
                return None
            mentions = parse_list(g_text, base + g_start)
            if mentions:
                lists.append(RoleList(g_role, mentions))
    if not lists:
        return None
    return Annotation(lists, 0, 0, "", "clause")


_CLAUSE_MARK = re.compile("[" + re.escape(_OPEN + _CLOSE) + "，,；;]")


def _split_clauses(text: str) -> list[tuple[str, int, int]]:
    out = []
    depth, start = 0, 0
    for m in _CLAUSE_MARK.finditer(text):  # only brackets and separators matter
        ch, i = m.group(), m.start()
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append((text[start:i], start, i))
            start = i + 1
    out.append((text[start:], start, len(text)))
    return [(p, s, e) for p, s, e in out if p.strip()]


def assign_roles(annotations: list[Annotation], first_is_lead: bool) -> dict[str, list[Mention]]:
    """The roles DESIGN.md defines: a named lead turns 责任单位 into cooperating units; with the
    document's first-is-lead declaration the first of a bare list leads; otherwise a bare list is
    responsible, in order. Never invents a lead."""
    roles: dict[str, list[Mention]] = {"lead": [], "cooperate": [], "responsible": []}
    lists = [rl for a in annotations for rl in a.lists]
    has_lead = any(rl.role == "lead" or any(m.lead_marked for m in rl.mentions) for rl in lists)
    for rl in lists:
        marked = [m for m in rl.mentions if m.lead_marked]
        if marked and rl.role != "lead":
            # "市发改委（牵头）、市财政局": the marked unit leads, the rest cooperate.
            roles["lead"].extend(marked)
            roles["cooperate"].extend(m for m in rl.mentions if not m.lead_marked)
        elif rl.role == "responsible" and has_lead:
            roles["cooperate"].extend(rl.mentions)
        elif rl.role == "responsible" and first_is_lead:
            roles["lead"].append(rl.mentions[0])
            roles["cooperate"].extend(rl.mentions[1:])
        else:
            roles[rl.role].extend(rl.mentions)
    return roles
