"""The official form (GB/T 9704-2012) of every Word document gd writes, read from its XML.

No LibreOffice needed: the facts are those of the standard (A4, 天頭 37 mm, 訂口 28 mm,
a 156 × 225 mm text block; 方正小标宋简体 2號 title, 仿宋_GB2312 3號 body, 黑体 and 楷体
headings; ``— 1 —`` page numbers; the 落款 of a document without a seal) and of the
issue (fonts as East Asian fonts spelled as on mainland systems in either script, no
theme font anywhere, the document's language, header rows that repeat, rows that do
not split, the same rows and totals as the Markdown).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from conftest import REPO
from gov_disclosure import api
from gov_disclosure.documents.official import official_document
from gov_disclosure.documents.render import DocFormat
from gov_disclosure.textnorm import Script

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NOV_20, NOV_30 = dt.date(2020, 11, 20), dt.date(2020, 11, 30)
#: The text block of GB/T 9704: 156 mm wide, in twips.
TEXT_WIDTH = round(156 / 25.4 * 1440)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("official") / "ws"
    for part in ("plan", "progress", "report"):
        shutil.copytree(REPO / part, root / part)
    return root


def rendered(example: Path, kind: str, script: Script) -> bytes:
    if kind == "report":
        document = api.report(root=example, as_of=NOV_30, script=script)
    else:
        document = api.checklist(root=example, unit="县卫健局", today=NOV_20, script=script)
    return document.render(DocFormat.docx)


@pytest.fixture(scope="module", params=[(k, s) for k in ("report", "checklist") for s in Script])
def doc(request: pytest.FixtureRequest, example: Path) -> tuple[str, Script, bytes]:
    kind, script = request.param
    return kind, script, rendered(example, kind, script)


def parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            n: archive.read(n).decode("utf-8")
            for n in archive.namelist()
            if n.endswith((".xml", ".rels"))
        }


def test_no_theme_font_anywhere(doc: tuple[str, Script, bytes]) -> None:
    """Theme fonts override named ones (Calibri and a Japanese Gothic in LibreOffice)."""
    for name, xml in parts(doc[2]).items():
        assert "eastAsiaTheme" not in xml and "asciiTheme" not in xml, name
    names = set(parts(doc[2]))
    assert "word/stylesWithEffects.xml" not in names and "docProps/thumbnail.jpeg" not in names


def style_fonts(document: docx.document.Document, name: str) -> tuple[str | None, float | None]:
    style = document.styles[name]
    fonts = style.element.rPr.rFonts
    return fonts.get(f"{W}eastAsia"), style.font.size.pt if style.font.size else None


def test_fonts_are_east_asian_fonts_spelled_as_on_mainland_systems(
    doc: tuple[str, Script, bytes],
) -> None:
    document = docx.Document(io.BytesIO(doc[2]))
    assert style_fonts(document, "Title") == ("方正小标宋简体", 22)
    assert style_fonts(document, "Normal") == ("仿宋_GB2312", 16)
    assert style_fonts(document, "Heading 1") == ("黑体", 16)
    assert style_fonts(document, "Heading 2") == ("楷体", 16)
    table = parts(doc[2])["word/fontTable.xml"]
    assert re.search(r'<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>', table)
    assert '<w:charset w:val="86"/>' in table  # GB2312
    # The same spelling whatever the document's script: no 黑體, 楷體, 方正小標宋簡體.
    styles = parts(doc[2])["word/styles.xml"]
    assert not re.search("黑體|楷體|小標宋|簡體", styles)


def test_language_is_the_documents(doc: tuple[str, Script, bytes]) -> None:
    _, script, data = doc
    xml = parts(data)
    langs = re.findall(r'w:eastAsia="(zh-[A-Z]+|[a-z]{2}-[A-Z]{2})"', xml["word/styles.xml"])
    assert langs and set(langs) == {script.word_lang}
    assert (
        f'<w:themeFontLang w:val="en-US" w:eastAsia="{script.word_lang}"/>'
        in xml["word/settings.xml"]
    )


def test_page_is_a4_with_the_standard_margins(doc: tuple[str, Script, bytes]) -> None:
    section = docx.Document(io.BytesIO(doc[2])).sections[0]

    def mm(*lengths: int | None) -> float:
        return round(sum(x or 0 for x in lengths) / 36000, 1)  # EMU per mm

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.left_margin)) == (37, 28)
    assert mm(section.page_width) - mm(section.left_margin, section.right_margin) == 156
    assert mm(section.page_height) - mm(section.top_margin, section.bottom_margin) == 225


def test_page_numbers_at_the_foot(doc: tuple[str, Script, bytes]) -> None:
    xml = parts(doc[2])
    assert "<w:evenAndOddHeaders/>" in xml["word/settings.xml"]
    footers = [v for k, v in xml.items() if re.fullmatch(r"word/footer\d+\.xml", k)]
    assert len(footers) == 2  # odd pages on the right, even pages on the left
    for footer in footers:
        texts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:instrText[^>]*>([^<]*)<", footer)
        assert "".join(a or b for a, b in texts) == "—  PAGE 1 —"
    aligned = {re.search(r'<w:jc w:val="(\w+)"/>', f).group(1) for f in footers}  # type: ignore[union-attr]
    assert aligned == {"right", "left"}


def test_every_table_repeats_its_header_and_keeps_rows_whole(
    doc: tuple[str, Script, bytes],
) -> None:
    document = docx.Document(io.BytesIO(doc[2]))
    assert document.tables
    for table in document.tables:
        rows = table.rows
        assert rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
        assert all(r._tr.trPr.find(f"{W}tblHeader") is None for r in rows[1:])
        assert all(r._tr.trPr.find(f"{W}cantSplit") is not None for r in rows)
        layout = table._tbl.tblPr.find(f"{W}tblLayout")
        assert layout is not None and layout.get(f"{W}type") == "fixed"
        grid = [int(c.get(f"{W}w")) for c in table._tbl.tblGrid.findall(f"{W}gridCol")]
        assert abs(sum(grid) - TEXT_WIDTH) <= 2  # the width of the text block, no more


def test_columns_fit_their_content(example: Path) -> None:
    """Unit names are never broken (the page allows it), number columns are narrow."""
    document = docx.Document(io.BytesIO(rendered(example, "report", Script.traditional)))
    by_header = {tuple(c.text for c in t.rows[0].cells): t for t in document.tables}
    # Task 1.3's table: 縣衛健局 leads it, and finished it on 2020-10-15.
    task_13 = next(t for t in document.tables if t.rows[0].cells[1].text == "角色" and any(
        [c.text for c in r.cells[:4]] == ["縣衛健局", "牽頭", "已完成", "2020年10月15日"] for r in t.rows
    ))  # fmt: skip
    assert "市生態環境局師宗分局" in [r.cells[0].text for r in task_13.rows]
    widths = [c.width.twips for c in task_13.rows[0].cells]
    # 市生態環境局師宗分局: 10 characters of 10.5 pt, plus the cell's padding.
    assert widths[0] >= 10 * 210 + 216
    assert widths[1] < widths[0] / 2 and widths[2] < widths[0] / 2  # 牽頭, 已完成
    assert widths[3] >= 8 * 210  # 2020年10月15日 on one line
    shares = by_header[("單位", "已完成", "應完成", "完成率")]
    name, *figures = (c.width.twips for c in shares.rows[0].cells)
    assert all(f < name for f in figures)


def test_signature_at_the_end(doc: tuple[str, Script, bytes]) -> None:
    """落款 of a document without a seal (GB/T 9704, 7.3.5.2): the issuer two characters in
    from the right; the date below, starting two characters right of the issuer's start."""
    kind, script, data = doc
    document = docx.Document(io.BytesIO(data))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    names = [p.style.name for p in paragraphs]
    issuer = paragraphs[names.index("Signature Issuer")]
    date = paragraphs[names.index("Signature Date")]
    expected = "师宗县人民政府办公室" if script is Script.simplified else "師宗縣人民政府辦公室"
    assert issuer.text == expected
    assert date.text == ("2020年11月30日" if kind == "report" else "2020年11月20日")
    char = 16 * 20  # a character of the 16 pt body, in twips
    issuer_in = issuer.paragraph_format.right_indent.twips
    date_in = date.paragraph_format.right_indent.twips
    assert min(issuer_in, date_in) == 2 * char and max(issuer_in, date_in) < 4 * char
    # The issuer is 10 characters wide; the date's first character is two to the right of
    # the issuer's, so the date is as wide as 2020年11月30日 (7 characters, digits half, and
    # the spaces Word puts between Chinese and digits).
    date_width = (issuer_in + 10 * char - 2 * char) - date_in
    assert 7 * char <= date_width <= 8.5 * char
    assert issuer.paragraph_format.alignment == date.paragraph_format.alignment


