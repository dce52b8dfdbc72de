"""`due_record`: a deadline as plain data, exactly what `gd due --format json` prints."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from conftest import REPO
from gov_disclosure.plan.loading import load_plan
from gov_disclosure.progress.book import load_progress
from gov_disclosure.progress.deadlines import Flag, all_deadlines, due_record
from gov_disclosure.storage.workspace import find_workspace

KEYS = [
    "date", "task", "milestone", "request", "title", "what", "phrase",
    "units", "open_units", "days_left", "days", "flag", "standing",
]  # fmt: skip


def test_due_record_of_a_task_and_of_a_milestone(workspace: Path) -> None:
    shutil.copytree(REPO / "progress", workspace / "progress")
    loaded = load_plan(find_workspace(workspace), 2020)
    book, _ = load_progress(loaded)
    today = dt.date(2020, 11, 20)
    health = loaded.units.lookup("縣衛健局")
    records = [due_record(d) for d in all_deadlines(loaded, book.as_of(today), today, unit=health)]
    assert all(list(r) == KEYS for r in records)
    by_task = {r["task"]: r for r in records}
    task = by_task["2.1"]
    assert task["date"] == "2020-09-30" and task["milestone"] is None
    assert task["title"] == loaded.tasks_by_id["2.1"].title
    assert task["units"] == task["open_units"] == ["縣衛健局"]  # in progress, not done
    assert (task["days_left"], task["days"], task["flag"]) == (-51, "逾期 51 天", Flag.overdue)
    assert task["standing"] == "逾期 51 天"
    # 2.4 (by 2020-09-20) was done on 2020-09-18: met on time, never "overdue" beside done.
    met = by_task["2.4"]
    assert (met["flag"], met["standing"]) == (Flag.done, "按時完成（2020-09-18）")
    milestone = by_task[None]
    assert milestone["milestone"] == "report" and milestone["date"] == "2020-11-30"
    assert (milestone["days_left"], milestone["days"]) == (10, "剩餘 10 天")
    assert milestone["flag"] == "soon"


def test_due_record_is_what_gd_due_prints(gd, workspace: Path) -> None:
    loaded = load_plan(find_workspace(workspace), 2020)
    book, _ = load_progress(loaded)
    today = dt.date(2020, 11, 20)
    printed = gd("due", "--format", "json", "--all", "--today", today.isoformat()).json()
    records = [due_record(d) for d in all_deadlines(loaded, book, today)]
    assert printed == json.loads(json.dumps(records, ensure_ascii=False))
