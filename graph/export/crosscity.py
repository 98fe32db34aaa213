"""The cross-city view: for each jurisdiction and topic, which units lead the work.

A unit leads a task when the document names it 牵头 (``LEADS``) or, with no stated lead,
lists it first among the 责任单位 (``RESPONSIBLE_FOR`` rank 1: conventional, not stated,
so the cell says 责任1). Built incrementally from the matrix pages; holds one counter per
(jurisdiction, topic, unit, role), never the tasks.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from fengong.graph.export.matrix_data import MatrixDocument
from fengong.graph.export.style import role_cell


@dataclass(slots=True)
class CrossCity:
    """Lead units per (jurisdiction, topic), accumulated document by document."""

    cells: dict[tuple[str, str], Counter[tuple[str, str]]] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    topic_tasks: Counter[str] = field(default_factory=Counter)

    def add(self, doc: MatrixDocument) -> None:
        """Count the leads of ``doc``'s tasks under each of their topics."""
        place = doc.jurisdiction or "（未知）"
        for task in doc.tasks:
            leads = [a for a in task.assignments if a.role == "lead"]
            if not leads:
                leads = [a for a in task.assignments if a.role == "responsible" and a.rank == 1]
            for topic in task.topics:
                self.topic_tasks[topic] += 1
                for a in leads:
                    self.cells[(place, topic)][(a.unit, role_cell(a.role, a.rank))] += 1

    def topics(self) -> list[str]:
        """Topics by number of tasks, most first."""
        return [t for t, _ in sorted(self.topic_tasks.items(), key=lambda kv: (-kv[1], kv[0]))]

    def places(self) -> list[str]:
        """Jurisdictions with at least one topic, sorted."""
        return sorted({place for place, _ in self.cells})

    def cell(self, place: str, topic: str) -> str:
        """``unit（牵头×n）`` lines, most tasks first."""
        counter = self.cells.get((place, topic))
        if not counter:
            return ""
        items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
        return "\n".join(f"{unit}（{role}×{n}）" for (unit, role), n in items)
