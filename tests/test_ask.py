"""Question answering: interpretation rules, the exact answer on the samples, and `fengong ask`."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from fengong.api import cmd_ask
from fengong.graph.store import GraphStore
from fengong.queries.ask import NotUnderstood, answer, interpret
from fengong.queries.ask_read import read
from fengong.queries.ask_vocab import AskVocabularyError, ask_vocab, parse_vocab
from tests.test_api_support import loaded_store

LEAD_QUESTIONS = [
    "which bureaus lead direct-power conversion in which cities",
    "哪些部门在哪些城市牵头转供电改直供电",
]
TRANSFER_TASK_SANMENXIA = "加快推进基站直供电改造、开展转供电基站清理规范工作，依法查处转供电环节"
#: The answer the samples give, worked out from the documents:
#: 聊城市 names three 牵头单位 on 降低基站运维成本; 泽州县's table row on 直供电 has 县能源局 in the
#: lead column; 开封市's attachment lists 责任单位 only (市发展改革委员会 first); 三门峡市's progress
#: report has the task with no unit at all.
EXPECTED_GROUPS = [
    {"key": "三门峡市", "items": {"no lead named": [TRANSFER_TASK_SANMENXIA]}},
    {"key": "开封市", "items": {"first-listed responsible unit": ["开封市发展改革委员会"]}},
    {"key": "晋城市 / 泽州县", "items": {"stated lead": ["泽州县能源局"]}},
    {
        "key": "聊城市",
        "items": {"stated lead": ["聊城市发展改革委", "聊城市市场监管局", "中国铁塔聊城分公司"]},
    },
    {
        "key": "岳阳市",
        "items": {"mentioned, not assigned": ["岳阳市加快5G产业发展行动方案（2020年-2022年）"]},
    },
]


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    store = loaded_store("embedded", tmp_path_factory.mktemp("ask"))
    yield store
    store.close()


@pytest.mark.parametrize("question", LEAD_QUESTIONS)
def test_lead_questions_map_to_topic_leads(question: str) -> None:
    found = interpret(question)
    assert (found.query, found.params) == ("topic_leads", {"topic": "转供电改直供电", "jurisdiction": ""})
    assert "first-listed" in found.understood_as and "no lead" in found.understood_as


@pytest.mark.parametrize("question", LEAD_QUESTIONS)
def test_lead_answer_on_the_samples(samples: GraphStore, question: str) -> None:
    result = answer(samples, question).to_dict()
    assert result["groups"] == EXPECTED_GROUPS
    bases = {(r["city"], r["basis"], r["unit"]) for r in result["rows"]}
    assert ("开封市", "first-listed responsible unit", "开封市发展改革委员会") in bases
    assert not any(b == "stated lead" and c == "开封市" for c, b, _ in bases)  # a 责任单位 list is not a lead
    sentences = {e["group"]: e["sentence"] for e in result["evidence"]}
    assert "牵头单位：市发展改革委、市市场监管局、中国铁塔聊城分公司" in sentences["聊城市"]
    assert "县能源局" in sentences["晋城市 / 泽州县"]
    assert sentences["开封市"].startswith("责任单位:市发展改革委员会")
    assert "转供电改直供电" in sentences["三门峡市"]  # the sentence that mentions the topic


def test_yueyang_listed_as_mentioning_without_lead(samples: GraphStore) -> None:
    """岳阳市 names 直供电改造 only in its 保障措施 paragraph: mentioned, assigned to nobody."""
    result = answer(samples, LEAD_QUESTIONS[0])
    groups = {g.key: g.items for g in result.groups}
    assert groups["岳阳市"] == {"mentioned, not assigned": ["岳阳市加快5G产业发展行动方案（2020年-2022年）"]}
    sentence = next(e.sentence for e in result.evidence if e.group == "岳阳市")
    assert "直供电改造" in sentence


@pytest.mark.neo4j
def test_lead_answer_on_neo4j(tmp_path: Path) -> None:
    store = loaded_store("neo4j", tmp_path)
    try:
        for question in LEAD_QUESTIONS:
            assert answer(store, question).to_dict()["groups"] == EXPECTED_GROUPS
    finally:
        store.close()


@pytest.mark.parametrize(
    ("question", "query", "params"),
    [
        (
            "who cooperates on smart poles",
            "topic_units",
            {"topic": "智能杆塔", "role": "cooperate", "jurisdiction": ""},
        ),
        (
            "哪些单位配合基站建设",
            "topic_units",
            {"topic": "基站建设", "role": "cooperate", "jurisdiction": ""},
        ),
        (
            "谁负责转供电改直供电",
            "topic_units",
            {"topic": "转供电改直供电", "role": "responsible", "jurisdiction": ""},
        ),
        (
            "which units are involved in smart poles in Yueyang",
            "topic_units",
            {"topic": "智能杆塔", "role": "any", "jurisdiction": "岳阳市"},
        ),
        ("who leads policy support", "topic_leads", {"topic": "政策支持", "jurisdiction": ""}),
        (
            "聊城市工信局负责哪些任务",
            "unit_work",
            {
                "unit": "",
                "units": [],
                "unit_type": "工业和信息化局",
                "jurisdiction": "聊城市",
                "role": "any",
                "topic": "",
                "mention": "",
            },
        ),
        (
            "what does the Liaocheng industry bureau lead",
            "unit_work",
            {
                "unit": "",
                "units": [],
                "unit_type": "工业和信息化局",
                "jurisdiction": "聊城市",
                "role": "lead",
                "topic": "",
                "mention": "",
            },
        ),
        (
            "泽州县能源局做什么",
            "unit_work",
            {
                "unit": "",
                "units": [],
                "unit_type": "能源局",
                "jurisdiction": "泽州县",
                "role": "any",
                "topic": "",
                "mention": "",
            },
        ),
        ("哪些城市设定了5G基站目标", "targets_in", {"metric": "5G基站", "jurisdiction": ""}),
        (
            "which cities set targets for 5G base stations",
            "targets_in",
            {"metric": "5G基站", "jurisdiction": ""},
        ),
        ("有哪些文件", "document_list", {"jurisdiction": "", "issuer": "", "skip": 0, "limit": 2000}),
        ("who is on the task force", "people_groups", {"group_name": "", "jurisdiction": ""}),
    ],
)
def test_interpretations(question: str, query: str, params: dict[str, object]) -> None:
    found = interpret(question)
    assert (found.query, found.params) == (query, params)
    assert found.understood_as


@pytest.mark.parametrize(
    ("question", "before", "after", "place"),
    [
        ("2021年6月底前要完成哪些任务", "2021-06-30", "", ""),
        ("what is due before 2020-12-31 in Kaifeng", "2020-12-31", "", "开封市"),
        ("what is due after June 2021", "", "2021-06-30", ""),
        ("聊城市的任务什么时候到期", "", "0000-01-01", "聊城市"),
    ],
)
def test_due_questions(question: str, before: str, after: str, place: str) -> None:
    found = interpret(question)
    assert found.query == "task_list"
    assert (found.params["due_before"], found.params["due_after"], found.params["jurisdiction"]) == (
        before,
        after,
        place,
    )


def test_answers_have_real_rows(samples: GraphStore) -> None:
    work = answer(samples, "what does the Liaocheng industry bureau lead")
    assert {r["unit"] for r in work.rows} == {"聊城市工业和信息化局"}
    assert {r["basis"] for r in work.rows} == {"stated lead", "first-listed responsible unit"}
    assert "编制基站建设专项规划" in work.groups[0].items["stated lead"]
    due = answer(samples, "what is due before 2020-12-31 in Kaifeng")
    assert {r["title"] for r in due.rows} == {"加快推进5G网络建设", "统筹5G基站规划布局"}
    assert all(r["due_date"] <= "2020-12-31" for r in due.rows)
    targets = answer(samples, "哪些城市设定了5G基站目标")
    assert {g.key for g in targets.groups} == {"三门峡市", "岳阳市", "开封市", "晋城市 / 泽州县", "聊城市"}
    assert (
        "1500 个 by 2020-12-31 (planned)"
        in dict((g.key, g) for g in targets.groups)["开封市"].items["5G基站数量"]
    )
    people = answer(samples, "聊城市工作专班成员有哪些")
    assert people.rows and {r["jurisdiction"] for r in people.rows} == {"聊城市"}


@pytest.mark.parametrize("question", ["what is the weather", "who leads", "   ", "x" * 501, "今天吃什么"])
def test_unanswerable_questions_are_refused_not_guessed(question: str) -> None:
    with pytest.raises(NotUnderstood) as info:
        interpret(question)
    data = info.value.to_dict()
    assert data["message"].startswith("could not map the question")
    assert any("牵头" in line for line in data["can_answer"])


def test_vocabulary_file_is_validated() -> None:
    assert ask_vocab().roles["lead"].zh[0] == "牵头"
    with pytest.raises(AskVocabularyError, match="unknown keys"):
        parse_vocab({**_raw_vocab(), "rolez": {}})
    with pytest.raises(AskVocabularyError, match="roles must have exactly"):
        parse_vocab({**_raw_vocab(), "roles": {"lead": {"zh": ["牵头"]}}})


def _raw_vocab() -> dict[str, object]:
    from importlib import resources

    import yaml

    text = resources.files("fengong.queries").joinpath("data", "ask.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def _cli() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Test root."""

    cmd_ask.register(app)
    return app


