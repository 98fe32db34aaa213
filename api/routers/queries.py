"""Named questions: list them, show one, run one with parameters (queries/named.py)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from fengong.api.routers.deps import ERRORS, StoreDep
from fengong.api.schemas import NamedQueryOut, ParamOut, RowsOut, RunQueryIn
from fengong.queries.named import NamedQuery, get_query, list_queries, run_named

router = APIRouter(prefix="/queries", tags=["named queries"], responses=ERRORS)
#: Largest ``skip`` of a named query on the embedded store (they run in the server process).
MAX_SKIP = 1_000


def _out(q: NamedQuery) -> NamedQueryOut:
    params = [
        ParamOut(name=p.name, type=p.type, required=p.required, default=p.default, example=p.example)
        for p in q.params
    ]
    return NamedQueryOut(
        name=q.name, description=q.description, params=params, notes=q.notes, cypher=q.cypher
    )


@router.get("", summary="List the named questions")
def list_named() -> list[NamedQueryOut]:
    """Every named query (queries/*.cypher) with its parameters and Cypher."""
    return [_out(q) for q in list_queries()]


@router.get("/{name}", summary="One named question")
def get_named(name: str) -> NamedQueryOut:
    """A named query's description, parameters, notes and Cypher (422 lists the known names)."""
    return _out(get_query(name))


@router.post("/{name}", summary="Run a named question with parameters")
def run_query(name: str, body: RunQueryIn, store: StoreDep) -> RowsOut:
    """Run a named query read-only; parameters are validated against its header (422 says what is wrong)."""
    skip = body.params.get("skip", 0)
    if (
        store.kind == "embedded"
        and isinstance(skip, int | str)
        and str(skip).strip().isdigit()
        and int(skip) > MAX_SKIP
    ):
        # LadybugDB 0.22 crashes the process on ORDER BY … SKIP far past the last row.
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST, f"skip must be at most {MAX_SKIP} on the embedded store"
        )
    rows = run_named(store, name, body.params, limit=body.limit)
    return RowsOut(columns=rows.columns, rows=list(rows), count=len(rows), truncated=rows.truncated)
