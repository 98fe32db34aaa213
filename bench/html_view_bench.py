"""Offline HTML view benchmark: export time and size, then time to first draw and interactivity in
headless Chromium, on the samples and on generated graphs of about 5,000 and 20,000 nodes.

    .venv/bin/python -m bench.html_view_bench --docs 0 72 280     # 0: the five samples

Each size is loaded into a fresh embedded store (``bench.corpus``: variants of the samples moved
to synthetic places; 72 documents give about 5,000 view nodes, 280 about 20,000) and exported with
``fengong export html``'s writer. Playwright opens the file with the system's Chromium, every
request refused, and reads what the page records (milliseconds since it was opened): first draw
(Cytoscape's first frame: the nodes; a large graph's edges follow) and ready (every edge in).
Then, in the page: the frame after a zoom step on the whole graph, a search by name (type, Enter:
the node selected, its neighbourhood lit and centred), a click on a node, the frame after a zoom
step there; and on the samples, what Cytoscape's own force layout (cose) would take instead. One run per size (the machine is
shared); prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.corpus import load_samples, make_corpus
from fengong.graph.export import export
from fengong.graph.settings import settings_from_env
from fengong.graph.store import open_store

COSE_UP_TO = 1_000  # Cytoscape's force layout is timed up to this many nodes (minutes beyond)
CHROMIUMS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# In the page: milliseconds for an action and the frame that shows it.
_TIMED = """async (action) => {
  const cy = window.fengongView, frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const t = performance.now();
  if (action === "search") {
    const box = document.getElementById("f-search");
    box.value = cy.nodes(".Unit").last().data("caption");
    box.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter"}));
  } else if (action === "tap") {
    cy.nodes(".Task").first().emit("tap");
  } else if (action === "cose") {  // what a force layout in the browser would cost instead
    cy.layout({name: "cose", animate: false}).run();
  } else {
    cy.zoom({level: cy.zoom() * 1.25, renderedPosition: {x: cy.width() / 2, y: cy.height() / 2}});
  }
  await frame();
  return performance.now() - t;
}"""


def _chromium() -> str:
    for name in CHROMIUMS:
        path = shutil.which(name)
        if path:
            return path
    raise SystemExit("Chromium is not installed: apt-get install chromium")


def _only(url: str) -> Any:
    """A route handler letting the page load its own file and nothing else."""
    return lambda route: route.continue_() if route.request.url == url else route.abort()


def export_view(docs: int, work: Path) -> dict[str, Any]:
    """Load ``docs`` generated documents (0: the samples), export the view; its figures."""
    corpus = load_samples() if docs == 0 else make_corpus(docs)
    store = open_store(settings_from_env({}, store="embedded", data_dir=work / f"store-{docs}"))
    store.load_documents(corpus)
    path = work / f"view-{docs}.html"
    start = time.perf_counter()
    result = export(store, "html", path)
    seconds = time.perf_counter() - start
    store.close()
    return {
        "docs": docs,
        "path": path,
        "nodes": result.items,
        "export_s": seconds,
        "mb": path.stat().st_size / 2**20,
    }


def browse(rows: list[dict[str, Any]]) -> None:
    """Open each view offline; add the browser figures to its row."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
        errors: list[str] = []
        warm = browser.new_page()  # the browser's own start-up is not the page's
        warm.goto(rows[0]["path"].resolve().as_uri())
        warm.close()
        for row in rows:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            url = row["path"].resolve().as_uri()
            context.route("**/*", _only(url))
            page = context.new_page()
            errors.clear()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(url)
            page.wait_for_selector("body[data-ready='1']", timeout=600_000)
            data = page.evaluate("({...document.body.dataset})")
            row["edges_at_ready"] = page.evaluate("fengongView.edges().length")
            row.update(
                edges=int(data["edges"]),
                first_draw_s=int(data["firstDraw"]) / 1000,
                ready_s=int(data["readyMs"]) / 1000,
                overview_zoom_ms=page.evaluate(_TIMED, "zoom"),
                search_ms=page.evaluate(_TIMED, "search"),
                tap_ms=page.evaluate(_TIMED, "tap"),
                zoom_ms=page.evaluate(_TIMED, "zoom"),
                drawn_edges=page.evaluate("fengongView.edges().length"),
            )
            if row["nodes"] <= COSE_UP_TO:
                row["cose_s"] = page.evaluate(_TIMED, "cose") / 1000
            # Figures after the search: the found node selected, its links drawn, the view centred on it.
            row["edges_after_search"] = row.pop("drawn_edges")  # not in the table: kept for the log
            if errors or page.evaluate("fengongView.nodes().length") != row["nodes"]:
                raise RuntimeError(f"{row['path'].name}: {errors or 'not every node drawn'}")
            context.close()
            print(row, file=sys.stderr)
        browser.close()


def main() -> None:
    """Parse arguments, run every size, print the Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[0, 72, 280], help="0: the five samples")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fengong-html-bench-") as tmp:
        rows = [export_view(docs, Path(tmp)) for docs in args.docs]
        browse(rows)
    print(
        "| documents | nodes | edges | export s | file MB | first draw s | ready s | edges drawn at ready "
        "| zoom frame, whole graph ms | search + select ms | click ms | zoom frame after ms | cose layout s |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        cose = f"{r['cose_s']:.1f}" if "cose_s" in r else "—"
        print(
            f"| {r['docs'] or '5 (samples)'} | {r['nodes']:,} | {r['edges']:,} | {r['export_s']:.1f} | "
            f"{r['mb']:.1f} | {r['first_draw_s']:.1f} | {r['ready_s']:.1f} | {r['edges_at_ready']:,} | "
            f"{r['overview_zoom_ms']:.0f} | {r['search_ms']:.0f} | {r['tap_ms']:.0f} | {r['zoom_ms']:.0f} | {cose} |"
        )


if __name__ == "__main__":
    main()
