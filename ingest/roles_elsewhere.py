"""Units a document gives its tasks outside the tasks' own sentences: a bracket line of its own right
above each numbered item (【省A牵头，省B配合】 over 1. 实施X。), and what names the tasks by their
numbers — a section of lines (四、任务分工 / 第1项：市A牵头，市B配合，2028年11月底前完成), an annex table
of numbers and units (任务编号 | 牵头司局 | 配合司局), an annex written unit by unit (国家发展改革委：牵头
开展X（第一项）；配合商务部做好Y（第四项）). Either way the lines are no tasks and no part of the task
above them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from fengong.ingest.annotations import find_annotations
from fengong.ingest.deadlines import Found, find_deadlines
from fengong.ingest.notations.blocks import FirstIsLead
from fengong.ingest.notations.brackets import matching_close, split_top
from fengong.ingest.notations.roles import RoleList
from fengong.ingest.notations.roles import assign_roles as assign_role_lists
from fengong.ingest.notations.subjects import partner_list_end
from fengong.ingest.outline import Block, circled, heading_of, path_of
from fengong.ingest.section_deadlines import ITEM_NUMBER, shifted, task_numbers
from fengong.ingest.tables import Table
from fengong.ingest.targets import cn_number
from fengong.ingest.tasks import RawTask, compact, roles_from, strip_marker
from fengong.ingest.units import clean, looks_like_unit, parse_list
from fengong.ingest.vocab import alternation, role_vocab

#: A line opening with a bracket (【省A牵头，省B、省C配合】 when that bracket closes the line).
_BRACKET_START = re.compile(r"^[ \t\u3000]*[【［〔\[（(]", re.MULTILINE)
#: One number of such a line: 1, 一 or （一）.
_ONE = r"(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3}|[（(][一二三四五六七八九十]{1,3}[）)])"
#: A line giving tasks by number: 第1项：… / 第3、4项任务：… / 第5至7项：… / 第（一）至（三）项由A牵头….
_NUMBERED = re.compile(
    rf"^[ \t\u3000]*第(?P<numbers>{_ONE}(?:[、，,和及至到\-—~～]{_ONE})*)项(?:任务|工作)?"
    r"[ \t\u3000]*(?:[：:][ \t\u3000]*|(?=由))(?P<clause>[^\n]+)$",
    re.MULTILINE,
)
#: How many numbered lines make a section of them (one such line may be a sentence of a task).
_NUMBERED_LINES = 2


def roles_above_items(
    tasks: list[RawTask], blocks: list[Block], text: str, year: int | None, first_is_lead: FirstIsLead
) -> list[RawTask]:
    """Where a document writes each item's units in a bracket line right above the item, give each
    item its line's roles, not the task above it; the lines are read so only when the first of them
    stands under something that is not a numbered item (a heading, the note that declares them), as
    a line closing the item above it never does. Returns the tasks kept: a paragraph that was a task
    only for the line under it is none, an item that was none for want of units is one."""
    bracketed = _bracket_lines(text)
    notes = {ln.start: anns for ln in bracketed if (anns := find_annotations(ln.words, ln.start))}
    lines = [ln for ln in bracketed if ln.start in notes]
    below = {
        ln.start: _task_at(tasks, text, at) or _item_task(blocks, text, at, year)
        for ln in lines
        for at in [_next_line(text, ln.end)]
    }
    lines = [ln for ln in lines if below[ln.start] is not None]
    if not lines:
        return tasks
    first = below[lines[0].start]
    assert first is not None
    if _item_at(tasks, text, _previous_line(text, lines[0].start), _level(first, text)):
        return tasks  # (the line closes the item above it, a sibling of the one below)
    spans = [(ln.start, ln.end) for ln in lines]
    held = {id(t): _without_mentions_in(t, spans) for t in tasks}
    for ln in lines:
        task = below[ln.start]
        assert task is not None
        if task not in tasks:
            tasks = sorted([*tasks, task], key=lambda t: t.start)
            held[id(task)] = False
        before = {role: list(ms) for role, ms in task.roles.items()}
        roles_from(notes[ln.start], first_is_lead.governs(ln.start), task)
        for role, ms in before.items():
            task.roles[role] = [*task.roles.get(role, []), *ms]
    item = _level(first, text)
    for t in tasks:
        if held[id(t)]:
            t.text = _without_lines(t.text, [ln.words for ln in lines])
    # (a heading or a note that was a task only for the line under it is none)
    return [t for t in tasks if not (held[id(t)] and not any(t.roles.values()) and _level(t, text) != item)]


@dataclass(slots=True)
class _Given:
    """Units (and a deadline) a line or a table row gives the tasks of some numbers."""

    numbers: list[int]
    lists: list[RoleList]
    declared: bool  # a first-is-lead declaration governs its lists
    evidence: str
    deadlines: list[Found]
    start: int
    end: int
    titles: list[str] = field(default_factory=list)  # tasks named by their titles (“推进X”) instead


def roles_after_items(
    tasks: list[RawTask], blocks: list[Block], text: str, year: int | None, first_is_lead: FirstIsLead
) -> list[RawTask]:
    """A line after a run of items that assigns them all (1.推进X。 2.推进Y。 以上任务由省A牵头，省B配合，
    2028年9月底前完成。): each item of the run (the items of its level back to the heading above them)
    takes the line's roles and deadline, unless it names units of its own; the heading that was a
    task only for the line is none. Returns the tasks kept."""
    # (以上任务由省有关部门按职责分工负责，持续推进: a line naming no unit still dates its items, tasks
    # with no lead)
    lines = [
        (m, anns, deadlines)
        for m in _after_items_re().finditer(text)
        for anns, deadlines in [
            (find_annotations(m["clause"], m.start("clause")), find_deadlines(m["clause"], year))
        ]
        if anns or deadlines
    ]
    if not lines:
        return tasks
    spans = [(m.start(), m.end()) for m, _, _ in lines]
    given: list[RawTask] = []
    for m, anns, deadlines in lines:
        items = _run_above(blocks, m.start(), spans)
        shifted(deadlines, m.start("clause"))
        for block in items:
            task = _task_at(tasks, text, block.start) or _task_of(blocks, block, year)
            if any(m.start() > x.start or x.start >= m.end() for ms in task.roles.values() for x in ms):
                continue  # (an item naming its own units keeps them)
            roles_from(anns, first_is_lead.governs(m.start()), task)
            if deadlines:
                task.deadline, task.other_deadlines = deadlines[0], deadlines[1:]
            task.text = _without_lines(task.text, [m.group().strip()])
            if task not in tasks:
                tasks.append(task)
            given.append(task)
    if not given:
        return tasks
    kept = [t for t in tasks if any(t is g for g in given) or not _held_only_by(t, spans)]
    return sorted(kept, key=lambda t: t.start)


@cache
def _after_items_re() -> re.Pattern[str]:
    """A line opening with words that point back at the items above it (以上任务, 上述各项工作)."""
    pointers = alternation(role_vocab().items_above)
    return re.compile(rf"^[ \t\u3000]*(?:{pointers})[ \t\u3000]*(?:均)?(?P<clause>[^\n]+)$", re.MULTILINE)


def _run_above(blocks: list[Block], at: int, spans: list[tuple[int, int]]) -> list[Block]:
    """The items right above ``at`` at the level of the last one, back to the heading over them or to
    the line before that assigns another run."""
    numbered = [b for b in blocks if b.start < at and b.level != 99 and b.region == "body"]
    if not numbered:
        return []
    level, parent = numbered[-1].level, numbered[-1].parent
    run: list[Block] = []
    for block in reversed(numbered):
        if (
            block.level < level
            or block.parent != parent
            or any(block.start < e <= at for _, e in spans if e < at)
        ):
            break
        if block.level == level:
            run.append(block)
    return run[::-1]


def roles_by_number(
    tasks: list[RawTask],
    blocks: list[Block],
    tables: list[Table],
    text: str,
    year: int | None,
    first_is_lead: FirstIsLead,
) -> list[RawTask]:
    """Where a section gives the tasks by their numbers (第1项：市A牵头，市B配合，2028年11月底前完成), an
    annex table does (任务编号 | 牵头司局 | 配合司局 | 完成时限, no task column), or an annex written unit by
    unit names them (国家发展改革委：牵头开展X（第一项）；配合商务部做好Y（第四项）), the item the body
    numbers so takes those roles and deadline; the lines are no tasks. Only items that name no unit of
    their own take them, and only where each number is one item's: an item of the body that was no
    task for want of units becomes one."""
    lines = _numbered_lines(text, year, first_is_lead)
    # (第1项 names item 1.; 第一项 and 第（一）项 name item （一）)
    arabic = [g for g, digits in lines if digits] + _numbered_rows(tables, year, first_is_lead)
    chinese = [g for g, digits in lines if not digits] + _unit_clauses(text, first_is_lead)
    notes = _footnotes(text, year, first_is_lead)
    if not arabic and not chinese and not notes:
        return tasks
    spans = [(g.start, g.end) for g in [*arabic, *chinese, *notes]]
    given: set[int] = set()
    for givers, styles in (
        (arabic, (_ARABIC_ITEM,)),
        (chinese, (_CHINESE_ITEM, _CHINESE_DUN_ITEM)),
        (notes, (None,)),
    ):
        if not givers:
            continue
        # (第一项 names item （一）, or item 一、: the numbering that holds more of the numbers named)
        first = min(g.start for g in givers)
        named = {n for g in givers for n in g.numbers}
        readings = [
            _items_by_number(tasks, blocks, text, year, style, first)
            if style is not None
            else _items_by_mark(tasks, blocks, text, year, first)
            for style in styles
        ]
        by_number = max(readings, key=lambda items: sum(len(items.get(n, [])) == 1 for n in named))
        for number, lists, evidence, deadlines, declared in _merged(givers):
            target = by_number.get(number, [])
            if len(target) != 1 or any(target[0].roles.values()):
                continue
            task = target[0]
            if task not in tasks:
                tasks.append(task)
            task.roles = assign_role_lists(lists, declared)
            for mentions in task.roles.values():
                for x in mentions:
                    task.evidence[x.start] = evidence
            if deadlines:
                # (the division line is the document's word on when the task is due; a date inside
                # the task's description, 2000年底前建成的小区, is not)
                task.deadline, task.other_deadlines = deadlines[0], deadlines[1:]
            given.add(id(task))
    given |= _given_by_title([g for g in chinese if g.titles], tasks)
    if not given:
        return tasks
    kept = [t for t in tasks if id(t) in given or not (_inside(t.start, spans) or _held_only_by(t, spans))]
    return sorted(kept, key=lambda t: t.start)


def _given_by_title(givers: list[_Given], tasks: list[RawTask]) -> set[int]:
    """The roles an annex written unit by unit gives the tasks it names by title (省民政厅：牵头负责
    “扩大老年助餐服务供给”工作): each task of that title before the annex, naming no unit of its own,
    takes every unit's clause; the ids of the tasks given roles."""
    if not givers:
        return set()
    first = min(g.start for g in givers)
    by_title: dict[str, list[RawTask]] = {}
    for task in tasks:
        if task.start < first:
            by_title.setdefault(task.title, []).append(task)
    merged: dict[str, tuple[list[RoleList], list[str], bool]] = {}
    for g in givers:
        for title in g.titles:
            lists, evidence, declared = merged.setdefault(title, ([], [], False))
            lists.extend(g.lists)
            evidence.append(g.evidence)
            merged[title] = (lists, evidence, declared or g.declared)
    out: set[int] = set()
    for title, (lists, evidence, declared) in merged.items():
        target = by_title.get(title, [])
        if len(target) != 1 or any(target[0].roles.values()):
            continue
        task = target[0]
        task.roles = assign_role_lists(lists, declared)
        said = "；".join(dict.fromkeys(evidence))
        for mentions in task.roles.values():
            for x in mentions:
                task.evidence[x.start] = said
        out.add(id(task))
    return out


