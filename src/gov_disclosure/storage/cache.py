"""A cache of the validated workspace, so unchanged data is not parsed and checked again.

Entries live in ``.gd-cache/`` at the workspace root (git-ignored).  Each is
keyed by its source files — their paths and content hashes, taken before they
are parsed — and by gd's version and format; an entry whose sources changed,
from another version, corrupted or not signed with this user's key is never
trusted: it is rebuilt.  The signature (an HMAC with a key kept in the user's
own cache folder) keeps a cache folder that came with a cloned repository from
being trusted.  Entries are plain data (:mod:`gov_disclosure.storage.plaindata`,
JSON): reading one runs no code.  ``GD_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import stat as stat_module
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gov_disclosure import __version__
from gov_disclosure.storage import plaindata
from gov_disclosure.storage.fileio import ignore_folder

CACHE_DIR = ".gd-cache"
NO_CACHE_ENV = "GD_NO_CACHE"
#: Bump when the shape of cached objects changes (UnitIndex, WorkCalendar, requests' Register,
#: annual reports). The index's blobs (LoadedPlan, UnitIndex, Task) have their own:
#: :data:`gov_disclosure.index.db.FORMAT`.
FORMAT = 8
_MAGIC = b"gd-cache\x00"
#: The largest entry read back (far above what 10,000 tasks need).
MAX_ENTRY_BYTES = 512 * 1024 * 1024


def enabled() -> bool:
    return not os.environ.get(NO_CACHE_ENV)


def _key_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gov-disclosure" / "cache-key"


#: A signing key is this long; a key file holding anything else (empty after a full disk,
#: short, planted) is replaced, never used.
KEY_BYTES = 32


def secret() -> bytes | None:
    """This user's signing key, made on first use or when the file is not a sound key
    (None where none can be kept: then nothing is cached)."""
    path = _key_path()
    with contextlib.suppress(OSError):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            if len(data) == KEY_BYTES:
                return data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = os.urandom(KEY_BYTES)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cache-key.")
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
        return key if path.read_bytes() == key else None
    except OSError:
        return None


@dataclass(frozen=True)
class Source:
    """A file an entry was made from, as it was then (size, time, content hash)."""

    path: str
    size: int
    mtime_ns: int
    digest: str


def _stat(path: Path) -> tuple[int, int] | None:
    """Size and time of a regular file (None for anything else: a pipe is never read here)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns) if stat_module.S_ISREG(st.st_mode) else None


def _digest(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fingerprint(paths: list[Path]) -> list[Source]:
    out = []
    for path in paths:
        stat = _stat(path)
        if stat is not None:
            out.append(Source(str(path), stat[0], stat[1], _digest(path)))
    return out


def _matches(cached: list[Source], current: list[Source]) -> bool:
    """Whether the sources are as they were: the same files with the same content (a size
    and a time alone never vouch for it: `cp -p` and `rsync -t` keep both)."""
    return [(s.path, s.digest) for s in cached] == [(s.path, s.digest) for s in current]


#: The sources' fingerprints taken by :func:`load` before a miss is parsed, for :func:`store`:
#: an entry describes the content as it was read, not as it is after parsing.
_BEFORE: dict[tuple[str, str], list[Source]] = {}


def _entry_path(root: Path, name: str) -> Path:
    return root / CACHE_DIR / f"{name}.json"


def _header() -> bytes:
    return f"{FORMAT}|{__version__}|{sys.version_info[:2]}".encode()


def load(root: Path, name: str, paths: list[Path]) -> Any | None:
    """The cached value for these sources, or None (missing, stale, foreign or corrupted).

    Any: the value is whatever :func:`store` was given under this name; its caller knows.
    """
    if not enabled():
        return None
    current = fingerprint(paths)
    _BEFORE[(str(root), name)] = current
    secret_key = secret()
    if secret_key is None:
        return None
    entry = _entry_path(root, name)
    if _stat(entry) is None or entry.is_symlink():
        return None  # only a regular file of gd's is read (a link to /dev/zero never ends)
    try:
        with open(entry, "rb") as handle:
            data = handle.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_ENTRY_BYTES:
        return None
    head, sep, rest = data.partition(b"\n")
    if not sep or not head.startswith(_MAGIC) or head[len(_MAGIC) :] != _header():
        return None
    signature, body = rest[:32], rest[32:]
    if len(signature) != 32 or not hmac.compare_digest(
        signature, hmac.new(secret_key, body, "sha256").digest()
    ):
        return None
    try:
        sources, value = plaindata.loads(body)
    except (ValueError, KeyError, TypeError, AttributeError, ImportError):
        return None  # not gd's plain data: treat as corrupted, rebuild
    if not _matches(sources, current):
        return None
    return value


def store(root: Path, name: str, paths: list[Path], value: object) -> None:
    """Write an entry atomically; a cache that cannot be written is simply not written."""
    if not enabled():
        return
    secret_key = secret()
    if secret_key is None:
        return
    folder = root / CACHE_DIR
    before = _BEFORE.pop((str(root), name), None) or fingerprint(paths)
    try:
        body = plaindata.dumps((before, value))
    except plaindata.NotPlain:
        return  # a value this format does not hold is not cached
    if folder.is_symlink():
        return  # never write through a link planted in a clone
    try:
        folder.mkdir(exist_ok=True)
        ignore_folder(folder)
        data = _MAGIC + _header() + b"\n" + hmac.new(secret_key, body, "sha256").digest() + body
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, _entry_path(root, name))
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)
