"""`gd requests`: the register of requests for information, and their deadlines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from gov_disclosure.api._common import Listing, Root, check_typed, open_plans, resolve_unit
from gov_disclosure.errors import GdError, Problem
from gov_disclosure.models import Unit
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.storage.workspace import Workspace

if TYPE_CHECKING:
    from gov_disclosure.requests.clock import Step
    from gov_disclosure.requests.model import Applicant, ApplicantType, Channel, EventKind
    from gov_disclosure.requests.queries import DueRow, RequestRow, Standing
    from gov_disclosure.requests.register import Register
    from gov_disclosure.requests.store import Written as RequestWritten
    from gov_disclosure.workdays.calendar import WorkCalendar


@dataclass(frozen=True)
class _Registers:
    """What every `gd requests` command reads: the registry (in the plan), calendar, register."""

    loaded: LoadedPlan
    calendar: WorkCalendar
    register: Register
    warnings: list[Problem]


def _scoped(root: Root, unit: str | None) -> tuple[_Registers, Unit | None, set[str] | None]:
    """The registers, the unit asked for, and the ids of the units it stands for (None: all)."""
    regs = _registers(root)
    target = resolve_unit(regs.loaded, unit)
    ids = {u.id for u in regs.loaded.units.expand(target)} if target else None
    return regs, target, ids


def _registers(root: Root) -> _Registers:
    from gov_disclosure.requests.register import checked_register
    from gov_disclosure.workdays.calendar import load_calendar

    loaded = open_plans(root, None).header  # the registry and settings; no task is read
    calendar, warnings = load_calendar(loaded.workspace)
    register, more = checked_register(loaded.workspace, loaded.units, calendar)
    return _Registers(loaded, calendar, register, [*loaded.warnings, *warnings, *more])


def add_request(
    *,
    unit: str,
    channel: Channel | str,
    received: dt.date,
    applicant_type: ApplicantType | str,
    subject: str,
    confirmed: dt.date | None = None,
    note: str | None = None,
    name: str | None = None,
    id_number: str | None = None,
    phone: str | None = None,
    address: str | None = None,
    today: dt.date | None = None,
    root: Root = None,
) -> RequestWritten:
    """Record a request in its unit's register; the applicant's data in the git-ignored file.

    The number is the next of the unit and year of receipt (health-2020-004).
    """
    from gov_disclosure.requests import model as M
    from gov_disclosure.requests.clock import replay
    from gov_disclosure.requests.settings import load_settings
    from gov_disclosure.requests.store import add_request as write

    check_typed(("--subject", subject), ("--note", note), ("--name", name))
    check_typed(("--id-number", id_number), ("--phone", phone), ("--address", address))
    now = today or dt.date.today()
    loaded = open_plans(root, None).header  # the registry and settings; no task is read
    target = loaded.units.resolve(unit)
    request = M.Request(
        "",
        target.id,
        M.parse_choice(channel, M.Channel, "channel"),
        received,
        confirmed,
        M.parse_choice(applicant_type, M.ApplicantType, "applicant type"),
        subject.strip(),
        note=note.strip() if note else None,
    )
    if not request.subject:
        raise GdError.usage("--subject is empty: say what was asked for")
    applicant = M.Applicant(name, id_number, phone, address)
    ws = loaded.workspace
    settings = load_settings(ws)
    calendar, problems = _calendar_if_any(ws)
    written = write(ws, loaded.units, target, request, applicant, now, settings)
    clock = replay(request, calendar, settings)
    if clock.calendar_error:
        problems.append(Problem(clock.calendar_error, severity="warning"))
    return replace(written, deadline=clock.deadline, warnings=written.warnings + problems)


def request_event(
    number: str,
    kind: EventKind | str,
    *,
    date: dt.date,
    outcome: str | None = None,
    days: int | None = None,
    note: str | None = None,
    approved_by: str | None = None,
    approved_on: dt.date | None = None,
    delivered: dt.date | None = None,
    amount: float | None = None,
    archive: str | None = None,
    today: dt.date | None = None,
    root: Root = None,
) -> RequestWritten:
    """Record what happened to a request: 補正, 征求意見, 延期, 收費, 撤回, 答復 …

    An event that breaks the rules (a second extension, an answer without its
    outcome row, anything after the answer) is refused with exit 2.
    """
    from gov_disclosure.requests import model as M
    from gov_disclosure.requests.clock import replay
    from gov_disclosure.requests.register import load_register_file
    from gov_disclosure.requests.settings import load_settings
    from gov_disclosure.requests.store import add_event

    check_typed(("--outcome", outcome), ("--note", note), ("--approved-by", approved_by))
    check_typed(("--archive", archive))
    event = M.Event(
        M.parse_choice(kind, M.EventKind, "event"),
        date,
        outcome.strip() if outcome else None,
        days,
        note.strip() if note else None,
        approved_by.strip() if approved_by else None,
        approved_on,
        delivered,
        amount,
    )
    loaded = open_plans(root, None).header  # the registry and settings; no task is read
    ws = loaded.workspace
    settings = load_settings(ws)
    calendar, problems = _calendar_if_any(ws)
    now = today or dt.date.today()
    written = add_event(ws, loaded.units, number, event, now, calendar, settings, archive)
    file, _ = load_register_file(ws, loaded.units, written.path, None, settings)
    request = next(r for r in file.requests if r.number == written.number)
    clock = replay(request, calendar, settings)
    warnings = [*problems, *written.warnings]
    return replace(written, deadline=clock.deadline, state=clock.state.value, warnings=warnings)


def _calendar_if_any(ws: Workspace) -> tuple[WorkCalendar | None, list[Problem]]:
    """The calendar for a write, or None with its problems as warnings: a calendar file that
    is wrong must not stop a request (or an event) being recorded; its deadline then waits."""
    from gov_disclosure.workdays.calendar import load_calendar

    try:
        calendar, warnings = load_calendar(ws)
    except GdError as exc:
        return None, [replace(p, severity="warning") for p in exc.problems]
    return calendar, list(warnings)


class RequestList(Listing["Standing"]):
    """Requests as they stood on ``today`` (of a unit, of a year of receipt, or open)."""

    def records(self) -> list[RequestRow]:
        from gov_disclosure.requests.queries import request_row

        return [request_row(s) for s in self.items]


def requests_list(
    *,
    unit: str | None = None,
    open_only: bool = False,
    year: int | None = None,
    today: dt.date | None = None,
    root: Root = None,
) -> RequestList:
    """The register: each request with its state, deadline and outcome, as of ``today``."""
    from gov_disclosure.requests.queries import RequestFlag, standings

    now = today or dt.date.today()
    regs, target, ids = _scoped(root, unit)
    items = [
        s
        for s in standings(regs.register, regs.calendar, now, ids)
        if (year is None or s.request.receipt_day.year == year)
        and not (open_only and s.flag is RequestFlag.done)
    ]
    return RequestList(regs.loaded, target, now, items, regs.warnings)


@dataclass(frozen=True)
class RequestTimeline:
    """One request as of ``today``: its steps with the deadline after each, and who asked."""

    loaded: LoadedPlan
    today: dt.date
    standing: Standing
    steps: list[Step]
    applicant: Applicant

    def masked_applicant(self) -> dict[str, str]:
        """Who asked, as listings may show it: 張*, 138****5678 (never in full)."""
        from gov_disclosure.requests.privacy import mask

        a = self.applicant
        shown = {
            "name": mask(a.name, "name"),
            "id_number": mask(a.id_number, "id"),
            "phone": mask(a.phone, "phone"),
            "address": mask(a.address, "address"),
        }
        return {k: v for k, v in shown.items() if v}


def request_show(
    number: str, *, today: dt.date | None = None, root: Root = None
) -> RequestTimeline:
    """A request's timeline: each event with the deadline as it stood after it."""
    from gov_disclosure.requests.model import parse_number
    from gov_disclosure.requests.queries import standing
    from gov_disclosure.requests.register import load_private

    now = today or dt.date.today()
    unit_id, year = parse_number(number)
    regs = _registers(root)
    found = regs.register.find(number)
    if found is None:
        raise GdError.usage(f"no request {number.strip()} (see `gd requests list`)")
    file, request = found
    if request.receipt_day > now:
        raise GdError.usage(f"{request.number} was received on {request.receipt_day}, after {now}")
    s = standing(request, file.unit, regs.register, regs.calendar, now)
    from gov_disclosure.requests.model import Applicant

    private = load_private(regs.loaded.workspace, year, unit_id).get(request.number)
    return RequestTimeline(regs.loaded, now, s, s.clock.steps, private or Applicant())


class RequestDueList(Listing["Standing"]):
    """Open requests with their deadlines as of ``today``."""

    def records(self) -> list[DueRow]:
        from gov_disclosure.requests.queries import due_row

        return [due_row(s) for s in self.items]


def requests_due(
    *,
    today: dt.date | None = None,
    before: dt.date | None = None,
    after: dt.date | None = None,
    within_days: int | None = None,
    warn_days: int | None = None,
    unit: str | None = None,
    root: Root = None,
) -> RequestDueList:
    """Each open request with its deadline and the working days left, nearest first."""
    from gov_disclosure.progress.deadlines import Window
    from gov_disclosure.requests.queries import DEFAULT_WARN_DAYS, select_due, standings

    now = today or dt.date.today()
    regs, target, ids = _scoped(root, unit)
    warn = DEFAULT_WARN_DAYS if warn_days is None else warn_days
    found = standings(regs.register, regs.calendar, now, ids, warn)
    items = select_due(found, Window(now, before, after, within_days))
    return RequestDueList(regs.loaded, target, now, items, regs.warnings)
