"""Sections named by their lead: "二、县海洋与渔业局牵头的任务", or a heading that is the unit's name
alone ("（一）区文广旅局"), over items that name only partners (配合：县财政局、县自然资源和规划局). The
heading is no task; it gives each task under it its lead."""

from __future__ import annotations

import re
from functools import cache

from fengong.ingest.bodies import lookup as lookup_body
from fengong.ingest.tasks import RawTask
from fengong.ingest.units import clean, level_prefix, looks_like_unit, parse_list, split_list
from fengong.ingest.vocab import alternation, role_vocab


@cache
def _heading_re() -> re.Pattern[str]:
    """[由] units lead-verb [的] noun: 县商务局牵头的任务, 由市发改委牵头负责的工作."""
    v = role_vocab()
    verbs = [w for w, role in v.verbs.items() if role == "lead"] + ["负责"]
    return re.compile(
        rf"^由?(?P<units>[^，,。；;：:（()）]{{2,40}}?)(?:{alternation(verbs)})的?"
        rf"(?:{alternation(v.heading_lead_nouns)})$"
    )


def lead_by_heading(tasks: list[RawTask], text: str) -> list[RawTask]:
    """Give a task that states no lead the units its section's heading names as the lead of its
    tasks; the 责任单位 it lists then cooperate, as beside any named lead. A heading so named that
    was read as a task of its own (由县农业农村局牵头负责的工作: its clause, then 的工作) is dropped
    when tasks stand under it: it only groups them. Returns the tasks kept."""
    parents = {tuple(t.path[:-1]) for t in tasks if len(t.path) > 1}
    tasks = [t for t in tasks if not (tuple(t.path) in parents and _heading_re().match(t.path[-1]))]
    for task in tasks:
        if task.roles.get("lead") or len(task.path) < 2:
            continue
        for written in reversed(task.path[:-1]):
            heading = _without_count(written)
            m = _heading_re().match(heading)
            units, offset = (m["units"], m.start("units")) if m else (heading, 0)
            if m is None and not _names_only(heading):
                continue
            at = text.rfind(heading, 0, task.start + 1)
            mentions = parse_list(units, max(at, 0) + offset)
            if not mentions or not all(looks_like_unit(x.local) for x in mentions):
                break
            leads = {x.local for x in mentions}
            partners = [*task.roles.get("cooperate", []), *task.roles.pop("responsible", [])]
            task.roles["lead"] = mentions
            task.roles["cooperate"] = [x for x in partners if x.local not in leads]
            task.evidence.update({x.start: written for x in mentions})
            break
    return tasks


def _without_count(heading: str) -> str:
    """A heading without the count of its tasks closing it (县农业农村局（牵头4项）: 县农业农村局)."""
    return _count_re().sub("", heading)


@cache
def _count_re() -> re.Pattern[str]:
    """A bracket counting a section's tasks (（牵头4项）, （共3项）, （5项任务）: roles.yaml's task_counts)."""
    counts = role_vocab().task_counts
    return re.compile(
        rf"[（(](?:{alternation(counts['roles'])})?[0-9一二三四五六七八九十]{{1,3}}项"
        rf"(?:{alternation(counts['nouns'])})?[）)]$"
    )


def names_lead(heading: str) -> bool:
    """Whether a section heading names the lead of the items under it: "县商务局牵头的任务", or a
    heading that is unit names alone ("区文广旅局"), its tasks counted after it or not."""
    heading = _without_count(heading)
    m = _heading_re().match(heading)
    if m is not None:
        return all(looks_like_unit(clean(x)) for x, _, _ in split_list(m["units"]))
    return _names_only(heading)


def _names_only(heading: str) -> bool:
    """Whether a heading is nothing but unit names, each written with its level, as a class or as
    a body of the lexicon (区文广旅局; 区民政局、各镇人民政府): not a task's words that merely end like
    a body (优化户外运动空间布局, 建设智慧停车平台)."""
    if not 0 < len(heading) <= _NAMES_HEADING or heading.startswith(tuple(role_vocab().action_starts)):
        return False
    items = [clean(x) for x, _, _ in split_list(heading)]
    return all(
        x
        and looks_like_unit(x)
        and (bool(level_prefix(x)) or x.startswith("各") or lookup_body(x) is not None)
        for x in items
    )


#: Characters a heading of unit names alone has at most.
_NAMES_HEADING = 40