#: An item's number: 1. / 12、 (Arabic), or （一） (Chinese, in brackets) that 第一项 names.
_ARABIC_ITEM = ITEM_NUMBER
_CHINESE_ITEM = re.compile(r"[ \t\u3000]*[（(]([一二三四五六七八九十]{1,3})[）)]")
_CHINESE_DUN_ITEM = re.compile(r"[ \t\u3000]*([一二三四五六七八九十]{1,3})[、．]")


def _items_by_number(
    tasks: list[RawTask],
    blocks: list[Block],
    text: str,
    year: int | None,
    style: re.Pattern[str],
    before: int,
) -> dict[int, list[RawTask]]:
    """The body's items before ``before`` by the number ``style`` reads at their start: its tasks,
    and an item that was no task (for want of units) as one."""
    by_number: dict[int, list[RawTask]] = {}
    for task in tasks:
        n = _number_at(style, text, task.start)
        if n is not None and task.start < before:
            by_number.setdefault(n, []).append(task)
    items: dict[int, list[Block]] = {}
    for block in blocks:
        n = _number_at(style, text, block.start)
        if n is not None and block.start < before:
            items.setdefault(n, []).append(block)
    for number, written in items.items():
        if number not in by_number and len(written) == 1:
            by_number[number] = [_task_of(blocks, written[0], year)]
    return by_number


