"""POST /cypher: one read-only Cypher statement with parameters, a time limit and a row cap."""

from __future__ import annotations

import re

from fastapi import APIRouter, HTTPException, status

from fengong.api.routers.deps import ERRORS, SettingsDep, StoreDep
from fengong.api.schemas import CypherIn, RowsOut
from fengong.graph.store import StoreError

router = APIRouter(tags=["cypher"], responses=ERRORS)
_SKIP = re.compile(r"\bSKIP\s+(?:(\d+)|\$(\w+))", re.IGNORECASE)
MAX_SKIP = 1_000


def check_skip(query: str, params: dict[str, object], store_kind: str) -> None:
    """Refuse a large SKIP on the embedded store: LadybugDB 0.22 crashes the whole process
    (SIGSEGV) on ``ORDER BY … SKIP n`` when n is thousands past the last row."""
    if store_kind != "embedded":
        return
    for literal, name in _SKIP.findall(query):
        value = int(literal) if literal else params.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or value > MAX_SKIP:
            raise HTTPException(
                status.HTTP_400_BAD_REQUEST,
                f"SKIP must be an integer of at most {MAX_SKIP} on the embedded store; page with WHERE instead",
            )


@router.post("/cypher", summary="Run read-only Cypher (writes refused, time limit, row cap)")
def run_cypher(body: CypherIn, store: StoreDep, settings: SettingsDep) -> RowsOut:
    """Run one read-only statement; values only through ``params``. Writes, file access and
    several statements are refused (400); the server's time limit and row cap bound the rest."""
    timeout = min(body.timeout_s or settings.cypher_timeout_s, settings.cypher_timeout_s)
    limit = min(body.limit or settings.cypher_row_cap, settings.cypher_row_cap)
    check_skip(body.query, dict(body.params), store.kind)
    try:
        rows = store.run(body.query, dict(body.params), read_only=True, timeout=timeout, limit=limit)
    except StoreError as exc:  # the user's statement: a syntax error, an unknown label, a timeout
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"the store refused the query: {exc}") from exc
    return RowsOut(columns=rows.columns, rows=list(rows), count=len(rows), truncated=rows.truncated)
