"""Who must act on what: the roles of units in tasks, deadlines and milestones."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from gov_disclosure.models import Deadline, Labelled, Milestone, Plan, Task, Unit
from gov_disclosure.plan.units import UnitIndex

if TYPE_CHECKING:
    from gov_disclosure.plan.loading import LoadedPlan


class Role(Labelled):
    lead = "lead", "牽頭"  # named as 牽頭
    responsible = "responsible", "負責"  # named as 負責 / 按照職責分工負責
    member = "member", "成員"  # reached through a group such as 各鄉(鎮、街道)

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Role.lead: 3, Role.responsible: 2, Role.member: 1}


@dataclass(frozen=True)
class Assignment:
    """A unit that must act on a task, in its strongest role."""

    unit: Unit
    role: Role
    #: The group through which a member is reached.
    via: Unit | None = None


def task_assignments(task: Task, index: UnitIndex) -> dict[str, Assignment]:
    """Every unit that must act on a task, with its strongest role, in registry order.

    A group named on a task (as lead or responsible) reaches each of its
    members as ``member``; a unit named directly is ``lead`` or
    ``responsible``.  When a unit is reached several ways the strongest role
    counts: lead over responsible over member.
    """
    found: dict[str, Assignment] = {}

    def offer(candidate: Assignment) -> None:
        current = found.get(candidate.unit.id)
        if current is None or candidate.role.rank > current.role.rank:
            found[candidate.unit.id] = candidate

    for names, role in ((task.lead, Role.lead), (task.responsible, Role.responsible)):
        for name in names:
            unit = index.lookup(name)
            if unit.is_group:
                for member in index.members(unit):
                    offer(Assignment(member, Role.member, via=unit))
            else:
                offer(Assignment(unit, role))
    return dict(sorted(found.items(), key=lambda item: index.order[item[0]]))


def named_role(task: Task, group: Unit, index: UnitIndex) -> Role | None:
    """How a task names a group itself (for ``gd tasks --unit 各鄉(鎮、街道)``)."""
    for names, role in ((task.lead, Role.lead), (task.responsible, Role.responsible)):
        if any(index.lookup(name).id == group.id for name in names):
            return role
    return None


def deadline_units(
    task: Task, deadline: Deadline, index: UnitIndex, assigned: dict[str, Assignment]
) -> list[Unit]:
    """The units that must meet a deadline: those its sentence names, else all of the task's."""
    if not deadline.units:
        return [a.unit for a in assigned.values()]
    found: dict[str, Unit] = {}
    for name in deadline.units:
        for unit in index.expand(index.lookup(name)):
            found.setdefault(unit.id, unit)
    return sorted(found.values(), key=lambda u: index.order[u.id])


def milestone_units(
    milestone: Milestone, index: UnitIndex, plan_assignments: dict[str, dict[str, Assignment]]
) -> list[Unit]:
    """The units a milestone applies to: those it names, else every unit with a task."""
    found: dict[str, Unit] = {}
    if milestone.units:
        for name in milestone.units:
            for unit in index.expand(index.lookup(name)):
                found.setdefault(unit.id, unit)
    else:
        for assigned in plan_assignments.values():
            for unit_id, assignment in assigned.items():
                found.setdefault(unit_id, assignment.unit)
    return sorted(found.values(), key=lambda u: index.order[u.id])


def plan_assignments(plan: Plan, index: UnitIndex) -> dict[str, dict[str, Assignment]]:
    return {task.id: task_assignments(task, index) for task in plan.tasks()}


# ---- who must report ------------------------------------------------------------


def record_keys(loaded: LoadedPlan) -> list[str]:
    """Everything progress can be recorded against, in plan order: tasks, then milestones."""
    return [t.id for t in loaded.plan.tasks()] + [m.id for m in loaded.plan.milestones]


def key_order(loaded: LoadedPlan) -> dict[str, int]:
    """Each record key's position in plan order (see :func:`position`)."""
    return {key: i for i, key in enumerate(record_keys(loaded))}


def position(order: dict[str, int], key: str) -> int:
    """Where a record key sorts: its plan position; a key the plan lacks sorts last."""
    return order.get(key, len(order))


def units_for_key(loaded: LoadedPlan, key: str) -> list[Unit] | None:
    """The units that must report on a task or milestone; None when the key is unknown."""
    if key in loaded.tasks_by_id:
        return [a.unit for a in loaded.assignments[key].values()]
    for milestone in loaded.plan.milestones:
        if milestone.id == key and loaded.milestone_reach is not None:
            return [loaded.units.by_id[unit_id] for unit_id in loaded.milestone_reach[key]]
        if milestone.id == key:
            return milestone_units(milestone, loaded.units, loaded.assignments)
    return None


def reports_on(loaded: LoadedPlan, key: str, unit: Unit) -> bool | None:
    """Whether ``unit`` must report on a task or milestone (:func:`units_for_key`, asked of
    one unit: by id, without listing the others); None when the key is unknown."""
    if key in loaded.tasks_by_id:
        return unit.id in loaded.assignments[key]
    units = units_for_key(loaded, key)
    return None if units is None else any(u.id == unit.id for u in units)


def units_for_deadline(loaded: LoadedPlan, task_id: str, index: int) -> list[Unit]:
    task = loaded.tasks_by_id[task_id]
    return deadline_units(task, task.deadlines[index], loaded.units, loaded.assignments[task_id])
