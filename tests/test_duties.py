"""Unit duty statements of a 成员单位职责 section."""

from __future__ import annotations

from fengong.ingest.duties import find_duties
from tests.conftest import SAMPLES


def _sample(prefix: str) -> str:
    return next(SAMPLES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_duty_section_of_a_county_plan() -> None:
    text = _sample("004")
    duties = find_duties(text)
    assert len(duties) >= 15
    by_unit = {unit: duty for unit, duty, _, _ in duties}
    assert by_unit["县教育局"].startswith("协调落实")
    assert by_unit["各基础电信运营企业"].startswith("承担")
    assert "\n" not in by_unit["县工业和信息化局"] and by_unit["县工业和信息化局"].endswith("建设进度。")
    for unit, _, start, end in duties:
        assert text[start : start + len(unit)] == unit
        assert start < end


def test_documents_without_duty_sections_have_no_duties() -> None:
    for prefix in ("000", "001", "002", "003"):
        assert find_duties(_sample(prefix)) == []


def test_numbered_statements_and_section_end() -> None:
    text = (
        "附件2\n成员单位职责\n1. 县教育局：负责学校资源开放。\n（二）县财政局负责落实资金，\n\n保障经费。\n"
        "县公安局要严厉打击破坏行为。\n三、其他事项\n县卫健委要做好医疗工作。\n"
    )
    assert [(u, d) for u, d, _, _ in find_duties(text)] == [
        ("县教育局", "学校资源开放。"),
        ("县财政局", "落实资金，保障经费。"),
        ("县公安局", "要严厉打击破坏行为。"),
    ]


def test_annotations_are_not_duties() -> None:
    text = (
        "2.推动公共资源开放共享。各类公共建筑向5G基站建设免费开放。（市机关事务管理局、市城市管理局负责）\n"
    )
    assert find_duties(text) == []