def test_cli_ask_json_and_rich(samples: GraphStore, tmp_path: Path) -> None:
    data_dir = tmp_path / "cli"
    store = loaded_store("embedded", data_dir)
    store.close()
    runner = CliRunner()
    graph = data_dir / "graph"
    result = runner.invoke(_cli(), ["ask", LEAD_QUESTIONS[1], "--json", "--data", str(graph)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["groups"] == EXPECTED_GROUPS
    assert "\\u" not in result.stdout
    rich = runner.invoke(_cli(), ["ask", LEAD_QUESTIONS[0], "--data", str(graph)])
    assert rich.exit_code == 0, rich.output
    for text in (
        "understood as",
        "聊城市",
        "stated lead",
        "first-listed responsible unit",
        "no lead named",
        "evidence",
    ):
        assert text in rich.stdout


def test_cli_ask_pages(tmp_path: Path) -> None:
    """--limit / --offset page the rows; the footer says which rows and how to ask for more."""
    data_dir = tmp_path / "cli"
    loaded_store("embedded", data_dir).close()
    graph = str(data_dir / "graph")
    runner = CliRunner()
    first = runner.invoke(_cli(), ["ask", LEAD_QUESTIONS[1], "--limit", "2", "--data", graph])
    assert first.exit_code == 0, first.output
    assert "rows 1–2; more follow: --offset 2" in first.stdout
    rest = runner.invoke(_cli(), ["ask", LEAD_QUESTIONS[1], "--offset", "2", "--json", "--data", graph])
    whole = runner.invoke(_cli(), ["ask", LEAD_QUESTIONS[1], "--json", "--data", graph])
    page2, full = json.loads(rest.stdout), json.loads(whole.stdout)
    assert page2["offset"] == 2 and page2["rows"] == full["rows"][2:] and page2["next_offset"] is None
    past = runner.invoke(_cli(), ["ask", LEAD_QUESTIONS[1], "--offset", "500", "--data", graph])
    assert past.exit_code == 0 and "no rows past row 500" in past.stdout


def test_cli_ask_refuses_unmappable_question(tmp_path: Path) -> None:
    result = CliRunner().invoke(_cli(), ["ask", "what is the weather", "--data", str(tmp_path / "g")])
    assert result.exit_code == 2
    assert "could not map the question" in result.output and "I can answer" in result.output


def test_english_place_names_come_from_the_division_table() -> None:
    """Any place is askable by the pinyin of its short name, not only the samples' places."""
    found = interpret("who leads base station construction in shenzhen")
    assert found.params["jurisdiction"] == "深圳市"
    found = interpret("which bureaus lead direct-power conversion in liaocheng")
    assert found.params["jurisdiction"] == "聊城市"


def test_a_place_is_never_read_inside_a_body_name() -> None:
    found = interpret("自然资源部负责哪些任务")
    assert found.params["units"] == ["自然资源部"] and found.params["jurisdiction"] == ""
    assert "资源县" not in found.understood_as


def test_the_longest_reading_wins(samples: GraphStore) -> None:
    """The bureau the graph holds, not the topic 规划布局 inside its name."""
    found = interpret("聊城市自然资源和规划局负责哪些任务", samples)
    assert (found.query, found.params["units"]) == ("unit_work", ["聊城市自然资源和规划局"])


def test_a_ministry_in_english_is_not_a_topic() -> None:
    found = interpret("what does the Ministry of Education lead")
    assert found.query == "unit_work" and found.params["units"] == ["教育部"]


@pytest.mark.parametrize(
    ("question", "query"),
    [
        ("哪个单位承担的任务最多", "unit_top"),
        ("which bureau carries the most tasks", "unit_top"),
        ("which bureau leads the most tasks in Dezhou", "unit_ranking"),
        ("哪些任务已经逾期", "tasks_overdue"),
        ("未来30天到期的任务", "tasks_due_between"),
        ("比较开封市和聊城市的基站建设", "compare_places"),
        ("哪些城市部署了转供电改直供电", "topic_places"),
    ],
)
def test_rankings_and_comparisons(question: str, query: str) -> None:
    assert interpret(question).query == query


def test_overdue_and_upcoming_are_dated_from_today() -> None:
    import datetime as dt

    today = dt.date(2021, 7, 1)
    assert interpret("哪些任务已经逾期", today=today).params["as_of"] == "2021-07-01"
    upcoming = interpret("what is due in the next 30 days", today=today).params
    # the next 30 days are the thirty after today: work due today is not "coming up"
    assert (upcoming["due_from"], upcoming["due_to"]) == ("2021-07-02", "2021-07-31")


def test_the_refusal_reads_well() -> None:
    with pytest.raises(NotUnderstood) as info:
        interpret("who is responsible")
    assert "it asks who is responsible, but names no topic" in info.value.reason


def test_an_open_topic_says_what_it_searched_for() -> None:
    found = interpret("哪些单位负责古树名木保护")
    assert found.query == "term_units"
    assert (
        "tasks whose title or text, or their document's title, mentions 古树名木保护" in found.understood_as
    )
    assert found.searched and all(w in "古树名木保护" for w in found.searched)


def test_a_term_search_needs_every_word(samples: GraphStore) -> None:
    """Every word of a phrase is required: a word no task holds empties the answer, and with every
    word held each task found holds them all (by the term index, not by the phrase)."""
    from fengong.queries.named import run_named

    found = interpret("哪些单位负责古树名木保护", samples)
    terms = found.params["terms"]
    held = {r["term"] for r in run_named(samples, "terms_held", {"terms": terms})}
    assert held and set(terms) - held, "the test wants a phrase with held and missing words"
    assert answer(samples, "哪些单位负责古树名木保护").rows == []
    everywhere = interpret("谁负责企业服务", samples)
    terms = everywhere.params["terms"]
    assert everywhere.query == "term_units" and len(terms) == 2
    rows = list(run_named(samples, "term_units", everywhere.params))
    assert rows
    one = {r["task"] for r in run_named(samples, "term_units", {**everywhere.params, "terms": terms[:1]})}
    other = {r["task"] for r in run_named(samples, "term_units", {**everywhere.params, "terms": terms[1:]})}
    assert {r["task"] for r in rows} == one & other  # the tasks holding both words, and only those
    assert one - other and other - one, "the test wants words that part ways"


@pytest.mark.parametrize(
    ("question", "role", "phrase"),
    [
        ("谁主办应急备用水源建设", "lead", "应急备用水源建设"),  # a table's 主办单位 column
        ("饮用水水源保护的主办单位是哪个", "lead", "饮用水水源保护"),
        ("哪些单位协办应急备用水源建设", "cooperate", "应急备用水源建设"),  # its 协办单位 column
        ("谁参与应急备用水源建设", "any", "应急备用水源建设"),  # a question's 参与 asks for any role
        ("谁具体负责应急备用水源建设", "responsible", "应急备用水源建设"),
    ],
)
def test_questions_use_the_role_words_of_documents(question: str, role: str, phrase: str) -> None:
    found = interpret(question)
    assert (found.query, found.params["role"], found.params["phrase"]) == ("term_units", role, phrase)


def test_every_document_role_word_is_a_question_word_of_its_role() -> None:
    from fengong.queries.ask_vocab import ask_vocab
    from fengong.vocabulary import role_words

    vocab = ask_vocab()
    for role, words in role_words().items():
        for word in words:
            if word in vocab.task_role_words:  # 统筹: a task's word in questions (加强统筹协调)
                continue
            owner = next(
                r for roles in (vocab.roles, vocab.document_roles) for r, w in roles.items() if word in w.zh
            )
            # (参与 / 参加 take part: a question asks them of any role, a document's list cooperates)
            assert owner == role or word in ("参与", "参加"), (word, role, owner)
    # a question's own role word outranks a document's inside the task it names (指导 cooperates)
    found = interpret("哪个单位负责加强统筹协调和督促指导")
    assert found.params["role"] == "responsible"


def test_a_function_under_another_body_word() -> None:
    from fengong.queries.ask_names import same_function

    assert same_function("水利局", "水利厅") and same_function("教育局", "教育厅")
    assert not same_function("水利局", "水利局") and not same_function("财政局", "教育厅")


@pytest.mark.parametrize(
    ("function", "bureau", "merged"),
    [
        ("大数据管理局", "政务服务和大数据管理局", True),
        ("自然资源局", "自然资源和规划局", True),
        ("卫生健康委员会", "卫生健康和体育局", True),
        ("旅游局", "文化广电和旅游局", True),
        ("财政局", "发展和改革委员会", False),
        ("住房和城乡建设局", "住房和城乡建设局", False),  # the same function, not a merger
    ],
)
def test_a_function_merged_into_another_bureau(function: str, bureau: str, merged: bool) -> None:
    from fengong.queries.ask_names import merged_into

    assert merged_into(function, bureau) is merged


@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("湘西州", "湘西土家族苗族自治州"),
        ("湘西自治州", "湘西土家族苗族自治州"),
        ("恩施州", "恩施土家族苗族自治州"),
        ("黔东南州", "黔东南苗族侗族自治州"),
        ("三都县", "三都水族自治县"),  # a one-character group is dropped with its 族
    ],
)
def test_autonomous_areas_are_found_as_they_are_written(written: str, place: str) -> None:
    found = interpret(f"{written}有哪些任务")
    assert (found.query, found.params["jurisdiction"]) == ("task_list", place)


