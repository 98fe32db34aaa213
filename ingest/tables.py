"""Task-division tables written as tab-separated rows (flattened from .docx/.pdf or read from a
real table): header columns in any order, rows broken across lines, repeated headers after page
breaks, merged cells left empty, and cells shifted left or right by a lost or extra cell."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from fengong.ingest.deadlines import find_deadlines, may_hold_deadline, milestones, parse_deadline_cell
from fengong.ingest.notations.brackets import without_brackets
from fengong.ingest.outline import Line, heading_of
from fengong.ingest.status import matrix_legend_verbs, matrix_marks, state_of, tick_marks
from fengong.ingest.units import (
    clean,
    is_generic,
    is_letter_code,
    looks_like_unit,
    split_list,
    without_lead_marker,
)
from fengong.ingest.vocab import alternation, load_yaml, role_vocab

_KINDS = (
    "other",
    "seq",
    "category",
    "group",
    "problem",
    "content",
    "deadline",
    "progress",
    "state",
    "done_flag",
    "completed",
    "schedule_flag",
    "lag_flag",
    "share",
)
_SEQ = re.compile(r"^(?:\d{1,4}|[一二三四五六七八九十]{1,3})[.、．]?$")
# Kinds a row carries down from the row above when its merged cell is empty.
_CARRIED = ("category", "group")
#: A note saying that a table's blank cells repeat the row above (空白的，与上一行相同 / 空白处同上).
# (…栏空白的，与上一行相同 / 栏空白的，表示该项任务的牵头单位与上一项相同)
_BLANK_DITTO = re.compile(r"空白[的处]?[，,]?[^。；;\n]{0,20}?(?:与|同)(?:上一?[行项栏条]|上)(?:相同|一致)?")


@dataclass(slots=True)
class Cell:
    """A cell's words and where they stand in the document."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Row:
    """One table row, its cells keyed by column kind (lead / cooperate / responsible / content…)."""

    cells: dict[str, Cell]
    start: int
    end: int
    line: str = ""
    carried: set[str] = field(default_factory=set)
    extra: list[tuple[str, Cell]] = field(default_factory=list)  # more columns of a kind already in cells
    people: list[tuple[str, Cell]] = field(default_factory=list)  # (header, cell) of a people column

    def unit_cells(self) -> list[tuple[str, Cell]]:
        """The row's unit cells (lead / cooperate / responsible), in header order of kinds."""
        out = [(k, self.cells[k]) for k in self.cells if is_unit_kind(k)]
        out.sort(key=lambda kc: _UNIT_KINDS.index(kc[0].split(PAIR)[0]))
        return out + [(k, c) for k, c in self.extra if is_unit_kind(k)]

    def get(self, kind: str) -> str:
        """The cell's text, '' when absent."""
        cell = self.cells.get(kind)
        return cell.text if cell else ""


@dataclass(slots=True)
class Table:
    """A table: its column kinds in header order, its rows and the document lines it covers."""

    columns: list[str]
    rows: list[Row]
    line_indexes: set[int]
    # a responsibility matrix's legend: the role each sign in its unit columns gives (● -> lead)
    marks: dict[str, str] = field(default_factory=dict)


@cache
def _header_words() -> list[tuple[str, str]]:
    data = load_yaml("table_headers.yaml")
    pairs = [(w, kind) for kind in _KINDS for w in data.get(kind, [])]
    pairs += list(role_vocab().labels.items())
    # Longest first; at equal length "other" (牵头领导, a person) wins over a role (牵头).
    return sorted(pairs, key=lambda p: (-len(p[0]), p[1] != "other"))


@cache
def _exact_headers() -> dict[str, str]:
    """Header words to their kinds, the first (preferred) kind for a word listed twice."""
    out: dict[str, str] = {}
    for word, kind in _header_words():
        out.setdefault(word, kind)
    return out


