"""Writing the register: a new request, an event; the applicant's data to the private file.

Like progress writes: locked (two writers at once both land), atomic (a crash
leaves the old file), comment-preserving (ruamel.yaml's round trip keeps what
people wrote by hand), and checked before anything is written: what was
typed (exit 2), the file as it is (a file that is not valid is never
rewritten), and the file as it would be.  Personal data goes only to the
private file, and only once git is known to ignore it.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from gov_disclosure.errors import ExitCode, GdError, Problem, display_path, errors_among
from gov_disclosure.models import Unit
from gov_disclosure.plan.units import UnitIndex
from gov_disclosure.requests import model as M
from gov_disclosure.requests.clock import replay
from gov_disclosure.requests.files import private_path, register_path
from gov_disclosure.requests.model import Applicant, Event, Request
from gov_disclosure.requests.privacy import (
    ID_15,
    LANDLINE,
    MOBILE,
    ensure_ignored,
    find_personal,
    id_checksum_ok,
)
from gov_disclosure.requests.register import load_register_file
from gov_disclosure.requests.settings import Settings
from gov_disclosure.storage.fileio import atomic_write, ensure_gitignore, locked, round_trip_yaml
from gov_disclosure.storage.workspace import Workspace
from gov_disclosure.workdays.calendar import WorkCalendar

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap

REQUEST_KEYS = ("number", "channel", "received", "confirmed", "applicant_type", "subject", "note")
EVENT_KEYS = (
    "kind",
    "date",
    "outcome",
    "days",
    "approved_by",
    "approved_on",
    "delivered",
    "amount",
    "note",
)


@dataclass(frozen=True)
class Written:
    """What a write did: the request's number, the files, and what to tell the user."""

    number: str
    path: Path
    created: bool
    private: Path | None = None
    messages: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    #: The request's deadline after the write (None while it cannot be known).
    deadline: dt.date | None = None
    #: Where the request then stands: running, paused, awaiting_correction, concluded.
    state: str = "running"


# ---- checking what was typed --------------------------------------------------------------


def check_new(request: Request, unit: Unit, today: dt.date) -> None:
    """Refuse (exit 2) a new request that cannot be right."""
    if unit.is_group:
        raise GdError.usage(f"{unit.name} is a group; a register is kept by each unit")
    _check_confirmation(request)
    for option, day in (("--received", request.received), ("--confirmed", request.confirmed)):
        if day is not None and day > today:
            raise GdError.usage(f"{option} {day} is in the future (today is {today})")
    if request.receipt_day < M.REGULATION_IN_FORCE:
        raise GdError.usage(
            f"received {request.receipt_day}: the register follows the 條例 in force from "
            f"{M.REGULATION_IN_FORCE}"
        )
    refuse_personal("--subject", request.subject)
    refuse_personal("--note", request.note)


def _check_confirmation(request: Request) -> None:
    """The confirmation channels need their day of confirmation, the others none (第三十一條)."""
    channel = request.channel
    if channel.needs_confirmation and request.confirmed is None:
        raise GdError.usage(
            f"--channel {channel.value}: the receipt day is {channel.receipt_rule}; "
            "give it as --confirmed DATE"
        )
    if not channel.needs_confirmation and request.confirmed is not None:
        raise GdError.usage(
            f"--channel {channel.value} needs no --confirmed: its receipt day is "
            f"{channel.receipt_rule}"
        )
    if request.confirmed is not None and request.confirmed < request.received:
        raise GdError.usage(
            f"--confirmed {request.confirmed} is before --received {request.received}"
        )


def refuse_personal(option: str, text: str | None) -> None:
    """Refuse text bound for a tracked file that holds what looks like an ID number or phone."""
    if not text:
        return
    found = find_personal(text)
    if found:
        raise GdError.usage(
            f"{option} holds what looks like {found[0][1]}; personal data never goes in the "
            "register git keeps: give it with --phone / --id-number"
        )


def check_applicant(applicant: Applicant) -> None:
    """Refuse a phone or ID number that is not one (what was typed is wrong, exit 2)."""
    if applicant.phone is not None:
        phone = applicant.phone.strip()
        if not (MOBILE.fullmatch(phone) or LANDLINE.fullmatch(phone)):
            raise GdError.usage("--phone is not a phone number (13812345678 or 0874-1234567)")
    if applicant.id_number is not None:
        number = applicant.id_number.strip().upper()
        if not (id_checksum_ok(number) or ID_15.fullmatch(number)):
            raise GdError.usage(
                "--id-number is not a mainland ID number (18 characters with a valid check "
                "character, GB 11643)"
            )
    for option, value in (("--name", applicant.name), ("--address", applicant.address)):
        if value is not None and not value.strip():
            raise GdError.usage(f"{option} is empty")


