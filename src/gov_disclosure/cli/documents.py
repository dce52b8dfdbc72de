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
from gov_disclosure.errors import ExitCode, GdError, display_path
from gov_disclosure.textnorm import Script

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
ForceOpt = Annotated[
    bool,
    typer.Option("--force", help="Replace an existing -o file that gd did not write."),
]
TemplateOpt = Annotated[
    Path | None,
    typer.Option("--template", help="Use this template file for this run.", show_default=False),
]
DocScriptOpt = Annotated[
    Script | None,
    typer.Option(
        "--script",
        help="Write the document in simplified or traditional characters (default: the "
        "script plan/workspace.yaml sets, else the plan's own).",
        show_default=False,
    ),
]


def write_document(
    document: api.Document | api.AnnualDocument,
    fmt: DocFormat,
    output: Path | None,
    template: Path | None,
    quiet: bool = False,
    force: bool = False,
) -> None:
    """Render and write a document: to standard output, or to ``-o FILE`` — never over a
    workspace file, and over an existing file only when gd wrote it or with ``--force``."""
    if fmt is DocFormat.docx and output is None:
        raise GdError.usage("--format docx writes a file: give it with -o FILE.docx")
    if output is not None:
        from gov_disclosure.storage.outputs import check_target

        check_target(output, document.root, force)  # before rendering: refuse at once
    # To a file the document goes as it is rendered (a large report is never all in memory);
    # standard output gets it whole (write_output gathers the pieces).
    write_output(document.stream(fmt, template), output, quiet=quiet, root=document.root)


@checklist_app.command("render")
@handle_errors
def checklist_render(
    unit: UnitOpt = None,
    all_units: Annotated[
        bool, typer.Option("--all", help="One file per unit into the folder -o DIR.")
    ] = False,
    fmt: FormatDocOpt = DocFormat.md,
    output: OutputOpt = None,
    script: DocScriptOpt = None,
    template: TemplateOpt = None,
    force: ForceOpt = False,
    rev: RevOpt = None,
    today: TodayOpt = None,
    root: RootOpt = None,
    year: YearOpt = None,
) -> None:
    """A unit's checklist: its tasks and roles, each requirement a checkbox, its deadlines.

    Example:

    \b
      gd checklist render --unit 县卫健局 --format docx -o checklist.docx
      gd checklist render --all --format html --script simplified -o checklists/
    """
    if all_units == (unit is not None):
        raise typer.BadParameter("give either --unit NAME or --all", param_hint="--unit/--all")
    day = date_option(today, "--today", root, year)
    if unit is not None:
        document = api.checklist(unit=unit, today=day, rev=rev, script=script, root=root, year=year)
        print_warnings(document.warnings)
        write_document(document, fmt, output, template, force=force)
        return
    if output is None:
        raise GdError.usage("--all writes one file per unit: give the folder with -o DIR")
    if output.exists() and not output.is_dir():
        raise GdError.usage(f"--all writes one file per unit into a folder: {output} is a file")
    documents = api.checklists(today=day, rev=rev, script=script, root=root, year=year)
    if documents:
        print_warnings(documents[0][1].warnings)
    from rich.progress import Progress

    with Progress(console=stderr_console(), transient=True) as bar:
        job = bar.add_task("checklists", total=len(documents))
        for target, document in documents:
            path = output / f"{target.id}{fmt.suffix}"
            write_document(document, fmt, path, template, quiet=True, force=force)
            bar.advance(job)
    stderr_console().print(
        f"wrote {len(documents)} checklists to {display_path(output)}", markup=False
    )


@report_app.command("render")
@handle_errors
def report_render(
    fmt: FormatDocOpt = DocFormat.md,
    output: OutputOpt = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="The report as of this date (default: today).")
    ] = None,
    unit: UnitOpt = None,
    script: DocScriptOpt = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Exit 1, writing nothing, when there are warnings (a part of the narrative "
            "missing, pinyin left over in a file).",
        ),
    ] = False,
    template: TemplateOpt = None,
    force: ForceOpt = False,
    rev: RevOpt = None,
    root: RootOpt = None,
    year: YearOpt = None,
) -> None:
    """The implementation report: 總體情況, 各項任務落實情況, 存在的問題, 下一步工作打算.

    Its words come from report/<year>.yaml (a unit's own report: from
    report/<year>/<unit-id>.yaml); a part missing there shows as a placeholder,
    and a warning says where to write it. In a git repository it ends with the
    revision it was rendered from, and lists the plan's adjustments since it was
    first committed (附件：方案調整情況).

    Example:

    \b
      gd report render --as-of 2020-11-30 --format docx --script simplified -o report.docx
      gd report render --unit 县卫健局 --strict
    """
    document = api.report(
        as_of=date_option(as_of, "--as-of", root, year),
        unit=unit,
        rev=rev,
        script=script,
        root=root,
        year=year,
    )
    print_warnings(document.warnings)
    if strict and document.warnings:
        count = len(document.warnings)
        stderr_console().print(f"--strict: {count} warning(s); nothing written", markup=False)
        raise typer.Exit(int(ExitCode.DATA))
    write_document(document, fmt, output, template, force=force)
