"""One way to print a listing: a rich table on a terminal, JSON or CSV for scripts.

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
from typing import Any, TypeVar

from rich import box
from rich.table import Table

from gov_disclosure.cli.common import stderr_console, stdout_console
from gov_disclosure.cli.options import OutputFormat

#: A listing's record: a JSON-ready mapping (often a TypedDict of the core).
R = TypeVar("R", bound=Mapping[str, Any])


@dataclass(frozen=True)
class Column:
    label: str
    #: Keep on one line (ids, dates); other columns wrap long text, never cut it.
    nowrap: bool = False
    ratio: int | None = None
    justify: str = "left"


def convert_all(value: Any, conv: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return conv(value)
    if isinstance(value, list):
        return [convert_all(v, conv) for v in value]
    if isinstance(value, dict):
        return {k: convert_all(v, conv) for k, v in value.items()}
    return value


def emit(
    fmt: OutputFormat,
    records: Sequence[R],
    columns: Sequence[Column],
    cells: Callable[[R], Sequence[str]],
    *,
    conv: Callable[[str], str],
    title: str | None = None,
    caption: str | None = None,
) -> None:
    if fmt is OutputFormat.json:
        print_json(convert_all(records, conv))
        return
    header = [conv(c.label) for c in columns]
    rows = [[conv(cell) for cell in cells(r)] for r in records]
    if fmt is OutputFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
        # A byte-order mark, so Excel and WPS read the Chinese as UTF-8.
        sys.stdout.write("\ufeff" + buffer.getvalue())
        return
    table = Table(
        title=conv(title) if title else None,
        caption=conv(caption) if caption else None,
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
    for row in rows:
        table.add_row(*row)
    stdout_console().print(table)


def write_output(data: bytes, output: Path | None = None, quiet: bool = False) -> None:
    """A document's bytes to standard output, or atomically to ``output`` (said on stderr)."""
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from gov_disclosure.errors import display_path
    from gov_disclosure.storage.fileio import atomic_write

    output.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(output, data)
    if not quiet:
        size = f"{len(data) / 1024:.0f} KB" if len(data) >= 1024 else f"{len(data)} bytes"
        stderr_console().print(f"wrote {display_path(output)} ({size})", markup=False)


def print_json(data: Any) -> None:
    """JSON for scripts: UTF-8, Chinese as it is, indented."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def joined(names: Sequence[str]) -> str:
    return "、".join(names)
