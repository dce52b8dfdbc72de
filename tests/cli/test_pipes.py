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
