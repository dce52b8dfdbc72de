"""A new workspace: the files a county's office starts from (`gd init`).

Never overwrites: a file that is already there is kept and reported, so running
it again in an existing workspace only says what is there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from gov_disclosure import constants as C
from gov_disclosure.errors import GdError
from gov_disclosure.models import UnitKind
from gov_disclosure.plan.registry_store import NewUnit, slug
from gov_disclosure.plan.units import canonical
from gov_disclosure.storage import gitio
from gov_disclosure.storage.fileio import atomic_write
from gov_disclosure.textnorm import Script, to_simplified, to_traditional

#: What a workspace keeps out of git: the cache, locks and temporary files, outputs,
#: and anything private (applicants' personal data).
GITIGNORE = """\
# Written by `gd init`. Kept out of git:
.gd-cache/
**/.*.lock
**/.*.tmp
out/
private/
**/private/
"""

#: Pre-commit runs the installed `gd` (a `repo: local` hook), so the first commit in a
#: new repository works without fetching anything.
PRE_COMMIT = """\
# Written by `gd init`: `pre-commit install` once, and every commit that changes the
# plan, the registry or progress records is refused while `gd validate` finds an error.
repos:
  - repo: local
    hooks:
      - id: gd-validate
        name: gd validate
        entry: gd validate
        language: system
        pass_filenames: false
        files: ^(plan|progress|report|annual|requests)/.*\\.ya?ml$
"""


@dataclass
class InitResult:
    root: Path
    created: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    git_initialized: bool = False


def init_workspace(folder: Path, county: str, issuer: str, script: Script) -> InitResult:
    """Create a workspace in ``folder``: registry, settings, .gitignore, pre-commit, git."""
    county, issuer = county.strip(), issuer.strip()
    if not county or not issuer:
        raise GdError.usage("--county and --issuer must name the county and the issuing office")
    if folder.exists() and not folder.is_dir():
        raise GdError.usage(f"{folder} exists and is not a folder")
    conv = to_simplified if script is Script.simplified else to_traditional
    result = InitResult(folder.resolve())
    files = {
        Path(C.PLAN_DIR) / C.REGISTRY_FILE: registry_text(conv(county), conv(issuer), conv),
        Path(C.PLAN_DIR) / C.SETTINGS_FILE: settings_text(conv(county), conv(issuer), script),
        Path(".gitignore"): GITIGNORE,
        Path(".pre-commit-config.yaml"): PRE_COMMIT,
    }
    (folder / C.PLAN_DIR).mkdir(parents=True, exist_ok=True)
    for rel, text in files.items():
        path = folder / rel
        if path.exists():
            result.kept.append(path)
        else:
            atomic_write(path, text.encode("utf-8"))
            result.created.append(path)
    if gitio.toplevel(folder) is None:
        gitio.run(["init", "-q"], folder)
        result.git_initialized = True
    return result


def settings_text(county: str, issuer: str, script: Script) -> str:
    return f"""\
# Workspace settings (written by `gd init`).
# county: typed before unit names, and dropped when matching them.
# issuer: the office that issues the plan and signs documents (落款).
# script: the script of every document gd writes, and of the terminal: simplified | traditional.
county: {county}
issuer: {issuer}
script: {script.value}
"""


def office_aliases(county: str, issuer: str) -> list[str]:
    """How notices shorten the issuing office: 師宗縣人民政府辦公室 → 縣政府辦公室, 縣政府辦."""
    level = county[-1:] if county[-1:] in ("縣", "县", "市", "區", "区") else ""
    rest = issuer.removeprefix(county).replace("人民政府", "政府")
    found = [f"{level}{rest}"] if level and not rest.startswith(level) else [rest]
    for name in list(found):
        for long, short in (("辦公室", "辦"), ("办公室", "办")):
            if name.endswith(long):
                found.append(name.removesuffix(long) + short)
    keys = {canonical(issuer)}
    out = []
    for name in found:
        if name and canonical(name) not in keys:
            keys.add(canonical(name))
            out.append(name)
    return out


def registry_text(county: str, issuer: str, conv: Callable[[str], str]) -> str:
    """The registry a county starts from: its issuing office and the two usual groups."""
    office = NewUnit(slug(issuer) or "office", issuer, UnitKind.county_department)
    towns = NewUnit("towns", "各鄉(鎮、街道)", UnitKind.group)
    departments = NewUnit("departments", "縣直各部門", UnitKind.group)
    return f"""\
# Unit registry of {county}: every unit the plans name, kept apart from the yearly
# plans because units outlive a year. Add units with `gd units add NAME --kind KIND`
# (or `gd import NOTICE --add-units`); give a group its members with
# `gd units add-member GROUP NAME…`. Kinds: county_department, county_institution,
# city_branch, township, subdistrict, sub_office (with `parent`), group.
units:
  - id: {office.id}
    name: {issuer}
    aliases: [{", ".join(office_aliases(county, issuer))}]
    kind: {office.kind.value}
  # Townships and sub-districts: every unit of kind township or subdistrict.
  # Empty until they are added: `gd units add {conv("某某鎮")} --kind township`.
  - id: {towns.id}
    name: {conv(towns.name)}
    kind: group
    member_kinds: [township, subdistrict]
  # County departments and institutions: every unit of those kinds.
  - id: {departments.id}
    name: {conv(departments.name)}
    kind: group
    member_kinds: [county_department, county_institution]
"""