@lru_cache(maxsize=4096)  # bounded: header cells are a few words and repeat across tables
def header_kind(cell: str) -> str | None:
    """What a header cell names (seq, group, content, deadline, lead, cooperate, responsible)."""
    c = _compact_header(cell)  # "责任单位（排在第一位的为牵头单位）"
    if not c or len(c) > 12:
        return None
    halves = _PAIR_SPLIT.split(c)
    if len(halves) == 2 and all(halves):
        # 牵头单位/配合单位: one cell holds both lists, the lead's before the slash
        kinds = [header_kind(h) for h in halves]
        if all(k in _UNIT_KINDS for k in kinds):
            return PAIR.join(k for k in kinds if k)
        return None
    exact = _exact_headers().get(c)
    if exact is not None:
        return exact
    if names_people(c):
        return "other"
    if len(c) >= 2 and state_of(c) is not None:
        return STATE_MARK + c  # 已完成 | 推进中 | 未启动: a column per state, a tick in the task's
    exact_only = _exact_only()
    hits = [
        (word, kind)
        for word, kind in _header_words()
        if word in c and len(word) >= 2 and word not in exact_only
    ]
    found = [kind for _, kind in hits]
    if not found:
        return None
    if found[0] == "deadline":
        # (责任单位及完成时限: a unit column whose cells also give the deadline, read from them)
        return next((k for k in found if k in _UNIT_KINDS), "deadline")
    if found[0] == "other":
        # (牵头单位及责任人: the lead's column, a person beside each unit; not 牵头领导, a person's)
        other = hits[0][0]
        return next((k for w, k in hits if k in _UNIT_KINDS and w not in other and other not in w), "other")
    return found[0]


def names_people(cell: str) -> bool:
    """Whether a header or a label names people (牵头省领导, 包保县领导, 责任人), not a unit column
    (牵头单位及责任人)."""
    ends, unit_words = person_header_words()
    return cell.endswith(ends) and not any(w in cell for w in unit_words)


@cache
def person_header_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words a header or label naming people ends with (责任人, 领导), and the unit words that make
    it a unit column's instead (牵头单位及责任人)."""
    data = load_yaml("table_headers.yaml")
    return tuple(data.get("person_ends", [])), tuple(data.get("unit_words", []))


@cache
def _exact_only() -> frozenset[str]:
    """Header words that name their column only as the whole cell (进度 is the state; 完成进度 a share)."""
    return frozenset(load_yaml("table_headers.yaml").get("exact_only", []))


def parse_header(line: str, units: bool = True) -> list[str] | None:
    """Column kinds when ``line`` is a task-division table header, else None; with ``units`` false,
    the header of a table of tasks and their deadlines alone (序号 | 重点任务 | 完成时限)."""
    if "\t" not in line:
        return None
    kinds = [header_kind(c) for c in line.split("\t")]
    if units and not any(is_unit_kind(k) for k in kinds):
        kinds = _matrix_columns(line.split("\t"), kinds)
    known = [k for k in kinds if k and k != "other"]
    has_units = any(is_unit_kind(k) or k.startswith(UNIT_MARK) for k in known)
    if not units and not has_units and {"group", "deadline"} <= set(known):
        return [k or "other" for k in kinds]
    # (a report's accounts may fill several columns: 一季度进展 | 二季度进展 | 完成情况)
    core = [k for k in known if k != "progress"]
    if not units or len(known) < 2 or not has_units or len(set(core)) < len(core) - 1:
        return None
    return [k or "other" for k in kinds]


def _matrix_columns(cells: list[str], kinds: list[str | None]) -> list[str | None]:
    """The columns of a responsibility matrix's header (序号 | 任务 | 市发展改革委 | 市财政局 | …): each
    header cell naming a unit its own column of marks, where several do beside a task column; the
    kinds unchanged otherwise."""
    if not any(k in ("group", "content") for k in kinds):
        return kinds
    named = [
        UNIT_MARK + name if k is None and (name := clean("".join(c.split()))) and _names_unit(name) else k
        for c, k in zip(cells, kinds, strict=True)
    ]
    marked = sum(1 for k in named if k and k.startswith(UNIT_MARK))
    return named if marked >= _MATRIX_UNITS else kinds


def mark_legend(text: str) -> dict[str, str]:
    """The role each sign of a responsibility matrix gives, as its legend says (注：“●”表示牵头单位，
    “○”表示配合单位 / ●为牵头单位、○为参与单位 / 标●的为牵头部门): sign -> lead, cooperate or responsible."""
    return {m["mark"]: _legend_roles()[m["word"]] for m in _legend_re().finditer(text)}


@cache
def _legend_roles() -> dict[str, str]:
    vocab = role_vocab()
    roles = {**vocab.verbs, **vocab.labels}
    roles.update((w, "cooperate") for w in vocab.partner_words)
    return roles


