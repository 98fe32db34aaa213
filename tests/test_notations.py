"""Notation readers, the one role function and the unit-list rules, on small documents written for
these tests (every sentence here is invented)."""

from __future__ import annotations

import pytest

from fengong.ingest.annotations import assign_roles, find_annotations
from fengong.ingest.model import Document
from fengong.ingest.notations.brackets import depth_at, matching_close, split_top
from fengong.ingest.notations.registry import INLINE_READERS
from fengong.ingest.notations.roles import declares_first_is_lead
from fengong.ingest.pipeline import extract_text
from fengong.ingest.units import level_prefix, parse_list, reads_as_name
from fengong.ingest.vocab import role_vocab


def roles_of(doc: Document, title_part: str) -> dict[str, list[str]]:
    """The roles of the task whose title contains ``title_part``: local unit names by role."""
    task = next(t for t in doc.tasks if title_part in t.title)
    out: dict[str, list[str]] = {"lead": [], "cooperate": [], "responsible": []}
    for a in task.assignments:
        out[a.role].append(doc.units[a.unit_id].local_name)
    return out


def roles_in(text: str, first_is_lead: bool = False) -> dict[str, list[str]]:
    roles = assign_roles(find_annotations(text), first_is_lead)
    return {k: [m.local for m in v] for k, v in roles.items() if v}


# -- the bracket scanner ------------------------------------------------------------------------


def test_one_scanner_reads_every_bracket_pair() -> None:
    text = "甲（乙〔丙〕丁【戊】）己(庚[辛])"
    assert matching_close(text, 1) == text.index("）")
    assert matching_close(text, text.index("(")) == len(text) - 1
    assert depth_at(text, text.index("丙")) == 2
    assert depth_at(text, text.index("己")) == 0
    parts = [p for p, _, _ in split_top("市林业局（含市林场、市苗圃）、市水务局", "、")]
    assert parts == ["市林业局（含市林场、市苗圃）", "市水务局"]


def test_an_unclosed_bracket_ends_at_its_line() -> None:
    text = "（县商务局负责\n下一行）"
    assert matching_close(text, 0) == text.index("\n")


# -- first-is-lead declarations -------------------------------------------------------------------


@pytest.mark.parametrize(
    "wording",
    [
        "排在第一位的为牵头单位",
        "第一责任单位为牵头单位",
        "列第一位的为牵头单位",
        "排名第一的为牵头单位",
        "首位为牵头单位",
        "第一个单位为牵头单位",
        "排在首位的单位牵头",
        "位列第一的部门为牵头部门",
        "居首位的为主办单位",
        "牵头单位列第一位",
        "牵头部门排在首位",
    ],
)
def test_first_is_lead_in_many_wordings(wording: str) -> None:
    assert declares_first_is_lead(f"（本方案所列任务中，{wording}。）")


@pytest.mark.parametrize("text", ["排名不分先后", "第一次会议由县长牵头召开", "首先要明确牵头单位"])
def test_words_that_are_not_a_declaration(text: str) -> None:
    assert not declares_first_is_lead(text)


DECLARED_INSIDE = """一、重点工作
（一）整修乡村道路。完成道路整修40公里。（县交通运输局、县财政局按职责分工负责。排名第一的为牵头单位，下同）
（二）建设污水管网。新建管网12公里。（县住房和城乡建设局、县生态环境局负责）
（三）培训家政人员。培训1000人次。（县人力资源和社会保障局负责）
"""


def test_a_declaration_inside_the_first_annotation_governs_every_list() -> None:
    doc = extract_text(DECLARED_INSIDE, "t.txt")
    assert roles_of(doc, "整修乡村道路") == {
        "lead": ["县交通运输局"],
        "cooperate": ["县财政局"],
        "responsible": [],
    }
    assert roles_of(doc, "建设污水管网") == {
        "lead": ["县住房和城乡建设局"],
        "cooperate": ["县生态环境局"],
        "responsible": [],
    }
    assert roles_of(doc, "培训家政人员") == {
        "lead": ["县人力资源和社会保障局"],
        "cooperate": [],
        "responsible": [],
    }


def test_without_a_declaration_a_bare_list_stays_responsible() -> None:
    doc = extract_text(DECLARED_INSIDE.replace("。排名第一的为牵头单位，下同", ""), "t.txt")
    assert roles_of(doc, "建设污水管网") == {
        "lead": [],
        "cooperate": [],
        "responsible": ["县住房和城乡建设局", "县生态环境局"],
    }


# -- role words -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "（市商务局牵头，市财政局、市税务局配合）",
            {"lead": ["市商务局"], "cooperate": ["市财政局", "市税务局"]},
        ),
        ("（市商务局牵头、市财政局参与）", {"lead": ["市商务局"], "cooperate": ["市财政局"]}),
        ("（市商务局会同市财政局负责）", {"lead": ["市商务局"], "cooperate": ["市财政局"]}),
        ("（市商务局会同有关部门负责）", {"lead": ["市商务局"]}),
        ("（市商务局主办，市财政局协办）", {"lead": ["市商务局"], "cooperate": ["市财政局"]}),
        ("（市商务局指导，各区人民政府负责）", {"cooperate": ["市商务局"], "responsible": ["各区人民政府"]}),
        ("（市商务局、市财政局按职责分工负责）", {"responsible": ["市商务局", "市财政局"]}),
        ("（市商务局负责；2026年底前完成）", {"responsible": ["市商务局"]}),
    ],
)
def test_role_words_map_as_format_says(text: str, expected: dict[str, list[str]]) -> None:
    assert roles_in("推进商贸流通。" + text) == expected


def test_every_label_of_the_vocabulary_is_read() -> None:
    """Pre-checks derive from the data: each label in roles.yaml introduces a list."""
    for label, role in role_vocab().labels.items():
        notes = find_annotations(f"完善冷链物流。（{label}：县商务局）")
        assert [rl.role for a in notes for rl in a.lists] == [role], label


def test_the_registry_is_ordered_and_named() -> None:
    assert [r.name for r in INLINE_READERS] == [
        "label",
        "bracket clause",
        "bare bracketed list",
        "dash list",
        "marked line",
        "opening subject",
        "prose clause",
        "subject clause",
        "duty clause",
        "inner clause",
        "lone subject",
    ]


SUBJECTS = """一、重点任务
（一）办好全民健身活动。每年举办赛事10场。（县体育局负责）
各单位要抓好落实。县教育局要会同有关部门加强校园足球推广，每学期组织联赛。
（二）建设口袋公园。由县住房和城乡建设局牵头，县自然资源局配合，新建口袋公园8个。
（三）整治背街小巷。县城市管理局要会同县公安局制定整治方案。（县城市管理局、县公安局负责）
"""


def test_subject_clauses_assign_the_sentence_they_start() -> None:
    doc = extract_text(SUBJECTS, "t.txt")
    assert roles_of(doc, "校园足球") == {"lead": ["县教育局"], "cooperate": [], "responsible": []}
    assert roles_of(doc, "口袋公园") == {
        "lead": ["县住房和城乡建设局"],
        "cooperate": ["县自然资源局"],
        "responsible": [],
    }


def test_a_subject_clause_before_an_annotation_is_the_task_s_words() -> None:
    doc = extract_text(SUBJECTS, "t.txt")
    assert roles_of(doc, "整治背街小巷") == {
        "lead": [],
        "cooperate": [],
        "responsible": ["县城市管理局", "县公安局"],
    }
    assert len([t for t in doc.tasks if "背街小巷" in t.text]) == 1


OPENING = """一、主要任务
（一）县民政局负责，县司法局按职责协助，完善殡葬管理制度。
　　2．各乡镇人民政府负责，开展散埋乱葬治理。
（三）由县财政局、各乡镇人民政府负责，落实奖补资金。
（四）规范公墓管理。（该项任务由县民政局牵头，县市场监督管理局配合）
"""


def test_a_clause_opening_a_numbered_task_starts_after_its_number() -> None:
    doc = extract_text(OPENING, "t.txt")
    assert roles_of(doc, "殡葬管理") == {"lead": [], "cooperate": ["县司法局"], "responsible": ["县民政局"]}
    # a class of bodies that 负责 is assigned the work (各乡镇要… would only instruct)
    assert roles_of(doc, "散埋乱葬") == {"lead": [], "cooperate": [], "responsible": ["各乡镇人民政府"]}
    assert roles_of(doc, "奖补资金")["responsible"] == ["县财政局", "各乡镇人民政府"]
    assert roles_of(doc, "公墓管理") == {
        "lead": ["县民政局"],
        "cooperate": ["县市场监督管理局"],
        "responsible": [],
    }


ZONE_PLAN = """苏州工业园区2026年稳外资工作要点
一、强化招商引资
1、健全外资项目服务机制。建立重大外资项目服务制度。
主办：园区投资促进委员会　　协办：园区行政审批局、园区财政局
时间：2026年3月底前
"""


def test_a_zone_s_plan_names_its_units_with_the_zone_and_bare_host_labels() -> None:
    """主办：A　协办：B (no 单位 after the label); 园区X in the plan of 苏州工业园区 is that zone's X."""
    doc = extract_text(ZONE_PLAN, "t.txt")
    task = doc.tasks[0]
    names = {doc.units[a.unit_id].name: a.role for a in task.assignments}
    assert names == {
        "苏州工业园区投资促进委员会": "lead",
        "苏州工业园区行政审批局": "cooperate",
        "苏州工业园区财政局": "cooperate",
    }


STREET_PLAN = """学院路街道2027年校园周边环境综合治理工作方案
二、重点任务
（各项任务责任科室（单位）中，标注“牵头”的为牵头单位，其余为配合单位）
1.开展安全隐患大排查。建立问题台账。
责任科室（单位）：街道平安办（牵头）、学院路派出所、各社区居委会
时间节点：2027年3月—4月
2.建设流动书车服务点。
责任科室（单位）：待明确
时间节点：2027年9月底前
"""


def test_a_street_s_plan_a_label_with_its_own_brackets_and_no_unit_named_yet() -> None:
    """责任科室（单位）： is a label; 街道X in a street's plan is that street's X; 待明确 names no unit."""
    doc = extract_text(STREET_PLAN, "t.txt")
    assert roles_of(doc, "隐患大排查") == {
        "lead": ["街道平安办"],
        "cooperate": ["学院路派出所", "各社区居委会"],
        "responsible": [],
    }
    task = next(t for t in doc.tasks if "隐患大排查" in t.title)
    assert doc.units[task.assignments[0].unit_id].name == "学院路街道平安办"
    assert roles_of(doc, "流动书车") == {"lead": [], "cooperate": [], "responsible": []}


WITH_PARTNERS = """一、主要任务
（一）建设飞行服务体系。市交通运输委会同市大数据发展局建设市级飞行服务中心。
（二）推进旧改。市交通运输委会同市住房和城乡建设局推进老旧小区改造。
（三）推进投资。市发展改革委会同市城市建设投资集团加快项目建设。
"""


def test_a_with_clause_s_partners_end_at_the_action_not_inside_a_name() -> None:
    doc = extract_text(WITH_PARTNERS, "t.txt")
    assert roles_of(doc, "飞行服务")["cooperate"] == ["市大数据发展局"]  # 建设 opens the action
    assert roles_of(doc, "旧改")["cooperate"] == ["市住房和城乡建设局"]  # 建设 inside the name
    assert roles_of(doc, "推进投资")["cooperate"] == ["市城市建设投资集团"]


SECTIONS = """一、优化网络布局
（一）编制布局规划。衔接国土空间规划，2026年9月底前印发。
（二）加快公共网络建设。在交通枢纽集中布局快充站，长期坚持。
责任单位：省能源局牵头，省发展改革委、省自然资源厅按职责分工负责。
二、提升服务水平
（三）建设服务平台。整合运营企业数据，2026年12月15日前建成上线。
（四）规范服务收费。推动收费公开透明，2026年8月底前出台政策。
责任单位：省能源局、省市场监管局按职责分工负责。
"""


def test_a_section_s_dated_measures_are_tasks_its_closing_line_assigns() -> None:
    doc = extract_text(SECTIONS, "t.txt")
    assert [t.title for t in doc.tasks] == [
        "编制布局规划",
        "加快公共网络建设",
        "建设服务平台",
        "规范服务收费",
    ]
    assert roles_of(doc, "加快公共网络") == {
        "lead": ["省能源局"],
        "cooperate": ["省发展改革委", "省自然资源厅"],
        "responsible": [],
    }
    assert roles_of(doc, "规范服务收费")["responsible"] == ["省能源局", "省市场监管局"]
    assert doc.tasks[0].deadline is not None and doc.tasks[0].deadline.date == "2026-09-30"


def test_a_piped_table_row_wrapped_onto_a_line_with_an_empty_number_cell() -> None:
    text = (
        "某县重点任务清单\n\n| 序号 | 重点任务 | 责任单位 | 完成时限 |\n|------|------|------|------|\n"
        "| 1 | 整治耕地问题。全面排查乱占耕地、 | 县农业农村局（牵头）、县自然资源局、 | 2026年10月底前 |\n"
        "|  | 分类处置到位。 | 各乡镇人民政府 |  |\n"
        "| 2 | 稳定粮食播种面积。 | 县农业农村局 | 2026年11月底前 |\n"
    )
    doc = extract_text(text, "t.txt")
    assert [t.title for t in doc.tasks] == ["整治耕地问题", "稳定粮食播种面积"]
    assert roles_of(doc, "整治耕地") == {
        "lead": ["县农业农村局"],
        "cooperate": ["县自然资源局", "各乡镇人民政府"],
        "responsible": [],
    }
    assert doc.tasks[0].deadline is not None and doc.tasks[0].deadline.date == "2026-10-31"


# -- several annotations per paragraph, prose clauses ---------------------------------------------

SEVERAL = """一、主要任务
（一）提升养老服务。建设社区食堂20个。（县民政局、县财政局负责）开展护理员轮训，每年培训300人次。（县人力资源和社会保障局牵头，县卫生健康局配合）
（二）改善农村饮水。县水利局会同县卫生健康局负责。
（三）修缮文物建筑。由县文化和旅游局牵头，县自然资源局、县住房和城乡建设局配合。
（四）规范集贸市场。县市场监督管理局指导，各乡镇人民政府负责。
"""


def test_several_annotations_in_one_paragraph_close_their_own_tasks() -> None:
    doc = extract_text(SEVERAL, "t.txt")
    titles = [t.title for t in doc.tasks]
    assert titles[:2] == ["提升养老服务", "开展护理员轮训"]
    assert roles_of(doc, "提升养老服务") == {
        "lead": [],
        "cooperate": [],
        "responsible": ["县民政局", "县财政局"],
    }
    assert roles_of(doc, "开展护理员轮训") == {
        "lead": ["县人力资源和社会保障局"],
        "cooperate": ["县卫生健康局"],
        "responsible": [],
    }
    second = next(t for t in doc.tasks if t.title == "开展护理员轮训")
    assert "建设社区食堂" not in second.text and second.text.startswith("开展护理员轮训")


def test_prose_clauses_name_units() -> None:
    doc = extract_text(SEVERAL, "t.txt")
    assert roles_of(doc, "改善农村饮水") == {
        "lead": ["县水利局"],
        "cooperate": ["县卫生健康局"],
        "responsible": [],
    }
    assert roles_of(doc, "修缮文物建筑") == {
        "lead": ["县文化和旅游局"],
        "cooperate": ["县自然资源局", "县住房和城乡建设局"],
        "responsible": [],
    }
    assert roles_of(doc, "规范集贸市场") == {
        "lead": [],
        "cooperate": ["县市场监督管理局"],
        "responsible": ["各乡镇人民政府"],
    }


def test_a_bracket_that_is_no_annotation_is_left_alone() -> None:
    assert roles_in("铺设光缆（主干层、接入层由各运营商自行负责）。") == {}
    assert roles_in("完成改造（其中，市财政负责补助50%）。") == {}


# -- one role function for every reader -----------------------------------------------------------

TABLE = (
    "序号\t重点任务\t牵头单位\t责任单位\t完成时限\n"
    "1\t建成智慧停车平台\t市城管局\t市公安局、市交通局\t2026年6月底前\n"
    "2\t推广新能源公交\t\t市交通局、市财政局\t2026年底前\n"
)


def test_a_table_row_without_a_lead_invents_none() -> None:
    doc = extract_text(TABLE, "t.txt")
    assert roles_of(doc, "智慧停车") == {
        "lead": ["市城管局"],
        "cooperate": ["市公安局", "市交通局"],
        "responsible": [],
    }
    assert roles_of(doc, "新能源公交") == {
        "lead": [],
        "cooperate": [],
        "responsible": ["市交通局", "市财政局"],
    }


def test_tables_with_other_headers_and_section_lines() -> None:
    text = (
        "序号\t改革举措\t主办单位\t协办单位\t指导部门\t时间节点\n"
        "一、优化营商环境\n"
        "1\t推行企业开办一网通办\t区行政审批局\t区市场监管局\t市行政审批局\t2026年3月底前\n"
        "二、提升政务服务\n"
        "2\t建设十五分钟政务服务圈\t区政务服务中心\t各街道办事处\t\t2026年底前\n"
    )
    doc = extract_text(text, "t.txt")
    assert len(doc.tasks) == 2
    first = next(t for t in doc.tasks if "一网通办" in t.title)
    assert first.path[0] == "优化营商环境"
    assert roles_of(doc, "一网通办") == {
        "lead": ["区行政审批局"],
        "cooperate": ["区市场监管局", "市行政审批局"],
        "responsible": [],
    }
    assert first.deadline is not None and first.deadline.date == "2026-03-31"


# -- unit lists -----------------------------------------------------------------------------------


def names(text: str) -> list[str]:
    return [m.local for m in parse_list(text)]


def test_a_shared_each_is_distributed() -> None:
    assert names("各州、市") == ["各州", "各市"]
    assert names("各乡镇人民政府、街道办事处") == ["各乡镇人民政府", "各街道办事处"]
    assert names("各市、县（市、区）人民政府") == ["各市、县（市、区）人民政府"]
    assert names("各县、区市场监管局") == ["各县、区市场监管局"]
    # a class of a higher tier than the run's, or none, opens a body of its own
    assert names("各街道、区市场局") == ["各街道", "区市场局"]
    assert names("立山经济开发区、各街道、税务局") == ["立山经济开发区", "各街道", "税务局"]
    assert names("各乡镇、县财政局") == ["各乡镇", "县财政局"]


def test_etc_before_a_conjunction_closes_the_first_unit() -> None:
    assert names("县财政局等和各乡镇人民政府") == ["县财政局", "各乡镇人民政府"]


def test_a_clause_is_never_a_unit() -> None:
    assert names("县教育局、各地结合实际") == ["县教育局"]
    assert names("县教育局（按职责分工负责）") == ["县教育局"]
    assert not reads_as_name("按职责分工负责")
    assert not reads_as_name("下同")


def test_a_name_with_its_own_place_takes_no_shared_prefix() -> None:
    assert names("省财政厅、人民银行某某省分行、水利厅") == ["省财政厅", "人民银行某某省分行", "省水利厅"]


def test_a_level_character_is_a_prefix_when_a_known_function_follows() -> None:
    assert level_prefix("市民政局") == "市"  # 民政局 is a function, although 市民 is a word
    assert level_prefix("市场监管局") == ""
    assert names("市住建局、市民政局、财政局") == ["市住建局", "市民政局", "市财政局"]


def test_an_unknown_name_inside_an_annotation_is_kept_and_reported() -> None:
    text = "一、任务\n（一）办好冬季运动会。完成场馆改造。（国家体育总局、冬运会组委会、国铁集团按职责分工负责）\n"
    doc = extract_text(text, "t.txt")
    assert roles_of(doc, "冬季运动会")["responsible"] == ["国家体育总局", "冬运会组委会", "国铁集团"]
    assert any("冬运会组委会" in w and "new unit name" in w for w in doc.warnings)
    assert not any("国铁集团" in w for w in doc.warnings)  # the lexicon knows it


# -- decisions per heading ------------------------------------------------------------------------

PER_HEADING = """一、总体要求
到2028年，全县公共文化设施覆盖率达到95%。
二、重点任务
（一）新建图书分馆。建成分馆6个。（县文化和旅游局负责）
（二）开展送戏下乡。9月底前完成送戏100场。
三、保障措施
各单位要加强协作。
"""


def test_deadline_only_items_are_decided_per_heading_level() -> None:
    doc = extract_text(PER_HEADING, "t.txt")
    titles = [t.title for t in doc.tasks]
    assert "开展送戏下乡" in titles  # a sibling of an annotated task, with a deadline
    assert "总体要求" not in titles  # a heading of another level is no task
    task = next(t for t in doc.tasks if t.title == "开展送戏下乡")
    assert task.deadline is not None and task.deadline.kind == "by"


NATIONAL = """国务院办公厅关于推进某项工作的意见
一、总体要求
到2030年，基本建成服务体系。
二、重点任务
（一）完善标准体系。2026年底前修订标准20项。（市场监管总局、工业和信息化部、国家发展改革委按职责分工负责，列第一位的为牵头部门）
（二）培育龙头企业。（工业和信息化部、国家知识产权局负责）支持企业上市融资。（证监会牵头，财政部、人民银行参与）
（三）拓展国际合作。推动标准互认。（商务部、海关总署）
三、组织实施
各地区各部门要抓好落实。国家发展改革委要会同有关部门加强统筹协调，重大事项及时报告。
国务院办公厅
2025年3月1日
"""


def test_a_national_plan_in_several_notations() -> None:
    doc = extract_text(NATIONAL, "t.txt")
    titles = [t.title for t in doc.tasks]
    assert "总体要求" not in titles  # a heading of another level, with a target date
    assert roles_of(doc, "完善标准体系")["lead"] == ["市场监管总局"]
    assert roles_of(doc, "培育龙头企业") == {
        "lead": ["工业和信息化部"],
        "cooperate": ["国家知识产权局"],
        "responsible": [],
    }
    assert roles_of(doc, "支持企业上市融资") == {
        "lead": ["证监会"],
        "cooperate": ["财政部", "人民银行"],
        "responsible": [],
    }
    # a bare bracketed list closing a sentence, under the declaration
    assert roles_of(doc, "拓展国际合作") == {"lead": ["商务部"], "cooperate": ["海关总署"], "responsible": []}
    last = next(t for t in doc.tasks if "统筹协调" in t.text)
    assert last.deadline is None  # the signature's date belongs to no task
    assert [doc.units[a.unit_id].local_name for a in last.assignments if a.role == "lead"] == [
        "国家发展改革委"
    ]


TWO_TABLES = (
    "重点工作任务分解表\n"
    "序号\t工作任务\t具体措施\t责任处室\t配合处室\t完成时限\n"
    "1\t精简审批事项\t清理行政许可事项\t政策法规处\t办公室、审批处\t2025年6月底前\n"
    "2\t加强干部培训\t举办业务培训4期\t人事处\t\t2025年12月底前\n"
    "3\t推进数据共享\t建成一体化平台\t信息中心（牵头）、规划处\t\t持续推进\n"
    "\n"
    "工作任务\t主要内容\t牵头单位\t参与单位\t时间节点\n"
    "优化营商环境\t推行一网通办\t县行政审批局\t县市场监管局、县税务局\t2025年底前\n"
    "\t推行告知承诺制\t县司法局\t县行政审批局\t2025年9月底前\n"
)


def test_tables_by_structure_one_after_another() -> None:
    doc = extract_text(TWO_TABLES, "t.txt")
    assert len(doc.tasks) == 5
    assert roles_of(doc, "精简审批事项") == {
        "lead": [],
        "cooperate": ["办公室", "审批处"],
        "responsible": ["政策法规处"],
    }
    # a full row stays as written even when a task ends like a body's name (……平台)
    assert roles_of(doc, "推进数据共享") == {"lead": ["信息中心"], "cooperate": ["规划处"], "responsible": []}
    assert roles_of(doc, "告知承诺制") == {
        "lead": ["县司法局"],
        "cooperate": ["县行政审批局"],
        "responsible": [],
    }


def test_a_header_that_declares_the_lead_in_brackets() -> None:
    text = (
        "序号\t重点任务\t责任单位（排在第一位的为牵头单位）\t完成时限\n"
        "1\t建设智慧菜场\t区商务局、区市场监管局\t2025年底前\n"
        "2\t改造农贸市场\t区住建局\t2026年6月底前\n"
    )
    doc = extract_text(text, "t.txt")
    assert roles_of(doc, "智慧菜场") == {
        "lead": ["区商务局"],
        "cooperate": ["区市场监管局"],
        "responsible": [],
    }
    assert roles_of(doc, "农贸市场") == {"lead": ["区住建局"], "cooperate": [], "responsible": []}


def test_names_of_one_central_body_are_one_unit() -> None:
    text = (
        "一、任务\n（一）完善铁路网。（国家发展改革委、国铁集团负责）\n"
        "（二）优化客运服务。（中国国家铁路集团有限公司、国家发展和改革委员会负责）\n"
    )
    doc = extract_text(text, "t.txt")
    assert len(doc.units) == 2


def test_numbers_closed_by_a_bracket_are_headings() -> None:
    text = (
        "一、提升服务\n（一）深化一次办。\n1）推行开办一日办结。\n责任单位：县行政审批局\n"
        "2）推行登记一窗受理。\n牵头单位：县自然资源局\n配合单位：县税务局\n"
    )
    doc = extract_text(text, "t.txt")
    assert [t.title for t in doc.tasks] == ["推行开办一日办结", "推行登记一窗受理"]


def test_an_annotation_on_the_heading_line_is_not_in_the_title() -> None:
    text = "一、重点任务\n1.铺设燃气管网（区城管局牵头，区住建局配合）。年内新建管网8公里。\n2.（区水务局负责）疏浚河道。\n"
    doc = extract_text(text, "t.txt")
    assert [t.title for t in doc.tasks] == ["铺设燃气管网", "疏浚河道"]


def test_a_second_header_row_splits_the_unit_column() -> None:
    text = (
        "序号\t工作任务\t责任单位\t\t完成时限\n"
        "\t\t牵头单位\t配合单位\t\n"
        "1\t建设停车场\t区城管局\t区交通局、区财政局\t2025年底前\n"
    )
    doc = extract_text(text, "t.txt")
    assert roles_of(doc, "停车场") == {
        "lead": ["区城管局"],
        "cooperate": ["区交通局", "区财政局"],
        "responsible": [],
    }


def test_labels_in_brackets_need_no_colon() -> None:
    text = (
        "一、任务\n1.建设数据中心。【牵头单位】市大数据局【配合单位】市发改委、市财政局【完成时限】2025年底\n"
    )
    doc = extract_text(text, "t.txt")
    assert roles_of(doc, "数据中心") == {
        "lead": ["市大数据局"],
        "cooperate": ["市发改委", "市财政局"],
        "responsible": [],
    }


@pytest.mark.parametrize(
    "clause",
    [
        "（区发改局，区财政局负责）",
        "(区发改局、区财政局负责)",
        "〔区发改局、区财政局负责〕",
        "（区发改局、区财政局具体负责）",
        "（区发改局；区财政局按职责分工负责）",
    ],
)
def test_separators_brackets_and_verbs_do_not_change_the_reading(clause: str) -> None:
    assert roles_in("完善养老设施。" + clause) == {"responsible": ["区发改局", "区财政局"]}


def test_a_qualified_catch_all_is_no_unit() -> None:
    assert names("中央和国家机关有关部门、财政部、领导小组成员单位、县直各相关单位") == [
        "财政部",
        "领导小组成员单位",
    ]


def test_narrated_work_is_no_subject_clause() -> None:
    text = "一、工作进展\n（一）政策体系。市发改委会同市财政局出台了扶持办法。\n"
    assert extract_text(text, "t.txt").tasks == []


def test_a_prose_clause_may_end_with_its_deadline() -> None:
    text = "一、任务\n（一）建设绿道。新建绿道20公里。县住建局负责，2025年底前完成。\n（二）改造管网。县水务局牵头，县财政局配合，持续推进。\n"
    doc = extract_text(text, "t.txt")
    assert roles_of(doc, "建设绿道") == {"lead": [], "cooperate": [], "responsible": ["县住建局"]}
    assert roles_of(doc, "改造管网") == {"lead": ["县水务局"], "cooperate": ["县财政局"], "responsible": []}
    green = next(t for t in doc.tasks if t.title == "建设绿道")
    assert green.deadline is not None and green.deadline.date == "2025-12-31"


def test_a_row_that_only_names_a_section_is_no_task() -> None:
    text = (
        "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n"
        "一\t强化水源保障\t\t\t\n"
        "1\t保护水源地\t省生态环境厅\t省水利厅\t2025年底前\n"
        "2\t建设供水工程\t省水利厅\t省财政厅\t2026年底前\n"
    )
    doc = extract_text(text, "t.txt")
    assert [t.path for t in doc.tasks] == [["强化水源保障", "保护水源地"], ["强化水源保障", "建设供水工程"]]


def test_zones_place_themselves_and_qualified_items_stand_alone() -> None:
    assert names("某某经济开发区，全区各专班，税务局") == ["某某经济开发区", "全区各专班", "税务局"]
    assert names("州司法局、州委编办及州直相关单位，某某经开区管委会") == [
        "州司法局",
        "州委编办",
        "某某经开区管委会",
    ]
    assert names("各街道、区直各部门") == ["各街道", "区直各部门"]


def test_aims_before_the_first_task_are_no_tasks() -> None:
    text = (
        "一、总体要求\n（一）主要目标。到2027年，建成示范街区10个。\n"
        "二、重点任务\n（二）改造街区。建成街区5个。（区商务局负责）\n（三）评估成效。年底前完成评估。\n"
    )
    titles = [t.title for t in extract_text(text, "t.txt").tasks]
    assert titles == ["改造街区", "评估成效"]


def test_a_catch_all_cell_keeps_its_column_and_a_note_ends_a_label_list() -> None:
    text = (
        "序号\t牵头单位\t主要内容\t协办单位\t完成时限\n"
        "1\t市大数据局\t开展数据质量治理。\t市直有关部门\t每季度\n"
    )
    doc = extract_text(text, "t.txt")
    assert doc.tasks[0].title.startswith("开展数据质量治理")
    assert roles_of(doc, "数据质量") == {"lead": ["市大数据局"], "cooperate": [], "responsible": []}
    notes = "推进。[责任单位:甲街道办、区招商中心、某某投资有限公司。排在第一位的为牵头单位，其余单位按职责分工负责，下同]"
    assert roles_in(notes) == {"lead": ["甲街道办"], "cooperate": ["区招商中心", "某某投资有限公司"]}


