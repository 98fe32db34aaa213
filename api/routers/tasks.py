"""Tasks: filter by topic, jurisdiction, role, unit, deadline and text."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from fengong.api.routers.deps import ERRORS, StoreDep, page
from fengong.api.schemas import Page, TaskOut

router = APIRouter(prefix="/tasks", tags=["tasks"], responses=ERRORS)


@router.get("", summary="Find tasks by topic, jurisdiction, role, deadline and text (paginated)")
def list_tasks(
    store: StoreDep,
    topic: Annotated[
        str, Query(max_length=100, examples=["转供电改直供电"], description="Topic (Chinese or English name)")
    ] = "",
    jurisdiction: Annotated[
        str, Query(max_length=100, examples=["聊城市"], description="A place; includes places under it")
    ] = "",
    role: Annotated[
        Literal["", "lead", "cooperate", "responsible"],
        Query(description="Only tasks with a unit in this role"),
    ] = "",
    unit: Annotated[
        str, Query(max_length=100, examples=["聊城市工业和信息化局"], description="Only this unit's tasks")
    ] = "",
    due_after: Annotated[date | None, Query(description="Primary deadline on or after (ISO date)")] = None,
    due_before: Annotated[
        date | None, Query(description="Primary deadline on or before (ISO date)", examples=["2020-12-31"])
    ] = None,
    q: Annotated[
        str,
        Query(
            max_length=200, description="Text in the title or body (case-insensitive)", examples=["直供电"]
        ),
    ] = "",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Page[TaskOut]:
    """Tasks with document, jurisdiction and primary deadline, in document order per jurisdiction."""
    params = {
        "topic": topic, "jurisdiction": jurisdiction, "role": role, "unit": unit, "text": q,
        "due_after": due_after.isoformat() if due_after else "",
        "due_before": due_before.isoformat() if due_before else "",
    }  # fmt: skip
    return Page[TaskOut](**page(store, "task_list", "task_count", params, limit, offset))
