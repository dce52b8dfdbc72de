"""The index keeps every field of a progress record: a new field must be given a column."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from gov_disclosure.index.progress import from_row, record_row
from gov_disclosure.models import Evidence, ProgressRecord, Status


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
