"""Unit names: the one place where a typed or written name becomes a unit.

People type a unit's name in many ways: simplified or traditional characters,
full or short names, with or without the county's name in front, with pinyin
annotations copied from a web page.  :func:`canonical` folds all of these into
one key; :class:`UnitIndex` finds units by it and expands groups.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from gov_disclosure.constants import COUNTY_PREFIXES
from gov_disclosure.errors import Finding, GdError
from gov_disclosure.models import Unit
from gov_disclosure.textnorm import fold, to_simplified, to_traditional, typed_text

#: The characters a county-level name ends with: 縣 (county), 市 (county-level city), 區 (district).
_LEVELS = ("縣", "县", "市", "區", "区")


def county_names(county: str | None) -> tuple[str, ...]:
    """How people write a county's name before a unit's: 師宗縣, 師宗 (and the bundled plan's
    師宗縣 always, so its names keep matching)."""
    names = set(COUNTY_PREFIXES)
    if county:
        names.add(county)
        if county.endswith(_LEVELS) and len(county) > 2:
            names.add(county[:-1])
    return tuple(sorted(names, key=len, reverse=True))


@cache
def _prefixes(county: str | None = None) -> tuple[tuple[str, ...], str]:
    """The county's names and 縣, folded (computed on first use: folding loads OpenCC)."""
    folded = {fold(p) for p in county_names(county)}
    return tuple(sorted(folded, key=len, reverse=True)), fold("縣")


#: File names Windows refuses, whatever the extension: unit ids name progress files.
RESERVED_FILE_NAMES = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"com{i}" for i in range(1, 10)]
    + [f"lpt{i}" for i in range(1, 10)]
)
#: How alike (0..1) a name must be to be suggested after "did you mean".
_SUGGEST_CUTOFF = 0.25


def without_county(text: str, county: str | None = None) -> str:
    """Text with the county's own name taken off its front: 師宗縣2020年… → 2020年…."""
    for prefix in county_names(county):
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text


def canonical(name: str, county: str | None = None) -> str:
    """The key two spellings of one unit's name share (縣衛健局 = 县卫健局 = 衛健局);
    ``county``: the workspace's county, whose name may be typed in front."""
    key = fold(name)
    prefixes, county_char = _prefixes(county)
    for prefix in prefixes:
        if key.startswith(prefix) and len(key) > len(prefix):
            key = key[len(prefix) :]
            break
    if key.startswith(county_char) and len(key) > 2:
        key = key[len(county_char) :]
    return key


class Unresolved(Exception):
    """A name that finds no unit or several; ``candidates`` help the user."""

    def __init__(self, name: str, candidates: list[Unit], ambiguous: bool) -> None:
        self.name = name
        self.candidates = candidates
        self.ambiguous = ambiguous
        super().__init__(self.describe())

    def describe(self) -> str:
        names = "、".join(u.name for u in self.candidates)
        if self.ambiguous:
            return (
                f"unit name {self.name!r} is ambiguous: it matches {names}; type more of the name"
            )
        hint = f"; did you mean {names}?" if names else "; `gd units` lists every unit"
        return f"unknown unit {self.name!r}{hint}"


