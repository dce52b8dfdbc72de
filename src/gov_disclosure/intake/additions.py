"""What an import adds to the registry for the units a notice names that it lacks.

- A name that abbreviates a registered or newly added unit's name (縣政府辦 →
  縣政府辦公室) becomes an alias of that unit, not a second unit.
- The office the report goes to (「報政府辦公室政務信息股」) is the report
  milestone's recipient: it becomes a sub-office of the unit its name begins
  with, so no group reaches it and it owes no task.
- Every other name becomes a unit with a readable id (pinyin, see
  :func:`gov_disclosure.plan.registry_store.slug`) and a kind guessed from its name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gov_disclosure.intake.draft import Draft
from gov_disclosure.models import UnitKind
from gov_disclosure.plan.registry_store import (
    NewUnit,
    abbreviation_of,
    guess_kind,
    parent_of,
    unique_id,
)
from gov_disclosure.plan.units import UnitIndex


@dataclass
class Additions:
    """New units, and new spellings of units (registered or new), for the registry."""

    units: list[NewUnit] = field(default_factory=list)
    #: (the unit's name, the alias to add to it)
    aliases: list[tuple[str, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.units or self.aliases)


def plan_additions(draft: Draft, index: UnitIndex | None) -> Additions:
    """The registry edits that make every unit the draft names known."""
    unknown = sorted(draft.unknown_units, key=lambda name: draft.unknown_units[name])
    registered = [u.name for u in index.units] if index is not None else []
    taken = set(index.by_id) if index is not None else set()
    out = Additions()
    full_names = []
    for name in unknown:
        target = abbreviation_of(name, [*registered, *unknown])
        if target is not None:
            out.aliases.append((target, name))
        else:
            full_names.append(name)
    new_ids: dict[str, str] = {}
    for name in full_names:
        unit = _new_unit(name, taken)
        new_ids[name] = unit.id
        taken.add(unit.id)
        out.units.append(unit)
    if draft.report_recipient in new_ids:
        _make_recipient(out, draft.report_recipient, new_ids, index)
    return out


def _new_unit(name: str, taken: set[str]) -> NewUnit:
    kind, member_kinds = guess_kind(name)
    return NewUnit(unique_id(name, taken), name, kind, member_kinds=member_kinds)


def _make_recipient(
    out: Additions, name: str, new_ids: dict[str, str], index: UnitIndex | None
) -> None:
    """The report's recipient: a sub-office of the unit its name begins with, when one is known."""
    spellings = {n: n for n in new_ids if n != name}
    if index is not None:
        spellings |= {s: u.name for u in index.units if not u.is_group for s in u.spellings()}
    parent = parent_of(name, list(spellings))
    if parent is None:
        return
    owner = spellings[parent]
    parent_id = new_ids.get(owner) or (index.lookup(owner).id if index is not None else None)
    for unit in out.units:
        if unit.name == name and parent_id is not None:
            unit.kind, unit.member_kinds, unit.parent = UnitKind.sub_office, [], parent_id
