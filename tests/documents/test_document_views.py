"""The view models of rendered documents, built directly (not through the CLI) from the 2020 plan."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import REPO
from gov_disclosure.documents import views
from gov_disclosure.documents.view_models import ReportTask, ReportView
from gov_disclosure.history.log import NO_REVISION, Revision
from gov_disclosure.models import UNREPORTED, ProgressRecord, Status, Unit
from gov_disclosure.plan.assignments import Role
from gov_disclosure.plan.loading import LoadedPlan, load_plan
from gov_disclosure.progress.book import ProgressBook, UnitProgress, load_progress
from gov_disclosure.progress.deadlines import Flag
from gov_disclosure.storage.workspace import find_workspace

NOV_20 = dt.date(2020, 11, 20)
NOV_30 = dt.date(2020, 11, 30)


@pytest.fixture
def loaded(workspace: Path) -> LoadedPlan:
    """The 2020 plan, with no progress recorded."""
    return load_plan(find_workspace(workspace), 2020)


@pytest.fixture
def example(workspace: Path) -> tuple[LoadedPlan, ProgressBook]:
    """The 2020 plan with the example progress shipped in progress/2020."""
    shutil.copytree(REPO / "progress", workspace / "progress")
    loaded = load_plan(find_workspace(workspace), 2020)
    book, problems = load_progress(loaded)
    assert not [p for p in problems if p.severity == "error"]
    return loaded, book


def book_of(loaded: LoadedPlan, *records: tuple[str, str, Status]) -> ProgressBook:
    """A progress book from (unit name, task or milestone id, status) triples."""
    book = ProgressBook(loaded.year)
    for name, key, status in records:
        unit = loaded.units.lookup(name)
        progress = book.by_unit.setdefault(unit.id, UnitProgress(unit, Path("x")))
        progress.records[key] = ProgressRecord(key, status, dt.date(2020, 10, 1))
    return book


def health(loaded: LoadedPlan) -> Unit:
    return loaded.units.lookup("縣衛健局")


def task_view(view: ReportView, task_id: str) -> ReportTask:
    return next(t for s in view["sections"] for t in s["tasks"] if t["id"] == task_id)


# ---- a unit's checklist ------------------------------------------------------------------


def test_checklist_lists_the_units_tasks_and_roles(loaded: LoadedPlan) -> None:
    view = views.checklist(loaded, ProgressBook(2020), health(loaded), NOV_20)
    tasks = {t["id"]: t for t in view["tasks"]}
    # 縣衛健局 leads 1.3, 1.5 and 2.5, and reaches the others as one of 縣直有關部門.
    lead = [t for t in tasks.values() if t["role"] is Role.lead]
    assert [t["id"] for t in lead] == ["1.3", "1.5", "2.5"]
    assert {t["role_label"] for t in lead} == {"牽頭"}
    assert all(t["via"] is None for t in lead)
    members = [t for t in tasks.values() if t["role"] is Role.member]
    assert {t["role_label"] for t in members} == {"成員"}
    assert {t["via"] for t in members} == {"縣直有關部門"}
    # In plan order, and exactly the tasks the plan assigns to it.
    plan_ids = [t.id for t in loaded.plan.tasks()]
    assigned = [k for k in plan_ids if health(loaded).id in loaded.assignments[k]]
    assert list(tasks) == assigned
    assert view["counts"] == {"tasks": 13, "lead": 3, "responsible": 0, "member": 10, "closed": 0}
    # Lead units by the registry's names.
    assert tasks["1.3"]["lead"] == ["縣衛健局", "縣應急管理局"]
    assert tasks["2.5"]["lead"] == ["縣政府辦公室", "縣衛健局"]
    # One checkbox per sentence of the requirement, none ticked without progress.
    task_13 = loaded.tasks_by_id["1.3"]
    assert [s["text"] for s in tasks["1.3"]["sentences"]] == list(task_13.requirement)
    assert not any(s["checked"] for t in tasks.values() for s in t["sentences"])
    assert {t["status"] for t in tasks.values()} == {UNREPORTED}
    assert view["summary"] == "共 13 項任務（牽頭 3 項、成員 10 項），已完成 0 項。"


def test_checklist_header(loaded: LoadedPlan) -> None:
    view = views.checklist(loaded, ProgressBook(2020), health(loaded), NOV_20)
    assert view["kind"] == "checklist"
    assert view["revision"] == NO_REVISION  # outside git, unless told otherwise
    assert view["revision_note"] == ""  # and nothing to trace it by
    assert view["today"] == "2020年11月20日"  # documents write dates as GB/T 9704 does
    assert view["title"] == "縣衛健局任務清單"
    # The 落款: the plan's issuer, and the day the checklist describes.
    assert view["signature"] == {"issuer": "師宗縣人民政府辦公室", "date": "2020年11月20日"}
    assert view["unit"]["name"] == "縣衛健局" and view["unit"]["is_group"] is False
    assert view["plan"]["year"] == 2020
    assert view["plan"]["issued"] == "2020年9月15日"  # no padding: 9月, not 09月
    assert view["plan"]["report_deadline"] == "2020年11月30日"
    revision: Revision = {"id": "abc", "date": "2020-11-01", "dirty": True, "text": "數據版本 abc"}
    view = views.checklist(loaded, ProgressBook(2020), health(loaded), NOV_20, revision)
    assert view["revision"] == revision
    assert view["revision_note"] == "數據版本：abc（2020年11月1日提交），生成時另有未提交的修改。"


def test_checklist_ticks_done_tasks_only(example: tuple[LoadedPlan, ProgressBook]) -> None:
    loaded, book = example
    view = views.checklist(loaded, book, health(loaded), NOV_20)
    tasks = {t["id"]: t for t in view["tasks"]}
    assert tasks["1.3"]["status"] is Status.done and tasks["1.3"]["status_label"] == "已完成"
    assert all(s["checked"] for s in tasks["1.3"]["sentences"])
    assert tasks["2.1"]["status"] is Status.in_progress
    assert not any(s["checked"] for s in tasks["2.1"]["sentences"])
    assert view["counts"]["closed"] == 2  # 1.3 and 2.4
    assert view["summary"].endswith("已完成 2 項。")


def test_checklist_deadlines(example: tuple[LoadedPlan, ProgressBook]) -> None:
    loaded, book = example
    view = views.checklist(loaded, book.as_of(NOV_20), health(loaded), NOV_20)
    deadlines = view["deadlines"]
    assert [d["date"] for d in deadlines] == [
        "2020年9月20日", "2020年9月30日", "2020年11月30日", "2020年12月31日", "2020年12月31日"
    ]  # fmt: skip
    by_task = {d["task"]: d for d in deadlines}
    # 2.1 (by 2020-09-30) is still in progress: overdue.
    assert by_task["2.1"]["flag"] is Flag.overdue and by_task["2.1"]["flag_label"] == "逾期"
    assert by_task["2.1"]["standing"] == "逾期 51 天"
    assert by_task["2.1"]["label"].startswith("2.1 ")
    # 2.4 (by 2020-09-20) was done on 2020-09-18: on time, and never "overdue" beside done.
    assert by_task["2.4"]["flag"] is Flag.done
    assert by_task["2.4"]["standing"] == "按時完成（2020年9月18日）"
    assert by_task["2.4"]["date"] == "2020年9月20日"
    # The report (milestone) is due 2020-11-30; the record of 11-26 had not happened yet.
    report = by_task[None]
    assert report["date"] == "2020年11月30日" and report["standing"] == "剩餘 10 天"
    assert report["flag"] is Flag.soon
    assert [m["date"] for m in view["milestones"]] == ["2020年11月30日"]
    # A task's own deadlines are listed under it.
    tasks = {t["id"]: t for t in view["tasks"]}
    assert [d["date"] for d in tasks["2.1"]["deadlines"]] == ["2020年9月30日"]
    assert tasks["1.3"]["deadlines"] == []


def test_checklist_of_a_group(loaded: LoadedPlan) -> None:
    group = loaded.units.lookup("縣直有關部門")
    view = views.checklist(loaded, ProgressBook(2020), group, NOV_20)
    assert view["unit"]["is_group"] is True
    assert view["tasks"], "the group is named by tasks"
    # A group keeps no records itself.
    assert {t["status"] for t in view["tasks"]} == {UNREPORTED}
    assert {t["status_label"] for t in view["tasks"]} == {"未報告"}


# ---- the implementation report ------------------------------------------------------------


def test_report_overview_adds_up(loaded: LoadedPlan) -> None:
    view = views.report(loaded, ProgressBook(2020), NOV_30)
    overview = view["overview"]
    pairs = sum(len(assigned) for assigned in loaded.assignments.values())
    assert overview["assignments"] == pairs == 274
    assert sum(s["count"] for s in overview["by_status"]) == overview["assignments"]
    assert [s["label"] for s in overview["by_status"]] == [
        "已完成",
        "推進中",
        "未開始",
        "不適用",
        "未報告",
    ]
    assert overview["by_status"][-1]["count"] == 274 and overview["by_status"][-1]["percent"] == 100
    assert overview["tasks"] == len(loaded.plan.tasks()) == 15
    assert sum(s["count"] for s in overview["task_status"]) == overview["tasks"]
    assert overview["closed"] == 0 and overview["percent"] == 0
    assert overview["units"] == len(overview["by_unit"]) == 24
    assert sum(u["assigned"] for u in overview["by_unit"]) == pairs
    assert sum(s["assigned"] for s in overview["by_section"]) == pairs
    assert view["issues"]["not_started"] == []
    assert len(view["issues"]["silent_units"]) == 24  # nobody has reported


def test_report_with_example_progress(example: tuple[LoadedPlan, ProgressBook]) -> None:
    loaded, book = example
    view = views.report(loaded, book.as_of(NOV_30), NOV_30)
    overview = view["overview"]
    counts = {s["status"]: s["count"] for s in overview["by_status"]}
    assert sum(counts.values()) == overview["assignments"] == 274
    # Closed: done or not applicable.
    assert overview["closed"] == counts[Status.done] + counts[Status.not_applicable]
    assert overview["percent"] == round(100 * overview["closed"] / 274)
    for section in view["sections"]:
        assert section["closed"] == sum(t["closed"] for t in section["tasks"])
        assert section["assigned"] == sum(t["assigned"] for t in section["tasks"])
        assert section["percent"] == round(100 * section["closed"] / section["assigned"])
        for task in section["tasks"]:
            assert task["assigned"] == len(task["units"])
            closed = [
                r for r in task["units"] if r["status"] in (Status.done, Status.not_applicable)
            ]
            assert task["closed"] == len(closed)
            assert task["percent"] == round(100 * task["closed"] / task["assigned"])
    shares = {u["unit"]: u for u in overview["by_unit"]}
    assert shares["縣衛健局"] == {"unit": "縣衛健局", "assigned": 13, "closed": 2, "percent": 15}
    # 縣政府辦公室 has not started 4.3; the others it has are under way.
    assert view["issues"]["not_started"] == [
        {"task": "4.3", "title": "提高人員素質", "units": ["縣政府辦公室"]}
    ]
    assert task_view(view, "4.3")["status"] is Status.not_started
    silent = view["issues"]["silent_units"]
    assert "縣衛健局" not in silent and "縣司法局" in silent
    assert len(silent) == 24 - 5  # five units have progress files
    # 2.1 was due by 2020-09-30: only 丹鳳街道 has finished it (縣衛健局 is still at work).
    overdue = {d["task"]: d for d in view["issues"]["overdue"]}
    assert overdue["2.1"]["date"] == "2020年9月30日" and overdue["2.1"]["flag"] is Flag.overdue
    assert overdue["2.1"]["open_units"] == ["縣直有關部門（14個）", "各鄉(鎮、街道)（除丹鳳街道）"]


def test_report_task_status_and_percentages(loaded: LoadedPlan) -> None:
    media = "縣融媒體中心"
    book = book_of(
        loaded,
        (media, "3.2", Status.done),  # 3.2 is 縣融媒體中心's alone
        (media, "3.1", Status.not_applicable),
        ("縣衛健局", "1.3", Status.done),
        ("縣應急管理局", "1.3", Status.not_started),
    )
    view = views.report(loaded, book, NOV_30)
    task_32 = task_view(view, "3.2")
    assert task_32["status"] is Status.done and task_32["status_label"] == "已完成"
    assert (task_32["closed"], task_32["assigned"], task_32["percent"]) == (1, 1, 100)
    # Not applicable counts as closed.
    task_31 = task_view(view, "3.1")
    assert task_31["closed"] == 1 and task_31["status"] is Status.in_progress
    # Somebody has finished 1.3: the task is under way, not "not started".
    task_13 = task_view(view, "1.3")
    assert task_13["status"] is Status.in_progress and task_13["closed"] == 1
    rows = {r["unit"]: r for r in task_13["units"]}
    assert rows["縣衛健局"]["role_label"] == "牽頭" and rows["縣衛健局"]["closed"] is True
    assert rows["縣應急管理局"]["status_label"] == "未開始"
    assert task_view(view, "4.3")["status"] == UNREPORTED
    section_3 = next(s for s in view["sections"] if s["number"] == 3)
    assert section_3["numeral"] == "三"
    assert (section_3["closed"], section_3["assigned"]) == (2, 25)
    assert section_3["percent"] == 8
    task_status = {s["status"]: s["count"] for s in view["overview"]["task_status"]}
    assert task_status == {
        Status.done: 1,
        Status.in_progress: 2,
        Status.not_started: 0,
        UNREPORTED: 12,
    }
    assert view["overview"]["closed"] == 3


def test_report_milestone(example: tuple[LoadedPlan, ProgressBook]) -> None:
    loaded, book = example
    view = views.report(loaded, book, NOV_30)
    (milestone,) = view["milestones"]
    assert milestone["id"] == "report" and milestone["date"] == "2020年11月30日"
    assert milestone["what"] == loaded.plan.milestones[0].what
    # Due from every unit with a task in the plan.
    assert [r["unit"] for r in milestone["units"]] == [
        u["unit"] for u in view["overview"]["by_unit"]
    ]
    rows = {r["unit"]: r for r in milestone["units"]}
    assert rows["縣衛健局"]["status"] is Status.done and rows["縣衛健局"]["closed"] is True
    assert rows["縣司法局"]["status"] == UNREPORTED and rows["縣司法局"]["closed"] is False


def test_report_title_and_author(loaded: LoadedPlan) -> None:
    view = views.report(loaded, ProgressBook(2020), NOV_30)
    assert view["kind"] == "report"
    assert view["title"] == loaded.plan.notice.title + "落實情況報告"
    assert view["author"] == loaded.plan.notice.issuer
    assert view["signature"] == {"issuer": "師宗縣人民政府辦公室", "date": "2020年11月30日"}
    assert view["unit"] is None and view["adjustments"] is None
    assert view["revision"] == NO_REVISION
    assert view["narrative"] == {"overview": None, "problems": [], "next_steps": []}
    unit_view = views.report(loaded, ProgressBook(2020), NOV_30, unit=health(loaded))
    # The unit's name replaces the county's in front of the plan's title.
    assert unit_view["title"] == "縣衛健局貫徹落實2020年曲靖市政務公開要點分解落實方案落實情況報告"
    # A unit signs its own report by its full name.
    assert unit_view["author"] == "縣衛生健康局" and unit_view["unit"] == {"name": "縣衛健局"}
    assert unit_view["signature"]["issuer"] == "縣衛生健康局"


def test_unit_report_covers_the_unit_only(example: tuple[LoadedPlan, ProgressBook]) -> None:
    loaded, book = example
    view = views.report(loaded, book, NOV_30, unit=health(loaded))
    units = {r["unit"] for s in view["sections"] for t in s["tasks"] for r in t["units"]}
    assert units == {"縣衛健局"}
    assert view["overview"]["assignments"] == 13
    assert [u["unit"] for u in view["overview"]["by_unit"]] == ["縣衛健局"]
    assert [r["unit"] for r in view["milestones"][0]["units"]] == ["縣衛健局"]
    assert view["issues"]["silent_units"] == []
