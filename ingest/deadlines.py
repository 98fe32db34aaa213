"""Deadlines: "2020年10月底前", "7月底前" (year from the document), "2020年-2022年", "每季度",
"持续推进". Impossible dates (6月31日) become the month's last day, with a warning."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

from fengong.ingest.model import Deadline

_CN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}

_Y = r"(?P<y>(?:19|20)\d{2})\s*年"
_M = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月份?"
_D = r"(?P<d>[0-3]?\d)\s*[日号]"
_PERIOD = re.compile(
    r"(?P<y1>(?:19|20)\d{2})\s*年?\s*(?:度\s*)?[-—–~～至到]+\s*(?P<y2>(?:19|20)\d{2})\s*年(?:度)?"
)
# The look-aheads name the characters a match can start with: the scan skips every other place
# without entering the pattern (they match nothing the pattern would not).
_DAY = re.compile(rf"(?=[\d一二三四五六七八九十])(?:{_Y}\s*)?{_M}\s*{_D}\s*(?:前|以前|之前|止|为止)?")
_MONTH = re.compile(
    r"(?=[到至截于在力争确\s\d一二三四五六七八九十])"
    rf"(?P<pre>到|至|截至|截止|于|在|力争|争取|确保)?\s*(?:{_Y}\s*)?{_M}\s*"
    r"(?P<suf>底前|末前|底|末|上旬|中旬|下旬|初|前|以前|之前)?(?:前|以前|之前)?"
)
_YEAR = re.compile(
    r"(?=[到至截于在力争确计\s\d])"
    rf"(?P<pre>到|至|截至|截止|于|在|力争到|力争在|力争|争取到|争取|确保|计划到)?\s*{_Y}\s*"
    r"(?P<suf>年底前|年末前|底前|末前|年底|年末|底|末|上半年|下半年|前|以前|之前|内|以内)?"
)
_REL_YEAR = re.compile(r"(?:今年|本年|当年|年)\s*(?P<suf>底前|末前|底|末|内)|(?P<half>上半年|下半年)")
_RECURRING = re.compile(
    r"每年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:份|初|底|末|中旬|上旬|下旬)?"
    r"|每(?:个)?(?:季度|月|周|半年|年度|年|旬|两个?月)|按(?:季度|月|周|年|半年|旬)(?:开展|召开|调度|报送|通报)?"
    r"|(?:月|季|周|旬)调度|(?:月|季)通报|逐月|逐季"
)
_ONGOING = re.compile(r"持续推进|持续开展|持续实施|长期坚持|长期推进|长期实施|常态化推进|常态化开展|长期任务")
# In a 完成时限 cell a bare word is enough.
_ONGOING_CELL = re.compile(r"持续|长期|常态化|经常性|逐步推进|按进度推进")
_QUARTER = re.compile(
    r"(?=[\d第一二三四])"
    rf"(?:{_Y}\s*)?(?:第)?(?P<q>[一二三四1-4])\s*季度\s*(?P<suf>末|底|前|以前|之前|内)?(?:前)?"
)
_NUMERIC = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[./-]\s*(?P<m>1[0-2]|0?[1-9])(?:\s*[./-]\s*(?P<d>[0-3]?\d))?")
_BARE_YEAR = re.compile(rf"^{_Y}(?:底|末)?(?:前|以前|之前)?$")
_ANY_DATE_WORD = re.compile("[年月季周旬每按持长常]")
# Dates inside a quoted title (《…(2020—2022年)》) are not deadlines.
_QUOTED = re.compile(r"《[^《》]*》")


@dataclass(frozen=True, slots=True)
class Found:
    """A deadline expression found in text, with a warning when the date had to be repaired."""

    deadline: Deadline
    warning: str | None = None


def _num(s: str) -> int:
    if s.isdigit():
        return int(s)
    if s.startswith("十"):
        return 10 + (_CN_DIGITS[s[1]] if len(s) > 1 else 0)
    return _CN_DIGITS[s]


def _month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _clean(text: str) -> str:
    return "".join(text.split())


def _by(text: str, start: int, end: int, date: str | None) -> Deadline:
    return Deadline(_clean(text), "by", date, start, end)


def _day(m: re.Match[str], year: int | None) -> Found | None:
    y = int(m["y"]) if m["y"] else year
    month, day = _num(m["m"]), int(m["d"])
    if not 1 <= month <= 12 or day < 1:
        return None
    if y is None:
        return Found(_by(m.group(), m.start(), m.end(), None))
    last = calendar.monthrange(y, month)[1]
    warning = None
    if day > last:
        warning = f"impossible date {_clean(m.group())!r}: read as {_month_end(y, month)}"
        day = last
    return Found(_by(m.group(), m.start(), m.end(), f"{y:04d}-{month:02d}-{day:02d}"), warning)


def _month(m: re.Match[str], year: int | None) -> Found | None:
    # A bare "7月" is a date, not a deadline: demand a year, a "by" word or an end word.
    if not (m["y"] or m["pre"] or m["suf"] or m.group().endswith("前")):
        return None
    month = _num(m["m"])
    y = int(m["y"]) if m["y"] else year
    text_start = m.start("y") if m["y"] else m.start("m")
    text = m.string[text_start : m.end()]
    if y is None:
        return Found(_by(text, text_start, m.end(), None))
    suf = m["suf"] or ""
    if suf == "上旬" or suf == "初":
        date = f"{y:04d}-{month:02d}-10"
    elif suf == "中旬":
        date = f"{y:04d}-{month:02d}-20"
    else:
        date = _month_end(y, month)
    return Found(_by(text, text_start, m.end(), date))


def _year(m: re.Match[str]) -> Found | None:
    if not (m["pre"] or m["suf"]):
        return None
    y, suf = int(m["y"]), m["suf"] or ""
    date = f"{y:04d}-06-30" if suf == "上半年" else f"{y:04d}-12-31"
    pre = m["pre"] or ""
    cut = min((pre.find(w) for w in ("到", "至", "截") if w in pre), default=-1)
    start = m.start("pre") + cut if cut >= 0 else m.start("y")
    return Found(_by(m.string[start : m.end()], start, m.end(), date))


def find_deadlines(text: str, year: int | None) -> list[Found]:
    """Every deadline expression in ``text``, in reading order, without overlaps."""
    if not _ANY_DATE_WORD.search(text):
        return []  # every pattern below needs one of these characters
    masked = _QUOTED.sub(lambda q: "　" * len(q.group()), text) if "《" in text else text
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(f: Found | None) -> None:
        d = f.deadline if f else None
        if f and d is not None and d.start is not None and d.end is not None and free(d.start, d.end):
            found.append(f)
            taken.append((d.start, d.end))

    # Each pattern runs only when the text holds a word every match of it contains.
    has_year, has_month = "年" in masked, "月" in masked
    if "每" in masked or "按" in masked or "调度" in masked or "通报" in masked or "逐" in masked:
        for m in _RECURRING.finditer(masked):
            add(Found(Deadline(_clean(m.group()), "recurring", None, m.start(), m.end())))
    if has_year:
        for m in _PERIOD.finditer(masked):
            add(Found(Deadline(_clean(m.group()), "period", None, m.start(), m.end())))
    if has_month and ("日" in masked or "号" in masked):
        for m in _DAY.finditer(masked):
            add(_day(m, year))
    if has_month:
        for m in _MONTH.finditer(masked):
            add(_month(m, year))
    if has_year:
        for m in _YEAR.finditer(masked):
            add(_year(m))
    if "季度" in masked:
        for m in _QUARTER.finditer(masked):
            add(_quarter(m, year))
    if has_year and year is not None:
        for m in _REL_YEAR.finditer(masked):
            date = f"{year:04d}-06-30" if m["half"] == "上半年" else f"{year:04d}-12-31"
            add(Found(_by(m.group(), m.start(), m.end(), date)))
    if "持续" in masked or "长期" in masked or "常态化" in masked:
        for m in _ONGOING.finditer(masked):
            add(Found(Deadline(_clean(m.group()), "ongoing", None, m.start(), m.end())))
    found.sort(key=lambda f: f.deadline.start or 0)
    return found


def _quarter(m: re.Match[str], year: int | None) -> Found | None:
    if not (m["y"] or m["suf"]):
        return None
    y = int(m["y"]) if m["y"] else year
    q = _num(m["q"]) if not m["q"].isdigit() else int(m["q"])
    date = _month_end(y, q * 3) if y else None
    return Found(_by(m.group(), m.start(), m.end(), date))


def _cell_fallback(cell: str, year: int | None) -> Found | None:
    """What a 完成时限 cell may say that running text may not: a bare year, 2021.6.30, 长期."""
    compact = _clean(cell)
    m = _BARE_YEAR.match(compact)
    if m:
        return Found(Deadline(compact, "by", f"{int(m['y']):04d}-12-31"))
    m = _NUMERIC.search(compact)
    if m:
        y, month = int(m["y"]), int(m["m"])
        if m["d"]:
            day = min(int(m["d"]), calendar.monthrange(y, month)[1])
            return Found(Deadline(compact, "by", f"{y:04d}-{month:02d}-{day:02d}"))
        return Found(Deadline(compact, "by", _month_end(y, month)))
    if _ONGOING_CELL.search(compact):
        return Found(Deadline(compact, "ongoing"))
    return None


def parse_deadline_cell(cell: str, year: int | None) -> Found | None:
    """The deadline a table's 完成时限 cell states; the whole cell is its text."""
    found = _cell_deadline(cell, year) if len(cell) <= _CACHED_CELL_CHARS else _parse_cell(cell, year)
    if found is None:
        return None
    d = found.deadline  # a fresh Deadline: callers set its offsets
    return Found(Deadline(d.text, d.kind, d.date, d.start, d.end), found.warning)


_CACHED_CELL_CHARS = 100  # a 完成时限 cell is a few words; longer cells are parsed each time


@lru_cache(maxsize=4096)  # bounded: keyed by one short cell (2021年6月底前, 长期) and the year
def _cell_deadline(cell: str, year: int | None) -> Found | None:
    return _parse_cell(cell, year)


def _parse_cell(cell: str, year: int | None) -> Found | None:
    found = find_deadlines(cell, year)
    if not found:
        fallback = _cell_fallback(cell, year)
        return fallback
    first = found[0]
    d = first.deadline
    return Found(Deadline(_clean(cell).rstrip("。；;，,"), d.kind, d.date, d.start, d.end), first.warning)
