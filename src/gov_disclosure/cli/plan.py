"""`gd tasks` and `gd units`: who must do what."""

from __future__ import annotations

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
    stderr_console,
)
from gov_disclosure.cli.output import Column, converter, emit, joined
from gov_disclosure.plan import queries
from gov_disclosure.plan.assignments import Role
from gov_disclosure.plan.loading import LoadedPlan, load_plan
from gov_disclosure.storage.workspace import find_workspace

ROLE_LABELS = {role.value: role.label for role in Role}
KIND_LABELS = {
    "county_department": "縣直部門",
    "county_institution": "縣直事業單位",
    "city_branch": "市局分局",
    "township": "鄉鎮",
    "subdistrict": "街道",
    "sub_office": "內設機構",
    "group": "群組",
}


def role_label(record: dict[str, Any]) -> str:
    label = ROLE_LABELS[record["role"]]
    return f"{label}（經{record['via']}）" if record.get("via") else label


def deadline_cell(record: dict[str, Any]) -> str:
    return "\n".join(f"{d['date']} {d['what']}" for d in record["deadlines"])


def plan_converter(loaded: LoadedPlan, script: Any) -> Any:
    return converter(script, loaded.is_traditional)


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
    """List the plan's tasks, or the tasks one unit must act on with its role."""
    if role is not None and unit is None:
        raise typer.BadParameter("--role needs --unit", param_hint="--role")
    loaded = load_plan(find_workspace(root), year)
    target = loaded.units.resolve(unit) if unit is not None else None
    records = queries.tasks(loaded, target, role, section)
    conv = plan_converter(loaded, script)
    if target is None:
        columns = [
            Column("編號", nowrap=True),
            Column("工作任務", ratio=3),
            Column("牽頭單位", ratio=2),
            Column("責任單位", ratio=2),
            Column("時限", ratio=2),
        ]

        def cells(r: dict[str, Any]) -> list[str]:
            return [
                r["id"],
                r["title"],
                joined(r["lead"]),
                joined(r["responsible"]),
                deadline_cell(r),
            ]

        title = f"{loaded.plan.notice.title}（{len(records)} 項任務）"
    else:
        columns = [
            Column("編號", nowrap=True),
            Column("工作任務", ratio=3),
            Column("角色", ratio=1),
            Column("牽頭單位", ratio=2),
            Column("時限", ratio=2),
        ]

        def cells(r: dict[str, Any]) -> list[str]:
            return [r["id"], r["title"], role_label(r), joined(r["lead"]), deadline_cell(r)]

        counts = {
            label: sum(1 for r in records if r["role"] == key) for key, label in ROLE_LABELS.items()
        }
        summary = "、".join(f"{label} {n} 項" for label, n in counts.items() if n)
        title = f"{target.name} 的任務（{loaded.year} 年）：{summary or '無'}"
        if not records and fmt is OutputFormat.table:
            stderr_console().print(
                conv(f"{target.name} 在 {loaded.year} 年方案中沒有任務。"), markup=False
            )
            return
    emit(fmt, records, columns, cells, conv=conv, title=title)


@app.command("units")
@handle_errors
def units_command(
    fmt: FormatOpt = OutputFormat.table,
    script: ScriptOpt = None,
    root: RootOpt = None,
    year: YearOpt = None,
) -> None:
    """List the unit registry: how many tasks each unit leads, is responsible for, reaches."""
    loaded = load_plan(find_workspace(root), year)
    records = queries.units(loaded)
    columns = [
        Column("編號", nowrap=True),
        Column("名稱", nowrap=True),
        Column("全稱", ratio=1),
        Column("類型", nowrap=True),
        Column("牽頭", justify="right", nowrap=True),
        Column("負責", justify="right", nowrap=True),
        Column("經群組", justify="right", nowrap=True),
    ]

    def cells(r: dict[str, Any]) -> list[str]:
        t = r["tasks"]
        return [
            r["id"],
            r["name"],
            r["full_name"] or "",
            KIND_LABELS[r["kind"]],
            str(t["lead"]),
            str(t["responsible"]),
            str(t["member"]),
        ]

    title = f"單位（{len(records)} 個，{loaded.year} 年方案）"
    emit(fmt, records, columns, cells, conv=plan_converter(loaded, script), title=title)
