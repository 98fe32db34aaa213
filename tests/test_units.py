"""Unit lists: splitting, catch-alls, shared prefixes, kinds, and one name per body."""

from __future__ import annotations

from fengong.ingest.model import Jurisdiction
from fengong.ingest.resolve import UnitResolver
from fengong.ingest.units import parse_list, unit_kind


def names(text: str) -> list[str]:
    return [m.local for m in parse_list(text)]


def test_split_keeps_brackets_whole() -> None:
    assert names("各县（市、区）人民政府、市属开发区管委会") == ["各县（市、区）人民政府", "市属开发区管委会"]


def test_shared_prefix_is_distributed_to_bodies_not_companies_or_collectives() -> None:
    got = names("市财政局、工业和信息化局、通信管理办公室、各基础电信运营公司、铁塔公司,各县区政府")
    assert got == [
        "市财政局",
        "市工业和信息化局",
        "市通信管理办公室",
        "各基础电信运营公司",
        "铁塔公司",
        "各县区政府",
    ]


def test_prefixed_lists_keep_bare_companies_bare() -> None:
    assert names("市工信局、市发改委、三荷机场公司、各电信企业") == [
        "市工信局",
        "市发改委",
        "三荷机场公司",
        "各电信企业",
    ]


def test_market_regulator_is_not_a_prefix() -> None:
    assert names("市发展改革委员会、市场监管局") == ["市发展改革委员会", "市市场监管局"]
    assert names("市政务服务和大数据管理局、科技局") == ["市政务服务和大数据管理局", "市科技局"]


def test_party_body_keeps_its_prefix_and_passes_on_the_level() -> None:
    assert names("市委网信办、公安局") == ["市委网信办", "市公安局"]
    assert unit_kind("市委网信办") == "party"


def test_generic_words_are_not_units() -> None:
    assert names("有关部门") == []
    assert names("县工业和信息化局、各有关单位等") == ["县工业和信息化局"]
    assert names("重点企业等") == ["重点企业"]
    # a ministry's "relevant departments", under any qualifier, name no body
    assert names("部机关各有关司局") == [] and names("办公厅、有关处室") == ["办公厅"]


def test_bare_body_inherits_the_places_of_the_unit_before_it() -> None:
    assert names("各县市区政府、管委会") == ["各县市区政府", "各县市区管委会"]


def test_kinds() -> None:
    assert unit_kind("各基础电信运营公司") == "collective"
    assert unit_kind("中国铁塔聊城分公司") == "company"
    assert unit_kind("市工业和信息化局") == "government"


def test_one_body_many_spellings() -> None:
    r = UnitResolver(Jurisdiction("泽州县", "county", "晋城市", "山西省"))
    for n in [
        "县发展和改革委员会",
        "县发展和改革委员会",
        "县发展和改革局",
        "县工业和信息化局",
        "县工业和信息化",
    ]:
        r.add(n)
    units = {u.local_name: u for u in r.units().values()}
    assert set(units) == {"县发展和改革委员会", "县工业和信息化局"}
    assert units["县发展和改革委员会"].aliases == ["县发展和改革局"]
    assert units["县发展和改革委员会"].name == "泽州县发展和改革委员会"
    assert units["县工业和信息化局"].unit_type == "工业和信息化局"


def test_abbreviations_resolve_to_one_unit_and_one_type() -> None:
    r = UnitResolver(Jurisdiction("岳阳市", "city", None, "湖南省"))
    for n in [
        "市工信局",
        "市工业和信息化局",
        "市工业和信息化局",
        "岳阳铁塔分公司",
        "岳阳市铁塔分公司",
        "市卫健委",
    ]:
        r.add(n)
    units = {u.local_name: u for u in r.units().values()}
    assert units["市工业和信息化局"].aliases == ["市工信局"]
    assert len({r.unit_id("岳阳铁塔分公司"), r.unit_id("岳阳市铁塔分公司")}) == 1
    assert units["市卫健委"].unit_type == "卫生健康委员会"


def test_declared_short_name_is_the_same_body() -> None:
    r = UnitResolver(Jurisdiction("泽州县", "county", "晋城市", "山西省"))
    r.declare_abbreviations("中国铁塔晋城市分公司泽州办事处（以下简称铁塔公司）负责建设")
    r.add("铁塔公司")
    r.add("中国铁塔晋城市分公司泽州办事处")
    assert r.unit_id("铁塔公司") == r.unit_id("中国铁塔晋城市分公司泽州办事处")


