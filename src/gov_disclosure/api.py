"""gd's Python API: one function per command, taking plain values and returning results.

The command line (:mod:`gov_disclosure.cli`) only parses options, calls one of
these functions and prints what it returns; a script can do the same::

    import datetime as dt
    from gov_disclosure import api
    from gov_disclosure.documents.render import DocFormat

    listing = api.tasks(root="path/to/workspace", unit="县卫健局", role="lead")
    print([record["id"] for record in listing.records])  # ['1.3', '1.5', '2.5']
    report = api.report(root="path/to/workspace", as_of=dt.date(2020, 11, 30))
    html = report.render(DocFormat.html)  # bytes

Every function raises :class:`gov_disclosure.errors.GdError` for wrong input
(exit code USAGE) or a wrong workspace file (exit code DATA), with every
problem's file, line and column; warnings come back in the result.  Heavy
modules (rendering, git history, the importer) are imported only by the
functions that need them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from gov_disclosure.errors import ExitCode, GdError, Problem, display_path, raise_if_errors
from gov_disclosure.index.plans import PlanIndex, open_plan
from gov_disclosure.index.progress import indexed_progress, progress_as_of
from gov_disclosure.models import NO_SETTINGS, Evidence, Status, Unit, UnitKind, WorkspaceSettings
from gov_disclosure.plan import queries as plan_queries
from gov_disclosure.plan.assignments import Role, units_for_key
from gov_disclosure.plan.loading import LoadedPlan, load_plan, load_registry
from gov_disclosure.plan.units import UnitIndex
from gov_disclosure.progress import queries as progress_queries
from gov_disclosure.progress.book import (
    ProgressBook,
    load_progress,
    progress_dir,
    progress_files,
)
from gov_disclosure.progress.deadlines import DEFAULT_WARN_DAYS, Due, Flag, all_deadlines, select
from gov_disclosure.storage.workspace import Workspace, find_workspace
from gov_disclosure.textnorm import Script, typed_text

if TYPE_CHECKING:
    from gov_disclosure.annual.collect import FileCheck
    from gov_disclosure.annual.view import AnnualView
    from gov_disclosure.documents.render import DocFormat
    from gov_disclosure.history.diff import Change
    from gov_disclosure.history.log import Entry
    from gov_disclosure.intake.importer import Draft
    from gov_disclosure.intake.notice import NoticeText
    from gov_disclosure.plan.registry_store import NewUnit
    from gov_disclosure.plan.starter import InitResult
    from gov_disclosure.plan.units import UnitIndex
    from gov_disclosure.progress.rollover import Rollover
    from gov_disclosure.progress.store import Written
    from gov_disclosure.requests.clock import Step
    from gov_disclosure.requests.model import Applicant, ApplicantType, Channel, EventKind
    from gov_disclosure.requests.queries import DueRow, RequestRow, Standing
    from gov_disclosure.requests.register import Register
    from gov_disclosure.requests.store import Written as RequestWritten
    from gov_disclosure.textnorm import Script
    from gov_disclosure.workdays.calendar import WorkCalendar

__all__ = [
    "AnnualCheck",
    "AnnualDocument",
    "AnnualNew",
    "Document",
    "DueList",
    "ExportResult",
    "ImportResult",
    "PlanDiff",
    "PlanLog",
    "PlanNotice",
    "ProgressView",
    "RequestDueList",
    "RequestList",
    "RequestTimeline",
    "RolloverResult",
    "TaskList",
    "UnitList",
    "ValidationReport",
    "add_members",
    "add_request",
    "add_unit",
    "annual_check",
    "annual_new",
    "annual_render",
    "checklist",
    "checklists",
    "diff",
    "due",
    "export",
    "import_notice",
    "init",
    "log",
    "plan_render",
    "report",
    "request_event",
    "request_show",
    "requests_due",
    "requests_list",
    "rollover",
    "set_progress",
    "show_progress",
    "tasks",
    "units",
    "validate",
    "workdays_add",
    "workdays_count",
]

Root = Path | str | None
T = TypeVar("T")


def _plans(root: Root, year: int | None, rev: str | None = None) -> PlanIndex:
    """A plan year, answered from the index (:mod:`gov_disclosure.index`)."""
    ws = find_workspace(root)
    return open_plan(ws.at(rev) if rev else ws, year)


def _open(root: Root, year: int | None, rev: str | None = None) -> LoadedPlan:
    return _plans(root, year, rev).whole()


def _resolve(loaded: LoadedPlan, unit: str | None) -> Unit | None:
    return loaded.units.resolve(unit) if unit is not None else None


# ---- gd validate -----------------------------------------------------------------------


@dataclass
class ValidationReport:
    """Every problem of every file, and a line per file that was read."""

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
    units_index = report.collect(lambda: load_registry(ws))
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
            plans = open_plan(ws, plan_year)
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
        files = annual_files(ws, report_year)
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
    ws, loaded = plans.ws, plans.whole()
    plan = loaded.plan
    deadlines = sum(len(t.deadlines) for t in plan.tasks())
    lines = [
        f"{display_path(loaded.path)}: {len(plan.sections)} sections, {len(plan.tasks())} tasks, "
        f"{_count(deadlines, 'deadline')}, {_count(len(plan.milestones), 'milestone')}"
    ]
    book, problems = indexed_progress(plans, today)
    report.problems += problems
    files = progress_files(ws, loaded.year)
    if files:
        records = sum(len(p.records) for p in book.by_unit.values())
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
    from gov_disclosure.requests.register import (
        check_private_files,
        load_register,
        register_files,
        register_years,
        requests_dir,
    )
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
        files = register_files(ws, year)
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


# ---- gd tasks / gd units ---------------------------------------------------------------


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
    plans = _plans(root, year)
    target = _resolve(plans.header, unit)
    loaded = plans.reaching(target) if target is not None else plans.whole()
    chosen = Role(role) if role is not None else None
    return TaskList(loaded, target, plan_queries.tasks(loaded, target, chosen, section))


@dataclass(frozen=True)
class UnitList:
    loaded: LoadedPlan
    records: list[dict[str, Any]]


def units(*, root: Root = None, year: int | None = None) -> UnitList:
    """The unit registry, with how many tasks each unit leads, is responsible for, reaches."""
    loaded = _open(root, year)
    return UnitList(loaded, plan_queries.units(loaded))


# ---- gd due ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DueList:
    """Deadlines as of ``today``, with the units that must still act."""

    loaded: LoadedPlan
    unit: Unit | None
    today: dt.date
    items: list[Due]
    warnings: list[Problem]

    @property
    def overdue(self) -> int:
        return sum(1 for d in self.items if d.flag is Flag.overdue)

    def calendar(self, convert: Callable[[str], str] | None = None) -> bytes:
        """The deadlines as an iCalendar feed (RFC 5545), text passed through ``convert``."""
        from gov_disclosure.documents.ics import to_ics

        who = self.unit.name if self.unit else self.loaded.issuer
        name = f"{who} 政務公開時限（{self.loaded.year}）"
        return to_ics(self.loaded, self.items, self.today, name, convert or str)


def due(
    *,
    today: dt.date | None = None,
    before: dt.date | None = None,
    after: dt.date | None = None,
    within_days: int | None = None,
    warn_days: int = DEFAULT_WARN_DAYS,
    unit: str | None = None,
    include_done: bool = False,
    requests: bool = True,
    root: Root = None,
    year: int | None = None,
) -> DueList:
    """Deadlines (inclusive ``before``/``after``), flagged overdue / soon / upcoming / done.

    With ``requests`` (the default), open requests for information (`gd
    requests`) are deadlines too, each under its number.
    """
    now = today or dt.date.today()
    plans = _plans(root, year)
    target = _resolve(plans.header, unit)
    loaded = plans.reaching(target) if target else plans.with_deadlines(after, before)
    keys = [t.id for t in loaded.plan.tasks()] + [m.id for m in loaded.plan.milestones]
    book, warnings = progress_as_of(plans, now, target, details=False, keys=keys)
    found = all_deadlines(loaded, book, now, warn_days, target)
    if requests:
        found = sorted(
            [*found, *_request_dues(loaded, now, warn_days, target, warnings)], key=_by_date
        )
    items = select(
        found,
        today=now,
        before=before,
        after=after,
        within_days=within_days,
        include_done=include_done,
    )
    return DueList(loaded, target, now, items, warnings)


def _by_date(due: Due) -> dt.date:
    return due.date


def _request_dues(
    loaded: LoadedPlan, today: dt.date, warn_days: int, unit: Unit | None, warnings: list[Problem]
) -> list[Due]:
    """Open requests as deadlines; nothing is read when the workspace keeps no register."""
    from gov_disclosure.requests.register import register_years

    if not register_years(loaded.workspace):
        return []
    from gov_disclosure.requests.queries import as_due, standings
    from gov_disclosure.requests.register import checked_register
    from gov_disclosure.workdays.calendar import load_calendar

    calendar, more = load_calendar(loaded.workspace)
    register, most = checked_register(loaded.workspace, loaded.units, calendar)
    warnings += more + most
    ids = {u.id for u in loaded.units.expand(unit)} if unit is not None else None
    dues = (as_due(s, today, warn_days) for s in standings(register, calendar, today, ids))
    return [d for d in dues if d is not None]


# ---- gd progress -----------------------------------------------------------------------


def set_progress(
    *,
    task: str,
    unit: str,
    status: Status,
    date: dt.date | None = None,
    evidence: Sequence[Evidence] = (),
    note: str | None = None,
    clear_evidence: bool = False,
    today: dt.date | None = None,
    root: Root = None,
    year: int | None = None,
) -> list[Written]:
    """Record a unit's status on a task or milestone; a group records it for each member."""
    from gov_disclosure.progress.store import Change
    from gov_disclosure.progress.store import set_progress as write

    now = today or dt.date.today()
    if note is not None:
        typed_text(note, "--note")
        if any(line.startswith("\t") for line in note.split("\n")):
            raise GdError.usage("--note: a line starts with a tab; indent it with spaces")
    for item in evidence:
        typed_text(f"{item.ref} {item.title or ''}", "--evidence")
    change = Change(
        key=task.strip(),
        status=status,
        date=date or now,
        evidence=tuple(evidence),
        note=note,
        clear_evidence=clear_evidence,
    )
    loaded = _open(root, year)
    target = loaded.units.resolve(unit)
    return write(loaded, target, change, now)


