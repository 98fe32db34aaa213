"""The lexicon of bodies: its data files load, names are unambiguous, and lookups by full, short,
former and English names find the right body; local functions and their English names."""

from __future__ import annotations

import time
from collections import Counter

import pytest

from fengong.ingest import bodies as lex
from fengong.ingest import local_bodies
from fengong.ingest.places import places
from fengong.ingest.vocab import load_tsv, unit_vocab


def test_every_file_loads_with_hundreds_of_bodies_of_every_kind() -> None:
    kinds = Counter(b.kind for b in lex.bodies())
    assert sum(kinds.values()) >= 350
    assert set(kinds) == lex.KINDS
    assert kinds["state"] >= 100 and kinds["company"] >= 100 and kinds["party"] >= 30
    per_file = [
        len([r for r in load_tsv(f) if r and r[0].strip()]) for f in lex.FILES
    ]  # every file contributes
    assert all(n > 0 for n in per_file) and sum(per_file) == len(lex.bodies())
    assert len(lex.local_functions()) >= 150
    assert len(lex.body_endings()) >= 40


def test_every_row_says_where_it_comes_from() -> None:
    assert all(b.source.strip() for b in lex.bodies())
    local_rows = load_tsv("local_bodies.tsv")
    assert local_rows and all(len(r) == 5 and r[4].strip() for r in local_rows)


def test_no_name_maps_to_two_bodies() -> None:
    owners: dict[str, set[str]] = {}
    for body in lex.bodies():
        for name in body.names:
            owners.setdefault(name, set()).add(body.name)
    shared = {name: who for name, who in owners.items() if len(who) > 1}
    assert shared == {}
    full = Counter(b.name for b in lex.bodies())
    assert [n for n, c in full.items() if c > 1] == []
    english = Counter(e.lower() for b in lex.bodies() for e in (b.en, *b.en_also) if e)
    assert [e for e, c in english.items() if c > 1] == []


def test_every_former_name_and_plate_leads_to_an_existing_current_body() -> None:
    current = {b.name for b in lex.bodies()}
    formers = [(f, b) for b in lex.bodies() for f in b.former]
    assert len(formers) >= 100
    for former, body in formers:
        found = lex.lookup(former)
        assert found is body and found.name in current
        assert former not in current  # a former name is never also a current body's full name
    plates = [b for b in lex.bodies() if b.plate_of]
    assert len(plates) >= 20
    for plate in plates:
        host = lex.host(plate)
        assert host.name == plate.plate_of and not host.plate_of and host is not plate


@pytest.mark.parametrize(
    ("name", "full"),
    [
        ("国家发展改革委", "国家发展和改革委员会"),
        ("工业和信息化部", "工业和信息化部"),
        ("工信部", "工业和信息化部"),
        ("公安部", "公安部"),
        ("中央网信办", "中央网络安全和信息化委员会办公室"),
        ("中央编办", "中央机构编制委员会办公室"),
        ("国务院国资委", "国务院国有资产监督管理委员会"),
        ("市场监管总局", "国家市场监督管理总局"),
        ("国家医保局", "国家医疗保障局"),
        ("中国残联", "中国残疾人联合会"),
        ("全国妇联", "中华全国妇女联合会"),
        ("港澳办", "中央港澳工作办公室"),
        ("人民银行", "中国人民银行"),
        ("金融监管总局", "国家金融监督管理总局"),
        ("中国证监会", "中国证券监督管理委员会"),
        ("国铁集团", "中国国家铁路集团有限公司"),
        ("国家电网", "国家电网有限公司"),
        ("中国移动", "中国移动通信集团有限公司"),
        ("中国铁塔", "中国铁塔股份有限公司"),
        ("最高检", "最高人民检察院"),
        ("国家网信办", "国家互联网信息办公室"),
    ],
)
def test_short_forms_find_their_body(name: str, full: str) -> None:
    body = lex.lookup(name)
    assert body is not None and body.name == full


