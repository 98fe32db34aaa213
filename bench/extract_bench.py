"""Extraction throughput on one core: the samples repeated to a corpus of at least --mb
megabytes of text, extracted document by document in this process.

    .venv/bin/python bench/extract_bench.py --mb 50

Prints characters/s, documents/s and peak memory (max RSS), and the same for the stages alone
(regex-only reading vs the jieba term index of ingest/terms.py on a slice) so the ratios come from one run.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from fengong.ingest.pipeline import extract_text

ROOT = Path(__file__).resolve().parents[1]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=50.0, help="corpus size in MB of UTF-8 text")
    ap.add_argument("--nlp-chars", type=int, default=200_000, help="characters for the term index comparison")
    args = ap.parse_args()

    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "samples").glob("*.txt"))]
    for name, text in texts:  # warm the vocabularies and compiled patterns
        extract_text(text, name)
    target = int(args.mb * 1024 * 1024)
    size = docs = chars = tasks = 0
    rss_before = _rss_mb()
    start = time.process_time()
    wall = time.perf_counter()
    while size < target:
        for name, text in texts:
            doc = extract_text(text, f"{docs}-{name}")
            tasks += len(doc.tasks)
            docs += 1
            chars += len(text)
            size += len(text.encode("utf-8"))
    cpu = time.process_time() - start
    wall = time.perf_counter() - wall
    print(f"corpus: {docs} documents, {chars:,} characters ({size / 1e6:.1f} MB UTF-8), {tasks:,} tasks")
    print(f"extraction: {chars / cpu / 1e6:.2f} M chars/s per core (CPU time), {docs / cpu:.0f} documents/s")
    print(
        f"wall time {wall:.1f} s, CPU {cpu:.1f} s; peak RSS {_rss_mb():.0f} MB (before the loop {rss_before:.0f} MB)"
    )

    sample = "".join(t for _, t in texts)
    sample = (sample * (args.nlp_chars // len(sample) + 1))[: args.nlp_chars]
    t0 = time.process_time()
    extract_text(sample, "slice.txt")
    ours = len(sample) / (time.process_time() - t0)
    from fengong.ingest.terms import terms, tokenizer

    tokenizer()
    t0 = time.process_time()
    for para in sample.split("\n"):
        if para:
            terms(para)
    terms_rate = len(sample) / (time.process_time() - t0)
    print(
        f"same slice: fengong extract {ours / 1e6:.2f} M chars/s; term index (jieba with our dictionary) "
        f"{terms_rate / 1e6:.2f} M chars/s (ratio {ours / terms_rate:.1f}x)"
    )


if __name__ == "__main__":
    main()
