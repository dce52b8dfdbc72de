"""-o never overwrites the workspace, nor a file gd did not write, without --force (issue 19.6)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import REPO

AS_OF = ("--as-of", "2020-11-30")


@pytest.fixture
def ws(workspace: Path) -> Path:
    shutil.copytree(REPO / "progress", workspace / "progress")
    return workspace


@pytest.mark.parametrize(
    "target", ["plan/2020.yaml", "plan/units.yaml", "progress/2020/health.yaml", "templates/x.md"]
)
def test_a_document_is_never_written_over_the_workspace(gd, ws: Path, target: str) -> None:
    path = ws / target
    before = path.read_bytes() if path.exists() else None
    for force in ([], ["--force"]):
        result = gd("report", "render", *AS_OF, "-o", str(path), *force)
        assert result.exit_code == 2, result.stderr
        assert "a file of the workspace" in result.stderr
    assert (path.read_bytes() if path.exists() else None) == before


def test_an_existing_file_needs_force_unless_gd_wrote_it(gd, ws: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("我的筆記\n", encoding="utf-8")
    result = gd("report", "render", *AS_OF, "-o", str(notes))
    assert result.exit_code == 2 and "--force" in result.stderr
    assert notes.read_text(encoding="utf-8") == "我的筆記\n"
    assert gd("report", "render", *AS_OF, "-o", str(notes), "--force").exit_code == 0
    # gd wrote it: rendering again replaces it without --force …
    assert gd("report", "render", *AS_OF, "-o", str(notes)).exit_code == 0
    # … until someone edits it.
    notes.write_text(notes.read_text(encoding="utf-8") + "手寫的補充\n", encoding="utf-8")
    assert gd("report", "render", *AS_OF, "-o", str(notes)).exit_code == 2


def test_all_checklists_need_a_folder(gd, ws: Path, tmp_path: Path) -> None:
    a_file = tmp_path / "file.md"
    a_file.write_text("x", encoding="utf-8")
    result = gd("checklist", "render", "--all", "-o", str(a_file), "--today", "2020-11-20")
    assert result.exit_code == 2 and "is a file" in result.stderr
