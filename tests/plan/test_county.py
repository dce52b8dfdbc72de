"""Another county's name, typed before a unit's, finds the unit (plan/workspace.yaml county)."""

from __future__ import annotations

from pathlib import Path

from gov_disclosure import api
from gov_disclosure.plan.loading import load_registry
from gov_disclosure.plan.units import canonical, county_names
from gov_disclosure.storage.workspace import find_workspace


def test_county_names() -> None:
    assert {"羅平縣", "羅平"} <= set(county_names("羅平縣"))
    assert canonical("羅平縣衛健局", "羅平縣") == canonical("縣衛健局")
    assert canonical("罗平卫健局", "羅平縣") == canonical("卫健局")
    # Without the setting, another county's name is part of the unit's name.
    assert canonical("羅平縣衛健局") != canonical("縣衛健局")


def test_a_new_countys_units_match_with_its_name_in_front(tmp_path: Path) -> None:
    root = tmp_path / "luoping"
    api.init(root, county="罗平县", issuer="罗平县人民政府办公室")
    api.add_unit("县卫健局", root=root)
    index, _ = load_registry(find_workspace(root))
    # People type the county's name, in either script, with or without 县.
    for typed in ("罗平县卫健局", "羅平縣衛健局", "罗平卫健局", "县卫健局"):
        assert index.resolve(typed).name == "县卫健局", typed
