"""Listings as plain data: the tasks of the plan or of one unit, and the units.

Each function returns JSON-ready records; the command line decides how to
print them.
"""

from __future__ import annotations

from typing import Any

from gov_disclosure.assignments import Assignment, Role, deadline_units, named_role
from gov_disclosure.models import CLOSED, UNREPORTED, ProgressRecord, Task, Unit
from gov_disclosure.progress import ProgressBook, key_order, record_keys, units_for_key
from gov_disclosure.workspace import LoadedPlan


def task_record(loaded: LoadedPlan, task: Task) -> dict[str, Any]:
    units = loaded.units
    assigned = loaded.assignments[task.id]
    return {
        "id": task.id,
        "section": task.section_number,
        "title": task.title,
        "requirement": list(task.requirement),
        "lead": [units.lookup(n).name for n in task.lead],
        "responsible": [units.lookup(n).name for n in task.responsible],
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
) -> list[dict[str, Any]]:
    """The plan's tasks, or those a unit must act on (each with its role)."""
    out = []
    for task in loaded.plan.tasks():
        if section is not None and task.section_number != section:
            continue
        record = task_record(loaded, task)
        if unit is not None:
            assignment = unit_assignment(loaded, task, unit)
            if assignment is None or (role is not None and assignment.role is not role):
                continue
            record["role"] = assignment.role.value
            record["via"] = assignment.via.name if assignment.via else None
            if not unit.is_group:
                record["deadlines"] = [d for d in record["deadlines"] if unit.name in d["units"]]
        out.append(record)
    return out


def units(loaded: LoadedPlan) -> list[dict[str, Any]]:
    """Every unit of the registry, with how many tasks it leads, is responsible for, reaches."""
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


# ---- progress ---------------------------------------------------------------------


def record_dict(
    loaded: LoadedPlan, unit: Unit, record: ProgressRecord | None, key: str
) -> dict[str, Any]:
    return {
        "unit": unit.name,
        "unit_id": unit.id,
        "task": key,
        "title": key_title(loaded, key),
        "status": record.status.value if record else UNREPORTED,
        "date": record.date.isoformat() if record and record.date else None,
        "evidence": [
            {"ref": e.ref, "title": e.title, "is_link": e.is_link} for e in record.evidence
        ]
        if record
        else [],
        "note": record.note if record else None,
    }


def key_title(loaded: LoadedPlan, key: str) -> str:
    task = loaded.tasks_by_id.get(key)
    if task is not None:
        return task.title
    return next((m.what for m in loaded.plan.milestones if m.id == key), key)


def progress_records(
    loaded: LoadedPlan, book: ProgressBook, unit: Unit | None = None, key: str | None = None
) -> list[dict[str, Any]]:
    """The records kept, as a flat list (for scripts), optionally of one unit or task."""
    wanted = {u.id for u in loaded.units.expand(unit)} if unit is not None else None
    order = key_order(loaded)
    out = []
    for progress in book.by_unit.values():
        if wanted is not None and progress.unit.id not in wanted:
            continue
        for record in sorted(progress.records.values(), key=lambda r: order.get(r.task, 10**9)):
            if key is None or record.task == key:
                out.append(record_dict(loaded, progress.unit, record, record.task))
    return out


def progress_report(
    loaded: LoadedPlan, book: ProgressBook, unit: Unit | None = None, key: str | None = None
) -> list[dict[str, Any]]:
    """Every (unit, task) that must be reported, with its record or ``unreported``."""
    keys = [key] if key is not None else record_keys(loaded)
    wanted = {u.id for u in loaded.units.expand(unit)} if unit is not None else None
    out = []
    for k in keys:
        for assigned in units_for_key(loaded, k) or []:
            if wanted is None or assigned.id in wanted:
                out.append(record_dict(loaded, assigned, book.record(assigned.id, k), k))
    return out


def progress_matrix(loaded: LoadedPlan, book: ProgressBook) -> dict[str, Any]:
    """The unit × task matrix of statuses, with counts per unit and per task."""
    keys = record_keys(loaded)
    assigned = {k: {u.id for u in units_for_key(loaded, k) or []} for k in keys}
    rows = []
    for unit in loaded.units.units:
        if unit.is_group:
            continue
        cells: dict[str, str | None] = {}
        for k in keys:
            if unit.id in assigned[k]:
                status = book.status(unit.id, k)
                cells[k] = status.value if status else UNREPORTED
            else:
                cells[k] = None
        due = [c for c in cells.values() if c is not None]
        if not due:
            continue
        rows.append(
            {
                "unit": unit.name,
                "unit_id": unit.id,
                "cells": cells,
                "assigned": len(due),
                "closed": sum(1 for c in due if c in CLOSED),
            }
        )
    totals = {
        k: {
            "assigned": len(assigned[k]),
            "closed": sum(1 for r in rows if r["cells"][k] in CLOSED),
        }
        for k in keys
    }
    return {"keys": keys, "rows": rows, "totals": totals}
