"""View models for rendered documents: plain data computed here, laid out by templates.

Templates only lay out what these functions return: every count, status,
flag and days-left text is computed here, so a template holds no rules.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gov_disclosure.models import CLOSED, STATUS_NAMES, UNREPORTED, ReportNarrative, Unit
from gov_disclosure.plan.assignments import units_for_key
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.plan.queries import unit_assignment
from gov_disclosure.progress.book import ProgressBook
from gov_disclosure.progress.deadlines import Flag, all_deadlines, days_text, summarize_units
from gov_disclosure.progress.queries import record_dict

STATUS_ORDER = ["done", "in_progress", "not_started", "not_applicable", UNREPORTED]
SECTION_NUMERALS = "一二三四五六七八九十"
NO_REVISION = {"id": None, "date": None, "dirty": False, "text": "數據未納入 git 版本管理"}


def numeral(n: int) -> str:
    if 1 <= n <= 10:
        return SECTION_NUMERALS[n - 1]
    if n < 20:
        return "十" + SECTION_NUMERALS[n - 11]
    return str(n)


def plan_header(loaded: LoadedPlan) -> dict[str, Any]:
    plan = loaded.plan
    report = plan.milestones[0] if plan.milestones else None
    return {
        "title": plan.notice.title,
        "issuer": plan.notice.issuer,
        "issued": plan.notice.issued.isoformat(),
        "year": plan.year,
        "basis": plan.notice.basis.document_number if plan.notice.basis else None,
        "report_deadline": report.date.isoformat() if report else None,
        "report_what": report.what if report else None,
    }


def _status(book: ProgressBook, unit: Unit, key: str) -> str:
    status = book.status(unit.id, key)
    return status.value if status else UNREPORTED


def _record(loaded: LoadedPlan, book: ProgressBook, unit: Unit, key: str) -> dict[str, Any]:
    """A unit's record for a task as :func:`queries.record_dict` gives it, with labels."""
    row = record_dict(loaded, unit, book.record(unit.id, key), key)
    row["status_label"] = STATUS_NAMES[row["status"]]
    row["closed"] = row["status"] in CLOSED
    return row


# ---- a unit's checklist -------------------------------------------------------------


