"""Deadlines: when a task is due, read as ``../shared/eval/FORMAT.md`` writes its gold.

Four kinds, and what each covers here:

- ``by`` — a date to finish by, ``date`` the end of the named day, month, quarter, half-year or
  year: "2020年10月底前", "到2023年", "2025年6月30日前", "第三季度", "上半年", "年底前" / "年内"
  (the document's year), "7月底前" (a month without a year is in the document's year, even when
  it is before the document's date), "明年底" / "次年6月底前" (the year after), "'十四五'末" (the
  plan's last year), "2026年前" (the end of the named year, as FORMAT.md has it), "2024年完成"
  (a bare year only before a completion verb: "2025年是…" is no deadline). "上旬"/"初" end on
  the 10th, "中旬" on the 20th. An impossible day (6月31日) becomes the month's last day, with a
  warning.
- ``period`` — a span of time, ``date`` null: a window between two dates ("2021—2023年",
  "2022年1月1日至12月31日", "从2021年7月起至2023年底", "即日起至2025年底"), a named plan window
  ("'十四五'期间"), and a count of time ("三年内", "6个月内", "用两年时间"), also when it is
  counted from the document's own date ("自印发之日起6个月内", "本方案印发后一年内"). FORMAT.md
  lists "三年内" as a period and its gold reads "三年内" in a dated document as one, so a span
  stays a period even when its end could be computed from the document's date; a time limit
  ("办理时限压缩至5个工作日以内") is not a deadline at all.
- ``recurring`` — at a fixed interval: "每年3月初", "每季度", "按月开展", "月调度", and a
  schedule with a start ("2025年起每年").
- ``ongoing`` — no end: "持续推进", "长期坚持", "常态化开展", and a start with no end
  ("自2025年起", "2026年开始"), which the gold reads as ongoing.

A text may hold several. ``find_deadlines`` returns the task's deadline first: the first one in
reading order that is not ``ongoing`` (a manner word such as "常态化开展" yields to a date or a
schedule beside it, as the gold reads "…常态化帮扶…按月开展动态监测" as 按月), else the first
ongoing one; the others follow in reading order. That is how the gold reads a task with several
dates ("8月底前完成…力争11月底前全部完成" is 8月底前; "2025—2027年每年改造" is the window).
Dates inside a quoted title (《…(2020—2022年)》) are not deadlines. ``parse_deadline_cell`` reads
a table's 完成时限 cell, which may also say "2021.6.30", "2021年" or "长期"; ``may_hold_deadline``
is the quick check a caller can run before either.

The words live in ``ingest/data/deadlines.yaml``; the patterns and the quick checks that skip a
text before any pattern runs are both built from it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from fengong.ingest.model import Deadline, DeadlineKind
from fengong.ingest.vocab import VocabularyError, alternation, load_yaml, words

_DATA = "deadlines.yaml"

# Full-width digits are read as ASCII ones; one character for one keeps every offset.
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_ANY_WIDE_DIGIT = re.compile("[０-９]")  # translate() is slow on Chinese text: run it only when needed


def _narrow(text: str) -> str:
    return text.translate(_WIDE_DIGITS) if _ANY_WIDE_DIGIT.search(text) else text


# A year: 2025, or 二〇二五 written digit by digit.
_YR = r"(?:19|20)\d{2}|[一二][〇零九][〇零一二三四五六七八九]{2}"
# A month or a day: 7, 07, 十二, 二十六, 三十一.
_MD = r"[0-3]?\d|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_NUM_CHARS = "0123456789〇零一二两三四五六七八九十"
_NUM_START = f"[{_NUM_CHARS}]"
_DAY_MARKS = ("日", "号")
_YEAR_MARK, _MONTH_MARK = "年", "月"
_PLAN_MARK = "五"  # "十四五": a plan is named by its number and 五


@dataclass(frozen=True, slots=True)
class Found:
    """A deadline expression found in text, with a warning when the date had to be repaired."""

    deadline: Deadline
    warning: str | None = None


def _mapping(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise VocabularyError(f"ingest/data/{_DATA}: '{key}' must be a non-empty mapping")
    return {str(k): v for k, v in value.items()}


def _alt(ws: Iterable[str]) -> str:
    return alternation(list(ws))


@dataclass(frozen=True)
class _Rule:
    """One kind of expression: the words a text must hold for it to run, its pattern, and what a
    match reads as (None when the match is not a deadline after all)."""

    gate: tuple[str, ...]
    pattern: re.Pattern[str]
    read: Callable[[re.Match[str], int | None], Found | None]
    gate_pattern: re.Pattern[str]


def _rule(
    gate: Iterable[str], pattern: re.Pattern[str], read: Callable[[re.Match[str], int | None], Found | None]
) -> _Rule:
    """A rule whose quick check is built from the same words as its pattern."""
    words_ = tuple(gate)
    return _Rule(words_, pattern, read, re.compile(_alt(words_)))


def _first(words_: Iterable[str], extra: str = "") -> str:
    """A look-ahead naming the characters a match can start with: the scan then skips every other
    place without entering the pattern (it matches nothing the pattern would not)."""
    chars = {w[0] for w in words_} | set(extra)
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


@dataclass(frozen=True)
class _Grammar:
    numerals: dict[str, int]
    month_parts: dict[str, str]
    year_parts: dict[str, str]
    relative_years: dict[str, int]
    relative_parts: dict[str, str]
    half_years: dict[str, str]
    plan_base: tuple[int, int]
    start_words: tuple[str, ...]
    span_limits: tuple[str, ...]
    text_prefixes: tuple[str, ...]
    clause_rest: re.Pattern[str]
    cell_whole: re.Pattern[str]
    rules: tuple[_Rule, ...]
    gate: re.Pattern[str]  # any word of any rule's gate
    from_words: tuple[str, ...]
    anchor_back: re.Pattern[str]  # a start written before a span ("自印发之日起")
    quotes: tuple[tuple[str, str], ...]
    quoted: re.Pattern[str] | None
    ongoing_cell: re.Pattern[str]
    cell_gate: re.Pattern[str]
    labelled: re.Pattern[str]  # a deadline's label and colon just before it (完成时限：)
    quarter_next: re.Pattern[str]  # a quarter right after a year (…年第三季度 / …年三季度)
    validity_words: tuple[str, ...] = ()  # 有效期至X: how long the document is in force, no deadline


def _point(p: str, parts: str) -> str:
    """A date point: a year, a month, a day and a part of a month, each optional (the caller checks
    which are there), with groups named after ``p``."""
    return (
        f"(?={_NUM_START})"
        rf"(?:(?P<{p}y>{_YR})\s*(?P<{p}yw>年度|年)?\s*)?"
        rf"(?:(?P<{p}m>{_MD})\s*月份?\s*)?(?:(?P<{p}d>{_MD})\s*[日号]\s*)?"
        rf"(?P<{p}part>{parts})?"
    )


@cache
def _grammar() -> _Grammar:
    data = load_yaml(_DATA)
    numerals = {str(k): int(v) for k, v in _mapping(data, "numerals").items()}
    month_parts = {k: str(v) for k, v in _mapping(data, "month_parts").items()}
    year_parts = {k: str(v) for k, v in _mapping(data, "year_parts").items()}
    relative_years = {k: int(v) for k, v in _mapping(data, "relative_years").items()}
    relative_parts = {k: str(v) for k, v in _mapping(data, "relative_parts").items()}
    half_years = {k: str(v) for k, v in _mapping(data, "half_years").items()}
    plan = _mapping(data, "plan")
    by_prefixes = words(data, "by_prefixes", _DATA)
    completion_verbs = words(data, "completion_verbs", _DATA)
    act = rf"(?P<act>(?={_alt(completion_verbs)}))?"
    before = words(data, "before_words", _DATA)
    quarter_word = str(data.get("quarter_word") or "")
    if not quarter_word:
        raise VocabularyError(f"ingest/data/{_DATA}: 'quarter_word' must be a word")
    quarter_parts = words(data, "quarter_parts", _DATA)
    quarter_ordinal = str(data.get("quarter_ordinal") or "")
    if not quarter_ordinal:
        raise VocabularyError(f"ingest/data/{_DATA}: 'quarter_ordinal' must be a word")
    connectors = words(data, "range_connectors", _DATA)
    from_words = words(data, "from_words", _DATA)
    start_words = words(data, "start_words", _DATA)
    not_start = "".join(re.escape(c) for c in words(data, "start_not_before", _DATA))
    window_to = _alt(words(data, "window_to", _DATA))
    end_marks = _alt(words(data, "window_end_marks", _DATA))
    about = _alt(words(data, "about_words", _DATA))
    anchors = words(data, "anchor_starts", _DATA)
    span_units = words(data, "span_units", _DATA)
    span_within = words(data, "span_within", _DATA)
    span_use = words(data, "span_use_words", _DATA)
    span_time = words(data, "span_time_words", _DATA)
    span_not_after = words(data, "span_not_after", _DATA)
    every = words(data, "every_words", _DATA)
    intervals = words(data, "intervals", _DATA)
    every_verbs = words(data, "every_verbs", _DATA)
    recurring_phrases = words(data, "recurring_phrases", _DATA)
    ongoing = words(data, "ongoing_phrases", _DATA)
    ongoing_cell = words(data, "ongoing_cell_words", _DATA)
    quotes = tuple((str(a), str(b)) for a, b in data.get("title_quotes") or [])

    num_chars = "".join(re.escape(c) for c in numerals)
    point_parts = _alt([*month_parts, *year_parts])
    conn = _alt(connectors)
    start = _alt(start_words)
    count = rf"(?:\d{{1,3}}|[{num_chars}百半]{{1,4}})"
    count_range = rf"{count}(?:\s*(?:{conn})\s*{count})?"
    # A year before a month or a quarter: 2025年, 二〇二五年, or one named from the document's year
    # (明年, 次年; not the bare 年 / 年度 that close other words).
    named_years = [w for w in relative_years if len(w) > 1 and w != "年度"]
    year_spec = rf"(?:(?:(?P<y>{_YR})\s*年|(?P<ry>{_alt(named_years)}))\s*)?"
    # A window's "从"/"自" is added by find_deadlines: a leading optional word would make the
    # pattern start at every place.
    start_point = rf"{_point('a', point_parts)}\s*(?:{start})(?![{not_start}])"
    rules = (
        _rule(
            (*every, *recurring_phrases),
            re.compile(
                rf"{_first([*every, *recurring_phrases])}(?:(?:{_alt(every)})\s*(?:(?:{_alt(intervals)})"
                rf"(?![{''.join(map(re.escape, words(data, 'interval_not_before', _DATA)))}])"
                rf"(?:\s*(?:{_MD})\s*月\s*(?:{_alt(words(data, 'every_month_parts', _DATA))})?)?"
                rf"(?:{_alt(every_verbs)})?)"
                rf"|{_alt(recurring_phrases)})"
            ),
            lambda m, y: _plain(m, "recurring"),
        ),
        _rule(
            tuple(connectors),
            re.compile(
                rf"{_point('a', point_parts)}\s*(?:(?:{start})\s*)?"
                rf"(?:{conn})\s*{_point('b', point_parts)}(?:{end_marks})?"
            ),
            lambda m, y: _range(m),
        ),
        _rule(
            tuple(connectors),
            re.compile(
                rf"{_first([], _NUM_CHARS)}(?:(?P<y>{_YR})\s*年\s*)?(?P<m1>{_MD})\s*(?:{conn})\s*(?P<m2>{_MD})\s*月"
            ),
            lambda m, y: _month_range(m),
        ),
        _rule(
            tuple(start_words),
            re.compile(rf"(?:{start})\s*(?:{window_to})\s*{_point('b', point_parts)}(?:{end_marks})?"),
            lambda m, y: _anchored(m),
        ),
        _rule(
            (_PLAN_MARK,),
            re.compile(
                rf"[“\"‘']?(?P<pn>十[一二三四五六七八九]|[二三四五六七八九]){_PLAN_MARK}[”\"’']?\s*"
                rf"(?:{_alt(words(plan, 'name_words', _DATA))})?"
                rf"(?:(?P<pw>{_alt(words(plan, 'window_words', _DATA))})"
                rf"|(?P<pe>{_alt(words(plan, 'end_words', _DATA))}))"
            ),
            _plan,
        ),
        _rule(
            (*span_within, *span_time),
            re.compile(
                rf"(?=[0-9{num_chars}百半])(?<![0-9{num_chars}百半{''.join(map(re.escape, span_not_after))}])"
                rf"{count_range}\s*(?:{_alt(span_units)})\s*(?:{about})?\s*(?:{_alt(span_within)})"
                rf"|{_first(span_use)}(?:{_alt(span_use)})\s*{count_range}\s*(?:{_alt(span_units)})\s*(?:{about})?"
                rf"\s*(?:{_alt(span_time)})"
            ),
            lambda m, y: _span(m),
        ),
        _rule(tuple(start_words), re.compile(start_point), lambda m, y: _start(m)),
        _rule(
            _DAY_MARKS,
            re.compile(
                rf"{_first(named_years, _NUM_CHARS)}{year_spec}(?P<m>{_MD})\s*月份?\s*(?P<d>{_MD})\s*[日号]"
                rf"\s*(?:{_alt(before)})?"
            ),
            _day,
        ),
        _rule(
            (_MONTH_MARK,),
            re.compile(
                rf"{_first([*by_prefixes, *named_years], _NUM_CHARS)}(?:(?P<pre>{_alt(by_prefixes)})\s*)?"
                rf"{year_spec}(?={_NUM_START})"
                rf"(?P<m>{_MD})\s*月份?\s*(?P<suf>{_alt(month_parts)})?(?P<bef>{_alt(before)})?{act}"
            ),
            _month,
        ),
        _rule(
            (_YEAR_MARK,),
            re.compile(
                rf"{_first(by_prefixes, '12一二')}(?:(?P<pre>{_alt(by_prefixes)})\s*)?(?P<y>{_YR})\s*年\s*"
                rf"(?P<suf>{_alt(year_parts)})?(?P<bef>{_alt(before)})?{act}"
            ),
            lambda m, y: _year(m),
        ),
        _rule(
            (quarter_word,),
            # a window of quarters (2028年二季度至四季度): until the last one's end
            re.compile(
                rf"{_first([*named_years, quarter_ordinal], '1234一二三四')}"
                rf"{year_spec}(?:{re.escape(quarter_ordinal)})?(?P<q1>[一二三四1-4])\s*(?:{re.escape(quarter_word)})?\s*"
                rf"(?:{conn})\s*(?:{re.escape(quarter_ordinal)})?(?P<q2>[一二三四1-4])\s*{re.escape(quarter_word)}"
            ),
            _quarter_range,
        ),
        _rule(
            (quarter_word,),
            re.compile(
                rf"{_first([*by_prefixes, *named_years, quarter_ordinal], '1234一二三四')}"
                rf"(?:(?P<pre>{_alt(by_prefixes)})\s*)?{year_spec}(?P<first>{re.escape(quarter_ordinal)})?"
                rf"(?P<q>[一二三四1-4])\s*{re.escape(quarter_word)}\s*(?P<suf>{_alt(quarter_parts)})?"
                rf"(?:{_alt(before)})?{act}"
            ),
            _quarter,
        ),
        _rule(
            (*relative_parts, *half_years),  # a relative year is a deadline only with one of these
            re.compile(
                # "三年内" is a span, never "年内" after a count.
                rf"{_first([*relative_years, *half_years])}(?:(?<![0-9{num_chars}百半])"
                rf"(?P<rel>{_alt(relative_years)})\s*(?P<part>{_alt(relative_parts)})"
                rf"|(?P<half>{_alt(half_years)}))"
            ),
            _relative,
        ),
        _rule(tuple(ongoing), re.compile(_alt(ongoing)), lambda m, y: _plain(m, "ongoing")),
    )
    gate_words = {w for r in rules for w in r.gate}
    cell_words = gate_words | set(ongoing_cell) | set("0123456789")
    return _Grammar(
        numerals,
        month_parts,
        year_parts,
        relative_years,
        relative_parts,
        half_years,
        (int(plan["base_number"]), int(plan["base_year"])),
        tuple(start_words),
        tuple(words(data, "span_limit_words", _DATA)),
        tuple(words(data, "text_prefixes", _DATA)),
        re.compile(rf"(?:{_alt(words(data, 'clause_words', _DATA))}|[\s，,。；;、：:（）()])*"),
        re.compile("|".join([_alt(ongoing_cell), *(_unnamed(p) for p in (_NUMERIC, _BARE_YEAR))])),
        rules,
        gate=re.compile(_alt(gate_words)),
        from_words=tuple(from_words),
        validity_words=tuple(words(data, "validity_words", _DATA)),
        quarter_next=re.compile(
            rf"\s*(?:{re.escape(quarter_ordinal)})?[一二三四1-4]\s*{re.escape(quarter_word)}"
        ),
        # A start written before a span or a window that is not a date ("自印发之日起").
        anchor_back=re.compile(
            rf"(?:(?:{_alt(from_words)})\s*)?(?:{_alt(words(data, 'document_words', _DATA))})?"
            rf"(?:{_alt(anchors)})\s*"
            rf"(?:{start}|{_alt(words(data, 'after_words', _DATA))})?\s*$"
        ),
        quotes=quotes,
        quoted=(
            re.compile("|".join(f"{re.escape(a)}[^{re.escape(a + b)}]*{re.escape(b)}" for a, b in quotes))
            if quotes
            else None
        ),
        ongoing_cell=re.compile(_alt(ongoing_cell)),
        cell_gate=re.compile(_alt(cell_words)),
        labelled=re.compile(rf"(?:{deadline_labels()})[ \t\u3000]*[：:][ \t\u3000]*$"),
    )


def _unnamed(pattern: re.Pattern[str]) -> str:
    """A pattern's text without its group names or anchors, to be joined with others."""
    return re.sub(r"\?P<\w+>", "?:", pattern.pattern).strip("^$")


