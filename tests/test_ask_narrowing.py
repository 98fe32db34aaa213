"""A question that names its topic by words narrower than the topic (老年助餐 is one service of
养老服务) is answered with the tasks that mention the words, says how many tasks on the topic it
leaves out, and falls back to the whole topic, with a note, when no task mentions them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from fengong.graph.store import GraphStore
from fengong.ingest.pipeline import extract_text
from fengong.queries.ask import answer, interpret
from fengong.vocabulary import load_topics
from tests.store_fixtures import STORE_KINDS, make_store

# A constructed plan (not one of the samples): three tasks on elderly care, one of them on meals.
PLAN = """绵阳市民政局
绵阳市2022年银发关爱行动重点任务分工

1.发展老年助餐服务。2022年6月底前在城市社区建设老年食堂和助餐点。（市民政局牵头，市财政局、市商务局配合）
2.推进居家养老服务。2022年9月底前为特殊困难老年人提供上门服务。（市民政局牵头，市卫生健康委配合）
3.推进医养结合。支持养老机构内设医务室。（市卫生健康委牵头，市民政局、市医疗保障局配合）
"""


@pytest.fixture(scope="module", params=STORE_KINDS)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    graph = make_store(request.param, tmp_path_factory.mktemp("narrow"))
    graph.load_documents([extract_text(PLAN, "mianyang_elderly_care.txt")])
    yield graph
    graph.close()


def _units(rows: list[dict[str, object]]) -> set[object]:
    return {r["unit"] for r in rows if r["unit"]}


def test_every_task_of_the_plan_is_on_elderly_care(store: GraphStore) -> None:
    # the premise of the tests below: the topic alone answers with all three tasks
    found = answer(store, "谁牵头养老服务")
    assert found.interpretation.query == "topic_leads" and found.interpretation.narrowed is None
    assert {r["task"] for r in found.rows} == {"发展老年助餐服务", "推进居家养老服务", "推进医养结合"}
    assert found.notes == []


def test_a_narrower_word_keeps_the_tasks_that_mention_it(store: GraphStore) -> None:
    # the words written around the topic's alias (老年助餐 + 服务) are the narrower words
    found = answer(store, "老年助餐服务由哪个部门牵头")
    assert found.interpretation.query == "term_units"
    assert found.interpretation.narrowed == ("养老服务", "老年助餐服务")
    assert {r["task"] for r in found.rows} == {"发展老年助餐服务"}
    assert _units(found.rows) == {"绵阳市民政局"}
    assert "mentions 老年助餐服务" in found.interpretation.understood_as
    assert (
        "2 more task(s) on 养老服务 (elderly care services) do not mention 老年助餐服务; ask about 养老服务 for every one"
        in found.notes
    )
    cooperating = answer(store, "哪些单位配合老年助餐")
    assert _units(cooperating.rows) == {"绵阳市财政局", "绵阳市商务局"}  # not those of 医养结合


def test_a_word_no_task_mentions_falls_back_to_the_whole_topic(store: GraphStore) -> None:
    topic = next(t for t in load_topics() if t.name == "养老服务")
    word = "长期护理保险"
    assert word in topic.aliases_zh and word not in PLAN
    found = answer(store, f"{word}由哪个部门牵头")
    assert found.interpretation.query == "topic_leads"  # the fallback: the whole topic
    assert {r["task"] for r in found.rows} == {"发展老年助餐服务", "推进居家养老服务", "推进医养结合"}
    assert found.notes == [f"no task mentions {word}: every task on 养老服务 (elderly care services) instead"]


@pytest.mark.parametrize(
    ("question", "narrowed"),
    [
        ("谁负责养老服务", None),  # the topic's own name
        ("谁负责老旧小区", None),  # part of the name: the name cut short, not narrower
        ("谁负责加装电梯", ("老旧小区改造", "加装电梯")),  # one kind of work of 老旧小区改造
        ("who is responsible for elderly care", None),  # English names the topic itself
    ],
)
def test_which_words_narrow_a_topic(question: str, narrowed: tuple[str, str] | None) -> None:
    found = interpret(question)
    assert found.narrowed == narrowed
    assert found.query == ("term_units" if narrowed else "topic_units")


def test_overdue_and_due_questions_narrow_too(store: GraphStore) -> None:
    today = dt.date(2022, 12, 1)
    overdue = answer(store, "老年助餐哪些任务已经逾期", today=today)
    assert overdue.interpretation.query == "tasks_overdue"
    params = overdue.interpretation.params
    assert (params["topic"], params["mention"]) == ("", "老年助餐")
    assert {r["task"] for r in overdue.rows} == {"发展老年助餐服务"}
    everything = answer(store, "养老服务哪些任务已经逾期", today=today)
    assert {r["task"] for r in everything.rows} == {"发展老年助餐服务", "推进居家养老服务"}
    # no overdue task mentions the word: the whole topic, said in a note
    fallback = answer(store, "长期护理保险哪些任务已经逾期", today=today)
    assert {r["task"] for r in fallback.rows} == {"发展老年助餐服务", "推进居家养老服务"}
    assert fallback.notes == [
        "no task that mentions 长期护理保险 answers this: every task on 养老服务 (elderly care services) instead"
    ]
    due = answer(store, "老年助餐任务在2022年底前到期", today=today)
    assert (due.interpretation.query, due.interpretation.params["text"]) == ("task_list", "老年助餐")
    assert {r["title"] for r in due.rows} == {"发展老年助餐服务"}


def test_a_task_is_about_what_its_document_s_title_says(store: GraphStore) -> None:
    # "银发关爱" is in the plan's title only: every task of the plan holds it, ranked after tasks
    # that would hold it themselves (quality 3: the document's title)
    found = answer(store, "谁负责银发关爱行动")
    assert found.interpretation.query == "term_units"
    assert {r["task"] for r in found.rows} == {"发展老年助餐服务", "推进居家养老服务", "推进医养结合"}
    assert {r["quality"] for r in found.rows} == {3}
    assert "绵阳市卫生健康委" in _units(found.rows)