def _items_by_mark(
    tasks: list[RawTask], blocks: list[Block], text: str, year: int | None, before: int
) -> dict[int, list[RawTask]]:
    """The body's items before ``before`` by the note mark closing their title (推进X①。: 1): its
    tasks, and an item that was no task (for want of units) as one."""
    by_number: dict[int, list[RawTask]] = {}
    for block in blocks:
        if block.start >= before or block.level == 99:
            continue
        m = _title_mark().search(block.heading)
        if m is None:
            continue
        task = _task_at(tasks, text, block.start) or _task_of(blocks, block, year)
        by_number.setdefault(circled().index(m["mark"]) + 1, []).append(task)
    return by_number


@cache
def _title_mark() -> re.Pattern[str]:
    """A note's circled number closing a title (推进海上风电规模化开发①。)."""
    return re.compile(rf"(?<=[\u4e00-\u9fff”）)])(?P<mark>[{re.escape(circled())}])(?=[。，；;,（(\s]|$)")


def _footnotes(text: str, year: int | None, first_is_lead: FirstIsLead) -> list[_Given]:
    """Notes after the body that give the units of the items whose titles carry their circled numbers
    (推进X① … ①省A牵头，省B配合，2028年6月底前完成。), when there are several such lines."""
    found = list(_note_line().finditer(text))
    if len(found) < _NUMBERED_LINES:
        return []
    given = [_line_given(m, [circled().index(m["mark"]) + 1], year, first_is_lead) for m in found]
    return [g for g in given if g is not None]


