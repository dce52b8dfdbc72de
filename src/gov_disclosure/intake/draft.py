"""The draft a notice is imported into: sections of tasks with their units and deadlines,
the notice's own particulars, and the import's warnings, each with the notice line it concerns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class DraftWarning:
    """Something a person must check or fix, at a line of the notice (1 when it has none)."""

    line: int
    message: str


@dataclass
class DraftDeadline:
    date: dt.date
    phrase: str
    what: str
    units: list[str] = field(default_factory=list)
    comment: str | None = None


@dataclass
class DraftTask:
    number: int
    title: str
    line: int
    subsection: str | None = None
    requirement: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    deadlines: list[DraftDeadline] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    raw_units: str = ""

    @property
    def text(self) -> str:
        return "".join(self.requirement)


@dataclass
class DraftSection:
    number: int
    title: str
    tasks: list[DraftTask] = field(default_factory=list)


@dataclass
class Draft:
    year: int
    title: str | None = None
    issuer: str | None = None
    issued: dt.date | None = None
    document_number: str | None = None
    basis_title: str | None = None
    basis_number: str | None = None
    addressees: list[str] = field(default_factory=list)
    report: DraftDeadline | None = None
    report_recipient: str | None = None
    sections: list[DraftSection] = field(default_factory=list)
    warnings: list[DraftWarning] = field(default_factory=list)
    unknown_units: dict[str, int] = field(default_factory=dict)

    def tasks(self) -> list[DraftTask]:
        return [t for s in self.sections for t in s.tasks]

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(DraftWarning(line, message))
