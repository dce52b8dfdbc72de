"""Shared by the export tests: a workspace with the bundled plan and progress records."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from conftest import REPO


def copy_workspace(root: Path, script: str | None = None) -> Path:
    """plan/ and progress/ of this repository under ``root``; with ``script``, a
    plan/workspace.yaml that sets it."""
    for folder in ("plan", "progress"):
        shutil.copytree(REPO / folder, root / folder)
    if script is not None:
        (root / "plan" / "workspace.yaml").write_text(f"script: {script}\n", encoding="utf-8")
    return root


def rows(path: Path, query: str, *args: object) -> list[tuple[object, ...]]:
    """What a query on an exported database returns."""
    db = sqlite3.connect(path)
    try:
        return db.execute(query, args).fetchall()
    finally:
        db.close()
