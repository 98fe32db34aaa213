"""The web app for analysts: the page shell at ``/`` and its page paths, plus the small JSON
endpoints its pages need (a unit's assignments, a focused graph's neighbourhood, what can be asked).

Every page path returns the same static shell (``static/web/index.html``); the page's script reads
the path and query string, so each page has a URL that can be shared. Assets are in the package.
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, status
from fastapi.responses import HTMLResponse

from fengong.api.routers.deps import ERRORS, CacheDep, StoreDep, page, serve_cached
from fengong.graph.export.style import LABEL_COLOURS, REL_COLOURS, cytoscape_stylesheet
from fengong.graph.store import GraphStore
from fengong.ingest.topics import load_topics
from fengong.queries.ask_vocab import ask_vocab
from fengong.queries.named import run_named

router = APIRouter(tags=["web"], responses=ERRORS)
_WEB = resources.files("fengong.api") / "static" / "web"
Kind = Literal["Unit", "Task", "Document", "Topic", "Jurisdiction", "UnitType", "Deadline"]


def _shell() -> HTMLResponse:
    # Never cached by the browser: the shell names the asset versions.
    return HTMLResponse((_WEB / "index.html").read_text("utf-8"), headers={"Cache-Control": "no-cache"})


@router.get("/", include_in_schema=False)
async def ask_page() -> HTMLResponse:
    """The Ask page (``/?q=…&lang=en``)."""
    return _shell()


@router.get("/unit/{unit}", include_in_schema=False)
@router.get("/document/{document}", include_in_schema=False)
@router.get("/place/{place}", include_in_schema=False)
@router.get("/graph", include_in_schema=False)
async def page_shell() -> HTMLResponse:
    """A unit's, a document's or a place's page, or the focused graph: the same shell."""
    return _shell()


@router.get("/web/capabilities", summary="What can be asked, with example questions")
async def capabilities() -> dict[str, Any]:
    """The kinds of question ``/ask`` answers, each with its example questions (Chinese and English),
    the topics of the taxonomy (read from the topic file, not the store), and the colours of node labels and relationship types (the ``.grass`` style, also as a Cytoscape.js stylesheet)."""
    items = []
    for line in ask_vocab().capabilities:
        what, _, examples = line.partition(": ")
        items.append({"what": what, "examples": [e.strip() for e in examples.split(" / ") if e.strip()]})
    topics = [{"name": t.name, "en": t.en} for t in load_topics()]
    return {
        "capabilities": items,
        "topics": topics,
        "label_colours": LABEL_COLOURS,
        "rel_colours": REL_COLOURS,
        # The .grass style as a Cytoscape.js stylesheet (nodes and edges selected by class), the one
        # the offline HTML export draws with.
        "cy_style": cytoscape_stylesheet(scale=0.4),
    }


@router.get("/web/units/{unit}/assignments", summary="A unit's assignments across documents (paginated)")
def unit_assignments(
    store: StoreDep,
    unit: str,
    role: Annotated[
        Literal["", "lead", "cooperate", "responsible"], Query(description="One role, or empty for all")
    ] = "",
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    """The unit (id or fully qualified name) with its counts by role, and one page of everything it
    leads, cooperates on or is listed for, by role and rank, with each task's primary deadline,
    document and sentence (named queries unit_detail, unit_assignments)."""
    found = run_named(store, "unit_detail", {"unit": unit}, limit=1)
    if not found:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no unit with id or name {unit!r}")
    params = {"unit": found[0]["id"], "role": role}
    return {
        "unit": found[0],
        **page(store, "unit_assignments", "unit_assignment_count", params, limit, offset),
    }


@router.get("/web/unit-types/{unit_type}/workload", summary="The busiest bodies of one type across places")
def unit_type_workload(
    store: StoreDep, unit_type: str, limit: Annotated[int, Query(ge=1, le=200)] = 20
) -> list[dict[str, Any]]:
    """Units of one type (the function across places) with their task counts by role, busiest first
    (named query unit_type_workload): a unit's workload beside its peers elsewhere."""
    return list(run_named(store, "unit_type_workload", {"unit_type": unit_type, "limit": limit}))


def neighbourhood(store: GraphStore, kind: str, key: str, limit: int) -> dict[str, Any]:
    """The focused node's neighbours as Cytoscape.js elements (named query neighbourhood).

    A unit or document named by its name or title is focused by its id, the key its neighbours
    link to, so that expanding back to it finds the same node; ``caption`` names the focus."""
    caption = key
    if kind in ("Unit", "Document"):
        query, name = ("unit_detail", "name") if kind == "Unit" else ("document_detail", "title")
        found = run_named(store, query, {kind.lower(): key}, limit=1)
        if found:
            key, caption = found[0]["id"], found[0][name]
    rows = run_named(store, "neighbourhood", {"kind": kind, "key": key, "limit": limit})
    focus = f"{kind}:{key}"
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[dict[str, Any]] = []
    counts: dict[str, int] = {}
    for r in rows:
        other = f"{r['label']}:{r['key']}"
        nodes.setdefault(other, {"id": other, "label": r["label"], "key": r["key"], "caption": r["caption"]})
        source, target = (focus, other) if r["outgoing"] else (other, focus)
        edges.append(
            {"id": f"{source}|{r['rel']}|{target}", "source": source, "target": target, "rel": r["rel"]}
        )
        group = f"{r['rel']}:{r['label']}"
        counts[group] = counts.get(group, 0) + 1
    # A kind of link that filled its page may have more: the page says so and can ask for more.
    more = sorted(group for group, n in counts.items() if n >= limit)
    return {
        "focus": focus,
        "key": key,
        "caption": caption,
        "nodes": list(nodes.values()),
        "edges": edges,
        "limit": limit,
        "more": more,
    }


@router.get("/web/neighbourhood", summary="The neighbours of one node, a page per kind of link")
async def get_neighbourhood(
    store: StoreDep,
    cache: CacheDep,
    kind: Annotated[Kind, Query(description="The focused node's label")],
    key: Annotated[str, Query(min_length=1, max_length=500, description="Its key (id, name or title)")],
    limit: Annotated[int, Query(ge=1, le=200)] = 25,
) -> Any:
    """Nodes one step from the focus with the links to them, at most ``limit`` per kind of link;
    ``more`` lists the kinds of link that may hold more (never the whole graph)."""
    return await serve_cached(
        cache, ("web-nb", kind, key, limit), lambda: neighbourhood(store, kind, key, limit)
    )
