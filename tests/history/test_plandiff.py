"""history.diff: what changed between two loaded plans, in the plan's own terms."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO
from gov_disclosure.history.diff import Change, diff_plans, diff_registries
from gov_disclosure.plan.loading import LoadedPlan, load_plan, load_registry
from gov_disclosure.storage.workspace import Workspace

PLAN_TEXT = (REPO / "plan" / "2020.yaml").read_text(encoding="utf-8")
UNITS_TEXT = (REPO / "plan" / "units.yaml").read_text(encoding="utf-8")

Edit = Callable[[str], str]


def replace_once(old: str, new: str) -> Edit:
    def edit(text: str) -> str:
        assert text.count(old) == 1, f"{old!r} is not in the file exactly once"
        return text.replace(old, new)

    return edit


def keep(text: str) -> str:
    return text


def loaded_plan(root: Path, plan: Edit = keep, units: Edit = keep) -> LoadedPlan:
    """The bundled plan, with an edit to the plan or the registry, loaded from ``root``."""
    shutil.copytree(REPO / "plan", root / "plan")
    (root / "plan" / "2020.yaml").write_text(plan(PLAN_TEXT), encoding="utf-8")
    (root / "plan" / "units.yaml").write_text(units(UNITS_TEXT), encoding="utf-8")
    return load_plan(Workspace(root), 2020)


@pytest.fixture
def bundled(tmp_path: Path) -> LoadedPlan:
    return loaded_plan(tmp_path / "old")


def one_change(changes: list[Change]) -> Change:
    assert len(changes) == 1, [c.text for c in changes]
    return changes[0]


def test_the_same_plan_has_no_changes(bundled: LoadedPlan, tmp_path: Path) -> None:
    assert diff_plans(bundled, loaded_plan(tmp_path / "new")) == []
    assert diff_plans(bundled, bundled) == []


# ---- a moved deadline --------------------------------------------------------------------


@pytest.mark.parametrize(("new_date", "days"), [("2020-09-25", 5), ("2020-09-10", -10)])
def test_a_moved_deadline_reports_the_days_moved(
    bundled: LoadedPlan, tmp_path: Path, new_date: str, days: int
) -> None:
    # Task 2.4: 2020年9月20日前 編制完成本級政府26個試點領域政務公開事項標準目錄.
    new = loaded_plan(
        tmp_path / "new", replace_once("- date: 2020-09-20\n", f"- date: {new_date}\n")
    )
    change = one_change(diff_plans(bundled, new))
    assert change.kind == "deadline_moved"
    assert change.task == "2.4"
    assert change.details["old_date"] == "2020-09-20"
    assert change.details["new_date"] == new_date
    assert change.details["days"] == days
    assert change.details["what"] == "編制完成本級政府26個試點領域政務公開事項標準目錄"
    assert (f"{days} 天" if days > 0 else f"{-days} 天") in change.text


def test_a_milestone_moved_reports_the_days_moved(bundled: LoadedPlan, tmp_path: Path) -> None:
    new = loaded_plan(
        tmp_path / "new", replace_once("    date: 2020-11-30\n", "    date: 2020-12-04\n")
    )
    change = one_change(diff_plans(bundled, new))
    assert change.kind == "milestone_moved"
    assert change.details["milestone"] == "report"
    assert change.details["days"] == 4


# ---- a renamed task ----------------------------------------------------------------------


def test_a_renamed_task_gives_old_and_new_title(bundled: LoadedPlan, tmp_path: Path) -> None:
    new = loaded_plan(
        tmp_path / "new", replace_once("title: 健全政策解讀機制\n", "title: 健全政策文件解讀機制\n")
    )
    change = one_change(diff_plans(bundled, new))
    assert change.kind == "title_changed"
    assert change.task == "2.3"
    assert change.details["old"] == "健全政策解讀機制"
    assert change.details["new"] == "健全政策文件解讀機制"
    # Characters, not words: only what was inserted is marked.
    assert change.details["diff"] == "健全政策{+文件+}解讀機制"


def test_a_renumbered_task_is_one_change_not_a_removal_and_an_addition(
    bundled: LoadedPlan, tmp_path: Path
) -> None:
    new = loaded_plan(tmp_path / "new", replace_once('- id: "4.3"\n', '- id: "4.4"\n'))
    change = one_change(diff_plans(bundled, new))
    assert change.kind == "task_renumbered"
    assert (change.details["old_id"], change.details["new_id"]) == ("4.3", "4.4")
    assert change.task == "4.4"


# ---- a unit added ------------------------------------------------------------------------


def test_a_unit_added_to_a_task(bundled: LoadedPlan, tmp_path: Path) -> None:
    new = loaded_plan(
        tmp_path / "new",
        replace_once(
            "lead: [縣政府辦公室]\n        responsible: [縣直有關部門]\n",
            "lead: [縣政府辦公室, 縣司法局]\n        responsible: [縣直有關部門]\n",
        ),
    )
    change = one_change(diff_plans(bundled, new))
    assert change.kind == "units_changed"
    assert change.task == "2.3"
    assert change.details == {"role": "lead", "added": ["縣司法局"], "removed": []}


def test_another_spelling_of_the_same_unit_is_no_change(
    bundled: LoadedPlan, tmp_path: Path
) -> None:
    new = loaded_plan(
        tmp_path / "new",
        replace_once(
            "lead: [縣政府辦公室]\n        responsible: [縣直有關部門]\n",
            "lead: [縣政府辦]\n        responsible: [縣直有關部門]\n",
        ),
    )
    assert diff_plans(bundled, new) == []


def test_a_unit_added_to_the_registry(bundled: LoadedPlan, tmp_path: Path) -> None:
    unit = "  - id: archives\n    name: 縣檔案館\n    kind: county_institution\n"
    new = loaded_plan(
        tmp_path / "new",
        units=replace_once("  # --- groups ---", unit + "\n  # --- groups ---"),
    )
    old_units, _ = load_registry(bundled.workspace)
    new_units, _ = load_registry(new.workspace)
    change = one_change(diff_registries(old_units, new_units))
    assert change.kind == "unit_added"
    assert change.details == {"unit": "archives", "name": "縣檔案館"}
    # The plan names no new unit: the plans themselves did not change.
    assert diff_plans(bundled, new) == []
