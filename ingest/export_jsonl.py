"""The evaluation line format (``../shared/eval/FORMAT.md``): one JSON object per task."""

from __future__ import annotations

from typing import Any

from fengong.ingest.model import ROLES, Document


def task_lines(doc: Document) -> list[dict[str, Any]]:
    """One dict per task: document, task_id, path, title, text, deadline, lead / cooperate /
    responsible (fully qualified unit names, document order), topics, and status when a progress
    report gives one."""
    lines = []
    for t in doc.tasks:
        line: dict[str, Any] = {
            "document": doc.source,
            "task_id": t.id,
            "path": t.path,
            "title": t.title,
            "text": t.text,
            "deadline": (
                {"text": t.deadline.text, "date": t.deadline.date, "kind": t.deadline.kind}
                if t.deadline
                else None
            ),
        }
        for role in ROLES:
            line[role] = [doc.units[u].name for u in t.units(role)]
        line["topics"] = t.topics
        if t.status:
            line["status"] = t.status  # a progress report's word for the task's state (已完成)
        lines.append(line)
    return lines