@pytest.mark.parametrize(
    ("question", "after", "before"),
    [
        ("今年年底前到期的任务有哪些", "", "2021-12-31"),  # 今年 is today's year
        ("明年6月底前到期的任务", "", "2022-06-30"),
        ("9月底前到期的任务", "", "2021-09-30"),  # a date without a year: today's year
        ("哪些任务在第三季度到期", "2021-07-01", "2021-09-30"),  # a period: its first day to its last
        ("2022年上半年到期的任务", "2022-01-01", "2022-06-30"),
        ("which tasks are due by the end of this year", "", "2021-12-31"),
        ("which tasks are due in the first quarter of 2022", "2022-01-01", "2022-03-31"),
    ],
)
def test_relative_dates_and_periods(question: str, after: str, before: str) -> None:
    import datetime as dt

    found = interpret(question, today=dt.date(2021, 7, 1))
    assert (found.query, found.params["due_after"], found.params["due_before"]) == (
        "task_list",
        after,
        before,
    )


def test_english_words_a_topic_leaves_unused_are_said() -> None:
    """A topic named by part of the English words (elderly meal services: elderly care) is the
    answer's topic, and the words it leaves unused are named, never dropped silently."""
    assert interpret("Who is responsible for elderly meal services?").unused == ["meal"]
    assert interpret("who leads drinking water source protection").unused == ["source", "protection"]
    assert interpret("who leads flood control in Puyang").unused == []
    assert interpret("谁牵头防汛工作").unused == []


@pytest.mark.parametrize("date", ["今年年底前", "今年底前", "2021年底前", "4月底前"])
def test_a_date_in_a_task_description_is_not_searched(date: str) -> None:
    """However the date is written (a relative year included), it is masked out of the words of a
    task the question describes, not searched as part of them."""
    import datetime as dt

    found = interpret(f"谁牵头{date}完成改造方案设计和联合审查", today=dt.date(2021, 7, 1))
    assert (found.query, found.params["phrase"]) == ("term_units", "完成改造方案设计和联合审查")


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("残疾人两项补贴是哪个单位牵头，哪些单位配合？", "any"),  # who leads and who cooperates
        ("杭州新改建农村公路，牵头和配合单位分别是？", "any"),
        ("which tasks involve the Ministry of Natural Resources, whether leading or supporting?", "any"),
        ("民政部牵头负责哪些任务", "lead"),  # 牵头负责 is still a lead
        ("民政部只配合而非牵头哪些任务", "cooperate"),  # a negated role word is not asked
        ("which tasks does the Ministry of Civil Affairs only support rather than lead?", "cooperate"),
    ],
)
def test_the_roles_a_question_asks_for(question: str, role: str) -> None:
    assert interpret(question).params["role"] == role


def test_deictic_and_counting_words_are_not_searched_for() -> None:
    for question in (
        "黑土地保护性耕作那项任务，配合部门都有谁？",
        "黑土地保护性耕作这项工作谁配合",
        "黑土地保护性耕作那项一共由几个单位牵头",
    ):
        found = interpret(question)
        assert found.params.get("phrase") == "黑土地保护性耕作", question


def test_a_topic_written_short_is_the_topic_not_narrower_words() -> None:
    """文旅 is 文化旅游 and 食品安全 is 食品药品安全 cut short: the whole topic, not a phrase search."""
    for question, topic in (
        ("桂林文旅重点任务有哪些已经超期", "文化旅游"),
        ("徐州食品安全工作哪些已经逾期", "食品药品安全"),
    ):
        found = interpret(question, today=dt.date(2024, 10, 1))
        assert (
            found.query == "tasks_overdue" and found.params["topic"] == topic and not found.params["mention"]
        )
        assert found.narrowed is None


def test_a_topic_naming_the_document_does_not_filter_the_tasks() -> None:
    """营商环境方案中 / the business-environment plan names the plan; its tasks are not all tagged with
    the topic, and the place or unit already finds them."""
    found = interpret("江西省发展改革委在营商环境方案中牵头哪些任务")
    assert found.query == "unit_work" and found.params["topic"] == ""
    assert interpret("江西省发展改革委负责哪些营商环境任务").params["topic"] == "营商环境"
    english = interpret(
        "Which tasks in the Jiangxi business-environment plan were due by the end of September 2024?"
    )
    assert english.params.get("topic") == "" and english.params["due_before"] == "2024-09-30"


@pytest.mark.parametrize(
    ("question", "query", "params"),
    [
        ("Which tasks does the Ministry of Civil Affairs lead in the 2024 plan?", "unit_work", {"role": "lead"}),
        ("民政部在2024年养老服务方案中牵头哪些任务", "unit_work", {"role": "lead"}),  # a year alone
        ("what is due in 2024", "task_list", {"due_before": "2024-12-31"}),
        ("As of 1 October 2024, which Hangzhou tasks are past their deadline?", "tasks_overdue", {"as_of": "2024-10-01"}),
        ("which tasks are due by October 15, 2024", "task_list", {"due_before": "2024-10-15"}),
        ("what is due before January 2025", "task_list", {"due_before": "2024-12-31"}),
        ("Which tasks across the documents are due in the third quarter of 2025?", "task_list",
         {"due_after": "2025-07-01", "due_before": "2025-09-30", "text": ""}),
    ],
)  # fmt: skip
def test_years_and_english_dates(question: str, query: str, params: dict[str, str]) -> None:
    found = interpret(question, today=dt.date(2024, 10, 1))
    assert found.query == query
    assert {k: found.params.get(k, "") for k in params} == params


def test_a_cooperate_word_after_the_unit_asks_for_its_work_not_its_partners() -> None:
    found = interpret(
        "In Xuzhou, which food-safety tasks does the agriculture and rural affairs bureau assist with?"
    )
    assert found.query == "unit_work" and found.params["role"] == "cooperate"
    assert interpret("who works with the Ministry of Civil Affairs").query == "unit_partners"


def test_short_forms_of_functions() -> None:
    from fengong.queries.ask_names import abbreviated_types, abbreviates

    assert abbreviates("科创局", "科技创新局") and abbreviates("应急厅", "应急管理厅")
    assert abbreviates("卫健委", "卫生健康委员会") and abbreviates("城管局", "城市管理局")
    assert abbreviates("教育部门", "教育局") and abbreviates("教育部门", "教育厅")
    assert not abbreviates("科创局", "科学技术局") and not abbreviates("财政局", "财政局")
    assert not abbreviates("建设局", "住房和城乡建设局")  # not its first character
    # one function under two body words, or none when it could be two
    assert abbreviated_types("教育部门", ["教育局", "教育厅", "教育体育局"]) == ["教育厅", "教育局"]
    assert abbreviated_types("市场局", ["市场监督管理局", "市场发展服务局"]) == []
    # one function however spelt: 人社厅 is a province's 人力资源社会保障厅 and a county's 人力资源和社会保障局
    assert abbreviated_types("人社厅", ["人力资源社会保障厅", "人力资源和社会保障局"]) == [
        "人力资源和社会保障局",
        "人力资源社会保障厅",
    ]


def test_one_character_words_are_left_inside_other_words() -> None:
    """中 / 由 / 和 name nothing when they stand alone (方案中, 由…负责), but 中小学 and 行为 keep them."""
    assert (
        interpret("中小学体育场地对外开放那项，配合单位有哪些？").params["phrase"] == "中小学体育场地对外开放"
    )
    assert interpret("规范政府采购行为由谁牵头").params["phrase"] == "规范政府采购行为"


def test_a_description_stops_at_the_question_s_own_words() -> None:
    """应急物资储备规划由哪个单位牵头编制: the words before 由哪个单位牵头 (the longer part) are the task,
    while a unit between two parts stays inside (…向铁塔公司公布)."""
    assert interpret("应急物资储备规划由哪个单位牵头编制？").params["phrase"] == "应急物资储备规划"
    assert interpret("健身步道谁牵头建，期限多久？").params["phrase"] == "健身步道"


def test_a_phrase_of_several_words_falls_back_to_all_but_one(samples: GraphStore) -> None:
    """A question in other words than the task's: when no task holds every word, the tasks holding
    all but one, said so."""
    found = interpret("谁负责推进智慧杆塔共建共享工作机制", samples)
    relaxed = found.fallback
    assert found.query == "term_units" and relaxed is not None and relaxed.params["missing"] == 1
    assert "all of them but one" in relaxed.why and "holding all the words but one" in relaxed.understood_as
    three = interpret("谁负责古树名木保护", samples)
    assert len(three.params["terms"]) == 3 and three.fallback is None  # three words: every one needed


@pytest.mark.parametrize(
    "question",
    [
        "List the Quanzhou tasks that have to be finished by the end of 2025.",
        "截至2025年7月1日，芜湖哪些任务应当已经完成？",
    ],
)
def test_done_by_a_date_asks_what_is_due(question: str) -> None:
    found = interpret(question, today=dt.date(2025, 7, 1))
    assert found.query == "task_list" and found.params["due_before"] in ("2025-12-31", "2025-07-01")


def test_responsible_and_supporting_asks_every_role() -> None:
    question = "What is the Ministry of Civil Affairs responsible for, and who supports it?"
    assert interpret(question).params["role"] == "any"


