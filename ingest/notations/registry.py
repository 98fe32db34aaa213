"""The registry of inline notation readers, in precedence order (see the package docstring)."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from fengong.ingest.notations import clauses, labels, subjects
from fengong.ingest.notations.roles import Annotation, Taken, nothing_taken


@dataclass(frozen=True)
class InlineReader:
    """A notation written inside running text: ``find(text, base, taken)`` returns its annotations
    with document offsets (``base`` is where ``text`` starts in the document); a reader may skip a
    candidate for which ``taken`` is true before parsing it (it would lose to the earlier reader)."""

    name: str
    find: Callable[[str, int, Taken], list[Annotation]]


# Earlier readers win: a span one of them claims is not read again by a later one.
INLINE_READERS: tuple[InlineReader, ...] = (
    InlineReader("label", labels.find),
    InlineReader("bracket clause", clauses.find_bracketed),
    InlineReader("bare bracketed list", clauses.find_bare_lists),
    InlineReader("dash list", clauses.find_dash_lists),
    InlineReader("marked line", clauses.find_marked_lines),
    InlineReader(subjects.OPENING_NAME, subjects.find_opening_subjects),
    InlineReader("prose clause", clauses.find_prose),
    InlineReader("subject clause", subjects.find),
    InlineReader("duty clause", subjects.find_duties),
    InlineReader("inner clause", subjects.find_inner_clauses),
    InlineReader("lone subject", subjects.find_lone_subjects),
)
# Readers whose annotations count only after every other annotation of the text: a sentence that
# a unit leads ("A要会同B…") inside a task that an annotation closes is that task's words.
LAST_ONLY = frozenset({subjects.NAME, subjects.DUTY_NAME, subjects.INNER_NAME, subjects.LONE_NAME})


def _read_all(text: str, base: int, readers: tuple[InlineReader, ...] = INLINE_READERS) -> list[Annotation]:
    """Every annotation of every reader, earlier readers winning overlapping spans, in order."""
    out: list[Annotation] = []  # kept sorted by start; spans never overlap
    starts: list[int] = []

    def taken(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, start)
        return (k > 0 and out[k - 1].end > start) or (k < len(out) and out[k].start < end)

    for reader in readers:
        for ann in reader.find(text, base, taken if out else nothing_taken):
            k = bisect.bisect_left(starts, ann.start)
            if k > 0 and out[k - 1].end > ann.start:
                continue  # the annotation before overlaps it
            if k < len(out) and out[k].start < ann.end:
                continue  # the annotation after overlaps it
            out.insert(k, ann)
            starts.insert(k, ann.start)
    return out


def _last_only(annotations: list[Annotation]) -> list[Annotation]:
    """Drop the last-only readers' annotations that another annotation of the block follows."""
    last_other = max((a.start for a in annotations if a.kind not in LAST_ONLY), default=-1)
    return [a for a in annotations if a.kind not in LAST_ONLY or a.start > last_other]


def find_annotations(text: str, base: int = 0) -> list[Annotation]:
    """Every annotation any inline reader finds in ``text`` (one block), in document order."""
    return _last_only(_read_all(text, base))


# A table's unit cell may label its own lists ("牵头单位：A；配合单位：B") or be one clause
# ("A牵头，B配合"); the other notations do not occur in a cell.
CELL_READERS: tuple[InlineReader, ...] = tuple(
    r for r in INLINE_READERS if r.name in ("label", "prose clause")
)


def find_in_cell(text: str, base: int = 0) -> list[Annotation]:
    """The annotations of one table cell."""
    return _read_all(text, base, CELL_READERS)


def annotations_by_block(text: str, spans: list[tuple[int, int]]) -> list[list[Annotation]]:
    """``find_annotations`` for each block span (start, end) of ``text``, reading the whole text
    once: annotations never cross a line, and blocks are runs of whole lines."""
    found = _read_all(text, 0)
    starts = [a.start for a in found]
    out: list[list[Annotation]] = []
    for start, end in spans:
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        out.append(_last_only([a for a in found[lo:hi] if a.end <= end + 1]))
    return out
