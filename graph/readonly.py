"""A lexical guard for read-only Cypher, applied before the engine's own guard.

The engines enforce read-only themselves (Neo4j: READ access mode; LadybugDB: a
``BEGIN TRANSACTION READ ONLY`` transaction). This guard adds what those miss or
allow: LadybugDB runs ``LOAD FROM 'file'``, ``EXPORT DATABASE``, ``ATTACH``,
``INSTALL`` and ``CALL <setting>=…`` even in a read-only transaction, and a
clear error message is friendlier than an engine exception in both cases.

Procedure names are read with their backtick quoting removed (```CALL `db`.`createLabel`(…)```
is ``db.createLabel``). ``range()``, ``repeat()``, ``lpad()`` and ``rpad()`` must have literal
sizes of at most ``MAX_LIST`` elements: LadybugDB builds such a value whole before it checks
its interrupt flag, so ``range(1, 1000000000)`` ran for 43 s and took 8 GB despite a 1 s time
limit. Neo4j's ``range`` is lazy, but the rule holds on both stores so that a query accepted
by one is accepted by the other.
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
# The same without quoted identifiers: used to read (possibly quoted) procedure and function names.
_STRIP_LITERALS = re.compile(
    r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|//[^\n]*|/\*.*?\*/""",
    re.DOTALL,
)
_WORD = re.compile(r"(?<![.\w$])([A-Za-z_][\w.]*)")
_NAME_PART = r"(?:`[^`]*`|[A-Za-z_][\w$]*)"
_QUALIFIED = re.compile(rf"\s*({_NAME_PART}(?:\s*\.\s*{_NAME_PART})*)")
_SIZED_CALL = re.compile(r"(?<![\w.$`])`?(range|repeat|lpad|rpad)`?\s*\(", re.IGNORECASE)
_INT = re.compile(r"\s*(-?\s*\d+)\s*")
#: Largest list / string a read-only query may build with range(), repeat(), lpad(), rpad().
MAX_LIST = 1_000_000


class ReadOnlyViolation(ValueError):
    """The query would write, reach outside the database, or is not a single statement."""


def _strip(cypher: str) -> str:
    """Blank out string literals, quoted identifiers and comments (keywords inside them are data)."""
    return _STRIP.sub(lambda m: " " * len(m.group(0)), cypher)


def _name_at(literals: str, pos: int) -> str:
    """The (possibly backtick-quoted, dotted) name starting at ``pos``, unquoted and lower-cased."""
    m = _QUALIFIED.match(literals, pos)
    if m is None:
        return ""
    return re.sub(r"\s+", "", m.group(1)).replace("`", "").lower()


def _arguments(literals: str, open_paren: int) -> list[str] | None:
    """The top-level comma-separated arguments of the call whose ``(`` is at ``open_paren``."""
    depth, start, args = 0, open_paren + 1, []
    for i in range(open_paren, len(literals)):
        ch = literals[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                args.append(literals[start:i])
                return args
        elif ch == "," and depth == 1:
            args.append(literals[start:i])
            start = i + 1
    return None


def _literal_int(text: str) -> int | None:
    m = _INT.fullmatch(text)
    return int(m.group(1).replace(" ", "")) if m else None


def _check_sizes(literals: str) -> None:
    """Refuse range() / repeat() / lpad() / rpad() whose size is not a small integer literal."""
    for m in _SIZED_CALL.finditer(literals):
        name = m.group(1).lower()
        args = _arguments(literals, m.end() - 1) or []
        if name == "range":
            ints = [_literal_int(a) for a in args]
            ok = 2 <= len(ints) <= 3 and all(v is not None for v in ints)
            if ok:
                start, stop, step = ints[0], ints[1], ints[2] if len(ints) == 3 else 1
                assert start is not None and stop is not None and step is not None
                ok = step != 0 and max(0, (stop - start) // step + 1) <= MAX_LIST
        else:
            size = _literal_int(args[1]) if len(args) >= 2 else None
            ok = size is not None and size <= MAX_LIST
        if not ok:
            raise ReadOnlyViolation(
                f"{name}() needs integer literals for its size, at most {MAX_LIST:,} elements, in "
                "read-only Cypher (the embedded engine builds the whole value before the time "
                "limit can stop it)"
            )


def check_read_only(cypher: str, *, bounded_sizes: bool = True) -> None:
    """Raise ReadOnlyViolation unless ``cypher`` is one statement that only reads the graph.

    ``bounded_sizes`` also refuses range() / repeat() / lpad() / rpad() calls that are not
    small literals (see the module docstring).
    """
    literals = _STRIP_LITERALS.sub(lambda m: " " * len(m.group(0)), cypher)
    bare = _strip(cypher).strip()
    if not bare:
        raise ReadOnlyViolation("empty query")
    if ";" in bare.rstrip(";"):
        raise ReadOnlyViolation("only one statement is allowed")
    offset = len(_strip(cypher)) - len(_strip(cypher).lstrip())  # ``bare`` was stripped on the left
    for m in _WORD.finditer(bare):
        upper = m.group(1).upper()
        if upper == "CALL":
            # Read the name from the text with quoted identifiers intact: CALL `db`.`createLabel`()
            # blanks to "CALL   .   ()" in ``bare``, which would hide the procedure.
            proc = _name_at(literals, offset + m.end(1))
            if proc not in ALLOWED_CALLS:
                raise ReadOnlyViolation(
                    f"CALL {proc or '…'} is not allowed in read-only Cypher "
                    f"(allowed: {', '.join(sorted(ALLOWED_CALLS))})"
                )
        elif upper in FORBIDDEN:
            raise ReadOnlyViolation(f"{upper} is not allowed in read-only Cypher")
    if bounded_sizes:
        _check_sizes(literals)
