"""People and groups: leading groups / task forces, their members, roles, positions and offices.

Reads three ways of writing a roster, all regex over lines (the hot path stays NLP-free):

- roster lines: ``领导小组组长：\t牛天明\t副县长`` then ``\t樊玲\t县工业和信息化局负责人`` or
  ``组  长：洪玉振 副市长`` then ``成员：侯德功 市政府副秘书长`` and indented continuations;
- prose: ``由市长安伟任组长，市委常委、常务副市长范付中……任副组长的……领导小组``;
- office roles: ``办公室主任由樊玲同志兼任``, ``侯德功同志兼任办公室主任``; and people named in
  passing (``贾成伟秘书长于5月29日……``), who get no group and no role.

Converted documents split names and positions; the reader repairs ``高峰市 生态环境局局长`` (高峰,
市生态环境局局长), ``张 团`` (张团) and a position broken over two lines. The vocabulary is
``ingest/data/roster.yaml``; unit suffixes come from ``units.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from fengong.ingest.model import Group, Person
from fengong.ingest.tables import names_people, person_header_words
from fengong.ingest.vocab import VocabularyError, alternation, load_yaml, unit_vocab, words

_DATA = "roster.yaml"
_HAN = r"\u4e00-\u9fff"
_SPACES = re.compile(r"[ \t\u3000\xa0]+")


@dataclass(frozen=True)
class RosterVocab:
    """The compiled vocabulary of ``roster.yaml``."""

    group_suffix: re.Pattern[str]
    group_stops: tuple[str, ...]
    group_not_followed: tuple[str, ...]
    group_min_prefix: int
    roles: tuple[str, ...]
    role_re: str
    titles: frozenset[str]
    title_re: str
    title_starts: tuple[str, ...]
    followers_re: str
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    unit_suffix: re.Pattern[str]
    max_stop: int  # the longest of group_stops
    position_name: re.Pattern[str]  # "position+name" run
    name_position: re.Pattern[str]  # "name+position" run
    takes_role: re.Pattern[str]  # 任组长 / 担任副组长
    mention: re.Pattern[str]  # a person named in passing with a title
    titled: re.Pattern[str]  # a title followed by a mention follower (where a mention can end)
    title_ends: tuple[str, ...]
    levels: str  # level characters (units.yaml): 高峰市 may be a name and a place's level
    office_at: re.Pattern[str]  # 办公室设在 + unit
    holder_after: re.Pattern[str]  # 由 + holder + 兼任
    holder_before: re.Pattern[str]  # holder + 兼任 (before the role word)
    holders_sep: re.Pattern[str]


def _words(data: dict[str, object], key: str) -> list[str]:
    return words(data, key, _DATA)


@cache
def roster_vocab() -> RosterVocab:
    """Load and compile ``roster.yaml`` once."""
    data = load_yaml(_DATA)
    surnames = data.get("surnames")
    if not isinstance(surnames, str) or not surnames.strip():
        raise VocabularyError(f"ingest/data/{_DATA}: 'surnames' must be a string of characters")
    titles = _words(data, "titles")
    roles = _words(data, "roles")
    units = unit_vocab()
    levels = "".join(units.level_prefixes)
    suffixes = [s for s in units.gov_suffixes + units.company_suffixes if len(s) > 1 or s not in levels]
    holders = alternation(_words(data, "holder_verbs"))
    title_re = alternation(titles)
    followers_re = alternation(_words(data, "mention_followers"))
    stops = _words(data, "group_name_stops")
    return RosterVocab(
        group_suffix=re.compile(alternation(_words(data, "group_suffixes"))),
        group_stops=tuple(stops),
        group_not_followed=tuple(_words(data, "group_not_followed_by")),
        group_min_prefix=int(data.get("group_min_prefix", 4)),
        roles=tuple(sorted(roles, key=len, reverse=True)),
        role_re=alternation(roles),
        titles=frozenset(titles),
        title_re=title_re,
        title_starts=tuple(sorted(set(_words(data, "title_starts") + titles), key=len, reverse=True)),
        followers_re=followers_re,
        surnames=frozenset(re.sub(r"\s+", "", surnames)),
        compound_surnames=frozenset(_words(data, "compound_surnames")),
        unit_suffix=re.compile(alternation(suffixes)),
        max_stop=max(len(w) for w in stops),
        position_name=re.compile(rf"(?P<pos>.*?(?:{title_re}))(?P<name>[{_HAN}]{{2,4}})"),
        name_position=re.compile(rf"(?P<name>[{_HAN}]{{2,4}}?)(?P<pos>(?:{title_re}))"),
        takes_role=re.compile(rf"(?:担任|任)(?P<role>{alternation(roles)})"),
        mention=re.compile(
            rf"(?:^|(?<=[，。；：、\s“])|(?<=[一二三四五六七八九十]是))(?P<name>[{_HAN}]{{2,3}}?)(?P<title>{title_re})"
            rf"(?=(?:{followers_re}))",
            re.M,
        ),
        titled=re.compile(rf"(?:{title_re})(?=(?:{followers_re}))"),
        title_ends=tuple(titles),
        levels=levels,
        office_at=re.compile(
            rf"办公室(?:{alternation(_words(data, 'office_located_words'))})(?P<unit>[^，。；,;\n（(]{{2,30}})"
        ),
        holder_after=re.compile(rf"由(?P<who>[^，。；,;\n]{{2,40}}?)(?:{holders})"),
        holder_before=re.compile(rf"(?:^|[，。；,;\n])(?P<who>[^，。；,;\n]{{2,40}}?)(?:{holders})$"),
        holders_sep=re.compile(alternation(_words(data, "holder_separators"))),
    )


def _squash(text: str) -> str:
    return _SPACES.sub("", text)


_NAME_LIKE = re.compile(rf"[{_HAN}]{{2,4}}")
_POSITION_SPLIT = re.compile(r"[、，,]")
_POSITION_NOTE = re.compile(r"[（(][^）)]*[）)]$")
_LABEL = re.compile(rf"^[ \t\u3000]*(?P<label>[{_HAN} \t\u3000]{{1,16}})[：:](?P<rest>.*)$")
_LIST_SEP = re.compile(r"[、，,；;]")
_SENTENCE = re.compile(r"[^。；;\n]+")
_PEOPLE_SEP = re.compile(r"[，,、；;]|和|及")
_TITLE_RUN = re.compile(rf"[{_HAN}]{{2,12}}")
_OFFICE_ROLE = re.compile(r"办公室(?:常务)?副?主任")


def is_name(word: str, vocab: RosterVocab | None = None) -> bool:
    """True for a plausible Chinese personal name: 2-4 Han characters starting with a surname."""
    vocab = vocab or roster_vocab()
    if not _NAME_LIKE.fullmatch(word):
        return False
    if word[:2] in vocab.compound_surnames:
        return len(word) >= 3
    return word[0] in vocab.surnames and len(word) <= 3


@lru_cache(maxsize=16384)  # bounded: positions repeat across rosters and documents
def position_unit(position: str) -> str | None:
    """The unit a position belongs to: 县工业和信息化局副局长 -> 县工业和信息化局; 副县长 -> None."""
    vocab = roster_vocab()
    part = _POSITION_SPLIT.split(position)[-1]
    part = _POSITION_NOTE.sub("", part)
    for m in reversed(list(vocab.unit_suffix.finditer(part))):
        rest = part[m.end() :]
        unit = part[: m.end()]
        if rest and rest.startswith(vocab.title_starts) and len(unit) >= 2 and unit not in vocab.titles:
            return unit
    return None


# --- groups ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Mention:
    name: str  # the group's full name, or "" for a bare reference such as 领导小组
    start: int
    end: int


_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+＋ \u3000")


def _is_name_char(ch: str) -> bool:
    """A character of a group's name: [\u4e00-\u9fffA-Za-z0-9+＋ \u3000]."""
    return "\u4e00" <= ch <= "\u9fff" or ch in _NAME_CHARS


