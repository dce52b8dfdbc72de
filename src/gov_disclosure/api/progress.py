"""`gd progress set` and `gd progress show`: units' records on the plan's tasks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gov_disclosure.api._common import Root, check_typed, open_plan, open_plans, resolve_unit
from gov_disclosure.errors import GdError, Problem
from gov_disclosure.index.progress import progress_as_of
from gov_disclosure.models import Evidence, Status, Unit
from gov_disclosure.plan.assignments import units_for_key
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.progress import queries as progress_queries
from gov_disclosure.progress.book import ProgressBook

if TYPE_CHECKING:
    from gov_disclosure.progress.store import Written


def set_progress(
    *,
    task: str,
    unit: str,
    status: Status,
    date: dt.date | None = None,
    evidence: Sequence[Evidence] = (),
    note: str | None = None,
    clear_evidence: bool = False,
    today: dt.date | None = None,
    root: Root = None,
    year: int | None = None,
) -> list[Written]:
    """Record a unit's status on a task or milestone; a group records it for each member."""
    from gov_disclosure.progress.store import Change
    from gov_disclosure.progress.store import set_progress as write

    now = today or dt.date.today()
    check_typed(("--note", note), *(("--evidence", f"{e.ref} {e.title or ''}") for e in evidence))
    if note is not None and any(line.startswith("\t") for line in note.split("\n")):
        raise GdError.usage("--note: a line starts with a tab; indent it with spaces")
    change = Change(
        key=task.strip(),
        status=status,
        date=date or now,
        evidence=tuple(evidence),
        note=note,
        clear_evidence=clear_evidence,
    )
    loaded = open_plan(root, year)
    target = loaded.units.resolve(unit)
    return write(loaded, target, change, now)


@dataclass(frozen=True)
class ProgressView:
    """The year's progress as of a day, optionally of one unit (or group) and one task."""

    loaded: LoadedPlan
    unit: Unit | None
    task: str | None
    book: ProgressBook
    warnings: list[Problem]

    def records(self) -> list[progress_queries.RecordRow]:
        """The records kept, flat (what ``--format json`` prints)."""
        return progress_queries.progress_records(self.loaded, self.book, self.unit, self.task)

    def report_rows(self) -> list[progress_queries.RecordRow]:
        """Every (unit, task) that must be reported, with its record or ``unreported``."""
        return progress_queries.progress_report(self.loaded, self.book, self.unit, self.task)

    def matrix(self) -> progress_queries.Matrix:
        """The unit × task matrix of statuses with counts."""
        return progress_queries.progress_matrix(self.loaded, self.book)


def show_progress(
    *,
    unit: str | None = None,
    task: str | None = None,
    today: dt.date | None = None,
    root: Root = None,
    year: int | None = None,
) -> ProgressView:
    """Each unit's records as they stood on ``today``."""
    plans = open_plans(root, year)
    target = resolve_unit(plans.header, unit)
    key = task.strip() if task is not None else None
    also = (key,) if key is not None else ()
    loaded = plans.reaching(target, also) if target is not None else plans.whole()
    if key is not None and units_for_key(loaded, key) is None:
        raise GdError.usage(f"no task or milestone {task!r} in the {loaded.year} plan")
    book, warnings = progress_as_of(plans, today or dt.date.today(), target)
    return ProgressView(loaded, target, key, book, warnings)
