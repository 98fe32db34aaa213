"""Model -> rows mapping (pure) and the schema-derived statements."""

from __future__ import annotations

from fengong.graph.mapping import document_rows, guess_level, merge_rows, target_id
from fengong.graph.schema import NODES, RELS, ladybug_ddl, neo4j_schema_statements
from tests.fixtures_docs import all_docs, kaifeng, liaocheng


def test_rows_follow_the_schema() -> None:
    rows = document_rows(liaocheng())
    for label, node_rows in rows.nodes.items():
        spec = NODES[label]
        for row in node_rows:
            assert set(row) == {spec.key, *spec.written_names}
    for rel_type, rel_rows in rows.rels.items():
        for row in rel_rows:
            assert set(row) == {"src", "dst", *RELS[rel_type].prop_names}


def test_roles_ranks_and_provenance() -> None:
    rows = document_rows(liaocheng())
    leads = rows.rels["LEADS"]
    coop = rows.rels["COOPERATES"]
    assert len(leads) == 2 and len(coop) == 3
    assert {r["role"] for r in leads} == {"lead"} and {r["rank"] for r in coop} == {1, 2}
    assert all(r["document"] == liaocheng().id and r["evidence"] and r["end"] > r["start"] for r in leads)


def test_deterministic_and_deduplicated() -> None:
    assert document_rows(kaifeng()) == document_rows(kaifeng())
    assert target_id("d", 0) == target_id("d", 0) != target_id("d", 1)
    doubled = merge_rows([document_rows(kaifeng()), document_rows(kaifeng())])
    single = document_rows(kaifeng())
    assert doubled.node_count() == single.node_count() and doubled.rel_count() == single.rel_count()


def test_empty_strings_become_none() -> None:
    doc = kaifeng()
    doc.issuer = "  "
    assert document_rows(doc).nodes["Document"][0]["issuer"] is None


def test_later_documents_fill_shared_properties() -> None:
    a, b = kaifeng(), kaifeng()
    b.id = "other"
    unit = next(iter(b.units.values()))
    unit.local_name = "新写法"
    merged = merge_rows([document_rows(a), document_rows(b)])
    assert any(r["local_name"] == "新写法" for r in merged.nodes["Unit"])


def test_jurisdiction_levels() -> None:
    assert guess_level("泽州县") == "county" and guess_level("上海市") == "province"
    assert guess_level("某某") is None
    rows = merge_rows(document_rows(d) for d in all_docs())
    levels = {r["name"]: r["level"] for r in rows.nodes["Jurisdiction"]}
    assert levels["泽州县"] == "county" and levels["晋城市"] == "city" and levels["山西省"] == "province"
    assert ("泽州县", "晋城市") in {(r["src"], r["dst"]) for r in rows.rels["PART_OF"]}


def test_ddl_and_constraints_cover_every_label() -> None:
    ddl = "\n".join(ladybug_ddl())
    neo = "\n".join(neo4j_schema_statements())
    for label, spec in NODES.items():
        assert f"`{label}`" in ddl and f"n.`{spec.key}` IS UNIQUE" in neo
    for rel_type in RELS:
        assert f"CREATE REL TABLE IF NOT EXISTS `{rel_type}`" in ddl


def test_tasks_keep_the_number_of_units_they_name() -> None:
    """``units`` counts the distinct units a task names in any role (queries read it instead of
    counting edges); ``leads`` the stated leads among them."""
    for doc in all_docs():
        rows = document_rows(doc)
        named: dict[str, set[str]] = {}
        for rel in ("LEADS", "COOPERATES", "RESPONSIBLE_FOR"):
            for r in rows.rels[rel]:
                named.setdefault(r["dst"], set()).add(r["src"])
        for task in rows.nodes["Task"]:
            assert task["units"] == len(named.get(task["id"], set())), (doc.title, task["title"])
            assert 0 <= task["leads"] <= task["units"]


_MIXED_PLAN = """许昌市人民政府办公室关于印发许昌市2025年养老服务工作任务分工的通知
一、完善养老服务网络。（牵头单位：市民政局；配合单位：市财政局）
二、发展老年助餐服务。（责任单位：市民政局、市商务局、市市场监督管理局）
三、加强养老护理员培训。由市人力资源和社会保障局负责。
四、开展养老服务宣传。（各县（市、区）人民政府负责）
"""
_LIST_PLAN = """许昌市人民政府办公室关于印发许昌市2025年托育服务工作任务分工的通知
一、扩大托育服务供给。（责任单位：市卫生健康委员会、市财政局）
二、加强托育人员培训。（责任单位：市人力资源和社会保障局、市卫生健康委员会）
"""


