"""A closed pipe never turns a failed check into success (real processes, real pipes)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

GD = [sys.executable, "-m", "gov_disclosure"]


def status_through_head(args: list[str], cwd: Path) -> int:
    """gd's exit status when its reader (`head -0`) goes away at once."""
    command = " ".join([*GD, *args]) + " 2>/dev/null | head -c 0; exit ${PIPESTATUS[0]}"
    return subprocess.run(["bash", "-c", command], cwd=cwd, check=False).returncode


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("head") is None, reason="bash")
def test_failed_checks_keep_their_exit_code_through_a_closed_pipe(workspace: Path) -> None:
    plan = workspace / "plan" / "2020.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("2020-09-20", "2020-13-20"), "utf-8")
    assert {status_through_head(["validate"], workspace) for _ in range(3)} == {1}
    plan.write_text(plan.read_text(encoding="utf-8").replace("2020-13-20", "2020-09-20"), "utf-8")
    assert status_through_head(["validate"], workspace) == 0
    due = ["due", "--check", "--today", "2020-12-31"]
    assert {status_through_head(due, workspace) for _ in range(3)} == {1}  # overdue stays 1
    assert status_through_head(["tasks"], workspace) == 0  # a listing cut short is fine


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("head") is None, reason="bash")
def test_every_failing_command_keeps_its_exit_code_through_a_closed_pipe(tmp_path: Path) -> None:
    """`gd requests due --check`, `gd annual check` and `gd import` fail after printing:
    the reader gone first must not turn that into success (cli.common.outcome/finish)."""
    from conftest import REPO

    root = tmp_path / "ws"
    for part in ("plan", "progress", "requests", "annual"):
        shutil.copytree(REPO / part, root / part)
    report = root / "annual" / "2020" / "xiongbi.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("year: 2020", "year: 2019"), "utf-8"
    )
    notice = REPO / "tests" / "data" / "shizong-2020-notice.txt"  # as it arrived: warnings
    cases = [
        ["requests", "due", "--check", "--today", "2020-12-31"],
        ["annual", "check", "--year", "2020"],
        ["import", str(notice)],
    ]
    for args in cases:
        direct = subprocess.run([*GD, *args], cwd=root, capture_output=True, check=False)
        assert direct.returncode == 1, (args, direct.stderr)
        assert {status_through_head(args, root) for _ in range(3)} == {1}, args