def test_half_width_brackets_find_the_same_body() -> None:
    body = lex.lookup(" 华润(集团)有限公司")
    assert body is not None and body.name == "华润（集团）有限公司"
    assert lex.lookup("华润[集团]有限公司") is None


@pytest.mark.parametrize(
    ("former", "full"),
    [
        ("银保监会", "国家金融监督管理总局"),
        ("中国银监会", "国家金融监督管理总局"),
        ("保监会", "国家金融监督管理总局"),
        ("国家卫生计生委", "国家卫生健康委员会"),
        ("卫生部", "国家卫生健康委员会"),
        ("环境保护部", "生态环境部"),
        ("国土资源部", "自然资源部"),
        ("文化部", "文化和旅游部"),
        ("国家旅游局", "文化和旅游部"),
        ("国家工商总局", "国家市场监督管理总局"),
        ("国家质检总局", "国家市场监督管理总局"),
        ("国家食品药品监管总局", "国家市场监督管理总局"),
        ("国家安全监管总局", "应急管理部"),
        ("中国铁路总公司", "中国国家铁路集团有限公司"),
        ("信息产业部", "工业和信息化部"),
    ],
)
def test_former_names_find_the_current_body(former: str, full: str) -> None:
    body = lex.lookup(former)
    assert body is not None and body.name == full and former in body.former


@pytest.mark.parametrize(
    ("english", "full"),
    [
        ("Ministry of Education", "教育部"),
        ("the National Development and Reform Commission", "国家发展和改革委员会"),
        ("ministry of industry and information technology", "工业和信息化部"),
        ("State Administration for Market Regulation", "国家市场监督管理总局"),
        ("All-China Women’s Federation", "中华全国妇女联合会"),
        ("NDRC", "国家发展和改革委员会"),
        ("China Mobile", "中国移动通信集团有限公司"),
    ],
)
def test_english_names_find_their_body(english: str, full: str) -> None:
    body = lex.lookup_en(english)
    assert body is not None and body.name == full
    assert lex.en_names()[english.lower().removeprefix("the ").replace("’", "'")] == full


def test_english_text_names_the_longest_body() -> None:
    text = "What does the Ministry of  Education lead with MIIT and State Grid?"
    found = lex.find_bodies_en(text)
    assert [b.name for b, _, _ in found] == ["教育部", "工业和信息化部"]
    assert [text[s:e] for _, s, e in found] == ["Ministry of  Education", "MIIT"]
    found = lex.find_bodies_en("tasks of the All–China Women’s Federation")
    assert [b.name for b, _, _ in found] == ["中华全国妇女联合会"]
    assert lex.find_bodies_en("the education ministry of the city") == []


def test_a_place_is_never_a_body_or_read_inside_one() -> None:
    table = places()
    place_names = set(table.by_name) | set(table.by_short)
    assert "资源县" in table.by_name
    assert not place_names & lex.body_names()
    local_spellings = {s for fn in lex.local_functions() for s in (fn.name, *fn.short)}
    assert not place_names & local_spellings
    found = lex.find_bodies("自然资源部负责哪些任务")
    assert [(b.name, s, e) for b, s, e in found] == [("自然资源部", 0, 5)]


def test_running_text_reads_bodies_not_words_or_local_bodies() -> None:
    def names(text: str) -> list[str]:
        return [b.name for b, _, _ in lex.find_bodies(text)]

    assert names("国家发展改革委、财政部、中国银保监会按职责分工负责") == [
        "国家发展和改革委员会",
        "财政部",
        "国家金融监督管理总局",
    ]
    assert names("财政部门要加强资金保障") == []  # 财政部 begins 财政部门 (finance departments)
    assert names("聊城市发展改革委牵头") == []  # the city's commission, not the national one
    assert names("全国网络安全和集中办理") == []  # 国网 and 中办 are read only as whole items
    assert names("加强基础设施建设部署") == []  # 建设部 (a former name) begins 建设部署
    assert names("广东省港澳办") == []  # a province's office, not the central one
    # A place after a central name makes it a local branch's prefix; 会同 is a county, not a branch.
    assert names("国家税务总局聊城市税务局、中国移动聊城分公司") == []
    assert names("自然资源部会同财政部") == ["自然资源部", "财政部"]
    assert names("国家网信办会同中央网信办") == [
        "国家互联网信息办公室",
        "中央网络安全和信息化委员会办公室",
    ]


