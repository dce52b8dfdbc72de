"""Next year's draft plan from this year's (`gd rollover`).

The plan file is carried through ruamel.yaml's round trip, so what the office
wrote by hand (comments, repairs, layout) stays. What changes:

- ``year`` and the years in the notice's title move on; the notice's date and
  number are for the office to fill in (marked with comments);
- every task gets a comment saying whether it was finished in the old year,
  and if not, by which units;
- deadlines and milestones move by a year (29 February → 28 February), or
  task deadlines are dropped;
- progress is not carried: next year's records start empty.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Any

from gov_disclosure.models import Unit
from gov_disclosure.plan.assignments import units_for_key
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.progress.book import ProgressBook
from gov_disclosure.progress.deadlines import summarize_units


@dataclass
class Rollover:
    """The new plan's text, and the tasks that were not finished (task id → units)."""

    year: int
    text: str
    unfinished: dict[str, list[Unit]] = field(default_factory=dict)


def unfinished_units(loaded: LoadedPlan, book: ProgressBook) -> dict[str, list[Unit]]:
    """For each task, the units that have not closed it (done or not applicable)."""
    out: dict[str, list[Unit]] = {}
    for task in loaded.plan.tasks():
        open_units = [
            unit
            for unit in units_for_key(loaded, task.id) or []
            if not ((status := book.status(unit.id, task.id)) and status.closed)
        ]
        if open_units:
            out[task.id] = open_units
    return out


def moved(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def roll_over(
    source: str, loaded: LoadedPlan, book: ProgressBook, year: int, drop_deadlines: bool
) -> Rollover:
    """The text of ``year``'s draft plan made from ``loaded`` (read from ``source``)."""
    from gov_disclosure.storage.fileio import round_trip_yaml

    yaml = round_trip_yaml()
    doc = yaml.load(source)
    shift = year - loaded.year
    unfinished = unfinished_units(loaded, book)
    _notice(doc, loaded.year, year)
    _milestones(doc, shift)
    for section in doc.get("sections") or []:
        tasks: Any = section.get("tasks")  # a ruamel CommentedSeq
        for i, task in enumerate(tasks or []):
            _deadlines(task, shift, drop_deadlines)
            open_units = unfinished.get(str(task["id"]), [])
            marker = _marker(loaded.year, summarize_units(loaded.units, open_units))
            tasks.yaml_set_comment_before_after_key(i, before=marker, indent=6)
    buffer = io.StringIO()
    yaml.dump(doc, buffer)
    header = (
        f"# Draft plan for {year}, carried over from the {loaded.year} plan by `gd rollover`.\n"
        f"# Fill in the notice (title, date, number), review every task and deadline,\n"
        f"# then `gd validate`. Each task says whether it was finished in {loaded.year}.\n"
    )
    return Rollover(year, header + buffer.getvalue(), unfinished)


def _marker(old_year: int, open_names: list[str]) -> str:
    if not open_names:
        return f"{old_year}年：已完成"
    return f"{old_year}年：未完成（{'、'.join(open_names)}）"


def _notice(doc: Any, old: int, new: int) -> None:
    doc["year"] = new
    notice = doc["notice"]
    notice["title"] = re.sub(rf"(?<!\d){old}(?!\d)", str(new), str(notice["title"]))
    notice["issued"] = dt.date(new, 1, 1)
    notice.yaml_add_eol_comment(f"to fill in: the day the {new} notice is issued", "issued")
    if "document_number" in notice:
        del notice["document_number"]
    basis = notice.get("basis")
    if basis is not None:
        notice.yaml_add_eol_comment(f"to fill in: the {new} basis (this is {old}'s)", "basis")


def _milestones(doc: Any, shift: int) -> None:
    for milestone in doc.get("milestones") or []:
        milestone["date"] = moved(_date(milestone["date"]), shift)
        _phrase_year(milestone, shift)


def _deadlines(task: Any, shift: int, drop: bool) -> None:
    deadlines = task.get("deadlines")
    if deadlines is None:
        return
    if drop:
        del task["deadlines"]
        return
    for deadline in deadlines:
        deadline["date"] = moved(_date(deadline["date"]), shift)
        _phrase_year(deadline, shift)


def _phrase_year(node: Any, shift: int) -> None:
    """A phrase that names its year (2020年11月30日前) names the new one."""
    phrase = node.get("phrase")
    if phrase:
        node["phrase"] = re.sub(
            r"(?<!\d)((?:19|20)\d{2})(?=\s*年)", lambda m: str(int(m.group(1)) + shift), phrase
        )


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
