"""The register files: ``requests/<year>/<unit-id>.yaml``, read and checked.

One file per unit and year of receipt (like progress), so units record in
parallel without merge conflicts.  Every check is made on reading, each
problem at its line: the schema, the unit and year, request numbers, the
receipt day per channel (第三十一條), personal data that must not be there,
and each request's events replayed on the working-day calendar
(:mod:`.clock`).  A register that is wrong is an error for every command that
reads it: an answer that silently left out a request would be wrong.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gov_disclosure import constants as C
from gov_disclosure.errors import Finding, GdError, Problem, raise_if_errors, repeated_keys
from gov_disclosure.models import Unit
from gov_disclosure.plan.units import UnitIndex, unit_file
from gov_disclosure.requests import model as M
from gov_disclosure.requests.clock import replay
from gov_disclosure.requests.files import all_register_files, private_files, private_path
from gov_disclosure.requests.model import Request
from gov_disclosure.requests.settings import Settings, load_settings, settings_path
from gov_disclosure.storage import cache
from gov_disclosure.storage.textfile import decode_utf8
from gov_disclosure.storage.workspace import Workspace
from gov_disclosure.workdays.calendar import WorkCalendar, package_files, workdays_path


@dataclass
class RegisterFile:
    """One unit's register of requests for a year."""

    unit: Unit
    year: int
    path: Path
    requests: list[Request] = field(default_factory=list)


@dataclass
class Register:
    """Every unit's requests of every year, and the workspace's settings."""

    files: list[RegisterFile]
    settings: Settings

    def requests(self, unit_ids: set[str] | None = None) -> list[Request]:
        return [
            r for f in self.files if unit_ids is None or f.unit.id in unit_ids for r in f.requests
        ]

    def find(self, number: str) -> tuple[RegisterFile, Request] | None:
        key = number.strip().lower()
        for f in self.files:
            for r in f.requests:
                if r.number == key:
                    return f, r
        return None

    def unit(self, unit_id: str) -> Unit | None:
        return next((f.unit for f in self.files if f.unit.id == unit_id), None)


def load_register(
    ws: Workspace, units: UnitIndex, calendar: WorkCalendar, today: dt.date | None = None
) -> tuple[Register, list[Problem]]:
    """Every register file, checked (every problem, each at its line; none raised).

    From the workspace cache when the files, the registry, the settings and
    the calendar are unchanged (and no ``today`` asks for a date check).
    """
    files, odd = all_register_files(ws)
    use_cache = today is None and ws.rev is None and cache.enabled()
    sources = [
        ws.registry_path,
        settings_path(ws),
        workdays_path(ws),
        *package_files(),
        *files,
        *(p.file for p in odd if p.file is not None),  # a stray is said while it is there
    ]
    if use_cache:
        hit = cache.load(ws.root, "requests", sources)
        if isinstance(hit, tuple) and len(hit) == 2 and isinstance(hit[0], Register):
            return hit
    register, problems = _load_register(ws, units, calendar, files, today)
    result = register, [*odd, *problems]
    if use_cache:
        cache.store(ws.root, "requests", sources, result)
    return result


def _load_register(
    ws: Workspace,
    units: UnitIndex,
    calendar: WorkCalendar,
    files: list[Path],
    today: dt.date | None,
) -> tuple[Register, list[Problem]]:
    problems: list[Problem] = []
    try:
        settings = load_settings(ws)
    except GdError as exc:
        problems += exc.problems
        settings = Settings()
    register = Register([], settings)
    for path in files:
        try:
            loaded, file_problems = load_register_file(
                ws, units, path, calendar, settings, today=today
            )
        except GdError as exc:
            problems += exc.problems
            continue
        problems += file_problems
        if not any(p.severity == "error" for p in file_problems):
            register.files.append(loaded)
    return register, problems


def checked_register(
    ws: Workspace, units: UnitIndex, calendar: WorkCalendar
) -> tuple[Register, list[Problem]]:
    """The register for a command that reads it: raise when any file is wrong."""
    register, problems = load_register(ws, units, calendar)
    raise_if_errors(problems)
    return register, [p for p in problems if p.severity == "warning"]


