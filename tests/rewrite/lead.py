"""Rewrites that say which unit of a list leads: by declaring the first the lead, or by marking
the lead inside the list."""

from __future__ import annotations

import random
import re
from typing import Any

from tests.rewrite.model import Sample, vocabulary
from tests.rewrite.registry import apply_edits, kind
from tests.rewrite.text import (
    LABEL,
    NUMBERING,
    Span,
    annotation_spans,
    depth0,
    label_lists,
    split0,
)

# ---------------------------------------------------------------- first is lead

DECLARED = re.compile(r"(第一位|首位|排名第一|第一责任单位|第一个|排在第一).{0,12}(牵头|主要责任)")


@kind
def first_is_lead(s: Sample, rng: random.Random) -> Sample | None:
    """Declare that the first unit of every list leads (many wordings; in the preamble, at the
    end, or inside the first annotation with 下同); every responsible list of the gold becomes
    its first unit as lead and the rest as cooperate. A third of the time the declaration is the
    comma convention instead (逗号前为牵头单位, lists written A，B、C)."""
    tasks = s.gold["tasks"]
    if DECLARED.search(s.text) or not any(t.get("responsible") for t in tasks):
        return None
    if any(t.get("responsible") and (t.get("lead") or t.get("cooperate")) for t in tasks):
        return None
    v = vocabulary()
    if rng.random() < 0.3 and (comma := _comma_parted(s, rng)) is not None:
        return comma
    wording = rng.choice(v["first_is_lead"]) + rng.choice(v["first_is_lead_rest"])
    places = ["preamble", "end"]
    first = _first_annotation(s.text)
    if first is not None:
        places.append("annotation")
    place = rng.choice(places)
    if place == "annotation" and first is not None:
        inner = first.content(s.text)
        joint = "。" if LABEL.search(inner) else "，"
        new = s.text[first.start] + inner + joint + wording + "，下同" + s.text[first.end - 1]
        text = s.text[: first.start] + new + s.text[first.end :]
    elif place == "preamble":
        found = before_first_heading(s.text, f"本方案各项任务所列单位中，{wording}。")
        if found is None:
            return None
        text = found
    else:
        text = s.text.rstrip("\n") + f"\n（注：各项任务的责任单位中，{wording}。）\n"
    gold = s.derive(s.text).gold
    for t in gold["tasks"]:
        if t.get("responsible"):
            t["lead"], t["cooperate"], t["responsible"] = [t["responsible"][0]], t["responsible"][1:], []
    return s.derive(text, gold, "first_is_lead")


def _comma_parted(s: Sample, rng: random.Random) -> Sample | None:
    """The comma convention: the document declares that the units before a list's comma lead and
    those after it cooperate (逗号前为牵头单位), and every list of several units is written
    A，B、C; a third of the time the mark is a semicolon (分号前为牵头单位, A；B、C). A list of one unit has no comma and stays responsible. None when a responsible list
    is written some other way (a table, prose) or a list's units carry a comma already."""
    lists = _responsible_lists(s)
    if lists is None or "\t" in s.text:
        return None
    edits: list[tuple[int, int, str]] = []
    gold = s.derive(s.text).gold
    by_id = {t["id"]: t for t in gold["tasks"]}
    mark, words = ("；", "semicolon_is_lead") if rng.random() < 0.33 else ("，", "comma_is_lead")
    for _, names, task in lists:
        if len(names) < 2:
            continue
        for k, (_, end) in enumerate(names[:-1]):
            edits.append((end, end + 1, mark if k == 0 else "、"))
        t = by_id[task["id"]]
        t["lead"], t["cooperate"], t["responsible"] = t["responsible"][:1], t["responsible"][1:], []
    if not edits:
        return None
    wording = rng.choice(vocabulary()[words])
    text = apply_edits(s.text, edits)
    if rng.random() < 0.5:
        found = before_first_heading(text, f"各项任务所列责任单位中，{wording}。")
        if found is None:
            return None
        text = found
    else:
        text = text.rstrip("\n") + f"\n（注：{wording}。）\n"
    return s.derive(text, gold, "first_is_lead")