@dataclass(frozen=True)
class ProgressView:
    """The year's progress as of a day, optionally of one unit (or group) and one task."""

    loaded: LoadedPlan
    unit: Unit | None
    task: str | None
    book: ProgressBook
    warnings: list[Problem]

    def records(self) -> list[progress_queries.RecordRow]:
        """The records kept, flat (what ``--format json`` prints)."""
        return progress_queries.progress_records(self.loaded, self.book, self.unit, self.task)

    def report_rows(self) -> list[progress_queries.RecordRow]:
        """Every (unit, task) that must be reported, with its record or ``unreported``."""
        return progress_queries.progress_report(self.loaded, self.book, self.unit, self.task)

    def matrix(self) -> progress_queries.Matrix:
        """The unit × task matrix of statuses with counts."""
        return progress_queries.progress_matrix(self.loaded, self.book)


def show_progress(
    *,
    unit: str | None = None,
    task: str | None = None,
    today: dt.date | None = None,
    root: Root = None,
    year: int | None = None,
) -> ProgressView:
    """Each unit's records as they stood on ``today``."""
    plans = _plans(root, year)
    target = _resolve(plans.header, unit)
    key = task.strip() if task is not None else None
    also = (key,) if key is not None else ()
    loaded = plans.reaching(target, also) if target is not None else plans.whole()
    if key is not None and units_for_key(loaded, key) is None:
        raise GdError.usage(f"no task or milestone {task!r} in the {loaded.year} plan")
    book, warnings = progress_as_of(plans, today or dt.date.today(), target)
    return ProgressView(loaded, target, key, book, warnings)


