"""Outline, annotations and tables -> raw tasks: which headings are tasks, their text, deadline and
the units each role names (still as written; ``resolve`` names the bodies)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fengong.ingest.annotations import Annotation, assign_roles, find_annotations
from fengong.ingest.deadlines import Found, find_deadlines, parse_deadline_cell
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
    task.roles = assign_roles(annotations, first_is_lead)
    for a in annotations:
        evidence = compact(a.evidence)
        for rl in a.lists:
            for m in rl.mentions:
                task.evidence[m.start] = evidence


def from_blocks(
    blocks: list[Block], year: int | None, first_is_lead: bool, full_text: str
) -> tuple[list[RawTask], bool]:
    """Tasks from the outline. Returns the tasks and whether any annotation was found."""
    notes = {b.index: find_annotations(full_text[b.start : b.end], b.start) for b in blocks}
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
        if found:
            task.deadline, task.other_deadlines = found[0], found[1:]
        _roles_from(notes.get(b.index, []), first_is_lead, task)
        if body is not None:
            claimed.add(body.index)
        tasks.append(task)
    return tasks, bool(annotated)


def from_deadline_blocks(blocks: list[Block], year: int | None) -> list[RawTask]:
    """A document that names no units: its leaf items that carry a deadline are its tasks."""
    parents = {b.parent for b in blocks if b.parent is not None}
    tasks = []
    for b in blocks:
        if b.level == 99 or b.index in parents or b.region != "body":
            continue
        statement = compact(_strip_marker(b.text, b))
        found = find_deadlines(statement, year)
        if found:
            task = RawTask(path_of(blocks, b), compact(title_of(b.heading)), statement, b.start, b.end)
            task.deadline, task.other_deadlines = found[0], found[1:]
            tasks.append(task)
    return tasks


def from_table(table: Table, year: int | None, first_is_lead: bool) -> list[RawTask]:
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
        _row_roles(row, table, first_is_lead, task)
        tasks.append(task)
    return tasks


def _row_roles(row: Row, table: Table, first_is_lead: bool, task: RawTask) -> None:
    roles: dict[str, list[Mention]] = {"lead": [], "cooperate": [], "responsible": []}
    has_lead_column = "lead" in table.columns
    evidence = compact(" | ".join(c.text for c in row.cells.values()))
    for kind in ("lead", "cooperate", "responsible"):
        cell = row.cells.get(kind)
        if not cell:
            continue
        inner = find_annotations(cell.text, cell.start)
        if inner:
            # A unit cell that labels its own lists ("牵头单位：A；配合单位：B") says the roles itself.
            for role, found in assign_roles(inner, first_is_lead).items():
                roles[role].extend(found)
                for m in found:
                    task.evidence[m.start] = evidence
            continue
        mentions = parse_list(cell.text, cell.start)
        marked = [m for m in mentions if m.lead_marked]
        if marked and kind != "lead":
            # "区发改局（牵头）、区财政局": the marked unit leads, the rest cooperate.
            roles["lead"].extend(marked)
            roles["cooperate"].extend(m for m in mentions if not m.lead_marked)
        elif kind == "responsible" and has_lead_column:
            roles["cooperate"].extend(mentions)
        elif kind == "responsible" and first_is_lead and mentions:
            roles["lead"].append(mentions[0])
            roles["cooperate"].extend(mentions[1:])
        else:
            roles[kind].extend(mentions)
        for m in mentions:
            task.evidence[m.start] = evidence
    task.roles = roles
