"""Document metadata from its head: title, 文号, issuer, date and jurisdiction."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from fengong.ingest.bodies import lookup
from fengong.ingest.model import Jurisdiction
from fengong.ingest.outline import Line
from fengong.ingest.places import Place, find_places, opening_place, to_jurisdiction
from fengong.ingest.places import lookup as lookup_place
from fengong.ingest.resolve import without_office, zone_of
from fengong.ingest.vocab import VocabularyError, alternation, load_yaml, unit_vocab, words

# a bulletin's issue (〔2028〕第3期, 2028年第3期, 第3期)
_ISSUE = r"^(?:[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]|(?:19|20)\d{2}年)?\s*第\s*\d{1,4}\s*期$"
_DOC_NUMBER = re.compile(
    r"^[\u4e00-\u9fa5A-Za-z0-9]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*号$|"
    + _ISSUE
)
_ISSUE_LINE = re.compile(_ISSUE)
_DATE_LINE = re.compile(
    r"^(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:印发|发布)?$"
)
_NOTICE = re.compile(r"^[^《》]{0,40}关于印发\s*《?(?P<t>[^《》]+?)》?\s*的\s*通\s*知$")
_TRANSMIT = re.compile(r"《(?P<t>[^《》]{4,80})》\s*(?:已经|经)")
_ABOUT = re.compile(r"^(?P<issuer>.{2,30}?)关于")
_RANGE_LINE = re.compile(r"^[（(]\s*(?:19|20)\d{2}\s*(?:年)?\s*[-—–~～至]+\s*(?:19|20)\d{2}\s*年?\s*[）)]$")
_SALUTATION = re.compile(r"[:：]$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


@dataclass(frozen=True)
class _HeadVocab:
    issuer_end: re.Pattern[str]
    approved_by: re.Pattern[str]
    letterhead_ends: tuple[str, ...]
    note_starts: tuple[str, ...]
    place_openers: frozenset[str]
    place_levels: dict[str, str]


@cache
def _vocab() -> _HeadVocab:
    """The head's vocabulary (``metadata.yaml``); levels from ``units.yaml``."""
    name = "metadata.yaml"
    data = load_yaml(name)
    levels = re.escape("".join(unit_vocab().level_prefixes))
    approved = alternation(words(data, "approved_words", name))
    return _HeadVocab(
        issuer_end=re.compile(f"(?:{alternation(words(data, 'issuer_ends', name))})$"),
        approved_by=re.compile(rf"已经(?P<level>[{levels}])(?:人民)?政府(?:{approved})"),
        letterhead_ends=tuple(words(data, "letterhead_ends", name)),
        note_starts=tuple(words(data, "note_starts", name)),
        place_openers=frozenset(words(data, "place_openers", name)),
        place_levels=dict(data.get("place_levels") or {}),
    )


@dataclass(slots=True)
class Metadata:
    """What the document's head says about it."""

    title: str
    doc_number: str | None
    issuer: str | None
    date: str | None
    jurisdiction: Jurisdiction | None
    year: int | None
    signature_lines: frozenset[int] = frozenset()  # date lines and the issuer lines above them


def _compact(text: str) -> str:
    return "".join(text.split())


def read_metadata(lines: list[Line], text: str) -> Metadata:
    """Title, 文号, issuer, date, jurisdiction and the year deadlines without one belong to."""
    head = [ln for ln in lines[:60] if ln.text]
    doc_number = next((_compact(ln.text) for ln in head[:15] if _DOC_NUMBER.match(_compact(ln.text))), None)
    date, date_index = None, None
    for i, ln in enumerate(lines):
        # A date line holds 年 and 日 as written: lines without them are not compacted and tried.
        if "年" not in ln.text or "日" not in ln.text:
            continue
        m = _DATE_LINE.match(_compact(ln.text))
        if m:
            date = f"{int(m['y']):04d}-{int(m['m']):02d}-{int(m['d']):02d}"
            date_index = i
            break
    title, head_issuer = _title(head)
    issuer = None
    if date_index is not None:
        signers = _signers(lines, date_index)
        if signers:
            issuer = "、".join(name for i in signers for name in lines[i].text.split())
    # (X关于…: the title names its issuer, on the first line or under a letterhead: X文件 / 文号)
    for ln in head[:4] if issuer is None else ():
        m = _ABOUT.match(_compact(ln.text)) if "。" not in ln.text else None  # (a sentence is no title)
        if m and _issuer_like(m["issuer"]) and "《" not in m["issuer"]:
            issuer = m["issuer"]
            break
    issuer = issuer or head_issuer or None
    jurisdiction = _jurisdiction(title, issuer, head) or _numbered_province(doc_number, issuer)
    if issuer is None and jurisdiction is not None:
        m = _vocab().approved_by.search(text[:3000])
        if m and m["level"] == jurisdiction.level_char:
            # A plan passed on with "已经市政府同意" is issued by the government's general office.
            issuer = f"{jurisdiction.name}人民政府办公室"
    year = int(date[:4]) if date else _year_of(title, text)
    return Metadata(title, doc_number, issuer, date, jurisdiction, year, _signatures(lines))