def test_a_task_after_another_in_one_paragraph_has_its_own_title() -> None:
    """Several annotations in one paragraph: the sentence mark closing one task's annotation is not
    the next task's title ("（A牵头）。推进…" gives 推进…, never an empty title)."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "某市2022年重点工作\n一、加快建设\n（一）建设智慧交通。推进信号灯联网联控（市公安局负责）。"
        "建设公交智能调度系统，9月底前投入使用（市交通运输局牵头，市城市管理局配合）。\n"
    )
    titles = [t.title for t in extract_text(text, "plan.txt").tasks]
    assert titles == ["建设智慧交通", "建设公交智能调度系统"]


def test_a_table_written_with_pipes_is_read_as_a_table() -> None:
    """A converter's Markdown table (| 序号 | 重点任务 | 责任单位 | 完成时限 |, a |---| rule line):
    one task per row, the （牵头） mark inside the 责任单位 cell read, offsets into the text kept."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "某省加强应急物资储备重点任务分工方案\n\n重点任务分工表\n\n| 序号 | 重点任务 | 责任单位 | 完成时限 |\n"
        "|---|---|---|---|\n| 1 | 编制储备规划。明确储备规模。 | 省应急管理厅（牵头）、省财政厅 | 2025年6月底前 |\n"
        "| 2 | 优化储备库布局。推动库容共享。 | 省粮食和物资储备局（牵头）、省发展改革委 | 2026年前 |\n"
    )
    doc = extract_text(text, "pipes.txt")
    assert [t.title for t in doc.tasks] == ["编制储备规划", "优化储备库布局"]
    first = doc.tasks[0]
    assert [(a.role, a.rank) for a in first.assignments] == [("lead", 1), ("cooperate", 1)]
    assert first.deadline is not None and first.deadline.date == "2025-06-30"
    a = first.assignments[0]
    assert "省应急管理厅" in text[a.start : a.end]  # offsets point into the text as written


def test_cooperating_by_duty_closes_a_prose_clause() -> None:
    """A负责，B、C按职责分工配合 (a State Council opinion's way): A is responsible, B and C cooperate."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "国务院办公厅关于印发公平竞争治理重点任务分工方案的通知\n\n一、健全制度规则\n\n"
        "（一）全面落实公平竞争审查条例。制定实施办法。市场监管总局负责，国家发展改革委、司法部按职责分工配合。\n\n"
        "（二）集中清理政策措施。全面清理地方保护内容。国家发展改革委负责，市场监管总局按照职责分工配合。\n"
    )
    doc = extract_text(text, "opinion.txt")
    roles = [[(a.role, a.rank) for a in t.assignments] for t in doc.tasks]
    assert roles == [
        [("cooperate", 1), ("cooperate", 2), ("responsible", 1)],
        [("cooperate", 1), ("responsible", 1)],
    ]


def test_working_together_and_a_labelled_deadline_inside_an_annotation() -> None:
    """A牵头负责，B、C协同推进 (B and C cooperate); [牵头：A；参与：B、C；时限：2025年10月] (参与 is a
    cooperate label, 时限 a deadline's, not a unit)."""
    from fengong.ingest.pipeline import extract_text

    prose = (
        "某县人民政府办公室关于印发医保基金监管工作任务分工方案的通知\n\n一、重点任务\n\n"
        "（一）严厉打击欺诈骗保行为。强化大数据筛查。县医疗保障局牵头负责，县公安局、县卫生健康局协同推进。\n"
    )
    (task,) = extract_text(prose, "prose.txt").tasks
    assert [(a.role, a.rank) for a in task.assignments] == [("lead", 1), ("cooperate", 1), ("cooperate", 2)]
    bracket = (
        "某县人民政府关于印发垃圾分类工作任务清单的通知\n\n一、重点任务\n\n"
        "1. 推行定时定点投放。安排督导员现场指导。[牵头：县农业农村局；参与：县住房城乡建设局；时限：2025年10月]\n"
    )
    (task,) = extract_text(bracket, "bracket.txt").tasks
    assert [(a.role, a.rank) for a in task.assignments] == [("lead", 1), ("cooperate", 1)]
    assert task.deadline is not None and task.deadline.date == "2025-10-31"


def test_a_pipe_table_without_outer_pipes_and_a_dash_for_no_lead() -> None:
    """Rows written 1 | 任务 | 牵头 | 责任 | 时限 (no outer pipes) are a table; a cell holding only —
    names no unit (the row's 责任单位 are then responsible, with no lead invented); a branch named
    by a place's short name (长江航运公安局武汉分局) takes no shared prefix."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "湖北省河湖长制办公室关于印发2025年全省河湖长制工作要点任务分工的通知\n\n"
        "序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限\n"
        "1 | 严厉打击非法采砂。保持高压严打态势。 | 省公安厅 | 省水利厅、长江航运公安局武汉分局 | 长期坚持\n"
        "2 | 落实河湖长巡河履职。按规定频次巡河。 | — | 省水利厅、省生态环境厅 | 按季度\n"
    )
    doc = extract_text(text, "pipes.txt")
    assert [t.title for t in doc.tasks] == ["严厉打击非法采砂", "落实河湖长巡河履职"]
    names = {u.id: u.name for u in doc.units.values()}
    first, second = ([(a.role, names[a.unit_id]) for a in t.assignments] for t in doc.tasks)
    assert first == [
        ("lead", "湖北省公安厅"),
        ("cooperate", "湖北省水利厅"),
        ("cooperate", "长江航运公安局武汉分局"),
    ]
    assert second == [("responsible", "湖北省水利厅"), ("responsible", "湖北省生态环境厅")]
    assert "—" not in names.values()


def test_joint_leads_and_a_lead_named_again_in_its_list() -> None:
    """由A、B共同牵头，C参与: two leads; A、B按职责分工负责，A牵头: A leads and only B cooperates."""

    text = (
        "安吉县人民政府办公室关于印发城镇燃气安全整治任务分工的通知\n\n"
        "一、推广安装燃气泄漏报警装置。推动工商业用户全部安装。由县住建局、县市场监管局共同牵头，各乡镇（街道）参与，9月30日前完成。\n"
        "二、健全统计监测制度。完善信息系统。（县卫生健康局、县统计局按职责分工负责，县卫生健康局牵头；2025年9月30日前）\n"
    )
    roles = _roles_by_task(text)
    assert roles[0] == [
        ("lead", "安吉县住建局"),
        ("lead", "安吉县市场监管局"),
        ("cooperate", "各乡镇（街道）"),
    ]
    assert roles[1] == [("lead", "安吉县卫生健康局"), ("cooperate", "安吉县统计局")]


def test_a_label_after_wei_and_a_guiding_body() -> None:
    """A为牵头单位，B、C为责任单位 (the 责任单位 beside a named lead cooperate); A负责，B督促指导 (B
    cooperates); a body with the body that stands for it elsewhere in brackets (区人民政府（管委会）)."""

    text = (
        "滑县人民政府办公室关于印发滑县2025年粮食安全责任制重点工作任务分解方案的通知\n\n"
        "（一）稳定粮食播种面积。严禁撂荒。县农业农村局为牵头单位，县自然资源局、县财政局为责任单位。"
        "完成时限：2025年10月底前。\n\n"
        "（二）完善长效管理机制。建立业主委员会。县人民政府（管委会）负责，县住建局、县民政局督促指导。"
        "完成时限：2025年12月底前。\n"
    )
    roles = _roles_by_task(text)
    assert roles[0] == [
        ("lead", "滑县农业农村局"),
        ("cooperate", "滑县自然资源局"),
        ("cooperate", "滑县财政局"),
    ]
    assert sorted(roles[1]) == [
        ("cooperate", "滑县住建局"),
        ("cooperate", "滑县民政局"),
        ("responsible", "滑县人民政府（管委会）"),
    ]


def test_a_bare_list_with_its_deadline_under_a_first_is_lead_rule() -> None:
    """（A、B、C；2025年12月底前完成） closing a sentence, under 列第一位者为牵头单位: A leads, B and C
    cooperate, and the bracket's deadline is the task's (not 年内 in its text)."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "国家中医药管理局关于印发《2025年中医药传承创新发展重点任务分工方案》的通知\n\n"
        "各项任务中，列第一位者为牵头单位，其他单位按职责分工负责。\n\n一、提升中医药服务能力\n\n"
        "1. 推进国家中医医学中心建设。年内新设置项目10个左右。（国家中医药局、国家发展改革委、国家卫生健康委；"
        "2025年12月底前完成）\n"
    )
    (task,) = extract_text(text, "plan.txt").tasks
    assert [a.role for a in task.assignments] == ["lead", "cooperate", "cooperate"]
    assert task.deadline is not None and task.deadline.date == "2025-12-31"


def test_a_table_cell_whose_line_break_cuts_a_name() -> None:
    """县发展和改革 / 局、县教育局: the break cut one name, it lists no unit named 局."""
    text = (
        "某县5G发展任务分工\n\n序号\t重点任务\t牵头单位\t配合单位\t完成时间\n"
        '1\t加强产业交流合作。\t县工业和信息化局\t"县发展和改革\n局、县教育局"\t持续推进\n'
    )
    doc = extract_text(text, "plan.txt")
    assert roles_of(doc, "产业交流")["cooperate"] == ["县发展和改革局", "县教育局"]


def test_a_table_cell_listing_one_unit_a_line() -> None:
    """A spreadsheet's cell of several lines ("市商务局（牵头）\\n市财政局"), quoted: one unit a line."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "苏州市人民政府办公室关于印发苏州市提振消费专项行动任务分工的通知\n\n序号\t重点任务\t责任单位\t完成时间\n"
        '1\t实施汽车以旧换新行动。对报废更新给予补贴。\t"市商务局（牵头）\n市财政局\n市公安局"\t2025年12月底前\n'
    )
    doc = extract_text(text, "plan.txt")
    names = {u.id: u.name for u in doc.units.values()}
    assert [(a.role, names[a.unit_id]) for a in doc.tasks[0].assignments] == [
        ("lead", "苏州市商务局"),
        ("cooperate", "苏州市财政局"),
        ("cooperate", "苏州市公安局"),
    ]


def test_an_autonomous_region_s_bodies_and_items_under_a_heading_s_units() -> None:
    """自治区商务厅 is the region's (广西壮族自治区商务厅); items under a heading that names the units
    and name none themselves take the heading's (an item naming its own keeps them); 牵头单位：—
    names none; 【时限】 ends a list."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "广西壮族自治区人民政府办公厅关于印发新能源汽车推广应用任务分工的通知\n\n"
        "（一）开拓东盟市场（牵头单位：自治区商务厅；配合单位：南宁海关）\n\n"
        "1. 支持整车出口。搭建出口服务平台。2026年3月底前。\n\n"
        "2. 建设海外仓。2026年6月底前。\n\n"
        "3. 培育外贸主体。引进企业。（自治区工信厅牵头，自治区商务厅配合；持续推进）\n\n"
        "（二）清理楼道充电\n牵头单位：—\n配合单位：自治区住房城乡建设厅\n\n"
        "（三）做好应急供水。【牵头】自治区水利厅【配合】自治区应急管理厅【时限】每年7月至9月\n"
    )
    doc = extract_text(text, "plan.txt")
    names = {u.id: u.name for u in doc.units.values()}
    roles = {t.title: [(a.role, names[a.unit_id]) for a in t.assignments] for t in doc.tasks}
    heading = [("lead", "广西壮族自治区商务厅"), ("cooperate", "南宁海关")]
    assert roles["支持整车出口"] == heading and roles["建设海外仓"] == heading
    assert roles["培育外贸主体"] == [("lead", "广西壮族自治区工信厅"), ("cooperate", "广西壮族自治区商务厅")]
    assert roles["清理楼道充电"] == [("cooperate", "广西壮族自治区住房城乡建设厅")]
    assert roles["做好应急供水"] == [
        ("lead", "广西壮族自治区水利厅"),
        ("cooperate", "广西壮族自治区应急管理厅"),
    ]
    assert "—" not in names.values()


def test_a_league_s_bodies_and_a_bracket_ending_with_its_deadline_label() -> None:
    """盟X is the league's body (锡林郭勒盟应急管理局); （由A负责，B协助；时限：…） reads A and B, the
    labelled deadline left to the deadline reader."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "锡林郭勒盟行政公署办公室关于印发2026年防汛抗旱工作任务分工的通知\n\n"
        "一、充实物资储备。补足抢险物资。（由盟应急管理局负责，盟财政局协助；时限：2026年5月20日前）\n"
    )
    (task,) = (doc := extract_text(text, "plan.txt")).tasks
    names = {u.id: u.name for u in doc.units.values()}
    assert [(a.role, names[a.unit_id]) for a in task.assignments] == [
        ("cooperate", "锡林郭勒盟财政局"),
        ("responsible", "锡林郭勒盟应急管理局"),
    ]
    assert task.deadline is not None and task.deadline.date == "2026-05-20"


def _roles_by_task(text: str) -> list[list[tuple[str, str]]]:
    """Each task's (role, unit name) pairs, in task order, as extracted from ``text``."""
    from fengong.ingest.pipeline import extract_text

    doc = extract_text(text, "plan.txt")
    names = {u.id: u.name for u in doc.units.values()}
    return [[(a.role, names[a.unit_id]) for a in t.assignments] for t in doc.tasks]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the task named before 由 (该项任务由…), in a report's prose
        ("该项任务由区民政局牵头，区卫生健康局配合，要求年底前建成。",
         {"lead": ["区民政局"], "cooperate": ["区卫生健康局"], "responsible": []}),
        ("此项工作由区医疗保障局负责，区民政局、区卫生健康局协助，长期坚持。",
         {"lead": [], "cooperate": ["区民政局", "区卫生健康局"], "responsible": ["区医疗保障局"]}),
        # 由A会同B负责: a lead and its partner, never one unit named by both
        ("该项任务由区民政局会同区卫生健康局负责，要求年底前新增床位800张。",
         {"lead": ["区民政局"], "cooperate": ["区卫生健康局"], "responsible": []}),
        # a head without 由: "A负责，B按职责协助，<action>"
        ("州住房城乡建设局负责，州交通运输局、州水务局按职责协助，开展高处坠落专项整治。",
         {"lead": [], "cooperate": ["州交通运输局", "州水务局"], "responsible": ["州住房城乡建设局"]}),
        ("县文广新旅局、县人社局按职责分工负责，为重点文物聘请文物保护员。",
         {"lead": [], "cooperate": [], "responsible": ["县文广新旅局", "县人社局"]}),
        ("由县文广新旅局、县住建局共同负责，对濒危古建筑实施抢救性修缮。",
         {"lead": [], "cooperate": [], "responsible": ["县文广新旅局", "县住建局"]}),
        # A会同B、C，<action>: the partners fill the clause up to its comma
        ("县自然资源局会同县住建局、县文广新旅局，编制传统村落风貌管控导则。",
         {"lead": ["县自然资源局"], "cooperate": ["县住建局", "县文广新旅局"], "responsible": []}),
    ],
)  # fmt: skip
def test_prose_subjects_of_reports_and_plans(sentence: str, expected: dict[str, list[str]]) -> None:
    doc = extract_text(
        f"县重点工作任务分工方案\n\n一、重点任务\n\n（一）推进重点工作。{sentence}\n", "plan.txt"
    )
    assert roles_of(doc, "推进重点工作") == expected


def test_catch_alls_alone_are_no_partners() -> None:
    """县工业和信息化局会同有关部门和单位，建立…: no partner is named, and the sentence assigns
    no task (a plan's safeguards read so)."""
    text = "县重点工作任务分工方案\n\n一、保障措施\n\n（一）加强组织领导。县工业和信息化局会同有关部门和单位，建立定期会商机制。\n"
    assert extract_text(text, "plan.txt").tasks == []


def test_a_labelled_state_line_and_deadline_line() -> None:
    """进度状态：滞后 on its own line is the task's state; 完成时限：… is its deadline, over the
    schedule its text names (每季度开展)."""
    report = (
        "区养老服务重点任务落实情况的报告\n\n一、重点任务落实情况\n\n"
        "（一）推进家庭养老床位建设。该项任务由区民政局牵头，要求2025年12月底前新增床位800张。\n"
        "　　进展情况：已建成620张。\n　　进度状态：滞后\n"
    )
    (task,) = extract_text(report, "report.txt").tasks
    assert task.status == "滞后"
    plan = (
        "州安全生产重点工作任务分工方案\n\n一、重点任务\n\n"
        "1．开展隐患排查整治。督促企业每季度至少开展1次隐患排查。\n"
        "责任单位：州应急管理局（牵头），州公安局\n完成时限：2025年12月底前\n"
    )
    (task,) = extract_text(plan, "plan.txt").tasks
    assert task.deadline is not None and (task.deadline.kind, task.deadline.date) == ("by", "2025-12-31")


def test_measures_under_one_task_with_its_units_after_the_last() -> None:
    """（一）支持外贸企业拓市场抢订单。 with measures （1）（2）（3） and 责任单位 / 完成时限 lines after the
    last: one task titled by the heading, its measures its words, not a task of the third measure."""
    text = (
        "省外贸稳增长若干措施任务分工方案\n\n一、重点任务\n\n"
        "（一）支持外贸企业拓市场抢订单。\n（1）组织外贸企业参加重点展会。\n（2）支持企业赴境外参展。\n"
        "（3）对展位费给予补贴。\n责任单位：省商务厅（牵头）、省财政厅\n完成时限：2026年12月底前\n\n"
        "（二）加大出口信用保险支持力度。扩大短期险覆盖面。\n责任单位：省商务厅（牵头）\n完成时限：2026年9月30日前\n"
    )
    doc = extract_text(text, "plan.txt")
    assert [t.title for t in doc.tasks] == ["支持外贸企业拓市场抢订单", "加大出口信用保险支持力度"]
    first = doc.tasks[0]
    assert "组织外贸企业参加重点展会" in first.text and "对展位费给予补贴" in first.text
    assert roles_of(doc, "拓市场") == {"lead": ["省商务厅"], "cooperate": ["省财政厅"], "responsible": []}
    assert first.deadline is not None and first.deadline.date == "2026-12-31"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("该项任务由区城市管理委负责牵头，区房管局、各街乡按职责做好配合。",
         {"lead": ["区城市管理委"], "cooperate": ["区房管局", "各街乡"], "responsible": []}),
        ("区商务局负责，各街乡具体实施。",
         {"lead": [], "cooperate": ["各街乡"], "responsible": ["区商务局"]}),
        ("区城市管理委统筹，各街乡具体实施。",
         {"lead": ["区城市管理委"], "cooperate": ["各街乡"], "responsible": []}),
    ],
)  # fmt: skip
def test_more_role_verbs_of_reports(sentence: str, expected: dict[str, list[str]]) -> None:
    doc = extract_text(
        f"区垃圾分类重点任务分工方案\n\n一、重点任务\n\n（一）推进重点工作。{sentence}完成时限：2026年9月30日前。\n",
        "plan.txt",
    )
    assert roles_of(doc, "推进重点工作") == expected


def test_a_declaration_that_unmarked_units_cooperate() -> None:
    """标注“牵头”的为牵头单位，其余为配合单位: a 责任单位 list with no marked lead cooperates (no lead,
    no responsible body); a marked list leads and cooperates as ever; prose (A负责，B协助) keeps its
    own roles, which the declaration does not speak of."""
    text = (
        "州安全生产重点工作任务分工方案\n\n责任单位中标注“牵头”的为牵头单位，其余为配合单位。\n\n一、重点任务\n\n"
        "1．加强危险化学品安全管理。开展全链条排查。\n责任单位：州应急管理局（牵头），州公安局\n完成时限：2026年6月底前\n\n"
        "2．加强旅游景区安全管理。落实流量管控。\n责任单位：州文体广电旅游局，州公安局\n完成时限：2026年9月底前\n\n"
        "3．加强建筑施工安全监管。州住房城乡建设局负责，州水务局按职责协助，开展专项整治。\n完成时限：2025年12月底前\n"
    )
    doc = extract_text(text, "plan.txt")
    assert roles_of(doc, "危险化学品") == {
        "lead": ["州应急管理局"],
        "cooperate": ["州公安局"],
        "responsible": [],
    }
    assert roles_of(doc, "旅游景区") == {
        "lead": [],
        "cooperate": ["州文体广电旅游局", "州公安局"],
        "responsible": [],
    }
    assert roles_of(doc, "建筑施工") == {
        "lead": [],
        "cooperate": ["州水务局"],
        "responsible": ["州住房城乡建设局"],
    }
    # without the declaration the same list stays responsible
    plain = extract_text(text.replace("，其余为配合单位", ""), "plan.txt")
    assert roles_of(plain, "旅游景区") == {
        "lead": [],
        "cooperate": [],
        "responsible": ["州文体广电旅游局", "州公安局"],
    }


HIGH_TECH_ZONE_PLAN = """苏州高新区管委会办公室关于印发《苏州高新区专精特新中小企业梯度培育行动方案》的通知
苏州高新区管委会办公室
2027年5月8日
一、主要任务
1.建立专精特新企业梯度培育库。2027年6月底前完成。
责任单位：区经发委、区科技局
"""


def test_a_zone_the_division_table_lacks_is_the_plan_s_place_within_its_city() -> None:
    """苏州高新区 is no row of the division table: the plan is of the zone, in the city its name opens
    with, and its units written 区X are the zone's."""
    doc = extract_text(HIGH_TECH_ZONE_PLAN, "t.txt")
    assert doc.jurisdiction is not None
    assert (doc.jurisdiction.name, doc.jurisdiction.parent, doc.jurisdiction.province) == (
        "苏州高新区",
        "苏州市",
        "江苏省",
    )
    assert {u.name for u in doc.units.values()} == {"苏州高新区经发委", "苏州高新区科技局"}


def test_a_district_the_source_table_lacked_and_place_names_read_as_written() -> None:
    """渝北区 and 江北区 of 重庆 were missing from the division table (a plan of 渝北区 was read as the
    北区 of 台中市); 都 in a place's name is du (宁都 ningdu), a banner named by its people is
    written without 族自治 (鄂温克旗)."""
    from fengong.ingest.places import all_by_pinyin, autonomous_forms, lookup

    doc = extract_text("重庆市渝北区加快临空经济发展工作方案\n一、完善规划。区发展改革委负责。\n", "t.txt")
    assert doc.jurisdiction is not None and doc.jurisdiction.name == "渝北区"
    assert doc.jurisdiction.parent == "重庆市"
    assert lookup("江北区", "重庆市") is not None
    assert [p.name for p in all_by_pinyin()["ningdu"]] == ["宁都县"]
    assert [p.name for p in all_by_pinyin()["chengdu"]] == ["成都市"]
    assert autonomous_forms("鄂温克族自治旗") == ["鄂温克旗", "鄂温克自治旗"]
    assert autonomous_forms("鄂伦春自治旗") == ["鄂伦春旗", "鄂伦春自治旗"]


def test_a_zone_s_office_issues_its_plan_and_writes_its_units_short() -> None:
    """长春经济技术开发区安全生产委员会办公室 (one of the zone's offices, not its 管委会) issues the
    plan; its units written 区X and 经开区X (经开区 short for 经济技术开发区) are the zone's."""
    doc = extract_text(
        "长春经济技术开发区安全生产委员会办公室\n关于印发《经开区安全生产专项整治工作方案》的通知\n"
        "长春经济技术开发区安全生产委员会办公室\n2027年7月5日\n一、重点任务\n"
        "1.开展危险化学品企业隐患排查。2027年9月30日前完成。\n牵头部门：区应急局　　配合部门：经开区市场监管分局\n",
        "t.txt",
    )
    assert doc.jurisdiction is not None and doc.jurisdiction.name == "长春经济技术开发区"
    assert doc.jurisdiction.parent == "长春市"
    assert {u.name for u in doc.units.values()} == {
        "长春经济技术开发区应急局",
        "长春经济技术开发区市场监管分局",
    }


def test_a_street_s_office_under_its_district_and_words_that_are_no_prefix() -> None:
    """北京市朝阳区人民政府望京街道办事处 heads the page and issues the report: the street is its first
    place; 市民诉求处置中心 is no city's 民诉求处置中心 (市民 is a word; 市民宗局 is still the city's
    民宗局); 平安 (the short name of 平安县) opening 平安建设办公室 is no prefix the next name shares;
    the street's own offices, written bare, are named with it."""
    from fengong.graph.mapping import _place_keys

    doc = extract_text(
        "北京市朝阳区人民政府望京街道办事处\n关于2027年接诉即办重点任务进展情况的通报\n"
        "序号|工作任务|责任科室|办理时限|办理状态\n"
        "1|建立诉求分级分类办理机制|市民诉求处置中心、综合保障办公室|2027年3月底前|已办结\n"
        "2|整治住宅小区停车秩序|平安建设办公室、城市管理办公室|2027年8月31日前|滞后\n",
        "report.txt",
    )
    assert doc.issuer == "北京市朝阳区人民政府望京街道办事处"
    assert _place_keys(doc)["places"][:2] == ["望京街道", "朝阳区"]
    assert {u.name for u in doc.units.values()} == {
        "望京街道市民诉求处置中心",
        "望京街道综合保障办公室",
        "望京街道平安建设办公室",
        "望京街道城市管理办公室",
    }
    assert level_prefix("市民宗局") == "市" and level_prefix("市民诉求处置中心") == ""


def test_a_ministry_s_department_signs_its_notice() -> None:
    """国家疾病预防控制局综合司 (a 司) signing above the date is the issuer: the national plan's place
    is the body it belongs to, so a question about the NDCPA's plan keeps to it."""
    from fengong.graph.mapping import _place_keys

    doc = extract_text(
        "国家疾病预防控制局综合司关于印发2027年传染病监测预警重点工作任务分工方案的通知\n"
        "局机关各司：\n现将方案印发给你们。\n国家疾病预防控制局综合司\n2027年4月12日\n"
        "一、重点任务\n（一）完善传染病网络直报系统。2027年9月底前完成。（监测预警司牵头，应急处置司配合）\n",
        "t.txt",
    )
    assert doc.issuer == "国家疾病预防控制局综合司"
    assert _place_keys(doc)["places"] == ["国家疾病预防控制局"]


def test_a_city_whose_name_ends_as_a_town_s_is_no_town() -> None:
    """景德镇市人民政府办公室 issues a city's plan: 景德镇 (a place of the table cut short) is no
    township of it, while 江湾镇人民政府 is one."""
    from fengong.ingest.resolve import zone_of

    assert zone_of("景德镇市陶瓷文化保护传承创新重点任务分工方案", "景德镇市人民政府办公室") is None
    assert zone_of("江湾镇2026年农村人居环境整治方案", "江湾镇人民政府") == "江湾镇"


def _roles(doc: Document) -> dict[str, tuple[list[str], list[str], list[str]]]:
    """Each task's title with its leads, partners and responsible units, by name."""
    name = {u.id: u.name for u in doc.units.values()}
    out = {}
    for t in doc.tasks:
        roles: dict[str, list[str]] = {"lead": [], "cooperate": [], "responsible": []}
        for a in t.assignments:
            if a.role in roles:
                roles[a.role].append(name[a.unit_id])
        out[t.title] = (roles["lead"], roles["cooperate"], roles["responsible"])
    return out


def test_a_town_s_items_numbered_under_their_section() -> None:
    """中山市小榄镇人民政府's plan: items 1.1, 1.2 are titled without their number (not item 1 with a
    title opening "1"); the town's units are named by the town alone (小榄镇X, as a town writes
    them); 各社区 shares no 各 with 镇自然资源分局, the town's own bureau; "1.3月底前" is still item 1."""
    doc = extract_text(
        "中山市小榄镇人民政府关于印发《小榄镇五金产业集群发展行动方案》的通知\n"
        "中山市小榄镇人民政府\n2027年12月5日\n一、推动产业链强链补链\n"
        "1.1 编制五金产业链图谱。梳理上下游企业。\n责任单位：镇经济发展和科技统计局（牵头）、镇投资促进中心\n"
        "完成时限：2028年3月底前\n"
        "1.2推进村级工业园改造。\n责任单位：各社区（牵头）、镇自然资源分局\n完成时限：2028年6月30日前\n",
        "t.txt",
    )
    assert _roles(doc) == {
        "编制五金产业链图谱": (["小榄镇经济发展和科技统计局"], ["小榄镇投资促进中心"], []),
        "推进村级工业园改造": (["各社区"], ["小榄镇自然资源分局"], []),
    }
    report = extract_text("一、建设任务\n1.3月底前完成年度建设计划下达（已完成）\n", "r.txt")
    assert [t.title for t in report.tasks] == ["3月底前完成年度建设计划下达"]


@pytest.mark.parametrize(
    ("units", "expected"),
    [
        ("县商务局*、县财政局", (["光山县商务局"], ["光山县财政局"], [])),
        ("县交通运输局、县商务局★", (["光山县商务局"], ["光山县交通运输局"], [])),
        (
            "县商务局、县财政局、县工信局（县财政局为牵头单位）",
            (["光山县财政局"], ["光山县商务局", "光山县工信局"], []),
        ),
        ("县商务局、县财政局", ([], [], ["光山县商务局", "光山县财政局"])),
    ],
)
def test_a_lead_marked_by_a_sign_or_named_after_the_list(units: str, expected: tuple) -> None:
    """县商务局* (注：标*的为牵头单位) and a bracket closing the list that names its lead
    (（县财政局为牵头单位）) mark the lead; a list with neither names none."""
    doc = extract_text(
        f"光山县县域商业体系建设实施方案\n注：标*的为牵头单位。\n一、重点任务\n（一）改造提升县城商业中心。\n责任单位：{units}\n",
        "t.txt",
    )
    assert _roles(doc) == {"改造提升县城商业中心": expected}


