"""Docs that cannot drift: the README names every label and relationship type of the schema."""

from __future__ import annotations

import re

from fengong.graph.schema import NODES, RELS
from tests.conftest import ROOT


def test_readme_names_the_whole_schema() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("Schema (one source of truth") :]
    named = set(re.findall(r"`([A-Za-z_]+)", section[: section.index("Ids are deterministic")]))
    assert set(NODES) <= named and set(RELS) <= named, (set(NODES) | set(RELS)) - named