# ---- gd checklist render / gd report render --------------------------------------------


@dataclass(frozen=True)
class Document:
    """A document's view model, ready to be rendered by a template, and the script it is in."""

    kind: str
    view: Any
    loaded: LoadedPlan
    #: The day the document describes (also the date stamped inside a .docx archive).
    as_of: dt.date
    warnings: list[Problem] = field(default_factory=list)
    #: Every character of the document is written in this script.
    script: Script = Script.traditional

    @property
    def root(self) -> Path:
        """The workspace the document was made from (its files are never written over)."""
        return self.loaded.workspace.root

    def render(self, fmt: DocFormat, template: Path | None = None) -> bytes:
        """The document's bytes in ``fmt``, from ``template`` or the template search path."""
        ws = self.loaded.workspace
        return _render(self.kind, fmt, self.view, ws, self.as_of, template, self.script)


def _render(
    kind: str,
    fmt: DocFormat,
    view: Any,
    ws: Workspace,
    archive_date: dt.date,
    template: Path | None,
    script: Script | None = None,
) -> bytes:
    """A view's bytes in ``fmt``: the ``kind``'s template, or ``template``, filled in, wholly
    in ``script`` (None: each text as it is written)."""
    from gov_disclosure.documents.render import DocFormat, find_template, render_docx, render_text

    path = find_template(kind, fmt, ws, template)
    if fmt is DocFormat.docx:
        return render_docx(path, view, ws, archive_date, script)
    return render_text(path, view, ws, fmt, script).encode("utf-8")


def checklist(
    *,
    unit: str,
    today: dt.date | None = None,
    rev: str | None = None,
    script: Script | str | None = None,
    root: Root = None,
    year: int | None = None,
) -> Document:
    """A unit's checklist: its tasks and roles, each requirement a checkbox, its deadlines.

    ``script`` (simplified or traditional) overrides the workspace's setting (or the plan's own).
    """
    now = today or dt.date.today()
    plans = _plans(root, year, rev)
    loaded = plans.whole()
    target = loaded.units.resolve(unit)
    book, warnings = progress_as_of(plans, now)
    return _checklist(loaded, target, now, _script(script), book, warnings)


def checklists(
    *,
    today: dt.date | None = None,
    rev: str | None = None,
    script: Script | str | None = None,
    root: Root = None,
    year: int | None = None,
) -> list[tuple[Unit, Document]]:
    """The checklist of every unit that has a task in the plan."""
    now = today or dt.date.today()
    plans = _plans(root, year, rev)
    loaded = plans.whole()
    book, warnings = progress_as_of(plans, now)
    chosen = _script(script)
    return [
        (u, _checklist(loaded, u, now, chosen, book, warnings))
        for u in loaded.units.units
        if not u.is_group and any(u.id in assigned for assigned in loaded.assignments.values())
    ]


def _script(script: Script | str | None) -> Script | None:
    if script is None or isinstance(script, Script):
        return script
    if script not in set(Script):
        raise GdError.usage(f"unknown script {script!r}; use one of: {', '.join(Script)}")
    return Script(script)


def _checklist(
    loaded: LoadedPlan,
    unit: Unit,
    today: dt.date,
    script: Script | None,
    book: ProgressBook,
    warnings: list[Problem],
) -> Document:
    from gov_disclosure.documents import views
    from gov_disclosure.history.log import revision

    view = views.checklist(loaded, book, unit, today, revision(loaded.workspace))
    return Document("checklist", view, loaded, today, warnings, loaded.script_for(script))


def report(
    *,
    as_of: dt.date | None = None,
    unit: str | None = None,
    rev: str | None = None,
    script: Script | str | None = None,
    root: Root = None,
    year: int | None = None,
) -> Document:
    """The implementation report (落實情況報告) of the county, or of one unit, as of a day.

    A unit's report takes its words from ``report/<year>/<unit-id>.yaml``, the
    county's from ``report/<year>.yaml``; a part missing there is a warning and
    a placeholder in the document.  In a git repository the report ends with
    the revision it was rendered from, and lists the plan's adjustments since
    it was first committed (附件：方案調整情況).
    """
    from gov_disclosure.documents import views
    from gov_disclosure.documents.adjustments import adjustments
    from gov_disclosure.documents.narrative import load_narrative, missing_parts, narrative_path
    from gov_disclosure.history.log import revision

    as_of = as_of or dt.date.today()
    plans = _plans(root, year, rev)
    loaded = plans.whole()
    ws = loaded.workspace
    target = _resolve(loaded, unit)
    book, warnings = progress_as_of(plans, as_of)
    narrative = load_narrative(ws, loaded.year, target)
    missing = missing_parts(narrative, narrative_path(ws, loaded.year, target))
    changes = adjustments(ws, loaded.year)
    view = views.report(loaded, book, as_of, narrative, target, revision(ws), changes)
    chosen = loaded.script_for(_script(script))
    return Document("report", view, loaded, as_of, warnings + missing, chosen)


# ---- gd diff / gd log ------------------------------------------------------------------


@dataclass(frozen=True)
class PlanDiff:
    """The plan's changes between two revisions, and how to name each side."""

    old_label: str
    new_label: str
    changes: list[Change]


