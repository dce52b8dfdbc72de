"""Reading a plan's notice back: what of the plan `gd import` would not give back from it.

The notice (:mod:`.plan_notice`) is read as `gd import` reads any notice — its
lines and its table's rows, through :mod:`gov_disclosure.intake` — and the
draft compared with the plan field by field: the year, the notice's particulars, the
sections, each task's id, title, requirement sentences, lead and responsible
units (by unit id) and deadlines (date, phrase, the units they bind), and the
report milestone (date, phrase, what, recipient).  Each difference is a warning
saying what the plan has and what the notice would read back as: a draft from
`gd rollover` whose text still names last year's dates, a deadline its task's
text does not state, a sentence without its closing 。.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gov_disclosure.documents.plan_notice import COLUMNS, PlanNoticeView
from gov_disclosure.errors import Problem
from gov_disclosure.intake.draft import Draft, DraftDeadline, DraftTask
from gov_disclosure.intake.importer import import_notice
from gov_disclosure.intake.notice import NoticeText, Row
from gov_disclosure.models import Basis, Deadline, Milestone, Notice, Task
from gov_disclosure.plan.assignments import deadline_units, task_assignments
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.plan.units import UnitIndex, Unresolved

#: What a difference is said as: the part of the plan, what it has, what the notice gives.
_SAYS = "the notice would not read back as the plan: {}: {} in the plan, {} in the notice"


def readback_problems(loaded: LoadedPlan, view: PlanNoticeView) -> list[Problem]:
    """A warning for each field of the plan that `gd import` would read differently."""
    draft = import_notice(notice_text(view, loaded.path), loaded.units)  # its year as read
    found = _differ("the year", loaded.year, draft.year)
    found += _notice_differences(loaded.plan.notice, draft)
    found += _milestone_differences(loaded.plan.milestones, draft, loaded.units)
    found += _task_differences(loaded, draft)
    return [Problem(_SAYS.format(*d), loaded.path, severity="warning") for d in found]


def notice_text(view: PlanNoticeView, path: Path) -> NoticeText:
    """The notice as `gd import` reads a document: its lines, then its table's rows."""
    lines = [
        view["document_number"],
        view["title"],
        view["addressees"],
        *view["body"],
        view["signature"]["issuer"],
        view["signature"]["date"],
        view["plan_title"],
    ]
    paragraphs = [(n, text) for n, text in enumerate(filter(None, lines), 1)]
    rows = [Row(list(COLUMNS), len(paragraphs) + 1)]
    for section in view["sections"]:
        rows.append(Row([section["heading"]], len(paragraphs) + len(rows) + 1))
        for t in section["tasks"]:
            cells = [t["label"], t["requirement"], t["units"]]
            rows.append(Row(cells, len(paragraphs) + len(rows) + 1))
    return NoticeText(path, "utf-8", paragraphs, rows)


#: A field that differs: what it is, the plan's value, and what the notice gives, in words.
Difference = tuple[str, str, str]


def _differ(what: str, planned: object, read: object) -> list[Difference]:
    return [] if planned == read else [(what, _said(planned), _said(read))]


def _said(value: object) -> str:
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_said(v) for v in value) + "]" if value else "nothing"
    if isinstance(value, dt.date):
        return value.isoformat()
    return "(none)" if value is None else str(value)


def _notice_differences(notice: Notice, draft: Draft) -> list[Difference]:
    basis = notice.basis or Basis()
    found = _differ("the notice's title", notice.title, draft.title)
    found += _differ("the notice's issuer", notice.issuer, draft.issuer)
    found += _differ("the notice's issue date", notice.issued, draft.issued)
    found += _differ("the notice's number", notice.document_number, draft.document_number)
    planned_basis = (basis.title, basis.document_number)
    found += _differ("the notice's basis", planned_basis, (draft.basis_title, draft.basis_number))
    return found + _differ("the notice's addressees", notice.addressees, tuple(draft.addressees))


def _milestone_differences(
    milestones: tuple[Milestone, ...], draft: Draft, units: UnitIndex
) -> list[Difference]:
    """The first milestone is the notice's report sentence; a notice says no other."""
    report = milestones[0] if milestones else None
    read = draft.report
    found = _differ(
        "the report milestone", _report(report, units), _report_read(read, draft, units)
    )
    for extra in milestones[1:]:
        found.append((f"milestone {extra.id}", extra.what, "nothing"))
    return found


def _report(report: Milestone | None, units: UnitIndex) -> object:
    if report is None:
        return None
    return (report.date, report.phrase, report.what, _id(report.recipient, units))


def _report_read(read: DraftDeadline | None, draft: Draft, units: UnitIndex) -> object:
    if read is None:
        return None
    return (read.date, read.phrase, read.what, _id(draft.report_recipient, units))


def _id(name: str | None, units: UnitIndex) -> str | None:
    """A unit's id (its name as written when the registry does not know it)."""
    if name is None:
        return None
    try:
        return units.lookup(name).id
    except Unresolved:
        return name


def _task_differences(loaded: LoadedPlan, draft: Draft) -> list[Difference]:
    plan = loaded.plan
    found = _differ(
        "the sections",
        [(s.number, s.title) for s in plan.sections],
        [(s.number, s.title) for s in draft.sections],
    )
    read = {t.id: t for t in (_as_task(s.number, t) for s in draft.sections for t in s.tasks)}
    found += _differ("the task ids", [t.id for t in plan.tasks()], list(read))
    for task in plan.tasks():
        if task.id in read:
            found += _one_task(task, read[task.id], loaded.units)
    return found


def _as_task(section: int, task: DraftTask) -> Task:
    deadlines = tuple(Deadline(d.date, d.what, d.phrase, tuple(d.units)) for d in task.deadlines)
    return Task(
        f"{section}.{task.number}",
        task.title,
        tuple(task.requirement),
        tuple(task.lead),
        tuple(task.responsible),
        deadlines,
    )


def _one_task(task: Task, read: Task, units: UnitIndex) -> list[Difference]:
    found = _differ(f"{task.id}'s title", task.title, read.title)
    found += _differ(f"{task.id}'s requirement", list(task.requirement), list(read.requirement))
    for role in ("lead", "responsible"):
        planned = [_id(n, units) for n in getattr(task, role)]
        found += _differ(
            f"{task.id}'s {role}", planned, [_id(n, units) for n in getattr(read, role)]
        )
    if _deadlines(task, units) != _deadlines(read, units):
        found.append((f"{task.id}'s deadlines", _deadline_words(task), _deadline_words(read)))
    return found


def _deadline_words(task: Task) -> str:
    """A task's deadlines as people read them: 2020-12-31 2020年底前 (縣融媒體中心)."""
    words = [
        f"{d.date} {d.phrase or ''}".strip() + (f" ({'、'.join(d.units)})" if d.units else "")
        for d in task.deadlines
    ]
    return "; ".join(words) or "none"


def _deadlines(task: Task, units: UnitIndex) -> list[object]:
    """(date, phrase, the ids of the units bound) of each deadline; units as named when a
    name is not the registry's."""
    try:
        assigned = task_assignments(task, units)
        bound = [[u.id for u in deadline_units(task, d, units, assigned)] for d in task.deadlines]
    except Unresolved:
        bound = [list(d.units) for d in task.deadlines]
    return [(d.date, d.phrase, ids) for d, ids in zip(task.deadlines, bound, strict=True)]
