"""requests.table3: table 三 counted from the register, with the table's own identities holding."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gov_disclosure import requests as requests_package
from gov_disclosure.requests import model as M
from gov_disclosure.requests.model import ApplicantType, Channel, Event, EventKind, Request
from gov_disclosure.requests.table3 import count_table3
from gov_disclosure.storage.workspace import find_workspace

D = dt.date
EXAMPLES = int(os.environ.get("GD_FUZZ_EXAMPLES", "200"))
fuzz = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
SIX = [c for c in M.TABLE3_COLUMNS if c != "total"]


def req(n: int, received: dt.date, kind: ApplicantType, *events: Event) -> Request:
    return Request(f"health-{received.year}-{n:03d}", "health", Channel.in_person, received, None,
                   kind, "s", events)  # fmt: skip


def test_each_request_in_its_rows() -> None:
    natural, biz = ApplicantType.natural, ApplicantType.biz
    table = count_table3(
        [
            # received 2019, still open on 1 January, answered in 2020: 二 and 三
            req(
                1,
                D(2019, 12, 20),
                natural,
                Event(EventKind.answered, D(2020, 1, 15), outcome="r3_4_1"),
            ),
            # received 2019, answered in 2019: not in the 2020 table at all
            req(
                2,
                D(2019, 11, 1),
                natural,
                Event(EventKind.answered, D(2019, 11, 20), outcome="r3_1_open"),
            ),
            # received and answered in 2020: 一 and 三
            req(
                3,
                D(2020, 3, 2),
                biz,
                Event(EventKind.answered, D(2020, 3, 20), outcome="r3_2_partial"),
            ),
            # withdrawn in 2020: （六）其他處理 in the 2019 format
            req(4, D(2020, 5, 6), natural, Event(EventKind.withdrawn, D(2020, 5, 8))),
            # received in December, still open on 31 December: 一 and 四
            req(5, D(2020, 12, 28), biz),
            # received in 2021: not yet
            req(6, D(2021, 1, 4), biz),
        ],
        2020,
    )
    assert list(table) == M.table3_row_keys(2020)
    nonzero = {row: {c: n for c, n in cols.items() if n} for row, cols in table.items()}
    assert {row: cols for row, cols in nonzero.items() if cols} == {
        "r1_new": {"natural": 1, "biz": 2, "total": 3},
        "r2_carried_in": {"natural": 1, "total": 1},
        "r3_2_partial": {"biz": 1, "total": 1},
        "r3_4_1": {"natural": 1, "total": 1},
        "r3_6": {"natural": 1, "total": 1},
        "r3_7_total": {"natural": 2, "biz": 1, "total": 3},
        "r4_carried_out": {"biz": 1, "total": 1},
    }


def test_a_withdrawal_in_2021_is_other_handling_3() -> None:
    table = count_table3(
        [req(1, D(2021, 3, 1), ApplicantType.ngo, Event(EventKind.withdrawn, D(2021, 3, 2)))], 2021
    )
    assert table["r3_6_3"]["ngo"] == 1 and "r3_6" not in table


OUTCOMES_2021 = [key for key, _, _ in M.outcome_rows(2021)]


@st.composite
def registers(draw: st.DrawFn) -> list[Request]:
    out = []
    for n in range(draw(st.integers(0, 25))):
        received = draw(st.dates(D(2020, 6, 1), D(2022, 6, 30)))
        kind = draw(st.sampled_from(list(ApplicantType)))
        events: tuple[Event, ...] = ()
        if draw(st.booleans()):
            end = received + dt.timedelta(days=draw(st.integers(0, 400)))
            outcome = draw(
                st.sampled_from(OUTCOMES_2021 if end.year >= 2021 else ["r3_1_open", "r3_6"])
            )
            events = (Event(EventKind.answered, end, outcome=outcome),)
        out.append(req(n + 1, received, kind, *events))
    return out


@fuzz
@given(registers(), st.sampled_from([2020, 2021, 2022]))
def test_the_tables_identities_hold_by_construction(requests: list[Request], year: int) -> None:
    table = count_table3(requests, year)
    outcome_rows = [key for key, _, _ in M.outcome_rows(year)]
    for column in M.TABLE3_COLUMNS:
        # T3-A (official): 一 + 二 = 三（七） + 四
        assert (
            table["r1_new"][column] + table["r2_carried_in"][column]
            == table["r3_7_total"][column] + table["r4_carried_out"][column]
        )
        # T3-B: （七）總計 is the sum of the outcome rows
        assert table["r3_7_total"][column] == sum(table[row][column] for row in outcome_rows)
    for row in table.values():  # T3-C: 總計 is the sum of the six columns
        assert row["total"] == sum(row[c] for c in SIX)


@fuzz
@given(registers())
def test_what_one_year_carries_out_the_next_carries_in(requests: list[Request]) -> None:
    """X1: 二 of year N = 四 of year N−1, column by column."""
    assert (
        count_table3(requests, 2021)["r2_carried_in"]
        == count_table3(requests, 2020)["r4_carried_out"]
    )


def test_table3_counts_from_a_workspace(workspace: Path) -> None:
    folder = workspace / "requests" / "2020"
    folder.mkdir(parents=True)
    (folder / "health.yaml").write_text(
        "unit: 縣衛健局\nyear: 2020\nrequests:\n"
        "  - number: health-2020-001\n    channel: in_person\n    received: 2020-12-21\n"
        "    applicant_type: legal\n    subject: 某事項\n",
        encoding="utf-8",
    )
    ws = find_workspace(workspace)
    table2020 = requests_package.table3_counts(ws, "health", 2020)
    assert table2020 is not None
    assert table2020["r1_new"]["legal"] == table2020["r4_carried_out"]["legal"] == 1
    # 2021 has no register file, but carries the open request in:
    table2021 = requests_package.table3_counts(ws, "縣衛健局", 2021)
    assert table2021 is not None and table2021["r2_carried_in"]["total"] == 1
    assert "r3_6_1" in table2021
    # A unit without a register, and a year before any request:
    assert requests_package.table3_counts(ws, "縣財政局", 2020) is None
    assert requests_package.table3_counts(ws, "health", 2019) is None
