"""A year's progress files in the index: each file's records and what checking it found.

A file is checked again only when its content, the plan it is checked against
(registry, plan, settings) or the day it is checked as of changed; the others'
rows are read back as they were, so ``gd validate`` after one unit's edit reads
one file.  The answer is the book and the problems a straight read gives
(:func:`gov_disclosure.progress.book.load_progress`), in the same order.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from gov_disclosure.errors import GdError, Problem, errors_among
from gov_disclosure.index import db
from gov_disclosure.index.plans import DAMAGED, PlanIndex
from gov_disclosure.models import Evidence, ProgressRecord, Status, Unit
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.progress.book import (
    ProgressBook,
    UnitProgress,
    book_as_of,
    load_progress,
    load_unit_file,
    progress_dir,
)
from gov_disclosure.storage import cache, plaindata


def indexed_progress(
    plans: PlanIndex,
    today: dt.date | None = None,
    units: Collection[str] | None = None,
    details: bool = True,
    keys: Collection[str] | None = None,
) -> tuple[ProgressBook, list[Problem]]:
    """The year's book (of ``units``' files and ``keys``' records only, when given) and every
    file's problems.

    Without ``details`` a record holds its task, status and date only (what
    deadlines are judged by), not its evidence and note.
    """
    return _read(plans, today, Scope(units, keys, details))[:2]


def progress_summary(plans: PlanIndex, today: dt.date | None) -> tuple[int, list[Problem]]:
    """How many records the year's sound files hold, and every file's problems (what
    ``gd validate`` reports), counted in the index without building the records."""
    book, problems, just_read = _read(plans, today, Scope(keys=()))
    if just_read is None:
        return sum(len(p.records) for p in book.by_unit.values()), problems
    assert plans.conn is not None
    paths = [str(p.path) for p in book.by_unit.values()]
    # A file just read is counted as read: its rows may not have been written.
    count = sum(just_read[path] for path in paths if path in just_read)
    rest = [path for path in paths if path not in just_read]
    if rest:
        sql = f"SELECT count(*) FROM records WHERE year = ? AND path IN ({_marks(rest)})"
        count += int(plans.conn.execute(sql, (plans.year, *rest)).fetchone()[0])
    return count, problems


def _read(
    plans: PlanIndex, today: dt.date | None, scope: Scope
) -> tuple[ProgressBook, list[Problem], dict[str, int] | None]:
    """The book of ``scope`` and the problems; with an index, how many records each file it
    read again holds (None: the files were read straight, whole: the index is off, or its
    rows damaged or rewritten meanwhile)."""
    if plans.conn is not None:
        try:
            return _indexed(plans, today, scope)
        except DAMAGED:
            pass
    return (*load_progress(plans.whole(), today), None)


def _marks(values: Collection[object]) -> str:
    return ",".join("?" * len(values))


@dataclass(frozen=True)
class Scope:
    """Which records a book is made of: some units' files, some keys, with or without details."""

    units: Collection[str] | None = None
    keys: Collection[str] | None = None
    details: bool = True


def _indexed(
    plans: PlanIndex, today: dt.date | None, scope: Scope
) -> tuple[ProgressBook, list[Problem], dict[str, int]]:
    ws = plans.ws
    files, problems = ws.yaml_files(progress_dir(ws, plans.year), "unit-id")
    day = today.isoformat() if today else ""
    wanted = {s.path: f"{s.digest}|{plans.key}" for s in cache.fingerprint(files)}
    assert plans.conn is not None
    rows = _file_rows(plans.conn, plans.year, day)
    stale = [p for p in files if str(p) not in rows or rows[str(p)][0] != wanted.get(str(p))]
    read: dict[str, list[ProgressRecord]] = {}
    if stale:
        checked, read = _check(plans, stale, wanted, today)
        rows.update(checked)
    _forget_others(plans, {str(p) for p in files})
    usable: list[tuple[str, str]] = []
    for path in files:
        _, unit_id, ok, found = rows[str(path)]
        problems += found
        if ok and unit_id is not None and (scope.units is None or unit_id in scope.units):
            usable.append((str(path), unit_id))
    book = _book(plans, usable, scope, read)
    plans.confirm()
    return book, problems, {path: len(records) for path, records in read.items()}


