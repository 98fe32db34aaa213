"""The extraction pipeline: file -> text -> outline -> raw tasks -> resolved Document."""

from __future__ import annotations

import bisect
import hashlib
import re
from pathlib import Path

from fengong.ingest.declared_roles import declared_leads
from fengong.ingest.duties import find_duties
from fengong.ingest.enumerations import tasks_by_unit_sections
from fengong.ingest.metadata import read_metadata
from fengong.ingest.model import Assignment, Document, Duty, Task, TaskPerson, TopicMention, stable_id
from fengong.ingest.notations.blocks import read_blocks
from fengong.ingest.notations.heading_leads import lead_by_heading
from fengong.ingest.notations.roles import listed_cooperate_re
from fengong.ingest.notations.table_rows import read_table
from fengong.ingest.notations.unit_sections import read_unit_lines, read_unit_sections
from fengong.ingest.outline import Line, blank_bullets, inline_progress, segment, split_lines
from fengong.ingest.readers import read_path
from fengong.ingest.resolve import UnitResolver, letter_codes, zone_of
from fengong.ingest.roles_elsewhere import roles_above_items, roles_after_items, roles_by_number
from fengong.ingest.roster import find_roster, person_fields
from fengong.ingest.section_deadlines import (
    deadlines_by_body,
    deadlines_by_definition,
    deadlines_by_period_lines,
    deadlines_by_schedule,
    deadlines_by_table,
)
from fengong.ingest.status import (
    SHARE_SHORT,
    closing_mark,
    closing_status,
    completion_status,
    finished_clause,
    labelled_status,
    line_opening_status,
    lone_state,
    opening_status,
    said_of_task,
    schedule_status,
    section_status,
    split_status,
    state_legend,
    state_of,
    status_after_title,
)
from fengong.ingest.tables import find_tables
from fengong.ingest.targets import find_targets
from fengong.ingest.tasks import RawTask
from fengong.ingest.topics import find_line_mentions, tag_topics, theme_names, themes, with_themes
from fengong.ingest.units import clean, is_known, looks_like_unit, parse_list
from fengong.ingest.vocab import role_vocab

# Line breaks other than \n; "\r\n" counts as one.
_OTHER_BREAKS = ("\r", "\u2028", "\u2029", "\x0b", "\x0c")
_NEWLINES = re.compile("\r\n?|" + "|".join(re.escape(ch) for ch in _OTHER_BREAKS[1:]))


_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def normalise(text: str) -> str:
    """One newline convention and no BOM; an HTML line break a conversion left inside a table cell
    (牵头：市A<br>配合：市B) parts its clauses as ；does; every offset the model carries refers to this text."""
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    if "<br" in text or "<BR" in text:
        text = _HTML_BREAK.sub("；", text)
    # Substring tests first: most texts hold no other line break, and they cost less than a scan.
    if any(ch in text for ch in _OTHER_BREAKS):
        text = _NEWLINES.sub("\n", text)
    return blank_bullets(text)


def document_id(source: str, title: str, jurisdiction: str | None, doc_number: str | None) -> str:
    """A document is the same document under another file name or format when its jurisdiction,
    title and 文号 agree; without a usable title the file name identifies it."""
    if len(title) >= 6:
        return stable_id("document", jurisdiction or "", title, doc_number or "")
    return stable_id("document-file", source)


def extract_path(path: Path) -> Document:
    """Read and extract one file (any supported format)."""
    return extract_text(read_path(path), path.name)


