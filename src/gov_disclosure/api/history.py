"""`gd diff` and `gd log`: the plan's changes in git."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from gov_disclosure.api._common import Root
from gov_disclosure.storage.workspace import find_workspace

if TYPE_CHECKING:
    from gov_disclosure.history.diff import Change
    from gov_disclosure.history.log import Entry


@dataclass(frozen=True)
class PlanDiff:
    """The plan's changes between two revisions, and how to name each side."""

    old_label: str
    new_label: str
    changes: list[Change]


def diff(
    rev_a: str | None = None,
    rev_b: str | None = None,
    *,
    root: Root = None,
    year: int | None = None,
) -> PlanDiff:
    """What changed between ``rev_a`` (default HEAD) and ``rev_b`` (default the working tree)."""
    from gov_disclosure.history.diff import diff_workspaces
    from gov_disclosure.storage import gitio

    ws = find_workspace(root)
    gitio.require_repo(ws.root)
    old = ws.at(rev_a or "HEAD")
    new = ws.at(rev_b) if rev_b else ws
    changes = diff_workspaces(old, new, year)
    old_label = (rev_a or "HEAD") + f" ({old.rev[:8]})" if old.rev else ""
    new_label = f"{rev_b} ({new.rev[:8]})" if new.rev else "工作區"
    return PlanDiff(old_label, new_label, changes)


@dataclass(frozen=True)
class PlanLog:
    year: int
    task: str | None
    entries: list[Entry]


def log(task: str | None = None, *, root: Root = None, year: int | None = None) -> PlanLog:
    """The commits that changed the plan (or one task), oldest last."""
    from gov_disclosure.history.log import plan_log
    from gov_disclosure.storage import gitio

    ws = find_workspace(root)
    gitio.require_repo(ws.root)
    plan_year = ws.pick_year(year)
    key = task.strip() if task else None
    return PlanLog(plan_year, key, plan_log(ws, plan_year, key))