def diff(
    rev_a: str | None = None,
    rev_b: str | None = None,
    *,
    root: Root = None,
    year: int | None = None,
) -> PlanDiff:
    """What changed between ``rev_a`` (default HEAD) and ``rev_b`` (default the working tree)."""
    from gov_disclosure.history.diff import diff_workspaces
    from gov_disclosure.storage import gitio

    ws = find_workspace(root)
    gitio.require_repo(ws.root)
    old = ws.at(rev_a or "HEAD")
    new = ws.at(rev_b) if rev_b else ws
    changes = diff_workspaces(old, new, year)
    old_label = (rev_a or "HEAD") + f" ({old.rev[:8]})" if old.rev else ""
    new_label = f"{rev_b} ({new.rev[:8]})" if new.rev else "工作區"
    return PlanDiff(old_label, new_label, changes)


@dataclass(frozen=True)
class PlanLog:
    year: int
    task: str | None
    entries: list[Entry]


def log(task: str | None = None, *, root: Root = None, year: int | None = None) -> PlanLog:
    """The commits that changed the plan (or one task), oldest last."""
    from gov_disclosure.history.log import plan_log
    from gov_disclosure.storage import gitio

    ws = find_workspace(root)
    gitio.require_repo(ws.root)
    plan_year = ws.pick_year(year)
    key = task.strip() if task else None
    return PlanLog(plan_year, key, plan_log(ws, plan_year, key))


# ---- gd import -------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    """A notice read into a draft plan (its YAML text), and what was added to the registry."""

    notice: NoticeText
    draft: Draft
    yaml_text: str
    #: Units added to the registry, and aliases given to units (name, alias).
    added_units: list[str]
    added_aliases: list[tuple[str, str]]
    registry_path: Path | None
    #: Warnings about the registry after the additions (a group still without members).
    registry_warnings: list[Problem] = field(default_factory=list)


def import_notice(
    notice: Path,
    *,
    output: Path | None = None,
    year: int | None = None,
    add_units: bool = False,
    force: bool = False,
    root: Root = None,
) -> ImportResult:
    """Read a notice's task table (text or .docx) into a draft plan.

    Unit names come from the workspace's registry (found upward from the current
    folder, or ``root``), never from the folder the draft is written to. Units
    the registry lacks are warnings on the draft, or with ``add_units`` are
    added to the registry (see :mod:`gov_disclosure.intake.additions`). Nothing
    is written to ``output``: the caller writes ``yaml_text`` (an existing
    ``output`` is refused unless ``force``).
    """
    from gov_disclosure.intake.draftyaml import to_yaml
    from gov_disclosure.intake.importer import import_notice as read_draft
    from gov_disclosure.intake.notice import read_notice
    from gov_disclosure.intake.workspace import workspace_for_import

    if output is not None and output.exists() and not force:
        raise GdError.usage(f"{output} exists; use --force to overwrite it")
    ws = workspace_for_import(root, add_units)
    index = load_registry(ws)[0] if ws is not None and ws.exists(ws.registry_path) else None
    text = read_notice(notice)
    draft = read_draft(text, index, year)
    if not draft.tasks():
        raise GdError.usage(
            f"{notice}: no task table found (rows of cells split by | or tabs, or a .docx table)"
        )
    if add_units and ws is not None and draft.unknown_units:
        added, aliases, warnings = _add_to_registry(ws, draft, index, notice.name)
    else:
        added, aliases, warnings = [], [], []
        for name, line in sorted(draft.unknown_units.items(), key=lambda kv: kv[1]):
            draft.warn(line, f"unknown unit {name!r} (not in the registry; --add-units adds it)")
    registry = ws.registry_path if ws is not None else None
    yaml_text = to_yaml(draft, notice.name)
    return ImportResult(text, draft, yaml_text, added, aliases, registry, warnings)


def _add_to_registry(
    ws: Workspace, draft: Draft, index: UnitIndex | None, source: str
) -> tuple[list[str], list[tuple[str, str]], list[Problem]]:
    """Add what the draft names and the registry lacks; the registry's warnings after."""
    from gov_disclosure.intake.additions import plan_additions
    from gov_disclosure.plan.registry_store import add_alias, append_units

    additions = plan_additions(draft, index)
    new = {unit.name: unit for unit in additions.units}
    registered: list[tuple[str, str]] = []
    for target, alias in additions.aliases:
        if target in new:
            new[target].aliases.append(alias)
        else:
            registered.append((target, alias))
    if additions.units:
        note = f"Added by `gd import {source}`: review names, kinds and ids."
        append_units(ws.registry_path, additions.units, note)
    for target, alias in registered:
        assert index is not None  # only a registered unit's name can be a target here
        add_alias(ws.registry_path, index.lookup(target).id, alias)
    _, warnings = load_registry(ws)
    return [u.name for u in additions.units], additions.aliases, warnings


# ---- gd init ---------------------------------------------------------------------------


def init(
    folder: Path | str = ".", *, county: str, issuer: str, script: Script | str = "simplified"
) -> InitResult:
    """A new workspace in ``folder``: the registry with the issuing office and the usual
    groups, settings, .gitignore, a pre-commit configuration, and ``git init``.

    Never overwrites: files already there are kept and listed in the result.
    """
    from gov_disclosure.plan.starter import init_workspace

    chosen = _script(script) or Script.simplified
    return init_workspace(Path(folder), county, issuer, chosen)


# ---- gd units add / add-member ---------------------------------------------------------


def add_unit(
    name: str,
    *,
    kind: UnitKind | str | None = None,
    aliases: Sequence[str] = (),
    full_name: str | None = None,
    parent: str | None = None,
    member_of: str | None = None,
    root: Root = None,
) -> NewUnit:
    """Add a unit to the registry with a readable id; its kind is guessed when not given."""
    from gov_disclosure.plan.registry_store import (
        MAX_NAME_LENGTH,
        NewUnit,
        add_members,
        append_units,
        guess_kind,
        unique_id,
    )

    ws = find_workspace(root)
    index, _ = load_registry(ws)
    name = name.strip()
    if not name or len(name) > MAX_NAME_LENGTH:
        raise GdError.usage(f"a unit name has 1 to {MAX_NAME_LENGTH} characters: {name!r}")
    for spelling in (name, *aliases, *([full_name] if full_name else [])):
        _refuse_known(index, spelling)
    guessed, member_kinds = guess_kind(name)
    chosen = _kind(kind) if kind is not None else guessed
    unit = NewUnit(unique_id(name, index.by_id), name, chosen, list(aliases))
    unit.member_kinds = member_kinds if chosen is UnitKind.group else []
    unit.full_name = full_name
    if parent is not None:
        unit.parent = index.resolve(parent).id
    group = _group(index, member_of) if member_of is not None else None
    append_units(ws.registry_path, [unit], f"Added by `gd units add {name}`.")
    if group is not None:
        add_members(ws.registry_path, group.id, [name])
    return unit


