"""Role annotations in running text (compatibility names over ``ingest/notations``): the inline
readers' annotations and the one role-assignment function."""

from __future__ import annotations

from collections.abc import Iterable

from fengong.ingest.notations.registry import find_annotations
from fengong.ingest.notations.roles import Annotation, RoleList, declares_first_is_lead
from fengong.ingest.notations.roles import assign_roles as assign_role_lists
from fengong.ingest.units import Mention

__all__ = ["Annotation", "RoleList", "assign_roles", "declares_first_is_lead", "find_annotations"]


def assign_roles(annotations: Iterable[Annotation], first_is_lead: bool) -> dict[str, list[Mention]]:
    """The roles of a task named by ``annotations`` (their role lists, in order, given to the one
    role function ``notations.roles.assign_roles``)."""
    anns = list(annotations)
    declared = first_is_lead or any(a.first_is_lead for a in anns)
    return assign_role_lists((rl for a in anns for rl in a.lists), declared)
