"""Progress as plain data: records, the per-(unit, task) report, the unit × task matrix.

Each function returns JSON-ready records; the command line decides how to
print them.
"""

from __future__ import annotations

from typing import Any

from gov_disclosure.models import CLOSED, UNREPORTED, ProgressRecord, Unit
from gov_disclosure.plan.assignments import key_order, position, record_keys, units_for_key
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.progress.book import ProgressBook


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
        for record in sorted(progress.records.values(), key=lambda r: position(order, r.task)):
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
