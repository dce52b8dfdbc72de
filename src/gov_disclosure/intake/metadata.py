"""The notice's own particulars, read from the lines around its task table: plan year, title,
issuer and issue date, document number, the notice it carries out, addressees, and the
report it asks for."""

from __future__ import annotations

import datetime as dt
import re

from gov_disclosure.intake import phrases
from gov_disclosure.intake.draft import Draft, DraftDeadline
from gov_disclosure.intake.notice import NoticeText
from gov_disclosure.intake.text import clean
from gov_disclosure.intake.units import UnitResolver

_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}〔\d{4}〕\d{1,4}\s*[號号]")
_DATE_LINE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_ISSUER = re.compile(r"(辦公室|办公室|人民政府|辦|办)$")
_TITLE = re.compile(r"(方案|要點|要点|通知|清單|清单|分解表|任務表|任务表)$")
_BASIS = re.compile(r"(?:貫徹落實|贯彻落实|根據|根据|按照)好?《([^》]+)》\s*[(（]([^)）]+)[)）]")
#: A basis without its number, only where a sentence starts with it: 「為貫徹落實好《…》，」
_BASIS_TITLE = re.compile(r"^(?:為|为)(?:貫徹落實|贯彻落实)好?《([^》]+)》[，,]")
_REPORT_SENTENCE = re.compile(r"(情況|情况).{0,6}(報|报)|報送|报送|上報|上报")
#: How many heading lines (document number, title) may stand before the 主送 line.
_HEADING_LINES = 3
_RECIPIENT = re.compile(r"(?:報|报)(?:送)?(.+)$")

Lines = list[tuple[int, str]]


def guess_year(notice: NoticeText) -> int:
    """The plan year: from a line about the plan (方案, 要點, 工作), else the issue date."""
    for _, text in notice.paragraphs[:12] + notice.trailer[-4:]:
        m = re.search(r"((?:19|20)\d{2})\s*年", text)
        if m and ("方案" in text or "要點" in text or "要点" in text or "工作" in text):
            return int(m.group(1))
    for _, text in notice.paragraphs + notice.trailer:
        m = _DATE_LINE.match(clean(text))
        if m:
            return int(m.group(1))
    return dt.date.today().year


def read_metadata(notice: NoticeText, draft: Draft, resolver: UnitResolver) -> None:
    """Fill in the draft's particulars from the notice's lines outside the table."""
    lines = [(n, clean(t)) for n, t in notice.paragraphs + notice.trailer]
    draft.issued, draft.issuer = _issued(lines)
    draft.title = _title(lines)
    draft.addressees = _addressees(lines)
    draft.document_number = _document_number(lines)
    draft.basis_title, draft.basis_number = _basis(lines)
    report = _report(lines, draft.year)
    if report is not None:
        draft.report, recipient = report
        if recipient is not None:
            draft.report_recipient = resolver.name(recipient, 0)


def warn_missing(draft: Draft) -> None:
    """Warnings for particulars the notice did not give."""
    if draft.issued is None:
        draft.warn(
            1, "no issue date (YYYY年M月D日 on a line of its own) found; the draft says 1 January"
        )
    if draft.title is None:
        draft.warn(1, "no title found; fill in notice.title")


def _issued(lines: Lines) -> tuple[dt.date | None, str | None]:
    """The issue date (the first date on a line of its own) and the issuer on the line before."""
    for i, (_, text) in enumerate(lines):
        if m := _DATE_LINE.match(text):
            issued = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            previous = lines[i - 1][1] if i else ""
            if previous and len(previous) <= 30 and _ISSUER.search(previous):
                return issued, previous
            return issued, None
    return None, None


def _title(lines: Lines) -> str | None:
    """The last short line that ends like a title: …方案, …要點, …通知, …分解表."""
    titles = [t for _, t in lines if _TITLE.search(t) and len(t) <= 60]
    return titles[-1] if titles else None


def _addressees(lines: Lines) -> list[str]:
    """The units the 主送 line addresses: 各鄉鎮人民政府，縣直各單位： — the first line when it
    ends in a colon, or one after the notice's number and title (lines without a 。)."""
    for _, text in lines[:_HEADING_LINES]:
        if text.endswith((":", "：")):
            return [p.strip() for p in re.split(r"[,，]", text.rstrip(":：")) if p.strip()]
        if "。" in text:
            break
    return []


def _document_number(lines: Lines) -> str | None:
    """The notice's own number: 師政辦發〔2020〕43號 at the start of a line."""
    for _, text in lines:
        m = _DOC_NUMBER.search(text)
        if m and text.startswith(m.group(0)):
            return m.group(0)
    return None


def _basis(lines: Lines) -> tuple[str | None, str | None]:
    """Title and number of the notice this one carries out: 為貫徹落實《…》(…號); a sentence
    that starts 「為貫徹落實好《…》，」 names one without its number."""
    for _, text in lines:
        if basis := _BASIS.search(text):
            return basis.group(1), basis.group(2)
    for _, text in lines:
        if basis := _BASIS_TITLE.match(text):
            return basis.group(1), None
    return None, None


def _report(lines: Lines, year: int) -> tuple[DraftDeadline, str | None] | None:
    """The report on the work the notice asks for (…落實情況報…), and whom it goes to."""
    for _, text in lines:
        if not re.search(r"報|报", text):
            continue
        for sentence in re.split(r"[。；;]", text):
            if not _REPORT_SENTENCE.search(sentence):
                continue
            for found in phrases.parse(sentence, year):
                if found.kind == "date":
                    what = sentence[found.end :].strip("，, ")
                    recipient = _RECIPIENT.search(what)
                    report = DraftDeadline(found.dates[0], found.phrase, what)
                    return report, recipient.group(1).strip("。") if recipient else None
    return None
