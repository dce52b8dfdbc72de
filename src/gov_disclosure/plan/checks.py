"""Rules about a plan that need more than its schema: ids, unit names, dates, text lint."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from gov_disclosure.errors import Finding
from gov_disclosure.models import Deadline, Plan, Task
from gov_disclosure.plan.units import UnitIndex, Unresolved
from gov_disclosure.textnorm import text_warnings


def check_plan(plan: Plan, units: UnitIndex, expected_year: int | None = None) -> list[Finding]:
    """Rules that need more than the schema: ids, unit names, dates in the year."""
    checker = _PlanChecker(plan, units)
    if expected_year is not None and plan.year != expected_year:
        checker.add(("year",), f"year {plan.year} does not match the file name {expected_year}")
    checker.sections()
    checker.milestones()
    return checker.found


Loc = tuple[str | int, ...]


class _PlanChecker:
    """Walks a plan in file order, collecting findings at their data locations."""

    def __init__(self, plan: Plan, units: UnitIndex) -> None:
        self.plan = plan
        self.units = units
        self.found: list[Finding] = []
        self.task_ids: set[str] = set()

    def add(self, loc: Loc, message: str, severity: str = "error") -> None:
        self.found.append(Finding(loc, message, severity=severity))

    def names(self, names: Sequence[str], loc: Loc) -> list[str]:
        """The ids of the units named; each name that finds none is a finding."""
        ids = []
        for i, name in enumerate(names):
            try:
                ids.append(self.units.lookup(name).id)
            except Unresolved as exc:
                self.add((*loc, i), exc.describe())
        return ids

    def date(self, loc: Loc, value: dt.date, what: str) -> None:
        if value.year != self.plan.year:
            self.add(loc, f"{what} {value} is outside the plan year {self.plan.year}")

    def sections(self) -> None:
        numbers: set[int] = set()
        for s, section in enumerate(self.plan.sections):
            if section.number in numbers:
                self.add(("sections", s, "number"), f"duplicate section number {section.number}")
            numbers.add(section.number)
            for t, task in enumerate(section.tasks):
                self.task(task, section.number, ("sections", s, "tasks", t))

    def task(self, task: Task, section: int, loc: Loc) -> None:
        if task.id in self.task_ids:
            self.add((*loc, "id"), f"duplicate task id {task.id!r}")
        self.task_ids.add(task.id)
        if task.section_number != section:
            self.add(
                (*loc, "id"),
                f"task {task.id} is in section {section}; its id should start with {section}.",
            )
        named = set(self.names(task.lead, (*loc, "lead")))
        named |= set(self.names(task.responsible, (*loc, "responsible")))
        if not task.lead and not task.responsible:
            self.add(loc, f"task {task.id} has no unit: give it a lead or responsible unit")
        if task.title.endswith("。"):
            self.add((*loc, "title"), f"task {task.id} title ends with 。", severity="warning")
        reached = named | {m.id for n in named for m in self.units.members(self.units.by_id[n])}
        for d, deadline in enumerate(task.deadlines):
            self.deadline(task, deadline, reached, (*loc, "deadlines", d))

    def deadline(self, task: Task, deadline: Deadline, reached: set[str], loc: Loc) -> None:
        self.date((*loc, "date"), deadline.date, f"task {task.id} deadline")
        for i, unit_id in enumerate(self.names(deadline.units, (*loc, "units"))):
            if unit_id not in reached:
                self.add(
                    (*loc, "units", i), f"{deadline.units[i]} is not assigned to task {task.id}"
                )

    def milestones(self) -> None:
        ids: set[str] = set()
        for m, milestone in enumerate(self.plan.milestones):
            loc: Loc = ("milestones", m)
            if milestone.id in ids:
                self.add((*loc, "id"), f"duplicate milestone id {milestone.id!r}")
            ids.add(milestone.id)
            self.date((*loc, "date"), milestone.date, f"milestone {milestone.id}")
            self.names(milestone.units, (*loc, "units"))
            if milestone.recipient:
                self.names([milestone.recipient], (*loc, "recipient"))


def text_findings(data: object, loc: tuple[str | int, ...]) -> list[Finding]:
    """Lint warnings for every text of a file: pinyin left over, encoding damage."""
    if not text_warnings("\n".join(_texts(data))):
        return []  # the usual case, found with one search over the file's texts
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


def _texts(data: object) -> list[str]:
    """Every text of a file's data. Joined by line breaks, which no warning's pattern
    matches, they show a warning exactly when one of them does."""
    out: list[str] = []
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return out
