"""The registry of rewrite kinds: a kind is a function (sample, seeded random) -> rewritten
sample or None, registered under its name in definition order."""

from __future__ import annotations

import random
from collections.abc import Callable

from tests.rewrite.model import Sample

Rewrite = Callable[[Sample, random.Random], Sample | None]
KINDS: dict[str, Rewrite] = {}


def kind(fn: Rewrite) -> Rewrite:
    """Register a rewrite under its function's name."""
    KINDS[fn.__name__] = fn
    return fn


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Replace the (start, end) ranges of ``text``; ranges must not overlap."""
    out, last = [], 0
    for start, end, new in sorted(edits):
        if start < last:
            raise ValueError("overlapping edits")
        out.append(text[last:start])
        out.append(new)
        last = end
    out.append(text[last:])
    return "".join(out)
