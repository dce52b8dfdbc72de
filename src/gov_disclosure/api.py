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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from gov_disclosure.errors import GdError, Problem, display_path
from gov_disclosure.models import NO_SETTINGS, Evidence, Status, Unit, WorkspaceSettings
from gov_disclosure.plan import queries as plan_queries
from gov_disclosure.plan.assignments import Role, units_for_key
from gov_disclosure.plan.loading import LoadedPlan, load_plan, load_registry
from gov_disclosure.progress import queries as progress_queries
from gov_disclosure.progress.book import (
    ProgressBook,
    load_book,
    load_progress,
    progress_dir,
    progress_files,
)
from gov_disclosure.progress.deadlines import DEFAULT_WARN_DAYS, Due, Flag, all_deadlines, select
from gov_disclosure.storage.workspace import Workspace, find_workspace
from gov_disclosure.textnorm import Script

if TYPE_CHECKING:
    from gov_disclosure.documents.render import DocFormat
    from gov_disclosure.history.diff import Change
    from gov_disclosure.history.log import Entry
    from gov_disclosure.intake.importer import Draft
    from gov_disclosure.intake.notice import NoticeText
    from gov_disclosure.progress.store import Written

__all__ = [
    "Document",
    "DueList",
    "ImportResult",
    "PlanDiff",
    "PlanLog",
    "ProgressView",
    "TaskList",
    "UnitList",
    "ValidationReport",
    "checklist",
    "checklists",
    "diff",
    "due",
    "import_notice",
    "log",
    "report",
    "set_progress",
    "show_progress",
    "tasks",
    "units",
    "validate",
]

Root = Path | str | None
T = TypeVar("T")


def _open(root: Root, year: int | None, rev: str | None = None) -> LoadedPlan:
    ws = find_workspace(root)
    return load_plan(ws.at(rev) if rev else ws, year)


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
    report = ValidationReport()
    units_index = report.collect(lambda: load_registry(ws))
    if units_index is None:
        return report
    groups = sum(1 for u in units_index.units if u.is_group)
    report.summary.append(
        f"{display_path(ws.registry_path)}: {len(units_index.units) - groups} units, "
        f"{groups} groups"
    )
    settings = _validate_settings(ws, report)
    years = [ws.pick_year(year)] if year is not None else ws.years()
    for plan_year in years:
        try:
            loaded = load_plan(ws, plan_year, units_index, settings)
        except GdError as exc:
            report.problems += exc.problems
            continue
        report.problems += loaded.warnings
        report.summary += _validate_year(ws, loaded, report, today or dt.date.today())
    return report


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


def _validate_year(
    ws: Workspace, loaded: LoadedPlan, report: ValidationReport, today: dt.date
) -> list[str]:
    plan = loaded.plan
    deadlines = sum(len(t.deadlines) for t in plan.tasks())
    lines = [
        f"{display_path(loaded.path)}: {len(plan.sections)} sections, {len(plan.tasks())} tasks, "
        f"{_count(deadlines, 'deadline')}, {_count(len(plan.milestones), 'milestone')}"
    ]
    book, problems = load_progress(loaded, today)
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
    loaded = _open(root, year)
    target = _resolve(loaded, unit)
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
    root: Root = None,
    year: int | None = None,
) -> DueList:
    """Deadlines (inclusive ``before``/``after``), flagged overdue / soon / upcoming / done."""
    now = today or dt.date.today()
    loaded = _open(root, year)
    target = _resolve(loaded, unit)
    book, warnings = load_book(loaded, now)
    items = select(
        all_deadlines(loaded, book, now, warn_days, target),
        today=now,
        before=before,
        after=after,
        within_days=within_days,
        include_done=include_done,
    )
    return DueList(loaded, target, now, items, warnings)


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
    loaded = _open(root, year)
    target = _resolve(loaded, unit)
    key = task.strip() if task is not None else None
    if key is not None and units_for_key(loaded, key) is None:
        raise GdError.usage(f"no task or milestone {task!r} in the {loaded.year} plan")
    book, warnings = load_book(loaded, today or dt.date.today())
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

    def render(self, fmt: DocFormat, template: Path | None = None) -> bytes:
        """The document's bytes in ``fmt``, from ``template`` or the template search path."""
        from gov_disclosure.documents.render import (
            DocFormat,
            find_template,
            render_docx,
            render_text,
        )

        ws = self.loaded.workspace
        path = find_template(self.kind, fmt, ws, template)
        if fmt is DocFormat.docx:
            return render_docx(path, self.view, ws, self.as_of, self.script)
        return render_text(path, self.view, ws, fmt, self.script).encode("utf-8")


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
    loaded = _open(root, year, rev)
    target = loaded.units.resolve(unit)
    return _checklist(loaded, target, now, _script(script))[0]


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
    loaded = _open(root, year, rev)
    book, warnings = load_book(loaded, now)
    chosen = _script(script)
    return [
        (u, _checklist(loaded, u, now, chosen, book, warnings)[0])
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
    book: ProgressBook | None = None,
    warnings: list[Problem] | None = None,
) -> tuple[Document, ProgressBook]:
    from gov_disclosure.documents import views
    from gov_disclosure.history.log import revision

    if book is None:
        book, warnings = load_book(loaded, today)
    view = views.checklist(loaded, book, unit, today, revision(loaded.workspace))
    document = Document("checklist", view, loaded, today, warnings or [], loaded.script_for(script))
    return document, book


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
    loaded = _open(root, year, rev)
    ws = loaded.workspace
    target = _resolve(loaded, unit)
    book, warnings = load_book(loaded, as_of)
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
    """A notice read into a draft plan (its YAML text), and the units added to the registry."""

    notice: NoticeText
    draft: Draft
    yaml_text: str
    added_units: list[str]
    registry_path: Path | None


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

    Units the registry lacks are warnings on the draft, or with ``add_units``
    are appended to the registry for review (a workspace is made for them when
    there is none).  Nothing is written to ``output``: the caller writes
    ``yaml_text`` (an existing ``output`` is refused unless ``force``).
    """
    from gov_disclosure.intake.draftyaml import guess_unit, to_yaml
    from gov_disclosure.intake.importer import import_notice as read_draft
    from gov_disclosure.intake.notice import read_notice
    from gov_disclosure.intake.workspace import workspace_for_import
    from gov_disclosure.plan.registry_store import append_units

    if output is not None and output.exists() and not force:
        raise GdError.usage(f"{output} exists; use --force to overwrite it")
    ws = workspace_for_import(root, output, add_units)
    index = load_registry(ws)[0] if ws is not None and ws.exists(ws.registry_path) else None
    text = read_notice(notice)
    draft = read_draft(text, index, year)
    if not draft.tasks():
        raise GdError.usage(
            f"{notice}: no task table found (rows of cells split by | or tabs, or a .docx table)"
        )
    unknown = sorted(draft.unknown_units.items(), key=lambda kv: kv[1])
    added: list[str] = []
    if unknown and add_units and ws is not None:
        entries = [guess_unit(name) for name, _ in unknown]
        append_units(
            ws.registry_path,
            entries,
            f"Added by `gd import {notice.name}`: review names, kinds and ids.",
        )
        added = [str(e["name"]) for e in entries]
    else:
        for name, line in unknown:
            draft.warn(line, f"unknown unit {name!r} (not in the registry; --add-units adds it)")
    registry = ws.registry_path if ws is not None else None
    return ImportResult(text, draft, to_yaml(draft, notice.name), added, registry)
