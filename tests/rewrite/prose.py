"""Rewrites of labelled annotations as prose: clauses in their brackets, or the subject clause
that opens the task."""

from __future__ import annotations

import random
import re

from tests.rewrite.model import Sample, vocabulary
from tests.rewrite.registry import apply_edits, kind
from tests.rewrite.text import (
    NUMBERING,
    ROLE_CUE,
    annotation_spans,
    depth0,
    split0,
)

# ---------------------------------------------------------------- prose clauses

LEAD_LABELS = {"牵头单位", "牵头部门", "主办单位"}
COOP_LABELS = {"配合单位", "配合部门", "协同单位", "协办单位", "参与单位"}
RESP_LABELS = {"责任单位", "责任部门"}
_CLAUSE = re.compile(r"^\s*(\S+?)[:：](.+)$")


def _roles(inner: str) -> tuple[list[str], list[str], list[str]] | None:
    """The lead, partner and responsible lists of an annotation made only of labelled clauses."""
    lead: list[str] = []
    coop: list[str] = []
    resp: list[str] = []
    for clause in split0(inner, "；;"):
        m = _CLAUSE.match(clause)
        if not m:
            return None
        label, units = m.group(1), m.group(2).strip()
        if depth0(units, "，,：:。") or not units:
            return None
        if label in LEAD_LABELS:
            lead.append(units)
        elif label in COOP_LABELS:
            coop.append(units)
        elif label in RESP_LABELS:
            resp.append(units)
        else:
            return None
    return lead, coop, resp


def _prose(inner: str, rng: random.Random, forms: str = "prose") -> str | None:
    """The annotation's roles in one of the clause forms of ``forms`` (rewrites.yaml)."""
    roles = _roles(inner)
    if roles is None:
        return None
    lead, coop, resp = roles
    p = vocabulary()[forms]
    if lead:
        l_list, c_list = "、".join(lead), "、".join(coop + resp)
        if not c_list:
            return str(rng.choice(p["lead"])).format(L=l_list)
        options = p["lead_cooperate"] + (p["lead_cooperate_single"] if not depth0(l_list, "、") else [])
        return str(rng.choice(options)).format(L=l_list, C=c_list)
    if coop or not resp or not p["responsible"]:
        return None
    return str(rng.choice(p["responsible"])).format(R="、".join(resp))


#: A unit's name closing before 负责 (市财政局负责): the declaration that 负责 marks a lead reads it.
_UNIT_DUTY = re.compile("[局委办厅部司处科室院心府会所队站]负责")


@kind
def prose_clauses(s: Sample, rng: random.Random) -> Sample | None:
    """Labelled annotations as prose: （牵头单位：A；配合单位：B、C） → （由A牵头，B、C配合） or
    （A会同B、C负责）; （责任单位：A、B） → （A、B负责）; a clause opening with 由 sometimes inside the
    sentence it closed (完善制度。（由A牵头，B配合） → 完善制度，由A牵头，B配合。). A third of the time
    the document declares that 负责 marks the lead (注明“负责”的单位为牵头单位) and writes its leads
    so (（A负责，B配合）), its lists of units merely responsible left labelled."""
    edits = []
    # (only where no unit of the text is said to 负责 already: the declaration would reach it too)
    by_duty = not _UNIT_DUTY.search(s.text) and rng.random() < 0.33
    for span in annotation_spans(s.text):
        new = _prose(span.content(s.text), rng, "prose_duty" if by_duty else "prose")
        if new is None:
            continue
        if new.startswith("由") and s.text[span.start - 1 : span.start] == "。" and rng.random() < 0.4:
            # the clause inside the sentence it closes (完善制度，由A牵头，B配合。)
            edits.append((span.start - 1, span.end, f"，{new}。"))
        else:
            edits.append((span.start + 1, span.end - 1, new))
    if not edits:
        return None
    text = apply_edits(s.text, edits)
    if by_duty:
        text = text.rstrip("\n") + f"\n（注：{rng.choice(vocabulary()['duty_lead_declarations'])}。）\n"
    return s.derive(text, kind="prose_clauses")


# ---------------------------------------------------------------- subject clauses


