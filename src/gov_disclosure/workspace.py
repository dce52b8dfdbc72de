"""The workspace: finding it, and loading its registry and plans with every check.

A workspace is a folder holding ``plan/`` (the registry ``units.yaml`` and one
``<year>.yaml`` per plan) and, later, ``progress/`` and ``templates/``.  It is
found like git finds ``.git``: the nearest folder upward that has ``plan/``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from gov_disclosure import cache, gitio, yamlio
from gov_disclosure import constants as C
from gov_disclosure.assignments import Assignment, plan_assignments
from gov_disclosure.errors import GdError, Problem
from gov_disclosure.models import Plan, ReportNarrative, Task
from gov_disclosure.textnorm import is_traditional, text_warnings
from gov_disclosure.units import Finding, UnitIndex, Unresolved

_PLAN_FILE = re.compile(C.PLAN_FILE_PATTERN)


@dataclass(frozen=True)
class Workspace:
    """A workspace folder, as it is on disk or (with ``rev``) as it was at a git commit."""

    root: Path
    #: A full commit id: files are read as they were at that commit.
    rev: str | None = None

    def at(self, rev: str) -> Workspace:
        """The workspace as it was at a git revision (a usage error if git does not know it)."""
        return Workspace(self.root, gitio.resolve(rev, gitio.require_repo(self.root)))

    @cached_property
    def git_top(self) -> Path | None:
        return gitio.toplevel(self.root)

    def _top(self) -> Path:
        top = self.git_top
        if top is None:
            raise GdError.usage(f"{self.root} is not in a git repository")
        return top

    def read(self, path: Path) -> str:
        """A file's text (UTF-8), from disk or from the revision."""
        if self.rev is None:
            return yamlio.read_text(path)
        data = gitio.show(self.rev, path, self._top())
        if data is None:
            raise GdError.data(f"file not found at revision {self.rev[:8]}", path)
        return yamlio.decode_utf8(data, path)

    def load_yaml(self, path: Path) -> yamlio.YamlDocument:
        return yamlio.parse(self.read(path), path)

    def exists(self, path: Path) -> bool:
        if self.rev is None:
            return path.is_file()
        return path.name in gitio.listdir(self.rev, path.parent, self._top())

    def files(self, folder: Path) -> list[Path]:
        """The files directly in a folder, sorted by name."""
        if self.rev is None:
            if not folder.is_dir():
                return []
            return sorted(p for p in folder.iterdir() if p.is_file())
        return sorted(folder / name for name in gitio.listdir(self.rev, folder, self._top()))

    @property
    def plan_dir(self) -> Path:
        return self.root / C.PLAN_DIR

    @property
    def registry_path(self) -> Path:
        return self.plan_dir / C.REGISTRY_FILE

    def plan_path(self, year: int) -> Path:
        names = {p.name for p in self.files(self.plan_dir)}
        for suffix in (".yaml", ".yml"):
            if f"{year}{suffix}" in names:
                return self.plan_dir / f"{year}{suffix}"
        return self.plan_dir / f"{year}.yaml"

    def years(self) -> list[int]:
        found = []
        entries = self.plan_dir.iterdir() if self.rev is None else self.files(self.plan_dir)
        for entry in entries:
            m = _PLAN_FILE.match(entry.name)
            if m:
                found.append(int(m.group(1)))
        return sorted(found)

    def pick_year(self, year: int | None) -> int:
        years = self.years()
        if year is None:
            if not years:
                raise GdError.usage(
                    f"no plan in {self.plan_dir}: expected a file such as 2020.yaml"
                )
            return years[-1]
        if year not in years:
            have = ", ".join(map(str, years)) or "none"
            raise GdError.usage(f"no plan for {year} in {self.plan_dir} (plans: {have})")
        return year


def find_workspace(root: Path | str | None = None, start: Path | None = None) -> Workspace:
    """The workspace given by ``root`` (or ``GD_ROOT``), else the nearest one upward."""
    given = root if root is not None else os.environ.get(C.ROOT_ENV) or None
    if given is not None:
        path = Path(given).expanduser().resolve()
        if not (path / C.PLAN_DIR).is_dir():
            raise GdError.usage(f"{path} is not a gd workspace: it has no {C.PLAN_DIR}/ folder")
        return Workspace(path)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / C.PLAN_DIR).is_dir():
            return Workspace(folder)
    raise GdError.usage(
        f"no gd workspace here: no {C.PLAN_DIR}/ folder in {here} or above it; "
        f"use --root DIR or set {C.ROOT_ENV}"
    )


