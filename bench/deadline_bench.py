"""Deadline reading: this project's parser against jionlp's time parser, on speed and correctness.

    .venv/bin/python -m bench.deadline_bench                    # ours
    /tmp/jio/bin/python -m bench.deadline_bench --parser jionlp  # a venv with jionlp==1.5.31 and
                                                                 # this project (pip install --no-deps -e .)

Correctness, by FORMAT.md's kinds (by / period / recurring / ongoing, and the date of a ``by``):

- ``cases``: tests/data/deadline_cases.tsv, phrases in many forms with their expected reading;
- ``gold phrases``: every gold deadline text (ours reads each as a 完成时限 cell) of ../shared/eval/gold, gold-extra and tests/data/gold;
- ``gold tasks``: every gold task whose text holds its deadline, read from the whole task text
  (several dates, progress notes, manner words around it), and every gold task without a deadline
  (a reading there is a false deadline).

Speed: every line of every sample and test document, parsed one line at a time, characters per
second of CPU time. Ours runs cache-cold (its cell cache cleared before each document); jionlp
keeps its parser object warm (building it per document would cost seconds), so its figure is
a best case. jionlp finds time expressions, not FORMAT.md's kinds: the adapter below maps its
time_point / time_span / time_period to by / period / recurring, and, as jionlp has no notion of
"持续推进", lends it this project's ongoing phrases (so that kind is not counted against it).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fengong.ingest import deadlines
from fengong.ingest.vocab import load_yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = [SHARED / "eval" / "gold", SHARED / "eval" / "gold-extra", ROOT / "tests" / "data" / "gold"]
DOCS = [SHARED / "samples", SHARED / "samples-extra", ROOT / "tests" / "data" / "docs"]

Reading = tuple[str, str | None] | None  # (kind, date) of the main deadline, or nothing
Parser = Callable[[str, int | None], Reading]


def ours(text: str, year: int | None) -> Reading:
    found = deadlines.find_deadlines(text, year)
    return (found[0].deadline.kind, found[0].deadline.date) if found else None


def ours_cell(text: str, year: int | None) -> Reading:
    found = deadlines.parse_deadline_cell(text, year)
    return (found.deadline.kind, found.deadline.date) if found else None


def jionlp_parser() -> Parser:
    import jionlp as jio

    ongoing = re.compile("|".join(load_yaml("deadlines.yaml")["ongoing_phrases"]))
    # A count of time ("三年内"): a period by FORMAT.md, though jionlp gives it an end date.
    count = re.compile(
        r"(?<![\d])[\d一二两三四五六七八九十半]{1,3}\s*(?:个月|年|个季度|周|天|日|个工作日)\s*(?:左右)?(?:内|以内|之内)"
    )

    window = re.compile(r".[至—\-~～到]|起|期间")

    def parse(text: str, year: int | None) -> Reading:
        base = time.mktime((year or 2025, 1, 1, 0, 0, 0, 0, 0, -1))
        try:
            found = jio.ner.extract_time(text, time_base=base, with_parsing=True)
        except Exception:  # the parser raises on some inputs: count them as nothing
            found = []
        readings: list[tuple[int, tuple[str, str | None]]] = []
        for f in found:
            detail: dict[str, Any] = f.get("detail") or {}
            words = f["text"]
            kind, t = detail.get("type"), detail.get("time") or {}
            if kind == "time_point":
                readings.append((f["offset"][0], ("by", str(t[1])[:10])))
            elif kind == "time_span":
                # A span with two named ends ("2021—2023年") is a period, one with an end only
                # ("6月底前", "到2023年底", "第三季度") a by date.
                if not count.search(words) and not window.search(words) and str(t[1]) != "inf":
                    readings.append((f["offset"][0], ("by", str(t[1])[:10])))
                else:
                    readings.append((f["offset"][0], ("period", None)))
            elif kind == "time_period":
                point = (t or {}).get("point") or {}
                closed = point and "inf" not in point.get("time", ["", "inf"])[1]
                readings.append((f["offset"][0], ("period" if closed else "recurring", None)))
        for m in ongoing.finditer(text):
            readings.append((m.start(), ("ongoing", None)))
        readings.sort(key=lambda r: r[0])
        main = next((r for _, r in readings if r[0] != "ongoing"), None)
        return main or (readings[0][1] if readings else None)

    return parse


def _cases() -> list[tuple[str, int | None, tuple[str, str | None]]]:
    path = ROOT / "tests" / "data" / "deadline_cases.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return [
        (text, None if y == "-" else int(y), (kind, None if d == "-" else d))
        for text, y, kind, d in csv.reader(lines, delimiter="\t")
    ]


def _gold() -> tuple[list, list, list]:
    phrases, with_deadline, without = [], [], []
    for folder in GOLD:
        for path in sorted(folder.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            dated = [
                t["deadline"]["date"] for t in gold["tasks"] if t.get("deadline") and t["deadline"]["date"]
            ]
            year = int(gold["date"][:4]) if gold.get("date") else (int(dated[0][:4]) if dated else None)
            for t in gold["tasks"]:
                d = t.get("deadline")
                if d:
                    phrases.append((d["text"], year, (d["kind"], d["date"])))
                    if d["text"] in t["text"]:
                        with_deadline.append((t["text"], year, (d["kind"], d["date"])))
                else:
                    without.append((t["text"], year, None))
    return phrases, with_deadline, without


def _score(parse: Parser, rows: list) -> tuple[int, int, list[str]]:
    wrong = []
    for text, year, want in rows:
        got = parse(text, year)
        if got != want:
            wrong.append(f"{text[:40]!r}: {got} != {want}")
    return len(rows) - len(wrong), len(rows), wrong


def _speed(parse: Parser, cold: bool) -> float:
    docs = [p.read_text(encoding="utf-8", errors="replace") for d in DOCS for p in sorted(d.glob("*.txt"))]
    chars, cpu = 0, 0.0
    for _ in range(3):
        for doc in docs:
            if cold:
                deadlines._cell_deadline.cache_clear()
            lines = [ln for ln in doc.splitlines() if ln.strip()]
            t = time.process_time()
            for ln in lines:
                parse(ln, 2025)
            cpu += time.process_time() - t
            chars += sum(len(ln) for ln in lines)
    return chars / cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--parser", choices=["ours", "jionlp"], default="ours")
    ap.add_argument("--explain", action="store_true", help="list every wrong reading")
    args = ap.parse_args()
    t = time.perf_counter()
    parse = ours if args.parser == "ours" else jionlp_parser()
    parse("2025年底前完成", 2025)  # loads the vocabulary or the model
    print(f"{args.parser}: first call (load) {time.perf_counter() - t:.2f} s")
    phrases, with_deadline, without = _gold()
    for name, rows in [
        ("cases", _cases()),
        ("gold phrases (as cells)", phrases),
        ("gold tasks with a deadline", with_deadline),
        ("gold tasks without one", without),
    ]:
        cell = name.startswith("gold phrases") and args.parser == "ours"
        ok, n, wrong = _score(ours_cell if cell else parse, rows)
        print(f"{args.parser}: {name:28s} {ok}/{n} = {ok / n:.3f}")
        if args.explain:
            for w in wrong:
                print("    ", w)
    print(
        f"{args.parser}: speed {_speed(parse, args.parser == 'ours') / 1e6:.2f} M characters/s (CPU, one core)"
    )


if __name__ == "__main__":
    main()
