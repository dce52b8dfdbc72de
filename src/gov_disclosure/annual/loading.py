"""Reading ``annual/<year>/<unit-id>.yaml``: one unit's report, every cell at its line.

A file is parsed with positions (:mod:`gov_disclosure.storage.yamlio`),
validated against :class:`gov_disclosure.schema.AnnualReportFile`, then each
table's rows, columns and cells against the report's format: a row or column
of the other format is refused naming it, any other unknown key gets a
did-you-mean, and a cell must be a number of its kind (an empty cell is "not
stated", which is not 0).  The result keeps the position of every cell and
text, so the checks that follow can name the line of any cell.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, ScalarNode

from gov_disclosure.annual.formats import (
    FORMATS,
    TEXT_KEYS,
    CellKind,
    Column,
    Format,
    describe,
    format_by_id,
    format_for_year,
    layout,
    no_format_message,
)
from gov_disclosure.errors import Finding, GdError, Problem
from gov_disclosure.models import Unit
from gov_disclosure.plan.checks import text_findings
from gov_disclosure.plan.units import UnitIndex, Unresolved
from gov_disclosure.storage import yamlio
from gov_disclosure.storage.workspace import Workspace

ANNUAL_DIR = "annual"

Number = int | Decimal
#: A table: row key → column key → cell (None: not stated).
Table = dict[str, dict[str, Number | None]]
Loc = tuple[str, ...]
TABLES = ("table2", "table3", "table4")


def annual_dir(ws: Workspace, year: int) -> Path:
    return ws.root / ANNUAL_DIR / str(year)


def annual_path(ws: Workspace, year: int, unit: Unit) -> Path:
    return annual_dir(ws, year) / f"{unit.id}.yaml"


def annual_files(ws: Workspace, year: int) -> tuple[list[Path], list[Problem]]:
    """A year's reports (``<unit-id>.yaml`` or ``.yml``; a name starting with ``_`` is set
    aside), and a problem for a unit's report written both ways (only the ``.yaml`` is read:
    a report is never counted twice)."""
    files, problems = ws.yaml_or_yml_files(annual_dir(ws, year))
    return [p for p in files if not p.name.startswith("_")], problems


def annual_years(ws: Workspace) -> list[int]:
    """The years that have a folder under ``annual/``."""
    folder = ws.root / ANNUAL_DIR
    if not folder.is_dir():
        return []
    return sorted(int(p.name) for p in folder.iterdir() if p.name.isdigit() and len(p.name) == 4)


@dataclass(frozen=True)
class TextSpan:
    """Where a text's value starts, and how it is written, to place a spot inside it."""

    line: int
    column: int
    style: str
    indent: int

    def at(self, text: str, offset: int) -> tuple[int, int]:
        """The (line, column) of the character at ``offset`` of the text."""
        newlines = text.count("\n", 0, offset)
        start = text.rfind("\n", 0, offset) + 1
        if self.style == "|":
            return self.line + 1 + newlines, self.indent + 1 + offset - start
        if newlines == 0 and self.style in ("", '"', "'"):
            return self.line, self.column + offset + (1 if self.style else 0)
        return self.line, self.column


@dataclass
class AnnualReport:
    """One unit's report for one year, as its file holds it (cells not stated are None)."""

    path: Path
    unit: Unit
    year: int
    format: Format
    title: str | None = None
    author: str | None = None
    date: dt.date | None = None
    texts: dict[str, str] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    spans: dict[str, TextSpan] = field(default_factory=dict)

    def cell(self, table: str, row: str, column: str) -> Number | None:
        return self.tables.get(table, {}).get(row, {}).get(column)

    def where(self, loc: Loc) -> tuple[int | None, int | None]:
        for cut in range(len(loc), -1, -1):
            pos = self.positions.get(loc[:cut])
            if pos is not None:
                return pos
        return None, None

    def problem(self, message: str, loc: Loc, severity: str = "error") -> Problem:
        return Problem(message, self.path, *self.where(loc), severity=severity)

    def text_problem(self, key: str, offset: int, message: str) -> Problem:
        span = self.spans.get(key)
        if span is None:
            return self.problem(message, (key,))
        line, column = span.at(self.texts.get(key, ""), offset)
        return Problem(message, self.path, line, column)


