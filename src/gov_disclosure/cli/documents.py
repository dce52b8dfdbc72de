"""`gd checklist render` and `gd report render`: documents for people, from templates."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gov_disclosure import api
from gov_disclosure.cli.common import date_option, handle_errors, print_warnings, stderr_console
from gov_disclosure.cli.options import OutputOpt, RootOpt, TodayOpt, UnitOpt, YearOpt
from gov_disclosure.cli.output import write_output
from gov_disclosure.documents.render import DocFormat
from gov_disclosure.errors import GdError, display_path

checklist_app = typer.Typer(help="Each unit's checklist of what it must do.", no_args_is_help=True)
report_app = typer.Typer(
    help="The year-end implementation report (落實情況報告).", no_args_is_help=True
)

FormatDocOpt = Annotated[DocFormat, typer.Option("--format", "-f", help="md, html or docx.")]
RevOpt = Annotated[
    str | None,
    typer.Option(
        "--rev", help="Render from the data as it was at this git revision.", show_default=False
    ),
]
TemplateOpt = Annotated[
    Path | None,
    typer.Option("--template", help="Use this template file for this run.", show_default=False),
]


def write_document(
    document: api.Document | api.AnnualDocument,
    fmt: DocFormat,
    output: Path | None,
    template: Path | None,
) -> None:
    if fmt is DocFormat.docx and output is None:
        raise GdError.usage("--format docx writes a file: give it with -o FILE.docx")
    write_output(document.render(fmt, template), output)


@checklist_app.command("render")
@handle_errors
def checklist_render(
    unit: UnitOpt = None,
    all_units: Annotated[
        bool, typer.Option("--all", help="One file per unit into the folder -o DIR.")
    ] = False,
    fmt: FormatDocOpt = DocFormat.md,
    output: OutputOpt = None,
    template: TemplateOpt = None,
    rev: RevOpt = None,
    today: TodayOpt = None,
    root: RootOpt = None,
    year: YearOpt = None,
) -> None:
    """A unit's checklist: its tasks and roles, each requirement a checkbox, its deadlines.

    Example:

    \b
      gd checklist render --unit 县卫健局 --format docx -o checklist.docx
      gd checklist render --all --format html -o checklists/
    """
    if all_units == (unit is not None):
        raise typer.BadParameter("give either --unit NAME or --all", param_hint="--unit/--all")
    day = date_option(today, "--today")
    if unit is not None:
        document = api.checklist(unit=unit, today=day, rev=rev, root=root, year=year)
        print_warnings(document.warnings)
        write_document(document, fmt, output, template)
        return
    if output is None:
        raise GdError.usage("--all writes one file per unit: give the folder with -o DIR")
    documents = api.checklists(today=day, rev=rev, root=root, year=year)
    if documents:
        print_warnings(documents[0][1].warnings)
    from rich.progress import Progress

    with Progress(console=stderr_console(), transient=True) as bar:
        job = bar.add_task("checklists", total=len(documents))
        for target, document in documents:
            write_document(document, fmt, output / f"{target.id}{fmt.suffix}", template)
            bar.advance(job)
    typer.echo(f"{len(documents)} checklists written to {display_path(output)}")


@report_app.command("render")
@handle_errors
def report_render(
    fmt: FormatDocOpt = DocFormat.md,
    output: OutputOpt = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="The report as of this date (default: today).")
    ] = None,
    unit: UnitOpt = None,
    template: TemplateOpt = None,
    rev: RevOpt = None,
    root: RootOpt = None,
    year: YearOpt = None,
) -> None:
    """The implementation report: 總體情況, 各項任務落實情況, 存在的問題, 下一步工作打算.

    In a git repository it states the revision it was rendered from and lists the
    plan's adjustments since it was first committed (方案調整情況).

    Example:

    \b
      gd report render --as-of 2020-11-30 --format html -o report.html
    """
    document = api.report(
        as_of=date_option(as_of, "--as-of"), unit=unit, rev=rev, root=root, year=year
    )
    print_warnings(document.warnings)
    write_document(document, fmt, output, template)