def test_unit_ids_are_deterministic() -> None:
    a, b = (UnitResolver(Jurisdiction("开封市", "city", None, "河南省")) for _ in range(2))
    for r in (a, b):
        r.add("市财政局")
    assert a.unit_id("市财政局") == b.unit_id("市财政局")


def test_place_class_pairs_stay_one_collective() -> None:
    assert names("省发展改革委、各市、县（市、区）人民政府") == ["省发展改革委", "各市、县（市、区）人民政府"]


def test_lead_marker_inside_a_list() -> None:
    mentions = parse_list("市发改委（牵头）、市财政局")
    assert [(m.local, m.lead_marked) for m in mentions] == [("市发改委", True), ("市财政局", False)]


def test_stop_label_ends_the_list_and_marked_unit_leads() -> None:
    from fengong.ingest.annotations import assign_roles, find_annotations

    notes = find_annotations("加快建设。（责任单位：市发改委（牵头）、市财政局；责任领导：张三）")
    roles = {k: [m.local for m in v] for k, v in assign_roles(notes, first_is_lead=False).items()}
    assert roles == {"lead": ["市发改委"], "cooperate": ["市财政局"], "responsible": []}


def test_conjunctions_split_only_between_whole_units() -> None:
    assert names("市财政局和市税务局") == ["市财政局", "市税务局"]
    assert names("市发改委及各县区政府") == ["市发改委", "各县区政府"]
    assert names("市住房和城乡建设局、市财政局（按职责分工负责）") == ["市住房和城乡建设局", "市财政局"]


def test_a_leader_column_is_not_a_lead_column() -> None:
    from fengong.ingest.pipeline import extract_text

    text = "序号\t工作任务\t牵头领导\t牵头单位\t配合单位\t完成时限\n1\t推进5G建设。\t张三副市长\t市工信局\t市发改委、市财政局\t2021年底\n"
    task = extract_text(text, "t.txt").tasks[0]
    assert task.title == "推进5G建设"
    assert task.deadline is not None and task.deadline.date == "2021-12-31"
    assert [a.role for a in task.assignments] == ["lead", "cooperate", "cooperate"]


def test_deadline_label_after_an_unbracketed_unit_list() -> None:
    from fengong.ingest.pipeline import extract_text

    text = "一、重点任务\n1.推进5G基站建设。加快建设。责任单位：市工信局、市发改委 完成时限：2021年底\n"
    task = extract_text(text, "t.txt").tasks[0]
    assert task.deadline is not None and task.deadline.date == "2021-12-31"
    assert [a.role for a in task.assignments] == ["responsible", "responsible"]


def test_a_class_of_bodies_may_end_with_its_alternative_in_brackets() -> None:
    """各乡镇（街道） / 各县（市、区） name classes of bodies; a prose clause listing one is read."""
    from fengong.ingest.units import looks_like_unit

    assert looks_like_unit("各乡镇（街道）") and looks_like_unit("各乡镇")
    assert not looks_like_unit("乡镇（街道）")  # no 各: not a class of bodies by form


def test_a_township_and_a_city_bureau_placed_in_a_county() -> None:
    """In a county's list, a township (河田镇) takes no prefix shared by the unit before it, and a
    city bureau placed in the county (龙岩市长汀生态环境局) is of the county and of its function."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "长汀县水土保持工作任务分工方案\n\n一、重点任务\n\n"
        "（一）推进生态清洁小流域建设。建成小流域2条。（牵头单位：县水利局；配合单位：县农业农村局、"
        "龙岩市长汀生态环境局、河田镇、三洲镇；完成时限：2025年11月底前）\n"
    )
    doc = extract_text(text, "changting.txt")
    units = {u.name: u for u in doc.units.values()}
    assert {"河田镇", "三洲镇"} <= set(units)
    placed = units["龙岩市长汀生态环境局"]
    assert (placed.unit_type, placed.jurisdiction) == ("生态环境局", "长汀县")


def test_a_central_body_s_office_in_a_place_has_the_function_its_name_ends_with() -> None:
    """国家税务总局云南省税务局 is the place's 税务局, so that "the tax bureaus" finds it; an office
    whose ending is no local function keeps its central body's name (中国人民银行分行)."""
    from fengong.ingest.pipeline import extract_text

    doc = extract_text(
        "云南省边境贸易措施\n一、重点任务\n"
        "1.落实税收政策。（牵头单位：国家税务总局云南省税务局；配合单位：中国人民银行云南省分行、省商务厅）\n",
        "t.txt",
    )
    assert {u.name: u.unit_type for u in doc.units.values()} == {
        "国家税务总局云南省税务局": "税务局",
        "中国人民银行云南省分行": "中国人民银行分行",
        "云南省商务厅": "商务厅",
    }


