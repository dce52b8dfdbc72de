"""Every command has help with an example, and the README names it (as sqlite-utils' test_docs)."""

from __future__ import annotations

from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from conftest import REPO
from gov_disclosure.cli import app

README = (REPO / "README.md").read_text(encoding="utf-8")


def command_paths() -> list[tuple[str, ...]]:
    """Every command that runs something, as the words typed after `gd`."""
    root = typer.main.get_command(app)
    found: list[tuple[str, ...]] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:  # typer's bundled Click
        if hasattr(command, "commands"):
            if path and command.invoke_without_command:  # `gd units` lists, `gd units add` adds
                found.append(path)
            for name, sub in command.commands.items():
                walk(sub, (*path, name))
        else:
            found.append(path)

    walk(root, ())
    return found


def test_the_tree_has_every_command() -> None:
    names = {" ".join(p) for p in command_paths()}
    assert names == {
        "init",
        "rollover",
        "validate",
        "tasks",
        "units",
        "units add",
        "units add-member",
        "due",
        "progress set",
        "progress show",
        "requests add",
        "requests event",
        "requests list",
        "requests show",
        "requests due",
        "workdays add",
        "workdays count",
        "checklist render",
        "report render",
        "plan render",
        "diff",
        "log",
        "import",
        "annual new",
        "annual check",
        "annual render",
        "export",
    }


def test_gd_help_lists_every_command_in_plain_layout() -> None:
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    listed = result.stdout.split("Commands:\n", 1)[1]
    for path in command_paths():
        assert f"\n  {path[0]} " in "\n" + listed, path[0]


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert f"Usage: gd {' '.join(path)} " in text or f"Usage: root {' '.join(path)} " in text
    body = text.split("\n\n", 2)[1] if "\n\n" in text else ""
    assert body.strip(), f"gd {' '.join(path)} has no description"
    assert "Example:" in text and f"gd {' '.join(path)}" in text.split("Example:", 1)[1], (
        f"gd {' '.join(path)} --help has no example of itself"
    )


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_command_is_documented_in_the_readme(path: tuple[str, ...]) -> None:
    assert f"gd {' '.join(path)}" in README, f"README.md never shows `gd {' '.join(path)}`"
