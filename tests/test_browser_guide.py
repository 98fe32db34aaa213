"""The Neo4j Browser guide opens in a real Neo4j Browser: headless Chromium (driven by Playwright,
the system's Chromium, no browser download) connects to the test Neo4j's Browser and runs
``:play <api>/guide``, which needs the API's CORS answer to the Browser's preflight."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from fengong.graph.settings import settings_from_env
from tests.store_fixtures import make_store, neo4j_settings
from tests.test_api_support import Server, make_server  # noqa: F401  (fixture)
from tests.test_export_support import chromium

pytestmark = pytest.mark.neo4j


def test_play_guide_in_neo4j_browser(tmp_path: Path, make_server: Callable[..., Server]) -> None:  # noqa: F811
    bolt = neo4j_settings()  # the test server (skips or fails like every Neo4j test)
    browser_url = os.environ["FENGONG_TEST_NEO4J_HTTP"] + "/browser/"
    store = make_store("embedded", tmp_path)
    try:
        api = make_server(store)
        settings = settings_from_env(store="neo4j")
        connect = quote(bolt.neo4j_uri.replace("bolt://", f"bolt://{settings.neo4j_user}@"), safe="")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium(), args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if "CORS" in m.text else None)
            page.goto(f"{browser_url}?connectURL={connect}")
            page.fill('[data-testid="password"]', settings.neo4j_password)
            page.click('[data-testid="connect"]')
            page.get_by_text(":play start").first.wait_for(timeout=180_000)  # connected
            # The server runs `:style …/fengong.grass` on connect; on a fresh server its frame
            # arrives late and takes the editor's focus and text, so wait for it, then type.
            page.get_by_text("fengong.grass").first.wait_for(timeout=60_000)
            guide = page.get_by_text("fengong 分工: named questions").first
            for _ in range(3):  # Monaco may still swallow a first command while it settles
                editor = page.locator(".monaco-editor textarea").first
                editor.focus()
                page.keyboard.press("Control+A")
                page.keyboard.press("Delete")
                page.keyboard.type(f":play {api.url}/guide")
                page.keyboard.press("Escape")  # closes the suggestion widget, which eats Enter
                editor.focus()
                page.keyboard.press("Control+Enter")
                try:
                    guide.wait_for(timeout=30_000)
                    break
                except PlaywrightTimeout:
                    continue
            if not guide.is_visible():  # say what the Browser showed instead
                raise AssertionError(page.inner_text("body")[:3000])
            assert page.get_by_text("topic_leads").count() >= 1
            assert not errors, errors
            browser.close()
    finally:
        store.close()