def progress_as_of(
    plans: PlanIndex,
    today: dt.date,
    unit: Unit | None = None,
    details: bool = True,
    keys: Collection[str] | None = None,
) -> tuple[ProgressBook, list[Problem]]:
    """The progress as it stood on ``today`` (only a unit's or its members' records, and only
    ``keys``' records, when given); an error when a file is wrong, as
    :func:`gov_disclosure.progress.book.load_book`."""
    ids = {u.id for u in plans.header.units.expand(unit)} if unit is not None else None
    return book_as_of(indexed_progress(plans, None, ids, details, keys), today)


#: How many edited files are checked one slice each; more are checked against the whole plan.
_FEW = 3

_FileRow = tuple[str, str | None, bool, list[Problem]]


def _file_rows(conn: sqlite3.Connection, year: int, day: str) -> dict[str, _FileRow]:
    out: dict[str, _FileRow] = {}
    sql = (
        "SELECT path, checked, unit, usable, problems FROM progress_files"
        " WHERE year = ? AND day = ?"
    )
    for path, checked, unit, ok, problems in conn.execute(sql, (year, day)):
        found = plaindata.loads(problems)
        if not isinstance(found, list):
            raise ValueError("not a list of problems")
        out[path] = (checked, unit, bool(ok), found)
    return out


def _check(
    plans: PlanIndex, stale: list[Path], wanted: dict[str, str], today: dt.date | None
) -> tuple[dict[str, _FileRow], dict[str, list[ProgressRecord]]]:
    """Check files against the plan and write their rows (when the index takes them); the
    rows, and the records just read (the book takes them as they are, not back from SQL).

    A few files edited since the last run are each checked against the slice of the
    plan their unit and records name (no need to read every task); more, against the
    whole plan, read once."""
    if plans.whole_plan is None and len(stale) <= _FEW:
        loaded, against = plans.header, plans.reaching
    else:
        loaded, against = plans.whole(), None
    out: dict[str, _FileRow] = {}
    read: dict[str, list[ProgressRecord]] = {}
    writes: list[_Write] = []
    for path in stale:
        key = wanted.get(str(path), "")
        try:
            progress, found = load_unit_file(loaded, path, today, against=against)
        except GdError as exc:
            out[str(path)] = (key, None, False, exc.problems)
            writes.append((path, key, None, exc.problems, []))
            continue
        ok = not errors_among(found)
        out[str(path)] = (key, progress.unit.id, ok, found)
        read[str(path)] = list(progress.records.values())
        writes.append((path, key, progress.unit.id, found, read[str(path)]))
    with contextlib.suppress(sqlite3.Error):  # not written: checked again next time
        _write(plans, writes, today.isoformat() if today else "")
    return out, read


#: A file's row to write: path, checked key, unit id (None: unreadable), problems, records.
_Write = tuple[Path, str, str | None, list[Problem], list[ProgressRecord]]


def _write(plans: PlanIndex, writes: list[_Write], day: str) -> None:
    """A file's rows as checked as of ``day``: kept beside those of no day, replacing any
    other day's (a day's check adds only problems of records dated after it)."""
    assert plans.conn is not None
    year = plans.year
    with db.transaction(plans.conn) as conn:
        for path, key, unit_id, found, records in writes:
            conn.execute("DELETE FROM records WHERE year = ? AND path = ?", (year, str(path)))
            conn.execute(
                "DELETE FROM progress_files WHERE year = ? AND path = ?"
                " AND (day = ? OR (day != '' AND ? != '') OR checked != ?)",
                (year, str(path), day, day, key),
            )
            conn.execute(
                "INSERT INTO progress_files VALUES (?, ?, ?, ?, ?, ?, ?)",
                (year, str(path), day, key, unit_id,
                 int(unit_id is not None and not errors_among(found)), plaindata.dumps(found)),
            )  # fmt: skip
            if unit_id is None:
                continue
            conn.executemany(
                "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(year, str(path), unit_id, i, *record_row(r)) for i, r in enumerate(records)],
            )