def test_core_properties_name_the_document_and_its_issuer(doc: tuple[str, Script, bytes]) -> None:
    kind, script, data = doc
    properties = docx.Document(io.BytesIO(data)).core_properties
    title = {"report": "師宗縣貫徹落實2020年曲靖市政務公開要點分解落實方案落實情況報告", "checklist": "縣衛健局任務清單"}[kind]  # fmt: skip
    assert properties.title == script.convert(title)
    assert properties.author == script.convert("師宗縣人民政府辦公室")
    assert properties.language == script.word_lang
    assert not any("python-docx" in v for v in parts(data).values())


def test_word_has_what_the_markdown_has(example: Path) -> None:
    report = api.report(root=example, as_of=NOV_30, script=Script.traditional)
    markdown = report.render(DocFormat.md).decode("utf-8")
    document = docx.Document(io.BytesIO(report.render(DocFormat.docx)))
    text = "\n".join(p.text for p in document.paragraphs)
    status_table = next(t for t in document.tables if t.rows[0].cells[0].text == "狀態")
    assert [c.text for c in status_table.rows[-1].cells] == ["合計", "274", "100%"]
    assert "| 合計 | 274 | 100% |" in markdown
    line = next(x for x in markdown.splitlines() if x.startswith("按任務計："))
    assert line in text
    tables_md = markdown.count("| 單位 | 角色 | 狀態 |")
    assert tables_md == sum(1 for t in document.tables if t.rows[0].cells[1].text == "角色")
    checklist = api.checklist(root=example, unit="县卫健局", today=NOV_20)
    paragraphs = [
        p.text for p in docx.Document(io.BytesIO(checklist.render(DocFormat.docx))).paragraphs
    ]
    tasks = checklist.view["tasks"]
    assert sum(p.startswith("牽頭單位：") for p in paragraphs) == len(tasks) == 13
    assert sum(p.startswith("責任單位：") for p in paragraphs) == len(tasks)
    assert "牽頭單位：縣衛健局、縣應急管理局" in paragraphs


def test_documents_show_dates_as_documents_write_them(doc: tuple[str, Script, bytes]) -> None:
    text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", parts(doc[2])["word/document.xml"]))
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
    assert "[-" not in text and "{+" not in text
    assert "2020年11月30日" in text


def test_the_template_skeleton_is_clean() -> None:
    """What scripts/make_docx_templates.py starts from: no thumbnail of another document, no
    styles-with-effects, no theme font, nothing of python-docx."""
    document = official_document()
    buffer = io.BytesIO()
    document.save(buffer)
    xml = parts(buffer.getvalue())
    assert not any("eastAsiaTheme" in v for v in xml.values())
    assert "thumbnail" not in xml["_rels/.rels"] and "customXml" not in "".join(xml)
    assert "python-docx" not in xml["docProps/core.xml"]
    assert "<w:savePreviewPicture/>" not in xml["word/settings.xml"]