def _line_given(
    m: re.Match[str], numbers: list[int], year: int | None, first_is_lead: FirstIsLead
) -> _Given | None:
    """What a line giving tasks by number or mark gives them: the units and the deadline of its
    ``clause``; None where it names neither (a line naming no unit still makes its item a task, with
    no lead and the line's deadline: 第（十二）项由有关司局按职责分工落实，长期坚持)."""
    anns = find_annotations(m["clause"], m.start("clause"))
    deadlines = find_deadlines(m["clause"], year)
    if not anns and not deadlines:
        return None
    declared = first_is_lead.governs(m.start("clause")) or any(a.first_is_lead for a in anns)
    lists = [rl for a in anns for rl in a.lists]
    return _Given(numbers, lists, declared, compact(m.group().strip()), deadlines, m.start(), m.end())


@cache
def _note_line() -> re.Pattern[str]:
    """A line opening with a circled number, then the units of its note."""
    return re.compile(
        rf"^[ \t\u3000]*(?P<mark>[{re.escape(circled())}])[ \t\u3000]*(?P<clause>[^\n]+)$", re.MULTILINE
    )


def _number_at(style: re.Pattern[str], text: str, at: int) -> int | None:
    m = style.match(text, at)
    if m is None:
        return None
    return int(m.group(1)) if m.group(1).isdigit() else cn_number(m.group(1))


def _merged(givers: list[_Given]) -> list[tuple[int, list[RoleList], str, list[Found], bool]]:
    """Each number's lists, evidence, deadlines and declaration, from every giver naming it (a
    unit-by-unit annex names one task in several units' lines)."""
    out: dict[int, tuple[list[RoleList], list[str], list[Found], bool]] = {}
    for g in givers:
        for n in g.numbers:
            lists, evidence, deadlines, declared = out.setdefault(n, ([], [], [], False))
            lists.extend(g.lists)
            evidence.append(g.evidence)
            out[n] = (lists, evidence, deadlines or g.deadlines, declared or g.declared)
    return [(n, lists, "；".join(dict.fromkeys(ev)), dl, d) for n, (lists, ev, dl, d) in out.items()]


