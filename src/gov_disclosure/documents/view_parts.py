"""Parts both documents share: the plan's header, statuses, a unit's record, a deadline,
the 落款 and the revision's small print.

Dates are written as documents write them (:func:`gov_disclosure.dates.chinese_date`).
"""

from __future__ import annotations

import datetime as dt

from gov_disclosure.dates import chinese_date
from gov_disclosure.documents.view_models import (
    DueRow,
    PlanHeader,
    RecordRow,
    Signature,
    UnitStatus,
)
from gov_disclosure.history.log import Revision
from gov_disclosure.models import STATUS_NAMES, UNREPORTED, Status, Unit
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.progress.book import ProgressBook
from gov_disclosure.progress.deadlines import Due, standing_text
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
        "issued": chinese_date(plan.notice.issued),
        "year": plan.year,
        "basis": plan.notice.basis.document_number if plan.notice.basis else None,
        "report_deadline": chinese_date(report.date) if report else None,
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
        "date": chinese_date(record.date) if record and record.date else None,
        "status_label": STATUS_NAMES[fields["status"]],
        "closed": is_closed(fields["status"]),
    }


def due_row(due: Due) -> DueRow:
    """A deadline in a document: when, what, and how it stands (按時完成 once met)."""
    return {
        "date": chinese_date(due.date),
        "what": due.what,
        "phrase": due.phrase,
        "standing": standing_text(due, chinese_date),
        "flag": due.flag,
        "flag_label": due.flag.label,
    }


def signature(issuer: str, day: dt.date) -> Signature:
    """The 落款 at a document's end: who issues it, and the date (2020年11月30日)."""
    return {"issuer": issuer, "date": chinese_date(day)}


def revision_note(revision: Revision) -> str:
    """The small print at a document's very end that traces it to its data (never on its face)."""
    if revision["id"] is None:
        return "本文件所據數據尚未提交到版本庫。" if revision["dirty"] else ""
    when = chinese_date(dt.date.fromisoformat(revision["date"])) if revision["date"] else ""
    dirty = "，生成時另有未提交的修改" if revision["dirty"] else ""
    return f"數據版本：{revision['id']}（{when}提交）{dirty}。"
