"""plan.queries: the plan's tasks and units as plain records, straight from the 2020 plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from gov_disclosure.plan import queries
from gov_disclosure.plan.assignments import Role
from gov_disclosure.plan.loading import LoadedPlan, load_plan
from gov_disclosure.storage.workspace import find_workspace


@pytest.fixture
def loaded(workspace: Path) -> LoadedPlan:
    return load_plan(find_workspace(workspace))


def test_every_task_in_plan_order(loaded: LoadedPlan) -> None:
    records = queries.tasks(loaded)
    assert len(records) == 15  # the notice's 15 tasks
    assert [r["id"] for r in records][:3] == ["1.1", "1.2", "1.3"]
    assert [r["section"] for r in records] == sorted(r["section"] for r in records)
    assert {r["section"] for r in records} == {1, 2, 3, 4}


def test_task_record_names_units_as_the_registry_does(loaded: LoadedPlan) -> None:
    # The notice writes 縣政府辦 in 4.3; the registry's name is 縣政府辦公室.
    record = queries.task_record(loaded, loaded.task("4.3"))
    assert "縣政府辦公室" in record["responsible"] + record["lead"]
    assert "縣政府辦" not in record["responsible"] + record["lead"]


def test_task_24_deadline_is_20_september(loaded: LoadedPlan) -> None:
    record = queries.task_record(loaded, loaded.task("2.4"))
    assert [d["date"] for d in record["deadlines"]] == ["2020-09-20"]  # 「9月20日前」


def test_a_units_tasks_carry_its_role(loaded: LoadedPlan) -> None:
    health = loaded.units.resolve("县卫健局")
    records = queries.tasks(loaded, health)
    lead = [r["id"] for r in records if r.get("role") is Role.lead]
    assert lead == ["1.3", "1.5", "2.5"]
    assert all(r.get("via") == "縣直有關部門" for r in records if r.get("role") is Role.member)


def test_role_and_section_filters(loaded: LoadedPlan) -> None:
    office = loaded.units.resolve("縣政府辦")
    led = queries.tasks(loaded, office, Role.lead)
    assert [r["id"] for r in led] == ["2.2", "2.3", "2.5"]
    assert [r["id"] for r in queries.tasks(loaded, office, Role.lead, section=2)] == [
        "2.2",
        "2.3",
        "2.5",
    ]
    assert queries.tasks(loaded, office, Role.lead, section=1) == []


def test_a_unit_sees_only_its_own_deadlines(loaded: LoadedPlan) -> None:
    # 3.1's IPv6 deadline binds 縣融媒體中心 only, so a township never sees it.
    town = loaded.units.resolve("丹鳳街道")
    record = next(r for r in queries.tasks(loaded, town) if r["id"] == "3.1")
    assert all("丹鳳街道" in d["units"] for d in record["deadlines"])


def test_units_count_roles(loaded: LoadedPlan) -> None:
    by_name = {r["name"]: r for r in queries.units(loaded)}
    assert by_name["縣衛健局"]["tasks"] == {"lead": 3, "responsible": 0, "member": 10}
    group = by_name["各鄉(鎮、街道)"]
    assert len(group["members"]) == 10  # the county's townships and sub-districts
    assert "丹鳳街道" in group["members"]
