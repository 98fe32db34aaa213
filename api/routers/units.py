"""Units: filter by jurisdiction, type and kind; one unit with its work and its partners."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, status

from fengong.api.routers.deps import ERRORS, CacheDep, StoreDep, page, serve_cached
from fengong.api.schemas import Page, PartnerOut, UnitDetailOut, UnitOut, UnitWorkOut
from fengong.graph.store import GraphStore
from fengong.queries.named import run_named

router = APIRouter(prefix="/units", tags=["units"], responses=ERRORS)
Text = Annotated[str, Query(max_length=100)]


@router.get("", summary="List units by jurisdiction, type and kind (paginated)")
def list_units(
    store: StoreDep,
    jurisdiction: Annotated[
        str, Query(max_length=100, examples=["聊城市"], description="The unit's jurisdiction")
    ] = "",
    unit_type: Annotated[
        str, Query(max_length=100, examples=["工业和信息化局"], description="Function across places")
    ] = "",
    kind: Annotated[
        str,
        Query(
            max_length=20,
            examples=["government"],
            description="government / party / company / collective / other",
        ),
    ] = "",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Page[UnitOut]:
    """Units (fully qualified names) with type, kind and jurisdiction."""
    params = {"jurisdiction": jurisdiction, "unit_type": unit_type, "kind": kind}
    return Page[UnitOut](**page(store, "unit_list", "unit_count", params, limit, offset))


def unit_detail(store: GraphStore, unit: str) -> dict[str, Any] | None:
    """A unit's properties, the tasks it holds (with basis and evidence) and the units it shares tasks with."""
    found = run_named(store, "unit_detail", {"unit": unit}, limit=1)
    if not found:
        return None
    meta = found[0]
    work = run_named(store, "unit_work", {"unit": meta["id"]})
    partners = run_named(store, "co_responsibility", {"unit": meta["name"]})
    return {
        **meta,
        "work": [UnitWorkOut(**{k: r[k] for k in UnitWorkOut.model_fields}) for r in work],
        "partners": [
            PartnerOut(unit=r["unit_b"] if r["unit_a"] == meta["name"] else r["unit_a"], shared=r["shared"])
            for r in partners
        ],
    }


@router.get(
    "/{unit}",
    summary="One unit: what it leads and cooperates on, and with whom",
    response_model=UnitDetailOut,
)
async def get_unit(store: StoreDep, cache: CacheDep, unit: str) -> Any:
    """A unit by id or fully qualified name, its tasks by basis (stated lead, first-listed, …) and its partners."""

    def compute() -> UnitDetailOut:
        detail = unit_detail(store, unit)
        if detail is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"no unit with id or name {unit!r}")
        return UnitDetailOut(**detail)

    return await serve_cached(cache, ("unit", unit), compute)
