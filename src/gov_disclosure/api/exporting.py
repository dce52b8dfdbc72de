"""`gd export`: the plan and its progress as a SQLite database or an Excel/WPS workbook."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from gov_disclosure.api._common import Root, open_plans, parse_script
from gov_disclosure.errors import GdError, Problem, display_path
from gov_disclosure.index.progress import progress_as_of
from gov_disclosure.textnorm import Script


@dataclass(frozen=True)
class ExportResult:
    """What `gd export` wrote: the file, its format, and how many rows of each kind
    (``units``, ``groups``, ``tasks``, ``deadlines``, ``records``)."""

    path: Path
    format: str
    counts: dict[str, int]
    warnings: list[Problem] = field(default_factory=list)


def export(
    *,
    output: Path | str,
    format: str | None = None,
    today: dt.date | None = None,
    script: Script | str | None = None,
    force: bool = False,
    root: Root = None,
    year: int | None = None,
) -> ExportResult:
    """Write the plan and its progress as a SQLite database (``sqlite``: the stable schema
    of docs/export.md) or an Excel/WPS workbook (``xlsx``), wholly in one script.

    ``format`` defaults to what ``output``'s name ends in (.sqlite, .sqlite3, .db, .xlsx).
    Records dated after ``today`` (default: the real date) are left out.  The file is
    written at once, only when complete, never over a workspace file, over an existing
    file only when gd wrote it (or with ``force``), and never into a folder that does not
    exist; the same inputs give the same bytes.
    """
    from gov_disclosure.export.tables import export_tables
    from gov_disclosure.storage.outputs import check_target, write_document

    path = Path(output)
    chosen = _export_format(format, path)
    if not path.parent.is_dir():
        folder = display_path(path.parent)
        raise GdError.usage(
            f"-o {display_path(path)}: there is no folder {folder}; create it first"
        )
    plans = open_plans(root, year)
    loaded = plans.whole()
    check_target(path, loaded.workspace.root, force)  # refused before anything is built
    book, warnings = progress_as_of(plans, today or dt.date.today())
    tables = export_tables(loaded, book, loaded.script_for(parse_script(script)))
    if chosen == "sqlite":
        from gov_disclosure.export.sqlite import to_sqlite

        data = to_sqlite(tables)
    else:
        from gov_disclosure.export.xlsx import to_xlsx

        data = to_xlsx(tables)
    write_document(path, data, loaded.workspace.root, force)
    return ExportResult(path, chosen, tables.counts(), warnings)


#: What an export's file name ends in, for each format.
_EXPORT_SUFFIXES = {".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite", ".xlsx": "xlsx"}


def _export_format(given: str | None, path: Path) -> str:
    """The format asked for, else the one the file name says; a name of the other format is
    refused (``--format xlsx -o plan.sqlite`` is a slip)."""
    from gov_disclosure.export.tables import ExportFormat

    named = _EXPORT_SUFFIXES.get(path.suffix.lower())
    if given is None:
        if named is None:
            raise GdError.usage(
                f"say the format with --format sqlite|xlsx (-o {path.name} does not say it)"
            )
        return named
    if given not in set(ExportFormat):
        raise GdError.usage(f"unknown format {given!r}; use one of: sqlite, xlsx")
    if named is not None and named != given:
        raise GdError.usage(f"-o {path.name} names a {named} file, not {given}")
    return str(given)
