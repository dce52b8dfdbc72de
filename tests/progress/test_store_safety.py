"""Progress writes that never lose, half-apply or escape: groups all or none, links never
followed, read-only files kept, line ends and byte-order marks kept."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from conftest import set_record

T = ("--today", "2020-11-27")
TOWNS = "各鄉(鎮、街道)"


def progress(workspace: Path) -> Path:
    return workspace / "progress" / "2020"


def test_a_group_write_is_all_or_none(gd, workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The third member's file cannot be staged (a full disk): no member's file is written.
    real_fsync, calls = os.fsync, []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    result = set_record(gd, "2.4", TOWNS, "done", "2020-09-20", *T)
    assert result.exit_code == 1
    assert "No space left on device; no file was changed" in result.stderr
    assert not list(progress(workspace).glob("*.yaml"))
    assert not list(progress(workspace).glob(".*.tmp"))


def test_a_failed_rename_says_exactly_what_was_written(
    gd, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace, calls = os.replace, []

    def replace(src: str, dst: str) -> None:
        if "progress" in str(dst):  # progress files, not the cache
            calls.append(dst)
        if len(calls) == 2 and calls[-1] == dst:
            raise OSError(5, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    result = set_record(gd, "2.4", TOWNS, "done", "2020-09-20", *T)
    assert result.exit_code == 1
    written = [p.name for p in progress(workspace).glob("*.yaml")]
    assert len(written) == 1
    assert f"written: {written[0]}; not written (old files kept):" in result.stderr


def test_links_are_never_followed(gd, workspace: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = progress(workspace)
    folder.mkdir(parents=True)
    # A dangling link planted as the lock file: gd must not create outside/x through it.
    (folder / ".health.yaml.lock").symlink_to(outside / "x")
    result = set_record(gd, "2.4", "縣衛健局", "done", "2020-09-18", *T)
    assert result.exit_code == 1 and "lock file" in result.stderr
    assert not (outside / "x").exists()
    # A dangling link as progress/.gitignore is left alone, never written through.
    (folder / ".health.yaml.lock").unlink()
    (workspace / "progress" / ".gitignore").unlink(missing_ok=True)
    (workspace / "progress" / ".gitignore").symlink_to(outside / "gitignore")
    assert set_record(gd, "2.4", "縣衛健局", "done", "2020-09-18", *T).exit_code == 0
    assert not (outside / "gitignore").exists()


def test_a_progress_folder_linked_outside_is_refused(gd, workspace: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (workspace / "progress").mkdir()
    (workspace / "progress" / "2020").symlink_to(outside, target_is_directory=True)
    result = set_record(gd, "2.4", "縣衛健局", "done", "2020-09-18", *T)
    assert result.exit_code == 1 and "outside the workspace" in result.stderr
    assert not list(outside.iterdir())


def test_read_only_crlf_and_bom_files(gd, workspace: Path) -> None:
    assert set_record(gd, "2.4", "縣衛健局", "done", "2020-09-18", *T).exit_code == 0
    path = progress(workspace) / "health.yaml"
    text = path.read_bytes()
    path.write_bytes(b"\xef\xbb\xbf" + text.replace(b"\n", b"\r\n"))
    assert set_record(gd, "1.3", "縣衛健局", "in_progress", "2020-10-01", *T).exit_code == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark stays
    assert data.count(b"\r\n") == data.count(b"\n")  # every line still ends CRLF
    assert gd("validate", *T).exit_code == 0
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    before = path.read_bytes()
    result = set_record(gd, "1.3", "縣衛健局", "done", "2020-10-02", *T)
    assert result.exit_code == 1 and "read-only" in result.stderr
    assert path.read_bytes() == before
