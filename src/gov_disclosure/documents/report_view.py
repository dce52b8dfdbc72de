"""The year-end implementation report (落實情況報告), computed part by part.

Each task's units and its totals, the sections' totals, the overview figures,
the milestones, the issues (overdue deadlines, tasks not started, units that
reported nothing), and the title and author.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from gov_disclosure.dates import chinese_date
from gov_disclosure.documents.view_models import (
    AdjustmentView,
    Issues,
    MilestoneView,
    NarrativeView,
    NotStartedRow,
    OverdueRow,
    Overview,
    ReportSection,
    ReportTask,
    ReportView,
    TaskUnitRow,
    UnitShare,
    UnitStatus,
)
from gov_disclosure.documents.view_parts import (
    due_row,
    is_closed,
    numeral,
    percent,
    plan_header,
    record_row,
    revision_note,
    signature,
)
from gov_disclosure.history.log import NO_REVISION, Revision
from gov_disclosure.models import (
    STATUS_NAMES,
    UNREPORTED,
    ReportNarrative,
    Section,
    Status,
    Task,
    Unit,
)
from gov_disclosure.plan.assignments import units_for_key
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.plan.units import without_county
from gov_disclosure.progress.book import ProgressBook
from gov_disclosure.progress.deadlines import Flag, all_deadlines, summarize_units
from gov_disclosure.progress.queries import unit_tally

#: The order the overview counts (unit, task) pairs in, by status.
STATUS_ORDER: tuple[UnitStatus, ...] = (
    Status.done,
    Status.in_progress,
    Status.not_started,
    Status.not_applicable,
    UNREPORTED,
)
#: The order the overview counts whole tasks in (see :func:`task_status`).
TASK_STATUS_ORDER: tuple[UnitStatus, ...] = (
    Status.done,
    Status.in_progress,
    Status.not_started,
    UNREPORTED,
)


def report(
    loaded: LoadedPlan,
    book: ProgressBook,
    as_of: dt.date,
    narrative: ReportNarrative | None = None,
    unit: Unit | None = None,
    revision: Revision | None = None,
    adjustments: list[AdjustmentView] | None = None,
) -> ReportView:
    """The 落實情況報告: overview figures, each task's units, problems, next steps.

    With ``unit``, the report of that unit (or a group's members) alone.
    """
    wanted = {u.id for u in loaded.units.expand(unit)} if unit is not None else None
    sections = task_sections(loaded, book, wanted)
    assigned = assigned_units(loaded, sections)
    revision = revision or NO_REVISION
    author = report_author(loaded, narrative, unit)
    return {
        "kind": "report",
        "revision": revision,
        "revision_note": revision_note(revision),
        "adjustments": adjustments,
        "plan": plan_header(loaded),
        "title": report_title(loaded, narrative, unit),
        "author": author,
        "signature": signature(author, as_of),
        "as_of": chinese_date(as_of),
        "unit": {"name": unit.name} if unit else None,
        "narrative": narrative_view(narrative),
        "overview": overview(sections, unit_shares(loaded, book, assigned), as_of),
        "sections": sections,
        "milestones": milestones(loaded, book, wanted),
        "issues": issues(loaded, book, as_of, unit, sections, [u for u, _ in assigned]),
    }


# ---- each task's units, and the totals of tasks and sections ---------------------------


def _wanted_units(loaded: LoadedPlan, key: str, wanted: set[str] | None) -> list[Unit]:
    """The units that must report on a task or milestone, of those the report is about."""
    return [u for u in units_for_key(loaded, key) or [] if wanted is None or u.id in wanted]


def task_rows(
    loaded: LoadedPlan, book: ProgressBook, task_id: str, wanted: set[str] | None
) -> list[TaskUnitRow]:
    """Each unit's record for a task, with its role."""
    rows: list[TaskUnitRow] = []
    for assigned in _wanted_units(loaded, task_id, wanted):
        role = loaded.assignments[task_id][assigned.id].role
        rows.append({**record_row(loaded, book, assigned, task_id), "role_label": role.label})
    return rows


def task_status(statuses: list[UnitStatus]) -> UnitStatus:
    """A task as a whole: done when every unit has closed it; not started when nobody began."""
    if statuses and all(is_closed(s) for s in statuses):
        return Status.done
    if all(s == UNREPORTED for s in statuses):
        return UNREPORTED
    if all(s in (Status.not_started, UNREPORTED) for s in statuses):
        return Status.not_started
    return Status.in_progress


def report_task(loaded: LoadedPlan, task: Task, rows: list[TaskUnitRow]) -> ReportTask:
    """A task in the report: its units' records, its status as a whole, how much is closed."""
    status = task_status([r["status"] for r in rows])
    closed = sum(1 for r in rows if r["closed"])
    return {
        "id": task.id,
        "title": task.title,
        "lead": loaded.unit_names(task.lead),
        "responsible": loaded.unit_names(task.responsible),
        "status": status,
        "status_label": STATUS_NAMES[status],
        "units": rows,
        "closed": closed,
        "assigned": len(rows),
        "percent": percent(closed, len(rows)),
    }


def report_section(section: Section, tasks: list[ReportTask]) -> ReportSection:
    closed = sum(t["closed"] for t in tasks)
    assigned = sum(t["assigned"] for t in tasks)
    return {
        "number": section.number,
        "numeral": numeral(section.number),
        "title": section.title,
        "tasks": tasks,
        "closed": closed,
        "assigned": assigned,
        "percent": percent(closed, assigned),
    }


def task_sections(
    loaded: LoadedPlan, book: ProgressBook, wanted: set[str] | None
) -> list[ReportSection]:
    """The plan's sections with their tasks; a task no unit reports on is left out."""
    sections = []
    for section in loaded.plan.sections:
        tasks = [
            report_task(loaded, task, rows)
            for task in section.tasks
            if (rows := task_rows(loaded, book, task.id, wanted))
        ]
        if tasks:
            sections.append(report_section(section, tasks))
    return sections


def _tasks_of(sections: list[ReportSection]) -> Iterator[ReportTask]:
    return (t for s in sections for t in s["tasks"])


def _rows_of(sections: list[ReportSection]) -> Iterator[TaskUnitRow]:
    return (r for t in _tasks_of(sections) for r in t["units"])


# ---- the overview ------------------------------------------------------------------------


def assigned_units(
    loaded: LoadedPlan, sections: list[ReportSection]
) -> list[tuple[Unit, list[TaskUnitRow]]]:
    """Each unit with a task in the report, in registry order, with its records of tasks."""
    rows: dict[str, list[TaskUnitRow]] = {}
    for row in _rows_of(sections):
        rows.setdefault(row["unit_id"], []).append(row)
    return [(u, rows[u.id]) for u in loaded.units.units if not u.is_group and u.id in rows]


def unit_shares(
    loaded: LoadedPlan, book: ProgressBook, assigned: list[tuple[Unit, list[TaskUnitRow]]]
) -> list[UnitShare]:
    """How much of its tasks each unit has closed (counted as everywhere: ``unit_tally``)."""
    shares: list[UnitShare] = []
    for unit, _ in assigned:
        tally = unit_tally(loaded, book, unit)
        shares.append(
            {
                "unit": unit.name,
                "assigned": tally["assigned"],
                "closed": tally["closed"],
                "percent": percent(tally["closed"], tally["assigned"]),
            }
        )
    return shares


def overview(sections: list[ReportSection], by_unit: list[UnitShare], as_of: dt.date) -> Overview:
    """The 總體情況: (unit, task) pairs by status, tasks by status, by section, by unit."""
    by_status = Counter(r["status"] for r in _rows_of(sections))
    by_task = Counter(t["status"] for t in _tasks_of(sections))
    assignments = sum(by_status.values())
    closed = sum(n for status, n in by_status.items() if is_closed(status))
    return {
        "summary": overview_summary(by_status, sum(by_task.values()), len(by_unit), as_of),
        "tasks": sum(by_task.values()),
        "task_status": [
            {"status": s, "label": STATUS_NAMES[s], "count": by_task[s]} for s in TASK_STATUS_ORDER
        ],
        "assignments": assignments,
        "by_status": [
            {
                "status": s,
                "label": STATUS_NAMES[s],
                "count": by_status[s],
                "percent": percent(by_status[s], assignments),
            }
            for s in STATUS_ORDER
        ],
        "closed": closed,
        "percent": percent(closed, assignments),
        "units": len(by_unit),
        "by_section": [
            {
                "numeral": s["numeral"],
                "title": s["title"],
                "closed": s["closed"],
                "assigned": s["assigned"],
                "percent": s["percent"],
            }
            for s in sections
        ],
        "by_unit": by_unit,
    }


def overview_summary(by_status: Counter[UnitStatus], tasks: int, units: int, as_of: dt.date) -> str:
    """The overview in one paragraph: tasks, units, pairs, and how many are in each status."""
    assignments = sum(by_status.values())
    closed = sum(n for status, n in by_status.items() if is_closed(status))
    return (
        f"本方案共 {tasks} 項任務，分解到 {units} 個單位，"
        f"共 {assignments} 項任務分工。截至{chinese_date(as_of)}，"
        f"已完成 {by_status[Status.done]} 項、不適用 {by_status[Status.not_applicable]} 項，"
        f"完成率 {percent(closed, assignments)}%；"
        f"推進中 {by_status[Status.in_progress]} 項，未開始 {by_status[Status.not_started]} 項，"
        f"未報告 {by_status[UNREPORTED]} 項。"
    )


# ---- milestones and issues ---------------------------------------------------------------


def milestones(
    loaded: LoadedPlan, book: ProgressBook, wanted: set[str] | None
) -> list[MilestoneView]:
    """The plan's milestones (the report itself) with each unit's record."""
    return [
        {
            "id": m.id,
            "what": m.what,
            "date": chinese_date(m.date),
            "units": [
                record_row(loaded, book, u, m.id) for u in _wanted_units(loaded, m.id, wanted)
            ],
        }
        for m in loaded.plan.milestones
    ]


def issues(
    loaded: LoadedPlan,
    book: ProgressBook,
    as_of: dt.date,
    unit: Unit | None,
    sections: list[ReportSection],
    assigned: list[Unit],
) -> Issues:
    """存在的問題 as computed: overdue deadlines, tasks not started, units that reported nothing."""
    return {
        "overdue": overdue(loaded, book, as_of, unit),
        "not_started": not_started(sections),
        "silent_units": [u.name for u in assigned if not _has_reported(book, u)],
    }


def overdue(
    loaded: LoadedPlan, book: ProgressBook, as_of: dt.date, unit: Unit | None
) -> list[OverdueRow]:
    """Deadlines passed with some unit still open, with those units named for people."""
    return [
        {**due_row(d), "task": d.task, "open_units": summarize_units(loaded.units, d.open_units)}
        for d in all_deadlines(loaded, book, as_of, unit=unit)
        if d.flag is Flag.overdue
    ]


def not_started(sections: list[ReportSection]) -> list[NotStartedRow]:
    """Tasks some unit has not started, with those units."""
    found: list[NotStartedRow] = []
    for task in _tasks_of(sections):
        units = [r["unit"] for r in task["units"] if r["status"] == Status.not_started]
        if units:
            found.append({"task": task["id"], "title": task["title"], "units": units})
    return found


def _has_reported(book: ProgressBook, unit: Unit) -> bool:
    """Whether a unit has any record at all (of any task or milestone)."""
    progress = book.by_unit.get(unit.id)
    return progress is not None and bool(progress.records)


# ---- title, author, narrative --------------------------------------------------------------


def report_title(loaded: LoadedPlan, narrative: ReportNarrative | None, unit: Unit | None) -> str:
    """The narrative's title; else the plan's, for a unit with the unit's name in front."""
    if narrative and narrative.title:
        return narrative.title
    title = loaded.plan.notice.title
    if unit:
        return f"{unit.name}{without_county(title, loaded.units.county)}落實情況報告"
    return f"{title}落實情況報告"


def report_author(loaded: LoadedPlan, narrative: ReportNarrative | None, unit: Unit | None) -> str:
    """The narrative's author; else the unit (by its full name), or the workspace's issuer."""
    if narrative and narrative.author:
        return narrative.author
    if unit:
        return unit.full_name or unit.name
    return loaded.issuer


def narrative_view(narrative: ReportNarrative | None) -> NarrativeView:
    """What the office wrote (report/<year>.yaml); empty without it."""
    if narrative is None:
        return {"overview": None, "problems": [], "next_steps": []}
    return {
        "overview": narrative.overview,
        "problems": list(narrative.problems),
        "next_steps": list(narrative.next_steps),
    }