@cache
def _legend_re() -> re.Pattern[str]:
    marks = re.escape("".join(sorted(matrix_marks())))
    words = "|".join(re.escape(w) for w in sorted(_legend_roles(), key=len, reverse=True))
    verbs = alternation(list(matrix_legend_verbs()))
    return re.compile(
        rf"[“\"‘'「]?(?P<mark>[{marks}])[”\"’'」]?[ \t]*的?[ \t]*(?:{verbs})?[ \t]*(?:该任务的?)?(?P<word>{words})"
    )


def _names_unit(name: str) -> bool:
    """Whether a header cell is a unit's name (市住房和城乡建设局, 各区人民政府)."""
    return looks_like_unit(name) or is_generic(name) or ("各" in name[:1] and len(name) <= _CLASS_MAX)


def sub_header(line: str, columns: list[str]) -> list[str] | None:
    """The columns once a second header row splits a unit column ("责任单位" over "牵头单位 |
    配合单位"): the sub-header's unit kinds replace the first unit column and the unnamed columns
    after it, in order. None when ``line`` is not such a row (every cell a unit header word)."""
    cells = [c for c in line.split("\t") if c.strip()]
    kinds = [header_kind(c) for c in cells]
    if not cells or not all(is_unit_kind(k) for k in kinds):
        return None
    first = next((j for j, c in enumerate(columns) if is_unit_kind(c)), None)
    if first is None:
        return None
    run = first + 1
    while run < len(columns) and columns[run] == "other":
        run += 1
    width = run - first
    placed = [k for k in kinds if k] + ["other"] * max(0, width - len(kinds))
    return columns[:first] + placed + columns[run:]


@lru_cache(maxsize=16384)  # tables repeat cells (持续推进, the same unit lists) row after row
def _cell_type(text: str, codes: bool = False) -> str:
    """What a cell holds (seq, tick, deadline, units, text, empty); with ``codes`` (the document
    declares a legend of letter codes) a cell of capital letters holds units."""
    t = "".join(text.split())
    if not t or t in _same_as_above():
        return "empty"  # (同上 fills whatever column the cell above is in)
    if _SEQ.match(t):
        return "seq"
    if t in tick_marks() or t in matrix_marks():
        return "tick"
    found = parse_deadline_cell(t, None) if len(t) <= 30 and may_hold_deadline(t) else None
    if found and not _titled_date(t):
        d = found.deadline
        # The date must be most of the cell, not a date inside a sentence.
        if d.start is None or (d.end or 0) - d.start >= len(t) * 0.5:
            return "deadline"
    if len(t) <= 400 and len(milestones(t, None)) >= 2:
        return "deadline"  # 3月底前完成X；6月底前完成Y: dated milestones, the last the deadline
    if len(t) > 400:
        return "text"  # no unit list is this long: a task's own words
    items = [without_lead_marker(clean(x)) for x, _, _ in split_list(_PAIR_SPLIT.sub("、", t))]
    items = [x for x in items if x]
    if not items or any(len(x) > 30 for x in items):
        return "text"
    # Units when most items read as units (市直有关部门 fills a unit column too); the count stops
    # once it is decided either way (a task's sentence, split at its commas, fails at once).
    need, left, unit_like = max(1, 0.6 * len(items)), len(items), 0
    for x in items:
        # a qualified class of bodies (沿江各镇街, 辖区各银行网点) fills a unit column too
        # (and letter codes a legend spells out, A—县发展和改革局: B、C、各乡镇)
        unit_like += (
            looks_like_unit(x)
            or is_generic(x)
            or ("各" in x[1:-1] and len(x) <= _CLASS_MAX)
            or (codes and is_letter_code(x))
        )
        left -= 1
        if unit_like >= need:
            return "units"
        if unit_like + left < need:
            return "text"
    return "text"


#: A task's name with its date in brackets after it (新建口袋公园（2028年11月底前）): the task's cell.
_TITLED_DATE = re.compile(r"(?P<head>[\u4e00-\u9fff“”]{4,})[（(][^（）()]{4,}[）)]")


def _titled_date(cell: str) -> bool:
    """Whether ``cell`` is a task's name with its date in brackets after it, not a deadline with a
    note (长期坚持（2028年底前完成）: its head is a deadline itself)."""
    m = _TITLED_DATE.fullmatch(cell)
    return m is not None and not find_deadlines(m["head"], None)


