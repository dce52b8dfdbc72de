"""progress.store.set_progress on the 2020 plan: what it writes, and what it leaves alone."""

from __future__ import annotations

import datetime as dt
import difflib
import textwrap
from pathlib import Path

import pytest
import yaml

from gov_disclosure.errors import GdError
from gov_disclosure.models import Evidence, Status
from gov_disclosure.plan.loading import LoadedPlan, load_plan
from gov_disclosure.progress.book import load_unit_file
from gov_disclosure.progress.store import Change, set_progress
from gov_disclosure.storage.workspace import find_workspace

TODAY = dt.date(2020, 11, 27)


@pytest.fixture
def loaded(workspace: Path) -> LoadedPlan:
    return load_plan(find_workspace(workspace), 2020)


def health_file(workspace: Path) -> Path:
    return workspace / "progress" / "2020" / "health.yaml"


def set_health(loaded: LoadedPlan, key: str, status: Status, day: dt.date, **more: object):  # type: ignore[no-untyped-def]
    unit = loaded.units.resolve("縣衛健局")
    return set_progress(loaded, unit, Change(key, status, day, **more), TODAY)  # type: ignore[arg-type]


def records(path: Path) -> list[dict[str, object]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["records"]


def changed_lines(before: str, after: str) -> tuple[list[int], list[int]]:
    """Line numbers (1-based) that differ: removed from ``before``, added in ``after``."""
    removed, added = [], []
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal":
            removed += range(a1 + 1, a2 + 1)
            added += range(b1 + 1, b2 + 1)
    return removed, added


HAND_WRITTEN = textwrap.dedent(
    """\
    # 縣衛健局 2020 — kept by hand and by gd
    unit: 縣衛健局
    year: 2020
    records:
      # 第一部分
      - task: "1.3"
        status: done     # 已上線
        date: 2020-10-15
        evidence:
          - ref: https://www.example.org/epidemic.html
            title: 疫情防控信息發布專欄
      - task: "2.1"
        status: in_progress
        date: 2020-10-09
        note: 目錄初稿已完成。
      # 上報
      - task: report
        status: not_started
        date: 2020-10-01
    """
)


# ---- creating ------------------------------------------------------------------------


def test_creates_the_file_with_the_record(loaded: LoadedPlan, workspace: Path) -> None:
    path = health_file(workspace)
    assert not path.exists()
    (written,) = set_health(
        loaded,
        "2.4",
        Status.done,
        dt.date(2020, 9, 18),
        evidence=(
            Evidence("https://example.org/a.html", "標準目錄"),
            Evidence("師衛健發〔2020〕1號"),
        ),
        note="已編制",
    )
    assert (written.path, written.created, written.changed) == (path, True, True)
    assert written.unit.name == "縣衛健局"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["unit"] == "縣衛健局" and data["year"] == 2020
    assert data["records"] == [
        {
            "task": "2.4",
            "status": "done",
            "date": dt.date(2020, 9, 18),
            "evidence": [
                {"ref": "https://example.org/a.html", "title": "標準目錄"},
                "師衛健發〔2020〕1號",
            ],
            "note": "已編制",
        }
    ]
    # What was written reads back as a valid file of the plan.
    progress, problems = load_unit_file(loaded, path)
    assert problems == [] and set(progress.records) == {"2.4"}
    # Lock and temporary files stay out of git.
    assert (workspace / "progress" / ".gitignore").exists()


def test_the_same_change_twice_writes_nothing(loaded: LoadedPlan, workspace: Path) -> None:
    set_health(loaded, "2.4", Status.done, dt.date(2020, 9, 18))
    path = health_file(workspace)
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    (written,) = set_health(loaded, "2.4", Status.done, dt.date(2020, 9, 18))
    assert (written.created, written.changed) == (False, False)
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime


def test_a_later_date_alone_keeps_the_date_of_the_change(
    loaded: LoadedPlan, workspace: Path
) -> None:
    """The date says when the status was reached: the same status again does not move it."""
    set_health(loaded, "2.4", Status.done, dt.date(2020, 9, 18))
    (written,) = set_health(loaded, "2.4", Status.done, dt.date(2020, 10, 1))
    assert not written.changed
    assert records(health_file(workspace))[0]["date"] == dt.date(2020, 9, 18)
    set_health(loaded, "2.4", Status.done, dt.date(2020, 10, 2), note="補充說明")
    assert records(health_file(workspace))[0]["date"] == dt.date(2020, 10, 2)


# ---- keeping what is there ---------------------------------------------------------------


def test_keeps_hand_written_comments(loaded: LoadedPlan, workspace: Path) -> None:
    path = health_file(workspace)
    path.parent.mkdir(parents=True)
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    set_health(loaded, "2.1", Status.done, dt.date(2020, 10, 20))
    set_health(loaded, "2.5", Status.in_progress, dt.date(2020, 10, 21))
    text = path.read_text(encoding="utf-8")
    for comment in ("# 縣衛健局 2020 — kept by hand and by gd", "  # 第一部分", "  # 上報"):
        assert comment + "\n" in text
    assert "status: done     # 已上線\n" in text


def test_changes_only_the_lines_of_the_record(loaded: LoadedPlan, workspace: Path) -> None:
    path = health_file(workspace)
    path.parent.mkdir(parents=True)
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    (written,) = set_health(loaded, "2.1", Status.done, dt.date(2020, 10, 20))
    assert (written.created, written.changed) == (False, True)
    after = path.read_text(encoding="utf-8")
    removed, added = changed_lines(HAND_WRITTEN, after)
    # 2.1's record is lines 12–15; its status and date changed, its note stayed.
    assert removed == [13, 14]
    assert added == [13, 14]
    assert after.splitlines()[12:14] == ["    status: done", "    date: 2020-10-20"]


def test_a_new_record_is_inserted_without_touching_the_others(
    loaded: LoadedPlan, workspace: Path
) -> None:
    path = health_file(workspace)
    path.parent.mkdir(parents=True)
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    set_health(loaded, "2.4", Status.done, dt.date(2020, 9, 18))
    after = path.read_text(encoding="utf-8")
    removed, added = changed_lines(HAND_WRITTEN, after)
    assert removed == []
    assert len(added) == 3 and added == list(range(added[0], added[0] + 3))
    assert [after.splitlines()[n - 1] for n in added] == [
        '  - task: "2.4"',
        "    status: done",
        "    date: 2020-09-18",
    ]
    assert [r["task"] for r in records(path)] == ["1.3", "2.1", "2.4", "report"]


def test_records_indented_otherwise_keep_their_indentation(
    loaded: LoadedPlan, workspace: Path
) -> None:
    path = health_file(workspace)
    path.parent.mkdir(parents=True)
    flush_left = HAND_WRITTEN.replace("\n  ", "\n")  # dashes at column 1
    path.write_text(flush_left, encoding="utf-8")
    set_health(loaded, "2.1", Status.done, dt.date(2020, 10, 20))
    set_health(loaded, "2.4", Status.done, dt.date(2020, 9, 18))
    after = path.read_text(encoding="utf-8")
    removed, added = changed_lines(flush_left, after)
    assert removed == [13, 14]  # 2.1's status and date
    assert after.splitlines()[12:14] == ["  status: done", "  date: 2020-10-20"]
    assert [after.splitlines()[n - 1] for n in added[2:]] == [
        '- task: "2.4"',
        "  status: done",
        "  date: 2020-09-18",
    ]
    assert [r["task"] for r in records(path)] == ["1.3", "2.1", "2.4", "report"]


# ---- order -------------------------------------------------------------------------------


def test_records_follow_plan_order_whatever_the_order_of_writing(
    loaded: LoadedPlan, workspace: Path
) -> None:
    for key in ["report", "2.5", "1.3", "2.1", "1.5"]:
        set_health(loaded, key, Status.in_progress, dt.date(2020, 10, 1))
    assert [r["task"] for r in records(health_file(workspace))] == [
        "1.3",
        "1.5",
        "2.1",
        "2.5",
        "report",
    ]


def test_same_records_give_the_same_bytes(loaded: LoadedPlan, workspace: Path) -> None:
    path = health_file(workspace)
    for key in ["1.3", "2.1", "report"]:
        set_health(loaded, key, Status.done, dt.date(2020, 10, 1))
    first = path.read_bytes()
    path.unlink()
    for key in ["report", "2.1", "1.3"]:
        set_health(loaded, key, Status.done, dt.date(2020, 10, 1))
    assert path.read_bytes() == first


# ---- groups --------------------------------------------------------------------------------


def test_a_group_writes_each_assigned_member(loaded: LoadedPlan, workspace: Path) -> None:
    group = loaded.units.resolve("各鄉(鎮、街道)")
    members = loaded.units.members(group)
    assert len(members) == 10
    written = set_progress(loaded, group, Change("2.4", Status.done, dt.date(2020, 9, 20)), TODAY)
    assert [w.unit for w in written] == members
    for w in written:
        assert w.created and w.path == workspace / "progress" / "2020" / f"{w.unit.id}.yaml"
        data = yaml.safe_load(w.path.read_text(encoding="utf-8"))
        assert data["unit"] == w.unit.name
        assert data["records"] == [{"task": "2.4", "status": "done", "date": dt.date(2020, 9, 20)}]


def test_a_group_writes_nothing_when_one_member_file_is_invalid(
    loaded: LoadedPlan, workspace: Path
) -> None:
    group = loaded.units.resolve("各鄉(鎮、街道)")
    folder = workspace / "progress" / "2020"
    folder.mkdir(parents=True)
    broken = folder / f"{loaded.units.members(group)[-1].id}.yaml"
    broken.write_text("unit: [\n", encoding="utf-8")
    with pytest.raises(GdError, match="not updating"):
        set_progress(loaded, group, Change("2.4", Status.done, dt.date(2020, 9, 20)), TODAY)
    assert sorted(p.name for p in folder.glob("*.yaml")) == [broken.name]


# ---- refused before anything is written ----------------------------------------------------


@pytest.mark.parametrize(
    ("key", "unit", "day", "message"),
    [
        ("9.9", "縣衛健局", dt.date(2020, 10, 1), "no task or milestone '9.9'"),
        ("3.2", "縣衛健局", dt.date(2020, 10, 1), "縣衛健局 is not assigned to 3.2"),
        ("2.4", "縣衛健局", dt.date(2019, 12, 31), "is outside 2020-01-01"),
        ("2.4", "縣衛健局", dt.date(2020, 11, 28), "is in the future (today is 2020-11-27)"),
    ],
)
def test_refusals_write_nothing(
    loaded: LoadedPlan, workspace: Path, key: str, unit: str, day: dt.date, message: str
) -> None:
    target = loaded.units.resolve(unit)
    with pytest.raises(GdError) as info:
        set_progress(loaded, target, Change(key, Status.done, day), TODAY)
    assert message in info.value.message
    assert not (workspace / "progress").exists()
