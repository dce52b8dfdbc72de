"""Parts both documents share: the plan's header, statuses, a unit's record, a deadline."""

from __future__ import annotations

from gov_disclosure.documents.view_models import (
    DueRow,
    PlanHeader,
    RecordRow,
    UnitStatus,
)
from gov_disclosure.models import STATUS_NAMES, UNREPORTED, Status, Unit
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.progress.book import ProgressBook
from gov_disclosure.progress.deadlines import Due, due_record
from gov_disclosure.progress.queries import record_dict

SECTION_NUMERALS = "一二三四五六七八九十"


def numeral(n: int) -> str:
    """A section's number as the plan writes it: 一, 十二; from 20 on, digits."""
    if 1 <= n <= 10:
        return SECTION_NUMERALS[n - 1]
    if n < 20:
        return "十" + SECTION_NUMERALS[n - 11]
    return str(n)


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def plan_header(loaded: LoadedPlan) -> PlanHeader:
    plan = loaded.plan
    report = plan.milestones[0] if plan.milestones else None
    return {
        "title": plan.notice.title,
        "issuer": plan.notice.issuer,
        "issued": plan.notice.issued.isoformat(),
        "year": plan.year,
        "basis": plan.notice.basis.document_number if plan.notice.basis else None,
        "report_deadline": report.date.isoformat() if report else None,
        "report_what": report.what if report else None,
    }


def unit_status(book: ProgressBook, unit: Unit, key: str) -> UnitStatus:
    """A unit's status for a task or milestone: its record's, or unreported."""
    status = book.status(unit.id, key)
    return status if status is not None else UNREPORTED


def is_closed(status: UnitStatus) -> bool:
    """Nothing left to do (see :attr:`Status.closed`); an unreported pair is open."""
    return isinstance(status, Status) and status.closed


def record_row(loaded: LoadedPlan, book: ProgressBook, unit: Unit, key: str) -> RecordRow:
    """A unit's record for a task as :func:`queries.record_dict` gives it, with labels."""
    record = book.record(unit.id, key)
    fields = record_dict(loaded, unit, record, key)
    return {
        **fields,
        "status_label": STATUS_NAMES[fields["status"]],
        "closed": is_closed(fields["status"]),
    }


def due_row(due: Due) -> DueRow:
    """A deadline in a document: :func:`deadlines.due_record`'s fields, with labels."""
    record = due_record(due)
    return {
        "date": record["date"],
        "what": record["what"],
        "phrase": record["phrase"],
        "days_text": record["days"],
        "flag": record["flag"],
        "flag_label": record["flag"].label,
    }
