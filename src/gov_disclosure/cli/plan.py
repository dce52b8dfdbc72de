"""`gd validate` and `gd tasks`: the plan and who must do what."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import typer

from gov_disclosure import api
from gov_disclosure.cli.common import (
    date_option,
    finish,
    handle_errors,
    outcome,
    plan_converter,
    print_problems,
    stderr_console,
)
from gov_disclosure.cli.options import FormatOpt, OutputFormat, RootOpt, ScriptOpt, UnitOpt, YearOpt
from gov_disclosure.cli.output import ID, Column, emit, joined
from gov_disclosure.plan.assignments import Role

app = typer.Typer()


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

    Every problem is printed as FILE:LINE:COL: message. Exit 0 when clean, 1
    when a file is invalid, 2 for a usage error.

    Example:

    \b
      gd validate --strict
    """
    report = api.validate(root=root, year=year, today=date_option(today, "--today", root, year))
    failed = bool(report.errors or (strict and report.problems))
    outcome(failed)
    print_problems(report.problems)
    for line in report.summary:
        typer.echo(line)
    if failed:
        typer.echo(f"{report.error_count} error(s), {report.warning_count} warning(s)", err=True)
        finish()
    if report.problems:
        typer.echo(f"ok, with {report.warning_count} warning(s)")
    else:
        typer.echo("ok")


def role_label(record: Mapping[str, Any]) -> str:
    label = Role(record["role"]).label
    return f"{label}（經{record['via']}）" if record.get("via") else label


def deadline_cell(record: Mapping[str, Any]) -> str:
    return "\n".join(f"{d['date']} {d['what']}" for d in record["deadlines"])


_TITLE = Column("工作任務", ratio=3)
_LEAD = Column("牽頭單位", ratio=2)
_DEADLINES = Column("時限", ratio=2)
#: The plan's tasks with who leads and who is responsible; one unit's with its role in each.
PLAN_TASK_COLUMNS = [ID, _TITLE, _LEAD, Column("責任單位", ratio=2), _DEADLINES]
UNIT_TASK_COLUMNS = [ID, _TITLE, Column("角色", ratio=1), _LEAD, _DEADLINES]


def plan_task_cells(r: Mapping[str, Any]) -> list[str]:
    return [r["id"], r["title"], joined(r["lead"]), joined(r["responsible"]), deadline_cell(r)]


def unit_task_cells(r: Mapping[str, Any]) -> list[str]:
    return [r["id"], r["title"], role_label(r), joined(r["lead"]), deadline_cell(r)]


@app.command("tasks")
@handle_errors
def tasks_command(
    unit: UnitOpt = None,
    role: Annotated[
        Role | None, typer.Option("--role", help="Only tasks where the unit has this role.")
    ] = None,
    section: Annotated[
        int | None,
        typer.Option("--section", "-s", help="Only tasks of this section (1, 2, …).", min=1),
    ] = None,
    fmt: FormatOpt = OutputFormat.table,
    script: ScriptOpt = None,
    root: RootOpt = None,
    year: YearOpt = None,
) -> None:
    """List the plan's tasks, or the tasks one unit must act on with its role.

    Example:

    \b
      gd tasks --unit 县卫健局 --role lead
    """
    if role is not None and unit is None:
        raise typer.BadParameter("--role needs --unit", param_hint="--role")
    listing = api.tasks(unit=unit, role=role, section=section, root=root, year=year)
    loaded, target, records = listing.loaded, listing.unit, listing.records
    conv = plan_converter(loaded, script)
    if target is None:
        title = f"{loaded.plan.notice.title}（{len(records)} 項任務）"
        emit(fmt, records, PLAN_TASK_COLUMNS, plan_task_cells, conv=conv, title=title)
        return
    if not records and fmt is OutputFormat.table:
        stderr_console().print(
            conv(f"{target.name} 在 {loaded.year} 年方案中沒有任務。"), markup=False
        )
        return
    counts = listing.role_counts()
    summary = "、".join(f"{role.label} {n} 項" for role, n in counts.items() if n)
    title = f"{target.name} 的任務（{loaded.year} 年）：{summary or '無'}"
    emit(fmt, records, UNIT_TASK_COLUMNS, unit_task_cells, conv=conv, title=title)
