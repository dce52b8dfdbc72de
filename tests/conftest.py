from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gov_disclosure.cli import app

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the developer's environment (and cache key) out of the tests."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "user-cache"))
    for name in ("GD_ROOT", "GD_DEBUG", "GD_NO_CACHE", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the bundled workspace (plan/ only) in a temporary folder."""
    root = tmp_path / "ws"
    shutil.copytree(REPO / "plan", root / "plan")
    return root


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str
    stdout_bytes: bytes = b""

    def json(self) -> object:
        return json.loads(self.stdout)


@pytest.fixture
def gd(workspace: Path):
    """Run `gd ARGS…` on the test workspace through Typer's CliRunner."""

    def run(*args: str, root: Path | None = None) -> Result:
        runner = CliRunner()
        argv = list(args)
        if "--root" not in argv and not any(a.startswith("--root=") for a in argv):
            argv += ["--root", str(root or workspace)]
        result = runner.invoke(app, argv, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr, result.stdout_bytes)

    return run


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # type: ignore[no-untyped-def]
    """Say how many cases of the bad-input corpus ran (tests/bad_inputs/)."""
    counts = {"passed": 0, "failed": 0}
    for outcome in counts:
        for report in terminalreporter.stats.get(outcome, []):
            if report.when == "call" and "test_bad_input[" in report.nodeid:
                counts[outcome] += 1
    ran = counts["passed"] + counts["failed"]
    if ran:
        terminalreporter.write_line(
            f"bad-input corpus: {ran} cases ran, {counts['passed']} passed, {counts['failed']} failed"
        )


def set_record(gd, task: str, unit: str, status: str, date: str, *more: str) -> Result:  # type: ignore[no-untyped-def]
    """`gd progress set TASK --unit UNIT --status STATUS --date DATE …` (the tests' common call)."""
    return gd("progress", "set", task, "--unit", unit, "--status", status, "--date", date, *more)


GIT = [
    "git",
    "-c",
    "user.name=政務信息股",
    "-c",
    "user.email=info@example.org",
    "-c",
    "commit.gpgsign=false",
]


def git(cwd: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def committed_workspace(workspace: Path) -> Path:
    """The test workspace as a git repository with the plan committed."""
    git(workspace, "init", "-q")
    git(workspace, "add", "-A")
    git(workspace, "commit", "-qm", "plan")
    return workspace