@dataclass
class LoadedPlan:
    """A validated plan with its registry: what every command works on."""

    workspace: Workspace
    path: Path
    plan: Plan
    units: UnitIndex
    warnings: list[Problem] = field(default_factory=list)

    @property
    def year(self) -> int:
        return self.plan.year

    @cached_property
    def assignments(self) -> dict[str, dict[str, Assignment]]:
        return plan_assignments(self.plan, self.units)

    @cached_property
    def is_traditional(self) -> bool:
        """Whether the plan is written in traditional characters (the script output defaults to)."""
        return is_traditional(self.plan.notice.title)

    @cached_property
    def tasks_by_id(self) -> dict[str, Task]:
        return {task.id: task for task in self.plan.tasks()}

    def task(self, task_id: str) -> Task:
        task = self.tasks_by_id.get(task_id.strip())
        if task is None:
            ids = ", ".join(self.tasks_by_id)
            raise GdError.usage(f"no task {task_id!r} in the {self.year} plan (tasks: {ids})")
        return task


def load_registry(ws: Workspace) -> tuple[UnitIndex, list[Problem]]:
    """The validated registry and its warnings; raise every error at once."""
    from gov_disclosure import schema
    from gov_disclosure.validation import findings_to_problems, validate

    doc = ws.load_yaml(ws.registry_path)
    registry = validate(doc, schema.Registry, "unit registry (units: [...])")
    index, findings = UnitIndex.build(registry.runtime())
    findings += _text_findings(doc.data, ())
    problems = findings_to_problems(doc, findings)
    _raise_errors(problems)
    return index, [p for p in problems if p.severity == "warning"]


def load_plan(ws: Workspace, year: int | None = None, units: UnitIndex | None = None) -> LoadedPlan:
    """The validated plan of a year (the newest by default) with its registry.

    From the cache when the registry and the plan are unchanged since they were
    last checked (see :mod:`gov_disclosure.cache`).
    """
    if units is not None or ws.rev is not None or not cache.enabled():
        return _load_plan(ws, year, units)
    plan_year = ws.pick_year(year)
    sources = plan_sources(ws, plan_year)
    hit = cache.load(ws.root, f"plan-{plan_year}", sources)
    if isinstance(hit, LoadedPlan):
        hit.workspace = ws
        return hit
    loaded = _load_plan(ws, plan_year)
    _ = loaded.assignments, loaded.tasks_by_id, loaded.is_traditional  # kept in the cache
    cache.store(ws.root, f"plan-{plan_year}", sources, loaded)
    return loaded


def plan_sources(ws: Workspace, year: int) -> list[Path]:
    return [ws.registry_path, ws.plan_path(year)]


def _load_plan(
    ws: Workspace, year: int | None = None, units: UnitIndex | None = None
) -> LoadedPlan:
    warnings: list[Problem] = []
    if units is None:
        units, warnings = load_registry(ws)
    from gov_disclosure import schema
    from gov_disclosure.validation import findings_to_problems, validate

    path = ws.plan_path(ws.pick_year(year))
    doc = ws.load_yaml(path)
    plan = validate(doc, schema.Plan, "plan (year, notice, sections)").runtime()
    findings = check_plan(plan, units, expected_year=_year_of(path))
    findings += _text_findings(doc.data, ())
    problems = findings_to_problems(doc, findings)
    _raise_errors(problems)
    warnings += [p for p in problems if p.severity == "warning"]
    return LoadedPlan(ws, path, plan, units, warnings)


def _raise_errors(problems: list[Problem]) -> None:
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise GdError.of(errors)


def _year_of(path: Path) -> int | None:
    m = _PLAN_FILE.match(path.name)
    return int(m.group(1)) if m else None


