"""Loading the registry and a plan with every check: what every command works on.

Always from the files: the index (:mod:`gov_disclosure.index`) keeps what was
read here and answers from it while the files are unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from gov_disclosure import constants as C
from gov_disclosure.errors import GdError, Problem, raise_if_errors
from gov_disclosure.models import NO_SETTINGS, Plan, Task, WorkspaceSettings
from gov_disclosure.plan.assignments import Assignment, plan_assignments
from gov_disclosure.plan.checks import check_plan, text_findings
from gov_disclosure.plan.settings import read_settings, settings_path
from gov_disclosure.plan.units import UnitIndex
from gov_disclosure.storage.workspace import Workspace
from gov_disclosure.textnorm import Script, is_traditional, script_of

if TYPE_CHECKING:
    from gov_disclosure.storage.yamlio import YamlDocument

_PLAN_FILE = re.compile(C.PLAN_FILE_PATTERN)


@dataclass
class LoadedPlan:
    """A validated plan with its registry: what every command works on."""

    workspace: Workspace
    path: Path
    plan: Plan
    units: UnitIndex
    warnings: list[Problem] = field(default_factory=list)
    #: plan/workspace.yaml (a class-level default, so older cache entries still load).
    settings: WorkspaceSettings = NO_SETTINGS
    #: Only some of the plan's tasks are here: a slice of the index (:mod:`gov_disclosure.index`)
    #: holding every task that one unit's, or one window's, listing can show.
    partial: bool = False
    #: The units each milestone applies to (ids), worked out on the whole plan: a slice's own
    #: tasks do not tell (a milestone without units applies to every unit with a task).
    milestone_reach: dict[str, tuple[str, ...]] | None = None

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

    @property
    def issuer(self) -> str:
        """Who issues the workspace's documents: the settings' issuer, else the notice's."""
        return self.settings.issuer or self.plan.notice.issuer

    def script_for(self, given: Script | None = None) -> Script:
        """The script of documents (and the terminal's default): as given, as the settings
        say, else the plan's own."""
        return given or self.settings.script or script_of(self.is_traditional)

    @cached_property
    def task_ids_of(self) -> dict[str, list[str]]:
        """Each unit's assigned tasks (ids, in plan order), by unit id."""
        found: dict[str, list[str]] = {}
        for task_id, assigned in self.assignments.items():
            for unit_id in assigned:
                found.setdefault(unit_id, []).append(task_id)
        return found

    @cached_property
    def tasks_by_id(self) -> dict[str, Task]:
        return {task.id: task for task in self.plan.tasks()}

    def unit_names(self, names: Sequence[str]) -> list[str]:
        """The registry's names for unit names as a plan writes them (縣政府辦 → 縣政府辦公室)."""
        return [self.units.lookup(name).name for name in names]

    def task(self, task_id: str) -> Task:
        task = self.tasks_by_id.get(task_id.strip())
        if task is None:
            ids = ", ".join(self.tasks_by_id)
            raise GdError.usage(f"no task {task_id!r} in the {self.year} plan (tasks: {ids})")
        return task


def load_registry(ws: Workspace) -> tuple[UnitIndex, list[Problem]]:
    """The validated registry and its warnings; raise every error at once."""
    from gov_disclosure.plan.settings import load_settings

    return check_registry(ws.load_yaml(ws.registry_path), load_settings(ws).county)


def check_registry(doc: YamlDocument, county: str | None) -> tuple[UnitIndex, list[Problem]]:
    """A registry file as parsed, checked for the workspace's ``county`` (what a write of the
    registry checks too, before anything is written): its index and warnings, or every error."""
    from gov_disclosure import schema
    from gov_disclosure.storage.schema_errors import findings_to_problems, validate_document

    registry = validate_document(doc, schema.Registry, "unit registry (units: [...])")
    index, findings = UnitIndex.build(registry.runtime(), county)
    findings += text_findings(doc.data, ())
    problems = findings_to_problems(doc, findings)
    raise_if_errors(problems)
    return index, [p for p in problems if p.severity == "warning"]


def load_plan(
    ws: Workspace,
    year: int | None = None,
    units: UnitIndex | None = None,
    settings: WorkspaceSettings | None = None,
) -> LoadedPlan:
    """The validated plan of a year (the newest by default) with its registry, read and
    checked now (:mod:`gov_disclosure.index` answers from its rows when nothing changed)."""
    raise_if_errors(ws.plan_dir_problems())
    return _load_plan(ws, ws.plan_path(ws.pick_year(year)), units, settings)


def plan_sources(ws: Workspace, year: int) -> list[Path]:
    return [ws.registry_path, ws.plan_path(year), settings_path(ws)]


def _load_plan(
    ws: Workspace,
    path: Path,
    units: UnitIndex | None = None,
    settings: WorkspaceSettings | None = None,
) -> LoadedPlan:
    """The plan file at ``path`` read and checked, without the cache."""
    warnings: list[Problem] = []
    if units is None:
        units, warnings = load_registry(ws)
    if settings is None:
        settings, settings_warnings = read_settings(ws)
        warnings += settings_warnings
    from gov_disclosure import schema
    from gov_disclosure.storage.schema_errors import findings_to_problems, validate_document

    doc = ws.load_yaml(path)
    plan = validate_document(doc, schema.Plan, "plan (year, notice, sections)").runtime()
    findings = check_plan(plan, units, expected_year=_year_of(path))
    findings += text_findings(doc.data, ())
    problems = findings_to_problems(doc, findings)
    raise_if_errors(problems)
    warnings += [p for p in problems if p.severity == "warning"]
    return LoadedPlan(ws, path, plan, units, warnings, settings)


def _year_of(path: Path) -> int | None:
    m = _PLAN_FILE.match(path.name)
    return int(m.group(1)) if m else None