def load_register_file(
    ws: Workspace,
    units: UnitIndex,
    path: Path,
    calendar: WorkCalendar | None,
    settings: Settings,
    *,
    today: dt.date | None = None,
    data: bytes | None = None,
) -> tuple[RegisterFile, list[Problem]]:
    """One register file (or ``data`` read from it), checked; raise when it cannot be read.

    Without ``calendar`` the events are checked but no deadline (what a write
    checks: a calendar that lacks a year must not stop a request being recorded).
    """
    from gov_disclosure.requests.privacy import scan
    from gov_disclosure.requests.schema import PERSONAL_FIELDS
    from gov_disclosure.requests.schema import RegisterFile as Schema
    from gov_disclosure.storage import yamlio
    from gov_disclosure.storage.schema_errors import findings_to_problems, validate_document

    text = ws.read(path) if data is None else decode_utf8(data, path)
    doc = yamlio.parse(text, path)
    findings = _personal_fields(doc.data)
    clean = yamlio.YamlDocument(path, _without_personal(doc.data), doc.root)
    model = validate_document(clean, Schema, "request register (unit, year, requests)")
    unit, more = unit_file(units, path, model.unit, "register")
    findings += more + _check_year(model.year, path)
    requests = [r.runtime(unit.id) for r in model.requests]
    findings += check_requests(unit, model.year, requests, today)
    for i, request in enumerate(requests):
        findings += clock_findings(i, request, calendar, settings)
    problems = findings_to_problems(doc, findings) + scan(doc.root, path, PERSONAL_FIELDS)
    return RegisterFile(unit, model.year, path, requests), problems


def _personal_fields(data: Any) -> list[Finding]:
    from gov_disclosure.requests.schema import PERSONAL_FIELDS

    findings = []
    for i, item in enumerate(_request_items(data)):
        for name in PERSONAL_FIELDS:
            if name in item:
                findings.append(
                    Finding(
                        ("requests", i, name),
                        f"{name}: personal data never goes in a register file git keeps; it "
                        f"belongs in the git-ignored {C.REQUESTS_DIR}/{C.PRIVATE_DIR}/ file "
                        "(gd requests add --name/--phone/--id-number/--address)",
                        key=True,
                    )
                )
    return findings


