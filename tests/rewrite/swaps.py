"""Rewrites that put other real bodies in place of a document's units: central bodies from
the lexicon, local departments of the document's own level."""

from __future__ import annotations

import random
import re
from functools import cache
from typing import Any

from tests.rewrite.lead import before_first_heading
from tests.rewrite.model import Sample, map_gold_strings, rename_units, vocabulary
from tests.rewrite.registry import apply_edits, kind
from tests.rewrite.text import HEADER_WORD, label_lists, line_starts, text_tables

# ---------------------------------------------------------------- unit swaps

LEFT = set("、，,；;：:（(〔[【\t\n 　由和及与")
RIGHT = set("、，,；;）)〕]】\t\n 　。等和及与")
RIGHT_WORDS = ("牵头", "配合", "负责", "会同", "参与", "协办", "主办", "按职责", "协同")


def _bounded(text: str, start: int, end: int, left_extra: str = "") -> bool:
    left_ok = start == 0 or text[start - 1] in LEFT or text[start - 1] in left_extra
    right_ok = end == len(text) or text[end] in RIGHT or text.startswith(RIGHT_WORDS, end)
    return left_ok and right_ok


def _replace_all(text: str, old: str, new: str, left_extra: str = "") -> str | None:
    """Replace every occurrence of ``old`` that stands as a list item; None when some occurrence
    does not (the name is part of another word, so swapping it would change more than a unit)."""
    spans = [m.start() for m in re.finditer(re.escape(old), text)]
    if any(not _bounded(text, i, i + len(old), left_extra) for i in spans):
        return None
    return apply_edits(text, [(i, i + len(old), new) for i in spans])


def _swap(
    s: Sample, pairs: dict[str, str], gold_names: dict[str, str], left_extra: str, name: str
) -> Sample | None:
    text = s.text
    gold = s.derive(s.text).gold
    done: dict[str, str] = {}
    for old, new in pairs.items():
        swapped = _replace_all(text, old, new, left_extra)
        if swapped is None or swapped == text:
            continue
        fixed: dict[str, Any] = s.derive(s.text, gold).gold
        ok = True

        def fix(t: str, old: str = old, new: str = new) -> str:
            nonlocal ok
            r = _replace_all(t, old, new, left_extra)
            if r is None:
                ok = False
                return t
            return r

        map_gold_strings(fixed, fix)
        if not ok:
            continue
        text, gold = swapped, fixed
        done[old] = new
    if not done:
        return None
    rename_units(gold, {g: n for g, n in gold_names.items() if any(g.endswith(o) for o in done)})
    return s.derive(text, gold, name)


def _names(body: Any) -> tuple[str, ...]:
    """Every Chinese name of a lexicon body (its interface: name, short, former)."""
    return (body.name, *body.short, *body.former)


@kind
def swap_central(s: Sample, rng: random.Random) -> Sample | None:
    """Central bodies the lexicon knows for other bodies of the lexicon, in the same form (a short
    form for a short form), everywhere the document names them."""
    from fengong.ingest.bodies import bodies, lookup

    pool = list(bodies())
    national = (s.gold.get("jurisdiction") or {}).get("level") == "national"
    pairs: dict[str, str] = {}
    used: set[str] = set()
    for unit in s.units():
        body = lookup(unit)
        if s.has_aliases(unit) or unit[:1] in "各省市县区州":  # 市场监管总局 reads as prefixed
            continue
        # A national document's units are central bodies, known to the lexicon or not; classes
        # of bodies (各省级人民政府) and local ones stay.
        if body is None and not (national and unit[:1] not in "各省市县区州"):
            continue
        short = unit in body.short if body is not None else rng.random() < 0.5
        options = []
        for other in pool:
            # A body already in the document (under any of its names) or already swapped in
            # would be one body under two names: not a clean rewrite.
            if (body is not None and other.name == body.name) or other.name in used:
                continue
            if any(n in s.text for n in _names(other)):
                continue
            new = other.short[0] if short and other.short else other.name
            # A name opening with a level character (市场监管总局) reads as a distributed level
            # prefix in the gold checks: leave it out of the pool.
            if unit in new or new in unit or new[:1] in "各省市县区州":
                continue
            options.append((body is not None and other.kind == body.kind, new))
        same_kind = [n for k, n in options if k] or [n for _, n in options]
        if same_kind and rng.random() < 0.7:
            pairs[unit] = rng.choice(same_kind)
            used.add(next(b.name for b in pool if pairs[unit] in _names(b)))
    return _swap(s, pairs, dict(pairs), "", "swap_central")


@cache
def _abbreviations() -> dict[str, str]:
    """Spelling -> function, from the extractor's own table of department abbreviations: a swap
    must not bring in a department the document already names under another spelling."""
    from importlib.resources import files

    out: dict[str, str] = {}
    table = files("fengong.ingest") / "data" / "unit_abbreviations.tsv"
    if not table.is_file():  # without the table, the first-three-characters rule alone
        return out
    for line in table.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 2 and not line.startswith("#"):
            out[_plain(cells[0])] = _plain(cells[1])
    return out


def _plain(name: str) -> str:
    return re.sub("[和与及]", "", name.strip())


def _function_key(name: str) -> str:
    """One key for the spellings of a department function (发改委, 发展和改革委员会 and
    发展改革委员会 agree; so do 卫生健康委 and 卫生健康委员会, by their first three characters)."""
    plain = _plain(name)
    return _abbreviations().get(plain, plain)[:3]


