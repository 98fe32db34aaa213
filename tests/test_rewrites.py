"""Proof by rewriting: the repository's documents rewritten in other notations (tests/rewrite),
each scored against its own derived gold with eval/score.py. The extraction must follow every
rewrite exactly: the goal is strict F1 1.000 on every kind. The floors below are what the
extractor reaches today, so that a regression fails; raise them as the extractor improves.
The whole corpus (over 2,000 documents) runs in bench/rewrite_bench.py."""

from __future__ import annotations

import copy
import random
import re
from collections import Counter

import pytest

from tests.rewrite.corpus import ci_sample, explain, extract, score_samples
from tests.rewrite.kinds import KINDS
from tests.rewrite.layout import matrix, numbering
from tests.rewrite.lead import first_is_lead, lead_marks
from tests.rewrite.model import Sample, check_gold
from tests.rewrite.prose import duty_clauses, prose_clauses
from tests.rewrite.swaps import letter_codes, swap_local

SEED = 19
VARIANTS = 2  # per base document and kind: about 250 documents in all
MIN_PER_KIND = 12
# Strict F1 per kind on the CI sample, as reached by the notation readers. Goal: 1.000 on every kind;
# raise a floor whenever the extractor reaches more (`python -m bench.rewrite_bench --ci-floors`
# prints them).
FLOOR = {
    "brackets": 1.0,
    "by_unit": 1.0,
    "field_bars": 1.0,
    "lead_headings": 1.0,
    "first_is_lead": 1.0,
    "lead_marks": 1.0,
    "letter_codes": 1.0,
    "matrix": 1.0,
    "mixed": 1.0,
    "numbering": 1.0,
    "paragraphs": 1.0,
    "prose_clauses": 1.0,
    "role_words": 1.0,
    "separators": 1.0,
    "subject_clauses": 1.0,
    "duty_clauses": 1.0,
    "roles_elsewhere": 1.0,
    "swap_central": 1.0,  # depends on the lexicon of bodies (ingest/data/bodies.tsv) as well
    "swap_local": 0.999,
    "table_columns": 1.0,
    "unit_lines": 1.0,
}


@pytest.fixture(scope="module")
def corpus() -> list[Sample]:
    return ci_sample(SEED, VARIANTS, MIN_PER_KIND)


@pytest.fixture(scope="module")
def outputs(corpus: list[Sample]) -> dict[str, list[dict]]:
    return {s.name: extract(s) for s in corpus}


@pytest.fixture(scope="module")
def figures(corpus: list[Sample], outputs: dict[str, list[dict]]) -> dict[str, dict]:
    return score_samples(corpus, outputs)


def test_the_sample_covers_every_kind(corpus: list[Sample]) -> None:
    kinds = {s.kinds[0] for s in corpus}
    assert kinds == set(KINDS) == set(FLOOR)
    assert len(corpus) >= 200, len(corpus)
    counts = Counter(s.kinds[0] for s in corpus)
    assert min(counts.values()) >= 8, counts


def test_generation_is_seeded_and_deterministic(corpus: list[Sample]) -> None:
    again = ci_sample(SEED, VARIANTS, MIN_PER_KIND)
    assert [(s.name, s.text, s.gold) for s in again] == [(s.name, s.text, s.gold) for s in corpus]


@pytest.mark.parametrize("kind", sorted(FLOOR))
def test_strict_f1_per_rewrite_kind(
    kind: str, corpus: list[Sample], outputs: dict[str, list[dict]], figures: dict[str, dict]
) -> None:
    got = figures[kind]["strict"]["f1"]
    misses = [line for s in corpus if s.kinds[0] == kind for line in explain(s, outputs[s.name])][:15]
    assert got >= FLOOR[kind], (kind, figures[kind]["strict"], misses)


# ---- the generator's own guarantees, on documents written for the purpose


def _sample(text: str, tasks: list[dict], level: str = "city", name: str = "x.txt") -> Sample:
    gold = {
        "document": name,
        "jurisdiction": {"name": "某市", "level": level, "province": None, "parent": None},
        "tasks": tasks,
    }
    return Sample(name, text, gold, name)


def _task(tid: str, title: str, **roles: list[str]) -> dict:
    return {
        "id": tid,
        "path": [title],
        "title": title,
        "text": title + "。",
        "deadline": None,
        "lead": roles.get("lead", []),
        "cooperate": roles.get("cooperate", []),
        "responsible": roles.get("responsible", []),
        "aliases": {},
    }


