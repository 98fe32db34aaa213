"""Rewrites of a document's layout: numbering styles, several annotated tasks in one
paragraph, table columns."""

from __future__ import annotations

import random
import re
from collections import Counter
from typing import Any

from tests.rewrite.model import Sample, map_gold_strings, vocabulary
from tests.rewrite.prose import _prose
from tests.rewrite.registry import kind
from tests.rewrite.text import (
    NUMBERING,
    Table,
    annotation_spans,
    cn_number,
    number_value,
    text_tables,
    write_number,
)

# ---------------------------------------------------------------- numbering

#: Items the text names by their numbers (第3项：A牵头): renumbering them would change what it says.
_REFERENCED = re.compile(r"第[（(]?[0-9一二三四五六七八九十]{1,3}[）)]?项")


def _styles(lines: list[str]) -> dict[int, tuple[str, re.Match[str]]]:
    out = {}
    for i, line in enumerate(lines):
        for style, (pattern, _) in NUMBERING.items():
            m = pattern.match(line)
            if m:
                out[i] = (style, m)
                break
    return out


def _renumber_line(line: str, source: str, target: str) -> str:
    m = NUMBERING[source][0].match(line)
    if not m:
        return line
    n = number_value(source, m.group(2))
    return m.group(1) + write_number(target, n) + line[m.end() :]


@kind
def numbering(s: Sample, rng: random.Random) -> Sample | None:
    """One level of numbering in another style the document does not use: 一、 / （一） / 1. /
    （1） / ① / 第一条 (items numbered 1. only), or numbered under the level above it (1.1, 1.2 …)."""
    if _REFERENCED.search(s.text):
        return None  # (第3项：A牵头: the items are named by their numbers, which must stay)
    lines = s.text.split("\n")
    found = _styles(lines)
    counts = Counter(style for style, _ in found.values())
    sources = [st for st, c in counts.items() if c >= 2]
    targets = [st for st in NUMBERING if st not in counts]
    if sources and rng.random() < 0.25:
        dotted = _dotted(s, lines, found, rng.choice(sources), rng)
        if dotted is not None:
            return dotted
    if not sources or not targets:
        return None
    source = rng.choice(sources)
    values = [number_value(source, m.group(2)) for st, m in found.values() if st == source]
    if "circled" in targets and max(values) > 20:
        targets.remove("circled")
    if "article" in targets and source != "ar_dot":
        targets.remove("article")  # (an article is an item, numbered as 1. is: never a heading above one)
    if not targets:
        return None
    target = rng.choice(targets)
    new = [
        _renumber_line(line, source, target) if found.get(i, ("",))[0] == source else line
        for i, line in enumerate(lines)
    ]
    gold = s.derive(s.text).gold
    map_gold_strings(gold, lambda t: "\n".join(_renumber_line(x, source, target) for x in t.split("\n")))
    return s.derive("\n".join(new), gold, "numbering")


def _dotted(
    s: Sample, lines: list[str], found: dict[int, tuple[str, re.Match[str]]], source: str, rng: random.Random
) -> Sample | None:
    """The ``source`` level numbered under the level above it: its n-th item under the k-th heading
    above it becomes k.n or k-n (一、… 1. → 一、… 1.1 / 1-1); None when no level stands above it."""
    numbered = [(i, style) for i, (style, _) in sorted(found.items())]
    first = next((k for k, (_, style) in enumerate(numbered) if style == source), 0)
    parent_style = numbered[first - 1][1] if first else ""  # the heading right above the first item
    sep = rng.choice(vocabulary()["dotted_separators"])  # (1.1, or a chapter's code: 1-1)
    parents, changed = 0, {}
    for i, line in enumerate(lines):
        style, m = found.get(i, ("", None))
        if not style or m is None:
            continue
        if style != source:
            parents += style == parent_style
            continue
        if not parents:
            return None  # an item before any heading above it: no number to put it under
        token = f"{parents}{sep}{number_value(source, m.group(2))}"
        rest = line[m.end() :]
        spaced = (
            rest[:1].isascii() or rng.random() < 0.5
        )  # (2.1 5G+…: a digit after the number needs the space)
        changed[line] = m.group(1) + token + (" " if spaced and rest[:1] not in " \u3000" else "") + rest
    if len(changed) < 2:
        return None
    gold = s.derive(s.text).gold
    map_gold_strings(gold, lambda t: "\n".join(changed.get(x, x) for x in t.split("\n")))
    return s.derive("\n".join(changed.get(line, line) for line in lines), gold, "numbering")


# ---------------------------------------------------------------- several annotations a paragraph


def _ends_with_annotation(line: str) -> bool:
    spans = annotation_spans(line.rstrip())
    return bool(spans) and spans[-1].end == len(line.rstrip())


