"""`gd plan render`: the plan as the notice that issues it, checked against the 2020 notice.

The facts are the notice's own (tests/data/shizong-2020-notice.txt): its 主送, its basis,
the report it asks for, its 落款 and 「（此件公開發布）」, its sections and numbered tasks,
and how it writes the units (「…牽頭，…按照職責分工負責」); the Word form is GB/T 9704's
as gd's other documents have it, read from the .docx XML (no LibreOffice needed).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from test_scripting import docx_text, other_script

from conftest import DATA, REPO
from gov_disclosure import api
from gov_disclosure.documents.plan_notice import plan_notice, report_sentence, units_cell
from gov_disclosure.documents.render import DocFormat
from gov_disclosure.models import Milestone, Task
from gov_disclosure.plan.loading import load_plan
from gov_disclosure.storage.workspace import find_workspace
from gov_disclosure.textnorm import Script, strip_pinyin

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: The notice as it was issued, its pinyin annotations (鄉(xiāng)) removed.
NOTICE = strip_pinyin(DATA.joinpath("shizong-2020-notice.txt").read_text(encoding="utf-8"))
#: Tasks whose text the notice garbled (see plan/2020.yaml): their sentences were repaired.
DAMAGED = {"1.1", "3.1"}
#: The text block of GB/T 9704: 156 mm wide, in twips.
TEXT_WIDTH = round(156 / 25.4 * 1440)


@pytest.fixture(scope="module")
def notice() -> api.PlanNotice:
    return api.plan_render(root=REPO)


@pytest.fixture(scope="module")
def word(notice: api.PlanNotice) -> bytes:
    return notice.render(DocFormat.docx)


def test_the_cover_letter_is_the_2020_notices(notice: api.PlanNotice) -> None:
    view = notice.view
    assert view["title"] == (
        "師宗縣人民政府辦公室關於印發師宗縣貫徹落實2020年曲靖市政務公開要點分解落實方案的通知"
    )
    assert view["document_number"] is None  # the notice as published shows none
    # 「各鄉(鎮)人民政府、街道辦事處,縣直各單位:」
    assert view["addressees"] == "各鄉(鎮)人民政府、街道辦事處，縣直各單位："
    issued, report = view["body"]
    assert issued.startswith(
        "為貫徹落實好《曲靖市2020年政務公開工作要點分解落實方案》（曲政辦發〔2020〕49號），"
        "現將《師宗縣貫徹落實2020年曲靖市政務公開要點分解落實方案》印發給你們"
    )
    assert "於2020年11月30日前將貫徹落實情況報政府辦公室政務信息股。" in report
    assert "于2020年11月30日前將貫徹落實情況報政府辦公室政務信息股" in NOTICE
    assert view["signature"] == {"issuer": "師宗縣人民政府辦公室", "date": "2020年9月15日"}
    assert view["plan_title"] == "師宗縣貫徹落實2020年曲靖市政務公開要點分解落實方案"


def test_the_table_is_the_notices(notice: api.PlanNotice) -> None:
    """Every section heading and numbered task title, as the notice writes them; every
    requirement as the notice has it, but for the two spans its encoding garbled."""
    sections = notice.view["sections"]
    assert [s["heading"][:2] for s in sections] == ["一、", "二、", "三、", "四、"]
    for section in sections:
        assert section["heading"] in NOTICE
        for task in section["tasks"]:
            assert task["label"] in NOTICE, task["id"]
            assert task["label"].startswith(task["id"].split(".")[1] + ".")
            if task["id"] not in DAMAGED:
                assert task["requirement"] in NOTICE.replace(" ", ""), task["id"]
    assert sum(len(s["tasks"]) for s in sections) == 15


def test_units_are_written_as_a_notice_writes_them(notice: api.PlanNotice) -> None:
    units = {t["id"]: t["units"] for s in notice.view["sections"] for t in s["tasks"]}
    # The notice's own cells, word for word.
    assert units["1.1"] == "縣直有關部門按照職責分工負責"
    assert "| 縣直有關部門按照職責分工負責 |" in NOTICE
    # 「縣衛健局、縣應急管理局牽頭;縣直有關部門按照職責分工負責」: lead, then the group.
    assert units["1.3"] == "縣衛健局、縣應急管理局牽頭，縣直有關部門按照職責分工負責"
    assert units["2.1"] == "各鄉(鎮、街道)、縣直有關部門按照職責分工負責"
    # 「縣政府辦負責」: one unit alone is simply 負責 (written as the registry names it).
    assert units["4.3"] == "縣政府辦公室負責"
    # 3.2's cell is empty in the notice; the plan records 縣融媒體中心 as its lead.
    assert units["3.2"] == "縣融媒體中心牽頭"


def test_units_cell_forms() -> None:
    registry = load_plan(find_workspace(REPO), 2020).units

    def cell(lead: tuple[str, ...], responsible: tuple[str, ...]) -> str:
        return units_cell(Task("9.1", "t", ("r。",), lead, responsible), registry)

    assert cell(("縣司法局",), ()) == "縣司法局牽頭"
    assert cell((), ("縣司法局",)) == "縣司法局負責"
    assert cell((), ("縣司法局", "縣財政局")) == "縣司法局、縣財政局按照職責分工負責"
    assert cell((), ("各鄉(鎮、街道)",)) == "各鄉(鎮、街道)按照職責分工負責"
    assert cell(("縣司法局",), ("縣財政局",)) == "縣司法局牽頭，縣財政局負責"


def test_report_sentence_without_a_phrase_or_addressees() -> None:
    import datetime as dt

    report = Milestone("report", dt.date(2021, 12, 10), "將落實情況報市政府辦公室。")
    assert report_sentence(report, ()) == "請各單位於2021年12月10日前將落實情況報市政府辦公室。"


def test_a_plan_without_basis_issues_it_plainly(workspace: Path) -> None:
    plan = workspace / "plan" / "2020.yaml"
    text = plan.read_text(encoding="utf-8")
    start = text.index("  basis:")
    plan.write_text(text[:start] + text[text.index("  addressees:") :], encoding="utf-8")
    body = api.plan_render(root=workspace).view["body"]
    assert body[0] == (
        "現將《師宗縣貫徹落實2020年曲靖市政務公開要點分解落實方案》印發給你們，"
        "請結合實際認真貫徹執行。"
    )


def test_markdown_and_html_lay_out_the_view(notice: api.PlanNotice) -> None:
    md = notice.render(DocFormat.md).decode("utf-8")
    assert md.startswith("# 師宗縣人民政府辦公室關於印發")
    assert '<p align="right">師宗縣人民政府辦公室<br>2020年9月15日</p>\n\n（此件公開發布）' in md
    assert (
        "| 工作任務 | 具體要求 | 責任單位 |\n|---|---|---|\n| 一、進一步拓展主動公開深度和廣度 | | |"
        in md
    )
    assert md.count("\n| ") == 1 + 4 + 15  # the header, a row per section and per task
    html = notice.render(DocFormat.html).decode("utf-8")
    assert '<html lang="zh-Hant">' in html
    assert '<th colspan="3" style="text-align: left">四、進一步夯實政務公開保障基礎</th>' in html
    assert '<tr id="task-4.3"><td>3.提高人員素質</td>' in html
    assert "<td>縣政府辦公室負責</td></tr>" in html


def test_the_same_plan_gives_the_same_bytes(notice: api.PlanNotice, word: bytes) -> None:
    again = api.plan_render(root=REPO)
    for fmt in DocFormat:
        assert again.render(fmt) == (word if fmt is DocFormat.docx else notice.render(fmt))


# ---- the Word document ---------------------------------------------------------------


def paragraphs(data: bytes) -> list[tuple[str, str]]:
    document = docx.Document(io.BytesIO(data))
    return [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]


def test_word_has_the_notice_in_order(word: bytes) -> None:
    assert paragraphs(word) == [
        ("Title", "師宗縣人民政府辦公室關於印發師宗縣貫徹落實2020年曲靖市政務公開要點分解落實方案的通知"),
        ("Normal", "各鄉(鎮)人民政府、街道辦事處，縣直各單位："),
        ("Normal", api.plan_render(root=REPO).view["body"][0]),
        ("Normal", "請各鄉(鎮)人民政府、街道辦事處、縣直各單位於2020年11月30日前將貫徹落實情況報政府辦公室政務信息股。"),
        ("Signature Issuer", "師宗縣人民政府辦公室"),
        ("Signature Date", "2020年9月15日"),
        ("Normal", "（此件公開發布）"),
        ("Title", "師宗縣貫徹落實2020年曲靖市政務公開要點分解落實方案"),
    ]  # fmt: skip


def test_word_has_the_official_form(word: bytes) -> None:
    document = docx.Document(io.BytesIO(word))
    styles = document.styles
    assert styles["Title"].element.rPr.rFonts.get(f"{W}eastAsia") == "方正小标宋简体"
    assert styles["Normal"].element.rPr.rFonts.get(f"{W}eastAsia") == "仿宋_GB2312"
    section = document.sections[0]
    assert round(section.top_margin / 36000) == 37 and round(section.left_margin / 36000) == 28
    with zipfile.ZipFile(io.BytesIO(word)) as archive:
        names = archive.namelist()
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert sum(bool(re.fullmatch(r"word/footer\d+\.xml", n)) for n in names) == 2  # — 1 —
    assert "<dc:title>師宗縣人民政府辦公室關於印發" in core
    assert "<dc:creator>師宗縣人民政府辦公室</dc:creator>" in core
    # 主送 flush left (頂格); the plan starts on a page of its own.
    by_text = {p.text: p for p in document.paragraphs}
    assert (
        by_text["各鄉(鎮)人民政府、街道辦事處，縣直各單位："].paragraph_format.first_line_indent
        == 0
    )
    assert by_text[
        "師宗縣貫徹落實2020年曲靖市政務公開要點分解落實方案"
    ].paragraph_format.page_break_before
    # The 落款 placed as in every gd document: the issuer two characters in from the right,
    # the date below it, starting two characters right of the issuer's start.
    issuer = by_text["師宗縣人民政府辦公室"].paragraph_format.right_indent.twips
    date = by_text["2020年9月15日"].paragraph_format.right_indent.twips
    assert issuer == 2 * 16 * 20 and 2 * 16 * 20 <= date < 3 * 16 * 20


def test_word_table_repeats_its_header_and_keeps_rows_whole(word: bytes) -> None:
    (table,) = docx.Document(io.BytesIO(word)).tables
    rows = table.rows
    assert [c.text for c in rows[0].cells] == ["工作任務", "具體要求", "責任單位"]
    assert len(rows) == 1 + 4 + 15
    assert rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    assert all(r._tr.trPr.find(f"{W}tblHeader") is None for r in rows[1:])
    assert all(r._tr.trPr.find(f"{W}cantSplit") is not None for r in rows)
    # A section's heading is one cell across the table, kept with the task below it.
    heading = rows[1]._tr.tc_lst
    assert len(heading) == 1 and heading[0].tcPr.find(f"{W}gridSpan").get(f"{W}val") == "3"
    assert rows[1].cells[0].paragraphs[0].paragraph_format.keep_with_next
    assert [c.text for c in rows[-1].cells] == [
        "3.提高人員素質",
        "組織年內開展政府信息與政務公開培訓不少於1次,培訓要明確目的,增強培訓的針對性、系統性,"
        "科學設置培訓課程,合理優化培訓內容,提升培訓效果。",
        "縣政府辦公室負責",
    ]
    grid = [int(c.get(f"{W}w")) for c in table._tbl.tblGrid.findall(f"{W}gridCol")]
    assert abs(sum(grid) - TEXT_WIDTH) <= 2 and grid[1] > grid[2] > grid[0]


# ---- one script --------------------------------------------------------------------


@pytest.mark.parametrize("fmt", list(DocFormat), ids=str)
def test_simplified_notice_has_no_traditional_character(fmt: DocFormat) -> None:
    notice = api.plan_render(root=REPO, script="simplified")
    assert notice.script is Script.simplified
    data = notice.render(fmt)
    text = docx_text(data) if fmt is DocFormat.docx else data.decode("utf-8")
    assert other_script(text, Script.simplified) == []
    assert "师宗县人民政府办公室关于印发" in text and "（此件公开发布）" in text


@pytest.mark.parametrize("fmt", list(DocFormat), ids=str)
def test_traditional_notice_is_wholly_traditional(fmt: DocFormat) -> None:
    """The bundled plan keeps simplified characters the notice came with (并, 于, 規范);
    its traditional notice writes them as traditional, like every document of gd."""
    notice = api.plan_render(root=REPO)
    assert notice.script is Script.traditional
    data = notice.render(fmt)
    text = docx_text(data) if fmt is DocFormat.docx else data.decode("utf-8")
    assert other_script(text, Script.traditional) == []
    assert "更新完善權責清單並按要求公開" in text and "不少於1次" in text
    assert "印發給你們" in text and "（此件公開發布）" in text and "具體要求" in text
    assert notice.warnings == []  # and it reads back as the plan (in its script)


def test_the_document_says_its_language(workspace: Path) -> None:
    for script, html, word in (("simplified", "zh-Hans", "zh-CN"), ("traditional", "zh-Hant", "zh-TW")):  # fmt: skip
        notice = api.plan_render(root=workspace, script=script)
        assert f'<html lang="{html}">' in notice.render(DocFormat.html).decode("utf-8")
        with zipfile.ZipFile(io.BytesIO(notice.render(DocFormat.docx))) as archive:
            assert (
                f"<dc:language>{word}</dc:language>" in archive.read("docProps/core.xml").decode()
            )


def test_the_workspace_setting_chooses_the_script(workspace: Path) -> None:
    (workspace / "plan" / "workspace.yaml").write_text("script: simplified\n", encoding="utf-8")
    assert (
        api.plan_render(root=workspace)
        .render(DocFormat.md)
        .decode()
        .startswith("# 师宗县人民政府办公室关于印发")
    )
    assert api.plan_render(root=workspace, script="traditional").script is Script.traditional


def test_view_of_a_simplified_plan_is_its_own(tmp_path: Path) -> None:
    """The view holds the plan's words; the script only names the document's language."""
    loaded = load_plan(find_workspace(REPO), 2020)
    view = plan_notice(loaded.plan, loaded.units, Script.simplified)
    assert view["language"] == "zh-Hans" and view["plan_title"] == loaded.plan.notice.title
