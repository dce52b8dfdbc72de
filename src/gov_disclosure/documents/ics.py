"""Deadlines as an RFC 5545 calendar (one all-day event per deadline).

UIDs are derived from the plan year, the task (or milestone) and the
deadline's position in it, so importing the calendar again updates the
events instead of adding copies.
"""

from __future__ import annotations

import datetime as dt

from gov_disclosure import __version__
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.progress.deadlines import Due, days_text, summarize_units

UID_DOMAIN = "gov-disclosure"
#: The reminder fires this long before the day of the deadline.
REMINDER = dt.timedelta(days=3)


def event_uid(year: int, due: Due) -> str:
    if due.request:  # a request for information keeps its UID whatever the plan year
        return f"request-{due.request}@{UID_DOMAIN}"
    return f"{year}-{due.key}-{due.index}@{UID_DOMAIN}"


def to_ics(loaded: LoadedPlan, items: list[Due], today: dt.date, name: str) -> bytes:
    from icalendar import Alarm, Calendar, Event  # imported here: only `--format ics` needs it

    calendar = Calendar()
    calendar.add("prodid", f"-//gov-disclosure//gd {__version__}//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    # A fixed stamp (the day the calendar describes), so the output is the same for the same input.
    stamp = dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.UTC)
    for due in items:
        event = Event()
        event.add("uid", event_uid(loaded.year, due))
        event.add("dtstamp", stamp)
        event.add("dtstart", due.date)
        event.add("dtend", due.date + dt.timedelta(days=1))
        label = f"[{due.task or due.request}] " if due.task or due.request else ""
        event.add("summary", f"{label}{due.what}")
        lines = [
            f"工作任務：{due.title}" if due.task else f"事項：{due.what}",
            f"時限：{due.phrase or due.date.isoformat()}（{due.date.isoformat()}）",
            f"責任單位：{'、'.join(summarize_units(loaded.units, due.units))}",
        ]
        if due.open_units and len(due.open_units) < len(due.units):
            lines.append(f"尚未完成：{'、'.join(summarize_units(loaded.units, due.open_units))}")
        lines.append(f"截至 {today.isoformat()}：{days_text(due.days_left)}，{due.flag.label}")
        lines.append(f"來源：{'依申請公開登記' if due.request else loaded.plan.notice.title}")
        event.add("description", "\n".join(lines))
        event.add("categories", ["政務公開", due.flag.label])
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{label}{due.what}：{due.date.isoformat()} 到期")
        alarm.add("trigger", -REMINDER)
        event.add_component(alarm)
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()  # icalendar types to_ical() as returning Any
    return ical
