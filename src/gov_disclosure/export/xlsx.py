"""The plan and its progress as an Excel/WPS workbook.

Five sheets: 任務 (tasks), 單位 (units), 期限 (deadlines), 進展 (progress
records) and 狀態矩陣 (the unit × task status matrix).  Headers are in the
export's script, bold, frozen and filterable; columns are as wide as their
content (long texts wrap); dates are real date cells; a sheet prints on A4
landscape with its header on every page.  The workbook is dated by its data
(:attr:`~.tables.ExportTables.data_day`), never by the clock, so the same
inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from gov_disclosure.documents.docx_finish import ems
from gov_disclosure.export.tables import ExportTables
from gov_disclosure.storage.fileio import stable_zip
from gov_disclosure.textnorm import visible

Value = str | int | dt.date | None

DATE_FORMAT = "yyyy-mm-dd"
#: Column widths, in characters of the default font (a Chinese character takes two).
MIN_WIDTH = 6
MAX_WIDTH = 50
#: The height of a line of text in a row, in points (the default row holds one).
LINE_HEIGHT = 15
#: Joins several names in one cell, as the notice lists units.
NAMES = "、"

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
#: The matrix's cells, coloured by status as spreadsheets colour good, neutral and bad.
STATUS_FILLS = {
    "done": PatternFill("solid", fgColor="C6EFCE"),
    "in_progress": PatternFill("solid", fgColor="FFEB9C"),
    "not_started": PatternFill("solid", fgColor="FFC7CE"),
    "unreported": PatternFill("solid", fgColor="F2F2F2"),
}


@dataclass
class Sheet:
    """A sheet's title and header (written in traditional, converted), and its rows."""

    title: str
    header: list[str]
    rows: list[list[Value]]
    #: The first cell that scrolls (A2: the header row stays; B2: the first column too).
    freeze: str = "A2"
    #: Rows after the data (totals): outside the filter.
    footer: list[list[Value]] = field(default_factory=list)
    #: Fills of data cells, by (row, column) from 0.
    fills: dict[tuple[int, int], PatternFill] = field(default_factory=dict)


def to_xlsx(t: ExportTables) -> bytes:
    """The workbook's bytes: five sheets, dated by the data."""
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    sheets = [_tasks(t), _units(t), _deadlines(t), _progress(t), _matrix(t)]
    for sheet in sheets:
        _write(wb.create_sheet(t.script.convert(sheet.title)), sheet, t.script.convert)
    stamp = dt.datetime.combine(t.data_day, dt.time())
    props = wb.properties
    props.title, props.creator, props.lastModifiedBy = t.title, t.issuer, None
    props.created = props.modified = stamp
    props.language = t.script.word_lang
    buffer = io.BytesIO()
    # Not openpyxl's save_workbook, which stamps the workbook with the clock.
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return stable_zip(buffer.getvalue(), t.data_day)


def _tasks(t: ExportTables) -> Sheet:
    sections, totals = t.sections, t.matrix["totals"]
    rows: list[list[Value]] = [
        [
            x.id,
            sections[x.section],
            x.title,
            NAMES.join(x.lead) or None,
            NAMES.join(x.responsible) or None,
            "\n".join(x.requirement),
            totals[x.id]["assigned"],
            totals[x.id]["closed"],
        ]
        for x in t.tasks
    ]
    header = ["編號", "部分", "工作任務", "牽頭單位", "負責單位", "具體要求"]
    return Sheet("任務", [*header, "應報單位數", "已完成單位數"], rows)


def _units(t: ExportTables) -> Sheet:
    names = {u.id: u.name for u in t.units}
    tally = {r["unit_id"]: r for r in t.matrix["rows"]}
    rows: list[list[Value]] = []
    for u in t.units:
        own = tally.get(u.id)
        rows.append(
            [
                u.id,
                u.name,
                u.full_name,
                u.kind_label,
                names[u.parent_id] if u.parent_id else None,
                NAMES.join(u.aliases) or None,
                NAMES.join(names[m] for m in u.member_ids) or None,
                u.lead_tasks,
                u.responsible_tasks,
                u.member_tasks,
                own["assigned"] if own else None,
                own["closed"] if own else None,
            ]
        )
    header = ["代碼", "名稱", "全稱", "類型", "上級單位", "別名", "成員單位"]
    return Sheet("單位", [*header, "牽頭", "負責", "經群組", "應完成任務", "已完成任務"], rows)


def _deadlines(t: ExportTables) -> Sheet:
    rows: list[list[Value]] = [
        [
            d.date,
            d.task,
            d.what,
            d.phrase,
            NAMES.join(d.units_text),
            NAMES.join(d.open_units_text) or None,
            d.done_on,
            d.standing,
        ]
        for d in sorted(t.deadlines, key=lambda d: (d.date, d.id))
    ]
    header = ["日期", "編號", "事項", "原文", "應完成的單位", "尚未完成的單位", "完成日期", "情況"]
    return Sheet("期限", header, rows)


