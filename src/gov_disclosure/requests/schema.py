"""What the request files may hold, as pydantic models (``extra="forbid"``).

* ``requests/<year>/<unit-id>.yaml`` (:class:`RegisterFile`): tracked in git,
  never any personal data;
* ``requests/private/<year>/<unit-id>.yaml`` (:class:`PrivateFile`): the
  applicants' names, ID numbers, phones and addresses, keyed by request
  number, in a folder git ignores;
* ``plan/requests.yaml`` (:class:`SettingsFile`): how the workspace applies
  what the 條例 leaves open.

Rules that need more than one value (the order of events, a receipt day per
channel) are checked in :mod:`gov_disclosure.requests.register` and
:mod:`gov_disclosure.requests.clock`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from gov_disclosure.requests import model as M
from gov_disclosure.requests.settings import ConsultationPause, FeePause, Settings
from gov_disclosure.schema import Text, UnitName

Number = Annotated[str, StringConstraints(pattern=M.NUMBER.pattern)]
RowKey = Annotated[str, StringConstraints(pattern=r"^r3_[1-6](_[a-z0-9]+)?$")]
Year = Annotated[int, Field(ge=2019, le=2200)]
#: Fields that hold personal data: only ever in the private file.
PERSONAL_FIELDS = ("name", "id_number", "phone", "address")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Event(_Model):
    kind: M.EventKind
    date: dt.date = Field(description="The day it happened (for extended: the applicant was told).")
    outcome: RowKey | None = Field(None, description="answered/withdrawn: the table-三 row.")
    days: int | None = Field(
        None,
        ge=1,
        le=60,
        description="extended: working days added; correction_requested: the applicant's "
        "period in working days.",
    )
    note: Text | None = None
    approved_by: Text | None = Field(None, description="extended: who approved it.")
    approved_on: dt.date | None = Field(None, description="extended: the day it was approved.")
    delivered: dt.date | None = Field(
        None, description="consult_sent: the day the 征求意見書 reached its addressee."
    )
    amount: float | None = Field(None, ge=0, description="fee_notice: the fee in yuan.")

    def runtime(self) -> M.Event:
        return M.Event(
            self.kind, self.date, self.outcome, self.days, self.note, self.approved_by,
            self.approved_on, self.delivered, self.amount,
        )  # fmt: skip


class Request(_Model):
    number: Number
    channel: M.Channel
    received: dt.date = Field(description="Submitted, signed for, arrived or taken down.")
    confirmed: dt.date | None = Field(
        None, description="post_plain, online, fax: the day the receipt was confirmed."
    )
    applicant_type: M.ApplicantType
    subject: Text = Field(description="What was asked for (never who asked).")
    events: list[Event] = Field(default_factory=list)
    archive: Text | None = Field(None, description="The archive reference (歸檔號).")
    note: Text | None = None

    def runtime(self, unit_id: str) -> M.Request:
        return M.Request(
            self.number, unit_id, self.channel, self.received, self.confirmed,
            self.applicant_type, self.subject, tuple(e.runtime() for e in self.events),
            self.archive, self.note,
        )  # fmt: skip


class RegisterFile(_Model):
    unit: UnitName = Field(description="The unit the register is of (its name, for people).")
    year: Year
    requests: list[Request] = Field(default_factory=list)


class Applicant(_Model):
    name: Text | None = None
    id_number: Text | None = None
    phone: Text | None = None
    address: Text | None = None

    def runtime(self) -> M.Applicant:
        return M.Applicant(self.name, self.id_number, self.phone, self.address)


class PrivateFile(_Model):
    unit: UnitName
    year: Year
    applicants: dict[Number, Applicant] = Field(default_factory=dict)


class SettingsFile(_Model):
    consultation_pause: ConsultationPause = Field(
        ConsultationPause.sending,
        description="When a consultation's pause starts: the day the 征求意見書 is sent, or the "
        "day it is delivered (UNCONFIRMED in law; see docs/requests.md).",
    )
    fee_pause: FeePause = Field(
        FeePause.notice_to_payment,
        description="Whether the time from a fee notice to payment is left out of the clock.",
    )

    def runtime(self) -> Settings:
        return Settings(self.consultation_pause, self.fee_pause)