def _num(s: str) -> int:
    """A count, month or day written in digits or Chinese numerals (十二, 二十六, 两, 半 = 0)."""
    if s.isdigit():
        return int(s)
    n = _grammar().numerals
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (n[tens] if tens else 1) * 10 + (n[ones] if ones else 0)
    if len(s) == 4:  # a year written digit by digit: 二〇二五
        return int("".join(str(n[c]) for c in s))
    return n.get(s, 0)


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _clean(text: str) -> str:
    return "".join(text.split())


def _deadline(m: re.Match[str], kind: DeadlineKind, date: str | None, start: int | None = None) -> Deadline:
    s = m.start() if start is None else start
    return Deadline(_clean(m.string[s : m.end()]), kind, date, s, m.end())


def _plain(m: re.Match[str], kind: DeadlineKind) -> Found:
    return Found(_deadline(m, kind, None))


def _has(m: re.Match[str], p: str) -> bool:
    return bool(m[f"{p}y"] or m[f"{p}m"])


def _range(m: re.Match[str]) -> Found | None:
    # Both ends must be dates: the first a year or a month, the second one written with 年/月, or
    # a day after a day ("8月19日-21日").
    if not _has(m, "a") or not (m["byw"] or m["bm"] or (m["bd"] and m["ad"])):
        return None
    if not m["ayw"] and not m["am"] and not m["by"]:
        return None  # "2021—3月": a bare number before a month is no year
    found = _deadline(m, "period", None)
    # a window of a written year (2028年4月—6月); one without (汛期5月1日至9月30日) comes every year
    if m["by"] or m["ay"]:
        found.until = _last_day(_num(m["by"] or m["ay"]), m["bm"] or m["am"], m["bd"])
    return Found(found)


