"""One document's units: spellings of one body become one unit (县发展和改革委员会 /
县发展和改革局, 工信局 / 工业和信息化局, 岳阳铁塔分公司 / 岳阳市铁塔分公司), with a fully qualified
name, a UnitType across places and a deterministic id."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from fengong.ingest.bodies import lookup as lookup_body
from fengong.ingest.local_bodies import LocalFunction, local_function, local_spellings
from fengong.ingest.model import Jurisdiction, Unit, level_char_of, stable_id
from fengong.ingest.places import lookup, opening_place
from fengong.ingest.places import places as place_table
from fengong.ingest.units import (
    clean,
    function_of,
    in_order,
    is_generic,
    is_placed,
    level_prefix,
    looks_like_unit,
    opens_with_word_not_place,
    strip_conjunctions,
    unit_kind,
)
from fengong.ingest.vocab import alternation, unit_vocab

# "X（以下简称Y）" or "X以下简称“Y”", anchored at the rare word 简称 and read backwards, so long texts
# stay fast. X may hold a bracketed word (中国（黑龙江）自由贸易试验区绥芬河片区管委会); it is one body,
# never a list (国家铁路局、中国国家铁路集团有限公司（以下简称国铁集团）: the last).
_ABBREVIATION = re.compile(
    r"(?P<full>(?:[^，,、。；;：:（(“”\s]|[（(][^（()）“”，,、。；;\s]{1,8}[）)]){4,40}?)"
    r"(?:[（(]\s*(?:以下|下文)?|[，,]?\s*(?:以下|下文))\s*简称\s*[“\"]?(?P<short>[^）)”\"]{2,15})[”\"]?\s*[）)]?"
)
_CALLED = re.compile("简称")
# A note naming what a short name in quotes stands for: 注：表中“市生态环境分局”指邯郸市生态环境局武安分局.
_MEANS = re.compile(
    r"[“\"](?P<short>[^”\"，,。；;\s]{2,15})[”\"]\s*(?:均|即)?(?:是)?指\s*(?P<full>[^，,、。；;（(“”\s]{4,40})"
)
# A legend of letter codes for units (A—县发展和改革局　　B—县财政局), a table's cells then writing the
# codes (D（牵头）、B、M): an entry is a capital letter or two, a dash or colon, and a name up to the
# next space or entry. A legend has several.
_CODE = re.compile(
    r"(?:^|(?<=[ \t\u3000；;，,：:]))(?P<short>[A-Z]{1,2})[ \t]*[—－–=：:][ \t]*"
    r"(?P<full>[^ \t\u3000\n；;，,A-Z—－–=：:]{3,40})(?=[ \t\u3000；;，,]|$)",
    re.MULTILINE,
)
_CODES = 3
#: The header row of a table of short names and the names they stand for (简称 | 全称).
_SHORT_HEADER = re.compile(r"^\s*(?:单位)?(简称|全称)\s*[|｜\t]\s*(?:单位)?(简称|全称)\s*$")
_CELLS = re.compile(r"\s*[|｜\t]\s*")


def letter_codes(text: str) -> list[tuple[str, str]]:
    """The (code, name) entries of the document's legend of letter codes for units (A—县发展和改革局),
    none unless it spells out several."""
    if not any("A" <= ch <= "Z" for ch in text):
        return []
    codes = [(m["short"], m["full"]) for m in _CODE.finditer(text) if looks_like_unit(clean(m["full"]))]
    return codes if len({short for short, _ in codes}) >= _CODES else []


def _short_name_table(text: str) -> list[tuple[str, str]]:
    """The (short, full) rows of a table of short names (附件：单位简称对照表 / 简称 | 全称 / 市发改委 |
    成都市发展和改革委员会), its columns in either order."""
    out: list[tuple[str, str]] = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = _SHORT_HEADER.match(line)
        if m is None or m[1] == m[2]:
            continue
        for row in lines[i + 1 :]:
            cells = [c for c in _CELLS.split(row.strip()) if c]
            if len(cells) != 2:
                if not row.strip():
                    continue
                break
            out.append((cells[0], cells[1]) if m[1] == "简称" else (cells[1], cells[0]))
    return out


#: The characters of a document's head, where it names itself (issuer, title, 文号, addressees).
_HEAD_CHARS = 3000

Places = tuple[tuple[str, str], ...]  # (place name, level character), the document's own first


@lru_cache(maxsize=65536)  # bounded: names repeat across documents, memory must not grow
def short_place_names(body: str) -> str:
    """Place names inside a unit's name cut to their short form (岳阳市铁塔分公司 -> 岳阳铁塔分公司)."""
    table = place_table()
    words = tuple(unit_vocab().not_prefix_words)

    def short(m: re.Match[str]) -> str:
        # 三河市场监督管理所: 市场 is a word, not 三河市 + 场
        return m.group() if body.startswith(words, m.end() - 1) else table.by_name[m.group()][0].short

    return table.pattern.sub(short, body)


_CITY_WORD = "市"


