"""GET /health: the store kind and its node / relationship counts."""

from __future__ import annotations

from fastapi import APIRouter

from fengong.api.routers.deps import StoreDep
from fengong.api.schemas import HealthOut

router = APIRouter(tags=["health"])


@router.get("/health", summary="Store kind and node / relationship counts")
def health(store: StoreDep) -> HealthOut:
    """Whether the API answers, which store it reads and how many nodes and relationships it holds."""
    counts = store.counts()
    return HealthOut(
        status="ok",
        store=store.kind,
        nodes=counts["nodes"],
        relationships=counts["relationships"],
        counts=counts,
    )
