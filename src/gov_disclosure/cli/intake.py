"""`gd import`: a notice (text or .docx) turned into a draft plan."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gov_disclosure import constants as C
from gov_disclosure.cli import app
from gov_disclosure.cli.common import RootOpt, handle_errors, stderr_console
from gov_disclosure.cli.output import write_output
from gov_disclosure.errors import ExitCode, GdError, display_path
from gov_disclosure.plan.loading import load_registry
from gov_disclosure.plan.units import UnitIndex
from gov_disclosure.storage.workspace import Workspace, find_workspace


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
    """
    from gov_disclosure.intake.draftyaml import guess_unit, to_yaml
    from gov_disclosure.intake.importer import import_notice
    from gov_disclosure.intake.notice import read_notice
    from gov_disclosure.plan.registry_store import append_units

    if output is not None and output.exists() and not force:
        raise GdError.usage(f"{output} exists; use --force to overwrite it")
    ws = _workspace(root, output, add_units)
    index: UnitIndex | None = None
    if ws is not None and ws.exists(ws.registry_path):
        index, _ = load_registry(ws)
    text = read_notice(notice)
    draft = import_notice(text, index, year)
    if not draft.tasks():
        raise GdError.usage(
            f"{notice}: no task table found (rows of cells split by | or tabs, or a .docx table)"
        )
    console = stderr_console()
    unknown = sorted(draft.unknown_units.items(), key=lambda kv: kv[1])
    if unknown and add_units and ws is not None:
        entries = [guess_unit(name) for name, _ in unknown]
        append_units(
            ws.registry_path,
            entries,
            f"Added by `gd import {notice.name}`: review names, kinds and ids.",
        )
        console.print(
            f"added {len(entries)} unit(s) to {display_path(ws.registry_path)}: "
            + "、".join(str(e["name"]) for e in entries),
            markup=False,
        )
    else:
        for name, line in unknown:
            draft.warn(line, f"unknown unit {name!r} (not in the registry; --add-units adds it)")
    yaml_text = to_yaml(draft, notice.name)
    write_output(yaml_text.encode("utf-8"), output)
    units = {n for t in draft.tasks() for n in t.lead + t.responsible}
    deadlines = sum(len(t.deadlines) for t in draft.tasks())
    console.print(
        f"{display_path(notice)}: {len(draft.sections)} sections, {len(draft.tasks())} tasks, "
        f"{len(units)} units, {deadlines} deadlines ({text.encoding})"
        + (f" → {display_path(output)}" if output else ""),
        markup=False,
    )
    for w in sorted(draft.warnings, key=lambda w: w.line):
        console.print(f"{display_path(notice)}:{w.line}: {w.message}", style="yellow", markup=False)
    if draft.warnings:
        raise typer.Exit(int(ExitCode.DATA))


def _workspace(root: Path | None, output: Path | None, add_units: bool) -> Workspace | None:
    """The workspace whose registry names units: the given or found one, or (with
    --add-units) the folder the draft goes into, which gets a registry."""
    try:
        return find_workspace(root, start=output.parent if output else None)
    except GdError:
        if not add_units:
            return None
    base = (
        Path(root)
        if root
        else (output.parent.parent if output and output.parent.name == C.PLAN_DIR else Path.cwd())
    )
    (base / C.PLAN_DIR).mkdir(parents=True, exist_ok=True)
    return Workspace(base.resolve())
