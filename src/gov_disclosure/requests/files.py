"""Where the register's files are: ``requests/<year>/<unit-id>.yaml``, and the git-ignored
``requests/private/<year>/<unit-id>.yaml`` beside them.

Paths only, nothing read: a command asks here whether a workspace keeps a register
without loading what checks one (:mod:`.register`).
"""

from __future__ import annotations

import re
from pathlib import Path

from gov_disclosure import constants as C
from gov_disclosure.errors import Problem
from gov_disclosure.storage.workspace import Workspace

_YEAR = re.compile(r"^\d{4}$")


def requests_dir(ws: Workspace) -> Path:
    return ws.root / C.REQUESTS_DIR


def register_path(ws: Workspace, year: int, unit_id: str) -> Path:
    return requests_dir(ws) / str(year) / f"{unit_id}.yaml"


def private_path(ws: Workspace, year: int, unit_id: str) -> Path:
    return requests_dir(ws) / C.PRIVATE_DIR / str(year) / f"{unit_id}.yaml"


def register_years(ws: Workspace) -> list[int]:
    """The years that have a register folder (``requests/2020/``), oldest first."""
    root = requests_dir(ws)
    if not root.is_dir():
        return []
    return sorted(int(p.name) for p in root.iterdir() if p.is_dir() and _YEAR.match(p.name))


def register_files(ws: Workspace, year: int) -> tuple[list[Path], list[Problem]]:
    """A year's register files (``<unit-id>.yaml`` or ``.yml``), and a problem for a unit's
    file written both ways (only the ``.yaml`` is read: a register is never counted twice)."""
    return ws.yaml_or_yml_files(requests_dir(ws) / str(year))


def all_register_files(ws: Workspace) -> tuple[list[Path], list[Problem]]:
    """Every year's register files, and the problems of what else their folders hold."""
    files: list[Path] = []
    problems: list[Problem] = []
    for year in register_years(ws):
        found, odd = register_files(ws, year)
        files += found
        problems += odd
    return files, problems


def private_files(ws: Workspace) -> tuple[list[Path], list[Problem]]:
    """The git-ignored files of applicants, and the problems of what else their folders hold."""
    root = requests_dir(ws) / C.PRIVATE_DIR
    files: list[Path] = []
    problems: list[Problem] = []
    if root.is_dir():
        for year in sorted(p for p in root.iterdir() if p.is_dir() and _YEAR.match(p.name)):
            found, odd = ws.yaml_or_yml_files(year)
            files += found
            problems += odd
    return files, problems
