"""plan.registry_store: readable ids, guessed kinds, abbreviations, and safe registry edits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO
from gov_disclosure.errors import GdError
from gov_disclosure.models import UnitKind
from gov_disclosure.plan.loading import load_registry
from gov_disclosure.plan.registry_store import (
    NewUnit,
    abbreviation_of,
    add_alias,
    add_members,
    append_units,
    guess_kind,
    parent_of,
    slug,
    unique_id,
)
from gov_disclosure.storage.workspace import find_workspace


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("縣衛健局", "weijianju"),
        ("县卫健局", "weijianju"),  # the same id in either script
        ("師宗縣融媒體中心", "rongmeitizhongxin"),  # the county's name is not part of it
        ("丹鳳街道", "danfengjiedao"),
        ("各鄉(鎮、街道)", "gexiangzhenjiedao"),
    ],
)
def test_slug_is_the_names_pinyin(name: str, expected: str) -> None:
    assert slug(name) == expected


@given(st.text(min_size=1, max_size=60))
def test_slug_is_always_a_valid_id(name: str) -> None:
    import re

    value = slug(name)
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]{0,62}", value), value
    assert len(value) <= 40


def test_unique_id_never_repeats_and_never_hashes() -> None:
    taken = {"weijianju", "weijianju-2"}
    assert unique_id("縣衛健局", taken) == "weijianju-3"
    assert unique_id("Con", set()) != "con"  # a file name Windows refuses


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("雄壁鎮", UnitKind.township),
        ("丹鳳街道", UnitKind.subdistrict),
        ("縣融媒體中心", UnitKind.county_institution),
        ("市生態環境局師宗分局", UnitKind.city_branch),
        ("縣司法局", UnitKind.county_department),
        ("各鄉(鎮、街道)", UnitKind.group),
    ],
)
def test_guess_kind(name: str, kind: UnitKind) -> None:
    assert guess_kind(name)[0] is kind


def test_group_kinds_are_guessed_with_members() -> None:
    assert guess_kind("各鄉(鎮、街道)")[1] == [UnitKind.township, UnitKind.subdistrict]
    assert UnitKind.county_department in guess_kind("縣直有關部門")[1]


def test_abbreviations() -> None:
    names = ["縣政府辦公室", "縣衛生健康局", "縣財政局國庫科", "縣財政局"]
    assert abbreviation_of("縣政府辦", names) == "縣政府辦公室"
    assert abbreviation_of("縣衛健局", names) == "縣衛生健康局"
    assert abbreviation_of("衛健局", names) == "縣衛生健康局"  # 縣 is folded away in both
    # A unit whose name begins another's is not its abbreviation: 國庫科 is part of 財政局.
    assert abbreviation_of("縣財政局", names) is None


def test_parent_of_a_sub_office() -> None:
    assert parent_of("政府辦公室政務信息股", ["縣政府辦公室", "縣財政局"]) == "縣政府辦公室"
    assert parent_of("政務信息股", ["縣政府辦公室"]) is None


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "plan", tmp_path / "plan")
    return tmp_path / "plan" / "units.yaml"


def test_edits_keep_comments_and_validate(registry: Path) -> None:
    before = registry.read_text(encoding="utf-8")
    append_units(registry, [NewUnit("yibaoju", "縣醫保局", UnitKind.county_department)], "new")
    add_alias(registry, "yibaoju", "醫保局")
    assert add_members(registry, "county-departments", ["縣醫保局"]) == ["縣醫保局"]
    assert add_members(registry, "county-departments", ["縣醫保局"]) == []  # already there
    after = registry.read_text(encoding="utf-8")
    assert after.startswith(before.split("units:", 1)[0])  # the header comments stay
    index, _ = load_registry(find_workspace(registry.parent.parent))
    unit = index.lookup("醫保局")
    assert unit.id == "yibaoju"
    assert unit in index.members(index.lookup("縣直有關部門"))


def test_an_edit_gd_would_refuse_is_not_written(registry: Path) -> None:
    before = registry.read_bytes()
    with pytest.raises(GdError) as caught:
        # 縣衛健局 is already a name of unit `health`: a name must find one unit.
        append_units(registry, [NewUnit("other", "縣衛健局", UnitKind.county_department)], "x")
    assert "reads the same" in caught.value.message
    assert registry.read_bytes() == before


def test_a_write_is_checked_for_the_workspaces_county(registry: Path) -> None:
    """In a workspace of 羅平縣, 羅平縣衛健局 reads as 縣衛健局: `gd validate` would refuse the
    registry, so the write is refused first and the file stays as it was."""
    (registry.parent / "workspace.yaml").write_text("county: 羅平縣\n", encoding="utf-8")
    before = registry.read_text(encoding="utf-8")
    clash = [NewUnit("lpwjj", "羅平縣衛健局", UnitKind.county_department)]
    with pytest.raises(GdError) as info:
        append_units(registry, clash, "new", county="羅平縣")
    assert info.value.exit_code == 2 and "health" in info.value.problems[0].message
    assert registry.read_text(encoding="utf-8") == before
    append_units(registry, clash, "new")  # without the county the names differ
    with pytest.raises(GdError):
        load_registry(find_workspace(registry.parent.parent))
