"""The ``fengong`` command: thin Typer commands over the core functions."""

from __future__ import annotations

import inspect
from typing import Any

import typer
import typer.core

from fengong.api import cmd_ask, cmd_export, cmd_extract, cmd_serve, cmd_store


def _value_name(self: typer.core.TyperOption, ctx: Any) -> str | None:
    """The help's type column: nothing for a flag, else the option's metavar or its name in upper
    case (Typer 0.29 prints Python types there: ``<bool>``, ``<str>``, ``<list[str]>``)."""
    if self.is_flag or self.count:
        return None
    if self.metavar:
        return self.metavar
    return (self.name or "value").upper()


typer.core.TyperOption.display_type_rich = _value_name  # type: ignore[method-assign]
# An argument's name is its metavar already; no type beside it.
typer.core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]

app = typer.Typer(
    name="fengong",
    help="Task-division documents -> responsibility-matrix knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """Task-division documents -> responsibility-matrix knowledge graph."""


def _reflow(doc: str) -> str:
    """A docstring's paragraphs each on one line: the help wraps them to the terminal itself."""
    paragraphs = inspect.cleandoc(doc).split("\n\n")
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


for command_module in (cmd_extract, cmd_store, cmd_ask, cmd_export, cmd_serve):
    command_module.register(app)
for info in app.registered_commands:
    if info.help is None and info.callback is not None and info.callback.__doc__:
        info.help = _reflow(info.callback.__doc__)


def main() -> None:
    """Entry point of the console script."""
    app()
