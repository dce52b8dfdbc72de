"""The plan and its progress as plain rows: the one source of every export format.

Rows come in a fixed order (registry order for units, plan order for tasks,
milestones and deadlines, plan order within each unit for records), so the
same workspace always gives the same rows, and every text in them is written
in one script (identifiers such as ``health``, ``2.4`` or ``done`` stay as
they are).  Nothing here depends on the day the export is made, except which
records count when an earlier day is asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from gov_disclosure import __version__
from gov_disclosure.models import STATUS_NAMES, UNREPORTED, ProgressRecord, Status, Unit
from gov_disclosure.plan import queries as plan_queries
from gov_disclosure.plan.assignments import Role, key_order, position, units_for_key
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.progress.book import ProgressBook
from gov_disclosure.progress.deadlines import Due, Flag, all_deadlines, standing_text
from gov_disclosure.progress.deadlines import summarize_units as summarize
from gov_disclosure.progress.queries import Matrix, progress_matrix
from gov_disclosure.textnorm import Script

#: The version of the SQLite schema (tables, views, columns) documented in docs/export.md.
#: It changes only when a name is renamed or removed, or a meaning changes.
SCHEMA_VERSION = 1

#: A deadline some unit has not met yet, in the deadlines sheet (its days depend on the day).
OPEN_STANDING = "未完成"


class ExportFormat(StrEnum):
    sqlite = "sqlite"
    xlsx = "xlsx"


@dataclass(frozen=True)
class UnitRow:
    id: str
    #: Registry order, from 1.
    position: int
    name: str
    full_name: str | None
    aliases: tuple[str, ...]
    kind: str
    kind_label: str
    parent_id: str | None
    #: A group's members (ids), in registry order.
    member_ids: tuple[str, ...]
    #: How many tasks it leads, is responsible for, and reaches through a group (`gd units`).
    lead_tasks: int
    responsible_tasks: int
    member_tasks: int


@dataclass(frozen=True)
class TaskRow:
    id: str
    #: Plan order, from 1; milestones follow the tasks.
    position: int
    section: int
    title: str
    #: Unit names as the registry writes them (a group's name when the plan names a group).
    lead: tuple[str, ...]
    responsible: tuple[str, ...]
    requirement: tuple[str, ...]


@dataclass(frozen=True)
class MilestoneRow:
    id: str
    position: int
    date: dt.date
    phrase: str | None
    what: str
    recipient: str | None
    unit_ids: tuple[str, ...]


@dataclass(frozen=True)
class AssignmentRow:
    """A unit that must act on a task, with its strongest role, and the group that reaches it."""

    task_id: str
    unit_id: str
    role: str
    via_id: str | None


@dataclass(frozen=True)
class DeadlineRow:
    #: Plan order, from 1: each task's deadlines, then the milestones.
    id: int
    task_id: str | None
    milestone_id: str | None
    #: Position within its task, from 1 (1 for a milestone).
    n: int
    date: dt.date
    phrase: str | None
    what: str
    unit_ids: tuple[str, ...]
    open_unit_ids: tuple[str, ...]
    #: The units for people: a group's name for (nearly) all its members.
    units_text: tuple[str, ...]
    open_units_text: tuple[str, ...]
    #: When the last unit was done, once every unit has closed it.
    done_on: dt.date | None
    #: 按時完成（2020-09-18）, 逾期完成（晚 3 天）, 不適用, or 未完成 while a unit must act.
    standing: str

    @property
    def task(self) -> str:
        """The record key: the task id, or the milestone id."""
        return self.task_id or self.milestone_id or ""


@dataclass(frozen=True)
class EvidenceRow:
    ref: str
    title: str | None
    is_link: bool


@dataclass(frozen=True)
class ProgressRow:
    unit_id: str
    #: A task id, or a milestone id (report).
    task: str
    status: str
    date: dt.date | None
    note: str | None
    evidence: tuple[EvidenceRow, ...]


@dataclass(frozen=True)
class Label:
    """A code and how people read it, in the export's script."""

    code: str
    label: str
    #: For statuses: whether it leaves nothing to do (done, not applicable).
    closed: bool = False


@dataclass(frozen=True)
class ExportTables:
    """Everything an export holds, in the export's script."""

    year: int
    script: Script
    title: str
    issuer: str
    #: The latest day the data speaks of (the notice's date or a record's): the workbook's date.
    data_day: dt.date
    units: list[UnitRow]
    #: Each section's title by its number.
    sections: dict[int, str]
    tasks: list[TaskRow]
    milestones: list[MilestoneRow]
    assignments: list[AssignmentRow]
    deadlines: list[DeadlineRow]
    progress: list[ProgressRow]
    statuses: list[Label]
    roles: list[Label]
    #: The unit × task matrix (statuses as codes, names as the registry writes them).
    matrix: Matrix

    def meta(self) -> list[tuple[str, str]]:
        """What the export is, as key and value."""
        return [
            ("schema_version", str(SCHEMA_VERSION)),
            ("gd_version", __version__),
            ("year", str(self.year)),
            ("script", self.script.value),
            ("title", self.title),
            ("issuer", self.issuer),
            ("data_day", self.data_day.isoformat()),
        ]

    def counts(self) -> dict[str, int]:
        """Rows of each kind: units (groups apart), tasks, deadlines, progress records."""
        groups = sum(1 for u in self.units if u.kind == "group")
        return {
            "units": len(self.units) - groups,
            "groups": groups,
            "tasks": len(self.tasks),
            "deadlines": len(self.deadlines),
            "records": len(self.progress),
        }


