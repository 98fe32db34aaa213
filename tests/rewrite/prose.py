"""Rewrites of labelled annotations as prose clauses."""

from __future__ import annotations

import random
import re

from tests.rewrite.model import Sample, vocabulary
from tests.rewrite.registry import apply_edits, kind
from tests.rewrite.text import (
    annotation_spans,
    depth0,
    split0,
)

# ---------------------------------------------------------------- prose clauses

LEAD_LABELS = {"牵头单位", "牵头部门", "主办单位"}
COOP_LABELS = {"配合单位", "配合部门", "协同单位", "协办单位", "参与单位"}
RESP_LABELS = {"责任单位", "责任部门"}
_CLAUSE = re.compile(r"^\s*(\S+?)[:：](.+)$")


def _prose(inner: str, rng: random.Random) -> str | None:
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
    p = vocabulary()["prose"]
    if lead:
        l_list, c_list = "、".join(lead), "、".join(coop + resp)
        if not c_list:
            return rng.choice(p["lead"]).format(L=l_list)
        forms = p["lead_cooperate"] + (p["lead_cooperate_single"] if not depth0(l_list, "、") else [])
        return rng.choice(forms).format(L=l_list, C=c_list)
    if coop or not resp:
        return None
    return rng.choice(p["responsible"]).format(R="、".join(resp))


@kind
def prose_clauses(s: Sample, rng: random.Random) -> Sample | None:
    """Labelled annotations as prose: （牵头单位：A；配合单位：B、C） → （由A牵头，B、C配合） or
    （A会同B、C负责）; （责任单位：A、B） → （A、B负责）."""
    edits = []
    for span in annotation_spans(s.text):
        new = _prose(span.content(s.text), rng)
        if new is not None:
            edits.append((span.start + 1, span.end - 1, new))
    if not edits:
        return None
    return s.derive(apply_edits(s.text, edits), kind="prose_clauses")
