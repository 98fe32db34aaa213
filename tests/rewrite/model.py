"""A document with its gold, and the checks every rewritten gold must pass (FORMAT.md)."""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROLES = ("lead", "cooperate", "responsible")
DATA = Path(__file__).resolve().parent / "data"


@cache
def vocabulary() -> dict[str, Any]:
    """The generator's vocabulary (data/rewrites.yaml)."""
    data: dict[str, Any] = yaml.safe_load((DATA / "rewrites.yaml").read_text(encoding="utf-8"))
    return data


@dataclass
class Sample:
    """One document's text and its gold; ``kinds`` lists the rewrites applied, in order."""

    name: str
    text: str
    gold: dict[str, Any]
    base: str
    kinds: tuple[str, ...] = field(default=())

    def derive(self, text: str, gold: dict[str, Any] | None = None, kind: str = "") -> Sample:
        """A new sample with this one's base; the gold is copied when not given."""
        g = copy.deepcopy(self.gold if gold is None else gold)
        return Sample(self.name, text, g, self.base, (*self.kinds, kind) if kind else self.kinds)

    def units(self) -> list[str]:
        """Every unit name the gold records, each once, in order."""
        seen: dict[str, None] = {}
        for t in self.gold["tasks"]:
            for r in ROLES:
                for u in t.get(r) or []:
                    seen.setdefault(u, None)
        return list(seen)

    def has_aliases(self, unit: str) -> bool:
        """Whether the gold lists other spellings for ``unit`` or ``unit`` as another's spelling."""
        sources = [self.gold.get("aliases") or {}] + [t.get("aliases") or {} for t in self.gold["tasks"]]
        return any(unit == k or unit in v for a in sources for k, v in a.items())


def map_gold_strings(gold: dict[str, Any], fn: Callable[[str], str]) -> None:
    """Apply ``fn`` to the task strings a rewrite of the text may have touched (title, text, path)."""
    for t in gold["tasks"]:
        t["title"] = fn(t.get("title") or "")
        t["text"] = fn(t.get("text") or "")
        t["path"] = [fn(p) for p in t.get("path") or []]


def rename_units(gold: dict[str, Any], mapping: dict[str, str]) -> None:
    """Rename units in every role list and alias table of the gold."""
    for t in gold["tasks"]:
        for r in ROLES:
            t[r] = [mapping.get(u, u) for u in t.get(r) or []]
        if t.get("aliases"):
            t["aliases"] = {
                mapping.get(k, k): [mapping.get(x, x) for x in v] for k, v in t["aliases"].items()
            }


@cache
def _catch_alls() -> frozenset[str]:
    # The catch-all phrases FORMAT.md names: never units in any role.
    return frozenset(
        [
            "有关部门",
            "相关单位",
            "各有关单位",
            "有关部门和单位",
            "有关方面",
            "各地",
            "县直相关单位",
            "市直有关部门",
        ]
    )


def gold_problems(gold: dict[str, Any]) -> set[str]:
    """The rules of FORMAT.md a rewrite could break, each broken one as a message."""
    out: set[str] = set()
    for t in gold["tasks"]:
        seen: set[str] = set()
        for r in ROLES:
            names = t.get(r)
            if not isinstance(names, list):
                out.add(f"{t.get('id')}: {r} is not a list")
                continue
            for u in names:
                if not isinstance(u, str) or not u.strip():
                    out.add(f"{t.get('id')}: empty unit in {r}")
                elif u in _catch_alls():
                    out.add(f"{t.get('id')}: catch-all {u!r} recorded as a unit")
                elif u in seen:
                    out.add(f"{t.get('id')}: {u!r} named twice")
                seen.add(u)
        if t.get("responsible") and t.get("lead"):
            out.add(f"{t.get('id')}: responsible beside a named lead")
    return out


def check_gold(gold: dict[str, Any], base: dict[str, Any]) -> None:
    """Raise ValueError when a rewritten gold breaks a rule of FORMAT.md that its base kept
    (a base may record what its document really says twice, such as one unit in two roles)."""
    new = gold_problems(gold) - gold_problems(base)
    # A rewrite keeps the tasks and the units of each (their roles may change: first-is-lead),
    # and a unit whose name carries a level prefix keeps it (distributed prefixes stay).
    if [t["id"] for t in gold["tasks"]] != [t["id"] for t in base["tasks"]]:
        new.add("tasks added, dropped or reordered")
    for t, b in zip(gold["tasks"], base["tasks"], strict=False):
        units = [u for r in ROLES for u in t.get(r) or []]
        before = [u for r in ROLES for u in b.get(r) or []]
        if len(units) != len(before):
            new.add(f"{t['id']}: {len(before)} units became {len(units)}")
        elif Counter(map(_prefix, units)) != Counter(map(_prefix, before)):
            # compared as counts: a lead marked inside a list moves its unit to the front
            new.add(f"{t['id']}: a level prefix was lost or added")
    if new:
        raise ValueError(f"{gold['document']}: {sorted(new)}")


def _prefix(unit: str) -> str:
    return unit[0] if unit[:1] in "省市县区州" else ""


def load_gold(path: Path) -> dict[str, Any]:
    """One gold file."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