def test_a_short_place_name_is_not_its_own_context() -> None:
    """新乡 names 新乡市 and 新乡县: the county's city (新乡市) matching the written 新乡 must not win it
    for the county; the county's full name in the text does."""
    from fengong.vocabulary import lookup_place

    assert (found := lookup_place("新乡", "新乡住建局牵头几项")) is not None and found.name == "新乡市"
    assert (found := lookup_place("新乡", "河南新乡县的任务")) is not None and found.name == "新乡县"


def _unit_names(text: str) -> list[str]:
    from fengong.ingest.pipeline import extract_text

    doc = extract_text(text, "x.txt")
    return sorted(u.name for u in doc.units.values())


def test_a_body_s_own_sections_are_named_with_it_as_it_writes_itself() -> None:
    """A joint notice's bare 司 are its first issuer's (国卫基层发: 国家卫生健康委基层司); a provincial
    department's own 处 are named with the short form its head writes itself by (《2028年省发展改革委
    重点工作任务分工方案》: 浙江省发展改革委投资处)."""
    joint = (
        "国家卫生健康委员会文件\n国卫基层发〔2027〕28号\n"
        "国家卫生健康委 国家中医药局 国家疾控局\n关于印发2028年基层卫生服务能力提升重点任务分工的通知\n"
        "各项任务中列第一位的为第一责任单位，其他单位按职责分工负责。\n一、强化县域医疗卫生服务体系\n"
        "1.1 推进紧密型县域医共体建设。2028年12月底前全面推开。（基层司、体改司、国家医保局按职责分工负责）\n"
        "国家卫生健康委        国家中医药局        国家疾控局\n2027年10月26日\n"
    )
    assert _unit_names(joint) == ["国家医保局", "国家卫生健康委体改司", "国家卫生健康委基层司"]
    department = (
        "浙江省发展和改革委员会文件\n浙江省发展和改革委员会关于印发《2028年省发展改革委重点工作任务分工方案》的通知\n"
        "一、重点任务\n（一）推进省重大项目建设。2028年12月底前完成。（责任处室：投资处；协同单位：省交通运输厅）\n"
    )
    assert _unit_names(department) == ["浙江省交通运输厅", "浙江省发展改革委投资处"]


