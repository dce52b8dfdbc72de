"""storage.fileio: atomic, mode-keeping writes and the lock that serialises writers."""

from __future__ import annotations

import errno
import io
import os
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gov_disclosure.errors import GdError
from gov_disclosure.storage.fileio import (
    atomic_write,
    atomic_write_all,
    create_new,
    ensure_gitignore,
    locked,
    pieces,
    round_trip_yaml,
)


def leftovers(folder: Path) -> list[str]:
    """Temporary files an interrupted write would leave behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# ---- atomic_write ----------------------------------------------------------------------


def test_atomic_write_creates_a_file_with_the_umask_mode(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    old_mask = os.umask(0o027)
    try:
        atomic_write(path, "年份: 2020\n".encode())
    finally:
        os.umask(old_mask)
    assert path.read_bytes() == "年份: 2020\n".encode()
    assert mode(path) == 0o640
    assert leftovers(tmp_path) == []


def test_atomic_write_replaces_content_and_keeps_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "kept.yaml"
    path.write_bytes(b"old\n")
    path.chmod(0o600)
    atomic_write(path, b"new\n")
    assert path.read_bytes() == b"new\n"
    assert mode(path) == 0o600
    path.chmod(0o664)
    atomic_write(path, b"newer\n")
    assert mode(path) == 0o664


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_failure_in_a_read_only_folder_leaves_the_old_file(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "kept.yaml"
    path.write_bytes(b"old\n")
    folder.chmod(0o555)
    try:
        with pytest.raises(GdError) as info:
            atomic_write(path, b"new\n")
        assert path.read_bytes() == b"old\n"
        assert leftovers(folder) == []
    finally:
        folder.chmod(0o755)
    (problem,) = info.value.problems
    assert "the old file is unchanged" in problem.message
    assert problem.file == path


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_failure_before_the_rename_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    """Whatever fails (disk full at the flush, a rename refused) the old bytes stay, no temp file."""
    path = tmp_path / "kept.yaml"
    path.write_bytes(b"old\n")
    path.chmod(0o640)

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(GdError) as info:
        atomic_write(path, b"new\n")
    monkeypatch.undo()
    assert path.read_bytes() == b"old\n"
    assert mode(path) == 0o640
    assert leftovers(tmp_path) == []
    assert "No space left on device" in info.value.problems[0].message
    assert "the old file is unchanged" in info.value.problems[0].message


def test_a_target_that_is_not_a_regular_file_is_written_to_not_replaced() -> None:
    devnull = Path(os.devnull)
    if not devnull.exists() or devnull.is_file():  # pragma: no cover - no /dev/null
        pytest.skip("no device file to write to")
    atomic_write(devnull, b"discarded\n")
    assert not devnull.is_file()  # still the device, not a file put in its place


# ---- locked ----------------------------------------------------------------------------


def test_locked_serialises_holders(tmp_path: Path) -> None:
    path = tmp_path / "shared.yaml"
    first_in = threading.Event()
    release_first = threading.Event()
    second_in = threading.Event()

    def first() -> None:
        with locked(path):
            first_in.set()
            release_first.wait(10)

    def second() -> None:
        first_in.wait(10)
        with locked(path):
            second_in.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    try:
        assert first_in.wait(10)
        # The second holder waits as long as the first one holds the lock …
        assert not second_in.wait(0.3)
    finally:
        release_first.set()
    # … and gets it as soon as the first lets go.
    assert second_in.wait(10)
    for thread in threads:
        thread.join(10)


def test_locked_writers_lose_no_update(tmp_path: Path) -> None:
    """Read-modify-write under the lock: every increment lands."""
    path = tmp_path / "counter.txt"
    path.write_text("0", encoding="utf-8")

    def bump() -> None:
        for _ in range(20):
            with locked(path):
                value = int(path.read_text(encoding="utf-8"))
                time.sleep(0.001)
                atomic_write(path, str(value + 1).encode())

    threads = [threading.Thread(target=bump) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert path.read_text(encoding="utf-8") == "100"


def test_lock_file_sits_beside_the_file_and_stays(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    with locked(path):
        assert (tmp_path / ".a.yaml.lock").exists()
    assert (tmp_path / ".a.yaml.lock").exists()
    assert not path.exists()  # locking does not create the file itself


# ---- helpers ---------------------------------------------------------------------------


def test_ensure_gitignore_writes_once_and_keeps_an_existing_one(tmp_path: Path) -> None:
    ensure_gitignore(tmp_path)
    ignored = (tmp_path / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "*.lock" in ignored and ".*.tmp" in ignored
    (tmp_path / ".gitignore").write_text("mine\n", encoding="utf-8")
    ensure_gitignore(tmp_path)
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "mine\n"


def test_round_trip_yaml_keeps_comments_quotes_and_chinese() -> None:
    text = '# 說明\nunit: 縣衛健局  # 單位\nrecords:\n  - task: "2.4"\n    status: done\n'
    yaml = round_trip_yaml()
    data = yaml.load(text)
    out = io.StringIO()
    yaml.dump(data, out)
    assert out.getvalue() == text


# ---- a file written from pieces --------------------------------------------------------


def failing_pieces(first: int) -> Iterator[bytes]:
    """What a render that fails midway gives: some pieces, then an error."""
    for i in range(first):
        yield f"第{i}行\n".encode()
    raise GdError.data("template error: 'no_such_thing' is undefined")


def test_pieces_that_fail_leave_every_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(b"old a")
    with pytest.raises(GdError, match="no_such_thing"):
        atomic_write_all([(a, b"new a"), (b, failing_pieces(3))])
    assert a.read_bytes() == b"old a" and not b.exists()
    assert leftovers(tmp_path) == []


def test_a_pipe_gets_the_whole_content_or_nothing(tmp_path: Path) -> None:
    """A target that is not a regular file is written to, not replaced: the pieces are
    gathered first, so a render that fails midway sends none of its part."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read)
    reader.start()
    with pytest.raises(GdError, match="no_such_thing"):
        atomic_write(fifo, failing_pieces(1000))
    with open(fifo, "wb"):
        pass  # what the reader's open waits for: then it reads the end at once
    reader.join(timeout=10)
    assert received == [b""]