def add_members(group: str, names: Sequence[str], *, root: Root = None) -> list[str]:
    """Make registered units members of a group; returns the names that were not yet members."""
    from gov_disclosure.plan.registry_store import add_members as write_members

    ws = find_workspace(root)
    index, _ = load_registry(ws)
    target = _group(index, group)
    units = [index.resolve(n) for n in names]
    for unit in units:
        if unit.id == target.id:
            raise GdError.usage(f"{target.name} cannot be a member of itself")
    return write_members(ws.registry_path, target.id, [u.name for u in units])


def _refuse_known(index: UnitIndex, spelling: str) -> None:
    from gov_disclosure.plan.units import Unresolved

    try:
        unit = index.lookup(spelling)
    except Unresolved:
        return
    raise GdError.usage(f"{spelling!r} is already a unit's name: {unit.name} ({unit.id})")


def _kind(value: UnitKind | str) -> UnitKind:
    if value not in set(UnitKind):
        raise GdError.usage(f"unknown kind {value!r}; use one of: {', '.join(UnitKind)}")
    return UnitKind(value)


def _group(index: UnitIndex, name: str) -> Unit:
    unit = index.resolve(name)
    if not unit.is_group:
        raise GdError.usage(f"{unit.name} is not a group (its kind is {unit.kind.value})")
    return unit


# ---- gd rollover -----------------------------------------------------------------------


@dataclass(frozen=True)
class RolloverResult:
    path: Path
    rollover: Rollover


def rollover(
    year: int,
    *,
    source_year: int | None = None,
    drop_deadlines: bool = False,
    force: bool = False,
    root: Root = None,
) -> RolloverResult:
    """Write ``plan/<year>.yaml``: the previous plan carried over, tasks marked unfinished."""
    from gov_disclosure import schema
    from gov_disclosure.plan.checks import check_plan
    from gov_disclosure.progress.rollover import roll_over
    from gov_disclosure.storage import yamlio
    from gov_disclosure.storage.fileio import atomic_write
    from gov_disclosure.storage.schema_errors import findings_to_problems, validate_document

    ws = find_workspace(root)
    loaded = load_plan(ws, source_year if source_year is not None else year - 1)
    if year <= loaded.year:
        raise GdError.usage(f"roll over to a year after {loaded.year}, not {year}")
    path = ws.plan_dir / f"{year}.yaml"
    if ws.exists(ws.plan_path(year)) and not force:
        raise GdError.usage(f"{display_path(ws.plan_path(year))} exists; use --force to replace it")
    book, _ = load_progress(loaded)
    result = roll_over(ws.read(loaded.path), loaded, book, year, drop_deadlines)
    doc = yamlio.parse(result.text, path)
    plan = validate_document(doc, schema.Plan, "plan").runtime()
    findings = check_plan(plan, loaded.units, expected_year=year)
    raise_if_errors(findings_to_problems(doc, findings), ExitCode.BUG)
    atomic_write(path, result.text.encode("utf-8"))
    return RolloverResult(path, result)


# ---- gd workdays -----------------------------------------------------------------------


def _calendar(root: Root) -> WorkCalendar:
    """The workspace's working-day calendar; the package's alone where there is no workspace."""
    import os

    from gov_disclosure import constants as C
    from gov_disclosure.workdays.calendar import load_calendar

    try:
        ws: Workspace | None = find_workspace(root)
    except GdError:
        if root is not None or os.environ.get(C.ROOT_ENV):
            raise
        ws = None
    return load_calendar(ws)[0]


def workdays_add(start: dt.date, n: int, *, root: Root = None) -> dt.date:
    """The date ``n`` working days after ``start`` (day 0 is ``start``; counting from the next day).

    Raises :class:`GdError` (exit 1) for a year the calendar does not know.
    """
    if n < 0:
        raise GdError.usage(f"N must be 0 or more, not {n}")
    return _calendar(root).add(start, n)


def workdays_count(first: dt.date, last: dt.date, *, root: Root = None) -> int:
    """Working days after ``first`` up to and including ``last`` (negative if it is earlier)."""
    return _calendar(root).count(first, last)


# ---- gd requests -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Registers:
    """What every `gd requests` command reads: the registry (in the plan), calendar, register."""

    loaded: LoadedPlan
    calendar: WorkCalendar
    register: Register
    warnings: list[Problem]


def _scoped(root: Root, unit: str | None) -> tuple[_Registers, Unit | None, set[str] | None]:
    """The registers, the unit asked for, and the ids of the units it stands for (None: all)."""
    regs = _registers(root)
    target = _resolve(regs.loaded, unit)
    ids = {u.id for u in regs.loaded.units.expand(target)} if target else None
    return regs, target, ids


def _registers(root: Root) -> _Registers:
    from gov_disclosure.requests.register import checked_register
    from gov_disclosure.workdays.calendar import load_calendar

    loaded = _open(root, None)
    calendar, warnings = load_calendar(loaded.workspace)
    register, more = checked_register(loaded.workspace, loaded.units, calendar)
    return _Registers(loaded, calendar, register, [*loaded.warnings, *warnings, *more])


