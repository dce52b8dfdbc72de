"""Listings as plain data: the tasks of the plan or of one unit, and the units.

Each function returns JSON-ready records; the command line decides how to
print them.
"""

from __future__ import annotations

from typing import Any, TypedDict, cast

from gov_disclosure.models import Task, Unit
from gov_disclosure.plan.assignments import Assignment, Role, deadline_units, named_role
from gov_disclosure.plan.loading import LoadedPlan


class DeadlineRecord(TypedDict):
    date: str
    what: str
    phrase: str | None
    units: list[str]


class TaskRecord(TypedDict):
    """A task as listings and scripts see it (``gd tasks --format json``)."""

    id: str
    section: int
    title: str
    requirement: list[str]
    lead: list[str]
    responsible: list[str]
    deadlines: list[DeadlineRecord]


class UnitTaskRecord(TaskRecord, total=False):
    """A task of one unit's: with the unit's role, and the group it is reached through."""

    role: Role
    via: str | None


def task_record(loaded: LoadedPlan, task: Task) -> TaskRecord:
    units = loaded.units
    assigned = loaded.assignments[task.id]
    return {
        "id": task.id,
        "section": task.section_number,
        "title": task.title,
        "requirement": list(task.requirement),
        "lead": loaded.unit_names(task.lead),
        "responsible": loaded.unit_names(task.responsible),
        "deadlines": [
            {
                "date": d.date.isoformat(),
                "what": d.what,
                "phrase": d.phrase,
                "units": [u.name for u in deadline_units(task, d, units, assigned)],
            }
            for d in task.deadlines
        ],
    }


def unit_assignment(loaded: LoadedPlan, task: Task, unit: Unit) -> Assignment | None:
    """How a unit (or a group, by being named itself) must act on a task, if at all."""
    if unit.is_group:
        role = named_role(task, unit, loaded.units)
        return Assignment(unit, role) if role else None
    return loaded.assignments[task.id].get(unit.id)


def tasks(
    loaded: LoadedPlan,
    unit: Unit | None = None,
    role: Role | None = None,
    section: int | None = None,
) -> list[UnitTaskRecord]:
    """The plan's tasks, or those a unit must act on (each with its role)."""
    out: list[UnitTaskRecord] = []
    for task in loaded.plan.tasks():
        if section is not None and task.section_number != section:
            continue
        # A TaskRecord is a UnitTaskRecord without the optional role and via.
        record = cast(UnitTaskRecord, task_record(loaded, task))
        if unit is not None:
            assignment = unit_assignment(loaded, task, unit)
            if assignment is None or (role is not None and assignment.role is not role):
                continue
            record["role"] = assignment.role
            record["via"] = assignment.via.name if assignment.via else None
            if not unit.is_group:
                record["deadlines"] = [d for d in record["deadlines"] if unit.name in d["units"]]
        out.append(record)
    return out


def units(loaded: LoadedPlan) -> list[dict[str, Any]]:
    """Every unit of the registry, with how many tasks it leads, is responsible for, reaches."""
    assert not loaded.partial, "the counts are of every task of the plan"
    index = loaded.units
    counts: dict[str, dict[str, int]] = {u.id: {r.value: 0 for r in Role} for u in index.units}
    for task in loaded.plan.tasks():
        for unit_id, assignment in loaded.assignments[task.id].items():
            counts[unit_id][assignment.role.value] += 1
        for unit in index.units:
            if unit.is_group and (role := named_role(task, unit, index)):
                counts[unit.id][role.value] += 1
    out = []
    for unit in index.units:
        record: dict[str, Any] = {
            "id": unit.id,
            "name": unit.name,
            "full_name": unit.full_name,
            "aliases": list(unit.aliases),
            "kind": unit.kind.value,
            "tasks": counts[unit.id],
        }
        if unit.is_group:
            record["members"] = [m.name for m in index.members(unit)]
        if unit.parent:
            record["parent"] = index.by_id[unit.parent].name
        out.append(record)
    return out