class UnitResolver:
    """Collects every unit mention of a document, then names each body once."""

    def __init__(
        self, jurisdiction: Jurisdiction | None, zone: str | None = None, issuer: str | None = None
    ) -> None:
        # a community's or village's own plan (…枫林社区居民委员会): 社区网格站 is 枫林社区网格站
        self.community = community_of(issuer or "")
        self.jurisdiction = jurisdiction
        # a local department dividing work among its own sections (浙江省商务厅: 对外贸易处 is its)
        self.department = issuer if issuer and _local_department(issuer) else None
        # a central body whose own offices its document writes 部X司 (农业农村部办公厅: 部种植业管理司)
        self.ministry = _issuing_central(issuer or "")
        self.issuer = (issuer or "").strip()
        # an institution issuing its own plan (湖北省交通投资集团有限公司, or 湘南理工大学 signing beside
        # its party committee, 中共湘南理工大学委员会、湘南理工大学): its bare offices are named with it
        ends = unit_vocab().institution_issuers
        self.institution = next((s for s in reversed(signers(self.issuer)) if s.endswith(ends)), None)
        self.zone = zone  # the zone or township a plan is of (苏州工业园区, 江湾镇): its bare word's
        # a Corps division issuing its own notice (第八师石河子市人民政府办公室): 师水利局 is 第八师水利局
        self.division = next((d for d in unit_vocab().corps_divisions if self.issuer.startswith(d)), None)
        self._counts: Counter[str] = Counter()
        self._first_seen: dict[str, int] = {}
        self._same: dict[str, str] = {}  # key -> key it was declared equal to
        self._declared: dict[str, str] = {}  # key -> the full name a 简称 declaration gives it
        self._units: dict[str, Unit] | None = None
        self._by_local: dict[str, str] = {}
        self._places: Places = tuple(self._ancestry())
        self._written_place = ("", "")  # (full name, the form the document writes it in)
        # (国家卫生健康委办公厅's plan: its own 司 named 国家卫生健康委X司, as it writes itself; the ids
        # stay the full name's)
        written = re.split(r"[、，,\s]+", without_office(self.issuer))[0]
        self._written_body = (
            (self.ministry, written) if self.ministry and written != self.ministry else ("", "")
        )

    # -- collecting ---------------------------------------------------------------------------
    def add(self, local: str) -> None:
        """Record one mention of a unit, written in local form."""
        self._units = None
        self._counts[local] += 1
        self._first_seen.setdefault(local, len(self._first_seen))

    def declare_abbreviations(self, text: str) -> None:
        """Learn "X（以下简称Y）" and "“Y”指X" (a note on a table's short name): Y and X are one body."""
        for hit in _CALLED.finditer(text):
            window_start = max(0, hit.start() - 50)
            # (the declaration this 简称 belongs to: the window may hold the one before it too)
            m = next(
                (
                    x
                    for x in _ABBREVIATION.finditer(text, window_start, min(len(text), hit.end() + 25))
                    if x.start() <= hit.start() < x.end()
                ),
                None,
            )
            if m is None:
                continue
            self._declare(m["short"], m["full"])
        if "指" in text:
            for m in _MEANS.finditer(text):
                self._declare(m["short"], m["full"])
        if "简称" in text and "全称" in text:
            for short, full in _short_name_table(text):
                self._declare(short, full)
        for short, full in letter_codes(text):
            self._declare(short, full)

    def _declare(self, short: str, full: str) -> None:
        name = clean(full)
        if looks_like_unit(name):
            self._same[self.key(short.strip())] = self.key(name)
            self._declared[self.key(name)] = name

    # -- keys ---------------------------------------------------------------------------------
    def key(self, local: str) -> str:
        """Spellings of one body share a key: level | function, or the lexicon's full name for any
        name of a central body it knows (国家发展改革委 / 国家发展和改革委员会)."""
        body = lookup_body(local)
        if body is not None:
            return f"body|{body.name}"
        rest = _after_zone_short(local, self.zone or "") or _after_zone_part(local, self.zone or "")
        if rest:
            # 港区口岸物流局, 新区财政局, 天府新区财政局 in the zone's own plan: its 区财政局
            local = "区" + rest
        key = _unit_key(local, self._places)
        prefix = level_prefix(local) if self._same and key not in self._same else ""
        if prefix:
            # a declared short name given a list's shared prefix (市自贸片区管委会) is still that name
            bare = _unit_key(local[len(prefix) :], self._places)
            if bare in self._same:
                return bare
        return key

    def _ancestry(self) -> list[tuple[str, str]]:
        """The document's places with their level characters: all that keys and names depend on
        besides the spelling, so the work per spelling is cached across documents."""
        j = self.jurisdiction
        if j is None:
            return []
        out = [(j.name, j.level_char)]
        if j.parent:
            out.append((j.parent, level_char_of(j.parent, "city")))
        if j.province:
            out.append((j.province, "省"))
        return out

    # -- resolving ----------------------------------------------------------------------------
    def _resolve_key(self, key: str) -> str:
        seen = set()
        while key in self._same and key not in seen:
            seen.add(key)
            key = self._same[key]
        return key

    def units(self) -> dict[str, Unit]:
        """Units by the local spellings that name them (every spelling maps to its unit)."""
        if self._units is not None:
            return self._units
        groups: dict[str, list[str]] = {}
        for local in sorted(self._counts, key=lambda n: self._first_seen[n]):
            groups.setdefault(self._resolve_key(self.key(local)), []).append(local)
        self._merge_truncated(groups)
        fuller = self._merge_sections(groups)
        units: dict[str, Unit] = {}
        by_local: dict[str, str] = {}
        for key, spellings in groups.items():
            # the full name a 简称 declaration gives names the body, though the text uses the short one
            declared = self._declared.get(key)
            if declared is not None and declared not in spellings:
                spellings.append(declared)
            canon = max(
                spellings,
                key=lambda n: (
                    n == declared or n in fuller,
                    self._counts[n],
                    looks_like_unit(n),
                    -self._first_seen.get(n, 0),
                ),
            )
            unit = self._make_unit(canon, [s for s in spellings if s != canon])
            if unit.id in units:
                # (two keys naming one body: the first unit keeps its name, with the other spellings)
                first = units[unit.id]
                first.aliases = sorted({*first.aliases, *(s for s in spellings if s != first.local_name)})
                unit = first
            units[unit.id] = unit
            for s in spellings:
                by_local[s] = unit.id
        self._units, self._by_local = units, by_local
        return units

    def _merge_truncated(self, groups: dict[str, list[str]]) -> None:
        """A spelling cut short (县工业和信息化 for 县工业和信息化局) joins the unit it begins."""
        keys = list(groups)
        for k in keys:
            if any(looks_like_unit(s) for s in groups[k]):
                continue
            level, function = k.split("|", 1)
            for other in keys:
                if other != k and other in groups and other.startswith(f"{level}|{function}"):
                    groups[other].extend(groups.pop(k))
                    break

    def _merge_sections(self, groups: dict[str, list[str]]) -> set[str]:
        """A section written bare (产业促进处) joins the unit that names it under its body
        (科技城管理局产业促进处 -> 三亚崖州湾科技城管理局产业促进处): one body, two spellings, named
        by the fuller one (returned)."""
        fuller: set[str] = set()
        named = {s: k for k, spellings in groups.items() for s in spellings}
        for k in list(groups):
            spellings = groups.get(k, [])
            if len(spellings) != 1 or level_prefix(spellings[0]):
                continue
            bare = spellings[0]
            if not bare.endswith(_SECTION_ENDINGS) or len(bare) < 3:
                continue
            whole = {
                s: other
                for s, other in named.items()
                if other != k and s.endswith(bare) and s[: -len(bare)].endswith(_BODY_BEFORE_SECTION)
            }
            if len(set(whole.values())) == 1 and (key := next(iter(whole.values()))) in groups:
                groups[key].extend(groups.pop(k))
                fuller.update(whole)
        return fuller

    def unit_id(self, local: str) -> str:
        """The id of the unit a local spelling names."""
        if self._units is None:
            self.units()
        return self._by_local[local]

    def unit_ids(self) -> dict[str, str]:
        """Unit ids by local spelling (``unit_id`` for every spelling at once); not to be changed."""
        if self._units is None:
            self.units()
        return self._by_local

    def name_place_as_written(self, text: str) -> None:
        """Name the document's units with its place as the document writes it, where it writes a
        short form (延边州 for 延边朝鲜族自治州: 延边州文广旅局), and a department's own sections with
        the department as it writes itself (浙江省发展和改革委员会's 《省发展改革委重点工作任务分工方案》:
        浙江省发展改革委价格处); the units keep the full name's ids."""
        if self.department:
            self._name_department_as_written(text[:_HEAD_CHARS])
        j = self.jurisdiction
        if j is None:
            return
        if self.zone and j.name == self.zone:
            # (a zone whose plan writes a part of its name: 天府新区 of 四川天府新区)
            form = _zone_written(self.zone, text[:_HEAD_CHARS])
            if form:
                self._written_place = (self.zone, form)
                self._units = None
            return
        for ending, word in unit_vocab().written_place_forms.items():
            if not j.name.endswith(ending):
                continue
            # (the forms the place table reads as this place: 延边州, 黔东南州; a document names
            # itself in its head, so only the head is searched)
            head = text[:_HEAD_CHARS]
            forms = Counter(
                form
                for m in re.finditer(re.escape(word), head)
                for form in (head[m.start() - k : m.end()] for k in range(2, 5) if m.start() >= k)
                if form != j.name and (found := lookup(form)) is not None and found.name == j.name
            )
            if forms:
                self._written_place = (j.name, forms.most_common(1)[0][0])
                self._units = None
                return

    def _name_department_as_written(self, head: str) -> None:
        """The department's name with the shorter spelling of its function its head writes itself
        by (省发展改革委 for 浙江省发展和改革委员会), if it writes one."""
        department = self.department or ""
        fn = local_function(department)
        said = next((w for w in (fn.name, *fn.short) if department.endswith(w)), "") if fn else ""
        if fn is None or not said:
            return
        place = department[: -len(said)]
        level = place[-1:]  # (省发展改革委: the level word alone before the function)
        shorter = sorted((w for w in fn.short if len(w) < len(said)), key=len, reverse=True)
        written = Counter(
            w for w in shorter for _ in re.finditer(re.escape(place + w) + "|" + re.escape(level + w), head)
        )
        if written:
            self._written_body = (department, place + written.most_common(1)[0][0])
            self._units = None

    def _make_unit(self, local: str, aliases: list[str]) -> Unit:
        written = _in_zone(self._owned(local), self.zone)
        uid, name, unit_type, kind, jurisdiction = _unit_parts(written, self._places)
        full, form = self._written_place
        if full and name.startswith(full):
            name = form + name[len(full) :]
        body, short = self._written_body
        if body and name.startswith(body) and len(name) > len(body):
            name = short + name[len(body) :]
        full = spelled_out(name, unit_type) if kind != "collective" else ""
        city = self._city_of(name) if kind != "collective" else ""
        if city:
            full = city + (full or name)
        return Unit(
            uid, name, local, unit_type, kind, kind == "collective", jurisdiction, sorted(aliases), full
        )

    def _city_of(self, name: str) -> str:
        """The city a city's plan leaves unwritten before one of its own districts or counties
        (西陵区人民政府 in 宜昌市's plan: 宜昌市), else ''."""
        j = self.jurisdiction
        if j is None or j.level != "city" or name.startswith(j.name):
            return ""
        m = place_table().pattern.match(name)
        # (a county-level city, 宜都市人民政府, is named by its own 市 alone)
        if m is None or len(name) - m.end() < 2 or m.group().endswith(_CITY_WORD):
            return ""
        place = lookup(m.group(), j.name)
        return j.name if place is not None and place.city == j.name else ""

    def _owned(self, local: str) -> str:
        """A unit written without the body or zone it belongs to, named with it: 光谷发改局 (the zone
        by its own name), 对外贸易处 of 浙江省商务厅's own division of work, 部种植业管理司 of
        农业农村部, 经济发展局 of 横琴粤澳深度合作区's own list; else as written."""
        zone = self.zone or (self.jurisdiction.name if self.jurisdiction else "")
        own = next(
            (w for w in unit_vocab().own_body_words if self.issuer.endswith(w) and local.startswith(w)), ""
        )
        nicknamed = _nickname_out(local, zone) if not own else local  # (the issuer's own word: below)
        if nicknamed != local:
            return nicknamed
        if self.department and (_bare_section(local) or _department_branch(local)):
            return self.department + local  # (大气环境科, 蜀山区分局 of 合肥市生态环境局's own division)
        if self.institution and _bare_institution_part(local):
            # (科技信息部 of 湖北省交通投资集团有限公司's own plan, 教务处 of a university's)
            return self.institution + local
        # (部种植业管理司 of 农业农村部, 总局认证监管司 of 市场监管总局: the body's last word before its office)
        word = next(
            (self.ministry[-k:] for k in (2, 1) if self.ministry and local.startswith(self.ministry[-k:])), ""
        )
        if word and len(local) > len(word) + 2 and looks_like_unit(local[len(word) :]):
            return self.ministry + local[len(word) :]
        if self.ministry:
            known = lookup_body(local)
            if (
                known is not None
                and known.name not in (local, self.ministry)  # (the issuer itself stays as written)
                and local.endswith(tuple(unit_vocab().central_section_endings))
                and not local.startswith(tuple(unit_vocab().central_starts))
                and not local.startswith(known.name[:2])
                # (the issuer's own office: the lexicon's name opens with the issuer's stem)
                and known.name[:_OWN_STEM] == self.ministry[:_OWN_STEM]
            ):
                return known.name  # 华东地区管理局 in 中国民用航空局's notice: its own office, named fully
            # 民航局信息中心 in 中国民用航空局's own notice: its short form, then its section
            body = lookup_body(self.ministry)
            short = next((s for s in (body.short if body else ()) if local.startswith(s)), "")
            if short and _bare_central_section(local[len(short) :]):
                return self.ministry + local[len(short) :]
        if self.ministry and _bare_central_section(local) and not local.startswith(self.ministry):
            # (农业农村部种植业管理司, written 农业农村部（种植业管理司）, names its ministry already)
            return self.ministry + local
        if self.division:
            word = next((w for w in unit_vocab().division_words if local.startswith(w)), "")
            rest = local[len(word) :]
            if word and len(rest) > 1 and _function_named(rest) is not None:
                return self.division + rest
        if own and len(local) > len(own) + 1 and not re.search(r"[、，,\s]", self.issuer):
            return self.issuer + local[len(own) :]  # 管委会遗产保护处 in 鼓浪屿管委会's own notice
        communal = _in_community(local, self.community)
        if communal != local:
            return communal  # (社区网格站 in 枫林社区's plan, under its street: 枫林社区网格站)
        if (
            self.zone
            and _bare_body(local)
            # (石浦海事处 names its town already; 镇财政所 is named by _in_zone)
            and not local.startswith((_stem(self.zone), *unit_vocab().township_endings))
            and not local.endswith(tuple(unit_vocab().village_body_endings))
        ):
            return self.zone + local
        return local


