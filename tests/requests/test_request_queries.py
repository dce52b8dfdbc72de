"""requests.queries (through the API): what is open and due as of a day, and `gd due` with requests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gov_disclosure import api
from gov_disclosure.progress.deadlines import Flag
from gov_disclosure.requests.queries import RequestFlag, workdays_text

D = dt.date

REGISTER = """\
unit: 縣衛健局
year: 2020
requests:
  - number: health-2020-001
    channel: in_person
    received: 2020-09-25
    applicant_type: natural
    subject: 甲
  - number: health-2020-002
    channel: fax
    received: 2020-09-28
    confirmed: 2020-09-29
    applicant_type: biz
    subject: 乙
    events:
      - kind: consult_sent
        date: 2020-09-30
  - number: health-2020-003
    channel: in_person
    received: 2020-10-09
    applicant_type: natural
    subject: 丙
    events:
      - kind: correction_requested
        date: 2020-10-12
        days: 10
  - number: health-2020-004
    channel: in_person
    received: 2020-09-01
    applicant_type: research
    subject: 丁
    events:
      - kind: answered
        date: 2020-09-10
        outcome: r3_1_open
"""


@pytest.fixture
def root(workspace: Path) -> Path:
    folder = workspace / "requests" / "2020"
    folder.mkdir(parents=True)
    (folder / "health.yaml").write_text(REGISTER, encoding="utf-8")
    return workspace


def test_due_as_of_a_day(root: Path) -> None:
    listing = api.requests_due(today=D(2020, 10, 30), root=root)
    rows = {r["number"]: r for r in listing.records()}
    assert list(rows) == ["health-2020-001", "health-2020-002", "health-2020-003"]  # 004 is done
    assert rows["health-2020-001"]["deadline"] == "2020-10-29"
    assert rows["health-2020-001"]["working_days_left"] == -1
    assert rows["health-2020-001"]["flag"] == "overdue"
    # 002: received (confirmed) 9-29 and consulting since 9-30: 9-30 is its one working day
    # counted, so on 10-30 the earliest deadline is 19 working days away.
    assert rows["health-2020-002"]["flag"] == "paused"
    assert rows["health-2020-002"]["state"] == "paused"
    assert rows["health-2020-002"]["working_days_left"] == 19
    # 003: a correction is awaited; the applicant's 10 working days end 10-26.
    assert (rows["health-2020-003"]["deadline"], rows["health-2020-003"]["flag"]) == (
        None,
        "waiting",
    )
    assert rows["health-2020-003"]["waiting_until"] == "2020-10-26"
    assert listing.overdue == 1


def test_working_days_left_is_what_gd_workdays_count_gives(root: Path) -> None:
    listing = api.requests_due(today=D(2020, 10, 9), root=root)
    row = next(r for r in listing.records() if r["number"] == "health-2020-001")
    assert row["working_days_left"] == api.workdays_count(
        D(2020, 10, 9), D(2020, 10, 29), root=root
    )
    assert row["working_days_left"] == 15  # 10-10 (a Saturday) was a working day
    assert row["flag"] == "upcoming"


def test_filters_as_gd_due_has_them(root: Path) -> None:
    before = api.requests_due(today=D(2020, 10, 9), before=D(2020, 10, 28), root=root)
    assert "health-2020-001" not in [s.request.number for s in before.items]  # due 10-29
    within = api.requests_due(today=D(2020, 10, 9), within_days=20, root=root)
    assert "health-2020-001" in [s.request.number for s in within.items]
    soon = api.requests_due(today=D(2020, 10, 26), warn_days=7, root=root)
    assert soon.items[0].flag is RequestFlag.soon
    assert api.requests_due(today=D(2020, 10, 9), unit="县财政局", root=root).items == []


def test_list_open_and_by_year(root: Path) -> None:
    everything = api.requests_list(today=D(2020, 12, 31), root=root)
    assert len(everything.items) == 4
    opened = api.requests_list(open_only=True, today=D(2020, 12, 31), root=root)
    assert [s.request.number for s in opened.items] == [
        "health-2020-001",
        "health-2020-002",
        "health-2020-003",
    ]
    done = next(r for r in everything.records() if r["number"] == "health-2020-004")
    assert (done["concluded"], done["outcome"], done["flag"]) == ("2020-09-10", "r3_1_open", "done")
    assert api.requests_list(year=2021, today=D(2020, 12, 31), root=root).items == []


def test_the_timeline_shows_the_deadline_after_each_event(root: Path) -> None:
    view = api.request_show("health-2020-003", today=D(2020, 10, 30), root=root)
    assert [(s.kind.value if s.kind else None, s.deadline) for s in view.steps] == [
        (None, D(2020, 11, 5)),
        ("correction_requested", None),
    ]
    assert view.standing.flag is RequestFlag.waiting
    # As of a day before the correction was asked for, the event had not happened:
    assert len(api.request_show("health-2020-003", today=D(2020, 10, 9), root=root).steps) == 1


def test_gd_due_carries_open_requests(root: Path) -> None:
    listing = api.due(today=D(2020, 10, 20), before=D(2020, 11, 30), root=root)
    requests = [d for d in listing.items if d.request]
    assert [d.key for d in requests] == [
        "health-2020-001",
        "health-2020-002",
    ]  # 003 has no deadline
    first = requests[0]
    assert (first.date, first.task, first.flag) == (D(2020, 10, 29), None, Flag.soon)
    assert [u.name for u in first.open_units] == ["縣衛健局"]
    without = api.due(today=D(2020, 10, 20), before=D(2020, 11, 30), requests=False, root=root)
    assert not any(d.request for d in without.items)
    assert b"request-health-2020-001-" in listing.calendar()  # the number, then the issuer
    assert api.due(today=D(2020, 10, 20), unit="县财政局", root=root).items == [
        d for d in api.due(today=D(2020, 10, 20), unit="县财政局", requests=False, root=root).items
    ]


@pytest.mark.parametrize(
    ("left", "text"),
    [(5, "剩餘 5 個工作日"), (0, "今天到期"), (-2, "逾期 2 個工作日"), (None, "—")],
)
def test_workdays_text(left: int | None, text: str) -> None:
    assert workdays_text(left) == text