def before_first_heading(text: str, sentence: str) -> str | None:
    """``text`` with ``sentence`` on a line of its own before its first 一、 heading (a preamble's
    declaration); None when it has no such heading."""
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines) if NUMBERING["cn_dun"][0].match(line)), None)
    if at is None:
        return None
    lines.insert(at, sentence)
    return "\n".join(lines)


def _first_annotation(text: str) -> Span | None:
    """The first annotation of the document when it is a list of responsible units and no table
    comes before it (so that 下同 governs every list)."""
    spans = annotation_spans(text)
    if not spans:
        return None
    first = spans[0]
    inner = first.content(text)
    if "\t" in text[: first.start] or re.search(r"牵头|主办|配合|协办|参与|会同|协同", inner):
        return None
    if not (re.search(r"(责任单位|责任部门)[:：]", inner) or inner.endswith("负责")):
        return None
    return first


# ---------------------------------------------------------------- lead marks

_ROLE_CLAUSE = re.compile(r"^\s*(\S+?)[:：](.+)$")
_LEAD_LABELS = ("牵头单位", "牵头部门", "主办单位")
_OTHER_LABELS = ("配合单位", "配合部门", "协同单位", "协办单位", "参与单位")
_RESP_LABELS = ("责任单位", "责任部门")
_ITEM_SEP = "、，,"


def _merged(inner: str, rng: random.Random, mark: str, partner: str = "", before: bool = False) -> str | None:
    """An annotation's lead and partner clauses as one responsible list with the leads marked
    (（牵头单位：A；配合单位：B、C） → （责任单位：A（牵头）、B、C）); None when it has no such pair
    or a clause is no plain list."""
    leads: list[str] = []
    others: list[str] = []
    kept: list[str] = []
    at: int | None = None
    for clause in split0(inner, "；;"):
        m = _ROLE_CLAUSE.match(clause)
        label = m.group(1) if m else ""
        if m is None or label not in _LEAD_LABELS + _OTHER_LABELS + _RESP_LABELS:
            kept.append(clause)
            continue
        units = m.group(2).strip()
        if not units or depth0(units, "，,：:。") or re.search(r"[（(]", units):
            return None
        (leads if label in _LEAD_LABELS else others).extend(split0(units, "、"))
        at = len(kept) if at is None else at
    if at is None or not leads or not others:
        return None
    # Leads usually come first; sometimes a marked lead stands later in the list.
    pos = 0 if rng.random() < 0.7 else rng.randint(1, len(others))
    others = [u + partner for u in others]
    listed = others[:pos] + [mark + u if before else u + mark for u in leads] + others[pos:]
    kept.insert(at, f"{rng.choice(_RESP_LABELS)}：{'、'.join(listed)}")
    return "；".join(kept)


def _responsible_lists(s: Sample) -> list[tuple[int, list[tuple[int, int]], dict[str, Any]]] | None:
    """Every 责任单位 list of the text that is a gold task's responsible list: (label position,
    the (start, end) of each unit name, the task), in order. None when a responsible task of the
    gold is written some other way (prose, a table, catch-alls), so that a declaration about
    unmarked lists would reach units the rewrite cannot see."""
    tasks = [t for t in s.gold["tasks"] if t.get("responsible")]
    out = []
    k = 0
    for start, end in label_lists(s.text):
        if s.text[max(0, start - 5) : start - 1] not in _RESP_LABELS or k >= len(tasks):
            continue
        names, pos = [], start
        for part in re.split(f"[{_ITEM_SEP}]", s.text[start:end]):
            names.append((pos, pos + len(part)))
            pos += len(part) + 1
        gold = tasks[k]["responsible"]
        words = [s.text[a:b].strip() for a, b in names]
        if len(words) == len(gold) and all(g.endswith(w) and w for g, w in zip(gold, words, strict=True)):
            out.append((start, names, tasks[k]))
            k += 1
    if k < len(tasks) or any(s.has_aliases(u) for t in tasks for u in t["responsible"]):
        return None
    return out


