"""The county's report (X4): every unit's tables summed cell by cell, who is left out named."""

from __future__ import annotations

from pathlib import Path

import pytest
from annual_fixtures import annual_workspace, write

from gov_disclosure.annual.collect import check_year
from gov_disclosure.annual.county import compile_county
from gov_disclosure.plan.loading import load_registry
from gov_disclosure.storage.workspace import Workspace

HEALTH = """\
unit: 县卫健局
year: 2020
table2:
  procurement: {projects: 2, amount: 1000.5}
table3:
  r1_new:     {natural: 3, biz: 1, total: 4}
  r3_1_open:  {natural: 3, biz: 1}
  r3_7_total: {natural: 3, biz: 1, total: 4}
table4:
  review: {upheld: 1, total: 1}
"""
#: States only totals, as many small units do.
XIONGBI = """\
unit: 雄壁镇
year: 2020
table2:
  procurement: {projects: 1, amount: 99.5}
table3:
  r1_new:     {total: 2}
  r3_1_open:  {total: 2}
  r3_7_total: {total: 2}
"""
BROKEN = "unit: 县司法局\nyear: 2020\ntable3:\n  r1_new: {natural: 1, total: 2}\n"


@pytest.fixture
def county(tmp_path: Path):  # type: ignore[no-untyped-def]
    root = annual_workspace(tmp_path / "an")
    write(root, 2020, "health", HEALTH)
    write(root, 2020, "xiongbi", XIONGBI)
    write(root, 2020, "justice", BROKEN)
    ws = Workspace(root)
    units, _ = load_registry(ws)
    return compile_county(check_year(ws, units, 2020), units)


def test_cells_are_summed(county) -> None:  # type: ignore[no-untyped-def]
    t3 = county.tables["table3"]
    assert t3["r1_new"] == {
        "natural": 3, "biz": 1, "research": None, "ngo": None, "legal": None, "other_org": None, "total": 6,
    }  # fmt: skip
    # 卫健局 left 三（一）'s 总计 empty: completed from its columns before summing.
    assert t3["r3_1_open"]["total"] == 6 and t3["r3_7_total"]["total"] == 6
    assert t3["r3_6"]["total"] is None  # nobody states it: not a silent 0
    assert county.tables["table4"]["review"]["total"] == 1
    assert str(county.tables["table2"]["procurement"]["amount"]) == "1100.0"
    assert county.tables["table2"]["procurement"]["projects"] == 3


def test_who_is_left_out_is_named(county) -> None:  # type: ignore[no-untyped-def]
    assert [r.unit.name for r in county.counted] == ["縣衛健局", "雄壁鎮"]
    assert county.failing == ["縣司法局"]
    assert "縣政府辦公室" in county.missing and "縣司法局" not in county.missing
    assert "縣衛健局" not in county.missing and len(county.missing) == 22 - 3


def test_the_sums_note_what_units_left_empty(county) -> None:  # type: ignore[no-untyped-def]
    # 雄壁镇 states no applicant column: the county's columns cannot add up to its totals.
    assert "一、本年新收[总计] is 6 but the six applicant columns sum to 4 (T3-C)" in county.notes


def test_the_county_report_renders(gd, tmp_path: Path) -> None:
    root = annual_workspace(tmp_path / "an")
    write(root, 2020, "health", HEALTH)
    write(root, 2020, "justice", BROKEN)
    result = gd(
        "annual", "render", "--county", "--year", "2020", "--script", "simplified", root=root
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# 师宗县2020年政府信息公开工作年度报告")
    assert "未报送年度报告、未计入汇总的单位（20个）：县政府办公室、" in result.stdout
    assert "年度报告未通过核对、未计入汇总的单位（1个）：县司法局。" in result.stdout
    assert "warning: fails a check, not counted: 縣司法局" in result.stderr
    assert "warning: no 2020 report, not counted: 縣政府辦公室、" in result.stderr