def _local_department(issuer: str) -> bool:
    """Whether a document's issuer is one local department (浙江省商务厅, 县农业农村局), whose
    sections its own plan names bare: not a government, a joint notice or a central body (whose
    own departments `_bare_central_section` names)."""
    name = issuer.strip()
    return (
        bool(name)
        and not re.search(r"[、，,\s]", name)
        and name.endswith(_BODY_BEFORE_SECTION)
        and not name.endswith(tuple(_ISSUING_BODIES))
        and lookup_body(name) is None
        and bool(level_prefix(name))
    )


def _nickname_out(local: str, zone: str) -> str:
    """A body of the document's zone written after the zone's name of its own (光谷发改局 in a plan of
    武汉东湖新技术开发区), or after a short form of its name that ends in 区 and takes its characters
    in order (港区口岸物流局, 航空港区口岸物流局 in 郑州航空港经济综合实验区's): the zone's full name instead."""
    for nickname, full in unit_vocab().zone_nicknames.items():
        # (张江科学城建设管理办公室 names its zone in full already: its nickname 张江 opens the name)
        if (
            zone == full
            and local.startswith(nickname)
            and not local.startswith(full)
            and len(local) > len(nickname) + 1
        ):
            return full + local[len(nickname) :]
    rest = _after_zone_short(local, zone) or _after_zone_own(local, zone)
    return zone + rest if rest else local


