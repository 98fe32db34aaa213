"""The state a progress report gives each task (（已完成） closing its title): read from the words
of ``ingest/data/status.yaml`` in any bracket, kept in the graph, and used by the overdue answer,
which leaves out what the report calls done."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fengong.ingest.export_jsonl import task_lines
from fengong.ingest.pipeline import extract_path
from fengong.ingest.status import STATES, opening_status, split_status, state_of
from fengong.ingest.vocab import load_yaml
from fengong.queries.ask import answer
from tests.store_fixtures import make_store

REPORT = Path(__file__).resolve().parent / "data" / "progress" / "yichang_rural_roads_report.txt"


def test_every_state_word_closes_a_title_in_any_bracket() -> None:
    words = load_yaml("status.yaml")
    assert set(words) == set(STATES)
    for state, listed in words.items():
        for word in listed:
            for opening, closing in (
                ("（", "）"),
                ("(", ")"),
                ("（ ", " ）"),
                ("(", "）"),
                ("【", "】"),
                ("〔", "〕"),
            ):
                title = f"9月底前完成县乡道安防工程{opening}{word}{closing}"
                assert split_status(title) == ("9月底前完成县乡道安防工程", word), title
                assert split_status(title + " ") == ("9月底前完成县乡道安防工程", word)
            assert state_of(word) == state


@pytest.mark.parametrize(
    "title",
    [
        "修订农村公路养护管理办法（试行）",  # a parenthesis of the title itself
        "完成改造（已完成部分）后的验收",  # not closing the title
        "（已完成）",  # nothing but the state: left as it is
        "推进已完成项目的审计",
    ],
)
def test_other_parentheses_stay_in_the_title(title: str) -> None:
    assert split_status(title) == (title, None)


def test_the_report_s_states_are_read_and_exported() -> None:
    doc = extract_path(REPORT)
    states = {t.title: t.status for t in doc.tasks}
    assert states == {
        "3月底前完成年度建设计划下达": "已完成",
        "6月底前完成农村公路危桥改造30座": "滞后",
        "9月底前完成县乡道安防工程200公里": "正在推进",
        "12月底前完成农村公路养护示范路创建（试行）": None,
    }
    assert all(t.path[-1] == t.title for t in doc.tasks)
    lines = {line["title"]: line.get("status") for line in task_lines(doc)}
    assert lines == states


@pytest.mark.parametrize("kind", ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def test_overdue_leaves_out_what_the_report_calls_done(kind: str, tmp_path: Path) -> None:
    store = make_store(kind, tmp_path)
    try:
        store.load_documents([extract_path(REPORT)])
        found = answer(store, "宜昌市哪些任务已经逾期", today=dt.date(2025, 1, 1))
        assert "a progress report calls done are left out" in found.interpretation.understood_as
        rows = {(r["task"], r["status"]) for r in found.rows}
        assert rows == {
            ("6月底前完成农村公路危桥改造30座", "滞后"),
            ("9月底前完成县乡道安防工程200公里", "正在推进"),
            ("12月底前完成农村公路养护示范路创建（试行）", ""),
        }
        states = store.run("MATCH (t:Task) RETURN t.status AS state, t.status_text AS word ORDER BY word")
        assert {(r["state"], r["word"]) for r in states} == {
            (None, None),
            ("done", "已完成"),
            ("behind", "滞后"),
            ("in progress", "正在推进"),
        }
    finally:
        store.close()


def test_a_store_built_before_the_states_says_to_load_again(tmp_path: Path) -> None:
    """An embedded store whose Task table lacks the state (built by an older fengong) refuses the
    overdue question with what to do, not only the engine's binder message."""
    from fengong.graph.store import StoreError

    store = make_store("embedded", tmp_path)
    try:
        store.load_documents([extract_path(REPORT)])
        store.run("ALTER TABLE Task DROP status", read_only=False)
        with pytest.raises(
            StoreError, match=r"built before the property 'status' existed: load the documents again"
        ):
            answer(store, "宜昌市哪些任务已经逾期", today=dt.date(2025, 1, 1))
    finally:
        store.close()