def _month_range(m: re.Match[str]) -> Found | None:
    """ "3-6月", "2024年3—6月": a window of months."""
    if not 1 <= _num(m["m1"]) < _num(m["m2"]) <= 12:
        return None
    found = _deadline(m, "period", None)
    if m["y"]:  # (3—6月 without a year may come every year)
        found.until = _last_day(_num(m["y"]), m["m2"], None)
    return Found(found)


def _last_day(year: int, month: str | None, day: str | None) -> str | None:
    """The ISO last day a window's end names: its day, else its month's last, else its year's
    (2023年: 2023-12-31)."""
    if not 1900 <= year <= 2200:
        return None
    if not month:
        return f"{year:04d}-12-31" if not day else None
    number = _num(month)
    if not 1 <= number <= 12:
        return None
    last = _month_end(year, number)
    if day and 1 <= _num(day) < int(last[-2:]):
        return f"{last[:8]}{_num(day):02d}"
    return last


def _year_of(m: re.Match[str], year: int | None) -> int | None:
    """The year a date names: written, named from the document's year (明年), or the document's."""
    if m["y"]:
        return _num(m["y"])
    if m["ry"]:
        return None if year is None else year + _grammar().relative_years[m["ry"]]
    return year


def _anchored(m: re.Match[str]) -> Found | None:
    if not (m["byw"] or m["bm"]):
        return None
    # "起至2025年" needs a start before it that is not a date (a date is the range rule's).
    head = m.string[max(0, m.start() - 16) : m.start()]
    back = _grammar().anchor_back.search(head)
    if back is None:
        return None
    found = _deadline(m, "period", None, m.start() - (len(head) - back.start()))
    if m["by"]:  # 即日起至2025年底
        found.until = _last_day(_num(m["by"]), m["bm"], m["bd"])
    return Found(found)


