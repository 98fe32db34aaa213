"""The CLI's consoles and its one format for messages on stderr (``error: …``, ``warning: …``)."""

from __future__ import annotations

from rich.console import Console

#: Style of each message kind's prefix.
KINDS = {"error": "red", "warning": "yellow", "skipped": "yellow", "note": "cyan"}


def make_console(*, stderr: bool = False) -> Console:
    """A rich console; when not writing to a terminal, lines are never hard-wrapped (a unit name
    split at column 80 would be two names in a file or a pipe)."""
    out = Console(stderr=stderr)
    if out.is_terminal:
        return out
    return Console(stderr=stderr, soft_wrap=True, width=1_000_000)


def note(kind: str, message: str) -> None:
    """Print ``kind: message`` on stderr, the prefix coloured on a terminal."""
    make_console(stderr=True).print(f"[{KINDS[kind]}]{kind}:[/{KINDS[kind]}] {message}", highlight=False)
