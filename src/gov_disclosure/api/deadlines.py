"""`gd due`: the plan's deadlines, and open requests', as of a day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from gov_disclosure.api._common import Listing, Root, open_plans, resolve_unit
from gov_disclosure.errors import Problem
from gov_disclosure.index.progress import progress_as_of
from gov_disclosure.models import Unit
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.progress.deadlines import DEFAULT_WARN_DAYS, Due, Window, all_deadlines, select


class DueList(Listing[Due]):
    """Deadlines as of ``today``, with the units that must still act."""

    def calendar(self, convert: Callable[[str], str] | None = None) -> bytes:
        """The deadlines as an iCalendar feed (RFC 5545), text passed through ``convert``."""
        from gov_disclosure.documents.ics import to_ics

        who = self.unit.name if self.unit else self.loaded.issuer
        name = f"{who} 政務公開時限（{self.loaded.year}）"
        return to_ics(self.loaded, self.items, self.today, name, convert or str)


def due(
    *,
    today: dt.date | None = None,
    before: dt.date | None = None,
    after: dt.date | None = None,
    within_days: int | None = None,
    warn_days: int = DEFAULT_WARN_DAYS,
    unit: str | None = None,
    include_done: bool = False,
    requests: bool = True,
    root: Root = None,
    year: int | None = None,
) -> DueList:
    """Deadlines (inclusive ``before``/``after``), flagged overdue / soon / upcoming / done.

    With ``requests`` (the default), open requests for information (`gd
    requests`) are deadlines too, each under its number.
    """
    now = today or dt.date.today()
    plans = open_plans(root, year)
    target = resolve_unit(plans.header, unit)
    loaded = plans.reaching(target) if target else plans.with_deadlines(after, before)
    keys = [t.id for t in loaded.plan.tasks()] + [m.id for m in loaded.plan.milestones]
    book, warnings = progress_as_of(plans, now, target, details=False, keys=keys)
    found = all_deadlines(loaded, book, now, warn_days, target)
    if requests:
        found = sorted(
            [*found, *_request_dues(loaded, now, warn_days, target, warnings)], key=_by_date
        )
    items = select(found, Window(now, before, after, within_days), include_done)
    return DueList(loaded, target, now, items, warnings)


def _by_date(due: Due) -> dt.date:
    return due.date


def _request_dues(
    loaded: LoadedPlan, today: dt.date, warn_days: int, unit: Unit | None, warnings: list[Problem]
) -> list[Due]:
    """Open requests as deadlines; nothing is read when the workspace keeps no register."""
    from gov_disclosure.requests.files import register_years

    if not register_years(loaded.workspace):
        return []
    from gov_disclosure.requests.queries import as_due, standings
    from gov_disclosure.requests.register import checked_register
    from gov_disclosure.workdays.calendar import load_calendar

    calendar, more = load_calendar(loaded.workspace)
    register, most = checked_register(loaded.workspace, loaded.units, calendar)
    warnings += more + most
    ids = {u.id for u in loaded.units.expand(unit)} if unit is not None else None
    dues = (as_due(s, today, warn_days) for s in standings(register, calendar, today, ids))
    return [d for d in dues if d is not None]
