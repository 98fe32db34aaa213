"""Block readers: which headings' blocks are tasks, decided block by block. Each reader says
whether it reads a block (``detect``) and gives that block's tasks (``read``); the first reader in
``BLOCK_READERS`` that detects a block reads it (precedence in the package docstring)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

from fengong.ingest.deadlines import Found, find_deadlines, labelled_deadlines, planned_deadlines
from fengong.ingest.notations.heading_leads import names_lead
from fengong.ingest.notations.registry import LAST_ONLY, annotations_by_block
from fengong.ingest.notations.roles import (
    Annotation,
    declares_rest_cooperate,
    first_is_lead_at,
    lead_separator,
)
from fengong.ingest.outline import Block, enumeration_ordinal, named_below, path_of, progress_text, title_of
from fengong.ingest.tasks import (
    RawTask,
    block_text_between,
    compact,
    roles_from,
    statement_of,
    strip_marker,
    title_key,
)
from fengong.ingest.units import clean, is_generic, split_list
from fengong.ingest.vocab import alternation, role_vocab


class FirstIsLead:
    """Where a first-is-lead declaration governs: a declaration standing alone governs the whole
    document; one inside an annotation governs that annotation and every list after it."""

    def __init__(self, text: str, annotations: list[Annotation]) -> None:
        at = first_is_lead_at(text)
        # 其余为配合单位: a document-wide declaration that unmarked units cooperate
        self.rest_cooperate = declares_rest_cooperate(text)
        # 分号前为牵头单位 / 逗号前为牵头单位: what parts a table cell's lead from its partners
        self.separator = lead_separator(text)
        self.start: int | None = None
        self.text = text
        # (责任单位：A、B、C（第一个为牵头单位）on some lists, the others shared: each list says its own)
        marks = [m.start() for m in _LINE_CLOSING_BRACKET.finditer(text) if first_is_lead_at(m.group(1)) >= 0]
        self.per_list = marks if len(marks) >= _PER_LIST_MARKS else None
        if self.per_list is not None:
            self.rest_cooperate = False  # (其余单位为配合单位 then says what the marked lists' rest are)
        if at >= 0:
            holder = next((a for a in annotations if a.start <= at < a.end), None)
            self.start = holder.start if holder else 0

    def governs(self, position: int) -> bool:
        """Whether the list that starts at ``position`` is governed by a declaration."""
        if self.per_list is not None:
            end = self.text.find("\n", position)
            end = len(self.text) if end < 0 else end
            return any(position <= m < end for m in self.per_list)
        return self.start is not None and position >= self.start


#: A bracket closing its line (县A、县B（第一个为牵头单位）), and how many lists must carry one declaring
#: their first unit the lead before each list is read by its own.
_LINE_CLOSING_BRACKET = re.compile(r"[（(]([^（）()\n]{2,24})[）)][。；;]?[ \t\u3000]*$", re.MULTILINE)
_PER_LIST_MARKS = 2


_SENTENCE_END = "。；;！!？?\n"
_BETWEEN_GROUPED = set(" \t\u3000，,；;。\n")


def _groups(text: str, block: Block, annotations: list[Annotation]) -> list[list[Annotation]]:
    """The block's annotations grouped into the tasks they close: adjacent annotations (only
    punctuation between them) name one task's units; an annotation closes the sentences before it
    when a sentence or line ends right before or right after it. Annotations that close nothing
    (inside a sentence) join the next group."""
    groups: list[list[Annotation]] = []
    current: list[Annotation] = []
    for a in annotations:
        apart = current and not set(text[current[-1].end : a.start]) <= _BETWEEN_GROUPED
        if apart and _closes(text, block, current):
            groups.append(current)
            current = []
        current.append(a)
    if current:
        groups.append(current)
    return groups


def _closes_title(text: str, block: Block, group: list[Annotation]) -> bool:
    """Whether a group is one bracket right after the item's title on its heading line (3．建设驿站
    （本项由县交通运输局牵头）。): the title's words before it, no sentence."""
    line = block.lines[0]
    heading_start = line.end - len(block.heading)
    before = text[heading_start : group[0].start]
    return (
        len(group) == 1
        and group[-1].end <= line.end
        and text[group[0].start : group[0].start + 1] in "（("
        and 0 < len(before) <= _TITLE_BEFORE
        and not any(ch in before for ch in _SENTENCE_END)
    )


