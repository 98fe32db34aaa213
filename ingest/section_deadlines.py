"""Deadlines a document gives its tasks outside their own words: a line naming a part of the year
over a group of tasks (一季度 over 1. 2. 3.), and an annex table of tasks' names and deadlines alone
(附件：重点任务完成时限表), and a phrase the document defines once (本方案所称“2028年汛期前”，指2028年5月31日
前), or a schedule naming tasks by number (2027年第四季度：完成第1、6、9项任务), or the body's item of a
task a table assigns. Each dates only the tasks that give no date of their own."""

from __future__ import annotations

import re

from fengong.ingest.deadlines import Found, find_deadlines
from fengong.ingest.model import Deadline
from fengong.ingest.outline import Line, item_number
from fengong.ingest.tables import Cell, Table
from fengong.ingest.targets import cn_number
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
            shifted(found, cell.start)
            task.deadline, task.other_deadlines = found[0], found[1:]


def deadlines_by_body(rows: list[RawTask], body: list[RawTask]) -> None:
    """A table that assigns the tasks the body describes (三、责任分工 … 见下表) without dating them:
    a row's task without a deadline takes the one the body's item of the same title gives
    (（一）开展城市体检评估。…2028年9月底前完成。)."""
    dated = {title_key(t.title): t for t in body if t.deadline is not None}
    for task in rows:
        item = dated.get(title_key(task.title)) if task.deadline is None else None
        if item is not None:
            task.deadline, task.other_deadlines = item.deadline, list(item.other_deadlines)


def _number(written: str) -> int | None:
    """An item's number written in digits or Chinese numerals (12, 十二); None when neither."""
    if written.isdigit():
        return int(written)
    return cn_number(written) if written else None


def shifted(found: list[Found], start: int) -> list[Found]:
    """Deadlines read in a cell, placed in the document (the cell starts at ``start``)."""
    for f in found:
        if f.deadline.start is not None and f.deadline.end is not None:
            f.deadline.start, f.deadline.end = f.deadline.start + start, f.deadline.end + start
    return found


#: A line that is a part of a year alone, heading the tasks below it (一季度, 2028年上半年, 全年持续推进).
_PERIOD_LINE = re.compile(
    # (or a heading so numbered and naming its tasks: 一、第一季度任务 / （二）二季度重点工作)
    rf"(?:{item_number()}[ \t\u3000]*)?"
    r"(?:(?:19|20)\d{2}年)?(?:第?[一二三四1-4]季度|[上下]半年|全年持续推进|全年|\d{1,2}月份?)"
    r"(?:(?:重点)?(?:任务|工作))?[：:]?"
)


def deadlines_by_period_lines(tasks: list[RawTask], lines: list[Line], text: str, year: int | None) -> None:
    """Tasks grouped under a line that is a part of the year (一季度 over 1. 2. 3.; 所列任务须在所属季度
    内完成) and giving no deadline of their own are due as that line says: by its end. A task's block
    runs on to the next numbered item, over the next such line: a deadline read there is the next
    group's, not the task's."""
    marks = [ln for ln in lines if _PERIOD_LINE.fullmatch(ln.text)]
    # (a timeline: lines that are a deadline and a colon alone, 2028年9月底前： over the items due by then)
    dated = [ln for ln in lines if _deadline_line(ln.text, year)]
    if len(dated) >= _TIMELINE_LINES:
        marks = sorted([*marks, *dated], key=lambda ln: ln.start)
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


#: How many lines that are a deadline alone make a timeline of them.
_TIMELINE_LINES = 2


def _deadline_line(line: str, year: int | None) -> bool:
    """Whether a line is a deadline and its colon, nothing else (2028年9月底前：, 长期坚持：)."""
    if not line.endswith(("：", ":")) or len(line) > _TIMELINE_LINE_CHARS:
        return False
    words = line[:-1].strip()
    found = find_deadlines(words, year)
    return len(found) == 1 and found[0].deadline.text == words


