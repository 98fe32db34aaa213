"""The question suite: questions in Chinese and English over documents of several domains, each
with the units or tasks its answer must and must not hold (tests/data/ask_questions.yaml)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from fengong.graph.store import GraphStore
from fengong.ingest.bodies import Body
from fengong.ingest.pipeline import extract_path
from fengong.queries.ask import NotUnderstood, answer
from tests.store_fixtures import STORE_KINDS, make_store
from tests.test_api_support import sample_docs

DATA = Path(__file__).resolve().parent / "data"
TODAY = dt.date(2021, 7, 1)
SUITE = yaml.safe_load((DATA / "ask_questions.yaml").read_text(encoding="utf-8"))
QUESTIONS: list[dict[str, Any]] = SUITE["questions"]


@cache
def lexicon() -> tuple[Body, ...]:
    """The fixture lexicon of central bodies (same columns as ingest/data/bodies.tsv)."""
    out = []
    for line in (DATA / "ask_bodies.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, short, former, en, kind, source = line.split("\t")
            split = lambda cell: tuple(p for p in cell.split("|") if p)  # noqa: E731
            out.append(
                Body(name=name, short=split(short), former=split(former), en=en, kind=kind, source=source)
            )
    return tuple(out)


@pytest.fixture(scope="module", params=STORE_KINDS)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    """The samples and the suite's documents, in each store (the answers must not depend on it)."""
    graph = make_store(request.param, tmp_path_factory.mktemp("suite"))
    docs = [*sample_docs(), *(extract_path(p) for p in sorted((DATA / "ask_docs").glob("*.txt")))]
    graph.load_documents(docs)
    yield graph
    graph.close()


def _values(rows: list[dict[str, Any]]) -> set[str]:
    return {v for row in rows for v in row.values() if isinstance(v, str) and v}


def check(store: GraphStore, item: dict[str, Any]) -> list[str]:
    """What is wrong with the answer to one question of the suite (nothing: answered exactly)."""
    try:
        result = answer(store, item["q"], today=TODAY, lexicon=lexicon())
    except NotUnderstood as exc:
        return [f"refused: {exc.reason}"]
    found = result.interpretation
    problems = []
    if found.query != item["query"]:
        problems.append(f"query {found.query} ({found.understood_as}), expected {item['query']}")
    for key, value in (item.get("params") or {}).items():
        if found.params.get(key) != value:
            problems.append(f"param {key}={found.params.get(key)!r}, expected {value!r}")
    values = _values(result.rows)
    problems += [f"missing {v}" for v in item["must"] if v not in values]
    problems += [f"holds {v}" for v in item["must_not"] if v in values]
    return problems


def test_the_suite_is_large_and_bilingual() -> None:
    assert len(QUESTIONS) >= 80
    english = [q for q in QUESTIONS if q["q"].isascii()]
    assert len(english) >= 25 and len(QUESTIONS) - len(english) >= 25
    assert len(list((DATA / "ask_docs").glob("*.txt"))) >= 5


@pytest.mark.parametrize("item", QUESTIONS, ids=[q["q"] for q in QUESTIONS])
def test_question(store: GraphStore, item: dict[str, Any]) -> None:
    assert check(store, item) == []


def test_share_answered_exactly(store: GraphStore, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = {q["q"]: p for q in QUESTIONS if (p := check(store, q))}
    share = 1 - len(wrong) / len(QUESTIONS)
    with capsys.disabled():
        print(
            f"\nquestion suite ({store.kind}): {len(QUESTIONS) - len(wrong)}/{len(QUESTIONS)} answered exactly ({share:.0%})"
        )
    assert share == 1.0, wrong


@pytest.mark.parametrize("question", SUITE["refused"])
def test_out_of_scope_questions_are_refused(store: GraphStore, question: str) -> None:
    with pytest.raises(NotUnderstood):
        answer(store, question, today=TODAY, lexicon=lexicon())