def test_a_region_s_units_a_class_of_bodies_and_states_before_titles() -> None:
    """地区X of 大兴安岭地区's plan is the region's, as 自治区X is an autonomous region's; 各流域管理机构
    fills a table's lead column (a class of bodies); a report's 【已完成】 opening a title and its
    完成率：85%，滞后 give the tasks' states."""
    plan = extract_text(
        "大兴安岭地区行政公署办公室关于印发森林防灭火工作任务分工方案的通知\n一、落实森林防火责任制\n"
        "牵头领导：行署副专员 王立军\n牵头单位：地区应急管理局\n责任单位：地区林草局、各县（市、区）政府\n",
        "t.txt",
    )
    assert _roles(plan) == {
        "落实森林防火责任制": (["大兴安岭地区应急管理局"], ["大兴安岭地区林草局", "各县（市、区）政府"], [])
    }
    table = extract_text(
        "水利部2028年数字孪生流域建设工作分工方案\n"
        "| 序号 | 任务 | 牵头司局（单位） | 配合司局（单位） | 完成时间 |\n"
        "| 1 | 推进七大江河数字孪生流域建设 | 各流域管理机构 | 水旱灾害防御司、规划计划司 | 2028年底前 |\n",
        "t.txt",
    )
    assert _roles(table) == {
        "推进七大江河数字孪生流域建设": (["各流域管理机构"], ["水旱灾害防御司", "规划计划司"], [])
    }
    report = extract_text(
        "关于边境贸易重点任务推进情况的通报\n二、各项任务推进情况\n"
        "1.【已完成】推动互市贸易进口商品落地加工。牵头单位：市商务局；配合单位：市工业和信息化局。\n"
        "2. 优化工程建设项目审批流程\n责任单位：区建设交通委（牵头）\n完成时限：2028年6月30日前\n完成率：85%，滞后\n",
        "r.txt",
    )
    assert {t.title: t.status for t in report.tasks} == {
        "推动互市贸易进口商品落地加工": "已完成",
        "优化工程建设项目审批流程": "滞后",
    }


def test_a_cell_titled_before_its_colon_partners_by_another_label_and_a_science_city() -> None:
    """A table's task cell "建设…核心区：推进…" is titled by its words before the colon; 参加司局 lists
    partners as 配合司局 does; a 科技城 is a zone whose bare word names its units, and a section
    written bare (产业促进处) is the one its fuller spelling names, or else the issuer's."""
    table = extract_text(
        "株洲市2028年轨道交通装备产业集群发展重点工作任务清单\n"
        "| 序号 | 重点工作 | 牵头领导 | 责任单位 | 完成时间 |\n"
        "| 1 | 建设世界级轨道交通装备产业集群核心区：推进田心片区产业空间优化 | 副市长 刘振华 | 市工业和信息化局、市发展改革委 | 2028年12月底前 |\n",
        "t.txt",
    )
    assert [(t.title, t.path) for t in table.tasks] == [
        ("建设世界级轨道交通装备产业集群核心区", ["建设世界级轨道交通装备产业集群核心区"])
    ]
    labels = extract_text(
        "自然资源部2028年耕地保护重点工作分工方案\n一、完善耕地保护法规制度\n研究起草配套规章。\n"
        "牵头司局：法规司\n参加司局：耕地保护监督司、国土空间用途管制司\n",
        "t.txt",
    )
    assert _roles(labels) == {
        "完善耕地保护法规制度": (["法规司"], ["耕地保护监督司", "国土空间用途管制司"], [])
    }
    zone = extract_text(
        "三亚崖州湾科技城管理局关于印发《崖州湾科技城2028年南繁育种重点工作实施方案》的通知\n"
        "三亚崖州湾科技城管理局\n2028年1月25日\n一、重点任务\n"
        "（一）建设生物育种中试熟化平台。由科技城管理局科技创新处牵头，产业促进处配合。\n"
        "（二）引进培育种业龙头企业。由科技城管理局产业促进处牵头，财务处配合。\n",
        "t.txt",
    )
    assert zone.jurisdiction is not None and zone.jurisdiction.parent == "三亚市"
    assert _roles(zone) == {
        "建设生物育种中试熟化平台": (["崖州湾科技城管理局科技创新处"], ["崖州湾科技城管理局产业促进处"], []),
        # a section written only bare is the issuing 管理局's own
        "引进培育种业龙头企业": (["崖州湾科技城管理局产业促进处"], ["三亚崖州湾科技城管理局财务处"], []),
    }


def test_a_joint_notice_signed_on_two_lines_and_a_new_area_s_short_name() -> None:
    """Seven signers on two lines above 关于… all issue the notice (the second line is no part of its
    title alone); 浦东新区, 雄安新区 are 浦东, 雄安 for short (清新区 keeps 清新)."""
    from fengong.graph.mapping import _place_keys
    from fengong.ingest.places import lookup

    doc = extract_text(
        "国家卫生健康委 国家发展改革委 教育部 民政部\n财政部 国家医保局 国家中医药局\n"
        "关于进一步加强老年健康服务工作的通知\n国卫老龄发〔2027〕11号\n一、健全老年健康服务网络\n"
        "（一）推进老年友善医疗机构建设。（国家卫生健康委牵头，民政部按职责分工负责）\n",
        "t.txt",
    )
    assert doc.title.startswith("国家卫生健康委国家发展改革委教育部民政部财政部")
    assert _place_keys(doc)["places"][:2] == ["国家卫生健康委员会", "国家发展和改革委员会"]
    assert [(n, lookup(n).short) for n in ("浦东新区", "雄安新区", "清新区")] == [  # type: ignore[union-attr]
        ("浦东新区", "浦东"),
        ("雄安新区", "雄安"),
        ("清新区", "清新"),
    ]


def test_a_state_closing_a_progress_paragraph_and_a_unit_alone_under_a_declaration() -> None:
    """进展情况：…。【推进中】 gives the task's state; under 其余为配合单位 a unit listed alone is no
    "rest": it carries its task (responsible), while the units of an unmarked list cooperate."""
    report = extract_text(
        "德清县地理信息产业重点任务推进情况通报\n二、重点任务推进情况\n"
        "1.建设地理信息产业园三期（牵头单位：莫干山高新区管委会；配合单位：县住建局）\n"
        "完成时限：2029年6月底前\n进展情况：主体建筑已全部结顶，正在进行装修施工。【推进中】\n",
        "r.txt",
    )
    assert [t.status for t in report.tasks] == ["推进中"]
    plan = extract_text(
        "某市生物医药任务清单\n标注（牵头）的为牵头单位，其余为配合单位。\n一、重点任务\n"
        "1.优化注册审评服务。\n责任单位：市市场监管局\n2.建设危险废物处置设施。\n责任单位：市生态环境局、市城管局\n",
        "t.txt",
    )
    assert _roles(plan) == {
        "优化注册审评服务": ([], [], ["市市场监管局"]),
        "建设危险废物处置设施": ([], ["市生态环境局", "市城管局"], []),
    }


def test_a_zone_of_a_municipality_is_of_its_city() -> None:
    """北京经济技术开发区 opens with 北京, a municipality: the zone is of the city 北京市 (it had no place
    at all, the province's row being passed over)."""
    from fengong.ingest.places import opening_place

    place = opening_place("北京经济技术开发区")
    assert place is not None and (place.name, place.level) == ("北京市", "city")
    assert opening_place("湖南路街道") is None  # a province's short name opens no zone of a city


def test_a_section_written_unit_by_unit() -> None:
    """二、职责分工 with one paragraph per unit (市A：牵头推进X（时限）、Y；配合市B做好Z): the tasks those
    paragraphs name, each once, with every unit in the role its clause gives; a task every paragraph
    only cooperates on has no lead; a partner named after 配合 leads a task no paragraph leads."""
    doc = extract_text(
        "市人民政府办公厅关于印发某市物流枢纽建设重点任务分工的通知\n二、职责分工\n"
        "（一）市交通局：牵头推进货运场站改造（2027年6月底前完成）、多式联运示范（2027年9月30日前完成）；"
        "配合市商务局做好冷链物流网络建设，配合做好口岸功能提升。\n"
        "（二）市商务局：牵头推进冷链物流网络建设（2027年第二季度完成）；配合市交通局做好多式联运示范。\n"
        "（三）市财政局：配合市交通局做好货运场站改造；配合做好口岸功能提升。\n"
        "（四）市发展改革委：配合市工信局做好物流园区招商。\n"
        "三、保障措施\n（一）加强组织领导。各单位要明确分管领导。\n",
        "u.txt",
    )
    roles = _roles(doc)
    assert roles["货运场站改造"] == (["市交通局"], ["市财政局"], [])
    assert roles["多式联运示范"] == (["市交通局"], ["市商务局"], [])
    assert roles["冷链物流网络建设"] == (["市商务局"], ["市交通局"], [])
    assert roles["口岸功能提升"] == ([], ["市交通局", "市财政局"], [])
    # the partner named: 配合市工信局做好物流园区招商, and no paragraph of 市工信局
    assert roles["物流园区招商"] == (["市工信局"], ["市发展改革委"], [])
    due = {t.title: t.deadline.date if t.deadline else None for t in doc.tasks}
    assert due["货运场站改造"] == "2027-06-30" and due["冷链物流网络建设"] == "2027-06-30"
    assert "市交通局" not in roles  # no task is titled by a unit any more
    # two paragraphs headed by units are no section written so: each stays one task
    two = extract_text(
        "县方案\n一、分工\n（一）县农业农村局：牵头推进高标准农田建设。\n（二）县水利局：牵头推进灌区改造。\n",
        "v.txt",
    )
    assert "高标准农田建设" not in {t.title for t in two.tasks}


def test_compound_labels_a_pending_unit_and_village_classes() -> None:
    """配合责任单位 / 协同责任单位 give partners (they are no 责任单位 list with a word before it); a
    unit still to be named (由县人民政府另行明确) is none; 各村（社区） is a class of bodies that fills a
    unit cell, and 相关村（社区） a catch-all; a township's government keeps its own name in a list
    whose first unit carries the county's prefix."""
    doc = extract_text(
        "县旅游提升方案\n一、重点任务\n1.游船更新\n主要责任单位：县交通运输局\n配合责任单位：县文旅局、县财政局\n"
        "完成时限：2028年5月31日前\n2.应急保障\n主要责任单位：由县人民政府另行明确\n"
        "协同责任单位：县应急管理局、黑石镇人民政府\n完成时限：2028年4月28日前\n",
        "c.txt",
    )
    roles = _roles(doc)
    assert roles["游船更新"] == (["县交通运输局"], ["县文旅局", "县财政局"], [])
    assert roles["应急保障"] == ([], ["县应急管理局", "黑石镇人民政府"], [])
    assert [t.title for t in doc.tasks] == ["游船更新", "应急保障"]  # no task made of a label's first word
    assert [m.local for m in parse_list("县委宣传部、黑石镇人民政府")] == ["县委宣传部", "黑石镇人民政府"]
    table = extract_text(
        "某镇任务清单\n序号\t工作内容\t责任领导\t责任办线\t完成时间\n"
        "1\t村庄保洁\t张三（副镇长）\t各村（社区）、镇农业农村办\t长期坚持\n"
        "2\t违建拆除\t张三（副镇长）\t镇综合行政执法队、相关村（社区）\t2028年4月25日前\n",
        "w.txt",
    )
    roles = _roles(table)
    assert roles["村庄保洁"] == ([], [], ["各村（社区）", "镇农业农村办"])  # a row of its own, aligned
    assert roles["违建拆除"] == ([], [], ["镇综合行政执法队"])  # 相关村（社区） names no unit


def test_a_paired_unit_column_and_a_town_s_joint_notice() -> None:
    """A 牵头单位/配合单位 column holds both lists in one cell, the lead's before the slash; a town's
    notice signed by its party committee and its government names the town's offices (镇平安办 is
    乌镇镇平安办 of 中共乌镇镇委员会办公室、乌镇镇人民政府办公室)."""
    doc = extract_text(
        "市人民政府办公厅关于印发某市协同发展2028年分工方案的通知\n"
        "序号 | 重点任务 | 牵头单位/配合单位 | 完成时限\n"
        "1 | 推进城际铁路建设 | 市交通运输委 / 市发展改革委、市规划自然资源局 | 2028年12月底前\n"
        "2 | 推广社保卡一卡通 | 市人力社保局 / — | 2028年6月底前\n"
        "3 | 开展城乡融合试点 | 各区县政府 / 市农业农村委 | 2028年9月底前\n",
        "p.txt",
    )
    roles = _roles(doc)
    assert roles["推进城际铁路建设"] == (["市交通运输委"], ["市发展改革委", "市规划自然资源局"], [])
    assert roles["推广社保卡一卡通"] == (["市人力社保局"], [], [])
    assert roles["开展城乡融合试点"][1] == ["市农业农村委"]
    from fengong.ingest.resolve import zone_of

    assert zone_of("2028年服务保障工作任务清单", "中共乌镇镇委员会办公室、乌镇镇人民政府办公室") == "乌镇镇"
    assert zone_of("x", "中共乌镇镇委员会办公室") == "乌镇镇"


def test_a_department_s_own_sections_take_its_name() -> None:
    """A provincial department dividing work among its own sections (对外贸易处, 电子商务处) names them
    under itself (浙江省商务厅对外贸易处); a ministry's 司 are named under it too (水利部规划计划司)."""
    doc = extract_text(
        "浙江省商务厅\n浙商务函〔2027〕1号\n浙江省商务厅关于印发厅内任务分工的通知\n一、重点任务\n"
        "1. 培育跨境电商产业带。（对外贸易处牵头，电子商务处配合）\n"
        "2. 推进海外仓建设。（电子商务处牵头，规划财务处配合）\n\n浙江省商务厅\n2027年9月1日\n",
        "d.txt",
    )
    assert _roles(doc)["培育跨境电商产业带"] == (["浙江省商务厅对外贸易处"], ["浙江省商务厅电子商务处"], [])
    ministry = extract_text(
        "水利部办公厅关于印发任务分工的通知\n一、重点任务\n1. 建设数字孪生流域。（规划计划司牵头，水资源管理司配合）\n",
        "m.txt",
    )
    assert _roles(ministry)["建设数字孪生流域"] == (["水利部规划计划司"], ["水利部水资源管理司"], [])


def test_a_heading_s_lead_unit_lines_and_second_names() -> None:
    """A measure naming only partners under a heading that names the lead (（一）…（省科技厅牵头） over
    1. …（省教育厅配合）) is led by it; a task whose lines each give a unit's part (市A：牵头负责…；
    市B：负责…；各区政府：配合做好…) has those roles, its heading's deadline bracket no part of its
    title; a body written with its second name (区司法局（开发区司法局）) is named by its first."""
    heading = extract_text(
        "陕西省某创新平台建设重点任务分工方案\n（一）推进科技成果转化（省科技厅牵头）\n"
        "1. 深化职务科技成果改革。2027年12月底前试点高校达到60家。（省教育厅、省财政厅配合）\n"
        "2. 建设中试基地。2027年10月底前新认定15个。（省工信厅牵头，省科技厅配合）\n",
        "h.txt",
    )
    roles = _roles(heading)
    assert roles["深化职务科技成果改革"] == (["陕西省科技厅"], ["陕西省教育厅", "陕西省财政厅"], [])
    assert roles["建设中试基地"] == (["陕西省工信厅"], ["陕西省科技厅"], [])
    lines = extract_text(
        "南京市某产业实施方案\n一、重点任务\n（一）突破基础软件（完成时限：2028年6月底前）\n"
        "市工信局：牵头负责编制攻关清单；\n市科技局：负责纳入重大科技专项支持；\n各区政府：配合做好项目落地服务。\n"
        "（二）建设开源生态（完成时限：2028年9月底前）\n市科技局：牵头负责建设开源社区；\n市工信局：负责推动开源应用。\n",
        "n.txt",
    )
    roles = _roles(lines)
    assert roles["突破基础软件"] == (["南京市工信局"], ["南京市科技局", "各区政府"], [])
    assert roles["建设开源生态"] == (["南京市科技局"], ["南京市工信局"], [])
    assert [t.deadline.date for t in lines.tasks if t.deadline] == ["2028-06-30", "2028-09-30"]
    assert [m.local for m in parse_list("区司法局（开发区司法局）（牵头）、区商务局")] == [
        "区司法局",
        "区商务局",
    ]
    assert [m.local for m in parse_list("县人民政府（管委会）")] == ["县人民政府（管委会）"]


def test_a_zone_s_bare_bodies_and_a_town_s_stations() -> None:
    """In a zone's own list its bodies written bare (经济发展局) are the zone's; a town's 责任站所 lists
    its stations (镇林业站（牵头））."""
    zone = extract_text(
        "横琴粤澳深度合作区执行委员会\n关于印发《推进琴澳一体化发展重点任务清单》的通知\n"
        "一、重点任务\n1.培育中医药产业\n主责部门：经济发展局\n协同部门：商事服务局\n完成时限：2028年6月底前\n\n"
        "横琴粤澳深度合作区执行委员会\n2027年7月6日\n",
        "z.txt",
    )
    assert _roles(zone)["培育中医药产业"] == (
        ["横琴粤澳深度合作区经济发展局"],
        ["横琴粤澳深度合作区商事服务局"],
        [],
    )
    town = extract_text(
        "勐腊县勐仑镇人民政府关于印发2028年热带雨林保护分工方案的通知\n一、重点任务\n（一）开展天然林巡护\n"
        "责任站所：镇林业站（牵头）、曼边村委会\n完成时限：长期坚持\n",
        "t.txt",
    )
    lead, partners, _ = _roles(town)["开展天然林巡护"]
    assert lead == ["勐仑镇林业站"] and partners == ["曼边村委会"]


def test_dated_items_under_an_annotated_heading_a_ministry_s_own_offices_and_a_zone_s_name() -> None:
    """Items each with a deadline under a heading that names the units (（一）…（牵头单位：A；配合单位：
    B） over 1. …6月底前完成。2. …每季度…) are each a task of those units; a ministry's notice writes
    its own departments 部X司 (农业农村部种植业管理司); a zone's plan may write its bodies after the
    zone's own name (光谷发改局 of 武汉东湖新技术开发区), and a table's task cell its item number."""
    items = extract_text(
        "温州市某方案\n一、营造公平竞争的市场环境\n（一）破除市场准入壁垒（牵头单位：市发展改革委；配合单位：市商务局）\n"
        "1.全面落实市场准入负面清单制度。2028年6月底前完成。\n2.建立民间投资项目推介机制。每季度推介一批项目。\n",
        "w.txt",
    )
    roles = _roles(items)
    assert roles["全面落实市场准入负面清单制度"] == (["温州市发展改革委"], ["温州市商务局"], [])
    assert roles["建立民间投资项目推介机制"] == (["温州市发展改革委"], ["温州市商务局"], [])
    assert "破除市场准入壁垒" not in {t.title for t in items.tasks}  # the heading groups them
    ministry = extract_text(
        "农业农村部办公厅关于做好2028年春耕生产工作的通知\n一、重点任务\n"
        "（一）推进大豆油料扩种。部种植业管理司要会同部种业管理司指导稳定大豆种植面积，2028年4月30日前完成。\n"
        "\n农业农村部办公厅\n2028年2月1日\n",
        "m.txt",
    )
    assert _roles(ministry)["推进大豆油料扩种"] == (["农业农村部种植业管理司"], ["农业农村部种业管理司"], [])
    zone = extract_text(
        "武汉东湖新技术开发区管理委员会办公室\n关于印发《光谷光电子信息产业任务分工》的通知\n"
        "序号\t任务\t责任单位\t完成时间\n1\t1.建设光电子芯片中试平台\t光谷科创局（牵头）、光谷财政局\t2029年6月30日\n"
        "2\t2.实施光通信产业链强链补链\t光谷发改局（牵头）\t2028年12月31日\n\n武汉东湖新技术开发区管理委员会办公室\n2028年1月22日\n",
        "z.txt",
    )
    assert _roles(zone)["建设光电子芯片中试平台"] == (
        ["武汉东湖新技术开发区科创局"],
        ["武汉东湖新技术开发区财政局"],
        [],
    )


def test_milestones_a_table_task_s_own_deadline_and_states_by_section() -> None:
    """A 节点目标 cell of dated milestones gives its last as the deadline; a table with no deadline
    column takes the date in the task's own cell; a report's section heading (三、进展滞后的任务)
    gives the state of the tasks under it; 预警等级：红色 is a state."""
    from fengong.ingest.status import state_of

    table = extract_text(
        "慈溪市家电产业2027年重点任务清单\n序号\t重点任务\t牵头单位\t配合单位\t节点目标\n"
        "1\t实施智能化改造\t市经信局\t市发改局\t3月底前完成摸底；6月底前完成30个项目开工；12月底前完成改造100个\n",
        "c.txt",
    )
    task = table.tasks[0]
    assert task.deadline is not None and task.deadline.date == "2027-12-31"
    assert [d.date for d in task.other_deadlines] == ["2027-03-31", "2027-06-30"]
    annex = extract_text(
        "国务院关于促进低空经济发展的意见\n附件\n重点任务分工表\n"
        "| 序号 | 重点任务 | 牵头单位 | 参加单位 |\n|---|---|---|---|\n"
        "| 1 | 开展低空经济试点示范。遴选一批城市开展试点，2027年11月底前公布首批试点名单。 | 国家发展改革委 | 民航局 |\n",
        "a.txt",
    )
    assert [(t.title, t.deadline.date if t.deadline else None) for t in annex.tasks] == [
        ("开展低空经济试点示范", "2027-11-30")
    ]
    report = extract_text(
        "江西省营商环境重点任务推进情况的通报\n一、已完成的任务\n（一）推行一网通办。责任单位：省市场监管局（牵头）。"
        "完成时限：2028年6月底前。\n三、进展滞后的任务\n（二）建设惠企政策兑现平台。责任单位：省发展改革委（牵头）。"
        "完成时限：2028年6月底前。\n",
        "j.txt",
    )
    assert [(t.status, state_of(t.status)) for t in report.tasks] == [
        ("已完成", "done"),
        ("进展滞后", "behind"),
    ]
    colour = extract_text(
        "某省重点任务推进情况通报\n一、建设超充站\n牵头单位：省能源局\n完成时限：2027年11月底前\n预警等级：红色\n",
        "r.txt",
    )
    assert [state_of(t.status) for t in colour.tasks] == ["behind"]


def test_labels_parted_by_bars_and_a_township_s_offices() -> None:
    """Labels on one line parted by ｜ (牵头单位：区A｜配合单位：区B｜完成时限：…) each end their list at
    the bar; 责任办所 lists a township's offices."""
    bars = extract_text(
        "沈阳市浑南区机器人产业任务分工\n一、重点任务\n（一）建设机器人产业园二期\n"
        "牵头单位：区工信局｜配合单位：区发展改革局、区自然资源分局｜完成时限：2028年10月底前\n",
        "b.txt",
    )
    roles = _roles(bars)["建设机器人产业园二期"]
    assert roles[0] == ["浑南区工信局"] and roles[1] == ["浑南区发展改革局", "浑南区自然资源分局"]
    assert bars.tasks[0].deadline is not None and bars.tasks[0].deadline.date == "2028-10-31"
    township = extract_text(
        "林周县春堆乡高原农牧业重点任务分工\n一、重点任务\n1.推广青稞良种\n责任办所：乡农牧综合服务中心（牵头）、乡财政所\n"
        "完成时限：2029年5月底前\n",
        "t.txt",
    )
    lead, partners, _ = _roles(township)["推广青稞良种"]
    assert len(lead) == 1 and lead[0].endswith("农牧综合服务中心") and len(partners) == 1


def test_a_list_opening_an_item_overall_charge_and_units_with_a_deadline_in_one_cell() -> None:
    """A bracketed unit list opening an item (1.【市A、市B】开展…) assigns it (first listed leads under
    the declaration); 负总责 leads and 具体落实 cooperates; a 责任单位及完成时限 column gives both; an HTML
    line break inside a cell parts its clauses."""
    opening = extract_text(
        "岳阳市长江岸线保护方案\n（各项任务【】内排在首位的为牵头单位，其余为配合单位。）\n一、重点任务\n"
        "1.【市生态环境局、市水利局】开展入河排污口排查整治。2028年6月30日前完成整治。\n",
        "o.txt",
    )
    assert _roles(opening)["开展入河排污口排查整治"] == (["岳阳市生态环境局"], ["岳阳市水利局"], [])
    charge = extract_text(
        "某县侗族文化保护方案\n一、重点任务\n（一）开展侗族文化资源普查。2028年3月底前完成。县文化旅游局负总责，"
        "县民族宗教事务局、各乡镇具体落实。\n",
        "c.txt",
    )
    lead, partners, _ = _roles(charge)["开展侗族文化资源普查"]
    assert lead == ["县文化旅游局"] and "县民族宗教事务局" in partners
    cell = extract_text(
        "湖南省先进制造业重点任务分工\n序号\t重点任务\t责任单位及完成时限\n"
        "1\t实施工程机械产业集群提质工程\t省工业和信息化厅牵头，省发展改革委配合，2028年底前完成\n",
        "h.txt",
    )
    task = cell.tasks[0]
    assert _roles(cell)[task.title] == (["湖南省工业和信息化厅"], ["湖南省发展改革委"], [])
    assert task.deadline is not None and task.deadline.date == "2028-12-31"
    br = extract_text(
        "攀枝花市钒钛产业分工方案\n| 序号 | 任务 | 责任单位 | 完成时限 |\n|---|---|---|---|\n"
        "| 1 | 建设钒钛新材料产业园 | 牵头：市经济和信息化局<br>配合：市自然资源和规划局 | 2029年12月底前 |\n",
        "b.txt",
    )
    assert _roles(br)["建设钒钛新材料产业园"] == (
        ["攀枝花市经济和信息化局"],
        ["攀枝花市自然资源和规划局"],
        [],
    )


def test_a_ministry_s_own_departments_marks_after_names_and_declared_short_names() -> None:
    """A central body's notice names its departments bare (电力司): they are named with it, so that
    综合司 of one ministry is not another's; 联合会 ends a body's name, no with-word; 责任：A（主）、B（辅）
    marks the lead and its partner; a name opening with a place's short name (绥芬河站) takes no shared
    prefix; X以下简称“Y” (no brackets, a bracket inside X) names Y by X, with a list's prefix too."""
    energy = extract_text(
        "国家能源局关于印发新型储能重点任务分工方案的通知\n\n一、重点任务\n"
        "1. 制定新型储能调度运行规则。（电力司牵头，综合司、中国电力企业联合会配合；2028年12月底前）\n",
        "e.txt",
    )
    lead, partners, _ = _roles(energy)["制定新型储能调度运行规则"]
    assert lead == ["国家能源局电力司"]
    assert partners == ["国家能源局综合司", "中国电力企业联合会"]
    finance = extract_text(
        "财政部关于印发专项债券管理分工方案的通知\n\n一、重点任务\n1. 完善债券信息披露。（综合司牵头；2028年6月底前）\n",
        "f.txt",
    )
    assert _roles(finance)["完善债券信息披露"][0] == ["财政部综合司"]
    port = extract_text(
        "绥芬河市2028年口岸经济工作要点\n标注“（主）”的为牵头单位，标注“（辅）”的为配合单位。"
        "中国（黑龙江）自由贸易试验区绥芬河片区管委会以下简称“自贸片区管委会”。\n"
        "1. 稳定中欧班列开行频次。责任：市商务局（主）、绥芬河站（辅）；时限：每季度调度。\n"
        "2. 推进综合保税区招商。责任：市商务局（主）、自贸片区管委会（辅）；时限：2028年6月底前。\n",
        "s.txt",
    )
    roles = _roles(port)
    assert roles["稳定中欧班列开行频次"] == (["绥芬河市商务局"], ["绥芬河站"], [])
    assert roles["推进综合保税区招商"] == (
        ["绥芬河市商务局"],
        ["中国（黑龙江）自由贸易试验区绥芬河片区管委会"],
        [],
    )


def test_sections_named_by_their_lead_and_a_report_line_s_closing_state() -> None:
    """A heading naming its section's lead (二、县商务局牵头的任务; （本部分各项任务均由省体育局牵头，所列
    责任单位为配合单位）) leads each task under it, whose listed units then cooperate; a state in
    brackets closing a report's line (…完成时间：2028年3月。【已完成】) is the task's; a table's task cell
    keeps no deadline bracket in its title (企业开办全程网办（2027年12月底前）)."""
    grouped = extract_text(
        "象山县现代渔业重点任务分工方案\n一、县商务局牵头的任务\n"
        "1. 建设水产品冷链物流中心。配合：县发改局、县交通运输局。完成时限：2028年4月底前。\n"
        "二、需协同推进的任务（牵头单位另行明确）\n"
        "2. 推进渔民转产转业技能培训。配合：县人社局、县农业农村局。完成时限：2028年第四季度。\n",
        "x.txt",
    )
    roles = _roles(grouped)
    assert roles["建设水产品冷链物流中心"] == (["象山县商务局"], ["象山县发改局", "象山县交通运输局"], [])
    assert roles["推进渔民转产转业技能培训"][0] == []
    declared = extract_text(
        "黑龙江省冰雪经济重点任务分工方案\n一、普及冰雪运动（本部分各项任务均由省体育局牵头，以下不再列出，所列责任单位为配合单位）\n"
        "1. 推进冰雪运动进校园。2027年12月底前实现课程全覆盖。责任单位：省教育厅\n"
        "2. 加强冰雪运动人才培养。2028年8月底前完善培训体系。责任单位：省教育厅、省人社厅\n",
        "h.txt",
    )
    roles = _roles(declared)
    assert roles["推进冰雪运动进校园"] == (["黑龙江省体育局"], ["黑龙江省教育厅"], [])
    assert roles["加强冰雪运动人才培养"] == (["黑龙江省体育局"], ["黑龙江省教育厅", "黑龙江省人社厅"], [])
    assert not any("本部分" in u.name or "所列" in u.name for u in declared.units.values())
    report = extract_text(
        "宁波市港航物流重点任务推进情况通报\n"
        "1. 建成梅山港区集装箱码头续建工程。责任单位：市交通局。完成时间：2028年3月。【已完成】\n"
        "2. 建设航运交易数字化平台。责任单位：市大数据局。完成时间：2028年12月。【未完成】\n",
        "n.txt",
    )
    assert [t.status for t in report.tasks] == ["已完成", "未完成"]
    table = extract_text(
        "哈尔滨市营商环境重点任务推进情况通报\n| 序号 | 重点任务 | 牵头单位 | 完成率 |\n|---|---|---|---|\n"
        "| 1 | 企业开办全程网办（2027年12月底前） | 市市场监管局 | 100% |\n"
        "| 2 | 压缩货物通关时间（长期坚持） | 哈尔滨海关 | 70% |\n",
        "t.txt",
    )
    assert [t.title for t in table.tasks] == ["企业开办全程网办", "压缩货物通关时间"]
    assert table.tasks[0].deadline is not None and table.tasks[0].deadline.date == "2027-12-31"


