"""`gd due`: deadlines that are close or missed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import set_record
from gov_disclosure.progress.deadlines import Window, days_text, flag_for

ALL_24 = 24  # 14 county departments + 10 townships and sub-districts


def test_due_by_the_report_as_of_september(gd) -> None:
    rows = gd("due", "--before", "2020-11-30", "--today", "2020-09-01", "-f", "json").json()
    assert [(r["date"], r["task"], r["milestone"]) for r in rows] == [
        ("2020-09-20", "2.4", None),
        ("2020-09-30", "2.1", None),
        ("2020-11-30", None, "report"),
    ]
    for row in rows:
        assert len(row["units"]) == ALL_24 and row["open_units"] == row["units"]
        assert "縣衛健局" in row["units"] and "丹鳳街道" in row["units"]
        assert "政務信息股" not in row["units"]
    assert [r["days_left"] for r in rows] == [19, 29, 90]
    assert [r["flag"] for r in rows] == ["upcoming", "upcoming", "upcoming"]
    assert rows[2]["what"] == "將貫徹落實情況報政府辦公室政務信息股"


def test_before_is_inclusive_and_chinese_dates(gd) -> None:
    rows = gd("due", "--before", "2020年9月20日", "--today", "2020-09-01", "-f", "json").json()
    assert [r["task"] for r in rows] == ["2.4"]


def test_overdue_then_done(gd) -> None:
    rows = gd("due", "--today", "2020-10-08", "-f", "json").json()
    flags = {r["task"]: r["flag"] for r in rows if r["task"] in ("2.4", "2.1")}
    assert flags == {"2.4": "overdue", "2.1": "overdue"}
    assert {r["days"] for r in rows if r["task"] == "2.4"} == {"逾期 18 天"}
    for group in ("各鄉(鎮、街道)", "縣直有關部門"):
        result = set_record(gd, "2.4", group, "done", "2020-09-20", "--today", "2020-10-08")
        assert result.exit_code == 0, result.stderr
    rows = gd("due", "--today", "2020-10-08", "-f", "json").json()
    assert "2.4" not in {r["task"] for r in rows}
    assert "2.1" in {r["task"] for r in rows}
    shown = gd("due", "--today", "2020-10-08", "--all", "-f", "json").json()
    assert {r["flag"] for r in shown if r["task"] == "2.4"} == {"done"}


def test_open_units_shrink_as_units_report(gd) -> None:
    set_record(gd, "2.1", "縣衛健局", "done", "2020-09-29", "--today", "2020-10-08")
    set_record(gd, "2.1", "丹鳳街道", "not_applicable", "2020-09-29", "--today", "2020-10-08")
    (row,) = [
        r for r in gd("due", "--today", "2020-10-08", "-f", "json").json() if r["task"] == "2.1"
    ]
    assert len(row["units"]) == ALL_24 and len(row["open_units"]) == ALL_24 - 2
    assert "縣衛健局" not in row["open_units"] and "丹鳳街道" not in row["open_units"]
    table = gd("due", "--today", "2020-10-08").stdout
    assert "各鄉(鎮、街道)（10個）" in table  # the report is still open for every township


def test_records_after_today_have_not_happened_yet(gd) -> None:
    set_record(gd, "2.4", "縣衛健局", "done", "2020-10-05", "--today", "2020-10-08")
    (row,) = [
        r
        for r in gd("due", "-u", "縣衛健局", "--today", "2020-10-01", "--all", "-f", "json").json()
        if r["task"] == "2.4"
    ]
    assert row["flag"] == "overdue"
    (row,) = [
        r
        for r in gd("due", "-u", "縣衛健局", "--today", "2020-10-06", "--all", "-f", "json").json()
        if r["task"] == "2.4"
    ]
    assert row["flag"] == "done"


def test_unit_sees_only_its_own_deadlines(gd) -> None:
    media = gd("due", "-u", "融媒體中心", "--today", "2020-09-01", "-f", "json").json()
    assert [(r["task"], r["date"]) for r in media] == [
        ("2.4", "2020-09-20"), ("2.1", "2020-09-30"), (None, "2020-11-30"),
        ("2.2", "2020-12-31"), ("3.1", "2020-12-31"), ("3.2", "2020-12-31"), ("4.1", "2020-12-31"),
    ]  # fmt: skip
    assert all(r["units"] == ["縣融媒體中心"] for r in media)
    health = gd("due", "-u", "县卫健局", "--today", "2020-09-01", "-f", "json").json()
    assert "3.1" not in {r["task"] for r in health}  # IPv6 is 縣融媒體中心's alone
    assert "4.3" not in {r["task"] for r in health}  # training is 縣政府辦公室's
    assert gd("due", "-u", "不存在局").exit_code == 2


def test_within_and_warn_window(gd) -> None:
    rows = gd("due", "--today", "2020-09-10", "--within", "2w", "-f", "json").json()
    assert [r["task"] for r in rows] == ["2.4"]
    assert rows[0]["flag"] == "soon"
    rows = gd("due", "--today", "2020-09-10", "--warn", "5d", "-f", "json").json()
    assert rows[0]["flag"] == "upcoming"
    late = gd("due", "--today", "2020-10-08", "--within", "7d", "-f", "json").json()
    assert [r["task"] for r in late] == ["2.4", "2.1"]  # overdue always shows
    after = gd("due", "--today", "2020-10-08", "--after", "2020-10-01", "-f", "json").json()
    assert "2.4" not in {r["task"] for r in after}


def test_check_exit_code(gd) -> None:
    assert gd("due", "--check", "--today", "2020-09-01").exit_code == 0
    result = gd("due", "--check", "--today", "2020-10-08")
    assert result.exit_code == 1
    assert "逾期" in result.stdout


def test_table_labels(gd) -> None:
    out = gd("due", "--today", "2020-09-25").stdout
    for text in ("日期", "剩餘", "狀態", "尚未完成的單位", "逾期 5 天", "剩餘 5 天", "臨近"):
        assert text in out
    assert gd("due", "--today", "2020-09-25", "--script", "simplified").stdout.count("剩余") >= 1


def test_days_text_reads_as_people_say_it() -> None:
    assert days_text(5) == "剩餘 5 天"
    assert days_text(0) == "今天到期"
    assert days_text(-12) == "逾期 12 天"
    assert flag_for(0, False, 14).value == "soon"
    assert flag_for(-1, True, 14).value == "done"


def test_ics_calendar(gd) -> None:
    from icalendar import Calendar

    from gov_disclosure.documents.ics import issuer_tag

    first = gd("due", "--today", "2020-09-01", "-f", "ics")
    assert first.exit_code == 0, first.stderr
    calendar = Calendar.from_ical(first.stdout)
    events = [c for c in calendar.walk("VEVENT")]
    rows = gd("due", "--today", "2020-09-01", "-f", "json").json()
    assert len(events) == len(rows) == 8
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    # The year, the task, the deadline's place in it and a tag of the issuer (師宗縣人民政府辦公室).
    assert uids[0] == f"2020-2.4-0-{issuer_tag('師宗縣人民政府辦公室')}@gov-disclosure"
    first_event = events[0]
    assert first_event["DTSTART"].dt == dt.date(2020, 9, 20)
    assert first_event["DTEND"].dt == dt.date(2020, 9, 21)
    assert "[2.4]" in str(first_event["SUMMARY"])
    assert list(first_event.walk("VALARM"))
    assert calendar["VERSION"] == "2.0" and "PRODID" in calendar
    for event in events:
        assert "DTSTAMP" in event and "UID" in event
    # Importing again must update, not duplicate: the same deadlines keep their UIDs.
    later = Calendar.from_ical(gd("due", "--today", "2020-10-08", "-f", "ics").stdout)
    assert {str(e["UID"]) for e in later.walk("VEVENT")} == set(uids)
    assert first.stdout_bytes.count(b"\r\n") == first.stdout_bytes.count(b"\n")  # CRLF everywhere
    assert max(len(line) for line in first.stdout_bytes.split(b"\r\n")) <= 75  # folded at 75 octets


def test_ics_uids_differ_between_issuers(gd, workspace: Path) -> None:
    """Two counties' calendars never collide: the issuer (settings, else notice) is in each UID."""
    from icalendar import Calendar

    def uids() -> set[str]:
        feed = gd("due", "--today", "2020-09-01", "-f", "ics").stdout
        return {str(e["UID"]) for e in Calendar.from_ical(feed).walk("VEVENT")}

    ours = uids()
    (workspace / "plan" / "workspace.yaml").write_text("issuer: 陸良縣人民政府辦公室\n", "utf-8")
    theirs = uids()
    assert len(ours) == len(theirs) == 8 and not ours & theirs
    untagged = {u.split("@")[0].rsplit("-", 1)[0] for u in ours}
    assert untagged == {u.split("@")[0].rsplit("-", 1)[0] for u in theirs}


