"""`gd units`, `gd units add`, `gd units add-member`: the unit registry, and edits to it.

Edits go through the same safe, comment-preserving writes as progress records,
so nobody has to hand-edit YAML to register a unit or fill a group.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import typer

from gov_disclosure import api
from gov_disclosure.cli.common import handle_errors, plan_converter, stderr_console
from gov_disclosure.cli.options import FormatOpt, OutputFormat, RootOpt, ScriptOpt, YearOpt
from gov_disclosure.cli.output import ID, Column, emit
from gov_disclosure.models import UnitKind

app = typer.Typer()

UNIT_COLUMNS = [
    ID,
    Column("名稱", nowrap=True),
    Column("全稱", ratio=1),
    Column("類型", nowrap=True),
    Column("牽頭", justify="right", nowrap=True),
    Column("負責", justify="right", nowrap=True),
    Column("經群組", justify="right", nowrap=True),
]


def unit_cells(r: Mapping[str, Any]) -> list[str]:
    t = r["tasks"]
    return [
        r["id"],
        r["name"],
        r["full_name"] or "",
        UnitKind(r["kind"]).label,
        str(t["lead"]),
        str(t["responsible"]),
        str(t["member"]),
    ]


@app.callback(invoke_without_command=True)
@handle_errors
def units_command(
    ctx: typer.Context,
    fmt: FormatOpt = OutputFormat.table,
    script: ScriptOpt = None,
    root: RootOpt = None,
    year: YearOpt = None,
) -> None:
    """List the unit registry: how many tasks each unit leads, is responsible for, reaches;
    or add units and group members.

    Example:

    \b
      gd units --format csv > units.csv
    """
    if ctx.invoked_subcommand is not None:
        return
    listing = api.units(root=root, year=year)
    title = f"單位（{len(listing.records)} 個，{listing.loaded.year} 年方案）"
    conv = plan_converter(listing.loaded, script)
    emit(fmt, listing.records, UNIT_COLUMNS, unit_cells, conv=conv, title=title)


@app.command("add")
@handle_errors
def add_command(
    name: Annotated[str, typer.Argument(help="The unit's name as notices write it.")],
    kind: Annotated[
        UnitKind | None,
        typer.Option(
            "--kind", help="Its kind (default: guessed from the name).", show_default=False
        ),
    ] = None,
    alias: Annotated[
        list[str] | None, typer.Option("--alias", help="Another spelling (repeatable).")
    ] = None,
    full_name: Annotated[
        str | None, typer.Option("--full-name", help="Its official full name.")
    ] = None,
    parent: Annotated[
        str | None, typer.Option("--parent", help="For a sub_office: the unit it belongs to.")
    ] = None,
    member_of: Annotated[
        str | None, typer.Option("--member-of", help="Also list it as a member of this group.")
    ] = None,
    root: RootOpt = None,
) -> None:
    """Add a unit to the registry; its id is read off its name (pinyin), never a hash.

    Example:

    \b
      gd units add 丹鳳街道 --kind subdistrict
      gd units add 縣醫保局 --full-name 師宗縣醫療保障局 --member-of 縣直有關部門
    """
    unit = api.add_unit(
        name,
        kind=kind,
        aliases=alias or [],
        full_name=full_name,
        parent=parent,
        member_of=member_of,
        root=root,
    )
    typer.echo(f"{unit.name}: id {unit.id}, kind {unit.kind.value}")


@app.command("add-member")
@handle_errors
def add_member_command(
    group: Annotated[str, typer.Argument(help="The group: 各鄉(鎮、街道), 縣直有關部門 …")],
    names: Annotated[list[str], typer.Argument(help="Registered units to list as its members.")],
    root: RootOpt = None,
) -> None:
    """List registered units as members of a group.

    Example:

    \b
      gd units add-member 縣直有關部門 縣醫保局 縣教體局
    """
    added = api.add_members(group, names, root=root)
    if added:
        typer.echo(f"{group}: added {'、'.join(added)}")
    else:
        stderr_console().print(f"{group}: every unit named is already a member", markup=False)
