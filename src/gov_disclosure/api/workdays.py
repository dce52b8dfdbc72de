"""`gd workdays`: counting working days."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from gov_disclosure.api._common import Root
from gov_disclosure.errors import GdError
from gov_disclosure.storage.workspace import Workspace, find_workspace

if TYPE_CHECKING:
    from gov_disclosure.workdays.calendar import WorkCalendar


def _calendar(root: Root) -> WorkCalendar:
    """The workspace's working-day calendar; the package's alone where there is no workspace."""
    import os

    from gov_disclosure import constants as C
    from gov_disclosure.workdays.calendar import load_calendar

    try:
        ws: Workspace | None = find_workspace(root)
    except GdError:
        if root is not None or os.environ.get(C.ROOT_ENV):
            raise
        ws = None
    return load_calendar(ws)[0]


def workdays_add(start: dt.date, n: int, *, root: Root = None) -> dt.date:
    """The date ``n`` working days after ``start`` (day 0 is ``start``; counting from the next day).

    Raises :class:`GdError` (exit 1) for a year the calendar does not know.
    """
    if n < 0:
        raise GdError.usage(f"N must be 0 or more, not {n}")
    return _calendar(root).add(start, n)


def workdays_count(first: dt.date, last: dt.date, *, root: Root = None) -> int:
    """Working days after ``first`` up to and including ``last`` (negative if it is earlier)."""
    return _calendar(root).count(first, last)
