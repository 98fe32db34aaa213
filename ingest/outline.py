"""Text -> outline: numbered headings (一、 （一） 1. （1） ①), attachments (附件) and the lines each
heading owns, with character offsets into the document text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from fengong.ingest.deadlines import deadline_clause, deadline_labels
from fengong.ingest.local_bodies import ending_words
from fengong.ingest.status import lone_state
from fengong.ingest.vocab import VocabularyError, alternation, load_yaml, role_vocab, words


@dataclass(frozen=True)
class _OutlineVocab:
    headings: list[tuple[int, re.Pattern[str]]]
    heading_starts: frozenset[str]  # every heading pattern starts with one of these (or a digit)
    attachment: re.Pattern[str]
    progress: re.Pattern[str]
    inline_progress: re.Pattern[str]  # the label with its colon inside a paragraph
    artefact: re.Pattern[str]
    artefact_starts: str
    bullets: str  # the marks opening a list's line (- • ·)


@cache
def _vocab() -> _OutlineVocab:
    """The outline's patterns, built from ``outline.yaml``."""
    name = "outline.yaml"
    data = load_yaml(name)
    cn = str(data.get("numerals") or "")
    circled = str(data.get("circled") or "")
    if not cn or not circled:
        raise VocabularyError(f"ingest/data/{name}: 'numerals' and 'circled' must be strings")
    cn_class, circled_class = re.escape(cn), re.escape(circled)
    figures = alternation(words(data, "figure_units", name))
    dates = alternation(words(data, "date_units", name))
    headings = [
        (0, re.compile(rf"^第[{cn_class}\d]{{1,4}}\s*(?:{alternation(words(data, 'part_words', name))})\s*")),
        (1, re.compile(rf"^[{cn_class}]{{1,3}}\s*[、．.]\s*")),
        (2, re.compile(rf"^[（(]\s*[{cn_class}]{{1,3}}\s*[）)]\s*[、．.]?\s*")),
        # "1.5G+智慧医疗" is item 1; "2.5亿元" is a number, not a heading.
        # "1.1 编制…" / "2.3.1": an item numbered under its section's number, before "1." (which
        # would take "1.1" for item 1); not a decimal figure ("2.5亿元", "1.5G+") nor item 1 opening
        # with a date ("1.3月底前完成…").
        (
            4,
            re.compile(
                rf"^\d{{1,2}}(?:[.．]\d{{1,2}}){{1,3}}(?![\d.．]|\s*(?:{figures}|{dates}))(?=[\s\u4e00-\u9fff“《（(])\s*"
                # (or coded with a dash, chapter then item: 1-1, 2-3)
                rf"|^\d{{1,2}}[-－]\d{{1,2}}(?![\d\-－]|\s*(?:{figures}|{dates}))(?=[\s\u4e00-\u9fff“《（(])\s*"
            ),
        ),
        (3, re.compile(rf"^\d{{1,2}}\s*(?:[．、]|\.(?!\d+\s*(?:{figures})))\s*")),
        # (an article, 第三条 推进X。, numbers an item as 3. does)
        (
            3,
            re.compile(
                rf"^第[{cn_class}\d]{{1,4}}\s*(?:{alternation(words(data, 'item_words', name))})[\s\u3000]*"
            ),
        ),
        # "（1）" and "1）" number the same level.
        (5, re.compile(r"^(?:[（(]\s*\d{1,2}\s*[）)]|\d{1,2}\s*[）)])\s*[、．.]?\s*")),
        (6, re.compile(rf"^[{circled_class}]\s*")),
    ]
    bullets = words(data, "bullets", name)
    attachment = _spaced(words(data, "attachment_words", name))
    return _OutlineVocab(
        headings=headings,
        # The first characters each pattern above can start with: 第, a numeral, a bracket, a circled number.
        heading_starts=frozenset("第" + cn + "（(" + circled),
        attachment=re.compile(rf"^(?:{attachment})\s*(?P<n>\d{{1,2}})?\s*(?:[:：]\s*(?P<title>.*))?$"),
        progress=re.compile(
            rf"^(?:(?:{alternation(words(data, 'progress_words', name))})\s*[:：]?"
            rf"|(?:{alternation(words(data, 'progress_labels', name))})\s*[:：]"
            rf"|{_bracketed(words(data, 'progress_words', name) + words(data, 'progress_labels', name))})\s*"
        ),
        # (the label before a colon, or in brackets of its own: X【进展情况】已制定工作规程)
        inline_progress=re.compile(
            rf"(?:(?:{alternation(words(data, 'progress_words', name) + words(data, 'progress_labels', name))})"
            rf"\s*[:：]|{_bracketed(words(data, 'progress_words', name) + words(data, 'progress_labels', name))})\s*"
        ),
        artefact=re.compile(rf"^(?:[{re.escape(''.join(bullets))}]\s+)|\[bookmark:[^\]]*\]"),
        artefact_starts="".join(bullets) + "[",
        bullets="".join(bullets),
    )


