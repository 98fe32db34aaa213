"""Named Cypher questions: ``queries/<name>.cypher`` files with a comment header.

Header lines (before the Cypher)::

    // name: topic_leads
    // description: Lead units for a topic, grouped by jurisdiction
    // params: topic (string, e.g. 转供电改直供电), min_shared (int, default 1)

Each parameter is ``name (type[, default V][, e.g. V])`` with type string / int / float /
bool / list (a list of strings; written ``a|b`` on the command line and in headers); a parameter
without a default is required. Other comment lines are notes. Unknown
names and parameters are refused with the known ones listed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from fengong.graph.cypher_tokens import Kind, tokenize
from fengong.graph.store import GraphStore, Rows

# "topic": a string read as a topic of the taxonomy by its name or English name, passed on as the
# name (the Topic key): the queries then seek the topic by key, which LadybugDB plans as a lookup
# where an OR over name and English name scans every task and edge.
_TYPES: dict[str, type] = {
    "string": str,
    "topic": str,
    "int": int,
    "float": float,
    "bool": bool,
    "list": list,
}
_PARAM = re.compile(r"^\s*([A-Za-z_]\w*)\s*\((.*)\)\s*$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_LIMIT = re.compile(r"\bLIMIT\b", re.IGNORECASE)


class QueryError(ValueError):
    """An unknown query name, a missing / unknown / malformed parameter, or a bad query file."""


@dataclass(frozen=True, slots=True)
class Param:
    """One query parameter: its type, whether it is required, default and example values."""

    name: str
    type: str
    required: bool
    default: Any = None
    example: Any = None

    def convert(self, value: object) -> Any:
        """``value`` as this parameter's type (strings from the CLI / HTTP are parsed)."""
        kind = _TYPES[self.type]
        if self.type == "topic" and isinstance(value, str):
            return topic_name(value)
        if kind is list:
            if isinstance(value, str):
                return [p.strip() for p in value.split("|") if p.strip()]
            if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
                return list(value)
            raise QueryError(f"parameter {self.name!r} must be a list of strings, got {value!r}")
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        if isinstance(value, str):
            text = value.strip()
            try:
                if kind is bool:
                    if text.lower() in ("1", "true", "yes", "y", "on"):
                        return True
                    if text.lower() in ("0", "false", "no", "n", "off"):
                        return False
                    raise ValueError(text)
                if kind is str:
                    return value
                return kind(text)
            except ValueError:
                pass
        elif kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        raise QueryError(f"parameter {self.name!r} must be {self.type}, got {value!r}")


