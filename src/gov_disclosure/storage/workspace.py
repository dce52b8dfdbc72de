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
from typing import TYPE_CHECKING

from gov_disclosure import constants as C
from gov_disclosure.errors import GdError, Problem
from gov_disclosure.storage import gitio
from gov_disclosure.storage.textfile import decode_utf8, read_text

if TYPE_CHECKING:
    from gov_disclosure.storage.yamlio import YamlDocument

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
        """A file's text (UTF-8), from disk or from the revision (with the same size limit)."""
        if self.rev is None:
            return read_text(path)
        label = self.label(path)
        data = gitio.show(self.rev, path, self._top())
        if data is None:
            raise GdError.data("file not found at this revision", label)
        if len(data) > C.MAX_FILE_BYTES:
            limit = C.MAX_FILE_BYTES // (1024 * 1024)
            raise GdError.data(f"file is too large (over {limit} MiB, the limit)", label)
        return decode_utf8(data, label)

    def label(self, path: Path) -> Path:
        """How a file is named in messages: ``d8f9534d:plan/2020.yaml`` at a revision."""
        if self.rev is None:
            return path
        try:
            rel = path.relative_to(self.root).as_posix()
        except ValueError:
            rel = path.as_posix()
        return Path(f"{self.rev[:8]}:{rel}")

    def load_yaml(self, path: Path) -> YamlDocument:
        from gov_disclosure.storage import yamlio  # PyYAML only for the files actually parsed

        return yamlio.parse(self.read(path), self.label(path))

    def exists(self, path: Path) -> bool:
        if self.rev is None:
            return path.is_file()
        return path.name in gitio.listdir(self.rev, path.parent, self._top())

    def entries(self, folder: Path) -> list[Path]:
        """Everything directly in a folder but hidden names (files, folders, pipes), sorted."""
        if self.rev is None:
            if not folder.is_dir():
                return []
            return sorted(p for p in folder.iterdir() if not p.name.startswith("."))
        names = gitio.listdir(self.rev, folder, self._top())
        return sorted(folder / name for name in names if not name.startswith("."))

    def yaml_files(self, folder: Path, one_per: str) -> tuple[list[Path], list[Problem]]:
        """The ``NAME.yaml`` files of a folder that holds one file per ``one_per``, and a
        problem naming each other thing in it: another spelling (``.yml``), a second copy,
        a folder, a pipe or device, any other file. Nothing there is silently ignored."""
        files: list[Path] = []
        problems: list[Problem] = []
        entries = self.entries(folder)
        names = {p.name for p in entries}
        for path in entries:
            why = self._not_a_yaml_file(path, names, one_per)
            if why is None:
                files.append(path)
            else:
                problems.append(Problem(why, path))
        return files, problems

    def yaml_or_yml_files(self, folder: Path) -> tuple[list[Path], list[Problem]]:
        """The ``NAME.yaml`` and ``NAME.yml`` files of a folder, and a problem for a name
        written both ways: only ``NAME.yaml`` is read then, never both."""
        files = [p for p in self.files(folder) if p.suffix in (".yaml", ".yml")]
        yaml_stems = {p.stem for p in files if p.suffix == ".yaml"}
        doubled = [p for p in files if p.suffix == ".yml" and p.stem in yaml_stems]
        problems = [
            Problem(f"{p.stem}.yaml is beside it: one file per name; remove one", p)
            for p in doubled
        ]
        return [p for p in files if p not in doubled], problems

    def _not_a_yaml_file(self, path: Path, names: set[str], one_per: str) -> str | None:
        if self.rev is None and path.is_symlink() and not path.resolve().is_relative_to(self.root):
            return "a link to outside the workspace; gd reads only files in it"
        if self.rev is None and path.is_dir():
            return f"a folder where only files belong (one {one_per}.yaml per {one_per})"
        if self.rev is None and not path.is_file():
            return "not a regular file (a pipe, a device or a socket)"
        if path.name.endswith(".yaml") and path.name == path.name.strip():
            return None
        stem, _, suffix = path.name.rpartition(".")
        if suffix.lower() in ("yaml", "yml") and stem:
            also = f"; {stem}.yaml is beside it" if f"{stem}.yaml" in names else ""
            return f"spell it {stem}.yaml: one file per {one_per}, one spelling{also}"
        return f"not a {one_per} file (files here are named {one_per}.yaml)"

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
        return self.plan_dir / f"{year:04d}.yaml"

    def years(self) -> list[int]:
        found = []
        for entry in self.entries(self.plan_dir):
            m = _PLAN_FILE.match(entry.name)
            if m and int(m.group(1)) >= C.FIRST_PLAN_YEAR:
                found.append(int(m.group(1)))
        return sorted(found)

    def plan_dir_problems(self) -> list[Problem]:
        """Plan-folder entries that look like plans or the registry but that gd would not read:
        another spelling (2020.yml, UNITS.yaml), a year before any plan (0000.yaml)."""
        problems = []
        for entry in self.entries(self.plan_dir):
            stem, _, suffix = entry.name.rpartition(".")
            if suffix.lower() not in ("yaml", "yml") or not stem:
                continue
            if entry.name != entry.name.lower() or suffix != "yaml":
                if stem.isdigit() or stem.lower() == C.REGISTRY_FILE.removesuffix(".yaml"):
                    problems.append(
                        Problem(f"spell it {stem.lower()}.yaml: one file, one spelling", entry)
                    )
            elif stem.isdigit() and (len(stem) != 4 or int(stem) < C.FIRST_PLAN_YEAR):
                problems.append(Problem(f"{entry.name} is not a plan year (YYYY.yaml)", entry))
        return problems

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
