"""The official form applied to every Word document as it is rendered, whatever its template.

After docxtpl has filled a template: every run's text in the document's
script (:mod:`.scripting`), no theme font anywhere (so the named East
Asian fonts are the ones used), the document's language (``zh-CN`` or
``zh-TW``: it picks the glyph forms), tables fitted to their content with the
header row repeated and rows kept whole, the 落款 placed as GB/T 9704 says,
and the core properties (title, author = the issuer) set.  See
:mod:`.official` for the form itself.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gov_disclosure.documents import official
from gov_disclosure.documents.scripting import convert_runs
from gov_disclosure.textnorm import Script

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.table import CT_Tbl, CT_Tc
    from docx.table import Table
    from lxml.etree import _Element

#: Attributes that make a run's font follow the document theme instead of its named font.
THEME_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_THEME_ATTRIBUTE = re.compile(rb' w:(?:%s)="[^"]*"' % "|".join(THEME_ATTRIBUTES).encode())
#: Cell padding (left and right) and a little slack, in twips.
_CELL_PADDING = 260
#: A cell text this short (in characters) without a break inside is kept on one line: a name.
_NAME_EMS = 12
#: Stretches that must not be broken: a Chinese date, a number, a code; long ones may be.
_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
#: A short text with a date in it is kept on one line too.
_DATED_EMS = 15
_UNBROKEN = re.compile(rf"{_DATE.pattern}|[0-9A-Za-z.:/%+\-]+")
_UNBROKEN_EMS = 6
_BREAKS = re.compile(r"[\s，、；：。（）“”,;:()]")


@dataclass(frozen=True)
class DocumentInfo:
    """What a rendered document says about itself: its core properties and its script
    (None: its text as written, its language zh-TW as the templates')."""

    title: str
    author: str
    day: dt.date
    script: Script | None = None

    @property
    def language(self) -> str:
        return (self.script or Script.traditional).word_lang


def finish(document: Document, info: DocumentInfo) -> None:
    """Apply the official form to a rendered document (see the module's docstring)."""
    if info.script is not None:
        convert_runs(_xml_parts(document), info.script.convert)
    strip_theme_fonts(document)
    set_language(document, info.language)
    size = _style_size(document, official.TABLE_TEXT, official.TABLE_PT)
    width = text_width(document)
    for table in document.tables:
        shape_table(table, width, size)
    place_signature(document)
    set_properties(document, info)


def _xml_parts(document: Document) -> list[_Element]:
    from docx.opc.part import XmlPart

    return [p.element for p in document.part.package.iter_parts() if isinstance(p, XmlPart)]


def strip_theme_fonts(document: Document) -> None:
    """Remove every theme font attribute, in every part: unused styles included, and parts
    python-docx keeps as bytes (Word's stylesWithEffects.xml)."""
    from docx.opc.part import XmlPart

    for part in document.part.package.iter_parts():
        if isinstance(part, XmlPart):
            for fonts in part.element.iter(f"{_W}rFonts"):
                for attr in THEME_ATTRIBUTES:
                    if f"{_W}{attr}" in fonts.attrib:
                        del fonts.attrib[f"{_W}{attr}"]
        elif part.content_type.endswith("+xml"):
            part._blob = _THEME_ATTRIBUTE.sub(b"", part.blob)  # a plain part: its bytes


def set_language(document: Document, language: str) -> None:
    """The language of the document's Chinese text, everywhere it is stated (defaults,
    styles, runs, settings): it picks Chinese glyph forms over Japanese ones.

    Latin text keeps its own language (``w:val``): digits then keep Western line
    breaking (with ``zh-*`` there, LibreOffice breaks 10 into 1 / 0).
    """
    from docx.oxml import OxmlElement

    defaults = document.styles.element.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
    if defaults is not None and defaults.find(f"{_W}lang") is None:
        lang = OxmlElement("w:lang")
        lang.set(f"{_W}val", "en-US")
        defaults.append(lang)
    for root in _xml_parts(document):
        for element in (*root.iter(f"{_W}lang"), *root.iter(f"{_W}themeFontLang")):
            element.set(f"{_W}eastAsia", language)


def text_width(document: Document) -> int:
    """The width of the text block, in twips."""
    section = document.sections[-1]
    width = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
    return int(width / 635)  # EMU per twip


def _style_size(document: Document, name: str, default: float) -> float:
    """A paragraph style's font size in points (``default`` when the template lacks it)."""
    for style in document.styles:
        if style.name == name and getattr(style, "font", None) and style.font.size:
            return float(style.font.size.pt)
    return default


def ems(text: str) -> float:
    """Text's width in characters of its font: Chinese characters 1, Latin letters and digits ½,
    and a quarter where Chinese meets Latin (Word and WPS space them apart)."""
    width, previous = 0.0, None
    for c in text:
        wide = unicodedata.east_asian_width(c) in "WFA"
        width += 1.0 if wide else 0.5
        if c.isalnum() and previous is not None and previous != wide:
            width += 0.25
        previous = wide if c.isalnum() else None
    return width


def _hard_min(text: str) -> float:
    """The narrowest a cell may be, in characters: a name whole; else its longest date or number."""
    width = ems(text)
    if width <= _NAME_EMS and not _BREAKS.search(text):
        return width
    if width <= _DATED_EMS and _DATE.search(text):  # 按時完成（2020年9月18日）: one line
        return width
    tokens = [
        ems(m.group()) if m.group().endswith("日") else min(ems(m.group()), _UNBROKEN_EMS)
        for m in _UNBROKEN.finditer(text)
    ]
    return max([1.0, *tokens])


def fit_widths(columns: list[list[str]], available: int, size_pt: float) -> list[int]:
    """Column widths (twips) that fit their content, as a browser lays out a table.

    Each column gets at least its narrowest (names and dates whole, where the page
    allows), then the rest of the text block in proportion to what each would
    take on one line; a table narrower than the page is widened to fill it.
    """
    need, want = _measure(columns, size_pt * 20)
    if sum(want) <= available:
        widths = [w * available / sum(want) for w in want]
    elif sum(need) <= available:
        flex = [w - n for w, n in zip(want, need, strict=True)]
        spare = (available - sum(need)) / (sum(flex) or 1)
        widths = [n + spare * f for n, f in zip(need, flex, strict=True)]
    else:
        widths = [n * available / sum(need) for n in need]
    edges = [round(sum(widths[: i + 1])) for i in range(len(widths))]
    return [b - a for a, b in zip([0, *edges], edges, strict=False)]


def _measure(columns: list[list[str]], em: float) -> tuple[list[float], list[float]]:
    """Each column's narrowest width and its width with every line unbroken (twips)."""
    need, want = [], []
    for column in columns:
        lines = [line for text in column for line in (text.splitlines() or [""])]
        narrowest = max(_hard_min(t) for t in lines) * em + _CELL_PADDING
        need.append(narrowest)
        want.append(max(max(ems(t) for t in lines) * em + _CELL_PADDING, narrowest))
    return need, want


def shape_table(table: Table, available: int, size_pt: float) -> None:
    """Header row repeated, rows kept whole, widths fitted (a table of merged cells keeps its).

    On the XML itself: python-docx's cell objects cost seconds on a report of 1,000 tasks.
    """
    tbl = table._tbl
    rows = tbl.tr_lst
    for i, tr in enumerate(rows):
        official.row_properties(tr, header=i == 0)
    columns = tbl.tblGrid.findall(f"{_W}gridCol")
    cells = [tr.tc_lst for tr in rows]
    if cells and columns and all(len(tcs) == len(columns) for tcs in cells):
        _fit(tbl, columns, cells, available, size_pt)


def _fit(
    tbl: CT_Tbl, columns: list[_Element], cells: list[list[CT_Tc]], available: int, size_pt: float
) -> None:
    texts = [["\n".join(_texts(tcs[j])) for tcs in cells] for j in range(len(columns))]
    widths = fit_widths(texts, available, size_pt)
    _set(_child(tbl.tblPr, "tblLayout"), type="fixed")
    _set(_child(tbl.tblPr, "tblW"), type="dxa", w=str(sum(widths)))
    for column, width in zip(columns, widths, strict=True):
        _set(column, w=str(width))
    for tcs in cells:
        for tc, width in zip(tcs, widths, strict=True):
            _set(_child(tc.get_or_add_tcPr(), "tcW"), type="dxa", w=str(width))


def _child(parent: _Element, name: str) -> _Element:
    """``parent``'s child ``w:name``, added when it has none."""
    from docx.oxml import OxmlElement

    child = parent.find(f"{_W}{name}")
    if child is None:
        child = OxmlElement(f"w:{name}")
        parent.append(child)
    return child


def _set(element: _Element, **attributes: str) -> None:
    for name, value in attributes.items():
        element.set(f"{_W}{name}", value)


def _texts(tc: _Element) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{_W}t")) for p in tc.iter(f"{_W}p")]


def place_signature(document: Document) -> None:
    """The 落款 of a document without a seal (GB/T 9704-2012, 7.3.5.2): the issuer two
    characters in from the right; the date below, starting two characters right of the
    issuer's start; a date longer than that stays two characters in and moves the issuer."""
    from docx.shared import Twips
    from docx.text.paragraph import Paragraph

    ids = {s.name: s.style_id for s in document.styles}
    wanted = {
        ids.get(official.SIGNATURE_ISSUER): "issuer",
        ids.get(official.SIGNATURE_DATE): "date",
    }
    found: dict[str, Paragraph] = {}
    for p in document.element.body.iterchildren(f"{_W}p"):  # the body's, not the tables
        style = p.find(f"{_W}pPr/{_W}pStyle")
        role = wanted.get(style.get(f"{_W}val") if style is not None else None)
        if role is not None:
            found[role] = Paragraph(p, document._body)
    if len(found) != 2:
        return
    issuer, date = found["issuer"], found["date"]
    char = _style_size(document, "Normal", official.BODY_PT) * 20
    width_issuer, width_date = ems(issuer.text), ems(date.text)
    date_indent = max(width_issuer - width_date, 2.0)
    issuer_indent = date_indent + width_date + 2 - width_issuer
    issuer.paragraph_format.right_indent = Twips(round(issuer_indent * char))
    date.paragraph_format.right_indent = Twips(round(date_indent * char))


def set_properties(document: Document, info: DocumentInfo) -> None:
    """Title, author (the issuer), language and dates: nothing of the tool that made it."""
    properties = document.core_properties
    convert = info.script.convert if info.script is not None else str
    properties.title = convert(info.title)
    properties.author = properties.last_modified_by = convert(info.author)
    properties.subject = properties.keywords = properties.category = properties.comments = ""
    properties.language = info.language
    stamp = dt.datetime.combine(info.day, dt.time(0, 0))
    properties.created = properties.modified = stamp
    properties.revision = 1