def test_a_first_responsible_unit_leads() -> None:
    """列第一位的为第一责任单位 declares that the first listed unit of every list leads."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "国家卫生健康委关于印发重点任务分工的通知\n各项任务中列第一位的为第一责任单位，其他单位按职责分工负责。\n"
        "一、重点任务\n1.推进医共体建设。（医政司、国家医保局按职责分工负责）\n"
    )
    task = extract_text(text, "x.txt").tasks[0]
    assert [a.role for a in task.assignments] == ["lead", "cooperate"]


def test_a_place_s_short_name_and_a_zone_s_full_name() -> None:
    """神农架林区 is 神农架 written short (万柏林区 keeps 万柏林: its 林 is its name's); a zone's plan
    whose title writes it short (湘潭经开区) is of the zone its issuer names in full."""
    from fengong.ingest.places import places
    from fengong.ingest.resolve import zone_of

    by_name = places().by_name
    assert [by_name[n][0].short for n in ("神农架林区", "万柏林区", "六枝特区")] == [
        "神农架",
        "万柏林",
        "六枝",
    ]
    assert (
        zone_of("湘潭经开区2027年度招商引资攻坚行动方案", "湘潭经济技术开发区管理委员会")
        == "湘潭经济技术开发区"
    )
    assert zone_of("苏州工业园区2026年稳外资工作要点", "苏州工业园区管理委员会") == "苏州工业园区"


def test_a_city_s_district_named_bare_is_spelled_out_with_the_city() -> None:
    """A city's plan naming one of its own districts or counties without the city (西陵区人民政府 in
    宜昌市's plan) spells it out with the city (宜昌市西陵区人民政府); a district of another city, a
    county-level city, a county's own plan and a name already written with the city are left as they
    are."""
    from fengong.ingest.pipeline import extract_text

    city = (
        "宜昌市人民政府办公室关于印发城市更新行动方案的通知\n一、重点任务\n"
        "1.推进滨江片区更新。（牵头：西陵区人民政府；配合：市住房城乡建设局）\n"
        "2.推进老城片区更新。（牵头：宜昌市伍家岗区人民政府；配合：江汉区人民政府、宜都市人民政府）\n"
    )
    county = "秭归县人民政府办公室关于印发重点任务的通知\n一、重点任务\n1.推进项目建设。（茅坪镇人民政府牵头，县发展和改革局配合）\n"
    docs = [extract_text(city, "yichang.txt"), extract_text(county, "zigui.txt")]
    spelled = {u.name: u.full_name for doc in docs for u in doc.units.values()}
    assert spelled["西陵区人民政府"] == "宜昌市西陵区人民政府"
    assert spelled["宜昌市伍家岗区人民政府"] == ""
    assert spelled["江汉区人民政府"] == ""  # (a district of 武汉市, not of 宜昌市)
    assert spelled["宜都市人民政府"] == ""  # (a county-level city is named by its own 市)
    assert spelled["宜昌市住房城乡建设局"] == "宜昌市住房和城乡建设局"
    assert all(not full.startswith("宜昌市秭归") for full in spelled.values())


def test_a_unit_s_name_with_its_function_spelled_out() -> None:
    """A name writing a short form of its function (省发展改革委, 县住建局, 市委网信办, 国家林草局) is
    also spelled out in the function's standard name; a place's own longer or other name
    (发展和改革局, 教育和体育局), a body's own word before the function (县纪委监委) and a name that
    spells its function already are not."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "湖南省人民政府办公厅关于印发营商环境重点任务的通知\n一、重点任务\n"
        "1.推进工程建设项目审批改革。（省住房城乡建设厅牵头，省发展改革委、省教育厅配合）\n"
        "2.推进清廉机关建设。（省纪委监委牵头，省委网信办、国家林草局配合）\n"
    )
    county = "临泽县人民政府办公室关于印发重点任务的通知\n一、重点任务\n1.推进项目建设。（县发展和改革局牵头，县教育和体育局配合）\n"
    docs = [extract_text(text, "hunan.txt"), extract_text(county, "linze.txt")]
    spelled = {u.name: u.full_name for doc in docs for u in doc.units.values()}
    assert spelled == {
        "湖南省住房城乡建设厅": "湖南省住房和城乡建设厅",
        "湖南省发展改革委": "湖南省发展和改革委员会",
        "湖南省教育厅": "",
        "湖南省纪委监委": "",
        "湖南省委网信办": "湖南省委网络安全和信息化委员会办公室",
        "国家林草局": "国家林业和草原局",
        "临泽县发展和改革局": "",
        "临泽县教育和体育局": "",
    }


def test_references_name_no_unit_and_a_qualified_place_class_joins_its_governments() -> None:
    """A body referred to (该单位, 上述部门, 两个单位均) is no unit; 各沿海市、县（市、区）政府 is one class
    of governments, as 各市、县（市、区）政府 is, and a qualified class before another body stays apart."""
    from fengong.ingest.units import is_generic, parse_list

    assert all(is_generic(w) for w in ("该单位", "上述部门", "两个单位均", "本单位"))
    assert not any(is_generic(w) for w in ("县财政局", "单位", "本级财政"))
    assert [m.local for m in parse_list("省发展改革委、各沿海市、县（市、区）政府")] == [
        "省发展改革委",
        "各沿海市、县（市、区）政府",
    ]
    assert [m.local for m in parse_list("各沿海市、省财政厅")] == ["各沿海市", "省财政厅"]


def test_no_word_list_of_the_vocabularies_repeats_a_word() -> None:
    """Every word list of the YAML vocabularies (ingest/data, queries/data) holds each word once: a
    repeat is an edit gone astray, and a list read as alternatives must not carry it."""
    from pathlib import Path
    from typing import Any

    import yaml

    root = Path(__file__).resolve().parents[1]
    repeats: list[str] = []

    def walk(value: Any, where: str) -> None:
        if isinstance(value, list):
            words = [w for w in value if isinstance(w, str)]
            repeats.extend(f"{where}: {w}" for w in sorted(set(words)) if words.count(w) > 1)
        elif isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, f"{where}.{key}")

    files = sorted((root / "ingest" / "data").rglob("*.yaml")) + sorted(
        (root / "queries" / "data").rglob("*.yaml")
    )
    assert files
    for path in files:
        walk(yaml.safe_load(path.read_text("utf-8")), str(path.relative_to(root)))
    assert repeats == []