#: The longest title a bracket closing it on the heading line may follow.
_TITLE_BEFORE = 40


def _closes(text: str, block: Block, group: list[Annotation]) -> bool:
    before = text[block.start : group[0].start].rstrip(" \t\u3000")
    after = text[group[-1].end : block.end].lstrip(" \t\u3000")
    return not before or before[-1] in _SENTENCE_END or not after or after[0] in _SENTENCE_END


def _title(block: Block, annotations: list[Annotation]) -> str:
    """The heading's title without the annotations written on the heading line."""
    line = block.lines[0]
    heading_start = line.end - len(block.heading)
    pieces, pos = [], heading_start
    for a in annotations:
        if a.start >= line.end:
            break
        if a.end > pos:
            pieces.append(block.heading[pos - heading_start : max(pos, a.start) - heading_start])
            if a.work is not None and a.work[0] >= pos:
                # (一、A负责<work>，B配合。: the clause's work is the title)
                pieces.append(block.heading[a.work[0] - heading_start : a.work[1] - heading_start])
            pos = a.end
    pieces.append(block.heading[pos - heading_start :] if pos < line.end else "")
    title = compact(title_of("".join(pieces)))
    return named_below(title, [ln.text for ln in block.lines[1:]]) or title


def _first_clause(statement: str) -> str:
    """The title of a task that a paragraph's later annotation closes: its first clause."""
    for k, ch in enumerate(statement):
        if ch in "，,。；;：:\n":
            return statement[:k]
    return statement[:40]


@dataclass
class Context:
    """What block readers share about one document."""

    blocks: list[Block]
    year: int | None
    text: str
    notes: dict[int, list[Annotation]]  # block index -> its inline annotations
    first_is_lead: FirstIsLead
    has_tables: bool
    by_title: dict[str, Block] = field(default_factory=dict)  # body headings by title key
    claimed: set[int] = field(default_factory=set)  # body blocks an attachment names units for
    read: set[int] = field(default_factory=set)  # blocks a reader made tasks of
    read_before: set[int] = field(default_factory=set)  # ``read`` when the current pass began
    levels: set[tuple[str, int]] | None = None  # where deadline-only items may stand (see DeadlineOnly)
    levels_for: int = -1
    first_task: int = 0  # where the first task of the body starts (see DeadlineOnly)
    parents: set[int] = field(default_factory=set)
    children: dict[int, list[Block]] = field(default_factory=dict)  # a heading's blocks, in order


class BlockReader(Protocol):
    """A notation decided per block: ``detect`` says whether it reads the block, ``read`` gives the
    block's tasks."""

    name: str

    def detect(self, block: Block, ctx: Context) -> bool:
        """Whether this reader reads ``block``."""
        ...

    def read(self, block: Block, ctx: Context) -> list[RawTask]:
        """The tasks ``block`` holds."""
        ...


class ProgressReport:
    """A numbered item followed by a 落实情况 / 进展情况 paragraph: one task, deadline in the heading
    or on the item's own lines."""

    name = "progress report"

    def detect(self, block: Block, ctx: Context) -> bool:
        return block.progress_at is not None and block.level != 99

    def read(self, block: Block, ctx: Context) -> list[RawTask]:
        notes = ctx.notes[block.index]
        task = RawTask(
            path_of(ctx.blocks, block),
            _title(block, notes),  # without the annotation the heading line may end with
            compact(strip_marker(block.text, block)),
            block.start,
            block.end,
        )
        at = block.progress_at or 0
        # the paragraph may start on the label's own line ("进展情况：6月18日全部开工") or below it
        said = [progress_text(block.lines[at].text), *(ln.text for ln in block.lines[at + 1 :])]
        task.progress = compact("\n".join(t for t in said if t.strip()))
        # the heading's deadline, else one on the item's own lines above its progress (完成时限：…)
        found = find_deadlines(block.heading, ctx.year) or find_deadlines(
            statement_of(block, notes), ctx.year
        )
        # else one the account gives after a deadline label (完成进度：60%；预计完成时间：2028年9月底)
        # (or the date the account says it was first due by: 原定3月底前完成，因…)
        found = (
            found
            or _annotation_deadlines(notes, ctx.year)
            or labelled_deadlines(task.progress or "", ctx.year)
            or planned_deadlines(task.progress or "", ctx.year)
        )
        _set_deadline(task, found)
        roles_from(
            notes,
            bool(notes) and ctx.first_is_lead.governs(notes[0].start),
            task,
            ctx.first_is_lead.rest_cooperate,
        )
        return [task]


