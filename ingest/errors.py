"""Errors raised while reading documents."""

from __future__ import annotations


class DocumentError(Exception):
    """A file that cannot be read as a document. The message names the file and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
