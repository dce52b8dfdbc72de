"""One count of a unit's tasks (``unit_tally``) everywhere, and deadlines that read right
once met: 按時完成 with its date, 逾期完成 with how late; never an overdue count beside 已完成."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, set_record
from gov_disclosure import api
from gov_disclosure.plan.loading import load_plan
from gov_disclosure.progress.book import load_book
from gov_disclosure.progress.deadlines import Flag, all_deadlines, standing_text
from gov_disclosure.progress.queries import unit_tally
from gov_disclosure.storage.workspace import find_workspace

NOV_30 = dt.date(2020, 11, 30)


@pytest.fixture
def example(workspace: Path) -> Path:
    shutil.copytree(REPO / "progress", workspace / "progress")
    return workspace


def test_progress_show_the_checklist_and_the_report_count_alike(example: Path) -> None:
    """縣政府辦公室 has 14 tasks (the report it owes is a milestone, not a task): 1/14 in the
    matrix, the checklist and the report alike (it used to be 1/15 beside 1/14)."""
    loaded = load_plan(find_workspace(example))
    book, _ = load_book(loaded, NOV_30)
    matrix = {r["unit"]: r for r in api.show_progress(root=example, today=NOV_30).matrix()["rows"]}
    report = api.report(root=example, as_of=NOV_30)
    shares = {u["unit"]: u for u in report.view["overview"]["by_unit"]}
    assert set(matrix) == set(shares)
    for name, row in matrix.items():
        unit = loaded.units.lookup(name)
        tally = unit_tally(loaded, book, unit)
        checklist = api.checklist(root=example, unit=name, today=NOV_30).view["counts"]
        assert (row["closed"], row["assigned"]) == (tally["closed"], tally["assigned"]), name
        assert (shares[name]["closed"], shares[name]["assigned"]) == (
            tally["closed"],
            tally["assigned"],
        )
        assert (checklist["closed"], checklist["tasks"]) == (tally["closed"], tally["assigned"])
    assert (matrix["縣政府辦公室"]["closed"], matrix["縣政府辦公室"]["assigned"]) == (1, 14)
    assert (matrix["縣衛健局"]["closed"], matrix["縣衛健局"]["assigned"]) == (2, 13)


def test_a_deadline_met_on_time_late_or_not_yet(gd, workspace: Path) -> None:
    # 2.4 is due 2020-09-20 for every unit of the task; 3.2 binds 縣融媒體中心 alone (年底前).
    set_record(gd, "2.4", "縣衛健局", "done", "2020-09-18", "--today", "2020-11-30")
    set_record(gd, "2.1", "縣衛健局", "done", "2020-10-03", "--today", "2020-11-30")
    set_record(gd, "2.2", "縣衛健局", "not_applicable", "2020-10-03", "--today", "2020-11-30")
    loaded = load_plan(find_workspace(workspace))
    book, _ = load_book(loaded, NOV_30)
    health = loaded.units.lookup("縣衛健局")
    dues = {d.key: d for d in all_deadlines(loaded, book, NOV_30, unit=health)}
    assert dues["2.4"].flag is Flag.done and standing_text(dues["2.4"]) == "按時完成（2020-09-18）"
    assert dues["2.1"].flag is Flag.done and standing_text(dues["2.1"]) == "逾期完成（晚 3 天）"
    assert standing_text(dues["2.2"]) == "不適用"
    assert dues["report"].flag is Flag.soon and standing_text(dues["report"]) == "今天到期"
    checklist = gd("checklist", "render", "-u", "縣衛健局", "--today", "2020-11-30").stdout
    rows = {
        line.split(" | ")[1].split()[0]: line
        for line in checklist.splitlines()
        if line.startswith("| 2020年")
    }
    assert rows["2.4"].endswith("| 按時完成（2020年9月18日） | 已完成 |")
    assert rows["2.1"].endswith("| 逾期完成（晚 3 天） | 已完成 |")
    assert not any(re.search(r"逾期 \d+ 天 \| 已完成", line) for line in checklist.splitlines())
    # The county as a whole: 2.4 is still open for the other units, so it is overdue.
    county = {d.key: d for d in all_deadlines(loaded, book, NOV_30)}
    assert county["2.4"].flag is Flag.overdue and standing_text(county["2.4"]) == "逾期 71 天"