def extract_text(text: str, source: str) -> Document:
    """Extract a Document from a document's text. ``source`` is the file's base name."""
    text = normalise(text)
    lines = split_lines(text)
    meta = read_metadata(lines, text)
    tables = find_tables(lines, codes=bool(letter_codes(text)))
    table_lines = set().union(*(t.line_indexes for t in tables)) if tables else set()
    blocks = segment(lines, table_lines | meta.signature_lines)
    raw, first_is_lead = read_blocks(blocks, meta.year, text, has_tables=bool(tables))
    rows = [task for table in tables for task in read_table(table, meta.year, first_is_lead)]
    if any(t.deadline is None for t in rows) and any("deadline" not in t.columns for t in tables):
        # (the body may describe and date the tasks the table assigns: the rows take its dates)
        deadlines_by_body(rows, read_blocks(blocks, meta.year, text, has_tables=False)[0])
    raw.extend(rows)
    deadline_tables = find_tables(lines, units=False)  # (an annex of deadlines: 重点任务完成时限表)
    raw = read_unit_sections(raw, blocks, text, meta.year)
    raw = read_unit_lines(raw, blocks, text, meta.year)
    raw.sort(key=lambda t: t.start)
    raw = roles_above_items(raw, blocks, text, meta.year, first_is_lead)
    raw = roles_by_number(raw, blocks, tables, text, meta.year, first_is_lead)
    raw = roles_after_items(raw, blocks, text, meta.year, first_is_lead)
    inherit_heading_units(raw)
    deadlines_by_period_lines(raw, lines, text, meta.year)
    deadlines_by_table(raw, deadline_tables, meta.year)
    deadlines_by_definition(raw, text, meta.year)
    deadlines_by_schedule(raw, text, meta.year)
    raw = tasks_by_unit_sections(raw, blocks, meta.year)
    raw = lead_by_heading(raw, text)
    declared_leads(raw, text)
    states_above_titles(raw, text)

    doc = Document(
        id=document_id(
            source, meta.title, meta.jurisdiction.name if meta.jurisdiction else None, meta.doc_number
        ),
        source=source,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=meta.title,
        doc_number=meta.doc_number,
        issuer=meta.issuer,
        date=meta.date,
        jurisdiction=meta.jurisdiction,
        text=text,
    )
    resolver = UnitResolver(meta.jurisdiction, zone_of(meta.title or "", meta.issuer or ""), meta.issuer)
    resolver.declare_abbreviations(text)
    resolver.name_place_as_written(text)
    for task in raw:
        for mentions in task.roles.values():
            for m in mentions:
                resolver.add(m.local)
    duties = _duty_mentions(text)
    for _, local, _, _, _ in duties:
        resolver.add(local)
    doc.units = resolver.units()
    unit_ids = resolver.unit_ids()
    legend = state_legend(text)
    doc.tasks = [_task(doc, i, t, unit_ids, legend) for i, t in enumerate(raw)]
    document_themes = themes(doc.title)
    doc.themes = theme_names(document_themes)
    for task in doc.tasks:
        task.topics = with_themes(tag_topics(task.title, task.text), document_themes)
    doc.duties = [Duty(unit_ids[local], duty, s, e) for _, local, duty, s, e in duties]
    doc.topic_mentions = topic_mentions(lines, raw)
    doc.targets = find_targets(text, meta.year)
    doc.people, doc.groups = find_roster(text, meta.jurisdiction.name if meta.jurisdiction else None)
    for t in raw:
        for found in [t.deadline, *t.other_deadlines]:
            if found and found.warning:
                doc.warnings.append(f"{source}: {found.warning}")
    doc.warnings.extend(
        f"{source}: new unit name {name!r} (read by its form)" for name in new_unit_names(raw)
    )
    return doc


