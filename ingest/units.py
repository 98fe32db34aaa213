"""Unit lists -> unit mentions: split without breaking names, drop catch-alls, distribute a shared
prefix ("市财政局、工业和信息化局" -> 市工业和信息化局) and tell what kind of body each is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from fengong.ingest.places import places
from fengong.ingest.vocab import alternation, role_vocab, unit_vocab

_OPEN, _CLOSE = "（([【〔［{", "）)]】〕］}"
_SEPARATORS = "、，,；;/／"
_TRAIL = re.compile(r"(?:等(?:有关|相关)?(?:单位|部门|机构)?|牵头|配合|负责)+$")
_EDGE_PUNCT = "：:。．.！!？?“”\"'‘’《》·- \u3000"
# Words that begin with a level character without being a level prefix (市场监管局 is not 市+场监管局).
_NOT_PREFIX = (
    "市场",
    "市政公用",
    "市政工程",
    "市政设施",
    "市政建设",
    "市政管理",
    "市容",
    "市民",
    "市区",
    "区域",
    "县域",
    "县城",
    "省级",
    "市级",
    "县级",
    "区级",
)
_SPACE = re.compile(r"\s")
_LIST_MARKS = re.compile("[" + re.escape(_OPEN + _CLOSE + _SEPARATORS) + "]")
_JOIN = re.compile("以及|及|和|与")
# A role phrase trailing a list's last unit: "市财政局（按职责分工负责）".
_ROLE_TAIL = re.compile(
    r"[（(](?:按照?职责分工负责|按职责负责|分别负责|负责|配合|排名不分先后|按职责分工落实|按职责分工)[）)]$"
)
_PLACE_CLASS = re.compile(r"^各?[省市县区州盟旗乡镇]{1,2}$")
_WORD = re.compile(r"\S+")
_LEADING_WORD = re.compile(r"^(?:由|和|及|以及|与|请|并)")
_CONJUNCTIONS = str.maketrans("", "", "和与及")
_QUALIFIED = ("市属", "市直", "县直", "区直", "省直", "市级", "县级", "区级", "省级")


class Mention(NamedTuple):
    """One unit as a list names it: the words written, the local name after distributing a shared
    prefix, and where the words stand in the document. (A named tuple: immutable like a frozen
    dataclass, and built at less than half the cost; lists are parsed once and their mentions
    copied to each place the list stands.)"""

    written: str
    local: str
    start: int
    end: int
    lead_marked: bool = False  # written with "（牵头）"


@dataclass(frozen=True)
class _Patterns:
    suffix: re.Pattern[str]
    company: re.Pattern[str]
    collective_suffix: re.Pattern[str]
    party: re.Pattern[str]
    level_place: re.Pattern[str]
    short_place: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    v = unit_vocab()
    return _Patterns(
        suffix=re.compile(f"(?:{alternation(v.gov_suffixes + v.company_suffixes + v.collective_suffixes)})$"),
        company=re.compile(f"(?:{alternation(v.company_suffixes)})$"),
        collective_suffix=re.compile(f"(?:{alternation(v.collective_suffixes)})$"),
        party=re.compile(f"^(?:{alternation(v.party_prefixes)})"),
        level_place=re.compile(f"^(?:{places().pattern.pattern})"),
        short_place=re.compile(f"^(?:{places().short_pattern.pattern})"),
    )


def split_list(text: str, base: int = 0) -> list[tuple[str, int, int]]:
    """Split a unit list on 、，,；; at bracket depth zero. Returns (item, start, end) with offsets
    shifted by ``base``; items keep their inner brackets (各县（市、区）人民政府)."""
    items: list[tuple[str, int, int]] = []
    depth, start = 0, 0
    # Only the separators and brackets matter: visit those, not every character.
    for m in _LIST_MARKS.finditer(text):
        ch, i = m.group(), m.start()
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            items.append((text[start:i], base + start, base + i))
            start = i + 1
    items.append((text[start:], base + start, base + len(text)))
    out: list[tuple[str, int, int]] = []
    for item, s, _e in items:
        for part, ps, pe in _split_spaces(item, s):
            out.extend(_split_conjunction(part, ps, pe))
    return out


def _split_conjunction(item: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """ "市财政局和市税务局" / "市发改委及各县区政府" are two units; "工业和信息化局" is one."""
    m = _JOIN.search(item)
    if m is None or depth_at(item, m.start()) > 0:
        return [(item, start, end)]
    left, right = item[: m.start()], item[m.end() :]
    left_c, right_c = clean(left), clean(right)
    if (
        len(left_c) >= 3
        and len(right_c) >= 3
        and _patterns().suffix.search(left_c)
        and looks_like_unit(right_c)
    ):
        return [(left, start, start + m.start()), *_split_conjunction(right, start + m.end(), end)]
    return [(item, start, end)]


def depth_at(text: str, pos: int) -> int:
    """How many brackets are open at ``pos``."""
    depth = 0
    for ch in text[:pos]:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
    return depth


def _split_spaces(item: str, base: int) -> list[tuple[str, int, int]]:
    """Split on spaces only when every part is a whole unit name (table cells often use spaces)."""
    if not _SPACE.search(item):
        return [(item, base, base + len(item))] if item else []
    parts = [(m.group(), base + m.start(), base + m.end()) for m in _WORD.finditer(item)]
    if len(parts) > 1 and all(looks_like_unit(p) and len(p) >= 3 for p, _, _ in parts):
        return parts
    stripped = item.strip()
    if not stripped:
        return []
    lead = len(item) - len(item.lstrip())
    return [(item, base, base + len(item))] if lead == 0 else [(item[lead:], base + lead, base + len(item))]


@lru_cache(maxsize=65536)  # bounded: list items repeat within and across documents
def clean(item: str) -> str:
    """The item without spaces, edge punctuation, or a trailing 等 / role verb."""
    s = "".join(item.split()).strip(_EDGE_PUNCT)
    s = _LEADING_WORD.sub("", s)
    s = _ROLE_TAIL.sub("", s)
    s = _TRAIL.sub("", s).strip(_EDGE_PUNCT)
    # An annotation's own closing bracket can trail the last item.
    while s and s[-1] in _CLOSE and sum(s.count(c) for c in _CLOSE) > sum(s.count(c) for c in _OPEN):
        s = s[:-1]
    while s and s[0] in _OPEN and sum(s.count(c) for c in _OPEN) > sum(s.count(c) for c in _CLOSE):
        s = s[1:]
    return s


def canonical_brackets(name: str) -> str:
    """Chinese names use full-width brackets."""
    return name.replace("(", "（").replace(")", "）")


@lru_cache(maxsize=65536)
def looks_like_unit(name: str) -> bool:
    """Whether a phrase ends like a body's name (or is a known abbreviation of one)."""
    s = "".join(name.split()).rstrip("等")
    if not s or s in unit_vocab().generic:
        return False
    return bool(_patterns().suffix.search(s)) or function_of(s) is not None


