"""Deadline kinds and dates: a table of phrases in many forms (tests/data/deadline_cases.tsv), the
gold deadlines of the evaluation documents, phrases that are not deadlines, cells, and the
vocabulary's quick checks."""

from __future__ import annotations

import csv
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fengong.ingest.deadlines import deadline_clause, find_deadlines, may_hold_deadline, parse_deadline_cell
from fengong.ingest.vocab import load_yaml

ROOT = Path(__file__).resolve().parent
CASES = ROOT / "data" / "deadline_cases.tsv"
GOLD_DIRS = [ROOT / "data" / "gold", ROOT.parent.parent / "shared" / "eval" / "gold-extra"]


def _cases() -> list[tuple[str, int | None, str, str | None]]:
    lines = [ln for ln in CASES.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    rows = []
    for text, year, kind, date in csv.reader(lines, delimiter="\t"):
        rows.append((text, None if year == "-" else int(year), kind, None if date == "-" else date))
    return rows


def test_the_case_table_is_large_and_covers_every_kind() -> None:
    cases = _cases()
    assert len(cases) >= 80
    assert {kind for _, _, kind, _ in cases} == {"by", "period", "recurring", "ongoing"}


@pytest.mark.parametrize(("text", "year", "kind", "date"), _cases())
def test_case_table(text: str, year: int | None, kind: str, date: str | None) -> None:
    found = find_deadlines(text, year)
    assert found, text
    assert (found[0].deadline.kind, found[0].deadline.date) == (kind, date)


def _gold_deadlines() -> list[tuple[str, str, int | None, dict[str, str | None]]]:
    """(document, deadline text, document year, gold deadline) for every gold task with one."""
    rows = []
    for folder in GOLD_DIRS:
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            gold = json.loads(path.read_text(encoding="utf-8"))
            dated = [
                t["deadline"]["date"] for t in gold["tasks"] if t.get("deadline") and t["deadline"]["date"]
            ]
            year = int(gold["date"][:4]) if gold.get("date") else (int(dated[0][:4]) if dated else None)
            for t in gold["tasks"]:
                if t.get("deadline"):
                    rows.append((gold["document"], t["deadline"]["text"], year, t["deadline"]))
    return rows


@pytest.mark.parametrize(("document", "text", "year", "gold"), _gold_deadlines())
def test_gold_deadline_phrases_read_as_the_gold(
    document: str, text: str, year: int | None, gold: dict[str, str | None]
) -> None:
    found = parse_deadline_cell(text, year)
    assert found is not None, (document, text)
    assert (found.deadline.kind, found.deadline.date) == (gold["kind"], gold["date"]), (document, text)


@pytest.mark.parametrize(
    "text",
    [
        "贯彻《行动计划(2020—2022年)》精神，2019年以来成效明显",
        "全年粮食播种面积稳定在58万亩以上",
        "推动营商环境持续优化",
        "逐年提高补助标准",
        "实施三年行动计划",
        "近三年来查处20起案件",
        "新建居住区要按照每百户不低于20平方米配建",
        "2025年全省完成农村供水工程建设投资",
        "近三年内新建的项目",
        "按年龄段分类施策",
        "按季节特点开展",
        "审批时限压缩至5个工作日以内",
        "办理时限控制在3个工作日内",
        "2025年是“十四五”规划收官之年",
    ],
)
def test_phrases_that_are_not_deadlines(text: str) -> None:
    assert find_deadlines(text, 2025) == [], text


def test_a_span_is_not_read_as_this_year() -> None:
    found = find_deadlines("三年内完成全县农村问题户厕排查整改", 2025)
    assert [(f.deadline.text, f.deadline.kind) for f in found] == [("三年内", "period")]


def test_a_window_is_one_period_not_two_dates() -> None:
    found = find_deadlines("2022年1月1日至12月31日开展专项整治", 2022)
    assert [(f.deadline.text, f.deadline.kind) for f in found] == [("2022年1月1日至12月31日", "period")]


def test_a_span_from_the_document_date_keeps_its_start_in_the_text() -> None:
    found = find_deadlines("各地自本通知印发之日起30日内报送", 2025)
    assert found[0].deadline.text == "自本通知印发之日起30日内"
    assert found[0].deadline.kind == "period"


def test_main_deadline_first_then_the_others_in_reading_order() -> None:
    # Milestones inside a task: the task is done by the last one.
    found = find_deadlines("持续推进改造，9月底前完成一批，年底前全部完成", 2024)
    assert [f.deadline.text for f in found] == ["年底前", "持续推进", "9月底前"]
    assert [f.deadline.date for f in found] == ["2024-12-31", None, "2024-09-30"]
    found = find_deadlines("确保一期明年7月份建成，并实现明年年底满园运营", 2022)
    assert found[0].deadline.text == "明年年底" and found[0].deadline.date == "2023-12-31"


def test_a_deadline_opening_the_text_governs_it() -> None:
    # A heading led by its date (progress reports: "9月底前实现…，年底前实现…").
    found = find_deadlines("9月底前实现所有城市5G商用，年底前实现县城全覆盖", 2020)
    assert [f.deadline.text for f in found] == ["9月底前", "年底前"]


def test_a_start_before_a_schedule_is_one_recurring_deadline() -> None:
    found = find_deadlines("2025年起每年培训家庭照护者", 2025)
    assert [(f.deadline.text, f.deadline.kind) for f in found] == [("2025年起每年", "recurring")]


def test_offsets_point_at_the_words() -> None:
    text = "加快建设，力争到2022年全市基站占比降至20%以内"
    d = find_deadlines(text, 2020)[0].deadline
    assert d.start is not None and d.end is not None
    assert text[d.start : d.end] == d.text == "到2022年"


def test_impossible_date_is_repaired_with_a_warning() -> None:
    found = parse_deadline_cell("2020 年 6 月 31 日前", None)
    assert found is not None
    assert found.deadline.date == "2020-06-30"
    assert found.deadline.text == "2020年6月31日前"
    assert found.warning and "6月31日" in found.warning


@pytest.mark.parametrize(
    ("cell", "kind", "date"),
    [
        ("2021.6.30", "by", "2021-06-30"),
        ("2021年", "by", "2021-12-31"),
        ("长期", "ongoing", None),
        ("持续推进", "ongoing", None),
        ("每季度", "recurring", None),
        ("2025年起持续推进", "ongoing", None),
        ("2025年底前完成，长期坚持", "by", "2025-12-31"),
    ],
)
def test_table_cells(cell: str, kind: str, date: str | None) -> None:
    found = parse_deadline_cell(cell, 2025)
    assert found is not None
    assert (found.deadline.kind, found.deadline.date, found.deadline.text) == (
        kind,
        date,
        cell.replace(" ", ""),
    )


def test_month_without_year_and_no_document_year() -> None:
    found = find_deadlines("9月底前完成", None)
    assert found[0].deadline.kind == "by" and found[0].deadline.date is None


def test_every_vocabulary_word_is_matched_where_it_belongs() -> None:
    """A word added to the data file is found: the quick checks are built from the same lists."""
    data = load_yaml("deadlines.yaml")
    for word in data["ongoing_phrases"]:
        found = find_deadlines(f"相关工作{word}", 2025)
        assert [f.deadline.kind for f in found] == ["ongoing"], word
    for word in data["recurring_phrases"]:
        assert find_deadlines(f"建立{word}机制", 2025)[0].deadline.kind == "recurring", word
    for every in data["every_words"]:
        for interval in data["intervals"]:
            assert find_deadlines(f"{every}{interval}开展", 2025)[0].deadline.kind == "recurring", (
                every + interval
            )
    for unit in data["span_units"]:
        for within in data["span_within"]:
            phrase = f"3{unit}{within}"
            assert find_deadlines(f"确保{phrase}完成", 2025)[0].deadline.kind == "period", phrase
    for part, end in data["relative_parts"].items():
        found = find_deadlines(f"今年{part}完成", 2025)
        assert found[0].deadline.date == f"2025-{end}", part
    for text in [*data["ongoing_phrases"], *data["recurring_phrases"], "3个月内", "2025年底前"]:
        assert may_hold_deadline(text), text
    assert not may_hold_deadline("加强组织领导")


_ALPHABET = "0123456789２０一二两三四五六七八九十〇年月日号季度第每按起至到—-~自从前底末内上下半旬初个周天用时间持续推进长期常态化十四五期间印发之后，。《》（） "


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40), st.sampled_from([None, 2020, 2025]))
def test_any_text_reads_without_error_and_offsets_name_the_words(text: str, year: int | None) -> None:
    found = find_deadlines(text, year)
    spans = []
    for f in found:
        d = f.deadline
        assert d.start is not None and d.end is not None
        assert (
            "".join(
                text[d.start : d.end].translate(str.maketrans("０１２３４５６７８９", "0123456789")).split()
            )
            == d.text
        )
        assert d.kind in ("by", "period", "recurring", "ongoing")
        assert (d.date is None) or d.kind == "by"
        spans.append((d.start, d.end))
    spans.sort()
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert (
        not found or found[0].deadline.kind != "ongoing" or all(f.deadline.kind == "ongoing" for f in found)
    )
    parse_deadline_cell(text, year)


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("2024年12月底前完成", "by"),
        ("持续推进", "ongoing"),
        ("自2025年起实施", "ongoing"),
        ("长期坚持", "ongoing"),
        ("每季度开展", "recurring"),
        ("三年内完成", "period"),
        ("2025年底前基本完成，2027年底前全面完成", "by"),
        ("长期", "ongoing"),
        ("2021.6.30", "by"),
    ],
)
def test_a_clause_that_is_only_a_deadline(clause: str, kind: str) -> None:
    found = deadline_clause(clause, 2024)
    assert found is not None and found.deadline.kind == kind


