"""ZIP-based documents (.docx, .xlsx, .odt …) checked before any parser opens them.

A small file can inflate to gigabytes (a "zip bomb"), and its headers may lie about the sizes.
``check_archive`` refuses a package whose members are too many, whose declared sizes pass the
limits, or which, decompressed through a counting reader that stops at the limit, inflates past
them; only then does a reader parse it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from fengong.ingest.errors import DocumentError
from fengong.ingest.limits import MIB, ReadLimits

_CHUNK = 1 << 16
# Below this many inflated bytes the ratio says nothing harmful (a 2 KB styles part at 1:150 is
# ordinary); above it a high ratio is what a bomb looks like.
_RATIO_FLOOR = 1 * MIB


def _too_big(path: Path, inflated: int, limits: ReadLimits, compressed: int) -> str | None:
    if inflated > limits.max_unzipped:
        return (
            f"archive inflates to more than {limits.max_unzipped} bytes "
            f"(FENGONG_MAX_UNZIPPED={limits.max_unzipped}); refused before parsing"
        )
    if inflated > _RATIO_FLOOR and inflated > limits.max_ratio * max(compressed, 1):
        return (
            f"archive inflates more than {limits.max_ratio:g} times its compressed size "
            f"(FENGONG_MAX_ZIP_RATIO={limits.max_ratio:g}); refused before parsing"
        )
    return None


def check_archive(path: Path, limits: ReadLimits | None = None) -> None:
    """Refuse (DocumentError naming the file and the limit) a ZIP package that is too costly to open.

    The declared sizes are checked first (cheap), then every member is inflated and counted,
    stopping at the first byte past a limit, so a lying header cannot get a bomb through.
    """
    limits = limits or ReadLimits.from_env()
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
            if len(members) > limits.max_entries:
                raise DocumentError(
                    str(path),
                    f"archive has {len(members)} members, more than FENGONG_MAX_ZIP_ENTRIES="
                    f"{limits.max_entries}; refused before parsing",
                )
            declared = sum(m.file_size for m in members)
            compressed = max(path.stat().st_size, sum(m.compress_size for m in members))
            problem = _too_big(path, declared, limits, compressed)
            inflated = 0
            for member in members if problem is None else ():
                with package.open(member) as stream:
                    while chunk := stream.read(_CHUNK):
                        inflated += len(chunk)
                        problem = _too_big(path, inflated, limits, compressed)
                        if problem is not None:
                            break
                if problem is not None:
                    break
    except DocumentError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        EOFError,
        ValueError,
        RuntimeError,
    ) as exc:
        raise DocumentError(str(path), f"broken ZIP package: {exc}") from exc
    except OSError as exc:
        raise DocumentError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    if problem is not None:
        raise DocumentError(str(path), problem)
