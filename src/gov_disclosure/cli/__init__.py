"""The `gd` command line: parse options, call the core, print.  Nothing else."""

from __future__ import annotations

import sys

import typer

from gov_disclosure import __version__

app = typer.Typer(
    name="gd",
    help="Keep a government-information-disclosure work plan honest: "
    "who must do what, by when, and whether it was done.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


from gov_disclosure.cli import (  # noqa: E402  (commands register on `app`)
    documents,
    due,
    history,
    intake,
    plan,
    progress,
    validate,
)

__all__ = [
    "app",
    "documents",
    "due",
    "history",
    "intake",
    "main",
    "plan",
    "progress",
    "validate",
]


def main() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            reconfigure(encoding="utf-8")
    app()