def add_request(
    *,
    unit: str,
    channel: Channel | str,
    received: dt.date,
    applicant_type: ApplicantType | str,
    subject: str,
    confirmed: dt.date | None = None,
    note: str | None = None,
    name: str | None = None,
    id_number: str | None = None,
    phone: str | None = None,
    address: str | None = None,
    today: dt.date | None = None,
    root: Root = None,
) -> RequestWritten:
    """Record a request in its unit's register; the applicant's data in the git-ignored file.

    The number is the next of the unit and year of receipt (health-2020-004).
    """
    from gov_disclosure.requests import model as M
    from gov_disclosure.requests.clock import replay
    from gov_disclosure.requests.settings import load_settings
    from gov_disclosure.requests.store import add_request as write

    now = today or dt.date.today()
    loaded = _open(root, None)
    target = loaded.units.resolve(unit)
    request = M.Request(
        "",
        target.id,
        M.parse_choice(channel, M.CHANNEL_LABELS, "channel"),
        received,
        confirmed,
        M.parse_choice(applicant_type, M.APPLICANT_LABELS, "applicant type"),
        subject.strip(),
        note=note.strip() if note else None,
    )
    if not request.subject:
        raise GdError.usage("--subject is empty: say what was asked for")
    applicant = M.Applicant(name, id_number, phone, address)
    ws = loaded.workspace
    settings = load_settings(ws)
    calendar, problems = _calendar_if_any(ws)
    written = write(ws, loaded.units, target, request, applicant, now, settings)
    clock = replay(request, calendar, settings)
    if clock.calendar_error:
        problems.append(Problem(clock.calendar_error, severity="warning"))
    return replace(written, deadline=clock.deadline, warnings=written.warnings + problems)


def request_event(
    number: str,
    kind: EventKind | str,
    *,
    date: dt.date,
    outcome: str | None = None,
    days: int | None = None,
    note: str | None = None,
    approved_by: str | None = None,
    approved_on: dt.date | None = None,
    delivered: dt.date | None = None,
    amount: float | None = None,
    archive: str | None = None,
    today: dt.date | None = None,
    root: Root = None,
) -> RequestWritten:
    """Record what happened to a request: 補正, 征求意見, 延期, 收費, 撤回, 答復 …

    An event that breaks the rules (a second extension, an answer without its
    outcome row, anything after the answer) is refused with exit 2.
    """
    from gov_disclosure.requests import model as M
    from gov_disclosure.requests.clock import replay
    from gov_disclosure.requests.register import load_register_file
    from gov_disclosure.requests.settings import load_settings
    from gov_disclosure.requests.store import add_event

    event = M.Event(
        M.parse_choice(kind, M.EVENT_LABELS, "event"),
        date,
        outcome.strip() if outcome else None,
        days,
        note.strip() if note else None,
        approved_by.strip() if approved_by else None,
        approved_on,
        delivered,
        amount,
    )
    loaded = _open(root, None)
    ws = loaded.workspace
    settings = load_settings(ws)
    calendar, problems = _calendar_if_any(ws)
    now = today or dt.date.today()
    written = add_event(ws, loaded.units, number, event, now, calendar, settings, archive)
    file, _ = load_register_file(ws, loaded.units, written.path, None, settings)
    request = next(r for r in file.requests if r.number == written.number)
    clock = replay(request, calendar, settings)
    warnings = [*problems, *written.warnings]
    return replace(written, deadline=clock.deadline, state=clock.state.value, warnings=warnings)


def _calendar_if_any(ws: Workspace) -> tuple[WorkCalendar | None, list[Problem]]:
    """The calendar for a write, or None with its problems as warnings: a calendar file that
    is wrong must not stop a request (or an event) being recorded; its deadline then waits."""
    from gov_disclosure.workdays.calendar import load_calendar

    try:
        calendar, warnings = load_calendar(ws)
    except GdError as exc:
        return None, [replace(p, severity="warning") for p in exc.problems]
    return calendar, list(warnings)


@dataclass(frozen=True)
class RequestList:
    """Requests as they stood on ``today`` (of a unit, of a year of receipt, or open)."""

    loaded: LoadedPlan
    unit: Unit | None
    today: dt.date
    items: list[Standing]
    warnings: list[Problem]

    def records(self) -> list[RequestRow]:
        from gov_disclosure.requests.queries import request_row

        return [request_row(s) for s in self.items]


def requests_list(
    *,
    unit: str | None = None,
    open_only: bool = False,
    year: int | None = None,
    today: dt.date | None = None,
    root: Root = None,
) -> RequestList:
    """The register: each request with its state, deadline and outcome, as of ``today``."""
    from gov_disclosure.requests.queries import RequestFlag, standings

    now = today or dt.date.today()
    regs, target, ids = _scoped(root, unit)
    items = [
        s
        for s in standings(regs.register, regs.calendar, now, ids)
        if (year is None or s.request.receipt_day.year == year)
        and not (open_only and s.flag is RequestFlag.done)
    ]
    return RequestList(regs.loaded, target, now, items, regs.warnings)


@dataclass(frozen=True)
class RequestTimeline:
    """One request as of ``today``: its steps with the deadline after each, and who asked."""

    loaded: LoadedPlan
    today: dt.date
    standing: Standing
    steps: list[Step]
    applicant: Applicant

    def masked_applicant(self) -> dict[str, str]:
        """Who asked, as listings may show it: 張*, 138****5678 (never in full)."""
        from gov_disclosure.requests.privacy import mask

        a = self.applicant
        shown = {
            "name": mask(a.name, "name"),
            "id_number": mask(a.id_number, "id"),
            "phone": mask(a.phone, "phone"),
            "address": mask(a.address, "address"),
        }
        return {k: v for k, v in shown.items() if v}


