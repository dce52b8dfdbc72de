"""`gd annual new`, `check` and `render`: the annual report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gov_disclosure.api._common import Root, parse_script, render_view_stream
from gov_disclosure.errors import GdError, Problem, errors_among
from gov_disclosure.models import Unit
from gov_disclosure.plan.units import UnitIndex
from gov_disclosure.storage.workspace import Workspace, find_workspace
from gov_disclosure.textnorm import Script

if TYPE_CHECKING:
    from gov_disclosure.annual.collect import FileCheck
    from gov_disclosure.annual.view import AnnualView
    from gov_disclosure.documents.render import DocFormat


def _annual_open(root: Root, year: int | None) -> tuple[Workspace, UnitIndex, int]:
    """The workspace, its registry and the report year (default: the newest plan's)."""
    from gov_disclosure.annual.collect import load_units, year_format

    ws = find_workspace(root)
    report_year = year if year is not None else ws.pick_year(None)
    year_format(report_year)
    return ws, load_units(ws), report_year


def _one_unit(units: UnitIndex, name: str) -> Unit:
    target = units.resolve(name)
    if target.is_group:
        members = "、".join(u.name for u in units.members(target)[:3])
        raise GdError.usage(
            f"{target.name} is a group; each of its units has its own report ({members}…)"
        )
    return target


@dataclass(frozen=True)
class AnnualCheck:
    """A year's annual reports, each checked, and the units that owe one and have none."""

    year: int
    format_id: str
    files: list[FileCheck]
    missing: list[str]

    @property
    def problems(self) -> list[Problem]:
        return sorted((p for f in self.files for p in f.problems), key=Problem.sort_key)

    @property
    def errors(self) -> list[Problem]:
        return errors_among(self.problems)


def annual_check(
    *,
    unit: str | None = None,
    year: int | None = None,
    strict: bool = False,
    root: Root = None,
) -> AnnualCheck:
    """Check every annual report of a year (or one unit's): T3-A, T3-B, T3-C, T4, X1, X3.

    With ``strict`` every cell must be stated.  ``missing`` names the units that
    owe a report and have none (only when no ``unit`` is given).
    """
    from gov_disclosure.annual.collect import check_year

    ws, units, report_year = _annual_open(root, year)
    target = _one_unit(units, unit) if unit is not None else None
    checked = check_year(ws, units, report_year, only=target, strict=strict)
    missing = [u.name for u in checked.missing]
    return AnnualCheck(report_year, checked.format.id, checked.files, missing)


@dataclass(frozen=True)
class AnnualNew:
    """The skeleton written: where, for whom, for which year and format."""

    path: Path
    unit: Unit
    year: int
    format_id: str


def annual_new(*, unit: str, year: int | None = None, root: Root = None) -> AnnualNew:
    """Write ``annual/<year>/<unit-id>.yaml`` with every cell empty; never overwrite one."""
    from gov_disclosure.annual.collect import year_format
    from gov_disclosure.annual.loading import annual_path
    from gov_disclosure.annual.skeleton import skeleton
    from gov_disclosure.storage.fileio import create_new

    ws, units, report_year = _annual_open(root, year)
    target = _one_unit(units, unit)
    fmt = year_format(report_year)
    path = annual_path(ws, report_year, target)
    create_new(path, skeleton(fmt, target, report_year).encode("utf-8"))
    return AnnualNew(path, target, report_year, fmt.id)


@dataclass(frozen=True)
class AnnualDocument:
    """An annual report's view model, in one script, ready to be rendered."""

    view: AnnualView
    workspace: Workspace
    format_id: str
    #: The report's date (落款), also stamped inside a .docx archive.
    date: dt.date
    warnings: list[Problem] = field(default_factory=list)
    #: The script the report is written in (its view is converted already).
    script: Script | None = None

    @property
    def root(self) -> Path:
        """The workspace the report was made from (its files are never written over)."""
        return self.workspace.root

    def render(self, fmt: DocFormat, template: Path | None = None) -> bytes:
        """The report's bytes in ``fmt``; Word uses the template of the report's format."""
        return b"".join(self.stream(fmt, template))

    def stream(self, fmt: DocFormat, template: Path | None = None) -> Iterator[bytes]:
        """:meth:`render` in pieces as they are rendered (see :meth:`Document.stream`)."""
        from gov_disclosure.documents.render import DocFormat

        kind = f"annual-{self.format_id}" if fmt is DocFormat.docx else "annual"
        view = dict(self.view)
        return render_view_stream(kind, fmt, view, self.workspace, self.date, template, self.script)


def annual_render(
    *,
    unit: str | None = None,
    county: bool = False,
    year: int | None = None,
    script: Script | str | None = None,
    root: Root = None,
) -> AnnualDocument:
    """A unit's annual report, or (``county``) the county's compiled from every unit's.

    A unit's report that fails a check is refused (its problems are raised); the
    county's lists the units whose report is missing or fails a check, and
    ``warnings`` names them too.  ``script`` defaults to the workspace's (its registry's).
    """
    from gov_disclosure.annual.document import county_document, unit_document
    from gov_disclosure.textnorm import convert_texts, converter, is_traditional, script_of

    if county == (unit is not None):
        raise GdError.usage("give either --unit NAME or --county")
    ws, units, report_year = _annual_open(root, year)
    if unit is None:
        built = county_document(ws, units, report_year)
    else:
        built = unit_document(ws, units, report_year, _one_unit(units, unit))
    from gov_disclosure.plan.settings import load_settings

    traditional = is_traditional("".join(u.name for u in units.units))
    default = script_of(traditional)
    target_script = parse_script(script) or load_settings(ws).script or default
    view = convert_texts(built.view, converter(target_script, source_is_traditional=False))
    return AnnualDocument(view, ws, built.format.id, built.date, built.warnings, target_script)