def test_a_town_s_bare_offices_and_short_forms_of_provincial_departments() -> None:
    """A town's own plan names its offices bare (建设办, 派出所): they are the town's, but a body
    named with the town already (石浦海事处) or by 镇 (镇财政所) is not named twice; 文旅厅 and 文化和旅游厅
    are one department."""
    town = extract_text(
        "中共象山县石浦镇委员会\n象山县石浦镇人民政府\n\n"
        "中共象山县石浦镇委员会 象山县石浦镇人民政府关于印发《石浦渔港经济区建设重点任务责任分解方案》的通知\n"
        "镇机关各办（站、所），各村（社区）：\n现将方案印发给你们，请认真抓好落实。\n"
        "中共象山县石浦镇委员会\n象山县石浦镇人民政府\n2028年2月26日\n\n"
        "1. 推进渔港综合管理改革。责任站所：渔业站（牵头）、派出所、石浦海事处、镇财政所。完成时限：2028年6月底前。\n",
        "t.txt",
    )
    assert _roles(town)["推进渔港综合管理改革"] == (
        ["石浦镇渔业站"],
        ["石浦镇派出所", "石浦海事处", "石浦镇财政所"],
        [],
    )
    province = extract_text(
        "黑龙江省冰雪经济重点任务分工方案\n一、重点任务\n"
        "1. 打造冰雪旅游精品线路。责任单位：省文旅厅（牵头）、省交通运输厅\n"
        "2. 提升冰雪景区服务质量。责任单位：省文化和旅游厅（牵头）、省市场监管局\n",
        "p.txt",
    )
    roles = _roles(province)
    assert roles["打造冰雪旅游精品线路"][0] == roles["提升冰雪景区服务质量"][0]


def test_three_fields_parted_by_bars_are_no_table_row() -> None:
    """A line of labelled fields parted by bars (牵头单位：A｜配合单位：B｜完成时限：C) under an item's
    title is the item's units and deadline, not a row of a table written with pipes."""
    doc = extract_text(
        "浑南区机器人产业任务分工\n一、壮大产业规模\n1. 建设机器人产业园二期\n"
        "牵头单位：区工信局｜配合单位：区发展改革局｜完成时限：2028年10月底前\n"
        "2. 支持龙头企业扩大产能\n牵头单位：区工信局 | 配合单位：区财政局 | 完成时限：2028年6月底前\n",
        "h.txt",
    )
    roles = _roles(doc)
    assert roles["建设机器人产业园二期"] == (["浑南区工信局"], ["浑南区发展改革局"], [])
    assert roles["支持龙头企业扩大产能"] == (["浑南区工信局"], ["浑南区财政局"], [])
    assert [t.deadline.date if t.deadline else None for t in doc.tasks] == ["2028-10-31", "2028-06-30"]


def test_headings_of_a_unit_s_name_partners_before_the_lead_and_states_by_legend_or_above() -> None:
    """A heading that is a unit's name alone leads the items under it (not a task's words that end
    like a body: 优化户外运动空间布局); "B、C配合A做好X" makes A the lead; 责任分工：A负责，B配合 is a label;
    a labelled unit list in brackets ends an item's title (X（牵头单位：市A）进展：…); a report's legend
    (“✔”表示已完成) reads its state cells; a lone 【推进中】 right above a title is that task's."""
    grouped = extract_text(
        "麦积区文旅康养融合发展重点任务分工方案\n（一）区文广旅局\n"
        "1. 开发康养旅游精品线路。（配合单位：区卫健局；完成时限：2027年10月底前）\n"
        "（二）优化户外运动空间布局\n2. 盘活利用闲置空间。（各地区按职责分工负责）\n",
        "m.txt",
    )
    roles = _roles(grouped)
    assert roles["开发康养旅游精品线路"] == (["麦积区文广旅局"], ["麦积区卫健局"], [])
    assert roles["盘活利用闲置空间"][0] == []
    prose = extract_text(
        "阿尔山市冰雪旅游工作方案\n一、重点任务\n1. 加密冬季航班。市文化旅游体育局配合市发展和改革委员会做好与航空公司对接，"
        "2027年11月15日前完成。\n2. 提升夜景亮化。2027年9月底前完成。责任分工：市城管委负责，市文旅局配合。\n",
        "a.txt",
    )
    roles = _roles(prose)
    assert roles["加密冬季航班"] == (["阿尔山市发展和改革委员会"], ["阿尔山市文化旅游体育局"], [])
    assert roles["提升夜景亮化"] == ([], ["阿尔山市文旅局"], ["阿尔山市城管委"])
    report = extract_text(
        "佛山市数字化转型重点任务推进情况通报\n一、已完成的任务\n"
        "（1）出台转型配套实施细则（牵头单位：市工业和信息化局）进展：细则已印发。\n\n"
        "【进度滞后】\n（2）建设工业大数据中心（牵头单位：市发展和改革局）进展：选址尚未确定。\n",
        "f.txt",
    )
    assert [(t.title, t.status) for t in report.tasks] == [
        ("出台转型配套实施细则", "已完成"),
        ("建设工业大数据中心", "进度滞后"),
    ]
    legend = extract_text(
        "甘肃省戈壁农业重点任务进展情况通报\n| 序号 | 工作任务 | 责任单位 | 时间节点 | 状态 |\n|---|---|---|---|---|\n"
        "| 1 | 编制全省戈壁农业发展规划 | 省农业农村厅 | 2027年5月底前 | ✔ |\n"
        "| 2 | 培训戈壁农业实用技术人才 | 省人社厅 | 2027年12月底前 | ✘ |\n"
        "注：状态栏中，“✔”表示已完成，“△”表示推进中，“✘”表示未启动。\n",
        "g.txt",
    )
    assert [t.status for t in legend.tasks] == ["已完成", "未启动"]


def test_a_clause_inside_its_sentence_a_province_by_its_number_and_a_body_s_own_sections() -> None:
    """…，由县A负责，县B配合，2028年…完成。 assigns the task from inside its sentence (a numbered item's
    too); 牵头抓总 leads and 具体负责 then cooperates; 目前状态：… is a report's state; a head naming no
    place takes its province from the 文号's character (闽数字办: 福建省), and a deadline label closing
    the account gives the deadline; a 管委会's own notice names its 管委会X处 under itself."""
    prose = extract_text(
        "平山县人民政府办公室\n关于印发平山县红色旅游重点任务分工方案的通知\n一、重点任务\n"
        "（一）提升景区服务品质。完善游客中心和智慧票务系统，由县文化广电和旅游局负责，县市场监管局配合，2028年9月30日前完成。\n"
        "（二）推进生态茶园建设。新建生态茶园5万亩，由县农业农村局牵头抓总，县林业局、各乡镇具体负责。2028年12月底前完成。\n",
        "p.txt",
    )
    roles = _roles(prose)
    assert roles["提升景区服务品质"] == ([], ["平山县市场监管局"], ["平山县文化广电和旅游局"])
    assert roles["推进生态茶园建设"] == (["平山县农业农村局"], ["平山县林业局", "各乡镇"], [])
    report = extract_text(
        "数字福建建设领导小组办公室关于数字福建建设重点任务进展情况的通报\n\n闽数字办〔2028〕14号\n\n"
        "二、各项任务进展情况\n1. 建设工业互联网标识解析二级节点\n牵头单位：省工业和信息化厅\n"
        "进展情况：已接入企业320家。\n完成进度：60%；预计完成时间：2028年9月底\n"
        "2. 推进老旧小区改造（牵头单位：省住建厅）\n完成情况：已开工120个。\n目前状态：正在推进\n",
        "f.txt",
    )
    assert report.jurisdiction is not None and report.jurisdiction.name == "福建省"
    first, second = report.tasks
    assert _roles(report)[first.title][0] == ["福建省工业和信息化厅"]
    assert first.deadline is not None and first.deadline.date == "2028-09-30" and first.status == "60%"
    assert second.status == "正在推进"
    own = extract_text(
        "鼓浪屿管委会关于印发《2028年鼓浪屿世界文化遗产保护管理重点任务清单》的通知\n\n鼓管〔2028〕3号\n\n"
        "管委会各处（室）：\n现将清单印发给你们。\n\n鼓浪屿管委会\n2028年1月18日\n\n"
        "1. 开展历史风貌建筑保护修缮。责任单位：管委会遗产保护处（牵头）、鼓浪屿街道。完成时限：2028年12月底前。\n",
        "g.txt",
    )
    assert _roles(own)["开展历史风貌建筑保护修缮"] == (["鼓浪屿管委会遗产保护处"], ["鼓浪屿街道"], [])


def test_a_state_before_the_item_number_a_forest_district_and_a_clause_beside_a_label() -> None:
    """【已完成】2. 建成X。 is item 2 titled X and done; 林区X局 is the forest district's bureau as 自治区X
    is the region's; （市A负责；配合：市B） gives A and B both, the clause before the label too."""
    report = extract_text(
        "武汉市长江新区建设重点任务推进情况通报\n二、重点任务推进情况\n"
        "【已完成】1. 编制起步区控制性详细规划。牵头单位：市自然资源和城乡建设局。完成时间：2028年3月31日前。\n"
        "【未启动】2. 建设国际医疗中心。牵头单位：市卫健委。完成时间：2028年12月31日前。\n",
        "w.txt",
    )
    assert [(t.title, t.status) for t in report.tasks] == [
        ("编制起步区控制性详细规划", "已完成"),
        ("建设国际医疗中心", "未启动"),
    ]
    forest = extract_text(
        "神农架林区生态旅游工作方案\n一、重点任务\n1. 完善旅游交通接驳。林区交通运输局牵头，林区文旅局配合，2028年6月底前完成。\n",
        "s.txt",
    )
    assert _roles(forest)["完善旅游交通接驳"] == (["神农架林区交通运输局"], ["神农架林区文旅局"], [])
    mixed = extract_text(
        "大理市人民政府办公室关于印发大理市洱海流域农业面源污染治理实施方案的通知\n一、重点任务\n"
        "（一）推行绿色生态种植。推广节水节肥作物轮作模式。（市农业农村局负责；配合：各镇人民政府）完成时限：2028年12月底前。\n",
        "d.txt",
    )
    assert _roles(mixed)["推行绿色生态种植"] == ([], ["各镇人民政府"], ["大理市农业农村局"])


def test_a_lead_that_must_lead_its_partners_after_the_work_and_a_state_after_a_sentence() -> None:
    """区A要牵头做好X，区B、区C积极配合: A leads, B and C cooperate; a must clause without 牵头 (财政局要
    统筹安排资金) assigns nothing; …进展：…。状态：滞后 is a report's state."""
    prose = extract_text(
        "涪城区促进科技成果转化实施方案\n一、重点任务\n"
        "1. 建立科技成果转化联席会议制度。区科技局要牵头做好制度的建立和日常运行工作，区发展改革局、区财政局积极配合，2028年3月底前建立制度。\n"
        "二、保障措施\n（一）强化资金保障。区财政局要统筹安排转化专项资金。\n",
        "f.txt",
    )
    roles = _roles(prose)
    assert roles["建立科技成果转化联席会议制度"] == (
        ["涪城区科技局"],
        ["涪城区发展改革局", "涪城区财政局"],
        [],
    )
    assert "强化资金保障" not in roles or roles["强化资金保障"] == ([], [], [])
    report = extract_text(
        "四川省天府粮仓建设重点任务推进情况通报\n二、推进情况\n"
        "（1）推进大中型灌区续建配套。牵头单位：省水利厅。进展：已完工3处。状态：滞后\n",
        "s.txt",
    )
    assert [t.status for t in report.tasks] == ["滞后"]


def test_items_under_a_lead_s_heading_with_nothing_of_their_own() -> None:
    """Under a heading naming its lead (由县农业农村局牵头负责的工作; 县商务局牵头的任务), an item naming
    neither units nor a deadline is a task of that lead; the heading, though it holds a 由…牵头负责
    clause, only groups its items."""
    doc = extract_text(
        "宁陵县乡村振兴重点任务分工方案\n一、重点任务\n（一）由县农业农村局牵头负责的工作\n"
        "1. 推进高标准农田建设（配合单位：县财政局、县水利局；完成时限：2025年底前）\n"
        "2. 发展特色种植。\n（二）县商务局牵头的任务\n1. 建设电商服务中心。\n"
        "（三）其他任务\n1. 开展宣传引导（责任单位：县委宣传部）\n",
        "n.txt",
    )
    roles = _roles(doc)
    assert roles == {
        "推进高标准农田建设": (["宁陵县农业农村局"], ["宁陵县财政局", "宁陵县水利局"], []),
        "发展特色种植": (["宁陵县农业农村局"], [], []),
        "建设电商服务中心": (["宁陵县商务局"], [], []),
        "开展宣传引导": ([], [], ["宁陵县委宣传部"]),
    }


def test_marked_unit_lines_spaced_fields_and_bracketed_state_labels() -> None:
    """A line of units each with its role's mark (市A（主责）、市B（协同）) gives the task above it its
    roles, a partner's mark without a lead making a partner; a unit's line with its mark before the
    colon (县A（牵头）：负责…) leads, a name with a bracket inside (各乡（镇）人民政府) is read whole; a
    title ends before a field parted by spaces (X　牵头单位：市A　完成时限：…), whose 完成情况：已完成（2028年
    5月） is the state; 【状态】进度滞后 is a state label too."""
    marked = extract_text(
        "珲春市跨境电商重点任务清单\n1.建设跨境电商线上综合服务平台。2028年6月底前上线运行。\n"
        "市商务局（主责）、市工信局（协同）、珲春海关（协同）\n2.拓展跨境电商结算服务。2028年3月底前完成。\n"
        "市财政局（协同）、市商务局（协同）\n",
        "h.txt",
    )
    assert _roles(marked) == {
        "建设跨境电商线上综合服务平台": (["珲春市商务局"], ["珲春市工信局", "珲春海关"], []),
        "拓展跨境电商结算服务": ([], ["珲春市财政局", "珲春市商务局"], []),
    }
    lines = extract_text(
        "疏附县电子商务进农村实施方案\n一、重点任务\n（一）建设乡村电商服务站点\n"
        "县商务和工业信息化局（牵头）：负责制定站点建设标准；\n各乡（镇）人民政府：负责提供站点场地。\n"
        "完成时限：2028年6月底前\n",
        "s.txt",
    )
    assert _roles(lines)["建设乡村电商服务站点"] == (["疏附县商务和工业信息化局"], ["各乡（镇）人民政府"], [])
    report = extract_text(
        "乌鲁木齐市物流枢纽建设重点任务推进情况的通报\n一、重点任务推进情况\n"
        "1.建设国际陆港区多式联运中心　牵头单位：乌鲁木齐国际陆港区管委会　完成时限：2028年6月底前　完成情况：已完成（2028年5月）\n"
        "2.建设铁路集装箱中心站二期　牵头单位：市发展改革委　完成时限：2028年3月底前　完成情况：正在推进，完成总量的85%\n"
        "3.推进充换电基础设施建设。（责任单位：市发改委）【进展】已建成充电桩300个。【状态】进度滞后\n",
        "w.txt",
    )
    assert [(t.title, t.status) for t in report.tasks] == [
        ("建设国际陆港区多式联运中心", "已完成"),
        ("建设铁路集装箱中心站二期", "正在推进"),
        ("推进充换电基础设施建设", "进度滞后"),
    ]


def test_a_corps_division_s_bureaus_and_a_customs_office_named_by_its_port() -> None:
    """In a Corps division's notice 师水利局 is 第八师水利局, as 县X局 is the county's; a customs office
    named by its port (大窑湾海关) takes no zone's name, in a list or alone."""
    division = extract_text(
        "第八师石河子市人民政府办公室关于印发节水灌溉实施方案的通知\n第八师石河子市农业高效节水灌溉实施方案\n一、重点任务\n"
        "1.实施灌区续建配套。（师水利局牵头，师财政局、各团场配合）完成时限：2028年12月底前。\n",
        "b.txt",
    )
    assert _roles(division)["实施灌区续建配套"] == (["第八师水利局"], ["第八师财政局", "各团场"], [])
    zone = extract_text(
        "大连金普新区管理委员会办公室关于印发港航物流工作方案的通知\n金普新区港航物流工作方案\n一、重点任务\n"
        "1.推动保税仓储提质扩容。（大连保税区经济发展局牵头，大窑湾海关配合）2028年5月底前。\n",
        "z.txt",
    )
    assert _roles(zone)["推动保税仓储提质扩容"] == (["大连保税区经济发展局"], ["大窑湾海关"], [])


def test_office_labels_community_labels_bracketed_progress_and_a_preposition_after_partners() -> None:
    """牵头办：A办；协办：B办 label a town's offices; 责任社区：各社区 is a label, not a name; 抓好落实 after a
    stated lead makes partners; 【进展情况】 opens a report's account (the title ends before it) and a
    state after 【完成情况】 is read before the next bracketed field; a partner list ends at the
    preposition opening the work (A会同B对各项任务…)."""
    town = extract_text(
        "琼海市博鳌镇人民政府关于印发会议会展服务保障任务分工的通知\n一、重点任务\n"
        "1.成立服务保障工作专班。建立日调度机制。牵头办：党政办；协办：党建办、文旅服务站。完成时限：2028年1月31日前。\n"
        "2.开展旅游市场秩序专项整治。（责任科室：平安建设办（牵头）、经济发展办；责任社区：各社区）\n",
        "b.txt",
    )
    roles = _roles(town)
    assert roles["成立服务保障工作专班"] == (["博鳌镇党政办"], ["博鳌镇党建办", "博鳌镇文旅服务站"], [])
    assert roles["开展旅游市场秩序专项整治"] == (["博鳌镇平安建设办"], ["博鳌镇经济发展办", "各社区"], [])
    ministry = extract_text(
        "退役军人事务部办公厅关于印发退役军人就业创业工作方案的通知\n一、重点任务\n"
        "（一）开展专场招聘活动。（就业创业司牵头，政策法规司、各省级退役军人事务部门抓好落实）2028年5月31日前完成。\n"
        "二、工作要求\n（一）强化督促落实。就业创业司会同督察司对各项任务落实情况开展跟踪督办。\n",
        "t.txt",
    )
    roles = _roles(ministry)
    assert roles["开展专场招聘活动"] == (
        ["退役军人事务部就业创业司"],
        ["退役军人事务部政策法规司", "各省级退役军人事务部门"],
        [],
    )
    assert roles["强化督促落实"][1] == ["退役军人事务部督察司"]
    report = extract_text(
        "海口市营商环境重点任务进展情况通报\n"
        "七、推进涉企信用修复“一件事”（牵头单位：市发展改革委；完成时限：2027年11月底前）【进展情况】已制定工作规程。"
        "【完成情况】未完成【存在问题】数据共享接口尚未打通。\n",
        "h.txt",
    )
    assert [(t.title, t.status) for t in report.tasks] == [("推进涉企信用修复“一件事”", "未完成")]


def test_a_comma_parting_roles_a_shared_government_and_a_named_lead_after_a_duty_clause() -> None:
    """逗号前为牵头单位，逗号后为配合单位 declared: （市A，市B、市C） leads and partners; 格尔木市、德令哈市人民政府
    is each city's government; A、B按职责分工负责（A牵头）: A leads, B cooperates; （市A主抓，市B协同）;
    县A（主责）；县B、县C（共责）; 负责司室 with 排名第一的为牵头司室."""
    comma = extract_text(
        "格尔木市人民政府关于印发物流枢纽建设实施方案的通知\n各项任务后括号内所列单位，逗号前为牵头单位，逗号后为配合单位。\n"
        "1. 编制物流枢纽建设规划。2028年5月底前完成。（市发展改革委，市自然资源局、市交通运输局）\n",
        "g.txt",
    )
    assert _roles(comma)["编制物流枢纽建设规划"] == (
        ["格尔木市发展改革委"],
        ["格尔木市自然资源局", "格尔木市交通运输局"],
        [],
    )
    # the convention in other words, and on labelled lists too
    labelled = extract_text(
        "格尔木市人民政府关于印发物流枢纽建设实施方案的通知\n1. 编制物流枢纽建设规划。2028年5月底前完成。"
        "责任单位：市发展改革委，市自然资源局、市交通运输局\n（注：位于逗号之前的单位为牵头部门。）\n",
        "g.txt",
    )
    assert _roles(labelled) == _roles(comma)
    # a person in charge beside each unit, after a label that says so (及责任人)
    people = extract_text(
        "格尔木市人民政府关于印发物流枢纽建设实施方案的通知\n1. 编制物流枢纽建设规划。2028年5月底前完成。"
        "牵头单位及责任人：市发展改革委（责任人：王立新）；配合单位及责任人：市自然资源局（李明，副局长）、"
        "市交通运输局（张伟）\n2. 建设冷链物流中心。责任单位：各乡镇（责任人：赵建国）\n",
        "g.txt",
    )
    assert _roles(people) == {
        **_roles(comma),
        "建设冷链物流中心": ([], [], ["各乡镇"]),
    }
    assert names("州能源局（牵头）、州自然资源局，格尔木市、德令哈市人民政府") == [
        "州能源局",
        "州自然资源局",
        "格尔木市人民政府",
        "德令哈市人民政府",
    ]
    named = extract_text(
        "安徽省新能源汽车产业发展行动方案\n一、重点任务\n"
        "1.支持整车企业扩大产能。省经济和信息化厅、省发展改革委按职责分工负责（省经济和信息化厅牵头）。完成时限：2028年12月底前。\n"
        "2.推进玻璃窑炉节能降碳改造。（省生态环境厅主抓，省发展改革委协同）\n"
        "3.提升革命博物馆展陈水平。责任单位：省文化和旅游厅（主责）；省委宣传部、省财政厅（共责）\n",
        "a.txt",
    )
    roles = _roles(named)
    assert roles["支持整车企业扩大产能"] == (["安徽省经济和信息化厅"], ["安徽省发展改革委"], [])
    assert roles["推进玻璃窑炉节能降碳改造"] == (["安徽省生态环境厅"], ["安徽省发展改革委"], [])
    assert roles["提升革命博物馆展陈水平"] == (["安徽省文化和旅游厅"], ["安徽省委宣传部", "安徽省财政厅"], [])


def test_a_prefecture_written_short_a_bracketed_title_and_sections_of_states() -> None:
    """海西州人民政府办公室 issues for 海西蒙古族藏族自治州 (not a city its addressees name), and its units
    are named as it writes its place (海西州能源局); 【X】牵头单位：A；进展情况：…；完成状态：进行中 is a
    task titled X; a report's section heading with a count (一、已完成的任务（4项）) gives its items' state;
    a table's 是否按期 column with its share done."""
    prefecture = extract_text(
        "海西州人民政府办公室关于印发海西州光伏产业高质量发展实施方案的通知\n"
        "格尔木市、德令哈市人民政府，州政府各部门：\n一、重点任务\n"
        "1. 完善光伏项目配套电网送出工程。（州能源局牵头，国网海西供电公司配合）2028年3月底前。\n",
        "h.txt",
    )
    assert prefecture.jurisdiction is not None and prefecture.jurisdiction.name == "海西蒙古族藏族自治州"
    assert _roles(prefecture)["完善光伏项目配套电网送出工程"][0] == ["海西州能源局"]
    report = extract_text(
        "合肥市科技创新重点任务推进情况通报\n一、各项任务进展情况\n"
        "【推进大科学装置集群建设】牵头单位：市发展改革委；进展情况：年度任务全部完成；完成状态：已完成\n"
        "【组建场景创新促进中心】牵头单位：市数据资源局；进展情况：方案已报批；完成状态：进行中\n"
        "二、已完成的任务（1项）\n1. 出台低空经济行动计划（市发展改革委牵头）。已于3月印发实施。\n",
        "r.txt",
    )
    assert [(t.title, t.status) for t in report.tasks] == [
        ("推进大科学装置集群建设", "已完成"),
        ("组建场景创新促进中心", "进行中"),
        ("出台低空经济行动计划", "已完成"),
    ]
    assert _roles(report)["组建场景创新促进中心"] == (["合肥市数据资源局"], [], [])
    table = extract_text(
        "西宁市生态城市建设进展通报\n| 序号 | 任务 | 牵头单位 | 完成时限 | 完成百分比 | 是否按期 |\n|---|---|---|---|---|---|\n"
        "| 1 | 实施南北山绿化提升工程 | 市林草局 | 2028年10月底前 | 20% | 是 |\n"
        "| 2 | 完成海绵城市建设年度任务 | 市住建局 | 2028年11月底前 | 10% | 否 |\n"
        "| 3 | 建成北川河湿地公园二期 | 市水务局 | 2028年2月底前 | 100% | 否 |\n",
        "x.txt",
    )
    assert [(t.status, t.progress) for t in table.tasks] == [
        ("按期", "20%"),
        ("未按期", "10%"),
        ("100%", "100%"),
    ]


def test_a_person_beside_a_unit_partners_after_the_lead_and_a_guiding_body() -> None:
    """A lead cell 省商务厅（王立新） under 牵头单位及责任人 is the unit, the person aside; 由A牵头，会同B、C，
    于…前完成: B and C are A's partners, 于 opening the deadline; 在州A指导下，市B牵头: A guides (a
    partner); （A司牵头，B司按职责落实）; a title drops a closing bracket that holds only its deadline, and
    a state keeps its reason in brackets (滞后（原因：…）); short place names share the level word and
    body of the last (酒泉、张掖、武威市政府)."""
    table = extract_text(
        "黑龙江省对俄经贸合作重点任务分工\n| 序号 | 任务 | 牵头单位及责任人 | 配合单位 | 时限 |\n|---|---|---|---|---|\n"
        "| 1 | 扩大对俄机电产品出口 | 省商务厅（王立新） | 省工业和信息化厅、哈尔滨海关 | 2028年12月底前 |\n",
        "t.txt",
    )
    assert _roles(table)["扩大对俄机电产品出口"] == (
        ["黑龙江省商务厅"],
        ["黑龙江省工业和信息化厅", "哈尔滨海关"],
        [],
    )
    prose = extract_text(
        "呼玛县森林防灭火工作方案\n一、重点任务\n"
        "1. 开展野外火源专项治理。严厉查处野外违规用火行为，由县公安局牵头，会同县林业和草原局、各乡（镇）人民政府，于2028年4月30日前完成。\n"
        "2. 做大黄金茶特色产业。推进标准化茶园建设。在县农业农村局指导下，县林业和草原局牵头，县商务局配合，2028年第三季度完成。\n",
        "h.txt",
    )
    roles = _roles(prose)
    assert roles["开展野外火源专项治理"] == (
        ["呼玛县公安局"],
        ["呼玛县林业和草原局", "各乡（镇）人民政府"],
        [],
    )
    assert roles["做大黄金茶特色产业"] == (["呼玛县林业和草原局"], ["呼玛县农业农村局", "呼玛县商务局"], [])
    assert prose.tasks[0].deadline is not None and prose.tasks[0].deadline.date == "2028-04-30"
    report = extract_text(
        "齐齐哈尔市装备制造重点任务推进情况通报\n"
        "5. 引进装备制造配套企业（2027年12月底前）。牵头单位：市商务局。完成情况：滞后（原因：受市场需求下行影响，实际落地12户）。\n",
        "q.txt",
    )
    assert [(t.title, t.status) for t in report.tasks] == [("引进装备制造配套企业", "滞后")]
    assert names("酒泉、张掖、武威市政府") == ["酒泉市政府", "张掖市政府", "武威市政府"]


def test_tick_columns_a_leaders_column_a_noted_short_name_and_a_zones_own_short_form() -> None:
    """A report's columns named by states (已完成 | 推进中 | 未启动) give the state of the one ticked,
    a remark column its deadline, and （待明确） no unit; a column of leaders' posts (牵头省领导) holds
    no units; a note naming what a short name stands for (“市生态环境分局”指邯郸市生态环境局武安分局) names
    the unit, a branch of the county it serves; a zone's own short form (港区口岸物流局) is its 区口岸物流局;
    a city's short name opening a college's name (郑州航空工业管理学院) is that city's, not the zone's;
    a state-level new area named by its province (四川天府新区) is its plan's place, and its units are
    named with the part of its name the plan writes (新区X局 and 天府新区X局: 天府新区X局)."""
    ticks = extract_text(
        "潍坊市制造业数字化转型重点任务进展情况通报\n"
        "序号 | 任务 | 牵头单位 | 已完成 | 推进中 | 未启动 | 备注\n"
        "1 | 制定数字化转型实施方案 | 市工业和信息化局 | √ |  |  | 2027年10月已印发实施\n"
        "2 | 培育智能工厂 | 市工业和信息化局 |  | √ |  | 完成时限2028年11月底\n"
        "3 | 建立统计监测制度 | （待明确） |  |  | √ | 完成时限2028年6月底\n",
        "w.txt",
    )
    assert [(t.title, t.status, t.deadline and t.deadline.date) for t in ticks.tasks] == [
        ("制定数字化转型实施方案", "已完成", "2027-10-31"),
        ("培育智能工厂", "推进中", "2028-11-30"),
        ("建立统计监测制度", "未启动", "2028-06-30"),
    ]
    assert _roles(ticks)["建立统计监测制度"] == ([], [], [])
    leaders = extract_text(
        "河北省人民政府办公厅关于印发河北省产业协同重点任务分工方案的通知\n"
        "序号 | 重点任务 | 牵头省领导 | 牵头单位 | 参与单位 | 完成时限\n"
        "1 | 共建生物医药产业集群 | 分管工业和信息化工作的副省长 | 省工业和信息化厅 | 省药监局、省卫生健康委 | 2028年9月底前\n",
        "h.txt",
    )
    assert _roles(leaders) == {
        "共建生物医药产业集群": (["河北省工业和信息化厅"], ["河北省药监局", "河北省卫生健康委"], [])
    }
    noted = extract_text(
        "武安市钢铁行业超低排放改造攻坚行动方案\n注：表中“市生态环境分局”指邯郸市生态环境局武安分局。\n"
        "序号 | 重点任务 | 责任单位 | 完成时限\n"
        "1 | 完成有组织排放超低改造 | 牵头：市生态环境分局 配合：市工信局 | 2028年6月底前\n",
        "w.txt",
    )
    assert _roles(noted)["完成有组织排放超低改造"] == (["邯郸市生态环境局武安分局"], ["武安市工信局"], [])
    branch = next(u for u in noted.units.values() if u.name == "邯郸市生态环境局武安分局")
    assert (branch.jurisdiction, branch.unit_type) == ("武安市", "生态环境分局")
    zone = extract_text(
        "郑州航空港经济综合实验区管理委员会办公室关于印发临空物流实施方案的通知\n一、重点任务\n"
        "1. 推进机场北货运区建设。主责部门：区口岸物流局；协同部门：郑州航空工业管理学院\n"
        "2. 建设冷链物流集散中心。主责部门：港区口岸物流局\n",
        "z.txt",
    )
    roles = _roles(zone)
    assert roles["推进机场北货运区建设"] == (
        ["郑州航空港经济综合实验区口岸物流局"],
        ["郑州航空工业管理学院"],
        [],
    )
    assert roles["建设冷链物流集散中心"][0] == ["郑州航空港经济综合实验区口岸物流局"]
    # a state-level new area named by its province, whose plan writes a part of its name
    area = extract_text(
        "四川天府新区成都党工委管委会办公室关于印发《天府新区公园城市示范区建设重点任务清单》的通知\n"
        "天府新区公园城市示范区建设重点任务清单\n一、重点任务\n"
        "1. 推进兴隆湖水生态综合治理。责任单位：新区生态环境和城管局（牵头）、天府新区财政金融局\n"
        "2. 推进生活垃圾分类。责任单位：天府新区生态环境和城管局\n",
        "t.txt",
    )
    assert area.jurisdiction is not None
    assert (area.jurisdiction.name, area.jurisdiction.province) == ("四川天府新区", "四川省")
    assert sorted(u.name for u in area.units.values()) == ["天府新区生态环境和城管局", "天府新区财政金融局"]