# ---- gd requests add ----------------------------------------------------------------------


def add_request(
    ws: Workspace,
    units: UnitIndex,
    unit: Unit,
    request: Request,
    applicant: Applicant,
    today: dt.date,
    settings: Settings,
) -> Written:
    """Record a new request under the next number of its unit and year of receipt."""
    check_new(request, unit, today)
    check_applicant(applicant)
    year = request.receipt_day.year
    path = register_path(ws, year, unit.id)
    if path.exists():
        _check_existing(ws, units, path, path.read_bytes(), settings)
    probe = private_path(ws, year, unit.id)
    messages = ensure_ignored(ws, probe) if applicant else []
    path.parent.mkdir(parents=True, exist_ok=True)
    ensure_gitignore(path.parent.parent)
    with locked(path):
        created = not path.exists()
        old = b"" if created else path.read_bytes()
        numbers = [] if created else _check_existing(ws, units, path, old, settings)
        number = next_number(unit.id, year, numbers)
        new = _with_request(old, unit, year, replace(request, number=number, unit_id=unit.id))
        _check_written(ws, units, path, new, settings)
        atomic_write(path, new)
    if applicant:
        _write_private(ws, unit, year, number, applicant)
    messages.append(f"{'created' if created else 'updated'} {display_path(path)}")
    return Written(number, path, created, probe if applicant else None, messages)


def next_number(unit_id: str, year: int, numbers: list[str]) -> str:
    """The next number of a unit's register of a year: health-2020-001, -002 …"""
    taken = []
    for number in numbers:
        m = M.NUMBER.match(number)
        if m and m.group("unit") == unit_id and int(m.group("year")) == year:
            taken.append(int(m.group("seq")))
    return f"{unit_id}-{year}-{max(taken, default=0) + 1:03d}"


def _check_existing(
    ws: Workspace, units: UnitIndex, path: Path, data: bytes, settings: Settings
) -> list[str]:
    """Refuse to rewrite a file that is not valid (it would lose what it holds); its numbers."""
    try:
        loaded, problems = load_register_file(ws, units, path, None, settings, data=data)
    except GdError as exc:
        raise _refusal(path, exc.problems[0].format()) from None
    errors = errors_among(problems)
    if errors:
        raise _refusal(path, errors[0].format())
    return [r.number for r in loaded.requests]


def _check_written(
    ws: Workspace, units: UnitIndex, path: Path, data: bytes, settings: Settings
) -> None:
    """Never write what could not be read back."""
    _, problems = load_register_file(ws, units, path, None, settings, data=data)
    errors = errors_among(problems)
    if errors:  # pragma: no cover - a bug in what gd writes
        raise GdError(errors)


def _refusal(path: Path, why: str) -> GdError:
    return GdError.data(f"not updating {path.name}: it is not valid; fix it first ({why})", path)


def _with_request(old: bytes, unit: Unit, year: int, request: Request) -> bytes:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = round_trip_yaml()
    if old:
        doc: CommentedMap = yaml.load(old.decode("utf-8-sig"))
    else:
        doc = CommentedMap()
        doc["unit"] = unit.name
        doc["year"] = year
        doc.yaml_set_start_comment(
            f"{unit.name} {year} 年政府信息公開申請登記（依申請公開）\n"
            "Kept by `gd requests add` and `gd requests event`; may also be edited by hand.\n"
            "Never put applicants' names, ID numbers, phones or addresses here: they go in\n"
            "requests/private/, which git ignores."
        )
    if doc.get("requests") is None:
        doc["requests"] = CommentedSeq()
    doc["requests"].append(_request_map(request))
    return _dump(yaml, doc)


def _request_map(request: Request) -> CommentedMap:
    from ruamel.yaml.comments import CommentedMap

    node = CommentedMap()
    values = {
        "number": request.number,
        "channel": request.channel.value,
        "received": request.received,
        "confirmed": request.confirmed,
        "applicant_type": request.applicant_type.value,
        "subject": request.subject,
        "note": request.note,
    }
    for key in REQUEST_KEYS:
        if values[key] is not None:
            node[key] = values[key]
    return node


