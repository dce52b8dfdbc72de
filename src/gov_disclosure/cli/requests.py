"""`gd requests add|event|list|show|due`: the register of requests for information (依申請公開)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Annotated, Any

import typer

from gov_disclosure import api
from gov_disclosure import constants as C
from gov_disclosure.cli.common import (
    date_option,
    finish,
    handle_errors,
    outcome,
    plan_converter,
    print_problems,
    print_warnings,
    stderr_console,
)
from gov_disclosure.cli.options import (
    AfterOpt,
    BeforeOpt,
    CheckOpt,
    FormatOpt,
    OutputFormat,
    RootOpt,
    ScriptOpt,
    TodayOpt,
    UnitOpt,
    WarnOpt,
    WithinOpt,
)
from gov_disclosure.cli.output import DATE, ID, STATE, Column, emit, print_json, whose
from gov_disclosure.dates import parse_date, parse_days

app = typer.Typer(
    help="The register of requests for government information (依申請公開) and their deadlines.",
    no_args_is_help=True,
)


def _say(lines: list[str]) -> None:
    console = stderr_console()
    for line in lines:
        console.print(line, markup=False)


def _required(value: str | None, option: str) -> str:
    if value is None or not value.strip():
        raise typer.BadParameter("required", param_hint=option)
    return value


def _required_date(value: str | None, option: str) -> dt.date:
    return parse_date(_required(value, option), option)


# Over 50 lines only through its option declarations, one per parameter.
@app.command("add")
@handle_errors
def add_command(
    unit: UnitOpt = None,
    channel: Annotated[
        str | None,
        typer.Option(
            "--channel",
            help="in_person 當面, post_signed 郵寄（簽收）, post_plain 平常信函, "
            "online 網絡/電子郵件, fax 傳真, oral 口頭.",
        ),
    ] = None,
    received: Annotated[
        str | None,
        typer.Option(
            "--received", help="The day it was submitted, signed for, arrived or taken down."
        ),
    ] = None,
    confirmed: Annotated[
        str | None,
        typer.Option(
            "--confirmed",
            help="post_plain, online, fax: the day receipt was confirmed (the receipt day).",
        ),
    ] = None,
    applicant_type: Annotated[
        str | None,
        typer.Option(
            "--applicant-type",
            help="natural 自然人, biz 商業企業, research 科研機構, ngo 社會公益組織, "
            "legal 法律服務機構, other_org 其他.",
        ),
    ] = None,
    subject: Annotated[
        str | None, typer.Option("--subject", help="What was asked for (never who asked).")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note for the register.")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Applicant's name (private).")] = None,
    phone: Annotated[
        str | None, typer.Option("--phone", help="Applicant's phone (private).")
    ] = None,
    id_number: Annotated[
        str | None, typer.Option("--id-number", help="Applicant's ID number (private).")
    ] = None,
    address: Annotated[
        str | None, typer.Option("--address", help="Applicant's address (private).")
    ] = None,
    today: TodayOpt = None,
    root: RootOpt = None,
) -> None:
    """Record a request; print its number alone (messages go to standard error).

    The applicant's name, phone, ID number and address go only to
    requests/private/, which git ignores (gd adds it to .gitignore and checks).

    Example:

    \b
      gd requests add --unit 县卫健局 --channel post_signed --received 2020-09-25 \\
        --applicant-type natural --subject '某衛生院基本藥物採購目錄' --name 張三
    """
    written = api.add_request(
        unit=_required(unit, "--unit"),
        channel=_required(channel, "--channel"),
        received=_required_date(received, "--received"),
        confirmed=date_option(confirmed, "--confirmed"),
        applicant_type=_required(applicant_type, "--applicant-type"),
        subject=_required(subject, "--subject"),
        note=note,
        name=name,
        phone=phone,
        id_number=id_number,
        address=address,
        today=date_option(today, "--today"),
        root=root,
    )
    _say(written.messages)
    if written.deadline:
        from gov_disclosure.requests.model import BASE_DAYS

        days = f"收到申請之日起{BASE_DAYS}個工作日"
        _say([f"{written.number}: 答復期限 {written.deadline}（{days}）"])
    print_problems(written.warnings)
    typer.echo(written.number)


# Over 50 lines only through its option declarations, one per parameter.
@app.command("event")
@handle_errors
def event_command(
    number: Annotated[str, typer.Argument(help="The request's number (health-2020-001).")],
    kind: Annotated[
        str,
        typer.Argument(
            help="correction_requested 補正, corrected 收到補正, consult_sent 征求意見, "
            "consult_replied 收到意見, extended 延期, fee_notice 收費, fee_paid 繳費, "
            "withdrawn 撤回, answered 答復."
        ),
    ],
    date: Annotated[str | None, typer.Option("--date", help="The day it happened.")] = None,
    outcome: Annotated[
        str | None,
        typer.Option("--outcome", help="answered/withdrawn: the table-三 row (r3_1_open …)."),
    ] = None,
    days: Annotated[
        int | None,
        typer.Option(
            "--days",
            help="extended: working days added (≤ 20; default 20); "
            "correction_requested: the applicant's period.",
            min=1,
        ),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note on the event.")] = None,
    approved_by: Annotated[
        str | None, typer.Option("--approved-by", help="extended: who approved it.")
    ] = None,
    approved_on: Annotated[
        str | None, typer.Option("--approved-on", help="extended: the day it was approved.")
    ] = None,
    delivered: Annotated[
        str | None,
        typer.Option("--delivered", help="consult_sent: the day the 征求意見書 arrived."),
    ] = None,
    amount: Annotated[
        float | None, typer.Option("--amount", help="fee_notice: the fee in yuan.", min=0)
    ] = None,
    archive: Annotated[
        str | None, typer.Option("--archive", help="The archive reference (歸檔號).")
    ] = None,
    today: TodayOpt = None,
    root: RootOpt = None,
) -> None:
    """Record what happened to a request, and print its deadline as it now stands.

    Example:

    \b
      gd requests event health-2020-001 extended --date 2020-10-28 --days 20 \\
        --approved-by 辦公室主任 --approved-on 2020-10-27
      gd requests event health-2020-001 答復 --date 2020-11-20 --outcome r3_1_open
    """
    written = api.request_event(
        number,
        kind,
        date=_required_date(date, "--date"),
        outcome=outcome,
        days=days,
        note=note,
        approved_by=approved_by,
        approved_on=date_option(approved_on, "--approved-on"),
        delivered=date_option(delivered, "--delivered"),
        amount=amount,
        archive=archive,
        today=date_option(today, "--today"),
        root=root,
    )
    print_problems(written.warnings)
    _say(written.messages)
    deadline = f"答復期限 {written.deadline}" if written.deadline else ""
    if written.state == "concluded" and deadline:
        deadline = f"（{deadline}）"
    typer.echo(f"{written.number}: {STANDS[written.state]}{deadline}")


#: What `gd requests event` says after the number, by the state the request is then in.
STANDS = {
    "running": "",
    "paused": "暫停計時（征求意見或待繳費），答復期限待恢復計算後確定",
    "awaiting_correction": "待申請人補正，答復期限自收到補正申請之日重新計算",
    "concluded": "已辦結",
}


LIST_COLUMNS = [
    ID,
    Column("單位"),
    Column("收到日期", nowrap=True),
    Column("申請人"),
    Column("申請內容", ratio=3),
    STATE,
    Column("期限／辦結", ratio=2),
]


def list_cells(r: Mapping[str, Any]) -> list[str]:
    from gov_disclosure.requests.model import ApplicantType, outcome_short
    from gov_disclosure.requests.queries import RequestFlag

    if r["concluded"]:
        end = f"{r['concluded']} {outcome_short(r['outcome'])}"
    else:
        end = r["deadline"] or "—"
    return [
        r["number"],
        r["unit"],
        r["received"],
        ApplicantType(r["applicant_type"]).label,
        r["subject"],
        RequestFlag(r["flag"]).label,
        end,
    ]


@app.command("list")
@handle_errors
def list_command(
    open_only: Annotated[
        bool, typer.Option("--open", help="Only requests not yet concluded.")
    ] = False,
    unit: UnitOpt = None,
    year: Annotated[
        int | None, typer.Option("--year", help="Only requests received in this year.")
    ] = None,
    fmt: FormatOpt = OutputFormat.table,
    script: ScriptOpt = None,
    today: TodayOpt = None,
    root: RootOpt = None,
) -> None:
    """List the register: each request with its state, its deadline or its outcome.

    Example:

    \b
      gd requests list --open --unit 县卫健局
    """
    listing = api.requests_list(
        unit=unit, open_only=open_only, year=year, today=date_option(today, "--today"), root=root
    )
    print_warnings(listing.warnings)
    conv = plan_converter(listing.loaded, script)
    who = whose(listing)
    title = f"{who}依申請公開登記（截至 {listing.today}）：{len(listing.items)} 件"
    empty = f"{who}沒有符合條件的依申請公開登記（截至 {listing.today}）。"
    emit(fmt, listing.records(), LIST_COLUMNS, list_cells, conv=conv, title=title, empty=empty)


STEP_COLUMNS = [
    DATE,
    Column("事項", nowrap=True),
    Column("說明", ratio=3),
    STATE,
    Column("答復期限", nowrap=True),
]


@app.command("show")
@handle_errors
def show_command(
    number: Annotated[str, typer.Argument(help="The request's number (health-2020-001).")],
    fmt: FormatOpt = OutputFormat.table,
    script: ScriptOpt = None,
    today: TodayOpt = None,
    root: RootOpt = None,
) -> None:
    """A request's timeline: each event with the deadline as it stood after it.

    Example:

    \b
      gd requests show health-2020-001 --today 2020-11-30
    """
    view = api.request_show(number, today=date_option(today, "--today"), root=root)
    conv = plan_converter(view.loaded, script)
    record = timeline_record(view)
    if fmt is OutputFormat.json:
        from gov_disclosure.textnorm import convert_texts

        print_json(convert_texts(record, conv))
        return
    if fmt is OutputFormat.table:
        for line in _header(record):
            typer.echo(conv(line))
    emit(fmt, record["steps"], STEP_COLUMNS, step_cells, conv=conv)


def timeline_record(view: api.RequestTimeline) -> dict[str, Any]:
    """What `gd requests show --format json` prints (the applicant masked)."""
    s = view.standing
    r = s.request
    from gov_disclosure.requests.queries import request_row

    end = s.clock.concluded
    row = request_row(s)
    return {
        "number": r.number,
        "unit": s.unit.name,
        "channel": r.channel.value,
        "received": r.received.isoformat(),
        "confirmed": r.confirmed.isoformat() if r.confirmed else None,
        "receipt_day": r.receipt_day.isoformat(),
        "receipt_rule": r.channel.receipt_rule,
        "applicant_type": r.applicant_type.value,
        "applicant": view.masked_applicant(),
        "subject": r.subject,
        "archive": r.archive,
        "today": view.today.isoformat(),
        "state": s.clock.state.value,
        "deadline": s.deadline.isoformat() if s.deadline else None,
        "working_days_left": s.working_days_left,
        "flag": s.flag.value,
        "concluded": end.date.isoformat() if end else None,
        "outcome": row["outcome"],
        "steps": [
            {
                "date": step.date.isoformat(),
                "kind": step.kind.value if step.kind else "received",
                "state": step.state.value,
                "deadline": step.deadline.isoformat() if step.deadline else None,
                "remark": step.remark,
            }
            for step in view.steps
        ],
    }


def _header(record: Mapping[str, Any]) -> list[str]:
    from gov_disclosure.requests.model import ApplicantType, Channel, outcome_label
    from gov_disclosure.requests.queries import RequestFlag, workdays_text

    applicant = "、".join(record["applicant"].values()) or "（未登記）"
    archive = f"；歸檔號 {record['archive']}" if record["archive"] else ""
    deadline = f"答復期限 {record['deadline']}" if record["deadline"] else ""
    if record["concluded"]:
        now = f"{record['concluded']} 已辦結，計入{outcome_label(record['outcome'])}；{deadline}"
    elif record["deadline"]:
        flag = RequestFlag(record["flag"]).label
        now = f"{flag}，{deadline}，{workdays_text(record['working_days_left'])}"
    else:
        now = "待申請人補正，答復期限自收到補正申請之日重新起算"
    rule = f"{Channel(record['channel']).label}：{record['receipt_rule']}"
    return [
        f"{record['number']}　{record['unit']}　{record['subject']}",
        f"收到申請之日：{record['receipt_day']}（{rule}）",
        f"申請人：{ApplicantType(record['applicant_type']).label}　{applicant}",
        f"截至 {record['today']}：{now}{archive}",
        "",
    ]


#: The deadline column of a step whose deadline is not known, by the request's state then.
NO_DEADLINE = {
    "paused": "暫停計算",
    "awaiting_correction": "待重新起算",
    "concluded": "—",
    "running": "—",
}


def step_cells(step: Mapping[str, Any]) -> list[str]:
    from gov_disclosure.requests.clock import State
    from gov_disclosure.requests.model import EventKind

    kind = "收到申請" if step["kind"] == "received" else EventKind(step["kind"]).label
    deadline = step["deadline"] or NO_DEADLINE[step["state"]]
    return [step["date"], kind, step["remark"], State(step["state"]).label, deadline]


DUE_COLUMNS = [
    Column("答復期限", nowrap=True),
    Column("剩餘", nowrap=True),
    STATE,
    ID,
    Column("單位"),
    Column("申請內容", ratio=3),
    Column("收到日期", nowrap=True),
]


def due_cells(r: Mapping[str, Any]) -> list[str]:
    from gov_disclosure.requests.queries import RequestFlag, workdays_text

    deadline = r["deadline"] or (f"補正期限 {r['waiting_until']}" if r["waiting_until"] else "—")
    return [
        deadline,
        workdays_text(r["working_days_left"]),
        RequestFlag(r["flag"]).label,
        r["number"],
        r["unit"],
        r["subject"],
        r["received"],
    ]


# Over 50 lines only through its option declarations, one per parameter.
@app.command("due")
@handle_errors
def due_command(
    before: BeforeOpt = None,
    after: AfterOpt = None,
    within: WithinOpt = None,
    warn: WarnOpt = f"{C.REQUEST_WARN_DAYS}d",
    unit: UnitOpt = None,
    check: CheckOpt = False,
    fmt: FormatOpt = OutputFormat.table,
    script: ScriptOpt = None,
    today: TodayOpt = None,
    root: RootOpt = None,
) -> None:
    """Each open request with its deadline and the working days left, nearest first.

    Flags: 逾期 overdue, 臨近 soon, 未到期 upcoming, 暫停計時 paused (a consultation
    or fee notice is outstanding: the deadline shown is the earliest it can be),
    待補正 waiting (a correction is awaited: no deadline runs).

    Example:

    \b
      gd requests due --today 2020-10-20 --check
    """
    listing = api.requests_due(
        today=date_option(today, "--today"),
        before=date_option(before, "--before"),
        after=date_option(after, "--after"),
        within_days=parse_days(within, "--within") if within else None,
        warn_days=parse_days(warn, "--warn"),
        unit=unit,
        root=root,
    )
    outcome(check and listing.overdue > 0)
    print_warnings(listing.warnings)
    conv = plan_converter(listing.loaded, script)
    print_due(listing, fmt, conv)
    finish()


def print_due(listing: api.RequestDueList, fmt: OutputFormat, conv: Callable[[str], str]) -> None:
    who = whose(listing)
    title = (
        f"{who}依申請公開答復時限（截至 {listing.today}）：{len(listing.items)} 件，"
        f"其中逾期 {listing.overdue} 件"
    )
    empty = f"{who}沒有待答復的依申請公開申請（截至 {listing.today}）。"
    emit(fmt, listing.records(), DUE_COLUMNS, due_cells, conv=conv, title=title, empty=empty)
