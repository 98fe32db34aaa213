"""Sections named by their lead: "二、县海洋与渔业局牵头的任务" over items that name only partners
(配合：县财政局、县自然资源和规划局). The heading is no task; it gives each task under it its lead."""

from __future__ import annotations

import re
from functools import cache

from fengong.ingest.tasks import RawTask
from fengong.ingest.units import looks_like_unit, parse_list
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


def lead_by_heading(tasks: list[RawTask], text: str) -> None:
    """Give a task that states no lead the units its section's heading names as the lead of its
    tasks; the 责任单位 it lists then cooperate, as beside any named lead."""
    for task in tasks:
        if task.roles.get("lead") or len(task.path) < 2:
            continue
        for heading in reversed(task.path[:-1]):
            m = _heading_re().match(heading)
            if m is None:
                continue
            at = text.rfind(heading, 0, task.start + 1)
            mentions = parse_list(m["units"], max(at, 0) + m.start("units"))
            if not mentions or not all(looks_like_unit(x.local) for x in mentions):
                break
            task.roles["lead"] = mentions
            if task.roles.get("responsible"):
                task.roles["cooperate"] = [*task.roles.get("cooperate", []), *task.roles.pop("responsible")]
            task.evidence.update({x.start: heading for x in mentions})
            break
