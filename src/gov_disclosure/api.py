"""Whole-workspace validation: every file checked, every problem collected."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gov_disclosure.errors import GdError, Problem
from gov_disclosure.errors import display_path as _display
from gov_disclosure.plan.loading import load_plan, load_registry
from gov_disclosure.progress.book import load_progress, progress_dir, progress_files
from gov_disclosure.storage.workspace import Workspace


@dataclass
class ValidationReport:
    problems: list[Problem] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def error_count(self) -> int:
        return len(self.errors)

    @property
    def warning_count(self) -> int:
        return len(self.problems) - self.error_count


def validate_workspace(
    ws: Workspace, year: int | None = None, today: dt.date | None = None
) -> ValidationReport:
    """Check the registry and each plan (or one year's); never stops at the first bad file."""
    report = ValidationReport()
    try:
        units, warnings = load_registry(ws)
    except GdError as exc:
        report.problems += exc.problems
        return report
    report.problems += warnings
    groups = sum(1 for u in units.units if u.is_group)
    report.summary.append(
        f"{_display(ws.registry_path)}: {len(units.units) - groups} units, {groups} groups"
    )
    years = [ws.pick_year(year)] if year is not None else ws.years()
    for plan_year in years:
        try:
            loaded = load_plan(ws, plan_year, units)
        except GdError as exc:
            report.problems += exc.problems
            continue
        report.problems += loaded.warnings
        plan = loaded.plan
        deadlines = sum(len(t.deadlines) for t in plan.tasks())
        report.summary.append(
            f"{_display(loaded.path)}: {len(plan.sections)} sections, {len(plan.tasks())} tasks, "
            f"{_count(deadlines, 'deadline')}, {_count(len(plan.milestones), 'milestone')}"
        )
        book, problems = load_progress(loaded, today or dt.date.today())
        report.problems += problems
        files = progress_files(ws, plan_year)
        if files:
            records = sum(len(p.records) for p in book.by_unit.values())
            report.summary.append(
                f"{_display(progress_dir(ws, plan_year))}: {_count(len(files), 'file')}, "
                f"{_count(records, 'record')}"
            )
    return report


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
