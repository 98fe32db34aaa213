"""The registry of inline notation readers, in precedence order (see the package docstring)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fengong.ingest.notations import clauses, labels
from fengong.ingest.notations.roles import Annotation


@dataclass(frozen=True)
class InlineReader:
    """A notation written inside running text: ``find(text, base)`` returns its annotations with
    document offsets (``base`` is where ``text`` starts in the document)."""

    name: str
    find: Callable[[str, int], list[Annotation]]


# Earlier readers win: a span one of them claims is not read again by a later one.
INLINE_READERS: tuple[InlineReader, ...] = (
    InlineReader("label", labels.find),
    InlineReader("bracket clause", clauses.find_bracketed),
    InlineReader("prose clause", clauses.find_prose),
)


def find_annotations(text: str, base: int = 0) -> list[Annotation]:
    """Every annotation any inline reader finds in ``text``, in document order."""
    out: list[Annotation] = []
    for reader in INLINE_READERS:
        for ann in reader.find(text, base):
            if all(ann.end <= a.start or ann.start >= a.end for a in out):
                out.append(ann)
    out.sort(key=lambda a: a.start)
    return out
