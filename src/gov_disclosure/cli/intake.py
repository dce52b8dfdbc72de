"""`gd import`: a notice (text or .docx) turned into a draft plan."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gov_disclosure import api
from gov_disclosure.cli.common import finish, handle_errors, outcome, print_warnings, stderr_console
from gov_disclosure.cli.options import RootOpt
from gov_disclosure.cli.output import write_output
from gov_disclosure.errors import display_path

app = typer.Typer()


# Over 50 lines only through its option declarations, one per parameter.
@app.command("import")
@handle_errors
def import_command(
    notice: Annotated[
        Path, typer.Argument(help="The notice: a text file (UTF-8 or GB18030/GBK) or a .docx.")
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the draft here (default: standard output)."),
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="The plan year (default: from the notice).")
    ] = None,
    add_units: Annotated[
        bool,
        typer.Option(
            "--add-units", help="Add units the registry lacks to plan/units.yaml, for review."
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing output file.")
    ] = False,
    root: RootOpt = None,
) -> None:
    """Read a notice's task table and write a draft plan in the layout of plan/<year>.yaml.

    Exit 0 when clean, 1 when the draft was written with warnings (printed as
    NOTICE:LINE: message), 2 when the notice could not be read.

    Example:

    \b
      gd import notice-2021.docx -o plan/2021.yaml --add-units
    """
    result = api.import_notice(
        notice, output=output, year=year, add_units=add_units, force=force, root=root
    )
    console = stderr_console()
    if result.registry_path is not None and (result.added_units or result.added_aliases):
        where = display_path(result.registry_path)
        if result.added_units:
            names = "、".join(result.added_units)
            console.print(
                f"added {len(result.added_units)} unit(s) to {where}: {names}", markup=False
            )
        for name, alias in result.added_aliases:
            console.print(f"{where}: {alias} is now an alias of {name}", markup=False)
        print_warnings(result.registry_warnings)
    draft = result.draft
    outcome(bool(draft.warnings))
    write_output(result.yaml_text.encode("utf-8"), output)
    units = {n for t in draft.tasks() for n in t.lead + t.responsible}
    deadlines = sum(len(t.deadlines) for t in draft.tasks())
    console.print(
        f"{display_path(notice)}: {len(draft.sections)} sections, {len(draft.tasks())} tasks, "
        f"{len(units)} units, {deadlines} deadlines ({result.notice.encoding})"
        + (f" → {display_path(output)}" if output else ""),
        markup=False,
    )
    for w in sorted(draft.warnings, key=lambda w: w.line):
        console.print(f"{display_path(notice)}:{w.line}: {w.message}", style="yellow", markup=False)
    finish()
