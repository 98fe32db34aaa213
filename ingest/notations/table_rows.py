"""The table reader: one task per row of a task-division table (``ingest/tables.py`` finds the
tables by structure), roles from its unit columns through the one role function."""

from __future__ import annotations

import re

from fengong.ingest.deadlines import find_deadlines, milestones, parse_deadline_cell
from fengong.ingest.notations.blocks import FirstIsLead
from fengong.ingest.notations.brackets import depth_at
from fengong.ingest.notations.clauses import comma_parted
from fengong.ingest.notations.registry import find_in_cell
from fengong.ingest.notations.roles import RoleList, assign_roles
from fengong.ingest.outline import item_number
from fengong.ingest.roster import names_in
from fengong.ingest.status import (
    done_flag_status,
    done_word,
    lag_flag_status,
    matrix_marks,
    opening_status,
    schedule_state,
    state_of,
    tick_marks,
)
from fengong.ingest.tables import PAIR, STATE_MARK, UNIT_MARK, Row, Table, pair_halves
from fengong.ingest.tasks import RawTask, compact
from fengong.ingest.units import Mention, parse_list

#: Characters a cell's words before its colon have at most to be the task's title.
_TITLE_BEFORE_COLON = 30


def read_table(table: Table, year: int | None, first_is_lead: FirstIsLead) -> list[RawTask]:
    """One task per table row, roles from its unit columns."""
    group_rows: dict[str, int] = {}
    for row in table.rows:
        g = row.get("group")
        group_rows[g] = group_rows.get(g, 0) + 1
    tasks = []
    for row in table.rows:
        content = _unnumbered(compact(row.get("content")))
        group = _unnumbered(compact(row.get("group")))
        category = compact(row.get("category")) or None
        problem = compact(row.get("problem"))
        if not content and not group and not problem:
            continue
        first_sentence = content.split("。")[0].rstrip("；;，,") if content else ""
        by_problem = bool(problem) and not group and not _titles_row(first_sentence)
        if by_problem:
            group = problem  # (问题 | 整改措施: a measure written as sentences is no title; the problem is)
        # a task cell of several sentences (实施农村公路提质工程。新改建农村公路300公里) is titled by its
        # first, as a heading is; the cell is the task's text
        title = (
            group.split("。")[0]
            if group and (by_problem or group_rows.get(row.get("group"), 0) == 1 or not content)
            else first_sentence
        ).rstrip("。；;，,")
        # a task cell "建设产业集群核心区：推进田心片区…" is titled by the words before its colon (not
        # a colon inside a bracket: 实施老旧小区改造（时限：2027年11月底前）)
        head, colon, rest = title.partition("：")
        if colon and rest and 2 <= len(head) <= _TITLE_BEFORE_COLON and not depth_at(title, len(head)):
            title = head
        title = _without_deadline_bracket(title, year)
        path = [p for p in (category, group) if p]
        if path and path[-1] == group and group != title and group.startswith(title):
            path[-1] = title  # the cell titled by its words before the colon
        if title and (not path or path[-1] != title):
            path.append(title)
        task = RawTask(path, title, content or group, row.start, row.end, category=category)
        cell = row.cells.get("deadline")
        dated = milestones(cell.text, year) if cell else []
        if cell and dated:
            # 3月底前完成X；6月底前完成Y；12月底前完成Z: the last milestone is the task's deadline
            task.deadline, task.other_deadlines = dated[-1], dated[:-1]
            for found_at in dated:
                d = found_at.deadline
                if d.start is not None:
                    d.start, d.end = cell.start + d.start, cell.start + (d.end or d.start)
        elif cell:
            found = parse_deadline_cell(cell.text, year)
            if found and found.deadline.start is not None:
                d = found.deadline
                d.start, d.end = cell.start, cell.end
            task.deadline = found
        if task.deadline is None and "deadline" not in table.columns:
            # no deadline column: the one the task's own words give (…，2028年底前基本实现全覆盖), or
            # its unit cell (责任单位及完成时限: 省A牵头，省B配合，2028年底前完成)
            units_text = "；".join(c.text for _, c in row.unit_cells())
            # (or a remark beside it: 备注 完成时限2028年11月底 / 原定2028年2月底完成)
            notes = "；".join([row.get("other"), *(c.text for kind, c in row.extra if kind == "other")])
            found_in_text = (
                find_deadlines(content or group, year)
                or find_deadlines(units_text, year)
                or find_deadlines(notes, year)
            )
            if found_in_text:
                task.deadline, task.other_deadlines = found_in_text[0], found_in_text[1:]
        # a progress report's columns: what was done, and the state in a column of its own
        # (a share done where no column says more: 20%, beside a yes-or-no schedule column's state)
        task.progress = compact(row.get("progress")) or compact(row.get("share")) or None
        task.people = [(name, label) for label, cell in row.people for name in names_in(cell.text)]
        # a second progress column (进展情况 | 完成情况) is the state's when it says one
        # (二季度进展 after 一季度进展 is the later account, no state)
        # (一季度进展 | 二季度进展 | 完成情况: the last account that is or opens with a state word)
        second = next(
            (
                c.text
                for kind, c in reversed(row.extra)
                if kind == "progress" and (state_of(compact(c.text)) or opening_status(compact(c.text)))
            ),
            "",
        )
        flag = done_flag_status(compact(row.get("done_flag"))) or _completed(row.get("completed"), year)
        # (是否完成：否 beside 进展：滞后。…: the account's own state says more than "not done")
        opened = opening_status(task.progress) if flag and state_of(flag) != "done" else None
        # (a share of 100% is done whatever light or pace word stands beside it: 100% | 绿灯; a state
        # column's own done word stays the state: 100% | 已完成)
        done_share = _share(row.get("share")) if state_of(_share(row.get("share"))) == "done" else None
        if state_of(compact(row.get("state"))) == "done":
            done_share = None
        # (a 完成情况 cell that is a state word alone, 基本完成, beside a rating column, 评价：较好)
        worded = _without_note(compact(row.get("progress")))
        worded = worded if len(worded) <= _STATE_WORD_MAX and state_of(worded) else ""
        task.status = (
            done_share
            or worded
            or compact(row.get("state"))
            or compact(second)
            or _noted_state(row)
            or _ticked_state(row)
            or opened
            or flag
            or schedule_state(compact(row.get("schedule_flag")) or None, None, _share(row.get("share")))
            or None
        )
        lag = lag_flag_status(compact(row.get("lag_flag")))
        if lag and state_of(task.status) != "done":
            # (已完成90% | 是否滞后：是: behind, its share done kept as its progress)
            task.progress = task.progress or task.status
            task.status = lag
        # (a 牵头单位 column left empty, 牵头单位：—, states no lead: the first of its 责任单位 is none)
        leads_first = first_is_lead.governs(row.start) and not (
            "lead" in table.columns and not row.get("lead")
        )
        _row_roles(row, leads_first, task, first_is_lead.rest_cooperate, first_is_lead.separator)
        if table.marks or any(c.startswith(UNIT_MARK) for c in table.columns):
            _marked_roles(row, table.marks, task, first_is_lead.governs(row.start))
        tasks.append(task)
    return tasks


