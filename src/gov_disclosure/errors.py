"""The project's one error type, its problems, and the exit codes.

A :class:`GdError` carries one or more :class:`Problem` s, each with the file,
line and column it is about.  The command-line layer prints every problem as
``FILE:LINE:COL: message`` and exits with the error's :class:`ExitCode`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    OK = 0
    #: A file of the workspace is wrong (plan, registry, progress, template), or a check failed.
    DATA = 1
    #: What was typed is wrong: an option value, a unit name that matches nothing.
    USAGE = 2
    #: A bug in gd.
    BUG = 3
    INTERRUPTED = 130


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or suspicious, for a warning) at one place."""

    message: str
    file: Path | None = None
    #: 1-based line and column; None when the problem concerns the whole file.
    line: int | None = None
    column: int | None = None
    severity: str = "error"

    def location(self) -> str:
        if self.file is None:
            return ""
        parts = [display_path(self.file)]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def format(self) -> str:
        where = self.location()
        tag = "warning: " if self.severity == "warning" else ""
        return f"{where}: {tag}{self.message}" if where else f"{tag}{self.message}"

    def sort_key(self) -> tuple[str, int, int]:
        return (str(self.file or ""), self.line or 0, self.column or 0)


@dataclass(frozen=True)
class Finding:
    """A problem found in a file's data, located by its path in the data."""

    loc: tuple[str | int, ...]
    message: str
    severity: str = "error"
    key: bool = False


def repeated_keys(section: str, field: str, keys: list[str], what: str, item: str) -> list[Finding]:
    """A finding at each item of `section` whose key an earlier item already has.

    The message reads "duplicate {what} {key} (first is {item} N)", N counted from 1.
    """
    first: dict[str, int] = {}
    findings: list[Finding] = []
    for i, key in enumerate(keys):
        if key in first:
            message = f"duplicate {what} {key} (first is {item} {first[key] + 1})"
            findings.append(Finding((section, i, field), message))
        first.setdefault(key, i)
    return findings


def display_path(path: Path) -> str:
    """A path as people want to read it: relative to the current folder when below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


@dataclass
class GdError(Exception):
    """The project's error: one or more problems and the exit code they call for."""

    problems: list[Problem] = field(default_factory=list)
    exit_code: ExitCode = ExitCode.DATA

    def __post_init__(self) -> None:
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return "\n".join(p.format() for p in self.problems)

    @classmethod
    def data(
        cls,
        message: str,
        file: Path | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> GdError:
        return cls([Problem(message, file, line, column)], ExitCode.DATA)

    @classmethod
    def usage(cls, message: str) -> GdError:
        return cls([Problem(message)], ExitCode.USAGE)

    @classmethod
    def of(cls, problems: list[Problem], exit_code: ExitCode = ExitCode.DATA) -> GdError:
        return cls(sorted(problems, key=Problem.sort_key), exit_code)

    @property
    def message(self) -> str:
        return self.problems[0].message if self.problems else ""


def errors_among(problems: Iterable[Problem]) -> list[Problem]:
    """The errors among ``problems`` (the others are warnings)."""
    return [p for p in problems if p.severity == "error"]


class Checked:
    """What a check found: its ``problems``, and the ``errors`` among them."""

    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return errors_among(self.problems)


def raise_if_errors(problems: list[Problem], exit_code: ExitCode = ExitCode.DATA) -> None:
    errors = errors_among(problems)
    if errors:
        raise GdError.of(errors, exit_code)