def _signatures(lines: list[Line]) -> frozenset[int]:
    """Every signature: a line that is only a date, and the issuer's line right above it. They
    close a document (or its notice) and belong to no heading's words."""
    out: set[int] = set()
    for i, ln in enumerate(lines):
        if "年" not in ln.text or "日" not in ln.text or not _DATE_LINE.match(_compact(ln.text)):
            continue
        out.add(i)
        out.update(_signers(lines, i))
    return frozenset(out)


_MAX_SIGNER_LINES = 4  # a joint notice's bodies sign two or three to a line, on up to four lines


def _signers(lines: list[Line], date_index: int) -> list[int]:
    """The issuer lines right above a date line, in order: one body, or a joint notice's several
    ("国家知识产权局        中央宣传部" / "公安部        农业农村部" …)."""
    out: list[int] = []
    j = date_index - 1
    while j >= 0 and not lines[j].text:
        j -= 1
    while j >= 0 and len(out) < _MAX_SIGNER_LINES and lines[j].text:
        line = _compact(lines[j].text)
        if not (_issuer_like(line) and len(line) <= 30):
            break
        out.insert(0, j)
        j -= 1
    return out


def _title(head: list[Line]) -> tuple[str, str]:
    """The title, and the issuer's name when it heads the page on a line of its own above it."""
    for i, ln in enumerate(head[:20]):
        t = _compact(ln.text)
        # a notice's title may break after 关于印发 (…关于印发 / 《…》的通知 on the next line)
        m = _NOTICE.search(t) or (
            _NOTICE.search(t + _compact(head[i + 1].text)) if "关于" in t and i + 1 < len(head) else None
        )
        if m:
            return m["t"].strip("《》"), ""
    for ln in head[:20]:
        m = _TRANSMIT.search(ln.text)
        if m:
            return _compact(m["t"]), ""
    issuer_line, issuer_at = "", -1
    for i, ln in enumerate(head[:20]):
        t = _without_dated_end(ln.text)
        if (
            _DOC_NUMBER.match(t)
            or _SALUTATION.search(t)
            or t.endswith(_vocab().letterhead_ends)
            or _DATE_LINE.match(t)
            or len(t) < 4
            or t.startswith(_vocab().note_starts)
            or _spaced_masthead(ln.text)
            or _names_publication(head, i)
        ):
            continue
        following = _compact(head[i + 1].text) if i + 1 < len(head) else ""
        # (a joint notice's signers on one line, parted by spaces: 教育部 国家发展改革委 … 国务院国资委)
        parts = ln.text.split()
        signers = len(parts) >= 2 and all(_central(p) or _vocab().issuer_end.search(p) for p in parts)
        is_issuer = (len(t) <= 30 and bool(_vocab().issuer_end.search(t))) or signers
        if _RANGE_LINE.match(following):
            t += following
        elif following.startswith("关于") and is_issuer:
            # The issuer on a line of its own above 关于…的报告 (a letterhead without 文件): one title,
            # and the line names who issues it; a joint notice's signers may take two lines
            # (国家卫生健康委 … 民政部 / 财政部 … 国家中医药局): the first continues on the second.
            # (not a masthead further up: 中共中央办公厅 / 国务院办公厅 / 中办发〔2026〕41号 / then the signers)
            if issuer_line and issuer_at == i - 1 and _central(issuer_line) and _central(t):
                issuer_line += t
                t = issuer_line
            issuer_line = issuer_line or t
            t += following
        elif is_issuer:
            # The issuer's name alone (德州市卫生健康委员会) heads the page: the title follows it.
            issuer_line, issuer_at = issuer_line or t, i
            continue
        if issuer_line and re.search(r"[。；！？]", t):
            return issuer_line, ""  # a sentence of the body, not a title: the issuer names the page
        return t[:200], issuer_line
    return issuer_line, ""


