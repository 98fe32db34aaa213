"""Rewrites of the words and punctuation of annotations: role labels and verbs, brackets,
list separators."""

from __future__ import annotations

import random
import re
from collections import Counter

from tests.rewrite.model import Sample, map_gold_strings, vocabulary
from tests.rewrite.registry import apply_edits, kind
from tests.rewrite.text import (
    HEADER_WORD,
    LABEL,
    OPEN,
    annotation_spans,
    depth0,
    label_lists,
    line_starts,
    text_tables,
)

# ---------------------------------------------------------------- role words


@kind
def role_words(s: Sample, rng: random.Random) -> Sample | None:
    """Role labels and verbs for their synonyms: 牵头单位 → 主办单位, 配合单位 → 协办单位 / 参与单位,
    责任单位 ↔ 责任部门; ``B配合）`` → ``B参与）``. Labels before ：, table header cells, prose verbs."""
    v = vocabulary()
    choice = {k: rng.choice(alts) for k, alts in v["role_labels"].items()}
    verbs = {k: rng.choice(alts) for k, alts in v["role_verbs"].items()}

    def relabel(text: str) -> list[tuple[int, int, str]]:
        edits = [
            (m.start(1), m.end(1), choice[m.group(1)]) for m in LABEL.finditer(text) if m.group(1) in choice
        ]
        pos = 0
        for line in text.split("\n"):
            if line.count("\t") >= 2:
                cell_start = pos
                for cell in line.split("\t"):
                    if cell.strip() in choice:
                        lead = len(cell) - len(cell.lstrip())
                        edits.append(
                            (cell_start + lead, cell_start + lead + len(cell.strip()), choice[cell.strip()])
                        )
                    cell_start += len(cell) + 1
            pos += len(line) + 1
        for span in annotation_spans(text):
            inner = span.content(text)
            # the verb alone after units ("B配合"), not inside a phrase ("做好配合", "分工配合")
            for m in re.finditer(r"(?<![好工责同])(配合)(?=[）)〕\]】；;，,。]|$)", inner):
                edits.append((span.start + 1 + m.start(1), span.start + 1 + m.end(1), verbs["配合"]))
        return edits

    edits = relabel(s.text)
    if not edits:
        return None
    gold = s.derive(s.text).gold
    map_gold_strings(gold, lambda t: apply_edits(t, relabel(t)))
    return s.derive(apply_edits(s.text, edits), gold, "role_words")


# ---------------------------------------------------------------- brackets


@kind
def brackets(s: Sample, rng: random.Random) -> Sample | None:
    """Every annotation's brackets in one other style: （…）, (…), 〔…〕, […]."""
    spans = annotation_spans(s.text)
    if not spans:
        return None
    styles = Counter(s.text[sp.start] + s.text[sp.end - 1] for sp in spans)
    target = rng.choice([b for b in vocabulary()["brackets"] if b != styles.most_common(1)[0][0]])
    edits: list[tuple[int, int, str]] = []
    renamed: dict[str, str] = {}
    for sp in spans:
        old = s.text[sp.start : sp.end]
        new = target[0] + sp.content(s.text) + target[1]
        if new != old:
            edits.append((sp.start, sp.end, new))
            renamed[old] = new
    if not edits:
        return None
    gold = s.derive(s.text).gold

    def fix(t: str) -> str:
        for old, new in renamed.items():
            t = t.replace(old, new)
        return t

    map_gold_strings(gold, fix)
    return s.derive(apply_edits(s.text, edits), gold, "brackets")


# ---------------------------------------------------------------- list separators


def _multi_clause(text: str, start: int, end: int) -> bool:
    """Whether the list at [start, end) shares its bracket or line with another clause."""
    if end < len(text) and text[end] in "；;":
        return True
    i = start
    while i > 0 and text[i - 1] not in OPEN + "\n":
        i -= 1
        if text[i] in "；;":
            return True
    return False


@kind
def separators(s: Sample, rng: random.Random) -> Sample | None:
    """The 、 between the units of labelled lists and table unit cells becomes ， , or ；
    (； only where the list is the only clause of its annotation or cell)."""
    sep = rng.choice(vocabulary()["separators"])
    lines = s.text.split("\n")
    starts = line_starts(lines)
    ranges = [(a, b, not _multi_clause(s.text, a, b)) for a, b in label_lists(s.text)]
    for table in text_tables(lines):
        header = lines[table.header].split("\t")
        unit_cols = {k for k, c in enumerate(header) if HEADER_WORD.search(c)}
        for r in table.rows:
            pos = starts[r]
            for k, cell in enumerate(lines[r].split("\t")):
                if k in unit_cols:
                    ranges.append((pos, pos + len(cell), True))
                pos += len(cell) + 1
    edits: list[tuple[int, int, str]] = []
    for a, b, alone in ranges:
        use = sep if alone or sep != "；" else "，"
        edits.extend((a + i, a + i + 1, use) for i in depth0(s.text[a:b], "、"))
    if not edits:
        return None
    return s.derive(apply_edits(s.text, sorted(set(edits))), kind="separators")
