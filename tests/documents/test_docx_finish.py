"""The official form applied as a document is rendered, whatever its template."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import docx

from conftest import REPO
from gov_disclosure import api
from gov_disclosure.documents.docx_finish import ems, fit_widths
from gov_disclosure.documents.render import DocFormat

PT = 10.5  # 五號
EM = PT * 20  # twips


def test_ems_count_chinese_as_one_and_digits_as_half() -> None:
    assert ems("縣衛健局") == 4
    assert ems("2020") == 2
    # Word and WPS put a little space where Chinese meets digits: 2020 年 9 月 18 日.
    assert 6.5 < ems("2020年9月18日") <= 8


def test_names_and_dates_are_never_broken_where_the_page_allows() -> None:
    columns = [
        ["單位", "縣政府辦公室", "市生態環境局師宗分局"],
        ["角色", "牽頭", "成員"],
        ["日期", "2020年10月15日", ""],
        ["備註", "疫情信息每日發布，輿情回應機制已建立。" * 3, ""],
    ]
    widths = fit_widths(columns, 8844, PT)
    assert sum(widths) == 8844
    assert widths[0] >= 10 * EM  # the longest name on one line
    assert widths[2] >= ems("2020年10月15日") * EM
    assert widths[1] < widths[0] / 2  # a narrow column for a short word
    assert widths[3] == max(widths)  # the long text takes what is left


def test_a_narrow_table_fills_the_text_block_in_proportion() -> None:
    widths = fit_widths([["狀態", "已完成"], ["任務分工（項）", "274"], ["佔比", "2%"]], 8844, PT)
    assert sum(widths) == 8844 and widths[1] > widths[0] > widths[2]


def test_a_table_too_wide_for_the_page_shares_it() -> None:
    names = [["市生態環境局師宗分局"] for _ in range(8)]
    widths = fit_widths(names, 8844, PT)
    assert sum(widths) == 8844 and max(widths) - min(widths) <= 1


def test_a_workspace_template_from_word_gets_the_official_form(tmp_path: Path) -> None:
    """A template saved by Word (here python-docx's default: theme fonts, en-US/ja-JP, the
    author python-docx) still gives a document with no theme font, the document's language,
    its title and issuer, and tables that repeat their header row."""
    root = tmp_path / "ws"
    shutil.copytree(REPO / "plan", root / "plan")
    (root / "templates").mkdir()
    template = docx.Document()
    template.add_paragraph("{{ title }}", style="Title")
    table = template.add_table(rows=4, cols=2)
    for i, (a, b) in enumerate(
        [("部分", "完成率"), ("{%tr for s in overview.by_section %}", ""),
         ("{{ s.title }}", "{{ s.percent }}%"), ("{%tr endfor %}", "")]
    ):  # fmt: skip
        table.rows[i].cells[0].text, table.rows[i].cells[1].text = a, b
    template.save(str(root / "templates" / "report.docx"))
    data = api.report(root=root, as_of=dt.date(2020, 11, 30), script="simplified").render(
        DocFormat.docx
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = {n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")}
    assert "eastAsiaTheme" in docx.Document().styles.element.xml  # it had theme fonts
    assert not any("eastAsiaTheme" in v for v in xml.values())
    assert (
        'w:eastAsia="zh-CN"' in xml["word/styles.xml"] and "ja-JP" not in xml["word/settings.xml"]
    )
    rendered = docx.Document(io.BytesIO(data))
    assert rendered.core_properties.author == "师宗县人民政府办公室"
    assert rendered.core_properties.title.startswith("师宗县贯彻落实")
    assert rendered.core_properties.comments == ""
    rows = rendered.tables[0].rows
    assert len(rows) == 1 + 4  # the header and the four sections
    assert rows[0]._tr.trPr.xml.count("tblHeader") == 1
    assert [r.cells[0].text for r in rows[1:3]] == [
        "进一步拓展主动公开深度和广度",
        "进一步健全政务公开制度机制",
    ]