def test_an_english_place_name_of_several_places_is_the_one_the_store_holds(tmp_path: Path) -> None:
    """ "pujiang" is 蒲江县 and 浦江县: the reading takes the one whose documents are loaded."""
    from fengong.ingest.pipeline import extract_text
    from tests.store_fixtures import make_store

    store = make_store("embedded", tmp_path)
    text = "蒲江县人民政府办公室关于印发医保工作任务分工方案的通知\n\n（一）打击欺诈骗保。县医疗保障局牵头负责，县公安局协同推进。\n"
    store.load_documents([extract_text(text, "pujiang.txt")])
    try:
        assert interpret("which tasks in Pujiang have no lead", store).params["jurisdiction"] == "蒲江县"
        assert (
            interpret("which tasks in Pujiang have no lead").params["jurisdiction"] == "浦江县"
        )  # no store: the first
    finally:
        store.close()


def test_a_year_after_in_is_that_year() -> None:
    found = interpret("Which tasks have deadlines in 2026?")
    assert (found.params["due_after"], found.params["due_before"]) == ("2026-01-01", "2026-12-31")
    assert interpret("跨境电商分工方案中哪些任务由谁牵头").params["phrase"] == "跨境电商"


@pytest.mark.parametrize(
    ("question", "as_of"),
    [
        ("截至2025年9月1日，哪些任务已经逾期？", "2025-09-01"),  # the day the question stands on
        ("As of 2025-09-01, which tasks are overdue?", "2025-09-01"),
        ("Which tasks were due before October 2024 but are not yet done?", "2024-10-01"),  # up to Sep 30
        ("到2024年11月30日为止应该完成的任务有哪些（已到期的也算）？", "2024-12-01"),  # Nov 30 included
    ],
)
def test_overdue_as_of_a_day_or_through_a_last_day(question: str, as_of: str) -> None:
    found = interpret(question, today=dt.date(2025, 10, 15))
    assert found.query == "tasks_overdue" and found.params["as_of"] == as_of


def test_due_in_a_month_and_from_today() -> None:
    """Due in November 2025: that month; 从今天到今年年底: from today, not what is already past."""
    today = dt.date(2025, 10, 15)
    month = interpret("Which Anji gas tasks are due in November 2025?", today=today)
    assert (month.params["due_after"], month.params["due_before"]) == ("2025-11-01", "2025-11-30")
    rest = interpret("从今天到今年年底还有哪些任务要到期？", today=today)
    assert (rest.params["due_after"], rest.params["due_before"]) == ("2025-10-15", "2025-12-31")
    plain = interpret("今年年底前要完成哪些任务？", today=today)
    assert plain.params["due_before"] == "2025-12-31" and not plain.params.get("due_after")


def test_a_date_s_own_words_are_no_search_words() -> None:
    """到 before a date belongs to it: 成都市大气方案到2025年10月15日 searches no 方案到."""
    found = interpret("成都市大气方案到2025年10月15日有哪些任务过了完成时限", today=dt.date(2025, 10, 15))
    assert found.query == "tasks_overdue" and found.params["as_of"] == "2025-10-15"
    assert "到" not in found.params["mention"] and "方案" not in found.params["mention"]


def test_more_ways_of_asking() -> None:
    """No-lead words (没定牵头), a deictic 那条 / 这件事, a role a who word asks where the other is
    stated of a named unit (教育部牵头，谁来配合), English bureau names in the official order and
    abbreviations (IP)."""
    assert interpret("洛阳养老方案里有没有没定牵头部门的任务").query == "tasks_without_lead"
    described = interpret("幼儿园开托班这件事教育部牵头，谁来配合？")
    assert described.params["role"] == "cooperate" and "这件事" not in described.params["phrase"]
    bureau = interpret("Which tasks does the Chengdu Municipal Bureau of Ecology and Environment lead?")
    assert bureau.query == "unit_work" and bureau.params["unit_type"] == "生态环境局"
    assert bureau.params["jurisdiction"] == "成都市"
    from fengong.queries.ask_read import read

    assert " intellectual property protection " in read("Who leads IP protection?").words


def test_the_words_around_a_topic_s_name_narrow_it() -> None:
    """困难群体就业援助 names less than 就业促进, which its 就业 names; the words at its ends that
    name nothing (重点任务, 工作) do not narrow it."""
    found = interpret("困难群体就业援助的牵头单位")
    assert found.narrowed == ("就业促进", "困难群体就业援助")
    assert interpret("就业重点任务有哪些已经逾期", today=dt.date(2025, 10, 15)).narrowed is None


def test_spans_of_dates_in_a_question() -> None:
    """Between two dates; due in a year asked alone (2026年才到期: January 1 to December 31); words
    of a date (fall due) and a possessive ('s) are no search words."""
    today = dt.date(2025, 11, 20)
    between = interpret("What is due between 1 October 2025 and 31 December 2025?", today=today)
    assert (between.params["due_after"], between.params["due_before"]) == ("2025-10-01", "2025-12-31")
    rest = interpret(
        "Across all the plans, what is due between today and the end of November 2025?", today=today
    )
    assert (rest.params["due_after"], rest.params["due_before"]) == ("2025-11-20", "2025-11-30")
    year = interpret("滑县哪些粮食任务2026年才到期", today=today)
    assert (year.params["due_after"], year.params["due_before"]) == ("2026-01-01", "2026-12-31")
    month = interpret("Which Suzhou tasks fall due in December 2025?", today=today)
    assert (month.params["due_after"], month.params["due_before"]) == ("2025-12-01", "2025-12-31")
    assert not month.params["text"]  # "fall" is no word to search for
    from fengong.queries.ask_vocab import norm_en

    assert norm_en("Qiandongnan's heritage plan") == " qiandongnan heritage plan "


def test_a_figure_no_document_gives_is_refused_with_its_reason() -> None:
    for question in (
        "洛阳市2025年上半年GDP增速是多少？",
        "How much funding has Luoyang allocated to elderly meal services?",
    ):
        with pytest.raises(NotUnderstood, match="asks for a figure"):
            interpret(question)
    assert interpret("哪些城市设定了5G基站目标").query == "targets_in"  # a target's figure is asked
    with pytest.raises(NotUnderstood, match="asks for a figure"):  # 实际 … 多少: an outcome counted
        interpret("2026年国家医保局飞行检查实际追回了多少医保基金？")


def test_contact_details_are_refused_with_their_reason() -> None:
    for question in (
        "会宁县水务局局长是谁？电话多少？",
        "What is the phone number of the CNIPA contact?",
        "Who is the director of the Foshan Education Bureau?",
        # who holds a post, read by its shape: a post and a word asking for its holder
        "What is the name of the vice mayor responsible for building the Longquan Sword Town?",
        "庆元县食用菌产业中心主任叫什么？",
        "Who is the deputy director of the Lishui forestry bureau?",
    ):
        with pytest.raises(NotUnderstood, match="asks for a person"):
            interpret(question)
    # words describing the work between the asking word and a post: a task's subject, not a person
    assert interpret("Who is responsible for the leader training programme?").query != "refused"
    assert interpret("哪些任务涉及12345热线电话").query != "refused"  # a hotline is a task's subject
    assert interpret("粤海街道哪些任务没有主责部门？").query == "tasks_without_lead"  # 主责 as 牵头


def test_within_a_span_which_places_and_documents_on_a_topic() -> None:
    today = dt.date(2026, 11, 25)
    within = interpret("寻乌哪些任务30天内到期？", today=today)
    assert within.query == "tasks_due_between"
    assert (within.params["due_from"], within.params["due_to"]) == ("2026-11-26", "2026-12-25")
    # 哪些地方 with no role word: which places have the words; with one (哪些城市牵头) it asks who
    assert interpret("哪些地方的任务里有托育？").params["phrase"] == "托育"
    assert interpret("哪些部门在哪些城市牵头转供电改直供电").query == "topic_leads"
    # which documents assign a topic (and who leads it): the tasks on it, not the document list
    assert interpret("哪些文件部署了养老服务任务，谁牵头？").query != "document_list"


def test_an_autonomous_county_by_the_pinyin_of_its_name_without_its_peoples() -> None:
    """Sanjiang is 三江侗族自治县 (its pinyin had carried 侗族: sanjiangdongzu); Changbai 长白 (chang)."""
    today = dt.date(2027, 5, 31)
    assert (
        interpret("Which Sanjiang tasks are overdue?", today=today).params["jurisdiction"] == "三江侗族自治县"
    )
    assert (
        interpret("Which Changbai tasks are overdue?", today=today).params["jurisdiction"]
        == "长白朝鲜族自治县"
    )


def test_a_report_s_own_state_word_and_roles_joined() -> None:
    """基本完成的是哪项 keeps the tasks called so; 牵头和参与的 asks every role; 都参与 with one unit
    asks for its tasks (not who shares them)."""
    found = interpret("通报中基本完成的是哪项？")
    assert found.query == "tasks_by_status" and found.params["status"] == "in progress"
    assert found.params["word"] == "基本完成"
    assert interpret("民政部牵头和参与的任务").params["role"] == "any"
    assert interpret("民政部作为配合单位参与了哪些工作").params["role"] == "cooperate"
    assert interpret("民政部都参与了哪些任务").query == "unit_work"


def test_more_readings_of_dates_states_and_denials() -> None:
    """本该已经完成 is overdue; haven't started is a state; 不算它牵头的 denies the lead; a month's end
    with 到期 is that month; a date outranks 所有文件 (the tasks due, not the documents)."""
    today = dt.date(2026, 1, 10)
    assert (
        interpret("截至今天，广西新能源汽车方案里哪些事本该已经完成了", today=today).query == "tasks_overdue"
    )
    started = interpret("Which Yanta e-bike tasks haven't started yet?", today=today)
    assert started.query == "tasks_by_status" and started.params["status"] == "not started"
    assert interpret("苏州文广旅局配合了哪些工作（不算它牵头的）").params["role"] == "cooperate"
    month = interpret("2026年3月底到期的任务，所有文件一起看有哪些", today=today)
    assert month.query == "task_list"
    assert (month.params["due_after"], month.params["due_before"]) == ("2026-03-01", "2026-03-31")


