"""gd rollover: next year's draft plan from this year's."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import REPO
from gov_disclosure.plan.loading import load_plan
from gov_disclosure.progress.rollover import moved
from gov_disclosure.storage.workspace import find_workspace


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """The bundled workspace with its example progress records."""
    for folder in ("plan", "progress"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    return tmp_path


def test_moved_keeps_the_day() -> None:
    assert moved(dt.date(2020, 9, 20), 1) == dt.date(2021, 9, 20)
    assert moved(dt.date(2020, 2, 29), 1) == dt.date(2021, 2, 28)


def test_rollover_2021(gd, bundled: Path) -> None:
    result = gd("rollover", "2021", root=bundled)
    assert result.exit_code == 0, result.stderr
    path = bundled / "plan" / "2021.yaml"
    text = path.read_text(encoding="utf-8")
    plan = load_plan(find_workspace(bundled), 2021).plan  # it validates
    old = load_plan(find_workspace(bundled), 2020).plan
    assert [t.id for t in plan.tasks()] == [t.id for t in old.tasks()]
    assert plan.notice.title == old.notice.title.replace("2020", "2021")
    # 2.4 (「9月20日前」) moves to 20 September 2021; the report to 30 November 2021.
    task_24 = next(t for t in plan.tasks() if t.id == "2.4")
    assert [d.date for d in task_24.deadlines] == [dt.date(2021, 9, 20)]
    assert plan.milestones[0].date == dt.date(2021, 11, 30)
    # Each task says whether it was finished, and by whom not: the example records finish
    # 2.4 for 縣政府辦公室, 縣衛健局 and 丹鳳街道 only.
    marker_24 = text.split('id: "2.4"')[0].rsplit("# 2020年：", 1)[1].split("\n", 1)[0]
    assert (
        marker_24
        == "未完成（縣直有關部門（除縣政府辦公室、縣衛健局）、各鄉(鎮、街道)（除丹鳳街道））"
    )
    assert text.count("# 2020年：") == 15
    # The notice's date is marked for the office to fill in.
    issued_line = next(line for line in text.splitlines() if "issued:" in line)
    assert "to fill in: the day the 2021 notice is issued" in issued_line
    # Comments written by hand in the 2020 plan are carried.
    assert "Repaired" in text
    # Progress is not carried.
    assert not (bundled / "progress" / "2021").exists()


def test_rollover_never_overwrites(gd, bundled: Path) -> None:
    assert gd("rollover", "2021", root=bundled).exit_code == 0
    path = bundled / "plan" / "2021.yaml"
    before = path.read_bytes()
    again = gd("rollover", "2021", root=bundled)
    assert again.exit_code == 2 and "--force" in again.stderr
    assert path.read_bytes() == before


def test_rollover_can_drop_deadlines(gd, bundled: Path) -> None:
    assert gd("rollover", "2021", "--drop-deadlines", root=bundled).exit_code == 0
    plan = load_plan(find_workspace(bundled), 2021).plan
    assert all(not t.deadlines for t in plan.tasks())
    assert plan.milestones  # the report is not a task deadline: it moves