def _span(m: re.Match[str]) -> Found | None:
    g = _grammar()
    head = m.string[max(0, m.start() - 16) : m.start()]
    if head.rstrip(" \u3000").endswith(g.span_limits):
        return None
    back = g.anchor_back.search(head)
    start = m.start() - (len(head) - back.start()) if back else None
    return Found(_deadline(m, "period", None, start))


def _start(m: re.Match[str]) -> Found | None:
    if not (m["ayw"] or m["am"]):
        return None  # "20起": a number, not a date
    return Found(_deadline(m, "ongoing", None))


def _plan(m: re.Match[str], year: int | None) -> Found:
    if m["pw"]:
        return Found(_deadline(m, "period", None))
    number, base_number_year = _num(m["pn"]), _grammar().plan_base
    base_number, base_year = base_number_year
    last = base_year + 5 * (number - base_number) + 4
    return Found(_deadline(m, "by", f"{last:04d}-12-31"))


def _day(m: re.Match[str], year: int | None) -> Found | None:
    y = _year_of(m, year)
    month, day = _num(m["m"]), _num(m["d"])
    if not 1 <= month <= 12 or day < 1:
        return None
    if y is None:
        return Found(_deadline(m, "by", None))
    last = calendar.monthrange(y, month)[1]
    warning = None
    if day > last:
        warning = f"impossible date {_clean(m.group())!r}: read as {_month_end(y, month)}"
        day = last
    return Found(_deadline(m, "by", f"{y:04d}-{month:02d}-{day:02d}"), warning)