def test_pieces_close_the_stream_they_were_given() -> None:
    """A write that stops early ends the render at once (its generator is closed)."""
    closed: list[bool] = []

    def stream() -> Iterator[bytes]:
        try:
            yield b"x"
            yield b"y"
        finally:
            closed.append(True)

    taken = pieces(stream())
    assert next(taken) == b"x"
    taken.close()
    assert closed == [True]
    assert b"".join(pieces(bytearray(b"ab"))) == b"ab"  # bytes-like content is one piece
    assert list(pieces([b"a", b"b"])) == [b"a", b"b"]  # an iterator without close()


# ---- create_new ------------------------------------------------------------------------


def test_create_new_writes_once_and_never_over(tmp_path: Path) -> None:
    path = tmp_path / "annual" / "2020" / "health.yaml"
    create_new(path, "年報\n".encode())
    assert path.read_text(encoding="utf-8") == "年報\n"
    with pytest.raises(GdError, match="exists; it is never overwritten") as info:
        create_new(path, b"other")
    assert info.value.exit_code == 2 and path.read_text(encoding="utf-8") == "年報\n"
    assert leftovers(path.parent) == []


@pytest.mark.parametrize("code", [errno.EPERM, errno.EOPNOTSUPP])
def test_create_new_without_hard_links_creates_exclusively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    """A filesystem without hard links (FAT, a network share) refuses os.link: the file is
    then created with O_EXCL, which still never replaces one made meanwhile."""

    def no_links(src: str, dst: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "health.yaml"
    create_new(path, b"a: 1\n")
    assert path.read_bytes() == b"a: 1\n" and leftovers(tmp_path) == []


def test_create_new_says_why_it_could_not_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(src: str, dst: object) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "link", broken)
    with pytest.raises(GdError, match=r"cannot write health\.yaml: Input/output error") as info:
        create_new(tmp_path / "health.yaml", b"a: 1\n")
    assert info.value.exit_code == 1 and not (tmp_path / "health.yaml").exists()
    assert leftovers(tmp_path) == []
