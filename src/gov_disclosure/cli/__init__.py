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

A run of one command (``gd tasks …``) imports only the module that holds it
(:data:`GROUPS` says which); ``gd --help``, an unknown word and shell
completion get the whole tree, which is also what ``app`` is.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from typing import Any

import typer

from gov_disclosure import __version__

#: The command-line modules in the order `gd --help` lists their commands: the module, its
#: Typer app, the group's name (None: its commands join the top level) and those commands.
GROUPS: tuple[tuple[str, str, str | None, tuple[str, ...]], ...] = (
    ("workspace", "app", None, ("init", "rollover")),
    ("plan", "app", None, ("validate", "tasks")),
    ("notice", "app", "plan", ()),
    ("units", "app", "units", ()),
    ("due", "app", None, ("due",)),
    ("progress", "app", "progress", ()),
    ("requests", "app", "requests", ()),
    ("workdays", "app", "workdays", ()),
    ("documents", "checklist_app", "checklist", ()),
    ("documents", "report_app", "report", ()),
    ("history", "app", None, ("diff", "log")),
    ("intake", "app", None, ("import",)),
    ("annual", "app", "annual", ()),
    ("export", "app", None, ("export",)),
)


def build(command: str | None = None) -> typer.Typer:
    """The command line: every group, or only the one that holds ``command``."""
    root = typer.Typer(
        name="gd",
        help="Keep a government-information-disclosure work plan honest: "
        "who must do what, by when, and whether it was done.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    for module, attribute, name, commands in GROUPS:
        if command is None or command == name or command in commands:
            group = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
            root.add_typer(group, name=name) if name else root.add_typer(group)
    root.callback()(_root)
    return root


def command_of(args: list[str]) -> str | None:
    """The command a run names when one module holds it; None for the whole tree (no
    command, an unknown word, ``--help`` or ``--version`` before it, shell completion)."""
    if any(key.endswith("_COMPLETE") for key in os.environ):
        return None
    word = next((a for a in args if not a.startswith("-")), None)
    if word is None or args.index(word) > 0:
        return None  # options before the command are gd's own (--help, --version)
    known = {name for _, _, name, _ in GROUPS} | {c for *_, cs in GROUPS for c in cs}
    return word if word in known else None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"gd {__version__}")
        raise typer.Exit()


def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """gd: the work plan as validated YAML under git, and the tools over it."""


def __getattr__(name: str) -> Any:
    if name == "app":  # the whole tree, made on first use (tests, documentation, completion)
        globals()["app"] = build()
        return globals()["app"]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: The garbage collector's thresholds for a run of gd (mypy's, from mypy/main.py).
GC_THRESHOLDS = (200_000, 30, 30)


def main() -> None:
    # gd builds large trees of small objects that hold no cycles (a YAML file's nodes and
    # their marks, 100,000 records); with Python's default thresholds the collector walks
    # them again and again as they grow. Young cycles are still collected; the old
    # generations rarely. Measured at 10,000 tasks: a cold `gd due` 8.4 s → 4.6 s, a warm
    # HTML report 3.05 s → 2.4 s, the same peak memory (docs/performance.md).
    gc.set_threshold(*GC_THRESHOLDS)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            reconfigure(encoding="utf-8")
    build(command_of(sys.argv[1:]))()


__all__ = ["GC_THRESHOLDS", "GROUPS", "app", "build", "command_of", "main"]