LEVEL_CHAR = {"province": "省", "city": "市", "county": "县", "district": "区"}


@kind
def swap_local(s: Sample, rng: random.Random) -> Sample | None:
    """Local departments for other departments of the same level (市X局 → 市Y局), the function
    swapped wherever the document names it, with or without the distributed prefix."""
    level = LEVEL_CHAR.get((s.gold.get("jurisdiction") or {}).get("level") or "")
    if level is None:
        return None
    deps = vocabulary()["departments"]
    pool = deps["province"] if level == "省" else deps["local"]
    units = s.units()
    candidates = [u for u in units if u[:1] == level and u[1:] in pool and not s.has_aliases(u)]
    if not candidates:
        return None
    rng.shuffle(candidates)
    chosen = candidates[: rng.randint(1, min(4, len(candidates)))]
    pairs: dict[str, str] = {}
    # (every function a unit names after any level character: 岳阳市市场监管局 holds 市场监管局, which
    # 市场监督管理局 must not join as another body)
    present = {_function_key(u[i + 1 :]) for u in units for i, ch in enumerate(u) if ch in "省市县区州"}
    present |= {_function_key(u.lstrip("省市县区州")) for u in units}
    for unit in chosen:
        func = unit[1:]
        options = [
            y
            for y in pool
            if y not in s.text
            and y not in pairs.values()
            and func not in y
            and y not in func
            and _function_key(y) not in present
        ]
        if options:
            pairs[func] = rng.choice(options)
    # Gold names that are the function with a level prefix (or bare) follow the swap.
    gold_names = {}
    for u in units:
        for func, new in pairs.items():
            if u.endswith(func) and len(u) - len(func) <= 1:
                gold_names[u] = u[: len(u) - len(func)] + new
    return _swap(s, pairs, gold_names, "省市县区州", "swap_local")


# ---------------------------------------------------------------- letter codes

_CODE_ITEM = re.compile(r"[、，,]")
_MARKED = re.compile(r"^(?P<name>[^（(]+?)(?P<mark>[（(][^（()）]{1,4}[）)])$")  # 市A（牵头）
_MIN_CODES = 3


@kind
def letter_codes(s: Sample, rng: random.Random) -> Sample | None:
    """Units written as letter codes that a legend before the first heading (or at the end) spells
    out (A—县发展和改革局　　B—县财政局; lists then read 牵头单位：A；配合单位：B、C, a table's unit
    cells D（牵头）、B). Every unit of a labelled list or a table's unit column is coded by the gold
    name it stands for; the gold does not change. None when a list's word stands for more than one
    gold unit, or fewer than three would be coded."""
    units = s.units()
    if any(s.has_aliases(u) for u in units):
        return None
    codes: dict[str, str] = {}  # gold name -> its code
    edits: list[tuple[int, int, str]] = []
    for start, end in _unit_lists(s.text):
        pos = start
        for part in _CODE_ITEM.split(s.text[start:end]):
            word, lead = part.strip(), len(part) - len(part.lstrip())
            at, pos = pos + lead, pos + len(part) + 1
            marked = _MARKED.match(word)
            if marked and word not in units:
                word = marked["name"]  # the mark stays after the code: D（牵头）
            named = [u for u in units if u == word] or [u for u in units if u.endswith(word)]
            if not named or any("各" in u for u in named) or _unbalanced(word):
                continue  # a catch-all (有关部门), a class of bodies (各街道) or a piece of one stays
            if len(named) > 1:
                return None  # one word for two bodies
            code = codes.setdefault(named[0], _code(len(codes)))
            edits.append((at, at + len(word), code))
    written = set(re.findall(r"(?<![A-Za-z0-9])[A-Z]{1,2}(?![A-Za-z0-9])", s.text))
    if len(codes) < _MIN_CODES or written & set(codes.values()):
        return None  # (a document writing a code's capitals alone already: VR, AR)
    v = vocabulary()
    mark, part = rng.choice(v["code_marks"]), rng.choice(v["code_parts"])
    entries = [f"{code}{mark}{name}" for name, code in codes.items()]
    rows = [part.join(entries[i : i + 4]) for i in range(0, len(entries), 4)]
    legend = "\n".join([rng.choice(v["code_intros"]), *rows])
    text = apply_edits(s.text, edits)
    placed = before_first_heading(text, legend) if rng.random() < 0.6 else None
    text = placed if placed is not None else text.rstrip("\n") + "\n" + legend + "\n"
    return s.derive(text, None, "letter_codes")


def _unit_lists(text: str) -> list[tuple[int, int]]:
    """(start, end) of every list of units the rewrite may code: after a role label, and the cells
    of a table's unit columns."""
    out = label_lists(text)
    lines = text.split("\n")
    starts = line_starts(lines)
    for table in text_tables(lines):
        columns = [k for k, c in enumerate(lines[table.header].split("\t")) if HEADER_WORD.search(c)]
        for row in table.rows:
            at = starts[row]
            for k, cell in enumerate(lines[row].split("\t")):
                if k in columns:
                    out.append((at, at + len(cell)))
                at += len(cell) + 1
    return sorted(out)


def _unbalanced(word: str) -> bool:
    """Whether ``word`` is a piece of a name cut inside its brackets (各县（市 | 区）人民政府)."""
    return word.count("（") + word.count("(") != word.count("）") + word.count(")")


def _code(n: int) -> str:
    """The n-th code: A … Z, then AA, AB …"""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[n] if n < len(letters) else letters[n // len(letters) - 1] + letters[n % len(letters)]