@pytest.mark.parametrize("kind", ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def test_questions_about_a_report_s_states(kind: str, tmp_path: Path) -> None:
    """滞后 / completed / 正在推进 in a question ask for the tasks the report gives that state (in
    Chinese or English); 到期未完成 still asks what is overdue."""
    store = make_store(kind, tmp_path)
    try:
        store.load_documents([extract_path(REPORT)])
        expected = {
            "宜昌市哪些任务进度滞后": ("behind", {"6月底前完成农村公路危桥改造30座"}),
            "which tasks are completed in Yichang": ("done", {"3月底前完成年度建设计划下达"}),
            "哪些任务正在推进": ("in progress", {"9月底前完成县乡道安防工程200公里"}),
        }
        for question, (state, tasks) in expected.items():
            found = answer(store, question, today=dt.date(2025, 1, 1))
            assert found.interpretation.query == "tasks_by_status", question
            assert found.interpretation.params["status"] == state, question
            assert {r["task"] for r in found.rows} == tasks, question
        overdue = answer(store, "哪些任务到期未完成", today=dt.date(2025, 1, 1))
        assert overdue.interpretation.query == "tasks_overdue"
    finally:
        store.close()


def test_the_progress_paragraph_is_read_on_its_label_s_line_or_below() -> None:
    """ "进展情况：已完成…" (the words on the label's own line, indented or not) and "落实情况：" on a
    line of its own with the words below both give the task's progress."""
    from fengong.ingest.pipeline import extract_text

    doc = extract_path(REPORT)
    progress = {t.title: t.progress for t in doc.tasks}
    assert progress["6月底前完成农村公路危桥改造30座"] == "已完成危桥改造21座，滞后原因：汛期施工受阻。"
    below = extract_text(
        "宜昌市交通运输局关于2024年农村公路建设工作进展情况的报告\n\n市人民政府：\n"
        "一、9月底前建成农村公路管理平台（牵头单位：市交通运输局）\n落实情况：\n平台已完成招标，正在开发。\n",
        "report.txt",
    )
    assert [(t.title, t.progress) for t in below.tasks] == [
        ("9月底前建成农村公路管理平台", "平台已完成招标，正在开发。")
    ]


@pytest.mark.parametrize("kind", ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def test_questions_about_a_report_s_progress(kind: str, tmp_path: Path) -> None:
    """进展如何 / 完成情况 / what progress …: what the reports say of their tasks, with the state,
    kept to the place, unit or topic the question names."""
    store = make_store(kind, tmp_path)
    every = {
        "3月底前完成年度建设计划下达",
        "6月底前完成农村公路危桥改造30座",
        "9月底前完成县乡道安防工程200公里",
        "12月底前完成农村公路养护示范路创建（试行）",
    }
    try:
        store.load_documents([extract_path(REPORT)])
        expected = {
            "what progress has Yichang reported": every,
            # the bureau is assigned three of the four (the fourth is the road centre's)
            "宜昌市交通运输局的任务完成情况": every
            - {"12月底前完成农村公路养护示范路创建（试行）", "9月底前完成县乡道安防工程200公里"},
        }
        for question, tasks in expected.items():
            found = answer(store, question, today=dt.date(2025, 1, 1))
            assert found.interpretation.query == "task_progress", question
            rows = {r["task"]: (r["status"], r["progress"]) for r in found.rows}
            assert set(rows) == tasks, question
            assert rows["6月底前完成农村公路危桥改造30座"] == (
                "滞后",
                "已完成危桥改造21座，滞后原因：汛期施工受阻。",
            )
            assert any(e.sentence.startswith("已完成危桥改造21座") for e in found.evidence), question
        plain = answer(store, "what progress has Yichang reported", today=dt.date(2025, 1, 1))
        # a task whose title gives no state still has what the report says of it
        assert ("", "已确定示范路线12条。") in {(r["status"], r["progress"]) for r in plain.rows}
    finally:
        store.close()


@pytest.mark.parametrize(
    ("progress", "word"),
    [
        ("已完成。6月中旬已向412家企业兑现资助资金。", "已完成"),
        ("滞后。原计划8月底前认定2家，目前仅认定1家。", "滞后"),
        ("正在推进，已组织成果对接活动8场。", "正在推进"),
        ("（滞后）受设计方案调整影响，尚未完工。", "滞后"),
        ("已完成", "已完成"),
        ("完成了第一批申报辅导，评审结果11月公布。", None),  # says more than a state
        ("推进中遇到用地困难。", None),
        ("", None),
    ],
)
def test_a_progress_paragraph_opening_with_a_state_word_gives_the_state(
    progress: str, word: str | None
) -> None:
    assert opening_status(progress) == word


def test_a_report_whose_paragraphs_open_with_the_state() -> None:
    """进展情况：滞后。… under each task (no state in the title): the tasks get the paragraph's state."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "某区科技创新局关于2024年重点工作任务进展情况的报告\n\n二、各项任务进展情况\n"
        "（一）建设概念验证中心。\n责任单位：区科技创新局（牵头）、区财政局\n完成时限：2024年8月底前\n"
        "进展情况：滞后。原计划认定2家，目前仅认定1家。\n"
        "（二）实施研发投入激励计划。\n责任单位：区科技创新局（牵头）\n完成时限：2024年6月底前\n"
        "进展情况：已完成。已兑现资助资金3.6亿元。\n"
    )
    doc = extract_text(text, "report.txt")
    assert {t.title: (t.status, state_of(t.status)) for t in doc.tasks} == {
        "建设概念验证中心": ("滞后", "behind"),
        "实施研发投入激励计划": ("已完成", "done"),
    }


def test_a_state_written_inside_the_task_s_paragraph() -> None:
    """…计划6月底前完成。完成情况：滞后。… on the task's own line: the label inside the paragraph."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "某区关于2025年上半年重点任务推进情况的通报\n\n二、各项任务完成情况\n\n"
        "（一）推进服务站规范化建设。由区退役军人事务局牵头，会同各街道办事处实施，计划2025年6月底前完成。"
        "完成情况：已完成。服务站均已达标。\n\n"
        "（二）推进纪念设施修缮。由区退役军人事务局牵头，会同区财政局实施，计划2025年6月底前完成。"
        "完成情况：滞后。受设计调整影响尚未完工。\n"
    )
    doc = extract_text(text, "report.txt")
    assert [(t.title, t.status) for t in doc.tasks] == [
        ("推进服务站规范化建设", "已完成"),
        ("推进纪念设施修缮", "滞后"),
    ]
    assert doc.tasks[1].progress == "滞后。受设计调整影响尚未完工。"


def test_a_state_on_a_completion_line_of_its_own() -> None:
    """完成情况：正常推进 on its own line gives the state; a sentence after the label gives none."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "某街道重点任务推进情况通报\n\n一、重点任务推进情况\n\n"
        "1．建立联席会议制度。\n责任部门：街道平安办（主责）、街道党建办\n完成时限：2026年3月底前\n"
        "完成情况：正常推进\n\n"
        "2．建设示范社区。\n责任部门：街道平安办\n完成时限：2026年9月底前\n完成情况：已完成主体工程建设\n"
    )
    assert [(t.title, t.status) for t in extract_text(text, "report.txt").tasks] == [
        ("建立联席会议制度", "正常推进"),
        ("建设示范社区", None),
    ]


def test_a_state_in_brackets_after_the_title_s_full_stop() -> None:
    """1．建立快速响应机制。（已完成）: the report closes the first sentence with the state."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "某县重点任务落实情况的通报\n\n二、各项任务进展情况\n\n"
        "1．建立快速响应机制。（已完成）\n责任单位：县经信局、县数据资源局\n完成时限：2026年6月底前\n\n"
        "2．开展账款清理。（进度滞后）\n责任单位：县经信局\n完成时限：2026年12月底前\n"
    )
    assert [(t.title, t.status) for t in extract_text(text, "report.txt").tasks] == [
        ("建立快速响应机制", "已完成"),
        ("开展账款清理", "进度滞后"),
    ]


