"""The schema of every YAML file kind, as pydantic models (``extra="forbid"``).

These models say what a file may contain (and document it); rules that need
more than one file (a unit name must exist in the registry, a deadline must
fall in the plan year) are checked in :mod:`gov_disclosure.plan.checks`.  Each
model turns into the plain objects of :mod:`gov_disclosure.models` with
``runtime()``, which is what the rest of gd works with.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from gov_disclosure import models as M
from gov_disclosure.models import Status, UnitKind, unsafe_scheme
from gov_disclosure.textnorm import Script

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
UnitName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
#: Unit ids name progress files, so they must be safe file names everywhere.
UnitId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")]
TaskId = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]{0,2}\.[1-9][0-9]{0,3}$")]
RecordKey = Annotated[
    str, StringConstraints(pattern=r"^([1-9][0-9]{0,2}\.[1-9][0-9]{0,3}|[a-z][a-z0-9-]{0,62})$")
]
MilestoneId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{0,62}$")]


def _date_text(value: object) -> object:
    """A date is written as a date (2020-11-30), never as a number (read as a Unix time)."""
    if isinstance(value, bool | int | float):
        raise ValueError("a date is written as YYYY-MM-DD, not as a number")
    return value


#: A calendar date as the files write it: 2020-11-30.
Date = Annotated[dt.date, BeforeValidator(_date_text)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Unit(_Model):
    """One unit of the registry, or a group that stands for several."""

    id: UnitId = Field(description="Stable ASCII id, also the name of the unit's progress file.")
    name: UnitName = Field(description="The name as the notices write it, e.g. 縣衛健局.")
    full_name: UnitName | None = Field(None, description="Official full name where certain.")
    aliases: list[UnitName] = Field(default_factory=list, description="Other spellings.")
    kind: UnitKind
    parent: UnitId | None = Field(None, description="For a sub_office: the id of its unit.")
    members: list[UnitName] = Field(
        default_factory=list, description="For a group: its member units (names or ids)."
    )
    member_kinds: list[UnitKind] = Field(
        default_factory=list, description="For a group: every unit of these kinds is a member."
    )

    def runtime(self) -> M.Unit:
        return M.Unit(
            self.id, self.name, self.kind, self.full_name, tuple(self.aliases), self.parent,
            tuple(self.members), tuple(self.member_kinds),
        )  # fmt: skip


class Registry(_Model):
    units: list[Unit] = Field(min_length=1)

    def runtime(self) -> list[M.Unit]:
        return [u.runtime() for u in self.units]


class Basis(_Model):
    title: Text | None = None
    document_number: Text | None = None

    def runtime(self) -> M.Basis:
        return M.Basis(self.title, self.document_number)


class Notice(_Model):
    title: Text
    issuer: Text
    issued: Date
    document_number: Text | None = None
    basis: Basis | None = None
    addressees: list[Text] = Field(default_factory=list)

    def runtime(self) -> M.Notice:
        basis = self.basis.runtime() if self.basis else None
        return M.Notice(
            self.title,
            self.issuer,
            self.issued,
            self.document_number,
            basis,
            tuple(self.addressees),
        )


class Deadline(_Model):
    date: Date
    what: Text = Field(description="What must be done by then, in the notice's words.")
    phrase: Text | None = Field(None, description="The notice's own phrase, e.g. 2020年9月底前.")
    units: list[UnitName] = Field(
        default_factory=list,
        description="Units the sentence names; empty: every unit assigned to the task.",
    )

    def runtime(self) -> M.Deadline:
        return M.Deadline(self.date, self.what, self.phrase, tuple(self.units))


class Milestone(_Model):
    id: MilestoneId
    date: Date
    what: Text
    phrase: Text | None = None
    recipient: UnitName | None = Field(None, description="Who receives what is delivered.")
    units: list[UnitName] = Field(
        default_factory=list, description="Empty: every unit with a task in the plan."
    )

    def runtime(self) -> M.Milestone:
        return M.Milestone(
            self.id, self.date, self.what, self.phrase, self.recipient, tuple(self.units)
        )


class Task(_Model):
    id: TaskId
    title: Text
    requirement: list[Text] = Field(min_length=1, description="One item per sentence.")
    lead: list[UnitName] = Field(default_factory=list)
    responsible: list[UnitName] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)

    @property
    def section_number(self) -> int:
        return int(self.id.split(".", 1)[0])

    def runtime(self) -> M.Task:
        return M.Task(
            self.id, self.title, tuple(self.requirement), tuple(self.lead),
            tuple(self.responsible), tuple(d.runtime() for d in self.deadlines),
        )  # fmt: skip


class Section(_Model):
    number: int = Field(ge=1, le=999)
    title: Text
    tasks: list[Task] = Field(min_length=1)

    def runtime(self) -> M.Section:
        return M.Section(self.number, self.title, tuple(t.runtime() for t in self.tasks))


class Plan(_Model):
    year: int = Field(ge=1990, le=2200)
    notice: Notice
    milestones: list[Milestone] = Field(default_factory=list)
    sections: list[Section] = Field(min_length=1)

    def tasks(self) -> list[Task]:
        return [task for section in self.sections for task in section.tasks]

    def runtime(self) -> M.Plan:
        return M.Plan(
            self.year,
            self.notice.runtime(),
            tuple(s.runtime() for s in self.sections),
            tuple(m.runtime() for m in self.milestones),
        )


# ---- progress records (progress/<year>/<unit-id>.yaml) ----------------------------


class Evidence(_Model):
    """A link, document number or file path that shows the work was done."""

    ref: Text = Field(description="URL (http/https), document number or file path.")
    title: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        return {"ref": value} if isinstance(value, str) else value

    @field_validator("ref")
    @classmethod
    def _safe_scheme(cls, ref: str) -> str:
        scheme = unsafe_scheme(ref)
        if scheme:
            raise ValueError(f"{scheme}: links are not allowed as evidence; use an http(s) URL")
        return ref

    def runtime(self) -> M.Evidence:
        return M.Evidence(self.ref, self.title)


class ProgressRecord(_Model):
    task: RecordKey = Field(description="A task id (2.4) or a plan milestone id (report).")
    status: Status
    date: Date | None = Field(None, description="Date of the last change.")
    evidence: list[Evidence] = Field(default_factory=list)
    note: str | None = None

    def runtime(self) -> M.ProgressRecord:
        return M.ProgressRecord(
            self.task, self.status, self.date, tuple(e.runtime() for e in self.evidence), self.note
        )


class ProgressFile(_Model):
    unit: UnitName = Field(description="The unit the file is about (its name, for people).")
    year: int = Field(ge=1990, le=2200)
    records: list[ProgressRecord] = Field(default_factory=list)


# ---- the report's narrative (report/<year>.yaml) ----------------------------------


class ReportNarrative(_Model):
    """What people write for the year-end report; the figures are computed, never typed."""

    title: Text | None = Field(None, description="Report title (default: from the plan).")
    author: Text | None = Field(
        None, description="Who issues the report (default: the plan's issuer)."
    )
    overview: str | None = Field(None, description="一、總體情況: the opening paragraph(s).")
    problems: list[Text] = Field(
        default_factory=list, description="三、存在的問題: one item per problem."
    )
    next_steps: list[Text] = Field(default_factory=list, description="四、下一步工作打算.")

    def runtime(self) -> M.ReportNarrative:
        return M.ReportNarrative(
            self.title, self.author, self.overview, tuple(self.problems), tuple(self.next_steps)
        )


# ---- the annual report (annual/<year>/<unit-id>.yaml) --------------------------------

#: A table of the annual report: row key → column key → cell.  Keys and cells are checked
#: against the report's format by :mod:`gov_disclosure.annual.loading`, with did-you-mean.
AnnualTable = dict[str, dict[str, Any] | None]


class AnnualReportFile(_Model):
    """One unit's 政府信息公开工作年度报告 for one year: the text of 一, 五 and 六, the
    numbers of 二, 三 and 四.  An empty cell means "not stated", which is not 0."""

    unit: UnitName = Field(description="The unit the report is about (its name, for people).")
    year: int = Field(ge=1990, le=2200, description="The report year (the year reported on).")
    format: Text | None = Field(
        None, description="2019-60 or 2021-30; default: the one the report year calls for."
    )
    title: Text | None = Field(None, description="Default: <unit><year>年政府信息公开工作年度报告.")
    author: Text | None = Field(None, description="Who issues it (落款); default: the unit.")
    date: dt.date | None = Field(
        None, description="落款日期; default: 31 January of the next year."
    )
    overview: str | None = Field(None, description="一、总体情况 (text).")
    table2: AnnualTable | None = Field(None, description="二、主动公开政府信息情况.")
    table3: AnnualTable | None = Field(None, description="三、收到和处理政府信息公开申请情况.")
    table4: AnnualTable | None = Field(None, description="四、行政复议、行政诉讼情况.")
    problems: str | None = Field(None, description="五、存在的主要问题及改进情况 (text).")
    other: str | None = Field(None, description="六、其他需要报告的事项 (text).")


# ---- the workspace's settings (plan/workspace.yaml) -----------------------------------


class WorkspaceSettings(_Model):
    """What a workspace says about itself: the documents' script, the county, the issuer."""

    script: Script | None = Field(
        None,
        description="simplified or traditional: the script of every document and the "
        "terminal's default (default: the plan's own).",
    )
    county: UnitName | None = Field(None, description="The county's name, e.g. 師宗縣.")
    issuer: UnitName | None = Field(
        None,
        description="Who issues the documents, e.g. 師宗縣人民政府辦公室 (default: the plan's "
        "issuer).",
    )

    def runtime(self) -> M.WorkspaceSettings:
        return M.WorkspaceSettings(self.script, self.county, self.issuer)
