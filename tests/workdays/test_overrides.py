"""workdays.overrides: plan/workdays.yaml, the days no package knows."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from gov_disclosure.errors import GdError
from gov_disclosure.storage.workspace import find_workspace
from gov_disclosure.workdays.calendar import load_calendar

D = dt.date

#: 2027 as a State Council notice might publish it (made up for the test: the real one is not out).
YEAR_2027 = textwrap.dedent(
    """\
    years:
      - year: 2027
        basis: 國務院辦公廳關於2027年部分節假日安排的通知（測試用）
    holidays:
      - date: 2027-01-01
        name: 元旦
      - date: 2027-02-05
        to: 2027-02-11
        name: 春節
    workdays:
      - date: 2027-02-14
        name: 春節調休上班
    """
)


def write(workspace: Path, text: str) -> Path:
    path = workspace / "plan" / "workdays.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def calendar(workspace: Path):  # type: ignore[no-untyped-def]
    return load_calendar(find_workspace(workspace))


def test_a_year_added_to_the_file_is_known(workspace: Path) -> None:
    write(workspace, YEAR_2027)
    cal, warnings = calendar(workspace)
    assert warnings == []
    assert 2027 in cal.years and cal.file_years == (2027,)
    assert not cal.is_workday(D(2027, 1, 1))  # a Friday, a holiday
    assert not cal.is_workday(D(2027, 2, 8))  # a Monday inside the span
    assert cal.is_workday(D(2027, 2, 14))  # a Sunday, a make-up day
    assert cal.is_workday(D(2027, 3, 1))  # an ordinary Monday
    # The reference's year-boundary case now computes: 20 working days after 2026-12-18.
    assert cal.add(D(2026, 12, 18), 20) == D(2027, 1, 18)


def test_a_local_holiday_wins_over_the_package(workspace: Path) -> None:
    write(workspace, "holidays:\n  - date: 2023-07-31\n    name: 矻扎扎節（示例）\n")
    cal, _ = calendar(workspace)
    assert not cal.is_workday(D(2023, 7, 31))  # a Monday
    assert cal.is_workday(D(2023, 8, 1))


def test_an_empty_file_adds_nothing(workspace: Path) -> None:
    write(workspace, "# nothing yet\n")
    cal, warnings = calendar(workspace)
    assert warnings == [] and 2027 not in cal.years


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "holidays:\n  - date: 2027-02-11\n    to: 2027-02-05\n    name: 春節\n",
            3,
            "is before date",
        ),
        (
            "holidays:\n  - date: 2027-01-01\n    to: 2027-03-01\n    name: x\n",
            3,
            "a span of 60 days",
        ),
        ("holidays:\n  - date: 2027-02-30\n    name: x\n", 2, "valid date"),
        ("holydays: []\n", 1, "did you mean 'holidays'"),
        (
            "holidays:\n  - date: 2021-10-09\n    name: x\nworkdays:\n  - date: 2021-10-09\n    name: y\n",
            5,
            "both as a holiday and as a working day",
        ),
        ("years:\n  - year: 2027\n", 2, "missing field 'basis'"),
    ],
)
def test_wrong_entries_are_errors_at_their_line(
    workspace: Path, text: str, line: int, message: str
) -> None:
    path = write(workspace, text)
    with pytest.raises(GdError) as caught:
        calendar(workspace)
    problem = next(p for p in caught.value.problems if message in p.message)
    assert (problem.file, problem.line) == (path, line)


def test_warnings_for_what_is_harmless_but_likely_a_mistake(workspace: Path) -> None:
    write(
        workspace,
        "years:\n  - year: 2026\n    basis: x\nholidays:\n  - date: 2028-01-03\n    name: y\n"
        "workdays:\n  - date: 2026-03-03\n    name: z\n",
    )
    _, warnings = calendar(workspace)
    messages = sorted(w.message for w in warnings)
    assert any("already knows 2026" in m for m in messages)
    assert any("2028 is not a known year" in m for m in messages)
    assert any("2026-03-03 is a weekday" in m for m in messages)