@cache
def enumeration_ordinal(after: str) -> re.Pattern[str]:
    """An enumeration's ordinal (一是 / 二是 / 十一是) opening a line or following one of the
    punctuation marks ``after`` (a sentence's end, or a clause's too where a paragraph lists its tasks)."""
    cn = re.escape(str(load_yaml("outline.yaml").get("numerals") or ""))
    return re.compile(rf"(?:^|(?<=[{re.escape(after)}]))[ \t\u3000]*[{cn}]{{1,3}}是")


@cache
def circled() -> str:
    """The circled numbers ①…⑳ in order (outline.yaml's ``circled``): item ① is 1."""
    return str(load_yaml("outline.yaml").get("circled") or "")


@cache
def item_number() -> str:
    """A task item's number as a regex (1. / 2.1 / （一） / （3） / 一、), unanchored: the numberings
    that lead items rather than parts or articles, built from the outline's numerals."""
    cn = re.escape(str(load_yaml("outline.yaml").get("numerals") or ""))
    # (2.1 推进X: a decimal number stands alone before a space; 2.5亿元 is a figure)
    return rf"(?:\d{{1,3}}(?:[.．]\d{{1,3}})*[.．、](?!\d)|\d{{1,3}}(?:[.．]\d{{1,3}})+(?=[ \t\u3000])|[（(](?:\d{{1,3}}|[{cn}]{{1,3}})[）)]|[{cn}]{{1,3}}、)"


def _bracketed(ws: list[str]) -> str:
    """Labels standing in brackets of their own instead of before a colon (【进展情况】)."""
    return rf"[【［\[〔](?:{alternation(ws)})[】］\]〕]"


def _spaced(ws: list[str]) -> str:
    """Words that converted text may space out (附 件): any spaces between their characters."""
    return "|".join(r"\s*".join(re.escape(ch) for ch in w) for w in sorted(ws, key=len, reverse=True))


@dataclass(slots=True)
class Line:
    """One line of the document: its words without edge spaces and where they stand."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Block:
    """A heading and the lines it owns until the next heading."""

    index: int
    level: int
    marker: str
    heading: str  # the heading line after its number
    start: int
    end: int
    region: str  # body / attachment N
    parent: int | None
    lines: list[Line] = field(default_factory=list)  # the heading line first
    progress_at: int | None = None  # index into lines of a 落实情况 line

    @property
    def text(self) -> str:
        """The block's own lines, joined."""
        return "\n".join(ln.text for ln in self.lines)


def blank_bullets(text: str) -> str:
    """``text`` with the bullet opening a line (- 牵头单位：市A, • 配合单位：市B) as spaces: a list's mark,
    no word of the line (the same length, so offsets into the text hold)."""
    if not any(f"\n{b} " in text or text.startswith(f"{b} ") for b in _vocab().bullets):
        return text
    return _bullet_re().sub(lambda m: m["indent"] + " " * len(m["mark"]), text)


@cache
def _bullet_re() -> re.Pattern[str]:
    marks = re.escape(_vocab().bullets)
    return re.compile(rf"^(?P<indent>[ \t\u3000]*)(?P<mark>[{marks}])(?=[ \t\u3000])", re.M)


def split_lines(text: str) -> list[Line]:
    """Lines with edge whitespace and conversion artefacts removed, offsets kept."""
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        converted = _pipe_row(raw)
        # (with or without outer pipes: | 1 | X | and  |  | X | 单位 alike keep their empty cells)
        piped = converted != raw and raw.lstrip()[:1] in "|｜"
        raw = converted
        # a piped row's edge tabs are cells (an empty number cell), not whitespace
        stripped = raw.strip(" \r\u3000\ufeff" if piped else " \t\r\u3000\ufeff")
        if "\t" in stripped and not piped:
            # a tab row's closing tabs are its empty last cells (… | 市公安局 | <no lead>), as a piped
            # row's are: kept, so that the row's cells stand under their columns
            closing = raw.rstrip(" \r\u3000\ufeff")
            if closing.endswith("\t"):
                stripped = raw[raw.index(stripped[0]) : len(closing)]
        if not stripped:
            out.append(Line("", start, start))
            continue
        lead = raw.index(stripped[0])
        # an artefact starts with a bullet or "[" (most lines are not tried)
        v = _vocab()
        if stripped[0] in v.artefact_starts and v.artefact.match(stripped):
            stripped = v.artefact.sub("", stripped).strip()
            if not stripped:
                out.append(Line("", start, start))
                continue
            lead = raw.find(stripped[:4]) if raw.find(stripped[:4]) >= 0 else lead
        out.append(Line(stripped, start + lead, start + lead + len(stripped)))
    return out