def topic_name(value: str) -> str:
    """The taxonomy's name of the topic ``value`` names (its name, or its English name in any
    case); ``value`` itself when no topic of the taxonomy has it."""
    from fengong.vocabulary import load_topics  # the taxonomy, only when a topic is asked for

    wanted = value.strip()
    for topic in load_topics():
        if wanted == topic.name or (topic.en and wanted.lower() == topic.en.lower()):
            return topic.name
    return wanted


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A named question: header metadata plus the Cypher text."""

    name: str
    description: str
    params: tuple[Param, ...]
    cypher: str
    notes: str = ""

    def bind(self, values: Mapping[str, object] | None = None) -> dict[str, Any]:
        """Validated parameters: unknown names refused, required ones demanded, defaults filled."""
        values = dict(values or {})
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise QueryError(
                f"query {self.name!r} has no parameter {', '.join(map(repr, unknown))}; "
                f"its parameters: {', '.join(known) or '(none)'}"
            )
        bound: dict[str, Any] = {}
        for p in self.params:
            if p.name in values and values[p.name] is not None:
                bound[p.name] = p.convert(values[p.name])
            elif p.required:
                hint = f" (e.g. {p.example})" if p.example is not None else ""
                raise QueryError(f"query {self.name!r} needs parameter {p.name!r}{hint}")
            else:
                bound[p.name] = p.default
        return bound

    def capped(self, rows: int) -> str:
        """The Cypher with ``LIMIT rows`` closing each ``UNION ALL`` branch that has none.

        Named queries end in ORDER BY; with a LIMIT the server keeps the first rows of the sort
        (a top-k) instead of sorting and sending every row past the caller's cap.
        """
        lines = self.cypher.splitlines()
        if any(line.strip().upper() == "UNION" for line in lines):
            return self.cypher  # a distinct union: capped branches could lose rows after merging
        branches: list[list[str]] = [[]]
        for line in lines:
            if line.strip().upper() == "UNION ALL":
                branches.append([])
            else:
                branches[-1].append(line)
        out = []
        for branch in branches:
            code = [line.split("//", 1)[0].strip() for line in branch]
            last = next((line for line in reversed(code) if line), "")
            text = "\n".join(branch)
            out.append(text if _LIMIT.search(last) else f"{text}\nLIMIT {int(rows)}")
        return "\nUNION ALL\n".join(out)

    def specialised(self, cypher: str, bound: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        """``cypher`` with every string parameter that is ``''`` or at its declared default written
        as that literal, and the parameters left to pass.

        The queries filter optionally (``$text = '' OR toLower(t.text) CONTAINS ...``, ``$role =
        'any' OR r.role = $role``). LadybugDB evaluates both sides of such an OR for every row, a
        parameter being unknown when it plans, so an unused filter still reads every task's text,
        or joins every unit's edges; with the literal it folds the filter away before running
        (task_list by place and date: 570 -> 20 ms on 10,000 documents; unit_partners with any
        role: 1 s -> 20 ms). Same rows, since the literal is the value either way.
        """
        defaults = {p.name: p.default for p in self.params if p.type in ("string", "topic")}
        lists = {p.name for p in self.params if p.type == "list"}
        fixed = tuple(
            sorted(
                [
                    (name, _string_literal(value))
                    for name, value in bound.items()
                    if isinstance(value, str) and name in defaults and value in ("", defaults[name])
                ]
                # an empty list too (size($units) = 0 OR …: 330 -> 22 ms for task_progress)
                + [(name, "[]") for name, value in bound.items() if name in lists and value == []]
            )
        )
        if not fixed:
            return cypher, dict(bound)
        names = {name for name, _ in fixed}
        return _inline(cypher, fixed), {k: v for k, v in bound.items() if k not in names}

    def examples(self) -> dict[str, Any]:
        """Example parameter values (required ones from ``e.g.``), for docs and tests."""
        return {p.name: p.example for p in self.params if p.example is not None}


@lru_cache(maxsize=1024)
def _inline(cypher: str, values: tuple[tuple[str, str], ...]) -> str:
    """``cypher`` with the parameters named in ``values`` replaced by the literals given (tokens,
    so never inside a string, a comment or a longer name)."""
    literals = dict(values)
    out, last = [], 0
    for token in tokenize(cypher):
        if token.kind is Kind.PARAM and token.value in literals:
            out += [cypher[last : token.pos], literals[str(token.value)]]
            last = token.pos + len(token.text)
    return "".join([*out, cypher[last:]])


def _string_literal(value: str) -> str:
    """A Cypher string literal both engines read as ``value`` (the escapes both accept)."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _split_top(text: str) -> list[str]:
    """Split on commas outside parentheses and quotes."""
    parts: list[str] = []
    cur: list[str] = []
    depth, quote = 0, ""
    for ch in text:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    if "".join(cur).strip():
        parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def _literal(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def _parse_param(spec: str, query: str) -> Param:
    m = _PARAM.match(spec)
    if not m:
        raise QueryError(f"query {query!r}: bad parameter spec {spec!r}; want name (type, default X, e.g. Y)")
    name, inner = m.group(1), _split_top(m.group(2))
    if not inner or inner[0] not in _TYPES:
        raise QueryError(f"query {query!r}: parameter {name!r} needs a type among {', '.join(_TYPES)}")
    kind, default, example, has_default = inner[0], None, None, False
    for item in inner[1:]:
        if item.startswith("default"):
            default, has_default = _literal(item[len("default") :]), True
        elif item.startswith("e.g."):
            example = _literal(item[len("e.g.") :])
    param = Param(name, kind, required=not has_default)
    if has_default:
        param = Param(name, kind, False, param.convert(default))
    if example is not None:
        param = Param(name, kind, param.required, param.default, param.convert(example))
    return param


def parse_query(text: str, fallback_name: str = "") -> NamedQuery:
    """Parse a ``.cypher`` file's header and body."""
    header: dict[str, str] = {}
    notes: list[str] = []
    body: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not body and stripped.startswith("//"):
            content = stripped[2:].strip()
            key, sep, value = content.partition(":")
            if sep and key.strip() in ("name", "description", "params") and key.strip() not in header:
                header[key.strip()] = value.strip()
            else:
                notes.append(content)
        elif stripped or body:
            body.append(line)
    name = header.get("name") or fallback_name
    if not _NAME.match(name):
        raise QueryError(f"query file {fallback_name!r}: bad or missing '// name:' header")
    if not header.get("description"):
        raise QueryError(f"query {name!r}: missing '// description:' header")
    params = tuple(_parse_param(spec, name) for spec in _split_top(header.get("params", "")))
    cypher = "\n".join(body).strip()
    if not cypher:
        raise QueryError(f"query {name!r}: no Cypher after the header")
    return NamedQuery(name, header["description"], params, cypher, "\n".join(notes))


@cache
def _all() -> dict[str, NamedQuery]:
    out: dict[str, NamedQuery] = {}
    for entry in sorted(resources.files("fengong.queries").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            stem = entry.name.removesuffix(".cypher")
            query = parse_query(entry.read_text(encoding="utf-8"), stem)
            if query.name != stem:
                raise QueryError(f"{entry.name}: header name {query.name!r} differs from the file name")
            out[query.name] = query
    return out


def list_queries() -> list[NamedQuery]:
    """Every named query, sorted by name."""
    return list(_all().values())


def get_query(name: str) -> NamedQuery:
    """The named query ``name``; QueryError listing the known names otherwise."""
    queries = _all()
    if name not in queries:
        raise QueryError(f"unknown query {name!r}; known queries: {', '.join(queries)}")
    return queries[name]


def run_named(
    store: GraphStore,
    name: str,
    params: Mapping[str, object] | None = None,
    *,
    limit: int | None = None,
    skip_bounded: bool = True,
) -> Rows:
    """Validate ``params`` for query ``name`` and run it read-only on ``store``
    (``skip_bounded``: see ``GraphStore.run``)."""
    query = get_query(name)
    cap = store.settings.row_cap if limit is None else limit
    # One row past the cap lets the store tell a truncated answer from a complete one.
    cypher, bound = query.specialised(query.capped(cap + 1), query.bind(params))
    return store.run(cypher, bound, read_only=True, limit=limit, skip_bounded=skip_bounded)