@kind
def paragraphs(s: Sample, rng: random.Random) -> Sample | None:
    """Numbered tasks that each close with their own annotation are run together in pairs, one
    paragraph of two tasks with an annotation after each; the items are renumbered."""
    if _REFERENCED.search(s.text):
        return None  # (items named by their numbers elsewhere keep them)
    lines = s.text.split("\n")
    found = _styles(lines)
    merged_any = False
    drop: set[int] = set()
    replace: dict[int, str] = {}
    order = sorted(found)
    k = 0
    while k < len(order):
        style = found[order[k]][0]
        group = [order[k]]
        j = k + 1
        while j < len(order) and found[order[j]][0] == style:
            between = lines[group[-1] + 1 : order[j]]
            if any(x.strip() for x in between):
                break
            group.append(order[j])
            j += 1
        values = [number_value(style, found[i][1].group(2)) for i in group]
        ok = (
            len(group) >= 2
            and values == list(range(values[0], values[0] + len(group)))
            and values[0] == 1
            and all(_ends_with_annotation(lines[i]) for i in group)
            and rng.random() < 0.8
        )
        if ok:
            merged_any = True
            # Which items share a paragraph: two or three at a time, from the first or second.
            size, offset = rng.choice((2, 2, 3)), rng.choice((0, 0, 1))
            chunks = [[i] for i in group[:offset]] + [
                group[a : a + size] for a in range(offset, len(group), size)
            ]
            for n, chunk in enumerate(chunks, 1):
                first = chunk[0]
                m = NUMBERING[style][0].match(lines[first])
                assert m is not None
                # The number alone changes: the document's own brackets and dots stay.
                number = cn_number(n) if style.startswith("cn") else str(n)
                if style == "circled":
                    number = write_number(style, n)
                head = lines[first][: m.start(2)] + number + lines[first][m.end(2) :]
                for other in chunk[1:]:
                    m2 = NUMBERING[style][0].match(lines[other])
                    assert m2 is not None
                    head = head.rstrip() + lines[other][m2.end() :].strip()
                drop.update(range(first + 1, chunk[-1] + 1))
                replace[first] = head
        k = j
    if not merged_any:
        return None
    out = [replace.get(i, line) for i, line in enumerate(lines) if i not in drop]
    return s.derive("\n".join(out), kind="paragraphs")


# ---------------------------------------------------------------- tables


@kind
def table_columns(s: Sample, rng: random.Random) -> Sample | None:
    """A text table's columns in another order (序号 stays first) with synonyms for its headers
    (牵头单位 ↔ 主办单位, 配合单位 ↔ 协办单位, 重点任务 ↔ 改革举措 / 主要内容 / 工作措施)."""
    lines = s.text.split("\n")
    tables = text_tables(lines)
    if not tables:
        return None
    synonyms = vocabulary()["table_headers"]
    notes: list[tuple[int, str]] = []
    for table in tables:
        ditto = _ditto_leads(lines, table, rng) if rng.random() < 0.3 else None
        if rng.random() < 0.3 and ditto is None:
            _pair_unit_columns(lines, table)
        header = lines[table.header].split("\t")
        fixed = 1 if header[0].strip() in ("序号", "编号") else 0
        rest = list(range(fixed, len(header)))
        order = rest[:]
        for _ in range(10):
            rng.shuffle(order)
            if order != rest:
                break
        perm = list(range(fixed)) + order
        renamed = [
            rng.choice(synonyms[c.strip()]) if c.strip() in synonyms and rng.random() < 0.7 else c
            for c in header
        ]
        lines[table.header] = "\t".join(renamed[k] for k in perm)
        if ditto is not None:  # (the note names the lead's column as the header now does)
            note = str(rng.choice(vocabulary()["ditto_notes"])).format(C=renamed[ditto].strip())
            notes.append((table.rows[-1] + 1, note))
        for r in table.rows:
            cells = lines[r].split("\t")
            lines[r] = "\t".join(cells[k] for k in perm)
    for at, note in sorted(notes, reverse=True):
        lines.insert(at, note)
    return s.derive("\n".join(lines), kind="table_columns")


def _ditto_leads(lines: list[str], table: Table, rng: random.Random) -> int | None:
    """A lead cell that repeats the row above written once for its run: the cells below left blank
    (a note under the table saying so) or written 同上. The lead column's index where the cells are
    left blank and need the note; None where they are written 同上, or the table has no lead column,
    or a lead cell is empty already (which the note would fill)."""
    names = [c.strip() for c in lines[table.header].split("\t")]
    lead = next((i for i, c in enumerate(names) if c in vocabulary()["paired_columns"]["lead"]), None)
    rows = [lines[r].split("\t") for r in table.rows]
    if lead is None or any(len(c) != len(names) or c[lead].strip() in ("", "—", "-", "/") for c in rows):
        return None
    blank = rng.random() < 0.7
    mark = "" if blank else "同上"
    changed = False
    for k in range(len(rows) - 1, 0, -1):
        if rows[k][lead].strip() == rows[k - 1][lead].strip():
            rows[k][lead], changed = mark, True
    if not changed:
        return None
    for r, cells in zip(table.rows, rows, strict=True):
        lines[r] = "\t".join(cells)
    return lead if blank else None


