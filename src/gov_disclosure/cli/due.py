"""`gd due`: deadlines that are close or missed, and a calendar of them."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from gov_disclosure.cli import app
from gov_disclosure.cli.common import (
    OutputFormat,
    RootOpt,
    ScriptOpt,
    UnitOpt,
    YearOpt,
    handle_errors,
)
from gov_disclosure.cli.output import Column, emit, joined, write_output
from gov_disclosure.cli.plan import plan_converter
from gov_disclosure.cli.progress import TodayOpt, load_book, today_from
from gov_disclosure.dates import parse_date, parse_days
from gov_disclosure.errors import ExitCode
from gov_disclosure.plan.deadlines import (
    DEFAULT_WARN_DAYS,
    Due,
    Flag,
    all_deadlines,
    days_text,
    select,
    summarize_units,
)
from gov_disclosure.plan.loading import LoadedPlan, load_plan
from gov_disclosure.storage.workspace import find_workspace


class DueFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    ics = "ics"


def due_record(loaded: LoadedPlan, due: Due) -> dict[str, Any]:
    return {
        "date": due.date.isoformat(),
        "task": due.task,
        "milestone": None if due.task else due.key,
        "title": due.title,
        "what": due.what,
        "phrase": due.phrase,
        "units": [u.name for u in due.units],
        "open_units": [u.name for u in due.open_units],
        "days_left": due.days_left,
        "days": days_text(due.days_left),
        "flag": due.flag.value,
    }


@app.command("due")
@handle_errors
def due_command(
    before: Annotated[
        str | None,
        typer.Option("--before", help="Due on or before this date (2020-11-30 or 2020年11月30日)."),
    ] = None,
    after: Annotated[str | None, typer.Option("--after", help="Due on or after this date.")] = None,
    within: Annotated[
        str | None,
        typer.Option(
            "--within", help="Due within this span from today: 30d, 2w, 1m (overdue always shows)."
        ),
    ] = None,
    warn: Annotated[
        str, typer.Option("--warn", help="Flag as 'soon' what is due within this span.")
    ] = f"{DEFAULT_WARN_DAYS}d",
    unit: UnitOpt = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also show deadlines already met.")
    ] = False,
    check: Annotated[
        bool,
        typer.Option("--check", help="Exit 1 when anything shown is overdue (for cron or CI)."),
    ] = False,
    fmt: Annotated[
        DueFormat, typer.Option("--format", "-f", help="table, json, csv, or ics (a calendar).")
    ] = DueFormat.table,
    script: ScriptOpt = None,
    today: TodayOpt = None,
    root: RootOpt = None,
    year: YearOpt = None,
) -> None:
    """List deadlines with the units that must still act: overdue, soon, upcoming."""
    now = today_from(today)
    before_date = parse_date(before, "--before") if before else None
    after_date = parse_date(after, "--after") if after else None
    within_days = parse_days(within, "--within") if within else None
    warn_days = parse_days(warn, "--warn")
    loaded = load_plan(find_workspace(root), year)
    target = loaded.units.resolve(unit) if unit is not None else None
    book = load_book(loaded, now)
    items = select(
        all_deadlines(loaded, book, now, warn_days, target),
        today=now,
        before=before_date,
        after=after_date,
        within_days=within_days,
        include_done=show_all,
    )
    conv = plan_converter(loaded, script)
    if fmt is DueFormat.ics:
        from gov_disclosure.documents.ics import to_ics

        name = conv(
            f"{target.name if target else loaded.plan.notice.issuer} 政務公開時限（{loaded.year}）"
        )
        converted = [_converted(d, conv) for d in items]
        write_output(to_ics(loaded, converted, now, name))  # CRLF line ends, as RFC 5545 wants
    else:
        columns = [
            Column("日期", nowrap=True),
            Column("剩餘", nowrap=True),
            Column("狀態", nowrap=True),
            Column("編號", nowrap=True),
            Column("事項", ratio=3),
            Column("尚未完成的單位", ratio=2),
        ]

        def cells(r: dict[str, Any]) -> list[str]:
            open_names = summaries[id(r)]
            return [
                r["date"],
                r["days"],
                Flag(r["flag"]).label,
                r["task"] or "",
                r["what"] + (f"（{r['phrase']}）" if r["phrase"] else ""),
                joined(open_names) if open_names else "—",
            ]

        records = [due_record(loaded, d) for d in items]
        summaries = {
            id(r): summarize_units(loaded.units, d.open_units)
            for r, d in zip(records, items, strict=True)
        }
        overdue = sum(1 for d in items if d.flag is Flag.overdue)
        who = f"{target.name} " if target else ""
        title = f"{who}時限（截至 {now.isoformat()}）：{len(items)} 項，其中逾期 {overdue} 項"
        if fmt is DueFormat.table and not items:
            typer.echo(conv(f"{who}沒有符合條件的時限（截至 {now.isoformat()}）。"))
        else:
            emit(OutputFormat(fmt.value), records, columns, cells, conv=conv, title=title)
    if check and any(d.flag is Flag.overdue for d in items):
        raise typer.Exit(int(ExitCode.DATA))


def _converted(due: Due, conv: Any) -> Due:
    from dataclasses import replace

    return replace(
        due,
        title=conv(due.title),
        what=conv(due.what),
        phrase=conv(due.phrase) if due.phrase else None,
    )
