"""Build templates/annual-2019-60.docx and templates/annual-2021-30.docx, the annual report in Word.

One template per national format, because the tables differ (table 二's items,
table 三's （六） rows): each table is laid out once with the format's merged
cells (申请人情况 / 自然人 / 法人或其他组织 over its five columns / 总计; 行政复议 /
行政诉讼 over 未经复议直接起诉 and 复议后起诉), and every label and cell is a tag
of the view model (``{{ label.r1_new }}``, ``{{ t3.r1_new.natural }}``), so a
document renders in either script.  The official form follows GB/T 9704 as far
as a template can: A4, 方正小标宋简体 title, 仿宋_GB2312 body, 黑体 and 楷体_GB2312
headings (East Asian fonts), page numbers as 「— 1 —」, table header rows
repeated on each page and rows never split.  Kept apart from
``make_docx_templates.py`` so it can move onto shared machinery later.

    .venv/bin/python scripts/make_annual_templates.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from make_docx_templates import new_document, set_font  # noqa: E402

from gov_disclosure.annual.formats import (  # noqa: E402
    FORMATS,
    T3_COLUMNS,
    T4_BLOCKS,
    T4_COLUMNS,
    Format,
)

OUT = HERE.parent / "templates"
TITLE_FONT, BODY_FONT, H1_FONT, H2_FONT = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"


def official_document() -> Document:  # type: ignore[no-untyped-def]
    """gd's document (A4, GB/T 9704 margins and line pitch), with the fonts by their GB names."""
    doc = new_document()
    set_font(doc.styles["Normal"], BODY_FONT, "Times New Roman", 16)
    doc.styles["Normal"].paragraph_format.first_line_indent = Pt(32)
    set_font(doc.styles["Title"], TITLE_FONT, "Times New Roman", 22)
    doc.styles["Title"].paragraph_format.first_line_indent = Pt(0)
    for name, font in (("Heading 1", H1_FONT), ("Heading 2", H2_FONT)):
        set_font(doc.styles[name], font, "Times New Roman", 16)
        doc.styles[name].paragraph_format.first_line_indent = Pt(32)
    set_font(doc.styles["Table Grid"], BODY_FONT, "Times New Roman", 9)
    _page_numbers(doc.sections[0])
    return doc