def _zone_written(zone: str, head: str) -> str:
    """The part of a zone's name its document's head writes more often alone than the whole name
    (天府新区 of 四川天府新区), ending with the zone's word; '' when none."""
    whole = head.count(zone)
    best, count = "", whole
    for word in _zone_words():
        if not zone.endswith(word):
            continue
        for k in range(len(zone) - 1, len(word), -1):
            part = zone[-k:]
            if part in _zone_words():
                continue  # (高新区 of 西安高新区: the zone's word, no name of its own)
            alone = head.count(part) - whole
            if alone > count:
                best, count = part, alone
    return best


def _after_zone_part(local: str, zone: str) -> str:
    """The body's own name after the zone's bare word or a part of the zone's name as written that
    ends with it (财政局 of 新区财政局 and of 天府新区财政局 in 四川天府新区's plan), else
    ``_after_zone_own``'s."""
    own = _after_zone_own(local, zone)
    if own:
        return own
    for word in _zone_words():
        if not zone.endswith(word):
            continue
        for k in range(len(zone) - 1, len(word) - 1, -1):
            part = zone[-k:]
            rest = local[len(part) :]
            if (
                local.startswith(part)
                and len(rest) >= 2
                and _function_named(local) is None
                and looks_like_unit(rest)
            ):
                return rest
    return ""


