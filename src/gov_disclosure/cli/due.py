"""`gd due`: deadlines that are close or missed, and a calendar of them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Annotated, Any

import typer

from gov_disclosure import api
from gov_disclosure.cli.common import (
    date_option,
    finish,
    handle_errors,
    outcome,
    plan_converter,
    print_warnings,
)
from gov_disclosure.cli.options import (
    AfterOpt,
    BeforeOpt,
    CheckOpt,
    OutputFormat,
    RootOpt,
    ScriptOpt,
    TodayOpt,
    UnitOpt,
    WarnOpt,
    WithinOpt,
    YearOpt,
)
from gov_disclosure.cli.output import DATE, ID, STATE, Column, emit, joined, whose, write_output
from gov_disclosure.dates import parse_days
from gov_disclosure.progress.deadlines import DEFAULT_WARN_DAYS, Flag, due_record, summarize_units

app = typer.Typer()


class DueFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    ics = "ics"


COLUMNS = [
    DATE,
    Column("情況", nowrap=True),
    STATE,
    ID,
    Column("事項", ratio=3),
    Column("尚未完成的單位", ratio=2),
]


# Over 50 lines only through its option declarations, one per parameter.
@app.command("due")
@handle_errors
def due_command(
    before: BeforeOpt = None,
    after: AfterOpt = None,
    within: WithinOpt = None,
    warn: WarnOpt = f"{DEFAULT_WARN_DAYS}d",
    unit: UnitOpt = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also show deadlines already met.")
    ] = False,
    requests: Annotated[
        bool,
        typer.Option(
            "--requests/--no-requests",
            help="Include open requests for information (gd requests due) under their numbers.",
        ),
    ] = True,
    check: CheckOpt = False,
    fmt: Annotated[
        DueFormat, typer.Option("--format", "-f", help="table, json, csv, or ics (a calendar).")
    ] = DueFormat.table,
    script: ScriptOpt = None,
    today: TodayOpt = None,
    root: RootOpt = None,
    year: YearOpt = None,
) -> None:
    """List deadlines with the units that must still act: overdue, soon, upcoming.

    Example:

    \b
      gd due --before 2020-11-30 --unit 县卫健局 --check
    """
    listing = api.due(
        today=date_option(today, "--today", root, year),
        before=date_option(before, "--before", root, year),
        after=date_option(after, "--after", root, year),
        within_days=parse_days(within, "--within") if within else None,
        warn_days=parse_days(warn, "--warn"),
        unit=unit,
        include_done=show_all or fmt is DueFormat.ics,  # a calendar keeps met deadlines
        requests=requests,
        root=root,
        year=year,
    )
    failed = check and listing.overdue > 0
    outcome(failed)
    print_warnings(listing.warnings)
    conv = plan_converter(listing.loaded, script)
    if fmt is DueFormat.ics:
        write_output(listing.calendar(conv))  # CRLF line ends, as RFC 5545 wants
    else:
        print_listing(listing, OutputFormat(fmt.value), conv)
    finish()


def print_listing(listing: api.DueList, fmt: OutputFormat, conv: Callable[[str], str]) -> None:
    items, now = listing.items, listing.today
    who = whose(listing)
    records = [due_record(d) for d in items]
    open_names = [summarize_units(listing.loaded.units, d.open_units) for d in items]
    cells_of = {id(r): names for r, names in zip(records, open_names, strict=True)}

    def cells(r: Mapping[str, Any]) -> list[str]:
        names = cells_of[id(r)]
        return [
            r["date"],
            r["standing"],
            Flag(r["flag"]).label,
            r["task"] or r["request"] or "",
            r["what"] + (f"（{r['phrase']}）" if r["phrase"] else ""),
            joined(names) if names else "—",
        ]

    title = f"{who}時限（截至 {now.isoformat()}）：{len(items)} 項，其中逾期 {listing.overdue} 項"
    empty = f"{who}沒有符合條件的時限（截至 {now.isoformat()}）。"
    emit(
        fmt, records, COLUMNS, cells, conv=conv, title=title, empty=empty, row_style=overdue_in_red
    )


def overdue_in_red(record: Mapping[str, Any]) -> str | None:
    """Overdue rows stand out on a terminal (never in a pipe, nor with NO_COLOR)."""
    return "red" if record["flag"] == Flag.overdue else None