_PIPE_ROW = re.compile(r"^\s*[|｜].*[|｜]\s*$")
_PIPE_RULE = re.compile(r"^[\s|｜:：\-—－]+$")
# a row without its outer pipes (1 | 编制规划 | 省应急管理厅): three cells or more, so a lone
# pipe in prose is no table
_PIPE_INNER = re.compile(r"^[^|｜\n]+[|｜][^|｜\n]+[|｜].*$")
# a cell that is a labelled field (牵头单位：区工信局)
_FIELD = re.compile(r"^\s*[\u4e00-\u9fff]{2,8}\s*[：:]")


def _pipe_row(raw: str) -> str:
    """A row of a table written with pipes (| 1 | 编制规划 | 省应急管理厅 |, as converters write
    Markdown, with or without the outer pipes) as the tab-separated row the table reader reads; its rule line (|---|---|) blank. The
    same length, so offsets into the text hold."""
    if not raw or not (_PIPE_ROW.match(raw) or _PIPE_INNER.match(raw)):
        return raw
    cells = [c for c in re.split("[|｜]", raw) if c.strip()]
    if cells and all(_FIELD.match(c) for c in cells):
        return raw  # fields parted by bars (牵头单位：A｜配合单位：B｜完成时限：C), no table row
    if _PIPE_RULE.match(raw):
        return " " * len(raw)
    row = raw.replace("|", "\t").replace("｜", "\t")
    if _PIPE_ROW.match(raw):
        # the outer pipes bound the row, they separate no cells: a row wrapped onto a line of its own
        # (|  | 续写的内容 | 单位 |  |) keeps its empty number cell
        first, last = row.index("\t"), row.rindex("\t")
        row = row[:first] + " " + row[first + 1 : last] + " " + row[last + 1 :]
    return row


#: Marks a document sets before an item's number to flag it (★1. 推进X: a key task).
_ITEM_MARKS = "★☆▲△◆◇●○◐◑◎■□※"


def heading_of(line: str) -> tuple[int, str, str] | None:
    """(level, marker, rest) when the line starts with an outline number; a report's state in
    brackets before the number (【已完成】2. 建成X。) stays at the start of the rest, where a title's
    opening state is read."""
    state = _state_opening(line) if line[:1] in "【[〔" else None
    if state is not None:
        inner = heading_of(line[state.end() :])
        return (inner[0], inner[1], state.group() + inner[2]) if inner else None
    if line[:1] in _ITEM_MARKS and len(line) > 2:
        # ★1.X (注：标注★的为重点任务): the mark flags the item, the number is its heading's
        rest = line[1:].lstrip(" \u3000")  # (○ 二、推进X: a space may part the mark from the number)
        inner = heading_of(rest)
        return (inner[0], line[: len(line) - len(rest)] + inner[1], inner[2]) if inner else None
    named = _name_bracket().match(line) if line[:1] == "【" else None
    if named is not None and named.end() < len(line):
        return 3, "【", line[named.end() :]  # 【任务】X (its units and progress on the lines after)
    labelled = _name_label().match(line) if "：" in line or ":" in line else None
    if labelled is not None and _spaced_field().search(line, labelled.end()):
        # 任务：实施X　责任单位：县A　进展：已完成 (a task's fields on its own line, parted by spaces)
        return 3, line[: labelled.end()].strip(), line[labelled.end() :]
    titled = _bracketed_title(line) if line[:1] == "【" else None
    if titled is not None:
        return titled
    v = _vocab()
    if "\t" in line or not line or (line[0] not in v.heading_starts and not line[0].isdecimal()):
        return None  # every heading pattern starts with one of these (or a digit, as \d)
    for level, pattern in v.headings:
        m = pattern.match(line)
        if m and len(line) > m.end():
            return level, m.group().strip(), line[m.end() :]
    return None