def _group_mentions(text: str, jurisdiction: str | None, vocab: RosterVocab) -> list[_Mention]:
    """Every mention of a group, full names with their place completed, in order."""
    out: list[_Mention] = []
    quote = 0
    last = 0
    stops, max_stop = vocab.group_stops, vocab.max_stop
    stop_ends = frozenset(stop[-1] for stop in stops)  # a stop ending before i ends in text[i - 1]
    for m in vocab.group_suffix.finditer(text):
        quote += text.count("《", last, m.start()) - text.count("》", last, m.start())
        last = m.start()
        i = m.start()
        while i > max(0, m.start() - 60) and _is_name_char(text[i - 1]):
            if text[i - 1] in stop_ends:
                if i >= max_stop:
                    if text.endswith(stops, 0, i):  # a stop word ends right before i
                        break
                elif any(text.startswith(stop, i - len(stop)) for stop in stops):
                    break
            i -= 1
        name = _squash(text[i : m.end()])
        if text.startswith(vocab.group_not_followed, m.end()):
            continue
        if quote > 0 or len(name) < len(m.group(0)) + vocab.group_min_prefix:
            out.append(_Mention("", m.start(), m.end()))
            continue
        if jurisdiction and name[0] == jurisdiction[-1] and not name.startswith(jurisdiction):
            name = jurisdiction[:-1] + name  # "县5G……领导小组" in 泽州县's own document
        out.append(_Mention(name, i, m.end()))
    return out


