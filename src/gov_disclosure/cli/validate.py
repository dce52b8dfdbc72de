"""`gd validate`: check the registry, every plan (and later progress files)."""

from __future__ import annotations

from typing import Annotated

import typer

from gov_disclosure.api import validate_workspace
from gov_disclosure.cli import app
from gov_disclosure.cli.common import RootOpt, YearOpt, handle_errors, print_problems
from gov_disclosure.dates import parse_date
from gov_disclosure.errors import ExitCode
from gov_disclosure.storage.workspace import find_workspace


@app.command("validate")
@handle_errors
def validate_command(
    root: RootOpt = None,
    year: YearOpt = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Treat warnings (pinyin left over, encoding damage) as errors."
        ),
    ] = False,
    today: Annotated[
        str | None,
        typer.Option("--today", help="Take this as today's date when checking record dates."),
    ] = None,
) -> None:
    """Check the registry, the plans and the progress records.

    Every problem is printed as FILE:LINE:COL: message.

    Exit 0 when clean, 1 when a file is invalid, 2 for a usage error.
    """
    ws = find_workspace(root)
    report = validate_workspace(ws, year, parse_date(today, "--today") if today else None)
    print_problems(report.problems)
    for line in report.summary:
        typer.echo(line)
    if report.errors or (strict and report.problems):
        typer.echo(f"{report.error_count} error(s), {report.warning_count} warning(s)", err=True)
        raise typer.Exit(int(ExitCode.DATA))
    if report.problems:
        typer.echo(f"ok, with {report.warning_count} warning(s)")
    else:
        typer.echo("ok")