def _without_deadline_bracket(title: str) -> str:
    """A title without a bracket closing it that holds only its deadline (引进配套企业（2027年12月底前）)."""
    if not title.endswith(("）", ")")):
        return title
    open_at = max(title.rfind("（"), title.rfind("("))
    if open_at < 2:
        return title
    inner = title[open_at + 1 : -1].strip()
    return title[:open_at].strip() if inner and deadline_clause(inner, None) is not None else title


def _bracketed_title(line: str) -> tuple[int, str, str] | None:
    """A task's title in 【】 opening its line, its fields after it (【推进大科学装置集群建设】牵头单位：
    市A；进展情况：…): an item heading, its title the bracket's words; not a label, a state or a
    progress word in brackets (【牵头单位】A, 【已完成】, 【进展情况】…)."""
    close = line.find("】")
    inner = line[1:close]
    if not _TITLE_CHARS[0] <= len(inner) <= _TITLE_CHARS[1] or close + 1 >= len(line):
        return None
    if inner in role_vocab().labels or inner in role_vocab().stop_labels or lone_state(f"【{inner}】"):
        return None
    if _vocab().progress.match(inner) or "【" in inner or _assigns(inner):
        return None
    return 3, "【", f"{inner}　{line[close + 1 :]}"


def _assigns(words: str) -> bool:
    """Whether bracketed words assign the task rather than title it (【省有关单位按职责分工负责】,
    【省A牵头，省B配合】): they close with a role word."""
    vocab = role_vocab()
    if words.startswith(tuple(vocab.action_starts)):
        return False  # 【推进区域协同】, 【加大财政金融支持】: work to do, its title
    says_who = (*vocab.shared_duty_words, *vocab.lead_markers, *vocab.partner_words)
    return words.endswith((*vocab.verbs, *vocab.partner_words, *vocab.assigning_endings)) and any(
        w in words for w in says_who
    )


#: The length of a title in brackets opening its line (shorter is a label or a state).
_TITLE_CHARS = (5, 40)


def _state_opening(line: str) -> re.Match[str] | None:
    """A report's state word in brackets opening a line (【推进中】), with the spaces after it."""
    m = _BRACKETED_OPENING.match(line)
    return m if m and lone_state(m.group().strip()) is not None else None


_BRACKETED_OPENING = re.compile(r"[【\[〔][^】\]〕]{1,8}[】\]〕][ \t\u3000]*")


def progress_text(line: str) -> str:
    """What a 落实情况 / 进展情况 line says after its label ("进展情况：已全部开工" -> "已全部开工")."""
    return _vocab().progress.sub("", line.lstrip(" \t\u3000"), count=1)


def inline_progress(text: str) -> str | None:
    """What a task's paragraph says after a progress label inside it ("…计划6月底前完成。完成情况：
    已完成。…" -> "已完成。…"), for reports that write the state on the task's own line."""
    m = _vocab().inline_progress.search(text)
    return (text[m.end() :].strip() or None) if m else None


def is_progress(line: str) -> bool:
    """A 落实情况 / 进展情况 line of a progress report."""
    return bool(_vocab().progress.match(line.lstrip(" \t\u3000")))


def segment(lines: list[Line], skip: set[int] | None = None) -> list[Block]:
    """The outline: every heading becomes a block owning the lines up to the next heading.
    Lines in ``skip`` (table rows) belong to no block. Text before the first heading of a region
    is a level-99 preamble block."""
    skip = skip or set()
    blocks: list[Block] = []
    stack: list[int] = []
    region = "body"
    attachments = 0
    current: Block | None = None

    def open_block(level: int, marker: str, heading: str, line: Line) -> Block:
        while stack and blocks[stack[-1]].level >= level:
            stack.pop()
        parent = stack[-1] if stack else None
        block = Block(len(blocks), level, marker, heading, line.start, line.end, region, parent, [line])
        blocks.append(block)
        stack.append(block.index)
        return block

    for i, line in enumerate(lines):
        if i in skip:
            current = None
            continue
        if not line.text:
            continue
        m = _vocab().attachment.match(line.text)
        if m and (m["title"] is None or len(line.text) < 80):
            attachments += 1
            region = f"attachment {m['n'] or attachments}"
            stack.clear()
            current = Block(
                len(blocks), 99, "附件", m["title"] or "", line.start, line.end, region, None, [line]
            )
            blocks.append(current)
            continue
        h = heading_of(line.text)
        if h:
            current = open_block(h[0], h[1], h[2], line)
            continue
        if current is None:
            current = Block(len(blocks), 99, "", "", line.start, line.end, region, None, [line])
            blocks.append(current)
            continue
        if current.progress_at is None and is_progress(line.text):
            current.progress_at = len(current.lines)
        current.lines.append(line)
        current.end = line.end
    return blocks


