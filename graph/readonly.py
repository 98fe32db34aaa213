"""The guard for read-only Cypher: what a user's query may contain, read on real tokens.

The engines enforce read-only themselves too (Neo4j: READ access mode; LadybugDB: a read-only
transaction or database), but both still run some things a user must not: LadybugDB runs
``LOAD FROM 'file'``, ``EXPORT DATABASE``, ``ATTACH``, ``INSTALL`` and ``CALL <setting>=…`` in
a read-only transaction, Neo4j runs ``LOAD CSV`` and ``SHOW`` commands in READ mode. This guard
refuses them before anything runs, with a message that says what and why.

The query is read by ``fengong.graph.cypher_tokens``, which refuses whatever the two engines
would read differently (comments, line ends, glued numbers, escapes). On its tokens:

- one statement: a ``;`` may only end the query;
- keywords: every bare keyword of either engine must be a read keyword or a harmless name
  (``cypher_allow.yaml``); any other (``LOAD``, ``COPY``, ``CREATE``, ``SHOW``, …) is refused
  wherever it stands, even as a name (a name in backticks is never a keyword);
- ``CALL`` names an allowed read-only procedure of the store; ``CALL { … }`` subqueries are
  refused (``EXISTS { … }`` and ``COUNT { … }`` are allowed);
- a name followed by ``(`` is a function call and must be an allowed pure function;
- sizes: ``range()``, ``repeat()``, ``lpad()``, ``rpad()`` need integer literals for their size,
  at most ``MAX_LIST`` elements (LadybugDB builds such a value whole before it checks its time
  limit: ``range(1, 1000000000)`` ran 43 s and took 8 GB under a 1 s limit). Only each call is
  bounded: values grown by nesting or by variables are for the worker process's limits;
- ``SKIP`` and ``LIMIT`` take an integer literal or a ``$parameter`` whose value is a
  non-negative integer; ``SKIP`` at most ``MAX_SKIP`` on the embedded store (LadybugDB 0.22
  crashes the process on ``ORDER BY … SKIP n`` when n is thousands past the last row).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from fengong.graph.cypher_allow import AllowList, allow_list
from fengong.graph.cypher_tokens import Kind, Token, TokenError, tokenize

#: Largest list / string a read-only query may build with range(), repeat(), lpad(), rpad().
MAX_LIST = 1_000_000
#: Largest SKIP on the embedded store (and when the store is not named).
MAX_SKIP = 1_000
#: Words that continue an expression after a SKIP / LIMIT value.
_OPERATOR_WORDS = frozenset({"AND", "OR", "XOR", "IN", "IS", "CONTAINS", "STARTS", "ENDS", "NOT"})


class ReadOnlyViolation(ValueError):
    """The query would write, reach outside the database, or is not a single statement."""


def check_read_only(
    cypher: str,
    params: Mapping[str, Any] | None = None,
    *,
    bounded_sizes: bool = True,
    store_kind: str | None = None,
    skip_bounded: bool = True,
) -> None:
    """Raise ReadOnlyViolation unless ``cypher`` is one statement that only reads the graph.

    ``params`` are the query's parameters (a ``$parameter`` after SKIP or LIMIT must be
    among them). ``bounded_sizes`` refuses range() / repeat() / lpad() / rpad() calls whose
    size is not a small literal. ``store_kind`` ("embedded" or "neo4j") selects the store's
    procedures and SKIP bound; without it any store's procedures are allowed and the
    embedded store's SKIP bound applies. ``skip_bounded=False`` lifts the SKIP bound, for a
    caller that has made sure SKIP stays within the rows.
    """
    tokens = _checked_tokens(cypher, bounded_sizes, store_kind)
    # The SKIP bound is the embedded engine's (and the stricter rule when no store is named).
    bounded = skip_bounded and store_kind in (None, "embedded")
    _check_paging(tokens, params, MAX_SKIP if bounded else None)


@lru_cache(maxsize=512)
def _checked_tokens(cypher: str, bounded_sizes: bool, store_kind: str | None) -> tuple[Token, ...]:
    """The checks that depend on the text alone, remembered per text: the named queries are
    asked again and again (a refusal raises, so it is never remembered)."""
    try:
        tokens = tokenize(cypher)
    except TokenError as exc:
        raise ReadOnlyViolation(str(exc)) from None
    rules = allow_list()
    _check_single_statement(tokens)
    procedure_parens = _check_calls(tokens, rules, store_kind)
    _check_keywords(tokens, rules)
    _check_functions(tokens, rules, procedure_parens, bounded_sizes)
    return tuple(tokens)


def _bare_word(tokens: Sequence[Token], i: int) -> str | None:
    """The upper-cased word at ``i`` unless it is a property key or namespace part (after '.')."""
    word = tokens[i].word()
    if word is None or (i > 0 and tokens[i - 1].is_punct(".")):
        return None
    return word


def _check_single_statement(tokens: list[Token]) -> None:
    body = tokens[:-1] if tokens and tokens[-1].is_punct(";") else tokens
    if not body:
        raise ReadOnlyViolation("empty query")
    if any(t.is_punct(";") for t in body):
        raise ReadOnlyViolation("only one statement is allowed (a ';' may only end the query)")


def _check_keywords(tokens: list[Token], rules: AllowList) -> None:
    for i, token in enumerate(tokens):
        word = _bare_word(tokens, i)
        if word is None or word not in rules.keywords or word in rules.read or word in rules.names:
            continue
        raise ReadOnlyViolation(
            f"{word} is not allowed in read-only Cypher: only reading clauses are (MATCH, OPTIONAL "
            f"MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, LIMIT, UNION, CALL of a read-only "
            f"procedure); to use {token.text!r} as a name, write it in backticks: `{token.text}`"
        )


def _name_chain(tokens: list[Token], start: int) -> tuple[str, int]:
    """The dotted name (WORD / QUOTED parts) starting at ``start``, lower-cased, and its end."""
    parts: list[str] = []
    i = start
    while i < len(tokens) and tokens[i].kind in (Kind.WORD, Kind.QUOTED):
        parts.append(str(tokens[i].value))
        if (
            i + 2 < len(tokens)
            and tokens[i + 1].is_punct(".")
            and tokens[i + 2].kind in (Kind.WORD, Kind.QUOTED)
        ):
            i += 2
        else:
            i += 1
            break
    return ".".join(parts).lower(), i


def _check_calls(tokens: list[Token], rules: AllowList, store_kind: str | None) -> set[int]:
    """Check each CALL; return the indexes of the procedures' '(' tokens."""
    allowed = rules.procedures_for(store_kind)
    parens: set[int] = set()
    for i in range(len(tokens)):
        if _bare_word(tokens, i) != "CALL":
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.is_punct("{", "("):
            raise ReadOnlyViolation(
                "CALL { … } subqueries are not allowed in read-only Cypher (use EXISTS { … }, "
                "COUNT { … } or WITH instead)"
            )
        name, end = _name_chain(tokens, i + 1)
        if name not in allowed:
            raise ReadOnlyViolation(
                f"CALL {name or '…'} is not allowed in read-only Cypher"
                f"{' on the ' + store_kind + ' store' if store_kind else ''} "
                f"(allowed procedures: {', '.join(sorted(allowed))})"
            )
        if end < len(tokens) and tokens[end].is_punct("="):  # LadybugDB: CALL <setting> = value
            raise ReadOnlyViolation(f"CALL {name} = …: settings cannot be changed in read-only Cypher")
        if end < len(tokens) and tokens[end].is_punct("("):
            parens.add(end)
    return parens


def _call_name(tokens: list[Token], paren: int) -> str | None:
    """The function name before the '(' at ``paren``, or None when it is not a call."""
    j = paren - 1
    if j < 0 or tokens[j].kind not in (Kind.WORD, Kind.QUOTED):
        return None
    parts = [str(tokens[j].value)]
    while j >= 2 and tokens[j - 1].is_punct(".") and tokens[j - 2].kind in (Kind.WORD, Kind.QUOTED):
        j -= 2
        parts.insert(0, str(tokens[j].value))
    return ".".join(parts).lower()


def _check_functions(
    tokens: list[Token], rules: AllowList, procedure_parens: set[int], bounded_sizes: bool
) -> None:
    for i, token in enumerate(tokens):
        if not token.is_punct("(") or i in procedure_parens:
            continue
        name = _call_name(tokens, i)
        if name is None:
            continue
        word = _bare_word(tokens, i - 1)
        if word in rules.read and name not in rules.functions and "." not in name:
            continue  # a clause or operator before a parenthesis: MATCH (, AND (, IN (
        if name not in rules.functions:
            raise ReadOnlyViolation(
                f"{name}() is not an allowed function in read-only Cypher (allowed: the pure "
                "scalar, list, string, math, temporal and aggregating functions)"
            )
        if bounded_sizes and name in rules.sized:
            _check_size(name, _arguments(tokens, i))


def _arguments(tokens: list[Token], paren: int) -> list[list[Token]]:
    """The top-level comma-separated arguments of the call whose '(' is at ``paren``."""
    depth = 0
    args: list[list[Token]] = []
    current: list[Token] = []
    for token in tokens[paren:]:
        if token.is_punct("(", "[", "{"):
            depth += 1
            if depth == 1:
                continue
        elif token.is_punct(")", "]", "}"):
            depth -= 1
            if depth == 0:
                args.append(current)
                return args
        elif token.is_punct(",") and depth == 1:
            args.append(current)
            current = []
            continue
        current.append(token)
    return []  # unbalanced: the engines refuse it; no size can be read


def _literal_int(arg: list[Token]) -> int | None:
    """The integer an argument is, when it is an integer literal (possibly negative)."""
    sign = 1
    if len(arg) == 2 and arg[0].is_punct("-"):
        sign, arg = -1, arg[1:]
    if len(arg) == 1 and arg[0].kind is Kind.NUMBER and isinstance(arg[0].value, int):
        return sign * arg[0].value
    return None


def _check_size(name: str, args: list[list[Token]]) -> None:
    ints = [_literal_int(a) for a in args]
    if name == "range":
        ok = 2 <= len(ints) <= 3 and all(v is not None for v in ints)
        if ok:
            start, stop = ints[0], ints[1]
            step = ints[2] if len(ints) == 3 else 1
            assert start is not None and stop is not None and step is not None
            ok = step != 0 and max(0, (stop - start) // step + 1) <= MAX_LIST
    else:
        size = ints[1] if len(ints) >= 2 else None
        ok = size is not None and size <= MAX_LIST
    if not ok:
        raise ReadOnlyViolation(
            f"{name}() needs integer literals for its size, at most {MAX_LIST:,} elements, in "
            "read-only Cypher (the embedded engine builds the whole value before the time "
            "limit can stop it)"
        )


def _check_paging(tokens: Sequence[Token], params: Mapping[str, Any] | None, max_skip: int | None) -> None:
    """SKIP / LIMIT: an integer literal or an integer $parameter, and nothing more."""
    for i in range(len(tokens)):
        clause = _bare_word(tokens, i)
        if clause not in ("SKIP", "LIMIT"):
            continue
        value = tokens[i + 1] if i + 1 < len(tokens) else None
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        continues = after is not None and (
            (after.kind is Kind.PUNCT and not after.is_punct(";", ")", "}"))
            or after.word() in _OPERATOR_WORDS
        )
        number: object = None
        if value is not None and value.kind is Kind.NUMBER:
            number = value.value
        elif value is not None and value.kind is Kind.PARAM:
            if params is None or value.value not in params:
                raise ReadOnlyViolation(f"{clause} {value.text}: the parameter has no value")
            number = params[str(value.value)]
        if continues or not isinstance(number, int) or isinstance(number, bool) or number < 0:
            raise ReadOnlyViolation(
                f"{clause} must be followed by a non-negative integer or a $parameter holding one, "
                "not an expression, in read-only Cypher"
            )
        if clause == "SKIP" and max_skip is not None and number > max_skip:
            raise ReadOnlyViolation(
                f"SKIP must be at most {max_skip:,} on the embedded store (got {number:,}: the "
                "engine crashes on a large SKIP past the last row); page with WHERE instead"
            )
