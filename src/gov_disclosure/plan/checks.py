"""Rules about a plan that need more than its schema: ids, unit names, dates, text lint."""

from __future__ import annotations

from collections.abc import Sequence

from gov_disclosure.errors import Finding
from gov_disclosure.models import Plan
from gov_disclosure.plan.units import UnitIndex, Unresolved
from gov_disclosure.textnorm import text_warnings


def check_plan(plan: Plan, units: UnitIndex, expected_year: int | None = None) -> list[Finding]:
    """Rules that need more than the schema: ids, unit names, dates in the year."""
    out: list[Finding] = []
    if expected_year is not None and plan.year != expected_year:
        out.append(
            Finding(("year",), f"year {plan.year} does not match the file name {expected_year}")
        )

    def check_names(names: Sequence[str], loc: tuple[str | int, ...]) -> list[str]:
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


def text_findings(data: object, loc: tuple[str | int, ...]) -> list[Finding]:
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
