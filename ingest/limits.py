"""Limits on what reading one file may cost, read from the environment by an explicit call.

Every limit names its setting in the error it causes, so an operator knows what to raise.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """What one document file may cost to read.

    ``max_file_bytes``: a file on disk (FENGONG_MAX_FILE); ``max_unzipped``: the bytes a ZIP-based
    file (.docx, .xlsx, .odt …) inflates to (FENGONG_MAX_UNZIPPED); ``max_ratio``: inflated size
    over compressed size (FENGONG_MAX_ZIP_RATIO); ``max_entries``: members of such a file
    (FENGONG_MAX_ZIP_ENTRIES); ``max_nesting``: elements open at once in an HTML page
    (FENGONG_MAX_NESTING).
    """

    max_file_bytes: int = 200 * MIB
    max_unzipped: int = 200 * MIB
    max_ratio: float = 100.0
    max_entries: int = 10_000
    max_nesting: int = 1_000

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ReadLimits:
        """The limits from ``env`` (default ``os.environ``); unset or blank settings keep their default."""
        env = os.environ if env is None else env
        defaults = cls()
        values: dict[str, float | int] = {}
        for field, name, kind in _SETTINGS:
            raw = env.get(name, "").strip()
            if not raw:
                continue
            try:
                value = kind(raw)
            except ValueError:
                raise ValueError(f"{name} must be a number, not {raw!r}") from None
            if value <= 0:
                raise ValueError(f"{name} must be positive, not {raw!r}")
            values[field] = value
        return cls(**{**{f: getattr(defaults, f) for f, _, _ in _SETTINGS}, **values})


_SETTINGS: tuple[tuple[str, str, type[int] | type[float]], ...] = (
    ("max_file_bytes", "FENGONG_MAX_FILE", int),
    ("max_unzipped", "FENGONG_MAX_UNZIPPED", int),
    ("max_ratio", "FENGONG_MAX_ZIP_RATIO", float),
    ("max_entries", "FENGONG_MAX_ZIP_ENTRIES", int),
    ("max_nesting", "FENGONG_MAX_NESTING", int),
)