def _after_zone_own(local: str, zone: str) -> str:
    """The body's own name after the zone's own name (长兴岛生态环境局 in 大连长兴岛经济技术开发区's plan)
    or its committee's word (管委会经济发展局), else ''."""
    for prefix in (zone_own_name(zone), *unit_vocab().own_body_words):
        rest = local[len(prefix) :] if prefix and local.startswith(prefix) else ""
        if len(rest) >= 2 and _function_named(local) is None and looks_like_unit(rest):
            return rest
    return ""


@cache
def zone_own_name(zone: str) -> str:
    """A zone's own name between its city's short name and its zone word (长兴岛 of 大连长兴岛经济技术
    开发区), three characters or more and no place; else '' (once per zone: asked per spelling)."""
    word = next((w for w in _zone_words() if zone.endswith(w)), "")
    place = opening_place(zone) if word else None
    if place is None or not zone.startswith(place.short):
        return ""
    own = zone[len(place.short) : -len(word)]
    return own if len(own) >= 3 and lookup(own) is None else ""


def _after_zone_short(local: str, zone: str) -> str:
    """The body's own name after a short form of its zone's name that ends in 区 and takes its
    characters in order, not a part of the name as written (口岸物流局 of 港区口岸物流局 in
    郑州航空港经济综合实验区's plan), else ''."""
    if not zone.endswith("区"):
        return ""
    for k in range(2, min(len(local) - 2, _ZONE_SHORT_MAX) + 1):
        short, rest = local[:k], local[k:]
        # (a part of the name as written, 天府新区 of 四川天府新区, is the zone's name: kept as written)
        if (
            short.endswith("区")
            and short not in zone
            and in_order(short[:-1], zone[:-1])
            and looks_like_unit(rest)
        ):
            return rest
    return ""


#: Characters a central body's own office shares with its name (中国民用航空 of 中国民用航空局).
_OWN_STEM = 4

#: The longest short form of a zone's name its own documents write (航空港区).
_ZONE_SHORT_MAX = 6


def _issuing_central(issuer: str) -> str:
    """The central body a document's issuer is or whose general office it is (农业农村部办公厅:
    农业农村部), by the lexicon's full name; '' for any other issuer."""
    name = without_office(issuer)
    # (a joint notice's bare 司 are its first issuer's, whose number and masthead it bears:
    # 国家卫生健康委、国家中医药局: 基层司 is 国家卫生健康委's)
    name = re.split(r"[、，,\s]+", name)[0] if name else ""
    body = lookup_body(name) if name else None
    return body.name if body is not None else ""


def without_office(issuer: str) -> str:
    """An issuer's name without the general office that signs for it (农业农村部办公厅: 农业农村部)."""
    name = issuer.strip()
    for ending in unit_vocab().office_endings:
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)]
    return name


def _stem(zone: str) -> str:
    """A township's or zone's name without its ending (石浦镇: 石浦), never shorter than two characters."""
    for ending in sorted(unit_vocab().township_endings, key=len, reverse=True):
        if zone.endswith(ending) and len(zone) - len(ending) >= 2:
            return zone[: -len(ending)]
    return zone


def _bare_central_section(local: str) -> bool:
    """A central body's department written by its own name alone (电力司, 监督评价局, 办公厅): no
    place, level or body of the lexicon, not a company, a class or a national body of its own."""
    return (
        len(local) >= 3
        and local.endswith(tuple(unit_vocab().central_section_endings))
        and not local.endswith(tuple(unit_vocab().company_suffixes))
        and _no_place_before(local)
        and not local.startswith(("各", *unit_vocab().central_starts))
        and not is_generic(local)
        and lookup_body(local) is None
        # (公安局: a place's short name (公安) with a lone 局 after it names no place's body; 资源开发司
        # holds 资源 of 资源县 before no function of a place's)
        and (lookup(local[:2]) is None or len(local) < 4 or _function_named(local[2:]) is None)
        and not is_placed(local)
    )


def _no_place_before(local: str) -> bool:
    """Whether a name opens with no place of its own: no level, and no place's name before a
    place's function (资源开发司 opens with 资源 of 资源县, but 开发司 is no function of a county's)."""
    prefix = level_prefix(local)
    return not prefix or (len(prefix) >= 2 and _function_named(local[len(prefix) :]) is None)


def _bare_body(local: str) -> bool:
    """A government or party body named by its function alone (经济发展局, 党建办): no place, no level,
    no central body; in a zone's own document, the zone's. A place's short name that is only a word
    there opens no place (平安建设办公室)."""
    word = opens_with_word_not_place(local)
    return (
        (word or (not level_prefix(local) and lookup(local[:2]) is None))
        and not local.startswith("各")
        and not is_generic(local)
        and unit_kind(local) in ("government", "party")  # (a street's 党建办 is its own too)
        and lookup_body(local) is None
        and not is_placed(local)
    )


def signers(issuer: str) -> list[str]:
    """The bodies a joint issuer line names (中共X委员会、X: both), one for a single issuer."""
    return [s for s in re.split(r"[、，,\s]+", issuer) if s]


def _bare_institution_part(local: str) -> bool:
    """An institution's department, school or subsidiary by its own word alone (安全环保部, 计算机学院,
    高速公路运营公司): no place, no level, no body of the lexicon, no class (各子公司, 各学院)."""
    return (
        len(local) >= 3
        and local.endswith(unit_vocab().institution_parts)
        and not level_prefix(local)
        and not local.startswith("各")
        and not is_generic(local)
        and lookup_body(local) is None
        and not is_placed(local)
        and lookup(local[:2]) is None
    )


