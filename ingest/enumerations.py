"""A report written unit by unit: a section headed by a unit's name alone (（二）县农业农村局) whose
lines enumerate its tasks (一是推进高标准农田建设，正在推进，预计10月底完成。…; 二是…). Each line is a task
titled by its first clause, in the state its next clause gives; the heading names the unit that
carries them (lead_by_heading reads it). The heading itself is no task."""

from __future__ import annotations

import re

from fengong.ingest.deadlines import find_deadlines
from fengong.ingest.notations.heading_leads import names_lead
from fengong.ingest.outline import Block, enumeration_ordinal, path_of
from fengong.ingest.status import opening_status
from fengong.ingest.tasks import RawTask, compact

#: An enumeration's ordinal opening a line or a sentence (一是 / 二是 / 十一是).
_ORDINAL = enumeration_ordinal("。；;")
#: How many such lines make a section an enumeration of tasks.
_ENUMERATED = 2


def tasks_by_unit_sections(tasks: list[RawTask], blocks: list[Block], year: int | None) -> list[RawTask]:
    """The tasks with each unit-headed section of enumerated lines read as one task per line, in
    place of the section's own task."""
    added: list[RawTask] = []
    replaced: set[tuple[int, int]] = set()
    for b in blocks:
        if b.level == 99 or not names_lead(b.heading):
            continue
        parts = [
            (
                ln.start + m.end(),
                ln.start + (nxt.start() if nxt else len(ln.text)),
                ln.text[m.end() : nxt.start() if nxt else None],
            )
            for ln in b.lines[1:]
            for m, nxt in _pairs(list(_ORDINAL.finditer(ln.text)))
        ]
        if len(parts) < _ENUMERATED:
            continue
        path = path_of(blocks, b)
        for start, end, words in parts:
            title, _, rest = words.partition("，")
            task = RawTask([*path, compact(title)], compact(title), compact(words), start, end)
            found = find_deadlines(words, year)
            if found:
                task.deadline, task.other_deadlines = found[0], found[1:]
            task.status = opening_status(rest)
            added.append(task)
        replaced.add((b.start, b.end))
    if not added:
        return tasks
    kept = [t for t in tasks if not any(s <= t.start < e for s, e in replaced)]
    return sorted(kept + added, key=lambda t: t.start)


def _pairs(found: list[re.Match[str]]) -> list[tuple[re.Match[str], re.Match[str] | None]]:
    """Each ordinal with the next one on its line (None for the last)."""
    return [(m, found[k + 1] if k + 1 < len(found) else None) for k, m in enumerate(found)]
