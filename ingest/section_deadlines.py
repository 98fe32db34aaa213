"""Deadlines a document gives its tasks outside their own words: a line naming a part of the year
over a group of tasks (一季度 over 1. 2. 3.), and an annex table of tasks' names and deadlines alone
(附件：重点任务完成时限表). Each dates only the tasks that give no deadline of their own."""

from __future__ import annotations

import re

from fengong.ingest.deadlines import Found, find_deadlines
from fengong.ingest.outline import Line
from fengong.ingest.tables import Cell, Table
from fengong.ingest.tasks import RawTask, title_key


def deadlines_by_table(tasks: list[RawTask], tables: list[Table], year: int | None) -> None:
    """Tasks the body assigns and a table of names and deadlines dates (序号 | 重点任务 | 完成时限, an
    annex): a task without a deadline of its own takes the row's that names it by its title."""
    if not tables:
        return
    by_title: dict[str, tuple[Cell, list[Found]]] = {}
    for table in tables:
        for row in table.rows:
            cell = row.cells.get("deadline")
            if cell is not None and row.get("group"):
                by_title.setdefault(title_key(row.get("group")), (cell, find_deadlines(cell.text, year)))
    for task in tasks:
        hit = by_title.get(title_key(task.title)) if task.deadline is None else None
        if hit and hit[1]:
            cell, found = hit
            for f in found:
                if f.deadline.start is not None and f.deadline.end is not None:
                    f.deadline.start, f.deadline.end = (
                        f.deadline.start + cell.start,
                        f.deadline.end + cell.start,
                    )
            task.deadline, task.other_deadlines = found[0], found[1:]


#: A line that is a part of a year alone, heading the tasks below it (一季度, 2028年上半年, 全年持续推进).
_PERIOD_LINE = re.compile(
    r"(?:(?:19|20)\d{2}年)?(?:第?[一二三四1-4]季度|[上下]半年|全年持续推进|全年|\d{1,2}月份?)[：:]?"
)


def deadlines_by_period_lines(tasks: list[RawTask], lines: list[Line], text: str, year: int | None) -> None:
    """Tasks grouped under a line that is a part of the year (一季度 over 1. 2. 3.; 所列任务须在所属季度
    内完成) and giving no deadline of their own are due as that line says: by its end. A task's block
    runs on to the next numbered item, over the next such line: a deadline read there is the next
    group's, not the task's."""
    marks = [ln for ln in lines if _PERIOD_LINE.fullmatch(ln.text)]
    if not marks:
        return
    for task in tasks:
        inside = next((ln for ln in marks if task.start < ln.start < task.end), None)
        said = task.deadline.deadline.text if task.deadline is not None else ""
        if (
            inside is not None
            and said
            and said in inside.text
            and said not in text[task.start : inside.start]
        ):
            task.deadline, task.other_deadlines = None, []
        if task.deadline is not None:
            continue
        above = [ln for ln in marks if ln.end <= task.start]
        if above:
            task.deadline = _period_deadline(above[-1], year)


def _period_deadline(line: Line, year: int | None) -> Found | None:
    """The deadline a line naming a part of the year gives, read in the document's year where it
    names none (一季度: the end of March)."""
    prefix = "" if "年" in line.text or year is None else f"{year}年"
    found = find_deadlines(prefix + line.text, year)
    if not found:
        return None
    d = found[0].deadline
    if d.start is not None and d.end is not None:
        d.start, d.end = max(0, d.start - len(prefix)) + line.start, d.end - len(prefix) + line.start
    d.text = d.text[len(prefix) :] if prefix and d.text.startswith(prefix) else d.text
    return found[0]
