"""requests.clock: the statutory clock of one request, on the official calendar.

Dates are checked against the 2020 holiday notice (1–8 October off; Sunday 27
September and Saturday 10 October working days) and the 條例's rules:
第三十三條 (20 working days; one extension of at most 20, consultations not
counted), 第三十條 (補正 within 7 working days, the clock restarting in full).
"""

from __future__ import annotations

import datetime as dt

import pytest

from gov_disclosure.requests.clock import KINDS, State, replay
from gov_disclosure.requests.model import ApplicantType, Channel, Event, EventKind, Request
from gov_disclosure.requests.settings import ConsultationPause, FeePause, Settings
from gov_disclosure.workdays.calendar import WorkCalendar, load_calendar

D = dt.date
K = EventKind


@pytest.fixture(scope="module")
def calendar() -> WorkCalendar:
    return load_calendar(None)[0]


def request(*events: Event, received: dt.date = D(2020, 9, 25)) -> Request:
    return Request("health-2020-001", "health", Channel.in_person, received, None,
                   ApplicantType.natural, "某事項", events)  # fmt: skip


def deadlines(clock) -> list[dt.date | None]:  # type: ignore[no-untyped-def]
    return [step.deadline for step in clock.steps]


def errors(clock) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.message for i in clock.issues if i.severity == "error"]


def test_the_base_deadline_counts_the_make_up_days(calendar: WorkCalendar) -> None:
    clock = replay(request(), calendar, Settings())
    assert clock.deadline == D(2020, 10, 29)


def test_a_correction_restarts_the_clock_in_full(calendar: WorkCalendar) -> None:
    clock = replay(
        request(
            Event(K.correction_requested, D(2020, 9, 29), days=15),
            Event(K.corrected, D(2020, 10, 12)),
        ),
        calendar,
        Settings(),
    )
    assert errors(clock) == [] and clock.issues == []
    # While the correction is awaited no deadline runs; the applicant's 15 working days end 10-21.
    assert deadlines(clock) == [D(2020, 10, 29), None, D(2020, 11, 9)]
    assert clock.steps[1].state is State.awaiting_correction
    # 20 working days from Monday 2020-10-12 (day 0): 10-13 … 11-09.
    assert calendar.count(D(2020, 10, 12), D(2020, 11, 9)) == 20


def test_the_correction_notice_is_due_within_7_working_days(calendar: WorkCalendar) -> None:
    # 7 working days after 2020-09-25: 9-27 (Sunday, working), 28, 29, 30, 10-9, 10-10, 10-12.
    on_time = replay(request(Event(K.correction_requested, D(2020, 10, 12))), calendar, Settings())
    late = replay(request(Event(K.correction_requested, D(2020, 10, 13))), calendar, Settings())
    assert on_time.issues == []
    assert [i.message for i in late.issues] == [
        "the correction was requested on 2020-10-13, after the 7 working days of 第三十條 (by 2020-10-12)"
    ]
    assert late.issues[0].severity == "warning"


def test_a_consultation_pauses_the_clock(calendar: WorkCalendar) -> None:
    clock = replay(
        request(Event(K.consult_sent, D(2020, 9, 28)), Event(K.consult_replied, D(2020, 10, 12))),
        calendar,
        Settings(),
    )
    # Not counted: 9-29, 9-30, 10-9, 10-10 (Saturday, working), 10-12: five working days.
    assert deadlines(clock) == [D(2020, 10, 29), None, D(2020, 11, 5)]
    assert clock.steps[2].remark == "收到意見，暫停 5 個工作日"


def test_the_consultation_setting_delivery_starts_the_pause_later(calendar: WorkCalendar) -> None:
    events = (
        Event(K.consult_sent, D(2020, 9, 28), delivered=D(2020, 9, 30)),
        Event(K.consult_replied, D(2020, 10, 12)),
    )
    by_sending = replay(request(*events), calendar, Settings())
    by_delivery = replay(request(*events), calendar, Settings(ConsultationPause.delivery))
    assert by_sending.deadline == D(2020, 11, 5)
    assert by_delivery.deadline == D(2020, 11, 3)  # 9-29 and 9-30 are counted: 3 days paused