def test_a_report_table_s_state_column_and_the_note_under_it() -> None:
    """A report table's 进展情况 column is the task's progress and its 状态 column its state; the
    note under the table (注：…排在第一位的为牵头单位) ends the last row instead of joining its cell."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "广州市天河区稳就业工作领导小组办公室关于2025年稳就业重点任务进展情况的通报\n\n二、重点任务进展情况\n\n"
        "序号\t重点任务\t责任单位\t完成时限\t进展情况\t状态\n"
        "1\t发展零工市场。建成区级零工市场。\t区人社局、区市场监管局\t2025年7月底前\t选址已确定，未能按期建成。\t未完成\n"
        "2\t加强就业形势监测分析。完善监测。\t区人社局、区统计局\t2025年3月底前\t已完成样本调整。\t已完成\n"
        "注：责任单位中排在第一位的为牵头单位。\n"
    )
    doc = extract_text(text, "report.txt")
    assert [(t.title, t.status, state_of(t.status)) for t in doc.tasks] == [
        ("发展零工市场", "未完成", "behind"),
        ("加强就业形势监测分析", "已完成", "done"),
    ]
    assert doc.tasks[0].progress == "选址已确定，未能按期建成。"
    assert [a.role for a in doc.tasks[1].assignments] == ["lead", "cooperate"]


def test_a_report_item_s_deadline_on_its_own_line() -> None:
    """（一）任务。/ 责任单位：… / 完成时限：… / 进展情况：…: the deadline line above the progress."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "深圳市南山区科技创新局关于2024年科技创新重点工作任务进展情况的报告\n\n二、各项任务进展情况\n"
        "（一）建设概念验证中心和中试基地。\n责任单位：区科技创新局（牵头）、区财政局\n完成时限：2024年8月底前\n"
        "进展情况：滞后。原计划8月底前认定2家，目前仅认定1家。\n"
    )
    (task,) = extract_text(text, "report.txt").tasks
    assert task.deadline is not None and task.deadline.date == "2024-08-31"
    assert task.status == "滞后"


