"""Dates and durations as people type them and as documents write them.

Typed: 2020-11-30, 2020/11/30, 2020.11.30, 2020年11月30日, 11月30日 (the plan's
year); 30d, 2w.  Written in documents: 2020年11月30日 (:func:`chinese_date`,
the one form every document uses; JSON, CSV and ICS keep ISO dates).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable

from gov_disclosure.errors import GdError

_NUMERIC = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$")
_CHINESE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]$")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]$")
_ISO_IN_TEXT = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DURATION = re.compile(r"^(\d{1,4})\s*([dwm]|天|日|周|週|星期|個月|个月|月)?$")
_UNIT_DAYS = {
    "d": 1,
    "天": 1,
    "日": 1,
    "w": 7,
    "周": 7,
    "週": 7,
    "星期": 7,
    "m": 30,
    "月": 30,
    "個月": 30,
    "个月": 30,
}
_FORMS = "write 2020-11-30, 2020/11/30, 2020.11.30, 2020年11月30日 or 11月30日"


def chinese_date(day: dt.date) -> str:
    """A date as documents write it (GB/T 9704: Arabic numerals, no padding): 2020年9月8日."""
    return f"{day.year}年{day.month}月{day.day}日"


def chinese_dates_in(text: str) -> str:
    """Text with every ISO date in it (2020-09-20) written as documents write dates."""
    return _ISO_IN_TEXT.sub(lambda m: chinese_date(dt.date(int(m[1]), int(m[2]), int(m[3]))), text)


def parse_date(
    text: str, option: str = "date", default_year: Callable[[], int] | None = None
) -> dt.date:
    """A calendar date typed in any of the usual forms; a usage error otherwise.

    ``11月30日`` takes its year from ``default_year()`` (the plan's year).
    """
    value = unicodedata.normalize("NFKC", text).strip()
    parts: tuple[str, ...]
    if m := _NUMERIC.match(value):
        parts = (m.group(1), m.group(3), m.group(4))
    elif m := _CHINESE.match(value):
        parts = m.groups()
    elif (m := _MONTH_DAY.match(value)) and default_year is not None:
        parts = (str(default_year()), *m.groups())
    else:
        raise GdError.usage(f"{option}: {text!r} is not a date; {_FORMS}")
    year, month, day = (int(g) for g in parts)
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise GdError.usage(f"{option}: {text!r} is not a real date ({exc})") from None


def parse_days(text: str, option: str = "duration") -> int:
    """A span of days typed as 14, 14d, 2w, 1m (30 days), 14天, 2周."""
    value = unicodedata.normalize("NFKC", text).strip().lower()
    m = _DURATION.match(value)
    if not m:
        raise GdError.usage(f"{option}: {text!r} is not a duration; write e.g. 14d, 2w or 1m")
    return int(m.group(1)) * _UNIT_DAYS[m.group(2) or "d"]
