"""The rewrite kinds: each changes how a document writes its assignments, never what they mean,
and derives the rewritten gold exactly. A kind returns None when it does not apply to a document
or when applying it would leave the gold ambiguous. Importing this module registers every kind,
in a fixed order (the order seeds ``mixed``)."""

from __future__ import annotations

import random

from tests.rewrite import labels, layout, lead, prose, sections, swaps
from tests.rewrite.model import Sample
from tests.rewrite.registry import KINDS, apply_edits, kind

__all__ = ["KINDS", "ORDER", "apply_edits", "labels", "layout", "lead", "prose", "sections", "swaps"]

# Every kind, in the order ``mixed`` draws from (part of the seed: changing it changes the corpus).
ORDER = (
    "role_words",
    "brackets",
    "separators",
    "first_is_lead",
    "swap_central",
    "swap_local",
    "numbering",
    "paragraphs",
    "table_columns",
    "prose_clauses",
    "lead_marks",
    "subject_clauses",
    "duty_clauses",
    "by_unit",
    "unit_lines",
    "field_bars",
    "lead_headings",
    "roles_elsewhere",
    "letter_codes",
    "matrix",
    "mixed",
)
#: Kinds that rewrite the whole document, or whose result later kinds would carry where no
#: reader takes it (letter codes moved into prose clauses): nothing is chained after them.
WHOLE = ("by_unit", "unit_lines", "lead_headings", "letter_codes")


@kind
def mixed(s: Sample, rng: random.Random) -> Sample | None:
    """Two to four of the other rewrites one after the other."""
    names = [n for n in ORDER if n != "mixed" and n not in WHOLE]
    rng.shuffle(names)
    out, applied, target = s, 0, rng.randint(2, 4)
    for name in names:
        new = KINDS[name](out, rng)
        if new is not None:
            out, applied = new, applied + 1
        if applied >= target:
            break
    if applied < 2:
        return None
    return Sample(out.name, out.text, out.gold, out.base, (*s.kinds, "mixed"))


_registered = dict(KINDS)
if set(_registered) != set(ORDER):
    raise RuntimeError(f"kinds registered {sorted(_registered)} differ from ORDER")
KINDS.clear()
KINDS.update((n, _registered[n]) for n in ORDER)