def title_of(heading: str) -> str:
    """A heading's title: up to its first 。 when that is short, else the whole heading line; a
    bracket closing it that labels a deadline (（完成时限：2028年6月底前）) is no part of it, nor is a
    labelled unit list in brackets and what follows it (X（牵头单位：市A）进展：…), nor a report's
    account after its progress label, nor the dash before the fields (X——牵头单位：县A；进展：…), nor a
    note's circled number closing it (推进X①: the note ① gives its units)."""
    title = _title_of(heading).rstrip("—－–").strip()
    if title[-1:] in circled() and len(title) > 2 and _NOTE_BEFORE.match(title[-2]):
        title = title[:-1]
    matter = _matter_re().fullmatch(title)
    return matter["work"] if matter else title  # 关于推进X的事项 (a meeting's decided matter): 推进X


@cache
def _matter_re() -> re.Pattern[str]:
    """A meeting's decided matter named as one (关于推进城区老旧小区改造的事项): its work inside."""
    data = load_yaml("outline.yaml")
    opening, endings = (
        words(data, "matter_openings", "outline.yaml"),
        words(data, "matter_endings", "outline.yaml"),
    )
    return re.compile(rf"(?:{alternation(opening)})(?P<work>.{{2,60}}?)(?:{alternation(endings)})")


#: What a note's mark closing a title follows: a word's character, a closing quote or bracket.
_NOTE_BEFORE = re.compile(r"[\u4e00-\u9fff”）)]")


def _title_of(heading: str) -> str:
    head = _deadline_note().sub("", heading.strip()).strip()
    if head[:1] == "【" and _bracketed_title(head) is not None:
        return head[1 : head.find("】")]  # （一）【打造精品旅游线路】依托…: the title in its brackets
    close = head.find("】") if head[:1] == "【" else -1
    if 0 < close < len(head) - 1 and _assigns(head[1:close]):
        head = head[close + 1 :].strip()  # 【省有关单位按职责分工负责】营造…: the units, then the title
    subject = _opening_subject().match(head)
    # (the unit a name ending as bodies do, where a title's own words might hold a colon)
    if subject is not None and subject.end() < len(head) and subject["unit"].endswith(ending_words()):
        head = head[subject.end() :]  # 县交通运输局：负责推进X。…: the unit and its role open the item
    named = _name_label().match(head) or _name_bracket().match(head)
    if named is not None and named.end() < len(head):
        head = head[named.end() :]  # 任务名称：X；责任单位：… (the task's name is a field of its line)
    bracketed = _bracket_field().search(head)
    if bracketed is not None and bracketed.start() >= 2:
        head = head[: bracketed.start()].strip()  # X【牵头单位】县A【完成时限】… (fields in 【】)
    field = _spaced_field().search(head)
    if field is not None and field.start() >= 2:
        head = head[: field.start()].strip()  # X　牵头单位：市A　完成时限：… (fields parted by spaces)
    units = _unit_label_bracket().search(head)
    if units is not None and units.start() >= 2:
        head = head[: units.start()].strip()
    progress = _vocab().inline_progress.search(head)
    if progress is not None and progress.start() >= 2:
        head = head[: progress.start()].strip()  # X进展：… (a report's account after its title)
    head = _REFERENCE_NUMBER.sub("", head).strip()  # 关于…的建议（第12号）: the item's number
    head = _OPENING_NUMBER.sub("", head)  # 第22号 关于…的建议: the same number before the title
    cut = head.find("。")
    if 0 < cut <= 60:
        return _without_deadline_bracket(_REFERENCE_NUMBER.sub("", head[:cut]).strip())
    if cut < 0 and len(head) <= 120:
        return head.rstrip("：:；;，,")
    for sep in ("：", ":", "，", ","):
        cut = head.find(sep)
        if 0 < cut <= 40:
            return head[:cut].strip()
    return head[:40]


@cache
def opening_roles() -> str:
    """The role word after a unit and its colon opening an item (县A：负责推进X / 县A：牵头负责Y),
    as a regex with the group ``verb`` (roles.yaml's opening_verbs)."""
    return rf"(?P<verb>{alternation(role_vocab().opening_verbs)})(?=[\u4e00-\u9fff“0-9０-９])"


