"""Rewrites of the words and punctuation of annotations: role labels and verbs, brackets,
list separators."""

from __future__ import annotations

import itertools
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
    责任单位 ↔ 责任部门; ``B配合）`` → ``B参与）``. Labels before ：, table header cells, prose verbs.
    A third of the time each unit of a labelled list gets its person in charge in brackets."""
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

    text = apply_edits(s.text, relabel(s.text))
    if rng.random() < 0.3:  # (a person named beside a unit is no unit: the gold stays)
        text = apply_edits(text, _people(text, rng))
    if text == s.text:
        return None
    gold = s.derive(s.text).gold
    map_gold_strings(gold, lambda t: apply_edits(t, relabel(t)))
    return s.derive(text, gold, "role_words")


def _people(text: str, rng: random.Random) -> list[tuple[int, int, str]]:
    """A person in charge in brackets after every unit of the labelled lists without brackets of
    their own (责任单位：A、B → 责任单位及责任人：A（王立新）、B（李明，副局长）)."""
    v = vocabulary()
    edits: list[tuple[int, int, str]] = []
    lists = label_lists(text)
    for k, (start, end) in enumerate(lists):
        body = text[start:end]
        if (
            re.search(r"[（(〔\[【]", body)
            or not body.strip()
            or (k + 1 < len(lists) and lists[k + 1][1] == end)
        ):
            continue  # (责任单位：责任单位：A、B, a label written twice: the list once, after the second)
        edits.append((start - 1, start - 1, "及责任人"))  # before the colon
        pos = start
        for part in re.split("[、，,]", body):
            name = rng.choice(v["people"])
            edits.append((pos + len(part), pos + len(part), rng.choice(v["person_forms"]).format(name=name)))
            pos += len(part) + 1
    return edits


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
    return _edited(s, edits, renamed, "brackets")


def _edited(
    s: Sample, edits: list[tuple[int, int, str]], renamed: dict[str, str], kind_name: str
) -> Sample | None:
    """The sample with ``edits`` applied and its gold's strings renamed alike (None: no edit)."""
    if not edits:
        return None
    gold = s.derive(s.text).gold

    def fix(t: str) -> str:
        for old, new in renamed.items():
            t = t.replace(old, new)
        return t

    map_gold_strings(gold, fix)
    return s.derive(apply_edits(s.text, edits), gold, kind_name)


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
    (； only where the list is the only clause of its annotation or cell). Not where the document
    declares that a list's comma parts lead and partners (逗号前为牵头单位)."""
    if re.search(r"逗号[之以]?前", s.text):
        return None
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


# ---------------------------------------------------------------- fields parted by bars


@kind
def field_bars(s: Sample, rng: random.Random) -> Sample | None:
    """Labelled fields on one line parted by ｜, as a plan laid out in fields writes them: an
    annotation of labelled clauses that closes its line goes to the line below without brackets
    (1. 建设X。（牵头单位：A；配合单位：B、C） → 1. 建设X。\\n牵头单位：A｜配合单位：B、C) or stays on its
    line parted by full-width spaces (1. 建设X。　牵头单位：A　配合单位：B、C) or with the task's name
    as a field of it and its words as another (1. 任务名称：建设X；工作内容：…；牵头单位：A；配合单位：
    B、C, or parted by full-width spaces: 1. 任务：建设X　牵头单位：A), and lines of one field each
    (牵头单位：A / 配合单位：B / 完成时限：C) become one line."""
    v = vocabulary()
    bar = rng.choice(v["field_bars"])
    when = rng.choice(v["deadline_labels"])
    # a third of the time the fields stay on the task's line, parted by full-width spaces (1. 建设X。
    # 牵头单位：A　配合单位：B、C), as a report's one-line items write them
    same_line = rng.random() < 0.33
    # a third of the rest, a task titled by its first sentence alone takes its name as a field of the
    # line (1. 建设X。（牵头单位：A；…） → 1. 任务名称：建设X；牵头单位：A；…), as a list of fields writes it
    named = rng.choice(v["name_labels"]) if not same_line and rng.random() < 0.33 else ""
    # (its fields parted by semicolons or, as a report's one-line items, by full-width spaces:
    # 任务：建设X　牵头单位：A　配合单位：B)
    sep = rng.choice(["；", "　"]) if named else "；"
    edits: list[tuple[int, int, str]] = []
    renamed: dict[str, str] = {}
    for sp in annotation_spans(s.text):
        inner = sp.content(s.text)
        # a deadline clause becomes a labelled field too (2025年底前 → 完成时限：2025年底前)
        clauses = [
            c if LABEL.match(c) else when + c for c in (inner[a:b].strip() for a, b in _clauses(inner))
        ]
        closes_line = s.text[sp.end : sp.end + 1] in ("\n", "")
        fields = all(LABEL.match(c) or (c.startswith(when) and _DATE.search(c)) for c in clauses)
        if len(clauses) < 2 or not closes_line or not fields:
            continue
        line_start = s.text.rfind("\n", 0, sp.start) + 1
        titled = _TITLE_ALONE.fullmatch(s.text, line_start, sp.start) if named else None
        if titled is not None:
            old = s.text[line_start : sp.end]
            rest = (titled["rest"] or "").strip().rstrip("。")
            label = v["content_labels"][len(rest) % len(v["content_labels"])]
            content = f"{label}：{rest}{sep}" if rest else ""
            new = f"{titled['num']}{named}：{titled['title']}{sep}{content}" + sep.join(clauses)
            edits.append((line_start, sp.end, new))
            renamed[old] = new
            continue
        old = s.text[sp.start : sp.end]
        new = "　" + "　".join(clauses) if same_line else "\n" + bar.join(clauses)
        edits.append((sp.start, sp.end, new))
        renamed[old] = new
    # lines of one field each (牵头单位：A / 配合单位：B / 完成时限：C) joined into one line
    pos, run = 0, []
    for line in [*s.text.split("\n"), ""]:
        if _FIELD_LINE.match(line):
            run.append((pos, line))
        else:
            if len(run) >= 2:
                start, end = run[0][0], run[-1][0] + len(run[-1][1])
                old = s.text[start:end]
                new = bar.join(text for _, text in run)
                edits.append((start, end, new))
                renamed[old] = new
            run = []
        pos += len(line) + 1
    return _edited(s, edits, renamed, "field_bars")


#: A numbered line opening with a task's title (1. 建设X。 or a heading without its stop), the rest of
#: its text before its annotation.
_TITLE_ALONE = re.compile(
    r"(?P<num>[ \t\u3000]*(?:\d{1,2}[.．、]|（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}、)[ \t\u3000]*)"
    r"(?P<title>[^。；;：:（）()\n]{2,40})(?:。(?P<rest>[^；;（）()\n]*)|[ \t\u3000]*$)"
)
#: A line that is one labelled field: a role label or a deadline label, then its value.
_FIELD_LINE = re.compile(rf"^(?:{LABEL.pattern}|(?:完成时限|时限|完成时间)[:：])\S")
#: A clause that is a deadline (2025年底前, 2021年6月底前, 长期坚持).
_DATE = re.compile(r"\d{4}年|年底|月底|长期|持续")


def _clauses(inner: str) -> list[tuple[int, int]]:
    """The (start, end) of each clause of an annotation, parted by ；/; outside brackets."""
    bounds = [-1, *depth0(inner, "；;"), len(inner)]
    return [(a + 1, b) for a, b in itertools.pairwise(bounds) if inner[a + 1 : b].strip()]
