"""The ``fengong`` command: thin Typer commands over the core functions."""

from __future__ import annotations

import typer

from fengong.api import cmd_ask, cmd_export, cmd_extract, cmd_serve, cmd_store

app = typer.Typer(
    name="fengong",
    help="Task-division documents -> responsibility-matrix knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """Task-division documents -> responsibility-matrix knowledge graph."""


for command_module in (cmd_extract, cmd_store, cmd_ask, cmd_export, cmd_serve):
    command_module.register(app)


def main() -> None:
    """Entry point of the console script."""
    app()