#: A line of a unit-by-unit annex: the body's name, a colon, its clauses naming tasks by number.
_CN = "[一二三四五六七八九十]{1,3}"
_UNIT_LINE = re.compile(
    rf"^[ \t\u3000]*(?P<unit>[^：:\n，,。；;（(]{{2,30}})[：:](?P<clauses>[^\n]*第{_CN}(?:[、和及至]{_CN})*项[^\n]*)$",
    re.M,
)
#: A line of such an annex naming the tasks by their titles in quotes (省民政厅：牵头负责“扩大老年助餐服务
#: 供给”“发展社区嵌入式养老服务”工作；配合做好“推进X”工作).
_UNIT_TITLE_LINE = re.compile(
    r"^[ \t\u3000]*(?P<unit>[^：:\n，,。；;（(“”]{2,30})[：:](?P<clauses>[^\n]*“[^”\n]{2,40}”[^\n]*)$", re.M
)
_QUOTED_TITLE = re.compile(r"“([^”\n]{2,40})”")
#: Tasks named by number in a clause: after the work (（第三项）), or as what it does
#: (牵头负责第一、三、十一项任务).
_TASK_REF = re.compile(rf"第(?P<n>{_CN}(?:[、和及至]{_CN})*)项")


def _unit_clauses(text: str, first_is_lead: FirstIsLead) -> list[_Given]:
    """The clauses of an annex written unit by unit, each naming the tasks it speaks of by number:
    牵头 (or the unit alone before its work) leads, 会同B leads with B as partners, 配合 cooperates,
    按职责分工 is responsible. Read where two lines or more are such."""
    found = {m.start(): m for pattern in (_UNIT_LINE, _UNIT_TITLE_LINE) for m in pattern.finditer(text)}
    lines = [m for _, m in sorted(found.items()) if looks_like_unit(clean(m["unit"]))]
    if len(lines) < _NUMBERED_LINES:
        return []
    v = role_vocab()
    out = []
    for m in lines:
        unit = parse_list(m["unit"], m.start("unit"))
        if len(unit) != 1:
            continue
        base = m.start("clauses")
        for clause, start, _end in split_top(m["clauses"], "；;，,"):
            numbers = [n for r in _TASK_REF.finditer(clause) for n in task_numbers(r["n"]) if n]
            titles = _QUOTED_TITLE.findall(clause) if not numbers else []
            words = clause.strip()
            if not numbers and not titles:
                continue
            lists: list[RoleList]
            if words.startswith(tuple(v.with_words)):
                word = next(w for w in v.with_words if words.startswith(w))
                at = clause.find(word) + len(word)
                cut = partner_list_end(clause[at:])
                partners = parse_list(clause[at : at + cut], base + start + at) if cut > 0 else []
                lists = [RoleList("lead", unit), RoleList("cooperate", partners)]
            elif words.startswith(tuple(v.partner_words)):
                lists = [RoleList("cooperate", unit)]
            elif words.startswith(tuple(w for w, r in v.verbs.items() if r == "lead")):
                lists = [RoleList("lead", unit)]
            else:
                lists = [RoleList("responsible", unit)]
            evidence = compact(f"{m['unit']}：{words}")
            declared = first_is_lead.governs(base)
            out.append(_Given(numbers, lists, declared, evidence, [], m.start(), m.end(), titles))
    return out


def _numbered_lines(text: str, year: int | None, first_is_lead: FirstIsLead) -> list[tuple[_Given, bool]]:
    """The lines of a section giving tasks by number (第1项：…), when there are several, each with
    whether it writes its numbers in digits."""
    found = list(_NUMBERED.finditer(text))
    if len(found) < _NUMBERED_LINES:
        return []
    out = []
    for m in found:
        given = _line_given(m, task_numbers(m["numbers"]), year, first_is_lead)
        if given is not None:
            out.append((given, m["numbers"][:1].isdigit()))
    return out


def _numbered_rows(tables: list[Table], year: int | None, first_is_lead: FirstIsLead) -> list[_Given]:
    """The rows of a table of task numbers and units alone (任务编号 | 牵头司局 | 配合司局 | 完成时限)."""
    out = []
    for table in tables:
        if "seq" not in table.columns or not set(table.columns) <= _NUMBER_TABLE_COLUMNS:
            continue
        for row in table.rows:
            seq = row.cells.get("seq")
            if seq is None or not seq.text.strip().isdigit():
                continue
            lists = [
                RoleList(kind, mentions)
                for kind, cell in row.unit_cells()
                if (mentions := parse_list(cell.text, cell.start))
            ]
            when = row.cells.get("deadline")
            deadlines = shifted(find_deadlines(when.text, year), when.start) if when is not None else []
            if lists:
                declared = first_is_lead.governs(row.start)
                out.append(
                    _Given([int(seq.text)], lists, declared, compact(row.line), deadlines, row.start, row.end)
                )
    return out