def test_words_no_task_mentions_fall_back_to_the_rest_of_the_question(samples: GraphStore) -> None:
    """Overdue tasks "on" words no task holds: the same question without them, said so."""
    found = answer(samples, "哪些海洋经济任务已经逾期", today=dt.date(2030, 1, 1))
    assert found.interpretation.params["mention"] == ""
    assert found.rows and any("no task mentions 海洋经济" in n for n in found.notes)


def test_work_that_recurs() -> None:
    """每季度开展 / quarterly asks for the tasks whose deadline recurs so (a deadline's 按季度 holds 季),
    not for the words searched in the texts."""
    for question in ("哪些任务要求每季度开展？", "Which tasks must be done quarterly?"):
        found = interpret(question)
        assert found.query == "task_list" and found.params["every"] == "季", question
        assert not found.params["text"]
    assert interpret("哪些任务要求每半年开展？").params["every"] == "半年"


def test_the_policy_glossary_goes_before_the_dictionary() -> None:
    """queries/data/glossary_en.tsv gives the Chinese a policy text writes (night-time economy:
    夜间经济; CC-CEDICT has none), its usual term first; a malformed line names the file and line."""
    from fengong.queries.ask_english import GlossaryError, glossary, parse_glossary, translate_wide

    assert len(glossary()) >= 500
    run, own, _ = translate_wide("night-time economy clusters".replace("-", " ").split())[0]
    assert (run, own[0]) == ("night time economy", "夜间经济")
    assert translate_wide(["charging", "piles"])[0][1][0] == "充电桩"  # the plural read as its singular
    assert parse_glossary("# english\tchinese\nsilver economy\t银发经济|银发\n") == {
        "silver economy": ("银发经济", "银发")
    }
    with pytest.raises(GlossaryError, match=r"glossary_en\.tsv:2: "):
        parse_glossary("# english\tchinese\nsilver economy\tsilver\n")


def test_deadlines_before_today_whatever_the_state_and_a_lead_denied_after_an_article() -> None:
    """完成时限在今天之前 / deadlines before today: due by yesterday; 不论是否办结 / regardless of whether
    they are completed: an overdue question counts the tasks a report calls done too (its 办结 asks for
    no state); "but not the lead" denies the lead; a role's label closing a question after the plan's
    name (…报告里，X的牵头单位？) asks who leads the task named between."""
    today = dt.date(2027, 6, 30)
    for question in ("桐庐哪些任务的完成时限在今天之前？", "Which Tonglu tasks had deadlines before today?"):
        before = interpret(question, today=today)
        assert (before.query, before.params["due_before"]) == ("task_list", "2027-06-29")
    for question in (
        "宁乡督办事项中，截至今天已过时限的有哪些（不论是否办结）？",
        "Which Ningxiang tasks are overdue as of today, regardless of whether they are completed?",
    ):
        overdue = interpret(question, today=today)
        assert (overdue.query, overdue.params["done"]) == ("tasks_overdue", "counted")
    assert interpret("宁乡督办事项中哪些已逾期？", today=today).params["done"] == ""
    denied = interpret(
        "In the Jiaxing plan, on which tasks is 市委组织部 a participating unit but not the lead?"
    )
    assert denied.query == "unit_work" and denied.params["role"] == "support"
    task = interpret("桐庐和美乡村报告里，农房风貌管控的牵头单位？")
    assert (task.query, task.params["phrase"], task.params["role"]) == ("term_units", "农房风貌管控", "lead")


def test_a_year_said_to_be_the_deadline_spans_and_periods_naming_a_report() -> None:
    """完成时限在2028年 is due within 2028 (not its last month); a year's number is no span of days
    (郑州片区2028年…方案，未来30天内); a deadline of 31 May 2028 is that day; a quarter beside a
    document word names the report (the Yiwu Q1 report), not when its tasks fall due; recurring or
    long-term asks for every task with no fixed date; 还没到期 keeps a span from today on; 哪几项 lists;
    作为牵头部门负责 asks for the lead; 办得怎么样了 and "what state" ask for progress, and 完成了多少
    beside them asks for the share done, not a figure."""
    today = dt.date(2028, 3, 15)

    def params(question: str) -> tuple[str, dict[str, object]]:
        found = interpret(question, today=today)
        return found.query, {k: v for k, v in found.params.items() if v not in ("", [], None)}

    for question in (
        "哪些任务的完成时限在2028年？",
        "哪些任务的完成时限在2028年内？",
        "哪些任务的完成时间落在2028年",
    ):
        assert params(question) == (
            "task_list",
            {"due_after": "2028-01-01", "due_before": "2028-12-31", "skip": 0, "limit": 2000},
        )
    assert params("郑州片区2028年制度创新方案，未来30天内到期的任务有哪些？")[1]["due_to"] == "2028-04-14"
    exact = params("Across all six documents, which tasks have a deadline of 31 May 2028?")[1]
    assert (exact["due_after"], exact["due_before"]) == ("2028-05-31", "2028-05-31")
    query, found = params("Yiwu trade reform Q1 report: what state is 涉外法律服务体系建设 in?")
    assert query == "task_progress" and found["mention"] == "涉外法律服务体系建设"
    assert params("Which tasks fall due in Q1 2028?")[1]["due_before"] == "2028-03-31"
    for question in (
        "Which tasks in the cotton plan are recurring or long-term, with no fixed deadline?",
        "棉花方案中哪些任务是长期性或每年开展的？",
    ):
        assert params(question)[1]["every"] == "*"
    half = params("湖滨街道方案中，今年上半年到期、目前还没到期的任务有哪些？")[1]
    assert (half["due_after"], half["due_before"]) == ("2028-03-15", "2028-06-30")
    assert interpret("市发改委作为牵头部门负责哪几项任务？", today=today).params["role"] == "lead"
    assert interpret("化解高新区企业历史欠薪这件事办得怎么样了？", today=today).query == "task_progress"
    share = interpret("寿县通报：推进田间工程施工建设完成了多少？状态如何？", today=today)
    assert (share.query, share.params["mention"]) == ("task_progress", "推进田间工程施工建设")
    with pytest.raises(NotUnderstood, match="asks for a figure"):  # money spent is still a figure
        interpret("推进田间工程施工建设已投入多少资金？", today=today)
    quoted = interpret(
        "In the MOT rural roads (四好农村路) task-division plan, who leads 开展农村公路危旧桥梁改造?"
    )
    assert quoted.params["phrase"] == "开展农村公路危旧桥梁改造"
    assert interpret("义乌通报里，哪些任务还是未开展？", today=today).params["status"] == "not started"


def test_after_today_not_yet_overdue_and_deadlines_alone() -> None:
    """after today but before the end of 2027: from tomorrow; due by the end of 2027 but not yet
    overdue: from today, no overdue question; 只看完成时限…期限已过 counts every task past its
    deadline, done or not; "no clear lead" asks for tasks without a lead."""
    today = dt.date(2027, 12, 20)
    after = interpret("Which tasks fall due after today but before the end of 2027?", today=today)
    assert (after.params["due_after"], after.params["due_before"]) == ("2027-12-21", "2027-12-31")
    not_yet = interpret("Which tasks are due by the end of 2027 but not yet overdue today?", today=today)
    assert (not_yet.query, not_yet.params["due_after"], not_yet.params["due_before"]) == (
        "task_list",
        "2027-12-20",
        "2027-12-31",
    )
    alone = interpret("只看完成时限，截至今天期限已过的任务有哪些？", today=today)
    assert (alone.query, alone.params["done"]) == ("tasks_overdue", "counted")
    assert interpret("Which task has no clear lead unit?", today=today).query == "tasks_without_lead"


def test_a_target_date_is_a_deadline_and_a_report_s_words() -> None:
    """ "passed their target date" asks what is overdue (a date aimed at, no target's figure); 什么情况
    asks for progress; 列入计划逐步解决 is a report's word for work in hand."""
    today = dt.date(2028, 11, 30)
    late = interpret(
        "In the Xiangyang report, which tasks have passed their target date and are still not completed?",
        today=today,
    )
    assert late.query == "tasks_overdue"
    assert interpret("建德报告：开展农村电商提升行动现在什么情况", today=today).query == "task_progress"
    planned = interpret("长兴建议办理报告里，列入计划逐步解决的建议有哪些", today=today)
    assert (planned.query, planned.params["status"]) == ("tasks_by_status", "in progress")


def test_two_roles_asked_with_their_nouns_and_work_not_yet_begun() -> None:
    """牵头单位和参与单位分别是谁 asks for every role; 还没开工 asks for work not started; a county's name
    inside 建成县城 names no place."""
    both = interpret("开展春季重大动物疫病集中免疫这项任务，牵头单位和参与单位分别是谁？")
    assert both.params["role"] == "any"
    assert interpret("银川通报里有没有还没开工的任务？").params["status"] == "not started"
    assert interpret("建成县城智慧停车系统目前是什么进展状态？").params.get("jurisdiction", "") == ""