def _progress(t: ExportTables) -> Sheet:
    names = {u.id: u.name for u in t.units}
    titles = {x.id: x.title for x in t.tasks} | {m.id: m.what for m in t.milestones}
    labels = {s.code: s.label for s in t.statuses}
    rows: list[list[Value]] = [
        [
            names[p.unit_id],
            p.task,
            titles[p.task],
            labels[p.status],
            p.date,
            "\n".join(f"{e.title} {e.ref}" if e.title else e.ref for e in p.evidence) or None,
            p.note,
        ]
        for p in t.progress
    ]
    return Sheet("進展", ["單位", "編號", "工作任務", "狀態", "日期", "佐證材料", "備註"], rows)


def _matrix(t: ExportTables) -> Sheet:
    """A row per unit, a column per task and milestone; totals below and to the right."""
    names = {u.id: u.name for u in t.units}
    labels = {s.code: s.label for s in t.statuses}
    keys, totals, rows = t.matrix["keys"], t.matrix["totals"], t.matrix["rows"]
    sheet = Sheet("狀態矩陣", ["單位", *keys, "已完成", "應完成"], [], freeze="B2")
    for i, row in enumerate(rows):
        cells = [row["cells"][k] for k in keys]
        sheet.rows.append([names[row["unit_id"]], *(labels[c] if c else None for c in cells)])
        sheet.rows[-1] += [row["closed"], row["assigned"]]
        for j, status in enumerate(cells, 1):
            if status in STATUS_FILLS:
                sheet.fills[(i, j)] = STATUS_FILLS[status]
    closed, assigned = sum(r["closed"] for r in rows), sum(r["assigned"] for r in rows)
    sheet.footer = [
        ["已完成的單位數", *(totals[k]["closed"] for k in keys), closed, None],
        ["應報的單位數", *(totals[k]["assigned"] for k in keys), None, assigned],
    ]
    return sheet


def _write(ws: Worksheet, sheet: Sheet, conv: Callable[[str], str]) -> None:
    header: list[Value] = [conv(h) for h in sheet.header]
    footer = [[conv(v) if isinstance(v, str) else v for v in row] for row in sheet.footer]
    table: list[list[Value]] = [header, *sheet.rows, *footer]
    naturals = [max(_width(row[j]) for row in table) + 2 for j in range(len(header))]
    widths = [min(max(natural, MIN_WIDTH), MAX_WIDTH) for natural in naturals]
    wrapped = [natural > MAX_WIDTH for natural in naturals]
    for j, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(j + 1)].width = width
    for i, row in enumerate(table):
        for j, value in enumerate(row):
            cell = ws.cell(i + 1, j + 1, visible(value) if isinstance(value, str) else value)
            if cell.data_type == "f":  # a text that starts with '=' stays text
                cell.data_type = "s"
            cell.alignment = Alignment(vertical="top", wrap_text=wrapped[j] or None)
            if isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            if i == 0 or i > len(sheet.rows):
                cell.font = HEADER_FONT
            fill = HEADER_FILL if i == 0 else sheet.fills.get((i - 1, j))
            if fill is not None:
                cell.fill = fill
        cells = zip(row, widths, wrapped, strict=True)
        lines = max([1, *(_lines(v, w) for v, w, wrap in cells if wrap)])
        if lines > 1:  # set, not left to the program: LibreOffice keeps one line otherwise
            ws.row_dimensions[i + 1].height = lines * LINE_HEIGHT
    _layout(ws, sheet, len(header))


def _layout(ws: Worksheet, sheet: Sheet, columns: int) -> None:
    """Frozen, filterable header; A4 landscape, a page wide, the header on every page."""
    ws.freeze_panes = sheet.freeze
    ws.auto_filter.ref = f"A1:{get_column_letter(columns)}{len(sheet.rows) + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]


#: How much of a column's width wrapped Chinese text fills, on the average line: a line
#: breaks before a character that would not fit, and never before closing punctuation.
FILL = 0.85


def _lines(value: Value, width: int) -> int:
    """How many lines a wrapped cell takes in a column ``width`` characters wide (rather
    one too many than a last line cut off: LibreOffice and WPS print only the rows' height)."""
    if not isinstance(value, str):
        return 1
    usable = (width - 1) * FILL
    return sum(max(1, math.ceil(_width(line) / usable)) for line in value.split("\n"))


def _width(value: Value) -> int:
    """A cell's width in characters of the default font: its longest line."""
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return len(DATE_FORMAT)
    lines = str(value).split("\n")
    return max(round(ems(line) * 2) for line in lines)
