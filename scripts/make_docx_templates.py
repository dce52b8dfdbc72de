"""Build templates/report.docx and templates/checklist.docx, the Word templates of gd.

They are ordinary Word documents with Jinja tags (docxtpl syntax: `{%p ... %}`
for paragraph-level tags, `{%tr ... %}` for table rows), so the office can
restyle them in Word or WPS; this script only makes the first version.
Fonts follow GB/T 9704: 方正小標宋簡體 title, 黑體 headings, 仿宋 body.

    .venv/bin/python scripts/make_docx_templates.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parent.parent / "templates"


def set_font(style, east_asian: str, latin: str, size: float, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    style.font.name = latin
    style.font.size = Pt(size)
    style.font.bold = bold
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def new_document() -> Document:  # type: ignore[no-untyped-def]
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    set_font(doc.styles["Normal"], "仿宋", "Times New Roman", 16)
    doc.styles["Normal"].paragraph_format.line_spacing = Pt(28)
    set_font(doc.styles["Title"], "方正小標宋簡體", "Times New Roman", 22)
    doc.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # Official documents are black, with no rule under the title.
    title_ppr = doc.styles["Title"].element.get_or_add_pPr()
    for border in title_ppr.findall(qn("w:pBdr")):
        title_ppr.remove(border)
    for name, size in (("Heading 1", 16), ("Heading 2", 16), ("Heading 3", 16)):
        font = "黑體" if name == "Heading 1" else "楷體"
        set_font(doc.styles[name], font, "Times New Roman", size)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        doc.styles[name].font.color.rgb = RGBColor(0, 0, 0)
    set_font(doc.styles["Table Grid"], "仿宋", "Times New Roman", 10.5)
    return doc


def table(doc, headers: list[str], loop: str, cells: list[str]) -> None:  # type: ignore[no-untyped-def]
    """A table whose body row repeats with docxtpl's {%tr %} tags."""
    t = doc.add_table(rows=4, cols=len(headers))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, h in enumerate(headers):
        t.rows[0].cells[i].text = h
    t.rows[1].cells[0].text = "{%tr " + loop + " %}"
    for i, c in enumerate(cells):
        t.rows[2].cells[i].text = c
    t.rows[3].cells[0].text = "{%tr endfor %}"
    for row in t.rows:
        for c in row.cells:
            for p in c.paragraphs:
                p.paragraph_format.line_spacing = Pt(16)
                for run in p.runs:
                    run.font.size = Pt(10.5)


EVIDENCE = "{% for e in r.evidence %}{{ e.title ~ ' ' ~ e.ref if e.title else e.ref }}{% if not loop.last %}；{% endif %}{% endfor %}"


#: The overview's completion tables: heading, first column, loop, first cell (the rest are
#: the same three figures).
OVERVIEW_SHARES = [
    ("各部分完成情況", "部分", "for s in overview.by_section", "{{ s.numeral }}、{{ s.title }}"),
    ("各單位完成情況", "單位", "for u in overview.by_unit", "{{ u.unit }}"),
]


