"""Sections written unit by unit: "（一）市交通运输委：牵头推进A（2028年6月底前完成）、B；配合市规划资源局
做好C。" — each paragraph names one unit and the tasks it leads, is responsible for or cooperates on;
and tasks whose lines say each unit's part ("市工信局：牵头负责编制…；" "市科技局：负责…；").

The outline reads such a paragraph as one task titled by the unit. This pass turns a section of
them (``MIN_PARAGRAPHS`` or more under one heading) into the tasks they name: each task once, with
every paragraph's unit in the role its clause gives, the partner a cooperation clause names (配合A
做好C) as C's lead where no paragraph says who leads it, and the deadline in brackets after the
task's name. A task every paragraph only cooperates on keeps no lead: the document names none.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from fengong.ingest.deadlines import deadline_clause, find_deadlines
from fengong.ingest.notations.brackets import brackets, split_top
from fengong.ingest.notations.roles import RoleList, assign_roles
from fengong.ingest.outline import Block, path_of, title_of
from fengong.ingest.tasks import RawTask, compact, title_key
from fengong.ingest.units import Mention, clean, looks_like_unit, parse_list, reads_as_name
from fengong.ingest.vocab import alternation, load_yaml, role_vocab, words

#: Paragraphs headed by a unit under one heading before the section is read unit by unit.
MIN_PARAGRAPHS = 3
_MAX_UNIT = 30


@dataclass(slots=True)
class _Clause:
    role: str
    unit: list[Mention]  # the paragraph's unit
    partner: list[Mention]  # 配合A做好C: A
    items: list[tuple[str, str, int]]  # (name, bracket after it, position)
    evidence: str


@cache
def _head_re() -> re.Pattern[str]:
    # a paragraph's number, the unit and its colon
    b = re.escape(brackets().open + brackets().close)
    return re.compile(
        rf"[ \t\u3000]*(?:[{b}][一二三四五六七八九十百\d]+[{b}]|\d+[.．、]|[一二三四五六七八九十]+、)?"
        # (a bracket inside the name, 各乡（镇）人民政府, and one closing it, 县A（牵头）)
        rf"[ \t\u3000]*(?P<unit>[^：:，,。；;\n{b}]{{2,{_MAX_UNIT}}}?"
        rf"(?:[{b}][^{b}\n]{{1,12}}[{b}][^：:，,。；;\n{b}]{{1,12}}?)?(?:[{b}][^{b}\n]{{1,12}}[{b}])?)[：:]"
    )


@cache
def _clause_re() -> re.Pattern[str]:
    """A clause's opening role verb."""
    verbs = alternation(list(role_vocab().verbs))
    return re.compile(rf"(?P<verb>{verbs})")


@cache
def _work() -> str:
    """The work verbs that end a partner's name (配合天津海关做好…, 配合市商务局推进…)."""
    return alternation(words(load_yaml("roles.yaml"), "section_work_verbs", "roles.yaml"))


@cache
def _empty_work() -> re.Pattern[str]:
    """Work verbs that say nothing of the work (做好, 抓好): no part of the task's name."""
    return re.compile(alternation(words(load_yaml("roles.yaml"), "section_empty_verbs", "roles.yaml")))


def _partner(clause: str, at: int) -> str:
    """The unit named between the role verb and the work (配合中央组织部做好…: 中央组织部, though 组织
    is a work verb inside it), or ''."""
    for m in re.finditer(_work(), clause[at : at + _MAX_UNIT + 2]):
        written = clause[at : at + m.start()]
        if (
            len(written) >= 2
            and not re.search(r"[，,、。；;\n]", written)
            and looks_like_unit(clean(written))
        ):
            return written
    return ""


def _key(name: str) -> str:
    """One task however a clause words its verb (推进智能杆塔建设, 智能杆塔建设)."""
    return title_key(re.sub(f"^(?:{_work()})", "", name))


def _split_clauses(body: str) -> list[tuple[int, str]]:
    """The body's clauses with their offsets: at every stop, and at a comma before a role verb."""
    cuts = [0]
    for m in re.finditer(r"[；;。，,]", body):
        if m.group() in "，," and not _clause_re().match(body, m.end()):
            continue
        cuts.append(m.end())
    # each clause ends one character before the next cut (its stop); the last at the body's end
    pieces = ((a, body[a : b - 1]) for a, b in itertools.pairwise([*cuts, len(body) + 1]))
    return [(a, piece) for a, piece in pieces if piece.strip()]


