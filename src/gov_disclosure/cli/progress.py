"""`gd progress set` and `gd progress show`: each unit's implementation status."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Any

import typer

from gov_disclosure import api
from gov_disclosure.cli.common import (
    date_option,
    handle_errors,
    plan_converter,
    print_warnings,
)
from gov_disclosure.cli.options import (
    FormatOpt,
    OutputFormat,
    RootOpt,
    ScriptOpt,
    TodayOpt,
    UnitOpt,
    YearOpt,
)
from gov_disclosure.cli.output import DATE, ID, STATE, Column, emit
from gov_disclosure.errors import display_path
from gov_disclosure.models import STATUS_NAMES
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.progress.book import parse_evidence, parse_status
from gov_disclosure.progress.queries import Matrix

app = typer.Typer(help="Record and show each unit's implementation status.", no_args_is_help=True)


# Over 50 lines only through its option declarations, one per parameter.
@app.command("set")
@handle_errors
def set_command(
    task: Annotated[str, typer.Argument(help="Task id (2.4) or milestone id (report).")],
    unit: UnitOpt = None,
    status: Annotated[
        str,
        typer.Option(
            "--status",
            help="not_started 未開始, in_progress 推進中, done 已完成, not_applicable 不適用.",
        ),
    ] = "",
    evidence: Annotated[
        list[str] | None,
        typer.Option(
            "--evidence",
            "-e",
            help="'REF' or 'REF TITLE': a URL, document number or file path, then a title. "
            "Repeatable; added to what the record has.",
        ),
    ] = None,
    clear_evidence: Annotated[
        bool, typer.Option("--clear-evidence", help="Empty the evidence first.")
    ] = False,
    note: Annotated[
        str | None, typer.Option("--note", help="Free text; '' removes the note.")
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="Date of the change (default: today).", show_default=False),
    ] = None,
    today: TodayOpt = None,
    root: RootOpt = None,
    year: YearOpt = None,
) -> None:
    """Record a unit's status on a task; a group (各鄉(鎮、街道)) records it for each member.

    Example:

    \b
      gd progress set 2.4 --unit 县卫健局 --status done --date 2020-09-18 \\
        -e 'https://www.shizong.gov.cn/zwgk 雙隨機公開專欄'
    """
    if unit is None:
        raise typer.BadParameter("a unit is required", param_hint="--unit")
    if not status:
        raise typer.BadParameter("a status is required", param_hint="--status")
    chosen = parse_status(status)
    written = api.set_progress(
        task=task,
        unit=unit,
        status=chosen,
        date=date_option(date, "--date", root, year),
        evidence=[parse_evidence(e) for e in evidence or []],
        note=note,
        clear_evidence=clear_evidence,
        today=date_option(today, "--today", root, year),
        root=root,
        year=year,
    )
    for w in written:
        what = "created" if w.created else ("updated" if w.changed else "unchanged")
        typer.echo(f"{w.unit.name}: {task.strip()} {chosen.label} ({what} {display_path(w.path)})")


RECORD_COLUMNS = [
    Column("單位", nowrap=True),
    ID,
    Column("工作任務", ratio=2),
    STATE,
    DATE,
    Column("佐證材料", ratio=2),
    Column("備註", ratio=2),
]


def record_cells(r: Mapping[str, Any]) -> list[str]:
    evidence = "\n".join(
        f"{e['title']} {e['ref']}" if e["title"] else e["ref"] for e in r["evidence"]
    )
    return [
        r["unit"],
        r["task"],
        r["title"],
        STATUS_NAMES[r["status"]],
        r["date"] or "",
        evidence,
        r["note"] or "",
    ]


@app.command("show")
@handle_errors
def show_command(
    unit: UnitOpt = None,
    task: Annotated[
        str | None, typer.Option("--task", "-t", help="Only this task or milestone.")
    ] = None,
    fmt: FormatOpt = OutputFormat.table,
    script: ScriptOpt = None,
    today: TodayOpt = None,
    root: RootOpt = None,
    year: YearOpt = None,
) -> None:
    """The unit × task matrix of statuses, or one unit's (or task's) records with evidence.

    Example:

    \b
      gd progress show --unit 县卫健局
    """
    view = api.show_progress(
        unit=unit, task=task, today=date_option(today, "--today", root, year), root=root, year=year
    )
    print_warnings(view.warnings)
    conv = plan_converter(view.loaded, script)
    if fmt is not OutputFormat.table:
        emit(fmt, view.records(), RECORD_COLUMNS, record_cells, conv=conv)
    elif view.unit is None and view.task is None:
        print_matrix(view.loaded, view.matrix(), conv)
    else:
        print_records(view, conv)


def print_records(view: api.ProgressView, conv: Callable[[str], str]) -> None:
    """One unit's (or task's) records as a table: the columns the filter leaves informative."""
    target, key = view.unit, view.task
    shown = [
        c
        for c in RECORD_COLUMNS
        if not (c.label == "單位" and target and not target.is_group)
        and not (c.label == "工作任務" and key is not None)
    ]
    indexes = [RECORD_COLUMNS.index(c) for c in shown]
    heading = " ".join(x for x in (target.name if target else "", key or "") if x)
    emit(
        OutputFormat.table,
        view.report_rows(),
        shown,
        lambda r: [record_cells(r)[i] for i in indexes],
        conv=conv,
        title=f"{heading} 落實情況（{view.loaded.year} 年）",
    )


def print_matrix(loaded: LoadedPlan, matrix: Matrix, conv: Callable[[str], str]) -> None:
    """The matrix with its title and legend, in as many blocks as the terminal needs."""
    from gov_disclosure.cli.terminal import print_matrix_tables

    title = conv(f"{loaded.plan.notice.title}：落實情況（{loaded.year} 年）")
    legend = conv(
        "✔ 已完成　◐ 推進中　○ 未開始　－ 不適用　· 未報告　空白：無此任務\n"
        "合計：已完成（含不適用）的任務／應完成的任務；末行：各任務已完成的單位數／應報單位數"
    )
    print_matrix_tables(matrix, conv, title, legend)