@cache
def _same_as_above() -> frozenset[str]:
    """Cell words that repeat the cell above (同上)."""
    return frozenset(load_yaml("table_headers.yaml").get("same_as_above", []))


_CLASS_MAX = 12  # a qualified class of bodies is a short name
_UNIT_KINDS = ("lead", "cooperate", "responsible")
#: Opens the kind of a column named by a state (STATE_MARK + "推进中"): a tick in it gives the state.
STATE_MARK = "state:"
#: Opens the kind of a column named by a unit (UNIT_MARK + "市财政局"): a mark in it gives the unit
#: the role the table's legend gives that mark (a responsibility matrix).
UNIT_MARK = "unit:"
#: A matrix has columns for several units.
_MATRIX_UNITS = 3
#: Joins the two kinds of a column whose cells hold two lists (牵头单位/配合单位: "lead+cooperate").
PAIR = "+"
_PAIR_SPLIT = re.compile(r"[/／]")


def is_unit_kind(kind: str | None) -> bool:
    """Whether a column holds units: one role's, or two roles' lists split at a slash."""
    return bool(kind) and all(k in _UNIT_KINDS for k in (kind or "").split(PAIR))


def pair_halves(text: str) -> list[tuple[str, int]]:
    """A paired unit cell's two lists with their offsets in it (市A / 市B、市C); one without a
    slash is all the first's."""
    m = _PAIR_SPLIT.search(text)
    if m is None:
        return [(text, 0)]
    return [(text[: m.start()], 0), (text[m.end() :], m.end())]


# What it costs a row to have no cell for a column: merged category cells are often missing, a
# lead almost never, so a lone unit list after the deadline is the lead.
_SKIP = {"category": 0.2, "group": 0.25, "content": 0.35, "lead": 0.6, "responsible": 0.5}


def _compat(cell_type: str, column: str) -> float:
    if cell_type == "empty":
        return 0.0
    if column.startswith(STATE_MARK):
        return 2.0 if cell_type == "tick" else -2.0
    if column.startswith(UNIT_MARK):
        return {"tick": 2.0, "text": 0.0}.get(cell_type, -2.0)
    if cell_type == "tick":  # (a state column may give its state by a sign its legend explains: ✔)
        return 1.0 if column in ("state", "done_flag", "schedule_flag", "progress") else -2.0
    if column == "seq":
        return 2.0 if cell_type == "seq" else -3.0
    if column in ("deadline", "completed"):
        return 3.0 if cell_type == "deadline" else -2.0
    if is_unit_kind(column):
        return 2.0 if cell_type == "units" else -2.0
    if column == "other":  # (备注: 完成时限2028年11月底, a date noted beside the task)
        return {"text": 1.0, "units": -0.5, "deadline": -0.5, "seq": -1.0}[cell_type]
    if column in ("category", "group", "problem", "content"):
        return {"text": 1.0, "units": -0.5, "deadline": -1.0, "seq": -1.0}[cell_type]
    return 0.0


def align(cells: list[str], columns: list[str], codes: bool = False) -> list[int | None]:
    """For each cell, the column it belongs to (None: a stray cell), by a small alignment that
    lets a row miss a cell or carry an extra one and still put dates under 完成时限 and unit lists
    under 牵头单位 / 配合单位; ``codes`` as for ``_cell_type``."""
    return list(_align_types(tuple(_cell_type(c, codes) for c in cells), tuple(columns)))


@lru_cache(maxsize=4096)  # bounded: the rows of a table repeat a few patterns of cell types
def _align_types(types: tuple[str, ...], columns: tuple[str, ...]) -> tuple[int | None, ...]:
    """``align`` once the cells are typed: the alignment depends on nothing else."""
    n, m = len(types), len(columns)
    if n == m and all(_compat(t, c) > -1.0 for t, c in zip(types, columns, strict=True)):
        # A full row whose cells fit their columns stays as written: the typing of one cell
        # (a task that ends like a body's name, 建成一体化平台) must not shift the others.
        return tuple(range(n))
    neg = float("-inf")
    score = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, bool]]] = [[(0, 0, False)] * (m + 1) for _ in range(n + 1)]
    score[0][0] = 0.0
    # The same sums in the same order as cell by cell, with the costs looked up once.
    skips = [_SKIP.get(c, 0.3) for c in columns]
    for i in range(n + 1):
        here_row, back_here = score[i], back[i]
        if i < n:
            compat = [_compat(types[i], c) for c in columns]
            stray = 0.05 if types[i] == "empty" else 1.5
            next_row, back_next = score[i + 1], back[i + 1]
        for j in range(m + 1):
            here = here_row[j]
            if here == neg:
                continue
            if i < n and j < m:
                s = here + compat[j] + 0.1
                if s > next_row[j + 1]:
                    next_row[j + 1], back_next[j + 1] = s, (i, j, True)
            if j < m:  # the row has no cell for this column
                s = here - skips[j]
                if s > here_row[j + 1]:
                    here_row[j + 1], back_here[j + 1] = s, (i, j, False)
            if i < n:  # a stray cell
                s = here - stray
                if s > next_row[j]:
                    next_row[j], back_next[j] = s, (i, j, False)
    out: list[int | None] = [None] * n
    i, j = n, m
    while i > 0 or j > 0:
        pi, pj, matched = back[i][j]
        if matched:
            out[pi] = pj
        i, j = pi, pj
    return tuple(out)