@kind
def lead_marks(s: Sample, rng: random.Random) -> Sample | None:
    """Leads marked inside a list. Labelled lead and partner lists become one list with the lead
    marked (（牵头单位：A；配合单位：B、C） → （责任单位：A（牵头）、B、C）), and a responsible list
    gets one unit marked as its lead (责任单位：A、B、C → 责任单位：A、B（牵头）、C, A、B*、C or A、★B、C:
    B leads, A and C cooperate), or a bracket after the list names it (A、B、C（B为牵头单位）); a merged
    list may stand on the line below its task, every unit marked (A（主责）、B（协同）). Half
    the time the document declares that unmarked units cooperate (in the preamble or a closing
    note) and some lists stay unmarked: their units then cooperate."""
    if DECLARED.search(s.text) or re.search(r"(其余|其他|其它|未标注).{0,6}配合", s.text):
        return None
    v = vocabulary()
    mark = rng.choice(v["lead_marks"])
    # (half the time the other units carry the partner mark that goes with the lead's: （主）/（辅）)
    partner = v["partner_marks"].get(mark, "") if rng.random() < 0.5 else ""
    edits = []
    # a quarter of the time a merged list closing its line goes below it, every unit marked and no
    # label (1. 建设X。（牵头单位：A；配合单位：B） → 1. 建设X。\nA（主责）、B（协同）)
    lead_mark, partner_mark = rng.choice(v["line_marks"])
    as_line = rng.random() < 0.25
    # (half the time a sign stands before the lead's name: ★区商务委、区财政局)
    before = mark in v["sign_marks"] and rng.random() < 0.5
    for span in annotation_spans(s.text):
        closes_line = s.text[span.end : span.end + 1] in ("\n", "")
        if as_line and closes_line:
            inner = _merged(span.content(s.text), rng, lead_mark, partner_mark)
            if inner is not None and "；" not in inner:
                edits.append((span.start, span.end, "\n" + inner.split("：", 1)[1]))
                continue
        inner = _merged(span.content(s.text), rng, mark, partner, before)
        if inner is not None:
            edits.append((span.start + 1, span.end - 1, inner))
    lists = _responsible_lists(s)
    declare = lists is not None and "\t" not in s.text and rng.random() < 0.5
    gold = s.derive(s.text).gold
    by_id = {t["id"]: t for t in gold["tasks"]}
    for _, names, task in lists or []:
        t = by_id[task["id"]]
        if declare and rng.random() < 0.3:
            if len(t["responsible"]) > 1:  # (a unit alone is no "rest": it stays responsible)
                t["cooperate"], t["responsible"] = t["responsible"], []
            continue
        if not declare and rng.random() < 0.3:
            continue
        i = 0 if rng.random() < 0.6 else rng.randrange(len(names))
        if rng.random() < 0.25:  # the lead named after the list
            named = rng.choice(v["named_leads"]).format(unit=s.text[names[i][0] : names[i][1]].strip())
            edits.append((names[-1][1], names[-1][1], named))
        else:
            at = names[i][0] if before else names[i][1]
            edits.append((at, at, mark))
            edits += [(b, b, partner) for k, (_, b) in enumerate(names) if k != i and partner]
        units = t["responsible"]
        t["lead"], t["cooperate"], t["responsible"] = [units[i]], units[:i] + units[i + 1 :], []
    if not edits:
        return None
    text = apply_edits(s.text, edits)
    if declare:
        wording = rng.choice(v["rest_cooperate"])
        found = before_first_heading(text, f"各项任务中，{wording}。")
        if found is not None and rng.random() < 0.6:
            text = found
        else:
            text = text.rstrip("\n") + f"\n（注：{wording}。）\n"
    return s.derive(text, gold, "lead_marks")
