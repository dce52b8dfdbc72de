"""`gd checklist render`, `gd report render` and `gd plan render`: documents from the plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gov_disclosure.api._common import (
    Root,
    open_plan,
    open_plans,
    parse_script,
    render_view_stream,
    resolve_unit,
)
from gov_disclosure.errors import Problem
from gov_disclosure.index.progress import progress_as_of
from gov_disclosure.models import Unit
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.progress.book import ProgressBook
from gov_disclosure.textnorm import Script

if TYPE_CHECKING:
    from gov_disclosure.documents.render import DocFormat


@dataclass(frozen=True)
class Document:
    """A document's view model, ready to be rendered by a template, and the script it is in."""

    kind: str
    view: Any
    loaded: LoadedPlan
    #: The day the document describes (also the date stamped inside a .docx archive).
    as_of: dt.date
    warnings: list[Problem] = field(default_factory=list)
    #: Every character of the document is written in this script.
    script: Script = Script.traditional

    @property
    def root(self) -> Path:
        """The workspace the document was made from (its files are never written over)."""
        return self.loaded.workspace.root

    def render(self, fmt: DocFormat, template: Path | None = None) -> bytes:
        """The document's bytes in ``fmt``, from ``template`` or the template search path."""
        return b"".join(self.stream(fmt, template))

    def stream(self, fmt: DocFormat, template: Path | None = None) -> Iterator[bytes]:
        """:meth:`render` in pieces as they are rendered: a large report to a file is never
        all in memory (see :func:`~gov_disclosure.api._common.render_view_stream`)."""
        ws = self.loaded.workspace
        return render_view_stream(self.kind, fmt, self.view, ws, self.as_of, template, self.script)


def checklist(
    *,
    unit: str,
    today: dt.date | None = None,
    rev: str | None = None,
    script: Script | str | None = None,
    root: Root = None,
    year: int | None = None,
) -> Document:
    """A unit's checklist: its tasks and roles, each requirement a checkbox, its deadlines.

    ``script`` (simplified or traditional) overrides the workspace's setting (or the plan's own).
    """
    now = today or dt.date.today()
    plans = open_plans(root, year, rev)
    loaded = plans.whole()
    target = loaded.units.resolve(unit)
    book, warnings = progress_as_of(plans, now)
    return _checklists(loaded, [target], now, parse_script(script), book, warnings)[0]


def checklists(
    *,
    today: dt.date | None = None,
    rev: str | None = None,
    script: Script | str | None = None,
    root: Root = None,
    year: int | None = None,
) -> list[tuple[Unit, Document]]:
    """The checklist of every unit that has a task in the plan."""
    now = today or dt.date.today()
    plans = open_plans(root, year, rev)
    loaded = plans.whole()
    book, warnings = progress_as_of(plans, now)
    units = [
        u
        for u in loaded.units.units
        if not u.is_group and any(u.id in assigned for assigned in loaded.assignments.values())
    ]
    documents = _checklists(loaded, units, now, parse_script(script), book, warnings)
    return list(zip(units, documents, strict=True))


def _checklists(
    loaded: LoadedPlan,
    units: list[Unit],
    today: dt.date,
    script: Script | None,
    book: ProgressBook,
    warnings: list[Problem],
) -> list[Document]:
    """The units' checklists, all of the one revision of the data (asked of git once)."""
    from gov_disclosure.documents import views
    from gov_disclosure.history.log import revision

    stamp = revision(loaded.workspace)
    chosen = loaded.script_for(script)
    views_of = [views.checklist(loaded, book, u, today, stamp) for u in units]
    return [Document("checklist", v, loaded, today, warnings, chosen) for v in views_of]


def report(
    *,
    as_of: dt.date | None = None,
    unit: str | None = None,
    rev: str | None = None,
    script: Script | str | None = None,
    root: Root = None,
    year: int | None = None,
) -> Document:
    """The implementation report (落實情況報告) of the county, or of one unit, as of a day.

    A unit's report takes its words from ``report/<year>/<unit-id>.yaml``, the
    county's from ``report/<year>.yaml``; a part missing there is a warning and
    a placeholder in the document.  In a git repository the report ends with
    the revision it was rendered from, and lists the plan's adjustments since
    it was first committed (附件：方案調整情況).
    """
    from gov_disclosure.documents import views
    from gov_disclosure.documents.adjustments import adjustments
    from gov_disclosure.documents.narrative import load_narrative, missing_parts, narrative_path
    from gov_disclosure.history.log import revision

    as_of = as_of or dt.date.today()
    plans = open_plans(root, year, rev)
    loaded = plans.whole()
    ws = loaded.workspace
    target = resolve_unit(loaded, unit)
    book, warnings = progress_as_of(plans, as_of)
    narrative = load_narrative(ws, loaded.year, target)
    missing = missing_parts(narrative, narrative_path(ws, loaded.year, target))
    changes = adjustments(ws, loaded.year)
    view = views.report(loaded, book, as_of, narrative, target, revision(ws), changes)
    chosen = loaded.script_for(parse_script(script))
    return Document("report", view, loaded, as_of, warnings + missing, chosen)


@dataclass(frozen=True)
class PlanNotice(Document):
    """The plan as the notice that issues it (its view: :mod:`.documents.plan_notice`).

    ``warnings`` say what of the plan `gd import` would not read back from it.
    """


def plan_render(
    *, script: Script | str | None = None, root: Root = None, year: int | None = None
) -> PlanNotice:
    """The plan as the notice that issues it: 主送, body, 落款, 「（此件公開發布）」, then the
    table 工作任務 | 具體要求 | 責任單位; `gd import` reads it back as the same plan.

    ``script`` overrides the workspace's setting (else the plan's own).  Like every
    document, the notice is wholly in that script: a traditional plan that kept a
    simplified character of the notice it came from (并, 于) has it written as
    traditional (並, 於); `gd import` then reads back the same plan in that script.
    """
    from gov_disclosure.documents.notice_readback import readback_problems
    from gov_disclosure.documents.plan_notice import plan_notice

    loaded = open_plan(root, year)
    chosen = loaded.script_for(parse_script(script))
    view = plan_notice(loaded.plan, loaded.units, chosen)
    warnings = [*loaded.warnings, *readback_problems(loaded, view)]
    return PlanNotice("plan", view, loaded, loaded.plan.notice.issued, warnings, chosen)
