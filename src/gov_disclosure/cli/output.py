"""One way to print a listing: a table for people (:mod:`~gov_disclosure.cli.terminal`), JSON or
CSV for scripts.

Commands compute their rows once: ``records`` (plain data, printed as JSON)
and, for each record, the cells people read (printed as a table or CSV).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import typer

from gov_disclosure.cli.common import stderr_console
from gov_disclosure.cli.options import OutputFormat
from gov_disclosure.errors import GdError
from gov_disclosure.textnorm import convert_texts, spreadsheet_safe, visible

if TYPE_CHECKING:
    from gov_disclosure.models import Unit
    from gov_disclosure.storage.fileio import Content

#: A listing's record: a JSON-ready mapping (often a TypedDict of the core).
R = TypeVar("R", bound=Mapping[str, Any])


@dataclass(frozen=True)
class Column:
    """A listing's column: its Chinese label and how its cells are laid out in a table."""

    label: str
    #: Keep on one line (ids, dates); other columns wrap long text, never cut it.
    nowrap: bool = False
    ratio: int | None = None
    justify: str = "left"


#: Columns many listings show, declared once: a task's or request's number, a date, a state.
ID = Column("編號", nowrap=True)
DATE = Column("日期", nowrap=True)
STATE = Column("狀態", nowrap=True)


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
        print_json(convert_texts(records, conv))
        return
    header = [conv(c.label) for c in columns]
    rows = [[visible(conv(cell)) for cell in cells(r)] for r in records]
    if fmt is OutputFormat.csv:
        print_csv(header, rows)
        return
    from gov_disclosure.cli.terminal import print_table  # rich: only for people at a table

    styles = [row_style(r) for r in records] if row_style else [None] * len(rows)
    texts = [visible(conv(t)) if t else None for t in (title, caption)]
    print_table(header, columns, rows, styles, title=texts[0], caption=texts[1])


def print_csv(header: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    # A cell that starts like a formula (=, +, -, @) is shown as text, never evaluated.
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    # A byte-order mark, so Excel and WPS read the Chinese as UTF-8.
    sys.stdout.write("\ufeff" + buffer.getvalue())


def write_output(
    data: Content, output: Path | None = None, quiet: bool = False, root: Path | None = None
) -> None:
    """A document to standard output, or atomically to ``output`` (said on stderr); with
    ``root`` (the workspace), the file is checked as a document target and remembered.

    ``data`` is the document's bytes, or its pieces as they are rendered: a file then never
    holds the whole document in memory, and a failure while rendering leaves the old file.
    Standard output always gets the whole document or nothing, so pieces are gathered first.
    """
    from gov_disclosure.storage.fileio import whole

    if output is None:
        content = whole(data)
        sys.stdout.flush()
        try:
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise GdError.data(f"cannot write to standard output: {exc.strerror or exc}") from None
        return
    from gov_disclosure.errors import display_path
    from gov_disclosure.storage.outputs import write_document

    written = write_document(output, data, root, force=True)  # checked before rendering
    if not quiet:
        size = f"{written / 1024:.0f} KB" if written >= 1024 else f"{written} bytes"
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
