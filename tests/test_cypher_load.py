"""Hostile load on a real ``fengong serve`` (loopback only, bounded in time and clients): normal clients
ask questions and run Cypher while attackers send every attack of issue 18 and memory and crash
bombs. The normal clients get only correct answers (no 5xx), the server and its workers stay under
a memory bound, and the server is alive, and its store unchanged, at the end."""

from __future__ import annotations

import threading
import time
from collections import Counter
from pathlib import Path

import httpx2
import pytest

from tests.cypher_attack_support import serving
from tests.store_fixtures import STORE_KINDS
from tests.test_cypher_attacks import ATTACKS

#: Seconds of load per store.
DURATION_S = 15.0
#: Server plus Cypher workers, resident (measured peak: see SECURITY.md).
RSS_BOUND = int(1.5 * 2**30)
QUESTION = "哪些部门牵头转供电改直供电"
BOMBS = [
    "RETURN size(range(1, 1000000000)) AS n",
    "UNWIND range(1, 20000000) AS x RETURN collect(x)[0] AS y",
    "RETURN size(repeat('x', 400000000)) AS n",
    "UNWIND range(1, 3000) AS x RETURN x ORDER BY x SKIP 50000 LIMIT 5",
    "UNWIND range(1, 1000000) AS a UNWIND range(1, 1000000) AS b RETURN count(*) AS c",
]


@pytest.mark.slow
@pytest.mark.parametrize("kind", STORE_KINDS)
def test_normal_clients_are_served_while_others_attack(kind: str, tmp_path: Path) -> None:
    with serving(kind, tmp_path) as served:
        before = served.state()
        expected_ask = httpx2.get(f"{served.url}/ask", params={"q": QUESTION}, timeout=60).json()["rows"]
        assert expected_ask
        stop = time.monotonic() + DURATION_S
        normal: Counter[str] = Counter()
        wrong: list[str] = []
        attacked: Counter[int] = Counter()
        peak = [served.memory()]

        def client() -> None:
            with served.client() as http:
                while time.monotonic() < stop:
                    r = http.get("/ask", params={"q": QUESTION})
                    if r.status_code != 200 or r.json()["rows"] != expected_ask:
                        wrong.append(f"/ask {r.status_code} {r.text[:200]}")
                    r = http.post("/cypher", json={"query": "MATCH (d:Document) RETURN count(d) AS n"})
                    if r.status_code != 200 or r.json()["rows"] != [{"n": 5}]:
                        wrong.append(f"/cypher {r.status_code} {r.text[:200]}")
                    normal["requests"] += 2

        def attacker(offset: int) -> None:
            queries = [a.query.replace("{out}", str(tmp_path)).replace("{url}", "http://127.0.0.1:9")
                       for a in ATTACKS if kind in a.kinds] + BOMBS  # fmt: skip
            i = offset
            with served.client() as http:
                while time.monotonic() < stop:
                    r = http.post("/cypher", json={"query": queries[i % len(queries)]})
                    attacked[r.status_code] += 1
                    i += 1

        def sampler() -> None:
            while time.monotonic() < stop + 1:
                peak[0] = max(peak[0], served.memory())
                time.sleep(0.05)

        threads = [threading.Thread(target=client) for _ in range(3)]
        threads += [threading.Thread(target=attacker, args=(i * 5,)) for i in range(3)]
        threads.append(threading.Thread(target=sampler))
        for t in threads:
            t.start()
        for t in threads:
            t.join(DURATION_S + 60)
        assert wrong == [], wrong[:5]
        assert normal["requests"] >= 20, normal
        assert sum(attacked.values()) >= 20 and not [s for s in attacked if s >= 500 and s != 503], attacked
        print(
            f"{kind}: {normal['requests']} normal requests, attacks {dict(attacked)}, peak RSS {peak[0] / 2**20:.0f} MB"
        )
        assert peak[0] < RSS_BOUND, f"server and workers peaked at {peak[0] / 2**20:.0f} MB"
        assert served.process.poll() is None
        assert served.state() == before
