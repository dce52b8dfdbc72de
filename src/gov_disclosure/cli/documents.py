"""`gd checklist render` and `gd report render`: documents for people, from templates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from gov_disclosure.cli import app
from gov_disclosure.cli.common import RootOpt, UnitOpt, YearOpt, handle_errors, stderr_console
from gov_disclosure.cli.output import write_output
from gov_disclosure.cli.progress import TodayOpt, load_book, today_from
from gov_disclosure.dates import parse_date
from gov_disclosure.documents.narrative import load_narrative
from gov_disclosure.documents.render import DocFormat
from gov_disclosure.errors import GdError, display_path
from gov_disclosure.models import Unit
from gov_disclosure.plan.loading import LoadedPlan, load_plan
from gov_disclosure.storage.workspace import Workspace, find_workspace

checklist_app = typer.Typer(help="Each unit's checklist of what it must do.", no_args_is_help=True)
report_app = typer.Typer(
    help="The year-end implementation report (落實情況報告).", no_args_is_help=True
)
app.add_typer(checklist_app, name="checklist")
app.add_typer(report_app, name="report")

FormatDocOpt = Annotated[DocFormat, typer.Option("--format", "-f", help="md, html or docx.")]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (default: standard output)."),
]
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
    kind: str,
    view: dict,  # type: ignore[type-arg]
    loaded: LoadedPlan,
    fmt: DocFormat,
    output: Path | None,
    template: Path | None,
    stamp: dt.date,
) -> None:
    from gov_disclosure.documents.render import find_template, render_docx, render_text

    path = find_template(kind, fmt, loaded.workspace, template)
    if fmt is DocFormat.docx:
        if output is None:
            raise GdError.usage("--format docx writes a file: give it with -o FILE.docx")
        data = render_docx(path, view, loaded.workspace, stamp)
    else:
        data = render_text(path, view, loaded.workspace, fmt).encode("utf-8")
    write_output(data, output)


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
    """A unit's checklist: its tasks and roles, each requirement a checkbox, its deadlines."""
    if all_units == (unit is not None):
        raise typer.BadParameter("give either --unit NAME or --all", param_hint="--unit/--all")
    from gov_disclosure.documents import views
    from gov_disclosure.history.log import revision

    now = today_from(today)
    ws = workspace_at(root, rev)
    loaded = load_plan(ws, year)
    book = load_book(loaded, now)
    stamp = revision(ws)
    if unit is not None:
        target = loaded.units.resolve(unit)
        view = views.checklist(loaded, book, target, now, stamp)
        write_document("checklist", view, loaded, fmt, output, template, now)
        return
    if output is None:
        raise GdError.usage("--all writes one file per unit: give the folder with -o DIR")
    units = [u for u in loaded.units.units if not u.is_group and _has_tasks(loaded, u)]
    from rich.progress import Progress

    with Progress(console=stderr_console(), transient=True) as bar:
        job = bar.add_task("checklists", total=len(units))
        for target in units:
            path = output / f"{target.id}{fmt.suffix}"
            view = views.checklist(loaded, book, target, now, stamp)
            write_document("checklist", view, loaded, fmt, path, template, now)
            bar.advance(job)
    typer.echo(f"{len(units)} checklists written to {display_path(output)}")


def workspace_at(root: Path | None, rev: str | None) -> Workspace:
    ws = find_workspace(root)
    return ws.at(rev) if rev else ws


def _has_tasks(loaded: LoadedPlan, unit: Unit) -> bool:
    return any(unit.id in assigned for assigned in loaded.assignments.values())


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
    """
    from gov_disclosure.documents import views
    from gov_disclosure.history.log import adjustments, revision

    day = parse_date(as_of, "--as-of") if as_of else today_from(None)
    ws = workspace_at(root, rev)
    loaded = load_plan(ws, year)
    target = loaded.units.resolve(unit) if unit is not None else None
    book = load_book(loaded, day)
    narrative = load_narrative(ws, loaded.year) if target is None else None
    changes = adjustments(ws, loaded.year)
    view = views.report(loaded, book, day, narrative, target, revision(ws), changes)
    write_document("report", view, loaded, fmt, output, template, day)
