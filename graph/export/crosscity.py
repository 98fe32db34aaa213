"""The cross-city view: for each jurisdiction and topic, which units lead the work.

A unit leads a task when the document names it 牵头 (``LEADS``) or, with no stated lead,
lists it first among the 责任单位 (``RESPONSIBLE_FOR`` rank 1: conventional, not stated,
so the cell says 责任1). Built incrementally from the matrix pages, which come grouped by
jurisdiction: only the current jurisdiction's counters are held; when the next begins, the
finished one's row is rendered into a temporary file. Memory holds one jurisdiction and the
per-topic task totals (the topic vocabulary), however many places and tasks there are.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from types import TracebackType
from typing import Self

from fengong.graph.export.matrix_data import MatrixDocument
from fengong.graph.export.style import role_cell

UNKNOWN_PLACE = "（未知）"


class CrossCity:
    """Lead units per (jurisdiction, topic), accumulated document by document.

    Documents must arrive grouped by jurisdiction, in ascending order of
    ``doc.jurisdiction or ""`` (as ``iter_matrix`` yields them); ``add`` raises ValueError
    otherwise. Close it (or use it as a context manager) to delete the temporary file.
    """

    def __init__(self) -> None:
        self.topic_tasks: Counter[str] = Counter()
        self._key: str | None = None  # the current jurisdiction as documents sort it
        self._cells: defaultdict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed by close())
        self._unknown: dict[str, str] | None = None  # the row without a jurisdiction, sorted in last

    def add(self, doc: MatrixDocument) -> None:
        """Count the leads of ``doc``'s tasks under each of their topics."""
        key = doc.jurisdiction or ""
        if key != self._key:
            if self._key is not None and key < self._key:
                raise ValueError(f"documents out of jurisdiction order: {key!r} after {self._key!r}")
            self._flush()
            self._key = key
        for task in doc.tasks:
            leads = [a for a in task.assignments if a.role == "lead"]
            if not leads:
                leads = [a for a in task.assignments if a.role == "responsible" and a.rank == 1]
            for topic in task.topics:
                self.topic_tasks[topic] += 1
                for a in leads:
                    self._cells[topic][(a.unit, role_cell(a.role, a.rank))] += 1

    def _flush(self) -> None:
        """Render the current jurisdiction's row into the spool and forget its counters."""
        if self._key is None or not self._cells:
            self._cells.clear()
            return
        row = {topic: _cell(counter) for topic, counter in self._cells.items()}
        self._cells.clear()
        if self._key:
            self._spool.write(json.dumps([self._key, row], ensure_ascii=False) + "\n")
        else:
            self._unknown = row

    def topics(self) -> list[str]:
        """Topics by number of tasks, most first."""
        return [t for t, _ in sorted(self.topic_tasks.items(), key=lambda kv: (-kv[1], kv[0]))]

    def rows(self) -> Iterator[tuple[str, dict[str, str]]]:
        """``(jurisdiction, {topic: cell})`` for every jurisdiction with a topic, sorted by name.

        Call once, after the last ``add``.
        """
        self._flush()
        self._key = None
        self._spool.seek(0)
        unknown = self._unknown
        for line in self._spool:
            place, row = json.loads(line)
            if unknown is not None and place > UNKNOWN_PLACE:
                yield UNKNOWN_PLACE, unknown
                unknown = None
            yield place, row
        if unknown is not None:
            yield UNKNOWN_PLACE, unknown

    def close(self) -> None:
        """Delete the temporary file."""
        self._spool.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _cell(counter: Counter[tuple[str, str]]) -> str:
    """``unit（牵头×n）`` lines, most tasks first."""
    items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return "\n".join(f"{unit}（{role}×{n}）" for (unit, role), n in items)
