"""requests.model: channels, applicant types, events, and table 三's rows as the two formats have them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_disclosure.errors import ExitCode, GdError
from gov_disclosure.requests import model as M
from gov_disclosure.requests.model import ApplicantType, Channel, EventKind, parse_choice

#: Reference §6 (annual-report-and-requests.md): rows before the format's own （六）.
ROWS_BEFORE_OTHER = [
    "r1_new", "r2_carried_in", "r3_1_open", "r3_2_partial",
    "r3_3_1", "r3_3_2", "r3_3_3", "r3_3_4", "r3_3_5", "r3_3_6", "r3_3_7", "r3_3_8",
    "r3_4_1", "r3_4_2", "r3_4_3",
    "r3_5_1", "r3_5_2", "r3_5_3", "r3_5_4", "r3_5_5",
]  # fmt: skip


def test_table3_rows_of_each_format_as_the_reference_lists_them() -> None:
    after = ["r3_7_total", "r4_carried_out"]
    assert M.table3_row_keys(2020) == [*ROWS_BEFORE_OTHER, "r3_6", *after]  # F2019 (試行)
    assert M.table3_row_keys(2019) == M.table3_row_keys(2020)
    assert M.table3_row_keys(2021) == [*ROWS_BEFORE_OTHER, "r3_6_1", "r3_6_2", "r3_6_3", *after]
    assert (M.report_format(2020), M.report_format(2021)) == ("GBGKBH-2019-60", "GBGKBH-2021-30")


def test_table3_columns_are_the_six_applicant_types_and_the_total() -> None:
    assert M.TABLE3_COLUMNS == ("natural", "biz", "research", "ngo", "legal", "other_org", "total")


def test_not_disclosed_has_eight_sub_rows() -> None:
    """The reference's correction: （三）不予公開 has 8 sub-rows, the 8th 行政查詢事項."""
    rows = [key for key, group, _ in M.outcome_rows(2021) if group == "（三）不予公開"]
    assert len(rows) == 8
    assert M.outcome_label("r3_3_8") == "（三）不予公開8.屬於行政查詢事項"


def test_withdrawal_and_lapses_count_in_other_handling() -> None:
    assert M.WITHDRAWN_ROW == {M.F2019: "r3_6", M.F2021: "r3_6_3"}
    assert M.LAPSED_CORRECTION_ROW[M.F2021] == "r3_6_1"
    assert M.LAPSED_FEE_ROW[M.F2021] == "r3_6_2"


@pytest.mark.parametrize(
    ("text", "choices", "expected"),
    [
        ("post_signed", Channel, Channel.post_signed),
        ("郵寄", Channel, Channel.post_signed),
        ("邮寄", Channel, Channel.post_signed),
        ("电子邮件", Channel, Channel.online),
        ("當面", Channel, Channel.in_person),
        ("口头", Channel, Channel.oral),
        ("自然人", ApplicantType, ApplicantType.natural),
        ("法律服务机构", ApplicantType, ApplicantType.legal),
        ("補正", EventKind, EventKind.correction_requested),
        ("补正", EventKind, EventKind.correction_requested),
        ("延期", EventKind, EventKind.extended),
        ("答复", EventKind, EventKind.answered),
        ("征求意见", EventKind, EventKind.consult_sent),
        ("撤回", EventKind, EventKind.withdrawn),
    ],
)
def test_choices_typed_by_key_or_chinese_name(text: str, choices: type, expected: object) -> None:
    assert parse_choice(text, choices, "x") is expected


def test_an_unknown_choice_lists_the_choices() -> None:
    with pytest.raises(GdError) as caught:
        parse_choice("pigeon", Channel, "channel")
    assert caught.value.exit_code is ExitCode.USAGE
    assert "unknown channel 'pigeon'; use one of: in_person (當面提交)" in caught.value.message


def test_the_receipt_day_by_channel() -> None:
    """第三十一條: confirmation channels count from the day of confirmation."""
    day, later = dt.date(2020, 9, 25), dt.date(2020, 9, 28)
    for channel in Channel:
        request = M.Request("x-2020-001", "x", channel, day, later, ApplicantType.natural, "s")
        expected = later if channel in (Channel.post_plain, Channel.online, Channel.fax) else day
        assert request.receipt_day == expected, channel


@given(st.from_regex(r"[a-z][a-z0-9-]{0,20}-20[0-9]{2}-[0-9]{3}", fullmatch=True))
def test_request_numbers_parse_back(number: str) -> None:
    unit, year = M.parse_number(number)
    assert f"{unit}-{year}-" in number


def test_a_wrong_number_is_a_usage_error() -> None:
    with pytest.raises(GdError) as caught:
        M.parse_number("health-20-1")
    assert caught.value.exit_code is ExitCode.USAGE


@pytest.mark.parametrize(
    ("key", "short"),
    [("r3_1_open", "予以公開"), ("r3_2_partial", "部分公開"), ("r3_3_8", "不予公開"),
     ("r3_4_1", "無法提供"), ("r3_5_2", "不予處理"), ("r3_6_1", "其他處理"), ("r3_6", "其他處理")],
)  # fmt: skip
def test_short_outcome_labels(key: str, short: str) -> None:
    assert M.outcome_short(key) == short
