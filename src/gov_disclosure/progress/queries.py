"""Progress as plain data: records, the per-(unit, task) report, the unit × task matrix.

Each function returns JSON-ready records; the command line decides how to
print them.
"""

from __future__ import annotations

from typing import TypedDict

from gov_disclosure.models import CLOSED, UNREPORTED, ProgressRecord, ReportedStatus, Unit
from gov_disclosure.plan.assignments import key_order, position, record_keys, units_for_key
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.progress.book import ProgressBook


class EvidenceRecord(TypedDict):
    ref: str
    title: str | None
    is_link: bool


class RecordRow(TypedDict):
    """A unit's record for a task or milestone, as ``gd progress show --format json`` prints it."""

    unit: str
    unit_id: str
    task: str
    title: str
    status: ReportedStatus
    date: str | None
    evidence: list[EvidenceRecord]
    note: str | None


class Tally(TypedDict):
    """How many tasks a unit has, and how many of them it has closed (done or not applicable).

    The one count of a unit's tasks: ``gd progress show``, the checklist and the
    report all use :func:`unit_tally`.  Milestones (the report every unit owes)
    are not tasks and are not counted.
    """

    assigned: int
    closed: int


def unit_tally(loaded: LoadedPlan, book: ProgressBook, unit: Unit) -> Tally:
    """The tasks the plan assigns to a unit, and those its records close."""
    keys = loaded.task_ids_of.get(unit.id, [])
    return {
        "assigned": len(keys),
        "closed": sum(1 for k in keys if book.status(unit.id, k) in CLOSED),
    }


class MatrixRow(Tally):
    unit: str
    unit_id: str
    #: Each record key's status for the unit; None where the unit has no such task.
    cells: dict[str, ReportedStatus | None]


class MatrixTotal(TypedDict):
    assigned: int
    closed: int


class Matrix(TypedDict):
    """The unit × task matrix: record keys in plan order, a row per unit, totals per key."""

    keys: list[str]
    rows: list[MatrixRow]
    totals: dict[str, MatrixTotal]


def record_dict(
    loaded: LoadedPlan, unit: Unit, record: ProgressRecord | None, key: str
) -> RecordRow:
    return {
        "unit": unit.name,
        "unit_id": unit.id,
        "task": key,
        "title": key_title(loaded, key),
        "status": record.status if record else UNREPORTED,
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
) -> list[RecordRow]:
    """The records kept, as a flat list (for scripts), optionally of one unit or task."""
    wanted = {u.id for u in loaded.units.expand(unit)} if unit is not None else None
    order = key_order(loaded)
    out: list[RecordRow] = []
    for progress in book.by_unit.values():
        if wanted is not None and progress.unit.id not in wanted:
            continue
        for record in sorted(progress.records.values(), key=lambda r: position(order, r.task)):
            if key is None or record.task == key:
                out.append(record_dict(loaded, progress.unit, record, record.task))
    return out


def progress_report(
    loaded: LoadedPlan, book: ProgressBook, unit: Unit | None = None, key: str | None = None
) -> list[RecordRow]:
    """Every (unit, task) that must be reported, with its record or ``unreported``."""
    keys = [key] if key is not None else record_keys(loaded)
    wanted = {u.id for u in loaded.units.expand(unit)} if unit is not None else None
    return [
        record_dict(loaded, assigned, book.record(assigned.id, k), k)
        for k in keys
        for assigned in units_for_key(loaded, k) or []
        if wanted is None or assigned.id in wanted
    ]


def progress_matrix(loaded: LoadedPlan, book: ProgressBook) -> Matrix:
    """The unit × task matrix of statuses, with counts per unit and per task."""
    assert not loaded.partial, "the matrix counts every task of the plan"
    keys = record_keys(loaded)
    assigned = {k: {u.id for u in units_for_key(loaded, k) or []} for k in keys}
    rows = [
        row
        for unit in loaded.units.units
        if not unit.is_group
        and (row := _matrix_row(loaded, unit, keys, assigned, book)) is not None
    ]
    totals: dict[str, MatrixTotal] = {
        k: {
            "assigned": len(assigned[k]),
            "closed": sum(1 for r in rows if r["cells"][k] in CLOSED),
        }
        for k in keys
    }
    return {"keys": keys, "rows": rows, "totals": totals}


def _matrix_row(
    loaded: LoadedPlan,
    unit: Unit,
    keys: list[str],
    assigned: dict[str, set[str]],
    book: ProgressBook,
) -> MatrixRow | None:
    """A unit's statuses across the plan, and its tally of tasks; None when it has none."""
    cells: dict[str, ReportedStatus | None] = {
        k: (book.status(unit.id, k) or UNREPORTED) if unit.id in assigned[k] else None for k in keys
    }
    if all(c is None for c in cells.values()):
        return None
    return {"unit": unit.name, "unit_id": unit.id, "cells": cells, **unit_tally(loaded, book, unit)}
