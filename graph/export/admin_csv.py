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


def _field(value: Any, prop_type: PropType) -> str:
    """One CSV field in the import tool's syntax."""
    if value is None:
        return ""
    if prop_type == "BOOLEAN":
        return "true" if value else "false"
    if prop_type in ("INT64", "DOUBLE"):
        return repr(value) if isinstance(value, float) else str(int(value))
    if prop_type == "STRING[]":
        value = ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, "｜") for v in value)
    return '"' + str(value).replace('"', '""') + '"'


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


class _CsvFile:
    """A UTF-8 CSV file written line by line, remembering whether a field spans lines."""

    def __init__(self, path: Path, header: list[str]) -> None:
        self.path = path
        self._out: IO[str] = path.open("w", encoding="utf-8", newline="")
        self._out.write(",".join(header) + "\n")
        self.rows = 0
        self.multiline = False

    def write(self, fields: list[str]) -> None:
        line = ",".join(fields)
        if "\n" in line or "\r" in line:
            self.multiline = True
        self._out.write(line + "\n")
        self.rows += 1

    def close(self) -> None:
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
    names = [("--nodes", f"nodes_{label}.csv") for label in NODE_ORDER]
    names += [("--relationships", f"rels_{rel_type}.csv") for rel_type in REL_ORDER]
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
        spec = NODES[label]
        csv = _CsvFile(directory / f"nodes_{label}.csv", node_header(label))
        for rec in reader.nodes((label,)):
            fields = [_field(rec.key, "STRING"), label]
            fields += [_field(rec.props.get(p.name), p.type) for p in spec.props]
            csv.write(fields)
        csv.close()
        written += csv.rows
        multiline |= csv.multiline
    for rel_type in REL_ORDER:
        rspec = RELS[rel_type]
        csv = _CsvFile(directory / f"rels_{rel_type}.csv", rel_header(rel_type))
        for edge in reader.edges((rel_type,)):
            fields = [_field(edge.src, "STRING"), _field(edge.dst, "STRING"), rel_type]
            fields += [_field(edge.props.get(p.name), p.type) for p in rspec.props]
            csv.write(fields)
        csv.close()
        written += csv.rows
        multiline |= csv.multiline
    _write_command(directory, multiline)
    return written


def _write_command(directory: Path, multiline: bool) -> None:
    """``import.args`` (one argument a line, relative paths) and ``import.sh`` running it."""
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
