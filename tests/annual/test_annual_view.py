"""The view model: the format's merged cells as spans, every label the Word template names."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal

import pytest

from conftest import REPO
from gov_disclosure.annual.formats import F2019, F2021, Format
from gov_disclosure.annual.view import keyed, labels, table2, table3
from gov_disclosure.dates import chinese_date


@pytest.mark.parametrize(("fmt", "results"), [(F2019, 20), (F2021, 22)])
def test_table3_label_cells_span_as_the_format_has_them(fmt: Format, results: int) -> None:
    rows = table3(fmt, {})["rows"]
    heads = [[(h["text"], h["colspan"], h["rowspan"]) for h in r["heads"]] for r in rows]
    assert heads[0] == [("一、本年新收政府信息公开申请数量", 3, 1)]
    # 三、本年度办理结果 runs down every result row and （七）总计 (the published tables: 20 in 2019-60).
    assert heads[2] == [("三、本年度办理结果", 1, results), ("（一）予以公开", 2, 1)]
    assert heads[4] == [("（三）不予公开", 1, 8), ("1.属于国家秘密", 1, 1)]
    assert heads[5] == [("2.其他法律行政法规禁止公开", 1, 1)]
    assert heads[-2] == [("（七）总计", 2, 1)] and heads[-1] == [("四、结转下年度继续办理", 3, 1)]
    grid = sum(h["colspan"] * h["rowspan"] for r in rows for h in r["heads"])
    assert grid == 3 * len(rows)  # the three label columns are covered exactly once
    assert all(len(r["cells"]) == 7 for r in rows)


def test_table2_blocks_fill_the_grid() -> None:
    view = table2(F2019, {"procurement": {"projects": 6, "amount": 251000}})
    assert view["width"] == 4 and view["content"] == "信息内容"
    for block in view["blocks"]:
        assert 1 + sum(block["spans"]) == view["width"]
    procurement = view["blocks"][-1]
    assert procurement["spans"] == [1, 2] and procurement["rows"][0]["cells"] == ["6", "251000元"]
    fees_2021 = table2(F2021, {"fees": {"amount": Decimal("12.35")}})["blocks"][-1]
    assert fees_2021["spans"] == [3]


def test_dates_as_official_documents_write_them() -> None:
    import datetime as dt

    assert chinese_date(dt.date(2021, 1, 31)) == "2021年1月31日"
    assert chinese_date(dt.date(2021, 2, 20)) == "2021年2月20日"


@pytest.mark.parametrize("fmt", [F2019, F2021], ids=lambda f: f.id)
def test_every_tag_of_the_word_template_is_in_the_view(fmt: Format) -> None:
    xml = (
        zipfile.ZipFile(REPO / "templates" / f"annual-{fmt.id}.docx")
        .read("word/document.xml")
        .decode()
    )
    names = labels(fmt)
    cells = keyed(fmt, {"table2": {}, "table3": {}, "table4": {}})
    for tag in set(re.findall(r"\{\{ label\.(\w+) \}\}", xml)):
        assert tag in names, tag
    for table, row, column in set(re.findall(r"\{\{ (t[234])\.(\w+)\.(\w+) \}\}", xml)):
        assert column in cells[table][row], (table, row, column)
    assert len(re.findall(r"\{\{ t3\.", xml)) == 7 * len(fmt.table3_rows)
