"""A cache of the validated workspace, so unchanged data is not parsed and checked again.

Entries live in ``.gd-cache/`` at the workspace root (git-ignored).  Each is
keyed by its source files — their paths, sizes, modification times and, when
those differ, content hashes — and by gd's version and format; an entry whose
sources changed, from another version, corrupted or not signed with this
user's key is never trusted: it is rebuilt.  The signature (an HMAC with a key
kept in the user's own cache folder) also keeps a cache folder that came with
a cloned repository from being unpickled.  ``GD_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gov_disclosure import __version__

CACHE_DIR = ".gd-cache"
NO_CACHE_ENV = "GD_NO_CACHE"
#: Bump when the shape of cached objects changes (models, UnitIndex, LoadedPlan, ProgressBook,
#: WorkCalendar, requests' Register).
FORMAT = 6
_MAGIC = b"gd-cache\x00"


def enabled() -> bool:
    return not os.environ.get(NO_CACHE_ENV)


def _key_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gov-disclosure" / "cache-key"


def _secret() -> bytes | None:
    """This user's signing key, created on first use (None where it cannot be kept)."""
    path = _key_path()
    try:
        data = path.read_bytes()
        if len(data) >= 32:
            return data
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = os.urandom(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        return key
    except FileExistsError:
        with contextlib.suppress(OSError):
            return path.read_bytes()
    except OSError:
        pass
    return None


@dataclass(frozen=True)
class Source:
    path: str
    size: int
    mtime_ns: int
    digest: str


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


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


def _matches(cached: list[Source], paths: list[Path]) -> bool:
    """Whether the sources are as they were: same files, and same content where stats differ."""
    if [s.path for s in cached] != [str(p) for p in paths if p.exists()]:
        return False
    for source, path in zip(cached, [p for p in paths if p.exists()], strict=True):
        stat = _stat(path)
        if stat is None:
            return False
        if stat == (source.size, source.mtime_ns):
            continue
        if stat[0] != source.size or _digest(path) != source.digest:
            return False
    return True


def _entry_path(root: Path, name: str) -> Path:
    return root / CACHE_DIR / f"{name}.pickle"


def _header() -> bytes:
    return f"{FORMAT}|{__version__}|{sys.version_info[:2]}".encode()


def load(root: Path, name: str, paths: list[Path]) -> Any | None:
    """The cached value for these sources, or None (missing, stale, foreign or corrupted).

    Any: the value is whatever :func:`store` was given under this name; its caller knows.
    """
    if not enabled():
        return None
    secret = _secret()
    if secret is None:
        return None
    try:
        data = _entry_path(root, name).read_bytes()
    except OSError:
        return None
    head, sep, rest = data.partition(b"\n")
    if not sep or not head.startswith(_MAGIC) or head[len(_MAGIC) :] != _header():
        return None
    signature, body = rest[:32], rest[32:]
    if len(signature) != 32 or not hmac.compare_digest(
        signature, hmac.new(secret, body, "sha256").digest()
    ):
        return None
    try:
        sources, value = pickle.loads(body)
    except Exception:  # a signed entry that does not unpickle: treat as corrupted, rebuild
        return None
    if not _matches(sources, paths):
        return None
    return value


def store(root: Path, name: str, paths: list[Path], value: object) -> None:
    """Write an entry atomically; a cache that cannot be written is simply not written."""
    if not enabled():
        return
    secret = _secret()
    if secret is None:
        return
    folder = root / CACHE_DIR
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")
        body = pickle.dumps((fingerprint(paths), value), protocol=pickle.HIGHEST_PROTOCOL)
        data = _MAGIC + _header() + b"\n" + hmac.new(secret, body, "sha256").digest() + body
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, _entry_path(root, name))
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)