def _month(m: re.Match[str], year: int | None) -> Found | None:
    # A bare "7月" is a date, not a deadline: demand a year, a "by" word or an end word.
    if not (m["y"] or m["ry"] or m["pre"] or m["suf"] or m["bef"] or m["act"] is not None):
        return None
    month = _num(m["m"])
    if not 1 <= month <= 12:
        return None
    y = _year_of(m, year)
    text_start = _text_start(m, "y" if m["y"] else "ry" if m["ry"] else "m")
    if y is None:
        return Found(_deadline(m, "by", None, text_start))
    part = _grammar().month_parts.get(m["suf"] or "", "end")
    date = _month_end(y, month) if part == "end" else f"{y:04d}-{month:02d}-{int(part):02d}"
    return Found(_deadline(m, "by", date, text_start))


def _year(m: re.Match[str]) -> Found | None:
    if not (m["pre"] or m["suf"] or m["bef"] or m["act"] is not None):
        return None
    bare = not (m["suf"] or m["bef"] or m["act"] is not None)
    if bare and _grammar().quarter_next.match(m.string, m.end()):
        return None  # (于2028年三季度完成: the quarter's rule reads it, not the bare year)
    y = _num(m["y"])
    end = _grammar().year_parts.get(m["suf"] or "", "12-31")
    return Found(_deadline(m, "by", f"{y:04d}-{end}", _text_start(m, "y")))


