"""``plan/workdays.yaml``: the working days no package knows.

Three lists, each optional::

    years:          # whole years the package does not know yet (a notice published after it)
      - year: 2027
        basis: 國務院辦公廳關於2027年部分節假日安排的通知
    holidays:       # days off: a year's official holidays, a prefecture's own (州慶, 火把節)
      - date: 2027-02-06
        to: 2027-02-12          # a span, both ends included
        name: 春節
    workdays:       # make-up working days (調休上班) on a Saturday or Sunday
      - date: 2027-02-14
        name: 春節調休上班

In a year under ``years`` every weekday is a working day and every Saturday and
Sunday a day off, except the days listed.  Days listed here win over the
package's for the same day, in any year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from gov_disclosure.errors import Finding, Problem, raise_if_errors
from gov_disclosure.schema import Text
from gov_disclosure.storage.workspace import Workspace

if TYPE_CHECKING:
    from gov_disclosure.workdays.calendar import Official

#: The longest span one entry may cover (a typo in a year should not make a year of holidays).
MAX_SPAN_DAYS = 31


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class YearEntry(_Model):
    year: int = Field(ge=1990, le=2200, description="A year entered day by day in this file.")
    basis: Text = Field(description="The notice its days come from.")


class DaySpan(_Model):
    date: dt.date = Field(description="The day, or the first day of a span.")
    to: dt.date | None = Field(None, description="The last day of a span (included).")
    name: Text = Field(description="What the day is: 春節, 州慶, 春節調休上班 …")
    basis: Text | None = Field(None, description="The notice that says so.")

    def days(self) -> Iterator[dt.date]:
        day = self.date
        while day <= (self.to or self.date):
            yield day
            day += dt.timedelta(days=1)


class WorkdaysFile(_Model):
    years: list[YearEntry] = Field(default_factory=list)
    holidays: list[DaySpan] = Field(default_factory=list)
    workdays: list[DaySpan] = Field(default_factory=list)


@dataclass(frozen=True)
class Overrides:
    """The file's days: the years it completes, its days off and its working days."""

    years: frozenset[int]
    holidays: frozenset[dt.date]
    workdays: frozenset[dt.date]


def load_overrides(
    ws: Workspace, path: Path, package: Official
) -> tuple[Overrides | None, list[Problem]]:
    """The file's days (None when there is no file) and its warnings; raise every error."""
    from gov_disclosure.storage.schema_errors import findings_to_problems, validate_document

    if not ws.exists(path):
        return None, []
    doc = ws.load_yaml(path)
    if doc.data is None:  # an empty file (or only comments) adds nothing
        return Overrides(frozenset(), frozenset(), frozenset()), []
    model = validate_document(doc, WorkdaysFile, "working-day calendar (years, holidays, workdays)")
    findings = check(model, package)
    problems = findings_to_problems(doc, findings)
    raise_if_errors(problems)
    overrides = Overrides(
        frozenset(y.year for y in model.years),
        frozenset(d for span in model.holidays for d in span.days()),
        frozenset(d for span in model.workdays for d in span.days()),
    )
    return overrides, [p for p in problems if p.severity == "warning"]


def check(model: WorkdaysFile, package: Official) -> list[Finding]:
    """What the schema cannot say: spans in order, no day both off and on, known years."""
    findings = _check_years(model, package)
    known = {y.year for y in model.years} | set(range(package.first_year, package.last_year + 1))
    off = _check_spans(model.holidays, "holidays", known, findings)
    _check_spans(model.workdays, "workdays", known, findings)
    for i, span in enumerate(model.workdays):
        findings += _check_workday(i, span, off)
    return findings


def _check_years(model: WorkdaysFile, package: Official) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[int] = set()
    for i, entry in enumerate(model.years):
        if entry.year in seen:
            findings.append(Finding(("years", i, "year"), f"year {entry.year} is listed twice"))
        seen.add(entry.year)
        if package.first_year <= entry.year <= package.last_year:
            findings.append(
                Finding(
                    ("years", i, "year"),
                    f"{package.label} already knows {entry.year}; the days listed here still "
                    "win over its days, so remove them once they agree",
                    severity="warning",
                )
            )
    return findings


def _check_workday(i: int, span: DaySpan, off: set[dt.date]) -> list[Finding]:
    """A make-up working day must not also be a holiday, and should be a Saturday or Sunday."""
    both = sorted(d for d in span.days() if d in off)
    if both:
        message = f"{both[0]} is listed both as a holiday and as a working day"
        return [Finding(("workdays", i, "date"), message)]
    weekdays = [d for d in span.days() if d.weekday() < 5]
    if weekdays:
        return [
            Finding(
                ("workdays", i, "date"),
                f"{weekdays[0]} is a weekday, a working day anyway; list make-up working "
                "days (Saturdays and Sundays) here",
                severity="warning",
            )
        ]
    return []


def _check_spans(
    spans: list[DaySpan], where: str, known: set[int], findings: list[Finding]
) -> set[dt.date]:
    days: set[dt.date] = set()
    for i, span in enumerate(spans):
        loc = (where, i)
        if span.to is not None and span.to < span.date:
            findings.append(Finding((*loc, "to"), f"to: {span.to} is before date: {span.date}"))
            continue
        if span.to is not None and (span.to - span.date).days >= MAX_SPAN_DAYS:
            findings.append(
                Finding(
                    (*loc, "to"),
                    f"a span of {(span.to - span.date).days + 1} days; "
                    f"at most {MAX_SPAN_DAYS} days per entry",
                )
            )
            continue
        unknown = sorted({d.year for d in span.days()} - known)
        if unknown:
            findings.append(
                Finding(
                    (*loc, "date"),
                    f"{unknown[0]} is not a known year: counting in it stays an error until "
                    f"it is listed under years: (with all its days entered here)",
                    severity="warning",
                )
            )
        days.update(span.days())
    return days
