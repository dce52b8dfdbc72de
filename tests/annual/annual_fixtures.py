"""Workspaces with annual reports, for the tests of gov_disclosure.annual (not a test module)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import DATA, REPO

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