def _text_start(m: re.Match[str], named: str) -> int:
    """Where the deadline's words begin: at a prefix such as "到" that belongs to them ("力争到2023年"
    reads "到2023年"), else at the date itself."""
    pre = m["pre"] or ""
    cut = min((pre.find(w) for w in _grammar().text_prefixes if w in pre), default=-1)
    return m.start("pre") + cut if cut >= 0 else m.start(named)


def _quarter(m: re.Match[str], year: int | None) -> Found | None:
    if not (m["y"] or m["ry"] or m["suf"] or m["first"] or m["pre"] or m["act"] is not None):
        return None
    y = _year_of(m, year)
    q = int(m["q"]) if m["q"].isdigit() else _num(m["q"])
    named = next((g for g in ("y", "ry", "first", "q") if m[g]), "q")
    start = _text_start(m, named)
    return Found(_deadline(m, "by", _month_end(y, q * 3) if y else None, start))


def _quarter_range(m: re.Match[str], year: int | None) -> Found | None:
    """ "2028年二季度至四季度": a window of quarters, until the last one's end."""
    first, last = (int(q) if q.isdigit() else _num(q) for q in (m["q1"], m["q2"]))
    if not 1 <= first < last <= 4:
        return None
    y = _year_of(m, year)
    found = _deadline(m, "period", None)
    found.until = _month_end(y, last * 3) if y else None
    return Found(found)


def _relative(m: re.Match[str], year: int | None) -> Found | None:
    g = _grammar()
    if m["half"]:
        end, offset = g.half_years[m["half"]], 0
    else:
        end, offset = g.relative_parts[m["part"]], g.relative_years[m["rel"]]
    if year is None:
        return Found(_deadline(m, "by", None))
    return Found(_deadline(m, "by", f"{year + offset:04d}-{end}"))


def may_hold_deadline(text: str) -> bool:
    """Whether ``text`` holds a word some deadline pattern (or a 完成时限 cell's bare form: a
    number, "长期") needs; False means neither ``find_deadlines`` nor ``parse_deadline_cell``
    can find anything in it."""
    return _grammar().cell_gate.search(_narrow(text)) is not None


def deadline_clause(clause: str, year: int | None) -> Found | None:
    """The deadline ``clause`` states when the clause is nothing else ("2024年12月底前完成",
    "持续推进", "自2025年起实施"): for an annotation reader, such a clause is not a unit list."""
    found = find_deadlines(clause, year)
    if not found:
        # What a 完成时限 cell may say ("长期", "2021.6.30"), when it is the whole clause.
        fallback = _cell_fallback(clause)
        whole = fallback is not None and _grammar().cell_whole.fullmatch(fallback.deadline.text)
        return fallback if whole else None
    rest, pos = [], 0
    for f in sorted(found, key=lambda f: f.deadline.start or 0):
        rest.append(clause[pos : f.deadline.start])
        pos = f.deadline.end or pos
    rest.append(clause[pos:])
    rest_pattern = _grammar().clause_rest
    return found[0] if all(rest_pattern.fullmatch(r) for r in rest) else None


def labelled_deadlines(text: str, year: int | None) -> list[Found]:
    """The deadlines ``text`` gives after a deadline label (…；预计完成时间：2028年6月底): a report's
    account may close with its task's deadline. Offsets are into ``text``."""
    out: list[Found] = []
    for m in _label_re().finditer(text):
        end = min((k for k in (text.find(ch, m.end()) for ch in "；;。\n") if k >= 0), default=len(text))
        for f in find_deadlines(text[m.end() : end], year):
            d = f.deadline
            if d.start is not None:
                d.start, d.end = d.start + m.end(), (d.end or d.start) + m.end()
            out.append(f)
    return out


#: Words before the deadline a report's account says its task was planned for (原定3月底前完成).
_PLANNED = re.compile(r"(?:原定|原计划|按原计划)于?")


def planned_deadlines(text: str, year: int | None) -> list[Found]:
    """The deadlines a report's account says its task was first due by (…工程原定3月底前完成，因…):
    the task's deadline where nothing else gives one. Offsets are into ``text``."""
    out: list[Found] = []
    for m in _PLANNED.finditer(text):
        end = min((k for k in (text.find(ch, m.end()) for ch in "，,；;。\n") if k >= 0), default=len(text))
        for f in find_deadlines(text[m.end() : end], year):
            d = f.deadline
            if d.kind != "by":
                continue
            if d.start is not None:
                d.start, d.end = d.start + m.end(), (d.end or d.start) + m.end()
            out.append(f)
    return out


