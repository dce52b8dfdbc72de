"""requests.register: reading and checking requests/<year>/<unit-id>.yaml, every problem at its line."""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO
from gov_disclosure.plan.loading import load_registry
from gov_disclosure.requests.files import private_files, register_years
from gov_disclosure.requests.register import check_private_files, load_register
from gov_disclosure.storage.workspace import find_workspace
from gov_disclosure.workdays.calendar import load_calendar

EXAMPLES = int(os.environ.get("GD_FUZZ_EXAMPLES", "200"))

GOOD = textwrap.dedent(
    """\
    # a register kept by hand
    unit: 縣衛健局
    year: 2020
    requests:
      - number: health-2020-001
        channel: online
        received: 2020-09-24
        confirmed: 2020-09-25
        applicant_type: natural
        subject: 某衛生院基本藥物採購目錄
        events:
          - kind: answered
            date: 2020-10-20
            outcome: r3_1_open
        archive: 師衛健依申〔2020〕1號
    """
)


def write(workspace: Path, text: str, name: str = "health", year: int = 2020) -> Path:
    path = workspace / "requests" / str(year) / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load(workspace: Path, today: dt.date | None = None):  # type: ignore[no-untyped-def]
    ws = find_workspace(workspace)
    units, _ = load_registry(ws)
    return load_register(ws, units, load_calendar(ws)[0], today)


def line_of(path: Path, marker: str) -> int:
    return next(n for n, t in enumerate(path.read_text("utf-8").splitlines(), 1) if marker in t)


def test_a_good_register(workspace: Path) -> None:
    write(workspace, GOOD)
    register, problems = load(workspace)
    assert problems == []
    (request,) = register.requests()
    assert request.receipt_day == dt.date(2020, 9, 25)  # online: the day both sides confirmed
    assert request.archive == "師衛健依申〔2020〕1號"
    assert register_years(find_workspace(workspace)) == [2020]


@pytest.mark.parametrize(
    ("edit", "marker", "message"),
    [
        (
            ("subject: 某衛生院", "subject: 張三 13812345678 某衛生院"),
            "subject:",
            "looks like a phone number",
        ),
        (
            ("subject: 某衛生院", "subject: 身份證530302198005051234 某衛生院"),
            "subject:",
            "looks like an ID number",
        ),
        (
            ("archive: ", "phone: '0874-1234567'\n    archive: "),
            "phone:",
            "phone: personal data never goes",
        ),
        (("    confirmed: 2020-09-25\n", ""), "number:", "record confirmed:"),
        (
            ("number: health-2020-001", "number: health-2019-001"),
            "number:",
            "is not a number of 縣衛健局's 2020",
        ),
        (
            ("outcome: r3_1_open", "outcome: r3_6_3"),
            "outcome:",
            "r3_6_3 is a row of the other format",
        ),
        (("kind: answered", "kind: replied"), "kind:", "input should be"),
        (("received: 2020-09-24", "received: 2020-09-27"), "confirmed:", "before it was received"),
        (("unit: 縣衛健局", "unit: 縣財政局"), "unit:", "but names 縣財政局"),
    ],
)
def test_problems_at_their_line(
    workspace: Path, edit: tuple[str, str], marker: str, message: str
) -> None:
    path = write(workspace, GOOD.replace(*edit))
    _, problems = load(workspace)
    found = [p for p in problems if message in p.message]
    assert found, [p.format() for p in problems]
    assert (found[0].file, found[0].line) == (path, line_of(path, marker))


def test_dates_after_today_are_errors_when_today_is_given(workspace: Path) -> None:
    path = write(workspace, GOOD)
    _, problems = load(workspace, today=dt.date(2020, 10, 1))
    assert [(p.line, p.message) for p in problems] == [
        (line_of(path, "date: 2020-10-20"), "date 2020-10-20 is after today (2020-10-01)")
    ]


def test_a_file_named_after_no_unit(workspace: Path) -> None:
    write(workspace, GOOD, name="nobody")
    _, problems = load(workspace)
    assert [p.message for p in problems] == [
        "no unit has the id 'nobody': register files are named after unit ids (see `gd units`)"
    ]


def test_a_year_the_calendar_does_not_know_is_an_error_at_the_request(workspace: Path) -> None:
    path = write(
        workspace,
        GOOD.replace("year: 2020", "year: 2026")
        .replace("2020-001", "2026-001")
        .replace("received: 2020-09-24", "received: 2026-12-17")
        .replace("confirmed: 2020-09-25", "confirmed: 2026-12-18")
        .replace("2020-10-20", "2026-12-21"),
        year=2026,
    )
    _, problems = load(workspace)
    assert [p.line for p in problems] == [line_of(path, "received:")]  # once, at the request
    assert "no working-day calendar for 2027" in problems[0].message


def test_private_files_must_be_ignored_by_git(workspace: Path) -> None:
    from conftest import git

    write(workspace, GOOD)
    private = workspace / "requests" / "private" / "2020" / "health.yaml"
    private.parent.mkdir(parents=True)
    private.write_text(
        'unit: 縣衛健局\nyear: 2020\napplicants:\n  health-2020-001:\n    name: "張三"\n',
        encoding="utf-8",
    )
    git(workspace, "init", "-q")
    ws = find_workspace(workspace)
    register, _ = load(workspace)
    assert private_files(ws) == ([private], [])
    problems, count = check_private_files(ws, register)
    assert count == 1
    assert [(p.file, p.line) for p in problems] == [(private, 3)]
    assert "git does not ignore it" in problems[0].message
    (workspace / ".gitignore").write_text("/requests/private/\n", encoding="utf-8")
    assert check_private_files(ws, register)[0] == []


FRAGMENTS = [
    "unit: 縣衛健局\n", "year: 2020\n", "requests:\n", "  - number: health-2020-001\n",
    "    channel: online\n", "    channel: fax\n", "    received: 2020-09-24\n",
    "    confirmed: 2020-09-25\n", "    applicant_type: natural\n", "    subject: 某事項\n",
    "    events:\n", "      - kind: answered\n", "      - kind: extended\n", "        date: 2020-10-20\n",
    "        outcome: r3_1_open\n", "        days: 30\n", "    phone: 13812345678\n", "  - \n",
    "    note: 0874-1234567\n", "x: [\n", "    archive: 1\n", "        approved_on: 2020-10-19\n",
]  # fmt: skip


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=14))
def test_any_register_text_gives_problems_never_a_crash(parts: list[str]) -> None:
    from gov_disclosure.errors import GdError
    from gov_disclosure.requests.register import load_register_file
    from gov_disclosure.requests.settings import Settings

    ws = find_workspace(REPO)
    units, _ = load_registry(ws)
    path = REPO / "requests" / "2020" / "health.yaml"
    try:
        _, problems = load_register_file(
            ws, units, path, load_calendar(None)[0], Settings(), data="".join(parts).encode()
        )
    except GdError as exc:
        problems = exc.problems
    assert all(p.file == path for p in problems)


def test_a_number_given_twice_is_an_error_at_the_second(workspace: Path) -> None:
    path = write(workspace, GOOD + GOOD.split("requests:\n", 1)[1])
    _, problems = load(workspace)
    found = [p for p in problems if "duplicate request number" in p.message]
    assert [p.message for p in found] == [
        "duplicate request number health-2020-001 (first is request 1)"
    ]
    lines = [n for n, t in enumerate(path.read_text("utf-8").splitlines(), 1) if "number:" in t]
    assert found[0].line == lines[1]