def _department_branch(local: str) -> bool:
    """A department's branch in a district written by the district's name alone (蜀山区分局 in
    合肥市生态环境局's own document): no body's name before 分局 (市公安局交警分局 names its own)."""
    return (
        local.endswith(_BRANCH)
        and len(local) > len(_BRANCH) + 1
        and not any(ch in local[: -len(_BRANCH)] for ch in _BODY_BEFORE_SECTION)
    )


_BRANCH = "分局"


def _bare_section(local: str) -> bool:
    """A section named by its own word alone (对外贸易处, 办公室): no place, no body above it."""
    return (
        len(local) >= 3
        and local.endswith(_SECTION_ENDINGS)
        and not level_prefix(local)
        and not is_generic(local)
        and not local.startswith("各")
        # (科技城管理局科技创新处 names the body above it)
        and not any(ch in local[:-1] for ch in ("局", "委", "厅"))
    )


#: A body's sections (处, 科, 室) and what ends the body above them in a fuller spelling.
_SECTION_ENDINGS = ("处", "科", "室")
_BODY_BEFORE_SECTION = ("局", "委", "厅", "办", "会", "部", "院")


def zone_of(title: str, issuer: str) -> str | None:
    """The development zone or township a document is of: the name its title opens with before its
    year or 关于 (苏州工业园区2026年稳外资工作要点), else its issuer's before the issuing body
    (江湾镇人民政府, 学院路街道办事处). Its units' bare word (园区财政局, 街道平安办) stands for it."""
    in_title, in_issuer = _zone_patterns()
    # a street's office under its district's government (北京市朝阳区人民政府望京街道办事处)
    under = re.sub(r"^[\u4e00-\u9fff]{2,12}?人民政府(?=[\u4e00-\u9fff]{3})", "", issuer or "")
    # joint issuers (中共乌镇镇委员会办公室、乌镇镇人民政府办公室): each, its party prefix dropped
    parts = [re.sub(rf"^(?:{_party_prefixes()})", "", part) for part in signers(issuer or "")]
    found = [
        m.group(1)
        for m in (
            in_title.match(title or ""),
            *(in_issuer.match(signer) for signer in parts if signer),
            in_issuer.match(under),
        )
        # not a place of the table cut short (景德镇 of 景德镇市人民政府办公室)
        if m and lookup(m.group(1) + m.string[m.end(1) : m.end(1) + 1]) is None
    ]
    if not found:
        return None
    # (the title's 湘潭经开区 is the issuer's 湘潭经济技术开发区 written short: the zone by its full name)
    full = next((z for z in found[1:] if len(z) > len(found[0]) and _short_of(found[0], z)), found[0])
    return _township_own_name(full)


def _short_of(short: str, full: str) -> bool:
    """Whether ``short`` writes ``full`` short: the same opening two characters, the rest in order."""
    return short[:2] == full[:2] and in_order(short, full)


@cache
def _party_prefixes() -> str:
    """The party's prefixes of a local committee's name (中共, 中国共产党), longest first."""
    return alternation(unit_vocab().party_names)


def _township_own_name(zone: str) -> str:
    """A township named with the places above it (中山市小榄镇, 桐乡市乌镇镇, 南京市江宁区湖熟街道) is
    named by its own name (小榄镇): its offices are 小榄镇X, as the town writes them; a zone keeps
    its city (苏州高新区 is the zone's name)."""
    endings = unit_vocab().township_endings
    if not zone.endswith(tuple(endings)):
        return zone
    table = place_table()
    while (m := table.pattern.match(zone)) is not None:
        rest = zone[m.end() :]
        if not any(rest.endswith(e) and len(rest) - len(e) >= 1 for e in endings) or len(rest) < 2:
            break
        zone = rest
    return zone


@cache
def _zone_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A zone's or township's name opening a title (before its year or 关于) or an issuer."""
    words = alternation([*_zone_words(), *unit_vocab().township_endings])
    name = rf"([\u4e00-\u9fff]{{2,10}}?(?:{words}))"
    # an issuer is the zone's own body (管委会, 党工委) or one of its offices (安全生产委员会办公室)
    return re.compile(rf"(?:关于)?{name}(?=\d|关于|[“《（(])"), re.compile(
        rf"{name}(?={alternation(_ISSUING_BODIES)}|[\u4e00-\u9fff]{{2,}}(?:委员会|办公室|局|委|办)$)"
    )


#: What follows a zone's or township's name in its issuer (江湾镇人民政府, 苏州工业园区管委会).
_ISSUING_BODIES = ["人民政府", "政府", "管理委员会", "管委会", "党工委", "工委", "办事处", "党委", "办公室"]


def community_of(issuer: str) -> str | None:
    """The community or village whose committee issues a plan, by its own name (望月湖街道枫林社区
    居民委员会: 枫林社区), else None."""
    v = unit_vocab()
    m = _community_re().search(issuer)
    if m is None:
        return None
    name, word = m["name"], m["word"]
    own = name[: -len(word)]
    # (its own name: after the township or level word before it, 望月湖街道枫林 -> 枫林)
    cut = max(
        (own.rfind(w) + len(w) for w in (*v.township_endings, *v.level_prefixes) if w in own), default=0
    )
    return own[cut:] + word if len(own) - cut >= _OWN_NAME_MIN else name


#: The fewest characters a community's own name has before its word (枫林 of 枫林社区).
_OWN_NAME_MIN = 2


@cache
def _community_re() -> re.Pattern[str]:
    v = unit_vocab()
    return re.compile(
        rf"(?P<name>[\u4e00-\u9fff]{{2,20}}?(?P<word>{alternation(v.community_words)}))"
        rf"(?:{alternation(v.community_issuers)})$"
    )


def _in_community(local: str, community: str | None) -> str:
    """A unit named by the bare word of the plan's community (社区网格站), named with it (枫林社区网格站)."""
    if community and local.startswith(tuple(unit_vocab().community_compounds)):
        return community + local  # (村委会, 村务监督委员会 of 柳塘村: 柳塘村村委会, the word is the body's)
    if community:
        for word in unit_vocab().community_words:
            if (
                local.startswith(word)
                and community.endswith(word)
                and len(local) > len(word) + 1
                and _function_named(local) is None
            ):
                return community + local[len(word) :]
    return local


