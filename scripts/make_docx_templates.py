"""Build templates/report.docx, templates/checklist.docx and templates/plan.docx, the Word
templates of gd.

They are ordinary Word documents with Jinja tags (docxtpl syntax: `{%p ... %}`
for paragraph-level tags, `{%tr ... %}` for table rows, `{%r ... %}` for runs),
so the office can restyle them in Word or WPS; this script only makes the first
version.  The official form (GB/T 9704-2012: page, margins, fonts, page
numbers, 落款, tables) comes from gov_disclosure.documents.official, the same
for every document gd writes; the text is written in traditional characters
and converted to the document's script when it is rendered.

    PYTHONPATH=src .venv/bin/python scripts/make_docx_templates.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.document import Document
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from gov_disclosure.documents.official import (
    APPENDIX_LABEL,
    SMALL_PRINT,
    TABLE_HEADING,
    TABLE_TEXT,
    add_placeholder,
    add_signature,
    add_table,
    add_tag,
    official_document,
    row_properties,
)
from gov_disclosure.documents.plan_notice import COLUMNS

OUT = Path(__file__).resolve().parent.parent / "templates"

EVIDENCE = "{% for e in r.evidence %}{{ e.title ~ ' ' ~ e.ref if e.title else e.ref }}{% if not loop.last %}；{% endif %}{% endfor %}"
#: The overview's completion tables: heading, first column, loop, first cell (the rest are
#: the same three figures).
OVERVIEW_SHARES = [
    (
        "（一）各部分完成情況",
        "部分",
        "for s in overview.by_section",
        "{{ s.numeral }}、{{ s.title }}",
    ),
    ("（二）各單位完成情況", "單位", "for u in overview.by_unit", "{{ u.unit }}"),
]
FIGURES = frozenset({1, 2, 3})
#: The plan's table across the 156 mm text block (twips): 工作任務 32 mm, 具體要求 86 mm,
#: 責任單位 38 mm.
PLAN_WIDTHS = (1814, 4876, 2154)


def heading(doc: Document, text: str, level: int) -> None:
    doc.add_paragraph(text, style=f"Heading {level}")


def numbered(doc: Document, items: str, empty: str | None = None) -> None:
    """`1. item` paragraphs from a list, or a placeholder when it is empty."""
    add_tag(doc, f"{{%p for p in {items} %}}")
    doc.add_paragraph("{{ loop.index }}. {{ p }}")
    if empty is not None:
        add_tag(doc, "{%p else %}")
        add_placeholder(doc, empty)
    add_tag(doc, "{%p endfor %}")


def or_none(doc: Document, loop: str, line: str) -> None:
    """A paragraph per item, or 無."""
    add_tag(doc, f"{{%p {loop} %}}")
    doc.add_paragraph(line)
    add_tag(doc, "{%p else %}")
    doc.add_paragraph("無")
    add_tag(doc, "{%p endfor %}")


def changed_text(doc: Document) -> None:
    """A change in words, then the changed text with deletions struck and insertions underlined."""
    add_tag(doc, "{%p for c in a.changes %}")
    doc.add_paragraph("{{ c.text }}")
    add_tag(doc, "{%p if c.parts %}")
    p = doc.add_paragraph()
    for tag, text, style in (
        ("{%r for p in c.parts %}", None, None),
        ("{%r if p.kind == 'deleted' %}", "{{ p.text }}", "strike"),
        ("{%r elif p.kind == 'inserted' %}", "{{ p.text }}", "underline"),
        ("{%r else %}", "{{ p.text }}", None),
        ("{%r endif %}", None, None),
        ("{%r endfor %}", None, None),
    ):
        p.add_run(tag)
        if text is not None:
            run = p.add_run(text)
            if style == "strike":
                run.font.strike = True
            elif style == "underline":
                run.font.underline = True
                run.font.highlight_color = WD_COLOR_INDEX.BRIGHT_GREEN
    add_tag(doc, "{%p endif %}")
    add_tag(doc, "{%p endfor %}")


def ending(doc: Document) -> None:
    """落款, then the small print that traces the document to its data."""
    add_signature(doc, "{{ signature.issuer }}", "{{ signature.date }}")


def small_print(doc: Document) -> None:
    add_tag(doc, "{%p if revision_note %}")
    doc.add_paragraph("{{ revision_note }}", style=SMALL_PRINT)
    add_tag(doc, "{%p endif %}")


def overview(doc: Document) -> None:
    heading(doc, "一、總體情況", 1)
    add_tag(doc, "{%p if narrative.overview %}")
    doc.add_paragraph("{{ narrative.overview }}")
    add_tag(doc, "{%p else %}")
    add_placeholder(doc, "（待補充：總體情況）")
    add_tag(doc, "{%p endif %}")
    doc.add_paragraph("{{ overview.summary }}")
    add_table(doc, ["狀態", "任務分工（項）", "佔比"], "for s in overview.by_status",
              ["{{ s.label }}", "{{ s.count }}", "{{ s.percent }}%"],
              totals=["合計", "{{ overview.assignments }}", "100%"], numbers=frozenset({1, 2}))  # fmt: skip
    doc.add_paragraph(
        "按任務計：{% for s in overview.task_status %}{{ s.label }} {{ s.count }} 項"
        "{{ '、' if not loop.last else '。' }}{% endfor %}"
    )
    for title, column, loop, first in OVERVIEW_SHARES:
        heading(doc, title, 2)
        row = loop.split()[1]
        add_table(doc, [column, "已完成", "應完成", "完成率"], loop,
                  [first, f"{{{{ {row}.closed }}}}", f"{{{{ {row}.assigned }}}}", f"{{{{ {row}.percent }}}}%"],
                  numbers=FIGURES)  # fmt: skip


def tasks(doc: Document) -> None:
    heading(doc, "二、各項任務落實情況", 1)
    add_tag(doc, "{%p for s in sections %}")
    heading(doc, "（{{ s.numeral }}）{{ s.title }}", 2)
    add_tag(doc, "{%p for t in s.tasks %}")
    heading(
        doc, "{{ t.id }} {{ t.title }}（{{ t.status_label }}，{{ t.closed }}/{{ t.assigned }}）", 3
    )
    doc.add_paragraph(
        "牽頭單位：{{ t.lead|join('、') if t.lead else '—' }}；責任單位：{{ t.responsible|join('、') if t.responsible else '—' }}"
    )
    add_table(doc, ["單位", "角色", "狀態", "日期", "佐證材料", "備註"], "for r in t.units",
              ["{{ r.unit }}", "{{ r.role_label }}", "{{ r.status_label }}", "{{ r.date or '' }}", EVIDENCE, "{{ r.note or '' }}"])  # fmt: skip
    add_tag(doc, "{%p endfor %}")
    add_tag(doc, "{%p endfor %}")
    add_tag(doc, "{%p for m in milestones %}")
    heading(doc, "{{ m.what }}（{{ m.date }}前）", 2)
    add_table(doc, ["單位", "狀態", "日期", "佐證材料", "備註"], "for r in m.units",
              ["{{ r.unit }}", "{{ r.status_label }}", "{{ r.date or '' }}", EVIDENCE, "{{ r.note or '' }}"])  # fmt: skip
    add_tag(doc, "{%p endfor %}")


def issues(doc: Document) -> None:
    heading(doc, "三、存在的問題", 1)
    numbered(doc, "narrative.problems")
    heading(doc, "（一）逾期未完成事項", 2)
    or_none(doc, "for d in issues.overdue",
            "{{ d.task or '' }} {{ d.what }}（{{ d.phrase }}，{{ d.standing }}）：{{ d.open_units|join('、') }}")  # fmt: skip
    heading(doc, "（二）尚未開始的任務", 2)
    or_none(
        doc, "for n in issues.not_started", "{{ n.task }} {{ n.title }}：{{ n.units|join('、') }}"
    )
    heading(doc, "（三）尚未報告進展的單位", 2)
    doc.add_paragraph("{{ issues.silent_units|join('、') if issues.silent_units else '無' }}")
    heading(doc, "四、下一步工作打算", 1)
    numbered(doc, "narrative.next_steps", empty="（待補充：下一步工作打算）")


def appendix(doc: Document) -> None:
    """附件：方案調整情況, after the 落款 on a page of its own (GB/T 9704's 附件)."""
    add_tag(doc, "{%p if adjustments is not none %}")
    doc.add_paragraph("附件", style=APPENDIX_LABEL)
    doc.add_paragraph("方案調整情況", style="Title")
    add_tag(doc, "{%p for a in adjustments %}")
    doc.add_paragraph(
        "{{ a.date }}　{{ a.subject }}{{ '（依據：' ~ a.basis|join('、') ~ '）' if a.basis else '' }}",
        style="Heading 3",
    )
    changed_text(doc)
    add_tag(doc, "{%p else %}")
    doc.add_paragraph("方案印發後未作調整。")
    add_tag(doc, "{%p endfor %}")
    add_tag(doc, "{%p endif %}")


def report() -> Document:
    doc = official_document()
    doc.add_paragraph("{{ title }}", style="Title")
    overview(doc)
    tasks(doc)
    issues(doc)
    add_tag(doc, "{%p if adjustments is not none %}")
    doc.add_paragraph("附件：方案調整情況")
    add_tag(doc, "{%p endif %}")
    ending(doc)
    appendix(doc)
    small_print(doc)
    return doc


def checklist() -> Document:
    doc = official_document()
    doc.add_paragraph("{{ title }}", style="Title")
    doc.add_paragraph("方案：{{ plan.title }}")
    doc.add_paragraph("印發：{{ plan.issuer }}（{{ plan.issued }}）")
    doc.add_paragraph(
        "單位：{{ unit.name }}{{ '（' ~ unit.full_name ~ '）' if unit.full_name else '' }}"
    )
    add_tag(doc, "{%p if plan.report_deadline %}")
    doc.add_paragraph("報送：請於{{ plan.report_deadline }}前{{ plan.report_what }}。")
    add_tag(doc, "{%p endif %}")
    doc.add_paragraph("截至{{ today }}：{{ summary }}")
    add_tag(doc, "{%p if tasks %}")
    heading(doc, "一、時限", 1)
    add_table(doc, ["日期", "事項", "情況", "狀態"], "for d in deadlines",
              ["{{ d.date }}", "{{ d.label }}", "{{ d.standing }}", "{{ d.flag_label }}"])  # fmt: skip
    heading(doc, "二、任務", 1)
    add_tag(doc, "{%p for t in tasks %}")
    heading(doc, "{{ t.id }} {{ t.title }}", 2)
    doc.add_paragraph("角色：{{ t.role_label }}{{ '（經' ~ t.via ~ '）' if t.via else '' }}")
    doc.add_paragraph("牽頭單位：{{ t.lead|join('、') if t.lead else '—' }}")
    doc.add_paragraph("責任單位：{{ t.responsible|join('、') if t.responsible else '—' }}")
    doc.add_paragraph("狀態：{{ t.status_label }}")
    add_tag(doc, "{%p for s in t.sentences %}")
    doc.add_paragraph("{{ '☑' if s.checked else '☐' }} {{ s.text }}")
    add_tag(doc, "{%p endfor %}")
    add_tag(doc, "{%p endfor %}")
    add_tag(doc, "{%p endif %}")
    ending(doc)
    small_print(doc)
    return doc


def unindented(doc: Document, tag: str, centred: bool = False) -> None:
    """A paragraph when ``tag`` is set: flush left (主送 頂格) or centred (發文字號)."""
    add_tag(doc, f"{{%p if {tag} %}}")
    paragraph = doc.add_paragraph(f"{{{{ {tag} }}}}")
    paragraph.paragraph_format.first_line_indent = Pt(0)
    if centred:
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_tag(doc, "{%p endif %}")


def plan() -> Document:
    """The plan as the notice that issues it: 發文字號, title, 主送, body, 落款, 附注
    「（此件公開發布）」; then, from a new page, the plan's title and its task table."""
    doc = official_document()
    unindented(doc, "document_number", centred=True)
    doc.add_paragraph("{{ title }}", style="Title")
    unindented(doc, "addressees")
    add_tag(doc, "{%p for p in body %}")
    doc.add_paragraph("{{ p }}")
    add_tag(doc, "{%p endfor %}")
    ending(doc)
    doc.add_paragraph("（此件公開發布）")
    doc.add_paragraph("{{ plan_title }}", style="Title").paragraph_format.page_break_before = True
    plan_table(doc)
    return doc


def plan_table(doc: Document) -> None:
    """工作任務 | 具體要求 | 責任單位: a section's heading on a row across the table, then a row
    per task; fixed widths (a table with merged cells keeps the widths its template gives)."""
    rows = [list(COLUMNS), ["{%tr for s in sections %}"], ["{{ s.heading }}"],
            ["{%tr for t in s.tasks %}"], ["{{ t.label }}", "{{ t.requirement }}", "{{ t.units }}"],
            ["{%tr endfor %}"], ["{%tr endfor %}"]]  # fmt: skip
    table = doc.add_table(rows=len(rows), cols=len(COLUMNS))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    width = table._tbl.tblPr.find(qn("w:tblW"))
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(sum(PLAN_WIDTHS)))
    for column, twips in zip(table.columns, PLAN_WIDTHS, strict=True):
        column.width = Twips(twips)
    table.rows[2].cells[0].merge(table.rows[2].cells[-1])
    for i, texts in enumerate(rows):
        row = table.rows[i]
        row_properties(row._tr, header=i == 0)
        for j, text in enumerate(texts):
            cell = row.cells[j]
            cell.width = Twips(PLAN_WIDTHS[j] if len(texts) > 1 else sum(PLAN_WIDTHS))
            paragraph = cell.paragraphs[0]
            paragraph.text = text
            paragraph.style = doc.styles[TABLE_HEADING if i in (0, 2) else TABLE_TEXT]
            if i == 2:  # a section's heading: left, and never alone at a page's foot
                paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
                paragraph.paragraph_format.keep_with_next = True
            if i == 4 and j != 1:
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER


def main() -> int:
    OUT.mkdir(exist_ok=True)
    written = {"report.docx": report(), "checklist.docx": checklist(), "plan.docx": plan()}
    for name, document in written.items():
        document.save(str(OUT / name))
    print(f"wrote {', '.join(str(OUT / name) for name in written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
