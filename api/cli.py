"""The ``fengong`` command: thin Typer commands over the core functions."""

from __future__ import annotations

import typer
from fengong.api import cmd_extract

app = typer.Typer(
    name="fengong",
    help="Task-division documents -> responsibility-matrix knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """Task-division documents -> responsibility-matrix knowledge graph."""


cmd_extract.register(app)
try:  # the store commands live in their own module
    from fengong.api import cmd_store
except ImportError:  # pragma: no cover - during bootstrap only
    cmd_store = None
if cmd_store is not None:
    cmd_store.register(app)


def main() -> None:
    """Entry point of the console script."""
    app()
