"""Notices in Markdown (what `gd plan render` writes) and the notice's particulars around a
title: the 主送 line after the notice's number and title, a 落款 on one line broken by <br>,
a basis named without its number, a report that is 報送."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA, REPO
from gov_disclosure.documents.render import cell, md
from gov_disclosure.intake.draft import Draft
from gov_disclosure.intake.importer import import_notice
from gov_disclosure.intake.metadata import read_metadata
from gov_disclosure.intake.notice import split_text
from gov_disclosure.intake.units import UnitResolver
from gov_disclosure.plan.loading import load_registry
from gov_disclosure.storage.workspace import find_workspace

EXAMPLES = int(os.environ.get("GD_FUZZ_EXAMPLES", "200"))

NOTICE = """\
師政辦發〔2021〕7號

# 師宗縣人民政府辦公室關於印發師宗縣2021年政務公開工作要點的通知

各鄉(鎮)人民政府、街道辦事處，縣直各單位：

為貫徹落實好《曲靖市2021年政務公開工作要點》，現將《師宗縣2021年政務公開工作要點》印發給你們，請結合實際認真貫徹執行。

請各單位於2021年12月10日前將年度工作總結報送政府辦公室政務信息股。

<p align="right">師宗縣人民政府辦公室<br>2021年3月8日</p>

（此件公開發布）

# 師宗縣2021年政務公開工作要點