def _without_dated_end(line: str) -> str:
    """A head line compacted, less a date set apart at its end (宁乡市人民政府督查室    2028年3月10日:
    a joint letterhead's second issuer with the bulletin's date)."""
    parts = line.split()
    if len(parts) >= 2 and _DATE_LINE.match(parts[-1]):
        return _compact(" ".join(parts[:-1]))
    return _compact(line)


def _names_publication(head: list[Line], i: int) -> bool:
    """Whether head line ``i`` names a bulletin above its issue's number (督查通报 / 第7期): the
    publication, not the title."""
    following = next((_compact(ln.text) for ln in head[i + 1 : i + 3] if ln.text.strip()), "")
    return bool(_ISSUE_LINE.match(following))


def _spaced_masthead(line: str) -> bool:
    """A letterhead written a character at a time (督 办 通 报, 工 作 简 报): the publication, not the
    title."""
    parts = line.split()
    return len(parts) >= 3 and all(len(p) == 1 for p in parts)


def _numbered_province(doc_number: str | None, issuer: str | None) -> Jurisdiction | None:
    """The province whose one-character name opens the 文号 (闽数字办〔2028〕14号: 福建省), for a
    document whose head names no place; never a central body's."""
    if not doc_number or (issuer and _central(issuer)):
        return None
    name = _province_abbreviations().get(doc_number[0])
    place = lookup_place(name) if name else None
    return to_jurisdiction(place) if place is not None else None


@cache
def _province_abbreviations() -> dict[str, str]:
    data = load_yaml("metadata.yaml").get("province_abbreviations", {})
    if not isinstance(data, dict):
        raise VocabularyError(
            "ingest/data/metadata.yaml: province_abbreviations must map characters to provinces"
        )
    return {str(k): str(v) for k, v in data.items()}


def _jurisdiction(title: str, issuer: str | None, head: list[Line]) -> Jurisdiction | None:
    for source in (title, issuer or ""):
        found = find_places(source)
        if found:
            unknown = _unknown_opening_place(source, found)
            if unknown is not None:
                return unknown
            # The most specific place the title names (泽州县 over 晋城市).
            place = max(found, key=lambda f: (f[0].level in ("county", "district"), -f[1]))[0]
            return to_jurisdiction(place)
    zone = _zone_place(title, issuer or "")
    if zone is not None:
        return zone
    # a place written short at the start of its issuer or title (海西州人民政府办公室: 海西蒙古族藏族自治州),
    # before the places its addressees name
    for source in (issuer or "", title):
        opening = _opening_level_place(source) if source and not _central(source) else None
        if opening is not None:
            return to_jurisdiction(opening)
    if issuer and _central(issuer):
        # A central body's document is the whole country's: the places its opening lines name
        # are where it applies (or words that are also place names: 城区), not who issues it.
        return None
    for source in (issuer or "", title):
        by_form = _place_by_form(source)
        if by_form is not None:
            return by_form
    counts: Counter[str] = Counter()
    best = {}
    for ln in head[:30]:
        for place, _, _ in find_places(ln.text):
            if place.level == "district" and len(place.name) <= 2:
                continue  # 中区 / 城区 / 郊区 in a sentence are words (酸化耕地集中区), not the place
            counts[place.name] += 1
            best[place.name] = place
    if counts:
        return to_jurisdiction(best[counts.most_common(1)[0][0]])
    return None


def _unknown_opening_place(source: str, found: list[tuple[Place, int, int]]) -> Jurisdiction | None:
    """A place the table does not hold that opens the text and ends with one it does (青岚县人民政府:
    not 岚县): the place as written, at that one's level."""
    place, start, end = min(found, key=lambda f: f[1])
    head = source[:start]
    if not 0 < start <= _UNKNOWN_HEAD or not all("\u4e00" <= ch <= "\u9fff" for ch in head):
        return None
    if (
        head in _vocab().place_openers
        or lookup_place(source[:end]) is not None
        or opening_place(source) is not None
    ):
        return None  # (重庆两江新区: a known place's short name opens it)
    return Jurisdiction(source[:end], place.level, None, None)