@pytest.mark.parametrize(
    "clause",
    [
        "工业和信息化部牵头",
        "国家发展改革委、财政部按职责分工负责",
        "各省级人民政府2024年底前完成",
        "长期性问题",
    ],
)
def test_a_clause_with_more_than_a_deadline_is_not_one(clause: str) -> None:
    assert deadline_clause(clause, 2024) is None


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("各责任单位认真落实，截至6月底，已完成3项，基本完成1项。", None),  # the date a report counts to
        ("截至9月底，全市累计建成基站1200个。", None),
        ("截至2025年底完成全部改造。", "2025-12-31"),  # a deadline
        ("截至2025年底，建成基站1000个。", "2025-12-31"),  # a target's date, nothing already done
    ],
)
def test_a_report_s_as_of_date_is_no_deadline(text: str, deadline: str | None) -> None:
    found = find_deadlines(text, 2025)
    assert (found[0].deadline.date if found else None) == deadline


def test_a_month_alone_is_a_deadline_only_after_its_label_or_in_its_cell() -> None:
    assert find_deadlines("4月召开推进会，部署全年工作", 2026) == []
    assert find_deadlines("完成时限：4月", None) == []  # no year to place it in
    found = parse_deadline_cell("10月份", 2026)
    assert found is not None and (found.deadline.kind, found.deadline.date) == ("by", "2026-10-31")


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("2028年4月—6月", "2028-06-30"),
        ("2028年10月1日—12月31日", "2028-12-31"),
        ("2027年12月—2028年2月", "2028-02-29"),
        ("2021—2023年", "2023-12-31"),
        ("2024年3—6月", "2024-06-30"),
        ("即日起至2025年底", "2025-12-31"),
        # a window without a year comes round every year (汛期): no day its work is due by
        ("汛期（5月1日至9月30日）", None),
        ("5月—8月", None),
    ],
)
def test_a_dated_window_s_last_day_is_when_its_work_is_due(text: str, until: str | None) -> None:
    """A period keeps ``date`` null (the gold format's), and ``until`` is its last day when a year is
    written: the overdue and due questions take it as the day the work is due by."""
    (found, *_) = find_deadlines(text, 2028)
    assert (found.deadline.kind, found.deadline.date, found.deadline.until) == ("period", None, until)


def test_a_quarter_after_a_prefixed_year_is_the_quarter() -> None:
    """于2028年三季度完成 is due by the quarter's end, not the year's (a bare year after 于 gives way to
    the quarter written after it); 于2028年完成 is still the year."""
    from fengong.ingest.deadlines import find_deadlines

    assert [
        (f.deadline.text, f.deadline.date) for f in find_deadlines("本项任务于2028年三季度完成。", 2028)
    ] == [("2028年三季度", "2028-09-30")]
    assert [f.deadline.date for f in find_deadlines("于2028年第三季度完成", 2028)] == ["2028-09-30"]
    assert [f.deadline.date for f in find_deadlines("于2028年完成", 2028)] == ["2028-12-31"]
