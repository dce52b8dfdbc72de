"""Safe file writes for every file gd writes: locked, atomic, never half-written.

* Locked: a lock file beside each file serialises writers, so two ``gd``
  processes writing the same file at once both land.
* Atomic: the new content goes to a temporary file in the same folder, is
  flushed to disk, then renamed over the old file; a crash leaves the old file
  or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from gov_disclosure.errors import GdError

if TYPE_CHECKING:
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
    """Hold an exclusive lock for ``path`` (a lock file beside it, never deleted)."""
    lock_path = path.with_name(f".{path.name}.lock")
    with open(lock_path, "a+b") as handle:
        _lock(handle)
        try:
            yield
        finally:
            _unlock(handle)


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


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once; on failure the old file stays as it was.

    A target that exists but is not a regular file (``/dev/null``, a pipe) is
    written to, never replaced.
    """
    if path.exists() and not path.is_file():
        try:
            with open(path, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise GdError.data(f"cannot write {path}: {exc.strerror or exc}", path) from None
        return
    tmp_name = None
    try:
        tmp_name = _temporary(path, data)
        if path.exists():
            os.chmod(tmp_name, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp_name, 0o666 & ~_umask())
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_dir(path.parent)
    except OSError as exc:
        raise GdError.data(
            f"cannot write {path.name}: {exc.strerror or exc}; the old file is unchanged", path
        ) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def _temporary(path: Path, data: bytes) -> str:
    """``data`` written and flushed to disk in a temporary file beside ``path``; its name.

    A write that fails (a full disk) leaves no temporary file behind.
    """
    with tempfile.NamedTemporaryFile(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    ) as tmp:
        try:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp.name)
            raise
    return tmp.name


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
    path = folder / ".gitignore"
    if not path.exists():
        with contextlib.suppress(OSError):
            path.write_text(_GITIGNORE, encoding="utf-8")


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
        tmp_name = _temporary(path, data)
        os.chmod(tmp_name, 0o666 & ~_umask())
        try:
            os.link(tmp_name, path)
        except (PermissionError, NotImplementedError):  # no hard links here: exclusive create
            with open(path, "xb") as handle:
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
