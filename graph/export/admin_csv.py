"""The CSV set ``neo4j-admin database import full`` loads: one node file per label, one
relationship file per type, each with its own header row.

Headers follow the import tool's syntax: ``id:ID(Task)`` (the key, stored as a property
and scoped to an ID space per label), ``:LABEL``, typed properties (``rank:long``,
``collective:boolean``, ``value:double``, ``path:string[]``), and for relationships
``:START_ID(Unit)``, ``:END_ID(Task)``, ``:TYPE``. Arrays are joined by ``|``
(``--array-delimiter=|``; a ``|`` inside an element becomes ``｜``). Strings are always
quoted, so an empty string stays a string while an absent value (an empty unquoted field)
stays absent. ``import.sh`` and ``import.args`` in the directory hold the exact command.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Any

from fengong.graph.export.reader import GraphReader
from fengong.graph.schema import NODE_ORDER, NODES, REL_ORDER, RELS, PropType

ARRAY_DELIMITER = "|"
_TYPES: dict[PropType, str] = {
    "STRING": "string",
    "INT64": "long",
    "DOUBLE": "double",
    "BOOLEAN": "boolean",
    "STRING[]": "string[]",
}


def _string(value: Any) -> str:
    return "" if value is None else '"' + str(value).replace('"', '""') + '"'


def _boolean(value: Any) -> str:
    return "" if value is None else ("true" if value else "false")


def _number(value: Any) -> str:
    if value is None:
        return ""
    return repr(value) if isinstance(value, float) else str(int(value))


def _strings(value: Any) -> str:
    if value is None:
        return ""
    return _string(ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, "｜") for v in value))


_FORMAT: dict[PropType, Callable[[Any], str]] = {
    "STRING": _string,
    "INT64": _number,
    "DOUBLE": _number,
    "BOOLEAN": _boolean,
    "STRING[]": _strings,
}
# (property, formatter) per label and type, looked up once: the bulk path formats every row.
_NODE_COLUMNS = {label: tuple((p.name, _FORMAT[p.type]) for p in spec.props) for label, spec in NODES.items()}
_REL_COLUMNS = {t: tuple((p.name, _FORMAT[p.type]) for p in spec.props) for t, spec in RELS.items()}


def csv_field(value: Any, prop_type: PropType) -> str:
    """One CSV field in the import tool's syntax (absent: an empty unquoted field)."""
    return _FORMAT[prop_type](value)


def node_file(label: str) -> str:
    """The file name of ``label``'s nodes."""
    return f"nodes_{label}.csv"


def rel_file(rel_type: str) -> str:
    """The file name of ``rel_type``'s relationships."""
    return f"rels_{rel_type}.csv"


def node_header(label: str) -> list[str]:
    """The header row of ``label``'s node file."""
    spec = NODES[label]
    return [f"{spec.key}:ID({label})", ":LABEL"] + [f"{p.name}:{_TYPES[p.type]}" for p in spec.props]


def rel_header(rel_type: str) -> list[str]:
    """The header row of ``rel_type``'s relationship file."""
    spec = RELS[rel_type]
    return [f":START_ID({spec.src})", f":END_ID({spec.dst})", ":TYPE"] + [
        f"{p.name}:{_TYPES[p.type]}" for p in spec.props
    ]


def node_fields(label: str, key: Any, props: Mapping[str, Any]) -> list[str]:
    """One node row of ``label``'s file: key, label, then every schema property."""
    get = props.get
    return [_string(key), label, *(fmt(get(name)) for name, fmt in _NODE_COLUMNS[label])]


def rel_fields(rel_type: str, src: Any, dst: Any, props: Mapping[str, Any]) -> list[str]:
    """One relationship row of ``rel_type``'s file: start, end, type, then every schema property."""
    get = props.get
    return [_string(src), _string(dst), rel_type, *(fmt(get(name)) for name, fmt in _REL_COLUMNS[rel_type])]


class CsvFile:
    """A UTF-8 CSV file written line by line, remembering whether a field spans lines."""

    def __init__(self, path: Path, header: list[str]) -> None:
        """Create ``path`` and write its header row."""
        self.path = path
        self._out: IO[str] = path.open("w", encoding="utf-8", newline="")
        self._out.write(",".join(header) + "\n")
        self.rows = 0
        self.multiline = False

    def write(self, fields: list[str]) -> None:
        """Write one row of already formatted fields."""
        line = ",".join(fields)
        if "\n" in line or "\r" in line:
            self.multiline = True
        self._out.write(line + "\n")
        self.rows += 1

    def write_lines(self, text: str, rows: int, multiline: bool) -> None:
        """Append ``rows`` rows formatted elsewhere (``text`` ends with a newline)."""
        self._out.write(text)
        self.rows += rows
        self.multiline |= multiline

    def close(self) -> None:
        """Close the file."""
        self._out.close()


def admin_import_args(directory: Path, *, multiline: bool = True, relative: bool = False) -> list[str]:
    """Arguments for ``neo4j-admin database import full <database> ARGS`` over a written directory.

    The database name must come *before* these arguments (``--nodes`` takes several files).
    ``relative`` names the files relative to ``directory`` (for a command run inside it).
    """
    directory = Path(directory)
    args = [f"--array-delimiter={ARRAY_DELIMITER}", "--id-type=string"]
    if multiline:
        args.append("--multiline-fields=true")
    names = [("--nodes", node_file(label)) for label in NODE_ORDER]
    names += [("--relationships", rel_file(rel_type)) for rel_type in REL_ORDER]
    for option, name in names:
        path = directory / name
        if path.exists():
            args.append(f"{option}={name if relative else path.resolve()}")
    return args


def write_admin_csv(reader: GraphReader, directory: Path) -> int:
    """Write the node and relationship files into ``directory``; returns the number of rows.

    Files of labels / types with no rows are still written (header only), so the set is
    the same for every graph.
    """
    directory.mkdir(parents=True, exist_ok=True)
    written = 0
    multiline = False
    for label in NODE_ORDER:
        csv = CsvFile(directory / node_file(label), node_header(label))
        for rec in reader.nodes((label,)):
            csv.write(node_fields(label, rec.key, rec.props))
        csv.close()
        written += csv.rows
        multiline |= csv.multiline
    for rel_type in REL_ORDER:
        csv = CsvFile(directory / rel_file(rel_type), rel_header(rel_type))
        for edge in reader.edges((rel_type,)):
            csv.write(rel_fields(rel_type, edge.src, edge.dst, edge.props))
        csv.close()
        written += csv.rows
        multiline |= csv.multiline
    write_import_command(directory, multiline)
    return written


def write_import_command(directory: Path, multiline: bool) -> None:
    """Write ``import.args`` (one argument a line, relative paths) and ``import.sh`` running it."""
    args = admin_import_args(directory, multiline=multiline, relative=True)
    (directory / "import.args").write_text("\n".join(args) + "\n", encoding="utf-8")
    script = (
        "#!/bin/sh\n"
        "# Load this directory into a new, stopped database (default: neo4j):\n"
        "#   NEO4J_ADMIN=/path/to/bin/neo4j-admin ./import.sh [database]\n"
        'cd "$(dirname "$0")" || exit 1\n'
        'exec "${NEO4J_ADMIN:-neo4j-admin}" database import full "${1:-neo4j}" \\\n  '
        + " \\\n  ".join(shlex.quote(a) for a in args)
        + "\n"
    )
    path = directory / "import.sh"
    path.write_text(script, encoding="utf-8")
    path.chmod(0o755)