def _pair_unit_columns(lines: list[str], table: Table) -> None:
    """A lead column and a partner column as one (牵头单位/配合单位), each cell "A / B、C" (an empty
    partner cell written —): the roles are unchanged."""
    header = lines[table.header].split("\t")
    names = [c.strip() for c in header]
    pairs = vocabulary()["paired_columns"]
    lead = next((i for i, c in enumerate(names) if c in pairs["lead"]), None)
    partner = next((i for i, c in enumerate(names) if c in pairs["cooperate"]), None)
    if lead is None or partner is None:
        return
    keep = [k for k in range(len(header)) if k != partner]
    header[lead] = f"{names[lead]}/{names[partner]}"
    lines[table.header] = "\t".join(header[k] for k in keep)
    for r in table.rows:
        cells = lines[r].split("\t")
        if len(cells) != len(header):
            continue  # a row with a merged or missing cell keeps its columns
        cells[lead] = f"{cells[lead].strip()} / {cells[partner].strip() or '—'}"
        lines[r] = "\t".join(cells[k] for k in keep)


@kind
def matrix(s: Sample, rng: random.Random) -> Sample | None:
    """A table's lead and partner columns as a responsibility matrix: a column per unit, headed by
    its name, each row's cell holding the lead's sign or the partner's (● / ○, ★ / ☆ …) or
    nothing, and a legend saying which sign is which, under the table or above its header. Only
    where every unit of those columns is written as the gold names it (no prefix shared in a cell)."""
    lines = s.text.split("\n")
    tables = text_tables(lines)
    if not tables:
        return None
    v = vocabulary()
    pairs = v["paired_columns"]
    names, aliased = set(s.units()), {u for u in s.units() if s.has_aliases(u)}
    lead_sign, partner_sign = rng.choice(v["matrix_signs"])
    legend = rng.choice(v["matrix_legends"]).format(lead=lead_sign, partner=partner_sign)
    done = False
    for table in reversed(tables):  # (lines are replaced from the last table up)
        header = [c.strip() for c in lines[table.header].split("\t")]
        lead = next((i for i, c in enumerate(header) if c in pairs["lead"]), None)
        partner = next((i for i, c in enumerate(header) if c in pairs["cooperate"]), None)
        if lead is None or partner is None:
            continue
        rows = [[c.strip() for c in lines[r].split("\t")] for r in table.rows]
        # each row's units as the gold names them (a prefix a cell shares, 市财政局、工信局, spelt out)
        tasks = [_row_task(s, row) for row in rows]
        if any(t is None or t.get("responsible") for t in tasks):
            continue
        listed = [[list(t.get("lead") or []), list(t.get("cooperate") or [])] for t in tasks if t is not None]
        units = list(dict.fromkeys(u for pair in listed for cell in pair for u in cell))
        if not units or any(u not in names or u in aliased for u in units):
            continue
        keep = [k for k in range(len(header)) if k not in (lead, partner)]
        lines[table.header] = "\t".join([*(header[k] for k in keep), *units])
        for r, row, (leads, partners) in zip(table.rows, rows, listed, strict=True):
            signs = [lead_sign if u in leads else partner_sign if u in partners else "" for u in units]
            lines[r] = "\t".join([*(row[k] for k in keep), *signs])
        if legend.startswith("（"):
            lines[table.header] = legend + "\n" + lines[table.header]
        else:
            lines[table.rows[-1]] += "\n" + legend
        done = True
    return s.derive("\n".join(lines), kind="matrix") if done else None


def _row_task(s: Sample, row: list[str]) -> dict[str, Any] | None:
    """The one gold task a table row's cells title, else ``None``."""
    found = [t for t in s.gold["tasks"] if t.get("title") and any(t["title"] in c for c in row)]
    return found[0] if len(found) == 1 else None


# ---------------------------------------------------------------- units given elsewhere


