"""Outline, annotations and tables -> raw tasks: which headings are tasks, their text, deadline and
the units each role names (still as written; ``resolve`` names the bodies)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fengong.ingest.deadlines import Found, find_deadlines, parse_deadline_cell
from fengong.ingest.notations.registry import find_annotations
from fengong.ingest.notations.roles import Annotation, RoleList, assign_roles, first_is_lead_at
from fengong.ingest.outline import Block, path_of, title_of
from fengong.ingest.tables import Row, Table
from fengong.ingest.units import Mention, parse_list

# A run of spaces goes when a Chinese (or full-width) character stands right before or after it.
# Written to start with the space itself: the regex engine skips ahead only to a pattern's first
# character class, and a pattern that starts with a look-behind is tried at every position.
_CJK = "\u4e00-\u9fff\uff00-\uffef"
_CJK_SPACES = re.compile(rf"[ \t\u3000](?:(?<=[{_CJK}].)[ \t\u3000]*|[ \t\u3000]*(?=[{_CJK}]))")
_TITLE_NOISE = re.compile(r"[\s“”\"'‘’《》「」\[\]【】（）()、，,。.：:；;！!？?·]")


@dataclass(slots=True)
class RawTask:
    """A task before its units are resolved."""

    path: list[str]
    title: str
    text: str
    start: int
    end: int
    deadline: Found | None = None
    other_deadlines: list[Found] = field(default_factory=list)
    roles: dict[str, list[Mention]] = field(default_factory=dict)
    evidence: dict[int, str] = field(default_factory=dict)  # mention start -> evidence text
    category: str | None = None
    progress: str | None = None


def compact(text: str) -> str:
    """Spaces between Chinese characters are conversion artefacts: drop them."""
    if " " not in text and "\t" not in text and "\u3000" not in text:
        return text.strip()  # nothing to drop (three substring tests are faster than one scan)
    return _CJK_SPACES.sub("", text).strip()


def title_key(title: str) -> str:
    """A title reduced to its words, for joining an attachment's headings to the body's."""
    return _TITLE_NOISE.sub("", title)


def _statement(block: Block, annotations: list[Annotation]) -> str:
    """The block's own words before any progress report, annotations cut out."""
    lines = block.lines if block.progress_at is None else block.lines[: block.progress_at]
    if not lines:
        return ""
    start, end = lines[0].start, lines[-1].end
    spans = sorted((a.start, a.end) for a in annotations if start <= a.start < end)
    pieces, pos = [], start
    for s, e in spans:
        pieces.append((pos, s))
        pos = max(pos, e)
    pieces.append((pos, end))
    return "".join(block_text_between(block, s, e) for s, e in pieces if e > s).strip()


def block_text_between(block: Block, start: int, end: int) -> str:
    """The block's words between two document offsets (lines joined by newlines)."""
    out = []
    for ln in block.lines:
        s, e = max(start, ln.start), min(end, ln.end)
        if e > s:
            out.append(ln.text[s - ln.start : e - ln.start])
    return "\n".join(out)


def _strip_marker(text: str, block: Block) -> str:
    head = block.lines[0].text
    if block.marker and text.startswith(head):
        rest = text[len(head) :]
        return (block.heading + rest).strip()
    return text


def _roles_from(annotations: list[Annotation], first_is_lead: bool, task: RawTask) -> None:
    task.roles = assign_roles((rl for a in annotations for rl in a.lists), first_is_lead)
    for a in annotations:
        evidence = compact(a.evidence)
        for rl in a.lists:
            for m in rl.mentions:
                task.evidence[m.start] = evidence


class FirstIsLead:
    """Where a first-is-lead declaration governs: a declaration standing alone governs the whole
    document; one inside an annotation governs that annotation and every list after it."""

    def __init__(self, text: str, annotations: list[Annotation]) -> None:
        at = first_is_lead_at(text)
        self.start: int | None = None
        if at >= 0:
            holder = next((a for a in annotations if a.start <= at < a.end), None)
            self.start = holder.start if holder else 0

    def governs(self, position: int) -> bool:
        """Whether the list that starts at ``position`` is governed by a declaration."""
        return self.start is not None and position >= self.start


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