def test_basically_done_is_short_of_done() -> None:
    """基本完成 is a state in progress (a supervision office still follows it up), not done."""
    assert state_of("基本完成") == "in progress"
    assert state_of("已完成") == "done"


def test_a_stage_done_is_short_of_done() -> None:
    """已完成阶段性任务 opens with 已完成 but says a stage is done: in progress."""
    from fengong.ingest.status import opening_status

    assert opening_status("已完成阶段性任务。新增设施12处。") == "已完成阶段性任务"
    assert state_of("已完成阶段性任务") == "in progress"


def test_a_state_after_a_short_progress_label() -> None:
    """进展：已完成。… under the task gives the state; 进展 opens a progress paragraph only with its
    colon (进展顺利 is prose)."""
    from fengong.ingest.outline import is_progress
    from fengong.ingest.pipeline import extract_text

    doc = extract_text(
        "大塅镇人民政府\n关于2027年森林防火重点工作任务进展情况的通报\n二、各项任务进展情况\n"
        "1.开展森林火灾隐患排查整治（牵头：镇应急办；时限：3月底前）\n进展：已完成。共排查隐患点47处。\n"
        "2.建设森林防火隔离带（牵头：镇林业站；时限：6月底前）\n进展：滞后。受雨季施工影响。\n",
        "report.txt",
    )
    assert [(t.title, t.status) for t in doc.tasks] == [
        ("开展森林火灾隐患排查整治", "已完成"),
        ("建设森林防火隔离带", "滞后"),
    ]
    assert doc.tasks[1].progress == "滞后。受雨季施工影响。"
    assert is_progress("进展：已完成") and not is_progress("进展顺利，已完成招标")


