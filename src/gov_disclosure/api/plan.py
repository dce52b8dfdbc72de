"""`gd validate`, `gd tasks` and `gd units`: the workspace checked, and the plan listed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from gov_disclosure.api._common import Root, open_plan, open_plans, resolve_unit
from gov_disclosure.errors import Checked, GdError, Problem, display_path
from gov_disclosure.index.plans import PlanIndex, indexed_registry
from gov_disclosure.index.plans import open_plan as open_index
from gov_disclosure.index.progress import progress_summary
from gov_disclosure.models import NO_SETTINGS, Unit, WorkspaceSettings
from gov_disclosure.plan import queries as plan_queries
from gov_disclosure.plan.assignments import Role
from gov_disclosure.plan.loading import LoadedPlan, load_registry
from gov_disclosure.plan.units import UnitIndex
from gov_disclosure.progress.book import progress_dir, progress_files
from gov_disclosure.storage.workspace import Workspace, find_workspace

T = TypeVar("T")


@dataclass
class ValidationReport(Checked):
    """Every problem of every file, and a line per file that was read."""

    problems: list[Problem] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        return len(self.errors)

    @property
    def warning_count(self) -> int:
        return len(self.problems) - self.error_count

    def collect(self, load: Callable[[], tuple[T, list[Problem]]]) -> T | None:
        """What ``load`` reads, its warnings kept; None, its errors kept, when it fails."""
        try:
            value, warnings = load()
        except GdError as exc:
            self.problems += exc.problems
            return None
        self.problems += warnings
        return value


def validate(
    *, root: Root = None, year: int | None = None, today: dt.date | None = None
) -> ValidationReport:
    """Check the registry and each plan (or one year's) with its progress; never stops early."""
    ws = find_workspace(root)
    report = ValidationReport(ws.plan_dir_problems())
    units_index = report.collect(lambda: indexed_registry(ws, year) or load_registry(ws))
    if units_index is None:
        return report
    groups = sum(1 for u in units_index.units if u.is_group)
    report.summary.append(
        f"{display_path(ws.registry_path)}: {len(units_index.units) - groups} units, "
        f"{groups} groups"
    )
    _validate_settings(ws, report)
    years = [ws.pick_year(year)] if year is not None else ws.years()
    for plan_year in years:
        try:
            plans = open_index(ws, plan_year)
        except GdError as exc:
            report.problems += [p for p in exc.problems if p not in report.problems]
            continue
        # The registry's and the settings' warnings, already counted, come with the plan's.
        report.problems += [p for p in plans.header.warnings if p not in report.problems]
        report.summary += _validate_year(plans, report, today or dt.date.today())
    report.summary += _validate_requests(ws, units_index, report, today or dt.date.today())
    report.summary += _validate_annual(ws, units_index, year, report)
    return report


def _validate_annual(
    ws: Workspace, units: UnitIndex, year: int | None, report: ValidationReport
) -> list[str]:
    """Every annual report (of one year, or of each year under annual/), checked."""
    from gov_disclosure.annual.collect import check_file
    from gov_disclosure.annual.loading import annual_dir, annual_files, annual_years

    lines = []
    for report_year in [year] if year is not None else annual_years(ws):
        files, odd = annual_files(ws, report_year)
        report.problems += odd
        for path in files:
            report.problems += check_file(ws, units, path, report_year).problems
        if files:
            where = display_path(annual_dir(ws, report_year))
            lines.append(f"{where}: {_count(len(files), 'annual report')}")
    return lines


def _validate_settings(ws: Workspace, report: ValidationReport) -> WorkspaceSettings:
    """plan/workspace.yaml, when there is one (its defaults when it is wrong or missing)."""
    from gov_disclosure.plan.settings import read_settings, settings_path

    settings = report.collect(lambda: read_settings(ws))
    if settings is None:
        return NO_SETTINGS
    if ws.exists(settings_path(ws)):
        script = f"script {settings.script}" if settings.script else "no script"
        report.summary.append(f"{display_path(settings_path(ws))}: {script}")
    return settings


def _validate_year(plans: PlanIndex, report: ValidationReport, today: dt.date) -> list[str]:
    ws, loaded = plans.ws, plans.header  # the tasks themselves are read only when needed
    plan = loaded.plan
    tasks, deadlines = plans.counts()
    lines = [
        f"{display_path(loaded.path)}: {len(plan.sections)} sections, {tasks} tasks, "
        f"{_count(deadlines, 'deadline')}, {_count(len(plan.milestones), 'milestone')}"
    ]
    records, problems = progress_summary(plans, today)
    report.problems += problems
    files = progress_files(ws, loaded.year)
    if files:
        lines.append(
            f"{display_path(progress_dir(ws, loaded.year))}: {_count(len(files), 'file')}, "
            f"{_count(records, 'record')}"
        )
    from gov_disclosure.documents.narrative import check_narratives

    checked, problems = check_narratives(loaded)
    report.problems += problems
    return lines + checked


def _validate_requests(
    ws: Workspace, units_index: UnitIndex, report: ValidationReport, today: dt.date
) -> list[str]:
    """The working-day calendar file, the request settings, the registers and private files."""
    from gov_disclosure.requests.files import register_files, register_years, requests_dir
    from gov_disclosure.requests.register import check_private_files, load_register
    from gov_disclosure.workdays.calendar import load_calendar, workdays_path

    try:
        calendar, warnings = load_calendar(ws)
    except GdError as exc:
        report.problems += exc.problems
        return []
    report.problems += warnings
    lines = []
    if ws.exists(workdays_path(ws)):
        added = ", ".join(map(str, calendar.file_years)) or "no whole year"
        lines.append(f"{display_path(workdays_path(ws))}: {calendar.package}; adds {added}")
    register, problems = load_register(ws, units_index, calendar, today)
    report.problems += problems
    private, applicants = check_private_files(ws, register)
    report.problems += private
    for year in register_years(ws):
        files, _ = register_files(ws, year)  # what else is there: among load_register's
        count = sum(len(f.requests) for f in register.files if f.year == year)
        lines.append(
            f"{display_path(requests_dir(ws) / str(year))}: {_count(len(files), 'file')}, "
            f"{_count(count, 'request')}"
        )
    if applicants:
        lines.append(f"{_count(applicants, 'applicant')} in git-ignored private files")
    return lines


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@dataclass(frozen=True)
class TaskList:
    """The plan's tasks, or one unit's (each record then has its ``role`` and ``via``)."""

    loaded: LoadedPlan
    unit: Unit | None
    records: list[plan_queries.UnitTaskRecord]

    def role_counts(self) -> dict[Role, int]:
        """How many of the unit's tasks it has in each role."""
        return {role: sum(1 for r in self.records if r.get("role") == role) for role in Role}


def tasks(
    *,
    unit: str | None = None,
    role: Role | str | None = None,
    section: int | None = None,
    root: Root = None,
    year: int | None = None,
) -> TaskList:
    """The plan's tasks, or those a unit (typed any way) must act on, with its role."""
    if role is not None and unit is None:
        raise GdError.usage("--role needs --unit")
    if role is not None and role not in set(Role):
        raise GdError.usage(f"unknown role {role!r}; use one of: {', '.join(Role)}")
    plans = open_plans(root, year)
    target = resolve_unit(plans.header, unit)
    loaded = plans.reaching(target) if target is not None else plans.whole()
    chosen = Role(role) if role is not None else None
    return TaskList(loaded, target, plan_queries.tasks(loaded, target, chosen, section))


@dataclass(frozen=True)
class UnitList:
    loaded: LoadedPlan
    records: list[dict[str, Any]]


def units(*, root: Root = None, year: int | None = None) -> UnitList:
    """The unit registry, with how many tasks each unit leads, is responsible for, reaches."""
    loaded = open_plan(root, year)
    return UnitList(loaded, plan_queries.units(loaded))