def _closes(text: str, block: Block, group: list[Annotation]) -> bool:
    before = text[block.start : group[0].start].rstrip(" \t\u3000")
    after = text[group[-1].end : block.end].lstrip(" \t\u3000")
    return not before or before[-1] in _SENTENCE_END or not after or after[0] in _SENTENCE_END


def _first_clause(statement: str) -> str:
    """The title of a task that a paragraph's later annotation closes: its first clause."""
    for k, ch in enumerate(statement):
        if ch in "，,。；;：:\n":
            return statement[:k]
    return statement[:40]


def from_blocks(
    blocks: list[Block], year: int | None, full_text: str
) -> tuple[list[RawTask], bool, FirstIsLead]:
    """Tasks from the outline. Returns the tasks, whether any annotation was found and where the
    document's first-is-lead declaration governs."""
    notes = {b.index: find_annotations(full_text[b.start : b.end], b.start) for b in blocks}
    first_is_lead = FirstIsLead(full_text, [a for anns in notes.values() for a in anns])
    annotated = {i for i, a in notes.items() if a}
    progress = {b.index for b in blocks if b.progress_at is not None and b.level != 99}
    by_title: dict[str, Block] = {}
    for b in blocks:
        if b.region == "body" and b.level != 99:
            by_title.setdefault(title_key(title_of(b.heading)), b)
    tasks: list[RawTask] = []
    claimed: set[int] = set()
    for b in blocks:
        if b.index not in annotated and b.index not in progress:
            continue
        body = None
        if b.region != "body" and b.index in annotated:
            body = by_title.get(title_key(title_of(b.heading)))
            if body is not None and (body.index in annotated or body.index in claimed):
                body = None
        groups = _groups(full_text, b, notes[b.index]) if b.index not in progress and body is None else []
        if len(groups) > 1:
            tasks.extend(_split_block(b, groups, year, first_is_lead, blocks, full_text))
            continue
        source = body or b
        statement = _strip_marker(_statement(source, notes.get(source.index, [])), source)
        title = compact(title_of(source.heading)) if source.level != 99 else compact(statement[:40])
        task = RawTask(path_of(blocks, source), title, compact(statement), source.start, source.end)
        if b.index in progress:
            task.text = compact(_strip_marker(b.text, b))
            task.progress = compact("\n".join(ln.text for ln in b.lines[(b.progress_at or 0) + 1 :]))
            found = find_deadlines(b.heading, year)
        else:
            found = find_deadlines(statement, year)
            if not found and body is not None:
                found = find_deadlines(_statement(b, notes[b.index]), year)
            if not found:
                found = _annotation_deadlines(notes[b.index], year)
        if found:
            task.deadline, task.other_deadlines = found[0], found[1:]
        anns = notes.get(b.index, [])
        _roles_from(anns, bool(anns) and first_is_lead.governs(anns[0].start), task)
        if body is not None:
            claimed.add(body.index)
        tasks.append(task)
    if annotated or progress:
        tasks.extend(from_deadline_blocks(blocks, year, annotated | progress | claimed))
    return tasks, bool(annotated), first_is_lead


def _annotation_deadlines(annotations: list[Annotation], year: int | None) -> list[Found]:
    """A deadline written inside the annotation itself: "（A负责；2025年底前完成）"."""
    for a in annotations:
        found = find_deadlines(a.evidence, year)
        if found:
            return found
    return []