def test_a_noun_after_a_task_s_words_is_dropped_before_the_words_are() -> None:
    """建设社区老年食堂项目的推进情况: when no task mentions the words with 项目, they are searched
    without it, and only then is every task of the place asked about."""
    found = interpret("李沧区建设社区老年食堂项目的推进情况怎么样？")
    assert found.params["mention"] == "建设社区老年食堂项目"
    assert found.fallback is not None and found.fallback.params["mention"] == "建设社区老年食堂"
    assert found.fallback.fallback is not None and found.fallback.fallback.params["mention"] == ""


def test_a_word_whose_last_character_opens_the_next_word_is_not_read() -> None:
    """推进中心城区…由谁牵头: 推进中 (a state) is not read where its 中 opens 中心, and 城区 (a district's
    name that is a common word) is no place unless the store holds its plans."""
    found = interpret("深圳低空经济重点任务分工方案中，推进中心城区低空应急救援应用由哪个单位牵头？")
    assert found.query != "tasks_by_status"
    assert found.params.get("or_jurisdiction", "") == ""
    assert interpret("哪些任务正在推进中？").params["status"] == "in progress"


def test_tasks_without_a_lead_asked_with_qualifiers_or_a_denial() -> None:
    """没有明确具体的负责司局, 没有指定具体牵头村, 牵头单位没有落到具体部门, doesn't say which one leads,
    doesn't have a single lead unit: each asks for the tasks that state no lead."""
    for question in (
        "住建部这份通知里哪项工作没有明确具体的负责司局？",
        "嵩口镇方案中，哪项工作没有指定具体牵头村？",
        "江西这份分工方案里，哪项任务的牵头单位没有落到具体部门？",
        "Which Chengdu task lists responsible units but doesn't say which one leads?",
        "Which Ganzhou task doesn't have a single lead unit?",
    ):
        assert interpret(question).query == "tasks_without_lead", question


def test_a_yes_or_no_state_question_and_other_phrasings_of_roles_and_rankings() -> None:
    """Has X finished <task>? / Is <task> done? asks what the report says of that task, while "which
    tasks has X completed" lists the done ones; 牵头（含共同牵头） counts the joint leads in and asks
    no shared question; "more tasks than any other" ranks; "have to deliver" asks who is responsible;
    an English name of 老旧小区改造 is searched in Chinese; the next N days of two places keep both."""
    today = dt.date(2027, 9, 1)
    for question in ("Has Guangshan completed 建设县域冷链物流中心?", "Is 建设县域冷链物流中心 done?"):
        asked = interpret(question, today=today)
        assert (asked.query, asked.params["mention"]) == ("task_progress", "建设县域冷链物流中心"), question
    assert interpret("Which tasks has Guangshan completed?", today=today).query == "tasks_by_status"
    joint = interpret("提振消费分工方案中，国家发展改革委牵头（含共同牵头）的任务有哪些？")
    assert (joint.query, joint.params["role"]) == ("unit_work", "lead")
    assert (
        interpret("In the Lanzhou list, which unit leads more tasks than any other?").query == "unit_ranking"
    )
    deliver = interpret("Which city governments have to deliver 推进城市排水防涝设施建设?")
    assert (deliver.query, deliver.params["role"]) == ("term_units", "responsible")
    renewal = interpret("Who leads old residential compound renovation in Xiamen?")
    assert renewal.params["topic"] == "老旧小区改造"
    both = interpret("Which tasks in Pudong and Lanzhou fall due within the next 14 days?", today=today)
    assert (both.query, both.params["jurisdiction"], both.params["or_jurisdiction"]) == (
        "tasks_due_between",
        "浦东新区",
        "兰州市",
    )


def test_plans_named_by_their_signers_issuer_kind_or_campaign(tmp_path: Path) -> None:
    """三部门通知 is the one held notice three central bodies sign; 市教育局这份方案里 (the bureau's
    division plan) is the plan the bureau issues, not the bureau's own tasks; 这批督办事项里 is the one
    held list of a place whose title holds the words of a topic no plan is about as a whole; a unit
    whose name is the named plan's words (山区26县任务清单里) is no unit asked about; a campaign named
    first (…攻坚行动中，) is the plan; a township's office is found under its township."""
    from fengong.ingest.pipeline import extract_text
    from tests.store_fixtures import make_store

    texts = {
        "joint.txt": "国家发展改革委 财政部 自然资源部关于加快推进存量低效用地再开发的通知\n"
        "国家发展改革委　财政部　自然资源部\n2027年5月8日\n一、重点任务\n1.开展存量低效用地调查认定。（自然资源部牵头，国家发展改革委配合）\n",
        "bureau.txt": "大连市教育局关于印发大连市教育局2027年重点工作任务分工方案的通知\n"
        "一、重点任务\n1.落实学生资助政策。（责任处室：财务处（牵头）、基础教育处）\n",
        "city.txt": "大连市人民政府办公室关于印发补短板项目推进方案的通知\n一、重点项目\n1.新建改扩建公办幼儿园。（市教育局牵头，市财政局配合）\n",
        "list.txt": "哈尔滨市人民政府办公厅关于印发2028年第三季度市政府重点工作督办事项清单的通知\n"
        "一、督办事项\n1.推进背街小巷改造。承办单位：市住房和城乡建设局。办结时限：2028年9月25日前。\n",
        "hills.txt": "浙江省人民政府办公厅关于印发推动山区26县跨越式高质量发展2028年重点任务清单的通知\n"
        "一、重点任务\n1.实施山塘水库安全提升。（省水利厅牵头，山区26县落实）\n",
        "campaign.txt": "西峡县人民政府办公室关于印发西峡县秋冬季城乡人居环境综合整治攻坚行动任务分工方案的通知\n"
        "一、重点任务\n1.整治县城农贸市场。（县市场监督管理局牵头，县城市管理局配合）\n",
        "town.txt": "陶家河乡人民政府关于印发陶家河乡秋冬季重点工作方案的通知\n一、重点任务\n"
        "1.抓好秋粮收购储存。（乡农业综合服务中心牵头，各村配合）\n",
        "sea.txt": "山东省人民政府办公厅关于印发山东省2028年海洋强省建设重点工作任务的通知\n一、重点任务\n"
        "1.推进入海排污口整治。2028年1月底前完成。（责任单位：省生态环境厅、省水利厅）\n",
    }
    store = make_store("embedded", tmp_path)
    store.load_documents([extract_text(t, name) for name, t in texts.items()])
    today = dt.date(2028, 9, 20)
    try:
        joint = interpret("三部门通知附件里，哪个部门牵头的任务最多？", store, today=today)
        assert joint.params["document"].startswith("国家发展改革委")
        own = interpret("大连市教育局这份重点工作任务分工方案里哪些任务已经逾期？", store, today=today)
        assert (own.params["units"], own.params["mention"]) == ([], "大连市教育局2027年重点工作任务分工方案")
        assert interpret("大连市教育局牵头哪些任务？", store).params["units"] == ["大连市教育局"]
        listed = interpret("哈尔滨这批督办事项里哪个部门承办的最多？", store, today=today)
        assert (listed.params["topic"], listed.params["document"]) == (
            "",
            "2028年第三季度市政府重点工作督办事项清单",
        )
        hills = interpret("山区26县任务清单里，“实施山塘水库安全提升”由哪个省级部门牵头？", store)
        assert (hills.query, hills.params["phrase"]) == ("term_units", "实施山塘水库安全提升")
        campaign = interpret("西峡县秋冬季人居环境整治攻坚行动中，整治县城农贸市场由哪个单位牵头？", store)
        assert campaign.params["phrase"] == "整治县城农贸市场"
        town = interpret("陶家河乡的农业综合服务中心牵头哪些任务？", store)
        assert (town.query, town.params["units"]) == ("unit_work", ["陶家河乡农业综合服务中心"])
        # (a topic's words in order in one title of the place: 海洋强省建设任务中 names that plan)
        sea = interpret("截至今天，山东省2028年海洋强省建设任务中哪些已经超过完成时限？", store, today=today)
        assert (sea.params["topic"], sea.params["mention"]) == ("", "山东省2028年海洋强省建设重点工作任务")
    finally:
        store.close()


def test_months_finishing_words_lag_questions_and_figures_asked_in_english() -> None:
    """10月份要完成 asks what is due in that month of this year; 超过最终完成时限 asks what is overdue;
    (2028年11月30日, a day written out, is that day); 是否滞后 and "is X behind" about a named task ask
    what its report says; "looking at A and B
    together" names no units that share tasks; 已经全部完成 asks for the done tasks; "how much
    provincial funding" asks for a figure no task gives."""
    today = dt.date(2028, 9, 20)
    month = interpret("陶家河乡10月份要完成的任务有哪些？", today=today)
    assert (month.query, month.params["due_after"], month.params["due_before"]) == (
        "task_list",
        "2028-10-01",
        "2028-10-31",
    )
    # (a month's last day written out is that day, not the month: 完成时限为2028年11月30日)
    day = read("完成时限为2028年11月30日的任务有哪些？", today=today)
    assert (day.after, day.before) == ("2028-11-30", "2028-11-30")
    whole = read("2028年11月底到期的任务有哪些？", today=today)
    assert (whole.after, whole.before) == ("2028-11-01", "2028-11-30")
    assert (
        interpret("截至今天，大连补短板方案中哪些项目已超过最终完成时限？", today=today).query
        == "tasks_overdue"
    )
    for question in (
        "According to the Shuangta report, is 整治电动自行车安全隐患 behind schedule?",
        "双塔街道报告里，“推行政务服务一窗通办”这项任务进度怎么样？是否滞后？",
    ):
        assert interpret(question, today=today).query == "task_progress", question
    assert interpret("双塔街道有哪些任务滞后？", today=today).query == "tasks_by_status"
    together = interpret(
        "Looking at Harbin and Pudong together, what is due within the next 10 days?", today=today
    )
    assert together.query == "tasks_due_between"
    assert interpret("已经全部完成的任务有哪些？").params["status"] == "done"
    with pytest.raises(NotUnderstood, match="figure"):
        interpret("How much provincial funding is allocated to 实施山塘水库安全提升?")
    # (a state word in quotes is the state asked for, not a task's name)
    quoted = interpret("哪些建议的办理结果是“列入计划逐步解决”？")
    assert (quoted.query, quoted.params["word"]) == ("tasks_by_status", "列入计划")