def is_generic(name: str) -> bool:
    """A catch-all such as 有关部门 that names no body."""
    return name in unit_vocab().generic or not name


@lru_cache(maxsize=65536)  # bounded: names repeat across documents, memory must not grow
def level_prefix(name: str) -> str:
    """The part of a name that places it: a party prefix (市委), a full place name (开封市), a level
    character (市) or a qualifier (市直); '' when the name carries none."""
    pats = _patterns()
    m = pats.party.match(name)
    if m:
        return m.group()
    m = pats.level_place.match(name)
    if m and len(name) > len(m.group()):
        return m.group()
    if name.startswith(_QUALIFIED):
        return name[:2]
    m = pats.short_place.match(name)
    if m and len(name) > len(m.group()) + 1 and name[len(m.group())] not in unit_vocab().level_prefixes:
        return m.group()
    if name[:1] in unit_vocab().level_prefixes and len(name) > 2 and not name.startswith(_NOT_PREFIX):
        return name[0]
    return ""


@lru_cache(maxsize=65536)
def unit_kind(name: str) -> str:
    """government / party / company / collective, from the name's words."""
    v = unit_vocab()
    pats = _patterns()
    if name.startswith(tuple(v.collective_prefixes)) or pats.collective_suffix.search(name):
        return "collective"
    if pats.party.match(name) or name.startswith(("中共", "党")):
        return "party"
    if pats.company.search(name):
        return "company"
    return "government"


def strip_conjunctions(name: str) -> str:
    """住房和城乡建设局 and 住房城乡建设局 are one spelling once 和 / 与 / 及 go."""
    return name.translate(_CONJUNCTIONS)


@cache
def _functions() -> dict[str, str]:
    table: dict[str, str] = {}
    for spelling, function in unit_vocab().abbreviations.items():
        table[spelling] = function
        table.setdefault(strip_conjunctions(spelling), function)
        table.setdefault(strip_conjunctions(function), function)
    return table


