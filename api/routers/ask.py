"""GET /ask: a question in Chinese or English, answered by a named query (queries/ask.py)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from fengong.api.routers.deps import ERRORS, CacheDep, StoreDep, serve_cached
from fengong.api.schemas import AnswerOut
from fengong.queries.ask import ANSWER_LIMIT, PAGE_ROWS, answer

#: The deepest page /ask serves (the store sorts every row up to the page's end).
MAX_OFFSET = 10_000

router = APIRouter(tags=["ask"], responses=ERRORS)


@router.get(
    "/ask",
    summary="Answer a question about who leads / cooperates on what, where and when",
    response_model=AnswerOut,
)
async def ask(
    store: StoreDep,
    cache: CacheDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=500,
            description="The question, Chinese or English",
            examples=[
                "哪些部门在哪些城市牵头转供电改直供电",
                "which bureaus lead direct-power conversion in which cities",
            ],
        ),
    ],
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="First row of the page (next_offset of the page before)")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=ANSWER_LIMIT, description="Rows in the page")] = PAGE_ROWS,
) -> Any:
    """Interpret the question (deterministic rules, no network), run the named query and return the
    rows grouped by city / unit with evidence sentences. 422 when the question cannot be mapped,
    with what was recognised and the kinds of questions that can be answered. One page of rows at
    a time: ``truncated`` says more follow, ``next_offset`` asks for them."""
    return await serve_cached(
        cache,
        ("ask", q.strip(), offset, limit),
        lambda: answer(store, q, offset=offset, limit=limit).to_dict(),
    )
