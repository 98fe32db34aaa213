"""Store settings, read from the environment by an explicit call (never at import time)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

StoreKind = Literal["embedded", "neo4j"]
STORE_KINDS: tuple[StoreKind, ...] = ("embedded", "neo4j")


@dataclass(frozen=True, slots=True)
class StoreSettings:
    """Which store to open and how.

    ``query_timeout_s`` and ``row_cap`` bound read-only Cypher (CLI ``cypher``, HTTP);
    ``buffer_pool_mb`` bounds the embedded store's memory.
    """

    store: StoreKind = "embedded"
    data_dir: Path | None = None  # embedded: directory holding the database file
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = "neo4j"
    query_timeout_s: float = 30.0
    row_cap: int = 10_000
    # embedded: LadybugDB's page cache. Its own default is most of the machine's memory, so the
    # process would grow with the database; a fixed cap bounds it (pages are evicted). 2 GB was
    # too small at 100,000 documents (the widest named queries, a 4 M-edge COPY); 4 GB does both.
    buffer_pool_mb: int = 4096
    # embedded: threads one query may use (0: one per core). Several server processes answering at
    # once do better with one each: LadybugDB's threads of concurrent queries contend for the
    # cores (two server processes on two cores: 29 answers/s with every core per query, 52 with one).
    query_threads: int = 0

    @property
    def threads_per_query(self) -> int:
        """The threads one embedded query may use."""
        return self.query_threads or os.cpu_count() or 1

    @property
    def embedded_path(self) -> Path:
        """The LadybugDB database file inside ``data_dir``."""
        return (self.data_dir or default_data_dir()) / "graph.lbug"


def default_data_dir() -> Path:
    """The per-user data directory (platformdirs), used when FENGONG_DATA is unset."""
    import platformdirs  # imported here: only needed when no directory is given

    return Path(platformdirs.user_data_dir("fengong"))


def settings_from_env(env: Mapping[str, str] | None = None, **overrides: object) -> StoreSettings:
    """Build settings from ``env`` (default ``os.environ``); keyword overrides win.

    Reads FENGONG_STORE (embedded|neo4j), FENGONG_DATA, NEO4J_URI, NEO4J_USER,
    NEO4J_PASSWORD, NEO4J_DATABASE, FENGONG_QUERY_TIMEOUT (seconds), FENGONG_ROW_CAP,
    FENGONG_BUFFER_POOL_MB and FENGONG_QUERY_THREADS.
    """
    env = os.environ if env is None else env
    store = env.get("FENGONG_STORE", "embedded").strip().lower() or "embedded"
    if store not in STORE_KINDS:
        raise ValueError(f"FENGONG_STORE must be one of {', '.join(STORE_KINDS)}, not {store!r}")
    data = env.get("FENGONG_DATA", "").strip()
    defaults = StoreSettings()
    values: dict[str, object] = {
        "store": store,
        "data_dir": Path(data).expanduser() if data else None,
        "neo4j_uri": env.get("NEO4J_URI", defaults.neo4j_uri),
        "neo4j_user": env.get("NEO4J_USER", defaults.neo4j_user),
        "neo4j_password": env.get("NEO4J_PASSWORD", ""),
        "neo4j_database": env.get("NEO4J_DATABASE", defaults.neo4j_database),
        "query_timeout_s": float(env.get("FENGONG_QUERY_TIMEOUT", defaults.query_timeout_s)),
        "row_cap": int(env.get("FENGONG_ROW_CAP", defaults.row_cap)),
        "buffer_pool_mb": int(env.get("FENGONG_BUFFER_POOL_MB", defaults.buffer_pool_mb)),
        "query_threads": int(env.get("FENGONG_QUERY_THREADS", defaults.query_threads) or 0),
    }
    values.update({k: v for k, v in overrides.items() if v is not None})
    if values["store"] not in STORE_KINDS:
        raise ValueError(f"store must be one of {', '.join(STORE_KINDS)}, not {values['store']!r}")
    settings = StoreSettings(**values)  # type: ignore[arg-type]
    if settings.buffer_pool_mb < 64:
        raise ValueError(f"FENGONG_BUFFER_POOL_MB must be at least 64, not {settings.buffer_pool_mb}")
    if settings.query_threads < 0:
        raise ValueError(
            f"FENGONG_QUERY_THREADS must be 0 (every core) or more, not {settings.query_threads}"
        )
    return settings
