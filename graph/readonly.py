"""A lexical guard for read-only Cypher, applied before the engine's own guard.

The engines enforce read-only themselves (Neo4j: READ access mode; LadybugDB: a
``BEGIN TRANSACTION READ ONLY`` transaction). This guard adds what those miss or
allow: LadybugDB runs ``LOAD FROM 'file'``, ``EXPORT DATABASE``, ``ATTACH``,
``INSTALL`` and ``CALL <setting>=…`` even in a read-only transaction, and a
clear error message is friendlier than an engine exception in both cases.
"""

from __future__ import annotations

import re

# Clauses that write, touch files, change settings or control transactions.
FORBIDDEN = frozenset(
    {
        "CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "COPY", "LOAD", "ALTER",
        "INSTALL", "ATTACH", "USE", "EXPORT", "IMPORT", "BEGIN", "COMMIT", "ROLLBACK",
        "CHECKPOINT", "FOREACH", "TERMINATE", "GRANT", "DENY", "REVOKE",
    }
)  # fmt: skip
# Read-only procedures a user may CALL, per store (anything else is refused).
ALLOWED_CALLS = frozenset(
    {
        "show_tables", "table_info", "show_connection", "db_version", "show_functions",
        "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
        "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
    }
)  # fmt: skip

_STRIP = re.compile(
    r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/""",
    re.DOTALL,
)
_WORD = re.compile(r"(?<![.\w$])([A-Za-z_][\w.]*)")


class ReadOnlyViolation(ValueError):
    """The query would write, reach outside the database, or is not a single statement."""


def _strip(cypher: str) -> str:
    """Blank out string literals, quoted identifiers and comments (keywords inside them are data)."""
    return _STRIP.sub(lambda m: " " * len(m.group(0)), cypher)


def check_read_only(cypher: str) -> None:
    """Raise ReadOnlyViolation unless ``cypher`` is one statement that only reads the graph."""
    bare = _strip(cypher).strip()
    if not bare:
        raise ReadOnlyViolation("empty query")
    if ";" in bare.rstrip(";"):
        raise ReadOnlyViolation("only one statement is allowed")
    words = [m.group(1) for m in _WORD.finditer(bare)]
    for i, word in enumerate(words):
        upper = word.upper()
        if upper == "CALL":
            proc = words[i + 1].lower() if i + 1 < len(words) else ""
            if proc not in ALLOWED_CALLS:
                raise ReadOnlyViolation(
                    f"CALL {proc or '…'} is not allowed in read-only Cypher "
                    f"(allowed: {', '.join(sorted(ALLOWED_CALLS))})"
                )
        elif upper in FORBIDDEN:
            raise ReadOnlyViolation(f"{upper} is not allowed in read-only Cypher")