def _items(text: str, base: int) -> list[tuple[str, str, int]]:
    """The tasks a clause names, split at 、 outside brackets: (name, the bracket after it, where)."""
    out: list[tuple[str, str, int]] = []
    for piece, start, _ in split_top(text, "、", base):
        m = _item_re().match(piece)
        name = (m.group("name") if m else piece).strip(" \t\u3000")
        if len(name) >= 2:
            out.append((name, (m.group("note") or "") if m else "", start))
    return out


@cache
def _item_re() -> re.Pattern[str]:
    """A task's name and the bracket closing it (港城界面规划优化（2027年12月底前完成）)."""
    opening, closing = re.escape(brackets().open), re.escape(brackets().close)
    return re.compile(rf"(?P<name>.*?)(?:[{opening}](?P<note>[^{closing}]*)[{closing}])?[ \t\u3000]*$")


def _paragraph(block: Block, text: str) -> list[_Clause] | None:
    """The clauses of a paragraph headed by a unit, or ``None`` when it is not one."""
    head = _head_re().match(text, block.start, block.end)
    written = clean(head.group("unit")) if head else ""
    if head is None or not (looks_like_unit(written) or reads_as_name(written)):
        return None
    unit = parse_list(head.group("unit"), head.start("unit"))
    if not unit:
        return None
    vocab = role_vocab().verbs
    clauses: list[_Clause] = []
    body_at = head.end()
    numbered = bool(block.marker)
    for offset, piece in _split_clauses(text[body_at : block.end]):
        lead = piece.lstrip(" \t\u3000")
        offset += len(piece) - len(lead)
        m = _clause_re().match(lead)
        if m is None:
            if numbered and len(lead) > _WORDS_MAX and deadline_clause(lead, None) is None:
                # 1. 县交通运输局：负责推进X。全年新改建…: a numbered task whose unit opens it, its own
                # words after (no paragraph of a unit's parts: the item reader's)
                return None
            continue
        partner: list[Mention] = []
        work_at = m.end("verb")
        written = _partner(lead, work_at)
        if written:  # (else 负责推进X建设: the work follows the verb)
            partner = parse_list(written, body_at + offset + work_at)
            work_at += len(written)
        empty = _empty_work().match(lead, work_at)
        work_at = empty.end() if empty else work_at
        items = _items(lead[work_at:], body_at + offset + work_at)
        if items:
            evidence = f"{head.group('unit')}：{lead.strip()}"
            clauses.append(_Clause(vocab[m.group("verb")], unit, partner, items, evidence))
    return clauses or None


#: A sentence this long that names no role is a task's own words, not a unit's part.
_WORDS_MAX = 8


def read_unit_sections(
    tasks: list[RawTask], blocks: list[Block], text: str, year: int | None
) -> list[RawTask]:
    """``tasks`` with each section written unit by unit (its paragraphs: leaf ``blocks``) replaced
    by the tasks its paragraphs name."""
    parents = {b.parent for b in blocks}
    by_section: dict[int | None, list[tuple[Block, list[_Clause]]]] = defaultdict(list)
    for block in blocks:
        if block.index in parents or block.region != "body":
            continue
        clauses = _paragraph(block, text)
        if clauses is not None:
            by_section[block.parent].append((block, clauses))
    spans: list[tuple[int, int]] = []
    out: list[RawTask] = []
    for parent, paragraphs in by_section.items():
        if len(paragraphs) < MIN_PARAGRAPHS:
            continue
        spans.extend((b.start, b.end) for b, _ in paragraphs)
        path = path_of(blocks, blocks[parent]) if parent is not None else []
        out.extend(_section_tasks(path, [c for _, cs in paragraphs for c in cs], year))
    if not out:
        return tasks
    kept = [t for t in tasks if not any(a <= t.start < b for a, b in spans)]
    return sorted(kept + out, key=lambda t: t.start)