def _dump(yaml: object, doc: object) -> bytes:
    buffer = io.StringIO()
    yaml.dump(doc, buffer)  # type: ignore[attr-defined]
    return buffer.getvalue().encode("utf-8")


# ---- the private file ---------------------------------------------------------------------


def _write_private(ws: Workspace, unit: Unit, year: int, number: str, applicant: Applicant) -> None:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    path = private_path(ws, year, unit.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    yaml = round_trip_yaml()
    with locked(path):
        if path.exists():
            doc: CommentedMap = yaml.load(path.read_text(encoding="utf-8-sig"))
        else:
            doc = CommentedMap()
            doc["unit"] = unit.name
            doc["year"] = year
            doc.yaml_set_start_comment(
                "PRIVATE: applicants' personal data, keyed by request number.\n"
                "git ignores this folder (/requests/private/ in .gitignore): never commit it."
            )
        if doc.get("applicants") is None:
            doc["applicants"] = CommentedMap()
        entry = CommentedMap()
        for key in ("name", "id_number", "phone", "address"):
            value = getattr(applicant, key)
            if value is not None:
                entry[key] = DoubleQuotedScalarString(value.strip())
        doc["applicants"][number] = entry
        atomic_write(path, _dump(yaml, doc))


# ---- gd requests event ----------------------------------------------------------------------


def add_event(
    ws: Workspace,
    units: UnitIndex,
    number: str,
    event: Event,
    today: dt.date,
    calendar: WorkCalendar | None,
    settings: Settings,
    archive: str | None = None,
) -> Written:
    """Append an event to a request; refuse (exit 2) one that breaks the rules."""
    unit_id, year = M.parse_number(number)
    key = number.strip().lower()
    path = register_path(ws, year, unit_id)
    if unit_id not in units.by_id or not path.exists():
        raise GdError.usage(f"no request {number}: there is no {display_path(path)}")
    if event.date > today:
        raise GdError.usage(f"--date {event.date} is in the future (today is {today})")
    refuse_personal("--note", event.note)
    refuse_personal("--archive", archive)
    with locked(path):
        old = path.read_bytes()
        _check_existing(ws, units, path, old, settings)
        loaded, _ = load_register_file(ws, units, path, None, settings, data=old)
        request = next((r for r in loaded.requests if r.number == key), None)
        if request is None:
            raise GdError.usage(f"no request {key} in {display_path(path)}")
        warnings = _check_event(request, event, calendar, settings, path)
        new = _with_event(old, key, event, archive)
        _check_written(ws, units, path, new, settings)
        atomic_write(path, new)
    return Written(key, path, False, None, [f"updated {display_path(path)}"], warnings)


def _check_event(
    request: Request,
    event: Event,
    calendar: WorkCalendar | None,
    settings: Settings,
    path: Path,
) -> list[Problem]:
    """The request replayed with the new event: errors refuse it, warnings are returned."""
    clock = replay(replace(request, events=(*request.events, event)), calendar, settings)
    index = len(request.events)
    mine = [i for i in clock.issues if i.index == index]
    errors = [i for i in mine if i.severity == "error"]
    if errors:
        raise GdError.of(
            [Problem(f"{request.number}: {i.message}") for i in errors], ExitCode.USAGE
        )
    warnings = [Problem(f"{request.number}: {i.message}", severity="warning") for i in mine]
    if clock.calendar_error:
        warnings.append(Problem(clock.calendar_error, severity="warning"))
    return warnings


def _with_event(old: bytes, number: str, event: Event, archive: str | None) -> bytes:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = round_trip_yaml()
    doc: CommentedMap = yaml.load(old.decode("utf-8-sig"))
    node = next(r for r in doc["requests"] if str(r.get("number")) == number)
    if node.get("events") is None:
        _insert(node, "events", CommentedSeq(), before="archive")
    entry = CommentedMap()
    for key in EVENT_KEYS:
        value = getattr(event, key)
        if value is not None:
            entry[key] = value.value if key == "kind" else value
    node["events"].append(entry)
    if archive is not None:
        node["archive"] = archive.strip()
    return _dump(yaml, doc)


def _insert(node: CommentedMap, key: str, value: object, before: str) -> None:
    keys = list(node)
    position = keys.index(before) if before in keys else len(keys)
    node.insert(position, key, value)