def inherit_heading_units(tasks: list[RawTask]) -> None:
    """Items under a heading that names the units (（一）壮大…产业（牵头单位：A；配合单位：B） over
    1. 2. 3.) and name none themselves are the heading's units' work: they take its roles. An item
    naming its own lead keeps its units; one naming only partners is led by the heading's lead, and
    so is one listing 责任单位 under a heading that declares them partners (三、…（本部分各项任务均由
    省体育局牵头，所列责任单位为配合单位））."""
    by_path = {tuple(t.path): t for t in tasks}
    for task in tasks:
        if len(task.path) < 2 or task.roles.get("lead"):
            continue
        parent = by_path.get(tuple(task.path[:-1]))
        if parent is None or parent is task or not any(parent.roles.values()):
            continue
        if task.roles.get("responsible"):
            overall = role_vocab().overall_lead
            declared = any(
                listed_cooperate_re().search(e) or any(w in e for w in overall)
                for e in parent.evidence.values()
            )
            if not parent.roles.get("lead") or not declared:
                continue
            # (the section's lead listed among them leads: 总牵头单位 A over 责任单位：A、B)
            heading_leads = {m.local for m in parent.roles["lead"]}
            listed = [*task.roles.get("cooperate", []), *task.roles.pop("responsible")]
            task.roles["cooperate"] = [m for m in listed if m.local not in heading_leads]
        if not any(task.roles.values()):
            task.roles = {role: list(mentions) for role, mentions in parent.roles.items()}
            task.evidence.update(parent.evidence)
        elif parent.roles.get("lead"):
            # （一）…（省科技厅牵头） over "1. …（省教育厅、省财政厅配合）": the heading's lead leads the
            # measure its own partners work on
            partners = {m.local for m in task.roles.get("cooperate", [])}
            leads = [m for m in parent.roles["lead"] if m.local not in partners]
            task.roles["lead"] = leads
            task.evidence.update({m.start: parent.evidence.get(m.start, "") for m in leads})


def states_above_titles(tasks: list[RawTask], text: str) -> None:
    """A report's state on a line of its own right above a task's title (【推进中】 / 二、推进X /
    牵头单位：…) is that task's, not the end of the task before it, which a blank line parts
    from it."""
    before: RawTask | None = None
    for task in tasks:
        line_end = text.rfind("\n", 0, task.start)
        line = text[text.rfind("\n", 0, max(line_end, 0)) + 1 : max(line_end, 0)]
        word = lone_state(line) if line_end > 0 else None
        if word is not None and task.status is None:
            task.status = word
            if before is not None and before.text.rstrip().endswith(line.strip()):
                before.text = before.text.rstrip()[: -len(line.strip())].rstrip()
        before = task


def new_unit_names(tasks: list[RawTask]) -> list[str]:
    """Units that no vocabulary knows (read as names by their form inside an annotation), once
    each, in document order: the lexicon may want them."""
    seen: dict[str, None] = {}
    for t in tasks:
        for mentions in t.roles.values():
            for m in mentions:
                if m.local not in seen and not is_known(m.local):
                    seen[m.local] = None
    return list(seen)


_SENTENCE = re.compile(r"[^。；;！!？?]+[。；;！!？?]?")


def topic_mentions(lines: list[Line], tasks: list[RawTask]) -> list[TopicMention]:
    """Topics the document names outside its tasks, each with the first sentence that names it:
    a city that mentions a topic without assigning it is still a city that mentions it."""
    spans = sorted((t.start, t.end) for t in tasks)
    starts = [s for s, _ in spans]
    outside: list[Line] = []
    for line in lines:
        i = bisect.bisect_right(starts, line.start) - 1
        if not line.text or (i >= 0 and line.start < spans[i][1]):
            continue  # inside a task: its topics are the task's
        outside.append(line)
    found: dict[str, TopicMention] = {}
    for k, topic, start, _end in find_line_mentions([line.text for line in outside]):
        if topic in found:
            continue
        line = outside[k]
        for m in _SENTENCE.finditer(line.text):
            if m.start() <= start < m.end():
                begin = line.start + m.start()
                found[topic] = TopicMention(topic, m.group().strip(), begin, begin + len(m.group()))
                break
    return list(found.values())


def _duty_mentions(text: str) -> list[tuple[str, str, str, int, int]]:
    """Duty statements whose subject reads as one unit: (written, local name, duty, start, end)."""
    out = []
    for phrase, duty, start, end in find_duties(text):
        mentions = parse_list(phrase)
        if len(mentions) == 1 and looks_like_unit(clean(phrase)):
            out.append((phrase, mentions[0].local, duty, start, end))
    return out


