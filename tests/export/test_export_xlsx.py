"""`gd export --format xlsx`: the sheets, their form, one script, the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from export_fixtures import copy_workspace
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from gov_disclosure import api
from gov_disclosure.export.xlsx import MAX_WIDTH, MIN_WIDTH
from gov_disclosure.textnorm import is_traditional

LATER = dt.date(2021, 6, 1)


def export(root: Path, name: str = "plan.xlsx", **options: object) -> Path:
    out = root / name
    api.export(output=out, format="xlsx", root=root, today=LATER, **options)  # type: ignore[arg-type]
    return out


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(copy_workspace(tmp_path_factory.mktemp("xlsx") / "ws"))


@pytest.fixture(scope="module")
def book(exported: Path) -> Workbook:
    return load_workbook(exported)


def values(book: Workbook, sheet: str) -> list[list[object]]:
    return [list(r) for r in book[sheet].iter_rows(values_only=True)]


def test_one_sheet_each_in_the_workspace_script(book: Workbook) -> None:
    assert book.sheetnames == ["任務", "單位", "期限", "進展", "狀態矩陣"]
    tasks = values(book, "任務")
    assert tasks[0][:6] == ["編號", "部分", "工作任務", "牽頭單位", "負責單位", "具體要求"]
    assert len(tasks) == 1 + 15
    row = next(r for r in tasks if r[0] == "1.3")
    assert row[3] == "縣衛健局、縣應急管理局" and row[6:] == [14, 1]
    assert len(values(book, "單位")) == 1 + 27 and len(values(book, "進展")) == 1 + 11


def test_headers_are_bold_frozen_and_filtered(book: Workbook) -> None:
    for ws in book.worksheets:
        assert all(cell.font.bold for cell in ws[1]), ws.title
        assert ws.freeze_panes == ("B2" if ws.title == "狀態矩陣" else "A2")
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
        assert ws.print_title_rows == "$1:$1"


def test_columns_fit_their_content(book: Workbook) -> None:
    for ws in book.worksheets:
        widths = [ws.column_dimensions[c.column_letter].width for c in ws[1]]
        assert all(MIN_WIDTH <= w <= MAX_WIDTH for w in widths), ws.title
    tasks = book["任務"]
    assert tasks.column_dimensions["A"].width < tasks.column_dimensions["C"].width
    requirement = tasks["F2"]
    assert requirement.alignment.wrap_text and "\n" in requirement.value
    assert tasks.row_dimensions[2].height > 15  # room for the wrapped sentences


def test_dates_are_date_cells(book: Workbook) -> None:
    deadlines = book["期限"]
    assert [c.value for c in deadlines[1]][:2] == ["日期", "編號"]
    first = deadlines["A2"]
    assert first.is_date and first.value == dt.datetime(2020, 9, 20)
    assert first.number_format == "yyyy-mm-dd"
    assert deadlines["B2"].value == "2.4" and deadlines["H2"].value == "未完成"
    progress = book["進展"]
    dates = [r[4] for r in values(book, "進展")[1:]]
    assert all(isinstance(d, dt.datetime) for d in dates)
    assert progress["E2"].number_format == "yyyy-mm-dd"


def test_the_matrix_has_a_row_per_unit_and_totals(book: Workbook) -> None:
    matrix = values(book, "狀態矩陣")
    header = matrix[0]
    assert (
        header[0] == "單位" and header[1] == "1.1" and header[-3:] == ["report", "已完成", "應完成"]
    )
    health = next(r for r in matrix if r[0] == "縣衛健局")
    assert health[header.index("1.3")] == "已完成"
    assert health[header.index("2.1")] == "推進中"
    assert health[header.index("3.2")] is None  # not its task
    assert health[-2:] == [2, 13]
    closed, assigned = matrix[-2], matrix[-1]
    assert closed[0] == "已完成的單位數" and closed[header.index("2.4")] == 3
    assert assigned[0] == "應報的單位數" and assigned[header.index("2.4")] == 24


def test_same_inputs_same_bytes(tmp_path: Path, exported: Path) -> None:
    again = export(copy_workspace(tmp_path / "ws"))
    assert again.read_bytes() == exported.read_bytes()
    archive = zipfile.ZipFile(io.BytesIO(exported.read_bytes()))
    assert {i.date_time for i in archive.infolist()} == {(2020, 11, 26, 0, 0, 0)}
    props = load_workbook(exported).properties
    assert props.created == props.modified == dt.datetime(2020, 11, 26)
    assert props.creator == "師宗縣人民政府辦公室" and props.language == "zh-TW"


def test_a_simplified_workspace_gives_a_simplified_workbook(tmp_path: Path) -> None:
    book = load_workbook(export(copy_workspace(tmp_path / "ws", script="simplified")))
    assert book.sheetnames == ["任务", "单位", "期限", "进展", "状态矩阵"]
    texts = [
        v for ws in book.worksheets for r in ws.iter_rows(values_only=True) for v in r
        if isinstance(v, str)
    ]  # fmt: skip
    assert "县卫健局、县应急管理局" in texts
    assert [t for t in texts if is_traditional(t)] == []
    assert not is_traditional(book.properties.title or "") and book.properties.language == "zh-CN"


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    root = copy_workspace(tmp_path / "ws")
    path = root / "progress" / "2020" / "health.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "note: 目錄初稿已完成，正在審核。", 'note: \'=HYPERLINK("http://example.org","x")\''
    )
    path.write_text(text, encoding="utf-8")
    out = export(root)
    sheets = zipfile.ZipFile(out)
    xml = "".join(sheets.read(n).decode() for n in sheets.namelist() if "worksheets/" in n)
    assert "<f>" not in xml
    notes = [r[6] for r in values(load_workbook(out), "進展")]
    assert '=HYPERLINK("http://example.org","x")' in notes
