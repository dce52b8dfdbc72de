"""`gd init` and `gd rollover`: a new county's workspace, and a new year's plan."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gov_disclosure import api
from gov_disclosure.cli.common import handle_errors, stderr_console
from gov_disclosure.cli.options import RootOpt
from gov_disclosure.errors import display_path
from gov_disclosure.textnorm import Script

app = typer.Typer()


@app.command("init")
@handle_errors
def init_command(
    folder: Annotated[
        Path, typer.Argument(help="The workspace folder (default: this one).", show_default=False)
    ] = Path("."),
    county: Annotated[str, typer.Option("--county", help="The county: 師宗縣.")] = "",
    issuer: Annotated[
        str, typer.Option("--issuer", help="The office that issues the plan: 師宗縣人民政府辦公室.")
    ] = "",
    script: Annotated[
        Script, typer.Option("--script", help="The script of documents and listings.")
    ] = Script.simplified,
) -> None:
    """Start a workspace: registry, settings, .gitignore, pre-commit, git. Never overwrites.

    Example:

    \b
      gd init shizong --county 师宗县 --issuer 师宗县人民政府办公室
    """
    if not county or not issuer:
        raise typer.BadParameter("give --county and --issuer", param_hint="--county/--issuer")
    result = api.init(folder, county=county, issuer=issuer, script=script)
    for path in result.created:
        typer.echo(f"created {display_path(path)}")
    for path in result.kept:
        typer.echo(f"kept {display_path(path)} (already there)")
    if result.git_initialized:
        typer.echo(f"initialised a git repository in {display_path(result.root)}")
    if result.created:
        stderr_console().print(
            "next: `gd import NOTICE --add-units -o plan/YEAR.yaml`, then `gd validate`; "
            "`pre-commit install` to validate on every commit",
            markup=False,
        )


@app.command("rollover")
@handle_errors
def rollover_command(
    year: Annotated[int, typer.Argument(help="The new plan's year.")],
    source: Annotated[
        int | None,
        typer.Option("--from", help="The plan to carry over (default: the year before)."),
    ] = None,
    drop_deadlines: Annotated[
        bool,
        typer.Option("--drop-deadlines", help="Leave task deadlines out instead of moving them."),
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing plan file.")] = False,
    root: RootOpt = None,
) -> None:
    """Next year's draft plan from this year's: tasks marked unfinished, deadlines moved.

    Example:

    \b
      gd rollover 2021
    """
    result = api.rollover(
        year, source_year=source, drop_deadlines=drop_deadlines, force=force, root=root
    )
    unfinished = result.rollover.unfinished
    typer.echo(
        f"wrote {display_path(result.path)}: {len(unfinished)} task(s) carried as unfinished"
        + (f" ({', '.join(unfinished)})" if unfinished else "")
    )
