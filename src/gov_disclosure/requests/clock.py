"""A request's statutory clock, replayed event by event.

The rules (《政府信息公開條例》, 國務院令第711號; see docs/requests.md):

* 第三十三條: answer within 20 working days of receipt (day 0, counted from
  the next day); with the consent of the 工作機構's head, told to the
  applicant, at most 20 more, once.
* 第三十條: a request to correct the application goes out within 7 working
  days of receipt, all at once; the 20 days then run again, in full, from
  the day the corrected application is received.
* 第三十三條第三款: the time needed to consult a third party (第三十二條) or
  another agency (第三十四條) is not counted.  When that time starts is a
  setting (:mod:`.settings`).
* Fee notices (國辦函〔2020〕109號): the applicant pays within 20 working days;
  whether that time counts is a setting.
* An answer or a withdrawal ends the request.

Replaying gives the deadline as it stands after each event and every event
that breaks the rules (errors) or the time limits (warnings).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from gov_disclosure.errors import GdError
from gov_disclosure.models import Labelled
from gov_disclosure.requests import model as M
from gov_disclosure.requests.model import Event, EventKind, Request
from gov_disclosure.requests.settings import ConsultationPause, FeePause, Settings
from gov_disclosure.workdays.calendar import WorkCalendar


class State(Labelled):
    running = "running", "辦理中"
    #: A consultation or a fee notice is outstanding: the clock does not run.
    paused = "paused", "暫停計時"
    #: A 補正 was requested: no deadline until the corrected application comes.
    awaiting_correction = "awaiting_correction", "待補正"
    concluded = "concluded", "已辦結"


#: The optional fields each kind of event may carry.
FIELDS = {
    EventKind.correction_requested: {"days"},
    EventKind.corrected: set(),
    EventKind.consult_sent: {"delivered"},
    EventKind.consult_replied: set(),
    EventKind.extended: {"days", "approved_by", "approved_on"},
    EventKind.fee_notice: {"amount"},
    EventKind.fee_paid: {"amount"},
    EventKind.withdrawn: {"outcome"},
    EventKind.answered: {"outcome"},
}
OPTIONAL = ("outcome", "days", "approved_by", "approved_on", "delivered", "amount")


@dataclass(frozen=True)
class Issue:
    """An event (or the request, for ``index`` None) that breaks a rule or a time limit."""

    index: int | None
    field: str
    message: str
    severity: str = "error"


@dataclass(frozen=True)
class Step:
    """The request after one event: its state and its deadline as it then stood."""

    #: The event's position in the request's events (None for the receipt).
    index: int | None
    date: dt.date
    kind: EventKind | None
    state: State
    #: None while paused or awaiting a correction, or where the calendar does not reach.
    deadline: dt.date | None
    remark: str


@dataclass
class _Pause:
    """A stretch of days the time limit does not run (a consultation, a fee)."""

    start: dt.date | None  # None: not started (a consultation not yet delivered)
    end: dt.date | None = None
    consult: bool = True


@dataclass
class Clock:
    """A request replayed: its steps, where it stands, and what is wrong with it."""

    request: Request
    calendar: WorkCalendar | None
    settings: Settings
    state: State = State.running
    #: The day the 20 working days run from: the receipt day, or the corrected application's.
    start: dt.date = dt.date.min
    days: int = M.BASE_DAYS
    pauses: list[_Pause] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    correction_requested: dt.date | None = None
    extended_on: dt.date | None = None
    fee_open: bool = False
    #: The applicant's own time limits: to correct the application, to pay the fee.
    correction_due: dt.date | None = None
    payment_due: dt.date | None = None
    #: The message of a year the calendar does not know, when a deadline ran into one.
    calendar_error: str | None = None

    @property
    def deadline(self) -> dt.date | None:
        """The deadline as it stands after the last event (None while it cannot be known)."""
        return self.steps[-1].deadline if self.steps else None

    @property
    def concluded(self) -> Event | None:
        return self.request.conclusion if self.state is State.concluded else None

    def deadline_on(self, day: dt.date) -> dt.date | None:
        """The deadline as it stands on ``day``, an open pause taken to end that day.

        While paused this is the earliest the deadline can be; None while a
        correction is awaited.
        """
        if self.state is State.awaiting_correction:
            return None
        return self._add(self.start, self.days, day)

    def wd(self, first: dt.date, last: dt.date) -> int | None:
        """Working days after ``first`` up to ``last`` (None where the calendar cannot say)."""
        if self.calendar is None:
            return None
        try:
            return self.calendar.count(first, last)
        except GdError as exc:
            self.calendar_error = self.calendar_error or exc.message
            return None

    def _add(self, start: dt.date, n: int, until: dt.date | None = None) -> dt.date | None:
        """``n`` working days after ``start`` without the pauses (open ones end ``until``)."""
        if self.calendar is None:
            return None
        spans = []
        for pause in self.pauses:
            end = pause.end or until
            if pause.start is None:
                continue
            if end is None:
                return None
            spans.append((pause.start, end))
        try:
            return self.calendar.add(start, n, spans)
        except GdError as exc:
            self.calendar_error = self.calendar_error or exc.message
            return None

    def issue(self, index: int | None, fld: str, message: str, severity: str = "error") -> None:
        self.issues.append(Issue(index, fld, message, severity))


def replay(request: Request, calendar: WorkCalendar | None, settings: Settings) -> Clock:
    """Replay a request's events in order; the clock says where it stands and what is wrong.

    Without a calendar the rules are checked but no deadline is computed.
    """
    clock = Clock(request, calendar, settings, start=request.receipt_day)
    first = clock._add(clock.start, M.BASE_DAYS)
    clock.steps.append(
        Step(None, clock.start, None, State.running, first, f"收到申請（{request.channel.label}）")
    )
    last = clock.start
    for i, event in enumerate(request.events):
        if not _in_order(clock, i, event, last):
            continue
        last = event.date
        _check_fields(clock, i, event)
        remark = _apply(clock, i, event)
        deadline = None if _waiting(clock) else clock._add(clock.start, clock.days)
        clock.steps.append(Step(i, event.date, event.kind, clock.state, deadline, remark))
    return clock


def _in_order(clock: Clock, i: int, event: Event, last: dt.date) -> bool:
    if clock.state is State.concluded:
        end = clock.request.conclusion
        when = end.date if end else last
        clock.issue(i, "kind", f"the request was concluded on {when}; nothing can follow")
        return False
    if event.date < clock.request.receipt_day:
        clock.issue(
            i,
            "date",
            f"{event.date} is before the request was received ({clock.request.receipt_day})",
        )
        return False
    if event.date < last:
        clock.issue(i, "date", f"events are kept in date order; {event.date} is before {last}")
        return False
    return True


def _waiting(clock: Clock) -> bool:
    return clock.state is State.awaiting_correction or any(
        p.start is not None and p.end is None for p in clock.pauses
    )


def _check_fields(clock: Clock, i: int, event: Event) -> None:
    allowed = FIELDS[event.kind]
    for name in OPTIONAL:
        if getattr(event, name) is not None and name not in allowed:
            clock.issue(i, name, f"{name} does not belong to a {event.kind.value} event")


# ---- one handler per kind of event: each updates the clock and says what changed -------------
# (it runs once the event keeps the rules of its kind: KINDS, below).


def _correction_requested(clock: Clock, i: int, event: Event) -> str:
    limit = clock._add(clock.request.receipt_day, M.CORRECTION_NOTICE_DAYS)
    if limit is not None and event.date > limit:
        clock.issue(
            i,
            "date",
            f"the correction was requested on {event.date}, after the 7 working days "
            f"of 第三十條 (by {limit})",
            "warning",
        )
    clock.correction_requested = event.date
    clock.state = State.awaiting_correction
    if event.days:
        clock.correction_due = clock._add(event.date, event.days)
    due = f"，補正期限 {clock.correction_due}" if clock.correction_due else ""
    return f"告知補正：答復期限待收到補正申請後重新計算{due}"


def _corrected(clock: Clock, i: int, event: Event) -> str:
    clock.state = State.running
    clock.start = event.date
    clock.pauses = []
    clock.correction_due = None
    return f"收到補正申請：{M.BASE_DAYS} 個工作日自 {event.date} 重新計算（第三十條）"


def _consult_sent(clock: Clock, i: int, event: Event) -> str:
    if event.delivered is not None and event.delivered < event.date:
        clock.issue(i, "delivered", f"delivered on {event.delivered}, before it was sent")
    start: dt.date | None = event.date
    if clock.settings.consultation_pause is ConsultationPause.delivery:
        start = event.delivered
        if start is None:
            clock.issue(
                i,
                "delivered",
                "consultation_pause is delivery but no delivered date is "
                "recorded: the clock keeps running until it is",
                "warning",
            )
    clock.pauses.append(_Pause(start))
    _set_paused(clock)
    return "征求意見：所需時間不計算在答復期限內（第三十三條第三款）"


def _consult_replied(clock: Clock, i: int, event: Event) -> str:
    pause = next(p for p in clock.pauses if p.consult and p.end is None)  # see _consulting
    pause.end = event.date
    _set_paused(clock)
    paused = clock.wd(pause.start, event.date) if pause.start else 0
    counted = f"，暫停 {paused} 個工作日" if paused is not None else ""
    return f"收到意見{counted}"


def _extended(clock: Clock, i: int, event: Event) -> str:
    days = event.days or M.MAX_EXTENSION_DAYS
    if days > M.MAX_EXTENSION_DAYS:
        clock.issue(i, "days", f"an extension is at most {M.MAX_EXTENSION_DAYS} working days")
    if not event.approved_by or event.approved_on is None:
        clock.issue(
            i,
            "approved_by",
            "an extension needs the consent of the 工作機構's head "
            "(第三十三條): record approved_by and approved_on",
        )
    elif event.approved_on > event.date:
        clock.issue(
            i, "approved_on", f"approved on {event.approved_on}, after the applicant was told"
        )
    _after_deadline(clock, i, event, "the extension was told to the applicant")
    clock.extended_on = event.date
    clock.days += min(days, M.MAX_EXTENSION_DAYS)
    who = f"，{event.approved_by} {event.approved_on} 同意" if event.approved_by else ""
    return f"延長 {days} 個工作日{who}"


def _fee_notice(clock: Clock, i: int, event: Event) -> str:
    _after_deadline(clock, i, event, "the fee notice went out")
    clock.fee_open = True
    clock.payment_due = clock._add(event.date, M.FEE_PAYMENT_DAYS)
    paused = clock.settings.fee_pause is FeePause.notice_to_payment
    if paused:
        clock.pauses.append(_Pause(event.date, consult=False))
        _set_paused(clock)
    due = f"，繳費期限 {clock.payment_due}" if clock.payment_due else ""
    return f"收費通知{due}" + ("；答復期限暫停計算" if paused else "")


def _fee_paid(clock: Clock, i: int, event: Event) -> str:
    clock.fee_open = False
    clock.payment_due = None
    for pause in clock.pauses:
        if not pause.consult and pause.end is None:
            pause.end = event.date
    _set_paused(clock)
    return "申請人已繳費"


def _withdrawn(clock: Clock, i: int, event: Event) -> str:
    fmt = M.report_format(event.date.year)
    outcome = event.outcome or M.WITHDRAWN_ROW[fmt]
    _check_outcome(clock, i, event, outcome)
    clock.state = State.concluded
    return f"申請人撤回申請（計入 {M.outcome_label(outcome)}）"


def _answered(clock: Clock, i: int, event: Event) -> str:
    if event.outcome is None:
        clock.issue(i, "outcome", "an answer needs its outcome: a table-三 row (r3_1_open …)")
    else:
        _check_outcome(clock, i, event, event.outcome)
        _check_lapse(clock, i, event.outcome, event.date)
    _after_deadline(clock, i, event, "answered")
    clock.state = State.concluded
    return f"答復：{M.outcome_label(event.outcome)}" if event.outcome else "答復"


# ---- what each kind of event needs before its handler runs --------------------------------

#: A rule an event must keep: the error when the request as it stands breaks it, else None.
Check = Callable[[Clock, Event], str | None]


def _in(*states: State) -> Check:
    """The request must be in one of ``states``."""

    def check(clock: Clock, event: Event) -> str | None:
        if clock.state in states:
            return None
        return (
            f"{event.kind.value} on {event.date}: the request is {clock.state.value} "
            f"({clock.state.label}) then"
        )

    return check


def _once(earlier: Callable[[Clock], dt.date | None], what: str, rule: str) -> Check:
    """What the law allows once must not have happened already (on ``earlier``)."""

    def check(clock: Clock, event: Event) -> str | None:
        day = earlier(clock)
        return f"{what} on {day}; {rule}" if day is not None else None

    return check


def _answering(what: str, outstanding: Callable[[Clock], bool]) -> Check:
    """What answers something outstanding (a consultation, a fee notice) needs it to be."""

    def check(clock: Clock, event: Event) -> str | None:
        if outstanding(clock):
            return None
        return f"{event.kind.value} on {event.date}: no {what} is waiting"

    return check


def _no_fee_waiting(clock: Clock, event: Event) -> str | None:
    return "a fee notice is already waiting for payment" if clock.fee_open else None


def _consulting(clock: Clock) -> bool:
    return any(p.consult and p.end is None for p in clock.pauses)


@dataclass(frozen=True)
class _Kind:
    """How one kind of event applies: its rules, in order, then its handler."""

    handle: Callable[[Clock, int, Event], str]
    #: Each rule with what the step says when the event breaks it (and is refused).
    rules: tuple[tuple[Check, str], ...] = ()


_RUNNING = _in(State.running)
#: Running, or paused for a consultation or a fee: not waiting for a correction.
_OPEN = _in(State.running, State.paused)
_ONE_CORRECTION = _once(
    lambda c: c.correction_requested,
    "a correction was already requested",
    "第三十條 asks for it once, all at once (一次性告知)",
)
_ONE_EXTENSION = _once(
    lambda c: c.extended_on, "the time was already extended", "第三十三條 allows one extension"
)

KINDS = {
    EventKind.correction_requested: _Kind(
        _correction_requested, ((_ONE_CORRECTION, "再次告知補正"), (_RUNNING, "告知補正"))
    ),
    EventKind.corrected: _Kind(_corrected, ((_in(State.awaiting_correction), "收到補正"),)),
    EventKind.consult_sent: _Kind(_consult_sent, ((_OPEN, "征求意見"),)),
    EventKind.consult_replied: _Kind(
        _consult_replied, ((_answering("consultation", _consulting), "收到意見"),)
    ),
    EventKind.extended: _Kind(_extended, ((_ONE_EXTENSION, "再次延期"), (_OPEN, "延期"))),
    EventKind.fee_notice: _Kind(_fee_notice, ((_no_fee_waiting, "收費通知"), (_OPEN, "收費通知"))),
    EventKind.fee_paid: _Kind(
        _fee_paid, ((_answering("fee notice", lambda c: c.fee_open), "繳費"),)
    ),
    EventKind.withdrawn: _Kind(_withdrawn),
    EventKind.answered: _Kind(_answered),
}


def _apply(clock: Clock, i: int, event: Event) -> str:
    """The event applied to the clock, or refused with an error: what its step says."""
    kind = KINDS[event.kind]
    for check, refused in kind.rules:
        error = check(clock, event)
        if error is not None:
            clock.issue(i, "kind", error)
            return refused
    return kind.handle(clock, i, event)


def _set_paused(clock: Clock) -> None:
    if clock.state in (State.running, State.paused):
        running = any(p.start is not None and p.end is None for p in clock.pauses)
        clock.state = State.paused if running else State.running


def _after_deadline(clock: Clock, i: int, event: Event, what: str) -> None:
    """A warning when ``event`` came after the deadline as it stood that day."""
    if clock.state is State.awaiting_correction:
        return
    deadline = clock.deadline_on(event.date)
    if deadline is not None and event.date > deadline:
        late = clock.wd(deadline, event.date)
        by = f" ({late} working days late)" if late else ""
        clock.issue(
            i, "date", f"{what} on {event.date}, after the deadline {deadline}{by}", "warning"
        )


def _check_outcome(clock: Clock, i: int, event: Event, outcome: str) -> None:
    year = event.date.year
    keys = [key for key, _, _ in M.outcome_rows(year)]
    if outcome in keys:
        return
    other = [key for key, _, _ in M.outcome_rows(2020 if year > 2020 else 2021)]
    hint = (
        f"{outcome} is a row of the other format; requests concluded in {year} are counted in "
        f"the {M.report_format(year)} format"
        if outcome in other
        else f"{outcome!r} is not a row of table 三"
    )
    clock.issue(i, "outcome", f"{hint}: use one of {', '.join(keys)}")


def _check_lapse(clock: Clock, i: int, outcome: str, day: dt.date) -> None:
    """The rows for a correction or a fee that never came need one to have been waited for."""
    fmt = M.report_format(day.year)
    if fmt != M.F2021:
        return
    if outcome == M.LAPSED_CORRECTION_ROW[fmt] and clock.state is not State.awaiting_correction:
        clock.issue(
            i,
            "outcome",
            f"{outcome} is for a correction not made in time, but none was awaited",
            "warning",
        )
    if outcome == M.LAPSED_FEE_ROW[fmt] and not clock.fee_open:
        clock.issue(
            i,
            "outcome",
            f"{outcome} is for a fee not paid in time, but none was awaited",
            "warning",
        )
