"""A small streaming XML writer (stdlib ``XMLGenerator``) and value encoding shared by GraphML and GEXF."""

from __future__ import annotations

import io
import json
import re
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from fengong.graph.schema import NODES, RELS, Prop, PropType

# Characters XML 1.0 forbids even escaped; a document's stray control character must not
# make the whole file unreadable.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: Any) -> str:
    """A property value as XML text: lists as JSON, booleans as true/false, illegal characters dropped."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple | dict):
        value = json.dumps(value, ensure_ascii=False)
    return _XML_ILLEGAL.sub("", str(value))


def _attrs(attrs: dict[str, Any] | None) -> str:
    if not attrs:
        return ""
    return "".join(f" {k}={quoteattr(xml_text(v))}" for k, v in attrs.items())


class XmlStream:
    """Elements written one at a time (start, leaf, end) to a binary file, indented by depth.

    Plain string writes through a buffered UTF-8 text layer: several times faster than
    ``xml.sax.saxutils.XMLGenerator``'s per-event calls on large graphs.
    """

    def __init__(self, out: IO[bytes]) -> None:
        self._out = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
        self._depth = 0
        self._out.write('<?xml version="1.0" encoding="utf-8"?>')

    def start(self, name: str, attrs: dict[str, Any] | None = None) -> None:
        """Open ``name`` (its children follow, indented)."""
        self._out.write(f"\n{'  ' * self._depth}<{name}{_attrs(attrs)}>")
        self._depth += 1

    def end(self, name: str) -> None:
        """Close ``name``."""
        self._depth -= 1
        self._out.write(f"\n{'  ' * self._depth}</{name}>")

    def leaf(self, name: str, attrs: dict[str, Any] | None = None, text: Any = None) -> None:
        """A whole element with optional text content."""
        indent = "  " * self._depth
        if text is None:
            self._out.write(f"\n{indent}<{name}{_attrs(attrs)}/>")
        else:
            self._out.write(f"\n{indent}<{name}{_attrs(attrs)}>{escape(xml_text(text))}</{name}>")

    def close(self) -> None:
        """Finish the document (the underlying file stays open)."""
        self._out.write("\n")
        self._out.flush()
        self._out.detach()


def attribute_types(kind: str) -> dict[str, PropType]:
    """Every property name of nodes (``kind="node"``) or relationships with its schema type.

    A name used with two types would make one attribute declaration wrong, so it is refused.
    """
    out: dict[str, PropType] = {}
    if kind == "node":
        props = [p for spec in NODES.values() for p in (Prop(spec.key), *spec.props)]
    else:
        props = [p for rspec in RELS.values() for p in rspec.props]
    for p in props:
        if out.setdefault(p.name, p.type) != p.type:
            raise TypeError(f"property {p.name!r} has two types: {out[p.name]} and {p.type}")
    return out
