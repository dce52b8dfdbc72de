"""The rows both formats are made from: facts of the 2020 plan, one script, as of a day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from export_fixtures import copy_workspace

from gov_disclosure.export.tables import ExportTables, export_tables
from gov_disclosure.plan.loading import load_plan
from gov_disclosure.progress.book import load_book
from gov_disclosure.storage.workspace import find_workspace
from gov_disclosure.textnorm import Script, is_traditional, to_traditional

LATER = dt.date(2021, 6, 1)


def tables(root: Path, script: Script | None = None, today: dt.date = LATER) -> ExportTables:
    loaded = load_plan(find_workspace(root))
    book, _ = load_book(loaded, today)
    return export_tables(loaded, book, loaded.script_for(script))


@pytest.fixture
def bundled(tmp_path: Path) -> ExportTables:
    return tables(copy_workspace(tmp_path / "ws"))


def test_the_2020_plan_in_rows(bundled: ExportTables) -> None:
    assert bundled.counts() == {
        "units": 25,
        "groups": 2,
        "tasks": 15,
        "deadlines": 8,
        "records": 11,
    }
    assert bundled.script is Script.traditional  # the bundled workspace keeps the plan's own
    task = next(t for t in bundled.tasks if t.id == "1.3")
    assert task.lead == ("縣衛健局", "縣應急管理局")
    assert task.responsible == ("縣直有關部門",)
    assert task.position == 3 and task.section == 1 and len(task.requirement) == 4
    assert [m.id for m in bundled.milestones] == ["report"]
    assert bundled.milestones[0].position == 16  # after the 15 tasks


def test_deadlines_in_plan_order_with_who_has_not_met_them(bundled: ExportTables) -> None:
    first = bundled.deadlines[0]
    assert (first.id, first.task_id, first.date) == (1, "2.1", dt.date(2020, 9, 30))
    d = next(d for d in bundled.deadlines if d.task_id == "2.4")
    assert d.date == dt.date(2020, 9, 20) and d.phrase == "2020年9月20日前"
    assert len(d.unit_ids) == 24 and len(d.open_unit_ids) == 21
    assert {"gov-office", "health", "danfeng"}.isdisjoint(d.open_unit_ids)
    assert d.open_units_text == (
        "縣直有關部門（除縣政府辦公室、縣衛健局）",
        "各鄉(鎮、街道)（除丹鳳街道）",
    )
    assert d.standing == "未完成" and d.done_on is None
    report = bundled.deadlines[-1]
    assert (report.milestone_id, report.task_id, report.n) == ("report", None, 1)


def test_a_met_deadline_says_when(tmp_path: Path) -> None:
    root = copy_workspace(tmp_path / "ws")
    (root / "progress" / "2020" / "media-center.yaml").write_text(
        "unit: 縣融媒體中心\nyear: 2020\nrecords:\n"
        "  - task: '3.1'\n    status: done\n    date: 2021-01-04\n",
        encoding="utf-8",
    )
    d = next(d for d in tables(root).deadlines if d.task_id == "3.1")
    assert d.done_on == dt.date(2021, 1, 4)
    assert d.standing == "逾期完成（晚 4 天）"


def test_records_dated_after_the_day_are_left_out(tmp_path: Path) -> None:
    root = copy_workspace(tmp_path / "ws")
    early = tables(root, today=dt.date(2020, 10, 8))
    assert len(early.progress) < 11
    assert all(r.date is None or r.date <= dt.date(2020, 10, 8) for r in early.progress)
    assert early.data_day == max(r.date for r in early.progress if r.date)  # the latest kept
    assert tables(root).data_day == dt.date(2020, 11, 26)


def test_records_in_registry_then_plan_order(bundled: ExportTables) -> None:
    health = [r.task for r in bundled.progress if r.unit_id == "health"]
    assert health == ["1.3", "2.1", "2.4", "report"]
    record = next(r for r in bundled.progress if r.unit_id == "health" and r.task == "1.3")
    assert record.evidence[0].is_link and record.evidence[0].title == "疫情防控信息發布專欄"


def all_text(t: ExportTables) -> list[str]:
    """Every text of the rows that people read."""
    texts = [t.title, t.issuer]
    texts += [x for u in t.units for x in (u.name, u.full_name or "", u.kind_label, *u.aliases)]
    texts += list(t.sections.values())
    texts += [x for k in t.tasks for x in (k.title, *k.lead, *k.responsible, *k.requirement)]
    texts += [x for d in t.deadlines for x in (d.what, d.phrase or "", *d.units_text, d.standing)]
    texts += [x for p in t.progress for e in p.evidence for x in (e.ref, e.title or "")]
    texts += [p.note or "" for p in t.progress]
    return texts + [s.label for s in t.statuses] + [r.label for r in t.roles]


def test_a_simplified_workspace_exports_no_traditional_character(tmp_path: Path) -> None:
    t = tables(copy_workspace(tmp_path / "ws", script="simplified"))
    assert t.script is Script.simplified
    wrong = [text for text in all_text(t) if is_traditional(text)]
    assert not wrong
    assert next(k for k in t.tasks if k.id == "1.3").lead == ("县卫健局", "县应急管理局")


def test_a_traditional_export_is_wholly_traditional(bundled: ExportTables) -> None:
    # The notice's stray simplified characters (規范, 于, 并) are converted too.
    assert all(to_traditional(text) == text for text in all_text(bundled))
    assert any("規範" in text for text in all_text(bundled))
