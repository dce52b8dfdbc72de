"""The deadline phrases of real notices, one test each (plan year 2020)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_disclosure.intake.phrases import parse

D = dt.date
CASES = [
    # (text, phrase, kind, dates)
    ("于2020年9月20日前編制完成", "2020年9月20日前", "date", [D(2020, 9, 20)]),
    ("於2020年9月20日前编制完成", "2020年9月20日前", "date", [D(2020, 9, 20)]),
    ("2020年11月30日前報送", "2020年11月30日前", "date", [D(2020, 11, 30)]),
    ("9月20日前完成", "9月20日前", "date", [D(2020, 9, 20)]),
    ("于2020年9月底前完成", "2020年9月底前", "date", [D(2020, 9, 30)]),
    ("2月底前完成", "2月底前", "date", [D(2020, 2, 29)]),
    ("于2020年底前初步解決", "2020年底前", "date", [D(2020, 12, 31)]),
    ("年底前完成", "年底前", "date", [D(2020, 12, 31)]),
    ("到2020年底基本實現", "2020年底", "date", [D(2020, 12, 31)]),
    ("2020年6月前完成", "2020年6月前", "date", [D(2020, 5, 31)]),
    ("組織年內開展培訓", "年內", "date", [D(2020, 12, 31)]),
    ("组织年内开展培训", "年内", "date", [D(2020, 12, 31)]),
    ("上半年完成", "上半年", "date", [D(2020, 6, 30)]),
    ("下半年完成", "下半年", "date", [D(2020, 12, 31)]),
    ("第三季度完成", "第三季度", "date", [D(2020, 9, 30)]),
    ("2020年第一季度完成", "2020年第一季度", "date", [D(2020, 3, 31)]),
    ("九月底前完成", "九月底前", "date", [D(2020, 9, 30)]),
    ("十二月三十一日前完成", "十二月三十一日前", "date", [D(2020, 12, 31)]),
    (
        "每季度公開一次",
        "每季度",
        "recurring",
        [D(2020, 3, 31), D(2020, 6, 30), D(2020, 9, 30), D(2020, 12, 31)],
    ),
    ("每年1月31日前公布年度報告", "每年1月31日前", "recurring", [D(2020, 1, 31)]),
    ("每年至少1次", "每年至少1次", "recurring", [D(2020, 12, 31)]),
    ("每年不少於2次", "每年不少於2次", "recurring", [D(2020, 12, 31)]),
    ("5個工作日內答復", "5個工作日內", "relative", []),
    ("20个工作日内答复", "20个工作日内", "relative", []),
    ("長期堅持", "長期堅持", "ongoing", []),
    ("持续推进", "持续推进", "ongoing", []),
    ("常態化開展", "常態化開展", "ongoing", []),
]


@pytest.mark.parametrize(("text", "phrase", "kind", "dates"), CASES)
def test_phrase(text: str, phrase: str, kind: str, dates: list[dt.date]) -> None:
    (found,) = parse(text, 2020)
    assert (found.phrase, found.kind, list(found.dates)) == (phrase, kind, dates)
    assert text[found.start : found.end].endswith(phrase)


def test_monthly_expands_to_twelve_dates() -> None:
    (found,) = parse("每月更新", 2020)
    assert found.kind == "recurring" and len(found.dates) == 12
    assert found.dates[1] == D(2020, 2, 29) and found.dates[-1] == D(2020, 12, 31)


def test_several_dates_in_one_cell() -> None:
    found = parse("2020年6月30日前、2020年12月底前", 2020)
    assert [f.dates for f in found] == [(D(2020, 6, 30),), (D(2020, 12, 31),)]


def test_year_written_or_guessed() -> None:
    (written,) = parse("2020年9月底前", 2020)
    (guessed,) = parse("9月底前", 2020)
    assert not written.year_guessed and guessed.year_guessed


@pytest.mark.parametrize("text", ["于2002年底前完成", "2030年9月底前", "于2200年1月1日前"])
def test_a_year_that_cannot_be_right_is_flagged(text: str) -> None:
    (found,) = parse(text, 2020)
    assert found.suspicious


def test_next_year_is_not_a_slip() -> None:
    (found,) = parse("2021年1月31日前", 2020)
    assert not found.suspicious


def test_impossible_dates_are_not_deadlines() -> None:
    assert parse("2020年2月30日前", 2020) == []
    assert parse("13月底前", 2020) == []


def test_no_phrase_in_plain_text() -> None:
    assert parse("努力實現2020年全縣經濟社會發展目標任務", 2020) == []
    assert parse("師政辦發〔2020〕43號", 2020) == []


@settings(max_examples=int(__import__("os").environ.get("GD_FUZZ_EXAMPLES", "300")), deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                "0123456789年月日底前內内每季度第一二三四十上下半次工作个個于於到長期持續常態化，。 "
            )
        ),
        max_size=40,
    )
)
def test_parser_never_raises(text: str) -> None:
    for found in parse(text, 2020):
        assert found.kind in {"date", "recurring", "relative", "ongoing"}
        assert all(isinstance(d, dt.date) for d in found.dates)


def test_mixed_numerals() -> None:
    from gov_disclosure.intake.phrases import number

    assert number("0二") == 2 and number("二〇二〇") == 2020 and number("二十一") == 21
    assert parse("0二月0日", 2020) == []