def _group_before(mentions: list[_Mention], pos: int) -> str | None:
    named = [m.name for m in mentions if m.name and m.start < pos]
    return named[-1] if named else None


def _group_after(mentions: list[_Mention], pos: int, limit: int) -> str | None:
    return next((m.name for m in mentions if m.name and pos <= m.start < limit), None)


def _offices(text: str, mentions: list[_Mention]) -> dict[str, str]:
    """Group name -> the unit its office sits in (办公室设在市工业和信息化局)."""
    out: dict[str, str] = {}
    for m in roster_vocab().office_at.finditer(text):
        group = _group_before(mentions, m.start())
        if group and group not in out:
            out[group] = _squash(m["unit"])
    return out


# --- people ------------------------------------------------------------------------------------------


def _split_person(piece: str, vocab: RosterVocab) -> tuple[str, str] | None:
    """A "position+name" or "name+position" run without separators -> (name, position)."""
    m = vocab.position_name.fullmatch(piece)
    if m and is_name(m["name"], vocab):
        return m["name"], m["pos"]
    m = vocab.name_position.fullmatch(piece)
    # (党委副书记, 常务副市长: a position's own opening word is no name)
    if m and is_name(m["name"], vocab) and not m["name"].startswith(vocab.title_starts):
        return m["name"], m["pos"]
    return None


def _entries(rest: str, vocab: RosterVocab) -> list[tuple[str, str]]:
    """The people of one roster line: "name SEP position", or a list "市发改委主任赵六、市教育局局长钱七"."""
    if _LIST_SEP.search(rest.strip()):
        return _pieces(rest, vocab)
    entry = _entry(rest, vocab)
    return [entry] if entry else []


def _entry(rest: str, vocab: RosterVocab) -> tuple[str, str] | None:
    """One roster entry written "name SEP position" (or the other way round) -> (name, position)."""
    tokens = [t for t in _SPACES.split(rest.strip()) if t]
    if not tokens:
        return None
    if len(tokens) == 1:
        return _split_person(tokens[0], vocab)
    if len(tokens) >= 3 and len(tokens[0]) == 1 and len(tokens[1]) <= 2:
        tokens = [tokens[0] + tokens[1], *tokens[2:]]  # "张 团 县能源局……": alignment spaces in a name
    name, position = tokens[0], "".join(tokens[1:])
    if not is_name(name, vocab) and is_name(tokens[-1], vocab):
        name, position = tokens[-1], "".join(tokens[:-1])  # "副市长 洪玉振"
    if len(name) >= 3 and name[-1] in vocab.levels and is_name(name[:-1], vocab):
        name, position = name[:-1], name[-1] + position  # "高峰市 生态环境局局长"
    if not is_name(name, vocab) or len(position) < 2:
        return None
    return name, position


