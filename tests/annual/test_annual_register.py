"""register_table3: the one input point of table 三 for a request register."""

from __future__ import annotations

from pathlib import Path

import pytest
from annual_fixtures import GOOD, annual_workspace, cell_at, messages, write

from gov_disclosure.annual.collect import check_year
from gov_disclosure.plan.loading import load_registry
from gov_disclosure.storage.workspace import Workspace


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return annual_workspace(tmp_path / "an")


def test_the_register_is_the_input_point_of_table3(root: Path) -> None:
    """A typed count that disagrees with the register is an error naming both; an empty
    cell takes the register's count."""
    write(root, 2020, "health", GOOD)
    ws = Workspace(root)
    units, _ = load_registry(ws)
    register = {"r1_new": {"natural": 8, "total": 9, "ngo": 0}, "r3_6": {"total": 0}}
    checked = check_year(ws, units, 2020, register=lambda ws, year: {"health": register})
    line, col, _ = cell_at(GOOD, "r1_new", "natural")
    assert messages(checked.problems) == [
        f"{line}:{col}: 一、本年新收[自然人] is typed as 7 but the request register counts 8"
    ]
    report = checked.files[0].report
    assert report is not None
    assert (
        report.cell("table3", "r1_new", "ngo") == 0 and report.cell("table3", "r3_6", "total") == 0
    )


def test_today_there_is_no_register(root: Path) -> None:
    from gov_disclosure.annual.register import register_table3

    ws = Workspace(root)
    units, _ = load_registry(ws)
    assert register_table3(ws, units.by_id["health"], 2020) is None
