"""Deadlines: what is due when, who must still act, and how urgent it is.

A deadline belongs to a task (its own units, or else every unit assigned to
the task) or is a plan milestone (the implementation report, due from every
unit with a task).  Progress is recorded per task, so a unit has met a task's
deadline when its record for the task is done or not applicable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypedDict

from gov_disclosure import constants as C
from gov_disclosure.models import Labelled, ProgressRecord, Status, Unit
from gov_disclosure.plan.assignments import units_for_deadline, units_for_key
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.plan.units import UnitIndex
from gov_disclosure.progress.book import ProgressBook

DEFAULT_WARN_DAYS = C.DUE_WARN_DAYS


class Flag(Labelled):
    overdue = "overdue", "逾期"  # the date has passed and some unit has not finished
    soon = "soon", "臨近"  # within the warning window
    upcoming = "upcoming", "未到期"
    done = "done", "已完成"  # every unit that must act has finished


@dataclass(frozen=True)
class Due:
    """A deadline as of a day: who must still act, and how close it is."""

    date: dt.date
    #: The task id, or None for a plan milestone.
    task: str | None
    #: The record key progress is kept under: the task id or the milestone id.
    key: str
    #: Position of the deadline within its task (0 for a milestone).
    index: int
    title: str
    what: str
    phrase: str | None
    units: tuple[Unit, ...]
    open_units: tuple[Unit, ...]
    days_left: int
    flag: Flag
    #: For an open request for information (`gd requests`): its number; the task is then None.
    request: str | None = None
    #: When the last of the units finished, once every one has (None: all not applicable).
    done_on: dt.date | None = None


class DueRecord(TypedDict):
    """A deadline as plain data: what ``gd due --format json`` prints for it."""

    date: str
    task: str | None
    #: The milestone id, or None for a task's deadline (and a request's).
    milestone: str | None
    #: The request number, for an open request's deadline (`gd requests`); else None.
    request: str | None
    title: str
    what: str
    phrase: str | None
    units: list[str]
    open_units: list[str]
    days_left: int
    #: Days left as people say them (:func:`days_text`).
    days: str
    flag: Flag
    #: How it stands (:func:`standing_text`): days left, or 按時完成 / 逾期完成 once met.
    standing: str


def due_record(due: Due) -> DueRecord:
    """A deadline as plain data, the one place a :class:`Due` becomes a dict."""
    return {
        "date": due.date.isoformat(),
        "task": due.task,
        "milestone": None if due.task or due.request else due.key,
        "request": due.request,
        "title": due.title,
        "what": due.what,
        "phrase": due.phrase,
        "units": [u.name for u in due.units],
        "open_units": [u.name for u in due.open_units],
        "days_left": due.days_left,
        "days": days_text(due.days_left),
        "flag": due.flag,
        "standing": standing_text(due),
    }


def days_text(days_left: int) -> str:
    """Days left as people say them: 剩餘 5 天, 今天到期, 逾期 12 天."""
    if days_left > 0:
        return f"剩餘 {days_left} 天"
    if days_left == 0:
        return "今天到期"
    return f"逾期 {-days_left} 天"


def standing_text(due: Due, write_date: Callable[[dt.date], str] = dt.date.isoformat) -> str:
    """How a deadline stands: days left or overdue while open; once met, on time or how late.

    按時完成（2020-09-18）, 逾期完成（晚 3 天）, 不適用 (every unit found it not applicable),
    or :func:`days_text` while some unit must still act: never a count of days overdue
    beside a deadline that was met.
    """
    if due.flag is not Flag.done:
        return days_text(due.days_left)
    if due.done_on is None:
        return Status.not_applicable.label
    late = (due.done_on - due.date).days
    return f"按時完成（{write_date(due.done_on)}）" if late <= 0 else f"逾期完成（晚 {late} 天）"


def flag_for(days_left: int, closed: bool, warn_days: int) -> Flag:
    if closed:
        return Flag.done
    if days_left < 0:
        return Flag.overdue
    if days_left <= warn_days:
        return Flag.soon
    return Flag.upcoming


def all_deadlines(
    loaded: LoadedPlan,
    book: ProgressBook,
    today: dt.date,
    warn_days: int = DEFAULT_WARN_DAYS,
    unit: Unit | None = None,
) -> list[Due]:
    """Every deadline of the plan, in date order (then plan order), flagged as of ``today``.

    With ``unit``, only the deadlines that unit (or a group's members) must
    meet, judged by that unit's own progress.
    """
    wanted = {u.id for u in loaded.units.expand(unit)} if unit is not None else None
    found = []
    for source in _sources(loaded):
        units = source.units
        if wanted is not None:
            units = [u for u in units if u.id in wanted]
            if not units:
                continue
        found.append(_due(source, units, book, today, warn_days))
    return sorted(found, key=lambda due: due.date)  # a stable sort: plan order within a day


@dataclass(frozen=True)
class _Source:
    """A deadline as the plan states it, with every unit that must meet it."""

    key: str
    task: str | None
    index: int
    title: str
    what: str
    phrase: str | None
    date: dt.date
    units: list[Unit]


def _sources(loaded: LoadedPlan) -> Iterator[_Source]:
    """The plan's deadlines in plan order: each task's, then the milestones."""
    for task in loaded.plan.tasks():
        for i, deadline in enumerate(task.deadlines):
            units = units_for_deadline(loaded, task.id, i)
            yield _Source(
                task.id,
                task.id,
                i,
                task.title,
                deadline.what,
                deadline.phrase,
                deadline.date,
                units,
            )
    for milestone in loaded.plan.milestones:
        units = units_for_key(loaded, milestone.id) or []
        yield _Source(
            milestone.id,
            None,
            0,
            milestone.what,
            milestone.what,
            milestone.phrase,
            milestone.date,
            units,
        )


def _due(
    source: _Source, units: list[Unit], book: ProgressBook, today: dt.date, warn_days: int
) -> Due:
    """A deadline for some of its units, flagged by their progress as of ``today``."""
    records = {u.id: book.record(u.id, source.key) for u in units}
    open_units = tuple(u for u in units if not _closed(records[u.id]))
    days_left = (source.date - today).days
    return Due(
        source.date,
        source.task,
        source.key,
        source.index,
        source.title,
        source.what,
        source.phrase,
        tuple(units),
        open_units,
        days_left,
        flag_for(days_left, not open_units, warn_days),
        done_on=None if open_units else _done_on(list(records.values())),
    )


def _closed(record: ProgressRecord | None) -> bool:
    return record is not None and record.status.closed


def _done_on(records: list[ProgressRecord | None]) -> dt.date | None:
    """When the last unit was done (None when every one found it not applicable)."""
    days = [r.date for r in records if r and r.status is Status.done and r.date]
    return max(days, default=None)


@dataclass(frozen=True)
class Window:
    """The days a question asks about (`gd due`, `gd requests due`).

    ``before`` and ``after`` are inclusive (「11月30日前」 means by the end of
    30 November).  ``within_days`` of ``today`` bounds the future only: what is
    already overdue is inside, unless ``after`` excludes it.
    """

    today: dt.date
    before: dt.date | None = None
    after: dt.date | None = None
    within_days: int | None = None

    def __contains__(self, day: dt.date) -> bool:
        if self.before is not None and day > self.before:
            return False
        if self.after is not None and day < self.after:
            return False
        return self.within_days is None or day <= self.today + dt.timedelta(self.within_days)


def select(items: list[Due], window: Window, include_done: bool = False) -> list[Due]:
    """The deadlines in ``window``; those every unit has met only with ``include_done``."""
    return [d for d in items if (include_done or d.flag is not Flag.done) and d.date in window]


#: A group is named instead of its members when at most this many of them are missing.
_MOST_OF_GROUP = 3


def summarize_units(index: UnitIndex, units: tuple[Unit, ...] | list[Unit]) -> list[str]:
    """Unit names for people: a group's members shown as the group's name.

    All members: 縣直有關部門（14個）; nearly all: 縣直有關部門（除縣衛健局）.
    """
    remaining = {u.id: u for u in units}
    names: list[str] = []
    for group in index.groups:
        members = index.members(group)
        present = sum(1 for unit_id in remaining if unit_id in index.member_ids[group.id])
        if not _stands_for(len(members), len(members) - present):
            continue  # counted over the few units here, not over a large group's members
        missing = [m for m in members if m.id not in remaining]
        names.append(_group_phrase(group, members, missing))
        for member in members:
            remaining.pop(member.id, None)
    names += [u.name for u in remaining.values()]
    return names


def _stands_for(members: int, missing: int) -> bool:
    """Whether a group's name is shown for its members present: a big group, nearly complete."""
    return members >= 4 and missing <= min(_MOST_OF_GROUP, members // 3)


def _group_phrase(group: Unit, members: list[Unit], missing: list[Unit]) -> str:
    if missing:
        return f"{group.name}（除{'、'.join(m.name for m in missing)}）"
    return f"{group.name}（{len(members)}個）"