def _as_legend_says(legend: dict[str, str], word: str | None) -> str | None:
    """A state word or share as the report's legend names it (100% -> 已完成), else as written."""
    return legend.get(word, word) if word else word


def _legend_word(legend: dict[str, str], cell: str | None) -> str | None:
    """The word the report's legend gives a cell (✔: 已完成; 100%: 已完成; 70% where 其余均为推进中:
    推进中), else ``None``."""
    word = (cell or "").strip()
    if word in legend:
        return legend[word]
    if SHARE_SHORT in legend and _SHORT_SHARE.fullmatch(word):
        return legend[SHARE_SHORT]
    return None


_SHORT_SHARE = re.compile(r"(?:[1-9]?[0-9])(?:\.[0-9]+)?[%％]")


def _task(doc: Document, index: int, raw: RawTask, unit_ids: dict[str, str], legend: dict[str, str]) -> Task:
    title, status = split_status(raw.title)
    # (a mark the report's legend defines otherwise than the vocabulary: （绿） where 标注（绿）的为已完成;
    # a mark it defines alike keeps the report's own word: （黄） where （黄）表示进度滞后)
    defined = legend.get(status) if status else None
    if defined and state_of(defined) != state_of(status):
        status = defined
    # a report's state: closing the title, else a table's state cell, else opening the progress
    # paragraph (on its own line or inside the task's: …完成情况：滞后。)
    progress = raw.progress or inline_progress(raw.text)
    if state_of(status) == "in progress" and (finished := finished_clause(progress)) is not None:
        status = finished  # 【绿灯】 on schedule, and the account closes 该项任务已完成: done
    path = raw.path
    if status is not None and path and path[-1] == raw.title:
        path = [*path[:-1], title]
    task = Task(
        id=stable_id(doc.id, "task", index, raw.start),
        path=path,
        title=title,
        text=raw.text,
        status=status
        or _legend_word(legend, raw.status)  # a symbol the report's legend reads (✔: 已完成)
        or _legend_word(legend, progress)  # (or a 完成情况 cell holding the symbol alone)
        or closing_mark(raw.text, legend)  # (or closing a line of the task: …已全部完工。√)
        or status_after_title(raw.text, title)
        or opening_status(raw.status)
        or (raw.status if state_of(raw.status) else None)  # a share-done cell (100%)
        or opening_status(progress)
        or labelled_status(raw.text)
        or completion_status(raw.text)  # 实际完成时间：2028年6月 / 未完成（原因：…）
        # (the bracket naming the task's units may give its state too: （牵头单位：市A；状态：滞后）)
        or labelled_status("\n".join(raw.evidence.values()))
        or line_opening_status(raw.text)
        or closing_status(progress)
        or closing_status(raw.text)  # a line …完成时间：2028年3月。【已完成】
        or said_of_task(raw.text)  # …目前该项工作已完成。
        or _as_legend_says(legend, schedule_status(raw.text))  # 完成率100% -> 已完成, as its legend says
        or section_status(raw.path),
        category=raw.category,
        deadline=raw.deadline.deadline if raw.deadline else None,
        other_deadlines=[f.deadline for f in raw.other_deadlines],
        progress=progress,
        start=raw.start,
        end=raw.end,
        # (a 责任人 column's, then those its text names under a person's label: 责任人：李四)
        people=[
            TaskPerson(name, label)
            for name, label in dict.fromkeys([*raw.people, *person_fields(doc.text[raw.start : raw.end])])
        ],
    )
    for role, mentions in raw.roles.items():
        seen: set[str] = set()
        for m in mentions:
            uid = unit_ids[m.local]
            if uid in seen:
                continue
            seen.add(uid)
            evidence = raw.evidence.get(m.start)
            if evidence is None:  # (evidence texts are never None)
                evidence = raw.text[:200]
            task.assignments.append(Assignment(uid, role, len(seen), evidence, m.start, m.end))
    return task