def _forget_others(plans: PlanIndex, present: set[str]) -> None:
    """Drop the rows of files that are gone (deleted, renamed)."""
    assert plans.conn is not None
    sql = "SELECT DISTINCT path FROM progress_files WHERE year = ?"
    gone = [p for (p,) in plans.conn.execute(sql, (plans.year,)) if p not in present]
    if not gone:
        return
    with contextlib.suppress(sqlite3.Error), db.transaction(plans.conn) as conn:
        for path in gone:
            conn.execute(
                "DELETE FROM progress_files WHERE year = ? AND path = ?", (plans.year, path)
            )
            conn.execute("DELETE FROM records WHERE year = ? AND path = ?", (plans.year, path))


def _book(
    plans: PlanIndex,
    usable: list[tuple[str, str]],
    scope: Scope,
    read: dict[str, list[ProgressRecord]],
) -> ProgressBook:
    """The book of these files' records, units in registry order (as a straight read): the
    records of files just ``read`` as they are, the others' from their rows."""
    assert plans.conn is not None
    loaded: LoadedPlan = plans.header
    by_path: dict[str, dict[str, ProgressRecord]] = {path: {} for path, _ in usable}
    keys = None if scope.keys is None else set(scope.keys)
    for path, records in read.items():
        if path in by_path:
            chosen = (r for r in records if keys is None or r.task in keys)
            by_path[path] = {r.task: _scoped(r, scope) for r in chosen}
    rest = [(path, unit_id) for path, unit_id in usable if path not in read]
    if rest:
        units = sorted({unit_id for _, unit_id in rest})
        _rows_into(plans, {path: by_path[path] for path, _ in rest}, units, scope)
    book = ProgressBook(plans.year)
    for path, unit_id in usable:
        unit = loaded.units.by_id[unit_id]
        book.by_unit[unit_id] = UnitProgress(unit, Path(path), by_path[path])
    book.in_registry_order(loaded.units)
    return book


def _scoped(record: ProgressRecord, scope: Scope) -> ProgressRecord:
    """A record as its row gives it in ``scope``: without details, its key, status and date."""
    return record if scope.details else ProgressRecord(record.task, record.status, record.date)


def _rows_into(
    plans: PlanIndex, by_path: dict[str, dict[str, ProgressRecord]], units: list[str], scope: Scope
) -> None:
    """The records of these files (of these units) from their rows, into their entries."""
    assert plans.conn is not None
    columns = "evidence, note" if scope.details else "NULL, NULL"
    sql = (
        f"SELECT path, key, status, date, {columns} FROM records"
        f" WHERE year = ? AND unit IN ({_marks(units)})"
    )
    if scope.keys is not None:
        plans.conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (key TEXT PRIMARY KEY)")
        plans.conn.execute("DELETE FROM wanted")
        plans.conn.executemany(
            "INSERT OR IGNORE INTO wanted VALUES (?)", [(k,) for k in scope.keys]
        )
        sql += " AND key IN (SELECT key FROM wanted)"
    rows = plans.conn.execute(sql + " ORDER BY path, position", (plans.year, *units))
    for path, *row in rows:
        kept = by_path.get(path)
        if kept is not None:
            record = from_row(*row)
            kept[record.task] = record


_STATUS = {s.value: s for s in Status}


def record_row(record: ProgressRecord) -> tuple[str, str, str | None, str | None, str | None]:
    """A record as the ``records`` table's columns (key, status, date, evidence, note)."""
    evidence = [[e.ref, e.title] for e in record.evidence]
    return (
        record.task,
        record.status.value,
        record.date.isoformat() if record.date else None,
        json.dumps(evidence, ensure_ascii=False) if evidence else None,
        record.note,
    )


def from_row(
    key: str, status: str, date: str | None, evidence: str | None, note: str | None
) -> ProgressRecord:
    """The record of a row (ValueError, KeyError or TypeError for one gd did not write)."""
    found = json.loads(evidence) if evidence else []
    return ProgressRecord(
        str(key),
        _STATUS[status],
        dt.date.fromisoformat(date) if date else None,
        tuple(Evidence(str(ref), None if title is None else str(title)) for ref, title in found),
        None if note is None else str(note),
    )