def test_a_central_bodys_own_offices_written_by_its_short_form_or_bare() -> None:
    """In 中国民用航空局's own plan: 民航局信息中心 is its 信息中心, a bare 公安局 its own (公安 is no
    place's short name before a lone 局), 华东地区管理局 the lexicon's 中国民用航空华东地区管理局; another
    ministry's plan keeps a body's short form as written (民航局)."""
    own = extract_text(
        "中国民用航空局关于印发2028年智慧民航建设重点任务分工方案的通知\n一、重点任务\n"
        "1. 建设民航数据共享平台。责任单位：发展计划司（牵头）、民航局信息中心、公安局\n"
        "2. 开展长三角智慧民航协同试点。责任单位：华东地区管理局（牵头）、机场司\n",
        "m.txt",
    )
    roles = _roles(own)
    assert roles["建设民航数据共享平台"] == (
        ["中国民用航空局发展计划司"],
        ["中国民用航空局信息中心", "中国民用航空局公安局"],
        [],
    )
    assert roles["开展长三角智慧民航协同试点"] == (
        ["中国民用航空华东地区管理局"],
        ["中国民用航空局机场司"],
        [],
    )
    other = extract_text(
        "民政部关于印发养老服务重点任务分工方案的通知\n一、重点任务\n"
        "1. 提升出行场所适老化水平。（交通运输部牵头，民航局、国家铁路局配合）\n",
        "o.txt",
    )
    assert _roles(other)["提升出行场所适老化水平"][1] == ["民航局", "国家铁路局"]


def test_states_in_the_units_bracket_counted_places_a_place_in_a_short_form_and_a_zones_own_name() -> None:
    """（牵头单位：市A；进度：40%；状态：滞后）: a state's label ends the unit list and gives the task its
    state; a state word before its reason in a report's cell (滞后（…）); 山区26县政府 is the counted
    places' governments, no province's body; 景宁县 is 景宁畲族自治县, not the 宁县 inside it; a zone's own
    name (长兴岛) or its committee's word (管委会) before a bureau is the zone's; a central body's office
    signing for it (国家卫生健康委办公厅) names its 司 as it writes itself."""
    report = extract_text(
        "丽水市人民政府办公室关于2027年生态产品价值实现重点任务推进情况的通报\n二、各项任务推进情况\n"
        "1. 推进林业碳汇交易。2027年10月底前完成首批项目交易。（牵头单位：市林业局；进度：40%；状态：滞后）\n",
        "l.txt",
    )
    assert [(t.title, t.status) for t in report.tasks] == [("推进林业碳汇交易", "滞后")]
    assert _roles(report)["推进林业碳汇交易"] == (["丽水市林业局"], [], [])
    cell = extract_text(
        "大连市港航物流重点任务推进情况通报\n序号 | 任务 | 牵头单位 | 完成进度 | 问题与建议\n"
        "1 | 推动太平湾港区开港运营 | 市港口与口岸局 | 滞后（航道疏浚工程环评批复晚于预期） | 无\n",
        "d.txt",
    )
    assert [t.status for t in cell.tasks] == ["滞后"]
    counted = extract_text(
        "浙江省人民政府办公厅关于印发推进山区26县跨越式高质量发展重点任务分工方案的通知\n"
        "序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限\n"
        "1 | 实施共富工坊提质行动 | 省农业农村厅 | 省人力社保厅、山区26县政府 | 2028年6月底前\n",
        "z.txt",
    )
    assert _roles(counted)["实施共富工坊提质行动"] == (
        ["浙江省农业农村厅"],
        ["浙江省人力社保厅", "山区26县政府"],
        [],
    )
    county = extract_text(
        "景宁畲族自治县人民政府办公室关于印发景宁县民族文旅融合发展重点任务清单的通知\n"
        "景宁县民族文旅融合发展重点任务清单\n1. 保障文旅项目建设用地。责任单位：县自然资源和规划局\n",
        "j.txt",
    )
    assert county.jurisdiction is not None and county.jurisdiction.name == "景宁畲族自治县"
    zone = extract_text(
        "大连长兴岛经济技术开发区管理委员会\n关于印发长兴岛石化产业高质量发展重点任务责任分工的通知\n\n"
        "长兴岛管发〔2028〕5号\n\n各街道，管委会各部门：\n\n一、重点任务\n"
        "1.开展挥发性有机物综合治理。责任部门：长兴岛生态环境局（主责）、管委会经济发展局（配合）\n\n"
        "大连长兴岛经济技术开发区管理委员会\n2028年3月1日\n",
        "c.txt",
    )
    assert _roles(zone)["开展挥发性有机物综合治理"] == (
        ["大连长兴岛经济技术开发区生态环境局"],
        ["大连长兴岛经济技术开发区经济发展局"],
        [],
    )
    office = extract_text(
        "国家卫生健康委办公厅关于印发基层卫生健康重点工作任务分工的通知\n一、重点任务\n"
        "（一）做实家庭医生签约服务。（基层司牵头，医政司配合）\n",
        "n.txt",
    )
    assert _roles(office)["做实家庭医生签约服务"] == (["国家卫生健康委基层司"], ["国家卫生健康委医政司"], [])


def test_a_task_named_by_its_field_a_state_alone_on_its_line_and_a_bulletins_head() -> None:
    """任务名称：X；责任单位：市A（牵头）、市B；完成时限：… is one task titled X; a report's state word
    alone on its field's line (进展情况：进度滞后 / 完成进度：55%) is the task's state, not its share;
    承办单位 | 协办单位 are lead and partners; a bulletin's masthead a character at a time (督 办 通 报)
    and its issue number (〔2028〕第3期) are no title, and a 督查室 issues it."""
    fields = extract_text(
        "温州市人民政府办公室关于印发民营经济重点任务分工方案的通知\n一、优化发展环境\n"
        "1．任务名称：开展涉企收费专项检查；责任单位：市市场监管局（牵头）、市财政局；完成时限：2027年10月31日\n",
        "w.txt",
    )
    assert [t.title for t in fields.tasks] == ["开展涉企收费专项检查"]
    assert fields.tasks[0].deadline is not None and fields.tasks[0].deadline.date == "2027-10-31"
    assert _roles(fields)["开展涉企收费专项检查"] == (["温州市市场监管局"], ["温州市财政局"], [])
    report = extract_text(
        "寿县关于2027年第三季度高标准农田建设重点任务推进情况的通报\n二、重点任务推进情况\n"
        "（一）实施灌排渠系配套改造\n牵头单位：县水利局\n完成时限：2027年11月底前\n进展情况：进度滞后\n"
        "完成进度：55%\n具体情况：部分渠道停工近一个月。\n"
        "（二）完成建设任务上图入库\n牵头单位：县农业农村局\n进展情况：已办结\n完成进度：100%\n",
        "s.txt",
    )
    assert [t.status for t in report.tasks] == ["进度滞后", "已办结"]
    bulletin = extract_text(
        "督 办 通 报\n\n〔2028〕第3期\n\n中共宁乡市委督查室\n宁乡市人民政府督查室        2028年3月10日\n\n"
        "关于2028年第一批重点督办事项办理情况的通报\n\n"
        "序号\t督办事项\t承办单位\t协办单位\t办结时限\t办理进展\n"
        "1\t整治城区主干道占道经营\t市城管执法局\t市公安局、市市场监管局\t2028年3月31日\t正在办理\n",
        "n.txt",
    )
    assert bulletin.title.endswith("关于2028年第一批重点督办事项办理情况的通报")
    assert bulletin.jurisdiction is not None and bulletin.jurisdiction.name == "宁乡市"
    assert _roles(bulletin)["整治城区主干道占道经营"] == (
        ["宁乡市城管执法局"],
        ["宁乡市公安局", "宁乡市市场监管局"],
        [],
    )


def test_a_sign_before_a_leads_name_a_bracketed_task_label_partners_after_a_label_and_a_central_office() -> (
    None
):
    """★区商务委 (注：★为牵头单位) leads as 县商务局* does; 【任务】X opens a task whose 【牵头】 line
    may close with its partners in brackets (市科技局（市工业和信息化局配合）); 参加 is a partner's verb;
    由各县（市、区）人民政府负责 names a class with its levels in brackets; a ministry's office
    issues for the centre, so no place inside a word (示范县) is its jurisdiction; a share's light in
    brackets (完成进度：55%（红）) is the task's state."""
    starred = extract_text(
        "上海市浦东新区人民政府办公室关于印发便民生活圈行动方案的通知\n（注：★为牵头单位）\n"
        "1. 建设社区嵌入式服务设施。\n责任单位：★区发展改革委、★区民政局、区规划资源局\n",
        "p.txt",
    )
    assert _roles(starred)["建设社区嵌入式服务设施"] == (
        ["浦东新区发展改革委", "浦东新区民政局"],
        ["浦东新区规划资源局"],
        [],
    )
    report = extract_text(
        "佛山市制造业当家重点任务推进情况的报告\n1.\n【任务】建设省级制造业创新中心。2027年9月底前挂牌运营。\n"
        "【牵头】市科技局（市工业和信息化局配合）\n【进展】进度滞后。挂牌时间推迟。\n",
        "f.txt",
    )
    assert [(t.title, t.status) for t in report.tasks] == [("建设省级制造业创新中心", "进度滞后")]
    assert _roles(report)["建设省级制造业创新中心"] == (["佛山市科技局"], ["佛山市工业和信息化局"], [])
    ministry = extract_text(
        "交通运输部办公厅文件\n\n交通运输部办公厅关于印发《“四好农村路”重点任务分工方案》的通知\n"
        "（一）创建“四好农村路”全国示范县。组织开展示范县创建。（责任单位：公路局牵头，规划司、"
        "各省级交通运输主管部门参加；完成时间：2028年6月底前）\n",
        "m.txt",
    )
    assert ministry.jurisdiction is None
    lead, partners, _ = _roles(ministry)["创建“四好农村路”全国示范县"]
    assert lead == ["交通运输部公路局"] and partners == ["交通运输部规划司", "各省级交通运输主管部门"]
    city = extract_text(
        "洛阳市人民政府办公室关于印发文旅文创融合实施方案的通知\n"
        "5. 建设特色文旅街区。由各县（市、区）人民政府负责，市商务局配合，打造特色街区，2028年9月底前完成。\n",
        "l.txt",
    )
    assert _roles(city)["建设特色文旅街区"] == ([], ["洛阳市商务局"], ["各县（市、区）人民政府"])
    lights = extract_text(
        "勐海县茶产业重点任务推进情况的通报\n（一）推进初制所规范化改造\n牵头单位：县茶业发展中心\n完成进度：55%（红）\n",
        "h.txt",
    )
    assert [t.status for t in lights.tasks] == ["红"]


def test_tasks_under_a_part_of_the_year_and_duties_in_running_sentences() -> None:
    """Tasks under a line that is a part of the year (一季度) and giving no deadline are due by its end;
    the next group's line inside a task's block (全年持续推进) is not that task's deadline.
    "A负责X，B、C配合做好Y" / "A负责X，B负责具体实施": A is responsible, B and C take part, as after
    由A负责，B配合做好Y."""
    quarters = extract_text(
        "昆山市2028年推动外贸稳规模优结构工作计划\n所列任务须在所属季度内完成。\n一季度\n"
        "1. 召开全市外贸企业座谈会。形成问题清单。\n责任单位：市商务局\n四季度\n"
        "2. 开展外贸企业合规体检。组织合规体检。\n责任单位：市司法局\n\n全年持续推进\n"
        "3. 落实外贸企业稳岗政策。落实稳岗返还。\n责任单位：市人社局\n",
        "k.txt",
    )
    due = {t.title: (t.deadline.date, t.deadline.kind) for t in quarters.tasks if t.deadline}
    assert due == {
        "召开全市外贸企业座谈会": ("2028-03-31", "by"),
        "开展外贸企业合规体检": ("2028-12-31", "by"),
        "落实外贸企业稳岗政策": (None, "ongoing"),
    }
    duties = extract_text(
        "秭归县人民政府办公室关于印发秭归脐橙产业高质量发展实施方案的通知\n一、重点任务\n"
        "1. 建设脐橙冷链仓储设施。2028年6月底前新建冷链仓储设施5座。县商务局负责项目建设，县发改局、"
        "县供销社配合做好项目申报和运营管理。\n"
        "2. 开展柑橘黄龙病防控。长期坚持防控措施。县农业农村局负责防控技术指导，各乡镇人民政府负责具体实施。\n"
        "3. 建设标准化示范园。2028年10月底前建成示范园20个。由县农业农村局负责，县自然资源和规划局配合做好"
        "示范园用地保障。\n",
        "z.txt",
    )
    roles = _roles(duties)
    assert roles["建设脐橙冷链仓储设施"] == ([], ["秭归县发改局", "秭归县供销社"], ["秭归县商务局"])
    assert roles["开展柑橘黄龙病防控"] == ([], ["各乡镇人民政府"], ["秭归县农业农村局"])
    assert roles["建设标准化示范园"] == ([], ["秭归县自然资源和规划局"], ["秭归县农业农村局"])


def test_an_annex_of_deadlines_and_a_report_on_deputies_suggestions() -> None:
    """A table of tasks' names and deadlines alone (附件：重点任务完成时限表) dates the body's tasks of
    those names; a suggestion's number closing its title (（第12号）) is no part of it, and 办理结果：
    opens the account whose first word is its state (已办结, 列入计划逐步解决); 承办单位 leads."""
    annex = extract_text(
        "四川省人民政府办公厅关于印发天府粮仓建设实施方案的通知\n一、重点任务\n"
        "1.推进撂荒地整治利用。分类推进撂荒地复耕复种。（省农业农村厅牵头，省自然资源厅等按职责分工负责）\n"
        "附件\n重点任务完成时限表\n序号\t重点任务\t完成时限\n1\t推进撂荒地整治利用\t2027年6月30日\n",
        "s.txt",
    )
    [task] = annex.tasks
    assert (task.title, task.deadline and task.deadline.date) == ("推进撂荒地整治利用", "2027-06-30")
    report = extract_text(
        "长兴县人民政府关于县十八届人大二次会议代表建议办理情况的报告\n二、重点建议办理情况\n"
        "（一）关于优化泗安镇至县城公交班次的建议（第12号）\n承办单位：县交通运输局\n协办单位：泗安镇\n"
        "办理结果：已办结。早晚高峰发车间隔缩短至15分钟。\n"
        "（二）关于增加城区义务教育学位供给的建议（第35号）\n承办单位：县教育局\n"
        "办理结果：列入计划逐步解决。新建小学1所。\n",
        "c.txt",
    )
    assert [(t.title, t.status) for t in report.tasks] == [
        ("关于优化泗安镇至县城公交班次的建议", "已办结"),
        ("关于增加城区义务教育学位供给的建议", "列入计划逐步解决"),
    ]
    assert _roles(report)["关于优化泗安镇至县城公交班次的建议"] == (["长兴县交通运输局"], ["泗安镇"], [])


def test_a_marked_item_a_legend_of_bracketed_marks_and_a_unit_alone_in_a_plan_of_subject_clauses() -> None:
    """★1.X is item 1 (the mark flags a key task); a legend 标注（绿）的为已完成 makes （绿） after a title
    that state where the vocabulary reads the mark otherwise (绿 in progress); in a plan whose items read A要会同B…, an item's sentence opening with one unit and 要
    (县委宣传部要…) makes that unit responsible for it alone; without that convention it stays
    unread."""
    marked = extract_text(
        "慈溪市家电产业推进情况通报\n（注：标注★的为重点任务。）\n★1.推进智能家电产业集群培育\n"
        "牵头单位：市经济和信息化局\n完成率：80%。推进中。\n2.实施技术改造专项\n牵头单位：市科技局\n",
        "c.txt",
    )
    assert [(t.title, t.status) for t in marked.tasks] == [
        ("推进智能家电产业集群培育", "推进中"),
        ("实施技术改造专项", None),
    ]
    lights = extract_text(
        "合肥市2028年民生实事项目1—5月推进情况通报\n标识说明：项目名称后标注（绿）的为已完成，标注（红）的为进度滞后。\n"
        "（一）增加普惠托育服务托位（绿）牵头单位：市卫生健康委。\n（二）新增公共停车泊位（红）牵头单位：市城乡建设局。\n",
        "h.txt",
    )
    # (红 is behind by the vocabulary as by the legend: the report's own mark stays)
    assert [t.status for t in lights.tasks] == ["已完成", "红"]
    plan = (
        "金寨县人民政府办公室关于印发红色旅游高质量发展实施方案的通知\n一、重点任务\n"
        "（一）提升红色景区品质。县文旅局要会同县财政局，推进景区提升。\n"
        "（二）打造红色研学品牌。县文旅局要会同县教育局，开发研学线路。\n"
        "（三）讲好金寨红色故事。县委宣传部要组织编写红色故事读本，2028年底前出版。\n"
    )
    assert _roles(extract_text(plan, "j.txt"))["讲好金寨红色故事"] == ([], [], ["金寨县委宣传部"])
    alone = plan.replace("要会同", "会同")
    assert _roles(extract_text(alone, "j.txt"))["讲好金寨红色故事"] == ([], [], [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "县商务局负责项目建设，县发改局协助做好项目申报。",
            {"responsible": ["县商务局"], "cooperate": ["县发改局"]},
        ),
        (
            "县商务局负责项目建设，县发改局、县供销社参与。",
            {"responsible": ["县商务局"], "cooperate": ["县发改局", "县供销社"]},
        ),
        (
            "市商务局负责统筹推进，各区人民政府配合抓好落实。",
            {"responsible": ["市商务局"], "cooperate": ["各区人民政府"]},
        ),
        (
            "县商务局牵头负责项目建设，县发改局配合做好申报。",
            {"lead": ["县商务局"], "cooperate": ["县发改局"]},
        ),
    ],
)
def test_duty_clauses_in_other_words(text: str, expected: dict[str, list[str]]) -> None:
    """A duty sentence with any partner verb (协助, 参与), a class of places as partners, and a lead
    verb before 负责 (牵头负责: the lead)."""
    assert roles_in("1. 建设X。" + text) == expected


def test_a_duty_clause_may_be_its_item_s_heading() -> None:
    """一、A负责X，B配合。 as the item itself (the duty_clauses rewrite): the clause after the item's
    number, even indented; work that opens with its date (负责6月底前出台…); a partner verb with its
    manner (按职责分工配合); the work is the task's title."""
    text = (
        "某市工业和信息化局关于数字经济重点工作落实情况的报告\n"
        "一、市工业和信息化局负责6月底前出台产业扶持政策，市财政局、市发展和改革委员会按职责分工配合。\n"
        "落实情况：已印发。\n"
        "\u3000\u3000二、市工业和信息化局牵头负责建成工业互联网平台，市科学技术局协助。\n"
        "落实情况：正在开发。\n"
    )
    roles = _roles(extract_text(text, "r.txt"))
    assert roles == {
        "6月底前出台产业扶持政策": ([], ["市财政局", "市发展和改革委员会"], ["市工业和信息化局"]),
        "建成工业互联网平台": (["市工业和信息化局"], ["市科学技术局"], []),
    }


def test_a_clause_inside_an_item_s_sentence_after_its_bracketed_title() -> None:
    """（一）【title】…，A牵头，B、C配合，<date and work>: the clause inside the sentence assigns the item
    (after a comma or right after the 【title】), the title is the bracket's words, and a bracketed title
    that opens with a work verb is no unit list; a place's own short name (神农架 of 神农架林区) takes
    no shared 林区 prefix."""
    text = (
        "神农架林区人民政府关于印发文旅康养产业提质升级实施方案的通知\n二、重点任务\n"
        "（一）【打造精品旅游线路】依托核心景区资源，林区文化和旅游局牵头，林区交通运输局、"
        "神农架国家公园管理局、各乡镇配合，2027年6月底前推出主题精品线路。\n"
        "（二）【建设智慧文旅平台】整合景区票务信息资源，林区文化和旅游局牵头，林区财政局配合，"
        "2028年12月底前建成平台。\n"
        "（三）【强化文旅人才支撑】林区人力资源和社会保障局牵头，林区教育局配合，每年组织培训。\n"
    )
    roles = _roles(extract_text(text, "s.txt"))
    assert roles == {
        "打造精品旅游线路": (
            ["神农架林区文化和旅游局"],
            ["神农架林区交通运输局", "神农架国家公园管理局", "各乡镇"],
            [],
        ),
        "建设智慧文旅平台": (["神农架林区文化和旅游局"], ["神农架林区财政局"], []),
        "强化文旅人才支撑": (["神农架林区人力资源和社会保障局"], ["神农架林区教育局"], []),
    }
    # (a clause whose units no vocabulary knows is words: no roles)
    assert roles_in("依托资源，加强统筹牵头，做好宣传配合，推出线路。") == {}


def test_a_notice_s_covering_words_assign_nothing_before_its_plan() -> None:
    """商务部要会同有关部门加强统筹协调 in the covering notice, before the plan's first heading: an
    instruction, no task; the items below keep theirs."""
    text = (
        "国务院办公厅关于印发推动县域商业体系提质升级若干政策措施的通知\n"
        "各地区要加强组织领导。商务部要会同有关部门加强统筹协调和跟踪评估。\n"
        "一、健全商业网络\n"
        "（一）推进县城商业设施改造提升。2028年6月底前完成。（商务部、国家发展改革委按职责分工负责）\n"
    )
    tasks = extract_text(text, "g.txt").tasks
    assert [t.title for t in tasks] == ["推进县城商业设施改造提升"]


def test_legends_and_pace_words_of_a_report() -> None:
    """A legend line of symbols each before its word (●已完成 ◐推进中 ○未启动) gives a table's marks
    their states; pace words (超序时 / 序时 / 滞后序时) are states; a pace then 已全面完成 is done."""
    table = (
        "某区营商环境重点任务推进情况的通报\n进度标注说明：●已完成 ◐推进中 ○未启动\n"
        "序号 | 任务 | 牵头单位 | 完成时限 | 进度\n"
        "1 | 压缩企业开办时间 | 区行政审批局 | 2027年6月底前 | ●\n"
        "2 | 完善惠企政策直达机制 | 区发展改革局 | 2028年1月底前 | ◐\n"
        "3 | 加强中小微企业融资服务 | 区财政局 | 2028年2月底前 | ○\n"
    )
    assert [t.status for t in extract_text(table, "w.txt").tasks] == ["已完成", "推进中", "未启动"]
    paces = (
        "某市人民政府督查室关于重点任务推进情况的通报\n二、各项任务推进情况\n"
        "（一）加快科技城新区建设（牵头单位：市发展改革委；完成时限：2027年12月底前）\n"
        "已开工40个。\n【进度】超序时，86%\n"
        "（二）建设高标准农田（牵头单位：市农业农村局；完成时限：2027年9月底前）\n"
        "完成80%。\n【进度】滞后序时，64%\n"
        "（三）完成老旧小区改造年度任务（牵头单位：市住房城乡建设局；完成时限：2027年12月底前）\n"
        "全部完工。\n【进度】超序时，已全面完成，100%\n"
    )
    assert [t.status for t in extract_text(paces, "m.txt").tasks] == ["超序时", "滞后序时", "已全面完成"]


def test_deadlines_a_schedule_or_a_definition_gives() -> None:
    """A schedule naming tasks by number (2027年第四季度：完成第1、3项任务) dates them by the period's
    end, over a span their words give (5个工作日内); a phrase the plan defines once (本方案所称“2028年
    汛期前”，指2028年5月31日前) dates the tasks that give it."""
    schedule = (
        "某市人民政府办公厅关于印发政务服务工作方案的通知\n二、重点任务\n"
        "| 工作任务 | 责任单位 |\n|---|---|\n"
        "| 1.推进企业全生命周期集成办理。梳理一件事清单。 | 市政务服务局（牵头）、市市场监管局 |\n"
        "| 2.深化一网通办平台建设。完善平台功能。 | 市大数据局（牵头） |\n"
        "| 3.压缩企业开办时间。开办时间压缩至5个工作日内。 | 市市场监管局（牵头） |\n"
        "三、时间节点\n（一）2027年第三季度：完成第3项任务。\n（二）2027年第四季度：完成第1、2项任务。\n"
    )
    dates = {t.title: t.deadline and t.deadline.date for t in extract_text(schedule, "d.txt").tasks}
    assert dates == {
        "推进企业全生命周期集成办理": "2027-12-31",
        "深化一网通办平台建设": "2027-12-31",
        "压缩企业开办时间": "2027-09-30",
    }
    defined = (
        "某州人民政府办公室关于印发2028年民生实事的通知\n二、民生实事\n"
        "（一）实施病险水库除险加固。完成23座水库加固。由州水务局负责，州财政局协助。完成时限：2028年汛期前。\n"
        "（二）新建公办幼儿园。新增学位4500个。由州教育局负责，州财政局协助。完成时限：2028年11月底前。\n"
        "说明：本方案所称“2028年汛期前”，指2028年5月31日前。\n"
    )
    found = {t.title: t.deadline for t in extract_text(defined, "q.txt").tasks}
    assert (found["实施病险水库除险加固"].text, found["实施病险水库除险加固"].date) == (
        "2028年汛期前",
        "2028-05-31",
    )
    assert found["新建公办幼儿园"].date == "2028-11-30"


def test_a_supervision_item_named_below_its_number_and_a_section_lead_overridden() -> None:
    """（一）第2028-01号督办件 / 督办事项：X: the task is X; 承办单位：A（主办）、B（协办）: A leads, B
    cooperates. An item's （本项由A牵头） closing its title leads it over its section's lead, with the
    partners its words name after."""
    supervision = (
        "厦门市人民政府办公厅关于督办件办理情况的通报\n二、督办件具体办理情况\n"
        "（一）第2028-01号督办件\n督办事项：推进老旧小区改造\n承办单位：市建设局（主办）、市财政局（协办）\n"
        "限期：2028年8月31日\n办理情况：部分办结。已完工71个。\n"
    )
    doc = extract_text(supervision, "x.txt")
    assert _roles(doc) == {"推进老旧小区改造": (["厦门市建设局"], ["厦门市财政局"], [])}
    assert [t.status for t in doc.tasks] == ["部分办结"]
    sections = (
        "南澳县人民政府办公室关于印发海岛经济工作方案的通知\n各部分标题括号内注明的单位为该部分各项任务的牵头单位。\n"
        "（一）海岛旅游提升（县文广旅体局牵头）\n"
        "1．提升古井景区品质。完善景区设施。云澳镇人民政府配合。完成时限：2028年10月底前。\n"
        "2．建设旅游公路驿站（本项由县交通运输局牵头）。建设驿站6处。县文广旅体局配合。完成时限：2029年6月底前。\n"
    )
    roles = _roles(extract_text(sections, "n.txt"))
    assert roles["建设旅游公路驿站"] == (["南澳县交通运输局"], ["南澳县文广旅体局"], [])
    assert roles["提升古井景区品质"] == (["南澳县文广旅体局"], ["云澳镇人民政府"], [])


def test_an_item_given_to_every_body_is_a_task_without_a_unit() -> None:
    """（各地区各有关部门负责） closing an item at the level of the assigned items: a task no one leads,
    not words to skip."""
    text = (
        "国务院办公厅关于加快完善农村寄递物流体系的意见\n一、完善网络\n"
        "（一）健全县级寄递公共配送中心。2027年6月底前建成。（国家邮政局、商务部按职责分工负责）\n"
        "（二）探索多元发展模式。总结推广典型经验。（各地区各有关部门负责）\n"
    )
    tasks = extract_text(text, "a.txt").tasks
    assert [(t.title, len(t.assignments), t.deadline is None) for t in tasks] == [
        ("健全县级寄递公共配送中心", 2, False),
        ("探索多元发展模式", 0, True),
    ]


def test_a_town_report_s_offices_planned_dates_and_states() -> None:
    """（责任办：经济发展办） labels the office responsible; an account's 原定3月底前完成 dates a task
    that gives no deadline; 长期跟踪 is a state (in progress)."""
    text = (
        "浏阳市大瑶镇人民政府关于2028年1—4月重点工作推进情况的报告\n"
        "1. 推进集镇污水管网延伸（责任办：村镇建设办）\n"
        "完成情况：集镇污水管网延伸工程原定3月底前完成，因部分路段协调，施工进度受到影响。未办结。\n"
        "2. 开展规上企业培育（责任办：经济发展办）\n完成情况：入库企业23家。长期跟踪。\n"
    )
    doc = extract_text(text, "d.txt")
    assert _roles(doc) == {
        "推进集镇污水管网延伸": ([], [], ["大瑶镇村镇建设办"]),
        "开展规上企业培育": ([], [], ["大瑶镇经济发展办"]),
    }
    assert [(t.deadline and t.deadline.date, t.status) for t in doc.tasks] == [
        ("2028-03-31", "未办结"),
        (None, "长期跟踪"),
    ]


