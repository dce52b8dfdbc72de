"""Deadline phrases of Chinese government notices, parsed into dates of the plan year.

Every phrase found keeps its source text.  Kinds:

* ``date``: one date (``2020年9月底前``, ``9月20日前``, ``年底前``, ``年內``, ``上半年``,
  ``第三季度``…);
* ``recurring``: several dates within the plan year (``每季度``, ``每月``,
  ``每年1月31日前``, ``每年至少1次``);
* ``relative``: a span from an event, kept as text (``5個工作日內``);
* ``ongoing``: no date at all (``長期堅持``, ``持續推進``, ``常態化``).

A year that is not written is taken from the plan (``year_guessed``); a written
year far from the plan year is flagged ``suspicious`` — a slip to check, never
silently corrected.  Both scripts are understood.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

_NUM = "0-9０-９一二三四五六七八九十兩两〇零"
_CN = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "兩": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def number(text: str) -> int:
    """An Arabic or Chinese number up to 99: 9, ９, 九, 十二, 二十."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (number(tens) if tens else 1) * 10 + (number(ones) if ones else 0)
    value = 0
    for ch in text:  # digits written one by one, even mixed: 二〇二〇, 0二
        value = value * 10 + (int(ch) if ch.isdigit() else _CN.get(ch, 0))
    return value


@dataclass(frozen=True)
class Found:
    """A deadline phrase: where it stood in the text, what it says, and its dates."""

    phrase: str
    start: int
    end: int
    kind: str  # date | recurring | relative | ongoing
    dates: tuple[dt.date, ...] = ()
    year_guessed: bool = False
    suspicious: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_Y = r"(?P<year>(?:19|20)\d{2}|[0-9０-９]{4})\s*年"
_M = rf"(?P<month>[{_NUM}]{{1,3}})\s*月"
_D = rf"(?P<day>[{_NUM}]{{1,3}})\s*[日号號]"
_BEFORE = r"(?:之前|以前|前)"
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# (pattern, handler name): tried in this order, longest forms first; a later
# pattern never takes text an earlier one took.
_TABLE: list[tuple[str, str]] = [
    (rf"每年\s*{_M}\s*{_D}\s*{_BEFORE}?", "yearly_date"),
    (r"每年(?:至少|不少[于於])?\s*[0-9一二三四五六七八九十]+\s*[次回]", "yearly"),
    (r"每(?:個|个)?季度", "quarterly"),
    (r"每(?:個|个)?月", "monthly"),
    (rf"[于於在]?\s*{_Y}\s*{_M}\s*{_D}\s*{_BEFORE}?", "ymd"),
    (rf"[于於在]?\s*{_Y}\s*{_M}\s*(?:底|末)\s*{_BEFORE}?", "ym_end"),
    (rf"[于於在]?\s*{_Y}\s*{_M}\s*{_BEFORE}", "ym_before"),
    (rf"(?:[到至]|[于於在])?\s*{_Y}\s*(?:年)?\s*(?:底|末)\s*{_BEFORE}?", "y_end"),
    (rf"[于於在]?\s*{_Y}\s*(?P<half>上|下)半年", "half"),
    (rf"[于於在]?\s*{_Y}\s*(?:第)?(?P<quarter>[一二三四1-4])\s*季度", "quarter"),
    (rf"[于於在]?\s*{_M}\s*{_D}\s*{_BEFORE}?", "md"),
    (rf"[于於在]?\s*{_M}\s*(?:底|末)\s*{_BEFORE}?", "m_end"),
    (rf"[于於在]?\s*年\s*(?:底|末)\s*{_BEFORE}?", "year_end"),
    (r"年[內内]", "year_end"),
    (r"(?P<half>上|下)半年", "half"),
    (r"(?:第)?(?P<quarter>[一二三四])\s*季度", "quarter"),
    (
        r"[0-9一二三四五六七八九十]+\s*(?:個|个)?\s*(?:工作日|日|天|小時|小时|個月|个月|周|週)\s*[內内]",
        "relative",
    ),
    (
        r"長期堅持|长期坚持|持續推進|持续推进|常態化(?:推進|开展|開展)?|常态化(?:推进)?|長期|长期|持續|持续",
        "ongoing",
    ),
]
_COMPILED = [(re.compile(p), h) for p, h in _TABLE]
#: How far from the plan year a written year may be before it is a suspected slip.
_YEAR_SLACK = 1


def parse(text: str, plan_year: int) -> list[Found]:
    """Every deadline phrase in ``text``, in order of appearance."""
    taken: list[tuple[int, int]] = []
    found: list[Found] = []
    for pattern, handler in _COMPILED:
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            item = _HANDLERS[handler](m, plan_year)
            if item is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(item)
    return sorted(found, key=lambda f: f.start)


