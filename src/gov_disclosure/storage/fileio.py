"""Safe file writes for every file gd writes: locked, atomic, never half-written.

* Locked: a lock file beside each file serialises writers, so two ``gd``
  processes writing the same file at once both land.
* Atomic: the new content goes to a temporary file in the same folder, is
  flushed to disk, then renamed over the old file; a crash leaves the old file
  or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from gov_disclosure.errors import GdError

if TYPE_CHECKING:
    import datetime as dt

    from ruamel.yaml import YAML

_GITIGNORE = "# written by gd: lock and temporary files\n*.lock\n.*.tmp\n"


def round_trip_yaml() -> YAML:
    """ruamel.yaml in round-trip mode, set up as gd writes YAML (comments and quotes kept)."""
    from ruamel.yaml import YAML  # imported here: only writing commands pay for it

    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.preserve_quotes = True
    yaml.allow_unicode = True
    return yaml


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock for ``path`` (a lock file beside it, never deleted).

    The lock file is never created through a symbolic link (a link planted in a
    clone must not make gd write outside the workspace).
    """
    lock_path = path.with_name(f".{path.name}.lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o666)
    except OSError as exc:
        raise GdError.data(
            f"cannot use the lock file {lock_path.name}: {exc.strerror or exc} "
            "(a link is never followed; remove it)",
            path,
        ) from None
    with os.fdopen(fd, "a+b") as handle:
        _lock(handle)
        try:
            yield
        finally:
            _unlock(handle)


@contextlib.contextmanager
def locked_all(paths: list[Path]) -> Iterator[None]:
    """Hold the locks of several files at once (taken in name order, so writers never deadlock)."""
    with contextlib.ExitStack() as stack:
        for path in sorted(set(paths)):
            stack.enter_context(locked(path))
        yield


#: os.O_NOFOLLOW where the system has it (not on Windows, which has no such links to fear).
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _lock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        handle.seek(0)
        while True:
            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                return
            except OSError:
                continue
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)


def _unlock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


#: What a file is written from: its bytes, or its pieces in order (a large document, as it
#: is rendered: never all in memory).
Content = bytes | Iterable[bytes]


def pieces(data: Content) -> Iterator[bytes]:
    """The pieces of ``data`` (bytes are one piece); a stream is closed once they are taken
    or when taking them fails, so an abandoned render ends at once, not at some later
    garbage collection."""
    if isinstance(data, bytes | bytearray | memoryview):
        yield bytes(data)
        return
    stream = iter(data)
    try:
        yield from stream
    finally:
        close = getattr(stream, "close", None)  # a generator's; a list's iterator has none
        if close is not None:
            close()


def whole(data: Content) -> bytes:
    """All of ``data`` at once: where part of it must never be written (a pipe, a device,
    standard output), a failure while the pieces are made leaves nothing written."""
    return b"".join(pieces(data))


def atomic_write(path: Path, data: Content) -> int:
    """Replace ``path`` with ``data`` all at once; on failure (also one raised while the
    pieces are made) the old file stays as it was. Returns how many bytes were written.

    A target that exists but is not a regular file (``/dev/null``, a pipe) is
    written to, never replaced: its content is gathered first, so it gets all or nothing.
    """
    if path.exists() and not path.is_file():
        content = whole(data)
        try:
            with open(path, "wb") as handle:
                return handle.write(content)
        except OSError as exc:
            raise GdError.data(f"cannot write {path}: {exc.strerror or exc}", path) from None
    return atomic_write_all([(path, data)])


def atomic_write_all(items: list[tuple[Path, Content]]) -> int:
    """Replace several files, all or none as far as the system allows.

    Every new content is first written and flushed to a temporary file beside
    its target; only when all of them are on disk are they renamed over the
    targets. A failure while writing leaves every old file as it was; a rename
    that fails (rare: the data is already on disk) is reported with exactly what
    was and was not replaced. Returns how many bytes were written in all.
    """
    for path, _ in items:
        _refuse_read_only(path)
    staged: list[tuple[str, Path]] = []
    written = 0
    try:
        for path, data in items:
            tmp_name, size = _stage(path, data)
            staged.append((tmp_name, path))
            written += size
    except BaseException as exc:  # a disk full, or a piece that could not be made
        for tmp_name, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        if not isinstance(exc, OSError):
            raise
        failed = items[len(staged)][0]
        raise GdError.data(
            f"cannot write {failed.name}: {exc.strerror or exc}; {_kept(items)}", failed
        ) from None
    _commit(staged)
    return written