def read_unit_lines(tasks: list[RawTask], blocks: list[Block], text: str, year: int | None) -> list[RawTask]:
    """A task whose lines after its heading each open with a unit and its role (市工信局：牵头负责…；
    / 市科技局：负责…；/ 各区政府：配合做好…): those roles, through the one role function (a 负责
    beside a 牵头 is a partner's part). A task another reader gave units keeps them; a heading no
    reader made a task (no annotation, no deadline) becomes one by its unit lines."""
    parents = {b.parent for b in blocks}
    by_start = {t.start: t for t in tasks}
    out = list(tasks)
    for block in blocks:
        if block.index in parents or block.region != "body" or len(block.lines) < 2:
            continue
        roles, evidence = _line_roles(block)
        if not roles:
            continue
        task = by_start.get(block.start)
        if task is None:
            if any(block.start <= t.start < block.end for t in tasks):
                continue  # the block's tasks are another reader's
            task = RawTask(
                path_of(blocks, block), title_of(block.heading), compact(block.text), block.start, block.end
            )
            dated = find_deadlines(block.heading, year)
            if dated:
                task.deadline, task.other_deadlines = dated[0], dated[1:]
            out.append(task)
        elif any(task.roles.values()):
            continue
        task.roles = roles
        task.evidence.update(evidence)
    return sorted(out, key=lambda t: t.start)


def _line_roles(block: Block) -> tuple[dict[str, list[Mention]], dict[int, str]]:
    """The roles a block's lines after its heading give, each line a unit and its role verb."""
    lists: list[RoleList] = []
    evidence: dict[int, str] = {}
    for line in block.lines[1:]:
        head = _head_re().match(line.text)
        if head is None:
            continue
        written = clean(head.group("unit"))
        if head.group("unit").strip()[:1] in '“"「':
            continue  # (“申请销号”：牵头单位已报送…: a term the line defines, no unit)
        mentions = parse_list(head.group("unit"), line.start + head.start("unit"))
        named = (
            looks_like_unit(written)
            or reads_as_name(written)
            # a name with its mark (县A（牵头）) or a bracket of its own (各乡（镇）人民政府)
            or (bool(mentions) and all(looks_like_unit(m.local) for m in mentions))
        )
        verb = _clause_re().match(line.text, head.end()) if named else None
        if verb is None:
            continue
        role = role_vocab().verbs[verb.group("verb")]
        if all(m.lead_marked for m in mentions):
            role = "lead"  # 县A（牵头）：负责…: the mark names the lead whatever its verb
        lists.append(RoleList(role, mentions))
        evidence.update((m.start, line.text.strip()) for m in mentions)
    if not lists:
        return {}, {}
    roles = assign_roles(lists, first_is_lead=False)
    # in the order of the lines (a 负责 made a partner beside the lead keeps its place)
    return {role: sorted(mentions, key=lambda m: m.start) for role, mentions in roles.items()}, evidence


def _section_tasks(path: list[str], clauses: list[_Clause], year: int | None) -> list[RawTask]:
    """One task per name the clauses give, in the order first named."""
    found: dict[str, RawTask] = {}
    partners: dict[str, list[tuple[list[Mention], str]]] = defaultdict(list)
    for clause in clauses:
        for name, note, at in clause.items:
            key = _key(name)
            task = found.get(key)
            if task is None:
                task = found[key] = RawTask([*path, name], name, name, at, at + len(name))
            if note and task.deadline is None:
                dated = find_deadlines(note, year)
                if dated:
                    task.deadline, task.other_deadlines = dated[0], dated[1:]
            if clause.evidence not in task.text:
                task.text += "\n" + clause.evidence
            mentions = task.roles.setdefault(clause.role, [])
            for m in clause.unit:
                if all(x.local != m.local for x in mentions):
                    mentions.append(m)
                    task.evidence[m.start] = clause.evidence
            if clause.partner:
                partners[key].append((clause.partner, clause.evidence))
    for key, task in found.items():
        if task.roles.get("lead") or task.roles.get("responsible"):
            continue
        for mentions, evidence in partners.get(key, [])[:1]:
            # 配合A做好C, and no paragraph of A: the document says A does C
            task.roles["lead"] = list(mentions)
            for m in mentions:
                task.evidence[m.start] = evidence
    return list(found.values())
