"""The `gd` command line: parse options, call one function of :mod:`gov_disclosure.api`, print.

Each module holds one group of commands in its own ``typer.Typer``; this module
joins them, in the order ``gd --help`` lists them:

- :mod:`~gov_disclosure.cli.workspace`: ``gd init``, ``gd rollover``
- :mod:`~gov_disclosure.cli.plan`: ``gd validate``, ``gd tasks``
- :mod:`~gov_disclosure.cli.notice`: ``gd plan render``
- :mod:`~gov_disclosure.cli.units`: ``gd units``, ``gd units add``, ``gd units add-member``
- :mod:`~gov_disclosure.cli.due`: ``gd due``
- :mod:`~gov_disclosure.cli.progress`: ``gd progress set|show``
- :mod:`~gov_disclosure.cli.requests`: ``gd requests add|event|list|show|due``
- :mod:`~gov_disclosure.cli.workdays`: ``gd workdays add|count``
- :mod:`~gov_disclosure.cli.documents`: ``gd checklist render``, ``gd report render``
- :mod:`~gov_disclosure.cli.history`: ``gd diff``, ``gd log``
- :mod:`~gov_disclosure.cli.intake`: ``gd import``
- :mod:`~gov_disclosure.cli.annual`: ``gd annual new|check|render``
- :mod:`~gov_disclosure.cli.export`: ``gd export``

Shared options, the error boundary and consoles are in :mod:`~gov_disclosure.cli.common`;
tables, JSON and CSV in :mod:`~gov_disclosure.cli.output`.
"""

from __future__ import annotations

import sys

import typer

from gov_disclosure import __version__
from gov_disclosure.cli import (
    annual,
    documents,
    due,
    export,
    history,
    intake,
    notice,
    plan,
    progress,
    requests,
    units,
    workdays,
    workspace,
)

app = typer.Typer(
    name="gd",
    help="Keep a government-information-disclosure work plan honest: "
    "who must do what, by when, and whether it was done.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(workspace.app)
app.add_typer(plan.app)
app.add_typer(notice.app, name="plan")
app.add_typer(units.app, name="units")
app.add_typer(due.app)
app.add_typer(progress.app, name="progress")
app.add_typer(requests.app, name="requests")
app.add_typer(workdays.app, name="workdays")
app.add_typer(documents.checklist_app, name="checklist")
app.add_typer(documents.report_app, name="report")
app.add_typer(history.app)
app.add_typer(intake.app)
app.add_typer(annual.app, name="annual")
app.add_typer(export.app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"gd {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """gd: the work plan as validated YAML under git, and the tools over it."""


def main() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            reconfigure(encoding="utf-8")
    app()


__all__ = ["app", "main"]