def test_a_street_table_s_first_office_its_done_flag_and_every_office() -> None:
    """第一个科室为牵头科室 declares the first office of a list its lead, but 各科室 (every office)
    leads nothing; 是否完成：否 beside an account opening with its state keeps the account's state."""
    text = (
        "唐家墩街道办事处关于2028年度重点工作任务推进情况的报告\n"
        "表中“责任科室”栏列有两个以上科室的，第一个科室为牵头科室，其余为配合科室。\n"
        "序号 | 任务 | 责任科室 | 时限 | 进展 | 是否完成\n"
        "1 | 推进老旧小区改造 | 城市管理办公室、社区建设办公室 | 2028年10月31日 | 滞后。已完工3个。 | 否\n"
        "2 | 开展燃气安全隐患排查 | 平安建设办公室 | 2028年6月30日 | 已完成。隐患已全部整改。 | 是\n"
        "3 | 落实安全生产责任 | 各科室 | 2028年11月30日 | 推进中。开展检查12次。 | 否\n"
    )
    doc = extract_text(text, "t.txt")
    roles = _roles(doc)
    assert roles["推进老旧小区改造"] == (["唐家墩街道城市管理办公室"], ["唐家墩街道社区建设办公室"], [])
    assert roles["落实安全生产责任"] == ([], [], ["各科室"])
    assert [t.status for t in doc.tasks] == ["滞后", "已完成", "推进中"]


def test_a_paragraph_enumerating_its_tasks() -> None:
    """一是…（县A牵头，县B配合）；二是…（县C负责）: each enumerated clause is a task titled by its own
    words, the first too (not by the heading above the enumeration)."""
    text = (
        "竹山县人民政府办公室关于印发农村人居环境整治提升方案的通知\n二、重点任务\n"
        "（一）扎实推进农村厕所革命。坚持数量服从质量。一是推进户厕改造提升，2028年12月底前完成改造1200户"
        "（县农业农村局牵头，县卫生健康局配合）；二是加强农村公厕管护，2028年10月底前建立管护制度（县住建局负责）。\n"
    )
    roles = _roles(extract_text(text, "z.txt"))
    assert roles == {
        "推进户厕改造提升": (["竹山县农业农村局"], ["竹山县卫生健康局"], []),
        "加强农村公厕管护": ([], [], ["竹山县住建局"]),
    }


def test_a_report_table_s_ticks_read_by_its_legend_and_a_masthead_s_title() -> None:
    """A 完成情况 column of ✓ / ○ / ✗ read by the note under the table (注：✓表示已完成…); a masthead of
    two issuers above the document number does not join the signers' title line twice; 海域 (a sea
    area, no division) opens no place name (自然资源部海域海岛管理司)."""
    report = (
        "常德市人民政府办公室关于2027年第二季度重点工作推进情况的通报\n"
        "| 序号 | 任务 | 牵头单位 | 完成时限 | 完成情况 |\n|---|---|---|---|---|\n"
        "| 1 | 推进城镇老旧小区改造 | 市住房城乡建设局 | 2027年6月底前 | ✓ |\n"
        "| 2 | 推进城市地下管网建设改造 | 市住房城乡建设局 | 2027年12月底前 | ○ |\n"
        "| 3 | 实施沅江沿岸生态修复 | 市生态环境局 | 2027年5月底前 | ✗ |\n"
        "注：✓表示已完成，○表示正在推进，✗表示未按期完成。\n"
    )
    assert [t.status for t in extract_text(report, "c.txt").tasks] == ["已完成", "正在推进", "未按期完成"]
    opinion = (
        "中共中央办公厅\n国务院办公厅\n\n中办发〔2026〕41号\n\n中共中央办公厅 国务院办公厅\n"
        "关于加快完善农村寄递物流体系的意见\n\n（一）健全县级寄递公共配送中心。2027年6月底前建成。（国家邮政局负责）\n"
    )
    assert (
        extract_text(opinion, "o.txt").title == "中共中央办公厅国务院办公厅关于加快完善农村寄递物流体系的意见"
    )
    sea = (
        "自然资源部关于印发要素保障重点任务分工方案的通知\n"
        "1.完善海域海岛使用审批。2028年9月底前完成。（海域海岛管理司牵头，国土空间用途管制司配合）\n"
    )
    assert _roles(extract_text(sea, "s.txt"))["完善海域海岛使用审批"][0] == ["自然资源部海域海岛管理司"]


def test_lists_that_each_declare_their_lead_and_blank_cells_that_repeat_the_row_above() -> None:
    """（第一个为牵头单位） after some lists: those lists' first unit leads, the others are shared (the
    preamble's 其余单位为配合单位 describes the marked lists); a note that blank cells repeat the row
    above fills a blank unit or deadline cell."""
    marked = (
        "安化县人民政府办公室关于印发黑茶产业分工方案的通知\n"
        "责任单位名单后注明“（第一个为牵头单位）”的，由排在第一位的单位牵头，其余单位为配合单位；未作注明的，所列单位共同负责。\n"
        "（一）稳定茶园基地规模。2028年底前完成。\n责任单位：县农业农村局、县林业局（第一个为牵头单位）\n"
        "（二）加强茶叶质量安全监管。2028年6月底前完成。\n责任单位：县市场监管局、县农业农村局\n"
        "（三）培育壮大茶叶龙头企业。2028年9月底前完成。\n责任单位：县茶业发展中心、县工信局（第一个为牵头单位）\n"
    )
    roles = _roles(extract_text(marked, "a.txt"))
    assert roles["稳定茶园基地规模"] == (["安化县农业农村局"], ["安化县林业局"], [])
    assert roles["加强茶叶质量安全监管"] == ([], [], ["安化县市场监管局", "安化县农业农村局"])
    blank = (
        "蓬溪县人民政府办公室关于印发农村人居环境整治方案的通知\n"
        "序号 | 工作任务 | 具体内容 | 责任单位 | 完成时限\n"
        "1 | 推进农村户厕改造提升 | 新建户厕3000户。 | 县农业农村局、县财政局 | 2027年11月底前\n"
        "2 | 开展问题厕所排查整改 | 开展回头看。 |  | \n"
        "注：表中“责任单位”“完成时限”栏空白的，与上一行相同。\n"
    )
    tasks = extract_text(blank, "p.txt").tasks
    assert [(len(t.assignments), t.deadline and t.deadline.date) for t in tasks] == [
        (2, "2027-11-30"),
        (2, "2027-11-30"),
    ]


def test_a_rectification_list_a_light_an_account_closes_and_a_result_with_its_reason() -> None:
    """An audit rectification list: the 问题 column titles the task where its 整改措施 runs on as
    sentences (a short measure, 开展煤矿水害隐患专项排查, titles it itself), 整改情况 gives its state
    (已整改 / 整改中), 相关主管部门 names no one; 【绿灯】 with an account closing 该项任务已完成 is done;
    办理结果：进度滞后（原因：…） is behind."""
    audit = (
        "宜昌市夷陵区人民政府关于审计查出问题整改情况的报告\n"
        "序号 | 问题 | 整改措施 | 责任单位 | 整改时限 | 整改情况\n"
        "1 | 部分专项资金未及时拨付 | 全面清理滞留资金，按进度及时拨付到位。 | 区财政局、相关主管部门 | 2027年6月底前 | 已整改\n"
        "2 | 政府专项债券资金闲置 | 加快项目建设进度，调整闲置资金用途。 | 区发展和改革局、区财政局 | 2027年9月30日前 | 整改中\n"
    )
    doc = extract_text(audit, "y.txt")
    assert [(t.title, t.status) for t in doc.tasks] == [
        ("部分专项资金未及时拨付", "已整改"),
        ("政府专项债券资金闲置", "整改中"),
    ]
    assert sorted(u.name for u in doc.units.values()) == ["夷陵区发展和改革局", "夷陵区财政局"]
    lights = (
        "千灯镇人民政府关于上半年重点工作推进情况的通报\n"
        "【绿灯】1. 改造提升古镇游客服务中心（责任办：社会事业办）\n"
        "推进情况：改造工程已通过验收，该项任务已完成。\n"
        "【绿灯】2. 推进规上工业稳增长（责任办：经发办）\n推进情况：前期工作已完成。\n"
        "（3）建设一刻钟便民生活圈。承办单位：镇经发办。办理结果：进度滞后（原因：部分产权不清）。\n"
    )
    assert [t.status for t in extract_text(lights, "q.txt").tasks] == ["已完成", "绿灯", "进度滞后"]


def test_a_clause_picking_its_lead_out_of_the_list_before_it() -> None:
    """A、B、C按职责分工负责，其中A牵头 (or 由A、B负责，其中由B牵头): the picked unit leads, the others
    of the list cooperate, and 其中 is no part of a name."""
    text = (
        "国家发展改革委 工业和信息化部 财政部关于推进数据中心绿色发展的通知\n一、重点任务\n"
        "（一）完善算力调度机制。2028年6月底前出台办法。（工业和信息化部、国家发展改革委按职责分工负责，其中工业和信息化部牵头）\n"
        "（二）加强资金保障。由财政部、国家发展改革委负责，其中由国家发展改革委牵头，2028年底前完成。\n"
        "（三）推进医养结合。建设医养结合机构。（责任单位：民政部、国家卫生健康委、国家医保局；其中国家卫生健康委为牵头单位）\n"
    )
    roles = _roles(extract_text(text, "z.txt"))
    assert roles == {
        "完善算力调度机制": (["工业和信息化部"], ["国家发展改革委"], []),
        "加强资金保障": (["国家发展改革委"], ["财政部"], []),
        "推进医养结合": (["国家卫生健康委"], ["民政部", "国家医保局"], []),
    }


def test_a_bracket_line_above_each_item_is_that_item_s_and_one_below_closes_its_own() -> None:
    """【省A牵头，省B配合】 on a line of its own over 1. X: the item below takes it (the first such line
    stands under the note declaring them, no item); an indented line under an item's words, a
    sibling's line before it, closes that item."""
    above = (
        "河北省人民政府办公厅关于印发推进制造业数字化转型分工方案的通知\n二、重点任务\n"
        "每项任务前以【】标明责任单位。\n\n"
        "【省工业和信息化厅牵头，省发展改革委、省财政厅配合】\n"
        "1. 实施重点行业数字化改造行动。编制实施指南。2028年12月底前完成。\n\n"
        "【省发展改革委牵头，省工业和信息化厅配合】\n"
        "2. 谋划储备数字化转型重大项目。建立项目库。2028年3月底前完成。\n"
    )
    assert _roles(extract_text(above, "h.txt")) == {
        "实施重点行业数字化改造行动": (["河北省工业和信息化厅"], ["河北省发展改革委", "河北省财政厅"], []),
        "谋划储备数字化转型重大项目": (["河北省发展改革委"], ["河北省工业和信息化厅"], []),
    }
    below = (
        "景德镇市人民政府办公室关于印发陶瓷文化传承方案的通知\n二、重点任务\n"
        "　　（一）开展陶瓷文化遗产资源普查。全面摸清资源底数，2028年6月底前完成。\n"
        "　　（主办：市文广新旅局；协办：市档案馆）\n\n"
        "　　（二）推进御窑厂遗址保护展示。提升遗址展示水平，2028年底前完成。\n"
        "　　（主办：市御窑博物院；协办：市住建局）\n"
    )
    assert _roles(extract_text(below, "j.txt")) == {
        "开展陶瓷文化遗产资源普查": (["景德镇市文广新旅局"], ["景德镇市档案馆"], []),
        "推进御窑厂遗址保护展示": (["景德镇市御窑博物院"], ["景德镇市住建局"], []),
    }


def test_a_section_giving_the_tasks_by_number() -> None:
    """四、任务分工 / 第1项：市A牵头，市B配合，2028年11月底前完成: the body's item 1 (a task only by that
    line) takes the roles and the deadline; the lines are no tasks, the date describing old houses
    in the item's words no deadline."""
    text = (
        "青岛市人民政府办公厅关于印发2028年城市更新重点任务清单的通知\n二、重点任务\n"
        "1. 推进老旧小区改造。重点改造2000年底前建成的老旧小区。\n"
        "2. 完善城市地下管网。实施管网更新改造。\n"
        "3. 推进城市生命线安全工程建设。安装前端感知设备。\n"
        "四、任务分工\n"
        "第1项：市住房城乡建设局牵头，市财政局配合，2028年11月底前完成。\n"
        "第2项：市水务管理局牵头，市城市管理局配合，2028年10月31日前完成。\n"
        "第3项：市城市管理局、市应急局按职责分工负责，2028年四季度完成。\n"
    )
    doc = extract_text(text, "q.txt")
    assert _roles(doc) == {
        "推进老旧小区改造": (["青岛市住房城乡建设局"], ["青岛市财政局"], []),
        "完善城市地下管网": (["青岛市水务管理局"], ["青岛市城市管理局"], []),
        "推进城市生命线安全工程建设": ([], [], ["青岛市城市管理局", "青岛市应急局"]),
    }
    assert [t.deadline.date if t.deadline else None for t in doc.tasks] == [
        "2028-11-30", "2028-10-31", "2028-12-31"
    ]  # fmt: skip


def test_an_overall_lead_letter_codes_and_a_ministry_s_section_in_brackets() -> None:
    """（一）X（总牵头单位：县A） over items listing 责任单位：县A、县B: A leads, B cooperates, an item's own
    （县C牵头） overriding; a legend A—县发展和改革局 names the codes a table writes; 农业农村部（种植业管理
    司） is the ministry's section; a body's bare 科 after another body takes no place prefix; a
    with-word inside a name (救援协调和预案管理局) parts nothing."""
    overall = (
        "长汀县人民政府办公室关于印发农村人居环境整治方案的通知\n三、重点任务\n"
        "（一）扎实推进农村厕所革命（总牵头单位：县农业农村局）\n"
        "1．开展问题厕所摸排整改。建立台账。责任单位：县农业农村局、县卫健局。完成时限：2028年3月底前。\n"
        "2．新建改造农村公共厕所。新建公厕60座。责任单位：县住建局、县农业农村局（县住建局牵头）。完成时限：2028年9月底前。\n"
    )
    assert _roles(extract_text(overall, "c.txt")) == {
        "扎实推进农村厕所革命": (["长汀县农业农村局"], [], []),
        "开展问题厕所摸排整改": (["长汀县农业农村局"], ["长汀县卫健局"], []),
        "新建改造农村公共厕所": (["长汀县住建局"], ["长汀县农业农村局"], []),
    }
    codes = (
        "沂南县人民政府关于印发和美乡村建设方案的通知\n二、责任单位代码\n"
        "A—县发展和改革局　　B—县财政局　　C—县水利局\n"
        "三、任务分工表\n序号｜任务名称｜主要内容｜责任单位｜完成时限\n"
        "1｜实施农村供水保障工程｜推进城乡供水一体化｜C（牵头）、A、B｜2028年10月10日前\n"
        "2｜稳定粮食生产｜落实补贴政策｜A（牵头）、B｜2028年6月底前\n"
    )
    assert _roles(extract_text(codes, "y.txt")) == {
        "实施农村供水保障工程": (["沂南县水利局"], ["沂南县发展和改革局", "沂南县财政局"], []),
        "稳定粮食生产": (["沂南县发展和改革局"], ["沂南县财政局"], []),
    }
    ministry = (
        "农业农村部办公厅关于印发2028年稳产保供工作要点的通知\n一、重点工作\n"
        "1. 稳定粮食播种面积。落实播种面积。\n"
        "牵头单位：农业农村部（种植业管理司）；参与单位：财政部、农业农村部（计划财务司）。\n"
        "2. 完善灾害事故应急预案体系。修订预案。救援协调和预案管理局负责，政策法规司配合，2028年9月30日前完成。\n"
    )
    assert _roles(extract_text(ministry, "n.txt")) == {
        "稳定粮食播种面积": (["农业农村部种植业管理司"], ["财政部", "农业农村部计划财务司"], []),
        "完善灾害事故应急预案体系": ([], ["农业农村部政策法规司"], ["农业农村部救援协调和预案管理局"]),
    }
    sections = (
        "常州市卫生健康委员会文件\n市卫生健康委关于印发医疗服务能力提升重点任务的通知\n一、重点任务\n"
        "1. 加强重点传染病监测处置。健全监测网络。\n责任科室（单位）：疾病预防控制科（牵头）、市疾病预防控制中心、医政医管科\n"
    )
    assert _roles(extract_text(sections, "z.txt")) == {
        "加强重点传染病监测处置": (
            ["常州市卫生健康委疾病预防控制科"],
            ["常州市疾病预防控制中心", "常州市卫生健康委医政医管科"],
            [],
        ),
    }


def test_a_report_s_actual_completion_day_and_a_list_that_names_no_lead() -> None:
    """实际完成时间：2028年6月 says the task is done, 实际完成时间：未完成（原因：…） that it is not; a bracket
    saying no lead is named (（本项任务未明确牵头单位）) names none."""
    text = (
        "分水镇人民政府关于2028年度重点工作任务完成情况的报告\n二、任务完成情况\n"
        "（一）防汛防台应急能力提升\n牵头单位：应急管理办公室\n计划完成时限：2028年5月31日前\n"
        "实际完成时间：2028年6月\n完成情况：修订应急预案，组织演练3次。\n\n"
        "（二）小微企业园二期建设\n牵头单位：经济发展办公室\n计划完成时限：2028年5月底前\n"
        "实际完成时间：未完成（原因：用地报批延误）\n完成情况：主体工程已于9月开工。\n\n"
        "（三）村级集体经济增收\n责任单位：经济发展办公室、农业农村办公室（本项任务未明确牵头单位）\n"
        "计划完成时限：2028年12月底前\n"
    )
    doc = extract_text(text, "f.txt")
    assert [(t.title, t.status) for t in doc.tasks] == [
        ("防汛防台应急能力提升", "已完成"),
        ("小微企业园二期建设", "未完成"),
        ("村级集体经济增收", None),
    ]
    assert _roles(doc)["村级集体经济增收"] == ([], [], ["分水镇经济发展办公室", "分水镇农业农村办公室"])


def test_an_institution_s_own_parts_written_bare_are_named_with_it() -> None:
    """A company group's or a university's own plan writes its departments, schools and subsidiaries
    bare (安全环保部, 计算机学院, 高速公路运营公司): each is the issuer's; a class (各子公司) stays one;
    A负责，B支持: B is a partner."""
    group = (
        "湖北省交通投资集团有限公司文件\n关于印发安全生产专项行动方案的通知\n二、重点任务\n"
        "（一）整治高速公路运营安全风险。牵头单位：高速公路运营公司；配合部门：安全环保部；责任单位：各子公司。\n"
        "（二）建设安全生产智慧监管平台。科技信息部负责，运营管理部支持。\n"
        "湖北省交通投资集团有限公司\n2027年11月20日\n"
    )
    assert _roles(extract_text(group, "g.txt")) == {
        "整治高速公路运营安全风险": (
            ["湖北省交通投资集团有限公司高速公路运营公司"],
            ["湖北省交通投资集团有限公司安全环保部", "各子公司"],
            [],
        ),
        "建设安全生产智慧监管平台": (
            [],
            ["湖北省交通投资集团有限公司运营管理部"],
            ["湖北省交通投资集团有限公司科技信息部"],
        ),
    }
    university = (
        "皖江理工大学文件\n关于印发深化本科教育教学改革实施方案的通知\n二、重点任务\n"
        "1. 建设人工智能通识课程。责任部门：计算机学院（牵头）、教务处、各学院。\n"
        "皖江理工大学\n2028年3月2日\n"
    )
    assert _roles(extract_text(university, "u.txt")) == {
        "建设人工智能通识课程": (["皖江理工大学计算机学院"], ["皖江理工大学教务处", "各学院"], []),
    }


def test_an_annex_table_by_task_number_and_a_ministry_s_own_word_before_its_offices() -> None:
    """任务编号 | 牵头司局 | 配合司局 | 完成时限 gives the body's numbered items their units; a section named
    with a place's word before no place's function (资源开发司) is the ministry's; 总局认证监管司 is
    市场监管总局's office."""
    annex = (
        "文化和旅游部办公厅关于印发智慧旅游高质量发展行动方案的通知\n二、重点任务\n"
        "1. 完善智慧旅游标准体系。制定标准。\n2. 推进景区预约管理优化。优化预约。\n"
        "附件：任务分工表\n任务编号 | 牵头司局 | 配合司局 | 完成时限\n"
        "1 | 科技教育司 | 政策法规司 | 2028年12月底前\n2 | 资源开发司 | 市场管理司 | 2028年9月底前\n"
    )
    doc = extract_text(annex, "w.txt")
    assert _roles(doc) == {
        "完善智慧旅游标准体系": (["文化和旅游部科技教育司"], ["文化和旅游部政策法规司"], []),
        "推进景区预约管理优化": (["文化和旅游部资源开发司"], ["文化和旅游部市场管理司"], []),
    }
    assert [t.deadline.date if t.deadline else None for t in doc.tasks] == ["2028-12-31", "2028-09-30"]
    ministry = (
        "市场监管总局关于印发检验检测认证重点任务分工方案的通知\n一、重点任务\n"
        "1. 修订强制性产品认证目录管理办法。2028年9月底前完成。（总局认证监管司牵头，总局法规司、工业和信息化部参与）\n"
    )
    assert _roles(extract_text(ministry, "s.txt")) == {
        "修订强制性产品认证目录管理办法": (
            ["市场监管总局认证监管司"],
            ["市场监管总局法规司", "工业和信息化部"],
            [],
        ),
    }


def test_a_semicolon_declared_a_quarter_window_a_timeline_and_chapter_codes() -> None:
    """分号前为牵头单位: a cell's units before its semicolon lead; 工作时段：2028年二季度至四季度 is a
    window until December; lines that are a date alone (2028年9月底前：) date the items under them;
    items coded 1-1 under their chapter are tasks."""
    table = (
        "浙江省人民政府办公厅关于印发数字贸易工作要点的通知\n二、重点任务\n"
        "序号 | 重点任务 | 责任单位 | 完成时限\n1 | 培育数字贸易龙头企业 | 省商务厅；省经信厅、省财政厅 | 2028年12月底前\n"
        "2 | 优化营商环境 | 省商务厅、省市场监管局 | 长期坚持\n注：责任单位栏分号前为牵头单位，分号后为配合单位。\n"
    )
    assert _roles(extract_text(table, "z.txt")) == {
        "培育数字贸易龙头企业": (["浙江省商务厅"], ["浙江省经信厅", "浙江省财政厅"], []),
        "优化营商环境": ([], [], ["浙江省商务厅", "浙江省市场监管局"]),
    }
    timeline = (
        "苍溪县人民政府办公室关于印发农村供水保障提升任务清单的通知\n二、任务清单\n2028年9月底前：\n"
        "1. 完成农村供水工程普查建档（县水利局负责，各乡镇人民政府配合）。逐处普查。\n"
        "2028年12月底前：\n2. 完成农村供水工程产权移交（县水利局负责）。移交产权。\n"
        "长期坚持：\n3. 建设口袋公园（县住建局负责）。工作时段：2028年二季度至四季度\n"
    )
    assert [(t.title, t.deadline.date or t.deadline.until if t.deadline else None) for t in extract_text(timeline, "c.txt").tasks] == [
        ("完成农村供水工程普查建档", "2028-09-30"),
        ("完成农村供水工程产权移交", "2028-12-31"),
        ("建设口袋公园", "2028-12-31"),
    ]  # fmt: skip
    codes = (
        "株洲市人民政府办公室关于2027年政府工作报告重点工作推进情况的通报\n一、坚持创新驱动\n"
        "1-1 壮大轨道交通装备产业集群\n责任单位：市工业和信息化局、市发展改革委\n完成时限：2027年12月底前\n"
        "1-2 推进中小企业数字化转型\n责任单位：市工业和信息化局、市数据局\n完成时限：2027年6月底前\n"
        "说明：责任单位栏中排列第一位的单位为牵头单位。\n"
    )
    assert [t.title for t in extract_text(codes, "z.txt").tasks] == [
        "壮大轨道交通装备产业集群",
        "推进中小企业数字化转型",
    ]


def test_a_later_clause_s_subject_a_company_partner_label_and_a_short_second_name() -> None:
    """……，省A会同省B、省C于年内实现X: A leads, B and C cooperate; 配合企业 labels partners; a lead's
    other name in brackets (县自然资源局（县林业局）) is one body."""
    text = (
        "四川省人民政府办公厅关于印发数字乡村发展工作要点的通知\n一、重点任务\n"
        "（一）加快农村千兆光网建设。要坚持适度超前的原则，加快推动千兆光网向乡镇延伸覆盖，"
        "省通信管理局会同省经济和信息化厅、省发展改革委于年内实现乡镇千兆光网全覆盖。\n"
        "（二）推进整车产能提升。责任部门：省经济和信息化厅（牵头）；配合企业：四川华驰汽车有限公司。\n"
        "（三）做大做强油茶产业。牵头单位：省自然资源厅（省林业局）；配合单位：省财政厅。\n"
    )
    assert _roles(extract_text(text, "s.txt")) == {
        "加快农村千兆光网建设": (["四川省通信管理局"], ["四川省经济和信息化厅", "四川省发展改革委"], []),
        "推进整车产能提升": (["四川省经济和信息化厅"], ["四川华驰汽车有限公司"], []),
        "做大做强油茶产业": (["四川省自然资源厅"], ["四川省财政厅"], []),
    }


def test_an_annex_written_unit_by_unit_names_the_body_s_tasks_by_number() -> None:
    """部门职责分工 / 国家发展改革委：牵头开展X（第一项）；会同自然资源部布局Y（第二项） / 自然资源部：配合国家
    发展改革委布局Y（第二项）: the body's items （一） （二） take those roles."""
    text = (
        "国务院办公厅关于加快推进冷链物流高质量发展的实施意见\n国办发〔2027〕21号\n二、重点任务\n"
        "（一）开展冷链设施摸底调查。2027年7月底前完成。\n（二）布局国家骨干冷链物流基地。2028年底前完成。\n"
        "附件：部门职责分工\n"
        "国家发展改革委：牵头开展冷链设施摸底调查（第一项）；会同自然资源部、交通运输部布局国家骨干冷链物流基地（第二项）。\n"
        "自然资源部：配合国家发展改革委布局国家骨干冷链物流基地（第二项）。\n"
        "商务部：配合国家发展改革委开展冷链设施摸底调查（第一项）。\n"
    )
    assert _roles(extract_text(text, "g.txt")) == {
        "开展冷链设施摸底调查": (["国家发展改革委"], ["商务部"], []),
        "布局国家骨干冷链物流基地": (["国家发展改革委"], ["自然资源部", "交通运输部"], []),
    }


def test_a_department_s_branches_in_its_own_division_of_work() -> None:
    """A city bureau's own document writes its 科 and its district branches bare (大气环境科, 蜀山区分局):
    both are the bureau's."""
    text = (
        "合肥市生态环境局关于印发秋冬季大气污染防治攻坚任务分工的通知\n一、重点任务\n"
        "（一）开展城区扬尘督导检查。督导工地扬尘管控。\n责任科室：蜀山区分局（牵头）、庐阳区分局、大气环境科\n"
        "完成时限：2028年2月底前\n"
    )
    assert _roles(extract_text(text, "h.txt")) == {
        "开展城区扬尘督导检查": (
            ["合肥市生态环境局蜀山区分局"],
            ["合肥市生态环境局庐阳区分局", "合肥市生态环境局大气环境科"],
            [],
        ),
    }


def test_a_declared_semicolon_in_lists_codes_alone_in_cells_and_a_sign_before_a_person() -> None:
    """分号前为牵头单位 parts a labelled list and a bare bracketed list at the semicolon; a legend's
    code alone fills a table's lead cell (A) and stands beside a class of bodies without taking a
    place prefix (各市人民政府、D); ★A marks a code as the lead; a legend may follow its label on
    one line (单位代码：A—省通信管理局); a lead's sign before the person
    answerable (区发展和改革局*（刘洋，副局长）) still marks the unit. Without a legend a cell of
    capital letters is no unit."""
    semicolon = (
        "某区人民政府办公室关于印发重点任务分解的通知\n一、重点任务\n"
        "1.建设跨境电商产业园。[责任单位:区商务局；区招商服务中心、区财政局]\n"
        "2.完善物流配送体系。（区交通运输局；区商务局）\n"
        "（注：分号前为牵头单位，分号后为配合单位。）\n"
    )
    assert _roles(extract_text(semicolon, "s.txt")) == {
        "建设跨境电商产业园": (["区商务局"], ["区招商服务中心", "区财政局"], []),
        "完善物流配送体系": (["区交通运输局"], ["区商务局"], []),
    }
    codes = (
        "河北省人民政府办公厅关于印发数字经济工作方案的通知\n二、重点任务分工\n"
        "序号\t工作任务\t完成时限\t牵头单位\t配合单位\n"
        "1\t加快5G网络建设。\t2028年12月底前\tA\tB、C\n"
        "2\t建设工业互联网平台。\t长期坚持\tB\tC、各市人民政府\n"
        "3\t开展数字经济统计监测。\t2028年9月30日前\tC\t\n"
        "三、单位代码\nA：省通信管理局；B：省发展改革委；C：省统计局\n"
    )
    assert _roles(extract_text(codes, "c.txt")) == {
        "加快5G网络建设": (["河北省通信管理局"], ["河北省发展改革委", "河北省统计局"], []),
        "建设工业互联网平台": (["河北省发展改革委"], ["河北省统计局", "各市人民政府"], []),
        "开展数字经济统计监测": (["河北省统计局"], [], []),
    }
    # without a legend a cell of capital letters is a grade, never a unit: a row missing its lead
    # keeps its own title and names no lead
    graded = (
        "某市推进城市更新工作任务分工表\n\n序号\t工作任务\t等级\t牵头单位\t完成时限\n"
        "1\t推进老旧小区改造\tA\t市住房城乡建设局\t2028年6月底前\n"
        "2\t推进农贸市场改造\tA\t市商务局\t2028年12月底前\n"
        "3\t推进背街小巷整治\tC\t2028年10月底前\n"
    )
    assert _roles(extract_text(graded, "g.txt")) == {
        "推进老旧小区改造": (["市住房城乡建设局"], [], []),
        "推进农贸市场改造": (["市商务局"], [], []),
        "推进背街小巷整治": ([], [], []),
    }
    marked = (
        "河北省人民政府办公厅关于印发数据工作方案的通知\n"
        "单位代码：A—省通信管理局　　B—省发展改革委　　C—省统计局　　D—雄安新区管委会\n"
        "一、重点任务\n1.推进数据共享。（责任单位：★A、各市人民政府、D，标★的为牵头单位）\n"
        "2.推进数据开放。（责任单位：★B、C）\n"
    )
    assert _roles(extract_text(marked, "m.txt")) == {
        "推进数据共享": (["河北省通信管理局"], ["各市人民政府", "雄安新区管委会"], []),
        "推进数据开放": (["河北省发展改革委"], ["河北省统计局"], []),
    }
    person = (
        "蔡甸区人民政府办公室关于印发重点任务分解方案的通知\n一、重点任务\n"
        "1.推进项目建设。\n责任部门及责任人：区发展和改革局*（刘洋，副局长）、区财政局\n"
        "（注：标*的为牵头单位，其余为配合单位。）\n"
    )
    assert _roles(extract_text(person, "p.txt")) == {
        "推进项目建设": (["蔡甸区发展和改革局"], ["蔡甸区财政局"], []),
    }


