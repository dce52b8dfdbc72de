"""The shapes of the view models templates lay out: one ``TypedDict`` per part.

Templates (Jinja and docxtpl) read view models as plain dicts, so each part
is a ``TypedDict``: typed for the code that builds it, a dict at run time.
Fields that hold a status or a role hold the enum member (a ``StrEnum``, so it
renders exactly like its string).
"""

from __future__ import annotations

from typing import Literal, TypedDict

from gov_disclosure.history.log import Revision
from gov_disclosure.models import ReportedStatus
from gov_disclosure.plan.assignments import Role
from gov_disclosure.progress.deadlines import Flag
from gov_disclosure.progress.queries import EvidenceRecord
from gov_disclosure.progress.queries import RecordRow as ProgressRow

#: The status of a (unit, task) pair, or of a task as a whole: a record's, or unreported.
UnitStatus = ReportedStatus


# ---- parts both documents share ------------------------------------------------------


class PlanHeader(TypedDict):
    """The plan a document is about: its notice and the report it asks for."""

    title: str
    issuer: str
    issued: str
    year: int
    basis: str | None
    report_deadline: str | None
    report_what: str | None


class DueRow(TypedDict):
    """A deadline in a document: when, what, and how it stands."""

    date: str
    what: str
    phrase: str | None
    #: Days left or overdue while open; 按時完成（date） or 逾期完成（晚 N 天） once met.
    standing: str
    flag: Flag
    flag_label: str


class Signature(TypedDict):
    """The 落款 at a document's end: the issuer and the date, as GB/T 9704 places them."""

    issuer: str
    date: str


#: A link, document number or path shown as evidence.
EvidenceRow = EvidenceRecord


class RecordRow(ProgressRow):
    """A unit's record for a task or milestone, with its status label and whether it is closed."""

    status_label: str
    closed: bool


# ---- a unit's checklist ------------------------------------------------------------


class ChecklistUnit(TypedDict):
    name: str
    full_name: str | None
    is_group: bool


class Sentence(TypedDict):
    """One sentence of a task's requirement: a checkbox, ticked when the task is done."""

    text: str
    checked: bool


class ChecklistTask(TypedDict):
    id: str
    title: str
    role: Role
    role_label: str
    via: str | None
    lead: list[str]
    responsible: list[str]
    sentences: list[Sentence]
    status: UnitStatus
    status_label: str
    deadlines: list[DueRow]


class DeadlineRow(DueRow):
    """A deadline in the checklist's table of deadlines."""

    task: str | None
    label: str


class ChecklistCounts(TypedDict):
    tasks: int
    lead: int
    responsible: int
    member: int
    #: Done or not applicable (as every count of a unit's tasks: ``unit_tally``).
    closed: int


class ChecklistView(TypedDict):
    """Everything a unit must do: its tasks and roles, its deadlines, a summary."""

    kind: Literal["checklist"]
    title: str
    revision: Revision
    #: The small print at the very end that traces the document to its data.
    revision_note: str
    signature: Signature
    plan: PlanHeader
    unit: ChecklistUnit
    today: str
    tasks: list[ChecklistTask]
    milestones: list[DueRow]
    deadlines: list[DeadlineRow]
    counts: ChecklistCounts
    summary: str


# ---- the implementation report -------------------------------------------------------


class TaskUnitRow(RecordRow):
    """A unit's record for a task in the report, with the unit's role."""

    role_label: str


class ReportTask(TypedDict):
    id: str
    title: str
    lead: list[str]
    responsible: list[str]
    status: UnitStatus
    status_label: str
    units: list[TaskUnitRow]
    closed: int
    assigned: int
    percent: int


class ReportSection(TypedDict):
    number: int
    numeral: str
    title: str
    tasks: list[ReportTask]
    closed: int
    assigned: int
    percent: int


class StatusCount(TypedDict):
    status: UnitStatus
    label: str
    count: int


class StatusShare(StatusCount):
    percent: int


class SectionShare(TypedDict):
    numeral: str
    title: str
    closed: int
    assigned: int
    percent: int


class UnitShare(TypedDict):
    unit: str
    assigned: int
    closed: int
    percent: int


class Overview(TypedDict):
    """The report's 總體情況: figures by status, by section and by unit."""

    summary: str
    tasks: int
    task_status: list[StatusCount]
    assignments: int
    by_status: list[StatusShare]
    closed: int
    percent: int
    units: int
    by_section: list[SectionShare]
    by_unit: list[UnitShare]


class OverdueRow(DueRow):
    task: str | None
    open_units: list[str]


class NotStartedRow(TypedDict):
    task: str
    title: str
    units: list[str]


class Issues(TypedDict):
    """The report's 存在的問題 as computed: overdue deadlines, tasks not started, silent units."""

    overdue: list[OverdueRow]
    not_started: list[NotStartedRow]
    silent_units: list[str]


class MilestoneView(TypedDict):
    id: str
    what: str
    date: str
    units: list[RecordRow]


class NarrativeView(TypedDict):
    overview: str | None
    problems: list[str]
    next_steps: list[str]


class ReportUnit(TypedDict):
    name: str


class ChangePart(TypedDict):
    """A stretch of a changed text: kept as it was, deleted, or inserted."""

    kind: Literal["same", "deleted", "inserted"]
    text: str


class AdjustmentChange(TypedDict):
    """One change to the plan in words, and for a changed text the text with its edits marked."""

    text: str
    parts: list[ChangePart]


class AdjustmentView(TypedDict):
    """One commit that changed the plan, as the report's 方案調整情況 lists it."""

    date: str
    subject: str
    basis: list[str]
    changes: list[AdjustmentChange]


class ReportView(TypedDict):
    """The 落實情況報告: overview figures, each task's units, problems, next steps."""

    kind: Literal["report"]
    revision: Revision
    revision_note: str
    adjustments: list[AdjustmentView] | None
    plan: PlanHeader
    title: str
    author: str
    signature: Signature
    as_of: str
    unit: ReportUnit | None
    narrative: NarrativeView
    overview: Overview
    sections: list[ReportSection]
    milestones: list[MilestoneView]
    issues: Issues
