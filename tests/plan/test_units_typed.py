"""The registry's spellings in both scripts (kept by the index) find what folding finds."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO
from gov_disclosure.plan.loading import load_registry
from gov_disclosure.plan.units import UnitIndex, Unresolved
from gov_disclosure.storage.workspace import Workspace
from gov_disclosure.textnorm import to_simplified, to_traditional


@pytest.fixture(scope="module")
def both() -> tuple[UnitIndex, UnitIndex]:
    folding, _ = load_registry(Workspace(Path(REPO)))
    spelled = copy.deepcopy(folding)
    spelled.spell_out()
    return folding, spelled


def answer(index: UnitIndex, query: str) -> str:
    try:
        return index.match(query).id
    except Unresolved as exc:
        return f"unresolved: {exc.describe()}"


def test_every_name_in_either_script_is_spelled_out(both: tuple[UnitIndex, UnitIndex]) -> None:
    folding, spelled = both
    assert spelled.typed["县卫健局"] == spelled.typed["縣衛健局"] == "health"
    assert folding.typed == {}
    for unit in spelled.units:
        for name in unit.spellings():
            for form in (name, to_simplified(name), to_traditional(name)):
                assert answer(spelled, form) == answer(folding, form) == unit.id


names = st.sampled_from(["縣衛健局", "县卫健局", "衛健局", "县政府办", "各乡(镇、街道)", "縣"])


@given(
    query=names | st.text(max_size=8) | st.builds(lambda a, b: a + b, names, st.text(max_size=3))
)
def test_any_query_finds_the_same_unit_spelled_out_or_folded(
    both: tuple[UnitIndex, UnitIndex], query: str
) -> None:
    folding, spelled = both
    assert answer(spelled, query) == answer(folding, query)
