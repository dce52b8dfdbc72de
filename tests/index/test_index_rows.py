"""The index keeps every field of a progress record: a new field must be given a column."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO
from gov_disclosure.index import db
from gov_disclosure.index.plans import open_plan
from gov_disclosure.index.progress import from_row, progress_as_of, record_row
from gov_disclosure.models import Evidence, ProgressRecord, Status
from gov_disclosure.plan import queries as plan_queries
from gov_disclosure.plan.loading import load_plan
from gov_disclosure.storage.cache import CACHE_DIR
from gov_disclosure.storage.workspace import Workspace


def test_the_records_table_has_a_column_for_every_field() -> None:
    fields = [f.name for f in dataclasses.fields(ProgressRecord)]
    assert fields == ["task", "status", "date", "evidence", "note"], (
        "give the new field a column in index/db.py and index/progress.record_row/from_row"
    )
    assert [f.name for f in dataclasses.fields(Evidence)] == ["ref", "title"]


texts = st.text(min_size=1, max_size=20)


@given(
    task=texts,
    status=st.sampled_from(list(Status)),
    date=st.none() | st.dates(dt.date(2019, 1, 1), dt.date(2021, 12, 31)),
    evidence=st.lists(st.builds(Evidence, texts, st.none() | texts), max_size=3),
    note=st.none() | st.text(max_size=40),
)
def test_a_record_comes_back_from_its_row_unchanged(
    task: str, status: Status, date: dt.date | None, evidence: list[Evidence], note: str | None
) -> None:
    record = ProgressRecord(task, status, date, tuple(evidence), note)
    assert from_row(*record_row(record)) == record


def rewritten_by_another_run(workspace: Path) -> None:
    """What another gd, reading a changed plan, would do to the rows between two reads of ours
    (its header differs, so do its task and progress rows)."""
    with sqlite3.connect(workspace / CACHE_DIR / db.FILE) as other:
        other.execute("UPDATE plans SET sources = 'rewritten by another run'")
        other.execute("DELETE FROM reach")
        other.execute("DELETE FROM records")


@pytest.fixture
def indexed(workspace: Path) -> Workspace:
    shutil.copytree(REPO / "progress", workspace / "progress")
    ws = Workspace(workspace)
    open_plan(ws).whole()  # the index holds the plan now
    progress_as_of(open_plan(ws), dt.date(2020, 12, 31))  # and the progress
    return ws


def test_task_rows_of_another_runs_plan_are_not_taken(indexed: Workspace) -> None:
    straight = load_plan(indexed)
    expected = [t["id"] for t in plan_queries.tasks(straight, straight.units.resolve("縣衛健局"))]
    assert len(expected) == 13  # lead 3, member 10 (the notice)
    plans = open_plan(indexed)
    assert plans.whole_plan is None  # the header came from the index
    unit = plans.header.units.resolve("縣衛健局")
    rewritten_by_another_run(indexed.root)
    sliced = plans.reaching(unit)  # read from the files instead
    assert [t["id"] for t in plan_queries.tasks(sliced, unit)] == expected


def test_progress_rows_of_another_runs_plan_are_not_taken(indexed: Workspace) -> None:
    plans = open_plan(indexed)
    rewritten_by_another_run(indexed.root)
    book, _ = progress_as_of(plans, dt.date(2020, 12, 31))
    assert book.by_unit["health"].records  # read from the files, as they are


def test_the_trusted_catalogue_is_what_the_schema_makes() -> None:
    """The index is trusted only with exactly these tables and indexes (read from the DDL)."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(db.SCHEMA)
    assert db._objects(conn) == db._SCHEMA_OBJECTS
    assert ("table", "records") in db._SCHEMA_OBJECTS and len(db._SCHEMA_OBJECTS) == 12


def test_a_file_whose_rows_could_not_be_written_is_counted_as_read(
    indexed: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`gd validate` counts the records of a file just read again as the file has them, even
    when the index could not take its rows (a read-only cache: the write is given up)."""
    from gov_disclosure.index import progress as indexed_progress
    from gov_disclosure.index.progress import progress_summary

    path = indexed.root / "progress" / "2020" / "xiongbi.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + '  - task: "report"\n    status: not_started\n',
        encoding="utf-8",
    )

    def refused(*args: object) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(indexed_progress, "_write", refused)
    count, _ = progress_summary(open_plan(indexed), None)
    assert count == 12  # the bundled 11, and the one just added
    book, _ = progress_as_of(open_plan(indexed), dt.date(2020, 12, 31))
    assert sum(len(p.records) for p in book.by_unit.values()) == 12
