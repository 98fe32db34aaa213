"""A rewrite of the whole document: its division of work written unit by unit ("二、职责分工" with
one paragraph per unit: "（一）市A：牵头推进X（2025年底前）、Y；负责Z；配合市B做好W。")."""

from __future__ import annotations

import random
import re
from typing import Any

from tests.rewrite.model import ROLES, Sample
from tests.rewrite.registry import kind
from tests.rewrite.text import cn_number

#: What a task's name may not hold: the marks that part the names of a unit's paragraph.
_NOT_IN_NAME = re.compile(r"[、，,；;。：:（）()【】〔〕\[\]\n]")
_MIN_UNITS = 3  # a section of fewer unit paragraphs is not read unit by unit
_YEAR = re.compile(r"\d{4}")


@kind
def by_unit(s: Sample, rng: random.Random) -> Sample | None:
    """The tasks as a 职责分工 section, one paragraph per unit in the order units are first named: its
    leads (牵头推进 / 牵头负责), its responsibilities (负责) and what it cooperates on (配合做好,
    or 配合<the lead>做好 when the task has one lead), each task's deadline in brackets after its name
    in its first clause. Applies when every task names a unit and a name that fits in a list."""
    tasks = _named_on_a_line(s)
    if tasks is None:
        return None
    paragraphs: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for t in tasks:
        named = [(r, u) for r in ROLES for u in t.get(r) or []]
        if not named or any(_NOT_IN_NAME.search(u) for _, u in named):
            return None
        for role, unit in named:
            paragraphs.setdefault(unit, []).append((role, t))
    if len(paragraphs) < _MIN_UNITS:
        return None
    lead_verb = rng.choice(["牵头负责", "牵头"])
    partner_verb = rng.choice(["配合做好", "配合"])
    dated: set[str] = set()

    def name(t: dict[str, Any]) -> str:
        written = _dated(t)
        if t["id"] in dated or not written:
            return t["title"]
        dated.add(t["id"])
        return f"{t['title']}（{written}）"

    lines = []
    for n, (unit, work) in enumerate(paragraphs.items(), 1):
        clauses = []
        for role, verb in (("lead", lead_verb), ("responsible", "负责")):
            names = [name(t) for r, t in work if r == role]
            if names:
                clauses.append(verb + "、".join(names))
        for r, t in work:
            if r == "cooperate":
                leads = t.get("lead") or []
                partner = f"配合{leads[0]}做好" if len(leads) == 1 else partner_verb
                clauses.append(partner + name(t))
        lines.append(f"（{cn_number(n)}）{unit}：{'；'.join(clauses)}。")
    text, gold = _rewritten(s, "二、职责分工", lines, dated)
    for t in gold["tasks"]:
        for role in ROLES:
            # the order the paragraphs name the units in (the first named first)
            t[role] = [u for u in paragraphs if u in (t.get(role) or [])]
    return s.derive(text, gold, "by_unit")


@kind
def unit_lines(s: Sample, rng: random.Random) -> Sample | None:
    """Each task as a heading with its deadline in brackets (（一）X（完成时限：2025年底前）) and one line
    per unit saying its part: 市A：牵头负责X； (or 市A（牵头）：负责X；) / 市B：配合做好X。 / (no lead)
    市C：负责X。 Applies when
    every task's name fits on a heading line."""
    tasks = _named_on_a_line(s)
    if tasks is None or not any(_units(t) for t in tasks):
        return None
    if any(_NOT_IN_NAME.search(u) for t in tasks for _, u in _units(t)):
        return None
    label = rng.choice(["完成时限", "完成时间", "时间节点"])
    lead_verb = rng.choice(["牵头负责", "牵头", "（牵头）：负责"])  # the last: 市A（牵头）：负责X
    partner_verb = rng.choice(["配合做好", "配合", "协助做好"])
    lines, dated = [], set()
    for n, t in enumerate(tasks, 1):
        written = _dated(t)
        heading = f"（{cn_number(n)}）{t['title']}"
        if written:
            heading += f"（{label}：{written}）"
            dated.add(t["id"])
        elif not _units(t):
            return None  # a heading with neither units nor a deadline is no task (FORMAT.md)
        lines.append(heading)
        verbs = {"lead": lead_verb, "cooperate": partner_verb, "responsible": "负责"}
        parts = [
            f"{u}{verbs[role]}{t['title']}"
            if verbs[role].startswith("（")
            else f"{u}：{verbs[role]}{t['title']}"
            for role, u in _units(t)
        ]
        lines.extend(f"{p}{'；' if k < len(parts) - 1 else '。'}" for k, p in enumerate(parts))
    text, gold = _rewritten(s, "一、重点任务", lines, dated)
    return s.derive(text, gold, "unit_lines")