def _label(line: str, vocab: RosterVocab) -> tuple[str, str] | None:
    """A roster label before a colon ("领导小组组长：", "成  员：") -> (role, rest of the line)."""
    if "：" not in line and ":" not in line:
        return None  # _LABEL needs the colon
    m = _LABEL.match(line)
    if not m:
        return None
    label = _squash(m["label"])
    role = next((r for r in vocab.roles if label.endswith(r)), None)
    if role is None or len(label) > 12:
        return None
    if role.endswith("主任") and "办公室" in label and not role.startswith("办公室"):
        role = "办公室" + role
    return role, m["rest"]


def _continuation(line: str, vocab: RosterVocab) -> bool:
    """A line holding only the end of the previous position ("经理")."""
    word = _squash(line)
    if not 0 < len(word) <= 8 or not (word in vocab.titles or word.startswith(vocab.title_starts)):
        return False
    return not any(is_name(word[:k], vocab) and word[k:] in vocab.titles for k in (2, 3))


@cache
def _label_end() -> re.Pattern[str]:
    """The end of a roster label: a role's last character, then only spaces before the colon
    (what ``_label`` needs of a line; a text without one has no roster lines)."""
    lasts = "".join(sorted({r[-1] for r in roster_vocab().roles}))
    return re.compile(f"[{re.escape(lasts)}][ \t\u3000]*[：:]")


def _roster_lines(text: str, mentions: list[_Mention], vocab: RosterVocab) -> list[Person]:
    if _label_end().search(text) is None:
        return []
    out: list[Person] = []
    role: str | None = None
    group = ""
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        label = _label(line, vocab)
        if label:
            if role is None:
                group = _roster_group(text, start, mentions)
            role, rest = label
            out.extend(_person(entry, group, role) for entry in _entries(rest, vocab))
            continue
        if role is None:
            continue
        entries = _entries(line, vocab)
        if entries:
            out.extend(_person(entry, group, role) for entry in entries)
        elif out and _continuation(line, vocab):
            out[-1].position += _squash(line)
            out[-1].unit = position_unit(out[-1].position)
        else:
            role = None  # the roster ended
    return out


def _roster_group(text: str, start: int, mentions: list[_Mention]) -> str:
    """The group a roster lists: the heading just above it, else the last group named before it."""
    head = [m.name for m in mentions if m.name and start - 200 <= m.start < start]
    return head[-1] if head else (_group_before(mentions, start) or "")


def _person(entry: tuple[str, str], group: str, role: str) -> Person:
    name, position = entry
    return Person(name=name, position=position, group=group, role=role, unit=position_unit(position))


def _prose_members(text: str, mentions: list[_Mention], vocab: RosterVocab) -> list[Person]:
    """ "由市长安伟任组长，市委常委、常务副市长范付中……任副组长的……领导小组"."""
    out: list[Person] = []
    role_re = vocab.takes_role
    for a, b in _sentences_holding(text, role_re, vocab):
        s = text[a:b]
        prev = s.find("由") + 1 if "由" in s else 0
        found: list[tuple[str, str, str]] = []
        for m in role_re.finditer(s):
            found.extend(
                (name, position, m["role"]) for name, position in _pieces(s[prev : m.start()], vocab)
            )
            prev = m.end()
        if not found:
            continue
        group = _group_after(mentions, a + prev, b) or _group_before(mentions, a + prev)
        out.extend(
            Person(name=n, position=p, group=group or "", role=r, unit=position_unit(p)) for n, p, r in found
        )
    return out


_SENTENCE_STOP = re.compile(r"[。；;\n]")  # what ends a _SENTENCE run


