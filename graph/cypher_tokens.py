"""A Cypher tokenizer that reads a query the way both engines do, or refuses it.

The two engines (LadybugDB 0.22, Neo4j 5.26) lex Cypher with different grammars, and a
reader that disagrees with either one can be made to see a comment or a string where the
engine sees a statement. So this tokenizer does not guess: wherever the grammars differ it
refuses the query (``TokenError``) instead of picking one reading.

Where they differ, and what is refused (grammars: LadybugDB ``src/antlr4/Cypher.g4``,
Neo4j ``Cypher5Lexer.g4``):

- ``//`` comments: Neo4j ends them at ``\\r`` or ``\\n``, LadybugDB only at ``\\r?\\n``; and
  their whitespace sets differ (LadybugDB: VT, FF, FS..US, U+2028/2029, ...). Every control
  or format character other than ``\\n`` and ``\\t`` is refused anywhere in the query, and
  every non-ASCII character outside string literals and backtick names.
- ``/* */`` comments: Neo4j ends at the first ``*/``; LadybugDB reads ``*`` plus the next
  character as a pair, so ``/* **/`` is still open for it. A block comment the two would
  end at different places is refused, and so is one that never ends.
- Numbers: Neo4j reads ``1LOAD`` / ``0x1F`` / ``1_000`` / ``010`` as one (bad or octal)
  number, LadybugDB as a number followed by a word (``1`` ``LOAD``). A number glued to a
  letter, digit after a leading zero, ``_`` or ``$`` is refused.
- Strings: Neo4j accepts any character after a backslash; LadybugDB only a few escapes, and
  for anything else the string is not a string at all. Only the escapes both accept are
  allowed: ``\\\\ \\' \\" \\b \\f \\n \\r \\t`` and ``\\uXXXX``.
- ``$`` is a letter inside names for both engines; a ``$`` glued to a name is refused.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

#: Unicode categories refused anywhere: control, format, surrogate, private use, line and
#: paragraph separators (``\n`` and ``\t`` excepted).
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})
_NUMBER = re.compile(r"(?:\d+(?:\.\d+)?|\.\d+)(?:[eE]-?\d+)?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DIGITS = re.compile(r"\d+")
_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")
_SIMPLE_ESCAPES = frozenset("\\'\"bfnrtBFNRT")
_PUNCT_2 = frozenset({"..", "<>", "<=", ">=", "=~", "!=", "::", "+=", "||"})
_PUNCT_1 = frozenset("()[]{},.:;=<>+-*/%^|&!~")


class TokenError(ValueError):
    """The query cannot be read the same way by both engines (or at all)."""


class Kind(Enum):
    """What a token is."""

    WORD = "word"  # an unquoted name or keyword
    QUOTED = "quoted"  # a `backtick` name (never a keyword)
    STRING = "string"
    NUMBER = "number"
    PARAM = "param"  # $name or $0
    PUNCT = "punct"


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its kind, its text as written, and where it starts in the query.

    ``value`` is the name without backticks (QUOTED), the parameter name (PARAM), the
    number (NUMBER: int or float), or the text itself otherwise.
    """

    kind: Kind
    text: str
    pos: int
    value: str | int | float

    def is_punct(self, *texts: str) -> bool:
        """True for a punctuation token whose text is one of ``texts``."""
        return self.kind is Kind.PUNCT and self.text in texts

    def word(self) -> str | None:
        """The upper-cased word of a WORD token, else None."""
        return self.text.upper() if self.kind is Kind.WORD else None


def _where(cypher: str, pos: int) -> str:
    line = cypher.count("\n", 0, pos) + 1
    column = pos - (cypher.rfind("\n", 0, pos) + 1) + 1
    return f"line {line}, column {column}"


def check_characters(cypher: str) -> None:
    """Refuse control, format and line-separator characters other than ``\\n`` and ``\\t``."""
    for pos, ch in enumerate(cypher):
        if ch in "\n\t" or " " <= ch <= "~":
            continue
        if unicodedata.category(ch) in _REFUSED_CATEGORIES:
            name = unicodedata.name(ch, "a control character")
            raise TokenError(
                f"character U+{ord(ch):04X} ({name}) at {_where(cypher, pos)} is not allowed: the "
                "engines disagree on where lines and comments end around such characters "
                "(only newline and tab are allowed)"
            )


def _ladybug_comment_end(cypher: str, start: int) -> int | None:
    """Where LadybugDB's ``/* ( ~[*] | '*' ~[/] )* */`` ends (index after ``*/``), or None."""
    i = start + 2
    while i < len(cypher):
        if cypher[i] == "*":
            if i + 1 < len(cypher) and cypher[i + 1] == "/":
                return i + 2
            i += 2  # '*' and the character after it are read as one pair
        else:
            i += 1
    return None


def _block_comment_end(cypher: str, start: int) -> int:
    neo4j = cypher.find("*/", start + 2)
    ladybug = _ladybug_comment_end(cypher, start)
    if neo4j < 0 or ladybug is None:
        raise TokenError(f"the comment opened at {_where(cypher, start)} is never closed")
    if neo4j + 2 != ladybug:
        raise TokenError(
            f"the comment opened at {_where(cypher, start)} ends at different places for the two "
            "engines (a '*' run before '*/', as in '**/'); write the comment without it"
        )
    return ladybug


