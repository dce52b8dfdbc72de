"""`gd export`: the plan and its progress as a SQLite database or an Excel/WPS workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gov_disclosure import api
from gov_disclosure.cli.common import date_option, handle_errors, print_warnings, stderr_console
from gov_disclosure.cli.documents import DocScriptOpt, ForceOpt
from gov_disclosure.cli.options import RootOpt, YearOpt
from gov_disclosure.errors import display_path
from gov_disclosure.export.tables import ExportFormat

app = typer.Typer()


@app.command("export")
@handle_errors
def export_command(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The file to write: plan.sqlite (or .db) or plan.xlsx; its folder must exist.",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="sqlite (the schema of docs/export.md) or xlsx (default: what -o ends in).",
            show_default=False,
        ),
    ] = None,
    script: DocScriptOpt = None,
    force: ForceOpt = False,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            help="Export the records as they stood on this day (default: the real date).",
            show_default=False,
        ),
    ] = None,
    root: RootOpt = None,
    year: YearOpt = None,
) -> None:
    """Export the plan and its progress for SQL or Excel/WPS: units, tasks, deadlines,
    progress records and the unit × task status matrix.

    Example:

    \b
      gd export --format sqlite -o plan-2020.sqlite
      gd export --format xlsx --script simplified -o 政务公开2020.xlsx
    """
    result = api.export(
        output=output,
        format=fmt.value if fmt else None,
        today=date_option(today, "--today", root, year),
        script=script,
        force=force,
        root=root,
        year=year,
    )
    print_warnings(result.warnings)
    n = result.counts
    stderr_console().print(
        f"wrote {display_path(result.path)}: {n['units']} units, {n['groups']} groups, "
        f"{n['tasks']} tasks, {n['deadlines']} deadlines, {n['records']} progress records",
        markup=False,
    )
