"""The pieces of `gd import` one module at a time: intake/draft, text, units, metadata, damage,
the importer's walk over the rows and the draft's YAML writers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import DATA, REPO
from gov_disclosure.intake.damage import rare_runs, report_damage
from gov_disclosure.intake.draft import Draft, DraftDeadline, DraftSection, DraftTask, DraftWarning
from gov_disclosure.intake.draftyaml import to_yaml
from gov_disclosure.intake.importer import import_notice
from gov_disclosure.intake.metadata import guess_year, read_metadata, warn_missing
from gov_disclosure.intake.notice import split_text
from gov_disclosure.intake.text import clean, key
from gov_disclosure.intake.units import UnitResolver, named_units, split_units
from gov_disclosure.plan.loading import load_registry
from gov_disclosure.plan.units import UnitIndex
from gov_disclosure.storage.workspace import find_workspace


@pytest.fixture(scope="module")
def index() -> UnitIndex:
    return load_registry(find_workspace(REPO))[0]


def notice(text: str):
    return split_text(Path("notice.txt"), text)


def test_draft_tasks_and_warnings() -> None:
    draft = Draft(2020)
    draft.sections = [DraftSection(1, "甲", [DraftTask(1, "a", 5)]), DraftSection(2, "乙")]
    draft.sections[1].tasks.append(DraftTask(3, "b", 9, requirement=["一。", "二"]))
    assert [t.title for t in draft.tasks()] == ["a", "b"] and draft.tasks()[1].text == "一。二"
    draft.warn(9, "check it")
    assert draft.warnings == [DraftWarning(9, "check it")]
    assert (draft.warnings[0].line, draft.warnings[0].message) == (9, "check it")


def test_text_clean_and_key() -> None:
    assert clean("  政務(wù)公開 ") == "政務公開"
    assert clean("各鄉(鎮、街道)") == "各鄉(鎮、街道)"  # real parentheses stay
    assert key("牽頭 單位") == "牵头单位" and key("ＡＢ") == "AB"


def test_units_split_named_and_resolved(index: UnitIndex) -> None:
    assert split_units("由縣財政局、縣教體局等") == ["縣財政局", "縣教體局"]
    assert split_units("各鄉(鎮、街道)；縣直有關部門") == ["各鄉(鎮、街道)", "縣直有關部門"]
    assert named_units("縣融媒體中心要於年底前完成", None) == ["縣融媒體中心"]
    assert named_units("县融媒体中心要于年底前完成", index) == ["縣融媒體中心"]
    draft = Draft(2020)
    resolver = UnitResolver(index, draft)
    assert resolver.name("縣政府辦", 3) == "縣政府辦公室"  # a registry alias
    assert resolver.name("縣某某局", 4) == "縣某某局"
    assert resolver.name("县某某局", 7) == "縣某某局"  # the same unknown unit, once
    assert draft.unknown_units == {"縣某某局": 4}


def test_metadata_of_the_2020_notice(index: UnitIndex) -> None:
    text = notice((DATA / "shizong-2020-notice.txt").read_text(encoding="utf-8"))
    assert guess_year(text) == 2020
    draft = Draft(2020)
    read_metadata(text, draft, UnitResolver(index, draft))
    assert draft.title == "師宗縣貫徹落實2020年曲靖市政務公開要點分解落實方案"
    assert (draft.issuer, draft.issued) == ("師宗縣人民政府辦公室", dt.date(2020, 9, 15))
    assert draft.addressees == ["各鄉(鎮)人民政府、街道辦事處", "縣直各單位"]  # pinyin gone
    assert draft.basis_number == "曲政辦發〔2020〕49號" and draft.document_number is None
    assert draft.report is not None and draft.report.date == dt.date(2020, 11, 30)
    assert draft.report_recipient == "政務信息股"  # the registry name of 政府辦公室政務信息股
    warn_missing(draft)
    assert draft.warnings == []


def test_metadata_of_a_notice_without_particulars() -> None:
    text = notice("師政辦發〔2021〕7號\n請認真落實。\n任務 | 要求\n")
    assert guess_year(text) == dt.date.today().year
    draft = Draft(2021)
    read_metadata(text, draft, UnitResolver(None, draft))
    assert draft.document_number == "師政辦發〔2021〕7號"
    assert (draft.title, draft.issued, draft.issuer, draft.report) == (None, None, None, None)
    assert draft.addressees == [] and draft.basis_title is None
    warn_missing(draft)
    assert [w.message[:14] for w in draft.warnings] == ["no issue date ", "no title found"]


def test_damage_is_reported_by_line() -> None:
    # 政务公开 written in UTF-8 and read as GBK
    assert rare_runs("鏀垮姟鍏寮宸ヤ綔") == ["姟鍏"]
    assert rare_runs("政務公開") == []
    draft = Draft(2020)
    report_damage(notice("通知\n鏀垮姟鍏 | 要求\n任務 | 保\ufffd民生\n"), draft)
    assert [w.line for w in draft.warnings] == [2, 3]
    assert "'姟鍏' (characters rare" in draft.warnings[0].message
    assert "U+FFFD" in draft.warnings[1].message


TABLE = """\
任务 | 要求 | 责任单位
（一）先有分项
1.甲 | 做好甲。 | 县财政局
二、第二部分 | 1.乙 | 做好乙。 | 县财政局
二、第二部分 | 2.丙 | 做好丙。 | 县财政局
| | 还有丙。 | 县教体局
二、第二部分
3.丁 | 做好丁。 | 县财政局
"""


def test_the_walk_over_the_rows_opens_sections_as_the_notice_does() -> None:
    draft = import_notice(notice(TABLE), None, 2020)
    # before any heading, one section titled after the notice, keeping the sub-section
    # seen before it; a heading repeated in leading cells opens a section once it changes;
    # a heading on its own row opens a new one (even with the same number)
    assert [(s.number, s.title, [t.title for t in s.tasks]) for s in draft.sections] == [
        (1, "工作任務", ["甲"]),
        (2, "第二部分", ["乙", "丙"]),
        (2, "第二部分", ["丁"]),
    ]
    tasks = draft.tasks()
    assert tasks[0].subsection == "（一）先有分项" and tasks[1].subsection is None
    assert tasks[2].requirement == ["做好丙。", "还有丙。"]  # a continuation row
    assert tasks[2].responsible == ["县财政局", "县教体局"]


def test_yaml_writers() -> None:
    draft = Draft(
        2020, title="方案", document_number="師政辦發〔2020〕1號", addressees=["甲", "乙"]
    )
    task = DraftTask(2, "做好", 7, subsection="（一）分项", requirement=["一。"], lead=["縣財政局"])
    task.deadlines.append(DraftDeadline(dt.date(2020, 3, 31), "每季度", "公開", ["甲"], "週期性"))
    draft.sections.append(DraftSection(1, "部分", [task]))
    draft.warn(7, "check it")
    lines = to_yaml(draft, "n.txt").splitlines()
    assert lines[4:11] == [
        "notice:",
        "  title: 方案",
        "  issuer: （請填寫發文機關）",
        "  # WARNING: no issue date found in the notice",
        "  issued: 2020-01-01",
        "  document_number: 師政辦發〔2020〕1號",
        "  addressees: [甲, 乙]",
    ]
    assert lines[11:] == [
        "sections:",
        "  - number: 1",
        "    title: 部分",
        "    tasks:",
        '      - id: "1.2"',
        "        # WARNING: check it",
        "        # 所屬：（一）分项",
        "        title: 做好",
        "        requirement:",
        "          - 一。",
        "        lead: [縣財政局]",
        "        responsible: []",
        "        deadlines:",
        "          - date: 2020-03-31",
        "            # 週期性",
        "            phrase: 每季度",
        "            what: 公開",
        "            units: [甲]",
    ]
