"""People and groups: every gold person of every sample is found with name, position and role."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fengong.ingest.duties import find_duties
from fengong.ingest.roster import find_roster, position_unit
from tests.conftest import SAMPLE_GOLD, SAMPLES

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def _gold(sample: Path) -> dict:
    path = SAMPLE_GOLD / f"{sample.name}.json"
    if not path.exists():
        pytest.fail(f"{path} is missing: eval/gold holds the gold of every sample")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name[:3])
def test_every_gold_person_is_found(sample: Path) -> None:
    gold = _gold(sample)
    people, _ = find_roster(sample.read_text(encoding="utf-8"), gold["jurisdiction"]["name"])
    got = {(p.name, p.position, p.role or None, p.group or None) for p in people}
    missed = [
        g for g in gold.get("people") or [] if (g["name"], g["position"], g["role"], g["group"]) not in got
    ]
    assert not missed, f"{sample.name}: missed {missed}"
    gold_names = {g["name"] for g in gold.get("people") or []}
    assert {p.name for p in people} <= gold_names  # nobody invented


@pytest.mark.parametrize(
    ("sample_prefix", "group", "office_at"),
    [
        ("000", "三门峡市加快5G网络建设和产业发展工作领导小组", "市工业和信息化局"),
        ("003", "聊城市5G建设推进工作专班", "市工业和信息化局"),
        ("004", "泽州县5G产业发展工作领导小组", "县工业和信息化局"),
        ("002", "岳阳市加快5G产业发展专项工作推进组", None),
    ],
)
def test_groups_and_offices(sample_prefix: str, group: str, office_at: str | None) -> None:
    sample = next(p for p in SAMPLE_FILES if p.name.startswith(sample_prefix))
    _, groups = find_roster(sample.read_text(encoding="utf-8"), _gold(sample)["jurisdiction"]["name"])
    by_name = {g.name: g for g in groups}
    assert group in by_name, [g.name for g in groups]
    assert by_name[group].office_at == office_at


def test_split_artefacts_are_repaired() -> None:
    text = (
        "某某县数字经济工作领导小组成员名单\n"
        "组  长：洪大明 副县长\n"
        "成  员：高峰县 生态环境局局长\n"
        "张 团 县能源局副局长\n"
        "张学光 中国移动通信集团某某县分公司\n"
        "经理\n"
        "\n"
        "一、领导小组职责\n"
    )
    people, groups = find_roster(text, "某某县")
    assert [(p.name, p.position, p.role) for p in people] == [
        ("洪大明", "副县长", "组长"),
        ("高峰", "县生态环境局局长", "成员"),
        ("张团", "县能源局副局长", "成员"),
        ("张学光", "中国移动通信集团某某县分公司经理", "成员"),
    ]
    assert {p.group for p in people} == {"某某县数字经济工作领导小组"}
    assert [g.name for g in groups] == ["某某县数字经济工作领导小组"]


def test_prose_and_office_roles() -> None:
    text = (
        "成立由副市长王大力任组长，市委常委、常务副市长李明，市政府秘书长赵刚任副组长的"
        "某市数字经济发展领导小组。领导小组办公室设在市发展和改革委员会，办公室主任由赵刚同志兼任。"
    )
    people, groups = find_roster(text)
    assert [(p.name, p.position, p.role) for p in people] == [
        ("王大力", "副市长", "组长"),
        ("李明", "市委常委、常务副市长", "副组长"),
        ("赵刚", "市政府秘书长", "副组长"),
        ("赵刚", "市政府秘书长", "办公室主任"),
    ]
    assert people[-1].group == "某市数字经济发展领导小组办公室"
    assert groups[0].office_at == "市发展和改革委员会"


@pytest.mark.parametrize(
    ("position", "unit"),
    [
        ("县工业和信息化局副局长", "县工业和信息化局"),
        ("县能源局副局长科员", "县能源局"),
        ("市生态环境局泽州分局副局长", "市生态环境局泽州分局"),
        ("县农业综合执法大队大队长", "县农业综合执法大队"),
        ("市政府副秘书长", "市政府"),
        ("市工业和信息化局副局长（主持工作）", "市工业和信息化局"),
        ("副县长", None),
        ("市委常委、常务副市长", None),
    ],
)
def test_position_unit(position: str, unit: str | None) -> None:
    assert position_unit(position) == unit


_ALPHABET = (
    "组长副成员：:\t 　\n由任的领导小组工作专班办公室设在主任兼任同志市县局王张李高峰秘书长副市长、，。（）"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=200))
def test_arbitrary_text_never_crashes(text: str) -> None:
    people, groups = find_roster(text, "某某县")
    assert all(p.name and p.role is not None for p in people)
    assert all(g.name for g in groups)
    for unit, duty, start, end in find_duties(text):
        assert text[start : start + len(unit)] == unit and duty and end <= len(text)