def find_tables(lines: list[Line], units: bool = True, codes: bool = False) -> list[Table]:
    """Every task-division table in the document's lines; with ``units`` false, every table of
    tasks and deadlines that names no units instead. ``codes``: the document declares a legend of
    letter codes (A—县发展和改革局), so a cell of capital letters lists units."""
    tables: list[Table] = []
    # (表中“责任单位”“完成时限”栏空白的，与上一行相同: a blank cell repeats the one above it)
    blank_ditto = _ditto_columns(lines)
    i = 0
    while i < len(lines):
        columns = parse_header(lines[i].text, units)
        if not columns:
            i += 1
            continue
        header_text = "".join(lines[i].text.split())
        headers = [_compact_header(c) for c in lines[i].text.split("\t")]
        # (责任人 | 包村领导 | 牵头省领导: the columns naming people, by their header)
        people = {k: h for k, h in enumerate(headers) if len(headers) == len(columns) and names_people(h)}
        table = Table(columns, [], {i})
        i += 1
        if i < len(lines):
            refined = sub_header(lines[i].text, columns)
            if refined is not None:  # a second header row under 责任单位: 牵头单位 | 配合单位
                columns = refined
                people = people if len(headers) == len(columns) else {}
                table = Table(columns, [], {i - 1, i})
                header_text += "".join(lines[i].text.split())
                i += 1
        pending: list[tuple[str, int, int]] | None = None  # cells of the row being read
        section: Cell | None = None  # a heading line between rows ("一、强化水源保障")
        blank_run = 0
        while i < len(lines):
            line = lines[i]
            if blank_run == 0 and _section(lines, i):
                if pending:
                    table.rows.append(_make_row(pending, columns, section, codes, people))
                    pending = None
                h = heading_of(line.text)
                title = h[2] if h else line.text
                section = Cell(title.strip(), line.end - len(title), line.end)
                table.line_indexes.add(i)
                i += 1
                continue
            if not line.text:
                blank_run += 1
                i += 1
                if blank_run > 3:
                    break
                continue
            if "".join(line.text.split()) == header_text:  # repeated header after a page break
                table.line_indexes.add(i)
                blank_run = 0
                i += 1
                continue
            first = line.text.split("\t", 1)[0].strip()
            if "\t" in line.text and not _SEQ.match(first) and parse_header(line.text) is not None:
                break  # another table's header (a header never starts with a row's number)
            cells = _cells(line)
            named = _section_row(cells, codes)
            if named is not None:  # "一\t强化水源保障\t\t" names the rows after it
                if pending:
                    table.rows.append(_make_row(pending, columns, section, codes, people))
                    pending = None
                section = named
                table.line_indexes.add(i)
                blank_run = 0
                i += 1
                continue
            starts_row = "\t" in line.text and (
                "seq" not in columns
                or _cell_type(cells[0][0]) == "seq"
                or pending is None
                or _merged_row(pending, cells, columns)
            )
            if starts_row:
                if pending:
                    table.rows.append(_make_row(pending, columns, section, codes, people))
                pending = cells
            elif "\t" not in line.text and _NOTE_LINE.match(line.text):
                break  # a note under the table (注：排在第一位的为牵头单位) continues no cell
            elif pending is not None and len(cells) == len(pending) and not cells[0][0] and blank_run == 0:
                # A word processor's row wrapped onto a line of its own, its number cell empty: every
                # cell continues the cell above it (a unit cell keeps its items apart by the line break)
                pending = [
                    (_join_cell(a, b), a_start, b_end if b else a_end)
                    for (a, a_start, a_end), (b, _, b_end) in zip(pending, cells, strict=True)
                ]
            elif pending is not None and (blank_run == 0 or "\t" in line.text):
                # A row broken across lines: the first piece continues the last cell, after a line
                # break (a cell listing one unit a line keeps its items apart; text is compacted)
                last_text, last_start, _ = pending[-1]
                first_text, _, first_end = cells[0]
                joined = _join_cell(last_text, first_text)
                pending[-1] = (joined, last_start, first_end)
                pending.extend(cells[1:])
            else:
                break
            table.line_indexes.add(i)
            blank_run = 0
            i += 1
        if pending:
            table.rows.append(_make_row(pending, columns, section, codes, people))
        if any(c.startswith(UNIT_MARK) for c in columns):
            table.marks = mark_legend("\n".join(ln.text for ln in lines))
        _carry_down(table, blank_ditto)
        tables.append(table)
    return tables