TWO = (
    "某市工作方案\n一、重点任务\n1.建设平台。（责任单位：市财政局、教育局）\n"
    "2.完善制度。（牵头单位：市民政局；配合单位：市司法局、审计局）\n"
)
TWO_TASKS = [
    _task("T1", "建设平台", responsible=["市财政局", "市教育局"]),
    _task("T2", "完善制度", lead=["市民政局"], cooperate=["市司法局", "市审计局"]),
]


def test_first_is_lead_turns_every_responsible_list_into_lead_and_cooperate() -> None:
    for attempt in range(12):
        out = first_is_lead(_sample(TWO, TWO_TASKS), random.Random(attempt))
        assert out is not None
        t1, t2 = out.gold["tasks"]
        assert (t1["lead"], t1["cooperate"], t1["responsible"]) == (["市财政局"], ["市教育局"], [])
        assert (t2["lead"], t2["cooperate"]) == (["市民政局"], ["市司法局", "市审计局"])
        assert re.search("第一|首位|第一个|逗号|分号", out.text)
        if "逗号" in out.text:  # the comma convention: the list's comma parts its lead from partners
            assert "市财政局，教育局" in out.text
        if "分号前" in out.text:  # the same convention with the semicolon
            assert "市财政局；教育局" in out.text


def test_lead_marks_mark_the_lead_or_declare_that_unmarked_units_cooperate() -> None:
    seen = set()
    for attempt in range(24):
        out = lead_marks(_sample(TWO, TWO_TASKS), random.Random(attempt))
        assert out is not None
        t1, t2 = out.gold["tasks"]
        # the lead and partner lists become one list, the lead marked wherever it stands
        assert (t2["lead"], sorted(t2["cooperate"])) == (["市民政局"], ["市司法局", "市审计局"])
        assert (
            re.search(r"市民政局(?:[（(](?:牵头|主责|主)[）)]|[*★])|[*★]市民政局", out.text)
            and "配合单位：" not in out.text
        )
        declared = "为配合单位" in out.text
        if t1["lead"]:  # a unit of the responsible list marked as its lead, or named after the list
            lead = re.escape(t1["lead"][0][1:])
            marked = re.search(lead + r"(?:[（(](?:牵头|主)[）)]|[*★])|[*★]市?" + lead, out.text)
            named = re.search(r"(?:[（(]|其中)市?" + lead + r"(?:为牵头单位|牵头)", out.text)
            assert marked or named, out.text
            seen.add("marked" if marked else "named")
        elif t1["cooperate"]:
            assert declared  # unmarked under the declaration: every unit cooperates
            seen.add("declared")
        else:
            assert t1["responsible"] == ["市财政局", "市教育局"] and not declared
            seen.add("unmarked")
    assert seen == {"marked", "named", "declared", "unmarked"}


def test_letter_codes_spell_out_every_coded_unit_in_a_legend() -> None:
    """Every unit of a labelled list becomes its code, the legend names each code's gold unit, the
    gold stays; a document whose lists name fewer than three bodies gets none."""
    for attempt in range(6):
        out = letter_codes(_sample(TWO, TWO_TASKS), random.Random(attempt))
        assert out is not None
        assert out.gold["tasks"] == TWO_TASKS
        legend = dict(re.findall(r"([A-Z])[—：－]([^　；\s]+)", out.text))
        assert sorted(legend.values()) == ["市司法局", "市审计局", "市教育局", "市民政局", "市财政局"]
        code = {name: c for c, name in legend.items()}
        assert f"责任单位：{code['市财政局']}、{code['市教育局']}" in out.text
        assert f"配合单位：{code['市司法局']}、{code['市审计局']}" in out.text
        assert "局、" not in out.text.split("一、", 1)[1]  # no list still names a body
    few = "某市工作方案\n一、重点任务\n1.建设平台。（责任单位：市财政局、教育局）\n"
    assert letter_codes(_sample(few, TWO_TASKS[:1]), random.Random(0)) is None


def test_matrix_gives_each_unit_a_column_and_its_sign_in_each_row() -> None:
    """The lead and partner columns become a column per gold unit (a prefix a cell shares spelt
    out), each row signing its lead and partners, the legend naming both signs; the gold stays; a
    table whose rows name a responsible list gets none."""
    table = (
        "某市工作方案\n一、重点任务\n序号\t工作任务\t牵头单位\t配合单位\n"
        "1\t完善制度\t市民政局\t市司法局、审计局\n2\t建设平台\t市财政局\t市民政局\n"
    )
    tasks = [
        _task("T1", "完善制度", lead=["市民政局"], cooperate=["市司法局", "市审计局"]),
        _task("T2", "建设平台", lead=["市财政局"], cooperate=["市民政局"]),
    ]
    for attempt in range(8):
        out = matrix(_sample(table, tasks), random.Random(attempt))
        assert out is not None and out.gold["tasks"] == tasks
        lines = out.text.split("\n")
        at = next(i for i, ln in enumerate(lines) if ln.startswith("序号"))
        assert lines[at].split("\t") == ["序号", "工作任务", "市民政局", "市司法局", "市审计局", "市财政局"]
        lead, partner = lines[at + 1].split("\t")[2:4]
        assert lead != partner and lines[at + 2].split("\t")[2:] == [partner, "", "", lead]
        assert lead in out.text.replace(lines[at + 1], "") and "牵头" in out.text
    responsible = [_task("T1", "完善制度", responsible=["市民政局", "市司法局"]), tasks[1]]
    assert matrix(_sample(table, responsible), random.Random(0)) is None