@cache
def _label_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{deadline_labels()})[ \t\u3000]*[：:]")


@cache
def deadline_labels() -> str:
    """The labels a deadline follows (完成时限, 时限, 预计完成时间 …) as one alternation."""
    return _alt(words(load_yaml(_DATA), "labels", _DATA))


def find_deadlines(text: str, year: int | None) -> list[Found]:
    """Every deadline expression in ``text`` without overlaps: the task's deadline first (the first
    that is not ``ongoing``, else the first), then the others in reading order.

    ``year`` is the document's year, for dates that name no year ("7月底前", "年底前")."""
    g = _grammar()
    text = _narrow(text)
    if g.gate.search(text) is None:
        return _labelled_months(g, text, year, [])  # every rule needs one of its gate words
    masked = text
    if g.quoted is not None and any(a in text for a, _ in g.quotes):
        masked = g.quoted.sub(lambda q: "　" * len(q.group()), text)
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for rule in g.rules:
        if rule.gate_pattern.search(masked) is None:
            continue
        for m in rule.pattern.finditer(masked):
            f = rule.read(m, year)
            if f is None:
                continue
            d = f.deadline
            if d.kind in ("period", "ongoing") and d.start is not None:
                _take_from_word(d, masked, g.from_words)
            s, e = d.start or 0, d.end or 0
            if e > s and all(e <= a or s >= b for a, b in taken):
                found.append(f)
                taken.append((s, e))
    found += _labelled_months(g, masked, year, taken)
    found.sort(key=lambda f: f.deadline.start or 0)
    found = [
        f
        for f in _join_starts(found, masked)
        if not _as_of(f.deadline, masked) and not _validity(f.deadline, masked, g.validity_words)
    ]
    main = next((i for i, f in enumerate(found) if f.deadline.kind != "ongoing"), 0)
    # 完成时限：2025年12月底前 below a text that says 每季度开展: the labelled one is the task's
    labelled = [i for i, f in enumerate(found) if _labelled(g, masked, f.deadline.start or 0)]
    if labelled:
        return found[labelled[0] : labelled[0] + 1] + found[: labelled[0]] + found[labelled[0] + 1 :]
    # Milestones of one task ("7月份建成…11月份建成…年底满园运营"): the task is done by the last,
    # unless a deadline opens the text ("9月底前实现…，年底前实现…": a heading led by its date).
    dated = [i for i, f in enumerate(found) if f.deadline.kind == "by" and f.deadline.date]
    opens = bool(found) and not text[: found[main].deadline.start or 0].strip(" \u3000（(【")
    if len(dated) > 1 and found[main].deadline.kind == "by" and not opens:
        main = max(dated, key=lambda i: (found[i].deadline.date or "", -i))
    return found[main : main + 1] + found[:main] + found[main + 1 :]


_LABEL_REACH = 12  # a label and its colon stand within this many characters before the date
_BARE_MONTH = re.compile(r"(?<![\d年./-])(1[0-2]|0?[1-9])月份?(?=[\s。；;，,）)]|$)")


def _labelled_months(g: _Grammar, text: str, year: int | None, taken: list[tuple[int, int]]) -> list[Found]:
    """A month alone right after a deadline's label (完成时限：4月): by that month's end in the
    document's year. In running text a bare month is no deadline (4月召开…), so the label is needed."""
    if year is None or "月" not in text:
        return []
    out = []
    for m in _BARE_MONTH.finditer(text):
        s, e = m.start(), m.end()
        if g.labelled.search(text, max(0, s - _LABEL_REACH), s) and all(e <= a or s >= b for a, b in taken):
            out.append(Found(Deadline(m.group(), "by", _month_end(year, int(m.group(1))), s, e)))
    return out


def _labelled(g: _Grammar, text: str, start: int) -> bool:
    return g.labelled.search(text, max(0, start - _LABEL_REACH), start) is not None


#: "截至6月底，已完成3项": the date a report counts to, followed by what is already done, is no
#: deadline (截至2025年底完成 is one).
_AS_OF = re.compile(r"[，,][^。；;]{0,12}?(?:已|累计|共)")


def _as_of(d: Deadline, text: str) -> bool:
    """Whether a 截至 / 截止 date is the date a report counts to, not a deadline."""
    if not d.text.startswith(("截至", "截止")) or d.end is None:
        return False
    return _AS_OF.match(text, d.end) is not None


def _validity(d: Deadline, text: str, words: tuple[str, ...]) -> bool:
    """Whether a date is how long the document stays in force (有效期至2029年12月31日), not a
    deadline of work."""
    head = text[max(0, (d.start or 0) - _VALIDITY_REACH) : d.start or 0]
    return any(w in head for w in words)


