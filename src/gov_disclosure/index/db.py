"""The index file: opening it, trusting it only when it is ours, and rebuilding it when not.

One SQLite file, ``.gd-cache/index.sqlite``.  Its ``meta`` table names the
layout (:data:`FORMAT`), gd's version, Python's, and carries a mark only this
user's key can make (the same key signs the other cache entries): an index
copied from another machine or user, written by another gd, or damaged, is
deleted and made again.  Every failure to read or write it is an
:class:`Unavailable`: the caller then reads the YAML straight.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

from gov_disclosure import __version__
from gov_disclosure.storage import cache
from gov_disclosure.storage.fileio import ignore_folder

FILE = "index.sqlite"
#: Bump when a table changes or a blob holds another shape of gd's objects.
FORMAT = 2

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- One row per plan year: the sources it was checked from, and the plan without its tasks.
CREATE TABLE plans (year INTEGER PRIMARY KEY, sources TEXT NOT NULL, header BLOB NOT NULL);
CREATE TABLE tasks (
    year INTEGER NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL,
    section INTEGER NOT NULL, body BLOB NOT NULL,
    PRIMARY KEY (year, id)
);
CREATE INDEX tasks_by_position ON tasks (year, position);
-- Every unit a task reaches (by assignment, through a group, or a group named itself).
CREATE TABLE reach (year INTEGER NOT NULL, unit TEXT NOT NULL, task TEXT NOT NULL);
CREATE INDEX reach_by_unit ON reach (year, unit);
CREATE TABLE deadlines (year INTEGER NOT NULL, task TEXT NOT NULL, date TEXT NOT NULL);
CREATE INDEX deadlines_by_date ON deadlines (year, date);
-- One row per progress file and day it was checked as of ('' for none): what checking found,
-- against which plan. Its records do not depend on the day: one set of rows per file.
CREATE TABLE progress_files (
    year INTEGER NOT NULL, path TEXT NOT NULL, day TEXT NOT NULL, checked TEXT NOT NULL,
    unit TEXT, usable INTEGER NOT NULL, problems BLOB NOT NULL,
    PRIMARY KEY (year, path, day)
);
-- A record's fields as columns; evidence as a JSON list of [ref, title] (NULL for none).
CREATE TABLE records (
    year INTEGER NOT NULL, path TEXT NOT NULL, unit TEXT NOT NULL, position INTEGER NOT NULL,
    key TEXT NOT NULL, status TEXT NOT NULL, date TEXT, evidence TEXT, note TEXT
);
CREATE INDEX records_by_unit ON records (year, unit);
CREATE INDEX records_by_path ON records (year, path);
"""


class Unavailable(Exception):
    """The index cannot be used now (off, not writable, locked, damaged): read the YAML."""


def _mark(secret: bytes, nonce: str) -> str:
    return hmac.new(secret, f"{FORMAT}|{nonce}".encode(), "sha256").hexdigest()


def _expected() -> dict[str, str]:
    return {
        "format": str(FORMAT),
        "gd": __version__,
        "python": "{}.{}".format(*sys.version_info[:2]),
        # The tables as this gd makes them: a layout changed without a new FORMAT is new too.
        "schema": hashlib.sha256(SCHEMA.encode()).hexdigest()[:16],
    }


def connect(root: Path) -> sqlite3.Connection:
    """The workspace's index, ours and of this layout (made anew when it is not)."""
    if not cache.enabled():
        raise Unavailable("the cache is off")
    secret = cache.secret()
    if secret is None:
        raise Unavailable("no key to sign the index with")
    folder = root / cache.CACHE_DIR
    path = folder / FILE
    if folder.is_symlink() or path.is_symlink():
        raise Unavailable("a link where the index belongs")  # never follow one planted in a clone
    try:
        folder.mkdir(exist_ok=True)
        ignore_folder(folder)
        conn = _open(path)
        if _trusted(conn, secret):
            return conn
        conn.close()
        _remove(path)
        conn = _open(path)
        os.chmod(path, 0o600)  # the user's own, as the other cache entries
        _create(conn, secret)
        return conn
    except (OSError, sqlite3.Error) as exc:
        raise Unavailable(str(exc)) from exc


def _open(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=10, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")  # a lost write costs a rebuild, nothing more
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def _objects(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    """The tables and indexes a file holds (reading the catalogue runs no view or trigger)."""
    rows = conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    return {(str(kind), str(name)) for kind, name in rows}


#: The tables and indexes :data:`SCHEMA` makes, as the catalogue names them.
_SCHEMA_OBJECTS = {
    (kind.lower(), name) for kind, name in re.findall(r"CREATE (TABLE|INDEX) (\w+)", SCHEMA)
}


def _trusted(conn: sqlite3.Connection, secret: bytes) -> bool:
    try:
        # Only gd's own tables and indexes: a planted view (which could run without end)
        # or trigger is never queried.
        if _objects(conn) != _SCHEMA_OBJECTS:
            return False
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error:
        return False  # empty, not a database, another layout
    if any(meta.get(k) != v for k, v in _expected().items()):
        return False
    nonce, mark = meta.get("nonce", ""), meta.get("mark", "")
    return bool(nonce) and hmac.compare_digest(mark, _mark(secret, nonce))


def _create(conn: sqlite3.Connection, secret: bytes) -> None:
    nonce = os.urandom(16).hex()
    conn.executescript(f"BEGIN;\n{SCHEMA}\nCOMMIT;")
    rows = {**_expected(), "nonce": nonce, "mark": _mark(secret, nonce)}
    with transaction(conn):  # the mark last: an index half made is not trusted
        conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(rows.items()))


def _remove(path: Path) -> None:
    for name in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All of a block's writes or none (an immediate lock: two gd runs never interleave)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