@dataclass
class UnitIndex:
    """The registry, indexed for name lookup, with every group's members expanded."""

    units: list[Unit]
    by_id: dict[str, Unit] = field(default_factory=dict)
    by_key: dict[str, Unit] = field(default_factory=dict)
    members_of: dict[str, list[Unit]] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    #: Names as written in files, already looked up (kept in the workspace cache).
    known: dict[str, Unit] = field(default_factory=dict)
    #: The workspace's county (plan/workspace.yaml), whose name may be typed before a unit's.
    county: str | None = None
    #: Each unit's spellings as typed in either script (縣衛健局, 县卫健局), with the id they
    #: find: what :meth:`match` answers without folding (and without loading OpenCC). Filled
    #: by :meth:`spell_out` for the index; empty, every name is folded.
    typed: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, units: list[Unit], county: str | None = None) -> tuple[UnitIndex, list[Finding]]:
        index = cls(list(units), county=county)
        findings: list[Finding] = []
        for i, unit in enumerate(units):
            if unit.id in index.by_id:
                findings.append(Finding(("units", i, "id"), f"duplicate unit id {unit.id!r}"))
                continue
            index.by_id[unit.id] = unit
            index.order[unit.id] = i
            for spelling in unit.spellings():
                key = canonical(spelling, index.county)
                other = index.by_key.get(key)
                if other is not None and other.id != unit.id:
                    findings.append(
                        Finding(
                            ("units", i),
                            f"{spelling!r} of unit {unit.id!r} reads the same as a name of "
                            f"unit {other.id!r} ({other.name}); a name must find one unit",
                        )
                    )
                else:
                    index.by_key[key] = unit
        findings += index._check_structure()
        if not any(f.severity == "error" for f in findings):
            findings += index._expand_groups()
        return index, findings

    def spell_out(self) -> None:
        """Fill :attr:`typed`: every name in both scripts, where it finds its own unit (done
        when the index keeps the registry: it loads OpenCC's three conversions once)."""
        for unit in self.units:
            for spelling in unit.spellings():
                for form in (spelling, to_simplified(spelling), to_traditional(spelling)):
                    if self.by_key.get(canonical(form, self.county)) is unit:
                        self.typed.setdefault(form, unit.id)

    def _check_structure(self) -> list[Finding]:
        findings = []
        for i, unit in enumerate(self.units):
            if unit.id.split(".")[0] in RESERVED_FILE_NAMES:
                findings.append(
                    Finding(
                        ("units", i, "id"),
                        f"unit id {unit.id!r} is a reserved file name on Windows "
                        "(progress files are named after unit ids); choose another",
                    )
                )
            if unit.is_group:
                if not unit.members and not unit.member_kinds:
                    findings.append(
                        Finding(
                            ("units", i),
                            f"group {unit.name} has no members: list them under `members:` "
                            f"(or `member_kinds:`), or run `gd units add-member {unit.name} NAME…`",
                        )
                    )
                if unit.parent:
                    findings.append(Finding(("units", i, "parent"), "a group has no parent"))
            elif unit.members or unit.member_kinds:
                field_name = "members" if unit.members else "member_kinds"
                findings.append(
                    Finding(
                        ("units", i, field_name),
                        f"only a group has {field_name}; {unit.name} is a {unit.kind.value}",
                        key=True,
                    )
                )
            if unit.kind.value == "sub_office" and not unit.parent:
                findings.append(
                    Finding(("units", i), f"sub_office {unit.name} needs a parent unit id")
                )
            if unit.parent and unit.parent not in self.by_id:
                findings.append(
                    Finding(("units", i, "parent"), f"parent {unit.parent!r} is not a unit id")
                )
            for j, member in enumerate(unit.members):
                try:
                    self.lookup(member)
                except Unresolved as exc:
                    findings.append(Finding(("units", i, "members", j), exc.describe()))
        return findings

    def _expand_groups(self) -> list[Finding]:
        findings = []
        cycles: set[frozenset[str]] = set()
        for i, unit in enumerate(self.units):
            if not unit.is_group:
                continue
            try:
                members = self._expand(unit, ())
            except _Cycle as cycle:
                if frozenset(cycle.path) not in cycles:  # one message for one cycle
                    cycles.add(frozenset(cycle.path))
                    names = " → ".join(cycle.path)
                    findings.append(
                        Finding(("units", i, "members"), f"groups form a cycle: {names}")
                    )
                continue
            if not members and (unit.members or unit.member_kinds):
                findings.append(Finding(("units", i), _empty_group(unit), severity="warning"))
            self.members_of[unit.id] = members
        return findings

    def _expand(self, group: Unit, path: tuple[str, ...]) -> list[Unit]:
        if group.id in path:
            raise _Cycle([*[self.by_id[p].name for p in path], group.name])
        found: dict[str, Unit] = {}
        for name in group.members:
            member = self.lookup(name)
            inner = self._expand(member, (*path, group.id)) if member.is_group else [member]
            for unit in inner:
                found.setdefault(unit.id, unit)
        for unit in self.units:
            if not unit.is_group and unit.kind in group.member_kinds:
                found.setdefault(unit.id, unit)
        return sorted(found.values(), key=lambda u: self.order[u.id])

    # ---- lookups ---------------------------------------------------------------

    def lookup(self, name: str) -> Unit:
        """The unit a name written in a file stands for: exact spellings only."""
        unit = self.known.get(name)
        if unit is not None:
            return unit
        unit = self.by_key.get(canonical(name, self.county))
        if unit is None:
            raise Unresolved(name, self.suggest(name), ambiguous=False)
        self.known[name] = unit
        return unit

    def resolve(self, query: str) -> Unit:
        """The unit a person means by what they typed; raises :class:`GdError` (usage)."""
        typed_text(query, "unit name")
        try:
            return self.match(query)
        except Unresolved as exc:
            raise GdError.usage(exc.describe()) from None

    def match(self, query: str) -> Unit:
        """Exact spelling first, then a unique part of a name; raises :class:`Unresolved`."""
        spelled = self.typed.get(query)
        if spelled is not None:
            return self.by_id[spelled]
        key = canonical(query, self.county)
        if not key:
            raise Unresolved(query, [], ambiguous=False)
        unit = self.by_key.get(key)
        if unit is not None:
            return unit
        if len(key) >= 2:
            found: dict[str, Unit] = {}
            for name_key, candidate in self.by_key.items():
                if key in name_key:
                    found.setdefault(candidate.id, candidate)
            if len(found) == 1:
                return next(iter(found.values()))
            if found:
                ordered = sorted(found.values(), key=lambda u: self.order[u.id])
                raise Unresolved(query, ordered, ambiguous=True)
        raise Unresolved(query, self.suggest(query), ambiguous=False)

    def suggest(self, query: str, n: int = 3) -> list[Unit]:
        key = canonical(query, self.county)
        scored = []
        matcher = difflib.SequenceMatcher(b=key, autojunk=False)
        for name_key, unit in self.by_key.items():
            matcher.set_seq1(name_key)
            scored.append((matcher.ratio(), -self.order[unit.id], unit))
        found: dict[str, Unit] = {}
        for score, _, unit in sorted(scored, key=lambda s: s[:2], reverse=True):
            if score < _SUGGEST_CUTOFF or len(found) == n:
                break
            found.setdefault(unit.id, unit)
        return list(found.values())

    @cached_property
    def groups(self) -> list[Unit]:
        """The groups, the largest first (as a listing names them instead of their members)."""
        return sorted((u for u in self.units if u.is_group), key=lambda g: -len(self.members(g)))

    @cached_property
    def member_ids(self) -> dict[str, frozenset[str]]:
        """Each group's members' ids, by the group's id."""
        return {g.id: frozenset(m.id for m in self.members(g)) for g in self.groups}

    def members(self, group: Unit) -> list[Unit]:
        return self.members_of.get(group.id, [])

    def expand(self, unit: Unit) -> list[Unit]:
        """A unit itself, or a group's members."""
        return self.members(unit) if unit.is_group else [unit]

    def groups_of(self, unit: Unit) -> list[Unit]:
        return [g for g in self.units if g.is_group and unit in self.members_of.get(g.id, [])]

    def names(self) -> list[str]:
        """Every unit's name as the registry writes it (for completion)."""
        return [u.name for u in self.units]


