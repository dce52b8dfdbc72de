"""A real published report, re-entered, passes every check; any single changed cell fails.

Source: 2019年上海市人民政府办公厅政府信息公开工作年度报告, issued by 上海市人民政府办公厅
and published on 2020-01-31 on the 中国上海 portal (https://www.shanghai.gov.cn), in the
trial format 国办公开办函〔2019〕60号.  Read from the copy of the page that a public
GitHub repository embeds in a JavaScript data file (found with the `search` tool's
`code` corpus, file id 18090078150; the corpus does not name the repository).  Its
tables are in tests/data/annual/shanghai-gov-office-2019.yaml cell by cell, blanks
as blanks; its narrative's figures are re-entered in short sentences.

Two figures of the report's own text contradict its tables, and X3 finds both
(:func:`test_the_reports_own_text_contradicts_its_tables`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from annual_fixtures import SHANGHAI, cell_at, set_cell, shanghai

TEXT = SHANGHAI.read_text(encoding="utf-8")
COLUMNS = ["natural", "biz", "research", "ngo", "legal", "other_org", "total"]
T4 = ["upheld", "corrected", "other", "pending", "total"]
#: Rows of table 三 whose 总计 the report leaves blank (every result row): a changed cell
#: of one of them breaks only its column's T3-B, reported at 三（七）总计 of that column.
BLANK_TOTAL_ROWS = {
    "r3_1_open", "r3_2_partial", "r3_3_1", "r3_3_5", "r3_3_6", "r3_3_8",
    "r3_4_1", "r3_4_2", "r3_4_3", "r3_5_1", "r3_5_2",
}  # fmt: skip


def stated_cells() -> list[tuple[str, str, int]]:
    """Every cell of tables 三 and 四 the report states: (row, column, value)."""
    found = []
    for line in TEXT.splitlines():
        m = re.match(r"\s+(r\d\w*|review|suit_\w+):\s*\{(.*)\}", line)
        if not m:
            continue
        for column, value in re.findall(r"(\w+): (\d+)", m.group(2)):
            found.append((m.group(1), column, int(value)))
    return found


def test_the_fixture_holds_the_published_figures() -> None:
    cells = {(r, c): v for r, c, v in stated_cells()}
    # 一 859 received (821 natural persons), 二 18 carried in, （七） 805 concluded, 四 72 carried on.
    assert cells["r1_new", "total"] == 859 and cells["r1_new", "natural"] == 821
    assert cells["r2_carried_in", "total"] == 18
    assert cells["r3_7_total", "total"] == 805 and cells["r3_7_total", "natural"] == 767
    assert cells["r4_carried_out", "total"] == 72
    assert cells["review", "total"] == 7 and cells["suit_direct", "total"] == 9
    assert len(cells) == 41


def test_it_passes_every_check(gd, tmp_path: Path) -> None:
    root = tmp_path / "sh"
    shanghai(root)
    result = gd("annual", "check", "--year", "2019", root=root)
    assert result.exit_code == 0, result.stderr
    assert "2019 (2019-60): 1 report(s), 0 error(s)" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(("row", "column", "value"), stated_cells(), ids=lambda x: str(x))
def test_any_single_changed_cell_fails_at_that_cell(
    gd, tmp_path: Path, row: str, column: str, value: int
) -> None:
    root = tmp_path / "sh"
    path = shanghai(root)
    path.write_text(set_cell(TEXT, row, column, value + 1), encoding="utf-8")
    result = gd("annual", "check", "--year", "2019", root=root)
    assert result.exit_code == 1
    places = {tuple(map(int, m)) for m in re.findall(r"\.yaml:(\d+):(\d+): ", result.stderr)}
    line, col, _ = cell_at(TEXT, row, column)
    if row in BLANK_TOTAL_ROWS:
        # The row's 总计 is blank: only the column's sum can tell, at 三（七）总计.
        total_line, total_col, total = cell_at(TEXT, "r3_7_total", column)
        assert (total_line, total_col) in places
        assert f"but the result rows sum to {total + 1} (T3-B)" in result.stderr
    elif row in ("review", "suit_direct"):
        # One identity per block (T4), on the block's own line: reported at its 总计.
        assert line in {p[0] for p in places}
    else:
        # A row check and a column check both break, and they cross at the changed cell.
        assert (line, col) in places, result.stderr


def test_blank_cells_count_as_not_stated(gd, tmp_path: Path) -> None:
    """Filling a blank result cell of a column whose 三（七）总计 is blank cannot be told."""
    root = tmp_path / "sh"
    path = shanghai(root)
    path.write_text(set_cell(TEXT, "r3_1_open", "research", 1), encoding="utf-8")
    assert gd("annual", "check", "--year", "2019", root=root).exit_code == 0
    result = gd("annual", "check", "--year", "2019", "--strict", root=root)
    assert result.exit_code == 1
    assert "三（二）部分公开[科研机构] is empty (--strict" in result.stderr


def test_the_reports_own_text_contradicts_its_tables(gd, tmp_path: Path) -> None:
    """Two sentences of the published text, as published, against the published tables."""
    root = tmp_path / "sh"
    path = shanghai(root)
    published = "  予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%；因本机关不掌握等原因无法提供265件，占32.9%。\n"
    path.write_text(TEXT.replace("  不予公开35件，不予处理158件。\n", published), encoding="utf-8")
    result = gd("annual", "check", "--year", "2019", root=root)
    assert result.exit_code == 1
    # 258 is the 自然人 cell of （一） alone; the rows' cells sum to 272 + 3.
    assert (
        "the text says '予以公开及部分公开258件' but 三（一）予以公开+（二）部分公开[总计] is 275"
        in result.stderr
    )
    # 265 is the row 1.本机关不掌握 alone; （四）无法提供 sums to 265 + 47 + 25.
    assert "the text says '无法提供265件' but 三（四）无法提供[总计] is 337" in result.stderr
    line = next(n for n, t in enumerate(path.read_text("utf-8").splitlines(), 1) if "258件" in t)
    assert f"shanghai-gov-office.yaml:{line}:" in result.stderr


def test_it_renders_with_its_numbers(gd, tmp_path: Path) -> None:
    root = tmp_path / "sh"
    shanghai(root)
    result = gd(
        "annual",
        "render",
        "--unit",
        "上海市人民政府办公厅",
        "--year",
        "2019",
        "--script",
        "simplified",
        root=root,
    )
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "共受理政府信息公开申请859件" in text
    assert "2019年没有政务公开工作方案" in text  # no plan/2019.yaml in this workspace
    assert '<td class="num" colspan="2">251000元</td>' in text
