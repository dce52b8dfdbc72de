"""The workspace cache and index: answers with and without them are identical, and neither is
ever trusted stale, damaged or another user's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import git, set_record
from gov_disclosure.index import db
from gov_disclosure.index import plans as index_plans
from gov_disclosure.index.plans import open_plan
from gov_disclosure.plan.loading import load_plan
from gov_disclosure.progress.book import load_progress
from gov_disclosure.storage import cache
from gov_disclosure.storage.workspace import find_workspace

T = ["--today", "2020-10-08"]


@pytest.fixture(autouse=True)
def _own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def entries(root: Path) -> list[str]:
    folder = root / cache.CACHE_DIR
    return sorted(p.name for p in folder.glob("[!.]*")) if folder.exists() else []


def nonce(root: Path) -> str:
    """The mark of one index file: a new one means the index was made anew."""
    import sqlite3

    conn = sqlite3.connect(root / cache.CACHE_DIR / db.FILE)
    try:
        return str(conn.execute("SELECT value FROM meta WHERE key = 'nonce'").fetchone()[0])
    finally:
        conn.close()


def answers(gd) -> list[str]:
    return [
        gd("tasks", "--unit", "縣衛健局", "-f", "json").stdout,
        gd("due", "-f", "json", *T).stdout,
        gd("progress", "show", "-f", "json", *T).stdout,
    ]


def test_same_answers_with_and_without_cache(
    gd, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_record(gd, "2.4", "縣衛健局", "done", "2020-09-18", *T)
    first = answers(gd)  # builds the cache
    assert entries(workspace) == [db.FILE]  # plan/ only: no register, no calendar file
    warm = answers(gd)  # answers from it
    monkeypatch.setenv("GD_NO_CACHE", "1")
    uncached = answers(gd)
    assert first == warm == uncached


def test_cache_is_used_when_nothing_changed(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = find_workspace(workspace)
    open_plan(ws)

    def must_not_parse(*args, **kwargs):
        raise AssertionError("the plan was parsed again although nothing changed")

    monkeypatch.setattr(index_plans, "load_plan", must_not_parse)
    assert len(open_plan(ws).whole().plan.tasks()) == 15


def test_stale_after_an_edit(gd, workspace: Path) -> None:
    assert '"2020-09-20"' in gd("tasks", "-f", "json").stdout
    plan = workspace / "plan" / "2020.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("2020-09-20", "2020-09-25"), encoding="utf-8"
    )
    out = gd("tasks", "-f", "json").stdout
    assert '"2020-09-25"' in out and '"2020-09-20"' not in out


def test_same_size_edit_is_seen(gd, workspace: Path) -> None:
    plan = workspace / "plan" / "2020.yaml"
    gd("tasks", "-f", "json")
    st = plan.stat()
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("2020-09-20", "2020-09-21"), encoding="utf-8"
    )
    os.utime(plan, ns=(st.st_atime_ns, st.st_mtime_ns + 1))  # a new time, same size
    assert '"2020-09-21"' in gd("tasks", "-f", "json").stdout


def test_stale_after_git_checkout(gd, workspace: Path) -> None:
    git(workspace, "init", "-q")
    git(workspace, "add", "plan")
    git(workspace, "commit", "-qm", "v1")
    plan = workspace / "plan" / "2020.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("2020-09-20", "2020-09-29"), encoding="utf-8"
    )
    git(workspace, "commit", "-qam", "v2")
    assert '"2020-09-29"' in gd("tasks", "-f", "json").stdout
    git(workspace, "checkout", "-q", "HEAD~1", "--", "plan")
    assert '"2020-09-20"' in gd("tasks", "-f", "json").stdout


def test_progress_cache_follows_records(gd, workspace: Path) -> None:
    assert gd("progress", "show", "-f", "json", *T).json() == []
    set_record(gd, "1.3", "縣衛健局", "in_progress", "2020-10-01", *T)
    assert [r["task"] for r in gd("progress", "show", "-f", "json", *T).json()] == ["1.3"]


@pytest.mark.parametrize("damage", [b"", b"garbage", b"gd-cache\x00nonsense\n" + b"x" * 64])
def test_corrupted_cache_is_rebuilt(gd, workspace: Path, damage: bytes) -> None:
    before = gd("tasks", "-f", "json").stdout
    for name in entries(workspace):
        (workspace / cache.CACHE_DIR / name).write_bytes(damage)
    assert gd("tasks", "-f", "json").stdout == before
    assert gd("tasks", "-f", "json").stdout == before  # from the index made anew


def test_a_planted_index_with_a_view_is_never_queried(gd, workspace: Path) -> None:
    """A view named like a table of gd's could recurse without end: such a file is remade."""
    import sqlite3

    before = gd("tasks", "-f", "json").stdout
    path = workspace / cache.CACHE_DIR / db.FILE
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE VIEW meta AS WITH RECURSIVE r(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM r)"
        " SELECT 'format' AS key, 'x' AS value FROM r WHERE k < 0"
    )
    conn.close()
    assert gd("tasks", "-f", "json").stdout == before


