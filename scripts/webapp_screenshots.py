"""Screenshots of every page of the web app (headless system Chromium) on the samples, into docs/.

.venv/bin/python scripts/webapp_screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx2
import uvicorn
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fengong.api.app import create_app
from fengong.queries.named import run_named
from tests.test_api_support import api_settings, free_port, loaded_store
from tests.test_export_support import CHROMIUM_CANDIDATES


def main() -> None:
    """Serve the samples on a loopback port and save one PNG per page."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("docs"))
    args = parser.parse_args()
    import shutil

    exe = next(p for p in map(shutil.which, CHROMIUM_CANDIDATES) if p)
    store = loaded_store("embedded", Path(tempfile.mkdtemp()))
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(api_settings(store), store), port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{port}"
    while True:
        try:
            if httpx2.get(url + "/health", timeout=1).status_code == 200:
                break
        except httpx2.TransportError:
            time.sleep(0.1)
    lead = run_named(store, "unit_detail", {"unit": "泽州县能源局"}, limit=1)[0]["id"]
    doc = run_named(store, "document_list", {"jurisdiction": "泽州县", "skip": 0, "limit": 1})[0]["id"]
    pages = {
        "webapp-ask": "/?q=" + quote("哪些部门在哪些城市牵头转供电改直供电"),
        "webapp-unit": f"/unit/{lead}",
        "webapp-document": f"/document/{doc}",
        "webapp-place": f"/place/{quote('聊城市')}?compare={quote('泽州县 开封市')}&topic={quote('转供电改直供电')}",
        "webapp-graph": f"/graph?kind=Unit&key={lead}&caption={quote('泽州县能源局')}",
        "webapp-ask-en": "/?lang=en&q=" + quote("which bureaus lead direct-power conversion in which cities"),
    }
    args.out.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        for name, path in pages.items():
            page.goto(url + path)
            page.wait_for_selector("body[data-ready='1']")
            page.wait_for_load_state("networkidle")  # the parts drawn after the first render too
            if name == "webapp-graph":
                page.locator("#nbrs button.expand:not([disabled])").first.click()
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(300)
            page.screenshot(path=str(args.out / f"{name}.png"), full_page=name != "webapp-document")
            print(args.out / f"{name}.png")
        browser.close()
    server.should_exit = True
    store.close()


if __name__ == "__main__":
    main()