def _split_block(
    b: Block,
    groups: list[list[Annotation]],
    year: int | None,
    first_is_lead: FirstIsLead,
    blocks: list[Block],
    full_text: str,
) -> list[RawTask]:
    """One task per annotation group of a block: each closes the sentences since the one before;
    words after the last group belong to the last task."""
    out: list[RawTask] = []
    path = path_of(blocks, b)
    start = b.start
    for k, group in enumerate(groups):
        end = b.end if k == len(groups) - 1 else group[-1].end
        pieces, pos = [], start
        for a in group:
            pieces.append((pos, a.start))
            pos = max(pos, a.end)
        pieces.append((pos, end))
        statement = "".join(block_text_between(b, s, e) for s, e in pieces if e > s).strip()
        if k == 0:
            statement = _strip_marker(statement, b)
            title = compact(title_of(b.heading)) if b.level != 99 else compact(_first_clause(statement))
        else:
            title = compact(_first_clause(statement))
        task = RawTask(path, title, compact(statement), start, end)
        found = find_deadlines(statement, year) or _annotation_deadlines(group, year)
        if found:
            task.deadline, task.other_deadlines = found[0], found[1:]
        _roles_from(group, first_is_lead.governs(group[0].start), task)
        out.append(task)
        start = end
    return out


def from_deadline_blocks(
    blocks: list[Block], year: int | None, taken: set[int] | None = None
) -> list[RawTask]:
    """Leaf items that carry a deadline and name no units are tasks, decided per heading: where
    other headings of the same region and level are tasks (annotated), or, with ``taken`` None,
    in a document that names no units at all."""
    parents = {b.parent for b in blocks if b.parent is not None}
    levels: set[tuple[str, int]] | None = None
    taken = taken if taken is not None else set()
    if taken:
        levels = {(blocks[i].region, blocks[i].level) for i in taken if blocks[i].level != 99}
    tasks = []
    for b in blocks:
        if b.level == 99 or b.index in parents or b.region != "body":
            continue
        if levels is not None and (b.index in taken or (b.region, b.level) not in levels):
            continue
        statement = compact(_strip_marker(b.text, b))
        found = find_deadlines(statement, year)
        if found:
            task = RawTask(path_of(blocks, b), compact(title_of(b.heading)), statement, b.start, b.end)
            task.deadline, task.other_deadlines = found[0], found[1:]
            tasks.append(task)
    return tasks


def from_table(table: Table, year: int | None, first_is_lead: FirstIsLead) -> list[RawTask]:
    """One task per table row, roles from its unit columns."""
    group_rows: dict[str, int] = {}
    for row in table.rows:
        g = row.get("group")
        group_rows[g] = group_rows.get(g, 0) + 1
    tasks = []
    for row in table.rows:
        content = compact(row.get("content"))
        group = compact(row.get("group"))
        category = compact(row.get("category")) or None
        if not content and not group:
            continue
        first_sentence = content.split("。")[0].rstrip("；;，,") if content else ""
        title = (
            group if group and (group_rows.get(row.get("group"), 0) == 1 or not content) else first_sentence
        ).rstrip("。；;，,")
        path = [p for p in (category, group) if p]
        if title and (not path or path[-1] != title):
            path.append(title)
        task = RawTask(path, title, content or group, row.start, row.end, category=category)
        cell = row.cells.get("deadline")
        if cell:
            found = parse_deadline_cell(cell.text, year)
            if found and found.deadline.start is not None:
                d = found.deadline
                d.start, d.end = cell.start, cell.end
            task.deadline = found
        _row_roles(row, first_is_lead.governs(row.start), task)
        tasks.append(task)
    return tasks


def _row_roles(row: Row, first_is_lead: bool, task: RawTask) -> None:
    """The row's unit cells as role lists (a cell that labels its own lists gives those), read by
    the one role function: an empty 牵头单位 cell invents no lead."""
    lists: list[RoleList] = []
    evidence = compact(" | ".join(c.text for c in row.cells.values()))
    for kind, cell in row.unit_cells():
        inner = find_annotations(cell.text, cell.start)
        if inner:
            # A unit cell that labels its own lists ("牵头单位：A；配合单位：B") says the roles itself.
            found = [rl for a in inner for rl in a.lists]
        else:
            found = [RoleList(kind, parse_list(cell.text, cell.start))]
        lists.extend(found)
        for rl in found:
            for m in rl.mentions:
                task.evidence[m.start] = evidence
    task.roles = assign_roles(lists, first_is_lead)
