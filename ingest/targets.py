"""Quantified targets: goals of a 总体目标 section and figures of a progress report.

A target is a number with a measure word (``1500个``, ``30万户``, ``2.5亿元``, ``20%``) in a clause
that sets a goal or reports progress: the clause has a due date, a status marker (已 / 正在 / 计划 /
总投资 ...) or a goal verb (达到 / 突破 / 建成 ...). Everything is regex over the text (no NLP), so
the pass costs a few microseconds per number. The vocabulary is ``ingest/data/targets.yaml``.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from fengong.ingest.model import Target
from fengong.ingest.vocab import VocabularyError, alternation, load_yaml, words

_DATA = "targets.yaml"
_CN_DIGITS = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_LARGE = {"万": 10_000, "亿": 100_000_000}
_NUMERALS = "零〇一二两三四五六七八九十百千"  # the characters of a Chinese numeral (cn_number)
_SP = r"[ \t\u3000\xa0]*"  # converted documents put spaces around digits: "到 2020 年底"
_CLAUSE_STOPS = "，,；;。！？!?：:\n"
_SENTENCE_STOPS = "；;。！？!?\n"
_OPEN, _CLOSE = "（(〔[【《", "）)〕]】》"
_WINDOW = 300  # how far back a status marker may stand (keeps one huge table line linear)


def cn_number(text: str) -> int | None:
    """The value of a Chinese numeral (两千五百 -> 2500, 十二 -> 12); None when it is not one."""
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit = None
        elif ch in _CN_LARGE:
            total = (total + section + (digit or 0)) * _CN_LARGE[ch]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


@dataclass(frozen=True)
class TargetVocab:
    """The compiled vocabulary of ``targets.yaml``."""

    quantity: re.Pattern[str]
    # A figure with a measure: a number's last character, then a multiplier or a measure word, as
    # ``quantity`` reads them. A paragraph without one has no target (a quantity without either
    # is skipped), so it is not scanned for quantities at all.
    measured: re.Pattern[str]
    multipliers: dict[str, int]
    implicit_units: dict[str, str]
    markers: re.Pattern[str]
    marker_status: dict[str, str]
    goal_verbs: re.Pattern[str]
    rate_words: re.Pattern[str]
    metric_prefix: re.Pattern[str]
    metric_suffix: re.Pattern[str]
    metric_trailing: re.Pattern[str]


def _words(data: dict[str, object], key: str) -> list[str]:
    return words(data, key, _DATA)


def _mapping(data: dict[str, object], key: str) -> dict[str, object]:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise VocabularyError(f"ingest/data/{_DATA}: '{key}' must be a non-empty mapping")
    return {str(k): v for k, v in value.items()}


@cache
def target_vocab() -> TargetVocab:
    """Load and compile ``targets.yaml`` once."""
    data = load_yaml(_DATA)
    multipliers = {k: int(v) for k, v in _mapping(data, "multipliers").items()}  # type: ignore[call-overload]
    marker_status: dict[str, str] = {}
    for status, markers in _mapping(data, "status_markers").items():
        if not isinstance(markers, list):
            raise VocabularyError(f"ingest/data/{_DATA}: status_markers.{status} must be a list")
        marker_status.update({str(w): status for w in markers})
    implicit = {k: str(v) for k, v in _mapping(data, "implicit_units").items()}
    # 第 keeps ordinals apart; the look-behind stops "5G" and years inside longer numbers.
    # The look-ahead names the characters a figure starts with, so the scan skips the rest quickly.
    quantity = re.compile(
        rf"(?=[第\d{_NUMERALS}])(?<![\d.A-Za-z])(?P<ord>第)?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[{_NUMERALS}]+)"
        rf"{_SP}(?P<mult>{alternation(list(multipliers))})?(?P<approx>多|余)?{_SP}"
        rf"(?P<unit>{alternation(_words(data, 'units'))})?{_SP}"
        rf"(?P<qual>{alternation(_words(data, 'qualifiers'))})?"
    )
    # Words holding a line break cannot follow a number inside a paragraph: left out, no match of
    # ``measured`` crosses a line, so one scan of the whole text finds the paragraphs that hold one.
    mults = alternation([w for w in multipliers if "\n" not in w])
    units = alternation([w for w in _words(data, "units") if "\n" not in w])
    measured = re.compile(rf"[\d{_NUMERALS}]{_SP}(?:{mults}|(?:多|余)?{_SP}{units})")
    rate = _words(data, "rate_words")
    exceptions = _words(data, "rate_exceptions")
    return TargetVocab(
        quantity=quantity,
        measured=measured,
        multipliers=multipliers,
        implicit_units=implicit,
        markers=re.compile(alternation(list(marker_status))),
        marker_status=marker_status,
        goal_verbs=re.compile(alternation(_words(data, "goal_verbs"))),
        rate_words=re.compile(rf"(?:{alternation(exceptions)})|(?P<rate>{alternation(rate)})"),
        metric_prefix=re.compile(rf"^(?:{alternation(_words(data, 'metric_strip_prefix'))})+"),
        metric_suffix=re.compile(rf"(?:{alternation(_words(data, 'metric_strip_suffix'))})+$"),
        metric_trailing=re.compile(rf"(?:{alternation(_words(data, 'metric_trailing'))})$"),
    )


# --- due dates ------------------------------------------------------------------------------------

# The look-aheads name the characters a match can start with (the scan skips the rest).
_YEAR_DUE = re.compile(
    r"(?=[到至截力争在12 \t\u3000\xa0])"
    rf"(?P<to>到|至|截至|截止到|截止|力争到|争取到|力争在|在)?{_SP}(?P<y>(?:19|20)\d{{2}}){_SP}年{_SP}"
    rf"(?:(?P<m>1[0-2]|0?[1-9]){_SP}月{_SP})?(?P<tail>年底前|年底|年末|底前|底|末|前|以前|之前)?"
    rf"(?!{_SP}[-—–~～至到]{_SP}(?:19|20)\d{{2}})"  # "2020年-2022年" is a period, not a due date
)
# These two start with the character they consume first (the look-behind follows it): the regex
# engine skips ahead to a pattern's first characters only when the pattern starts with them.
# "(?P<m>[1-9](?<![\d年].)(?:(?<=1)[0-2])?)" is "(?<![\d年])(?P<m>1[0-2]|[1-9])", tried in that order.
_MONTH_DUE = re.compile(
    rf"(?P<m>[1-9](?<![\d年].)(?:(?<=1)[0-2])?){_SP}月{_SP}(?:份{_SP})?(?P<tail>底前|底|末|前|中旬|下旬|上旬)"
)
_YEAR_END = re.compile(r"年(?<![\d年月]年)(?:底前|底|末|内)|今(?<![\d年月]今)年底")


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


@dataclass(frozen=True, slots=True)
class _Due:
    date: str
    start: int
    end: int
    scope: bool  # a "到2020年底" phrase sets the due date for the rest of its paragraph
    as_of: bool = False  # "截至2020年9月底" dates a reported figure; it is not a due date


def _dues(para: str, year: int | None) -> list[_Due]:
    """Every due-date phrase of a paragraph, in order."""
    found: list[_Due] = []
    has_year = "年" in para  # every due phrase but "10月底" holds 年
    for m in _YEAR_DUE.finditer(para) if has_year else ():
        y = int(m["y"])
        if m["m"]:
            date = _month_end(y, int(m["m"]))
        elif m["tail"] or m["to"]:
            date = f"{y:04d}-12-31"
        else:
            continue  # a bare year ("2020年5G建设") is a time, not a due date
        as_of = (m["to"] or "").startswith("截")
        scope = not as_of and (bool(m["to"]) or _alone(para, m.start(), m.end()))
        found.append(_Due(date, m.start(), m.end(), scope, as_of))
    if year is not None:
        for m in _MONTH_DUE.finditer(para) if "月" in para else ():
            if not any(d.start <= m.start() < d.end for d in found):
                found.append(_Due(_month_end(year, int(m["m"])), m.start(), m.end(), False))
        for m in _YEAR_END.finditer(para) if has_year else ():
            if not any(d.start <= m.start() < d.end for d in found):
                found.append(_Due(f"{year:04d}-12-31", m.start(), m.end(), False))
    found.sort(key=lambda d: d.start)
    return found


def _alone(para: str, start: int, end: int) -> bool:
    """True when a due phrase is its own clause ("2020年底前，…"), which makes it set the scope."""
    before = para[max(0, start - 3) : start].strip()
    after = para[end : end + 1]
    return (not before or before[-1] in _CLAUSE_STOPS or before.endswith(("力争", "争取"))) and (
        after in ("，", ",", "")
    )


# --- clauses ---------------------------------------------------------------------------------------


class _Layout:
    """Bracket depths and clause / sentence ends of one paragraph, built only when a figure needs them."""

    __slots__ = ("clauses", "depth_after", "marks", "sentences")

    def __init__(self, para: str) -> None:
        self.marks: list[int] = []  # positions of bracket characters
        self.depth_after: list[int] = []  # depth after each of them
        self.clauses: list[int] = []  # clause ends outside brackets
        self.sentences: list[int] = []  # sentence ends outside brackets
        depth = 0
        # One pass over brackets and stops: a stop's depth is the depth the brackets before it left.
        for m in _LAYOUT_MARK.finditer(para):
            ch = m.group(0)
            if ch in _OPEN or ch in _CLOSE:
                depth = depth + 1 if ch in _OPEN else max(depth - 1, 0)
                self.marks.append(m.start())
                self.depth_after.append(depth)
            elif not depth:
                self.clauses.append(m.start())
                if ch in _SENTENCE_STOPS:
                    self.sentences.append(m.start())

    def depth(self, pos: int) -> int:
        """Bracket depth at ``pos`` (an opening or closing bracket counts as inside)."""
        i = bisect.bisect_left(self.marks, pos)
        before = self.depth_after[i - 1] if i else 0
        at_open = i < len(self.marks) and self.marks[i] == pos and self.depth_after[i] > before
        return before + 1 if at_open else before

    def bare(self, para: str, start: int, end: int) -> str:
        """``para[start:end]`` without its bracketed parts."""
        if not self.marks:
            return para[start:end]
        return "".join(ch for i, ch in enumerate(para[start:end], start) if not self.depth(i))


# Sentence stops are clause stops too (a sentence ends where a clause does).
assert set(_SENTENCE_STOPS) <= set(_CLAUSE_STOPS)
_LAYOUT_MARK = re.compile(f"[{re.escape(_OPEN + _CLOSE + _CLAUSE_STOPS)}]")


def _span(bounds: list[int], pos: int, length: int) -> tuple[int, int]:
    i = bisect.bisect_left(bounds, pos)
    start = bounds[i - 1] + 1 if i else 0
    end = bounds[i] if i < len(bounds) else length
    return start, end


_SPACES = re.compile(r"[\s\u3000]+")
_NOUN = re.compile(r"[^，,；;。！？!?：:\n\d]*")
_NOUN_END = re.compile(r"已|正在|将|并|，")
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")
_DONE = re.compile(r"(?:完成|建成|全部)")


def _squash(text: str) -> str:
    return _SPACES.sub("", text)


# --- targets ---------------------------------------------------------------------------------------


def _value(m: re.Match[str], vocab: TargetVocab) -> Decimal | None:
    num = m["num"]
    if num[0].isdigit():
        value = Decimal(num.replace(",", ""))
    else:
        if num == "一" or (cn := cn_number(num)) is None:
            return None  # "一批", "一户一表", "引一个项目": a lone 一 is an article, not a figure
        value = Decimal(cn)
    if m["mult"]:
        value *= vocab.multipliers[m["mult"]]
    return value


def _metric(para: str, clause_start: int, m: re.Match[str], vocab: TargetVocab, dues: list[_Due]) -> str:
    """The metric: the noun after the number ("25个5G项目") or the words before it ("5G用户突破")."""
    after = _NOUN.match(para, m.end())
    noun = _squash(after.group(0) if after else "")
    noun = _NOUN_END.split(noun, maxsplit=1)[0]
    noun = vocab.metric_trailing.sub("", noun)
    if len(noun) >= 2:
        return noun[:40]
    # the words before the number, after any date phrase of the clause ("年内新增5G基站1000个")
    start = max([clause_start] + [d.end for d in dues if clause_start <= d.start and d.end <= m.start()])
    before = _squash(para[start : m.start()])
    before = _BRACKETED.sub("", before)
    before = vocab.metric_prefix.sub("", before)
    before = vocab.metric_suffix.sub("", before)
    return before[-40:]


def _status(sentence: str, dues: bool, vocab: TargetVocab) -> str | None:
    last = None
    for last in vocab.markers.finditer(sentence):  # noqa: B007 - the nearest marker is the last one
        pass
    status = vocab.marker_status[last.group(0)] if last else None
    if dues and status in (None, "total"):
        return "planned"  # "到2020年年底……完成行业总投资2.5亿元" is a goal, not a total
    return status


_HAS_NUMBER = re.compile(r"[\d两三四五六七八九十]")


def find_targets(text: str, year: int | None, base: int = 0) -> list[Target]:
    """Quantified goals and reported figures in ``text``, in document order.

    ``year`` is the document's year, used for year-less dates (年底前, 10月底); ``base`` is added to
    every offset (when ``text`` is a slice of the document). ``value`` is normalised (30万户 ->
    300000 户, 2.5亿元 -> 250000000 元); ``status`` is planned / achieved / in_progress / total.
    """
    vocab = target_vocab()
    targets: list[Target] = []
    # Paragraphs (lines) with a measured figure: the scan resumes after the paragraph just read (no
    # figure crosses a line end, so the paragraphs found are those a scan of every figure finds).
    pos = 0
    while (hit := vocab.measured.search(text, pos)) is not None:
        start = text.rfind("\n", 0, hit.start()) + 1
        end = text.find("\n", hit.start())
        end = len(text) if end < 0 else end
        para = text[start:end]
        if _HAS_NUMBER.search(para):
            targets.extend(_para_targets(para, start, year, vocab, base))
        pos = end
    return targets


def _para_targets(para: str, offset: int, year: int | None, vocab: TargetVocab, base: int) -> list[Target]:
    out: list[Target] = []
    layout: _Layout | None = None
    dues: list[_Due] | None = None
    for m in vocab.quantity.finditer(para):
        if not (m["unit"] or m["mult"]) or (m.end() < len(para) and para[m.end()] in "/／"):
            continue  # no measure ("5G", years), or a rate (元/千瓦时)
        value = _value(m, vocab)
        if value is None:
            continue
        layout = layout or _Layout(para)
        if layout.depth(m.start()):
            continue  # details in brackets and document numbers are not targets
        c_start, c_end = _span(layout.clauses, m.start(), len(para))
        s_start, _ = _span(layout.sentences, m.start(), len(para))
        clause_before = para[c_start : m.start()]
        if vocab.rate_words.search(clause_before) and any(
            r["rate"] for r in vocab.rate_words.finditer(layout.bare(para, c_start, m.start()))
        ):
            continue
        if dues is None:
            dues = _dues(para, year)
        metric = _metric(para, c_start, m, vocab, dues)
        unit = m["unit"] or ""
        if not unit:
            unit = next((u for k, u in vocab.implicit_units.items() if k in metric), "")
            if not unit or not m["mult"]:
                continue  # a bare number ("清单（第一批）32") has no measure: too weak to keep
        if m["ord"] and "已" not in para[m.end() : c_end]:
            continue  # "第二个5G基站已经开通" counts two; other ordinals are not figures
        due = _due_for(dues, para, c_start, c_end, m.start())
        status = _status(para[max(s_start, m.start() - _WINDOW) : m.start()], due is not None, vocab)
        if m["ord"]:
            status = "achieved"
        goal = vocab.goal_verbs.search(clause_before) or vocab.goal_verbs.search(para[m.end() : c_end])
        if due is None and status is None and not goal:
            continue
        if not metric:
            continue
        if due is None and status == "in_progress":
            due = _next_clause_due(dues, para, c_end)
        number = float(value) if value != value.to_integral_value() else float(int(value))
        out.append(
            Target(
                metric=metric,
                value=number,
                unit="%" if unit == "％" else unit,
                due=due,
                text=para[c_start:c_end].strip(),
                status=status or "planned",
                start=base + offset + c_start,
                end=base + offset + c_end,
            )
        )
    return out


def _due_for(dues: list[_Due], para: str, c_start: int, c_end: int, pos: int) -> str | None:
    """The due date of a number: a date in its own clause, else the last scope-setting phrase."""
    chosen: str | None = None
    for d in dues:
        if d.start >= pos and not (c_start <= d.start < c_end):
            break
        if c_start <= d.start < c_end and d.start < pos:
            return None if d.as_of else d.date
        if d.scope and d.start < pos:
            chosen = d.date
    return chosen


def _next_clause_due(dues: list[_Due], para: str, c_end: int) -> str | None:
    """Work in progress takes the deadline of the next clause (正在新建5G基站2座，年底前完成)."""
    for d in dues:
        if c_end < d.start <= c_end + 2 and _DONE.match(para, d.end, d.end + 2):
            return d.date
    return None
