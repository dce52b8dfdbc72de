"""Questions about the register: what is open, what is due, a request's timeline.

Everything is as of a day: events dated later had not happened yet, a request
received later had not come.  Deadlines are working days on the calendar of
:mod:`gov_disclosure.workdays`; ``working_days_left`` is what ``gd workdays
count TODAY DEADLINE`` gives (negative once the deadline has passed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypedDict

from gov_disclosure import constants as C
from gov_disclosure.errors import GdError
from gov_disclosure.models import Labelled, Unit
from gov_disclosure.progress.deadlines import Due, Flag, Window, flag_for
from gov_disclosure.requests import model as M
from gov_disclosure.requests.clock import Clock, State, replay
from gov_disclosure.requests.model import Request
from gov_disclosure.requests.register import Register
from gov_disclosure.workdays.calendar import WorkCalendar

DEFAULT_WARN_DAYS = C.REQUEST_WARN_DAYS


class RequestFlag(Labelled):
    """A request flagged as a plan's deadline is (:class:`Flag`) while its clock runs, else
    by where its clock stands (:class:`State`): each reads as the one it stands for."""

    overdue = "overdue", Flag.overdue.label
    soon = "soon", Flag.soon.label
    upcoming = "upcoming", Flag.upcoming.label
    #: A consultation or fee notice is outstanding: the deadline shown is the earliest it can be.
    paused = "paused", State.paused.label
    #: A correction is awaited from the applicant: no deadline runs.
    waiting = "waiting", State.awaiting_correction.label
    done = "done", State.concluded.label


@dataclass(frozen=True)
class Standing:
    """A request as it stands on a day: its clock, its deadline, its flag."""

    request: Request
    unit: Unit
    clock: Clock
    deadline: dt.date | None
    working_days_left: int | None
    flag: RequestFlag


def standing(
    request: Request,
    unit: Unit,
    register: Register,
    calendar: WorkCalendar,
    today: dt.date,
    warn_days: int = DEFAULT_WARN_DAYS,
) -> Standing:
    """Where a request stands on ``today`` (its events up to that day)."""
    clock = replay(request.as_of(today), calendar, register.settings)
    concluded = clock.state is State.concluded
    deadline = clock.deadline if concluded else clock.deadline_on(today)
    if clock.calendar_error:
        raise GdError.data(f"{request.number}: {clock.calendar_error}")
    left = calendar.count(today, deadline) if deadline is not None else None
    return Standing(request, unit, clock, deadline, left, _flag(clock, deadline, today, warn_days))


def _flag(clock: Clock, deadline: dt.date | None, today: dt.date, warn_days: int) -> RequestFlag:
    """Overdue, soon or upcoming as a plan's deadline is (:func:`flag_for`); while paused
    and not overdue, paused; done once concluded, waiting while no deadline runs."""
    if clock.state is State.concluded:
        return RequestFlag.done
    if deadline is None:
        return RequestFlag.waiting
    flag = flag_for((deadline - today).days, False, warn_days)
    if clock.state is State.paused and flag is not Flag.overdue:
        return RequestFlag.paused
    return RequestFlag(flag.value)


def standings(
    register: Register,
    calendar: WorkCalendar,
    today: dt.date,
    unit_ids: set[str] | None = None,
    warn_days: int = DEFAULT_WARN_DAYS,
) -> list[Standing]:
    """Every request received by ``today`` (of these units), in register order."""
    out = []
    for f in register.files:
        if unit_ids is not None and f.unit.id not in unit_ids:
            continue
        for request in f.requests:
            if request.receipt_day <= today:
                out.append(standing(request, f.unit, register, calendar, today, warn_days))
    return out


# ---- rows: what --format json prints ----------------------------------------------------------


class RequestRow(TypedDict):
    """A request in `gd requests list`."""

    number: str
    unit: str
    unit_id: str
    channel: str
    received: str
    applicant_type: str
    subject: str
    state: str
    deadline: str | None
    concluded: str | None
    outcome: str | None
    flag: str


def request_row(s: Standing) -> RequestRow:
    end = s.request.conclusion if s.clock.state is State.concluded else None
    outcome = None
    if end is not None:
        outcome = end.outcome or M.WITHDRAWN_ROW[M.report_format(end.date.year)]
    return {
        "number": s.request.number,
        "unit": s.unit.name,
        "unit_id": s.unit.id,
        "channel": s.request.channel.value,
        "received": s.request.receipt_day.isoformat(),
        "applicant_type": s.request.applicant_type.value,
        "subject": s.request.subject,
        "state": s.clock.state.value,
        "deadline": s.deadline.isoformat() if s.deadline else None,
        "concluded": end.date.isoformat() if end else None,
        "outcome": outcome,
        "flag": s.flag.value,
    }


class DueRow(TypedDict):
    """An open request in `gd requests due`."""

    number: str
    unit: str
    unit_id: str
    received: str
    subject: str
    state: str
    deadline: str | None
    #: `gd workdays count TODAY DEADLINE`: negative once overdue; None while awaiting a correction.
    working_days_left: int | None
    flag: str
    #: While a correction is awaited: the end of the applicant's period (when one was given).
    waiting_until: str | None


def due_row(s: Standing) -> DueRow:
    waiting = s.clock.correction_due if s.flag is RequestFlag.waiting else None
    return {
        "number": s.request.number,
        "unit": s.unit.name,
        "unit_id": s.unit.id,
        "received": s.request.receipt_day.isoformat(),
        "subject": s.request.subject,
        "state": s.clock.state.value,
        "deadline": s.deadline.isoformat() if s.deadline else None,
        "working_days_left": s.working_days_left,
        "flag": s.flag.value,
        "waiting_until": waiting.isoformat() if waiting else None,
    }


def workdays_text(left: int | None) -> str:
    """Working days left as people say them: 剩餘 5 個工作日, 今天到期, 逾期 2 個工作日."""
    if left is None:
        return "—"
    if left > 0:
        return f"剩餘 {left} 個工作日"
    if left == 0:
        return "今天到期"
    return f"逾期 {-left} 個工作日"


def select_due(items: list[Standing], window: Window) -> list[Standing]:
    """The open requests whose deadline is in ``window``, by deadline; those awaiting a
    correction (no deadline runs) always, and last."""
    out = [
        s
        for s in items
        if s.flag is not RequestFlag.done and (s.deadline is None or s.deadline in window)
    ]
    return sorted(out, key=lambda s: (s.deadline is None, s.deadline or window.today))


# ---- for `gd due`: open requests as deadlines like the plan's ------------------------------------


def as_due(s: Standing, today: dt.date, warn_days: int) -> Due | None:
    """An open request as a :class:`Due` of `gd due` (None while no deadline runs)."""
    if s.deadline is None or s.flag is RequestFlag.done:
        return None
    days_left = (s.deadline - today).days
    extended = s.clock.days - M.BASE_DAYS
    phrase = f"收到申請之日起{M.BASE_DAYS}個工作日內" + (
        f"，延長{extended}個工作日" if extended else ""
    )
    if s.flag is RequestFlag.paused:
        phrase += "；暫停計時中，此為最早的時限"
    return Due(
        s.deadline,
        None,
        s.request.number,
        0,
        f"依申請公開 {s.request.number}",
        s.request.subject,
        phrase,
        (s.unit,),
        (s.unit,),
        days_left,
        flag_for(days_left, False, warn_days),
        request=s.request.number,
    )
