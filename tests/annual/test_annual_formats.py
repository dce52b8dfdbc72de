"""The two formats hold the official texts' labels, in the official order."""

from __future__ import annotations

import re

import pytest
from annual_fixtures import in_order

from conftest import DATA
from gov_disclosure.annual.formats import (
    F2019,
    F2021,
    SECTIONS,
    T3_COLUMNS,
    T3_HEADER_NOTE,
    T4_BLOCKS,
    T4_COLUMNS,
    CellKind,
    Format,
    format_by_id,
    format_for_year,
)


def official(name: str) -> str:
    """An official text (tests/data, copied from shared/source) with its spaces removed:
    the archive it comes from ran the template's table cells together."""
    return re.sub(r"\s+", "", (DATA / name).read_text(encoding="utf-8"))


def template(name: str) -> str:
    text = official(name)
    return text[text.index("附件：") :]


@pytest.mark.parametrize(
    ("fmt", "source"),
    [(F2019, "annual-report-format-2019-60.txt"), (F2021, "annual-report-format-2021-30.txt")],
)
def test_table3_rows_are_the_official_labels_in_order(fmt: Format, source: str) -> None:
    text = template(source)
    in_order(text, [T3_HEADER_NOTE, *(row.label for row in fmt.table3_rows)])


@pytest.mark.parametrize(
    ("fmt", "source"),
    [(F2019, "annual-report-format-2019-60.txt"), (F2021, "annual-report-format-2021-30.txt")],
)
def test_table2_items_rows_and_columns_are_official(fmt: Format, source: str) -> None:
    text = template(source)
    labels = []
    for block in fmt.table2:
        labels += [block.item, "信息内容", *(c.label for c in block.columns)]
        labels += [r.label for r in block.rows]
    in_order(text, labels)


def test_the_sections_and_table4_are_official() -> None:
    text = template("annual-report-format-2019-60.txt")
    headings = [label for _, label in SECTIONS]
    in_order(text, headings)
    in_order(text, ["行政复议", "行政诉讼", *(c.label for c in T4_COLUMNS)])
    assert [b.label for b in T4_BLOCKS] == ["行政复议", "未经复议直接起诉", "复议后起诉"]
    in_order(
        text,
        ["申请人情况", "自然人", "法人或其他组织", "总计", *(c.label for c in T3_COLUMNS[1:6])],
    )


def test_the_reference_keys() -> None:
    """Keys of tables 三 and 四 as the reference's §6 lists them."""
    assert [c.key for c in T3_COLUMNS] == [
        "natural",
        "biz",
        "research",
        "ngo",
        "legal",
        "other_org",
        "total",
    ]
    assert [c.key for c in T4_COLUMNS] == ["upheld", "corrected", "other", "pending", "total"]
    keys = [r.key for r in F2019.table3_rows]
    assert keys[:4] == ["r1_new", "r2_carried_in", "r3_1_open", "r3_2_partial"]
    assert keys[-3:] == ["r3_6", "r3_7_total", "r4_carried_out"]
    assert [r.key for r in F2021.table3_rows][-5:-2] == ["r3_6_1", "r3_6_2", "r3_6_3"]
    # （三）不予公开 has 8 sub-rows, （四） 3, （五） 5; no subtotal row anywhere.
    groups = [r.group for r in F2021.table3_rows if r.group]
    assert groups.count("（三）不予公开") == 8 and groups.count("（四）无法提供") == 3
    assert groups.count("（五）不予处理") == 5 and groups.count("（六）其他处理") == 3


def test_what_changed_in_2021() -> None:
    """国办公开办函〔2021〕30号 against the trial format (reference §1.3)."""
    items_2019 = [b.item for b in F2019.table2]
    items_2021 = [b.item for b in F2021.table2]
    assert "第二十条第（九）项" in items_2019 and "第二十条第（九）项" not in items_2021
    assert F2019.table2[0].rows[1].label == "规范性文件"
    assert F2021.table2[0].rows[1].label == "行政规范性文件"
    fee_2021 = F2021.table2[-1].columns[0]
    assert fee_2021.label == "本年收费金额（单位：万元）" and fee_2021.unit == "万元"
    assert fee_2021.kind is CellKind.amount
    assert [c.kind for c in F2019.table2[1].columns] == [
        CellKind.whole,
        CellKind.signed,
        CellKind.whole,
    ]
    assert F2021.overview_limit == 1000 and F2019.overview_limit is None


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2018, None), (2019, F2019), (2020, F2019), (2021, F2021), (2035, F2021)],
)
def test_the_format_follows_the_year(year: int, expected: Format | None) -> None:
    assert format_for_year(year) is expected


def test_formats_by_id() -> None:
    assert format_by_id("2019-60") is F2019 and format_by_id("2021-30") is F2021
    assert format_by_id("2020") is None
