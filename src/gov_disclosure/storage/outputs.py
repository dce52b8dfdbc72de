"""Where a document may be written (`-o FILE`): never over the workspace's own files, and
over an existing file only when gd wrote it (unchanged since) or ``--force`` says so.

gd remembers what it wrote in ``.gd-cache/outputs.json`` (path → SHA-256 of the bytes), so
"a previous output" is a file whose content is still exactly what gd wrote there; a file
edited since, or one gd never wrote, needs ``--force``. Documents themselves carry no mark
of the tool (they are official documents), so the record is kept beside the workspace.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

from gov_disclosure import constants as C
from gov_disclosure.errors import GdError, display_path
from gov_disclosure.storage.fileio import Content, atomic_write, ignore_folder, pieces

#: Folders of the workspace that hold its sources: a document is never written into them.
SOURCE_DIRS = ("plan", "progress", "report", "requests", "annual", "templates", ".git")
#: Kinds of files that are sources wherever they are in the workspace.
SOURCE_SUFFIXES = (".yaml", ".yml", ".j2")
_RECORD = "outputs.json"


def write_document(path: Path, data: Content, root: Path | None, force: bool = False) -> int:
    """Write a document (its bytes, or its pieces as they are rendered) to ``path`` after
    :func:`check_target`; remember what was written (in a workspace, a regular file).
    Returns its size in bytes. A failure leaves no folder it made, no temporary file."""
    check_target(path, root, force)
    digest = hashlib.sha256()

    def hashed() -> Iterator[bytes]:
        for piece in pieces(data):
            digest.update(piece)
            yield piece

    with _folders_for(path):
        size = atomic_write(path, hashed())
    if root is not None and path.is_file():
        _remember(root, path, digest.hexdigest())
    return size


@contextlib.contextmanager
def _folders_for(path: Path) -> Iterator[None]:
    """The folders ``path`` lacks, made for a write and removed again if it fails."""
    missing = [folder for folder in path.parents if not folder.exists()]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GdError.usage(
            f"-o {display_path(path)}: cannot make its folder: {exc.strerror or exc}"
        ) from None
    try:
        yield
    except BaseException:
        for folder in missing:  # the nearest first: each is empty once the one inside is gone
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def check_target(path: Path, root: Path | None, force: bool) -> None:
    """Refuse a target that is a workspace source, a folder, or (without ``force``) an
    existing file that is not a document gd wrote there."""
    shown = display_path(path)
    if path.is_dir():
        raise GdError.usage(f"-o {shown} is a folder; give a file name")
    if root is not None and _is_source(path, root):
        raise GdError.usage(
            f"-o {shown} is a file of the workspace (plan, records, templates); "
            "a document is never written over it"
        )
    if force or not path.exists() or not path.is_file():
        return
    if root is None or not _is_previous_output(root, path):
        raise GdError.usage(
            f"-o {shown} exists and is not a document gd wrote there (or it was edited since); "
            "use --force to replace it"
        )


def _is_source(path: Path, root: Path) -> bool:
    target = Path(os.path.abspath(path))
    try:
        rel = target.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return (rel.parts[:1] and rel.parts[0] in SOURCE_DIRS) or target.suffix in SOURCE_SUFFIXES


def _record_path(root: Path) -> Path:
    from gov_disclosure.storage.cache import CACHE_DIR

    return root / CACHE_DIR / _RECORD


def _load(root: Path) -> dict[str, str]:
    try:
        data = json.loads(_record_path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _is_previous_output(root: Path, path: Path) -> bool:
    recorded = _load(root).get(str(path.resolve()))
    if recorded is None or path.stat().st_size > C.MAX_FILE_BYTES * 4:
        return False
    return recorded == hashlib.sha256(path.read_bytes()).hexdigest()


def _remember(root: Path, path: Path, sha256: str) -> None:
    record_path = _record_path(root)
    if record_path.parent.is_symlink() or not (root / C.PLAN_DIR).is_dir():
        return  # never write through a link; only in a workspace
    record = _load(root)
    record[str(path.resolve())] = sha256
    try:
        record_path.parent.mkdir(exist_ok=True)
        ignore_folder(record_path.parent)
        atomic_write(record_path, json.dumps(record, indent=1, sort_keys=True).encode("utf-8"))
    except (OSError, GdError):
        pass  # the record is a convenience: a document written is not undone for it
