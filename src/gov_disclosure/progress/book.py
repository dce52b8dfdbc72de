"""Progress records: each unit's implementation status, one file per unit and year.

Files live at ``progress/<year>/<unit-id>.yaml`` (one file per unit keeps
parallel edits by different units merge-free in git).  This module reads and
checks them; :mod:`gov_disclosure.progress.store` writes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gov_disclosure import constants as C
from gov_disclosure.errors import Finding, GdError, Problem, raise_if_errors, repeated_keys
from gov_disclosure.models import Evidence, ProgressRecord, Status, Unit
from gov_disclosure.plan.assignments import reports_on
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.plan.units import UnitIndex, unit_file
from gov_disclosure.storage.textfile import decode_utf8
from gov_disclosure.storage.workspace import Workspace


def progress_dir(ws: Workspace, year: int) -> Path:
    return ws.root / C.PROGRESS_DIR / str(year)


def progress_path(ws: Workspace, year: int, unit: Unit) -> Path:
    """The file of a unit's records: named after its id, safe on every file system."""
    return progress_dir(ws, year) / f"{unit.id}.yaml"


def date_window(year: int) -> tuple[dt.date, dt.date]:
    """Records of a plan year are dated from 1 January to 31 March of the next year,
    when the annual reports are published."""
    return dt.date(year, 1, 1), dt.date(year + 1, 3, 31)


@dataclass
class UnitProgress:
    """One unit's progress file: its records by task or milestone id."""

    unit: Unit
    path: Path
    records: dict[str, ProgressRecord] = field(default_factory=dict)


@dataclass
class ProgressBook:
    """Every unit's records for one plan year."""

    year: int
    by_unit: dict[str, UnitProgress] = field(default_factory=dict)

    def record(self, unit_id: str, key: str) -> ProgressRecord | None:
        progress = self.by_unit.get(unit_id)
        return progress.records.get(key) if progress else None

    def status(self, unit_id: str, key: str) -> Status | None:
        record = self.record(unit_id, key)
        return record.status if record else None

    def in_registry_order(self, units: UnitIndex) -> None:
        """The units' files in the order of the registry (as every listing shows them)."""
        self.by_unit = dict(sorted(self.by_unit.items(), key=lambda kv: units.order[kv[0]]))

    def as_of(self, day: dt.date) -> ProgressBook:
        """The book as it stood on a day: records dated later had not happened yet."""
        book = ProgressBook(self.year)
        for unit_id, progress in self.by_unit.items():
            kept = {k: r for k, r in progress.records.items() if r.date is None or r.date <= day}
            book.by_unit[unit_id] = UnitProgress(progress.unit, progress.path, kept)
        return book

    def all_records(self) -> list[tuple[Unit, ProgressRecord]]:
        return [(p.unit, r) for p in self.by_unit.values() for r in p.records.values()]


def load_book(loaded: LoadedPlan, today: dt.date) -> tuple[ProgressBook, list[Problem]]:
    """The year's progress as it stood on ``today``, and the files' warnings.

    A progress file that is wrong is an error (exit 1): an answer that silently
    left out a unit's records would be wrong.
    """
    return book_as_of(load_progress(loaded), today)


def book_as_of(
    read: tuple[ProgressBook, list[Problem]], today: dt.date
) -> tuple[ProgressBook, list[Problem]]:
    """A book just read, as it stood on ``today`` (an error when a file was wrong)."""
    book, problems = read
    raise_if_errors(problems)
    return book.as_of(today), problems


def progress_files(ws: Workspace, year: int) -> list[Path]:
    """The year's progress files: ``progress/<year>/<unit-id>.yaml``."""
    return ws.yaml_files(progress_dir(ws, year), "unit-id")[0]


def load_progress(
    loaded: LoadedPlan, today: dt.date | None = None
) -> tuple[ProgressBook, list[Problem]]:
    """Read and check every progress file of the plan's year.

    Returns the book of valid files and the problems of all files (an invalid
    file is left out of the book, never half-read).  With ``today``, a record
    dated after it is a problem too.
    """
    ws = loaded.workspace
    files, folder_problems = ws.yaml_files(progress_dir(ws, loaded.year), "unit-id")
    assert not loaded.partial, "progress is checked against the whole plan"
    book, problems = _load_progress(loaded, files, today)
    return book, folder_problems + problems


