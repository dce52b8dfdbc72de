"""A run of one command builds only the module that holds it, with the same command in it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_docs import command_paths
from typer.testing import CliRunner

from gov_disclosure.cli import build, command_of


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_each_command_has_the_same_help_in_its_own_tree(path: tuple[str, ...]) -> None:
    assert command_of([*path, "--help"]) == path[0]
    runner = CliRunner()
    whole = runner.invoke(build(), [*path, "--help"], terminal_width=100)
    alone = runner.invoke(build(path[0]), [*path, "--help"], terminal_width=100)
    assert whole.exit_code == alone.exit_code == 0
    assert alone.stdout == whole.stdout


@pytest.mark.parametrize(
    "args",
    [[], ["--help"], ["--version"], ["--version", "tasks"], ["nonsense"], ["-h", "due"]],
)
def test_the_whole_tree_when_no_single_command_is_named(args: list[str]) -> None:
    assert command_of(args) is None


def test_a_warm_listing_loads_only_what_it_needs(workspace: Path) -> None:
    """`gd tasks` imports its own command module, and, once the index holds the plan, none of
    the libraries that read, check or render files (issue 18's start-up)."""
    code = (
        "import sys\n"
        "sys.argv = ['gd', 'tasks', '--unit', '县卫健局', '--root', sys.argv[1], '-f', 'json']\n"
        "from gov_disclosure.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "cli = sorted(m for m in sys.modules if m.startswith('gov_disclosure.cli.'))\n"
        "heavy = ('pydantic', 'jinja2', 'opencc', 'ruamel', 'docxtpl', 'icalendar', 'openpyxl')\n"
        "print(' '.join(cli), '|', ' '.join(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(workspace)], capture_output=True, text=True, check=True
        )
        for _ in range(2)
    ]
    for run in runs:
        assert '"id": "1.3"' in run.stdout
    cli, heavy = runs[1].stderr.strip().split("|")
    assert "gov_disclosure.cli.plan" in cli.split() and "gov_disclosure.cli.annual" not in cli
    assert heavy.split() == []
    assert "pydantic" in runs[0].stderr  # the first run read and checked the plan


@pytest.mark.parametrize(
    "args",
    [
        ["tasks", "--unit", "县卫健局"],
        ["due", "--before", "2020-11-30", "--today", "2020-10-08"],
        ["progress", "show", "--unit", "县卫健局"],
    ],
    ids=lambda a: a[0],
)
def test_a_warm_json_listing_loads_neither_yaml_nor_rich(workspace: Path, args: list[str]) -> None:
    """A script's warm `--format json` reads the index and prints JSON: PyYAML (the files are
    not parsed), rich (no table, no message) and, in a workspace without a register of
    requests, what checks one stay unloaded (issue 18's start-up)."""
    code = (
        "import sys\n"
        f"sys.argv = ['gd', *{args!r}, '--root', sys.argv[1], '-f', 'json']\n"
        "from gov_disclosure.cli import main\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
        "loaded = ('yaml', 'rich', 'gov_disclosure.requests.register')\n"
        "print(' '.join(m for m in loaded if m in sys.modules), file=sys.stderr)\n"
    )
    run = [sys.executable, "-c", code, str(workspace)]
    subprocess.run(run, capture_output=True, check=True)  # the first run fills the index
    warm = subprocess.run(run, capture_output=True, text=True, check=True)
    assert warm.stdout.startswith("[")
    assert warm.stderr.strip() == ""


def test_a_run_of_gd_collects_garbage_rarely(workspace: Path) -> None:
    """The process gd runs in walks its old objects rarely (GC_THRESHOLDS: the cold read of a
    large workspace took twice as long with Python's defaults)."""
    code = (
        "import gc, sys\n"
        "sys.argv = ['gd', 'tasks', '--root', sys.argv[1], '-f', 'json']\n"
        "from gov_disclosure.cli import GC_THRESHOLDS, main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(gc.get_threshold() == GC_THRESHOLDS, GC_THRESHOLDS[0] >= 100_000, file=sys.stderr)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(workspace)], capture_output=True, text=True, check=True
    )
    assert run.stderr.split() == ["True", "True"]
