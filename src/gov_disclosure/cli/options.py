"""The options commands share, declared once: --root, --year, --unit, --format, --script …"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from gov_disclosure import constants as C
from gov_disclosure.textnorm import Script

if TYPE_CHECKING:
    from gov_disclosure.models import Unit


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


RootOpt = Annotated[
    Path | None,
    typer.Option(
        "--root",
        help=f"Workspace folder (default: the nearest folder upward with plan/; or ${C.ROOT_ENV}).",
        show_default=False,
    ),
]
YearOpt = Annotated[
    int | None,
    typer.Option("--year", help="Plan year (default: the newest plan).", show_default=False),
]
FormatOpt = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="Output format: table, json or csv.")
]
ScriptOpt = Annotated[
    Script | None,
    typer.Option(
        "--script",
        help="Print in simplified or traditional characters (default: the plan's own script).",
        show_default=False,
    ),
]


def complete_unit(incomplete: str) -> list[str]:
    """Shell completion for --unit: the registry's names that start as typed, in either script
    (縣, 縣衛 or 县卫 → 縣衛健局), with or without the county's name (衛健 → 縣衛健局)."""
    try:
        from gov_disclosure.index.plans import open_plan
        from gov_disclosure.storage.workspace import find_workspace

        return unit_completions(open_plan(find_workspace()).header.units.units, incomplete)
    except Exception:  # completion must never break the shell
        return []


def unit_completions(units: Sequence[Unit], incomplete: str) -> list[str]:
    """The registry's names of the units whose spellings start as typed (folded)."""
    from gov_disclosure.plan.units import canonical
    from gov_disclosure.textnorm import fold

    keys = {fold(incomplete), canonical(incomplete)} if incomplete else {""}
    return [
        u.name
        for u in units
        if any(f(n).startswith(k) for n in u.spellings() for k in keys for f in (fold, canonical))
    ]


UnitOpt = Annotated[
    str | None,
    typer.Option(
        "--unit",
        "-u",
        help="A unit's name, typed any way: 縣衛健局, 县卫健局, 縣衛生健康局, 衛健局.",
        autocompletion=complete_unit,
        show_default=False,
    ),
]
TodayOpt = Annotated[
    str | None,
    typer.Option(
        "--today", help="Take this as today's date (default: the real date).", show_default=False
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (default: standard output)."),
]
BeforeOpt = Annotated[
    str | None,
    typer.Option("--before", help="Due on or before this date (2020-11-30 or 2020年11月30日)."),
]
AfterOpt = Annotated[str | None, typer.Option("--after", help="Due on or after this date.")]
WithinOpt = Annotated[
    str | None,
    typer.Option(
        "--within", help="Due within this span from today: 30d, 2w, 1m (overdue always shows)."
    ),
]
WarnOpt = Annotated[
    str, typer.Option("--warn", help="Flag as 'soon' what is due within this span.")
]
CheckOpt = Annotated[
    bool, typer.Option("--check", help="Exit 1 when anything shown is overdue (for cron or CI).")
]