def _in_zone(local: str, zone: str | None) -> str:
    """A unit named by the bare word of the document's zone or township, named with it (园区财政局 ->
    苏州工业园区财政局, 镇农业农村办 -> 江湾镇农业农村办); not a function that merely starts with the
    word (乡村振兴局)."""
    if zone:
        short = unit_vocab().zone_short_words
        for word in (*_zone_words(), *unit_vocab().township_endings):
            if (
                local.startswith(word)
                and (zone.endswith(word) or zone.endswith(short.get(word, "\0")))
                and len(local) > len(word) + 1
                and _function_named(local) is None
            ):
                return zone + local[len(word) :]
    return local


def _unit_key(local: str, places: Places) -> str:
    """Spellings of one body share a key: level | function."""
    name = "".join(local.split()).replace("(", "（").replace(")", "）")
    prefix = level_prefix(name)
    level = _level_of(prefix, places)
    body, function = _body_function(name[len(prefix) :])
    if function is None and level.endswith("委"):
        function = function_of("委" + body)
    return f"{level}|{strip_conjunctions(function or body)}"


@lru_cache(maxsize=16384)  # bounded: keyed by one unit name without its place: these repeat
def _body_function(body: str) -> tuple[str, str | None]:
    """A unit's body (its name after the place) with one spelling of each place class and short
    place names, and the function it names: what a key needs that does not depend on the place."""
    for variant, canon in unit_vocab().place_class_variants.items():
        body = body.replace(variant, canon)
    body = short_place_names(body)
    return body, function_of(body)


@lru_cache(maxsize=16384)  # bounded: a document's few prefixes (市, 县, 开封市…) and its places
def _level_of(prefix: str, places: Places) -> str:
    """A prefix as the level it stands for in this document: 开封市 and 市 are both 市."""
    if not prefix:
        return ""
    if prefix in unit_vocab().place_word_prefixes:
        return next((char for name, char in places if name.endswith(prefix)), prefix)
    if prefix in unit_vocab().party_prefixes:
        return prefix[0] + "委" if prefix[0] in unit_vocab().level_prefixes else prefix
    for name, char in places:
        if prefix == name:
            return char
    if prefix.startswith(tuple(unit_vocab().level_prefixes)) and len(prefix) <= 2:
        return prefix
    for name, char in places:
        if lookup(prefix, name) == lookup(name):
            return char
    place = lookup(prefix)
    return place.short if place else prefix


def _unit_parts(local: str, places: Places) -> tuple[str, str, str, str, str | None]:
    """(id, qualified name, unit type, kind, jurisdiction) of the unit a spelling names."""
    name, jurisdiction = _qualify(local, places)
    kind = unit_kind(local)
    return stable_id(name, jurisdiction or ""), name, _unit_type(local, kind), kind, jurisdiction


@lru_cache(maxsize=16384)  # bounded: keyed by one unit spelling; the type does not depend on the place
def _unit_type(local: str, kind: str) -> str:
    if kind == "collective":
        return local
    body = short_place_names(local[len(level_prefix(local)) :])
    return (
        _function_named(body)
        or function_of("委" + body)
        or _central_function(body)
        or _placed_function(body)
        or _branch_function(body)
        or _bureau_branch(body)
        or body
    )


def _bureau_branch(body: str) -> str | None:
    """The function of a bureau's branch in a place (生态环境局武安分局 -> 生态环境分局, 公安局浦东分局 ->
    公安分局), as the place's own documents write it (县生态环境分局)."""
    for word in unit_vocab().branch_words:
        if not body.endswith(word):
            continue
        head = body[: -len(word)]
        for k in range(len(head) - 2, 1, -1):
            bureau = head[:k]
            if place_table().short_pattern.fullmatch(head[k:]) and _function_named(bureau):
                return (bureau[:-1] if bureau.endswith("局") else bureau) + word
    return None


def _branch_function(body: str) -> str | None:
    """The function of a central body's office in a place: the local function its name ends with
    (国家税务总局云南税务局 -> 税务局), else the central body's name with that ending (中国人民银行云南分行
    -> 中国人民银行分行), so that one function gathers the offices of every place."""
    body_end = next((k for k in range(len(body) - 2, 2, -1) if lookup_body(body[:k]) is not None), 0)
    if not body_end:
        return None
    m = place_table().short_pattern.match(body, body_end)
    if m is None or m.end() >= len(body):
        return None
    ending = body[m.end() :]
    central = lookup_body(body[:body_end])
    assert central is not None
    return _function_named(ending) or f"{central.name}{ending}"