def _empty_group(group: Unit) -> str:
    """What to say about a group that reaches no unit, and how to fill it."""
    fill = f"`gd units add-member {group.name} NAME…`"
    if group.member_kinds:
        kinds = ", ".join(k.value for k in group.member_kinds)
        kind = group.member_kinds[0].value
        return (
            f"group {group.name} has no members yet: no unit has its kinds ({kinds}); "
            f"add them with `gd units add NAME --kind {kind}` or {fill}"
        )
    return f"group {group.name} has no members yet: its member groups are empty; use {fill}"


def unit_file(index: UnitIndex, path: Path, named: str, what: str) -> tuple[Unit, list[Finding]]:
    """The unit a per-unit file (``progress/2020/health.yaml``) belongs to, by its file name.

    Raise when no unit has that id; a finding at ``unit`` when the unit the
    file names is another one.  ``what`` says which files these are.
    """
    unit = index.by_id.get(path.stem)
    if unit is None or unit.is_group:
        raise GdError.data(
            f"no unit has the id {path.stem!r}: {what} files are named after unit ids "
            "(see `gd units`)",
            path,
        )
    try:
        other = index.lookup(named)
    except Unresolved as exc:
        return unit, [Finding(("unit",), exc.describe())]
    if other.id != unit.id:
        message = f"the file is {unit.name}'s ({path.name}) but names {other.name}"
        return unit, [Finding(("unit",), message)]
    return unit, []


class _Cycle(Exception):
    def __init__(self, path: list[str]) -> None:
        self.path = path