@kind
def roles_elsewhere(s: Sample, rng: random.Random) -> Sample | None:
    """Numbered items that each close their line with an annotation name their units elsewhere,
    their words unchanged: on a line of their own right above the item (【牵头单位：A；配合单位：B】 over
    1. 完善制度。), or, for items numbered 1. 2. …, in a section at the end that gives them by number
    (任务分工 / 第1项：由A牵头，B配合。)."""
    lines = s.text.split("\n")
    found = _styles(lines)
    by_style: dict[str, list[int]] = {}
    for i, (style, _) in sorted(found.items()):
        by_style.setdefault(style, []).append(i)
    styles = [
        st
        for st, items in by_style.items()
        if len(items) >= 2
        and all(
            len(annotation_spans(lines[i].rstrip())) == 1 and _ends_with_annotation(lines[i]) for i in items
        )
    ]
    if not styles:
        return None
    style = rng.choice(styles)
    items = by_style[style]
    values = [number_value(style, found[i][1].group(2)) for i in items]
    unique = len(set(values)) == len(values)
    by_number = style in ("ar_dot", "cn_paren") and unique and rng.random() < 0.5
    by_unit = (
        not by_number
        and style == "cn_paren"
        and unique
        and rng.random() < 0.5
        and _by_unit(s, lines, items, found)
    )
    out: list[str] = []
    given: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if i not in items:
            out.append(line)
            continue
        span = annotation_spans(line.rstrip())[-1]
        content = span.content(line)
        out_line = line[: span.start].rstrip()
        if by_unit:
            pass  # (the annex below names the item's units)
        elif by_number:
            clause = _prose(content, rng) if rng.random() < 0.5 else None
            given.append((number_value(style, found[i][1].group(2)), clause or content))
        else:
            bracket = rng.choice(vocabulary()["above_brackets"])
            out.append(found[i][1].group(1) + bracket[0] + content + bracket[1])
        out.append(out_line)
    if by_number:
        out.extend(["", rng.choice(vocabulary()["by_number_headings"]), *_number_lines(given, style, rng)])
    if by_unit:
        out.extend(["", rng.choice(vocabulary()["by_unit_headings"]), *by_unit])
    return s.derive("\n".join(out), kind="roles_elsewhere")


def _number_lines(given: list[tuple[int, str]], style: str, rng: random.Random) -> list[str]:
    """The lines of a section giving items by number: 第3项：…, items numbered （三） as 第（三）项 or
    第三项; consecutive items with the same words on one line (第1至3项, 第（六）、（七）项); a clause
    opening with 由 sometimes right after 项 (第（四）项由A牵头，B配合。)."""
    bracketed = rng.random() < 0.5

    def written(n: int) -> str:
        if style == "ar_dot":
            return str(n)
        return f"（{cn_number(n)}）" if bracketed else cn_number(n)

    runs: list[tuple[list[int], str]] = []
    for n, words in given:
        if runs and runs[-1][1] == words and runs[-1][0][-1] == n - 1:
            runs[-1][0].append(n)
        else:
            runs.append(([n], words))
    out = []
    for numbers, words in runs:
        if len(numbers) == 1:
            head = written(numbers[0])
        elif len(numbers) == 2 and rng.random() < 0.5:
            head = "、".join(map(written, numbers))
        else:
            head = f"{written(numbers[0])}至{written(numbers[-1])}"
        joint = "" if words.startswith("由") and rng.random() < 0.5 else "："
        out.append(f"第{head}项{joint}{words}。")
    return out


def _by_unit(
    s: Sample, lines: list[str], items: list[int], found: dict[int, tuple[str, re.Match[str]]]
) -> list[str]:
    """The items' units as an annex written unit by unit, each clause naming its item by number
    (市A：牵头完善制度（第一项）；会同市C建设平台（第二项）。 / 市C：配合市A建设平台（第二项）。), the units
    as the gold names them; [] when an item is no gold task, its work cannot be named or a unit's
    name is not written so in the text."""
    tasks = list(s.gold["tasks"])
    clauses: dict[str, list[str]] = {}
    for i in items:
        line = lines[i].rstrip()
        span = annotation_spans(line)[-1]
        work = line[found[i][1].end() : span.start].strip().split("。")[0].strip("，,；; ")
        task = next((t for t in tasks if t.get("title") and t["title"] in work), None)
        if task is None or not work or re.search("[（()）；;：:]", work):
            return []
        tasks.remove(task)
        lead, coop, resp = (list(task.get(r) or []) for r in ("lead", "cooperate", "responsible"))
        if any(re.search("[（()）、]", u) or u not in s.text for u in [*lead, *coop, *resp]):
            return []
        ref = f"（第{cn_number(number_value('cn_paren', found[i][1].group(2)))}项）"
        for u in lead:
            clauses.setdefault(u, []).append(
                f"会同{'、'.join(coop)}{work}{ref}" if coop else f"牵头{work}{ref}"
            )
        for u in coop:
            clauses.setdefault(u, []).append(
                f"配合{'、'.join(lead)}{work}{ref}" if lead else f"参与{work}{ref}"
            )
        for u in resp:
            clauses.setdefault(u, []).append(f"按职责分工负责{work}{ref}")
    return [f"{u}：{'；'.join(cs)}。" for u, cs in clauses.items()]
