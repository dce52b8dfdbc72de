"""Dates and durations as people type them: 2020-11-30, 2020年11月30日, 30d, 2w."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from gov_disclosure.errors import GdError

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_CHINESE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]$")
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


def parse_date(text: str, option: str = "date") -> dt.date:
    """A calendar date typed as 2020-11-30 or 2020年11月30日; a usage error otherwise."""
    value = unicodedata.normalize("NFKC", text).strip()
    m = _ISO.match(value) or _CHINESE.match(value)
    if not m:
        raise GdError.usage(f"{option}: {text!r} is not a date; write 2020-11-30 or 2020年11月30日")
    year, month, day = (int(g) for g in m.groups())
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
