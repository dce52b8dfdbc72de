"""`gd annual new|check|render`: the statutory 政府信息公开工作年度报告."""

from __future__ import annotations

from typing import Annotated

import typer

from gov_disclosure import api
from gov_disclosure.cli.common import finish, handle_errors, outcome, print_problems, print_warnings
from gov_disclosure.cli.documents import ForceOpt, FormatDocOpt, TemplateOpt, write_document
from gov_disclosure.cli.options import OutputOpt, RootOpt, ScriptOpt, UnitOpt
from gov_disclosure.documents.render import DocFormat
from gov_disclosure.errors import display_path

app = typer.Typer(
    help="The annual report (政府信息公开工作年度报告) in the national format.",
    no_args_is_help=True,
)

ReportYearOpt = Annotated[
    int | None,
    typer.Option(
        "--year", help="Report year (default: the newest plan's year).", show_default=False
    ),
]


@app.command("new")
@handle_errors
def new_command(
    unit: Annotated[
        str, typer.Option("--unit", "-u", help="The unit the report is for, typed any way.")
    ],
    year: ReportYearOpt = None,
    root: RootOpt = None,
) -> None:
    """Write a unit's empty report for the year, every cell of its format empty.

    The headings' prompts are comments in the file; an existing file is never
    overwritten. Prints the path it wrote.

    Example:

    \b
      gd annual new --unit 县卫健局 --year 2020
    """
    made = api.annual_new(unit=unit, year=year, root=root)
    typer.echo(display_path(made.path))


@app.command("check")
@handle_errors
def check_command(
    unit: UnitOpt = None,
    year: ReportYearOpt = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Demand every cell (0 where there were none).")
    ] = False,
    root: RootOpt = None,
) -> None:
    """Check the arithmetic of every table, and the figures the text quotes.

    T3-A 一+二 = 三（七）总计+四 per column, T3-B 三（七）总计 = the result rows,
    T3-C 总计 = the six applicant columns, T4 each block's 总计, X1 二 = last year's
    四, X3 a figure in the text that contradicts the tables. Each problem is printed
    at the line of the offending cell with both sides' values; exit 1 when any is
    found. Units that owe a report and have none are listed.

    Example:

    \b
      gd annual check --year 2020
      gd annual check --unit 县卫健局 --strict
    """
    checked = api.annual_check(unit=unit, year=year, strict=strict, root=root)
    outcome(bool(checked.errors))
    print_problems(checked.problems)
    for f in checked.files:
        errors = sum(1 for p in f.problems if p.severity == "error")
        who = f"{f.report.unit.name} " if f.report is not None else ""
        state = "ok" if not errors else f"{errors} error(s)"
        typer.echo(f"{display_path(f.path)}: {who}{state}")
    typer.echo(
        f"{checked.year} ({checked.format_id}): {len(checked.files)} report(s), "
        f"{len(checked.errors)} error(s)"
    )
    if checked.missing:
        typer.echo(f"no report yet ({len(checked.missing)}): {'、'.join(checked.missing)}")
    finish()


@app.command("render")
@handle_errors
def render_command(
    unit: UnitOpt = None,
    county: Annotated[
        bool, typer.Option("--county", help="The county's report, compiled from every unit's.")
    ] = False,
    year: ReportYearOpt = None,
    fmt: FormatDocOpt = DocFormat.md,
    output: OutputOpt = None,
    script: ScriptOpt = None,
    template: TemplateOpt = None,
    force: ForceOpt = False,
    root: RootOpt = None,
) -> None:
    """The report in the official structure, with the format's exact labels and merged cells.

    A unit's report must pass `gd annual check`; the county's sums every unit's
    tables cell by cell and names the units whose report is missing or fails a check.

    Example:

    \b
      gd annual render --unit 县卫健局 --year 2020 --format docx -o 卫健局年报.docx
      gd annual render --county --year 2020 --format html -o 2020年报.html
    """
    if county == (unit is not None):
        raise typer.BadParameter("give either --unit NAME or --county", param_hint="--unit")
    document = api.annual_render(unit=unit, county=county, year=year, script=script, root=root)
    print_warnings(document.warnings)
    write_document(document, fmt, output, template, force=force)