def test_ics_keeps_a_met_deadline_marked_done(gd) -> None:
    """A met deadline stays in the feed (marked 已完成, no reminder) instead of vanishing."""
    from icalendar import Calendar

    set_record(gd, "3.2", "縣融媒體中心", "done", "2020-09-30", "--today", "2020-10-08")
    feed = Calendar.from_ical(gd("due", "--today", "2020-10-08", "-f", "ics").stdout)
    events = {str(e["SUMMARY"]): e for e in feed.walk("VEVENT")}
    met = events["【已完成】[3.2] 完成政府門戶網站“政府信息公開平臺”規范建設"]
    assert "按時完成（2020-09-30）" in str(met["DESCRIPTION"]) and not list(met.walk("VALARM"))
    assert "已完成" in [str(c) for c in met["CATEGORIES"].cats]
    listed = gd("due", "--today", "2020-10-08", "-f", "json").json()
    assert len(events) == len(listed) + 1  # the listing leaves the met deadline out


def test_open_units_are_summarized_by_group() -> None:
    from conftest import REPO
    from gov_disclosure.plan.loading import load_registry
    from gov_disclosure.progress.deadlines import summarize_units
    from gov_disclosure.storage.workspace import find_workspace

    index, _ = load_registry(find_workspace(REPO))
    towns = index.members(index.lookup("各鄉(鎮、街道)"))
    depts = index.members(index.lookup("縣直有關部門"))
    assert summarize_units(index, towns + depts) == [
        "縣直有關部門（14個）",
        "各鄉(鎮、街道)（10個）",
    ]
    without = [u for u in depts if u.name != "縣衛健局"]
    assert summarize_units(index, without) == ["縣直有關部門（除縣衛健局）"]
    assert summarize_units(index, towns[:2]) == ["丹鳳街道", "漾月街道"]


def test_a_window_is_inclusive_and_within_bounds_only_the_future() -> None:
    today = dt.date(2020, 10, 8)
    window = Window(today, before=dt.date(2020, 11, 30), after=dt.date(2020, 9, 1))
    assert dt.date(2020, 11, 30) in window and dt.date(2020, 9, 1) in window
    assert dt.date(2020, 12, 1) not in window and dt.date(2020, 8, 31) not in window
    soon = Window(today, within_days=7)
    assert dt.date(2019, 1, 1) in soon  # overdue always shows
    assert dt.date(2020, 10, 15) in soon and dt.date(2020, 10, 16) not in soon
