"""progress.queries: records, the per-(unit, task) report and the matrix, from a book built here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gov_disclosure.models import UNREPORTED, ProgressRecord, Status
from gov_disclosure.plan.assignments import units_for_key
from gov_disclosure.plan.loading import LoadedPlan, load_plan
from gov_disclosure.progress import queries
from gov_disclosure.progress.book import ProgressBook, UnitProgress
from gov_disclosure.storage.workspace import find_workspace


@pytest.fixture
def loaded(workspace: Path) -> LoadedPlan:
    return load_plan(find_workspace(workspace))


@pytest.fixture
def book(loaded: LoadedPlan) -> ProgressBook:
    """縣衛健局 finished 2.4 on 18 September and began 1.3; nobody else reported."""
    health = loaded.units.resolve("縣衛健局")
    records = {
        "2.4": ProgressRecord("2.4", Status.done, dt.date(2020, 9, 18)),
        "1.3": ProgressRecord("1.3", Status.in_progress, dt.date(2020, 10, 1)),
    }
    book = ProgressBook(2020)
    book.by_unit[health.id] = UnitProgress(health, Path("health.yaml"), records)
    return book


def test_records_in_plan_order(loaded: LoadedPlan, book: ProgressBook) -> None:
    rows = queries.progress_records(loaded, book)
    assert [(r["unit"], r["task"], r["status"]) for r in rows] == [
        ("縣衛健局", "1.3", Status.in_progress),
        ("縣衛健局", "2.4", Status.done),
    ]
    assert rows[1]["date"] == "2020-09-18"
    assert queries.progress_records(loaded, book, key="2.4")[0]["task"] == "2.4"


def test_report_lists_unreported_pairs(loaded: LoadedPlan, book: ProgressBook) -> None:
    rows = queries.progress_report(loaded, book, key="2.4")
    assigned = units_for_key(loaded, "2.4") or []
    assert len(rows) == len(assigned)
    statuses = {r["unit"]: r["status"] for r in rows}
    assert statuses.pop("縣衛健局") == Status.done
    assert set(statuses.values()) == {UNREPORTED}


def test_matrix_counts(loaded: LoadedPlan, book: ProgressBook) -> None:
    matrix = queries.progress_matrix(loaded, book)
    assert matrix["keys"][:2] == ["1.1", "1.2"] and matrix["keys"][-1] == "report"
    health = next(r for r in matrix["rows"] if r["unit"] == "縣衛健局")
    assert health["cells"]["2.4"] == Status.done
    assert health["cells"]["1.3"] == Status.in_progress
    assert health["closed"] == 1
    # 縣衛健局 has 13 tasks (the report it owes is a milestone, not a task).
    assert health["assigned"] == 13 and health["cells"]["report"] == UNREPORTED
    assert queries.unit_tally(loaded, book, loaded.units.lookup("縣衛健局")) == {
        "assigned": 13,
        "closed": 1,
    }
    assert matrix["totals"]["2.4"]["closed"] == 1
    assert matrix["totals"]["2.4"]["assigned"] == len(units_for_key(loaded, "2.4") or [])
    # Groups are never rows; a unit without tasks has no row.
    assert all(r["unit"] != "各鄉(鎮、街道)" for r in matrix["rows"])