def test_traffic_lights_and_a_state_after_other_labels() -> None:
    """A traffic-light report (亮灯通报) gives lights as states, in a 亮灯 column or in brackets opening
    the task's account (【黄灯】进度滞后。…); a state label may follow other labels on its line
    (计划完成时间：…；实际完成时间：—；状态：推进中)."""
    from fengong.ingest.pipeline import extract_text

    table = extract_text(
        "某省数字经济重点任务推进情况的亮灯通报\n"
        "序号 | 任务 | 牵头单位 | 配合单位 | 时限 | 亮灯 | 进展\n"
        "1 | 建设算力枢纽 | 省大数据局 | 省能源局 | 2028年12月底前 | 绿灯 | 新增机架2万架\n"
        "2 | 建设交易平台 | 省大数据局 | 省财政厅 | 2028年7月31日前 | 红灯 | 尚未完成联调\n"
        "3 | 升级政务平台 | 省政府办公厅 | 省大数据局 | 2028年5月底前 | 已完成 | 已上线运行\n",
        "t.txt",
    )
    assert [(t.status, state_of(t.status)) for t in table.tasks] == [
        ("绿灯", "in progress"),
        ("红灯", "behind"),
        ("已完成", "done"),
    ]
    lines = extract_text(
        "某市对台融合发展重点任务推进情况的通报\n二、具体任务进展\n"
        "（一）示范区规划编制\n责任单位：市发改委（牵头），市资源规划局\n完成时限：2028年6月底前\n"
        "【绿灯】按序时推进。规划初稿已形成。\n"
        "（二）航运物流通道拓展\n责任单位：市交通运输局（牵头），市港口管理局\n完成时限：2028年9月底前\n"
        "【黄灯】进度滞后。新增航线尚未开通。\n",
        "l.txt",
    )
    assert [t.status for t in lines.tasks] == ["绿灯", "黄灯"]
    labelled = extract_text(
        "某区重点任务推进情况的通报\n1. 建设公共服务平台\n责任单位：区经信局（牵头）、区数据局\n"
        "计划完成时间：2028年6月30日；实际完成时间：2028年6月18日；状态：提前完成\n"
        "2. 整治电镀行业污染\n责任单位：区生态环境分局（牵头）、区经信局\n"
        "计划完成时间：2028年6月30日；实际完成时间：—；状态：逾期未完成\n",
        "r.txt",
    )
    assert [(t.status, state_of(t.status)) for t in labelled.tasks] == [
        ("提前完成", "done"),
        ("逾期未完成", "behind"),
    ]


def test_a_schedule_line_a_share_done_and_a_state_closing_the_account() -> None:
    """是否按期：否（滞后） is behind, a share of 100% (完成进度：100%) done, 是否按期：是 on schedule; a
    state word alone closing the account (…（进度：85%）。推进中) is the task's; a 进度 column holds the
    state, a 完成进度 column a share."""
    from fengong.ingest.pipeline import extract_text

    report = extract_text(
        "哈尔滨市冰雪经济重点任务推进情况通报\n一、推进冰雪大世界改造\n牵头单位：市文旅局\n计划完成时间：2028年5月31日\n"
        "完成进度：100%\n是否按期：是\n\n二、建设训练基地\n牵头单位：市体育局\n计划完成时间：2028年6月30日\n"
        "完成进度：70%\n是否按期：否（滞后）\n\n三、建设快速通道\n牵头单位：市交通运输局\n计划完成时间：2028年10月底\n"
        "完成进度：45%\n是否按期：是\n",
        "h.txt",
    )
    assert [(t.status, state_of(t.status)) for t in report.tasks] == [
        ("100%", "done"),
        ("滞后", "behind"),
        ("按期", "in progress"),
    ]
    closing = extract_text(
        "山东省化工园区认定推进情况通报\n（一）建设封闭化管理系统。【牵头单位】省应急管理厅【责任单位】省公安厅　"
        "完成时限：2028年12月底前\n截至11月底，72家园区通过验收（进度：85%）。推进中\n",
        "s.txt",
    )
    assert [t.status for t in closing.tasks] == ["推进中"]
    table = extract_text(
        "某区红色旅游推进情况通报\n序号\t工作任务\t责任单位\t完成时限\t完成率\t进度\n"
        "1\t纪念馆周边环境提升\t区住建局\t2027年6月底前\t100%\t已完成\n"
        "2\t数字导览平台\t区文广旅体局\t2027年9月底前\t85%\t推进中\n",
        "t.txt",
    )
    assert [t.status for t in table.tasks] == ["已完成", "推进中"]


