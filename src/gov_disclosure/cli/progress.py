"""`gd progress set` and `gd progress show`: each unit's implementation status."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer

from gov_disclosure.cli import app
from gov_disclosure.cli.common import (
    FormatOpt,
    OutputFormat,
    RootOpt,
    ScriptOpt,
    UnitOpt,
    YearOpt,
    handle_errors,
    print_problems,
    stdout_console,
)
from gov_disclosure.cli.output import Column, emit
from gov_disclosure.cli.plan import plan_converter
from gov_disclosure.dates import parse_date
from gov_disclosure.errors import GdError, display_path
from gov_disclosure.models import STATUS_NAMES, UNREPORTED
from gov_disclosure.plan.assignments import units_for_key
from gov_disclosure.plan.loading import LoadedPlan, load_plan
from gov_disclosure.progress import queries
from gov_disclosure.progress.book import ProgressBook, load_progress, parse_evidence, parse_status
from gov_disclosure.storage.workspace import find_workspace

progress_app = typer.Typer(
    help="Record and show each unit's implementation status.", no_args_is_help=True
)
app.add_typer(progress_app, name="progress")

LABELS = STATUS_NAMES
SYMBOLS = {
    "done": "✔",
    "in_progress": "◐",
    "not_started": "○",
    "not_applicable": "－",
    UNREPORTED: "·",
}
STYLES = {
    "done": "green",
    "in_progress": "yellow",
    "not_started": "red",
    "not_applicable": "dim",
    UNREPORTED: "red dim",
}

TodayOpt = Annotated[
    str | None,
    typer.Option(
        "--today", help="Take this as today's date (default: the real date).", show_default=False
    ),
]


def today_from(text: str | None) -> dt.date:
    return parse_date(text, "--today") if text else dt.date.today()


def load_book(loaded: LoadedPlan, today: dt.date) -> ProgressBook:
    """The year's progress as it stood on ``today``; a file that is wrong is an error (exit 1)."""
    book, problems = load_progress(loaded)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise GdError.of(errors)
    print_problems(problems)
    return book.as_of(today)


@progress_app.command("set")
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
    """Record a unit's status on a task; a group (各鄉(鎮、街道)) records it for each member."""
    if unit is None:
        raise typer.BadParameter("a unit is required", param_hint="--unit")
    if not status:
        raise typer.BadParameter("a status is required", param_hint="--status")
    from gov_disclosure.progress.store import Change, set_progress

    now = today_from(today)
    change = Change(
        key=task.strip(),
        status=parse_status(status),
        date=parse_date(date, "--date") if date else now,
        evidence=tuple(parse_evidence(e) for e in evidence or []),
        note=note,
        clear_evidence=clear_evidence,
    )
    loaded = load_plan(find_workspace(root), year)
    target = loaded.units.resolve(unit)
    written = set_progress(loaded, target, change, now)
    for w in written:
        what = "created" if w.created else ("updated" if w.changed else "unchanged")
        typer.echo(
            f"{w.unit.name}: {change.key} {change.status.label} ({what} {display_path(w.path)})"
        )


@progress_app.command("show")
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
    """The unit × task matrix of statuses, or one unit's (or task's) records with evidence."""
    loaded = load_plan(find_workspace(root), year)
    target = loaded.units.resolve(unit) if unit is not None else None
    if task is not None and units_for_key(loaded, task.strip()) is None:
        raise GdError.usage(f"no task or milestone {task!r} in the {loaded.year} plan")
    key = task.strip() if task else None
    book = load_book(loaded, today_from(today))
    conv = plan_converter(loaded, script)
    if fmt is not OutputFormat.table:
        emit(
            fmt,
            queries.progress_records(loaded, book, target, key),
            RECORD_COLUMNS,
            record_cells,
            conv=conv,
        )
        return
    if target is None and key is None:
        print_matrix(loaded, queries.progress_matrix(loaded, book), conv)
        return
    rows = queries.progress_report(loaded, book, target, key)
    shown = [
        i
        for i, c in enumerate(RECORD_COLUMNS)
        if not (c.label == "單位" and target and not target.is_group)
    ]
    if key is not None:
        shown = [i for i in shown if RECORD_COLUMNS[i].label != "工作任務"]
    heading = " ".join(x for x in (target.name if target else "", key or "") if x)
    emit(
        fmt,
        rows,
        [RECORD_COLUMNS[i] for i in shown],
        lambda r: [record_cells(r)[i] for i in shown],
        conv=conv,
        title=f"{heading} 落實情況（{loaded.year} 年）",
    )


RECORD_COLUMNS = [
    Column("單位", nowrap=True),
    Column("編號", nowrap=True),
    Column("工作任務", ratio=2),
    Column("狀態", nowrap=True),
    Column("日期", nowrap=True),
    Column("佐證材料", ratio=2),
    Column("備註", ratio=2),
]


def record_cells(r: dict[str, Any]) -> list[str]:
    evidence = "\n".join(
        f"{e['title']} {e['ref']}" if e["title"] else e["ref"] for e in r["evidence"]
    )
    return [
        r["unit"],
        r["task"],
        r["title"],
        LABELS[r["status"]],
        r["date"] or "",
        evidence,
        r["note"] or "",
    ]


def print_matrix(loaded: LoadedPlan, matrix: dict[str, Any], conv: Any) -> None:
    from rich import box
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    keys = matrix["keys"]
    table = Table(
        title=conv(f"{loaded.plan.notice.title}：落實情況（{loaded.year} 年）"),
        caption=conv(
            "✔ 已完成　◐ 推進中　○ 未開始　－ 不適用　· 未報告　空白：無此任務\n"
            "合計：已完成（含不適用）／應報；末行：各任務已完成的單位數／應報單位數"
        ),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        caption_justify="left",
        show_footer=True,
        collapse_padding=True,
        pad_edge=False,
    )
    table.add_column(conv("單位"), footer=conv("合計"), no_wrap=True)
    for k in keys:
        total = matrix["totals"][k]
        table.add_column(
            k, justify="center", no_wrap=True, footer=f"{total['closed']}\n/{total['assigned']}"
        )
    done = sum(r["closed"] for r in matrix["rows"])
    due = sum(r["assigned"] for r in matrix["rows"])
    table.add_column(conv("合計"), justify="right", no_wrap=True, footer=f"{done}\n/{due}")
    for row in matrix["rows"]:
        cells = [Text(conv(row["unit"]))]
        for k in keys:
            value = row["cells"][k]
            cells.append(Text(SYMBOLS[value], style=STYLES[value]) if value else Text(""))
        cells.append(Text(f"{row['closed']}/{row['assigned']}"))
        table.add_row(*cells)
    console = stdout_console()
    name_width = max([cell_len(conv(r["unit"])) for r in matrix["rows"]] + [4])
    needed = name_width + sum(max(len(k), 3) + 2 for k in keys) + 8
    if needed > console.width:  # never cut a cell: let the table be as wide as it must
        console.width = needed
    console.print(table)
