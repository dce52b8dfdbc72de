"""The README's export examples give what the README shows: `gd export`'s lines, and each
`sqlite3` query's answer on the exported file (through Python's sqlite3, which prints as the
sqlite3 shell's default list mode does, and through the shell itself where it is installed)."""

from __future__ import annotations

import shlex
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from export_fixtures import copy_workspace
from typer.testing import CliRunner

from conftest import REPO
from gov_disclosure.cli import app

Example = tuple[str, list[str]]


def examples() -> list[Example]:
    """(command, the lines shown after it) of every ```console block of the Export section."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("### Export: ", 1)[1].split("\n### ", 1)[0]
    found: list[Example] = []
    in_console = False
    for line in section.splitlines():
        if line.startswith("```"):
            in_console = line.strip() == "```console"
        elif in_console and line.startswith("$ "):
            found.append((line[2:], []))
        elif in_console and found:
            found[-1][1].append(line)
    return found


def list_mode(path: Path, query: str) -> list[str]:
    """A query's rows as `sqlite3 FILE QUERY` prints them: columns joined by |, NULL empty."""
    db = sqlite3.connect(path)
    try:
        rows = db.execute(query).fetchall()
    finally:
        db.close()
    return ["|".join("" if v is None else str(v) for v in row) for row in rows]


def test_the_section_has_exports_and_queries() -> None:
    programs = [shlex.split(command)[0] for command, _ in examples()]
    assert programs.count("gd") == 2 and programs.count("sqlite3") >= 4


def test_readme_export_examples_give_what_they_show(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_workspace(tmp_path / "ws")
    monkeypatch.chdir(root)
    shell = shutil.which("sqlite3")
    for command, shown in examples():
        argv = shlex.split(command)
        if argv[0] == "gd":
            result = CliRunner().invoke(app, argv[1:], catch_exceptions=False)
            assert result.exit_code == 0, result.stderr
            assert (result.stdout + result.stderr).splitlines() == shown, command
            continue
        assert argv[0] == "sqlite3" and len(argv) == 3, command
        assert list_mode(root / argv[1], argv[2]) == shown, command
        if shell is not None:
            out = subprocess.run([shell, *argv[1:]], capture_output=True, text=True, check=True)
            assert out.stdout.splitlines() == shown, command