def test_lexicon_names_are_not_generic_catch_alls() -> None:
    assert not unit_vocab().generic & lex.lexicon_words()
    assert {"自然资源部", "住建局", "住房和城乡建设局"} <= lex.lexicon_words()


def test_local_functions_extend_the_abbreviations_without_repeating_them() -> None:
    functions = {fn.name: fn for fn in lex.local_functions()}
    abbreviations = unit_vocab().abbreviations
    assert set(abbreviations.values()) <= set(functions)
    own = {s for r in load_tsv("local_bodies.tsv") for s in r[1].split("|") if s}
    assert own  # the file's own short forms, beside the abbreviations
    assert not own & set(abbreviations)
    spellings = Counter(s for fn in functions.values() for s in {fn.name, *fn.short})
    assert [s for s, c in spellings.items() if c > 1] == []
    assert all(fn.en for fn in functions.values())
    assert all(lex.local_levels(name) for name in functions)
    zh, short, en = functions["发展和改革委员会"]
    assert zh == "发展和改革委员会" and {"发改委", "发展改革委"} <= set(short)
    assert en == "Development and Reform Commission"


@pytest.mark.parametrize(
    ("unit", "function", "english"),
    [
        ("聊城市自然资源和规划局", "自然资源和规划局", "Natural Resources and Planning Bureau"),
        ("市发改委", "发展和改革委员会", "Development and Reform Commission"),
        ("山东省教育厅", "教育厅", "Department of Education"),
        ("冠县教育和体育局", "教育体育局", "Education and Sports Bureau"),
        ("县住建局", "住房和城乡建设局", "Housing and Urban-Rural Development Bureau"),
        ("聊城市中级人民法院", "中级人民法院", "Intermediate People's Court"),
        ("古楼街道办事处", "街道办事处", "Subdistrict Office"),
    ],
)
def test_local_names_read_their_function_and_english(unit: str, function: str, english: str) -> None:
    fn = lex.local_function(unit)
    assert fn is not None and (fn.name, fn.en) == (function, english)
    assert lex.local_en_names()[lex.normalise_en(english)] == function


def test_english_text_names_local_functions() -> None:
    text = "Which tasks does the Liaocheng education bureau lead?"
    found = lex.find_local_functions_en(text)
    assert [(fn.name, text[s:e]) for fn, s, e in found] == [("教育局", "education bureau")]
    assert lex.local_function("一个没有职能的名字") is None


def test_endings_give_the_english_of_the_longest_ending() -> None:
    assert lex.ending_en("聊城市消防救援支队") == "Detachment"
    assert lex.ending_en("古楼街道办事处") == "Subdistrict Office"
    assert lex.ending_en("中国建设银行聊城分行") == "Branch"
    assert lex.ending_en("某某") == ""


def test_the_seed_interface_still_constructs_bodies() -> None:
    body = lex.Body("某机构", ("某",), (), "Some Body", "other", "test")
    assert body.names == ("某机构", "某") and body.plate_of == "" and body.en_also == ()


def _clear_caches() -> None:
    for fn in (
        lex.bodies,
        lex._by_name,
        lex._by_en,
        lex.en_names,
        lex._scanner,
        local_bodies._local,
        lex.local_spellings,
        lex.local_en_names,
        lex.body_endings,
    ):
        fn.cache_clear()


def test_the_lexicon_loads_fast_and_once() -> None:
    places()  # the place table is not the lexicon's to load
    _clear_caches()
    start = time.perf_counter()
    lex.lookup("国铁集团")
    lex.lookup_en("NDRC")
    lex.local_function("聊城市教育局")
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(1000):
        lex.lookup("国铁集团")
    again = time.perf_counter() - start
    assert loaded < 0.5, loaded  # measured about 0.02 s on one core
    assert again < loaded  # cached: a thousand lookups cost less than the first
