"""Every command the README shows runs as written in a copy of this repository.

Each ```console block's `$ …` lines run in order in one shell (state carries
over, as it does for a reader typing them), in a copy of the workspace under
git, with HOME in a temporary folder. A command may exit 0 or 1 (1: it reports
a problem, as several examples show on purpose); where the README shows
`$ echo $?` and 2 after it, it must exit 2. Exit 2 anywhere else means the
example is typed wrongly; 3 is a bug.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

COPIED = ("plan", "progress", "report", "requests", "annual", "templates", "tests/data")
#: Programs besides gd that examples use and a machine may lack: their lines are skipped then
#: (tests/export/test_readme_queries.py runs the sqlite3 queries through Python's sqlite3).
OPTIONAL_PROGRAMS = ("sqlite3",)


Command = tuple[int, int, str, int | None]


def commands(readme: str) -> list[Command]:
    """(block, line, command, the exit code the README shows or None) for every `$ ` line."""
    out: list[Command] = []
    lines = readme.splitlines()
    block, in_console, i = 0, False, 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            in_console = line.strip() == "```console"
            block += in_console
        elif in_console and line.startswith("$ "):
            start = i
            command = line[2:]
            while command.endswith("\\") and i + 1 < len(lines):
                i += 1
                command = command[:-1] + " " + lines[i].strip()
            if command.strip() != "echo $?":
                out.append((block, start + 1, command, _shown_code(lines, i + 1)))
        i += 1
    return out


def _shown_code(lines: list[str], i: int) -> int | None:
    """The code a `$ echo $?` right after a command's output shows, if there is one."""
    while i < len(lines) and not lines[i].startswith(("$ ", "```")):
        i += 1
    if i + 1 < len(lines) and lines[i] == "$ echo $?" and lines[i + 1].strip().isdigit():
        return int(lines[i + 1])
    return None


def test_the_readme_has_commands_to_run() -> None:
    found = commands((REPO / "README.md").read_text(encoding="utf-8"))
    assert len(found) > 20
    assert any(c.startswith("gd init") for _, _, c, _ in found)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed")
def test_readme_commands_run_as_written(tmp_path: Path) -> None:
    repo = tmp_path / "clone"
    for rel in COPIED:
        if (REPO / rel).is_dir():
            shutil.copytree(REPO / rel, repo / rel)
    home = tmp_path / "home"
    home.mkdir()
    bin_dir = Path(sys.executable).parent
    env = {
        **os.environ,
        "HOME": str(home),
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "GIT_AUTHOR_NAME": "政務信息股",
        "GIT_AUTHOR_EMAIL": "info@example.org",
        "GIT_COMMITTER_NAME": "政務信息股",
        "GIT_COMMITTER_EMAIL": "info@example.org",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"),
        "NO_COLOR": "1",
    }
    env.pop("GD_ROOT", None)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "2020年方案"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
    found = commands((REPO / "README.md").read_text(encoding="utf-8"))
    script, previous = ["set +e"], None
    for block, line, command, _ in found:
        if block != previous:  # each block starts in the repository's folder
            script.append(f"cd {repo}")
            previous = block
        program = command.split()[0]
        if program in OPTIONAL_PROGRAMS and shutil.which(program) is None:
            script.append(f'echo "{line} 0" >> {tmp_path / "codes"}')
            continue
        # On a line of its own: a trailing `# comment` must not swallow the redirection.
        script.append(f"{{ {command}\n}} >/dev/null 2>&1")
        script.append(f'echo "{line} $?" >> {tmp_path / "codes"}')
    subprocess.run(["bash", "-c", "\n".join(script)], env=env, check=False, timeout=600)
    codes = {
        int(line): int(code)
        for line, code in (
            row.split() for row in (tmp_path / "codes").read_text(encoding="utf-8").splitlines()
        )
    }
    wrong = []
    for _, line, command, expected in found:
        code = codes.get(line)
        allowed = {expected} if expected == 2 else {0, 1}
        if code not in allowed:
            wrong.append(f"README.md:{line}: `{command}` exited {code}, expected {allowed}")
    assert not wrong, "\n".join(wrong)
    assert re.search(r"\S", (home / "shizong" / "plan" / "units.yaml").read_text("utf-8"))
