"""`gd export` on the command line: what it says, its exit codes, nothing written on error."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_fixtures import copy_workspace, rows
from typer.testing import CliRunner

from conftest import Result
from gov_disclosure.cli import app

WROTE = ": 25 units, 2 groups, 15 tasks, 8 deadlines, 11 progress records\n"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_workspace(tmp_path / "ws")


def gd(root: Path, *args: str) -> Result:
    result = CliRunner().invoke(app, [*args, "--root", str(root)], catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)


def test_sqlite_and_xlsx(root: Path) -> None:
    out = root / "plan.sqlite"
    result = gd(root, "export", "--format", "sqlite", "-o", str(out))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.startswith("wrote ") and result.stderr.endswith(WROTE)
    assert rows(out, "SELECT count(*) FROM tasks") == [(15,)]
    book = root / "plan.xlsx"
    assert gd(root, "export", "-f", "xlsx", "-o", str(book)).exit_code == 0
    assert book.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(
    ("name", "kind"), [("a.sqlite", "sqlite"), ("a.db", "sqlite"), ("a.XLSX", "xlsx")]
)
def test_the_format_may_be_left_to_the_name(root: Path, name: str, kind: str) -> None:
    assert gd(root, "export", "-o", str(root / name)).exit_code == 0
    head = (root / name).read_bytes()[:16]
    assert head == b"SQLite format 3\x00" if kind == "sqlite" else head[:2] == b"PK"


def test_records_as_of_a_day(root: Path) -> None:
    out = root / "early.sqlite"
    assert gd(root, "export", "-o", str(out), "--today", "2020年10月8日").exit_code == 0
    assert rows(out, "SELECT max(date) FROM progress") == [("2020-09-28",)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "csv", "-o", "x.csv"], "'csv' is not one of 'sqlite', 'xlsx'"),
        (["-o", "x.csv"], "say the format with --format sqlite|xlsx (-o x.csv does not say it)"),
        (["--format", "xlsx", "-o", "x.sqlite"], "-o x.sqlite names a sqlite file, not xlsx"),
        (["--format", "xlsx", "-o", "missing/x.xlsx"], "there is no folder"),
        (["--format", "xlsx"], "Missing option '--output'"),
        (["-o", "x.xlsx", "--today", "2020-13-01"], "--today"),
    ],
)
def test_usage_errors_exit_2_and_write_nothing(
    root: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(root)
    result = gd(root, "export", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert sorted(p.name for p in root.iterdir() if p.name != ".gd-cache") == ["plan", "progress"]
    assert not (root / "missing").exists()


def test_never_over_a_workspace_file_nor_a_file_gd_did_not_write(root: Path) -> None:
    plan = root / "plan" / "2020.yaml"
    text = plan.read_bytes()
    result = gd(root, "export", "--format", "sqlite", "-o", str(root / "plan" / "x.sqlite"))
    assert result.exit_code == 2 and "a file of the workspace" in result.stderr
    other = root / "notes.xlsx"
    other.write_bytes(b"mine")
    result = gd(root, "export", "-o", str(other))
    assert result.exit_code == 2 and "use --force" in result.stderr
    assert other.read_bytes() == b"mine"
    assert gd(root, "export", "-o", str(other), "--force").exit_code == 0
    assert gd(root, "export", "-o", str(other)).exit_code == 0  # gd wrote it: replaced
    assert plan.read_bytes() == text


def test_a_wrong_progress_file_exits_1_and_writes_nothing(root: Path) -> None:
    bad = root / "progress" / "2020" / "health.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("status: done", "status: finished", 1))
    out = root / "plan.sqlite"
    result = gd(root, "export", "-o", str(out))
    assert result.exit_code == 1 and "health.yaml" in result.stderr
    assert not out.exists()
