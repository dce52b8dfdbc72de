"""What the API's modules share: the workspace argument, opening a plan, naming a unit or a
script as people type them, and rendering a view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from gov_disclosure.errors import GdError, Problem
from gov_disclosure.index.plans import PlanIndex
from gov_disclosure.index.plans import open_plan as open_index
from gov_disclosure.models import Unit
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.storage.workspace import Workspace, find_workspace
from gov_disclosure.textnorm import Script

if TYPE_CHECKING:
    from gov_disclosure.documents.render import DocFormat

#: The workspace: its folder, or None to look upward from the current folder (or $GD_ROOT).
Root = Path | str | None


class Flagged(Protocol):
    """What a listing lists: something flagged overdue, soon, upcoming …"""

    @property
    def flag(self) -> str: ...


Item = TypeVar("Item", bound=Flagged)


@dataclass(frozen=True)
class Listing(Generic[Item]):
    """What a listing command found as of ``today`` (of one unit, or of all), and the warnings
    of the files it read."""

    loaded: LoadedPlan
    unit: Unit | None
    today: dt.date
    items: list[Item]
    warnings: list[Problem]

    @property
    def overdue(self) -> int:
        """How many items are overdue (what ``--check`` fails on)."""
        return sum(1 for item in self.items if item.flag == "overdue")


def open_plans(root: Root, year: int | None, rev: str | None = None) -> PlanIndex:
    """The year's plan (default: the newest) of the workspace, or of it at a git revision,
    answered from the index (:mod:`gov_disclosure.index`): the whole or a slice."""
    ws = find_workspace(root)
    return open_index(ws.at(rev) if rev else ws, year)


def open_plan(root: Root, year: int | None, rev: str | None = None) -> LoadedPlan:
    """The year's whole plan (default: the newest), or as it was at a git revision."""
    return open_plans(root, year, rev).whole()


def resolve_unit(loaded: LoadedPlan, unit: str | None) -> Unit | None:
    """The unit (or group) a name typed any way stands for; None for None."""
    return loaded.units.resolve(unit) if unit is not None else None


def check_typed(*texts: tuple[str, str | None]) -> None:
    """Texts typed as options (``("--note", note)``, a repeated option once for each), each
    checked as typed input before anything is written: a control character is a usage
    error naming its option."""
    from gov_disclosure.textnorm import typed_text

    for option, text in texts:
        if text is not None:
            typed_text(text, option)


def parse_script(script: Script | str | None) -> Script | None:
    if script is None or isinstance(script, Script):
        return script
    if script not in set(Script):
        raise GdError.usage(f"unknown script {script!r}; use one of: {', '.join(Script)}")
    return Script(script)


def render_view_stream(
    kind: str,
    fmt: DocFormat,
    view: Any,
    ws: Workspace,
    archive_date: dt.date,
    template: Path | None,
    script: Script | None = None,
) -> Iterator[bytes]:
    """A view's bytes in ``fmt`` — the ``kind``'s template, or ``template``, filled in, wholly
    in ``script`` (None: each text as it is written) — in pieces as they are rendered.

    The template is found and compiled at once; Markdown and HTML are then rendered as
    the pieces are taken (a failure is raised from the iteration), a Word document at
    once, as one piece."""
    from gov_disclosure.documents.render import (
        DocFormat,
        find_template,
        render_docx,
        render_text_stream,
    )

    path = find_template(kind, fmt, ws, template)
    if fmt is DocFormat.docx:
        return iter([render_docx(path, view, ws, archive_date, script)])
    return (text.encode("utf-8") for text in render_text_stream(path, view, ws, fmt, script))
