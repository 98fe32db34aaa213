"""Deadline kinds, the year from the document, and impossible dates."""

from __future__ import annotations

import pytest

from fengong.ingest.deadlines import find_deadlines, parse_deadline_cell


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        ("2020年10月底前完成规划", "by", "2020-10-31"),
        ("7月底前建立工作推进机制", "by", "2021-07-31"),
        ("力争到2022年全市转供电基站占比降至20%以内", "by", "2022-12-31"),
        ("到2023年底，建成", "by", "2023-12-31"),
        ("年底前实现全覆盖", "by", "2021-12-31"),
        ("2月29日前完成", "by", "2021-02-28"),
        ("每年3月初公布清单", "recurring", None),
        ("按季度开展监督检查", "recurring", None),
        ("建立月调度机制", "recurring", None),
        ("2020年-2022年执行目标电价", "period", None),
        ("持续推进", "ongoing", None),
        ("长期坚持", "ongoing", None),
    ],
)
def test_kinds_and_dates(text: str, kind: str, date: str | None) -> None:
    found = find_deadlines(text, 2021)
    assert found, text
    assert (found[0].deadline.kind, found[0].deadline.date) == (kind, date)


def test_impossible_date_is_repaired_with_a_warning() -> None:
    found = parse_deadline_cell("2020 年 6 月 31 日前", None)
    assert found is not None
    assert found.deadline.date == "2020-06-30"
    assert found.deadline.text == "2020年6月31日前"
    assert found.warning and "6月31日" in found.warning


def test_quoted_titles_and_bare_years_are_not_deadlines() -> None:
    assert find_deadlines("贯彻《行动计划(2020—2022年)》精神，2019年以来成效明显", 2020) == []


def test_month_without_year_and_no_document_year() -> None:
    found = find_deadlines("9月底前完成", None)
    assert found[0].deadline.kind == "by" and found[0].deadline.date is None