def _merged_row(
    above: list[tuple[str, int, int]], cells: list[tuple[str, int, int]], columns: list[str]
) -> bool:
    """Whether a line whose number cell is empty is a row of its own under merged cells (a key
    task's several measures, each with its own units and date), not the row above wrapped: both
    give a whole date under the deadline's column, which no wrapped line does."""
    if len(cells) != len(columns):
        return False
    return any(
        column == "deadline"
        and _cell_type(above[k][0]) == "deadline"
        and _cell_type(cells[k][0]) == "deadline"
        for k, column in enumerate(columns)
    )


def _join_cell(above: str, below: str) -> str:
    """A cell's text continued on the next line: after a line break where both pieces end and start
    a name or a sentence of their own (a unit list one name a line), run together where the break
    cut a word (县发展和改革 / 局: 县发展和改革局)."""
    if not above or not below:
        return above + below
    above_items, below_items = split_list(above), split_list(below)
    last = without_lead_marker(clean(above_items[-1][0])) if above_items else ""
    first = without_lead_marker(clean(below_items[0][0])) if below_items else ""
    if above[-1] in _LIST_SEPARATORS or (last and first and looks_like_unit(last) and looks_like_unit(first)):
        return f"{above}\n{below}"
    if len(first) <= _CUT_WORD_MAX or not looks_like_unit(last):
        return above + below  # 县发展和改革|局, 工业和信息化|局等: one name cut by the line
    return f"{above}\n{below}"


_LIST_SEPARATORS = "、，,；;"
_CUT_WORD_MAX = 3  # the tail of a cut name (局, 委员会) is a few characters


_SECTION_MAX = 40
_NOTE_LINE = re.compile(r"^(?:注|备注|说明)\s*\d*\s*[:：]")
_CN_NUMBER = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]?$")


def _section_row(cells: list[tuple[str, int, int]], codes: bool) -> Cell | None:
    """A row that only names a section: a Chinese number and a short title ("一 | 强化水源保障"),
    or a numbered heading alone in its first cell; None for any other row."""
    filled = [(t, s, e) for t, s, e in cells if t]
    if len(filled) == 2 and _CN_NUMBER.match(filled[0][0]) and len(filled[1][0]) <= _SECTION_MAX:
        title = filled[1]
    elif len(filled) == 1 and len(filled[0][0]) <= _SECTION_MAX and heading_of(filled[0][0]):
        h = heading_of(filled[0][0])
        assert h is not None
        return Cell(h[2].strip(), filled[0][2] - len(h[2]), filled[0][2])
    else:
        return None
    if _cell_type(title[0], codes) != "text":
        return None
    return Cell(title[0], title[1], title[2])


def _section(lines: list[Line], i: int) -> bool:
    """A short numbered heading without cells, right before a row: it names the rows after it."""
    text = lines[i].text
    if not text or "\t" in text or len(text) > _SECTION_MAX or heading_of(text) is None:
        return False
    nxt = next((ln.text for ln in lines[i + 1 : i + 3] if ln.text), "")
    return "\t" in nxt


# A cell that only marks "none" (—, －, /, 无, （待明确）): empty, so no unit is read from it.
_NONE_CELL = re.compile(r"^(?:[-—－–/／、]+)$")


@cache
def _none_words() -> frozenset[str]:
    return frozenset(load_yaml("table_headers.yaml").get("none_cells", []))


