"""The registry of inline notation readers, in precedence order (see the package docstring)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fengong.ingest.notations import clauses, labels, subjects
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
    InlineReader("bare bracketed list", clauses.find_bare_lists),
    InlineReader("prose clause", clauses.find_prose),
    InlineReader("subject clause", subjects.find),
)
# Readers whose annotations count only after every other annotation of the text: a sentence that
# a unit leads ("A要会同B…") inside a task that an annotation closes is that task's words.
_LAST_ONLY = frozenset({subjects.NAME})


def find_annotations(text: str, base: int = 0) -> list[Annotation]:
    """Every annotation any inline reader finds in ``text``, in document order."""
    out: list[Annotation] = []
    for reader in INLINE_READERS:
        for ann in reader.find(text, base):
            if all(ann.end <= a.start or ann.start >= a.end for a in out):
                out.append(ann)
    last_other = max((a.start for a in out if a.kind not in _LAST_ONLY), default=-1)
    out = [a for a in out if a.kind not in _LAST_ONLY or a.start > last_other]
    out.sort(key=lambda a: a.start)
    return out
