"""workdays.calendar: the official working days, checked day by day and on the reference's worked examples.

Facts asserted here come from the State Council's holiday notices (as the
`holidays` package transcribes them, a second source independent of
`chinesecalendar`) and from the worked examples of
shared/reference/annual-report-and-requests.md §3.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gov_disclosure.errors import ExitCode, GdError
from gov_disclosure.storage.workspace import find_workspace
from gov_disclosure.workdays.calendar import WorkCalendar, load_calendar, official

D = dt.date
EXAMPLES = int(os.environ.get("GD_FUZZ_EXAMPLES", "200"))
fuzz = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def package() -> WorkCalendar:
    """The package's calendar alone (no workspace file)."""
    return load_calendar(None)[0]


def test_every_day_2019_to_2026_agrees_with_the_holidays_package(package: WorkCalendar) -> None:
    import holidays

    china = holidays.China(years=range(2019, 2027))
    day, disagree = D(2019, 1, 1), []
    while day <= D(2026, 12, 31):
        if package.is_workday(day) != china.is_working_day(day):
            disagree.append(day)
        day += dt.timedelta(days=1)
    assert disagree == []


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2020, 10, 1), False),  # 國慶節
        (D(2020, 10, 8), False),  # the 2020 National Day and Mid-Autumn holiday ran to 8 October
        (D(2020, 9, 27), True),  # Sunday, make-up working day
        (D(2020, 10, 10), True),  # Saturday, make-up working day
        (D(2020, 1, 31), False),  # the COVID extension of the 2020 Spring Festival
        (D(2020, 2, 2), False),
        (D(2026, 2, 14), True),  # Saturday, make-up working day for the 2026 Spring Festival
        (D(2020, 10, 9), True),  # an ordinary Friday
        (D(2020, 10, 11), False),  # an ordinary Sunday
    ],
)
def test_days_the_notices_name(package: WorkCalendar, day: dt.date, working: bool) -> None:
    assert package.is_workday(day) is working


@pytest.mark.parametrize(
    ("received", "due", "without_make_up_days"),
    [
        (D(2020, 9, 25), D(2020, 10, 29), D(2020, 11, 2)),
        (D(2026, 2, 6), D(2026, 3, 12), D(2026, 3, 16)),
        (D(2025, 9, 26), D(2025, 10, 30), D(2025, 11, 3)),
    ],
)
def test_the_reference_worked_examples(
    package: WorkCalendar, received: dt.date, due: dt.date, without_make_up_days: dt.date
) -> None:
    assert package.add(received, 20) == due
    assert package.count(received, due) == 20
    # Skipping the holidays but not counting the make-up days would be late:
    assert package.count(received, without_make_up_days) > 20


def test_day_zero_and_counting_both_ways(package: WorkCalendar) -> None:
    assert package.add(D(2020, 10, 3), 0) == D(2020, 10, 3)  # day 0 is the day itself
    assert package.add(D(2020, 10, 3), 1) == D(2020, 10, 9)  # the next working day
    assert package.count(D(2020, 10, 29), D(2020, 9, 25)) == -20
    assert package.count(D(2020, 10, 1), D(2020, 10, 8)) == 0
    # Counting up to the last day the calendar knows never looks beyond it:
    assert package.count(D(2026, 12, 30), D(2026, 12, 31)) == 1
    assert package.add(D(2026, 12, 30), 1) == D(2026, 12, 31)


def test_pauses_leave_their_working_days_out(package: WorkCalendar) -> None:
    # A consultation sent on 2020-09-28 and answered on 2020-10-12: 9-29, 9-30, 10-9,
    # 10-10 (Saturday, a working day) and 10-12 are not counted.
    pause = [(D(2020, 9, 28), D(2020, 10, 12))]
    assert package.count(D(2020, 9, 28), D(2020, 10, 12)) == 5
    assert package.add(D(2020, 9, 25), 20, pause) == package.add(D(2020, 10, 29), 5)


def test_a_year_beyond_the_package_is_an_error_that_says_what_to_do(package: WorkCalendar) -> None:
    with pytest.raises(GdError) as caught:
        package.add(D(2026, 12, 18), 20)  # the deadline falls in 2027
    assert caught.value.exit_code is ExitCode.DATA
    message = caught.value.message
    assert "no working-day calendar for 2027" in message
    assert "pip install -U chinesecalendar" in message
    assert "plan/workdays.yaml" in message


def test_the_package_is_read_once_per_workspace_through_the_cache(workspace: Path) -> None:
    ws = find_workspace(workspace)
    first, _ = load_calendar(ws)
    again, _ = load_calendar(ws)
    assert again.years == first.years and again.extra_workdays == first.extra_workdays
    assert (workspace / ".gd-cache" / "workdays.json").exists()


def test_official_days_come_from_chinesecalendar() -> None:
    days = official()
    assert days.first_year == 2004 and days.last_year >= 2026
    assert D(2020, 10, 10) in days.workdays and D(2020, 10, 1) in days.holidays


@fuzz
@given(
    st.dates(min_value=D(2019, 1, 1), max_value=D(2025, 12, 31)),
    st.integers(min_value=0, max_value=120),
)
def test_add_and_count_agree(start: dt.date, n: int) -> None:
    calendar = load_calendar(None)[0]
    end = calendar.add(start, n)
    assert calendar.count(start, end) == n
    if n > 0:
        assert calendar.is_workday(end)
        assert calendar.add(start, n - 1) < end
