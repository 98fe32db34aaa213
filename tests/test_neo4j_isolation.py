"""The test suite never touches a Neo4j it did not start: a user's server, loaded as the README
says, keeps running with its data while the suite's Neo4j fixtures run on their own server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fengong.graph.settings import settings_from_env
from fengong.graph.store import open_store
from tests.conftest import ROOT, SAMPLES
from tests.neo4j_admin import NEO4J_LOCAL, _free_port, need_java

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]
SMALL = {"NEO4J_HEAP": "512m", "NEO4J_PAGECACHE": "128m"}


def _exports(stdout: str) -> dict[str, str]:
    pairs = (ln.removeprefix("export ").split("=", 1) for ln in stdout.splitlines() if "=" in ln)
    return {k: v.strip("'\"") for k, v in pairs}


def _document_count(env: dict[str, str]) -> int:
    store = open_store(settings_from_env(env, store="neo4j"))
    try:
        return int(store.counts()["Document"])
    finally:
        store.close()


def test_a_users_server_survives_the_suite(tmp_path: Path) -> None:
    need_java()
    user_home = tmp_path / "user-neo4j"
    ports = ["--bolt-port", str(_free_port()), "--http-port", str(_free_port())]
    started = subprocess.run(
        [str(NEO4J_LOCAL), "start", "--home", str(user_home), *ports],
        capture_output=True, text=True, timeout=600, check=False, env={**os.environ, **SMALL},
    )  # fmt: skip
    assert started.returncode == 0, started.stderr[-3000:]
    # The user's shell, as the README's Neo4j section leaves it.
    user = {**os.environ, **_exports(started.stdout), "FENGONG_STORE": "neo4j"}
    user.pop("FENGONG_TEST_NEO4J_URI", None)
    try:
        fengong = Path(sys.executable).with_name("fengong")
        loaded = subprocess.run(
            [str(fengong), "ingest", str(SAMPLES)], capture_output=True, text=True, env=user, timeout=600
        )
        assert loaded.returncode == 0, loaded.stderr[-3000:]
        assert _document_count(user) == 5

        # The suite's wiping Neo4j fixtures, run the way `make test` runs them, from that shell.
        suite = subprocess.run(
            [str(ROOT / "docker" / "run-with-neo4j"), sys.executable, "-m", "pytest", "-q",
             "-p", "no:cacheprovider", "tests/test_store_loading.py", "-k", "neo4j"],
            capture_output=True, text=True, cwd=ROOT, timeout=900,
            env={**user, **SMALL, "FENGONG_TEST_NEO4J_HOME": str(tmp_path / "test-neo4j")},
        )  # fmt: skip
        assert suite.returncode == 0, suite.stdout[-3000:] + suite.stderr[-3000:]
        assert " passed" in suite.stdout and "skipped" not in suite.stdout, suite.stdout[-2000:]

        # Pytest started straight from that shell: the fixtures refuse the user's server.
        direct = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
             "tests/test_store_loading.py", "-k", "neo4j"],
            capture_output=True, text=True, cwd=ROOT, timeout=600,
            env={k: v for k, v in user.items() if k != "CI"},
        )  # fmt: skip
        assert direct.returncode == 0 and "no test Neo4j" in direct.stdout, direct.stdout[-2000:]
        assert " passed" not in direct.stdout

        status = subprocess.run([str(NEO4J_LOCAL), "status", "--home", str(user_home)], capture_output=True)
        assert status.returncode == 0, "the user's server was stopped"
        assert _document_count(user) == 5, "the user's data was touched"
    finally:
        subprocess.run(
            [str(NEO4J_LOCAL), "stop", "--home", str(user_home)],
            capture_output=True,
            timeout=180,
            check=False,
        )
