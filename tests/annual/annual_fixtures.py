"""Workspaces with annual reports, for the tests of gov_disclosure.annual (not a test module)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import DATA, REPO
from gov_disclosure.annual.loading import AnnualReport, load_report
from gov_disclosure.errors import Problem
from gov_disclosure.plan.loading import load_registry
from gov_disclosure.storage.workspace import Workspace

SHANGHAI = DATA / "annual" / "shanghai-gov-office-2019.yaml"
SHANGHAI_UNIT = (
    "  - id: shanghai-gov-office\n    name: 上海市人民政府办公厅\n    kind: county_department\n"
)


def annual_workspace(root: Path, *parts: str) -> Path:
    """A copy of the bundled workspace's ``plan/`` and the given parts (progress, annual …)."""
    for part in ("plan", *parts):
        shutil.copytree(REPO / part, root / part)
    return root


def add_unit(root: Path, entry: str = SHANGHAI_UNIT) -> None:
    """Append a unit to the registry."""
    registry = root / "plan" / "units.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.rstrip("\n") + "\n" + entry, encoding="utf-8")


def write(root: Path, year: int, unit_id: str, text: str) -> Path:
    path = root / "annual" / str(year) / f"{unit_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def shanghai(root: Path) -> Path:
    """A workspace holding the re-entered 2019 report of 上海市人民政府办公厅 (no 2019 plan)."""
    annual_workspace(root)
    add_unit(root)
    return write(root, 2019, "shanghai-gov-office", SHANGHAI.read_text(encoding="utf-8"))


def cell_at(text: str, row: str, column: str) -> tuple[int, int, int | None]:
    """(line, column, value) of a cell written as ``row: {…, column: value, …}``."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith(f"{row}:"):
            m = re.search(rf"[{{ ]{column}: *(-?\d+)?", line)
            assert m, f"no {column} in row {row}"
            value = m.group(1)
            start = m.start(1) if value is not None else m.end()
            return number, start + 1, int(value) if value is not None else None
    raise AssertionError(f"no row {row}")


def set_cell(text: str, row: str, column: str, value: int | str) -> str:
    """The text with one cell of a flow-mapping row replaced."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.lstrip().startswith(f"{row}:"):
            new, n = re.subn(rf"([{{ ]{column}: *)(-?[\d.]+)?", rf"\g<1>{value}", line, count=1)
            assert n == 1
            lines[i] = new
            return "".join(lines)
    raise AssertionError(f"no row {row}")


def in_order(text: str, labels: list[str]) -> None:
    """Every label is in the text, each after the one before it."""
    at = 0
    for label in labels:
        found = text.find(label, at)
        assert found >= 0, f"{label!r} missing (or out of order) after position {at}"
        at = found + len(label)


#: 10 applications: 8 from natural persons, 2 from firms; 9 concluded, 1 carried on.
GOOD = """\
unit: 县卫健局
year: 2020
table3:
  r1_new:         {natural: 7, biz: 2, total: 9}
  r2_carried_in:  {natural: 1, total: 1}
  r3_1_open:      {natural: 4, biz: 1, total: 5}
  r3_4_1:         {natural: 2, biz: 1, total: 3}
  r3_5_2:         {natural: 1, total: 1}
  r3_7_total:     {natural: 7, biz: 2, total: 9}
  r4_carried_out: {natural: 1, total: 1}
table4:
  review:      {upheld: 1, pending: 1, total: 2}
  suit_direct: {total: 0}
"""


def load(root: Path, text: str, year: int = 2020, unit: str = "health") -> AnnualReport:
    path = write(root, year, unit, text)
    ws = Workspace(root)
    units, _ = load_registry(ws)
    report, problems = load_report(ws, units, path, year)
    assert report is not None, problems
    return report


def messages(problems: list[Problem]) -> list[str]:
    return [f"{p.line}:{p.column}: {p.message}" for p in problems]