class AttachmentList:
    """An attachment's heading that repeats a body heading, with the units under it: the body's
    words are the task, the attachment's annotations its units."""

    name = "attachment list"

    def _body(self, block: Block, ctx: Context) -> Block | None:
        body = ctx.by_title.get(title_key(title_of(block.heading)))
        if body is None or ctx.notes[body.index] or body.index in ctx.claimed:
            return None
        return body

    def detect(self, block: Block, ctx: Context) -> bool:
        return block.region != "body" and bool(ctx.notes[block.index]) and self._body(block, ctx) is not None

    def read(self, block: Block, ctx: Context) -> list[RawTask]:
        body = self._body(block, ctx)
        assert body is not None  # detect said so
        notes = ctx.notes[block.index]
        statement = strip_marker(statement_of(body, []), body)
        title = compact(title_of(body.heading)) if body.level != 99 else compact(statement[:40])
        task = RawTask(path_of(ctx.blocks, body), title, compact(statement), body.start, body.end)
        found = find_deadlines(statement, ctx.year) or find_deadlines(statement_of(block, notes), ctx.year)
        _set_deadline(task, found or _annotation_deadlines(notes, ctx.year))
        roles_from(notes, ctx.first_is_lead.governs(notes[0].start), task, ctx.first_is_lead.rest_cooperate)
        ctx.claimed.add(body.index)
        return [task]


class Annotated:
    """A block with inline annotations: every group of adjacent annotations closes the sentences
    before it as one task (one group: the whole block is the task)."""

    name = "annotated block"

    def detect(self, block: Block, ctx: Context) -> bool:
        notes = ctx.notes[block.index]
        if notes and block.level == 99 and all(a.kind in LAST_ONLY for a in notes):
            # (a notice's covering words before its plan's headings: 商务部要会同有关部门加强统筹协调
            # instructs; the items below assign)
            first_heading = min((b.start for b in ctx.blocks if b.level != 99), default=-1)
            return first_heading < 0 or block.start > first_heading
        return bool(notes)

    def read(self, block: Block, ctx: Context) -> list[RawTask]:
        notes = ctx.notes[block.index]
        parent = _whole_task_parent(block, notes, ctx)
        if parent is not None and _each_dated(ctx.children[parent.index], block, notes, ctx):
            return _shared_notes_tasks(ctx.children[parent.index], block, notes, ctx)
        if parent is not None:
            return [_parent_task(parent, block, notes, ctx)]
        measures = _dated_measures(block, ctx)
        if measures:
            # （一）…（牵头单位：A；配合单位：B） over "1. …2028年6月底前完成。" items: each a task of A and B
            return _shared_notes_tasks(measures, block, notes, ctx, own_notes=False)
        groups = _groups(ctx.text, block, notes)
        if len(groups) > 1 and block.level != 99 and _closes_title(ctx.text, block, groups[0]):
            # 3．建设驿站（本项由县交通运输局牵头）。…县文广旅体局配合。: the lead of the title and the
            # partners of its words name one task's units
            groups = [groups[0] + groups[1], *groups[2:]]
        if len(groups) > 1:
            return _split_block(block, groups, ctx.year, ctx.first_is_lead, ctx.blocks)
        statement = strip_marker(statement_of(block, notes), block)
        title = _title(block, notes) if block.level != 99 else compact(statement[:40])
        task = RawTask(path_of(ctx.blocks, block), title, compact(statement), block.start, block.end)
        _set_deadline(task, _annotation_deadlines(notes, ctx.year) or find_deadlines(statement, ctx.year))
        roles_from(notes, ctx.first_is_lead.governs(notes[0].start), task, ctx.first_is_lead.rest_cooperate)
        return [task]