def test_a_first_listed_unit_leads_by_convention_only_where_the_plan_states_no_lead() -> None:
    """``first_leads``: a plan that writes 牵头 where it means a lead names none by list order
    elsewhere; one writing only 责任单位 lists leads by it; a body named alone carries its task, and
    so does a class of bodies named alone (各乡镇人民政府负责)."""
    from fengong.ingest.pipeline import extract_text

    def flags(text: str) -> dict[str, bool]:
        rows = document_rows(extract_text(text, "plan.txt"))
        return {t["title"]: t["first_leads"] for t in rows.nodes["Task"]}

    assert flags(_MIXED_PLAN) == {
        "完善养老服务网络": False,  # a stated lead
        "发展老年助餐服务": False,  # a 责任单位 list in a plan that states leads: no lead
        "加强养老护理员培训": True,  # one body alone
        "开展养老服务宣传": True,  # a class of bodies alone
    }
    assert flags(_LIST_PLAN) == {"扩大托育服务供给": True, "加强托育人员培训": True}


def test_a_task_given_to_one_body_alone() -> None:
    """``one_body``: no stated lead and one responsible body alone (由A负责) or one class of bodies
    alone (各乡镇人民政府负责); not a 责任单位 list of several."""
    from fengong.ingest.pipeline import extract_text

    rows = document_rows(extract_text(_MIXED_PLAN, "plan.txt"))
    assert {t["title"]: t["one_body"] for t in rows.nodes["Task"]} == {
        "完善养老服务网络": False,
        "发展老年助餐服务": False,
        "加强养老护理员培训": True,
        "开展养老服务宣传": True,
    }


def test_a_document_keeps_the_one_topic_its_title_names() -> None:
    """Document.topics: the theme of a title that names one (a plan on 粮食安全); none for a title
    naming two (防汛抗旱和河湖治理: each covers part of the plan)."""
    from fengong.ingest.pipeline import extract_text

    def topics(title: str) -> list[str]:
        rows = document_rows(extract_text(f"{title}\n一、加强统筹。（牵头单位：县农业农村局）\n", "plan.txt"))
        return list(rows.nodes["Document"][0]["topics"])

    assert topics("滑县2025年粮食安全责任制重点工作任务分解方案") == ["粮食安全"]
    assert topics("濮阳市2021年防汛抗旱和河湖治理工作方案") == []


def test_a_class_of_bodies_alone_carries_its_task_unless_it_shares_it_out() -> None:
    """``one_body`` for a class of bodies named alone: 各乡镇人民政府负责 gives each township the task
    (its partners aside); a share by duty (按职责分工负责) or a catch-all in its own clause (、县直有关
    单位负责) names no one to carry it: a task without a lead."""
    from fengong.ingest.pipeline import extract_text

    text = """某县人民政府办公室关于印发某县2028年防汛工作任务分工的通知
一、开展汛前隐患排查。（各乡镇人民政府负责，2028年5月底前完成）
二、落实防汛物资储备。（各乡镇人民政府负责，县直有关部门配合，2028年5月底前完成）
三、开展防汛应急演练。（各乡镇人民政府按职责分工负责，2028年6月底前完成）
四、落实值班值守制度。（各乡镇人民政府、县直有关单位负责，2028年6月底前完成）
"""
    rows = document_rows(extract_text(text, "plan.txt"))
    assert {t["title"]: (t["one_body"], t["first_leads"]) for t in rows.nodes["Task"]} == {
        "开展汛前隐患排查": (True, True),
        "落实防汛物资储备": (True, True),
        "开展防汛应急演练": (False, False),
        "落实值班值守制度": (False, False),
    }


def test_a_class_listed_beside_a_catch_all_carries_no_task_alone() -> None:
    """A class of places beside a catch-all in one list, parted by a comma (责任单位：省直有关部门，
    各市（州）人民政府) or in a table cell, carries no task alone, and the task states no lead (under
    排在第一位的为牵头单位 a class named alone leads); a 牵头单位 column left as — states none,
    whatever the first of its 责任单位 column."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "四川省人民政府办公厅关于印发县域商业体系建设实施方案的通知\n本方案所列各项任务，责任单位排在第一位的为牵头单位。\n"
        "一、重点任务\n"
        "1.开展县域商业建设评估。组织开展评估。（责任单位：省直有关部门，各市（州）人民政府；完成时限：2028年11月底前）\n"
        "2.完善农村物流网络。（责任单位：各市（州）人民政府；完成时限：2028年10月底前）\n"
    )
    table = (
        "湖南省人民政府办公厅关于印发营商环境重点任务清单的通知\n说明：“责任单位”栏中列于首位的即为牵头单位。\n"
        "| 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |\n"
        "| 1 | 加强诚信政府建设 | — | 各市州人民政府，省直有关单位 | 长期坚持 |\n"
        "| 2 | 开展营商环境评价 | 省发展改革委 | 省发展改革委，省统计局 | 2027年12月31日前 |\n"
    )
    flags = {
        t["title"]: (t["one_body"], t["leads"])
        for doc in (extract_text(text, "s.txt"), extract_text(table, "h.txt"))
        for t in document_rows(doc).nodes["Task"]
    }
    assert flags == {
        "开展县域商业建设评估": (False, 0),
        "完善农村物流网络": (False, 1),
        "加强诚信政府建设": (False, 0),
        "开展营商环境评价": (False, 1),
    }
