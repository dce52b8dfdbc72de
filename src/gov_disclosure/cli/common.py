"""What every command shares: the error boundary, consoles, typed values, output script."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import functools
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from gov_disclosure import constants as C
from gov_disclosure.dates import parse_date
from gov_disclosure.errors import ExitCode, GdError, Problem
from gov_disclosure.textnorm import Script, converter, visible

if TYPE_CHECKING:
    from rich.console import Console

    from gov_disclosure.plan.loading import LoadedPlan

F = TypeVar("F", bound=Callable[..., Any])


def stderr_console() -> Console:
    """Messages for people on standard error (rich is loaded only when one is made: a run
    with nothing to say never loads it)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


#: The exit code a command has decided on before it prints (see :func:`outcome`).
_OUTCOME: contextvars.ContextVar[int] = contextvars.ContextVar("outcome", default=0)


def outcome(failed: bool) -> None:
    """Say before printing whether the command failed (exit 1), so a closed pipe (`gd
    validate | head -1`) keeps that exit code; :func:`finish` ends the command with it."""
    _OUTCOME.set(int(ExitCode.DATA) if failed else int(ExitCode.OK))


def finish() -> None:
    """End a command with the exit code :func:`outcome` said, once everything is printed."""
    if _OUTCOME.get():
        raise typer.Exit(_OUTCOME.get())


def _silence_stdout() -> None:
    """After the reader has gone, write nothing more (Python would complain at exit)."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def print_problems(problems: list[Problem]) -> None:
    if not problems:
        return  # no console (nor rich) for nothing to say
    console = stderr_console()
    for problem in problems:
        style = "yellow" if problem.severity == "warning" else "red"
        console.print(visible(problem.format()), style=style, markup=False)


#: Typer's own usage errors (its bundled Click's ClickException): they print and exit 2 themselves.
_USAGE_ERRORS: tuple[type[Exception], ...] = tuple(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)


def handle_errors(fn: F) -> F:
    """The one error boundary: project errors → messages and exit codes, bugs → exit 3."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            result = fn(*args, **kwargs)
            sys.stdout.flush()  # a reader that went away is noticed here, not at exit
            return result
        except GdError as exc:
            print_problems(exc.problems)
            raise typer.Exit(int(exc.exit_code)) from None
        except (typer.Exit, typer.Abort):
            with contextlib.suppress(BrokenPipeError):
                sys.stdout.flush()
            raise
        except _USAGE_ERRORS:
            raise
        except KeyboardInterrupt:
            stderr_console().print("interrupted", markup=False)
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except BrokenPipeError:
            # `gd tasks | head`: the reader went away. The command's outcome stands
            # (a failed check stays 1: see `outcome`); a listing is simply done.
            _silence_stdout()
            raise typer.Exit(_OUTCOME.get()) from None
        except Exception as exc:
            console = stderr_console()
            if os.environ.get(C.DEBUG_ENV):
                console.print(traceback.format_exc(), markup=False)
            console.print(
                f"gd: internal error ({type(exc).__name__}: {exc}). This is a bug in gd; "
                f"run again with {C.DEBUG_ENV}=1 to see the traceback and report it.",
                markup=False,
            )
            raise typer.Exit(int(ExitCode.BUG)) from None

    return wrapper  # type: ignore[return-value]


def date_option(
    text: str | None, option: str, root: Path | None = None, year: int | None = None
) -> dt.date | None:
    """A typed date option, or None when not given: 2020-11-30, 2020/11/30, 2020.11.30,
    2020年11月30日, or 11月30日 in the plan's year (``--year``, else the newest plan's).

    Given but empty (``--date ""``) is a usage error, not "not given".
    """
    if text is None:
        return None

    def plan_year() -> int:
        from gov_disclosure.storage.workspace import find_workspace

        return year or find_workspace(root).pick_year(None)

    return parse_date(text, option, plan_year)


def plan_converter(loaded: LoadedPlan, script: Script | None) -> Callable[[str], str]:
    """What printed text goes through for ``--script`` (labels are written in traditional);
    without it, the script plan/workspace.yaml sets (else the plan's own)."""
    return converter(script or loaded.settings.script, loaded.is_traditional)


def print_warnings(problems: list[Problem]) -> None:
    """Warnings of the files a command read, on standard error."""
    print_problems([p for p in problems if p.severity == "warning"])
