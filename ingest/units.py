"""Unit lists -> unit mentions: split without breaking names, drop catch-alls, distribute a shared
prefix ("市财政局、工业和信息化局" -> 市工业和信息化局) and tell what kind of body each is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from fengong.ingest.bodies import lookup as lookup_body
from fengong.ingest.deadlines import deadline_clause, may_hold_deadline
from fengong.ingest.local_bodies import ending_words, local_functions, local_spellings
from fengong.ingest.notations.brackets import brackets, split_top, trim_unbalanced
from fengong.ingest.notations.brackets import depth_at as depth_at
from fengong.ingest.places import lookup as lookup_place
from fengong.ingest.places import places
from fengong.ingest.vocab import alternation, role_vocab, unit_vocab

#: An item that only marks "none" (—, 无): no unit.
_NONE_ITEM = re.compile(r"^\s*(?:[-—－–]+|无)\s*$")
_SEPARATORS = "、，,；;/／\n"  # a newline: a table cell listing one unit a line
_EDGE_PUNCT = "：:。．.！!？?“”\"'‘’《》·- \u3000"
_SPACE = re.compile(r"\s")
_WORD = re.compile(r"\S+")
_CONJUNCTIONS = "和与及"
_CJK_NAME = re.compile(r"^[\u4e00-\u9fff（）()、]+$")


@dataclass(frozen=True)
class _Words:
    """Patterns built from the unit and role vocabularies (never written by hand)."""

    trail: re.Pattern[str]  # 等 / role verbs that close a list item
    role_tail: re.Pattern[str]  # "（按职责分工负责）" after the last item
    leading: re.Pattern[str]
    join: re.Pattern[str]
    clause: re.Pattern[str]
    # ``clean`` changes no item whose first character is none of ``clean_first`` and whose last is
    # none of ``clean_last`` (no edge punctuation, leading word, bracket, trailing word or verb).
    clean_first: frozenset[str]
    clean_last: frozenset[str]


@cache
def _words() -> _Words:
    v, r = unit_vocab(), role_vocab()
    trailing = v.etc_words + list(r.verbs) + r.notes
    verbs = alternation(list(r.verbs) + r.notes)
    # "（牵头）" marks a lead (see _lead_marker); other role words in brackets (（配合）, （辅）) only
    # restate the list's: beside a marked lead, the rest of its list cooperates.
    tails = alternation([w for w, role in r.verbs.items() if role != "lead"] + r.notes + r.cooperate_marks)
    b = brackets()
    return _Words(
        trail=re.compile(f"(?:{alternation(v.etc_words)}|{verbs})+$"),
        role_tail=re.compile(f"[（(](?:{tails})[）)]$"),
        leading=re.compile(f"^(?:{alternation(v.leading_words)})"),
        join=re.compile(alternation(v.join_words)),
        clause=re.compile(alternation(v.clause_words)),
        clean_first=frozenset(_EDGE_PUNCT + b.open) | {w[0] for w in v.leading_words},
        clean_last=frozenset(_EDGE_PUNCT + b.close + "）)") | {w[-1] for w in trailing},
    )


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
    suffix: re.Pattern[str]  # a body's ending, reversed (see _ends_like_body)
    company: re.Pattern[str]
    collective_suffix: re.Pattern[str]
    counted_places: re.Pattern[str]  # 山区26县政府, 12个镇街: a count of places names them all
    party: re.Pattern[str]
    level_place: re.Pattern[str]
    short_place: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    v = unit_vocab()
    # The lexicon's endings of bodies' names count too (one ending of one character, such as 股,
    # ends too many words to be trusted alone).
    lexicon_endings = [w for w in ending_words() if len(w) > 1]
    endings = v.gov_suffixes + v.company_suffixes + v.collective_suffixes + lexicon_endings
    return _Patterns(
        # Reversed: one anchored walk of a trie instead of a search for endings at every place.
        suffix=re.compile(alternation([e[::-1] for e in endings])),
        company=re.compile(f"(?:{alternation(v.company_suffixes)})$"),
        collective_suffix=re.compile(f"(?:{alternation(v.collective_suffixes)})$"),
        counted_places=re.compile(f"\\d+个?(?:{alternation(v.place_classes)})"),
        party=re.compile(f"^(?:{alternation(v.party_prefixes)})"),
        level_place=re.compile(f"^(?:{places().pattern.pattern})"),
        short_place=re.compile(f"^(?:{places().short_pattern.pattern})"),
    )


def split_list(text: str, base: int = 0) -> list[tuple[str, int, int]]:
    """Split a unit list on 、，,；; at bracket depth zero. Returns (item, start, end) with offsets
    shifted by ``base``; items keep their inner brackets (各县（市、区）人民政府)."""
    if len(text) > _CACHED_LIST_CHARS:
        return _split_list(text, base)
    # A reader tests a list's items before parsing it: the list is split once for both.
    parts = _split_cached(text)
    if not base:
        return list(parts)
    return [(x, s + base, e + base) for x, s, e in parts]


@lru_cache(maxsize=8192)  # bounded, keyed by one short unit list (as _parse_cached)
def _split_cached(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(_split_list(text, 0))


def _split_list(text: str, base: int) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    join = _words().join
    # Items are parts of the text: a text without spaces or joining words has no item to split.
    plain = _SPACE.search(text) is None and join.search(text) is None
    for item, s, _e in split_top(text, _SEPARATORS, base):
        if not item or _NONE_ITEM.match(item):
            continue  # (牵头单位：— says there is none)
        if plain or (_SPACE.search(item) is None and join.search(item) is None):
            out.append((item, s, s + len(item)))  # the usual item: one name, nothing to split
            continue
        for part, ps, pe in _split_spaces(item, s):
            out.extend(_split_conjunction(part, ps, pe))
    return out


def _split_conjunction(item: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """ "市财政局和市税务局" / "市发改委及各县区政府" are two units; "工业和信息化局" is one."""
    m = _words().join.search(item)
    if m is None or depth_at(item, m.start()) > 0:
        return [(item, start, end)]
    left, right = item[: m.start()], item[m.end() :]
    left_c, right_c = clean(left), clean(right)
    if (
        len(left_c) >= 3
        and len(right_c) >= 3
        and _ends_like_body(left_c)
        and (looks_like_unit(right_c) or is_generic(right_c))
    ):
        return [(left, start, start + m.start()), *_split_conjunction(right, start + m.end(), end)]
    return [(item, start, end)]


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
    """The item without spaces, edge punctuation, or a trailing 等 / role verb / note."""
    w = _words()
    s = "".join(item.split())
    if not s or (s[0] not in w.clean_first and s[-1] not in w.clean_last):
        return s  # the usual item, a bare name: nothing below would change it
    s = s.strip(_EDGE_PUNCT)
    if not places().short_pattern.match(s):  # (和平社区居委会: 和 opens a place's name, no conjunction)
        s = w.leading.sub("", s)
    s = w.role_tail.sub("", s)
    s = w.trail.sub("", s).strip(_EDGE_PUNCT)
    s = _without_person(s)
    # An annotation's own closing bracket can trail the last item.
    return trim_unbalanced(s)


def _without_person(name: str) -> str:
    """A unit written with the person answerable for it in brackets (省商务厅（王立新）, a table's
    牵头单位及责任人): the unit. A person's name is two to four characters that name no body, no
    role and no place; a second name of the body (区司法局（开发区司法局）) stays."""
    m = _person_after().search(name)
    if m is None or m.start() < 2:
        return name
    person = m.group("person")
    if looks_like_unit(person) or person in role_vocab().verbs or person in role_vocab().lead_markers:
        return name
    if places().pattern.search(person) or places().short_pattern.match(person):
        return name
    unit = name[: m.start()]
    # (县商务局*（王立新）: a lead's sign may stand between the unit and its person)
    named, _ = _lead_marker(unit)
    return unit if is_generic(named) or reads_as_name(named) else name


@cache
def _person_after() -> re.Pattern[str]:
    """（王立新）, （责任人：王立新）, （王立新，副局长）: a name, its label before it or a post after it."""
    return re.compile(
        rf"[（(](?:(?:{alternation(role_vocab().person_labels)})[:：])?(?P<person>[\u4e00-\u9fff]{{2,4}})"
        r"(?:[，,、]\s*[\u4e00-\u9fff]{1,10})?[）)]$"
    )


def canonical_brackets(name: str) -> str:
    """Chinese names use full-width brackets."""
    if "(" not in name and ")" not in name:
        return name
    return name.replace("(", "（").replace(")", "）")


def _ends_like_body(name: str) -> bool:
    """Whether ``name`` ends with a body's ending (局, 委员会, 有限公司, the lexicon's endings)."""
    return _patterns().suffix.match(name[::-1]) is not None


_ALTERNATIVE = re.compile(r"[（(][^（）()]{1,8}[）)]$")


@lru_cache(maxsize=65536)
def looks_like_unit(name: str) -> bool:
    """Whether a phrase ends like a body's name (or is a known abbreviation of one); a class of
    bodies may end with its alternative in brackets (各乡镇（街道）, 各村（社区）), and so may a body
    with the body that stands for it elsewhere (区人民政府（管委会））."""
    s = "".join(name.split()).rstrip("等")
    if is_generic(s):
        return False
    if _ends_like_body(s) or function_of(s) is not None or lookup_body(s) is not None:
        return True
    if (
        s.startswith("各")
        and len(s) <= unit_vocab().name_max_chars
        and s.endswith(tuple(unit_vocab().class_endings))
    ):
        return True  # 各流域管理机构: a class of bodies
    m = _ALTERNATIVE.search(s)
    if m is None:
        return False
    bare, other = s[: m.start()], m.group()[1:-1]
    # 各乡镇（街道）; 区人民政府（管委会）: a body and, in brackets, the body that stands for it elsewhere
    if bare.startswith("各"):
        return looks_like_unit(bare)
    # (a body's full name, 区人民政府; 乡镇（街道） without 各 is no class of bodies by form)
    return len(bare) >= 4 and _ends_like_body(bare) and _ends_like_body(other)


@lru_cache(maxsize=65536)
def reads_as_name(name: str) -> bool:
    """Whether a list item inside a recognised annotation names a body: it ends like one or the
    lexicon knows it, or it is short, all Chinese and holds no clause word (国铁集团, 证监会).
    A scope (各地结合实际), a note (下同) or a duty is not a name."""
    s = "".join(name.split())
    if is_generic(s):
        return False
    if looks_like_unit(s):
        return True
    if _words().clause.search(s):
        return False
    return 2 <= len(s) <= unit_vocab().name_max_chars and bool(_CJK_NAME.match(s))


@lru_cache(maxsize=65536)
def _is_clause(item: str) -> bool:
    """A list item that is a clause (a scope, a note, a declaration, a deadline such as
    "2025年底前完成" or "持续推进"), never a unit; a body with its section in brackets is one
    (农业农村部（农村合作经济指导司）)."""
    if looks_like_unit(item) or (item[-1:] in _MARK_CLOSE and looks_like_unit(_first_name(item))):
        return False
    if _words().clause.search(item):
        return True
    return may_hold_deadline(item) and deadline_clause(item, None) is not None


def is_known(name: str) -> bool:
    """Whether the vocabularies know ``name`` as a body (by suffix, abbreviation or the lexicon);
    a name read only by form is new."""
    return looks_like_unit(name)


def is_generic(name: str) -> bool:
    """A catch-all such as 有关部门 that names no body, also under any qualifier
    (中央和国家机关有关部门, 县直各相关单位)."""
    if not name or name in unit_vocab().generic or name.endswith(unit_vocab().pending_tails):
        return True
    if name in role_vocab().labels:
        return True  # a role's label (牵头司室负责统筹协调: the units that lead, no body)
    tails, last_chars = _generic_tails()
    if name[-1] in last_chars and name.endswith(tails):  # the set test turns most names away
        return True
    return _some_of_a_class(name) or _reference().fullmatch(name) is not None


@cache
def _reference() -> re.Pattern[str]:
    """A body referred to rather than named (该单位, 上述部门, 两个单位均): a reference word or a count,
    a word for bodies in general, and an adverb the clause gave it."""
    v = unit_vocab()
    heads, nouns = alternation(v.reference_heads), alternation(v.reference_nouns)
    adverbs = alternation(role_vocab().subject_adverbs)
    count = r"[一二两三四五六七八九十几多0-9]+个"
    return re.compile(rf"(?:(?:{heads})(?:{count})?|{count})(?:{nouns})(?:{adverbs})?")


def _some_of_a_class(name: str) -> bool:
    """相关村（社区）, 有关乡镇: a catch-all head before a class of places or bodies names none."""
    head = next((h for h in unit_vocab().catch_all_heads if name.startswith(h)), None)
    if head is None:
        return False
    rest = _ALTERNATIVE.sub("", name[len(head) :])
    return rest in unit_vocab().place_classes or rest in unit_vocab().class_endings


@cache
def _generic_tails() -> tuple[tuple[str, ...], frozenset[str]]:
    """The catch-alls that stay catch-alls whatever qualifies them (有关 / 相关 / 其他 phrases),
    and their last characters."""
    heads = tuple(unit_vocab().catch_all_heads)
    tails = tuple(g for g in unit_vocab().generic if g.startswith(heads))
    return tails, frozenset(t[-1] for t in tails)


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
    if name.startswith(unit_vocab().qualified_prefixes):
        return name[:2]
    for word in unit_vocab().place_word_prefixes:
        if name.startswith(word) and len(name) > len(word) + 1:
            return word  # 自治区商务厅, 地区林草局: the region's own bureau, as 省商务厅 a province's
    m = pats.short_place.match(name)
    if m and len(name) > len(m.group()) + 1 and name[len(m.group())] not in unit_vocab().level_prefixes:
        return m.group()
    # 市场监管局 carries no prefix, 市民政局 does: the rest is a known function.
    if (
        name[:1] in unit_vocab().level_prefixes
        and len(name) > 2
        and (
            not name.startswith(unit_vocab().not_prefix_words)
            or function_of(name[1:]) is not None
            or name[1:] in local_spellings()  # 市民宗局: 市 + 民宗局, though 市民 is a word
        )
    ):
        return name[0]
    return ""


@lru_cache(maxsize=65536)
def unit_kind(name: str) -> str:
    """government / party / company / collective, from the name's words."""
    v = unit_vocab()
    pats = _patterns()
    if (
        name.startswith(tuple(v.collective_prefixes))
        or pats.collective_suffix.search(name)
        or pats.counted_places.search(name)
    ):
        return "collective"
    if pats.party.match(name) or name.startswith(("中共", "党")):
        return "party"
    if pats.company.search(name):
        return "company"
    return "government"


def strip_conjunctions(name: str) -> str:
    """住房和城乡建设局 and 住房城乡建设局 are one spelling once 和 / 与 / 及 go."""
    # str.translate is ten times slower than a few replaces on Chinese text.
    for ch in _CONJUNCTIONS:
        if ch in name:
            name = name.replace(ch, "")
    return name


@cache
def _functions() -> dict[str, str]:
    table: dict[str, str] = {}
    for spelling, function in unit_vocab().abbreviations.items():
        table[spelling] = function
        table.setdefault(strip_conjunctions(spelling), function)
        table.setdefault(strip_conjunctions(function), function)
    # the short forms of the local functions (文旅厅: 文化和旅游厅, 住建厅: 住房和城乡建设厅), where
    # the abbreviations above do not already say
    for fn in local_functions():
        for spelling in fn.short:
            table.setdefault(spelling, fn.name)
            table.setdefault(strip_conjunctions(spelling), fn.name)
        table.setdefault(strip_conjunctions(fn.name), fn.name)
    return table


def function_of(body: str) -> str | None:
    """The function (UnitType) a body's name or abbreviation stands for, if the vocabulary knows it."""
    table = _functions()
    return table.get(body) or table.get(strip_conjunctions(body))


def without_lead_marker(name: str) -> str:
    """The name without a trailing "（牵头）" mark."""
    return _lead_marker(name)[0]


_MARK_CLOSE = "）)"  # the brackets that close a lead mark "（牵头）"


def _lead_marker(name: str) -> tuple[str, bool]:
    # (a legend's letter code is a whole name however short: ★A)
    long_enough = len(name) > 2 or is_letter_code(name[1:]) or is_letter_code(name[:-1])
    if name and name[-1] in role_vocab().lead_signs and long_enough:
        return name[:-1].rstrip(), True  # 县商务局*
    if name and name[0] in role_vocab().lead_signs and long_enough:
        return name[1:].lstrip(), True  # ★区商务委 (注：★为牵头单位): the sign may stand before the name
    if not name or name[-1] not in _MARK_CLOSE:
        return name, False  # a mark is a bracketed word at the end
    m = _lead_marker_re().search(name)
    return (name[: m.start()], True) if m and m.start() > 0 else (name, False)


def named_lead_bracket(text: str) -> re.Match[str] | None:
    """A bracket closing ``text`` that names the lead of the list or clause before it (（市台办为牵头
    单位）, （A牵头））: the match, its group ``who`` the lead; else ``None``, as for words saying no
    lead is named (（本项任务未明确牵头单位）)."""
    m = _named_lead_re().search(text.rstrip())
    return None if m is None or is_generic(m.group("who").strip()) else m


@cache
def _named_lead_re() -> re.Pattern[str]:
    """A bracket closing a list that names its lead (（市台办为牵头单位）, （市台办牵头））."""
    vocab = role_vocab()
    copulas = alternation(vocab.first_is_lead["copula"])
    return re.compile(
        rf"[（(]\s*(?P<who>[^（）()，,；;。、]{{2,20}}?)\s*(?:{copulas})?\s*(?:{alternation(vocab.lead_markers)})\s*[）)]$"
    )


@cache
def _lead_marker_re() -> re.Pattern[str]:
    return re.compile(rf"[（(]\s*(?:{alternation(role_vocab().lead_markers)})\s*[{_MARK_CLOSE}]$")


def _shared_bodies(raw: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """Places listed before the body they share ("格尔木市、德令哈市人民政府": each city's government):
    a place's name alone takes the bare body (人民政府, 管委会) of the next item that names a place."""
    out = list(raw)
    bodies = sorted(unit_vocab().bare_bodies, key=len, reverse=True)
    table = places()
    for k in range(len(out) - 2, -1, -1):
        name = out[k][0]
        following = out[k + 1][0]
        body = next((b for b in bodies if following.endswith(b) and len(following) > len(b)), None)
        if body is None:
            continue
        if table.pattern.fullmatch(name) and table.pattern.fullmatch(following[: -len(body)]):
            out[k] = (name + body, *out[k][1:])
        elif table.short_pattern.fullmatch(name):
            # (酒泉、张掖、武威市政府: the short names share the level word and the body)
            short = table.short_pattern.match(following)
            rest = following[short.end() :] if short else ""
            if (
                rest.endswith(body)
                and len(rest) - len(body) <= 1
                and table.pattern.fullmatch(following[: -len(body)])
            ):
                out[k] = (name + rest, *out[k][1:])
    return out


def _join_place_classes(
    text: str, base: int, items: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """ "各市、县（市、区）人民政府" is one collective: a run of bare place classes joins the body
    that follows it after a 、. A run that no body follows stays a list of classes (各州、市)."""
    if not any(_is_place_class(item) for item, _, _ in items):
        return items  # the usual list: no bare class to join
    out: list[tuple[str, int, int]] = []
    run: list[tuple[str, int, int]] = []
    for item, s, e in items:
        if run and text[run[-1][2] - base : s - base].strip() == "、":
            if _is_place_class(item):
                run.append((item, s, e))
                continue
            if (
                clean(item).startswith(unit_vocab().qualified_prefixes)
                or is_generic(clean(item))
                or _above_classes(clean(item), [x for x, _, _ in run])
                or not (_place_class_start().match(clean(item)) or clean(item) in unit_vocab().bare_bodies)
            ):
                # "各街道、区直各部门": a qualified or catch-all item is no body the classes share, nor
                # one of a higher tier than theirs ("各街道、区市场局": the district's own bureau), nor
                # one that names no class of places ("各街道、税务局")
                out.extend(run)
                run = []
                out.append((item, s, e))
                continue
            joined = "、".join(x for x, _, _ in run) + "、" + item
            out.append((joined, run[0][1], e))
            run = []
            continue
        out.extend(run)
        run = []
        if _is_place_class(item):
            run.append((item, s, e))
            continue
        out.append((item, s, e))
    out.extend(run)
    return out


def _above_classes(name: str, classes: list[str]) -> bool:
    """Whether ``name`` opens with a place class of a higher tier than every class of ``classes``."""
    tiers = unit_vocab().place_class_tiers
    m = _place_class_start().match(name)
    if m is None or m.group() not in tiers:
        return False
    own = [tiers.get(_class_word(c), -1) for c in classes]
    return all(tiers[m.group()] < t for t in own)


def _is_place_class(item: str) -> bool:
    """A bare place class (各州, 市, 县市区), also qualified after 各 (各沿海市, 各沿江县)."""
    return bool(_class_word(item))


def _class_word(item: str) -> str:
    """The place class an item names bare (各州: 州, 县市区), or after 各 and a qualifier of two or three
    characters (各沿海市: 市; not after a catch-all: 各有关市 names none); '' for any other item."""
    compact = "".join(item.split())
    if compact in _place_class_words():
        return compact.removeprefix("各")
    if not compact.startswith("各") or compact.startswith(tuple(unit_vocab().catch_all_heads), 1):
        return ""
    classes = unit_vocab().place_classes
    return next(
        (compact[1 + k :] for k in range(_QUALIFIER_MIN, _QUALIFIER_MAX + 1)
         if compact[1 + k :] in classes and _HAN.fullmatch(compact[1 : 1 + k])),
        "",
    )  # fmt: skip


#: A qualifier is a word of its own (沿海, 沿江), not a character of another (社 of 各社区).
_QUALIFIER_MIN, _QUALIFIER_MAX = 2, 3
_HAN = re.compile(r"[\u4e00-\u9fff]+")


@cache
def _place_class_words() -> frozenset[str]:
    """A bare place class, with or without 各 (各州, 市, 县市区)."""
    classes = unit_vocab().place_classes
    return frozenset(classes) | frozenset("各" + c for c in classes)


@cache
def _place_class_start() -> re.Pattern[str]:
    return re.compile(f"^(?:{alternation(unit_vocab().place_classes)})")


def _class_of_places(name: str) -> bool:
    """A class of places or of their governments (市, 县（市、区）, 乡镇人民政府, 街道办事处): after 各,
    a 各 the next name of its list shares (各州、市)."""
    m = _place_class_start().match(name)
    if m is None:
        return False
    rest = name[m.end() :]
    return not rest or rest.startswith(("（", "(")) or rest in {*unit_vocab().bare_bodies, "办事处", "办"}


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
    raw = []
    items = list(_join_place_classes(text, base, split_list(text, base)))  # (a cached list stays whole)
    named_lead = None
    if items:  # 市台办、市商务局、市工信局（市台办为牵头单位）: the bracket names the list's lead
        last, s, e = items[-1]
        m = _named_lead_re().search(last.rstrip())
        if m and clean(last[: m.start()]):
            # (（本项任务未明确牵头单位）: a bracket saying no lead is named names none)
            named_lead = None if is_generic(m.group("who").strip()) else clean(m.group("who"))
            items[-1] = (last[: m.start()], s, s + m.start())
    for item, s, e in items:
        c = clean(item)
        if c and len(c) <= 60 and not is_generic(c) and not _is_clause(_lead_marker(c)[0]):
            raw.append((c, item, s, e))
    if not raw:
        return []
    raw = _shared_bodies(raw)
    names = [_lead_marker(c)[0] for c, _, _, _ in raw]  # (a sign before a name is no level: *市A)
    prefixes = [level_prefix(n) for n in names]
    shared = _shared_mode(names, prefixes)
    out: list[Mention] = []
    current = ""
    previous = ""
    previous_end = -1
    bare_bodies = unit_vocab().bare_bodies
    for (marked_name, item, s, e), prefix in zip(raw, prefixes, strict=True):
        name, lead_marked = _lead_marker(marked_name)
        lead_marked = lead_marked or name == named_lead
        local = name
        kind = unit_kind(name)
        # (any list separator: a rewritten list parts its items with ； or ， as well)
        each = previous.startswith("各") and text[previous_end - base : s - base].strip() in _LIST_MARKS
        # "各州、市" / "各乡镇人民政府、街道办事处" / "各区、县市场监管局": a shared 各 is distributed like
        # a prefix after a class of places (not after 各社区, whose 镇自然资源分局 is the town's own)
        if (
            each
            and not prefix
            and not name.startswith("各")
            and _place_class_start().match(name)
            and _class_of_places(previous[1:])
        ):
            local = "各" + name
        elif name in bare_bodies and previous:
            # "各县市区政府、管委会": the bare body belongs to the same places as the unit before it.
            qualifier = _qualifier(previous)
            if qualifier:
                local = qualifier + name
        elif prefix and kind != "collective":
            # A zone's place name is its own (立山经济开发区): it is no prefix for the list; nor is a
            # place's short name that is also a word before no known function (平安 of 平安县 in
            # 平安建设办公室、城市管理办公室), as it is before one (泽州能源局、财政局).
            # A company's name opening with a place's is its own name (新兴际华集团), no list's prefix.
            own = kind == "company" or _self_placed(name) or _word_not_place(name, prefix)
            current = "" if own else _distributable(prefix)
        elif (
            shared
            and current
            and kind == "government"
            and not prefix
            and not _placed(name)
            and not _own_section(name)
            and not is_letter_code(name)
            # 区绿化市容局、街道城运中心: the street's own office, not the district's (乡村振兴局, a
            # function that merely starts with a township's word, is still the district's)
            and not (
                name.startswith(tuple(unit_vocab().township_endings))
                and function_of(name) is None
                and name not in local_spellings()
            )
        ):
            local = current + name
        lead = len(item) - len(item.lstrip())
        out.append(Mention(item.strip(), canonical_brackets(_first_name(local)), s + lead, e, lead_marked))
        previous, previous_end = local, e
    return out


#: A unit written as a legend's letter code (A—县发展和改革局: A, B … AA).
_LETTER_CODE = re.compile("[A-Z]{1,2}")


def is_letter_code(name: str) -> bool:
    """Whether ``name`` is a letter code a legend spells out (A, B … AA): a whole name, never a
    place's function to prefix."""
    return _LETTER_CODE.fullmatch(name) is not None


def _own_section(name: str) -> bool:
    """A body's own section written bare (医政医管科, 投资处): the issuing body's, not a place's, so
    a list's place prefix before it (市疾病预防控制中心、医政医管科) is not its."""
    return (
        len(name) >= 3
        and name.endswith(_SECTION_ENDS)
        and not any(ch in name[:-1] for ch in _BODY_ENDS)
        and function_of(name) is None
    )


#: The ends of a body's sections, and of the bodies above them (a fuller spelling names its body).
_SECTION_ENDS = ("科", "处")
_BODY_ENDS = ("局", "委", "厅", "办", "会", "部", "院", "府")

#: What parts the items of a unit list.
_LIST_MARKS = frozenset("、，,；;")

_SECOND_NAME = re.compile(r"[（(](?P<other>[^（）()]{4,20})[）)]$")


def _first_name(local: str) -> str:
    """A body written with its second name in brackets (区司法局（开发区司法局）: one body under two
    names, as a new area's are) is named by its first; a short alternative standing for it
    elsewhere (区人民政府（管委会））stays written whole; a section of the body in brackets
    (农业农村部（种植业管理司）) is named with it (农业农村部种植业管理司)."""
    section = _SECTION_IN_BRACKETS.search(local)
    if section is not None and _section_of(local[: section.start()], section.group("other")):
        return local[: section.start()] + section.group("other")
    m = _SECOND_NAME.search(local)
    if m is None or "牵头" in m.group("other"):
        return local
    first = local[: m.start()]
    return first if looks_like_unit(first) and looks_like_unit(m.group("other")) else local


def _section_of(body: str, other: str) -> bool:
    """Whether ``other``, in brackets after ``body``, is a section of it written bare (农业农村部（种植业
    管理司）, 市卫生健康委（医政医管科）), not a second name of its own (市发展改革委（市能源局）)."""
    return (
        (lookup_body(body) is not None or bool(level_prefix(body)))
        and looks_like_unit(body)
        and other.endswith((*unit_vocab().central_section_endings, *_SECTION_ENDS))
        and not other.startswith("各")
        and not level_prefix(other)
        and lookup_body(other) is None
        and not is_placed(other)
        and not is_generic(other)
    )


_SECTION_IN_BRACKETS = re.compile(r"[（(](?P<other>[^（）()]{2,20})[）)]$")


def is_placed(name: str) -> bool:
    """Whether a unit's name carries a place of its own (a place's name, a central body's, a
    township's, a branch named by a place): see ``_placed``."""
    return _placed(name)


def _placed(name: str) -> bool:
    """A name that holds a place name of its own (人民银行福建省分行), a central body's (国家…), a
    branch named by a place's short name (长江航运公安局武汉分局) or names a zone (湘西经开区管委会)
    takes no shared prefix."""
    if places().pattern.search(name) is not None or _self_placed(name) or _township(name):
        return True
    if name.startswith(tuple(unit_vocab().central_starts)):
        return True  # a central body and its branches (国家金融监督管理总局苏州监管分局)
    ending = next((e for e in unit_vocab().own_place_endings if name.endswith(e)), "")
    if ending and len(name) - len(ending) >= 2 and not level_prefix(name):
        return True  # a vertical body named by its own place (大窑湾海关)
    opening = places().short_pattern.match(name)
    if opening is not None and len(opening.group()) >= 3 and len(name) > len(opening.group()):
        return True  # opens with a place's short name of three characters or more (绥芬河站, 哈尔滨海关)
    branches = tuple(unit_vocab().branch_words)
    return any(
        name.endswith(branches) and len(name) - m.end() <= _BRANCH_TAIL
        for m in places().short_pattern.finditer(name)
    )


def _township(name: str) -> bool:
    """河田镇, 三洲乡, 黑竹沟镇人民政府: a township's own name (two characters or more before the
    ending), alone or before its government, not a class of them (各乡镇) nor a word ending so (城乡)."""
    if name.startswith("各"):
        return False
    bodies = sorted((*unit_vocab().bare_bodies, "办事处"), key=len, reverse=True)  # 人民政府 before 政府
    body = next((b for b in bodies if name.endswith(b) and len(name) > len(b)), "")
    own = name[: len(name) - len(body)]
    return any(own.endswith(e) and len(own) - len(e) >= 2 for e in unit_vocab().township_endings)


_BRANCH_TAIL = 6  # 武汉分局, 苏州监管分局: the place's short name a few characters before the branch word


def _self_placed(name: str) -> bool:
    return _self_placed_re().search(name) is not None


@cache
def _self_placed_re() -> re.Pattern[str]:
    return re.compile(alternation(unit_vocab().self_placed_words))


def _qualifier(previous: str) -> str:
    for body in sorted(unit_vocab().bare_bodies, key=len, reverse=True):
        if previous.endswith(body) and len(previous) > len(body):
            return previous[: -len(body)]
    return ""


def _word_not_place(name: str, prefix: str) -> bool:
    """Whether ``prefix`` is only a place's short name opening ``name`` before no known function
    (平安建设办公室), rather than a level character, a party prefix or a full place name. A city's or
    a province's short name is that place still (郑州航空工业管理学院)."""
    m = _patterns().short_place.match(name)
    place = lookup_place(prefix) if m is not None and m.group() == prefix else None
    return (
        m is not None
        and m.group() == prefix
        and function_of(name[len(prefix) :]) is None
        and unit_kind(name[len(prefix) :]) != "company"
        and not (place is not None and place.level in ("city", "province"))
    )


def opens_with_word_not_place(name: str) -> bool:
    """Whether a name opens with a place's short name that is only a word there, before no known
    function (平安建设办公室: 平安 of 平安县 is no place of it)."""
    m = _patterns().short_place.match(name)
    return m is not None and _word_not_place(name, m.group())


def _distributable(prefix: str) -> str:
    """The part of a unit's prefix that later names in a shared list inherit: 市委 gives 市."""
    if _patterns().party.match(prefix):
        return prefix[0] if prefix[0] in unit_vocab().level_prefixes else ""
    if prefix.startswith(unit_vocab().qualified_prefixes):
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


def in_order(short: str, name: str) -> bool:
    """Whether ``short``'s characters stand in ``name`` in order (资规局 in 自然资源和规划局, 港 in
    郑州航空港经济综合实验区): how a short form is made of a name."""
    at = 0
    for ch in short:
        at = name.find(ch, at) + 1
        if at == 0:
            return False
    return True