def _sentences_holding(text: str, role_re: re.Pattern[str], vocab: RosterVocab) -> Iterator[tuple[int, int]]:
    """(start, end) of each _SENTENCE run that holds a ``role_re`` match, in order.

    A match holds no sentence stop (任 / 担任 and a role word), so the runs holding one are those
    around the matches of one scan of the whole text; with a role word that holds a stop, every run
    holding 任 is tried instead, as a sentence may hold a match the whole-text scan steps over."""
    if any(_SENTENCE_STOP.search(r) for r in vocab.roles):
        for sentence in _SENTENCE.finditer(text):
            if "任" in sentence.group(0):
                yield sentence.span()
        return
    end = -1
    for hit in role_re.finditer(text):
        if hit.start() < end:
            continue  # a later match in the sentence just given
        start = max(text.rfind(stop, 0, hit.start()) for stop in "。；;\n") + 1
        stop = _SENTENCE_STOP.search(text, hit.start())
        end = stop.start() if stop else len(text)
        yield start, end


def _pieces(run: str, vocab: RosterVocab) -> list[tuple[str, str]]:
    """Split a run of people into (name, position).

    市委常委、常务副市长范付中，副市长万战伟 -> (范付中, 市委常委、常务副市长), (万战伟, 副市长).
    """
    out: list[tuple[str, str]] = []
    carry = ""
    for piece in _PEOPLE_SEP.split(_squash(run)):
        piece = piece.lstrip("由")
        if not piece:
            continue
        person = _split_person(piece, vocab)
        if person:
            out.append((person[0], carry + person[1]))
            carry = ""
        elif _TITLE_RUN.fullmatch(piece) and piece.endswith(vocab.title_ends):
            carry += piece + "、"  # a title shared by the next name ("市委常委、常务副市长范付中")
        else:
            carry = ""
    return out


def _office_roles(
    text: str, people: list[Person], mentions: list[_Mention], vocab: RosterVocab
) -> list[Person]:
    """Office holders: 办公室主任由樊玲同志兼任 / 侯德功同志兼任办公室主任，刘培哲同志兼任办公室副主任."""
    known = {p.name: p for p in people}
    out: list[Person] = []
    # anchor on the role word, then read the holder before it (…兼任办公室主任) or after it (…由…兼任)
    after, before = vocab.holder_after, vocab.holder_before
    for m in _OFFICE_ROLE.finditer(text):
        hit = after.match(text, m.end()) or before.search(text, max(0, m.start() - 48), m.start())
        if not hit:
            continue
        group = _group_before(mentions, m.start())
        for who in vocab.holders_sep.split(_squash(hit["who"])):
            name, position = who, ""
            if not is_name(who, vocab):
                split = _split_person(who, vocab)
                if not split:
                    continue
                name, position = split
            base = known.get(name)
            position = base.position if base else position
            out.append(
                Person(
                    name=name,
                    position=position,
                    group=f"{group}办公室" if group else "办公室",
                    role=m.group(0),
                    unit=position_unit(position),
                )
            )
    return out


def _mentions(text: str, people: list[Person], vocab: RosterVocab) -> list[Person]:
    """People named in passing with their title ("一是贾成伟秘书长于5月29日……"): no group, no role."""
    known = {p.name for p in people}
    out: list[Person] = []
    for m in _near_titles(text, vocab):
        name = m["name"]
        if name in known or not is_name(name, vocab):
            continue
        known.add(name)
        out.append(Person(name=name, position=m["title"], group="", role="", unit=None))
    return out


def _near_titles(text: str, vocab: RosterVocab) -> Iterator[re.Match[str]]:
    """``vocab.mention.finditer(text)``, trying the pattern only where it can match: a mention is
    two or three characters and a title followed by a follower word, so it starts two or three
    characters before a place where ``vocab.titled`` matches. The matches are the same, in order."""
    pos = 0  # where finditer would resume
    tried = -1  # the last start tried
    at = 2
    while True:
        hit = vocab.titled.search(text, at)
        if hit is None:
            return
        p = hit.start()
        for start in (p - 3, p - 2):
            if start < pos or start <= tried:
                continue
            tried = start
            m = vocab.mention.match(text, start)
            if m:
                yield m
                pos = m.end()
                break
        at = max(p + 1, pos + 2)