def load_report(
    ws: Workspace, units: UnitIndex, path: Path, year: int
) -> tuple[AnnualReport | None, list[Problem]]:
    """A unit's report and the problems of its file; None when it cannot be used.

    A file with any error in its structure (unknown keys, a cell that is not a
    number of its kind, a unit or year that does not fit) is not used: the
    arithmetic is checked once the file is right.
    """
    from gov_disclosure import schema
    from gov_disclosure.storage.schema_errors import findings_to_problems, validate_document

    try:
        text = ws.read(path)
        doc = yamlio.parse(text, path)
        model = validate_document(doc, schema.AnnualReportFile, "annual report (unit, year, …)")
    except GdError as exc:
        return None, exc.problems
    reader = _Reader(model, units, path, year)
    reader.check_envelope()
    if reader.format is not None:
        reader.check_tables()
    reader.findings += text_findings(doc.data, ())
    problems = findings_to_problems(doc, reader.findings)
    if reader.unit is None or reader.format is None or any(p.severity == "error" for p in problems):
        return None, problems
    report = AnnualReport(
        path, reader.unit, model.year, reader.format, model.title, model.author, model.date,
        _texts(doc),
        reader.tables, _positions(doc, reader.format), _spans(doc, text),
    )  # fmt: skip
    return report, problems


class _Reader:
    """Checks a validated file against the registry and its format, collecting findings."""

    def __init__(self, model: Any, units: UnitIndex, path: Path, year: int) -> None:
        self.model = model
        self.units = units
        self.path = path
        self.year = year
        self.findings: list[Finding] = []
        self.unit: Unit | None = None
        self.format: Format | None = None
        self.tables: dict[str, Table] = {}

    def add(self, loc: tuple[str | int, ...], message: str, **kw: Any) -> None:
        self.findings.append(Finding(loc, message, **kw))

    def check_envelope(self) -> None:
        self.unit = self._unit()
        if self.model.year != self.year:
            self.add(("year",), f"year {self.model.year} in a file of {self.year}")
        self.format = self._format()

    def _unit(self) -> Unit | None:
        unit = self.units.by_id.get(self.path.stem)
        if unit is not None and unit.is_group:
            self.add(("unit",), f"{unit.name} is a group: each of its units files its own report")
            return None
        if unit is None:
            self.add(
                ("unit",),
                f"no unit has the id {self.path.stem!r}: annual reports are named after "
                "unit ids (see `gd units`)",
            )
            return None
        try:
            named = self.units.lookup(self.model.unit)
        except Unresolved as exc:
            self.add(("unit",), exc.describe())
            return None
        if named.id != unit.id:
            self.add(
                ("unit",), f"the file is {unit.name}'s ({self.path.name}) but names {named.name}"
            )
            return None
        return unit

    def _format(self) -> Format | None:
        expected = format_for_year(self.model.year)
        stated = self.model.format
        if stated is None:
            if expected is None:
                self.add(("year",), no_format_message(self.model.year))
            return expected
        fmt = format_by_id(stated)
        if fmt is None:
            known = "; ".join(describe(f) for f in FORMATS)
            self.add(("format",), f"unknown format {stated!r}; known formats: {known}")
            return None
        if fmt is not expected:
            wanted = describe(expected) if expected else "none"
            self.add(
                ("format",),
                f"format {fmt.id} is stated for a {self.model.year} report; the notices "
                f"prescribe {wanted}",
                severity="warning",
            )
        return fmt

    def check_tables(self) -> None:
        assert self.format is not None
        for table, rows in layout(self.format).items():
            self.tables[table] = self._table(table, getattr(self.model, table) or {}, rows)

    def _table(
        self, table: str, data: dict[str, Any], rows: dict[str, tuple[Column, ...]]
    ) -> Table:
        out: Table = {}
        for row, cells in data.items():
            if row not in rows:
                self.add((table, row), self._unknown(table, row, None, list(rows)), key=True)
                continue
            columns = {c.key: c for c in rows[row]}
            out[row] = {}
            for column, value in (cells or {}).items():
                if column not in columns:
                    message = self._unknown(table, row, column, list(columns))
                    self.add((table, row, column), message, key=True)
                    continue
                out[row][column] = self._cell((table, row, column), columns[column], value)
        return out

    def _unknown(self, table: str, row: str, column: str | None, allowed: list[str]) -> str:
        """Unknown row or column: the other format's (named), or a did-you-mean."""
        what = f"column {column!r} of row {row!r}" if column else f"row {row!r}"
        key = column or row
        assert self.format is not None
        for other in FORMATS:
            if other is self.format:
                continue
            label = _label_in(other, table, row, column)
            if label is not None:
                return (
                    f"{what} ({label}) belongs to format {describe(other)}; this "
                    f"{self.model.year} report uses {describe(self.format)}: "
                    f"{', '.join(allowed)}"
                )
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"allowed: {', '.join(allowed)}"
        return f"unknown {what} in {table}; {hint}"

    def _cell(self, loc: tuple[str, ...], column: Column, value: Any) -> Number | None:
        problem = cell_problem(column, value)
        if problem is not None:
            self.add(loc, problem)
            return None
        if value is None:
            return None
        if isinstance(value, float):
            return Decimal(repr(value))
        return int(value)


