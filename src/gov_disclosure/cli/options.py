"""The options commands share, declared once: --root, --year, --unit, --format, --script …"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from gov_disclosure import constants as C
from gov_disclosure.textnorm import Script


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
    """Shell completion for --unit: the registry's unit names."""
    try:
        from gov_disclosure.plan.loading import load_registry
        from gov_disclosure.plan.units import canonical
        from gov_disclosure.storage.workspace import find_workspace

        index, _ = load_registry(find_workspace())
        key = canonical(incomplete) if incomplete else ""
        return [u.name for u in index.units if not key or key in canonical(u.name)]
    except Exception:  # completion must never break the shell
        return []


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
