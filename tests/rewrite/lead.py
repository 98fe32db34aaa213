"""Rewrites that declare the first unit of every list the lead."""

from __future__ import annotations

import random
import re

from tests.rewrite.model import Sample, vocabulary
from tests.rewrite.registry import kind
from tests.rewrite.text import (
    LABEL,
    NUMBERING,
    Span,
    annotation_spans,
)

# ---------------------------------------------------------------- first is lead

DECLARED = re.compile(r"(第一位|首位|排名第一|第一责任单位|第一个|排在第一).{0,12}(牵头|主要责任)")


@kind
def first_is_lead(s: Sample, rng: random.Random) -> Sample | None:
    """Declare that the first unit of every list leads (many wordings; in the preamble, at the
    end, or inside the first annotation with 下同); every responsible list of the gold becomes
    its first unit as lead and the rest as cooperate."""
    tasks = s.gold["tasks"]
    if DECLARED.search(s.text) or not any(t.get("responsible") for t in tasks):
        return None
    if any(t.get("responsible") and (t.get("lead") or t.get("cooperate")) for t in tasks):
        return None
    v = vocabulary()
    wording = rng.choice(v["first_is_lead"]) + rng.choice(v["first_is_lead_rest"])
    lines = s.text.split("\n")
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
        at = next((i for i, line in enumerate(lines) if NUMBERING["cn_dun"][0].match(line)), None)
        if at is None:
            return None
        lines.insert(at, f"本方案各项任务所列单位中，{wording}。")
        text = "\n".join(lines)
    else:
        text = s.text.rstrip("\n") + f"\n（注：各项任务的责任单位中，{wording}。）\n"
    gold = s.derive(s.text).gold
    for t in gold["tasks"]:
        if t.get("responsible"):
            t["lead"], t["cooperate"], t["responsible"] = [t["responsible"][0]], t["responsible"][1:], []
    return s.derive(text, gold, "first_is_lead")


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
