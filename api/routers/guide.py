"""GET /guide: the Neo4j Browser guide of the named questions (``:play http://127.0.0.1:8000/guide``)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from fengong.api.guide import render_guide

router = APIRouter(tags=["guide"])


@router.get("/guide", summary="Neo4j Browser guide of the named questions", response_class=HTMLResponse)
def guide() -> HTMLResponse:
    """An HTML guide (article.guide > carousel > slide) with runnable Cypher for every named query,
    generated from queries/*.cypher so it cannot drift. Open it in Neo4j Browser with
    ``:play http://127.0.0.1:8000/guide``."""
    return HTMLResponse(render_guide())