def _request_items(data: Any) -> list[dict[Any, Any]]:
    items = data.get("requests") if isinstance(data, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _without_personal(data: Any) -> Any:
    from gov_disclosure.requests.schema import PERSONAL_FIELDS

    if not _request_items(data):
        return data
    cleaned = dict(data)
    cleaned["requests"] = [
        {k: v for k, v in item.items() if k not in PERSONAL_FIELDS}
        if isinstance(item, dict)
        else item
        for item in data["requests"]
    ]
    return cleaned


def _check_year(year: int, path: Path) -> list[Finding]:
    if path.parent.name != str(year):
        return [Finding(("year",), f"year {year} in a file of {path.parent.name}")]
    return []


def check_requests(
    unit: Unit, year: int, requests: list[Request], today: dt.date | None
) -> list[Finding]:
    """What each request must be on its own: its number, its receipt day, its dates."""
    findings: list[Finding] = []
    numbers = [r.number for r in requests]
    findings += repeated_keys("requests", "number", numbers, "request number", "request")
    for i, request in enumerate(requests):
        loc = ("requests", i)
        findings += _check_number(loc, request, unit, year)
        findings += _check_receipt(loc, request, year, today)
    return findings


def _check_number(
    loc: tuple[str | int, ...], request: Request, unit: Unit, year: int
) -> list[Finding]:
    unit_id, number_year = M.parse_number(request.number)
    if unit_id == unit.id and number_year == year:
        return []
    return [
        Finding(
            (*loc, "number"),
            f"{request.number} is not a number of {unit.name}'s {year} register "
            f"(its numbers are {unit.id}-{year}-001, -002 …)",
        )
    ]


def _check_receipt(
    loc: tuple[str | int, ...], request: Request, year: int, today: dt.date | None
) -> list[Finding]:
    findings: list[Finding] = []
    if request.channel.needs_confirmation and request.confirmed is None:
        findings.append(
            Finding(
                (*loc, "confirmed"),
                f"channel {request.channel.value}: the receipt day is the day of confirmation "
                f"({request.channel.receipt_rule}); record confirmed:",
            )
        )
    if not request.channel.needs_confirmation and request.confirmed is not None:
        findings.append(
            Finding(
                (*loc, "confirmed"),
                f"channel {request.channel.value} needs no confirmation: its receipt day is "
                f"{request.channel.receipt_rule}",
            )
        )
    if request.confirmed is not None and request.confirmed < request.received:
        findings.append(
            Finding((*loc, "confirmed"), f"confirmed {request.confirmed}, before it was received")
        )
    day = request.receipt_day
    if day < M.REGULATION_IN_FORCE:
        findings.append(
            Finding(
                (*loc, "received"),
                f"received {day}: the register follows the 條例 in force from "
                f"{M.REGULATION_IN_FORCE}",
            )
        )
    if day.year != year:
        findings.append(Finding((*loc, "received"), f"received {day}, in a register of {year}"))
    findings += _check_today(loc, request, today)
    return findings


def _check_today(
    loc: tuple[str | int, ...], request: Request, today: dt.date | None
) -> list[Finding]:
    if today is None:
        return []
    dated: list[tuple[tuple[str | int, ...], dt.date]] = [((*loc, "received"), request.receipt_day)]
    dated += [((*loc, "events", j, "date"), e.date) for j, e in enumerate(request.events)]
    return [
        Finding(where, f"date {day} is after today ({today})")
        for where, day in dated
        if day > today
    ]


def clock_findings(
    i: int, request: Request, calendar: WorkCalendar | None, settings: Settings
) -> list[Finding]:
    """The request's events replayed: each broken rule or time limit at its event."""
    clock = replay(request, calendar, settings)
    loc: tuple[str | int, ...] = ("requests", i)
    findings = [
        Finding(
            (*loc, "events", issue.index, issue.field) if issue.index is not None else loc,
            f"{request.number}: {issue.message}",
            issue.severity,
        )
        for issue in clock.issues
    ]
    if clock.calendar_error:
        findings.append(Finding((*loc, "received"), f"{request.number}: {clock.calendar_error}"))
    return findings


# ---- the private files ------------------------------------------------------------------------


def load_private(ws: Workspace, year: int, unit_id: str) -> dict[str, M.Applicant]:
    """The applicants of a unit's requests of a year (empty without the file)."""
    path = private_path(ws, year, unit_id)
    if not path.is_file():
        return {}
    from gov_disclosure.requests.schema import PrivateFile
    from gov_disclosure.storage.schema_errors import validate_document

    model = validate_document(
        ws.load_yaml(path), PrivateFile, "private file (unit, year, applicants)"
    )
    return {number: a.runtime() for number, a in model.applicants.items()}


def check_private_files(ws: Workspace, register: Register) -> tuple[list[Problem], int]:
    """The private files: valid, about requests that exist, and ignored by git.

    Returns the problems and how many applicants the files hold.
    """
    from gov_disclosure.requests.schema import PrivateFile
    from gov_disclosure.storage.schema_errors import findings_to_problems, validate_document

    paths, problems = private_files(ws)
    count = 0
    for path in paths:
        try:
            doc = ws.load_yaml(path)
            model = validate_document(doc, PrivateFile, "private file (unit, year, applicants)")
        except GdError as exc:
            problems += exc.problems
            continue
        count += len(model.applicants)
        applicants = {n: a.runtime() for n, a in model.applicants.items()}
        problems += findings_to_problems(doc, _private_findings(ws, path, register, applicants))
    return problems, count


def _private_findings(
    ws: Workspace, path: Path, register: Register, applicants: dict[str, M.Applicant]
) -> list[Finding]:
    from gov_disclosure.requests.privacy import id_checksum_ok, not_ignored

    findings: list[Finding] = []
    if applicants and not_ignored(ws, path):
        findings.append(
            Finding(
                ("applicants",),
                "this file holds applicants' personal data but git does not ignore it; add "
                "/requests/private/ to .gitignore (and if it was committed, remove it from "
                "the repository's history)",
                key=True,
            )
        )
    for number, applicant in applicants.items():
        if register.find(number) is None:
            findings.append(
                Finding(
                    ("applicants", number),
                    f"no request {number} in the register",
                    "warning",
                    key=True,
                )
            )
        number_id = applicant.id_number or ""
        if len(number_id) == 18 and not id_checksum_ok(number_id):
            findings.append(
                Finding(
                    ("applicants", number, "id_number"),
                    "the ID number's check character is wrong (GB 11643); check the number",
                    "warning",
                )
            )
    return findings