def test_two_consultations_at_once_pause_once(calendar: WorkCalendar) -> None:
    clock = replay(
        request(
            Event(K.consult_sent, D(2020, 9, 28)),
            Event(K.consult_sent, D(2020, 9, 29)),
            Event(K.consult_replied, D(2020, 10, 9)),
            Event(K.consult_replied, D(2020, 10, 12)),
        ),
        calendar,
        Settings(),
    )
    assert errors(clock) == []
    assert deadlines(clock)[1:] == [None, None, None, D(2020, 11, 5)]


def test_an_extension_across_the_national_day_holiday(calendar: WorkCalendar) -> None:
    """Received Thursday 2020-09-10: 20 working days end 2020-10-14 (9-27 and 10-10 worked,
    10-1 … 10-8 off); 20 more end 2020-11-11."""
    clock = replay(
        request(
            Event(
                K.extended,
                D(2020, 10, 13),
                days=20,
                approved_by="辦公室主任",
                approved_on=D(2020, 10, 12),
            ),
            Event(K.answered, D(2020, 11, 10), outcome="r3_1_open"),
            received=D(2020, 9, 10),
        ),
        calendar,
        Settings(),
    )
    assert clock.issues == []
    assert deadlines(clock) == [D(2020, 10, 14), D(2020, 11, 11), D(2020, 11, 11)]
    assert clock.steps[1].remark == "延長 20 個工作日，辦公室主任 2020-10-12 同意"
    assert clock.state is State.concluded


def test_an_extension_is_granted_once_with_its_approval(calendar: WorkCalendar) -> None:
    approved = {"approved_by": "主任", "approved_on": D(2020, 10, 20)}
    twice = replay(
        request(
            Event(K.extended, D(2020, 10, 20), **approved),  # type: ignore[arg-type]
            Event(K.extended, D(2020, 10, 21), **approved),
        ),
        calendar,
        Settings(),
    )
    assert errors(twice) == [
        "the time was already extended on 2020-10-20; 第三十三條 allows one extension"
    ]
    unapproved = replay(request(Event(K.extended, D(2020, 10, 20))), calendar, Settings())
    assert any("consent of the 工作機構's head" in m for m in errors(unapproved))
    too_long = replay(
        request(Event(K.extended, D(2020, 10, 20), days=25, **approved)), calendar, Settings()
    )  # type: ignore[arg-type]
    assert errors(too_long) == ["an extension is at most 20 working days"]


def test_an_extension_told_after_the_deadline_is_a_warning(calendar: WorkCalendar) -> None:
    clock = replay(
        request(
            Event(K.extended, D(2020, 10, 30), approved_by="主任", approved_on=D(2020, 10, 28))
        ),
        calendar,
        Settings(),
    )
    assert [(i.severity, i.message) for i in clock.issues] == [
        ("warning", "the extension was told to the applicant on 2020-10-30, after the deadline "
                    "2020-10-29 (1 working days late)"),
    ]  # fmt: skip