#: How far before a date a validity word may stand (有效期为 / 有效期至).
_VALIDITY_REACH = 6


def _take_from_word(d: Deadline, text: str, from_words: tuple[str, ...]) -> None:
    """A window or a start keeps the "从"/"自" written before it ("从2021年到2023年")."""
    head = text[: d.start].rstrip(" \u3000")
    for w in from_words:
        if head.endswith(w):
            d.start = len(head) - len(w)
            d.text = _clean(text[d.start : d.end])
            return


def _join_starts(found: list[Found], text: str) -> list[Found]:
    """A start right before a schedule is the schedule's ("2025年起每年" is one recurring)."""
    out: list[Found] = []
    for f in found:
        d = f.deadline
        if out and d.kind == "recurring" and out[-1].deadline.kind == "ongoing":
            p = out[-1].deadline
            between = text[p.end or 0 : d.start or 0]
            if not between.strip(" \u3000，,") and p.text.endswith(_grammar().start_words):
                out[-1] = Found(
                    Deadline(_clean(text[p.start or 0 : d.end]), "recurring", None, p.start, d.end),
                    f.warning,
                )
                continue
        out.append(f)
    return out


def _cell_fallback(cell: str, year: int | None = None) -> Found | None:
    """What a 完成时限 cell may say that running text may not: a bare year, 2021.6.30, 长期, a
    month alone (4月: by its end, in the document's year)."""
    compact = _narrow(_clean(cell))
    m = _BARE_YEAR.match(compact)
    if m:
        return Found(Deadline(compact, "by", f"{int(m['y']):04d}-12-31"))
    m = _BARE_MONTH.fullmatch(compact.rstrip("。；;，,"))
    if m and year is not None:
        return Found(Deadline(compact, "by", _month_end(year, int(m.group(1)))))
    m = _NUMERIC.search(compact)
    if m:
        y, month = int(m["y"]), int(m["m"])
        if m["d"]:
            day = min(int(m["d"]), calendar.monthrange(y, month)[1])
            return Found(Deadline(compact, "by", f"{y:04d}-{month:02d}-{day:02d}"))
        return Found(Deadline(compact, "by", _month_end(y, month)))
    if _grammar().ongoing_cell.search(compact):
        return Found(Deadline(compact, "ongoing"))
    return None


_NUMERIC = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[./-]\s*(?P<m>1[0-2]|0?[1-9])(?:\s*[./-]\s*(?P<d>[0-3]?\d))?")
_BARE_YEAR = re.compile(r"^(?P<y>(?:19|20)\d{2})\s*年$")  # with any other word the rules read it


def parse_deadline_cell(cell: str, year: int | None) -> Found | None:
    """The deadline a table's 完成时限 cell states; the whole cell is its text."""
    found = _cell_deadline(cell, year) if len(cell) <= _CACHED_CELL_CHARS else _parse_cell(cell, year)
    if found is None:
        return None
    d = found.deadline  # a fresh Deadline: callers set its offsets
    return Found(Deadline(d.text, d.kind, d.date, d.start, d.end, d.until), found.warning)


_CACHED_CELL_CHARS = 100  # a 完成时限 cell is a few words; longer cells are parsed each time


@lru_cache(maxsize=4096)  # bounded: keyed by one short cell (2021年6月底前, 长期) and the year
def _cell_deadline(cell: str, year: int | None) -> Found | None:
    return _parse_cell(cell, year)


def _parse_cell(cell: str, year: int | None) -> Found | None:
    found = find_deadlines(cell, year)
    if not found:
        return _cell_fallback(cell, year)
    first = found[0]
    d = first.deadline
    return Found(
        Deadline(_clean(cell).rstrip("。；;，,"), d.kind, d.date, d.start, d.end, d.until), first.warning
    )


def milestones(cell: str, year: int | None) -> list[Found]:
    """A cell of dated milestones parted by ； (3月底前完成X；6月底前完成Y；12月底前完成Z), or by commas
    when every part opens with its date, in order; none for a cell of one deadline or of parts without dates. (A
    day without a year has no ``date`` when ``year`` is unknown: still a milestone.)"""
    parts = [p for p in re.split(r"[；;]", cell) if p.strip()]
    if len(parts) < 2:
        # (or by commas, each part opening with its date: 2028年3月底前下达计划，4月底前全部开工)
        parts = [p for p in re.split(r"[，,]", cell) if p.strip()]
        if len(parts) < 2 or not all(_opens_with_date(p, year) for p in parts):
            return []
    found = [f for f in find_deadlines(cell, year) if f.deadline.kind == "by"]
    return found if len(found) == len(parts) else []


def _opens_with_date(part: str, year: int | None) -> bool:
    """Whether ``part`` opens with a dated deadline (4月底前全部开工)."""
    found = find_deadlines(part.strip(), year)
    return bool(found) and found[0].deadline.kind == "by" and not (found[0].deadline.start or 0)
