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
from typing import TYPE_CHECKING, Any

from gov_disclosure.errors import ExitCode, GdError, Problem, display_path, raise_if_errors
from gov_disclosure.models import Evidence, Status, Unit, UnitKind
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
from gov_disclosure.textnorm import Script, typed_text

if TYPE_CHECKING:
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

__all__ = [
    "Document",
    "DueList",
    "ImportResult",
    "PlanDiff",
    "PlanLog",
    "ProgressView",
    "RolloverResult",
    "TaskList",
    "UnitList",
    "ValidationReport",
    "add_members",
    "add_unit",
    "checklist",
    "checklists",
    "diff",
    "due",
    "import_notice",
    "init",
    "log",
    "report",
    "rollover",
    "set_progress",
    "show_progress",
    "tasks",
    "units",
    "validate",
]

Root = Path | str | None


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


def validate(
    *, root: Root = None, year: int | None = None, today: dt.date | None = None
) -> ValidationReport:
    """Check the registry and each plan (or one year's) with its progress; never stops early."""
    ws = find_workspace(root)
    report = ValidationReport(ws.plan_dir_problems())
    try:
        units_index, warnings = load_registry(ws)
    except GdError as exc:
        report.problems += exc.problems
        return report
    report.problems += warnings
    groups = sum(1 for u in units_index.units if u.is_group)
    report.summary.append(
        f"{display_path(ws.registry_path)}: {len(units_index.units) - groups} units, "
        f"{groups} groups"
    )
    years = [ws.pick_year(year)] if year is not None else ws.years()
    for plan_year in years:
        try:
            loaded = load_plan(ws, plan_year, units_index)
        except GdError as exc:
            report.problems += [p for p in exc.problems if p not in report.problems]
            continue
        report.problems += loaded.warnings
        report.summary += _validate_year(ws, loaded, report, today or dt.date.today())
    return report


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
        from dataclasses import replace

        from gov_disclosure.documents.ics import to_ics

        conv = convert or (lambda text: text)
        who = self.unit.name if self.unit else self.loaded.plan.notice.issuer
        name = conv(f"{who} 政務公開時限（{self.loaded.year}）")
        items = [
            replace(
                d,
                title=conv(d.title),
                what=conv(d.what),
                phrase=conv(d.phrase) if d.phrase else None,
            )
            for d in self.items
        ]
        return to_ics(self.loaded, items, self.today, name)


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
    """A document's view model, ready to be rendered by a template."""

    kind: str
    view: Any
    loaded: LoadedPlan
    #: The day the document describes (also the date stamped inside a .docx archive).
    as_of: dt.date
    warnings: list[Problem] = field(default_factory=list)

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
            return render_docx(path, self.view, ws, self.as_of)
        return render_text(path, self.view, ws, fmt).encode("utf-8")


def checklist(
    *,
    unit: str,
    today: dt.date | None = None,
    rev: str | None = None,
    root: Root = None,
    year: int | None = None,
) -> Document:
    """A unit's checklist: its tasks and roles, each requirement a checkbox, its deadlines."""
    now = today or dt.date.today()
    loaded = _open(root, year, rev)
    target = loaded.units.resolve(unit)
    return _checklist(loaded, target, now)[0]


def checklists(
    *,
    today: dt.date | None = None,
    rev: str | None = None,
    root: Root = None,
    year: int | None = None,
) -> list[tuple[Unit, Document]]:
    """The checklist of every unit that has a task in the plan."""
    now = today or dt.date.today()
    loaded = _open(root, year, rev)
    book, warnings = load_book(loaded, now)
    return [
        (u, _checklist(loaded, u, now, book, warnings)[0])
        for u in loaded.units.units
        if not u.is_group and any(u.id in assigned for assigned in loaded.assignments.values())
    ]


def _checklist(
    loaded: LoadedPlan,
    unit: Unit,
    today: dt.date,
    book: ProgressBook | None = None,
    warnings: list[Problem] | None = None,
) -> tuple[Document, ProgressBook]:
    from gov_disclosure.documents import views
    from gov_disclosure.history.log import revision

    if book is None:
        book, warnings = load_book(loaded, today)
    rendered_from = revision(loaded.workspace)
    view = views.checklist(loaded, book, unit, today, rendered_from)
    return Document("checklist", view, loaded, today, warnings or []), book


def report(
    *,
    as_of: dt.date | None = None,
    unit: str | None = None,
    rev: str | None = None,
    root: Root = None,
    year: int | None = None,
) -> Document:
    """The implementation report (落實情況報告) of the county, or of one unit, as of a day.

    In a git repository it states the revision it was rendered from and lists
    the plan's adjustments since it was first committed (方案調整情況).
    """
    from gov_disclosure.documents import views
    from gov_disclosure.documents.narrative import load_narrative
    from gov_disclosure.history.log import adjustments, revision

    as_of = as_of or dt.date.today()
    loaded = _open(root, year, rev)
    ws = loaded.workspace
    target = _resolve(loaded, unit)
    book, warnings = load_book(loaded, as_of)
    narrative = load_narrative(ws, loaded.year) if target is None else None
    rendered_from = revision(ws)
    changes = adjustments(ws, loaded.year)
    view = views.report(loaded, book, as_of, narrative, target, rendered_from, changes)
    return Document("report", view, loaded, as_of, warnings)


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

    chosen = _script(script)
    return init_workspace(Path(folder), county, issuer, chosen)


def _script(value: Script | str) -> Script:
    if value not in set(Script):
        raise GdError.usage(f"unknown script {value!r}; use simplified or traditional")
    return Script(value)


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