def _whole_task_parent(block: Block, notes: list[Annotation], ctx: Context) -> Block | None:
    """The heading whose measures (1)(2)(3) ``block`` ends, when its notes stand on lines of their
    own after the last measure and no other measure or the heading has any: the units and deadline
    are the heading's task's ("（一）支持外贸企业拓市场抢订单。（1）…（2）…（3）…\n责任单位：…")."""
    if block.parent is None or not notes or notes[0].start < block.lines[0].end:
        return None  # the notes close the measure's own line: its own task
    siblings = ctx.children[block.parent]
    parent = ctx.blocks[block.parent]
    if len(siblings) < 2 or siblings[-1].index != block.index or parent.level == 99:
        return None
    if ctx.notes[parent.index] or any(ctx.notes[b.index] for b in siblings[:-1]):
        return None
    if any(b.index in ctx.read or b.index in ctx.parents for b in siblings):
        return None  # a measure read already, or one with measures of its own
    return parent


def _each_dated(measures: list[Block], last: Block, notes: list[Annotation], ctx: Context) -> bool:
    """Whether every measure gives a deadline of its own: then each is a task (FORMAT.md: work
    with a deadline), and the section's closing notes assign all of them."""
    return all(
        find_deadlines(statement_of(b, notes if b.index == last.index else []), ctx.year) for b in measures
    )


def _dated_measures(block: Block, ctx: Context) -> list[Block]:
    """The items under an annotated heading that are each a task: two or more, none annotated or
    read or with items of its own, every one with a deadline of its own; else none."""
    items = ctx.children.get(block.index, [])
    if len(items) < 2 or any(
        ctx.notes[b.index] or b.index in ctx.read or b.index in ctx.parents for b in items
    ):
        return []
    return items if all(find_deadlines(statement_of(b, []), ctx.year) for b in items) else []


def _shared_notes_tasks(
    measures: list[Block], last: Block, notes: list[Annotation], ctx: Context, own_notes: bool = True
) -> list[RawTask]:
    """The measures of a section, each a task with its own deadline, all assigned by the notes after
    the last one ("（一）…2026年9月底前印发。（二）…长期坚持。\n责任单位：A牵头，B配合"), or by the notes of
    their heading (``own_notes`` False: ``last`` is the heading, no measure)."""
    out = []
    for b in measures:
        own = notes if own_notes and b.index == last.index else []
        statement = strip_marker(statement_of(b, own), b)
        task = RawTask(path_of(ctx.blocks, b), _title(b, own), compact(statement), b.start, b.end)
        _set_deadline(task, find_deadlines(statement, ctx.year) or _annotation_deadlines(notes, ctx.year))
        roles_from(notes, ctx.first_is_lead.governs(notes[0].start), task, ctx.first_is_lead.rest_cooperate)
        out.append(task)
    ctx.read.update(b.index for b in measures)
    return out


def _children(blocks: list[Block]) -> dict[int, list[Block]]:
    out: dict[int, list[Block]] = {}
    for b in blocks:
        if b.parent is not None:
            out.setdefault(b.parent, []).append(b)
    return out


def _parent_task(parent: Block, last: Block, notes: list[Annotation], ctx: Context) -> RawTask:
    """The heading's task: its title, its words and its measures', the notes after the last one."""
    measures = ctx.children[parent.index]
    words = [strip_marker(parent.text, parent)] + [b.text for b in measures[:-1]]
    words.append(statement_of(last, notes))
    statement = compact("\n".join(w for w in words if w.strip()))
    task = RawTask(path_of(ctx.blocks, parent), _title(parent, []), statement, parent.start, last.end)
    _set_deadline(task, _annotation_deadlines(notes, ctx.year) or find_deadlines(statement, ctx.year))
    roles_from(notes, ctx.first_is_lead.governs(notes[0].start), task, ctx.first_is_lead.rest_cooperate)
    ctx.read.update(b.index for b in (parent, *measures))
    return task