def _string_end(cypher: str, start: int) -> int:
    quote = cypher[start]
    i = start + 1
    while i < len(cypher):
        ch = cypher[i]
        if ch == quote:
            return i + 1
        if ch == "\\":
            nxt = cypher[i + 1 : i + 2]
            if nxt in _SIMPLE_ESCAPES and nxt:
                i += 2
                continue
            if nxt in ("u", "U") and _HEX4.fullmatch(cypher, i + 2, i + 6):
                i += 6
                continue
            raise TokenError(
                f"the escape '\\{nxt}' at {_where(cypher, i)} is not allowed (the engines read it "
                "differently); use \\\\ \\' \\\" \\b \\f \\n \\r \\t or \\uXXXX"
            )
        i += 1
    raise TokenError(f"the string opened at {_where(cypher, start)} is never closed")


def _quoted_end(cypher: str, start: int) -> int:
    i = start + 1
    while True:
        close = cypher.find("`", i)
        if close < 0:
            raise TokenError(f"the `quoted name` opened at {_where(cypher, start)} is never closed")
        if cypher.startswith("``", close):  # a doubled backtick is a backtick inside the name
            i = close + 2
            continue
        return close + 1


def _glued(cypher: str, end: int, what: str, start: int) -> None:
    """Refuse a letter, digit, ``_`` or ``$`` right after a number / name / parameter."""
    if end < len(cypher) and (cypher[end].isalnum() or cypher[end] in "_$"):
        raise TokenError(
            f"{what} {cypher[start : end + 1]!r}… at {_where(cypher, start)} is glued to the next "
            "character; the engines split it differently: put a space between them"
        )


def tokenize(cypher: str) -> list[Token]:
    """The tokens of ``cypher`` (comments and whitespace dropped), or TokenError."""
    check_characters(cypher)
    tokens: list[Token] = []
    i, n = 0, len(cypher)
    while i < n:
        ch = cypher[i]
        if ch in " \t\n":
            i += 1
        elif cypher.startswith("//", i):
            end = cypher.find("\n", i)
            i = n if end < 0 else end + 1
        elif cypher.startswith("/*", i):
            i = _block_comment_end(cypher, i)
        elif ch in "'\"":
            end = _string_end(cypher, i)
            tokens.append(Token(Kind.STRING, cypher[i:end], i, cypher[i + 1 : end - 1]))
            i = end
        elif ch == "`":
            end = _quoted_end(cypher, i)
            tokens.append(Token(Kind.QUOTED, cypher[i:end], i, cypher[i + 1 : end - 1].replace("``", "`")))
            i = end
        elif ch.isdigit() or (ch == "." and cypher[i + 1 : i + 2].isdigit()):
            tokens.append(_number(cypher, i))
            i += len(tokens[-1].text)
        elif ch == "$":
            tokens.append(_parameter(cypher, i))
            i += len(tokens[-1].text)
        elif ch.isascii() and (ch.isalpha() or ch == "_"):
            m = _NAME.match(cypher, i)
            assert m is not None
            _glued(cypher, m.end(), "the name", i)
            tokens.append(Token(Kind.WORD, m.group(), i, m.group()))
            i = m.end()
        elif cypher[i : i + 2] in _PUNCT_2:
            tokens.append(Token(Kind.PUNCT, cypher[i : i + 2], i, cypher[i : i + 2]))
            i += 2
        elif ch in _PUNCT_1:
            tokens.append(Token(Kind.PUNCT, ch, i, ch))
            i += 1
        elif not ch.isascii():
            raise TokenError(
                f"the character {ch!r} at {_where(cypher, i)} is only allowed inside a 'string' or a "
                "`quoted name` (the engines disagree on non-ASCII spaces and dashes)"
            )
        else:
            raise TokenError(f"unexpected character {ch!r} at {_where(cypher, i)}")
    return tokens


def _number(cypher: str, start: int) -> Token:
    m = _NUMBER.match(cypher, start)
    assert m is not None
    text = m.group()
    _glued(cypher, m.end(), "the number", start)
    if cypher[m.end() : m.end() + 1] == "." and cypher[m.end() + 1 : m.end() + 2].isdigit():
        raise TokenError(f"the number {text!r} at {_where(cypher, start)} is followed by another '.'")
    digits = _DIGITS.match(text)
    if digits is not None and len(digits.group()) > 1 and text.startswith("0"):
        raise TokenError(
            f"the number {text!r} at {_where(cypher, start)} has a leading zero (octal for one "
            "engine, two numbers for the other)"
        )
    value: int | float = int(text) if text.isdigit() else float(text)
    return Token(Kind.NUMBER, text, start, value)


def _parameter(cypher: str, start: int) -> Token:
    if cypher.startswith("`", start + 1):
        end = _quoted_end(cypher, start + 1)
        name = cypher[start + 2 : end - 1].replace("``", "`")
    else:
        m = _NAME.match(cypher, start + 1) or _DIGITS.match(cypher, start + 1)
        if m is None:
            raise TokenError(f"'$' at {_where(cypher, start)} must be followed by a parameter name")
        end, name = m.end(), m.group()
    _glued(cypher, end, "the parameter", start)
    return Token(Kind.PARAM, cypher[start:end], start, name)