def test_answers_spell_out_a_short_name_and_questions_may_use_the_full_one(tmp_path: Path) -> None:
    """A unit written 省住房城乡建设厅 is answered with its name as written and, beside it, the
    function's standard name (湖南省住房和城乡建设厅); a question naming the unit by that full name
    asks about it."""
    from fengong.ingest.pipeline import extract_text
    from tests.store_fixtures import make_store

    text = (
        "湖南省人民政府办公厅关于印发营商环境重点任务的通知\n一、重点任务\n"
        "1.推进工程建设项目审批改革。（省住房城乡建设厅牵头，省发展改革委、省教育厅配合）\n"
        "2.降低企业物流成本。（省发展改革委牵头，省交通运输厅配合）\n"
    )
    store = make_store("embedded", tmp_path)
    store.load_documents([extract_text(text, "hunan.txt")])
    try:
        who = answer(store, "推进工程建设项目审批改革由哪个单位牵头？")
        assert [(r["unit"], r["full_name"]) for r in who.rows] == [
            ("湖南省住房城乡建设厅", "湖南省住房和城乡建设厅")
        ]
        assert who.columns.index("full_name") == who.columns.index("unit") + 1
        work = answer(store, "湖南省发展和改革委员会牵头哪些任务？")
        assert work.interpretation.params["units"] == ["湖南省发展改革委"]
        assert {r["task"] for r in work.rows} == {"降低企业物流成本"}
        # (a unit whose name spells its function has no second name)
        assert {r["full_name"] for r in answer(store, "湖南省教育厅参与哪些任务？").rows} == {""}
    finally:
        store.close()


def test_a_task_named_by_its_title_two_questions_in_one_and_where_a_task_stands(tmp_path: Path) -> None:
    """A question naming a held task's title that holds a topic's words beyond them (推进城镇老旧小区
    改造) asks about that task, the whole topic where no task is so titled; 参与了哪些任务？有它牵头的吗？
    asks for every role; "where does X stand" asks what the report says of X."""
    from fengong.ingest.pipeline import extract_text
    from tests.store_fixtures import make_store

    plan = (
        "杭州市人民政府办公厅关于印发城市更新工作要点的通知\n一、重点任务\n"
        "（一）推进城镇老旧小区改造。新开工改造城镇老旧小区150个。\n责任单位：市住保房管局，市建委（牵头），市财政局\n"
        "（二）实施城中村改造。结合老旧小区改造同步推进。\n责任单位：市住保房管局（牵头），市财政局\n"
    )
    report = (
        "洛阳市涧西区人民政府办公室关于重点工作任务推进情况的通报\n一、未完成事项\n"
        "　　1．建设区级婴幼儿照护服务中心（区卫健委）。原定时限：2027年9月25日前。状态：未启动。\n"
    )
    store = make_store("embedded", tmp_path)
    store.load_documents([extract_text(plan, "h.txt"), extract_text(report, "j.txt")])
    try:
        titled = answer(store, "推进城镇老旧小区改造由谁牵头？")
        assert {(r["unit"], r["task"]) for r in titled.rows} == {("杭州市建委", "推进城镇老旧小区改造")}
        whole = answer(store, "谁牵头城镇老旧小区改造？")
        assert whole.interpretation.query == "topic_leads"
        assert read("全国总工会参与了哪些任务？有它牵头的吗？").role == "any"
        assert read("全国总工会牵头哪些任务？").role == "lead"
        stands = answer(
            store, "Where does 建设区级婴幼儿照护服务中心 stand according to the district report?"
        )
        assert [(r["task"], r["status"]) for r in stands.rows] == [("建设区级婴幼儿照护服务中心", "未启动")]
    finally:
        store.close()


def test_report_labels_sections_of_a_named_department_a_community_and_sign_off_words(tmp_path: Path) -> None:
    """A document's own label inside English (has no 主责单位; without being the 主责单位); a department
    named before one of its sections (江西省生态环境厅工作要点中，大气环境处…) asks about the section; a
    document word (任务分工) is no topic; sign-off words (not signed off: 未销号, the longest words
    found); "is X on track" asks what the report says of X; responsible for the most tasks ranks the
    leads and responsible units, not partners; a community's plan is asked about by its English name."""
    from fengong.ingest.pipeline import extract_text
    from tests.store_fixtures import make_store

    department = (
        "江西省生态环境厅关于印发2028年全省生态环境保护工作要点的通知\n说明：责任处室排在第一位的为牵头处室。\n"
        "1. 推进细颗粒物和臭氧协同控制。（责任处室：大气环境处、生态环境监测处）\n"
        "2. 开展生物多样性本底调查。（责任处室：自然生态保护处、大气环境处）\n"
    )
    district = (
        "上海市闵行区人民政府办公室关于印发养老服务体系建设工作要点的通知\n"
        "1. 实施长期护理保险。\n主责单位：区医保局\n协同单位：区民政局\n"
        "2. 深化医养结合。\n主责单位：区卫生健康委\n协同单位：区医保局\n"
        "3. 开展低龄老人结对关爱服务。\n责任单位：各街镇、莘庄工业区\n"
    )
    signed = (
        "武汉市洪山区人民政府督查室关于重点工作任务销号管理情况的通报\n"
        "1. 新建公办幼儿园。（责任单位：区教育局（牵头）、区住建局；时限：2027年9月底前）（未销号：消防验收未通过）\n"
        "2. 建设口袋公园。（责任单位：区城管执法局（牵头）；时限：2028年3月底前）（已销号）\n"
    )
    community = (
        "长沙市岳麓区望月湖街道枫林社区居民委员会\n关于印发《枫林社区2028年平安社区建设工作任务分解表》的通知\n"
        "序号 | 工作内容 | 责任部门 | 配合单位 | 时间节点\n"
        "1 | 开展平安家庭创建 | 社区党群服务中心 | 街道平安办、街道妇联、辖区派出所 | 2028年5月底前\n"
        "2 | 更新网格人口信息 | 社区网格站 | 街道平安办、辖区派出所 | 2028年6月底前\n"
        "3 | 整治楼道堆放杂物 | 社区网格站 | 街道城管科、辖区派出所 | 2028年4月3日前\n"
        "望月湖街道枫林社区居民委员会\n2028年3月2日\n"
    )
    store = make_store("embedded", tmp_path)
    docs = [extract_text(t, f"{n}.txt") for n, t in enumerate((department, district, signed, community))]
    store.load_documents(docs)
    try:
        no_lead = answer(store, "Which task in Minhang's elderly care work points has no 主责单位?")
        assert [r["task"] for r in no_lead.rows] == ["开展低龄老人结对关爱服务"]
        only = answer(
            store, "Minhang's 区医保局: which tasks does it only cooperate on, without being the 主责单位?"
        )
        assert [r["task"] for r in only.rows] == ["深化医养结合"]
        section = answer(store, "江西省生态环境厅工作要点中，大气环境处牵头哪些工作？")
        assert {(r["unit"], r["task"]) for r in section.rows} == {
            ("江西省生态环境厅大气环境处", "推进细颗粒物和臭氧协同控制")
        }
        assert read("冷链物流重点任务分工表里，哪一项任务没有明确的牵头部门？").topic is None
        open_ = answer(store, "Which Hongshan tasks have not been signed off?")
        assert [(r["task"], r["status"]) for r in open_.rows] == [("新建公办幼儿园", "未销号")]
        track = answer(store, "Is 建设口袋公园 on track according to the Hongshan report?")
        assert [(r["task"], r["status"]) for r in track.rows] == [("建设口袋公园", "已销号")]
        most = answer(store, "Which Fenglin community office is responsible for the most tasks?")
        assert most.rows[0]["unit"] == "枫林社区网格站"
        assert most.interpretation.params["jurisdiction"] == "枫林社区"
    finally:
        store.close()