def function_of(body: str) -> str | None:
    """The function (UnitType) a body's name or abbreviation stands for, if the vocabulary knows it."""
    table = _functions()
    return table.get(body) or table.get(strip_conjunctions(body))


def _lead_marker(name: str) -> tuple[str, bool]:
    m = _lead_marker_re().search(name)
    return (name[: m.start()], True) if m and m.start() > 0 else (name, False)


@cache
def _lead_marker_re() -> re.Pattern[str]:
    return re.compile(rf"[（(]\s*(?:{alternation(role_vocab().lead_markers)})\s*[）)]$")


def _join_place_classes(items: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """ "各市、县（市、区）人民政府" is one collective: a bare place class joins the item after it."""
    out: list[tuple[str, int, int]] = []
    pending: tuple[str, int, int] | None = None
    for item, s, e in items:
        if pending is not None:
            item, s = pending[0] + "、" + item, pending[1]
            pending = None
        if _PLACE_CLASS.match("".join(item.split())):
            pending = (item, s, e)
            continue
        out.append((item, s, e))
    if pending is not None:
        out.append(pending)
    return out


# Lists longer than this are parsed without the cache (a list is a few unit names; a longer text
# is rare and would only crowd the cache).
_CACHED_LIST_CHARS = 200


def parse_list(text: str, base: int = 0) -> list[Mention]:
    """Unit mentions of a list, in order, generic words dropped and a shared prefix distributed."""
    if len(text) > _CACHED_LIST_CHARS:
        return _parse_list(text, base)
    parsed = _parse_cached(text)
    if not base:
        return list(parsed)
    return [Mention(m.written, m.local, m.start + base, m.end + base, m.lead_marked) for m in parsed]


@lru_cache(maxsize=8192)  # bounded, keyed by one short unit list: lists repeat across tasks
def _parse_cached(text: str) -> tuple[Mention, ...]:
    return tuple(_parse_list(text, 0))


def _parse_list(text: str, base: int) -> list[Mention]:
    raw = [(clean(item), item, s, e) for item, s, e in _join_place_classes(split_list(text, base))]
    raw = [(c, item, s, e) for c, item, s, e in raw if c and not is_generic(c) and len(c) <= 60]
    if not raw:
        return []
    names = [c for c, _, _, _ in raw]
    prefixes = [level_prefix(n) for n in names]
    shared = _shared_mode(names, prefixes)
    out: list[Mention] = []
    current = ""
    previous = ""
    for (marked_name, item, s, e), prefix in zip(raw, prefixes, strict=True):
        name, lead_marked = _lead_marker(marked_name)
        local = name
        kind = unit_kind(name)
        if name in unit_vocab().bare_bodies and previous:
            # "各县市区政府、管委会": the bare body belongs to the same places as the unit before it.
            qualifier = _qualifier(previous)
            if qualifier:
                local = qualifier + name
        elif prefix and kind != "collective":
            current = _distributable(prefix)
        elif shared and current and kind == "government" and not prefix:
            local = current + name
        lead = len(item) - len(item.lstrip())
        out.append(Mention(item.strip(), canonical_brackets(local), s + lead, e, lead_marked))
        previous = local
    return out


def _qualifier(previous: str) -> str:
    for body in sorted(unit_vocab().bare_bodies, key=len, reverse=True):
        if previous.endswith(body) and len(previous) > len(body):
            return previous[: -len(body)]
    return ""


def _distributable(prefix: str) -> str:
    """The part of a unit's prefix that later names in a shared list inherit: 市委 gives 市."""
    if _patterns().party.match(prefix):
        return prefix[0] if prefix[0] in unit_vocab().level_prefixes else ""
    if prefix.startswith(_QUALIFIED):
        return ""
    return prefix


def _shared_mode(names: list[str], prefixes: list[str]) -> bool:
    """A list shares its first prefix when the government bodies after it mostly go without one."""
    if not any(prefixes):
        return False
    first = next(i for i, p in enumerate(prefixes) if p)
    bare = with_prefix = 0
    for name, prefix in zip(names[first + 1 :], prefixes[first + 1 :], strict=True):
        if unit_kind(name) != "government":
            continue
        if prefix:
            with_prefix += 1
        else:
            bare += 1
    return bare > 0 and bare >= with_prefix
