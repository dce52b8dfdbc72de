"""The plan as the rest of gd sees it: plain, frozen dataclasses.

Files are validated against the pydantic models of :mod:`gov_disclosure.schema`
(which say what a file may contain, with positions for every error) and then
turned into these objects, which load quickly from the workspace cache and
need no pydantic at all: a command that answers from the cache never imports it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Final, Literal, Self

from gov_disclosure.textnorm import Script


class Labelled(StrEnum):
    """A string enum whose members carry what gd prints for them, in traditional characters,
    and the other names a person may type: ``post_signed = "post_signed", "郵寄（簽收）", "郵寄"``.

    The value stays the key (``Status("done")``, ``str(Status.done) == "done"``).
    """

    #: What gd prints for the member: the first of its names.
    label: str
    #: Every Chinese name the member answers to (see ``requests.model.parse_choice``).
    names: tuple[str, ...]

    def __new__(cls, value: str, *names: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = names[0]
        member.names = names
        return member


class UnitKind(Labelled):
    county_department = "county_department", "縣直部門"
    county_institution = "county_institution", "縣直事業單位"
    city_branch = "city_branch", "市局分局"
    township = "township", "鄉鎮"
    subdistrict = "subdistrict", "街道"
    sub_office = "sub_office", "內設機構"
    group = "group", "群組"


@dataclass(frozen=True)
class Unit:
    """One unit of the registry, or a group that stands for several."""

    id: str
    name: str
    kind: UnitKind
    full_name: str | None = None
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    members: tuple[str, ...] = ()
    member_kinds: tuple[UnitKind, ...] = ()

    @property
    def is_group(self) -> bool:
        return self.kind is UnitKind.group

    def spellings(self) -> list[str]:
        names = [self.name, *self.aliases, self.id]
        if self.full_name:
            names.insert(1, self.full_name)
        return names


@dataclass(frozen=True)
class Basis:
    """The higher-level document a plan breaks down (the city's work points)."""

    title: str | None = None
    document_number: str | None = None


@dataclass(frozen=True)
class Notice:
    """The notice that issues the plan: its title, issuer, date and number."""

    title: str
    issuer: str
    issued: dt.date
    document_number: str | None = None
    basis: Basis | None = None
    addressees: tuple[str, ...] = ()


@dataclass(frozen=True)
class Deadline:
    """A date a task's text sets (「9月底前」), and who it binds."""

    date: dt.date
    what: str
    phrase: str | None = None
    #: Units the sentence names; empty: every unit assigned to the task.
    units: tuple[str, ...] = ()


@dataclass(frozen=True)
class Milestone:
    """A date of the whole plan, such as the implementation report every unit owes."""

    id: str
    date: dt.date
    what: str
    phrase: str | None = None
    recipient: str | None = None
    #: Empty: every unit with a task in the plan.
    units: tuple[str, ...] = ()


@dataclass(frozen=True)
class Task:
    """One task: its requirement sentences, the units that lead or are responsible,
    and the deadlines its text sets.  Its id is ``SECTION.N`` (2.4)."""

    id: str
    title: str
    requirement: tuple[str, ...]
    lead: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    deadlines: tuple[Deadline, ...] = ()

    @property
    def section_number(self) -> int:
        return int(self.id.split(".", 1)[0])


@dataclass(frozen=True)
class Section:
    """A numbered part of the plan (一、…) and its tasks."""

    number: int
    title: str
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class Plan:
    """A year's plan: the notice, its sections of tasks, and its milestones."""

    year: int
    notice: Notice
    sections: tuple[Section, ...]
    milestones: tuple[Milestone, ...] = ()

    def tasks(self) -> list[Task]:
        return [task for section in self.sections for task in section.tasks]


# ---- progress -------------------------------------------------------------------------


class Status(Labelled):
    not_started = "not_started", "未開始"
    in_progress = "in_progress", "推進中"
    done = "done", "已完成"
    not_applicable = "not_applicable", "不適用"

    @property
    def closed(self) -> bool:
        """Done or not applicable: nothing left to do."""
        return self in (Status.done, Status.not_applicable)


#: Statuses that leave nothing to do.
CLOSED = frozenset(s.value for s in Status if s.closed)
#: A unit assigned to a task that has no record for it yet.
UNREPORTED: Final = "unreported"
#: A (unit, task) pair's status: its record's, or UNREPORTED when it has none.
ReportedStatus = Status | Literal["unreported"]
#: Labels of every status a (unit, task) pair can have, the missing record included.
STATUS_NAMES = {s.value: s.label for s in Status} | {UNREPORTED: "未報告"}

#: Link schemes that would run code or embed content in a report: never evidence.
UNSAFE_SCHEMES = ("javascript", "data", "vbscript", "file")


def unsafe_scheme(ref: str) -> str | None:
    """The scheme of a reference when it is one that must not be followed."""
    scheme = ref.split(":", 1)[0].strip().lower() if ":" in ref else ""
    return scheme if scheme in UNSAFE_SCHEMES else None


@dataclass(frozen=True)
class Evidence:
    """A link, document number or file path that shows the work was done."""

    ref: str
    title: str | None = None

    @property
    def is_link(self) -> bool:
        return self.ref.lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class ProgressRecord:
    """A unit's status on one task or milestone, with its date, evidence and note."""

    task: str
    status: Status
    date: dt.date | None = None
    evidence: tuple[Evidence, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class ReportNarrative:
    """What the office writes in its own words for the year's report."""

    title: str | None = None
    author: str | None = None
    overview: str | None = None
    problems: tuple[str, ...] = ()
    next_steps: tuple[str, ...] = ()


# ---- the workspace's settings (plan/workspace.yaml) ------------------------------------


@dataclass(frozen=True)
class WorkspaceSettings:
    """What a workspace says about itself; every field is optional."""

    #: The script of documents and the terminal's default; None: the plan's own.
    script: Script | None = None
    #: The county's name, e.g. 師宗縣.
    county: str | None = None
    #: Who issues the workspace's documents, e.g. 師宗縣人民政府辦公室; None: the plan's issuer.
    issuer: str | None = None


#: A workspace without plan/workspace.yaml.
NO_SETTINGS: Final = WorkspaceSettings()