def test_people_in_charge_of_tasks_named_or_asked_for(tmp_path: Path) -> None:
    """A question naming a person a document puts in charge of tasks lists those tasks; one asking
    who is in charge of a task it names by its title lists the people with the task's units; one
    asking for a phone number, or for the person of a task no document names people for, is refused."""
    from fengong.ingest.pipeline import extract_text
    from tests.store_fixtures import make_store

    table = (
        "枫林社区居民委员会关于印发平安社区建设工作任务分解表的通知\n"
        "序号 | 工作内容 | 责任部门 | 责任人 | 时间节点\n"
        "1 | 开展平安家庭创建 | 社区党群服务中心 | 刘晓敏 | 2028年5月底前\n"
        "2 | 加装楼栋智能门禁 | 社区综治中心 | 陈建军 | 2028年3月31日前\n"
        "3 | 关爱独居老人 | 社区党群服务中心 | 刘晓敏 | 每月\n"
        "4 | 创建文明楼栋 | 社区党群服务中心 | 高峰 | 2028年6月底前\n"
        "5 | 开展消防演练 | 社区综治中心 | 党委副书记 | 2028年4月底前\n"
    )
    other = (
        "开封市人民政府办公室关于印发工作方案的通知\n一、重点任务\n1.推进智慧城市建设。（市大数据局牵头）\n"
        "2.做好迎峰度夏高峰期电力保供。（市发展改革委牵头）\n"
    )
    store = make_store("embedded", tmp_path)
    store.load_documents([extract_text(table, "t.txt"), extract_text(other, "o.txt")])
    try:
        named = answer(store, "Which tasks is 刘晓敏 responsible for?")
        assert named.interpretation.query == "task_people"
        assert sorted(r["task"] for r in named.rows) == ["关爱独居老人", "开展平安家庭创建"]
        who = answer(store, "“加装楼栋智能门禁”的责任部门和责任人分别是谁？")
        assert [(r["person"], r["label"], r["unit"]) for r in who.rows] == [
            ("陈建军", "责任人", "枫林社区综治中心")
        ]
        # (a name written inside a longer word is that word's: 高峰 in 高峰期)
        assert [r["task"] for r in answer(store, "高峰负责哪些工作？").rows] == ["创建文明楼栋"]
        peak = answer(store, "高峰期电力保供由哪个单位牵头？")
        assert peak.interpretation.query != "task_people"
        assert [r["unit"] for r in peak.rows] == ["开封市发展改革委"]
        # (a position's opening word is no name: 党委副书记 names nobody)
        assert "党委" not in {r["name"] for r in store.run("MATCH (p:Person) RETURN p.name AS name")}
        with pytest.raises(NotUnderstood, match="asks for a person"):
            answer(store, "刘晓敏的联系电话是多少？")
        with pytest.raises(NotUnderstood, match="asks for a person"):
            answer(store, "推进智慧城市建设的责任人是谁？")
    finally:
        store.close()


def test_a_lead_s_label_holding_another_role_s_word_and_minutes_named_as_plans() -> None:
    """第一责任单位 (a document's label for its lead) asks for the lead, not for the lead and a 责任单位;
    a meeting's minutes (常务会议纪要) name the plan, not words of the task; 没有明确由哪个单位牵头 asks
    for the tasks that state no lead."""
    assert read("省发展改革委作为第一责任单位的任务有哪些？").role == "lead"
    assert (
        read("Which tasks does the provincial development and reform commission lead as 第一责任单位?").role
        == "lead"
    )
    assert (
        read("青溪县政府第五次常务会议纪要里，推进城区老旧小区改造由哪个单位牵头？").phrase
        == "推进城区老旧小区改造"
    )
    assert (
        interpret("第五次常务会议议定的事项中，哪一项没有明确由哪个单位牵头？").query == "tasks_without_lead"
    )


def test_posts_in_charge_and_questions_naming_the_label_or_asking_which_leader(tmp_path: Path) -> None:
    """A people column naming a post and no person (常务副市长) puts the post in charge of its task, so
    a question naming the post lists its tasks; a question holding a label the documents give people
    (分管领导) or asking which leader (由哪位镇领导分管) of a task it names lists the people with the
    task's units; asking a post's holder by name is refused, as before."""
    from fengong.ingest.pipeline import extract_text
    from tests.store_fixtures import make_store

    table = (
        "慈溪市人民政府办公室关于印发家电产业重点任务清单的通知\n"
        "| 序号 | 重点任务 | 牵头领导 | 牵头单位 | 完成时限 |\n|---|---|---|---|---|\n"
        "| 1 | 保障家电产业用地 | 常务副市长 | 市自然资源规划分局 | 2028年6月底前 |\n"
        "| 2 | 实施家电企业智能化改造 | 分管工业副市长 | 市经信局 | 2028年9月底前 |\n"
    )
    town = (
        "双河镇人民政府关于印发乡村振兴重点任务清单的通知\n一、重点任务\n"
        "1. 推进移风易俗。深化农村婚丧习俗改革。（分管领导：李秀梅；责任单位：镇党政综合办公室）\n"
        "2. 加强村级组织建设。整顿软弱涣散村党组织。（分管领导：周敏；责任单位：镇党建工作办公室）\n"
    )
    store = make_store("embedded", tmp_path)
    store.load_documents([extract_text(table, "t.txt"), extract_text(town, "s.txt")])
    try:
        post = answer(store, "牵头领导为常务副市长的任务有哪些？")
        assert post.interpretation.query == "task_people"
        assert [r["task"] for r in post.rows] == ["保障家电产业用地"]
        label = answer(store, "Who is the leader in charge (分管领导) of 加强村级组织建设?")
        assert [(r["person"], r["label"]) for r in label.rows] == [("周敏", "分管领导")]
        which = answer(store, "“推进移风易俗”这项任务，责任单位是哪个？由哪位镇领导分管？")
        assert [(r["person"], r["unit"]) for r in which.rows] == [("李秀梅", "双河镇党政综合办公室")]
        with pytest.raises(NotUnderstood, match="asks for a person"):
            answer(store, "常务副市长叫什么名字？")
    finally:
        store.close()


def test_a_task_without_a_lead_answers_who_leads_it_with_its_listed_units(tmp_path: Path) -> None:
    """Who leads a task the question names by its title, when the document states no lead for it
    (省A、省B按职责分工负责), is answered with the units it lists, labelled as such; English month
    deadlines (a September 2028 deadline), "without any lead unit" and "haven't been started" read
    as the Chinese do."""
    from fengong.ingest.pipeline import extract_text
    from tests.store_fixtures import make_store

    text = (
        "浙江省人民政府办公厅关于印发海洋经济重点任务分工的通知\n一、重点任务\n"
        "1.实施海岸带生态修复。推进海岸线整治。（省自然资源厅、省生态环境厅按职责分工负责）\n"
        "2.整治入海排污口。2028年9月底前完成。（省生态环境厅牵头，省农业农村厅配合）\n"
    )
    store = make_store("embedded", tmp_path)
    store.load_documents([extract_text(text, "z.txt")])
    today = dt.date(2028, 7, 15)
    try:
        shared = answer(store, "实施海岸带生态修复是哪个部门牵头？", today=today)
        assert [(r["unit"], r["basis"]) for r in shared.rows] == [
            ("浙江省自然资源厅", "listed responsible unit"),
            ("浙江省生态环境厅", "listed responsible unit"),
        ]
        led = answer(store, "整治入海排污口是哪个部门牵头？", today=today)
        assert [r["unit"] for r in led.rows] == ["浙江省生态环境厅"]
        month = interpret("Which tasks have a September 2028 deadline?", today=today)
        assert (month.params["due_after"], month.params["due_before"]) == ("2028-09-01", "2028-09-30")
        assert interpret("Which tasks are assigned without any lead unit?").query == "tasks_without_lead"
        assert interpret("Which tasks haven't been started yet?").params["status"] == "not started"
    finally:
        store.close()


def test_quoted_tasks_task_verbs_long_yes_no_questions_and_proposal_words() -> None:
    """A task quoted whole (“加大金融支持”) is the phrase, its role word and all, whatever words stand
    around it; a role word opening a task's words (落实养老服务补贴由哪个部门牵头) is the task's when
    the question asks the role with another; "has the task X in Y's drive been finished" asks what the
    report says of X however long Y; a quoted suggestion (“关于X的建议”) names its task, 办理中 is in
    progress, 超过办理时限 overdue and 牵头单位还没有确定 no lead; a state with a period keeps the tasks due
    within it."""
    today = dt.date(2028, 8, 8)
    quoted = interpret("川办发〔2028〕9号分工表里，“加大金融支持”这条措施由谁牵头？", today=today)
    assert (quoted.query, quoted.params["phrase"]) == ("term_units", "加大金融支持")
    slogan = interpret("“光伏+戈壁农业”融合发展由谁牵头？", today=today)
    assert slogan.params["phrase"] != "光伏+戈壁农业"
    verb = interpret("落实养老服务补贴由哪个部门牵头？", today=today)
    assert (verb.params["phrase"], verb.params["role"]) == ("落实养老服务补贴", "lead")
    assert interpret("县财政局负责落实哪些任务？", today=today).query == "unit_work"
    long = interpret(
        "Has the task 清理拖欠企业账款 in Yinan's business environment drive been finished?", today=today
    )
    assert (long.query, long.params["mention"]) == ("task_progress", "清理拖欠企业账款")
    proposal = interpret("“关于提升基层医疗卫生服务能力的建议”目前办理结果是什么？", today=today)
    assert (proposal.query, proposal.params["mention"]) == (
        "task_progress",
        "关于提升基层医疗卫生服务能力的建议",
    )
    assert interpret("哪些提案还在办理中？", today=today).params["status"] == "in progress"
    assert interpret("哪些提案已超过办理时限仍未办结？", today=today).query == "tasks_overdue"
    assert interpret("哪项任务的牵头单位还没有确定？", today=today).query == "tasks_without_lead"
    # (a state and a period: the tasks in that state due within it)
    quarter = interpret("通报中列为正在推进的任务里，哪些要在2028年三季度完成？", today=today)
    assert (quarter.query, quarter.params["due_after"], quarter.params["due_before"]) == (
        "tasks_by_status",
        "2028-07-01",
        "2028-09-30",
    )