def request_show(
    number: str, *, today: dt.date | None = None, root: Root = None
) -> RequestTimeline:
    """A request's timeline: each event with the deadline as it stood after it."""
    from gov_disclosure.requests.model import parse_number
    from gov_disclosure.requests.queries import standing
    from gov_disclosure.requests.register import load_private

    now = today or dt.date.today()
    unit_id, year = parse_number(number)
    regs = _registers(root)
    found = regs.register.find(number)
    if found is None:
        raise GdError.usage(f"no request {number.strip()} (see `gd requests list`)")
    file, request = found
    if request.receipt_day > now:
        raise GdError.usage(f"{request.number} was received on {request.receipt_day}, after {now}")
    s = standing(request, file.unit, regs.register, regs.calendar, now)
    from gov_disclosure.requests.model import Applicant

    private = load_private(regs.loaded.workspace, year, unit_id).get(request.number)
    return RequestTimeline(regs.loaded, now, s, s.clock.steps, private or Applicant())


@dataclass(frozen=True)
class RequestDueList:
    """Open requests with their deadlines as of ``today``."""

    loaded: LoadedPlan
    unit: Unit | None
    today: dt.date
    items: list[Standing]
    warnings: list[Problem]

    @property
    def overdue(self) -> int:
        from gov_disclosure.requests.queries import RequestFlag

        return sum(1 for s in self.items if s.flag is RequestFlag.overdue)

    def records(self) -> list[DueRow]:
        from gov_disclosure.requests.queries import due_row

        return [due_row(s) for s in self.items]


def requests_due(
    *,
    today: dt.date | None = None,
    before: dt.date | None = None,
    after: dt.date | None = None,
    within_days: int | None = None,
    warn_days: int | None = None,
    unit: str | None = None,
    root: Root = None,
) -> RequestDueList:
    """Each open request with its deadline and the working days left, nearest first."""
    from gov_disclosure.requests.queries import DEFAULT_WARN_DAYS, select_due, standings

    now = today or dt.date.today()
    regs, target, ids = _scoped(root, unit)
    warn = DEFAULT_WARN_DAYS if warn_days is None else warn_days
    items = select_due(
        standings(regs.register, regs.calendar, now, ids, warn), now, before, after, within_days
    )
    return RequestDueList(regs.loaded, target, now, items, regs.warnings)


# ---- gd annual new / check / render ----------------------------------------------------


def _annual_open(root: Root, year: int | None) -> tuple[Workspace, UnitIndex, int]:
    """The workspace, its registry and the report year (default: the newest plan's)."""
    from gov_disclosure.annual.collect import load_units, year_format

    ws = find_workspace(root)
    report_year = year if year is not None else ws.pick_year(None)
    year_format(report_year)
    return ws, load_units(ws), report_year


def _one_unit(units: UnitIndex, name: str) -> Unit:
    target = units.resolve(name)
    if target.is_group:
        members = "、".join(u.name for u in units.members(target)[:3])
        raise GdError.usage(
            f"{target.name} is a group; each of its units has its own report ({members}…)"
        )
    return target


@dataclass(frozen=True)
class AnnualCheck:
    """A year's annual reports, each checked, and the units that owe one and have none."""

    year: int
    format_id: str
    files: list[FileCheck]
    missing: list[str]

    @property
    def problems(self) -> list[Problem]:
        return sorted((p for f in self.files for p in f.problems), key=Problem.sort_key)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def annual_check(
    *,
    unit: str | None = None,
    year: int | None = None,
    strict: bool = False,
    root: Root = None,
) -> AnnualCheck:
    """Check every annual report of a year (or one unit's): T3-A, T3-B, T3-C, T4, X1, X3.

    With ``strict`` every cell must be stated.  ``missing`` names the units that
    owe a report and have none (only when no ``unit`` is given).
    """
    from gov_disclosure.annual.collect import check_year

    ws, units, report_year = _annual_open(root, year)
    target = _one_unit(units, unit) if unit is not None else None
    checked = check_year(ws, units, report_year, only=target, strict=strict)
    missing = [u.name for u in checked.missing]
    return AnnualCheck(report_year, checked.format.id, checked.files, missing)


@dataclass(frozen=True)
class AnnualNew:
    """The skeleton written: where, for whom, for which year and format."""

    path: Path
    unit: Unit
    year: int
    format_id: str


def annual_new(*, unit: str, year: int | None = None, root: Root = None) -> AnnualNew:
    """Write ``annual/<year>/<unit-id>.yaml`` with every cell empty; never overwrite one."""
    from gov_disclosure.annual.collect import year_format
    from gov_disclosure.annual.loading import annual_path
    from gov_disclosure.annual.skeleton import skeleton
    from gov_disclosure.storage.fileio import create_new

    ws, units, report_year = _annual_open(root, year)
    target = _one_unit(units, unit)
    fmt = year_format(report_year)
    path = annual_path(ws, report_year, target)
    create_new(path, skeleton(fmt, target, report_year).encode("utf-8"))
    return AnnualNew(path, target, report_year, fmt.id)


@dataclass(frozen=True)
class AnnualDocument:
    """An annual report's view model, in one script, ready to be rendered."""

    view: AnnualView
    workspace: Workspace
    format_id: str
    #: The report's date (落款), also stamped inside a .docx archive.
    date: dt.date
    warnings: list[Problem] = field(default_factory=list)
    #: The script the report is written in (its view is converted already).
    script: Script | None = None

    @property
    def root(self) -> Path:
        """The workspace the report was made from (its files are never written over)."""
        return self.workspace.root

    def render(self, fmt: DocFormat, template: Path | None = None) -> bytes:
        """The report's bytes in ``fmt``; Word uses the template of the report's format."""
        from gov_disclosure.documents.render import DocFormat

        kind = f"annual-{self.format_id}" if fmt is DocFormat.docx else "annual"
        view = dict(self.view)
        return _render(kind, fmt, view, self.workspace, self.date, template, self.script)