def test_sections_by_chinese_number_articles_and_a_declared_lead_verb() -> None:
    """第（一）至（三）项由A牵头，B配合，…完成 gives a range of （一） items their roles and date (第（六）、
    （七）项 a list of them; a line naming no unit still makes its item a task); 第三条 numbers an item
    as 3. does; a notice declaring 注明“负责”或者“牵头”的司局为牵头司局 makes X司负责 a lead."""
    ranges = (
        "国家卫生健康委办公厅关于做好改善医疗服务重点工作的通知\n二、重点任务\n"
        "（一）优化预约诊疗服务。推行分时段预约。\n（二）推行检查检验结果互认。建立互认清单。\n"
        "（三）规范日间医疗服务。扩大病种范围。\n（四）提升基层首诊能力。加强全科建设。\n"
        "（五）加强医疗服务宣传引导。总结推广好经验。\n三、分工安排\n"
        "第（一）至（三）项由医政司牵头，财务司配合，2028年6月底前完成；\n"
        "第（四）项由基层卫生健康司牵头，医政司配合，2027年12月31日前完成；\n"
        "第（五）项由委机关有关司局按职责分工落实，长期坚持。\n"
    )
    doc = extract_text(ranges, "r.txt")
    assert _roles(doc) == {
        "优化预约诊疗服务": (["国家卫生健康委医政司"], ["国家卫生健康委财务司"], []),
        "推行检查检验结果互认": (["国家卫生健康委医政司"], ["国家卫生健康委财务司"], []),
        "规范日间医疗服务": (["国家卫生健康委医政司"], ["国家卫生健康委财务司"], []),
        "提升基层首诊能力": (["国家卫生健康委基层卫生健康司"], ["国家卫生健康委医政司"], []),
        "加强医疗服务宣传引导": ([], [], []),
    }
    assert [(t.deadline.text if t.deadline else None) for t in doc.tasks] == [
        "2028年6月底前", "2028年6月底前", "2028年6月底前", "2027年12月31日前", "长期坚持",
    ]  # fmt: skip
    articles = (
        "生态环境部关于印发生态环境治理重点任务分工方案的通知\n"
        "各条末尾括号内注明承担单位。注明“负责”或者“牵头”的司局为牵头司局；注明“参与”的司局为配合司局。\n"
        "第一条 推进细颗粒物与臭氧协同控制。统筹推进协同减排。（大气环境司负责，有关司局配合）\n"
        "第二条 修订重点行业大气污染物排放标准。提高控制要求。（法规与标准司牵头，大气环境司参与）\n"
    )
    assert _roles(extract_text(articles, "a.txt")) == {
        "推进细颗粒物与臭氧协同控制": (["生态环境部大气环境司"], [], []),
        "修订重点行业大气污染物排放标准": (["生态环境部法规与标准司"], ["生态环境部大气环境司"], []),
    }
    # without the declaration 负责 names no lead (FORMAT.md)
    plain = articles.replace("注明“负责”或者“牵头”的司局为牵头司局；", "")
    assert _roles(extract_text(plain, "p.txt"))["推进细颗粒物与臭氧协同控制"] == (
        [],
        [],
        ["生态环境部大气环境司"],
    )


def test_a_report_s_notes_column_lights_in_quotes_and_a_target_before_the_deadline() -> None:
    """A 备注 column holding a state word alone gives the state (a second progress column, the later
    account, gives none); a task cell's bracket of its target and deadline is no part of its title;
    “红灯”表示项目进度“滞后” reads the light; a share of 100% is done whatever light stands beside it,
    called what the report's note calls it (完成进度达到100%的项目为“已完成”);
    暂缓实施 puts a task off; 各责任单位按职责分工负责 names no unit (the cells stay in their columns)."""
    notes = (
        "光山县人民政府办公室关于重点工作任务推进情况的通报\n"
        "序号 | 任务 | 责任单位 | 一季度进展 | 二季度进展 | 是否完成 | 备注\n"
        "1 | 推进高标准农田建设（新建高标准农田4.2万亩，2027年10月底前完成） | 县农业农村局、县财政局 | 完成设计批复。 | 开工建设。 | 否 | 正常推进\n"
        "2 | 实施农村户厕改造（改造农村户厕3500户，2027年6月底前完成） | 县农业农村局、县卫生健康委 | 完成摸底。 | 累计改造2140户，进度偏慢。 | 否 | 滞后\n"
        "3 | 建设县域冷链物流中心（2027年6月底前建成投用） | 县商务局 | 主体封顶。 | 投入试运营。 | 是 | 已完成\n"
        "4 | 强化宣传引导 | 各责任单位按职责分工负责 | 开展宣传。 | 持续宣传。 | 否 | 正常推进\n"
    )
    doc = extract_text(notes, "n.txt")
    assert [(t.title, t.status, t.deadline.date if t.deadline else None) for t in doc.tasks] == [
        ("推进高标准农田建设", "正常推进", "2027-10-31"),
        ("实施农村户厕改造", "滞后", "2027-06-30"),
        ("建设县域冷链物流中心", "已完成", "2027-06-30"),
        ("强化宣传引导", "正常推进", None),
    ]
    assert not doc.tasks[3].assignments
    lights = (
        "芜湖市人民政府办公室关于民生实事项目推进情况的通报\n"
        "序号 | 任务 | 牵头单位 | 目标 | 完成进度 | 预警\n"
        "1 | 老年助餐服务点建设 | 市民政局 | 新建服务点50个 | 100% | 绿灯\n"
        "2 | 新增公办幼儿园学位 | 市教育局 | 新增学位3000个 | 18% | 红灯\n"
        "注：“红灯”表示项目进度“滞后”，即完成进度低于序时进度15个百分点以上。\n"
        "（三）建设公共资源交易平台。责任单位：市公共资源交易监督管理局。因省级统一建设，本项任务暂缓实施。【暂缓实施】\n"
    )
    states = [(t.title, t.status) for t in extract_text(lights, "l.txt").tasks]
    assert states == [
        ("老年助餐服务点建设", "100%"),
        ("新增公办幼儿园学位", "滞后"),
        ("建设公共资源交易平台", "暂缓实施"),
    ]
    # (a note naming the full share's word, not the word of the shares short of it)
    named = lights.replace("注：", "注：完成进度达到100%的项目为“已完成”；未达到100%的项目为“推进中”。")
    assert [t.status for t in extract_text(named, "n.txt").tasks][:2] == ["已完成", "滞后"]


def test_declared_short_names_one_after_another_and_a_zone_named_in_full() -> None:
    """Several X（以下简称Y） in one sentence each declare their own pair (the window of one 简称 holds
    the one before it); a body that names its zone in full (张江科学城建设管理办公室) keeps it, though
    the zone's nickname (张江) opens it."""
    short = (
        "厦门市人民政府办公厅关于印发城市更新行动工作方案的通知\n"
        "成员单位包括：市发展和改革委员会（以下简称市发改委）、市住房和建设局（以下简称市建设局）、市财政局。\n"
        "一、重点任务\n1.推进老旧小区改造。改造小区60个。（牵头单位：市建设局；配合单位：市发改委、市财政局）\n"
    )
    assert _roles(extract_text(short, "x.txt")) == {
        "推进老旧小区改造": (["厦门市住房和建设局"], ["厦门市发展和改革委员会", "厦门市财政局"], []),
    }
    zone = (
        "上海市浦东新区人民政府办公室关于印发《张江科学城2027年建设发展重点任务分工表》的通知\n"
        "序号 | 工作任务 | 具体措施 | 牵头单位 | 责任单位 | 完成时限\n"
        "1 | 建设重大科技基础设施集群 | 推进装置建设。 | 张江科学城建设管理办公室 | 区发展改革委 | 2028年12月底前\n"
    )
    leads = [n for n, *_ in _roles(extract_text(zone, "z.txt")).values()]
    assert leads == [["张江科学城建设管理办公室"]]


def test_a_plan_two_governments_issue_is_of_both_places() -> None:
    """四川省人民政府办公厅 and 重庆市人民政府办公厅 sign one plan: it is of 四川省 and of 重庆市, so a
    question about Chongqing's plans finds it; a plan of one signer keeps its own places."""
    from fengong.graph.mapping import _place_keys

    joint = extract_text(
        "四川省人民政府办公厅\n重庆市人民政府办公厅\n"
        "四川省人民政府办公厅　重庆市人民政府办公厅\n关于印发《推动成渝地区双城经济圈公共服务共建共享重点任务》的通知\n"
        "四川省各市（州）人民政府；重庆市各区县（自治县）人民政府：\n现将重点任务印发给你们，请认真贯彻落实。\n"
        "四川省人民政府办公厅　　重庆市人民政府办公厅\n2027年12月20日\n"
        "一、重点任务\n1.推进社保关系转移接续便利化。牵头单位：四川省人力资源社会保障厅、重庆市人力社保局\n",
        "j.txt",
    )
    assert joint.issuer == "四川省人民政府办公厅、重庆市人民政府办公厅"
    assert _place_keys(joint)["places"] == ["四川省", "重庆市"]
    one = extract_text(
        "四川省人民政府办公厅关于印发重点任务的通知\n一、重点任务\n1.推进X。牵头单位：省财政厅\n", "o.txt"
    )
    assert _place_keys(one)["places"] == ["四川省"]


def test_a_validity_date_a_bracketed_colon_a_lag_column_and_a_table_of_short_names() -> None:
    """有效期至2029年12月31日 is how long a document is in force, no task's deadline; a colon inside a
    cell's bracket (实施老旧小区改造（时限：2027年11月底前）) does not end its title; a 完成情况 cell that is
    a state word (按时完成) says the state beside a rating column (评价：好); a yes under 是否滞后 puts the
    task behind, its share kept as progress; a table of 简称 | 全称 names the short forms; 部机关各司局
    is no unit."""
    validity = (
        "广东省人民政府办公厅关于印发推动制造业数字化转型若干措施的通知\n"
        "十四、开展评估督导。对各地市工作进展开展评估。2027年11月30日前，完成首次年度评估。（省工业和信息化厅牵头）\n"
        "本措施自印发之日起施行，有效期至2029年12月31日。\n"
    )
    [task] = extract_text(validity, "v.txt").tasks
    assert (task.deadline.text, task.deadline.date) == ("2027年11月30日前", "2027-11-30")
    rated = (
        "洛阳市人民政府办公室关于民生实事办理情况的通报\n"
        "| 序号 | 任务 | 责任单位 | 完成情况 | 评价 |\n"
        "| 1 | 实施老旧小区改造（时限：2027年11月底前） | 市住房城乡建设局、市财政局 | 按时完成 | 好 |\n"
        "| 2 | 增加普惠托育服务供给（时限：2027年12月底前） | 市卫生健康委 | 基本完成 | 较好 |\n"
    )
    assert [(t.title, t.status) for t in extract_text(rated, "r.txt").tasks] == [
        ("实施老旧小区改造", "按时完成"),
        ("增加普惠托育服务供给", "基本完成"),
    ]
    lag = (
        "双塔街道办事处关于重点工作任务推进情况的报告\n"
        "序号 | 任务 | 责任科室 | 完成时限 | 进度 | 是否滞后\n"
        "1 | 整治电动自行车安全隐患 | 平安建设办公室 | 2028年4月10日前 | 已完成90% | 是\n"
        "2 | 推进老旧小区改造 | 城市管理办公室 | 2028年10月底前 | 已完成35% | 否\n"
    )
    assert [(t.status, t.progress) for t in extract_text(lag, "l.txt").tasks] == [
        ("滞后", "已完成90%"),
        ("已完成35%", None),
    ]
    short = (
        "成都市人民政府办公厅关于印发成都市城市更新工作要点的通知\n一、重点任务\n"
        "1.推进城镇老旧小区改造。改造小区300个。（牵头单位：市住建局；配合单位：市发改委）\n"
        "附件：单位简称对照表\n简称 | 全称\n市发改委 | 成都市发展和改革委员会\n市住建局 | 成都市住房和城乡建设局\n"
    )
    assert _roles(extract_text(short, "s.txt")) == {
        "推进城镇老旧小区改造": (["成都市住房和城乡建设局"], ["成都市发展和改革委员会"], []),
    }
    offices = "应急管理部关于印发2028年工作要点的通知\n一、重点工作\n（一）持续加强干部队伍作风建设。长期坚持。（部机关各司局负责）\n"
    assert _roles(extract_text(offices, "o.txt")) == {"持续加强干部队伍作风建设": ([], [], [])}


def test_signs_before_names_and_numbers_targets_in_brackets_and_suggestion_reports() -> None:
    """▲ before a name marks the lead; a state sign and a space before an item's number (○ 二、…) leave
    the number its heading's; a bracket holding only the year's target (（新增学位4500个）) is no part of
    a title; 第22号 before 关于…的建议 is the suggestion's number; 办理结果：已办结（A类）（承诺办结时限：…）
    gives the state; under 列第一位的为牵头单位 a list opening with a catch-all names no lead."""
    marked = (
        "湖北省人民政府办公厅关于印发降低物流成本分工方案的通知\n"
        "序号 | 任务 | 省级责任单位 | 完成时限\n"
        "1 | 完善物流枢纽布局 | ▲省发展改革委、省交通运输厅 | 2027年12月底前\n"
        "2 | 新建改扩建中小学和幼儿园（新增学位4500个） | ▲省教育厅、省财政厅 | 2027年8月31日\n"
    )
    assert _roles(extract_text(marked, "m.txt")) == {
        "完善物流枢纽布局": (["湖北省发展改革委"], ["湖北省交通运输厅"], []),
        "新建改扩建中小学和幼儿园": (["湖北省教育厅"], ["湖北省财政厅"], []),
    }
    signs = (
        "丁蜀镇人民政府关于重点工作任务推进情况的报告\n说明：● 已完成 ◐ 推进中 ○ 滞后\n"
        "● 一、完成紫砂文化创意街区提升\n牵头单位：镇城建办；配合单位：镇文体站\n完成时限：2027年12月底前\n完成状态：已完成\n"
        "◐ 二、实施农村人居环境整治提升\n牵头单位：镇农业农村办\n完成时限：2028年6月底前\n完成状态：推进中\n"
    )
    assert [(t.title, t.status) for t in extract_text(signs, "s.txt").tasks] == [
        ("完成紫砂文化创意街区提升", "已完成"),
        ("实施农村人居环境整治提升", "推进中"),
    ]
    suggestions = (
        "宜宾市人民政府办公室关于2028年市人大代表重点督办建议办理情况的报告\n"
        "（一）第3号 关于加快城区停车设施建设的建议\n领衔代表：李晓峰\n承办单位：市住房城乡建设局\n协办单位：市公安局\n"
        "办理结果：已办结（A类）（承诺办结时限：2028年5月底前）\n"
    )
    [done] = extract_text(suggestions, "y.txt").tasks
    assert (done.title, done.status) == ("关于加快城区停车设施建设的建议", "已办结")
    catch_all = (
        "山东省人民政府办公厅关于印发海洋强省建设重点工作任务的通知\n"
        "1.建设现代化海洋牧场。推进深远海养殖。（责任单位：省海洋局、省财政厅，列第一位的为牵头单位，下同）\n"
        "2.强化海上安全保障。长期坚持。（责任单位：省直有关部门，沿海各市人民政府）\n"
    )
    roles = _roles(extract_text(catch_all, "c.txt"))
    assert roles["建设现代化海洋牧场"] == (["山东省海洋局"], ["山东省财政厅"], [])
    assert roles["强化海上安全保障"][0] == []


def test_annexes_unit_by_unit_by_number_lists_and_by_quoted_titles() -> None:
    """规划计划司：牵头负责第一、三项任务，参与第二项任务 gives items 一、… by number lists (each clause
    its role); 省民政厅：牵头负责“X”工作；配合做好“Y”工作 gives the tasks titled in quotes."""
    numbers = (
        "水利部关于做好2028年水资源管理重点工作的通知\n"
        "一、编制重点流域水安全保障规划。2028年7月底前完成。\n二、深化水资源刚性约束制度建设。2028年10月底前完成。\n"
        "三、加快水利基础设施投资落地。2028年6月底前完成。\n四、工作要求\n（一）加强组织领导。各司局要高度重视。\n"
        "五、责任分工\n规划计划司：牵头负责第一、三项任务，参与第二项任务；\n水资源管理司：牵头负责第二项任务；\n"
        "财务司：参与第三项任务。\n"
    )
    roles = _roles(extract_text(numbers, "n.txt"))
    assert roles["编制重点流域水安全保障规划"] == (["水利部规划计划司"], [], [])
    assert roles["深化水资源刚性约束制度建设"] == (["水利部水资源管理司"], ["水利部规划计划司"], [])
    assert roles["加快水利基础设施投资落地"] == (["水利部规划计划司"], ["水利部财务司"], [])
    titles = (
        "江西省人民政府办公厅关于印发银发经济行动方案的通知\n二、重点任务\n"
        "（一）扩大老年助餐服务供给。新建助餐点。2028年6月底前完成。\n（二）发展老年教育。扩大老年大学。2028年9月底前完成。\n"
        "三、部门职责分工\n省民政厅：牵头负责“扩大老年助餐服务供给”工作。\n"
        "省教育厅：牵头负责“发展老年教育”工作；配合做好“扩大老年助餐服务供给”工作。\n"
    )
    assert _roles(extract_text(titles, "t.txt")) == {
        "扩大老年助餐服务供给": (["江西省民政厅"], ["江西省教育厅"], []),
        "发展老年教育": (["江西省教育厅"], [], []),
    }


def test_milestones_parted_by_commas_a_dated_task_cell_a_place_opening_with_he_and_unit_reports() -> None:
    """A deadline cell of dated milestones parted by commas (2028年3月底前下达计划，4月底前全部开工) is
    due by the last; a task cell with its date in brackets (新建口袋公园（2028年11月底前）) is the task's,
    not the deadline's; 和平社区居委会 keeps its 和; a report written unit by unit (（二）县农业农村局 /
    一是推进X，正在推进…。二是…) gives each enumerated task to the unit, in the state it says."""
    milestones = (
        "温州市人民政府办公室关于印发城市更新重点任务清单的通知\n"
        "序号 | 任务 | 市级责任部门 | 完成时限\n"
        "1 | 推进既有住宅加装电梯 | 市住建局（牵头）、市市场监管局 | 2028年3月底前下达年度计划，4月底前全部开工\n"
        "2 | 推进城中村改造 | 市住建局（牵头）、市财政局 | 2028年12月底前\n"
    )
    [lift, _] = extract_text(milestones, "m.txt").tasks
    assert (lift.title, lift.deadline.date if lift.deadline else None) == (
        "推进既有住宅加装电梯",
        "2028-04-30",
    )
    cells = (
        "青龙街道办事处关于为民办实事项目推进情况的报告\n"
        "序号 | 任务 | 责任社区 | 进展情况 | 是否完成\n"
        "1 | 新建口袋公园（2028年11月底前） | 翠竹社区居委会、和平社区居委会 | 推进中。正在安装健身器材。 | 否\n"
        "2 | 开设老年助餐点（2028年6月底前） | 和平社区居委会 | 已完成。新开设助餐点2个。 | 是\n"
    )
    doc = extract_text(cells, "c.txt")
    assert [(t.title, t.deadline.date if t.deadline else None) for t in doc.tasks] == [
        ("新建口袋公园", "2028-11-30"),
        ("开设老年助餐点", "2028-06-30"),
    ]
    assert any(u.name.endswith("和平社区居委会") for u in doc.units.values())
    assert not any(u.name.endswith("平社区居委会") and "和平" not in u.name for u in doc.units.values())
    report = (
        "永丰县人民政府办公室关于2027年上半年重点工作推进情况的通报\n一、总体情况\n各单位推进有序。\n"
        "二、各责任单位推进情况\n（一）县农业农村局\n"
        "一是推进高标准农田建设，正在推进，预计10月底完成。已完成工程量70%。二是推进农村改厕问题摸排整改，已完成。"
        "三是推进蔬菜产业园提质扩容，滞后（原因：用地报批延迟），原定7月底前完成。\n"
    )
    tasks = extract_text(report, "r.txt").tasks
    assert [(t.title, t.status) for t in tasks if t.title.startswith("推进")] == [
        ("推进高标准农田建设", "正在推进"),
        ("推进农村改厕问题摸排整改", "已完成"),
        ("推进蔬菜产业园提质扩容", "滞后"),
    ]
    assert _roles(extract_text(report, "r.txt"))["推进高标准农田建设"][0] == ["永丰县农业农村局"]


def test_a_full_stop_before_a_bracket_s_deadline_a_report_s_word_on_the_task_and_task_lines() -> None:
    """（A牵头，B参与。完成时限：…） parts its roles from its deadline at the full stop; a report's
    sentence on the task itself (目前该项工作已完成。/ 该项工作进度滞后，原因是…) gives its state; a line of a
    task's fields parted by spaces (任务：X　责任单位：县A　进展：已完成) is a task of its own."""
    bracket = (
        "青岛市人民政府办公厅关于印发海洋经济重点任务的通知\n一、重点任务\n"
        "1.壮大海洋装备制造产业。支持龙头企业扩大产能。（市工业和信息化局牵头，市海洋发展局、市科技局参与。完成时限：2028年第四季度）\n"
    )
    [task] = extract_text(bracket, "b.txt").tasks
    assert (task.deadline.date if task.deadline else None) == "2028-12-31"
    assert _roles(extract_text(bracket, "b.txt"))["壮大海洋装备制造产业"] == (
        ["青岛市工业和信息化局"],
        ["青岛市海洋发展局", "青岛市科技局"],
        [],
    )
    said = (
        "大瑶镇人民政府关于2028年重点工作任务推进情况的报告\n二、推进情况\n"
        "（一）开展花炮企业安全生产专项整治。由镇应急管理办牵头，镇经发办配合。共排查隐患216处，已全部整改到位。目前该项工作已完成。\n"
        "完成时限：2028年6月30日前。\n"
        "（二）推进集镇污水管网改造。由镇规划建设办牵头。该项工作进度滞后，原因是管网迁改协调难度大。\n完成时限：2028年6月30日前。\n"
    )
    assert [t.status for t in extract_text(said, "s.txt").tasks] == ["已完成", "滞后"]
    lines = (
        "遂川县人民政府办公室关于2027年重点任务推进情况的通报\n一、产业发展类\n"
        "任务：实施高标准农田建设　责任单位：县农业农村局　进展：已完成\n"
        "任务：推进狗牯脑茶产业提质增效　责任单位：县茶叶产业发展中心　进展：推进中\n"
    )
    assert [(t.title, t.status) for t in extract_text(lines, "l.txt").tasks] == [
        ("实施高标准农田建设", "已完成"),
        ("推进狗牯脑茶产业提质增效", "推进中"),
    ]


def test_a_responsibility_matrix_dates_from_the_body_units_after_a_title_and_a_done_day_column() -> None:
    """A table with a column per unit (序号 | 任务 | 市A | 市B …) gives each unit the role its legend
    gives the sign in its column (● 牵头, ○ 配合; two ● lead jointly, none no lead), and its tasks
    take the dates the body's items of the same titles give; a bracket of units closing a numbered
    item's title (1．整治背街小巷（区城管局）。) is the item's; 【省有关单位按职责分工负责】 opening an
    item assigns it to no one and is no part of its title; a 实际完成时间 column's date says a task
    is done ("—" says nothing); 各相关科室 names no section; 县纪委监委 is the county's."""
    matrix = (
        "武汉市人民政府办公厅关于印发城市更新行动方案的通知\n二、重点任务\n"
        "（一）开展城市体检评估。建立城市体检机制，2028年9月底前完成年度体检。\n"
        "（二）创新城市更新投融资模式。统筹用好专项债券，2028年12月20日前出台实施意见。\n"
        "（三）加强城市更新宣传引导。持续推进。\n"
        "三、责任分工\n"
        "| 序号 | 任务 | 市发展改革委 | 市财政局 | 市住房和城乡建设局 | 各区人民政府 |\n"
        "| 1 | 开展城市体检评估 | ○ | | ● | ○ |\n"
        "| 2 | 创新城市更新投融资模式 | ● | ● | ○ | |\n"
        "| 3 | 加强城市更新宣传引导 | | | ○ | ○ |\n"
        "注：表中“●”表示牵头单位，“○”表示配合单位，空白表示不涉及。\n"
    )
    doc = extract_text(matrix, "m.txt")
    assert _roles(doc) == {
        "开展城市体检评估": (["武汉市住房和城乡建设局"], ["武汉市发展改革委", "各区人民政府"], []),
        "创新城市更新投融资模式": (["武汉市发展改革委", "武汉市财政局"], ["武汉市住房和城乡建设局"], []),
        "加强城市更新宣传引导": ([], ["武汉市住房和城乡建设局", "各区人民政府"], []),
    }
    assert [t.deadline.date if t.deadline else None for t in doc.tasks] == ["2028-09-30", "2028-12-20", None]
    report = (
        "洛阳市涧西区人民政府办公室关于重点工作任务推进情况的通报\n一、已完成事项\n"
        "　　1．新改扩建中小学校（区教体局）。原定时限：2027年8月底前。状态：已完成。\n"
        "　　2．整治背街小巷（区城管局、区住建局）。原定时限：2027年9月30日前。状态：已完成。\n"
        "　　3．建设城市绿道（一期）工程。原定时限：2027年10月底前。状态：推进中。\n"
    )
    assert _roles(extract_text(report, "r.txt")) == {
        "新改扩建中小学校": ([], [], ["涧西区教体局"]),
        "整治背街小巷": ([], [], ["涧西区城管局", "涧西区住建局"]),
        "建设城市绿道（一期）工程": ([], [], []),
    }
    opening = (
        "广东省人民政府办公厅关于印发低空经济行动方案的通知\n二、重点任务\n"
        "1.【省发展改革委牵头，省交通运输厅配合】编制低空起降设施布局规划。2028年9月底前完成。\n"
        "2.【省有关单位按职责分工负责】营造低空经济发展良好氛围。持续推进。\n"
    )
    assert _roles(extract_text(opening, "o.txt")) == {
        "编制低空起降设施布局规划": (["广东省发展改革委"], ["广东省交通运输厅"], []),
        "营造低空经济发展良好氛围": ([], [], []),
    }
    done = (
        "西峡县人民政府办公室关于民生实事推进情况的通报\n"
        "| 序号 | 任务 | 责任单位 | 计划完成时间 | 实际完成时间 | 备注 |\n"
        "| 1 | 新建改扩建城区中小学校 | 县教育体育局 | 2028年8月31日 | 2028年8月26日 | 新增学位2160个 |\n"
        "| 2 | 改造城镇老旧小区 | 县住房和城乡建设局 | 2028年9月30日 | — | 已完工21个 |\n"
    )
    assert [
        (t.status, t.deadline.date if t.deadline else None) for t in extract_text(done, "d.txt").tasks
    ] == [
        ("已完成", "2028-08-31"),
        (None, "2028-09-30"),
    ]
    street = (
        "泰和县宁海路街道办事处关于印发重点工作分解表的通知\n"
        "序号\t工作任务\t责任科室\t配合社区\t完成时间\n"
        "1\t推进“一老一小”服务阵地提质\t各相关科室\t各社区\t全年\n"
        "2\t开展清廉村居建设\t县纪委监委\t各社区\t2027年第四季度\n"
    )
    assert _roles(extract_text(street, "s.txt")) == {
        "推进“一老一小”服务阵地提质": ([], ["各社区"], []),
        "开展清廉村居建设": ([], ["各社区"], ["泰和县纪委监委"]),
    }


def test_a_share_done_written_without_its_colon_named_as_the_report_s_rule_names_it() -> None:
    """完成率60% in a task's paragraph is its share done, as 完成率：60% is; a report's rule 完成率100%的，
    视为已完成 names the full share (a comma before the verb)."""
    report = (
        "湖州市美丽湖州建设领导小组办公室关于重点任务推进情况的报告\n"
        "本报告以截至2028年2月底的完成率评定进展状态：完成率100%的，视为已完成；其余任务均为推进中。\n"
        "一、推进情况\n"
        "（一）开展工业园区污水整治。牵头单位：市生态环境局；完成时限：2028年2月底前。已全部完成排查修复，完成率100%。\n"
        "（二）实施河湖库塘清淤。牵头单位：市水利局；完成时限：2028年1月底前。已完成清淤540万立方米，完成率45%。\n"
    )
    assert [(t.title, t.status) for t in extract_text(report, "h.txt").tasks] == [
        ("开展工业园区污水整治", "已完成"),
        ("实施河湖库塘清淤", "45%"),
    ]