def cell_problem(column: Column, value: Any) -> str | None:
    """Why a value cannot be a cell of this column (None: it can)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return f"{value!r} is not a number; write a number, or nothing for 'not stated'"
    if isinstance(value, str):
        hint = "write the number without quotes" if _numeric(value) else "leave it empty"
        return f"{value!r} is text, not a number; {hint} (empty means 'not stated')"
    if not isinstance(value, int | float):
        return "expected a number"
    if column.kind is CellKind.amount:
        if value < 0 or value != value or value in (float("inf"), float("-inf")):
            return f"an amount cannot be negative or infinite (got {value})"
        return None
    if isinstance(value, float):
        return f"a count is a whole number (got {value})"
    if value < 0 and column.kind is CellKind.whole:
        return f"a count cannot be negative (got {value})"
    return None


def _numeric(text: str) -> bool:
    try:
        Decimal(text.strip().rstrip("元").rstrip("万"))
    except ArithmeticError:
        return False
    return True


def _label_in(fmt: Format, table: str, row: str, column: str | None) -> str | None:
    """The label of a row (or of its column) in a format, if the format has it."""
    if table == "table3":
        found = next((r for r in fmt.table3_rows if r.key == row), None)
        return found.label if found is not None and column is None else None
    if table != "table2":
        return None
    entry = fmt.table2_rows().get(row)
    if entry is None:
        return None
    block, found = entry
    if column is None:
        return found.label
    return next((f"{found.label}: {c.label}" for c in block.columns if c.key == column), None)


def _texts(doc: yamlio.YamlDocument) -> dict[str, str]:
    """The text sections as written (unstripped: places inside them are counted from the file)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    return {k: v for k in TEXT_KEYS if isinstance(v := data.get(k), str) and v.strip()}


def _positions(doc: yamlio.YamlDocument, fmt: Format) -> dict[Loc, tuple[int, int]]:
    """The (line, column) of every table, row and cell of the format that the file has."""
    data = doc.data if isinstance(doc.data, dict) else {}
    wanted: list[Loc] = [(key,) for key in ("unit", "year", "format", *TEXT_KEYS)]
    for table, rows in layout(fmt).items():
        wanted.append((table,))
        for row, columns in rows.items():
            wanted += [(table, row), *((table, row, c.key) for c in columns)]
    return {
        loc: doc.position(loc, key=len(loc) < 3 and loc[0] in TABLES) or (1, 1)
        for loc in wanted
        if _has(data, loc)
    }


def _has(data: object, loc: Loc) -> bool:
    for part in loc:
        if not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    return True


def _spans(doc: yamlio.YamlDocument, text: str) -> dict[str, TextSpan]:
    """Where each text section's value starts and how it is written."""
    spans: dict[str, TextSpan] = {}
    if not isinstance(doc.root, MappingNode):
        return spans
    lines = text.splitlines()
    for key_node, value in doc.root.value:
        if not (isinstance(key_node, ScalarNode) and key_node.value in TEXT_KEYS):
            continue
        if not isinstance(value, ScalarNode):
            continue
        mark = value.start_mark
        style = value.style or ""
        indent = 0
        for line in lines[mark.line + 1 :]:
            if line.strip():
                indent = len(line) - len(line.lstrip(" "))
                break
        spans[key_node.value] = TextSpan(mark.line + 1, mark.column + 1, style, indent)
    return spans