def annual_render(
    *,
    unit: str | None = None,
    county: bool = False,
    year: int | None = None,
    script: Script | None = None,
    root: Root = None,
) -> AnnualDocument:
    """A unit's annual report, or (``county``) the county's compiled from every unit's.

    A unit's report that fails a check is refused (its problems are raised); the
    county's lists the units whose report is missing or fails a check, and
    ``warnings`` names them too.  ``script`` defaults to the workspace's (its registry's).
    """
    from gov_disclosure.annual.document import county_document, unit_document
    from gov_disclosure.textnorm import Script, convert_texts, converter, is_traditional

    if county == (unit is not None):
        raise GdError.usage("give either --unit NAME or --county")
    ws, units, report_year = _annual_open(root, year)
    if unit is None:
        built = county_document(ws, units, report_year)
    else:
        built = unit_document(ws, units, report_year, _one_unit(units, unit))
    from gov_disclosure.plan.settings import load_settings

    traditional = is_traditional("".join(u.name for u in units.units))
    default = Script.traditional if traditional else Script.simplified
    target_script = script or load_settings(ws).script or default
    view = convert_texts(built.view, converter(target_script, source_is_traditional=False))
    return AnnualDocument(view, ws, built.format.id, built.date, built.warnings, target_script)


# ---- gd plan render --------------------------------------------------------------------


@dataclass(frozen=True)
class PlanNotice(Document):
    """The plan as the notice that issues it (its view: :mod:`.documents.plan_notice`).

    ``warnings`` say what of the plan `gd import` would not read back from it.
    """

    #: Whether rendering converts the finished text into :attr:`script`; False when the
    #: plan is already written in it (see :func:`plan_render`).
    convert: bool = True

    def render(self, fmt: DocFormat, template: Path | None = None) -> bytes:
        script = self.script if self.convert else None
        ws = self.loaded.workspace
        return _render(self.kind, fmt, self.view, ws, self.as_of, template, script)


def plan_render(
    *, script: Script | str | None = None, root: Root = None, year: int | None = None
) -> PlanNotice:
    """The plan as the notice that issues it: 主送, body, 落款, 「（此件公開發布）」, then the
    table 工作任務 | 具體要求 | 責任單位; `gd import` reads it back as the same plan.

    ``script`` overrides the workspace's setting (else the plan's own).  A plan written in
    traditional characters keeps its own words in a traditional notice: OpenCC's
    simplified → traditional conversion would rewrite them (并 → 並, 污 → 汙), and the
    notice would no longer be the plan.  Template words are written in traditional.
    """
    from gov_disclosure.documents.notice_readback import readback_problems
    from gov_disclosure.documents.plan_notice import plan_notice

    loaded = _open(root, year)
    chosen = loaded.script_for(_script(script))
    view = plan_notice(loaded.plan, loaded.units, chosen)
    warnings = [*loaded.warnings, *readback_problems(loaded, view)]
    own = chosen is Script.traditional and loaded.is_traditional
    issued = loaded.plan.notice.issued
    return PlanNotice("plan", view, loaded, issued, warnings, chosen, convert=not own)


# ---- gd export -------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    """What `gd export` wrote: the file, its format, and how many rows of each kind
    (``units``, ``groups``, ``tasks``, ``deadlines``, ``records``)."""

    path: Path
    format: str
    counts: dict[str, int]
    warnings: list[Problem] = field(default_factory=list)


def export(
    *,
    output: Path | str,
    format: str | None = None,
    today: dt.date | None = None,
    script: Script | str | None = None,
    force: bool = False,
    root: Root = None,
    year: int | None = None,
) -> ExportResult:
    """Write the plan and its progress as a SQLite database (``sqlite``: the stable schema
    of docs/export.md) or an Excel/WPS workbook (``xlsx``), wholly in one script.

    ``format`` defaults to what ``output``'s name ends in (.sqlite, .sqlite3, .db, .xlsx).
    Records dated after ``today`` (default: the real date) are left out.  The file is
    written at once, only when complete, never over a workspace file, over an existing
    file only when gd wrote it (or with ``force``), and never into a folder that does not
    exist; the same inputs give the same bytes.
    """
    from gov_disclosure.export.tables import export_tables
    from gov_disclosure.storage.outputs import check_target, write_document

    path = Path(output)
    chosen = _export_format(format, path)
    if not path.parent.is_dir():
        folder = display_path(path.parent)
        raise GdError.usage(
            f"-o {display_path(path)}: there is no folder {folder}; create it first"
        )
    plans = _plans(root, year)
    loaded = plans.whole()
    check_target(path, loaded.workspace.root, force)  # refused before anything is built
    book, warnings = progress_as_of(plans, today or dt.date.today())
    tables = export_tables(loaded, book, loaded.script_for(_script(script)))
    if chosen == "sqlite":
        from gov_disclosure.export.sqlite import to_sqlite

        data = to_sqlite(tables)
    else:
        from gov_disclosure.export.xlsx import to_xlsx

        data = to_xlsx(tables)
    write_document(path, data, loaded.workspace.root, force)
    return ExportResult(path, chosen, tables.counts(), warnings)


#: What an export's file name ends in, for each format.
_EXPORT_SUFFIXES = {".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite", ".xlsx": "xlsx"}


def _export_format(given: str | None, path: Path) -> str:
    """The format asked for, else the one the file name says; a name of the other format is
    refused (``--format xlsx -o plan.sqlite`` is a slip)."""
    from gov_disclosure.export.tables import ExportFormat

    named = _EXPORT_SUFFIXES.get(path.suffix.lower())
    if given is None:
        if named is None:
            raise GdError.usage(
                f"say the format with --format sqlite|xlsx (-o {path.name} does not say it)"
            )
        return named
    if given not in set(ExportFormat):
        raise GdError.usage(f"unknown format {given!r}; use one of: sqlite, xlsx")
    if named is not None and named != given:
        raise GdError.usage(f"-o {path.name} names a {named} file, not {given}")
    return str(given)
