"""``fengong extract``: read documents and print what they assign."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from fengong.api.console import make_console, note
from fengong.ingest.export_jsonl import task_lines
from fengong.ingest.model import Document
from fengong.ingest.parallel import extract_one
from fengong.ingest.read_folder import expand_inputs


def register(app: typer.Typer) -> None:
    """Add the extract command to ``app``."""
    app.command("extract")(extract)


def extract(
    files: Annotated[
        list[Path], typer.Argument(help="Documents or folders (.txt, .docx, .doc, .pdf, .html, .xlsx, …).")
    ],
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON line per task (the eval format).")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="One JSON object per document, in full.")] = False,
) -> None:
    """Extract tasks, units, roles and deadlines from documents.

    A file that cannot be read gets one error line naming it; the others go on, and the command
    exits 1 at the end if any failed.
    """
    failed = 0
    out = sys.stdout
    paths, skipped = expand_inputs(files)
    for path, reason in skipped:
        note("skipped", f"{path}: {reason}")
    for path in paths:
        result = extract_one(path)  # any failure, a parser's crash too, names the file; the rest go on
        doc = result.document
        if doc is None:
            note("error", str(result.error))
            failed += 1
            continue
        for w in doc.warnings:
            note("warning", w)
        if jsonl:
            for line in task_lines(doc):
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
        elif json_out:
            out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        else:
            _summary(doc)
    out.flush()
    if failed:
        raise typer.Exit(1)


def _summary(doc: Document) -> None:
    console = make_console()
    j = doc.jurisdiction.name if doc.jurisdiction else "?"
    console.print(f"[bold]{doc.source}[/bold]  {doc.title}  ({j}, {doc.date or 'undated'})", highlight=False)
    for t in doc.tasks:
        roles = []
        for role, label in (("lead", "牵头"), ("cooperate", "配合"), ("responsible", "责任")):
            names = [doc.units[u].local_name for u in t.units(role)]
            if names:
                roles.append(f"{label}: {'、'.join(names)}")
        due = f" [{t.deadline.text}]" if t.deadline else ""
        console.print(f"  • {t.title}{due}  " + "；".join(roles), highlight=False)
