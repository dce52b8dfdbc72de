"""A unit's checklist: its tasks and roles, each sentence a checkbox, its deadlines."""

from __future__ import annotations

import datetime as dt

from gov_disclosure.dates import chinese_date
from gov_disclosure.documents.view_models import (
    ChecklistCounts,
    ChecklistTask,
    ChecklistView,
    DeadlineRow,
    DueRow,
)
from gov_disclosure.documents.view_parts import (
    due_row,
    plan_header,
    revision_note,
    signature,
    unit_status,
)
from gov_disclosure.history.log import NO_REVISION, Revision
from gov_disclosure.models import STATUS_NAMES, UNREPORTED, Status, Task, Unit
from gov_disclosure.plan.assignments import Assignment, Role
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.plan.queries import unit_assignment
from gov_disclosure.progress.book import ProgressBook
from gov_disclosure.progress.deadlines import Due, all_deadlines
from gov_disclosure.progress.queries import unit_tally


def checklist(
    loaded: LoadedPlan,
    book: ProgressBook,
    unit: Unit,
    today: dt.date,
    revision: Revision | None = None,
) -> ChecklistView:
    """Everything a unit must do: its tasks and roles, each sentence a checkbox, its deadlines."""
    deadlines = all_deadlines(loaded, book, today, unit=unit)
    tasks = _tasks(loaded, book, unit, deadlines)
    by_role = {role: sum(1 for t in tasks if t["role"] == role) for role in Role}
    counts = _counts(loaded, book, unit, by_role, len(tasks))
    revision = revision or NO_REVISION
    return {
        "kind": "checklist",
        "title": f"{unit.name}任務清單",
        "revision": revision,
        "revision_note": revision_note(revision),
        "signature": signature(loaded.issuer, today),
        "plan": plan_header(loaded),
        "unit": {"name": unit.name, "full_name": unit.full_name, "is_group": unit.is_group},
        "today": chinese_date(today),
        "tasks": tasks,
        "milestones": [due_row(d) for d in deadlines if d.task is None],
        "deadlines": [_deadline_row(d) for d in deadlines],
        "counts": counts,
        "summary": _summary(unit, by_role, counts),
    }


def _counts(
    loaded: LoadedPlan, book: ProgressBook, unit: Unit, by_role: dict[Role, int], tasks: int
) -> ChecklistCounts:
    """A unit's tasks counted as everywhere else; a group (named by tasks) keeps no records."""
    tally = (
        unit_tally(loaded, book, unit) if not unit.is_group else {"assigned": tasks, "closed": 0}
    )
    return {
        "tasks": tally["assigned"],
        "lead": by_role[Role.lead],
        "responsible": by_role[Role.responsible],
        "member": by_role[Role.member],
        "closed": tally["closed"],
    }


def _tasks(
    loaded: LoadedPlan, book: ProgressBook, unit: Unit, deadlines: list[Due]
) -> list[ChecklistTask]:
    """The tasks a unit must act on, in plan order (a group: those that name it)."""
    tasks = []
    for task in loaded.plan.tasks():
        assignment = unit_assignment(loaded, task, unit)
        if assignment is not None:
            own = [due_row(d) for d in deadlines if d.task == task.id]
            tasks.append(_task(loaded, book, unit, task, assignment, own))
    return tasks


def _task(
    loaded: LoadedPlan,
    book: ProgressBook,
    unit: Unit,
    task: Task,
    assignment: Assignment,
    deadlines: list[DueRow],
) -> ChecklistTask:
    status = unit_status(book, unit, task.id) if not unit.is_group else UNREPORTED
    done = status == Status.done
    return {
        "id": task.id,
        "title": task.title,
        "role": assignment.role,
        "role_label": assignment.role.label,
        "via": assignment.via.name if assignment.via else None,
        "lead": loaded.unit_names(task.lead),
        "responsible": loaded.unit_names(task.responsible),
        "sentences": [{"text": s, "checked": done} for s in task.requirement],
        "status": status,
        "status_label": STATUS_NAMES[status],
        "deadlines": deadlines,
    }


def _deadline_row(due: Due) -> DeadlineRow:
    """A row of the checklist's table of deadlines, labelled with its task."""
    label = f"{due.task + ' ' if due.task else ''}{due.what}" + (
        f"（{due.phrase}）" if due.phrase else ""
    )
    return {**due_row(due), "task": due.task, "label": label}


def _summary(unit: Unit, by_role: dict[Role, int], counts: ChecklistCounts) -> str:
    if not counts["tasks"]:
        return f"{unit.name} 在本方案中沒有任務。"
    roles = "、".join(f"{role.label} {n} 項" for role, n in by_role.items() if n)
    return f"共 {counts['tasks']} 項任務（{roles}），已完成 {counts['closed']} 項。"