class DeadlineOnly:
    """A leaf heading with a deadline and no units: a task where annotated headings of its region
    stand at its level, after the first of them; or anywhere in a document that names no units."""

    name = "deadline-only item"

    def _levels(self, ctx: Context) -> set[tuple[str, int]] | None:
        if ctx.levels_for != len(ctx.read_before):  # once per pass
            # Blocks that only a subject clause made tasks of say little about where a document's
            # tasks stand (a closing "A要会同B…" paragraph under 保障措施).
            taken = [
                ctx.blocks[i]
                for i in ctx.read_before | ctx.claimed
                if any(a.kind != "subject" for a in ctx.notes[i]) or not ctx.notes[i]
            ]
            if not taken:
                ctx.levels = None if not ctx.has_tables else set()
            else:
                ctx.levels = {(b.region, b.level) for b in taken if b.level != 99}
            # Sections before the first task (总体要求, 主要目标) state aims, not tasks.
            body = [b.start for b in taken if b.region == "body"]
            ctx.first_task = min(body) if body else 0
            ctx.levels_for = len(ctx.read_before)
        return ctx.levels

    def detect(self, block: Block, ctx: Context) -> bool:
        if block.level == 99 or block.index in ctx.parents or block.region != "body":
            return False
        if block.index in ctx.claimed:
            return False
        levels = self._levels(ctx)
        if levels is None:
            return True
        return (block.region, block.level) in levels and block.start >= ctx.first_task

    def read(self, block: Block, ctx: Context) -> list[RawTask]:
        statement = compact(strip_marker(block.text, block))
        found = find_deadlines(statement, ctx.year)
        if not found and not (_given_to_all(statement) or _given_to_all(compact(block.lines[0].text))):
            return []  # (the item's own line may close with the clause, closing words below it)
        task = RawTask(
            path_of(ctx.blocks, block), compact(title_of(block.heading)), statement, block.start, block.end
        )
        if found:
            _set_deadline(task, found)
        return [task]


@cache
def _all_clause() -> re.Pattern[str]:
    """A bracket closing an item: who, then a responsible verb of roles.yaml (（各地区各有关部门负责））."""
    verbs = alternation([w for w, r in role_vocab().verbs.items() if r == "responsible"])
    return re.compile(rf"[（(](?P<who>[^（）()]{{2,30}}?)(?:{verbs})[）)]。?$")


def _given_to_all(statement: str) -> bool:
    """Whether an item's words close with a clause giving it to bodies no one can name (各地区各有关
    部门负责): a task all the same, with no unit."""
    m = _all_clause().search(statement.rstrip())
    return m is not None and all(is_generic(clean(x)) for x, _, _ in split_list(m["who"]))


class LeadHeadedItem:
    """An item under a heading that names its lead (二、县商务局牵头的任务 / （一）区文广旅局) stating
    neither units nor a deadline ("1. 推进电商进农村。"): a task all the same, the heading's units
    its lead (heading_leads.lead_by_heading gives it them)."""

    name = "lead-headed item"

    def detect(self, block: Block, ctx: Context) -> bool:
        if block.level == 99 or block.index in ctx.parents or block.region != "body":
            return False
        if block.parent is None or block.index in ctx.claimed:
            return False
        return names_lead(title_of(ctx.blocks[block.parent].heading))

    def read(self, block: Block, ctx: Context) -> list[RawTask]:
        statement = compact(strip_marker(block.text, block))
        task = RawTask(
            path_of(ctx.blocks, block), compact(title_of(block.heading)), statement, block.start, block.end
        )
        _set_deadline(task, find_deadlines(statement, ctx.year))
        return [task]


# Precedence: a block is read by the first reader (in this order) that detects it. Each reader
# runs over the whole outline before the next, so a later reader sees what earlier ones took.
BLOCK_READERS: tuple[BlockReader, ...] = (
    ProgressReport(),
    AttachmentList(),
    Annotated(),
    DeadlineOnly(),
    LeadHeadedItem(),
)