def export_tables(loaded: LoadedPlan, book: ProgressBook, script: Script) -> ExportTables:
    """The plan and its progress (``book``, as of the day asked for) as rows in ``script``."""
    conv = script.convert
    records = _records_in_plan_order(loaded, book)
    issued = loaded.plan.notice.issued
    return ExportTables(
        year=loaded.year,
        script=script,
        title=conv(loaded.plan.notice.title),
        issuer=conv(loaded.issuer),
        data_day=max([issued, *(r.date for _, r in records if r.date)]),
        units=_unit_rows(loaded, conv),
        sections={s.number: conv(s.title) for s in loaded.plan.sections},
        tasks=_task_rows(loaded, conv),
        milestones=_milestone_rows(loaded, conv),
        assignments=[
            AssignmentRow(task_id, a.unit.id, a.role.value, a.via.id if a.via else None)
            for task_id, assigned in loaded.assignments.items()
            for a in assigned.values()
        ],
        deadlines=_deadline_rows(loaded, book, conv),
        progress=[_progress_row(unit, record, conv) for unit, record in records],
        statuses=[
            Label(code, conv(label), code != UNREPORTED and Status(code).closed)
            for code, label in STATUS_NAMES.items()
        ],
        roles=[Label(role.value, conv(role.label)) for role in Role],
        matrix=progress_matrix(loaded, book),
    )


def _records_in_plan_order(
    loaded: LoadedPlan, book: ProgressBook
) -> list[tuple[Unit, ProgressRecord]]:
    order = key_order(loaded)
    return [
        (progress.unit, record)
        for progress in book.by_unit.values()
        for record in sorted(progress.records.values(), key=lambda r: position(order, r.task))
    ]


def _progress_row(unit: Unit, record: ProgressRecord, conv: Callable[[str], str]) -> ProgressRow:
    evidence = tuple(
        EvidenceRow(conv(e.ref), conv(e.title) if e.title else None, e.is_link)
        for e in record.evidence
    )
    note = conv(record.note) if record.note else None
    return ProgressRow(unit.id, record.task, record.status.value, record.date, note, evidence)


def _unit_rows(loaded: LoadedPlan, conv: Callable[[str], str]) -> list[UnitRow]:
    counts = {r["id"]: r["tasks"] for r in plan_queries.units(loaded)}
    return [
        UnitRow(
            id=unit.id,
            position=i,
            name=conv(unit.name),
            full_name=conv(unit.full_name) if unit.full_name else None,
            aliases=tuple(conv(a) for a in unit.aliases),
            kind=unit.kind.value,
            kind_label=conv(unit.kind.label),
            parent_id=unit.parent,
            member_ids=tuple(m.id for m in loaded.units.members(unit)) if unit.is_group else (),
            lead_tasks=counts[unit.id][Role.lead],
            responsible_tasks=counts[unit.id][Role.responsible],
            member_tasks=counts[unit.id][Role.member],
        )
        for i, unit in enumerate(loaded.units.units, 1)
    ]


def _task_rows(loaded: LoadedPlan, conv: Callable[[str], str]) -> list[TaskRow]:
    return [
        TaskRow(
            id=task.id,
            position=i,
            section=task.section_number,
            title=conv(task.title),
            lead=tuple(conv(n) for n in loaded.unit_names(task.lead)),
            responsible=tuple(conv(n) for n in loaded.unit_names(task.responsible)),
            requirement=tuple(conv(s) for s in task.requirement),
        )
        for i, task in enumerate(loaded.plan.tasks(), 1)
    ]


def _milestone_rows(loaded: LoadedPlan, conv: Callable[[str], str]) -> list[MilestoneRow]:
    first = len(loaded.plan.tasks()) + 1
    return [
        MilestoneRow(
            id=m.id,
            position=i,
            date=m.date,
            phrase=conv(m.phrase) if m.phrase else None,
            what=conv(m.what),
            recipient=conv(m.recipient) if m.recipient else None,
            unit_ids=tuple(u.id for u in units_for_key(loaded, m.id) or []),
        )
        for i, m in enumerate(loaded.plan.milestones, first)
    ]


def _deadline_rows(
    loaded: LoadedPlan, book: ProgressBook, conv: Callable[[str], str]
) -> list[DeadlineRow]:
    """Every deadline of the plan in plan order (each task's, then the milestones)."""
    order = key_order(loaded)
    dues = sorted(
        all_deadlines(loaded, book, loaded.plan.notice.issued),
        key=lambda d: (position(order, d.key), d.index),
    )
    return [_deadline_row(loaded, i, due, conv) for i, due in enumerate(dues, 1)]


def _deadline_row(
    loaded: LoadedPlan, number: int, due: Due, conv: Callable[[str], str]
) -> DeadlineRow:
    done = due.flag is Flag.done
    return DeadlineRow(
        id=number,
        task_id=due.task,
        milestone_id=None if due.task else due.key,
        n=due.index + 1,
        date=due.date,
        phrase=conv(due.phrase) if due.phrase else None,
        what=conv(due.what),
        unit_ids=tuple(u.id for u in due.units),
        open_unit_ids=tuple(u.id for u in due.open_units),
        units_text=tuple(conv(n) for n in summarize(loaded.units, due.units)),
        open_units_text=tuple(conv(n) for n in summarize(loaded.units, due.open_units)),
        done_on=due.done_on if done else None,
        standing=conv(standing_text(due) if done else OPEN_STANDING),
    )
