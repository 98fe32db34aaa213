"""The allow-lists of read-only Cypher (``cypher_allow.yaml``): loaded once, validated loudly.

Keywords of both engines (and which of them a read may use), pure functions, functions whose
size must be bounded, and read-only procedures per store; see the YAML file for the sources.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")


class AllowListError(RuntimeError):
    """``cypher_allow.yaml`` is malformed (a fault of the installation, not of the query)."""


@dataclass(frozen=True, slots=True)
class AllowList:
    """The contents of ``cypher_allow.yaml``, validated."""

    keywords: frozenset[str]  # every keyword of either engine, upper case
    read: frozenset[str]  # read keywords
    names: frozenset[str]  # keywords harmless as bare names
    functions: frozenset[str]  # lower case
    sized: frozenset[str]  # lower case, a subset of functions
    procedures: Mapping[str, frozenset[str]]  # store kind -> lower-case names

    def procedures_for(self, store_kind: str | None) -> frozenset[str]:
        """The procedures allowed on ``store_kind``; any store's when it is not named."""
        if store_kind is None:
            return frozenset().union(*self.procedures.values())
        return self.procedures.get(store_kind, frozenset())


def _words(data: Mapping[str, Any], key: str, where: str) -> list[str]:
    """A whitespace-separated list of words (a string, so YAML never reads ON or NO as a boolean)."""
    value = data.get(key)
    words = value.split() if isinstance(value, str) else []
    if not words or not all(_WORD.fullmatch(w) for w in words):
        raise AllowListError(f"cypher_allow.yaml: {where}{key} must be a string of space-separated names")
    return words


def parse_allow_list(data: object) -> AllowList:
    """Validate the parsed YAML; raise AllowListError naming the first problem."""
    if not isinstance(data, dict) or set(data) != {"keywords", "functions", "sized_functions", "procedures"}:
        raise AllowListError(
            "cypher_allow.yaml: needs exactly keywords, functions, sized_functions, procedures"
        )
    if not isinstance(data["keywords"], dict):
        raise AllowListError("cypher_allow.yaml: keywords must map ladybug, neo4j, read, names to words")
    kw, fn, procs = data["keywords"], data["functions"], data["procedures"]
    if not isinstance(kw, dict) or set(kw) != {"ladybug", "neo4j", "read", "names"}:
        raise AllowListError("cypher_allow.yaml: keywords needs exactly ladybug, neo4j, read, names")
    lists = {key: _words(kw, key, "keywords.") for key in kw}
    for key, words in lists.items():
        if any(w != w.upper() for w in words) or len(set(words)) != len(words):
            raise AllowListError(f"cypher_allow.yaml: keywords.{key} must be upper case, without repeats")
    keywords = frozenset(lists["ladybug"]) | frozenset(lists["neo4j"])
    read, names = frozenset(lists["read"]), frozenset(lists["names"])
    if unknown := (read | names) - keywords:
        raise AllowListError(
            f"cypher_allow.yaml: allowed words that are no engine's keyword: {sorted(unknown)}"
        )
    if both := read & names:
        raise AllowListError(f"cypher_allow.yaml: words both read and names: {sorted(both)}")
    if not isinstance(fn, dict) or not fn:
        raise AllowListError("cypher_allow.yaml: functions must map groups to lists")
    functions = frozenset(f for group in fn for f in _words(fn, group, "functions."))
    sized = frozenset(_words(data, "sized_functions", ""))
    if any(f != f.lower() for f in functions | sized) or not sized <= functions:
        raise AllowListError(
            "cypher_allow.yaml: function names must be lower case; sized ones allowed functions"
        )
    if not isinstance(procs, dict) or set(procs) != {"embedded", "neo4j"}:
        raise AllowListError("cypher_allow.yaml: procedures needs exactly embedded and neo4j")
    procedures = {kind: frozenset(_words(procs, kind, "procedures.")) for kind in procs}
    if any(p != p.lower() for names_ in procedures.values() for p in names_):
        raise AllowListError("cypher_allow.yaml: procedure names must be lower case")
    return AllowList(keywords, read, names, functions, sized, procedures)


@cache
def allow_list() -> AllowList:
    """``cypher_allow.yaml``, read and validated once."""
    text = resources.files("fengong.graph").joinpath("cypher_allow.yaml").read_text(encoding="utf-8")
    return parse_allow_list(yaml.safe_load(text))
