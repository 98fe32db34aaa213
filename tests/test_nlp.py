"""The spaCy + jieba pipeline: vocabulary words stay whole; entities of each kind are found."""

from __future__ import annotations

from fengong.ingest.nlp import entities, get_nlp, segment


def test_pipeline_is_built_once() -> None:
    assert get_nlp() is get_nlp()
    assert "entity_ruler" in get_nlp().pipe_names


def test_user_dictionary_keeps_unit_names_whole() -> None:
    words = segment("县工业和信息化局负责协调落实转供电改直供电")
    assert "工业和信息化局" in words
    assert "转供电改直供电" in words
    assert "".join(words) == "县工业和信息化局负责协调落实转供电改直供电"


def test_entities_of_each_kind() -> None:
    text = "县教育局负责2020年10月底前在泽州县完成5G+智慧医疗试点，到 2020 年底推进转供电改直供电。"
    ents = entities(text)
    assert ("ORG", "县教育局", 0, 4) in ents
    assert ("DATE", "2020年10月底前", 6, 16) in ents
    assert ("GPE", "泽州县", 17, 20) in ents
    assert ("TOPIC", "5G+智慧医疗") in {(label, t) for label, t, _, _ in ents}
    assert ("DATE", "到 2020 年底") in {(label, t) for label, t, _, _ in ents}
    for _, t, start, end in ents:
        assert text[start:end] == t


def test_collective_and_company_units() -> None:
    ents = {
        (label, t)
        for label, t, _, _ in entities("市委网信办、各基础电信运营企业、中国铁塔聊城分公司按季度开展")
    }
    assert {("ORG", "市委网信办"), ("ORG", "各基础电信运营企业"), ("ORG", "中国铁塔聊城分公司")} <= ents
    assert ("DATE", "按季度") in ents


def test_words_that_end_like_units_are_not_units() -> None:
    assert not [e for e in entities("优化规划布局和产业格局") if e[0] == "ORG"]