def _marked_roles(row: Row, marks: dict[str, str], task: RawTask, first_is_lead: bool) -> None:
    """A responsibility matrix's row: each unit column's sign gives its unit the role the legend
    gives the sign (● under 市财政局: a lead); a sign no legend explains makes the unit responsible.
    The unit is named by its column's header, found where the sign stands."""
    lists: list[RoleList] = []
    evidence = compact(" | ".join(c.text for c in row.cells.values()))
    for kind, cell in [*row.cells.items(), *row.extra]:
        sign = cell.text.strip()
        if not kind.startswith(UNIT_MARK) or sign not in matrix_marks():
            continue
        name = kind[len(UNIT_MARK) :]
        lists.append(RoleList(marks.get(sign, "responsible"), [Mention(name, name, cell.start, cell.end)]))
        task.evidence[cell.start] = evidence
    if lists:
        task.roles = assign_roles(lists, first_is_lead)


#: A cell's closing note in brackets (已办结（A类）: the state, then its grade).
_CLOSING_NOTE = re.compile(r"[（(][^（）()]{1,12}[）)]$")


def _without_note(cell: str) -> str:
    """A state cell without the note in brackets closing it (已办结（A类） -> 已办结), where what is
    left is a state word; else the cell as it is."""
    m = _CLOSING_NOTE.search(cell)
    return cell[: m.start()] if m and m.start() > 0 and state_of(cell[: m.start()]) else cell


def _completed(cell: str, year: int | None) -> str | None:
    """A 实际完成时间 cell holding a date as the done word (已完成); ``None`` for "—" or no date."""
    found = parse_deadline_cell(compact(cell), year) if cell else None
    return done_word() if found is not None and found.deadline.date else None


def _noted_state(row: Row) -> str | None:
    """A state word alone in a column of notes (备注：滞后), where a report's note says it gives the
    state there: the word, else ``None``."""
    words = [compact(c.text) for kind, c in [*row.cells.items(), *row.extra] if kind == "other"]
    return next((w for w in words if len(w) <= _STATE_WORD_MAX and state_of(w)), None)


#: A state written alone is a short word (已完成, 正常推进, 滞后); a longer note is an account.
_STATE_WORD_MAX = 6


