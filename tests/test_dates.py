"""Dates as people type them, and the one form documents write them in."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_disclosure.dates import chinese_date, chinese_dates_in, parse_date
from gov_disclosure.errors import GdError

EXAMPLES = int(os.environ.get("GD_FUZZ_EXAMPLES", "200"))
DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2200, 12, 31))


def test_documents_write_dates_as_gbt_9704_does() -> None:
    """Arabic numerals, the year in full, no leading zero (2020年9月8日, never 2020年09月08日)."""
    assert chinese_date(dt.date(2020, 9, 8)) == "2020年9月8日"
    assert chinese_date(dt.date(2020, 11, 30)) == "2020年11月30日"
    assert chinese_dates_in("時限 2020-09-20 → 2020-09-30（推遲 10 天）") == (
        "時限 2020年9月20日 → 2020年9月30日（推遲 10 天）"
    )
    assert chinese_dates_in("v2020-09-201") == "v2020-09-201"  # not a date on its own


@settings(max_examples=EXAMPLES)
@given(DAYS)
def test_every_typed_form_reads_back(day: dt.date) -> None:
    y, m, d = day.year, day.month, day.day
    for typed in (
        day.isoformat(),
        f"{y}/{m}/{d}",
        f"{y}.{m:02d}.{d:02d}",
        chinese_date(day),
        f"{y} 年 {m} 月 {d} 號",
        f"{y}－{m:02d}－{d:02d}",  # full-width, as a Chinese input method types it
    ):
        assert parse_date(typed) == day, typed
    assert parse_date(f"{m}月{d}日", default_year=lambda: y) == day


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2020/13/01", "is not a real date (month must be in 1..12)"),
        ("2020-9/18", "is not a date"),
        ("9月18日", "is not a date"),  # no plan year to take
        ("昨天", "is not a date"),
    ],
)
def test_what_is_not_a_date(typed: str, message: str) -> None:
    with pytest.raises(GdError) as caught:
        parse_date(typed, "--today")
    assert caught.value.message.startswith(f"--today: {typed!r} ")
    assert message in caught.value.message
