"""Standard output for people: its console, tables (the matrix of `gd progress show` too)
and cells that wrap Chinese text well.

All of it is rich, which a listing printed as JSON or CSV never loads (a script's
`gd … --format json` pays only for what it reads). Messages on standard error make
their console where they are said (:func:`gov_disclosure.cli.common.stderr_console`).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from gov_disclosure.cli.output import Column
from gov_disclosure.models import UNREPORTED, Status

if TYPE_CHECKING:
    from gov_disclosure.progress.queries import Matrix

#: Width of output that goes to a file or a pipe (a terminal's own width is used on a terminal).
PIPE_WIDTH = 120


class _Console(Console):
    """A console whose closed pipe is gd's to handle (rich would exit 1 on its own)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def stdout_console() -> Console:
    console = _Console(highlight=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = PIPE_WIDTH
    return console


def print_out(*renderables: RenderableType) -> None:
    """Print to standard output: styled on a terminal; to a pipe or a file, plain lines
    without the trailing spaces of padded table cells."""
    console = stdout_console()
    if console.is_terminal:
        console.print(*renderables)
        return
    with console.capture() as capture:
        console.print(*renderables)
    sys.stdout.write("".join(f"{line.rstrip()}\n" for line in capture.get().splitlines()))


#: What a line is broken into: a date (2020年11月30日, 9月底), a run of Latin letters, digits
#: and what joins them (2020-11-30, 26, a URL), spaces, or one other character (Chinese
#: text breaks between any two characters).  Dates and numbers are never split.
_TOKEN = re.compile(
    r"\d{4}年(?:\d{1,2}月(?:\d{1,2}[日号號]|底|初|中旬|上旬|下旬)?)?"
    r"|\d{1,2}月(?:\d{1,2}[日号號]|底)"
    r"|[0-9A-Za-z][0-9A-Za-z.:/%+\-]*|\s+|."
)
#: Punctuation that never starts a line, and that never ends one.
_NO_START = set("，。、；：？！）」』”’》〉】,.;:?!)")
_NO_END = set("（「『“‘《〈【(")


def tokens(line: str) -> list[str]:
    """A line's unbreakable pieces: punctuation stays with the text it belongs to."""
    out: list[str] = []
    for piece in _TOKEN.findall(line):
        if out and (piece in _NO_START or out[-1][-1] in _NO_END) and not out[-1].isspace():
            out[-1] += piece
        else:
            out.append(piece)
    return out


def wrap_line(line: str, width: int) -> list[str]:
    """A line broken to ``width`` cells between its pieces (a piece wider than that is cut)."""
    lines, current = [], ""
    for piece in tokens(line):
        if cell_len(current + piece) <= width or not current.strip():
            current = current + piece if current.strip() else piece.lstrip()
        elif piece.isspace():
            lines.append(current.rstrip())
            current = ""
        else:
            lines.append(current.rstrip())
            current = piece
        while cell_len(current) > width > 0:
            cut = next(i for i in range(len(current), 0, -1) if cell_len(current[:i]) <= width)
            lines.append(current[:cut])
            current = current[cut:]
    return [*lines, current.rstrip()]


class Wrapped:
    """A table cell that wraps between Chinese characters and at spaces, never inside a date,
    a number or a word."""

    def __init__(self, text: str, style: str | None = None) -> None:
        self.text = text
        self.style = style or ""

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        lines = self.text.splitlines() or [""]
        widest = max(cell_len(line) for line in lines)
        narrowest = max((cell_len(t.strip()) for line in lines for t in tokens(line)), default=1)
        return Measurement(narrowest, widest).with_maximum(options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        lines = [w for line in self.text.splitlines() for w in wrap_line(line, width)]
        yield Text("\n".join(lines), style=self.style, no_wrap=True, overflow="ignore")


def table_of(
    header: list[str], columns: Sequence[Column], title: str | None, caption: str | None
) -> Table:
    table = Table(
        title=title,
        caption=caption,
        box=box.SIMPLE_HEAD,
        show_lines=False,
        expand=False,
        title_justify="left",
        caption_justify="left",
    )
    for column, label in zip(columns, header, strict=True):
        table.add_column(
            label,
            no_wrap=column.nowrap,
            overflow="fold",
            ratio=column.ratio,
            justify=column.justify,  # type: ignore[arg-type]
        )
    return table


def print_table(
    header: list[str],
    columns: Sequence[Column],
    rows: list[list[str]],
    styles: Sequence[str | None],
    *,
    title: str | None,
    caption: str | None,
) -> None:
    """Rows under ``header``, each styled on a terminal; long cells wrap (:class:`Wrapped`)."""
    table = table_of(header, columns, title, caption)
    for row, style in zip(rows, styles, strict=True):
        table.add_row(*_cells(row, columns), style=style)
    print_out(table)


def _cells(row: list[str], columns: Sequence[Column]) -> list[str | Wrapped]:
    """A row's cells: kept on one line, or wrapping without splitting a date or a number."""
    return [c if column.nowrap else Wrapped(c) for c, column in zip(row, columns, strict=True)]


# ---- the unit × task matrix (`gd progress show` without --unit) -------------------------

#: How the matrix shows each status, the missing record included.
SYMBOLS = {
    Status.done: "✔",
    Status.in_progress: "◐",
    Status.not_started: "○",
    Status.not_applicable: "－",
    UNREPORTED: "·",
}
STYLES = {
    Status.done: "green",
    Status.in_progress: "yellow",
    Status.not_started: "red",
    Status.not_applicable: "dim",
    UNREPORTED: "red dim",
}


def print_matrix_tables(
    matrix: Matrix, conv: Callable[[str], str], title: str, legend: str
) -> None:
    """The matrix in as many blocks of columns as the terminal's width (COLUMNS) needs,
    under ``title`` and above ``legend``."""
    blocks = matrix_blocks(matrix, conv, stdout_console())
    tables = [
        matrix_table(matrix, conv, block, total=i == len(blocks) - 1)
        for i, block in enumerate(blocks)
    ]
    print_out(Text(title, style="italic"), *tables, Text(legend))


def matrix_blocks(matrix: Matrix, conv: Callable[[str], str], console: Console) -> list[list[str]]:
    """The matrix's columns in blocks of about equal size, each as wide as the console allows."""
    unbounded = console.options.update_width(10_000)

    def fits(keys: list[str]) -> bool:
        table = matrix_table(matrix, conv, keys, total=True)
        return Measurement.get(console, unbounded, table).maximum <= console.width

    keys = matrix["keys"]
    count = next((n for n in range(1, len(keys) + 1) if all(map(fits, _chunks(keys, n)))), None)
    return _chunks(keys, count) if count else [[k] for k in keys]


def _chunks(keys: list[str], count: int) -> list[list[str]]:
    size = -(-len(keys) // count)
    return [keys[i : i + size] for i in range(0, len(keys), size)]


def matrix_table(matrix: Matrix, conv: Callable[[str], str], keys: list[str], total: bool) -> Table:
    """The matrix's rows for some of its columns, with each unit's total when ``total``."""
    table = Table(
        box=box.SIMPLE_HEAD,
        title_justify="left",
        caption_justify="left",
        show_footer=True,
        collapse_padding=True,
        pad_edge=False,
    )
    table.add_column(conv("單位"), footer=conv("合計"), no_wrap=True)
    for k in keys:
        sums = matrix["totals"][k]
        table.add_column(
            k, justify="center", no_wrap=True, footer=f"{sums['closed']}\n/{sums['assigned']}"
        )
    if total:
        done = sum(r["closed"] for r in matrix["rows"])
        due = sum(r["assigned"] for r in matrix["rows"])
        table.add_column(conv("合計"), justify="right", no_wrap=True, footer=f"{done}\n/{due}")
    for row in matrix["rows"]:
        cells = [Text(conv(row["unit"]))]
        for k in keys:
            value = row["cells"][k]
            cells.append(Text(SYMBOLS[value], style=STYLES[value]) if value else Text(""))
        if total:
            cells.append(Text(f"{row['closed']}/{row['assigned']}"))
        table.add_row(*cells)
    return table
