"""The narrative parts of a report, in the office's own words.

The county's report reads ``report/<year>.yaml``; a unit's own report
(``gd report render --unit X``) reads ``report/<year>/<unit-id>.yaml`` beside it.
Both have the same fields (:class:`gov_disclosure.schema.ReportNarrative`).  A
part that is missing is never filled with a file path: the document shows a
neutral placeholder, and :func:`missing_parts` says what to write where.
"""

from __future__ import annotations

from pathlib import Path

from gov_disclosure import constants as C
from gov_disclosure.errors import GdError, Problem, display_path
from gov_disclosure.models import ReportNarrative, Unit
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.plan.settings import read_checked
from gov_disclosure.storage.workspace import Workspace

#: The parts a report needs in words, with the heading each fills.
REQUIRED_PARTS = (("overview", "一、總體情況"), ("next_steps", "四、下一步工作打算"))
_SUFFIXES = (".yaml", ".yml")


def narrative_path(ws: Workspace, year: int, unit: Unit | None = None) -> Path:
    """The county's narrative (report/2020.yaml), or a unit's (report/2020/health.yaml)."""
    folder = ws.root / C.REPORT_DIR
    return folder / f"{year}.yaml" if unit is None else folder / str(year) / f"{unit.id}.yaml"


def load_narrative(ws: Workspace, year: int, unit: Unit | None = None) -> ReportNarrative | None:
    """The narrative of the county's report (or a unit's), if the office wrote one."""
    path = narrative_path(ws, year, unit)
    return _read(ws, path)[0] if ws.exists(path) else None


def _read(ws: Workspace, path: Path) -> tuple[ReportNarrative, list[Problem]]:
    """A narrative file, validated, and its warnings; raise every error at once."""
    from gov_disclosure import schema

    model, problems = read_checked(
        ws, path, schema.ReportNarrative, "report narrative (overview, problems, next_steps)"
    )
    return model.runtime(), problems


def missing_parts(narrative: ReportNarrative | None, path: Path) -> list[Problem]:
    """A warning for each part the report needs in words and lacks, saying where to write it."""
    problems = []
    for name, heading in REQUIRED_PARTS:
        if narrative is None or not getattr(narrative, name):
            problems.append(
                Problem(
                    f"the report has no {name} ({heading}): it shows a placeholder; "
                    f"write `{name}:` in {display_path(path)}",
                    path,
                    severity="warning",
                )
            )
    return problems


def check_narratives(loaded: LoadedPlan) -> tuple[list[str], list[Problem]]:
    """Validate the county's narrative and every unit's (for ``gd validate``).

    Returns a summary line per kind of file found, and every problem.
    """
    ws, year = loaded.workspace, loaded.year
    lines: list[str] = []
    problems: list[Problem] = []
    county = narrative_path(ws, year)
    if ws.exists(county):
        lines.append(f"{display_path(county)}: report narrative")
        problems += _problems_of(ws, county)
    folder = county.parent / str(year)
    files = [p for p in ws.files(folder) if p.suffix in _SUFFIXES and not p.name.startswith(".")]
    for path in files:
        if path.stem in loaded.units.by_id:
            problems += _problems_of(ws, path)
        else:
            problems.append(
                Problem(
                    f"no unit has the id {path.stem!r}: a unit's narrative is named after "
                    "its id (see `gd units`)",
                    path,
                )
            )
    if files:
        count = f"{len(files)} unit narrative{'s' if len(files) != 1 else ''}"
        lines.append(f"{display_path(folder)}: {count}")
    return lines, problems


def _problems_of(ws: Workspace, path: Path) -> list[Problem]:
    try:
        return _read(ws, path)[1]
    except GdError as exc:
        return exc.problems
