"""The row classifier of `gd import` (intake/rows.py): what each kind of table row is read as."""

from __future__ import annotations

import pytest

from gov_disclosure.intake import rows
from gov_disclosure.intake.notice import Row
from gov_disclosure.intake.rows import DEFAULT_ROLES, ClassifiedRow, Heading, RowKind, classify_row

FOUR = {0: "task", 1: "requirement", 2: "lead", 3: "responsible"}  # a header row named them
WORD = {1: "task", 2: "requirement", 3: "responsible"}  # a Word table: column 0 unnamed
NUMBERED = {0: "number", 1: "task", 2: "requirement"}


def kind(cells: list[str], roles: dict[int, str] = DEFAULT_ROLES, after_task: bool = False):
    return classify_row(cells, roles, after_task).kind


@pytest.mark.parametrize("cells", [[], [""], ["", " ", "　"], ["", ""]])
def test_blank_rows(cells: list[str]) -> None:
    assert classify_row(cells, FOUR, after_task=True) == ClassifiedRow(RowKind.BLANK)


def test_a_section_heading_alone_on_its_row() -> None:
    row = classify_row(["一、围绕优化营商环境加强公开"], FOUR, after_task=True)
    assert row == ClassifiedRow(RowKind.SECTION, (Heading(1, "围绕优化营商环境加强公开"),))
    # one merged cell, repeated once per column; pinyin annotations cleaned away
    row = classify_row(["十二、政務(wù)公開"] * 4, FOUR, after_task=False)
    assert row.kind is RowKind.SECTION and row.sections == (Heading(12, "政務公開"),)


def test_a_sub_section_heading_alone_on_its_row() -> None:
    row = classify_row(["（一）推进决策公开", "", ""], FOUR, after_task=True)
    assert row == ClassifiedRow(RowKind.SUBSECTION, subsection="（一）推进决策公开")


def test_a_task_row() -> None:
    row = classify_row(
        ["1.做好预公开", "各单位要公布目录。", "市司法局", "市直各单位"], FOUR, False
    )
    assert row.kind is RowKind.TASK and row.sections == () and row.subsection is None
    assert row.values == {
        "task": "1.做好预公开",
        "requirement": "各单位要公布目录。",
        "lead": "市司法局",
        "responsible": "市直各单位",
    }
    assert row.value("deadline") == ""
    # a task cell alone on its row is a task, also after another task
    assert kind(["做好公开工作"], FOUR, after_task=True) is RowKind.TASK
    assert kind(["一是加强公开"]) is RowKind.TASK  # 一是 numbers a task, not a section


def test_a_continuation_row_and_a_row_with_only_a_requirement() -> None:
    cells = ["", "更多要求。", "縣政府辦"]
    row = classify_row(cells, DEFAULT_ROLES, after_task=True)
    assert row.kind is RowKind.CONTINUATION
    assert row.values == {"task": "", "requirement": "更多要求。", "responsible": "縣政府辦"}
    # with no task above, a requirement starts a task of its own
    assert kind(cells, after_task=False) is RowKind.TASK
    assert kind(["", "", "縣政府辦"], after_task=True) is RowKind.CONTINUATION


def test_a_row_with_nothing_the_import_takes() -> None:
    row = classify_row(["5", "", ""], NUMBERED, after_task=False)
    assert row.kind is RowKind.IGNORED and row.value("number") == "5"
    assert kind(["", "", "縣政府辦"], after_task=False) is RowKind.IGNORED


def test_sections_and_sub_sections_in_cells_before_the_task() -> None:
    # the 2020 layout: more cells than the header has columns
    row = classify_row(
        ["一、拓展公開", "1.圍繞六穩", "要求。", "縣直有關部門", ""], DEFAULT_ROLES, True
    )
    assert row.kind is RowKind.TASK and row.sections == (Heading(1, "拓展公開"),)
    assert row.value("task") == "1.圍繞六穩" and row.value("responsible") == "縣直有關部門"
    row = classify_row(["一、甲", "（二）乙", "2.丙", "要求。", "縣財政局"], DEFAULT_ROLES, True)
    assert row.sections == (Heading(1, "甲"),) and row.subsection == "（二）乙"
    assert row.value("task") == "2.丙"
    # no more cells than columns: the section-like cell is the task
    row = classify_row(["一、甲", "要求。", "縣財政局"], DEFAULT_ROLES, False)
    assert row.kind is RowKind.TASK and row.sections == () and row.value("task") == "一、甲"


def test_a_word_table_keeps_the_section_in_its_unnamed_first_column() -> None:
    row = classify_row(["二、健全制度", "1.全清單化", "要求。", "各鄉(鎮、街道)"], WORD, False)
    assert row.kind is RowKind.TASK and row.sections == (Heading(2, "健全制度"),)
    assert row.values == {
        "task": "1.全清單化",
        "requirement": "要求。",
        "responsible": "各鄉(鎮、街道)",
    }
    row = classify_row(["", "2.建立制度", "要求。", "縣政府辦公室"], WORD, True)
    assert row.kind is RowKind.TASK and row.sections == ()


def test_header_rows_and_column_roles() -> None:
    assert rows.column_roles(["工作任务", "工作要求", "牵头单位", "责任单位"]) == FOUR
    assert rows.column_roles(["序號", "重點任務", "牽頭單位", "配合單位", "完成時限", "工作內容"]) == {
        0: "number", 1: "task", 2: "lead", 3: "responsible", 4: "deadline", 5: "requirement",
    }  # fmt: skip
    assert rows.column_roles(["參與單位牽頭", "牽頭/配合", "任務"]) == {
        0: "lead", 1: "responsible", 2: "task",
    }  # fmt: skip
    assert rows.column_roles(["序号", "工作任务"]) is None  # one content column is not a header
    assert (
        rows.column_roles(["1.做好重大决策预公开工作任务", "具体要求"]) is None
    )  # too long for one
    table = [Row(["通知"], 1), Row(["工作任務", "具體要求", "責任單位", ""], 2), Row(["x"], 3)]
    assert rows.find_header(table) == ({0: "task", 1: "requirement", 2: "responsible"}, table[2:])
    assert rows.find_header(table[2:]) is None


def test_own_number_and_title_of_a_task_cell() -> None:
    assert [rows.own_number(t) for t in ["1.做好", "（12）做好", "3、做好", "三是做好", "做好", ""]] == [
        1, 12, 3, 3, None, None,
    ]  # fmt: skip
    assert rows.task_title("2.加强政策解读。") == "加强政策解读"
