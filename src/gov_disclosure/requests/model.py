"""What a request is: its channel, applicant type, events, and the table-三 rows it ends in.

Plain frozen dataclasses and enums (no pydantic), so a register read from the
cache needs nothing heavy.  Labels are written in traditional characters, as
gd's other labels, and converted for printing; the keys are those of the
reference (``shared/reference/annual-report-and-requests.md`` §6).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TypeVar

from gov_disclosure.errors import GdError
from gov_disclosure.models import Labelled

#: The 條例 (國務院令第711號) the clocks follow came into force on this day.
REGULATION_IN_FORCE = dt.date(2019, 5, 15)
#: 第三十三條: answer within 20 working days of receipt; an extension adds at most 20.
BASE_DAYS = 20
MAX_EXTENSION_DAYS = 20
#: 第三十條: a request to correct the application goes out within 7 working days of receipt.
CORRECTION_NOTICE_DAYS = 7
#: The applicant pays within 20 working days of receiving the fee notice (國辦函〔2020〕109號).
FEE_PAYMENT_DAYS = 20
#: A request number: the unit's id, the year of receipt, a sequence (health-2020-001).
NUMBER = re.compile(r"^(?P<unit>[a-z0-9][a-z0-9-]{0,62})-(?P<year>\d{4})-(?P<seq>\d{3,6})$")

E = TypeVar("E", bound=Labelled)


class Channel(Labelled):
    """How the application came in (第二十九條, 第三十一條)."""

    in_person = "in_person", "當面提交", "當面", "現場", "現場提交"
    post_signed = "post_signed", "郵寄（簽收）", "郵寄", "掛號", "掛號信", "EMS", "簽收"
    post_plain = "post_plain", "平常信函", "平信", "平常信件", "信函"
    online = "online", "網絡（含電子郵件）", "網絡", "網上", "在線", "互聯網", "電子郵件", "郵件"
    fax = "fax", "傳真"
    oral = "oral", "口頭"

    @property
    def needs_confirmation(self) -> bool:
        """Whether the receipt day is a confirmation with the applicant (第三十一條（二）（三）)."""
        return self in (Channel.post_plain, Channel.online, Channel.fax)

    @property
    def receipt_rule(self) -> str:
        """Which day counts as 收到申請之日 for this channel."""
        return RECEIPT_RULES[self]


RECEIPT_RULES = {
    Channel.in_person: "提交之日（第三十一條（一））",
    Channel.post_signed: "行政機關簽收之日（第三十一條（二））",
    Channel.post_plain: "收到信函當日與申請人確認之日（第三十一條（二））",
    Channel.online: "雙方確認之日（第三十一條（三））",
    Channel.fax: "雙方確認之日（第三十一條（三））",
    Channel.oral: "代為填寫申請之日（比照當面提交，第二十九條）",
}


class ApplicantType(Labelled):
    """The applicant columns of table 三."""

    natural = "natural", "自然人", "個人", "公民"
    biz = "biz", "商業企業", "企業"
    research = "research", "科研機構"
    ngo = "ngo", "社會公益組織"
    legal = "legal", "法律服務機構", "律師事務所"
    other_org = "other_org", "其他組織", "其他"


#: Table 三's columns: the six applicant types, then their total.
TABLE3_COLUMNS = (*(t.value for t in ApplicantType), "total")


class EventKind(Labelled):
    """What can happen to a request after it is received."""

    correction_requested = "correction_requested", "告知補正", "補正", "補正通知", "補正告知"
    corrected = "corrected", "收到補正", "已補正", "補正後申請", "補正申請"
    consult_sent = "consult_sent", "征求意見", "徵求意見", "征求第三方意見"
    consult_replied = "consult_replied", "收到意見", "意見答復", "意見回復", "回復意見"
    extended = "extended", "延期答復", "延期", "延長"
    fee_notice = "fee_notice", "收費通知", "收費"
    fee_paid = "fee_paid", "繳費", "已繳費", "繳納費用"
    withdrawn = "withdrawn", "撤回", "撤回申請", "撤件"
    answered = "answered", "答復", "作出答復", "辦結"

    @property
    def concludes(self) -> bool:
        return self in (EventKind.withdrawn, EventKind.answered)


def parse_choice(text: str, choices: type[E], what: str) -> E:
    """A member of ``choices`` typed as its key or any of its Chinese names, in either script."""
    from gov_disclosure.textnorm import fold

    key = fold(text)
    for member in choices:
        if key == member.value or key in (fold(n) for n in member.names):
            return member
    listed = ", ".join(f"{m.value} ({m.label})" for m in choices)
    raise GdError.usage(f"unknown {what} {text!r}; use one of: {listed}")


# ---- table 三: rows by report format -----------------------------------------------------

F2019 = "GBGKBH-2019-60"
F2021 = "GBGKBH-2021-30"

#: Outcome rows common to both formats: (key, group, label), in the table's order.
_OUTCOMES = (
    ("r3_1_open", "", "（一）予以公開"),
    ("r3_2_partial", "", "（二）部分公開（區分處理的，只計這一情形，不計其他情形）"),
    ("r3_3_1", "（三）不予公開", "1.屬於國家秘密"),
    ("r3_3_2", "（三）不予公開", "2.其他法律行政法規禁止公開"),
    ("r3_3_3", "（三）不予公開", "3.危及“三安全一穩定”"),
    ("r3_3_4", "（三）不予公開", "4.保護第三方合法權益"),
    ("r3_3_5", "（三）不予公開", "5.屬於三類內部事務信息"),
    ("r3_3_6", "（三）不予公開", "6.屬於四類過程性信息"),
    ("r3_3_7", "（三）不予公開", "7.屬於行政執法案卷"),
    ("r3_3_8", "（三）不予公開", "8.屬於行政查詢事項"),
    ("r3_4_1", "（四）無法提供", "1.本機關不掌握相關政府信息"),
    ("r3_4_2", "（四）無法提供", "2.沒有現成信息需要另行製作"),
    ("r3_4_3", "（四）無法提供", "3.補正後申請內容仍不明確"),
    ("r3_5_1", "（五）不予處理", "1.信訪舉報投訴類申請"),
    ("r3_5_2", "（五）不予處理", "2.重複申請"),
    ("r3_5_3", "（五）不予處理", "3.要求提供公開出版物"),
    ("r3_5_4", "（五）不予處理", "4.無正當理由大量反復申請"),
    ("r3_5_5", "（五）不予處理", "5.要求行政機關確認或重新出具已獲取信息"),
)
_OTHER = {
    F2019: (("r3_6", "", "（六）其他處理"),),
    F2021: (
        (
            "r3_6_1",
            "（六）其他處理",
            "1.申請人無正當理由逾期不補正、行政機關不再處理其政府信息公開申請",
        ),
        (
            "r3_6_2",
            "（六）其他處理",
            "2.申請人逾期未按收費通知要求繳納費用、行政機關不再處理其政府信息公開申請",
        ),
        ("r3_6_3", "（六）其他處理", "3.其他"),
    ),
}
#: What a withdrawal is counted as, by format (F2021: （六）3.其他).
WITHDRAWN_ROW = {F2019: "r3_6", F2021: "r3_6_3"}
#: What an application not corrected in time, or a fee not paid, is counted as.
LAPSED_CORRECTION_ROW = {F2019: "r3_6", F2021: "r3_6_1"}
LAPSED_FEE_ROW = {F2019: "r3_6", F2021: "r3_6_2"}


def report_format(year: int) -> str:
    """The annual-report format of a report year: the 2019 trial format up to 2020."""
    return F2019 if year <= 2020 else F2021


def outcome_rows(year: int) -> tuple[tuple[str, str, str], ...]:
    """The outcome rows (三（一）…（六）) of a report year's format: (key, group, label)."""
    return (*_OUTCOMES, *_OTHER[report_format(year)])