def _kept(items: list[tuple[Path, Content]]) -> str:
    """What a failed write left: the old file, no file changed, or nothing written."""
    if len(items) > 1:
        return "no file was changed"
    return "the old file is unchanged" if items[0][0].exists() else "nothing was written"


def _refuse_read_only(path: Path) -> None:
    """A file its owner made read-only is not replaced behind their back."""
    with contextlib.suppress(FileNotFoundError):
        if path.is_file() and not path.stat().st_mode & stat.S_IWUSR:
            raise GdError.data(f"{path.name} is read-only; make it writable to change it", path)


def _stage(path: Path, data: Content) -> tuple[str, int]:
    """The new content in a flushed temporary file beside ``path``, with its mode; its name
    and size."""
    tmp_name, size = _temporary(path, data)
    mode = path.stat().st_mode & 0o777 if path.is_file() else 0o666 & ~_umask()
    os.chmod(tmp_name, mode)
    return tmp_name, size


def _commit(staged: list[tuple[str, Path]]) -> None:
    done: list[Path] = []
    for i, (tmp_name, path) in enumerate(staged):
        try:
            os.replace(tmp_name, path)
        except OSError as exc:
            for other, _ in staged[i:]:
                with contextlib.suppress(OSError):
                    os.unlink(other)
            reason = f"cannot write {path.name}: {exc.strerror or exc}"
            if len(staged) == 1:
                raise GdError.data(f"{reason}; the old file is unchanged", path) from None
            written = "、".join(p.name for p in done) or "none"
            missed = "、".join(p.name for _, p in staged[i:])
            raise GdError.data(
                f"{reason}; written: {written}; not written (old files kept): {missed}", path
            ) from None
        done.append(path)
        _fsync_dir(path.parent)


def _temporary(path: Path, data: Content) -> tuple[str, int]:
    """``data`` written and flushed to disk in a temporary file beside ``path``; its name
    and size.

    A write that fails (a full disk, or a piece that could not be made) leaves no
    temporary file behind.
    """
    with tempfile.NamedTemporaryFile(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    ) as tmp:
        try:
            size = sum(tmp.write(piece) for piece in pieces(data))
            tmp.flush()
            os.fsync(tmp.fileno())
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp.name)
            raise
    return tmp.name, size


def create_new(path: Path, data: bytes) -> None:
    """Write a new file, all at once; a file already there is never replaced (usage error).

    The content is written to a temporary file beside it, then linked into place:
    the link fails if ``path`` exists, even when another process made it a moment ago.
    """
    from gov_disclosure.errors import display_path

    if path.exists():
        raise GdError.usage(f"{display_path(path)} exists; it is never overwritten")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp_name = None
    try:
        tmp_name, _ = _temporary(path, data)
        os.chmod(tmp_name, 0o666 & ~_umask())
        try:
            os.link(tmp_name, path)
        except FileExistsError:
            raise
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
            with open(path, "xb") as handle:  # a filesystem without links: exclusive create
                handle.write(data)
    except FileExistsError:
        raise GdError.usage(f"{display_path(path)} exists; it is never overwritten") from None
    except OSError as exc:
        raise GdError.data(f"cannot write {path.name}: {exc.strerror or exc}", path) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    _fsync_dir(path.parent)


#: What ``os.link`` says on a filesystem that has no hard links (FAT, some network shares).
_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def ensure_gitignore(folder: Path) -> None:
    """A .gitignore for lock and temporary files, unless something is there already
    (never written through a link)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder / ".gitignore", os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o666)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(_GITIGNORE)


def ignore_folder(folder: Path) -> None:
    """A ``.gitignore`` that keeps a folder of gd's own (the cache) out of git; never
    written through a link, never over one already there."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW
    try:
        fd = os.open(folder / ".gitignore", flags, 0o666)
    except FileExistsError:
        return
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("*\n")


def stable_zip(data: bytes, day: dt.date) -> bytes:
    """A zip archive (.docx, .xlsx) whose bytes depend on its content alone: every member
    dated ``day`` at midnight, with the same compression and permissions."""
    import io
    import zipfile  # imported here: only commands that write archives pay for it

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(
                info.filename, date_time=(day.year, day.month, day.day, 0, 0, 0)
            )
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
