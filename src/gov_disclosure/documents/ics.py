"""Deadlines as an RFC 5545 calendar (one all-day event per deadline).

UIDs are derived from the workspace's issuer, the plan year, the task (or
milestone) and the deadline's position in it (a request: its number), so
importing the calendar again updates the events instead of adding copies, and
two counties' calendars never collide.  A deadline that is met stays in the
feed, marked 已完成, without a reminder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from gov_disclosure import __version__
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.progress.deadlines import Due, Flag, standing_text, summarize_units

if TYPE_CHECKING:
    from icalendar import Event

UID_DOMAIN = "gov-disclosure"
#: The reminder fires this long before the day of the deadline.
REMINDER = dt.timedelta(days=3)


def issuer_tag(issuer: str) -> str:
    """A short ASCII tag of the issuer's name: UIDs stay ASCII, and differ between counties."""
    return hashlib.blake2b(issuer.encode("utf-8"), digest_size=6).hexdigest()


def event_uid(issuer: str, year: int, due: Due) -> str:
    if due.request:  # a request for information keeps its UID whatever the plan year
        return f"request-{due.request}-{issuer_tag(issuer)}@{UID_DOMAIN}"
    return f"{year}-{due.key}-{due.index}-{issuer_tag(issuer)}@{UID_DOMAIN}"


def to_ics(
    loaded: LoadedPlan,
    items: list[Due],
    today: dt.date,
    name: str,
    convert: Callable[[str], str] = str,
) -> bytes:
    """The deadlines as a calendar; every text people read goes through ``convert`` (script)."""
    from icalendar import Calendar  # imported here: only `--format ics` needs it

    calendar = Calendar()
    calendar.add("prodid", f"-//gov-disclosure//gd {__version__}//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", convert(name))
    for due in items:
        calendar.add_component(_event(loaded, due, today, convert))
    ical: bytes = calendar.to_ical()  # icalendar types to_ical() as returning Any
    return ical


def _event(loaded: LoadedPlan, due: Due, today: dt.date, convert: Callable[[str], str]) -> Event:
    from icalendar import Alarm, Event

    event = Event()
    event.add("uid", event_uid(loaded.issuer, loaded.year, due))
    # A fixed stamp (the day the calendar describes), so the output is the same for the same input.
    event.add("dtstamp", dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.UTC))
    event.add("dtstart", due.date)
    event.add("dtend", due.date + dt.timedelta(days=1))
    label = f"[{due.task or due.request}] " if due.task or due.request else ""
    done = due.flag is Flag.done
    event.add("summary", convert(f"{'【已完成】' if done else ''}{label}{due.what}"))
    event.add("description", convert("\n".join(_description(loaded, due, today))))
    event.add("categories", [convert("政務公開"), convert(due.flag.label)])
    event.add("transp", "TRANSPARENT")
    if not done:  # a deadline met needs no reminder
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", convert(f"{label}{due.what}：{due.date.isoformat()} 到期"))
        alarm.add("trigger", -REMINDER)
        event.add_component(alarm)
    return event


def _description(loaded: LoadedPlan, due: Due, today: dt.date) -> list[str]:
    lines = [
        f"工作任務：{due.title}" if due.task else f"事項：{due.what}",
        f"時限：{due.phrase or due.date.isoformat()}（{due.date.isoformat()}）",
        f"責任單位：{'、'.join(summarize_units(loaded.units, due.units))}",
    ]
    if due.open_units and len(due.open_units) < len(due.units):
        lines.append(f"尚未完成：{'、'.join(summarize_units(loaded.units, due.open_units))}")
    lines.append(f"截至 {today.isoformat()}：{standing_text(due)}，{due.flag.label}")
    lines.append(f"來源：{'依申請公開登記' if due.request else loaded.plan.notice.title}")
    return lines