def _named_on_a_line(s: Sample) -> list[dict[str, Any]] | None:
    """The gold's tasks when each has a name of its own that fits on a line and in a list (two to
    40 characters, no mark that parts names), else ``None``."""
    tasks = s.gold["tasks"]
    titles = [t.get("title") or "" for t in tasks]
    if not tasks or len(set(titles)) != len(titles):
        return None
    if any(not 2 <= len(x) <= 40 or _NOT_IN_NAME.search(x) for x in titles):
        return None
    return list(tasks)


def _dated(task: dict[str, Any]) -> str:
    """The deadline a rewrite writes beside a task's name: its text, unless it is a bare month or
    period that the year of its old place gave meaning to ("" then, and when it has none)."""
    deadline = task.get("deadline") or {}
    written = str(deadline.get("text") or "")
    if written and deadline.get("kind") in ("by", "period") and not _YEAR.search(written):
        return ""
    return written


def _rewritten(s: Sample, section: str, lines: list[str], dated: set[str]) -> tuple[str, dict[str, Any]]:
    """The document's head down to its title line (the title fixes the place and the year), then
    ``section`` and ``lines``; and the gold with each task under that section, its text its title,
    its deadline only where ``dated`` says the new text writes it."""
    head_lines = s.text.split("\n")
    title = s.gold.get("title") or ""
    end = next((i for i, line in enumerate(head_lines[:15]) if title and title[:12] in line), 0)
    text = "\n".join(head_lines[: end + 1]) + f"\n{section}\n" + "\n".join(lines) + "\n"
    gold = s.derive(s.text).gold
    for t in gold["tasks"]:
        t["path"] = [section.split("、", 1)[1], t["title"]]
        t["text"] = t["title"]
        if t["id"] not in dated:
            t["deadline"] = None
    return text, gold


def _units(task: dict[str, Any]) -> list[tuple[str, str]]:
    """A gold task's (role, unit) pairs, leads first."""
    return [(r, u) for r in ROLES for u in task.get(r) or []]


#: A unit name that a heading of names alone is read as: written with its level (市A, 县A).
_LEVELLED = re.compile(r"^(?:省|市|县|区|州|盟|旗|镇|乡|街道)\S")


@kind
def lead_headings(s: Sample, rng: random.Random) -> Sample | None:
    """The tasks grouped under a heading per lead ("（一）市A牵头的任务", "（一）由市A牵头负责的工作",
    or the lead's name alone, "（一）市A"), each item naming only its partners and deadline
    ("1. X（配合单位：市B、市C；完成时限：2025年底前）"); tasks without a lead under a last heading
    "其他任务" with their 责任单位. Under a lead's heading a 责任单位 label is a partner's, as beside a
    named lead. Applies when every task's name and units fit on one line."""
    tasks = _named_on_a_line(s)
    if tasks is None or any(_NOT_IN_NAME.search(u) for t in tasks for _, u in _units(t)):
        return None
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for t in tasks:
        groups.setdefault(tuple(t.get("lead") or ()), []).append(t)
    if len([g for g in groups if g]) < 2:
        return None
    heading_form = rng.choice(["{}牵头的任务", "由{}牵头负责的工作", "name"])
    partner_label = rng.choice(["配合单位", "配合部门", "协同单位", "责任单位"])
    deadline_label = rng.choice(["完成时限", "完成时间"])
    lines: list[str] = []
    dated: set[str] = set()
    headings: dict[str, str] = {}
    for n, (leads, work) in enumerate(sorted(groups.items(), key=lambda g: not g[0]), 1):
        names = "、".join(leads)
        if not leads:
            heading = "其他任务"
        elif heading_form == "name" and all(_LEVELLED.match(u) for u in leads):
            heading = names
        else:
            heading = (heading_form if heading_form != "name" else "{}牵头的任务").format(names)
        lines.append(f"（{cn_number(n)}）{heading}")
        for k, t in enumerate(work, 1):
            others = [u for r in ("cooperate", "responsible") for u in t.get(r) or []]
            fields = []
            if leads and others:
                fields.append(f"{partner_label}：{'、'.join(others)}")
            for role, label in (("responsible", "责任单位"), ("cooperate", "配合单位")):
                if not leads and t.get(role):
                    fields.append(f"{label}：{'、'.join(t[role])}")
            written = _dated(t)
            if written:
                fields.append(f"{deadline_label}：{written}")
                dated.add(t["id"])
            elif not leads and not others:
                return None  # an item with neither units nor a deadline is no task (FORMAT.md)
            lines.append(f"{k}. {t['title']}" + (f"（{'；'.join(fields)}）" if fields else "。"))
            headings[t["id"]] = heading
    text, gold = _rewritten(s, "一、重点任务", lines, dated)
    for t in gold["tasks"]:
        t["path"] = [t["path"][0], headings[t["id"]], t["title"]]
        if t.get("lead"):
            # under a lead's heading every other unit is its partner, in the order the item lists them
            t["cooperate"] = [u for r in ("cooperate", "responsible") for u in t.get(r) or []]
            t["responsible"] = []
    return s.derive(text, gold, "lead_headings")
