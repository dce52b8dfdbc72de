"""Where the register's files are: ``requests/<year>/<unit-id>.yaml``, and the git-ignored
``requests/private/<year>/<unit-id>.yaml`` beside them.

Paths only, nothing read: a command asks here whether a workspace keeps a register
without loading what checks one (:mod:`.register`).
"""

from __future__ import annotations

import re
from pathlib import Path

from gov_disclosure import constants as C
from gov_disclosure.storage.workspace import Workspace

_YEAR = re.compile(r"^\d{4}$")
SUFFIXES = (".yaml", ".yml")


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


def register_files(ws: Workspace, year: int) -> list[Path]:
    return [
        p
        for p in ws.files(requests_dir(ws) / str(year))
        if p.suffix in SUFFIXES and not p.name.startswith(".")
    ]


def all_register_files(ws: Workspace) -> list[Path]:
    return [p for year in register_years(ws) for p in register_files(ws, year)]


def private_files(ws: Workspace) -> list[Path]:
    root = requests_dir(ws) / C.PRIVATE_DIR
    if not root.is_dir():
        return []
    years = sorted(p for p in root.iterdir() if p.is_dir() and _YEAR.match(p.name))
    return [
        p for y in years for p in ws.files(y) if p.suffix in SUFFIXES and not p.name.startswith(".")
    ]