def _is_none(text: str) -> bool:
    """Whether a cell says only that there is none (—, 无, （待明确）)."""
    return bool(_NONE_CELL.match(text)) or text.strip("（）() ") in _none_words()


def _cells(line: Line) -> list[tuple[str, int, int]]:
    out = []
    pos = line.start
    for piece in line.text.split("\t"):
        text = piece.strip().strip('"').strip()  # a spreadsheet's quotes around a cell of several lines
        # (the cell starts where its words do: a piped row's cells have a space either side)
        at = pos + piece.find(text) if text else pos
        out.append(("" if _is_none(text) else text, at, pos + len(piece)))
        pos += len(piece) + 1
    return out


def _compact_header(cell: str) -> str:
    """A header cell's words without spaces or a bracket's note (责任人（联系人）: 责任人)."""
    return without_brackets("".join(cell.split()))


def _make_row(
    cells: list[tuple[str, int, int]],
    columns: list[str],
    section: Cell | None,
    codes: bool,
    people: dict[int, str] | None = None,
) -> Row:
    if len(cells) <= len(columns) and any(c.startswith(UNIT_MARK) for c in columns):
        # a matrix's row stands cell under column (its empty cells say "not this unit"; the empty
        # cells closing it are gone with the line's edge spaces)
        placed: list[int | None] = list(range(len(cells)))
    else:
        placed = align([c for c, _, _ in cells], columns, codes)
    row_cells: dict[str, Cell] = {}
    column_of: dict[str, int] = {}
    extra: list[tuple[str, Cell]] = []
    for (text, s, e), col in zip(cells, placed, strict=True):
        if col is None or not text:
            continue
        kind = columns[col]
        if kind in row_cells and column_of[kind] != col:
            extra.append((kind, Cell(text, s, e)))  # a second column of one kind (协办单位, 指导部门)
        elif kind in row_cells:
            row_cells[kind] = Cell(row_cells[kind].text + text, row_cells[kind].start, e)
        else:
            row_cells[kind] = Cell(text, s, e)
            column_of[kind] = col
    if section is not None and "category" not in row_cells:
        row_cells["category"] = section
    named = [
        (people[col], Cell(text, s, e))
        for (text, s, e), col in zip(cells, placed, strict=True)
        if people and col in people and text
    ]
    start, end = cells[0][1], cells[-1][2]
    return Row(row_cells, start, end, extra=extra, people=named)


def _ditto_columns(lines: list[Line]) -> frozenset[str] | None:
    """The column kinds a note says repeat the row above where blank (表中“牵头单位”栏空白的，与上一行
    相同: the lead's); an empty set where it names none (表中空白处同上: every unit and deadline
    column's); None without such a note."""
    notes = [ln.text for ln in lines if "空白" in ln.text and _BLANK_DITTO.search(ln.text)]
    if not notes:
        return None
    named = "".join(note[: note.find("空白")] for note in notes)
    kinds: set[str] = set()
    for word, kind in _header_words():
        if word in named:
            kinds.add(kind)
            named = named.replace(word, "")  # (a longer header word first: 牵头单位, then not 单位)
    return frozenset(kinds)


def _carry_down(table: Table, blank_ditto: frozenset[str] | None = None) -> None:
    """Merged cells: an empty category / group cell repeats the one above it; so does any cell that
    says it is the same as above (同上), and, where the document says blank cells are, any blank
    unit or deadline cell of a task's row (of the columns the note names, where it names some)."""
    previous: dict[str, Cell] = {}
    same = _same_as_above()
    carried = (
        _CARRIED
        + tuple(
            k
            for k in table.columns
            if (is_unit_kind(k) or k == "deadline") and (not blank_ditto or k in blank_ditto)
        )
        if blank_ditto is not None
        else _CARRIED
    )
    for row in table.rows:
        for kind, cell in list(row.cells.items()):
            if "".join(cell.text.split()) in same and kind in previous:
                row.cells[kind] = previous[kind]
                row.carried.add(kind)
        previous.update((k, c) for k, c in row.cells.items() if "".join(c.text.split()) not in same)
        for kind in carried:
            if kind not in row.cells and kind in previous and kind in table.columns:
                row.cells[kind] = previous[kind]
                row.carried.add(kind)
            elif kind in row.cells:
                previous[kind] = row.cells[kind]
