"""Every report of a year, read and checked; the units whose report is missing.

What ``gd annual check``, ``gd validate`` and the county's compilation share:
each file of ``annual/<year>/`` is read (:mod:`.loading`) and, when it can be
used, checked (:mod:`.checks`) against last year's report of the same unit
(X1) and the request register (:mod:`.register`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from gov_disclosure.annual.checks import check_report
from gov_disclosure.annual.formats import Format, format_for_year, no_format_message
from gov_disclosure.annual.loading import (
    AnnualReport,
    annual_files,
    annual_path,
    load_report,
)
from gov_disclosure.annual.register import Table3, filled, register_tables
from gov_disclosure.errors import Checked, GdError, Problem
from gov_disclosure.models import Unit, UnitKind
from gov_disclosure.plan.units import UnitIndex
from gov_disclosure.storage import cache
from gov_disclosure.storage.workspace import Workspace

#: The units that owe the county a report (条例第四十九条; 国办公开办函〔2019〕60号 二（一）):
#: the county's departments, townships and sub-districts.  Public institutions and
#: branches of vertically managed city bureaus report elsewhere; when one of them
#: files a report anyway, it is read and counted like the others.
REPORTING_KINDS = frozenset({UnitKind.county_department, UnitKind.township, UnitKind.subdistrict})

#: Unit id → table 三 of a year, for the units whose register counts it.
Register = Callable[[Workspace, int], Mapping[str, Table3]]


@dataclass
class FileCheck(Checked):
    """One file: the report (None when it cannot be used) and its problems."""

    path: Path
    report: AnnualReport | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.report is not None and not self.errors


@dataclass
class YearCheck:
    """A year's reports, checked, and the units that owe one and have none."""

    year: int
    format: Format
    files: list[FileCheck]
    missing: list[Unit]

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]

    def failing(self) -> list[FileCheck]:
        return [f for f in self.files if not f.ok]


def year_format(year: int) -> Format:
    """The format of a report year, or a usage error for a year with none."""
    fmt = format_for_year(year)
    if fmt is None:
        raise GdError.usage(no_format_message(year))
    return fmt


def expected_units(units: UnitIndex) -> list[Unit]:
    return [u for u in units.units if u.kind in REPORTING_KINDS]


def load_units(ws: Workspace) -> UnitIndex:
    """The registry, from the workspace cache when it is unchanged (no pydantic then)."""
    from gov_disclosure.plan.loading import load_registry
    from gov_disclosure.plan.settings import settings_path

    sources = [ws.registry_path, settings_path(ws)]  # what load_registry reads (the county)
    hit = cache.load(ws.root, "registry", sources)
    if isinstance(hit, UnitIndex):
        return hit
    units, _ = load_registry(ws)
    cache.store(ws.root, "registry", sources, units)
    return units


Read = dict[Path, tuple[AnnualReport | None, list[Problem]]]


def read_year(ws: Workspace, units: UnitIndex, year: int) -> Read:
    """Every file of ``annual/<year>/`` read (not yet checked), from the cache when unchanged."""
    paths, odd = annual_files(ws, year)
    strays = {p.file: p for p in odd if p.file is not None}
    sources = [ws.registry_path, *paths, *strays]
    hit = cache.load(ws.root, f"annual-{year}", sources)
    if isinstance(hit, dict):
        return hit
    found: Read = {path: load_report(ws, units, path, year) for path in paths}
    found.update({path: (None, [p]) for path, p in strays.items()})  # failing: never counted
    cache.store(ws.root, f"annual-{year}", sources, found)
    return found


def check_year(
    ws: Workspace,
    units: UnitIndex,
    year: int,
    *,
    only: Unit | None = None,
    strict: bool = False,
    register: Register = register_tables,
) -> YearCheck:
    """Read and check every report of ``year`` (or ``only`` that unit's)."""
    fmt = year_format(year)
    read = read_year(ws, units, year)
    paths = list(read)
    if only is not None:
        # Its report as spelled (a lone .yml too); read lists the reports before any stray.
        path = next((p for p in read if p.stem == only.id), annual_path(ws, year, only))
        if path not in read:
            raise GdError.data(
                f"no {year} report for {only.name}; `gd annual new --unit {only.name} "
                f"--year {year}` writes one to fill in",
                path,
            )
        paths = [path]
    before = read_year(ws, units, year - 1) if format_for_year(year - 1) else {}
    counted = register(ws, year)
    files = []
    for path in paths:
        report, problems = read[path]
        last = None
        if report is not None:
            last = before.get(annual_path(ws, year - 1, report.unit), (None, []))[0]
        files.append(checked(path, report, problems, last, strict, counted))
    have = {p.stem for p in read}
    missing = [] if only else [u for u in expected_units(units) if u.id not in have]
    return YearCheck(year, fmt, files, missing)


def checked(
    path: Path,
    report: AnnualReport | None,
    problems: list[Problem],
    last: AnnualReport | None,
    strict: bool,
    tables: Mapping[str, Table3],
) -> FileCheck:
    """A file's report with every check run (X1 against ``last``, the register's table 三)."""
    if report is None:
        return FileCheck(path, None, list(problems))
    counted = tables.get(report.unit.id)
    # The register fills what was not typed; what was typed is compared with it.
    full = filled(report, counted)
    found = check_report(full, last=last, register=counted, strict=strict)
    return FileCheck(path, full, [*problems, *found])


def check_file(
    ws: Workspace,
    units: UnitIndex,
    path: Path,
    year: int,
    *,
    strict: bool = False,
    register: Register = register_tables,
) -> FileCheck:
    """One file read and checked, never from the cache (what ``gd validate`` does)."""
    report, problems = load_report(ws, units, path, year)
    last = last_year(ws, units, report) if report is not None else None
    tables = register(ws, year) if report is not None else {}
    return checked(path, report, problems, last, strict, tables)


def last_year(ws: Workspace, units: UnitIndex, report: AnnualReport) -> AnnualReport | None:
    """The same unit's report of the year before, when it exists and can be read."""
    path = annual_path(ws, report.year - 1, report.unit)
    if format_for_year(report.year - 1) is None or not ws.exists(path):
        return None
    return load_report(ws, units, path, report.year - 1)[0]