def find_roster(text: str, jurisdiction_name: str | None = None) -> tuple[list[Person], list[Group]]:
    """People and groups of a document.

    ``jurisdiction_name`` (e.g. 泽州县) completes group names written with the level character only
    (县5G产业发展工作领导小组 -> 泽州县5G产业发展工作领导小组). People named outside any roster get
    ``group=""`` and ``role=""``; office holders are listed again under ``<group>办公室``.
    """
    vocab = roster_vocab()
    mentions = _group_mentions(text, jurisdiction_name, vocab)
    people = _roster_lines(text, mentions, vocab)
    listed = {p.name for p in people}
    people += [p for p in _prose_members(text, mentions, vocab) if p.name not in listed]
    people += _office_roles(text, people, mentions, vocab)
    people += _mentions(text, people, vocab)
    offices = _offices(text, mentions)
    groups: dict[str, Group] = {}
    for m in mentions:
        if m.name and m.name not in groups:
            groups[m.name] = Group(name=m.name, office_at=offices.get(m.name))
    return _dedupe(people), list(groups.values())


def names_in(text: str) -> list[str]:
    """The people a cell or a field names (张三、李四 / 李四（局长） / 副县长张三): their names, in order;
    where it names a post and no person (常务副市长, 分管农业副镇长), the post, as the document gives it."""
    vocab = roster_vocab()
    out: list[str] = []
    for entry in _ENTRY_SEP.split(_BRACKETED.sub("", text)):
        pieces = [p for p in _SPACES_IN.split(entry) if p]
        named = [p for p in pieces if is_name(p, vocab)]
        if named:  # (乡林业站站长 王建国: the post describes the name beside it)
            out.extend(named)
            continue
        for piece in pieces:
            if (found := _split_person(piece, vocab)) is not None:
                out.append(found[0])
            elif len(piece) <= _POST_MAX and _post_re().fullmatch(piece):
                out.append(piece)
    return list(dict.fromkeys(out))


_POST_MAX = 12  # 分管农业农村工作副县长: a post named with its portfolio, not a sentence


@cache
def _post_re() -> re.Pattern[str]:
    """A post alone, its portfolio or body before its title (常务副市长, 分管交通副市长, 党委书记)."""
    return re.compile(rf"[{_HAN}]{{0,{_POST_MAX}}}?(?:{roster_vocab().title_re})")


_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_ENTRY_SEP = re.compile(r"[、，,；;/／\n]+")
_SPACES_IN = re.compile(r"[ \t\u3000]+")


def person_fields(text: str) -> list[tuple[str, str]]:
    """The people a task's text names under a person's label (责任领导：张三（副县长）　责任人：李四（局长）):
    (name, label) pairs."""
    if "：" not in text and ":" not in text:
        return []
    return [
        (name, m["label"])
        for m in _person_field_re().finditer(text)
        if names_people(m["label"])
        for name in names_in(m["names"])
    ]


@cache
def _person_field_re() -> re.Pattern[str]:
    ends = alternation(list(person_header_words()[0]))
    return re.compile(
        rf"(?:^|(?<=[\s；;，,。（(]))(?P<label>[{_HAN}]{{0,6}}?(?:{ends}))[ \t\u3000]*[：:][ \t\u3000]*"
        # (a name's position in brackets is the name's: 张三（副县长）)
        rf"(?P<names>(?:[^：:\n；;。（）()]|[（(][^（）()\n]*[）)]){{2,40}}?)"
        rf"(?=[ \t\u3000]*[{_HAN}]{{2,8}}[：:]|[；;。\n）)]|$)"
    )


def _dedupe(people: list[Person]) -> list[Person]:
    seen: set[tuple[str, str, str]] = set()
    out: list[Person] = []
    for p in people:
        key = (p.name, p.group, p.role)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
