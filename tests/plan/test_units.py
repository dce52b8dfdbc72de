"""Unit names typed any way find the same unit."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO
from gov_disclosure.plan.loading import load_registry
from gov_disclosure.plan.units import UnitIndex, Unresolved, canonical
from gov_disclosure.storage.workspace import find_workspace
from gov_disclosure.textnorm import fold, strip_pinyin, to_simplified, to_traditional


@pytest.fixture(scope="module")
def index() -> UnitIndex:
    return load_registry(find_workspace(REPO))[0]


@pytest.mark.parametrize(
    "typed",
    [
        "縣衛健局",  # as the notice writes it
        "县卫健局",  # simplified
        "縣衛生健康局",  # full name
        "师宗县卫生健康局",  # with the county, simplified
        "師宗縣衛健局",
        "衛健局",  # short
        "卫健局",
        "縣衛(wèi)健局",  # pasted from a web page with pinyin
        "縣衛（wèi）健局",  # full-width parentheses
        " 縣 衛 健 局 ",  # spaces
        "ＸＸ".replace("ＸＸ", "縣衛健局"),
        "health",  # the id
    ],
)
def test_every_spelling_finds_the_health_bureau(index: UnitIndex, typed: str) -> None:
    assert index.match(typed).id == "health"


@pytest.mark.parametrize(
    ("typed", "unit_id"),
    [
        ("縣政府辦", "gov-office"),
        ("县政府办公室", "gov-office"),
        ("師宗縣人民政府辦公室", "gov-office"),
        ("政務信息股", "gov-office-info"),
        ("各乡（镇、街道）", "townships"),
        ("各鄉(鎮、街道)", "townships"),
        ("縣直各單位", "county-departments"),
        ("县直各部门", "county-departments"),
        ("龍慶鄉", "longqing"),
        ("龙庆彝族壮族乡", "longqing"),
        ("丹鳳街道辦事處", "danfeng"),
        ("市生态环境局师宗分局", "ecology-branch"),
        ("融媒體", "media-center"),  # a unique part of a name
    ],
)
def test_names_aliases_and_parts(index: UnitIndex, typed: str, unit_id: str) -> None:
    assert index.match(typed).id == unit_id


def test_ambiguous_name_lists_candidates(index: UnitIndex) -> None:
    with pytest.raises(Unresolved) as info:
        index.match("辦公室")
    assert info.value.ambiguous
    assert [u.name for u in info.value.candidates] == ["縣政府辦公室", "政務信息股"]
    assert "ambiguous" in info.value.describe()


def test_unknown_name_suggests_close_ones(index: UnitIndex) -> None:
    with pytest.raises(Unresolved) as info:
        index.match("縣衛建局")
    assert not info.value.ambiguous
    assert info.value.candidates[0].name == "縣衛健局"
    assert "did you mean 縣衛健局" in info.value.describe()


def test_strict_lookup_takes_no_parts(index: UnitIndex) -> None:
    with pytest.raises(Unresolved):
        index.lookup("融媒體")


def test_pinyin_stripping_keeps_real_parentheses() -> None:
    assert strip_pinyin("各鄉(xiāng)(鎮(zhèn)、街道)") == "各鄉(鎮、街道)"
    assert strip_pinyin("師政辦發(2020)43號") == "師政辦發(2020)43號"


cjk = st.text(
    alphabet=st.sampled_from(list("縣县衛卫健局鄉乡鎮镇街道辦办公室師师宗（）() 　、ａＡa")),
    max_size=20,
)


FUZZ = settings(max_examples=int(os.environ.get("GD_FUZZ_EXAMPLES", "200")), deadline=None)


@FUZZ
@given(cjk)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@FUZZ
@given(cjk)
def test_fold_is_script_symmetric(text: str) -> None:
    assert fold(to_traditional(text)) == fold(to_simplified(text)) == fold(text)


@FUZZ
@given(cjk)
def test_canonical_is_script_symmetric(text: str) -> None:
    assert canonical(to_traditional(text)) == canonical(to_simplified(text))
