"""The rewrite kinds: each changes how a document writes its assignments, never what they mean,
and derives the rewritten gold exactly. A kind returns None when it does not apply to a document
or when applying it would leave the gold ambiguous."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from tests.rewrite.model import Sample, map_gold_strings, rename_units, vocabulary
from tests.rewrite.text import (
    LABEL,
    NUMBERING,
    OPEN,
    Span,
    annotation_spans,
    cn_number,
    depth0,
    label_lists,
    number_value,
    split0,
    write_number,
)

Rewrite = Callable[[Sample, random.Random], Sample | None]
KINDS: dict[str, Rewrite] = {}


def kind(fn: Rewrite) -> Rewrite:
    """Register a rewrite under its function's name."""
    KINDS[fn.__name__] = fn
    return fn


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Replace the (start, end) ranges of ``text``; ranges must not overlap."""
    out, last = [], 0
    for start, end, new in sorted(edits):
        if start < last:
            raise ValueError("overlapping edits")
        out.append(text[last:start])
        out.append(new)
        last = end
    out.append(text[last:])
    return "".join(out)


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
            for m in re.finditer(r"(配合)(?=[）)〕\]】；;，,。]|$)", inner):
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


@dataclass(frozen=True)
class Table:
    """A text table: its header line and row lines (indexes into the document's lines)."""

    header: int
    rows: tuple[int, ...]
    cells: int


HEADER_WORD = re.compile(r"单位|部门")


def text_tables(lines: list[str]) -> list[Table]:
    """Regular tab-separated tables: a header with a unit column, then rows of as many cells.
    Irregular tables (broken rows, repeated headers) are left out."""
    out = []
    i = 0
    while i < len(lines):
        cells = lines[i].split("\t")
        if len(cells) >= 3 and any(HEADER_WORD.search(c) and len(c.strip()) <= 6 for c in cells):
            rows = []
            j = i + 1
            while j < len(lines) and lines[j].count("\t") == len(cells) - 1 and lines[j].strip():
                rows.append(j)
                j += 1
            regular = j >= len(lines) or "\t" not in lines[j]
            repeated = sum(line == lines[i] for line in lines) > 1
            if len(rows) >= 2 and regular and not repeated:
                out.append(Table(i, tuple(rows), len(cells)))
            i = j
        else:
            i += 1
    return out


def _line_starts(lines: list[str]) -> list[int]:
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return starts


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
    starts = _line_starts(lines)
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


# ---------------------------------------------------------------- unit swaps

LEFT = set("、，,；;：:（(〔[【\t\n 　由和及与")
RIGHT = set("、，,；;）)〕]】\t\n 　。等和及与")
RIGHT_WORDS = ("牵头", "配合", "负责", "会同", "参与", "协办", "主办", "按职责", "协同")


def _bounded(text: str, start: int, end: int, left_extra: str = "") -> bool:
    left_ok = start == 0 or text[start - 1] in LEFT or text[start - 1] in left_extra
    right_ok = end == len(text) or text[end] in RIGHT or text.startswith(RIGHT_WORDS, end)
    return left_ok and right_ok


def _replace_all(text: str, old: str, new: str, left_extra: str = "") -> str | None:
    """Replace every occurrence of ``old`` that stands as a list item; None when some occurrence
    does not (the name is part of another word, so swapping it would change more than a unit)."""
    spans = [m.start() for m in re.finditer(re.escape(old), text)]
    if any(not _bounded(text, i, i + len(old), left_extra) for i in spans):
        return None
    return apply_edits(text, [(i, i + len(old), new) for i in spans])


def _swap(
    s: Sample, pairs: dict[str, str], gold_names: dict[str, str], left_extra: str, name: str
) -> Sample | None:
    text = s.text
    gold = s.derive(s.text).gold
    done: dict[str, str] = {}
    for old, new in pairs.items():
        swapped = _replace_all(text, old, new, left_extra)
        if swapped is None or swapped == text:
            continue
        fixed: dict[str, Any] = s.derive(s.text, gold).gold
        ok = True

        def fix(t: str, old: str = old, new: str = new) -> str:
            nonlocal ok
            r = _replace_all(t, old, new, left_extra)
            if r is None:
                ok = False
                return t
            return r

        map_gold_strings(fixed, fix)
        if not ok:
            continue
        text, gold = swapped, fixed
        done[old] = new
    if not done:
        return None
    rename_units(gold, {g: n for g, n in gold_names.items() if any(g.endswith(o) for o in done)})
    return s.derive(text, gold, name)


def _names(body: Any) -> tuple[str, ...]:
    """Every Chinese name of a lexicon body (its interface: name, short, former)."""
    return (body.name, *body.short, *body.former)


@kind
def swap_central(s: Sample, rng: random.Random) -> Sample | None:
    """Central bodies the lexicon knows for other bodies of the lexicon, in the same form (a short
    form for a short form), everywhere the document names them."""
    from fengong.ingest.bodies import bodies, lookup

    pool = list(bodies())
    national = (s.gold.get("jurisdiction") or {}).get("level") == "national"
    pairs: dict[str, str] = {}
    used: set[str] = set()
    for unit in s.units():
        body = lookup(unit)
        if s.has_aliases(unit):
            continue
        # A national document's units are central bodies, known to the lexicon or not; classes
        # of bodies (各省级人民政府) and local ones stay.
        if body is None and not (national and unit[:1] not in "各省市县区州"):
            continue
        short = unit in body.short if body is not None else rng.random() < 0.5
        options = []
        for other in pool:
            # A body already in the document (under any of its names) or already swapped in
            # would be one body under two names: not a clean rewrite.
            if (body is not None and other.name == body.name) or other.name in used:
                continue
            if any(n in s.text for n in _names(other)):
                continue
            new = other.short[0] if short and other.short else other.name
            if unit in new or new in unit:
                continue
            options.append((body is not None and other.kind == body.kind, new))
        same_kind = [n for k, n in options if k] or [n for _, n in options]
        if same_kind and rng.random() < 0.7:
            pairs[unit] = rng.choice(same_kind)
            used.add(next(b.name for b in pool if pairs[unit] in _names(b)))
    return _swap(s, pairs, dict(pairs), "", "swap_central")


@cache
def _abbreviations() -> dict[str, str]:
    """Spelling -> function, from the extractor's own table of department abbreviations: a swap
    must not bring in a department the document already names under another spelling."""
    from importlib.resources import files

    out: dict[str, str] = {}
    table = files("fengong.ingest") / "data" / "unit_abbreviations.tsv"
    if not table.is_file():  # without the table, the first-three-characters rule alone
        return out
    for line in table.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 2 and not line.startswith("#"):
            out[_plain(cells[0])] = _plain(cells[1])
    return out


def _plain(name: str) -> str:
    return re.sub("[和与及]", "", name.strip())


def _function_key(name: str) -> str:
    """One key for the spellings of a department function (发改委, 发展和改革委员会 and
    发展改革委员会 agree; so do 卫生健康委 and 卫生健康委员会, by their first three characters)."""
    plain = _plain(name)
    return _abbreviations().get(plain, plain)[:3]


LEVEL_CHAR = {"province": "省", "city": "市", "county": "县", "district": "区"}


@kind
def swap_local(s: Sample, rng: random.Random) -> Sample | None:
    """Local departments for other departments of the same level (市X局 → 市Y局), the function
    swapped wherever the document names it, with or without the distributed prefix."""
    level = LEVEL_CHAR.get((s.gold.get("jurisdiction") or {}).get("level") or "")
    if level is None:
        return None
    deps = vocabulary()["departments"]
    pool = deps["province"] if level == "省" else deps["local"]
    units = s.units()
    candidates = [u for u in units if u[:1] == level and u[1:] in pool and not s.has_aliases(u)]
    if not candidates:
        return None
    rng.shuffle(candidates)
    chosen = candidates[: rng.randint(1, min(4, len(candidates)))]
    pairs: dict[str, str] = {}
    present = {_function_key(u.lstrip("省市县区州")) for u in units}
    for unit in chosen:
        func = unit[1:]
        options = [
            y
            for y in pool
            if y not in s.text
            and y not in pairs.values()
            and func not in y
            and y not in func
            and _function_key(y) not in present
        ]
        if options:
            pairs[func] = rng.choice(options)
    # Gold names that are the function with a level prefix (or bare) follow the swap.
    gold_names = {}
    for u in units:
        for func, new in pairs.items():
            if u.endswith(func) and len(u) - len(func) <= 1:
                gold_names[u] = u[: len(u) - len(func)] + new
    return _swap(s, pairs, gold_names, "省市县区州", "swap_local")


# ---------------------------------------------------------------- numbering


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
    （1） / ①."""
    lines = s.text.split("\n")
    found = _styles(lines)
    counts = Counter(style for style, _ in found.values())
    sources = [st for st, c in counts.items() if c >= 2]
    targets = [st for st in NUMBERING if st not in counts]
    if not sources or not targets:
        return None
    source = rng.choice(sources)
    values = [number_value(source, m.group(2)) for st, m in found.values() if st == source]
    if "circled" in targets and max(values) > 20:
        targets.remove("circled")
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


# ---------------------------------------------------------------- several annotations a paragraph


def _ends_with_annotation(line: str) -> bool:
    spans = annotation_spans(line.rstrip())
    return bool(spans) and spans[-1].end == len(line.rstrip())


@kind
def paragraphs(s: Sample, rng: random.Random) -> Sample | None:
    """Numbered tasks that each close with their own annotation are run together in pairs, one
    paragraph of two tasks with an annotation after each; the items are renumbered."""
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
    for table in tables:
        header = lines[table.header].split("\t")
        fixed = 1 if header[0].strip() in ("序号", "编号") else 0
        rest = list(range(fixed, table.cells))
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
        for r in table.rows:
            cells = lines[r].split("\t")
            lines[r] = "\t".join(cells[k] for k in perm)
    return s.derive("\n".join(lines), kind="table_columns")


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


# ---------------------------------------------------------------- several at once


@kind
def mixed(s: Sample, rng: random.Random) -> Sample | None:
    """Two to four of the other rewrites one after the other."""
    names = [n for n in KINDS if n != "mixed"]
    rng.shuffle(names)
    out, applied, target = s, 0, rng.randint(2, 4)
    for name in names:
        new = KINDS[name](out, rng)
        if new is not None:
            out, applied = new, applied + 1
        if applied >= target:
            break
    if applied < 2:
        return None
    return Sample(out.name, out.text, out.gold, out.base, (*s.kinds, "mixed"))