def _row(key: str) -> tuple[str, str, str] | None:
    for rows in (_OUTCOMES, *_OTHER.values()):
        for row in rows:
            if row[0] == key:
                return row
    return None


def outcome_label(key: str) -> str:
    """An outcome row as people read it: its group and label (不予公開 1.屬於國家秘密)."""
    row = _row(key)
    if row is None:
        return key
    _, group, label = row
    return f"{group}{label}" if group else label


def outcome_short(key: str) -> str:
    """An outcome as a listing shows it: 予以公開, 部分公開, 不予公開, 無法提供 …"""
    row = _row(key)
    if row is None:
        return key
    _, group, label = row
    return re.sub(r"^（[一二三四五六七]）|（.*）$", "", group or label)


def table3_row_keys(year: int) -> list[str]:
    """Every row of table 三 in the year's format, in the table's order."""
    return [
        "r1_new",
        "r2_carried_in",
        *(key for key, _, _ in outcome_rows(year)),
        "r3_7_total",
        "r4_carried_out",
    ]


# ---- the register's records -------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    """One thing that happened to a request, on a day."""

    kind: EventKind
    date: dt.date
    #: answered / withdrawn: the table-三 row it counts in.
    outcome: str | None = None
    #: extended: working days added (≤ 20); correction_requested: the applicant's period.
    days: int | None = None
    note: str | None = None
    #: extended: who approved it (第三十三條: the 工作機構's head) and when.
    approved_by: str | None = None
    approved_on: dt.date | None = None
    #: consult_sent: the day the 征求意見書 reached the third party or agency.
    delivered: dt.date | None = None
    #: fee_notice: the amount in yuan.
    amount: float | None = None


@dataclass(frozen=True)
class Request:
    """One application for government information, as the register keeps it (no personal data)."""

    number: str
    unit_id: str
    channel: Channel
    #: The day it was submitted, signed for, arrived or taken down (by channel).
    received: dt.date
    #: post_plain / online / fax: the day the receipt was confirmed (第三十一條).
    confirmed: dt.date | None
    applicant_type: ApplicantType
    subject: str
    events: tuple[Event, ...] = ()
    archive: str | None = None
    note: str | None = None

    @property
    def receipt_day(self) -> dt.date:
        """收到申請之日: the day the clock starts from (day 0)."""
        if self.channel.needs_confirmation and self.confirmed is not None:
            return self.confirmed
        return self.received

    @property
    def conclusion(self) -> Event | None:
        """The answer or withdrawal that ended the request, if any."""
        return next((e for e in self.events if e.kind.concludes), None)

    def concluded_by(self, day: dt.date) -> bool:
        end = self.conclusion
        return end is not None and end.date <= day

    def as_of(self, day: dt.date) -> Request:
        """The request as it stood on a day: events dated later had not happened yet."""
        from dataclasses import replace

        return replace(self, events=tuple(e for e in self.events if e.date <= day))


def parse_number(text: str) -> tuple[str, int]:
    """A request number's unit id and year; a usage error for anything else."""
    m = NUMBER.match(text.strip().lower())
    if not m:
        raise GdError.usage(
            f"{text!r} is not a request number; numbers look like health-2020-001 "
            "(see `gd requests list`)"
        )
    return m.group("unit"), int(m.group("year"))


@dataclass(frozen=True)
class Applicant:
    """Who asked: kept only in the git-ignored private file, shown only masked."""

    name: str | None = None
    id_number: str | None = None
    phone: str | None = None
    address: str | None = None

    def __bool__(self) -> bool:
        return any((self.name, self.id_number, self.phone, self.address))
