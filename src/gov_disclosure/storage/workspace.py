"""The workspace folder: finding it, and reading its files from disk or a git revision.

A workspace is a folder holding ``plan/`` (the registry ``units.yaml`` and one
``<year>.yaml`` per plan), ``progress/``, ``report/`` and ``templates/``.  It is
found like git finds ``.git``: the nearest folder upward that has ``plan/``.
Loading and checking what the files mean is :mod:`gov_disclosure.plan.loading`'s.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from gov_disclosure import constants as C
from gov_disclosure.errors import GdError
from gov_disclosure.storage import gitio, yamlio

_PLAN_FILE = re.compile(C.PLAN_FILE_PATTERN)


@dataclass(frozen=True)
class Workspace:
    """A workspace folder, as it is on disk or (with ``rev``) as it was at a git commit."""

    root: Path
    #: A full commit id: files are read as they were at that commit.
    rev: str | None = None

    def at(self, rev: str) -> Workspace:
        """The workspace as it was at a git revision (a usage error if git does not know it)."""
        return Workspace(self.root, gitio.resolve(rev, gitio.require_repo(self.root)))

    @cached_property
    def git_top(self) -> Path | None:
        return gitio.toplevel(self.root)

    def _top(self) -> Path:
        top = self.git_top
        if top is None:
            raise GdError.usage(f"{self.root} is not in a git repository")
        return top

    def read(self, path: Path) -> str:
        """A file's text (UTF-8), from disk or from the revision."""
        if self.rev is None:
            return yamlio.read_text(path)
        data = gitio.show(self.rev, path, self._top())
        if data is None:
            raise GdError.data(f"file not found at revision {self.rev[:8]}", path)
        return yamlio.decode_utf8(data, path)

    def load_yaml(self, path: Path) -> yamlio.YamlDocument:
        return yamlio.parse(self.read(path), path)

    def exists(self, path: Path) -> bool:
        if self.rev is None:
            return path.is_file()
        return path.name in gitio.listdir(self.rev, path.parent, self._top())

    def files(self, folder: Path) -> list[Path]:
        """The files directly in a folder, sorted by name."""
        if self.rev is None:
            if not folder.is_dir():
                return []
            return sorted(p for p in folder.iterdir() if p.is_file())
        return sorted(folder / name for name in gitio.listdir(self.rev, folder, self._top()))

    @property
    def plan_dir(self) -> Path:
        return self.root / C.PLAN_DIR

    @property
    def registry_path(self) -> Path:
        return self.plan_dir / C.REGISTRY_FILE

    def plan_path(self, year: int) -> Path:
        names = {p.name for p in self.files(self.plan_dir)}
        for suffix in (".yaml", ".yml"):
            if f"{year}{suffix}" in names:
                return self.plan_dir / f"{year}{suffix}"
        return self.plan_dir / f"{year}.yaml"

    def years(self) -> list[int]:
        found = []
        entries = self.plan_dir.iterdir() if self.rev is None else self.files(self.plan_dir)
        for entry in entries:
            m = _PLAN_FILE.match(entry.name)
            if m:
                found.append(int(m.group(1)))
        return sorted(found)

    def pick_year(self, year: int | None) -> int:
        years = self.years()
        if year is None:
            if not years:
                raise GdError.usage(
                    f"no plan in {self.plan_dir}: expected a file such as 2020.yaml"
                )
            return years[-1]
        if year not in years:
            have = ", ".join(map(str, years)) or "none"
            raise GdError.usage(f"no plan for {year} in {self.plan_dir} (plans: {have})")
        return year


def find_workspace(root: Path | str | None = None, start: Path | None = None) -> Workspace:
    """The workspace given by ``root`` (or ``GD_ROOT``), else the nearest one upward."""
    given = root if root is not None else os.environ.get(C.ROOT_ENV) or None
    if given is not None:
        path = Path(given).expanduser().resolve()
        if not (path / C.PLAN_DIR).is_dir():
            raise GdError.usage(f"{path} is not a gd workspace: it has no {C.PLAN_DIR}/ folder")
        return Workspace(path)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / C.PLAN_DIR).is_dir():
            return Workspace(folder)
    raise GdError.usage(
        f"no gd workspace here: no {C.PLAN_DIR}/ folder in {here} or above it; "
        f"use --root DIR or set {C.ROOT_ENV}"
    )