def _phrase(m: re.Match[str]) -> str:
    return m.group(0).strip().lstrip("于於在到至").strip()


def _year(m: re.Match[str], plan_year: int) -> tuple[int, bool, bool]:
    """(year, guessed, suspicious)."""
    raw = m.groupdict().get("year")
    if not raw:
        return plan_year, True, False
    year = number(raw)
    return year, False, abs(year - plan_year) > _YEAR_SLACK


def _one(
    m: re.Match[str], plan_year: int, date: dt.date | None, year: tuple[int, bool, bool]
) -> Found | None:
    if date is None:
        return None
    _, guessed, suspicious = year
    return Found(_phrase(m), m.start(), m.end(), "date", (date,), guessed, suspicious)


def _ymd(m: re.Match[str], plan_year: int) -> Found | None:
    y = _year(m, plan_year)
    return _one(m, plan_year, _safe_date(y[0], number(m["month"]), number(m["day"])), y)


def _ym_end(m: re.Match[str], plan_year: int) -> Found | None:
    y = _year(m, plan_year)
    month = number(m["month"])
    return _one(m, plan_year, _last_day(y[0], month) if 1 <= month <= 12 else None, y)


def _ym_before(m: re.Match[str], plan_year: int) -> Found | None:
    """「6月前」: before June begins, i.e. by the last day of May."""
    y = _year(m, plan_year)
    month = number(m["month"])
    if not 1 <= month <= 12:
        return None
    date = dt.date(y[0], month, 1) - dt.timedelta(days=1)
    return _one(m, plan_year, date, y)


def _y_end(m: re.Match[str], plan_year: int) -> Found | None:
    y = _year(m, plan_year)
    return _one(m, plan_year, dt.date(y[0], 12, 31), y)


def _year_end(m: re.Match[str], plan_year: int) -> Found | None:
    return Found(_phrase(m), m.start(), m.end(), "date", (dt.date(plan_year, 12, 31),), True)


def _half(m: re.Match[str], plan_year: int) -> Found | None:
    y = _year(m, plan_year)
    date = dt.date(y[0], 6, 30) if m["half"] == "上" else dt.date(y[0], 12, 31)
    return _one(m, plan_year, date, y)


def _quarter(m: re.Match[str], plan_year: int) -> Found | None:
    y = _year(m, plan_year)
    q = _QUARTERS[m["quarter"]]
    return _one(m, plan_year, _last_day(y[0], q * 3), y)


def _md(m: re.Match[str], plan_year: int) -> Found | None:
    return _one(
        m,
        plan_year,
        _safe_date(plan_year, number(m["month"]), number(m["day"])),
        (plan_year, True, False),
    )


def _m_end(m: re.Match[str], plan_year: int) -> Found | None:
    month = number(m["month"])
    return _one(
        m,
        plan_year,
        _last_day(plan_year, month) if 1 <= month <= 12 else None,
        (plan_year, True, False),
    )


def _yearly_date(m: re.Match[str], plan_year: int) -> Found | None:
    date = _safe_date(plan_year, number(m["month"]), number(m["day"]))
    if date is None:
        return None
    return Found(_phrase(m), m.start(), m.end(), "recurring", (date,), True)


def _yearly(m: re.Match[str], plan_year: int) -> Found | None:
    return Found(_phrase(m), m.start(), m.end(), "recurring", (dt.date(plan_year, 12, 31),), True)


def _quarterly(m: re.Match[str], plan_year: int) -> Found | None:
    dates = tuple(_last_day(plan_year, q * 3) for q in range(1, 5))
    return Found(_phrase(m), m.start(), m.end(), "recurring", dates, True)


def _monthly(m: re.Match[str], plan_year: int) -> Found | None:
    dates = tuple(_last_day(plan_year, month) for month in range(1, 13))
    return Found(_phrase(m), m.start(), m.end(), "recurring", dates, True)


def _relative(m: re.Match[str], plan_year: int) -> Found | None:
    return Found(_phrase(m), m.start(), m.end(), "relative")


def _ongoing(m: re.Match[str], plan_year: int) -> Found | None:
    return Found(_phrase(m), m.start(), m.end(), "ongoing")


_HANDLERS = {
    "ymd": _ymd,
    "ym_end": _ym_end,
    "ym_before": _ym_before,
    "y_end": _y_end,
    "year_end": _year_end,
    "half": _half,
    "quarter": _quarter,
    "md": _md,
    "m_end": _m_end,
    "yearly_date": _yearly_date,
    "yearly": _yearly,
    "quarterly": _quarterly,
    "monthly": _monthly,
    "relative": _relative,
    "ongoing": _ongoing,
}
