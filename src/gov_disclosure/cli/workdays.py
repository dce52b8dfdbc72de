"""`gd workdays add` and `gd workdays count`: working days on the official calendar."""

from __future__ import annotations

from typing import Annotated

import typer

from gov_disclosure import api
from gov_disclosure.cli.common import handle_errors
from gov_disclosure.cli.options import RootOpt
from gov_disclosure.dates import parse_date

app = typer.Typer(
    help="Working days on the official holiday calendar, make-up working days (調休) included.",
    no_args_is_help=True,
)


@app.command("add")
@handle_errors
def add_command(
    date: Annotated[
        str, typer.Argument(help="The starting day (day 0): 2020-09-25 or 2020年9月25日.")
    ],
    n: Annotated[int, typer.Argument(help="How many working days after it (0 or more).", min=0)],
    root: RootOpt = None,
) -> None:
    """Print the date N working days after DATE (ISO), counting from the next day.

    Day 0 is DATE itself, so for N > 0 the answer is always a working day: a
    request received on Friday 2020-09-25 must be answered by 2020-10-29 (20
    working days; Sunday 27 September and Saturday 10 October were working days).

    Example:

    \b
      gd workdays add 2020-09-25 20
    """
    typer.echo(api.workdays_add(parse_date(date, "DATE"), n, root=root).isoformat())


@app.command("count")
@handle_errors
def count_command(
    first: Annotated[str, typer.Argument(help="The day counting starts after.")],
    last: Annotated[str, typer.Argument(help="The last day counted.")],
    root: RootOpt = None,
) -> None:
    """Print how many working days there are after FIRST up to and including LAST.

    Negative when LAST is before FIRST (a deadline that has passed).

    Example:

    \b
      gd workdays count 2020-09-25 2020-10-29
    """
    typer.echo(
        str(api.workdays_count(parse_date(first, "FIRST"), parse_date(last, "LAST"), root=root))
    )