def test_damaged_rows_are_not_trusted(gd, workspace: Path) -> None:
    """A row whose blob is not gd's plain data (or names another class) is read past."""
    import sqlite3

    before = gd("tasks", "--unit", "縣衛健局", "-f", "json").stdout
    conn = sqlite3.connect(workspace / cache.CACHE_DIR / db.FILE)
    with conn:
        conn.execute('UPDATE tasks SET body = \'{"$c": "os:system", "n": 0, "f": {}}\'')
    conn.close()
    assert gd("tasks", "--unit", "縣衛健局", "-f", "json").stdout == before
    with sqlite3.connect(workspace / cache.CACHE_DIR / db.FILE) as conn:  # a module gd lost
        conn.execute(
            "UPDATE tasks SET body = replace(body, 'gov_disclosure.models', 'gov_disclosure.gone')"
        )
    assert gd("tasks", "--unit", "縣衛健局", "-f", "json").stdout == before


def test_foreign_and_other_version_caches_are_not_trusted(
    gd, workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = gd("tasks", "-f", "json").stdout
    mine = nonce(workspace)
    # Another user's key (a cache folder that came with a cloned repository): not trusted.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))
    ws = find_workspace(workspace)
    assert cache.load(ws.root, "workdays", [ws.registry_path]) is None
    assert gd("tasks", "-f", "json").stdout == before
    theirs = nonce(workspace)
    assert theirs != mine  # made anew
    # Another gd version: not trusted either.
    monkeypatch.setattr(db, "__version__", "999.0")
    assert gd("tasks", "-f", "json").stdout == before
    assert nonce(workspace) != theirs


def test_no_cache_env(gd, workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GD_NO_CACHE", "1")
    gd("tasks", "-f", "json")
    assert entries(workspace) == []


def test_progress_with_today_is_checked_fresh(workspace: Path) -> None:
    import datetime as dt

    ws = find_workspace(workspace)
    loaded = load_plan(ws)
    book, problems = load_progress(loaded, dt.date(2020, 1, 1))
    assert problems == [] and book.by_unit == {}


def test_a_key_file_that_is_not_a_sound_key_is_replaced(tmp_path: Path, monkeypatch) -> None:
    """A full disk once left the key file empty: every entry was then signed with b""."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    key = cache._key_path()
    key.parent.mkdir(parents=True)
    for planted in (b"", b"12345"):
        key.write_bytes(planted)
        secret = cache.secret()
        assert secret is not None and len(secret) == cache.KEY_BYTES and secret != planted
        assert key.read_bytes() == secret


def test_an_edit_that_keeps_size_and_time_is_seen(gd, workspace: Path) -> None:
    """`cp -p`, `rsync -t` and tar keep size and modification time: content decides."""
    import os

    plan = workspace / "plan" / "2020.yaml"
    assert '"2020-09-20"' in gd("tasks", "-f", "json").stdout  # cached now
    st = plan.stat()
    text = plan.read_text(encoding="utf-8").replace("2020-09-20", "2020-09-25")
    plan.write_text(text, encoding="utf-8")
    os.utime(plan, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert plan.stat().st_size == st.st_size and plan.stat().st_mtime_ns == st.st_mtime_ns
    assert '"2020-09-25"' in gd("tasks", "-f", "json").stdout


def test_a_cache_entry_linked_to_a_device_is_never_read(gd, workspace: Path) -> None:
    assert gd("tasks").exit_code == 0  # writes the index
    entry = workspace / ".gd-cache" / db.FILE
    entry.unlink()
    entry.symlink_to("/dev/zero")
    result = gd("tasks", "-f", "json")
    assert result.exit_code == 0 and '"1.1"' in result.stdout  # read from the files
    assert entry.is_symlink()  # and the link left alone, never written through
