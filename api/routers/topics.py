"""Topics: the topic file's topics with aliases, and how much of the graph is about each."""

from __future__ import annotations

from fastapi import APIRouter

from fengong.api.routers.deps import StoreDep
from fengong.api.schemas import TopicOut
from fengong.ingest.topics import load_topics
from fengong.queries.named import run_named

router = APIRouter(tags=["topics"])


@router.get("/topics", summary="Topics with Chinese and English aliases and task counts")
def list_topics(store: StoreDep) -> list[TopicOut]:
    """Every topic of the topic file (the domain packs of ingest/data/topics/), with how many tasks and places are about it."""
    counts = {r["name"]: r for r in run_named(store, "topic_list")}
    return [
        TopicOut(
            name=t.name,
            en=t.en,
            aliases_zh=list(t.aliases_zh),
            aliases_en=list(t.aliases_en),
            tasks=counts.get(t.name, {}).get("tasks", 0),
            jurisdictions=counts.get(t.name, {}).get("jurisdictions", 0),
        )
        for t in load_topics()
    ]
