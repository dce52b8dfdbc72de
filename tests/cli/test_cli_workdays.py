"""`gd workdays add` and `gd workdays count`: the command-line contract scripts rely on."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_add_prints_the_iso_date_alone(gd) -> None:
    result = gd("workdays", "add", "2020-09-25", "20")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "2020-10-29\n", "")
    assert gd("workdays", "add", "2026年2月6日", "20").stdout == "2026-03-12\n"
    assert gd("workdays", "add", "2025-09-26", "20").stdout == "2025-10-30\n"
    assert gd("workdays", "add", "2020-10-03", "0").stdout == "2020-10-03\n"


def test_count_prints_the_number_alone(gd) -> None:
    result = gd("workdays", "count", "2020-09-25", "2020-10-29")
    assert (result.exit_code, result.stdout) == (0, "20\n")
    assert gd("workdays", "count", "2020-10-29", "2020-09-25").stdout == "-20\n"


def test_a_year_beyond_the_calendar_then_added_to_the_workspace_file(gd, workspace: Path) -> None:
    result = gd("workdays", "add", "2026-12-18", "20")
    assert result.exit_code == 1 and result.stdout == ""
    assert "no working-day calendar for 2027" in result.stderr
    assert "pip install -U chinesecalendar" in result.stderr
    assert f"add 2027 to {workspace / 'plan' / 'workdays.yaml'}" in result.stderr
    (workspace / "plan" / "workdays.yaml").write_text(
        "years:\n  - year: 2027\n    basis: 國務院辦公廳通知（測試用）\n"
        "holidays:\n  - date: 2027-01-01\n    name: 元旦\n",
        encoding="utf-8",
    )
    again = gd("workdays", "add", "2026-12-18", "20")
    assert (again.exit_code, again.stdout) == (0, "2027-01-18\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "2020-13-01", "5"), "is not a real date"),
        (("add", "someday", "5"), "is not a date"),
        (("add", "2020-09-25", "-1"), "-1"),
        (("count", "2020-09-25"), "Missing argument"),
    ],
)
def test_wrong_input_is_exit_2(gd, args: tuple[str, ...], message: str) -> None:
    result = gd("workdays", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_without_a_workspace_the_package_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from gov_disclosure.cli import app

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["workdays", "add", "2020-09-25", "20"])
    assert (result.exit_code, result.stdout) == (0, "2020-10-29\n")