@kind
def subject_clauses(s: Sample, rng: random.Random) -> Sample | None:
    """A numbered task's closing annotation as the clause that opens it: 1.完善制度。（牵头单位：A；
    配合单位：B） → 1.A牵头，B配合，完善制度。 (also 由A负责，… / A会同B、C，… / 该项任务由A牵头，…)."""
    lines = s.text.split("\n")
    changed = False
    for i, line in enumerate(lines):
        m = next((m for p, _ in NUMBERING.values() if (m := p.match(line))), None)
        body = line.rstrip()
        spans = annotation_spans(body)
        if m is None or len(spans) != 1 or spans[0].end != len(body) or rng.random() < 0.2:
            continue
        clause = _prose(spans[0].content(body), rng, "subject")
        action = body[m.end() : spans[0].start].strip()
        if clause is None or not action or action[0] in "，,；;。：:" or ROLE_CUE.search(action):
            # a task whose text names units in words of its own keeps its annotation
            continue
        lines[i] = line[: m.end()] + clause + "，" + action
        changed = True
    return s.derive("\n".join(lines), kind="subject_clauses") if changed else None


# ---------------------------------------------------------------- duty clauses


@kind
def duty_clauses(s: Sample, rng: random.Random) -> Sample | None:
    """A numbered task's annotation (closing its line, or its label lines below it) as a duty clause
    around its action: 1.完善制度。（牵头单位：A；配合单位：B） → 1.A牵头负责完善制度，B按职责分工配合。
    or 1.A负责完善制度，B配合。 (A, who only 负责 while B cooperates, is then responsible: FORMAT.md);
    the action's sentences joined by ，."""
    lines = s.text.split("\n")
    gold = s.derive(s.text).gold
    tasks = [t for t in gold["tasks"] if t.get("lead")]
    forms = vocabulary()["duty"]
    out: list[str] = []
    changed = False
    i = 0
    while i < len(lines):
        line, i = lines[i], i + 1
        m = next((m for p, _ in NUMBERING.values() if (m := p.match(line))), None)
        body = line.rstrip()
        spans = annotation_spans(body)
        below = 0
        if m is not None and not spans:
            # (the task's units on label lines below it: 牵头部门:A / 责任部门:B、C)
            while i + below < len(lines) and _CLAUSE.match(lines[i + below]) and _roles(lines[i + below]):
                below += 1
            inner, action = "；".join(lines[i : i + below]), body[m.end() :]
        elif m is not None and len(spans) == 1 and spans[0].end == len(body):
            inner, action = spans[0].content(body), body[m.end() : spans[0].start]
        else:
            out.append(line)
            continue
        roles = _roles(inner) if inner else None
        action = action.strip().rstrip("。；;，,")
        if (
            roles is None
            or not roles[0]
            or not action
            or action[0] in "，,；;。：:"
            or re.search("[：:；;]", action)
            or ROLE_CUE.search(action)  # (a task whose text names units keeps its annotation)
            or rng.random() < 0.2
        ):
            out.append(line)
            continue
        lead, others = roles[0], roles[1] + roles[2]  # (beside a named lead, 责任单位 cooperate)
        names = [u for part in lead for u in re.split("[、，,]", part)]
        task = next((t for t in tasks if _names_match(t["lead"], names) and _same_task(t, action)), None)
        if task is None:
            out.append(line)
            continue
        tasks.remove(task)
        responsible = rng.random() < 0.5  # (A负责…: A responsible, as FORMAT.md reads 负责 alone)
        group = ("responsible" if responsible else "lead") + ("_cooperate" if others else "")
        form = str(rng.choice(forms[group]))
        work = action.replace("。", "，")
        out.append(line[: m.end()] + form.format(L="、".join(lead), C="、".join(others), A=work) + "。")
        i += below
        if responsible:
            task["responsible"], task["lead"] = task["lead"], []
        changed = True
    return s.derive("\n".join(out), gold, kind="duty_clauses") if changed else None


def _same_task(task: dict[str, object], action: str) -> bool:
    """Whether the gold task is the one whose words the line holds (its title inside them)."""
    title = str(task.get("title") or "")
    return bool(title) and (title in action or action in title)


def _names_match(gold: list[str], names: list[str]) -> bool:
    """Whether the text's unit names are the gold's units (which may carry a prefix the text shares)."""
    return len(gold) == len(names) and all(
        g.endswith(n.strip()) and n.strip() for g, n in zip(gold, names, strict=True)
    )