def read_blocks(
    blocks: list[Block], year: int | None, full_text: str, has_tables: bool = False
) -> tuple[list[RawTask], FirstIsLead]:
    """Tasks from the outline, block by block, and where the document's first-is-lead declaration
    governs (tables need it too)."""
    per_block = annotations_by_block(full_text, [(b.start, b.end) for b in blocks])
    notes = {b.index: anns for b, anns in zip(blocks, per_block, strict=True)}
    ctx = Context(
        blocks,
        year,
        full_text,
        notes,
        FirstIsLead(full_text, [a for anns in notes.values() for a in anns]),
        has_tables,
        parents={b.parent for b in blocks if b.parent is not None},
        children=_children(blocks),
    )
    for b in blocks:
        if b.region == "body" and b.level != 99:
            ctx.by_title.setdefault(title_key(title_of(b.heading)), b)
    tasks: list[RawTask] = []
    for reader in BLOCK_READERS:
        ctx.read_before = set(ctx.read)
        chosen = [b for b in blocks if b.index not in ctx.read and reader.detect(b, ctx)]
        for b in chosen:
            if b.index in ctx.read or not reader.detect(b, ctx):
                continue  # an earlier block of this pass claimed what this one needed
            found = reader.read(b, ctx)
            if found:
                ctx.read.add(b.index)
                tasks.extend(found)
    tasks.sort(key=lambda t: t.start)
    return tasks, ctx.first_is_lead


def _set_deadline(task: RawTask, found: list[Found]) -> None:
    if found:
        task.deadline, task.other_deadlines = found[0], found[1:]


def _annotation_deadlines(annotations: list[Annotation], year: int | None) -> list[Found]:
    """A deadline written inside the annotation itself: "（A负责；2025年底前完成）"."""
    for a in annotations:
        found = find_deadlines(a.evidence, year)
        if found:
            return found
    return []


#: An enumeration's ordinal opening a clause (一是 / 二是), where a paragraph lists its tasks.
_ORDINAL_CLAUSE = enumeration_ordinal("。；;，,：:")


def _split_block(
    b: Block,
    groups: list[list[Annotation]],
    year: int | None,
    first_is_lead: FirstIsLead,
    blocks: list[Block],
) -> list[RawTask]:
    """One task per annotation group of a block: each closes the sentences since the one before;
    words after the last group belong to the last task."""
    out: list[RawTask] = []
    path = path_of(blocks, b)
    start = b.start
    # (一是…（县A负责）；二是…（县B牵头）: a paragraph enumerating its tasks; each is titled by its
    # own words, the first too, not by the heading above the enumeration)
    enumerated = len(groups) > 1 and _ORDINAL_CLAUSE.search(b.text) is not None
    for k, group in enumerate(groups):
        end = b.end if k == len(groups) - 1 else group[-1].end
        pieces, pos = [], start
        for a in group:
            pieces.append((pos, a.start))
            pos = max(pos, a.end)
        pieces.append((pos, end))
        statement = "".join(block_text_between(b, s, e) for s, e in pieces if e > s).strip()
        if k > 0:
            # the sentence mark that closed the group before belongs to that task: "（A牵头）。推进…"
            statement = statement.lstrip("。；;，,、！!？? \t\u3000\n")
        if k == 0:
            statement = strip_marker(statement, b)
            title = _title(b, group) if b.level != 99 else compact(_first_clause(statement))
        elif group[0].kind == "subject":
            # "A要会同B加强统筹协调，…": the work is what follows the subject.
            title = compact(_first_clause(block_text_between(b, group[-1].end, end)))
        else:
            title = compact(_first_clause(statement))
        ordinal = _ORDINAL_CLAUSE.search(statement) if enumerated else None
        if ordinal is not None and (k == 0 or ordinal.start() == 0):
            title = compact(_first_clause(statement[ordinal.end() :]))
        task = RawTask(path, title, compact(statement), start, end)
        found = _annotation_deadlines(group, year) or find_deadlines(statement, year)
        if found:
            task.deadline, task.other_deadlines = found[0], found[1:]
        roles_from(group, first_is_lead.governs(group[0].start), task, first_is_lead.rest_cooperate)
        out.append(task)
        start = end
    return out