def test_a_done_flag_column_a_rating_column_and_a_same_as_above_cell() -> None:
    """是否完成 (是 / 否) gives done / not done; 完成评价 (较好 / 一般 / 滞后) is the state; a cell 同上
    repeats the one above it; a window in a table's deadline cell is due by its last day."""
    from fengong.ingest.pipeline import extract_text

    flags = extract_text(
        "某区新型材料产业推进情况通报\n| 序号 | 任务 | 责任单位 | 完成时限 | 是否完成 | 完成情况 |\n|---|---|---|---|---|---|\n"
        "| 1 | 编制产业链图谱 | 区工信局 | 2027年3月底前 | 是 | 已印发 |\n"
        "| 2 | 建设创新中心 | 区科技局 | 2027年5月底前 | 否 | 正在筹建 |\n",
        "f.txt",
    )
    assert [(t.status, state_of(t.status)) for t in flags.tasks] == [("已完成", "done"), ("未完成", "behind")]
    rated = extract_text(
        "某区装备制造推进情况通报\n| 序号 | 任务 | 牵头单位 | 进展情况 | 完成评价 |\n|---|---|---|---|---|\n"
        "| 1 | 建设风电整机基地 | 区工信局 | 已投产两条产线 | 较好 |\n| 2 | 组建创新中心 | 区科技局 | 尚未挂牌 | 滞后 |\n",
        "r.txt",
    )
    assert [state_of(t.status) for t in rated.tasks] == ["in progress", "behind"]
    same = extract_text(
        "某省自贸港建设分工方案\n| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n|---|---|---|---|---|\n"
        "| 1 | 完善加工增值政策 | 省商务厅 | 省财政厅 | 2028年3月底前 |\n"
        "| 2 | 扩大享惠企业范围 | 同上 | 省工信厅 | 2027年—2028年 |\n",
        "s.txt",
    )
    second = same.tasks[1]
    leads = [same.units[a.unit_id].local_name for a in second.assignments if a.role == "lead"]
    assert leads == ["省商务厅"]
    assert second.deadline is not None and second.deadline.until == "2028-12-31"


def test_short_lights_and_a_column_of_shares() -> None:
    """A light closing a title in one character (…（黄）) is its state; a 完成进度 column of shares gives
    the state where no column says one in words (100% done); 责任站办 lists a town's offices."""
    from fengong.ingest.pipeline import extract_text

    lights = extract_text(
        "某区纺织印染重点任务进展通报\n一、重点任务\n1. 实施印染企业数字化改造（绿）\n责任单位：区经信局（牵头）、区科技局\n"
        "完成时限：2029年6月底前\n2. 淘汰落后印染产能（红）\n责任单位：区经信局（牵头）\n完成时限：2028年12月底前\n",
        "l.txt",
    )
    assert [(t.title, state_of(t.status)) for t in lights.tasks] == [
        ("实施印染企业数字化改造", "in progress"),
        ("淘汰落后印染产能", "behind"),
    ]
    shares = extract_text(
        "某市新材料重点任务进展通报\n| 序号 | 任务 | 牵头单位 | 完成时限 | 完成进度 | 存在问题 |\n|---|---|---|---|---|---|\n"
        "| 1 | 推进扩区规划调整 | 市自然资源局 | 2028年3月底前 | 100% | 无 |\n"
        "| 2 | 建设接收站二期 | 市能源局 | 2028年12月底前 | 75% | 用海审批偏慢 |\n",
        "s.txt",
    )
    assert [state_of(t.status) for t in shares.tasks] == ["done", "in progress"]
    town = extract_text(
        "雁洋镇客家文旅工作任务清单\n序号\t工作任务\t责任领导\t责任站办\t完成时限\n"
        "1\t修缮客家民居\t张三（副镇长）\t镇文化站、镇规建办\t2028年9月底前\n注：责任站办中排在第一位的为牵头站办。\n",
        "t.txt",
    )
    lead = [town.units[a.unit_id].local_name for a in town.tasks[0].assignments if a.role == "lead"]
    assert lead == ["镇文化站"]


def test_a_state_with_a_note_in_brackets_and_a_rating_column() -> None:
    """进度：已完成（提前）and 完成情况：推进中（绿灯） give the state before the bracket; a 评估 column
    rates a task (好 / 中 / 差: 差 is behind)."""
    from fengong.ingest.status import labelled_status

    assert labelled_status("x\n进度：已完成（提前）。10月新开航线4条") == "已完成"
    assert labelled_status("x\n完成情况：推进中（绿灯）\n") == "推进中"
    from fengong.ingest.pipeline import extract_text

    rated = extract_text(
        "某省先进制造业重点任务进展通报\n序号\t任务\t牵头单位\t完成时限\t进展\t评估\n"
        "1\t培育新能源汽车产业集群\t省工信厅\t2028年10月底前\t产量增长40%\t好\n"
        "2\t开展超低排放改造\t省生态环境厅\t2028年9月底前\t进度滞后\t差\n",
        "r.txt",
    )
    assert [state_of(t.status) for t in rated.tasks] == ["in progress", "behind"]
