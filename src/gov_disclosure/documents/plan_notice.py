"""The plan as the notice that issues it: the cover letter and the task table.

The notice a county office sends out with its plan (the 2020 notice of
师宗县, ``tests/data/shizong-2020-notice.txt``, is the model): 主送, a body that
says what the plan carries out and when to report, the 落款 with the issuer
and the date, 「（此件公開發布）」, then the plan's title and its table
工作任務 | 具體要求 | 責任單位 — sections (一、…), tasks numbered within their
section (1.…), the requirement sentences, and the units as a notice writes
them (「縣衛健局、縣應急管理局牽頭，縣直有關部門按照職責分工負責」).

Everything is written so that ``gd import`` reads it back as the same plan
(:mod:`.notice_readback` checks it for every plan rendered).  The view holds the
plan's words as the plan has them (rendering writes the whole notice in its
script); the template's own words are laid out by ``templates/plan.*``.
"""

from __future__ import annotations

from typing import Literal, TypedDict

from gov_disclosure.dates import chinese_date
from gov_disclosure.documents.view_models import Signature
from gov_disclosure.documents.view_parts import numeral, signature
from gov_disclosure.models import Milestone, Notice, Plan, Task
from gov_disclosure.plan.units import UnitIndex
from gov_disclosure.textnorm import Script

#: The columns of the task table, as the 2020 notice heads them (and the templates).
COLUMNS = ("工作任務", "具體要求", "責任單位")
#: Who acts, in a units cell: the lead units, and the responsible ones (several, or a group).
LEAD, RESPONSIBLE, BY_DUTY = "牽頭", "負責", "按照職責分工負責"
#: Whom the report sentence asks when the notice names no addressees.
EVERY_UNIT = "各單位"


class NoticeTask(TypedDict):
    """A row of the table: the task as the notice numbers it, its sentences, its units."""

    id: str
    #: 「1.圍繞“六穩”、“六保”深化政府信息公開」: the number within its section, then the title.
    label: str
    requirement: str
    units: str


class NoticeSection(TypedDict):
    number: int
    #: 「一、進一步拓展主動公開深度和廣度」: a row of its own across the table.
    heading: str
    tasks: list[NoticeTask]


class PlanNoticeView(TypedDict):
    """The notice: its cover letter, then the plan's title and table."""

    kind: Literal["plan"]
    #: The notice's own title: 「…關於印發…的通知」 (the document's title).
    title: str
    document_number: str | None
    #: 主送: 「各鄉(鎮)人民政府、街道辦事處，縣直各單位：」 (None: the notice names none).
    addressees: str | None
    body: list[str]
    signature: Signature
    plan_title: str
    sections: list[NoticeSection]
    #: The HTML ``lang`` of the document's script (zh-Hans or zh-Hant).
    language: str


def plan_notice(plan: Plan, units: UnitIndex, script: Script) -> PlanNoticeView:
    """The notice that issues ``plan``, in the plan's own words (``script`` names the
    language the document declares; converting it is the renderer's)."""
    notice = plan.notice
    return {
        "kind": "plan",
        "title": f"{notice.issuer}關於印發{notice.title}的通知",
        "document_number": notice.document_number,
        "addressees": "，".join(notice.addressees) + "：" if notice.addressees else None,
        "body": body(notice, plan.milestones[:1]),
        "signature": signature(notice.issuer, notice.issued),
        "plan_title": notice.title,
        "sections": [
            {
                "number": s.number,
                "heading": f"{numeral(s.number)}、{s.title}",
                "tasks": [_task(t, units) for t in s.tasks],
            }
            for s in plan.sections
        ],
        "language": script.html_lang,
    }


def body(notice: Notice, reports: tuple[Milestone, ...]) -> list[str]:
    """The cover letter's paragraphs: what the plan carries out, then the report it asks for."""
    issued = f"現將《{notice.title}》印發給你們，請結合實際認真貫徹執行。"
    basis = notice.basis
    if basis is not None and basis.title:
        number = f"（{basis.document_number}）" if basis.document_number else ""
        issued = f"為貫徹落實好《{basis.title}》{number}，{issued}"
    return [issued, *(report_sentence(m, notice.addressees) for m in reports)]


def report_sentence(report: Milestone, addressees: tuple[str, ...]) -> str:
    """「請…於2020年11月30日前將貫徹落實情況報政府辦公室政務信息股。」"""
    who = "、".join(addressees) or EVERY_UNIT
    when = report.phrase or f"{chinese_date(report.date)}前"
    return f"請{who}於{when}{report.what.rstrip('。')}。"


def _task(task: Task, units: UnitIndex) -> NoticeTask:
    number = task.id.split(".", 1)[1]
    return {
        "id": task.id,
        "label": f"{number}.{task.title}",
        "requirement": "".join(task.requirement),
        "units": units_cell(task, units),
    }


def units_cell(task: Task, units: UnitIndex) -> str:
    """The 責任單位 cell: 「A、B牽頭，C按照職責分工負責」, 「A牽頭」, 「A負責」.

    Several responsible units, or a group of them (縣直有關部門), act 按照職責分工;
    one unit alone is simply 負責.
    """
    parts = []
    if task.lead:
        parts.append("、".join(task.lead) + LEAD)
    if task.responsible:
        several = len(task.responsible) > 1 or units.lookup(task.responsible[0]).is_group
        parts.append("、".join(task.responsible) + (BY_DUTY if several else RESPONSIBLE))
    return "，".join(parts)