def _load_progress(
    loaded: LoadedPlan, files: list[Path], today: dt.date | None
) -> tuple[ProgressBook, list[Problem]]:
    book = ProgressBook(loaded.year)
    problems: list[Problem] = []
    for path in files:
        try:
            progress, file_problems = load_unit_file(loaded, path, today)
        except GdError as exc:
            problems += exc.problems
            continue
        problems += file_problems
        if not any(p.severity == "error" for p in file_problems):
            book.by_unit[progress.unit.id] = progress
    book.in_registry_order(loaded.units)
    return book, problems


def load_unit_file(
    loaded: LoadedPlan,
    path: Path,
    today: dt.date | None = None,
    data: bytes | None = None,
    against: Callable[[Unit, Sequence[str]], LoadedPlan] | None = None,
) -> tuple[UnitProgress, list[Problem]]:
    """One unit's file (or ``data`` already read from it), validated.

    The records are checked against ``loaded``, or against the plan ``against``
    gives for the file's unit and record keys (a slice of the index holding
    every task they name or the unit must act on: the same findings).
    Raises :class:`GdError` when it cannot be read at all.
    """
    from gov_disclosure import schema
    from gov_disclosure.storage import yamlio
    from gov_disclosure.storage.schema_errors import findings_to_problems, validate_document

    if data is None:
        doc = loaded.workspace.load_yaml(path)
    else:
        doc = yamlio.parse(decode_utf8(data, path), path)
    model = validate_document(doc, schema.ProgressFile, "progress file (unit, year, records)")
    unit, findings = unit_file(loaded.units, path, model.unit, "progress")
    if model.year != loaded.year:
        findings.append(Finding(("year",), f"year {model.year} in a file of {loaded.year}"))
    records = [r.runtime() for r in model.records]
    if against is not None:
        loaded = against(unit, [r.task for r in records])
    findings += check_records(loaded, unit, records, today)
    progress = UnitProgress(unit, path, {r.task: r for r in records})
    return progress, findings_to_problems(doc, findings)


def check_records(
    loaded: LoadedPlan, unit: Unit, records: list[ProgressRecord], today: dt.date | None
) -> list[Finding]:
    findings: list[Finding] = []
    first, last = date_window(loaded.year)
    findings += repeated_keys("records", "task", [r.task for r in records], "record for", "record")
    for i, record in enumerate(records):
        loc = ("records", i)
        assigned = reports_on(loaded, record.task, unit)
        if assigned is None:
            findings.append(
                Finding(
                    (*loc, "task"),
                    f"no task or milestone {record.task!r} in the {loaded.year} plan",
                )
            )
        elif not assigned:
            findings.append(
                Finding((*loc, "task"), f"{unit.name} is not assigned to {record.task}")
            )
        if record.status is Status.done and record.date is None:
            findings.append(Finding(loc, f"record {record.task} is done but has no date"))
        if record.date is not None:
            if not first <= record.date <= last:
                findings.append(
                    Finding(
                        (*loc, "date"),
                        f"date {record.date} is outside {first} … {last} "
                        f"for the {loaded.year} plan",
                    )
                )
            elif today is not None and record.date > today:
                findings.append(
                    Finding((*loc, "date"), f"date {record.date} is after today ({today})")
                )
    return findings


#: Words people use for each status besides its id and label (either script: compared folded).
STATUS_WORDS = {
    Status.done: ("完成",),
    Status.in_progress: ("進行中", "推進", "進行"),
    Status.not_started: ("尚未開始", "未啟動"),
    Status.not_applicable: ("無需", "n/a"),
}


def parse_status(text: str) -> Status:
    """A status typed as its id (done, in-progress) or in words (已完成, 完成, 进行中, 推进中,
    未开始, 不适用), in either script."""
    from gov_disclosure.textnorm import fold

    key = fold(text).replace("-", "_")
    for status in Status:
        words = (status.label, *STATUS_WORDS[status])
        if key in (status.value, status.value.replace("_", ""), *map(fold, words)):
            return status
    choices = ", ".join(f"{s.value} ({s.label})" for s in Status)
    raise GdError.usage(f"unknown status {text!r}; use one of: {choices}")


def parse_evidence(text: str) -> Evidence:
    """``REF`` or ``REF TITLE``: a URL, document number or path, then an optional title."""
    from pydantic import ValidationError

    from gov_disclosure import schema

    parts = text.strip().split(None, 1)
    if not parts:
        raise GdError.usage("--evidence is empty")
    try:
        return schema.Evidence(ref=parts[0], title=parts[1] if len(parts) > 1 else None).runtime()
    except ValidationError as exc:
        reason = str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
        raise GdError.usage(f"--evidence {text!r}: {reason}") from None
