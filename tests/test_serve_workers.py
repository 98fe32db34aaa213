"""``fengong serve --workers N``: several server processes on one port, each with its own read
handle, whose answer caches a load through any of them clears."""

from __future__ import annotations

import concurrent.futures
import signal
import time
from pathlib import Path

import httpx2

from fengong.api.routers.deps import AnswerCache
from tests.server_process import AUTH, alive, children, serve_process

ASK_DOCS = Path(__file__).resolve().parent / "data" / "ask_docs"
QUESTION = "濮阳市哪些部门牵头防汛工作"


def _workers(pid: int) -> list[int]:
    """The server processes uvicorn spawned under ``pid`` (not its resource tracker)."""
    return [
        child
        for child in children(pid)
        if "spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    ]


def _ask_fresh_connections(url: str, times: int) -> list[dict[str, object]]:
    """``times`` answers, each on its own connection, eight at once (so the kernel hands them to
    every process that waits for one)."""

    def one(_: int) -> dict[str, object]:
        with httpx2.Client(base_url=url, timeout=60) as http:
            r = http.get("/ask", params={"q": QUESTION})
            assert r.status_code == 200, r.text
            body: dict[str, object] = r.json()
            return body

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, range(times)))


def _units(answer: dict[str, object]) -> set[str]:
    rows = answer["rows"]
    assert isinstance(rows, list)
    return {r["unit"] for r in rows if r.get("unit")}


def test_two_server_processes_answer_and_see_a_load_through_either(tmp_path: Path) -> None:
    with serve_process(tmp_path, FENGONG_WORKERS="2", FENGONG_CACHE_TTL="3600") as server:
        deadline = time.monotonic() + 60
        while len(workers := _workers(server.process.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(workers) == 2, workers
        before = _ask_fresh_connections(server.url, 24)  # cached now by whichever process answered
        assert all("濮阳市水利局" not in _units(a) for a in before)
        upload = {"file": ("water.txt", (ASK_DOCS / "water_puyang.txt").read_bytes())}
        r = httpx2.post(f"{server.url}/documents", files=upload, headers=AUTH, timeout=120)
        assert r.status_code == 201 and r.json()["outcome"] == "loaded", r.text
        after = _ask_fresh_connections(server.url, 24)
        assert all({"濮阳市水利局", "濮阳市应急管理局"} <= _units(a) for a in after)
        assert all(alive(pid) for pid in workers)
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(30)
        deadline = time.monotonic() + 10
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(alive(pid) for pid in workers), "a server process outlived the server"


def test_answer_caches_sharing_a_file_clear_each_other(tmp_path: Path) -> None:
    """Two processes' caches (two instances on one generation file): a load through one clears
    both; a cache without the file keeps its answers until its own load."""
    shared = tmp_path / "generation"
    shared.touch()
    one, two, alone = AnswerCache(60, shared=shared), AnswerCache(60, shared=shared), AnswerCache(60)
    for cache in (one, two, alone):
        assert cache.get("q", lambda: "old") == "old"
        assert cache.get("q", lambda: "new") == "old"  # cached
    one.invalidate()
    assert two.peek("q") is None and two.get("q", lambda: "new") == "new"
    assert one.get("q", lambda: "new") == "new"
    assert alone.get("q", lambda: "new") == "old"
    two.invalidate()
    two.invalidate()  # two loads in one tick of the clock still change the file
    assert one.peek("q") is None
    assert AnswerCache(0, shared=shared).get("q", lambda: "computed") == "computed"  # TTL 0: no cache