@cache
def opening_subject() -> str:
    """A unit, its colon and its role opening an item (县交通运输局：负责推进X), as a regex with the
    groups ``unit`` and ``verb``: the item reader's subject, and no part of the item's title."""
    return rf"(?P<unit>[^：:，,。；;\n（）()【】]{{2,30}}?)[：:][ \t\u3000]*{opening_roles()}"


@cache
def _opening_subject() -> re.Pattern[str]:
    return re.compile(opening_subject())


#: A suggestion's number before its title (第22号 关于支持早茶产业品牌建设的建议).
_OPENING_NUMBER = re.compile(r"^第[0-9０-９一二三四五六七八九十百]{1,4}号[ \t\u3000]*(?=关于)")
#: A bracket closing a title that holds only the item's number (（第12号）, （编号：3）).
_REFERENCE_NUMBER = re.compile(
    r"[（(](?:第[0-9０-９一二三四五六七八九十百]{1,4}号|编号[：:]?[0-9０-９]{1,4}|[0-9０-９]{1,4}号)[）)]$"
)


@cache
def _unit_label_bracket() -> re.Pattern[str]:
    """A bracket opening with a unit's or a person's label (（牵头单位：…, （责任人：…): no part of the
    title it follows."""
    labels = [*role_vocab().labels, *role_vocab().person_labels]
    return re.compile(rf"[（(][ \t\u3000]*(?:{alternation(labels)})[ \t\u3000]*[：:]")


@cache
def _spaced_field() -> re.Pattern[str]:
    """A unit or deadline label after spaces or a semicolon, opening a field of the title's line; or
    after a semicolon, a label of the task's words (任务名称：X；工作内容：…)."""
    labels = alternation(list(role_vocab().labels))
    content = alternation(words(load_yaml("table_headers.yaml"), "content", "table_headers.yaml"))
    return re.compile(
        rf"(?:[ \t\u3000]+|[；;][ \t\u3000]*)(?:{labels}|{deadline_labels()})[ \t\u3000]*[：:]"
        rf"|[；;][ \t\u3000]*(?:{content})[ \t\u3000]*[：:]"
    )


@cache
def _name_bracket() -> re.Pattern[str]:
    """A label naming the task in brackets, opening its line (【任务】, 【重点任务】)."""
    names = words(load_yaml("table_headers.yaml"), "group", "table_headers.yaml")
    return re.compile(rf"【[ \t\u3000]*(?:{alternation(names)})[ \t\u3000]*】[ \t\u3000]*")


#: A heading that only numbers its item (第2028-01号督办件, 督办件3): its task is named on a line below.
_SERIAL_TITLE = re.compile(r"第?[0-9０-９][0-9０-９\-－—]*号?[\u4e00-\u9fff]{0,4}")


def named_below(title: str, lines: list[str]) -> str | None:
    """The task's name a line below a heading that only numbers its item gives in a name field
    (（一）第2028-01号督办件 / 督办事项：推进老旧小区改造), else ``None``."""
    if not _SERIAL_TITLE.fullmatch(title):
        return None
    for line in lines[:2]:
        m = _name_label().match(line.strip())
        if m is not None and m.end() < len(line.strip()):
            return title_of(line.strip())
    return None


@cache
def _name_label() -> re.Pattern[str]:
    """A label naming the task, opening its line (任务名称：, 工作任务：): the words a table's task
    column is headed by (table_headers.yaml ``group``)."""
    names = words(load_yaml("table_headers.yaml"), "group", "table_headers.yaml")
    return re.compile(rf"(?:{alternation(names)})[ \t\u3000]*[：:][ \t\u3000]*")


@cache
def _bracket_field() -> re.Pattern[str]:
    """A field's label in 【】 (【牵头单位】, 【完成时限】): the fields after a title on its line."""
    labels = alternation([*role_vocab().labels, *role_vocab().stop_labels])
    return re.compile(rf"【[ \t\u3000]*(?:{labels}|{deadline_labels()})[ \t\u3000]*】")


@cache
def _deadline_note() -> re.Pattern[str]:
    return re.compile(rf"[（(][ \t\u3000]*(?:{deadline_labels()})[ \t\u3000]*[：:][^（）()\n]*[）)]$")


def path_of(blocks: list[Block], block: Block) -> list[str]:
    """Titles from the outermost heading down to ``block``."""
    path: list[str] = []
    b: Block | None = block
    while b is not None:
        if b.level != 99:
            path.append(title_of(b.heading))
        b = blocks[b.parent] if b.parent is not None else None
    return path[::-1]