#: A cell's own item number (1.建设… / 2.1 推进… / （三）…), when the row has no 序号 of its own.
_ITEM_NUMBER = re.compile(rf"^{item_number()}[ \t\u3000]*")


#: A bracket closing a task cell, and the words in it besides a deadline that still make it one
#: (（2027年12月底前完成）, （完成时限：2028年6月底前）).
_CLOSING_BRACKET = re.compile(r"[（(]([^（）()]{2,50})[）)]$")
_DEADLINE_RESIDUE = 5
#: A bracket holding only a quantified target (新增学位4500个, 改造8家, 加装200台): no part of a name.
_TARGET_ONLY = re.compile(r"[\u4e00-\u9fff]{0,12}[0-9０-９][0-9０-９.,，]*(?:万|亿)?[\u4e00-\u9fff%]{1,3}")


def _without_deadline_bracket(title: str, year: int | None) -> str:
    """A task cell's title without the bracket closing it that holds only its deadline
    (企业开办全程网办（2027年12月底前）, 压缩货物通关时间（长期坚持）): the deadline is read from the
    cell, and the bracket is no part of the task's name."""
    m = _CLOSING_BRACKET.search(title)
    if m is None or m.start() < 2:
        return title
    # (推进高标准农田建设（新建高标准农田4.2万亩，2027年10月底前完成）: the year's target, then the
    # deadline; a report's note says the bracket holds them)
    *targets, inner = re.split("[，,；;]", m.group(1))
    if not all(re.search("[0-9０-９]", t) for t in targets):
        return title
    if not targets and _TARGET_ONLY.fullmatch(inner):
        return title[: m.start()].rstrip()  # 新建改扩建中小学和幼儿园（新增学位4500个）: the year's target
    found = find_deadlines(inner, year)
    covered = sum((f.deadline.end or 0) - (f.deadline.start or 0) for f in found)
    return title[: m.start()].rstrip() if found and len(inner) - covered <= _DEADLINE_RESIDUE else title


#: The longest rectification measure that titles its row (开展煤矿水害隐患专项排查).
_MEASURE_TITLE = 25


def _titles_row(sentence: str) -> bool:
    """Whether a measure's first sentence is a title: short, one clause."""
    return bool(sentence) and len(sentence) <= _MEASURE_TITLE and not re.search("[，,；;]", sentence)


def _unnumbered(cell: str) -> str:
    """A task cell without the item number it opens with (1.建设光电子芯片中试平台)."""
    m = _ITEM_NUMBER.match(cell)
    return cell[m.end() :] if m and len(cell) - m.end() >= 2 else cell


def _ticked_state(row: Row) -> str | None:
    """The state whose column holds the row's tick (已完成 | 推进中 | 未启动 with a √ under one)."""
    ticks = tick_marks()
    return next(
        (
            k[len(STATE_MARK) :]
            for k, c in row.cells.items()
            if k.startswith(STATE_MARK) and c.text.strip() in ticks
        ),
        None,
    )


def _share(cell: str) -> str | None:
    """A share-done cell (85%) as the state word it is (``state_of``: 100% done, less in progress)."""
    share = compact(cell)
    return share if share and state_of(share) is not None else None


def _row_roles(
    row: Row, first_is_lead: bool, task: RawTask, rest_cooperate: bool = False, separator: str = ""
) -> None:
    """The row's unit cells as role lists (a cell that labels its own lists gives those), read by
    the one role function: an empty 牵头单位 cell invents no lead; under a declared separator (分号前
    为牵头单位) a 责任单位 cell's units before it lead, those after it cooperate."""
    lists: list[RoleList] = []
    evidence = compact(" | ".join(c.text for c in row.cells.values()))
    for kind, cell in row.unit_cells():
        inner = find_in_cell(cell.text, cell.start)
        if inner:
            # A unit cell that labels its own lists ("牵头单位：A；配合单位：B") says the roles itself.
            found = [rl for a in inner for rl in a.lists]
        elif (
            separator
            and kind == "responsible"
            and (parted := comma_parted(cell.text, cell.start, parse_list(cell.text, cell.start), separator))
        ):
            found = parted
        else:
            kinds = kind.split(PAIR)
            halves = pair_halves(cell.text) if len(kinds) > 1 else [(cell.text, 0)]
            found = [
                RoleList(role, parse_list(half, cell.start + at))
                for role, (half, at) in zip(kinds, halves, strict=False)
            ]
            if len(kinds) > 1 and len(halves) == 1 and len(found[0].mentions) > 1:
                # (牵头单位/配合单位 "市A、市B、市C" with no slash: none is said to lead, all carry it)
                found = [RoleList("responsible", found[0].mentions)]
        lists.extend(found)
        for rl in found:
            for m in rl.mentions:
                task.evidence[m.start] = evidence
    task.roles = assign_roles(lists, first_is_lead, rest_cooperate)
