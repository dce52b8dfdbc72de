"""The official-document form of GB/T 9704-2012, for gd's Word documents.

One place for the form every ``.docx`` gd writes shares: A4 with the standard
margins (天頭 37 mm, 訂口 28 mm, a 156 × 225 mm text block), the fonts named
as East Asian fonts and spelled as they are installed on mainland systems
whatever the document's script (title 方正小标宋简体 22 pt, body 仿宋_GB2312 with
仿宋 as fallback 16 pt, level-1 headings 黑体, level-2 楷体), page numbers at the
foot as ``— 1 —`` (odd pages right, even pages left, one character in), the
落款 (issuer and date) and tables whose header row repeats and whose rows do
not split.

Two halves: :func:`official_document` and the ``add_*`` builders make a Word
*template* (``scripts/make_docx_templates.py`` uses them; templates stay
ordinary Word documents with docxtpl tags, restyled in Word or WPS freely);
:mod:`.docx_finish` applies the form to every document rendered, whatever its
template.  python-docx (docxtpl's own dependency) is imported by the functions
that need it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.table import CT_Row
    from docx.styles.style import ParagraphStyle
    from docx.table import Table
    from docx.text.paragraph import Paragraph

# ---- the form ------------------------------------------------------------------------------

#: Page and text block (mm): A4; 天頭 37, 訂口 28, text block 156 × 225.
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
#: From the bottom edge of the page to the foot of the page number (mm): its dashes then
#: sit about 7 mm below the text block.
FOOTER_MM = 22

LATIN_FONT = "Times New Roman"
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONTS = {1: "黑体", 2: "楷体", 3: BODY_FONT}
PAGE_NUMBER_FONT = "宋体"
#: Fonts a missing one falls back to (Word's font table ``altName``).
FALLBACKS = {BODY_FONT: "仿宋", "楷体": "楷体_GB2312", TITLE_FONT: "宋体"}

TITLE_PT = 22  # 二號
BODY_PT = 16  # 三號
PAGE_NUMBER_PT = 14  # 四號
TABLE_PT = 10.5  # 五號
SMALL_PT = 9
#: 22 lines to a page of 225 mm: a line every 28.95 pt (in twentieths of a point).
LINE_TWIPS = 579

#: Styles of gd's templates besides Word's own Normal, Title and Heading 1-3.
TABLE_TEXT = "Table Text"
TABLE_NUMBER = "Table Number"
TABLE_HEADING = "Table Heading"
SIGNATURE_ISSUER = "Signature Issuer"
SIGNATURE_DATE = "Signature Date"
APPENDIX_LABEL = "Appendix Label"
SMALL_PRINT = "Small Print"


# ---- a template: the document ----------------------------------------------------------------


def official_document() -> Document:
    """An empty Word document in the official form, to add a template's content to."""
    import docx
    from docx.shared import Mm

    from gov_disclosure.documents import docx_finish

    document = docx.Document()
    _clean_package(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.footer_distance = Mm(FOOTER_MM)
    docx_finish.strip_theme_fonts(document)
    _styles(document)
    _page_numbers(document)
    _font_table(document)
    return document


def _clean_package(document: Document) -> None:
    """Drop what python-docx's default template carries and a document must not: a thumbnail
    of another document, styles-with-effects (full of theme fonts), custom XML."""
    drop = ("thumbnail", "stylesWithEffects", "customXml")
    for owner in (document.part.package, document.part):
        for r_id, rel in list(owner.rels.items()):
            if rel.reltype.endswith(drop):
                del owner.rels[r_id]
    properties = document.core_properties
    properties.author = properties.comments = properties.last_modified_by = ""
    settings = document.settings.element
    for name in ("savePreviewPicture", "rsids"):
        for element in settings.findall(_w(name)):
            settings.remove(element)


def _w(name: str) -> str:
    from docx.oxml.ns import qn

    return qn(f"w:{name}")


def set_fonts(style: ParagraphStyle, east_asian: str, size: float, latin: str = LATIN_FONT) -> None:
    """A style's fonts named explicitly, East Asian text included (no theme font can win)."""
    from docx.shared import Pt

    style.font.size = Pt(size)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("ascii", "hAnsi", "cs"):
        fonts.set(_w(attr), latin)
    fonts.set(_w("eastAsia"), east_asian)


def _styles(document: Document) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor, Twips

    styles = document.styles
    normal = styles["Normal"]
    set_fonts(normal, BODY_FONT, BODY_PT)
    _body_layout(normal, first_indent=True)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.widow_control = True
    title = styles["Title"]
    set_fonts(title, TITLE_FONT, TITLE_PT)
    _body_layout(title, first_indent=False)
    title.paragraph_format.line_spacing = Pt(35)
    title.paragraph_format.space_after = Twips(LINE_TWIPS)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title_ppr = title.element.get_or_add_pPr()
    for border in title_ppr.findall(_w("pBdr")):  # official documents have no rule under the title
        title_ppr.remove(border)
    for level, font in HEADING_FONTS.items():
        heading = styles[f"Heading {level}"]
        set_fonts(heading, font, BODY_PT)
        _body_layout(heading, first_indent=True)
        heading.font.bold = level == 3
        heading.font.italic = False
        heading.paragraph_format.keep_with_next = True
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        styles[name].font.color.rgb = RGBColor(0, 0, 0)
    _extra_styles(document)


def _body_layout(style: ParagraphStyle, first_indent: bool) -> None:
    """Exact 28.95 pt lines, no space around, two characters in (GB/T 9704's body text)."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt, Twips

    layout = style.paragraph_format
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    layout.line_spacing = Twips(LINE_TWIPS)
    layout.space_before = layout.space_after = Pt(0)
    layout.first_line_indent = Pt(2 * BODY_PT) if first_indent else Pt(0)


def _extra_styles(document: Document) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor, Twips

    def add(name: str, font: str, size: float, align: WD_ALIGN_PARAGRAPH) -> ParagraphStyle:
        style: ParagraphStyle = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        set_fonts(style, font, size)
        _body_layout(style, first_indent=False)
        style.paragraph_format.alignment = align
        return style

    for name, font, align in (
        (TABLE_TEXT, BODY_FONT, WD_ALIGN_PARAGRAPH.LEFT),
        (TABLE_NUMBER, BODY_FONT, WD_ALIGN_PARAGRAPH.RIGHT),
        (TABLE_HEADING, HEADING_FONTS[1], WD_ALIGN_PARAGRAPH.CENTER),
    ):
        style = add(name, font, TABLE_PT, align)
        style.paragraph_format.line_spacing = Pt(TABLE_PT * 1.4)
    issuer = add(SIGNATURE_ISSUER, BODY_FONT, BODY_PT, WD_ALIGN_PARAGRAPH.RIGHT)
    issuer.paragraph_format.space_before = Twips(LINE_TWIPS)  # 正文下空一行
    issuer.paragraph_format.keep_with_next = True
    add(SIGNATURE_DATE, BODY_FONT, BODY_PT, WD_ALIGN_PARAGRAPH.RIGHT)
    label = add(APPENDIX_LABEL, HEADING_FONTS[1], BODY_PT, WD_ALIGN_PARAGRAPH.LEFT)
    label.paragraph_format.page_break_before = True
    small = add(SMALL_PRINT, BODY_FONT, SMALL_PT, WD_ALIGN_PARAGRAPH.LEFT)
    small.paragraph_format.line_spacing = Pt(SMALL_PT * 1.5)
    small.paragraph_format.space_before = Twips(LINE_TWIPS)
    small.font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def _page_numbers(document: Document) -> None:
    """``— 1 —`` at the foot of every page: odd pages on the right, even on the left,
    one character in (四號 宋體 numerals)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles["Normal"]
        layout = paragraph.paragraph_format
        layout.alignment = align
        layout.first_line_indent = Pt(0)
        layout.line_spacing = Pt(PAGE_NUMBER_PT * 1.2)
        if align is WD_ALIGN_PARAGRAPH.RIGHT:
            layout.right_indent = Pt(PAGE_NUMBER_PT)
        else:
            layout.left_indent = Pt(PAGE_NUMBER_PT)
        _page_number_runs(paragraph)


def _page_number_runs(paragraph: Paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    def run(text: str = "", field: str | None = None, instruction: str | None = None) -> None:
        r = paragraph.add_run(text)
        r.font.size = Pt(PAGE_NUMBER_PT)
        fonts = r._r.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(_w(attr), PAGE_NUMBER_FONT)
        if field is not None:
            element = OxmlElement("w:fldChar")
            element.set(_w("fldCharType"), field)
            r._r.append(element)
        if instruction is not None:
            element = OxmlElement("w:instrText")
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            element.text = instruction
            r._r.append(element)

    run("— ")
    run(field="begin")
    run(instruction=" PAGE ")
    run(field="separate")
    run("1")
    run(field="end")
    run(" —")


#: The fonts of the official form, for Word's font table: (name, panose, alternate name).
_FONTS = (
    (BODY_FONT, "02010609030101010101", "仿宋"),
    ("仿宋", "02010609060101010101", None),
    (TITLE_FONT, "02000000000000000000", "宋体"),
    ("黑体", "02010609060101010101", None),
    ("楷体", "02010609060101010101", "楷体_GB2312"),
    ("宋体", "02010600030101010101", None),
)


def _font_table(document: Document) -> None:
    """Word's font table names the official fonts as GB2312 fonts, each with its fallback."""
    from xml.sax.saxutils import quoteattr

    entries = [
        f'<w:font w:name="{LATIN_FONT}"><w:panose1 w:val="02020603050405020304"/>'
        '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    ]
    for name, panose, alt in _FONTS:
        alt_xml = f"<w:altName w:val={quoteattr(alt)}/>" if alt else ""
        entries.append(
            f"<w:font w:name={quoteattr(name)}>{alt_xml}<w:panose1 w:val={quoteattr(panose)}/>"
            '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        )
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + "".join(entries)
        + "</w:fonts>"
    )
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/word/fontTable.xml":
            part._blob = xml.encode("utf-8")  # a plain part in python-docx: its bytes are its XML


# ---- a template: its content -------------------------------------------------------------------


def add_tag(document: Document, tag: str) -> None:
    """A paragraph holding only a docxtpl tag (``{%p for … %}``): docxtpl removes it."""
    document.add_paragraph(tag)


def add_table(
    document: Document,
    headers: list[str],
    loop: str,
    cells: list[str],
    totals: list[str] | None = None,
    numbers: frozenset[int] = frozenset(),
) -> Table:
    """A table whose body row repeats with docxtpl's ``{%tr %}`` tags, then a totals row.

    ``numbers``: the columns (by index) that hold figures, set right-aligned.
    Widths are fitted to the content when the document is rendered.
    """
    from docx.enum.table import WD_TABLE_ALIGNMENT

    rows = [headers, ["{%tr " + loop + " %}"], cells, ["{%tr endfor %}"]]
    if totals:
        rows.append(totals)
    table: Table = document.add_table(rows=len(rows), cols=len(headers))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, texts in enumerate(rows):
        for j, text in enumerate(texts):
            paragraph = table.rows[i].cells[j].paragraphs[0]
            paragraph.text = text
            style = TABLE_NUMBER if j in numbers and i > 0 else TABLE_TEXT
            paragraph.style = document.styles[TABLE_HEADING if i == 0 else style]
    for i, row in enumerate(table.rows):
        row_properties(row._tr, header=i == 0)
    return table


def row_properties(tr: CT_Row, header: bool) -> None:
    """A row (``w:tr``) is never split across pages; the header row repeats on every page."""
    from docx.oxml import OxmlElement

    tr_pr = tr.get_or_add_trPr()
    names = ("cantSplit", "tblHeader") if header else ("cantSplit",)
    for name in names:
        if tr_pr.find(_w(name)) is None:
            tr_pr.append(OxmlElement(f"w:{name}"))


def add_signature(document: Document, issuer: str, date: str) -> None:
    """The 落款: the issuer, and the date below it (placed as GB/T 9704 says when rendered)."""
    document.add_paragraph(issuer, style=SIGNATURE_ISSUER)
    document.add_paragraph(date, style=SIGNATURE_DATE)


def add_placeholder(document: Document, text: str) -> None:
    """A paragraph whose text is highlighted: what the office must still write."""
    from docx.enum.text import WD_COLOR_INDEX

    run = document.add_paragraph().add_run(text)
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