def checklist(
    loaded: LoadedPlan,
    book: ProgressBook,
    unit: Unit,
    today: dt.date,
    revision: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything a unit must do: its tasks and roles, each sentence a checkbox, its deadlines."""
    deadlines = all_deadlines(loaded, book, today, unit=unit)
    tasks = []
    for task in loaded.plan.tasks():
        assignment = unit_assignment(loaded, task, unit)
        if assignment is None:
            continue
        status = _status(book, unit, task.id) if not unit.is_group else UNREPORTED
        done = status == "done"
        tasks.append(
            {
                "id": task.id,
                "title": task.title,
                "role": assignment.role.value,
                "role_label": assignment.role.label,
                "via": assignment.via.name if assignment.via else None,
                "lead": [loaded.units.lookup(n).name for n in task.lead],
                "responsible": [loaded.units.lookup(n).name for n in task.responsible],
                "sentences": [{"text": s, "checked": done} for s in task.requirement],
                "status": status,
                "status_label": STATUS_NAMES[status],
                "deadlines": [_due(d) for d in deadlines if d.task == task.id],
            }
        )
    milestones = [_due(d) for d in deadlines if d.task is None]
    counts = {
        "tasks": len(tasks),
        "lead": sum(1 for t in tasks if t["role"] == "lead"),
        "responsible": sum(1 for t in tasks if t["role"] == "responsible"),
        "member": sum(1 for t in tasks if t["role"] == "member"),
        "done": sum(1 for t in tasks if t["status"] == "done"),
    }
    roles = "、".join(
        f"{label} {counts[key]} 項"
        for key, label in (("lead", "牽頭"), ("responsible", "負責"), ("member", "成員"))
        if counts[key]
    )
    summary = f"共 {counts['tasks']} 項任務（{roles}），已完成 {counts['done']} 項。"
    return {
        "kind": "checklist",
        "revision": revision or NO_REVISION,
        "plan": plan_header(loaded),
        "unit": {"name": unit.name, "full_name": unit.full_name, "is_group": unit.is_group},
        "today": today.isoformat(),
        "tasks": tasks,
        "milestones": milestones,
        "deadlines": [
            {
                **_due(d),
                "task": d.task,
                "label": f"{d.task + ' ' if d.task else ''}{d.what}"
                + (f"（{d.phrase}）" if d.phrase else ""),
            }
            for d in deadlines
        ],
        "counts": counts,
        "summary": summary if tasks else f"{unit.name} 在本方案中沒有任務。",
    }


def _due(due: Any) -> dict[str, Any]:
    return {
        "date": due.date.isoformat(),
        "what": due.what,
        "phrase": due.phrase,
        "days_text": days_text(due.days_left),
        "flag": due.flag.value,
        "flag_label": due.flag.label,
    }


# ---- the year-end implementation report ------------------------------------------------


def _task_status(statuses: list[str]) -> str:
    """A task as a whole: done when every unit has closed it; not started when nobody began."""
    if statuses and all(s in CLOSED for s in statuses):
        return "done"
    if all(s == UNREPORTED for s in statuses):
        return UNREPORTED
    if all(s in ("not_started", UNREPORTED) for s in statuses):
        return "not_started"
    return "in_progress"


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def report(
    loaded: LoadedPlan,
    book: ProgressBook,
    as_of: dt.date,
    narrative: ReportNarrative | None = None,
    unit: Unit | None = None,
    revision: dict[str, Any] | None = None,
    adjustments: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The 落實情況報告: overview figures, each task's units, problems, next steps."""
    wanted = {u.id for u in loaded.units.expand(unit)} if unit is not None else None
    units_order = [u for u in loaded.units.units if not u.is_group]
    by_status = dict.fromkeys(STATUS_ORDER, 0)
    per_unit: dict[str, dict[str, int]] = {}
    sections = []
    task_status_counts = dict.fromkeys(["done", "in_progress", "not_started", UNREPORTED], 0)
    for section in loaded.plan.sections:
        section_tasks = []
        for task in section.tasks:
            rows = []
            for assigned in units_for_key(loaded, task.id) or []:
                if wanted is not None and assigned.id not in wanted:
                    continue
                row = _record(loaded, book, assigned, task.id)
                a = loaded.assignments[task.id][assigned.id]
                row["role_label"] = a.role.label
                rows.append(row)
                by_status[row["status"]] += 1
                counts = per_unit.setdefault(assigned.id, {"assigned": 0, "closed": 0})
                counts["assigned"] += 1
                counts["closed"] += row["closed"]
            if not rows:
                continue
            status = _task_status([r["status"] for r in rows])
            task_status_counts[status] += 1
            section_tasks.append(
                {
                    "id": task.id,
                    "title": task.title,
                    "lead": [loaded.units.lookup(n).name for n in task.lead],
                    "responsible": [loaded.units.lookup(n).name for n in task.responsible],
                    "status": status,
                    "status_label": STATUS_NAMES[status],
                    "units": rows,
                    "closed": sum(1 for r in rows if r["closed"]),
                    "assigned": len(rows),
                    "percent": _percent(sum(1 for r in rows if r["closed"]), len(rows)),
                }
            )
        if section_tasks:
            closed = sum(t["closed"] for t in section_tasks)
            assigned = sum(t["assigned"] for t in section_tasks)
            sections.append(
                {
                    "number": section.number,
                    "numeral": numeral(section.number),
                    "title": section.title,
                    "tasks": section_tasks,
                    "closed": closed,
                    "assigned": assigned,
                    "percent": _percent(closed, assigned),
                }
            )
    unit_rows = [
        {
            "unit": u.name,
            "assigned": per_unit[u.id]["assigned"],
            "closed": per_unit[u.id]["closed"],
            "percent": _percent(per_unit[u.id]["closed"], per_unit[u.id]["assigned"]),
        }
        for u in units_order
        if u.id in per_unit
    ]
    assignments = sum(by_status.values())
    closed_total = by_status["done"] + by_status["not_applicable"]
    task_count = sum(len(s["tasks"]) for s in sections)
    summary = (
        f"本方案共 {task_count} 項任務，分解到 {len(unit_rows)} 個單位，"
        f"共 {assignments} 項任務分工。截至 {as_of.isoformat()}，已完成 {by_status['done']} 項、"
        f"不適用 {by_status['not_applicable']} 項，完成率 {_percent(closed_total, assignments)}%；"
        f"推進中 {by_status['in_progress']} 項，未開始 {by_status['not_started']} 項，"
        f"未報告 {by_status[UNREPORTED]} 項。"
    )
    deadlines = all_deadlines(loaded, book, as_of, unit=unit)
    overdue = [
        {
            **_due(d),
            "task": d.task,
            "open_units": summarize_units(loaded.units, d.open_units),
        }
        for d in deadlines
        if d.flag is Flag.overdue
    ]
    not_started = [
        {
            "task": t["id"],
            "title": t["title"],
            "units": [r["unit"] for r in t["units"] if r["status"] == "not_started"],
        }
        for s in sections
        for t in s["tasks"]
        if any(r["status"] == "not_started" for r in t["units"])
    ]
    reported = {u.id for u in units_order if u.id in book.by_unit and book.by_unit[u.id].records}
    silent = [u.name for u in units_order if u.id in per_unit and u.id not in reported]
    milestones = [
        {
            "id": m.id,
            "what": m.what,
            "date": m.date.isoformat(),
            "units": [
                _record(loaded, book, u, m.id)
                for u in units_for_key(loaded, m.id) or []
                if wanted is None or u.id in wanted
            ],
        }
        for m in loaded.plan.milestones
    ]
    title = (narrative.title if narrative and narrative.title else None) or (
        f"{unit.name}{loaded.plan.notice.title.removeprefix('師宗縣')}落實情況報告"
        if unit
        else f"{loaded.plan.notice.title}落實情況報告"
    )
    return {
        "kind": "report",
        "revision": revision or NO_REVISION,
        "adjustments": adjustments,
        "plan": plan_header(loaded),
        "title": title,
        "author": (narrative.author if narrative and narrative.author else None)
        or (unit.name if unit else loaded.plan.notice.issuer),
        "as_of": as_of.isoformat(),
        "unit": {"name": unit.name} if unit else None,
        "narrative": {
            "overview": narrative.overview if narrative else None,
            "problems": list(narrative.problems) if narrative else [],
            "next_steps": list(narrative.next_steps) if narrative else [],
        },
        "overview": {
            "summary": summary,
            "tasks": task_count,
            "task_status": [
                {"status": k, "label": STATUS_NAMES[k], "count": v}
                for k, v in task_status_counts.items()
            ],
            "assignments": assignments,
            "by_status": [
                {
                    "status": k,
                    "label": STATUS_NAMES[k],
                    "count": v,
                    "percent": _percent(v, assignments),
                }
                for k, v in by_status.items()
            ],
            "closed": by_status["done"] + by_status["not_applicable"],
            "percent": _percent(by_status["done"] + by_status["not_applicable"], assignments),
            "units": len(unit_rows),
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
            "by_unit": unit_rows,
        },
        "sections": sections,
        "milestones": milestones,
        "issues": {"overdue": overdue, "not_started": not_started, "silent_units": silent},
    }