def test_a_fee_notice_pauses_the_clock_by_default(calendar: WorkCalendar) -> None:
    events = (
        Event(K.fee_notice, D(2020, 10, 12), amount=100.0),
        Event(K.fee_paid, D(2020, 10, 16)),
    )
    paused = replay(request(*events), calendar, Settings())
    counted = replay(request(*events), calendar, Settings(fee_pause=FeePause.none))
    assert paused.deadline == D(2020, 11, 4)  # 10-13 … 10-16 not counted: 4 working days
    assert counted.deadline == D(2020, 10, 29)
    assert paused.steps[1].remark == "收費通知，繳費期限 2020-11-09；答復期限暫停計算"


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ((Event(K.corrected, D(2020, 10, 9)),), "corrected on 2020-10-09: the request is running"),
        ((Event(K.consult_replied, D(2020, 10, 9)),), "no consultation is waiting"),
        ((Event(K.fee_paid, D(2020, 10, 9)),), "no fee notice is waiting"),
        ((Event(K.answered, D(2020, 10, 9)),), "an answer needs its outcome"),
        (
            (Event(K.answered, D(2020, 9, 24), outcome="r3_1_open"),),
            "before the request was received",
        ),
        (
            (
                Event(K.answered, D(2020, 10, 9), outcome="r3_1_open"),
                Event(K.consult_sent, D(2020, 10, 12)),
            ),
            "the request was concluded on 2020-10-09; nothing can follow",
        ),
        (
            (Event(K.consult_sent, D(2020, 10, 12)), Event(K.consult_replied, D(2020, 10, 9))),
            "events are kept in date order",
        ),
        (
            (Event(K.answered, D(2020, 10, 9), outcome="r3_6_1"),),
            "r3_6_1 is a row of the other format; requests concluded in 2020 are counted in the "
            "GBGKBH-2019-60 format",
        ),
        ((Event(K.withdrawn, D(2020, 10, 9), outcome="r9"),), "'r9' is not a row of table 三"),
        (
            (Event(K.corrected, D(2020, 10, 9), days=3),),
            "days does not belong to a corrected event",
        ),
        (
            (
                Event(K.correction_requested, D(2020, 9, 28)),
                Event(K.correction_requested, D(2020, 9, 29)),
            ),
            "第三十條 asks for it once",
        ),
    ],
)
def test_events_that_break_the_rules(
    calendar: WorkCalendar, events: tuple[Event, ...], message: str
) -> None:
    clock = replay(request(*events), calendar, Settings())
    assert any(message in m for m in errors(clock)), errors(clock)


def test_an_answer_after_the_deadline_is_a_warning_with_the_days_late(
    calendar: WorkCalendar,
) -> None:
    clock = replay(
        request(Event(K.answered, D(2020, 11, 2), outcome="r3_1_open")), calendar, Settings()
    )
    assert [(i.severity, i.message) for i in clock.issues] == [
        ("warning", "answered on 2020-11-02, after the deadline 2020-10-29 (2 working days late)")
    ]


def test_a_withdrawal_concludes_as_other_handling(calendar: WorkCalendar) -> None:
    clock = replay(request(Event(K.withdrawn, D(2020, 10, 9))), calendar, Settings())
    assert clock.state is State.concluded and clock.issues == []
    assert clock.steps[-1].remark == "申請人撤回申請（計入 （六）其他處理）"


def test_deadline_on_a_day_takes_an_open_pause_to_end_that_day(calendar: WorkCalendar) -> None:
    clock = replay(request(Event(K.consult_sent, D(2020, 9, 28))), calendar, Settings())
    assert clock.deadline is None and clock.state is State.paused
    assert clock.deadline_on(D(2020, 10, 8)) == D(2020, 11, 2)  # 9-29, 9-30 paused so far


def test_without_a_calendar_rules_are_checked_but_no_deadline(calendar: WorkCalendar) -> None:
    clock = replay(request(Event(K.consult_replied, D(2020, 10, 9))), None, Settings())
    assert clock.deadline is None
    assert errors(clock) == ["consult_replied on 2020-10-09: no consultation is waiting"]


def test_a_deadline_in_an_unknown_year_is_reported_not_guessed(calendar: WorkCalendar) -> None:
    clock = replay(request(received=D(2026, 12, 18)), calendar, Settings())
    assert clock.deadline is None
    assert clock.calendar_error is not None and "2027" in clock.calendar_error


def test_every_kind_of_event_has_its_rules() -> None:
    assert set(KINDS) == set(EventKind)


def test_a_refused_event_changes_nothing_and_says_what_it_was(calendar: WorkCalendar) -> None:
    notice = Event(K.fee_notice, D(2020, 10, 9), amount=10.0)
    again = Event(K.fee_notice, D(2020, 10, 12), amount=10.0)
    clock = replay(request(notice, again), calendar, Settings())
    assert errors(clock) == ["a fee notice is already waiting for payment"]
    assert clock.steps[-1].remark == "收費通知"
    assert clock.steps[-1].deadline == clock.steps[-2].deadline
