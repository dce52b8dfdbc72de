"""gov_disclosure.api: the command line's functions, called from Python."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gov_disclosure import api
from gov_disclosure.documents.render import DocFormat
from gov_disclosure.errors import ExitCode, GdError
from gov_disclosure.models import Status
from gov_disclosure.plan.assignments import Role
from gov_disclosure.progress.deadlines import Flag


def test_validate_the_bundled_plan(workspace: Path) -> None:
    report = api.validate(root=workspace)
    assert report.errors == []
    assert any("4 sections, 15 tasks" in line for line in report.summary)


def test_validate_collects_instead_of_raising(workspace: Path) -> None:
    plan = workspace / "plan" / "2020.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("lead:", "leed:", 1), "utf-8")
    report = api.validate(root=workspace)
    assert report.error_count >= 1
    assert all(p.file is not None and p.line for p in report.errors)


def test_tasks_accepts_a_role_by_name(workspace: Path) -> None:
    listing = api.tasks(root=workspace, unit="县卫健局", role="lead")
    assert [r["id"] for r in listing.records] == ["1.3", "1.5", "2.5"]
    assert listing.role_counts()[Role.lead] == 3


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"role": "lead"}, "--role needs --unit"),
        ({"unit": "县卫健局", "role": "boss"}, "unknown role 'boss'"),
        ({"unit": "不存在局"}, "unknown unit '不存在局'"),
    ],
)
def test_wrong_input_is_a_usage_error(
    workspace: Path, kwargs: dict[str, str], message: str
) -> None:
    with pytest.raises(GdError) as caught:
        api.tasks(root=workspace, **kwargs)
    assert caught.value.exit_code is ExitCode.USAGE
    assert message in caught.value.message


def test_due_flags_as_of_a_day(workspace: Path) -> None:
    listing = api.due(root=workspace, today=dt.date(2020, 9, 21), before=dt.date(2020, 9, 30))
    by_task = {d.key: d for d in listing.items}
    assert by_task["2.4"].flag is Flag.overdue  # 「9月20日前」, nobody has reported
    assert by_task["2.4"].days_left == -1
    assert listing.overdue == sum(1 for d in listing.items if d.flag is Flag.overdue)


def test_set_then_show_progress(workspace: Path) -> None:
    written = api.set_progress(
        root=workspace,
        task="2.4",
        unit="縣衛生健康局",
        status=Status.done,
        date=dt.date(2020, 9, 18),
        today=dt.date(2020, 11, 1),
    )
    assert [w.path.name for w in written] == ["health.yaml"]
    view = api.show_progress(root=workspace, unit="县卫健局", today=dt.date(2020, 11, 1))
    assert [(r["task"], r["status"]) for r in view.records()] == [("2.4", Status.done)]
    # Before the record's date, it had not happened yet.
    earlier = api.show_progress(root=workspace, unit="县卫健局", today=dt.date(2020, 9, 1))
    assert earlier.records() == []


def test_report_renders_in_every_format(workspace: Path) -> None:
    document = api.report(root=workspace, as_of=dt.date(2020, 11, 30))
    assert document.view["title"].endswith("落實情況報告")
    assert document.render(DocFormat.md).decode("utf-8").startswith("# ")
    assert b"<html" in document.render(DocFormat.html)
    assert document.render(DocFormat.docx)[:2] == b"PK"  # a zip archive


def test_checklists_cover_every_unit_with_a_task(workspace: Path) -> None:
    documents = api.checklists(root=workspace, today=dt.date(2020, 11, 20))
    names = [unit.name for unit, _ in documents]
    assert "縣衛健局" in names and "丹鳳街道" in names
    assert all(not unit.is_group for unit, _ in documents)
    health = dict((u.name, d) for u, d in documents)["縣衛健局"]
    assert health.view["counts"]["lead"] == 3


def test_annual_reports_from_python(tmp_path: Path) -> None:
    import shutil

    from conftest import REPO

    root = tmp_path / "ws"
    for part in ("plan", "progress", "annual", "requests"):
        shutil.copytree(REPO / part, root / part)
    checked = api.annual_check(root=root, year=2020)
    assert checked.format_id == "2019-60" and checked.errors == []
    assert [f.report.unit.id for f in checked.files if f.report] == [
        "gov-office",
        "health",
        "xiongbi",
    ]
    assert "縣司法局" in checked.missing
    document = api.annual_render(root=root, unit="县卫健局", year=2020)
    assert document.render(DocFormat.html).startswith(b"<!DOCTYPE html>")
    # Table 三 comes from the request register: 縣衛健局 received 5 requests in 2020.
    assert document.view["t3"]["r1_new"]["total"] == "5"
    made = api.annual_new(root=root, unit="县司法局", year=2021)
    assert made.path == root / "annual" / "2021" / "justice.yaml" and made.format_id == "2021-30"
    with pytest.raises(GdError) as caught:
        api.annual_new(root=root, unit="县司法局", year=2021)
    assert caught.value.exit_code is ExitCode.USAGE
