"""The schema of every YAML file kind, as pydantic models (``extra="forbid"``).

These models say what a file may contain; rules that need more than one file
(a unit name must exist in the registry, a deadline must fall in the plan
year) are checked in :mod:`gov_disclosure.workspace`.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
UnitName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
#: Unit ids name progress files, so they must be safe file names everywhere.
UnitId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")]
TaskId = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]{0,2}\.[1-9][0-9]{0,3}$")]
RecordKey = Annotated[
    str, StringConstraints(pattern=r"^([1-9][0-9]{0,2}\.[1-9][0-9]{0,3}|[a-z][a-z0-9-]{0,62})$")
]
MilestoneId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{0,62}$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class UnitKind(StrEnum):
    county_department = "county_department"
    county_institution = "county_institution"
    city_branch = "city_branch"
    township = "township"
    subdistrict = "subdistrict"
    sub_office = "sub_office"
    group = "group"


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

    @property
    def is_group(self) -> bool:
        return self.kind is UnitKind.group

    def spellings(self) -> list[str]:
        names = [self.name, *self.aliases, self.id]
        if self.full_name:
            names.insert(1, self.full_name)
        return names


class Registry(_Model):
    units: list[Unit] = Field(min_length=1)


class Basis(_Model):
    title: Text | None = None
    document_number: Text | None = None


class Notice(_Model):
    title: Text
    issuer: Text
    issued: dt.date
    document_number: Text | None = None
    basis: Basis | None = None
    addressees: list[Text] = Field(default_factory=list)


class Deadline(_Model):
    date: dt.date
    what: Text = Field(description="What must be done by then, in the notice's words.")
    phrase: Text | None = Field(None, description="The notice's own phrase, e.g. 2020年9月底前.")
    units: list[UnitName] = Field(
        default_factory=list,
        description="Units the sentence names; empty: every unit assigned to the task.",
    )


class Milestone(_Model):
    id: MilestoneId
    date: dt.date
    what: Text
    phrase: Text | None = None
    recipient: UnitName | None = Field(None, description="Who receives what is delivered.")
    units: list[UnitName] = Field(
        default_factory=list, description="Empty: every unit with a task in the plan."
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


class Section(_Model):
    number: int = Field(ge=1, le=999)
    title: Text
    tasks: list[Task] = Field(min_length=1)


class Plan(_Model):
    year: int = Field(ge=1990, le=2200)
    notice: Notice
    milestones: list[Milestone] = Field(default_factory=list)
    sections: list[Section] = Field(min_length=1)

    def tasks(self) -> list[Task]:
        return [task for section in self.sections for task in section.tasks]


# ---- progress records (progress/<year>/<unit-id>.yaml) ----------------------------


class Status(StrEnum):
    not_started = "not_started"
    in_progress = "in_progress"
    done = "done"
    not_applicable = "not_applicable"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def closed(self) -> bool:
        """Done or not applicable: nothing left to do."""
        return self in (Status.done, Status.not_applicable)


STATUS_LABELS = {
    Status.not_started: "未開始",
    Status.in_progress: "推進中",
    Status.done: "已完成",
    Status.not_applicable: "不適用",
}
#: A unit assigned to a task that has no record for it yet.
UNREPORTED = "unreported"
#: Labels of every status a (unit, task) pair can have, the missing record included.
STATUS_NAMES = {s.value: label for s, label in STATUS_LABELS.items()} | {UNREPORTED: "未報告"}


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
        scheme = ref.split(":", 1)[0].lower() if ":" in ref else ""
        if scheme in UNSAFE_SCHEMES:
            raise ValueError(f"{scheme}: links are not allowed as evidence; use an http(s) URL")
        return ref

    @property
    def is_link(self) -> bool:
        return self.ref.lower().startswith(("http://", "https://"))


UNSAFE_SCHEMES = ("javascript", "data", "vbscript", "file")


class ProgressRecord(_Model):
    task: RecordKey = Field(description="A task id (2.4) or a plan milestone id (report).")
    status: Status
    date: dt.date | None = Field(None, description="Date of the last change.")
    evidence: list[Evidence] = Field(default_factory=list)
    note: str | None = None


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
