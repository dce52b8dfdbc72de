"""Reading a workspace file as text: a regular file, size-limited, UTF-8 (or a positioned error).

Kept apart from :mod:`~gov_disclosure.storage.yamlio` so that what only needs a file's
bytes or text (hashing for the index, git revisions) does not load PyYAML.
"""

from __future__ import annotations

import stat
from pathlib import Path

from gov_disclosure.constants import MAX_FILE_BYTES
from gov_disclosure.errors import GdError


def read_text(path: Path) -> str:
    """Read a workspace file as UTF-8 text, with a positioned error for anything else.

    Only a regular file is read (a pipe would hang, a device never end), and never
    more than :data:`MAX_FILE_BYTES` of it, whatever its size says.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise GdError.data("is a folder, not a file", path)
        if not stat.S_ISREG(info.st_mode):
            raise GdError.data("is not a regular file (a pipe, a device or a socket)", path)
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise GdError.data("file not found", path) from None
    except IsADirectoryError:
        raise GdError.data("is a folder, not a file", path) from None
    except OSError as exc:
        raise GdError.data(f"cannot read file: {exc.strerror or exc}", path) from None
    if len(raw) > MAX_FILE_BYTES:
        raise GdError.data(
            f"file is too large (over {MAX_FILE_BYTES // (1024 * 1024)} MiB, the limit)", path
        )
    return decode_utf8(raw, path)


def decode_utf8(raw: bytes, path: Path) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise GdError.data(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
            path,
            line,
            col,
        ) from None