def test_units_opening_an_item_counted_headings_report_columns_and_an_unknown_place() -> None:
    """1. 县交通运输局：负责推进X。… names the item's responsible unit and its title after 负责 (a
    line of one unit's part under a task stays the unit-lines reader's); a heading 县农业农村局（牵头4项）
    leads its items; a blank 牵头单位 cell the note says is the lead above (…空白的，表示…与上一项相同);
    a report's 一季度进展 | 二季度进展 | 完成情况 columns give the state of the last; a state's tag
    before a title closed by its units (（一）【已完成】X（市A、市B）。); a county the place table does
    not hold (青岚县, not 岚县) is the plan's place as written, while 重庆两江新区 stays Chongqing's."""
    items = (
        "宁陵县人民政府办公室关于印发重点任务分工的通知\n一、农村交通物流\n"
        "1. 县交通运输局：负责推进农村公路提档升级。全年新改建农村公路120公里。2027年12月底前完成，县财政局配合。\n"
        "2. 县商务局：负责完善物流配送体系。建设县级物流配送中心。2027年10月底前完成。\n"
        "3. 县农业农村局：负责推进高标准农田建设。新建高标准农田5万亩。2027年11月25日前完成，县财政局、县水利局配合。\n"
    )
    doc = extract_text(items, "n.txt")
    assert _roles(doc) == {
        "推进农村公路提档升级": ([], ["宁陵县财政局"], ["宁陵县交通运输局"]),
        "完善物流配送体系": ([], [], ["宁陵县商务局"]),
        "推进高标准农田建设": ([], ["宁陵县财政局", "宁陵县水利局"], ["宁陵县农业农村局"]),
    }
    assert [t.deadline.date if t.deadline else None for t in doc.tasks] == [
        "2027-12-31",
        "2027-10-31",
        "2027-11-25",
    ]
    counted = (
        "崇义县人民政府办公室关于印发农村人居环境整治分工方案的通知\n一、县农业农村局（牵头2项）\n"
        "1.推进农村厕所革命（配合单位：县卫生健康委员会、县财政局；完成时限：2028年10月底前）。坚持数量服从质量。\n"
        "2.开展村庄清洁行动（配合单位：县城市管理局；完成时限：2028年1月31日前）。以“三清一改”为重点。\n"
    )
    assert _roles(extract_text(counted, "c.txt"))["推进农村厕所革命"] == (
        ["崇义县农业农村局"],
        ["崇义县卫生健康委员会", "崇义县财政局"],
        [],
    )
    ditto = (
        "浙江省人民政府办公厅关于印发养老服务重点任务清单的通知\n"
        "| 序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限 |\n"
        "| 1 | 完善养老服务设施布局 | 省民政厅 | 省自然资源厅 | 2028年6月底前 |\n"
        "| 2 | 推进居家养老服务中心提质 |  | 省财政厅 | 2028年9月底前 |\n"
        "注：1.本表“牵头单位”栏空白的，表示该项任务的牵头单位与上一项相同。\n"
    )
    assert _roles(extract_text(ditto, "d.txt"))["推进居家养老服务中心提质"][0] == ["浙江省民政厅"]
    quarters = (
        "云溪区人民政府办公室关于城市更新重点任务推进情况的通报\n"
        "| 序号 | 任务 | 责任单位 | 一季度进展 | 二季度进展 | 完成情况 |\n"
        "| 1 | 实施背街小巷整治 | 区城管局 | 完成方案设计。 | 已全部完工。 | 已完成 |\n"
        "| 2 | 加装既有住宅电梯 | 区住建局 | 启动摸排。 | 完成12台。 | 滞后 |\n"
    )
    assert [(t.title, t.status) for t in extract_text(quarters, "q.txt").tasks] == [
        ("实施背街小巷整治", "已完成"),
        ("加装既有住宅电梯", "滞后"),
    ]
    tagged = (
        "绵阳市人民政府督查室关于民生实事推进情况的督查通报\n说明：标题后括号内所列第一个单位为牵头单位，其余为配合单位。\n"
        "（一）【已完成】新建改扩建公办幼儿园（市教育和体育局、市财政局）。完成时限：2027年8月底前。\n"
    )
    assert _roles(extract_text(tagged, "t.txt")) == {
        "新建改扩建公办幼儿园": (["绵阳市教育和体育局"], ["绵阳市财政局"], []),
    }
    unknown = "青岚县人民政府办公室关于印发重点任务分工的通知\n一、重点任务\n1.推进农村户厕改造。（县农业农村局牵头）\n"
    assert extract_text(unknown, "u.txt").jurisdiction.name == "青岚县"
    zone = "重庆两江新区管理委员会关于印发行动计划重点任务分工的通知\n一、重点任务\n1.壮大整车企业集群。（新区经济运行局牵头）\n"
    assert extract_text(zone, "z.txt").jurisdiction.name == "两江新区"


def test_partners_after_an_opening_subject_decimal_items_and_a_ditto_note_naming_its_column() -> None:
    """县A：负责X，县B配合。 opening an item: B cooperates and X alone is the title (also with 牵头
    before a date, 县A：牵头9月底前建成Y); an item numbered 2.1 opens with its subject too; a note that
    names the lead's column as blank-means-above fills that column only, never a blank partner cell."""
    items = (
        "武陟县人民政府办公室关于印发营商环境优化提升行动方案的通知\n一、优化政务服务\n"
        "(一)县政务服务和大数据管理局：负责推行“一网通办”，县发展和改革委员会、县税务局配合。\n"
        "(二)县工业和信息化局：牵头9月底前建成县级工业互联网平台，县科学技术局配合。\n"
        "二、优化要素保障\n"
        "2.1 县金融服务中心：负责加强融资服务。\n"
    )
    assert _roles(extract_text(items, "w.txt")) == {
        "推行“一网通办”": ([], ["武陟县发展和改革委员会", "武陟县税务局"], ["武陟县政务服务和大数据管理局"]),
        "9月底前建成县级工业互联网平台": (["武陟县工业和信息化局"], ["武陟县科学技术局"], []),
        "加强融资服务": ([], [], ["武陟县金融服务中心"]),
    }
    table = (
        "许昌市人民政府办公室关于印发数字政府建设重点任务清单的通知\n"
        "序号\t牵头部门\t协办单位\t完成时间\t工作任务\n"
        "1\t市城市管理局\t市公安局、市应急管理局\t2023年6月底前\t建设城市运行管理中心。\n"
        "2\t\t\t长期坚持\t完善城市管理监督系统。\n"
        "说明：表中牵头部门空白的，与上一行相同。\n"
    )
    assert _roles(extract_text(table, "x.txt"))["完善城市管理监督系统"] == (["许昌市城市管理局"], [], [])


def test_footnotes_lines_after_items_quarter_headings_and_a_community_s_offices() -> None:
    """Titles carrying circled note marks take the units and dates of the notes (推进X① … ①省A牵头，
    省B配合，2028年6月底前完成。); a line after a run of items assigns them all (以上任务由省A牵头，…); a
    heading naming a quarter dates the items under it that give no date; a community's own plan names
    its 社区X offices with its name; （A牵头，B配合；完成时限：X） leaves no label in the title."""
    notes = (
        "福建省人民政府办公厅关于印发海洋经济重点任务的通知\n一、重点任务\n"
        "（一）推进海上风电规模化开发①。有序推进海上风电项目建设。\n"
        "（二）实施近岸海域综合治理②。持续改善近岸海域水质。\n"
        "任务分工注释：\n"
        "①省发展改革委牵头，省海洋与渔业局、省自然资源厅配合，2028年6月底前完成。\n"
        "②沿海各设区市人民政府按职责分工落实，长期坚持。\n"
    )
    doc = extract_text(notes, "f.txt")
    assert _roles(doc) == {
        "推进海上风电规模化开发": (["福建省发展改革委"], ["福建省海洋与渔业局", "福建省自然资源厅"], []),
        "实施近岸海域综合治理": ([], [], ["沿海各设区市人民政府"]),
    }
    assert doc.tasks[0].deadline is not None and doc.tasks[0].deadline.date == "2028-06-30"
    after = (
        "江苏省人民政府办公厅关于印发数字乡村建设方案的通知\n二、重点任务\n（一）夯实乡村数字基础设施\n"
        "1.推进农村千兆光网覆盖。持续实施农村通信网络提档升级工程。\n"
        "2.推进乡村物联网部署。统筹布局物联网感知设施。\n"
        "以上任务由省通信管理局牵头，省发展改革委、省广电局配合，2028年9月底前完成。\n"
        "（二）加强数字人才培育\n3.开展数字技能培训。实施高素质农民数字技能提升行动。\n"
        "以上任务由省有关部门按职责分工负责，持续推进。\n"
    )
    doc = extract_text(after, "j.txt")
    assert _roles(doc) == {
        "推进农村千兆光网覆盖": (["江苏省通信管理局"], ["江苏省发展改革委", "江苏省广电局"], []),
        "推进乡村物联网部署": (["江苏省通信管理局"], ["江苏省发展改革委", "江苏省广电局"], []),
        "开展数字技能培训": ([], [], []),
    }
    assert [t.deadline.text if t.deadline else None for t in doc.tasks] == ["2028年9月底前"] * 2 + [
        "持续推进"
    ]
    quarters = (
        "株洲市人民政府办公室关于印发2028年优化营商环境重点任务清单的通知\n"
        "一、第一季度任务\n1.开展涉企收费专项清理（市发展改革委牵头，市财政局配合）。\n"
        "二、第二季度任务\n2.规范涉企行政检查（市司法局牵头）。\n3.上线企业诉求平台，5月底前完成（市数据资源局牵头）。\n"
    )
    assert [t.deadline.date if t.deadline else None for t in extract_text(quarters, "z.txt").tasks] == [
        "2028-03-31",
        "2028-06-30",
        "2028-05-31",
    ]
    community = (
        "长沙市岳麓区望月湖街道枫林社区居民委员会\n关于印发《枫林社区2028年平安社区建设工作任务分解表》的通知\n"
        "序号 | 工作内容 | 责任部门 | 配合单位 | 时间节点\n"
        "1 | 开展平安家庭创建 | 社区党群服务中心 | 街道平安办 | 2028年5月底前\n"
        "2 | 更新网格人口信息 | 社区网格站 | 街道综治中心 | 2028年6月底前\n"
        "望月湖街道枫林社区居民委员会\n2028年3月2日\n"
    )
    assert _roles(extract_text(community, "c.txt"))["开展平安家庭创建"] == (
        [],
        ["望月湖街道平安办"],
        ["枫林社区党群服务中心"],
    )
    bracket = "苍溪县人民政府办公室关于重点工作的通报\n1.建成县城第二水厂（县水利局牵头，县住建局配合；完成时限：2028年2月底前）。\n"
    assert list(_roles(extract_text(bracket, "b.txt"))) == ["建成县城第二水厂"]


def test_a_report_s_closing_symbols_sign_off_states_and_clauses_parted_by_a_dun_comma() -> None:
    """A legend's symbol closing a task's line gives its state (…已全部完工。√ where “√”表示已完成); a
    state and its reason after a colon in the closing brackets (（未销号：原因…）) are its state; 县A主抓、
    县B协同，… reads as 县A主抓，县B协同，…, while 县A负责、县B监督… names no partner; a report's next-step
    label (下步计划：市A会同区B加快…) assigns nothing; a term in quotes defined after its colon is no unit."""
    report = (
        "苍溪县人民政府办公室关于一季度重点工作推进情况的通报\n"
        "说明：下列每项工作末尾标注进展符号，“√”表示已完成，“△”表示正在推进，“×”表示未启动。\n"
        "1.建成县城第二水厂（县水利局牵头）。进展：已全部完工。√\n"
        "2.推进老旧小区改造（县住建局牵头）。进展：一期12个小区已完工8个。△\n"
        "3.启动生态修复（县自然资源和规划局牵头）。进展：方案尚在修改。×\n"
    )
    assert [t.status for t in extract_text(report, "r.txt").tasks] == ["已完成", "正在推进", "未启动"]
    signed = (
        "武汉市洪山区人民政府督查室关于重点工作任务销号管理情况的通报\n二、销号状态说明\n"
        "“申请销号”：牵头单位已报送任务完成佐证材料并提出销号申请。\n三、各项任务销号情况\n"
        "1. 新建公办幼儿园。（责任单位：区教育局（牵头）、区住建局；时限：2027年9月底前）（未销号：1所幼儿园消防验收未通过）\n"
        "2. 建设口袋公园。（责任单位：区城管执法局（牵头）；时限：2028年3月底前）（申请销号）\n"
    )
    doc = extract_text(signed, "s.txt")
    assert [(t.title, t.status) for t in doc.tasks] == [
        ("新建公办幼儿园", "未销号"),
        ("建设口袋公园", "申请销号"),
    ]
    assert "申请销号" not in {u.name for u in doc.units.values()}
    verbs = (
        "开化县人民政府办公室关于印发人居环境整治工作要点的通知\n"
        "（一）排查污水治理设施。开展全面排查。县住建局主抓、县生态环境分局协同，2028年3月15日前完成排查。\n"
        "（二）加强资金监管。规范资金使用。县财政局负责、县审计局监督资金使用。\n"
    )
    roles = _roles(extract_text(verbs, "k.txt"))
    assert roles["排查污水治理设施"] == (["开化县住建局"], ["开化县生态环境分局"], [])
    assert roles.get("加强资金监管", ([], [], [])) == ([], [], [])
    steps = (
        "绍兴市人民政府督查室关于市政府重点督办事项推进情况的通报\n"
        "（一）打通城区断头路（牵头单位：市建设局；配合单位：市交投集团；完成时限：2027年12月底前）\n"
        "进展情况：已完成8条。下步计划：市建设局会同越城区政府加快征迁扫尾。完成状态：进度滞后。\n"
    )
    assert _roles(extract_text(steps, "x.txt"))["打通城区断头路"] == (
        ["绍兴市建设局"],
        ["绍兴市交投集团"],
        [],
    )


def test_people_in_charge_of_tasks_by_column_and_by_label() -> None:
    """A table's column naming people (责任人, 包村领导) and a task's field under a person's label
    (责任领导：张三（副县长）　…　责任人：李四（局长）) name the people in charge of it, each with the
    document's label; a unit column and a phone number name nobody."""
    table = (
        "枫林社区居民委员会关于印发平安社区建设工作任务分解表的通知\n"
        "序号 | 工作内容 | 责任部门 | 责任人 | 联系电话 | 时间节点\n"
        "1 | 开展平安家庭创建 | 社区党群服务中心 | 刘晓敏 | 13800000000 | 2028年5月底前\n"
        "2 | 加装楼栋智能门禁 | 社区综治中心 | 陈建军、王芳（副主任） | — | 2028年3月31日前\n"
    )
    doc = extract_text(table, "t.txt")
    assert [[(p.name, p.label) for p in t.people] for t in doc.tasks] == [
        [("刘晓敏", "责任人")],
        [("陈建军", "责任人"), ("王芳", "责任人")],
    ]
    fields = (
        "蓬溪县人民政府办公室关于印发重点工作任务分解的通知\n一、重点任务\n"
        "1.推进农村公路提档升级。全年新改建农村公路120公里，2028年10月底前完成。\n"
        "责任领导：张三（副县长）　责任单位：县交通运输局　责任人：李四（局长）\n"
    )
    doc = extract_text(fields, "f.txt")
    assert [(p.name, p.label) for p in doc.tasks[0].people] == [("张三", "责任领导"), ("李四", "责任人")]
    assert [u.name for u in doc.units.values()] == ["蓬溪县交通运输局"]


def test_minutes_suggestions_dash_lists_bullets_and_an_institution_s_own_offices() -> None:
    """A meeting's decided matter (一、关于推进X的事项) is the task 推进X, and a county the place table does
    not hold is read by its form before its government (青溪县人民政府); a suggestions table (建议题目 |
    领衔代表 | 主办单位 | 会办单位) gives each suggestion its lead, partners and the deputy; units after a
    long dash closing an item (推进X——省A（牵头）、省B); label lines opening with a bullet (- 牵头单位：A);
    a university's own offices under its joint issuer (中共X大学委员会、X大学: X大学教务处); a village's
    村委会 named with the village whole (柳塘村村委会)."""
    minutes = (
        "青溪县人民政府常务会议纪要\n青溪县人民政府办公室\n县政府第五次常务会议纪要\n"
        "一、关于推进城区老旧小区改造的事项\n会议原则同意改造计划。由县住房城乡建设局牵头，县财政局配合，于2028年10月底前完成。\n"
    )
    doc = extract_text(minutes, "m.txt")
    assert _roles(doc) == {"推进城区老旧小区改造": (["青溪县住房城乡建设局"], ["青溪县财政局"], [])}
    suggestions = (
        "云江市人民政府办公室关于印发2028年市人大代表重点建议办理分工的通知\n"
        "| 序号 | 建议题目 | 领衔代表 | 主办单位 | 会办单位 | 办结时限 |\n"
        "| 1 | 关于加快城区停车设施建设的建议 | 周国平 | 市城市管理局 | 市公安局、市财政局 | 2028年5月31日前 |\n"
    )
    doc = extract_text(suggestions, "s.txt")
    assert _roles(doc) == {
        "关于加快城区停车设施建设的建议": (["云江市城市管理局"], ["云江市公安局", "云江市财政局"], [])
    }
    assert [(p.name, p.label) for p in doc.tasks[0].people] == [("周国平", "领衔代表")]
    dashes = (
        "云南省人民政府办公厅关于印发文旅产业发展任务分工的通知\n二、重点任务\n"
        "（一）推进旅游景区提质升级——省文化和旅游厅（牵头）、省发展改革委、省林草局\n提升景区品质。2028年10月底前完成。\n"
        "（二）规范旅游市场秩序——省市场监管局、省文化和旅游厅（牵头）\n常态化开展整治。长期坚持。\n"
    )
    assert _roles(extract_text(dashes, "d.txt")) == {
        "推进旅游景区提质升级": (["云南省文化和旅游厅"], ["云南省发展改革委", "云南省林草局"], []),
        "规范旅游市场秩序": (["云南省文化和旅游厅"], ["云南省市场监管局"], []),
    }
    bullets = (
        "南宁市人民政府办公室关于印发城市更新行动方案的通知\n二、重点任务\n（一）推进老旧小区改造\n"
        "重点改造2000年底前建成的城镇老旧小区。\n- 牵头单位：市住房城乡建设局\n- 配合单位：市财政局\n- 完成时限：2028年11月底前\n"
    )
    doc = extract_text(bullets, "b.txt")
    assert _roles(doc) == {"推进老旧小区改造": (["南宁市住房城乡建设局"], ["南宁市财政局"], [])}
    assert doc.tasks[0].deadline is not None and doc.tasks[0].deadline.date == "2028-11-30"
    university = (
        "中共湘南理工大学委员会　湘南理工大学\n关于印发《湘南理工大学2028年工作要点》的通知\n"
        "1. 迎接本科教育教学审核评估。（牵头单位：教务处；协同单位：发展规划处、各学院）\n"
        "中共湘南理工大学委员会　湘南理工大学\n2028年1月10日\n"
    )
    assert _roles(extract_text(university, "u.txt"))["迎接本科教育教学审核评估"][:2] == (
        ["湘南理工大学教务处"],
        ["湘南理工大学发展规划处", "各学院"],
    )
    village = (
        "中共白沙镇柳塘村支部委员会\n白沙镇柳塘村村民委员会\n关于印发《柳塘村2028年重点工作任务分工表》的通知\n"
        "| 序号 | 工作事项 | 责任主体 | 配合单位 | 完成时间 |\n"
        "| 1 | 修订村规民约 | 村委会 | 村务监督委员会 | 2028年5月31日前 |\n"
        "白沙镇柳塘村村民委员会\n2028年2月20日\n"
    )
    assert _roles(extract_text(village, "v.txt"))["修订村规民约"] == (
        [],
        ["柳塘村村务监督委员会"],
        ["柳塘村村委会"],
    )


def test_a_village_s_groups_fill_a_unit_column() -> None:
    """A village's plan whose 责任主体 cell names its villagers' groups (各村民小组) keeps the row's
    task in the task column: 村民小组 ends a body's name, as 村委会 does."""
    text = (
        "白沙镇柳塘村村民委员会关于印发2028年重点工作分工的通知\n"
        "| 序号 | 工作事项 | 责任主体 | 配合单位 | 完成时间 |\n|---|---|---|---|---|\n"
        "| 1 | 修订村规民约：广泛征求村民意见，修订完善村规民约 | 村委会 | 各村民小组、镇社会事务办公室 | 2028年5月31日前 |\n"
        "| 2 | 做好夏收秸秆禁烧：落实网格化包片责任，开展巡查值守 | 各村民小组 | 村委会、镇综合行政执法队 | 2028年6月20日前 |\n"
    )
    roles = _roles(extract_text(text, "v.txt"))
    assert set(roles) == {"修订村规民约", "做好夏收秸秆禁烧"}
    assert roles["做好夏收秸秆禁烧"][2] == ["各村民小组"]
    assert "各村民小组" in roles["修订村规民约"][1]


def test_merged_cells_bracketed_fields_shared_duty_and_a_date_before_the_units() -> None:
    """A table's rows under a merged key-task cell (their number and key task blank, each with its
    own units and date) are rows of their own, not the row above wrapped; 【任务名称】X【牵头单位】…
    titles the task X; leads or a 责任单位 list closed by （按职责分工负责） share the task, none
    leading; a clause after a sentence's date (…，2028年9月底前完成，省A负责，省B配合。) assigns it."""
    merged = (
        "四川省人民政府办公厅关于印发乡村旅游重点任务分工的通知\n"
        "序号 | 重点任务 | 具体措施 | 牵头单位 | 责任单位 | 完成时间\n"
        "1 | 培育乡村旅游品牌 | 评定天府旅游名村。制定评定细则。 | 省文化和旅游厅 | 省农业农村厅 | 2028年10月底前\n"
        " |  | 推荐全国乡村旅游重点村镇。择优遴选推荐。 | 省文化和旅游厅 | 省农业农村厅 | 2028年6月25日前\n"
        "2 | 完善基础设施 | 推进旅游公路建设。加快建设旅游公路。 | 省交通运输厅 | 省财政厅 | 2028年12月底前\n"
        " |  | 实施旅游厕所提质。新建改建旅游厕所。 | 省文化和旅游厅 | 省住房城乡建设厅 | 2028年5月底前\n"
    )
    doc = extract_text(merged, "m.txt")
    assert [(t.title, t.deadline.date if t.deadline else None) for t in doc.tasks] == [
        ("评定天府旅游名村", "2028-10-31"),
        ("推荐全国乡村旅游重点村镇", "2028-06-25"),
        ("推进旅游公路建设", "2028-12-31"),
        ("实施旅游厕所提质", "2028-05-31"),
    ]
    fields = (
        "霍邱县人民政府办公室关于印发水利重点工作任务清单的通知\n"
        "1.【任务名称】实施小型水库除险加固【牵头单位】县水利局【配合单位】县财政局【完成时限】2028年5月31日前\n"
        "2.【任务名称】实施水系连通【牵头单位】县水利局、县农业农村局（按职责分工负责）【配合单位】有关乡镇人民政府"
        "【完成时限】2028年12月31日前\n"
        "3.【任务名称】推进灌区改造【牵头单位】县水利局、县农业农村局（共同牵头）【完成时限】2028年9月底前\n"
    )
    assert _roles(extract_text(fields, "f.txt")) == {
        "实施小型水库除险加固": (["霍邱县水利局"], ["霍邱县财政局"], []),
        "实施水系连通": ([], ["有关乡镇人民政府"], ["霍邱县水利局", "霍邱县农业农村局"]),
        "推进灌区改造": (["霍邱县水利局", "霍邱县农业农村局"], [], []),  # (joint leads: each leads)
    }
    first = (
        "洛阳市人民政府办公室关于印发养老服务重点任务分工的通知\n"
        "各项任务中，“责任单位”排在第一位的为牵头单位，其他单位为配合单位。\n"
        "1. 落实养老服务补贴。规范补贴发放。\n责任单位：市财政局、市民政局\n"
        "2. 开展养老机构消防安全整治。全面排查隐患。\n责任单位：市民政局、市消防救援支队（按职责分工负责）\n"
    )
    assert _roles(extract_text(first, "l.txt")) == {
        "落实养老服务补贴": (["洛阳市财政局"], ["洛阳市民政局"], []),
        "开展养老机构消防安全整治": ([], [], ["洛阳市民政局", "洛阳市消防救援支队"]),
    }
    dated = (
        "湖南省人民政府办公厅关于印发粮食安全分工方案的通知\n一、重点任务\n"
        "1. 推进粮食仓储设施建设。推广绿色储粮技术，完善网点布局，2028年12月底前完成，省发展改革委负责，"
        "省粮食和物资储备局、省财政厅配合。\n"
    )
    assert _roles(extract_text(dated, "h.txt")) == {
        "推进粮食仓储设施建设": ([], ["湖南省粮食和物资储备局", "湖南省财政厅"], ["湖南省发展改革委"])
    }


def test_residents_committees_duties_shared_out_by_duty_and_states_by_bare_headings() -> None:
    """居委会 ends a body's name as 村委会 does (各社区居委会 cooperates); a verb shared out by duty
    and an adverb (按职责分工共同负责) is the verb's role; a report's section headed by a state alone,
    with its count (一、已完成（5项）), gives it to the items under it; a bulletin's name above its
    issue number (督查通报 / 第7期) is no title; a 办理结果 cell (已办结（A类）) gives its state."""
    street = (
        "合肥市蜀山区笔架山街道办事处\n关于印发《笔架山街道2028年基层治理重点任务分工》的通知\n一、重点任务\n"
        "1. 开展流动人口信息采集。依托网格走访登记。由平安建设办公室负责，笔架山派出所、各社区居委会配合。\n"
        "2. 开展消防安全隐患排查。打通消防通道。由平安建设办公室、城市管理办公室和各社区居委会按职责分工共同负责。\n"
    )
    assert _roles(extract_text(street, "s.txt")) == {
        "开展流动人口信息采集": ([], ["笔架山派出所", "各社区居委会"], ["笔架山街道平安建设办公室"]),
        "开展消防安全隐患排查": (
            [],
            [],
            ["笔架山街道平安建设办公室", "笔架山街道城市管理办公室", "各社区居委会"],
        ),
    }
    report = (
        "督查通报\n\n第7期\n\n中共沂南县委督查室　　　　2028年6月12日\n\n沂督通〔2028〕7号\n\n"
        "关于全县2028年优化营商环境重点任务推进情况的通报\n"
        "一、已完成（1项）\n1.清理拖欠企业账款（责任单位：县工业和信息化局）。已全部清偿。\n"
        "二、进度滞后（1项）\n2.建设融资服务平台（责任单位：县金融服务中心）。方案尚未批复。\n"
    )
    doc = extract_text(report, "r.txt")
    assert doc.title == "关于全县2028年优化营商环境重点任务推进情况的通报"
    assert [(t.title, t.status) for t in doc.tasks] == [
        ("清理拖欠企业账款", "已完成"),
        ("建设融资服务平台", "进度滞后"),
    ]
    proposals = (
        "常州市武进区人民政府办公室关于重点提案办理工作进展情况的通报\n"
        "| 提案号 | 提案题目 | 主办单位 | 协办单位 | 办理时限 | 办理结果 |\n|---|---|---|---|---|---|\n"
        "| 15012 | 关于加快推进城区学校扩容提质的建议 | 区教育局 | 区财政局 | 2028年6月30日 | 已办结（A类） |\n"
        "| 15031 | 关于提升基层医疗卫生服务能力的建议 | 区卫生健康局 | 区医疗保障局 | 2028年7月15日 | 正在办理 |\n"
    )
    assert [t.status for t in extract_text(proposals, "p.txt").tasks] == ["已办结", "正在办理"]


def test_people_with_posts_a_person_s_bracket_project_states_and_the_rest_of_shares() -> None:
    """（责任人：乡林业站站长 王建国、…） names people, the post beside each describing them, and is no
    part of the title; a project report's 已开工 / 已投产 / 未开工 and 未达序时 are states; a legend giving
    100% its word and the rest another (显示为100%的为已完成，其余均为推进中) gives every share short of it
    that word."""
    people = (
        "大坪乡人民政府关于印发森林防灭火工作任务分工方案的通知\n二、重点任务\n"
        "（一）开展森林火险隐患排查（责任人：乡林业站站长 王建国、乡应急管理办公室主任 李春华）。"
        "对林区开展拉网式排查。完成时限：2028年9月5日前。\n"
    )
    task = extract_text(people, "p.txt").tasks[0]
    assert task.title == "开展森林火险隐患排查"
    assert [p.name for p in task.people] == ["王建国", "李春华"]
    projects = (
        "长兴县人民政府督查室关于重点工业项目推进情况的通报\n"
        "| 序号 | 项目名称 | 责任单位 | 计划开工时间 | 进展情况 |\n|---|---|---|---|---|\n"
        "| 1 | 动力电池项目 | 县经信局 | 2028年3月 | 已开工。主体厂房完成吊装。 |\n"
        "| 2 | 回收利用项目 | 县经信局 | 2028年4月 | 已投产。生产线完成调试。 |\n"
        "| 3 | 智能家居产业园项目 | 县投资促进中心 | 2028年10月 | 未开工。用地尚未征收。 |\n"
    )
    assert [t.status for t in extract_text(projects, "c.txt").tasks] == ["已开工", "已投产", "未开工"]
    shares = (
        "思明区垃圾分类工作推进情况通报\n"
        "说明：“完成情况”栏以百分比表示任务推进进度，显示为100%的为已完成，其余均为推进中。\n"
        "序号 | 任务 | 责任单位 | 完成时限 | 完成情况\n"
        "1 | 推进投放点规范化改造 | 区城市管理局 | 2028年6月底前 | 100%\n"
        "2 | 推动垃圾分类进校园 | 区教育局 | 2028年12月底前 | 70%\n"
    )
    assert [t.status for t in extract_text(shares, "s.txt").tasks] == ["已完成", "推进中"]
    from fengong.ingest.status import state_of

    behind = (
        "保定市大气污染防治重点任务推进情况通报\n二、任务推进情况\n"
        "1.整治露天矿山扬尘（牵头单位：市自然资源和规划局；完成时限：2028年7月底前）。已完成综合治理29处。"
        "【未达序时】\n"
    )
    assert [(t.status, state_of(t.status)) for t in extract_text(behind, "b.txt").tasks] == [
        ("未达序时", "behind")
    ]