#: The characters an unknown place's name may have before the known one it ends with (青 of 青岚县);
#: words that open a title or an issuer before a place (中共岚县县委, metadata.yaml's place_openers)
#: are none.
_UNKNOWN_HEAD = 2


def _place_by_form(source: str) -> Jurisdiction | None:
    """A place the table does not hold, written before its government (青溪县人民政府办公室): the place
    as written, at the level its last character gives (metadata.yaml's place_levels)."""
    m = _place_form_re().match(source)
    if m is None or m["name"][:2] in _vocab().place_openers:
        return None
    return Jurisdiction(m["name"], _vocab().place_levels[m["name"][-1]], None, None)


@cache
def _place_form_re() -> re.Pattern[str]:
    levels = "".join(_vocab().place_levels)
    governments = alternation(words(load_yaml("metadata.yaml"), "place_governments", "metadata.yaml"))
    return re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,4}}?[{re.escape(levels)}])(?:{governments})")


def _opening_level_place(text: str) -> Place | None:
    """The place a text opens with, written with its level word (海西州, 湘西自治州: the place table's
    short forms), not a township's name that opens with a county's (石门乡 is no 石门县)."""
    for end in range(min(len(text), _PLACE_CHARS), 1, -1):
        head = text[:end]
        if head[-1] in _LEVEL_ENDS:
            place = lookup_place(head)
            if place is not None:
                return place
    return None


#: The characters a place written with its level word has at most, and the level words.
_PLACE_CHARS = 12
_LEVEL_ENDS = "省市县区州盟旗"


def _zone_place(title: str, issuer: str) -> Jurisdiction | None:
    """A zone the division table does not hold (苏州高新区, of 苏州高新区管委会) as the plan's place, in
    the city or county its name opens with: its units written 区X are the zone's, and a question
    naming the zone keeps to its plans."""
    zone = zone_of(title, issuer)
    if not zone or not zone.endswith(tuple(unit_vocab().self_placed_words)):
        return None
    place = opening_place(zone)
    if place is None:
        # (a state-level new area named by its province: 四川天府新区, 贵州贵安新区)
        province = next(
            (p for k in (3, 2) if (p := lookup_place(zone[:k])) is not None and p.level == "province"), None
        )
        return Jurisdiction(zone, "district", None, province.name) if province else None
    city = place.name if place.level == "city" else place.city
    return Jurisdiction(zone, "district", city or None, place.province or None)


def _issuer_like(line: str) -> bool:
    """Whether a line reads as an issuing body: it ends as issuers do (人民政府, 办公室, 局 …), or is
    bodies of the lexicon whose names end otherwise (中国人民银行, 国家市场监督管理总局 …)."""
    return bool(_vocab().issuer_end.search(line)) or _central(line)


def _central(issuer: str) -> bool:
    """Whether the issuer is a central body of the lexicon (companies aside), or several joined by
    spaces or 、 that all are, or written one after another (财政部自然资源部: a signature block)."""
    names = [n for n in re.split(r"[\s、，,]+", issuer) if n]
    return bool(names) and all(_central_run(n) for n in names)


def _central_run(text: str) -> bool:
    """Whether ``text`` is one or more central bodies of the lexicon written one after another."""
    ends = {0}  # prefix lengths covered by whole bodies
    for end in range(1, len(text) + 1):
        if any(start in ends and _is_central(text[start:end]) for start in range(max(0, end - 30), end)):
            ends.add(end)
    return len(text) in ends


def _is_central(name: str) -> bool:
    # (or its office signing for it: 交通运输部办公厅)
    body = lookup(name) or lookup(without_office(name))
    return body is not None and body.kind != "company"


def _year_of(title: str, text: str) -> int | None:
    m = _YEAR.search(title)
    if m:
        return int(m.group(1))
    years = Counter(int(y) for y in _YEAR.findall(text[:20000]))
    return years.most_common(1)[0][0] if years else None
