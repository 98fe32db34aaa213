"""Quantified targets: every gold target of every sample is found (value, unit, due date)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fengong.ingest.model import Target
from fengong.ingest.targets import cn_number, find_targets
from tests.conftest import SAMPLE_GOLD, SAMPLES

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def _gold(sample: Path) -> dict:
    path = SAMPLE_GOLD / f"{sample.name}.json"
    if not path.exists():
        pytest.fail(f"{path} is missing: the shared eval folder must sit beside the repo")
    return json.loads(path.read_text(encoding="utf-8"))


def _year(gold: dict) -> int | None:
    """The document's year: its date, else the first year of its title (as the pipeline does)."""
    if gold.get("date"):
        return int(gold["date"][:4])
    m = re.search(r"(20\d{2})", gold.get("title") or "")
    return int(m.group(1)) if m else None


def _match(found: list[Target], gold: list[dict]) -> tuple[list[dict], list[Target], int]:
    """Pair gold and system targets one to one by value, unit and due date."""
    free = list(found)
    missed: list[dict] = []
    same_status = 0
    for g in gold:
        hit = next(
            (
                t
                for t in free
                if abs(t.value - g["value"]) < 1e-6 and t.unit == g["unit"] and t.due == g["by"]
            ),
            None,
        )
        if hit is None:
            missed.append(g)
            continue
        free.remove(hit)
        same_status += hit.status == g.get("status", "planned")
    return missed, free, same_status


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name[:3])
def test_every_gold_target_is_found(sample: Path) -> None:
    gold = _gold(sample)
    text = sample.read_text(encoding="utf-8")
    found = find_targets(text, _year(gold))
    missed, extra, same_status = _match(found, gold["targets"])
    report = "\n".join(f"  missed {g['value']} {g['unit']} by {g['by']}: {g['text']}" for g in missed)
    assert not missed, f"{sample.name}: {len(missed)} of {len(gold['targets'])} gold targets missed\n{report}"
    # precision: a handful of extra figures at most, never every number of the text
    assert len(extra) <= 2 + len(gold["targets"]) // 10, [(t.value, t.unit, t.text) for t in extra]
    assert same_status >= 0.9 * len(gold["targets"])


def test_offsets_point_at_the_clause() -> None:
    text = "一、总体目标\n到2020年年底，5G基站数量达到1500个，5G用户突破30万户。"
    found = find_targets(text, 2020, base=100)
    assert [(t.value, t.unit, t.due) for t in found] == [
        (1500, "个", "2020-12-31"),
        (300000, "户", "2020-12-31"),
    ]
    for t in found:
        assert text[t.start - 100 : t.end - 100] == t.text
    assert found[0].metric == "5G基站数量"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "到2025年，全市建成5G基站2万个，千兆光网覆盖家庭超过100万户。",
            [(20000, "个", "2025-12-31", "planned"), (1000000, "户", "2025-12-31", "planned")],
        ),
        ("力争到2022年全市转供电基站占比降至20%以内。", [(20, "%", "2022-12-31", "planned")]),
        ("到 2020 年底，全县 5G 基站累计达 100 座。", [(100, "座", "2020-12-31", "planned")]),
        (
            "项目总投资13.1亿元，目前已完成投资1253.5万元，正在新建5G基站2座，年底前完成厂区覆盖。",
            [
                (1310000000, "元", None, "total"),
                (12535000, "元", None, "achieved"),
                (2, "座", "2020-12-31", "in_progress"),
            ],
        ),
        ("截至2020年9月底，全省累计建成5G基站3.2万个。", [(32000, "个", None, "achieved")]),
        ("全市5G用户数达到92万以上。", [(920000, "户", None, "planned")]),
        ("计划10月底开通两个5G基站。", [(2, "个", "2020-10-31", "planned")]),
    ],
)
def test_sentences(sentence: str, expected: list[tuple]) -> None:
    got = [(t.value, t.unit, t.due, t.status) for t in find_targets(sentence, 2020)]
    assert got == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "按照目标电价0.35元/千瓦时执行，超出部分按照5：2：3的比例给予支持。",  # a rate, a ratio
        "每建成一个除省级补助2500元外，再给予2500元补助。",  # a subsidy rate
        "严格落实《工信部关于3000-5000MHz频段的通知》（工信部无〔2019〕136号）。",  # document numbers
        "明确了网络建设、融合应用等3个方面9项重点任务。",  # counts of a plan's parts
        "2020年-2022年，对参与市场交易后的5G基站给予支持。",  # a period, 5G
        "引一个项目，聚一批人才，兴一方产业。",  # 一 as an article
    ],
)
def test_numbers_that_are_not_targets(sentence: str) -> None:
    assert find_targets(sentence, 2020) == []


def test_chinese_numerals() -> None:
    assert [cn_number(s) for s in ("两千五百", "十二", "一百零五", "三万", "九")] == [2500, 12, 105, 30000, 9]
    assert cn_number("十三五规划") is None


_ALPHABET = (
    "到年月底前已正在计划总投资个户万亿元%（）()，。；：\n 0123456789.一二两十百千第每/5G基站用户市县局"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=200), st.one_of(st.none(), st.integers(1990, 2100)))
def test_arbitrary_text_never_crashes(text: str, year: int | None) -> None:
    for t in find_targets(text, year, base=7):
        assert 7 <= t.start <= t.end <= len(text) + 7
        assert t.unit and t.metric