def report() -> Document:  # type: ignore[no-untyped-def]
    doc = new_document()
    doc.add_paragraph("{{ title }}", style="Title")
    p = doc.add_paragraph("{{ author }}　截至 {{ as_of }}")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = doc.add_paragraph("{{ revision.text }}")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("一、總體情況", style="Heading 1")
    doc.add_paragraph("{%p if narrative.overview %}")
    doc.add_paragraph("{{ narrative.overview }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{{ overview.summary }}")
    table(doc, ["狀態", "任務分工（項）", "佔比"], "for s in overview.by_status",
          ["{{ s.label }}", "{{ s.count }}", "{{ s.percent }}%"])  # fmt: skip
    for heading, column, loop, first in OVERVIEW_SHARES:
        doc.add_paragraph(heading, style="Heading 2")
        row = loop.split()[1]
        table(doc, [column, "已完成", "應完成", "完成率"], loop,
              [first, f"{{{{ {row}.closed }}}}", f"{{{{ {row}.assigned }}}}", f"{{{{ {row}.percent }}}}%"])  # fmt: skip
    doc.add_paragraph("二、各項任務落實情況", style="Heading 1")
    doc.add_paragraph("{%p for s in sections %}")
    doc.add_paragraph("（{{ s.numeral }}）{{ s.title }}", style="Heading 2")
    doc.add_paragraph("{%p for t in s.tasks %}")
    doc.add_paragraph(
        "{{ t.id }} {{ t.title }}（{{ t.status_label }}，{{ t.closed }}/{{ t.assigned }}）",
        style="Heading 3",
    )
    doc.add_paragraph(
        "牽頭單位：{{ t.lead|join('、') if t.lead else '—' }}；責任單位：{{ t.responsible|join('、') if t.responsible else '—' }}"
    )
    table(doc, ["單位", "角色", "狀態", "日期", "佐證材料", "備註"], "for r in t.units",
          ["{{ r.unit }}", "{{ r.role_label }}", "{{ r.status_label }}", "{{ r.date or '' }}", EVIDENCE, "{{ r.note or '' }}"])  # fmt: skip
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p for m in milestones %}")
    doc.add_paragraph("{{ m.what }}（{{ m.date }} 前）", style="Heading 2")
    table(doc, ["單位", "狀態", "日期", "佐證材料", "備註"], "for r in m.units",
          ["{{ r.unit }}", "{{ r.status_label }}", "{{ r.date or '' }}", EVIDENCE, "{{ r.note or '' }}"])  # fmt: skip
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("三、存在的問題", style="Heading 1")
    doc.add_paragraph("{%p for p in narrative.problems %}")
    doc.add_paragraph("{{ loop.index }}. {{ p }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("逾期未完成事項", style="Heading 2")
    doc.add_paragraph("{%p for d in issues.overdue %}")
    doc.add_paragraph(
        "{{ d.task or '' }} {{ d.what }}（{{ d.phrase }}，{{ d.days_text }}）：{{ d.open_units|join('、') }}"
    )
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph("無")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("尚未開始的任務", style="Heading 2")
    doc.add_paragraph("{%p for n in issues.not_started %}")
    doc.add_paragraph("{{ n.task }} {{ n.title }}：{{ n.units|join('、') }}")
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph("無")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("尚未報告進展的單位", style="Heading 2")
    doc.add_paragraph("{{ issues.silent_units|join('、') if issues.silent_units else '無' }}")
    doc.add_paragraph("四、下一步工作打算", style="Heading 1")
    doc.add_paragraph("{%p for p in narrative.next_steps %}")
    doc.add_paragraph("{{ loop.index }}. {{ p }}")
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph("（尚未填寫：見 report/{{ plan.year }}.yaml 的 next_steps）")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p if adjustments is not none %}")
    doc.add_paragraph("附件：方案調整情況", style="Heading 1")
    doc.add_paragraph("{%p for a in adjustments %}")
    doc.add_paragraph(
        "{{ a.date }} {{ a.subject }}（{{ a.commit }}）{{ '，依據：' ~ a.basis|join('、') if a.basis else '' }}"
    )
    doc.add_paragraph("{%p for c in a.changes %}")
    doc.add_paragraph("　　{{ c }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p else %}")
    doc.add_paragraph("方案印發後未作調整。")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")
    return doc


def checklist() -> Document:  # type: ignore[no-untyped-def]
    doc = new_document()
    doc.add_paragraph("{{ unit.name }}任務清單", style="Title")
    p = doc.add_paragraph("{{ plan.title }}")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("印發：{{ plan.issuer }}（{{ plan.issued }}）")
    doc.add_paragraph(
        "單位：{{ unit.name }}{{ '（' ~ unit.full_name ~ '）' if unit.full_name else '' }}"
    )
    doc.add_paragraph("{%p if plan.report_deadline %}")
    doc.add_paragraph("報送：請於 {{ plan.report_deadline }} 前{{ plan.report_what }}。")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("截至 {{ today }}：{{ summary }}")
    doc.add_paragraph("{{ revision.text }}")
    doc.add_paragraph("時限", style="Heading 1")
    table(doc, ["日期", "事項", "剩餘", "狀態"], "for d in deadlines",
          ["{{ d.date }}", "{{ d.label }}", "{{ d.days_text }}", "{{ d.flag_label }}"])  # fmt: skip
    doc.add_paragraph("任務", style="Heading 1")
    doc.add_paragraph("{%p for t in tasks %}")
    doc.add_paragraph("{{ t.id }} {{ t.title }}", style="Heading 2")
    doc.add_paragraph(
        "角色：{{ t.role_label }}{{ '（經' ~ t.via ~ '）' if t.via else '' }}；狀態：{{ t.status_label }}"
    )
    doc.add_paragraph("{%p for s in t.sentences %}")
    doc.add_paragraph("{{ '☑' if s.checked else '☐' }} {{ s.text }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")
    return doc


def main() -> int:
    OUT.mkdir(exist_ok=True)
    report().save(OUT / "report.docx")
    checklist().save(OUT / "checklist.docx")
    print(f"wrote {OUT / 'report.docx'} and {OUT / 'checklist.docx'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