#: The columns of a table that gives units by task number and nothing of the task itself.
_NUMBER_TABLE_COLUMNS = frozenset({"seq", "lead", "cooperate", "responsible", "deadline"})


def _task_of(blocks: list[Block], block: Block, year: int | None) -> RawTask:
    """A numbered item of the outline as a task (one that was none for want of units), dated by
    its words as any item is."""
    path = path_of(blocks, block)
    words = compact(strip_marker(block.text, block))
    task = RawTask(path, compact(path[-1]), words, block.start, block.end)
    found = find_deadlines(words, year)
    if found:
        task.deadline, task.other_deadlines = found[0], found[1:]
    return task


def _item_task(blocks: list[Block], text: str, position: int, year: int | None) -> RawTask | None:
    """A task of the numbered item whose line's words start at ``position``, else None."""
    block = next((b for b in blocks if b.start <= position and not text[b.start : position].strip()), None)
    line_end = text.find("\n", position)
    if block is None or heading_of(text[position : line_end if line_end >= 0 else len(text)].strip()) is None:
        return None
    return _task_of(blocks, block, year)


def _without_lines(words: str, lines: list[str]) -> str:
    """A task's words without the bracket lines of the items below it, which its block ran over."""
    for line in lines:
        words = words.replace(compact(line), "")
    return words.strip()


class _Line(NamedTuple):
    """A line that is one bracket and nothing else: where the bracket stands, and its words."""

    start: int
    end: int
    words: str


def _bracket_lines(text: str) -> list[_Line]:
    """Lines that are one bracket and nothing else (its inner brackets kept: 【责任单位：各县（市、区）
    人民政府】)."""
    out = []
    for m in _BRACKET_START.finditer(text):
        open_at = m.end() - 1
        line_end = text.find("\n", open_at)
        line_end = len(text) if line_end < 0 else line_end
        close = matching_close(text, open_at)
        if close < line_end and not text[close + 1 : line_end].strip():
            out.append(_Line(open_at, close + 1, text[open_at : close + 1]))
    return out


def _next_line(text: str, end: int) -> int:
    """Where the line after the one ending at ``end`` starts (blank lines skipped)."""
    at = end
    while at < len(text) and text[at] in "\n \t\u3000":
        at += 1
    return at


def _previous_line(text: str, start: int) -> int:
    """Where the words of the last non-blank line before ``start`` start (its indent skipped), else -1."""
    at = start - 1
    while at >= 0 and text[at] in "\n \t\u3000":
        at -= 1
    if at < 0:
        return -1
    return _next_line(text, text.rfind("\n", 0, at + 1) + 1)


def _task_at(tasks: list[RawTask], text: str, position: int) -> RawTask | None:
    """The task that starts at ``position``, the words of a line (or at the line's indent), else None."""
    return next((t for t in tasks if t.start <= position and not text[t.start : position].strip()), None)


def _level(task: RawTask, text: str) -> int | None:
    """The outline level of the number ``task``'s first line opens with, else None."""
    line_end = text.find("\n", task.start)
    heading = heading_of(text[task.start : line_end if line_end >= 0 else len(text)].strip())
    return heading[0] if heading is not None else None


def _item_at(tasks: list[RawTask], text: str, position: int, level: int | None) -> bool:
    """Whether ``position`` lies inside a task numbered at ``level`` (an item, not a section over it)."""
    if position < 0 or level is None:
        return False
    return any(t.start <= position < t.end and _level(t, text) == level for t in tasks)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def _without_mentions_in(task: RawTask, spans: list[tuple[int, int]]) -> bool:
    """Drop from ``task`` the units named inside ``spans``; whether it held any."""
    held = False
    for role, mentions in task.roles.items():
        kept = [m for m in mentions if not _inside(m.start, spans)]
        held = held or len(kept) < len(mentions)
        task.roles[role] = kept
    # (their evidence too: a state the line gives is the item's below, not this task's)
    task.evidence = {at: words for at, words in task.evidence.items() if not _inside(at, spans)}
    return held


def _held_only_by(task: RawTask, spans: list[tuple[int, int]]) -> bool:
    """Whether every unit ``task`` names stands inside ``spans`` (a heading over the lines that took
    their units from them: 四、任务分工 read with the first line's)."""
    mentions = [m for ms in task.roles.values() for m in ms]
    return bool(mentions) and all(_inside(m.start, spans) for m in mentions)
