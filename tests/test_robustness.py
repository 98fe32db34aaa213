"""Bad input never crashes the extractor: random text, random bytes, huge lines, empty tables."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fengong.ingest.errors import DocumentError
from fengong.ingest.outline import segment, split_lines
from fengong.ingest.pipeline import extract_text
from fengong.ingest.reading import decode_bytes
from fengong.ingest.units import parse_list

# Text drawn from the characters that matter to the parsers, plus anything else.
NOTATION = (
    "一二三四五六七八九十（）()〔〕【】、，,；;：:。\t\n 市县区局委办公司各等牵头配合责任单位负责月底前年0123456789"
    "州师主责协同会同于在指导下逗号前为进展情况完成状态｜"
    "√及责任人“”指分局港管委会岛进度%已推进未启动待明确26"
    "任务名称督查室承协办结期〔〕第滞后"
    "季度全年附件时限表具体实施参加★标注绿红"
    "●◐○✓✗是否原定所称指汛期本项由第一个科室督办事项序时超"
    "项其中总分号—ABCD实际工作时段编号司院学集团-支持配合企业"
    "条注明或者为牵头司局备注正常暂缓100以下简称预警灯★A办公厅"
    "有效期全称是否滞后攻坚行动督办事项按时完成评价"
    "▲◐○和平办理结果号关于建议负责“”新增个"
)
doc_text = st.text(alphabet=st.sampled_from(NOTATION), max_size=400) | st.text(max_size=200)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc_text)
def test_extract_never_crashes(text: str) -> None:
    doc = extract_text(text, "fuzz.txt")
    for task in doc.tasks:
        for a in task.assignments:
            assert a.unit_id in doc.units


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_decoding_either_reads_or_says_why(data: bytes) -> None:
    try:
        text = decode_bytes(data, "fuzz.bin")
    except DocumentError as exc:
        assert "fuzz.bin" in str(exc)
    else:
        assert isinstance(text, str) and text.strip()


@settings(max_examples=300, deadline=None)
@given(doc_text)
def test_segmentation_and_unit_lists_never_crash(text: str) -> None:
    segment(split_lines(text))
    for m in parse_list(text):
        assert m.local


def test_huge_single_line() -> None:
    text = "（责任单位：市财政局、" + "市工业和信息化局、" * 20000 + "市公安局）"
    doc = extract_text("一、标题\n1.任务。" + text, "huge.txt")
    assert len(doc.tasks) == 1


def test_empty_table_and_header_only() -> None:
    doc = extract_text("序号\t重点任务\t牵头单位\t配合单位\n\n\n正文。", "empty-table.txt")
    assert doc.tasks == []


def test_table_with_missing_cells_and_garbage_rows() -> None:
    text = "序号\t任务内容\t完成时限\t牵头单位\n1\t\t\t\n2\t做某事。\n\t\t\t\t\t\t\nx\ty\n"
    doc = extract_text(text, "broken.txt")
    assert all(t.title for t in doc.tasks)


def test_repeated_marks_of_the_newer_readers() -> None:
    """Lines built to make the newer readers work hard (marked lines, bracketed titles, a named lead
    after a clause, a guiding body, a with-list after the lead, a place written short many times)
    still give tasks whose units exist."""
    text = (
        "海西州人民政府办公室关于印发方案的通知\n" + "州" * 20000 + "\n一、重点任务\n"
        "1. 任务一。\n" + "、".join(["市商务局（主责）"] * 300) + "\n"
        "【" + "推进" * 30 + "】牵头单位：市商务局；进展情况：" + "进展" * 500 + "；完成状态：进行中\n"
        "2. 任务二。" + "市A局、" * 200 + "市B局按职责分工负责（市A局牵头）。\n"
        "3. 任务三。"
        + "在州农业农村局指导下，" * 50
        + "市农业农村局牵头，会同"
        + "市财政局、" * 200
        + "市商务局，于2028年4月30日前完成。\n"
    )
    doc = extract_text(text, "repeated.txt")
    assert doc.tasks
    for task in doc.tasks:
        for a in task.assignments:
            assert a.unit_id in doc.units