| 工作任務 | 具體要求 | 責任單位 |
|---|---|---|
| 一、加強平臺建設 | | |
| 1.規範政務新媒體\\_賬號 | 清理\\|整合7\\*24小時賬號&amp;欄目，於2021年6月底前完成。<br>每季度報送1次。 | 縣融媒體中心牽頭 |
"""


def read(text: str):  # type: ignore[no-untyped-def]
    return split_text(Path("notice.md"), text)


def test_a_markdown_notice_is_read_as_its_words() -> None:
    notice = read(NOTICE)
    assert [text for _, text in notice.paragraphs] == [
        "師政辦發〔2021〕7號",
        "師宗縣人民政府辦公室關於印發師宗縣2021年政務公開工作要點的通知",
        "各鄉(鎮)人民政府、街道辦事處，縣直各單位：",
        "為貫徹落實好《曲靖市2021年政務公開工作要點》，現將《師宗縣2021年政務公開工作要點》印發給你們，請結合實際認真貫徹執行。",
        "請各單位於2021年12月10日前將年度工作總結報送政府辦公室政務信息股。",
        "師宗縣人民政府辦公室",
        "2021年3月8日",
        "（此件公開發布）",
        "師宗縣2021年政務公開工作要點",
    ]  # fmt: skip
    # The delimiter row is no row; escapes and entities are undone, <br> is a line break.
    assert [row.cells for row in notice.rows] == [
        ["工作任務", "具體要求", "責任單位", ""],
        ["一、加強平臺建設", "", "", ""],
        ["1.規範政務新媒體_賬號", "清理|整合7*24小時賬號&欄目，於2021年6月底前完成。\n每季度報送1次。", "縣融媒體中心牽頭", ""],
    ]  # fmt: skip
    assert [row.line for row in notice.rows] == [17, 19, 20]


def test_a_markdown_notice_imports_with_its_particulars() -> None:
    index = load_registry(find_workspace(REPO))[0]
    draft = import_notice(read(NOTICE), index)
    assert (draft.year, draft.title, draft.issuer) == (
        2021,
        "師宗縣2021年政務公開工作要點",
        "師宗縣人民政府辦公室",
    )
    assert draft.issued == dt.date(2021, 3, 8) and draft.document_number == "師政辦發〔2021〕7號"
    assert draft.addressees == ["各鄉(鎮)人民政府、街道辦事處", "縣直各單位"]
    assert (draft.basis_title, draft.basis_number) == ("曲靖市2021年政務公開工作要點", None)
    assert draft.report is not None
    assert (draft.report.date, draft.report.what) == (dt.date(2021, 12, 10), "將年度工作總結報送政府辦公室政務信息股")  # fmt: skip
    assert draft.report_recipient == "政務信息股"
    (task,) = draft.tasks()
    assert (task.title, task.lead) == ("規範政務新媒體_賬號", ["縣融媒體中心"])
    assert [(d.date.isoformat(), d.phrase) for d in task.deadlines] == [
        ("2021-06-30", "2021年6月底前"),
        *((f"2021-{md}", "每季度") for md in ("03-31", "06-30", "09-30", "12-31")),
    ]


def test_plain_text_keeps_its_bars_and_backslashes() -> None:
    """Without a Markdown delimiter row a text is read as it was: | splits, \\ stays."""
    notice = read("一、甲\n1.任務 | 要求\\*號 | 縣司法局\n")
    assert [row.cells for row in notice.rows] == [["1.任務", "要求\\*號", "縣司法局"]]


def metadata(*lines: str) -> Draft:
    draft = Draft(2021)
    read_metadata(
        read("\n".join([*lines, "工作任務 | 具體要求"])), draft, UnitResolver(None, draft)
    )
    return draft


def test_addressees_after_the_notices_number_and_title_but_not_after_its_body() -> None:
    assert metadata("某政辦發〔2021〕1號", "關於印發某方案的通知", "各單位：").addressees == [
        "各單位"
    ]
    assert metadata("各鄉鎮，縣直各單位：", "正文。").addressees == ["各鄉鎮", "縣直各單位"]
    assert metadata("現將方案印發。", "現就有關事項通知如下：").addressees == []
    assert metadata("一", "二", "三", "各單位：").addressees == []


def test_a_basis_without_its_number_only_where_a_sentence_starts_with_it() -> None:
    draft = metadata("為貫徹落實好《某市要點》，現將方案印發給你們。")
    assert (draft.basis_title, draft.basis_number) == ("某市要點", None)
    draft = metadata("各單位要根據《中華人民共和國政府信息公開條例》，做好公開工作。")
    assert (draft.basis_title, draft.basis_number) == (None, None)
    draft = metadata(
        "根據《條例》，做好工作。", "為貫徹落實《某市要點》（某政發〔2021〕2號），現印發。"
    )
    assert (draft.basis_title, draft.basis_number) == ("某市要點", "某政發〔2021〕2號")


def test_the_issuer_is_the_line_before_the_date_however_lines_are_numbered() -> None:
    """A Markdown 落款 is one line: the issuer and the date share its number."""
    draft = Draft(2021)
    text = '<p align="right">某縣人民政府辦公室<br>2021年3月8日</p>\n| 工作任務 | 具體要求 |\n|---|---|\n'
    read_metadata(read(text), draft, UnitResolver(None, draft))
    assert (draft.issuer, draft.issued) == ("某縣人民政府辦公室", dt.date(2021, 3, 8))


#: Text a cell may hold: any printable character, line breaks inside; no leading or
#: trailing space (a cell is read stripped). The first character is Chinese, so a cell is
#: never a delimiter row's dashes.
CELL_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\x85"),
    max_size=40,
).map(lambda s: "甲" + s.strip())
LINES = st.lists(CELL_TEXT, min_size=1, max_size=3).map("\n".join)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=4), CELL_TEXT)
def test_markdown_cells_read_back_as_written(cells: list[str], paragraph: str) -> None:
    """What the renderer's ``cell`` and ``md`` filters write, the reader gives back."""
    text = f"# {md(paragraph)}\n\n| 甲 |\n|---|\n| " + " | ".join(cell(c) for c in cells) + " |\n"
    notice = read(text)
    assert [t for _, t in notice.paragraphs] == [paragraph.splitlines()[0].strip()]
    assert notice.rows[-1].cells[:-1] == [c.strip() for c in cells]


@pytest.mark.parametrize("line", ["|---|", "| --- | :---: | ---: |", "|:---|---:|"])
def test_delimiter_rows_are_no_rows(line: str) -> None:
    assert read(f"| 甲 | 乙 |\n{line}\n| 1 | 2 |\n").rows[1].cells == ["1", "2", ""]


def test_a_line_of_dashes_in_a_plain_notice_is_no_markdown() -> None:
    """The 2020 notice with a separator line: still its 16 rows, its damage as it is."""
    text = (DATA / "shizong-2020-notice.txt").read_text(encoding="utf-8")
    plain = read(text)
    marked = read(text.replace("發(fā)布)\n", "發(fā)布)\n------------\n", 1))
    assert [r.cells for r in marked.rows] == [r.cells for r in plain.rows]
    assert len(plain.rows) == 16 and "?;鶎舆\\轉" in marked.rows[1].cells[2]
