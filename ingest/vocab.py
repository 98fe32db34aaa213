"""Loads the vocabularies under ``ingest/data`` once, and fails loudly on a malformed file."""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

DATA = "fengong.ingest.data"


class VocabularyError(ValueError):
    """A data file is missing a key or has the wrong shape."""


def _data_text(name: str) -> str:
    try:
        return resources.files(DATA).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise VocabularyError(f"ingest/data/{name}: missing data file") from exc


def load_yaml(name: str) -> dict[str, Any]:
    """A YAML mapping from ``ingest/data``."""
    data = yaml.safe_load(_data_text(name))
    if not isinstance(data, dict):
        raise VocabularyError(f"ingest/data/{name}: expected a mapping at the top level")
    return data


def load_tsv(name: str) -> list[list[str]]:
    """Rows of a TSV file from ``ingest/data``, skipping comments and blank lines."""
    lines = [ln for ln in _data_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return [row for row in csv.reader(lines, delimiter="\t")]


def _strings(data: dict[str, Any], key: str, name: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise VocabularyError(f"ingest/data/{name}: '{key}' must be a list of strings")
    return value


def words(data: dict[str, Any], key: str, name: str) -> list[str]:
    """A required, non-empty list of non-empty strings under ``key`` of data file ``name``."""
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise VocabularyError(f"ingest/data/{name}: '{key}' must be a non-empty list of strings")
    return [str(v) for v in value]


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words where the longest match wins, written as a trie.

    ``(?:北京(?:市)?|南京市)`` matches exactly what ``北京市|南京市|北京`` (longest first) matches, in
    any surrounding pattern: the words that can match at one place form a chain of prefixes, and both
    forms try them longest first. The trie tests each character once instead of every word in turn.
    """
    root: dict[str, dict] = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(root)


def scan_alternation(words: list[str]) -> str:
    """``alternation(words)`` shaped for scanning long texts with a large vocabulary; it matches
    exactly the same strings, preferring the same ones.

    The regex engine tries the alternatives of a group one after another, so at a place whose
    character begins some word, a trie with a hundred first characters still tests a hundred of
    them before it fails. Here the first characters form a few classes ``[甲乙丙]``, and inside a
    class each branch tests the word's second character and then, looking back, both: a failing
    place costs a few class tests and one class's second characters. A word of one character keeps
    a branch of its own (it must be tried after the longer words that begin with it).
    """
    root: dict[str, dict] = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    if "" in root or len(root) < 16:
        return _trie_pattern(root)
    singles = sorted(ch for ch, child in root.items() if "" in child)
    multi = sorted(ch for ch, child in root.items() if "" not in child)
    if len(multi) < 16:
        return _trie_pattern(root)  # too few classes to gain from
    seconds = sum(len(root[ch]) for ch in multi)
    # As many classes as a class holds second characters (measured on the topic, place and body
    # vocabularies over the rewrite corpus: 20-25 % faster than a third as many classes).
    classes = max(1, round(math.sqrt(seconds)))
    size = math.ceil(len(multi) / classes)
    alts = []
    for i in range(0, len(multi), size):
        group = multi[i : i + size]
        branches = [
            re.escape(second) + f"(?<={re.escape(first + second)})" + _trie_pattern(child)
            for first in group
            for second, child in sorted(root[first].items())
        ]
        alts.append(f"[{''.join(re.escape(ch) for ch in group)}](?:{'|'.join(branches)})")
    alts.extend(re.escape(ch) + _trie_pattern(root[ch]) for ch in singles)
    # In front, one test of the first two characters turns away most places before any branch.
    seconds_set = {second for child in root.values() for second in child if second}
    ahead = f"[{_chars(root)}][{_chars(seconds_set)}]" + (f"|[{_chars(singles)}]" if singles else "")
    return f"(?={ahead})" + (alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")")


def _chars(chars: Iterable[str]) -> str:
    return "".join(re.escape(ch) for ch in sorted(chars))


def _trie_pattern(node: dict[str, dict]) -> str:
    alts = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:  # a word may end here: try the longer words first (greedy), then stop
        return f"(?:{body})?"
    return body


@dataclass(frozen=True)
class RoleVocab:
    """Role labels, clause verbs and the first-is-lead declarations."""

    labels: dict[str, str]  # label -> role
    verbs: dict[str, str]  # verb -> role
    with_words: list[str]
    partner_words: list[str]  # B配合A做好X: B the partner of A
    first_is_lead: dict[str, list[str]]  # part (position, ordinal, unit, copula) -> words
    stop_labels: list[str]
    lead_markers: list[str]
    lead_signs: list[str]  # 县商务局*: a sign after a listed unit's name that marks the lead
    cooperate_marks: list[str]  # 绥芬河海关（辅）: a mark that makes a listed unit a partner
    notes: list[str]
    action_starts: list[str]
    label_brackets: list[str]
    narrative_words: list[str]
    task_subjects: list[str]  # 该项任务由A牵头: the task itself, named before 由
    subject_adverbs: list[str]  # 本部分各项任务均由A牵头: between the task's words and 由
    among_words: list[str]  # A、B、C负责，其中A牵头: the clause picks A out of the list before it
    overall_lead: list[str]  # 总牵头单位: a section's lead, whose items' listed units are its partners
    shared_duty_words: list[str]  # 各省级民政部门按职责分工负责: a share by duty, no lead
    heading_lead_nouns: list[str]  # 县商务局牵头的任务: a section heading named by its lead
    listed_cooperate: list[str]  # 所列责任单位为配合单位: a section's listed units are partners
    rest_cooperate: dict[str, list[str]]  # part (rest, unit, copula) -> words: 其余为配合单位
    comma_lead_before: list[str]  # 逗号前(为牵头单位): a bare list's units before its comma lead
    semicolon_lead_before: list[str]  # 分号前(为牵头单位): a table cell's units before its semicolon lead
    person_suffixes: list[str]  # 责任单位及责任人: a label whose units each name a person beside them
    person_labels: list[str]  # 市商务局（责任人：王立新）: a person's label in brackets beside a unit
    every_office: list[str]  # 各科室: every office of the issuer, led by none of them (first listed or not)
    narrative_labels: list[str]  # 下步计划：A会同B…: a report's label before a sentence that assigns nothing
    items_above: list[str]  # 以上任务由A牵头: a line after a run of items assigning them all
    opening_verbs: list[str]  # 1. 县A：负责推进X: the role word after a unit and its colon opening an item
    assigning_endings: list[str]  # 【省有关单位按职责分工负责】: words a bracket assigning a task ends with
    task_counts: dict[str, list[str]]  # 县A（牵头4项）: a heading's count of its tasks, by part


@dataclass(frozen=True)
class UnitVocab:
    """Suffixes, prefixes and catch-alls that decide what a unit name is."""

    gov_suffixes: list[str]
    company_suffixes: list[str]
    collective_suffixes: list[str]
    party_prefixes: list[str]
    collective_prefixes: list[str]
    generic: frozenset[str]
    level_prefixes: list[str]
    own_qualifiers: list[str]
    bare_bodies: frozenset[str]
    place_class_variants: dict[str, str]  # variant -> canonical
    abbreviations: dict[str, str]  # spelling -> function
    not_prefix_words: tuple[str, ...]
    qualified_prefixes: tuple[str, ...]
    leading_words: list[str]
    join_words: list[str]
    etc_words: list[str]
    place_classes: list[str]
    place_class_tiers: dict[str, int]  # 市 -> 1, 街道 -> 3: the lower the higher
    clause_words: list[str]
    name_max_chars: int
    catch_all_heads: list[str]
    reference_heads: list[str]  # 该单位, 上述部门: a body referred to, not named
    reference_nouns: list[str]  # 单位, 部门: the words for bodies in general such a reference uses
    pending_tails: tuple[str, ...]  # 县人民政府另行明确: a unit still to be named, no unit
    party_names: list[str]  # 中共乌镇镇委员会: the party's prefix before a committee's place
    office_endings: list[str]  # 农业农村部办公厅: the body whose general office issues it
    central_section_endings: list[str]  # 电力司 in 国家能源局's notice: 国家能源局电力司
    own_body_words: list[str]  # 管委会遗产保护处 in 鼓浪屿管委会's notice: its own section
    institution_issuers: tuple[str, ...]  # 集团有限公司, 大学: issuers whose bare parts are their own
    institution_parts: tuple[str, ...]  # 部, 处, 学院: how such a part written bare ends
    self_placed_words: list[str]
    branch_words: list[str]  # a branch named by its place (长江航运公安局武汉分局): 分局, 分行, …
    own_place_endings: list[str]  # 大窑湾海关: a vertical body named by its own place
    township_endings: list[str]  # a township named as a unit (河田镇): its own place, no shared prefix
    village_body_endings: list[str]  # 曼边村委会: a village's own body, no township before it
    community_words: list[str]  # 社区网格站 in a community's own plan: 枫林社区网格站
    community_issuers: list[str]  # 居民委员会: the committee that issues a community's plan
    community_compounds: list[str]  # 村委会: a body named with its village whole before it
    class_endings: list[str]  # 各 + a name ending so is a class of bodies (各流域管理机构)
    place_word_prefixes: list[str]  # 自治区商务厅, 地区林草局: the document's place ending so
    central_starts: list[str]  # a central body's name starts so (国家…): no local prefix
    ministry_endings: dict[str, str]  # 部 -> 局: a ministry's local departments end so (财政部: 财政局)
    zone_short_words: dict[str, str]  # 经开区 -> 经济技术开发区: a zone's word as its own plan writes it
    zone_nicknames: dict[str, str]  # 光谷 -> 武汉东湖新技术开发区: a zone's name of its own
    corps_divisions: list[str]  # 第八师: its notice's 师水利局 is 第八师水利局
    written_place_forms: dict[str, str]  # 自治州 -> 州: 延边州 as its own documents write it
    division_words: list[str]  # 师市, 师: the bare words before a division's own bodies


@cache
def role_vocab() -> RoleVocab:
    """The role vocabulary (``roles.yaml``)."""
    name = "roles.yaml"
    data = load_yaml(name)
    labels: dict[str, str] = {}
    for role in ("lead", "cooperate", "responsible"):
        for label in _strings(data, role, name):
            labels[label] = role
    compounds = data.get("label_compounds", {})
    if not isinstance(compounds, dict):
        raise VocabularyError(f"ingest/data/{name}: 'label_compounds' must map roles to prefixes and bases")
    for role, spec in compounds.items():
        if role not in ("lead", "cooperate", "responsible") or not isinstance(spec, dict):
            raise VocabularyError(
                f"ingest/data/{name}: label_compounds.{role} is not a role with prefixes and bases"
            )
        for prefix in _strings(spec, "prefixes", name):
            for base in _strings(spec, "bases", name):
                labels.setdefault(prefix + base, role)
    verbs_raw = data.get("verbs")
    if not isinstance(verbs_raw, dict):
        raise VocabularyError(f"ingest/data/{name}: 'verbs' must map roles to lists")
    verbs = {v: role for role, words in verbs_raw.items() for v in _strings(verbs_raw, role, name)}
    duty = _strings(data, "verb_duty_prefixes", name)
    copulas = _strings(data, "copula_openings", name)
    for verb, role in list(verbs.items()):
        if not verb.startswith((*duty, *copulas)):
            for prefix in duty:
                verbs.setdefault(prefix + verb, role)
    parts = _parts(data, "first_is_lead", ("position", "ordinal", "unit", "copula"), name)
    return RoleVocab(
        labels,
        verbs,
        _strings(data, "with_words", name),
        _strings(data, "partner_words", name),
        parts,
        _strings(data, "stop_labels", name),
        _strings(data, "lead_markers", name),
        _strings(data, "lead_signs", name),
        _strings(data, "cooperate_marks", name),
        _strings(data, "notes", name),
        _strings(data, "action_starts", name),
        _strings(data, "label_brackets", name),
        _strings(data, "narrative_words", name),
        _strings(data, "task_subjects", name),
        _strings(data, "subject_adverbs", name),
        _strings(data, "among_words", name),
        _strings(data, "overall_lead", name),
        _strings(data, "shared_duty_words", name),
        _strings(data, "heading_lead_nouns", name),
        _strings(data, "listed_cooperate", name),
        _parts(data, "rest_cooperate", ("rest", "unit", "copula"), name),
        _strings(data, "comma_lead_before", name),
        _strings(data, "semicolon_lead_before", name),
        _strings(data, "person_suffixes", name),
        _strings(data, "person_labels", name),
        _strings(data, "every_office", name),
        _strings(data, "narrative_labels", name),
        _strings(data, "items_above", name),
        _strings(data, "opening_verbs", name),
        _strings(data, "assigning_endings", name),
        _parts(data, "task_counts", ("roles", "nouns"), name),
    )


def _parts(data: dict[str, Any], key: str, parts: tuple[str, ...], name: str) -> dict[str, list[str]]:
    """A declaration's parts (position, ordinal, … / rest, unit, copula), each a list of words."""
    raw = data.get(key)
    if not isinstance(raw, dict):
        raise VocabularyError(f"ingest/data/{name}: '{key}' must map parts to word lists")
    return {part: words(raw, part, name) for part in parts}


def _word_map(data: dict[str, Any], key: str, name: str) -> dict[str, str]:
    value = data.get(key)
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise VocabularyError(f"ingest/data/{name}: '{key}' must map words to words")
    return dict(value)


def _tiers(data: dict[str, Any], key: str, name: str) -> dict[str, int]:
    """A list of word lists, highest tier first, as word -> tier."""
    value = data.get(key)
    if not isinstance(value, list) or not all(
        isinstance(tier, list) and all(isinstance(w, str) for w in tier) for tier in value
    ):
        raise VocabularyError(f"ingest/data/{name}: '{key}' must be a list of word lists")
    return {w: n for n, tier in enumerate(value) for w in tier}


def _generic(data: dict[str, Any], name: str) -> frozenset[str]:
    """Catch-alls, also under a qualifier of the document's own level (县直相关单位, 市直有关部门)."""
    base = _strings(data, "generic", name)
    qualifiers = _strings(data, "qualified_prefixes", name)
    return frozenset(base + [q + g for q in qualifiers for g in base])


@cache
def unit_vocab() -> UnitVocab:
    """The unit vocabulary (``units.yaml`` and ``unit_abbreviations.tsv``)."""
    name = "units.yaml"
    data = load_yaml(name)
    suffixes = data.get("suffixes")
    if not isinstance(suffixes, dict):
        raise VocabularyError(f"ingest/data/{name}: 'suffixes' must map kinds to lists")
    variants_raw = data.get("place_class_variants") or {}
    variants = {v: canon for canon, vs in variants_raw.items() for v in vs}
    abbreviations: dict[str, str] = {}
    for row in load_tsv("unit_abbreviations.tsv"):
        if len(row) < 2:
            raise VocabularyError(f"ingest/data/unit_abbreviations.tsv: row {row!r} needs two columns")
        abbreviations[row[0].strip()] = row[1].strip()
    return UnitVocab(
        gov_suffixes=_strings(suffixes, "government", name),
        company_suffixes=_strings(suffixes, "company", name),
        collective_suffixes=_strings(suffixes, "collective", name),
        party_prefixes=_strings(data, "party_prefixes", name),
        collective_prefixes=_strings(data, "collective_prefixes", name),
        generic=_generic(data, name),
        level_prefixes=_strings(data, "level_prefixes", name),
        own_qualifiers=_strings(data, "own_qualifiers", name),
        bare_bodies=frozenset(_strings(data, "bare_bodies", name)),
        place_class_variants=variants,
        abbreviations=abbreviations,
        not_prefix_words=tuple(_strings(data, "not_prefix_words", name)),
        qualified_prefixes=tuple(_strings(data, "qualified_prefixes", name)),
        leading_words=words(data, "leading_words", name),
        join_words=words(data, "join_words", name),
        etc_words=words(data, "etc_words", name),
        place_classes=words(data, "place_classes", name),
        place_class_tiers=_tiers(data, "place_class_tiers", name),
        clause_words=words(data, "clause_words", name),
        name_max_chars=int(data.get("name_max_chars", 12)),
        catch_all_heads=words(data, "catch_all_heads", name),
        reference_heads=words(data, "reference_heads", name),
        reference_nouns=words(data, "reference_nouns", name),
        pending_tails=tuple(words(data, "pending_tails", name)),
        party_names=words(data, "party_names", name),
        office_endings=words(data, "office_endings", name),
        central_section_endings=words(data, "central_section_endings", name),
        own_body_words=words(data, "own_body_words", name),
        institution_issuers=tuple(words(data, "institution_issuers", name)),
        institution_parts=tuple(words(data, "institution_parts", name)),
        self_placed_words=words(data, "self_placed_words", name),
        branch_words=words(data, "branch_words", name),
        own_place_endings=words(data, "own_place_endings", name),
        township_endings=words(data, "township_endings", name),
        village_body_endings=words(data, "village_body_endings", name),
        community_words=words(data, "community_words", name),
        community_issuers=words(data, "community_issuers", name),
        community_compounds=words(data, "community_compounds", name),
        class_endings=words(data, "class_endings", name),
        place_word_prefixes=words(data, "place_word_prefixes", name),
        central_starts=words(data, "central_starts", name),
        ministry_endings=_word_map(data, "ministry_endings", name),
        zone_short_words=_word_map(data, "zone_short_words", name),
        zone_nicknames=_word_map(data, "zone_nicknames", name),
        corps_divisions=words(data, "corps_divisions", name),
        written_place_forms=_word_map(data, "written_place_forms", name),
        division_words=words(data, "division_words", name),
    )
