"""`gd import`, `gd init`, `gd units add` / `add-member`, `gd rollover`: new plans and units."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gov_disclosure.api._common import Root, check_typed, parse_script
from gov_disclosure.errors import ExitCode, GdError, Problem, display_path, raise_if_errors
from gov_disclosure.models import Unit, UnitKind
from gov_disclosure.plan.loading import load_plan, load_registry
from gov_disclosure.plan.units import UnitIndex
from gov_disclosure.progress.book import load_progress
from gov_disclosure.storage.workspace import Workspace, find_workspace
from gov_disclosure.textnorm import Script

if TYPE_CHECKING:
    from gov_disclosure.intake.importer import Draft
    from gov_disclosure.intake.notice import NoticeText
    from gov_disclosure.plan.registry_store import NewUnit
    from gov_disclosure.plan.starter import InitResult
    from gov_disclosure.progress.rollover import Rollover


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
    from gov_disclosure.plan.settings import load_settings

    additions = plan_additions(draft, index)
    county = load_settings(ws).county
    new = {unit.name: unit for unit in additions.units}
    registered: list[tuple[str, str]] = []
    for target, alias in additions.aliases:
        if target in new:
            new[target].aliases.append(alias)
        else:
            registered.append((target, alias))
    if additions.units:
        note = f"Added by `gd import {source}`: review names, kinds and ids."
        append_units(ws.registry_path, additions.units, note, county)
    for target, alias in registered:
        assert index is not None  # only a registered unit's name can be a target here
        add_alias(ws.registry_path, index.lookup(target).id, alias, county)
    _, warnings = load_registry(ws)
    return [u.name for u in additions.units], additions.aliases, warnings


def init(
    folder: Path | str = ".", *, county: str, issuer: str, script: Script | str = "simplified"
) -> InitResult:
    """A new workspace in ``folder``: the registry with the issuing office and the usual
    groups, settings, .gitignore, a pre-commit configuration, and ``git init``.

    Never overwrites: files already there are kept and listed in the result.
    """
    from gov_disclosure.plan.starter import init_workspace

    chosen = parse_script(script) or Script.simplified
    return init_workspace(Path(folder), county, issuer, chosen)


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

    check_typed(("NAME", name), ("--full-name", full_name), *(("--alias", a) for a in aliases))
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
    append_units(ws.registry_path, [unit], f"Added by `gd units add {name}`.", index.county)
    if group is not None:
        add_members(ws.registry_path, group.id, [name], index.county)
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
    return write_members(ws.registry_path, target.id, [u.name for u in units], index.county)


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
