"""Colours, sizes and captions of labels and relationship types, shared by every visual export.

The values are those of ``docker/fengong.grass`` (the Neo4j Browser style), so Gephi,
Cytoscape, the HTML view and Browser show a graph the same way; a test keeps them equal.
"""

from __future__ import annotations

from typing import Any

#: Node fill colour per label.
LABEL_COLOURS: dict[str, str] = {
    "Document": "#4C8EDA",
    "Jurisdiction": "#8DCC93",
    "Task": "#FFE081",
    "Unit": "#C990C0",
    "UnitType": "#DA7194",
    "Deadline": "#F79767",
    "Topic": "#57C7E3",
    "Target": "#D9C8AE",
    "Person": "#ECB5C9",
    "Group": "#569480",
    "Term": "#C7C7C7",
}

#: Node diameter (px) per label, as in Browser.
LABEL_SIZES: dict[str, int] = {
    "Document": 80,
    "Jurisdiction": 70,
    "Task": 55,
    "Unit": 60,
    "UnitType": 45,
    "Deadline": 40,
    "Topic": 50,
    "Target": 45,
    "Person": 45,
    "Group": 65,
    "Term": 30,
}

#: The property a node is captioned by.
CAPTIONS: dict[str, str] = {
    "Document": "title",
    "Jurisdiction": "name",
    "Task": "title",
    "Unit": "name",
    "UnitType": "name",
    "Deadline": "text",
    "Topic": "name",
    "Target": "metric",
    "Person": "name",
    "Group": "name",
    "Term": "name",
}

#: Line colour per relationship type.
REL_COLOURS: dict[str, str] = {
    "LEADS": "#D62728",
    "COOPERATES": "#1F77B4",
    "RESPONSIBLE_FOR": "#FF7F0E",
    "HAS_TASK": "#7F7F7F",
    "IN": "#2CA02C",
    "OF_TYPE": "#E377C2",
    "DUE": "#BCBD22",
    "ABOUT": "#17BECF",
    "SETS": "#8C564B",
    "MEMBER_OF": "#9467BD",
    "IN_CHARGE_OF": "#C5B0D5",
    "OFFICE_AT": "#393B79",
    "PART_OF": "#637939",
    "ISSUED_IN": "#4C8EDA",
    "MENTIONS": "#9EDAE5",
    "HAS_TERM": "#D3D3D3",
}

#: How the matrix writes each role (责任 takes the rank: 责任1, 责任2, ...).
ROLE_CELLS: dict[str, str] = {"lead": "牵头", "cooperate": "配合", "responsible": "责任"}


def cytoscape_stylesheet(caption: str = "caption", scale: float = 0.5) -> list[dict[str, Any]]:
    """The ``.grass`` style as a Cytoscape.js stylesheet, for every view drawn by Cytoscape.js.

    Nodes are selected by class (their label): filled with the label's colour, ``scale`` times
    Browser's diameter, captioned by ``data(<caption>)`` below the node (captions shrink out of
    sight when zoomed far out). Edges by class (their type): straight lines in the type's colour.
    """
    style: list[dict[str, Any]] = [
        {
            "selector": "node",
            "style": {
                "label": f"data({caption})",
                "font-size": 10,
                "min-zoomed-font-size": 7,
                "text-valign": "bottom",
                "text-margin-y": 2,
                "text-wrap": "ellipsis",
                "text-max-width": 84,
                "border-width": 1,
                "border-color": "#FFFFFF",
                "background-color": "#A5ABB6",
            },
        },
        {"selector": "edge", "style": {"width": 1, "curve-style": "haystack", "opacity": 0.55}},
    ]
    for label, colour in LABEL_COLOURS.items():
        size = round(LABEL_SIZES[label] * scale, 1)
        style.append(
            {
                "selector": f"node.{label}",
                "style": {"background-color": colour, "width": size, "height": size},
            }
        )
    for rel_type, colour in REL_COLOURS.items():
        style.append(
            {"selector": f"edge.{rel_type}", "style": {"line-color": colour, "target-arrow-color": colour}}
        )
    return style


def rgb(colour: str) -> tuple[int, int, int]:
    """``#RRGGBB`` as an (r, g, b) tuple."""
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def role_cell(role: str, rank: int | None) -> str:
    """The matrix cell text of one assignment: 牵头 / 配合 / 责任<rank>."""
    word = ROLE_CELLS.get(role, role)
    return f"{word}{rank or ''}" if role == "responsible" else word
