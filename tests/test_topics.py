"""Topics: every gold task gets a topic; aliases resolve in Chinese and English; bad files fail."""

from __future__ import annotations

import json

import pytest

from fengong.ingest.topics import load_topics, match_topic, parse_topics, tag_topics
from fengong.ingest.vocab import VocabularyError
from tests.conftest import SAMPLE_GOLD

GOLD_TASKS = [
    (path.name[:3], task)
    for path in sorted(SAMPLE_GOLD.glob("*.json"))
    for task in json.loads(path.read_text(encoding="utf-8"))["tasks"]
]


def test_gold_tasks_are_there() -> None:
    assert len(GOLD_TASKS) >= 90


@pytest.mark.parametrize(("doc", "task"), GOLD_TASKS, ids=[f"{d}-{t['id']}" for d, t in GOLD_TASKS])
def test_every_gold_task_gets_a_topic(doc: str, task: dict) -> None:
    topics = tag_topics(task["title"], task["text"])
    assert 1 <= len(topics) <= 5, (task["title"], topics)
    names = {t.name for t in load_topics()}
    assert set(topics) <= names


def test_direct_power_tasks() -> None:
    power = [t for _, t in GOLD_TASKS if "直供电" in t["title"] or "直供电" in t["text"][:200]]
    assert len(power) >= 3
    for task in power:
        assert "转供电改直供电" in tag_topics(task["title"], task["text"]), task["title"]


@pytest.mark.parametrize(
    ("title", "first"),
    [
        ("推进“5G+智慧医疗”", "5G+智慧医疗"),
        ("5G ＋ 智能制造。", "5G+智能制造"),
        ("强化5G网络安全", "网络安全"),
        ("确保5G数据安全", "数据安全"),
        ("加强5G人才培养", "人才培养"),
        ("加大资金扶持", "资金扶持"),
        ("统筹5G基站规划布局", "规划布局"),
        ("推动资源开放共享", "资源开放共享"),
        ("加快5G产业布局", "产业集聚"),
    ],
)
def test_title_decides_the_first_topic(title: str, first: str) -> None:
    assert tag_topics(title, "")[0] == first


def test_tagging_is_deterministic() -> None:
    _, task = GOLD_TASKS[0]
    assert tag_topics(task["title"], task["text"]) == tag_topics(task["title"], task["text"])


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("direct-power conversion", "转供电改直供电"),
        ("which bureaus lead direct-power conversion in which cities", "转供电改直供电"),
        ("哪些部门牵头转供电改直供电", "转供电改直供电"),
        ("Base Station Construction", "基站建设"),
        ("who handles base-station builds?", "基站建设"),
        ("resource sharing", "资源开放共享"),
        ("smart healthcare", "5G+智慧医疗"),
        ("smart manufacturing tasks", "5G+智能制造"),
        ("cybersecurity", "网络安全"),
        ("谁负责智慧医疗", "5G+智慧医疗"),
    ],
)
def test_match_topic(query: str, name: str) -> None:
    topic = match_topic(query)
    assert topic is not None and topic.name == name


def test_match_topic_none() -> None:
    assert match_topic("what is the weather like") is None


def test_every_topic_has_english() -> None:
    for topic in load_topics():
        assert topic.en and topic.aliases_en and topic.aliases_zh
        assert match_topic(topic.en) == topic, topic.name


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "'topics' must be a non-empty list"),
        ({"topics": [{"name": "甲", "en": "a", "aliases_zh": "甲乙", "aliases_en": []}]}, "'aliases_zh'"),
        ({"topics": [{"name": "甲", "aliases_zh": [], "aliases_en": []}]}, "'name' and 'en'"),
        ({"topics": [{"name": "甲", "en": "a", "aliases_zh": [], "aliases_en": [], "colour": 1}]}, "unknown"),
        (
            {
                "topics": [
                    {"name": "甲", "en": "a", "aliases_zh": ["乙"], "aliases_en": []},
                    {"name": "丙", "en": "c", "aliases_zh": ["乙"], "aliases_en": []},
                ]
            },
            "already belongs",
        ),
    ],
)
def test_malformed_topics_fail_clearly(data: dict, message: str) -> None:
    with pytest.raises(VocabularyError, match=r"topics/\*\.yaml") as err:
        parse_topics(data)
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("title", "task_topics", "expected"),
    [
        # a rural water plan: a task with no water topic of its own is on rural water supply
        ("福建省农村供水高质量发展工作方案", ["城市管理"], ["城市管理", "农村供水"]),
        # a task that names a topic of the theme's domain is placed within it more closely
        ("福建省农村供水高质量发展工作方案", ["河湖长制"], ["河湖长制"]),
        # the general pack makes no theme: every 实施方案 names 政策支持
        ("某市5G产业发展实施方案", ["项目建设"], ["项目建设"]),
        # themes of two domains each cover part of the document: none is added
        ("关于做好残疾人就业和无障碍环境建设工作的意见", [], []),
    ],
)
def test_a_document_s_theme_tags_its_tasks(title: str, task_topics: list[str], expected: list[str]) -> None:
    from fengong.ingest.topics import themes, with_themes

    assert with_themes(task_topics, themes(title)) == expected


def test_a_word_the_dictionary_does_not_know_is_one_term() -> None:
    """护学岗 is cut into single characters by the dictionary; the run is indexed as one term, and a
    question's phrase is searched by the same term."""
    from fengong.ingest.terms import query_terms, terms

    assert "护学岗" in terms("推进校园“护学岗”全覆盖")
    assert query_terms("护学岗") == ["护学岗"]
    assert query_terms("老旧小区改造") == ["小区", "改造"]  # known words: their finest pieces, as before
