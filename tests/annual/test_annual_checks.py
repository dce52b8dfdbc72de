"""The identities of tables 三 and 四, where a broken one is reported, X1 and the register."""

from __future__ import annotations

from pathlib import Path

import pytest
from annual_fixtures import GOOD, annual_workspace, cell_at, load, messages, write

from gov_disclosure.annual.checks import check_report
from gov_disclosure.annual.collect import check_year
from gov_disclosure.plan.loading import load_registry
from gov_disclosure.storage.workspace import Workspace


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return annual_workspace(tmp_path / "an")


def test_a_consistent_report_passes(root: Path) -> None:
    assert check_report(load(root, GOOD)) == []


def test_t3a_the_official_identity(root: Path) -> None:
    """一 + 二 = 三（七）总计 + 四 per column, whatever the other identities say."""
    text = GOOD.replace(
        "r4_carried_out: {natural: 1, total: 1}", "r4_carried_out: {natural: 2, total: 2}"
    )
    found = messages(check_report(load(root, text)))
    line, col, _ = cell_at(text, "r3_7_total", "natural")
    assert f"{line}:{col}: 一+二[自然人] = 8 but 三（七）总计+四 = 9 (T3-A)" in found
    assert any("一+二[总计] = 10 but 三（七）总计+四 = 11 (T3-A)" in m for m in found)
    assert len(found) == 2


def test_t3b_the_result_rows(root: Path) -> None:
    text = GOOD.replace(
        "r3_4_1:         {natural: 2, biz: 1, total: 3}",
        "r3_4_1:         {natural: 3, biz: 1, total: 4}",
    )
    found = messages(check_report(load(root, text)))
    line, col, _ = cell_at(text, "r3_7_total", "natural")
    total_col = cell_at(text, "r3_7_total", "total")[1]
    assert found == [
        f"{line}:{col}: 三（七）总计[自然人] is 7 but the result rows sum to 8 (T3-B)",
        f"{line}:{total_col}: 三（七）总计[总计] is 9 but the result rows sum to 10 (T3-B)",
    ]


def test_empty_addends_count_as_zero(root: Path) -> None:
    """An identity with its total and some addend stated is checked, the others as 0."""
    text = GOOD.replace("r3_5_2:         {natural: 1, total: 1}", "r3_5_2:         {natural: 1}")
    found = messages(check_report(load(root, text)))
    assert [m.split(": ", 1)[1] for m in found] == [
        "三（七）总计[总计] is 9 but the result rows sum to 8 (T3-B)"
    ]


@pytest.mark.parametrize(
    ("row", "cells", "at", "expected"),
    [
        (
            "r3_1_open",
            "{natural: 4, biz: 1, total: 6}",
            "total",
            # Its row (T3-C) and the 总计 column (T3-B) both break, and cross at the changed cell.
            [
                "三（七）总计[总计] is 9 but the result rows sum to 10 (T3-B)",
                "三（一）予以公开[总计] is 6 but the six applicant columns sum to 5 (T3-C)",
            ],
        ),
        (
            "review",
            "{upheld: 1, pending: 1, total: 3}",
            "total",
            ["行政复议[总计] is 3 but 结果维持+结果纠正+其他结果+尚未审结 = 2 (T4)"],
        ),
    ],
    ids=["T3-C", "T4"],
)
def test_a_row_and_its_total(
    root: Path, row: str, cells: str, at: str, expected: list[str]
) -> None:
    line = next(x for x in GOOD.splitlines() if x.lstrip().startswith(f"{row}:"))
    text = GOOD.replace(line, line.split("{")[0] + cells)
    found = messages(check_report(load(root, text)))
    number, col, _ = cell_at(text, row, at)
    assert found == [f"{number}:{col}: {message}" for message in expected]


def test_empty_cells_are_not_stated(root: Path) -> None:
    """No identity is checked when its total is empty or when every addend is."""
    text = "unit: 县卫健局\nyear: 2020\ntable3:\n  r1_new: {total: 4}\n  r3_1_open: {natural: 9}\n  r4_carried_out: {natural: 3}\n"
    assert check_report(load(root, text)) == []
    strict = check_report(load(root, text), strict=True)
    assert len([p for p in strict if "is empty (--strict" in p.message]) == 22 + 23 * 7 - 3 + 15
    assert any("一、总体情况: the text is not written (--strict)" in p.message for p in strict)


def test_x1_against_last_years_report(root: Path) -> None:
    write(
        root,
        2019,
        "health",
        "unit: 县卫健局\nyear: 2019\ntable3:\n  r4_carried_out: {natural: 2, total: 2}\n",
    )
    write(root, 2020, "health", GOOD)
    ws = Workspace(root)
    units, _ = load_registry(ws)
    problems = check_year(ws, units, 2020).problems
    line, col, _ = cell_at(GOOD, "r2_carried_in", "natural")
    assert messages(problems) == [
        f"{line}:{col}: 二、上年结转[自然人] is 1 but last year's 四、结转下年度继续办理[自然人] is 2 (health.yaml:4) (X1)",
        f"{line}:{cell_at(GOOD, 'r2_carried_in', 'total')[1]}: 二、上年结转[总计] is 1 but last year's 四、结转下年度继续办理[总计] is 2 (health.yaml:4) (X1)",
    ]


def test_overview_length_in_2021(root: Path) -> None:
    text = "unit: 县卫健局\nyear: 2021\noverview: " + "字" * 1001 + "\n"
    found = check_report(load(root, text, 2021))
    assert [p.severity for p in found] == ["warning"]
    assert (
        "一、总体情况 has 1001 characters; 国办公开办函〔2021〕30号 asks for no more than 1000"
        in found[0].message
    )