def _placed_function(body: str) -> str | None:
    """The function after a second place's short name or a zone's word: a city's bureau placed in a
    county (龙岩市长汀生态环境局: 长汀生态环境局 -> 生态环境局), a zone's (开发区应急管理局 -> 应急管理局)."""
    m = place_table().short_pattern.match(body)
    if m and m.end() < len(body):
        # (合肥高新技术产业开发区财政局: the zone's word after the city's name goes too)
        return _function_named(body[m.end() :]) or (
            _placed_function(body[m.end() :]) if not _is_place_start(body[m.end() :]) else None
        )
    # (a zone's word, after its own name at most: 长兴岛经济技术开发区应急管理局 -> 应急管理局)
    at, zone = next(
        ((k, w) for k in range(_ZONE_OWN_MAX + 1) for w in _zone_words() if body.startswith(w, k)), (0, None)
    )
    rest = body[at + len(zone) :] if zone else ""
    if zone is None or len(rest) < 2 or rest in unit_vocab().bare_bodies:
        return None  # 园区管委会 is the zone's own body, not a function every zone has
    # (a function no list knows, 经济发展局, is still the zone's body's own name)
    return _function_named(rest) or (rest if looks_like_unit(rest) else None)


#: The characters of a zone's own name before its zone word (长兴岛 of 长兴岛经济技术开发区).
_ZONE_OWN_MAX = 4


def _is_place_start(rest: str) -> bool:
    """Whether ``rest`` opens with a place's short name (one level of places is read at a time)."""
    return place_table().short_pattern.match(rest) is not None


@cache
def _zone_words() -> tuple[str, ...]:
    """A zone's words, its short words' long forms among them (高新技术产业开发区), longest first."""
    words = {*unit_vocab().self_placed_words, *unit_vocab().zone_short_words.values()}
    return tuple(sorted(words, key=len, reverse=True))


def _central_function(body: str) -> str | None:
    """The local function a central body carries nationally (国家发展改革委 -> 发展和改革委员会, 财政部
    -> 财政局), so that a question about every place's 发改委 or 财政部门 finds the national one too."""
    for start in unit_vocab().central_starts:
        if body.startswith(start) and len(body) > len(start) + 1:
            return _function_named(body[len(start) :])
    # 财政部 -> 财政局, 住房城乡建设部 -> 住房和城乡建设局: a ministry's local departments by its words
    for ending, local in sorted(unit_vocab().ministry_endings.items(), key=lambda x: -len(x[0])):
        if body.endswith(ending) and len(body) > len(ending) + 1:
            return _function_named(body[: -len(ending)] + local)
    return None


def spelled_out(name: str, unit_type: str) -> str:
    """The name with the short form of its function spelled out as the function's standard name
    (湖南省住房城乡建设厅 -> 湖南省住房和城乡建设厅, 市发改委 -> 市发展和改革委员会); '' where it
    ends with no short form of ``unit_type``."""
    if not unit_type or name.endswith(unit_type):
        return ""
    for k in range(max(0, len(name) - _FUNCTION_MAX), len(name) - 1):
        # (a short form keeps its characters in order: 住建局 of 住房和城乡建设局; a place's own
        # longer or other name, 发展和改革局 or 教育和体育局, is no short form of the standard one)
        if (
            _function_named(name[k:]) == unit_type
            and _abbreviates(name[k:], unit_type)
            and _placing(name[:k])
        ):
            return name[:k] + unit_type
    return ""


def _placing(prefix: str) -> bool:
    """Whether ``prefix`` places a body rather than being part of its name: a place or level word
    (湖南省, 两江新区, 县委, 国家), not a body's own word (县纪委 of 县纪委监委)."""
    vocab = unit_vocab()
    levels = (*vocab.level_prefixes, *vocab.township_endings)
    party = prefix.endswith("委") and prefix[:-1].endswith(levels)
    return not prefix or party or prefix.endswith(levels) or prefix.endswith(tuple(vocab.central_starts))


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is shorter than ``full`` and its characters stand in ``full`` in order."""
    chars = iter(full)
    return len(short) < len(full) and all(ch in chars for ch in short)


#: The longest short form of a function a name ends with (人力资源社会保障局).
_FUNCTION_MAX = 16


def _function_named(name: str) -> str | None:
    """The local function a name spells, fully or short (教育局, 住建局), else None."""
    found = function_of(name) or local_spellings().get(name)
    return found.name if isinstance(found, LocalFunction) else found


def _qualify(local: str, places: Places) -> tuple[str, str | None]:
    """The fully qualified name (市X局 -> 开封市X局) and the jurisdiction the unit belongs to."""
    prefix = level_prefix(local)
    if not places:
        return local, None
    own = places[0][0]
    if prefix in unit_vocab().place_word_prefixes:  # 自治区商务厅 -> 广西壮族自治区商务厅
        region = next((name for name, _ in places if name.endswith(prefix)), None)
        return (region + local[len(prefix) :], region) if region else (local, own)
    # (a level's party body too: 县纪委监委 -> 泰和县纪委监委)
    levelled = len(prefix) <= 2 or prefix in unit_vocab().party_prefixes
    if prefix and prefix[0] in unit_vocab().level_prefixes and levelled:
        for name, char in places:
            if char == prefix[0]:
                return name + local[1:], name
        return local, own
    for name, _ in places:
        if local.startswith(name):
            return local, _placed_in(local[len(name) :], name, places) or name
    return local, own


def _placed_in(rest: str, outer: str, places: Places) -> str | None:
    """The document's place a unit's name names after its first place (龙岩市 + 长汀生态环境局 in a
    长汀县 document: 长汀县, the place it works for; 邯郸市 + 生态环境局武安分局, a branch there, in
    武安市's), else None."""
    m = place_table().short_pattern.match(rest)
    for name, _ in places:
        place = lookup(name)
        if name == outer or place is None:
            continue
        if m is not None and m.group() in (place.short, name):
            return name
        if any(rest.endswith((place.short + w, name + w)) for w in unit_vocab().branch_words):
            return name
    return None