#: The longest line a timeline's date may be (2028年12月31日前：).
_TIMELINE_LINE_CHARS = 20


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


#: A deadline phrase the document defines: 所称“2028年汛期前”，指2028年5月31日前 (or 是指 / 即).
_DEFINED = re.compile(
    r"所称[“\"「](?P<phrase>[^”\"」\n]{2,20})[”\"」][，,]?[ \t\u3000]*(?:是指|指|即)(?P<meaning>[^；;。，,\n（(]{4,30})"
)


def deadlines_by_definition(tasks: list[RawTask], text: str, year: int | None) -> None:
    """Tasks due by a phrase the document defines once (2028年汛期前, defined as 2028年5月31日前) and
    giving no deadline of their own are due as the definition reads: the task's phrase, its date."""
    if "所称" not in text:
        return
    defined: dict[str, Deadline] = {}
    for m in _DEFINED.finditer(text):
        found = find_deadlines(m["meaning"], year)
        if found:
            defined[m["phrase"]] = found[0].deadline
    for task in tasks:
        if task.deadline is not None:
            continue
        words = text[task.start : task.end]
        hits = sorted((k, phrase) for phrase in defined if (k := words.find(phrase)) >= 0)
        if hits:
            at, phrase = hits[0]
            meaning = defined[phrase]
            start = task.start + at
            task.deadline = Found(
                Deadline(phrase, meaning.kind, meaning.date, start, start + len(phrase), meaning.until)
            )


#: A schedule line: a part of the year, then the numbers of the tasks done by then (（二）2027年第四季度：
#: 完成第1、6、9项任务).
_SCHEDULE = re.compile(
    r"^[ \t\u3000]*(?:[（(][一二三四五六七八九十]+[）)]|\d+[.．、])?[ \t\u3000]*(?P<period>[^：:\n]{2,24}?)[：:]"
    r"[ \t\u3000]*(?:完成|实现|推进完成|基本完成)?第(?P<numbers>[0-9０-９、，,和及至\-—~～]+)项",
    re.MULTILINE,
)
#: The number an item's words open with (1.推进…, 12、…).
ITEM_NUMBER = re.compile(r"[ \t\u3000|｜]*(\d{1,3})[.．、]")


def deadlines_by_schedule(tasks: list[RawTask], text: str, year: int | None) -> None:
    """Tasks a schedule names by their numbers (三、时间节点 / 2027年第四季度：完成第1、6、9项任务) are due
    by the end of the period their line names, unless their own words give a date to finish by."""
    if "项" not in text or ("：第" not in text and ":第" not in text and "完成第" not in text):
        return  # (every schedule line names its tasks 第N项 after its period's colon or 完成)
    due: dict[int, Found] = {}
    for m in _SCHEDULE.finditer(text):
        found = find_deadlines(m["period"], year)
        if not found or found[0].deadline.kind != "by":
            continue
        for number in task_numbers(m["numbers"]):
            d = found[0].deadline
            due.setdefault(
                number, Found(Deadline(d.text, d.kind, d.date, m.start("period"), m.end("period")))
            )
    if not due:
        return
    for task in tasks:
        n = ITEM_NUMBER.match(text, task.start)
        if n is None or int(n.group(1)) not in due:
            continue
        if task.deadline is None or task.deadline.deadline.kind != "by":
            task.deadline, task.other_deadlines = due[int(n.group(1))], []


def task_numbers(written: str) -> list[int]:
    """The task numbers a schedule lists (1、6、9; 3至5), in Chinese numerals too, bracketed or not
    (（一）至（三）, （六）、（七）, 三至五)."""
    out: list[int] = []
    plain = re.sub("[（）()]", "", written.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    for part in re.split("[、，,和及]", plain):
        ends = [n for x in re.split("[至到\\-—~～]", part) if (n := _number(x)) is not None]
        if len(ends) == 2 and ends[0] <= ends[1] <= ends[0] + 50:
            out.extend(range(ends[0], ends[1] + 1))
        elif len(ends) == 1:
            out.append(ends[0])
    return out