def test_numbering_puts_items_under_the_heading_above_them() -> None:
    text = TWO.replace("2.完善制度", "二、保障措施\n1.完善制度")
    seen = set()
    for attempt in range(40):
        out = numbering(_sample(text, TWO_TASKS), random.Random(attempt))
        if out is None:
            continue
        if re.search(r"^1\.1 ?建设平台", out.text, re.M):
            # the n-th item under the k-th heading is k.n; the roles are the document's still
            assert re.search(r"^2\.1 ?完善制度", out.text, re.M), out.text
            assert out.gold["tasks"] == _sample(text, TWO_TASKS).gold["tasks"]
            seen.add("dotted")
        else:
            seen.add("restyled")
    assert seen == {"dotted", "restyled"}


def test_swap_local_keeps_distributed_prefixes_distributed() -> None:
    seen = set()
    for attempt in range(20):
        out = swap_local(_sample(TWO, TWO_TASKS), random.Random(attempt))
        assert out is not None
        units = [u for t in out.gold["tasks"] for r in ("lead", "cooperate", "responsible") for u in t[r]]
        assert all(u.startswith("市") for u in units)
        for u in units:
            # the gold name is in the text with its prefix, or bare after a list separator
            assert u in out.text or re.search("[、，,；]" + re.escape(u[1:]), out.text), (u, out.text)
        seen.update(units)
    assert len(seen) > 6  # the swaps draw from the list of departments, not one fixed pair


def test_prose_clause_keeps_roles() -> None:
    """Labelled annotations become prose with the gold unchanged; under a declaration that 负责 marks
    the lead, the lead is said to 负责 and a list merely responsible keeps its label."""
    seen = set()
    for attempt in range(12):
        out = prose_clauses(_sample(TWO, TWO_TASKS), random.Random(attempt))
        assert out is not None
        assert out.gold["tasks"] == TWO_TASKS
        assert "牵头单位：" not in out.text
        if "“负责”" in out.text:
            assert "责任单位：" in out.text and re.search("市民政局负责", out.text), out.text
            seen.add("declared")
        else:
            assert "责任单位" not in out.text
            seen.add("plain")
    assert seen == {"declared", "plain"}


def test_duty_clause_wraps_the_action_and_reads_负责_alone_as_responsible() -> None:
    """2.完善制度。（牵头单位：A；配合单位：B、C） → 2.A牵头负责完善制度，B、C配合。 (A leads) or
    2.A负责完善制度，B、C配合。 (A responsible, FORMAT.md); a task without a lead keeps its bracket."""
    lead = {"lead": ["市民政局"], "responsible": []}
    responsible = {"lead": [], "responsible": ["市民政局"]}
    seen = []
    for seed in range(40):
        out = duty_clauses(_sample(TWO, TWO_TASKS), random.Random(seed))
        if out is None:
            continue
        line = out.text.split("\n")[3]
        assert out.text.split("\n")[2] == TWO.split("\n")[2]  # (责任单位 alone: no lead to wrap)
        assert line.startswith("2.市民政局") and "完善制度，市司法局、审计局" in line, line
        roles = {k: out.gold["tasks"][1][k] for k in ("lead", "responsible")}
        assert roles == (lead if "牵头" in line else responsible), line
        assert out.gold["tasks"][1]["cooperate"] == ["市司法局", "市审计局"]
        seen.append("牵头" in line)
    assert True in seen and False in seen


def test_a_rewritten_gold_that_drops_a_distributed_prefix_is_refused() -> None:
    base = _sample(TWO, TWO_TASKS).gold
    broken = copy.deepcopy(base)
    broken["tasks"][0]["responsible"] = ["市财政局", "教育局"]
    with pytest.raises(ValueError, match="level prefix"):
        check_gold(broken, base)
    fewer = copy.deepcopy(base)
    fewer["tasks"][1]["cooperate"] = ["市司法局"]
    with pytest.raises(ValueError, match="units became"):
        check_gold(fewer, base)
    check_gold(copy.deepcopy(base), base)
