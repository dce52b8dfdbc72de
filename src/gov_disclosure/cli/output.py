"""One way to print a listing: a rich table on a terminal, JSON or CSV for scripts.

Commands compute their rows once: ``records`` (plain data, printed as JSON)
and, for each record, the cells people read (printed as a table or CSV).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import typer
from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from gov_disclosure.cli.common import print_out, stderr_console
from gov_disclosure.cli.options import OutputFormat
from gov_disclosure.errors import GdError
from gov_disclosure.textnorm import convert_texts, spreadsheet_safe, visible

if TYPE_CHECKING:
    from gov_disclosure.models import Unit

#: A listing's record: a JSON-ready mapping (often a TypedDict of the core).
R = TypeVar("R", bound=Mapping[str, Any])


@dataclass(frozen=True)
class Column:
    label: str
    #: Keep on one line (ids, dates); other columns wrap long text, never cut it.
    nowrap: bool = False
    ratio: int | None = None
    justify: str = "left"


#: Columns many listings show, declared once: a task's or request's number, a date, a state.
ID = Column("編號", nowrap=True)
DATE = Column("日期", nowrap=True)
STATE = Column("狀態", nowrap=True)


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


#: Every text of a listing's records in the script asked for.
convert_all = convert_texts


def emit(
    fmt: OutputFormat,
    records: Sequence[R],
    columns: Sequence[Column],
    cells: Callable[[R], Sequence[str]],
    *,
    conv: Callable[[str], str],
    title: str | None = None,
    caption: str | None = None,
    row_style: Callable[[R], str | None] | None = None,
    empty: str | None = None,
) -> None:
    """Print records as a table (each row styled by ``row_style`` on a terminal), JSON or CSV;
    a table with no records as the line ``empty``, when there is one."""
    if fmt is OutputFormat.table and not records and empty is not None:
        typer.echo(conv(empty))
        return
    if fmt is OutputFormat.json:
        print_json(convert_all(records, conv))
        return
    header = [conv(c.label) for c in columns]
    rows = [[visible(conv(cell)) for cell in cells(r)] for r in records]
    if fmt is OutputFormat.csv:
        print_csv(header, rows)
        return
    texts = (visible(conv(t)) if t else None for t in (title, caption))
    table = _table(header, columns, *texts)
    for record, row in zip(records, rows, strict=True):
        table.add_row(*_cells(row, columns), style=row_style(record) if row_style else None)
    print_out(table)


def _cells(row: list[str], columns: Sequence[Column]) -> list[str | Wrapped]:
    """A row's cells: kept on one line, or wrapping without splitting a date or a number."""
    return [c if column.nowrap else Wrapped(c) for c, column in zip(row, columns, strict=True)]


def print_csv(header: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    # A cell that starts like a formula (=, +, -, @) is shown as text, never evaluated.
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    # A byte-order mark, so Excel and WPS read the Chinese as UTF-8.
    sys.stdout.write("\ufeff" + buffer.getvalue())


def _table(
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


def write_output(
    data: bytes, output: Path | None = None, quiet: bool = False, root: Path | None = None
) -> None:
    """A document's bytes to standard output, or atomically to ``output`` (said on stderr);
    with ``root`` (the workspace), the file is checked as a document target and remembered."""
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from gov_disclosure.errors import display_path

    if root is not None:
        from gov_disclosure.storage.outputs import write_document

        write_document(output, data, root, force=True)  # checked before rendering
    else:
        from gov_disclosure.storage.fileio import atomic_write

        try:
            output.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise GdError.usage(f"-o {output}: cannot make its folder: {exc.strerror}") from None
        atomic_write(output, data)
    if not quiet:
        size = f"{len(data) / 1024:.0f} KB" if len(data) >= 1024 else f"{len(data)} bytes"
        stderr_console().print(f"wrote {display_path(output)} ({size})", markup=False)


def print_json(data: Any) -> None:
    """JSON for scripts: UTF-8, Chinese as it is, indented."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def joined(names: Sequence[str]) -> str:
    return "、".join(names)


class _Scoped(Protocol):
    @property
    def unit(self) -> Unit | None: ...


def whose(listing: _Scoped) -> str:
    """How a listing's title begins: the unit's name and a space, or nothing for every unit."""
    return f"{listing.unit.name} " if listing.unit else ""