def check_plan(plan: Plan, units: UnitIndex, expected_year: int | None = None) -> list[Finding]:
    """Rules that need more than the schema: ids, unit names, dates in the year."""
    out: list[Finding] = []
    if expected_year is not None and plan.year != expected_year:
        out.append(
            Finding(("year",), f"year {plan.year} does not match the file name {expected_year}")
        )

    def check_names(names: list[str], loc: tuple[str | int, ...]) -> list[str]:
        ids = []
        for i, name in enumerate(names):
            try:
                ids.append(units.lookup(name).id)
            except Unresolved as exc:
                out.append(Finding((*loc, i), exc.describe()))
        return ids

    def check_date(date_loc: tuple[str | int, ...], value: object, what: str) -> None:
        year = getattr(value, "year", plan.year)
        if year != plan.year:
            out.append(Finding(date_loc, f"{what} {value} is outside the plan year {plan.year}"))

    seen_sections: dict[int, int] = {}
    seen_tasks: dict[str, tuple[int, int]] = {}
    for s, section in enumerate(plan.sections):
        if section.number in seen_sections:
            out.append(
                Finding(("sections", s, "number"), f"duplicate section number {section.number}")
            )
        seen_sections.setdefault(section.number, s)
        for t, task in enumerate(section.tasks):
            loc: tuple[str | int, ...] = ("sections", s, "tasks", t)
            if task.id in seen_tasks:
                out.append(Finding((*loc, "id"), f"duplicate task id {task.id!r}"))
            seen_tasks.setdefault(task.id, (s, t))
            if task.section_number != section.number:
                out.append(
                    Finding(
                        (*loc, "id"),
                        f"task {task.id} is in section {section.number}; "
                        f"its id should start with {section.number}.",
                    )
                )
            lead = check_names(task.lead, (*loc, "lead"))
            responsible = check_names(task.responsible, (*loc, "responsible"))
            if not task.lead and not task.responsible:
                out.append(
                    Finding(loc, f"task {task.id} has no unit: give it a lead or responsible unit")
                )
            if task.title.endswith("。"):
                out.append(
                    Finding(
                        (*loc, "title"), f"task {task.id} title ends with 。", severity="warning"
                    )
                )
            named = set(lead) | set(responsible)
            reached = named | {m.id for n in named for m in units.members(units.by_id[n])}
            for d, deadline in enumerate(task.deadlines):
                dloc = (*loc, "deadlines", d)
                check_date((*dloc, "date"), deadline.date, f"task {task.id} deadline")
                for i, unit_id in enumerate(check_names(deadline.units, (*dloc, "units"))):
                    if unit_id not in reached:
                        out.append(
                            Finding(
                                (*dloc, "units", i),
                                f"{deadline.units[i]} is not assigned to task {task.id}",
                            )
                        )
    seen_milestones: set[str] = set()
    for m, milestone in enumerate(plan.milestones):
        loc = ("milestones", m)
        if milestone.id in seen_milestones:
            out.append(Finding((*loc, "id"), f"duplicate milestone id {milestone.id!r}"))
        seen_milestones.add(milestone.id)
        check_date((*loc, "date"), milestone.date, f"milestone {milestone.id}")
        check_names(milestone.units, (*loc, "units"))
        if milestone.recipient:
            check_names([milestone.recipient], (*loc, "recipient"))
    return out


def _text_findings(data: object, loc: tuple[str | int, ...]) -> list[Finding]:
    """Lint warnings for every text of a file: pinyin left over, encoding damage."""
    out: list[Finding] = []
    stack: list[tuple[object, tuple[str | int, ...]]] = [(data, loc)]
    while stack:
        value, where = stack.pop()
        if isinstance(value, str):
            for _, message in text_warnings(value):
                out.append(Finding(where, message, severity="warning"))
        elif isinstance(value, dict):
            stack.extend((v, (*where, k)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, (*where, i)) for i, v in enumerate(value))
    return out


def load_narrative(ws: Workspace, year: int) -> ReportNarrative | None:
    """The narrative parts of the year's report (report/<year>.yaml), if the office wrote them."""
    path = ws.root / C.REPORT_DIR / f"{year}.yaml"
    if not ws.exists(path):
        return None
    from gov_disclosure import schema
    from gov_disclosure.validation import findings_to_problems, validate

    doc = ws.load_yaml(path)
    narrative = validate(
        doc, schema.ReportNarrative, "report narrative (overview, problems, next_steps)"
    ).runtime()
    problems = findings_to_problems(doc, _text_findings(doc.data, ()))
    _raise_errors(problems)
    return narrative