def _page_numbers(section) -> None:  # type: ignore[no-untyped-def]
    """「— 1 —」 centred in the footer."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    p._p.append(field)
    p.add_run(" —")


def _row_props(row, header: bool) -> None:  # type: ignore[no-untyped-def]
    props = row._tr.get_or_add_trPr()
    props.append(OxmlElement("w:cantSplit"))
    if header:
        props.append(OxmlElement("w:tblHeader"))


#: The width of the type area (A4, 2.8 cm and 2.6 cm margins).
TEXT_WIDTH = 15.6


def grid(doc, rows: int, columns: int, header_rows: int, labels: list[float] = ()):  # type: ignore[no-untyped-def, assignment]
    """A table whose first columns have the given widths (cm), the rest sharing what is left."""
    table = doc.add_table(rows=rows, cols=columns)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    rest = (TEXT_WIDTH - sum(labels)) / (columns - len(labels))
    widths = [*labels, *[rest] * (columns - len(labels))]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for i, row in enumerate(table.rows):
        _row_props(row, i < header_rows)
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
    return table


def put(
    table, top: int, left: int, text: str, bottom: int | None = None, right: int | None = None
) -> None:  # type: ignore[no-untyped-def]
    """Write a tag in a cell, merged down to ``bottom`` and across to ``right``."""
    cell = table.cell(top, left)
    if bottom is not None or right is not None:
        cell = cell.merge(
            table.cell(bottom if bottom is not None else top, right if right is not None else left)
        )
    cell.text = text
    for p in cell.paragraphs:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.first_line_indent = Pt(0)
        p.paragraph_format.line_spacing = Pt(12)
        for run in p.runs:
            run.font.size = Pt(9)


def table2(doc, fmt: Format) -> None:  # type: ignore[no-untyped-def]
    width = max(len(b.columns) for b in fmt.table2)
    rows = sum(2 + len(b.rows) for b in fmt.table2)
    t = grid(doc, rows, width + 1, 0, [4.2])
    r = 0
    for i, block in enumerate(fmt.table2):
        put(t, r, 0, f"{{{{ label.t2_item{i} }}}}", right=width)
        put(t, r + 1, 0, "{{ label.content }}")
        for j, column in enumerate(block.columns):
            last = j == len(block.columns) - 1
            put(
                t,
                r + 1,
                j + 1,
                f"{{{{ label.t2_{i}_{column.key} }}}}",
                right=width if last else None,
            )
        for k, row in enumerate(block.rows):
            put(t, r + 2 + k, 0, f"{{{{ label.t2_{row.key} }}}}")
            for j, column in enumerate(block.columns):
                last = j == len(block.columns) - 1
                put(
                    t,
                    r + 2 + k,
                    j + 1,
                    f"{{{{ t2.{row.key}.{column.key} }}}}",
                    right=width if last else None,
                )
        r += 2 + len(block.rows)


def table3(doc, fmt: Format) -> None:  # type: ignore[no-untyped-def]
    rows = fmt.table3_rows
    t = grid(doc, 3 + len(rows), 10, 3, [1.0, 1.6, 4.6])
    put(t, 0, 0, "{{ label.note }}", bottom=2, right=2)
    put(t, 0, 3, "{{ label.applicants }}", right=9)
    put(t, 1, 3, "{{ label.t3_natural }}", bottom=2)
    put(t, 1, 4, "{{ label.orgs }}", right=8)
    put(t, 1, 9, "{{ label.t3_total }}", bottom=2)
    for j, column in enumerate(T3_COLUMNS[1:-1]):
        put(t, 2, 4 + j, f"{{{{ label.t3_{column.key} }}}}")
    first = next(i for i, r in enumerate(rows) if r.result)
    done = next(i for i, r in enumerate(rows) if r.key == "r3_7_total")
    put(t, 3 + first, 0, "{{ label.results }}", bottom=3 + done)
    for i, row in enumerate(rows):
        at = 3 + i
        if not (row.result or i == done):
            put(t, at, 0, f"{{{{ label.{row.key} }}}}", right=2)
        elif row.group is None:
            put(t, at, 1, f"{{{{ label.{row.key} }}}}", right=2)
        else:
            if rows[i - 1].group != row.group:
                size = sum(1 for r in rows if r.group == row.group)
                put(
                    t,
                    at,
                    1,
                    f"{{{{ label.group_{row.key.rsplit('_', 1)[0]} }}}}",
                    bottom=at + size - 1,
                )
            put(t, at, 2, f"{{{{ label.{row.key} }}}}")
        for j, column in enumerate(T3_COLUMNS):
            put(t, at, 3 + j, f"{{{{ t3.{row.key}.{column.key} }}}}")


def table4(doc) -> None:  # type: ignore[no-untyped-def]
    t = grid(doc, 4, 15, 3)
    put(t, 0, 0, "{{ label.t4_review_head }}", right=4)
    put(t, 0, 5, "{{ label.t4_suit_head }}", right=14)
    for j, column in enumerate(T4_COLUMNS):
        put(t, 1, j, f"{{{{ label.t4_{column.key} }}}}", bottom=2)
    for b, block in enumerate(T4_BLOCKS):
        if b:
            put(t, 1, 5 * b, f"{{{{ label.{block.key} }}}}", right=5 * b + 4)
            for j, column in enumerate(T4_COLUMNS):
                put(t, 2, 5 * b + j, f"{{{{ label.t4_{column.key} }}}}")
        for j, column in enumerate(T4_COLUMNS):
            put(t, 3, 5 * b + j, f"{{{{ t4.{block.key}.{column.key} }}}}")


def paragraphs(doc, name: str) -> None:  # type: ignore[no-untyped-def]
    doc.add_paragraph(f"{{%p for p in {name} %}}")
    doc.add_paragraph("{{ p }}")
    doc.add_paragraph("{%p endfor %}")


def plan_table(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_paragraph("{%p if plan.tasks %}")
    t = grid(doc, 4, 4, 1, [1.2, 8.4, 2.6])
    for j in range(4):
        put(t, 0, j, f"{{{{ plan.columns[{j}] }}}}")
    put(t, 1, 0, "{%tr for t in plan.tasks %}")
    for j, cell in enumerate(
        ["{{ t.id }}", "{{ t.title }}", "{{ t.status_label }}", "{{ t.closed }}/{{ t.assigned }}"]
    ):
        put(t, 2, j, cell)
    put(t, 3, 0, "{%tr endfor %}")
    doc.add_paragraph("{%p endif %}")


def annual(fmt: Format) -> Document:  # type: ignore[no-untyped-def]
    doc = official_document()
    doc.add_paragraph("{{ title }}", style="Title")
    doc.add_paragraph("{{ headings.overview }}", style="Heading 1")
    paragraphs(doc, "overview")
    paragraphs(doc, "compilation")
    doc.add_paragraph("{{ plan.heading }}", style="Heading 2")
    doc.add_paragraph("{{ plan.summary }}")
    plan_table(doc)
    doc.add_paragraph("{{ headings.table2 }}", style="Heading 1")
    table2(doc, fmt)
    doc.add_paragraph("{{ headings.table3 }}", style="Heading 1")
    table3(doc, fmt)
    doc.add_paragraph("{{ headings.table4 }}", style="Heading 1")
    table4(doc)
    doc.add_paragraph("{{ headings.problems }}", style="Heading 1")
    paragraphs(doc, "problems")
    doc.add_paragraph("{{ headings.other }}", style="Heading 1")
    paragraphs(doc, "other")
    for text in ("{{ author }}", "{{ date }}"):
        p = doc.add_paragraph(text)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return doc


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for fmt in FORMATS:
        path = OUT / f"annual-{fmt.id}.docx"
        annual(fmt).save(path)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
