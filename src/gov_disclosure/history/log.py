"""The plan's history in git: which commits changed it, how, and on what basis.

Each change may cite its basis, the document that approved it: a commit
trailer ``Basis: 師政辦函〔2020〕12號`` (git trailer keys are ASCII) or a line
``依據：…`` in the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

from gov_disclosure.errors import GdError
from gov_disclosure.history.diff import Change, diff_plans, diff_registries
from gov_disclosure.plan.loading import LoadedPlan, load_plan, load_registry
from gov_disclosure.plan.units import UnitIndex
from gov_disclosure.storage import gitio
from gov_disclosure.storage.workspace import Workspace

_BASIS = re.compile(
    r"^\s*(?:Basis|basis|BASIS)\s*:\s*(.+?)\s*$|^\s*[依根][據据](?:[：:]|\s)\s*(.+?)\s*$", re.M
)
#: Paths whose changes make a rendered document differ from its revision.
DATA_DIRS = ("plan", "progress", "report")


class Revision(TypedDict):
    """Which data a document was rendered from: a commit, its date, and whether the tree differs."""

    id: str | None
    date: str | None
    dirty: bool
    text: str


class Adjustment(TypedDict):
    """One commit that changed the plan, as the report's 方案調整情況 lists it."""

    date: str
    commit: str
    subject: str
    basis: list[str]
    changes: list[str]


#: What a document says when its workspace is not in git.
NO_REVISION: Revision = {
    "id": None,
    "date": None,
    "dirty": False,
    "text": "數據未納入 git 版本管理",
}


@dataclass(frozen=True)
class Entry:
    commit: gitio.Commit
    basis: list[str]
    changes: list[Change] = field(default_factory=list)
    created: bool = False
    #: A shallow clone's history is cut off at this commit: what it changed is not known.
    truncated: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "commit": self.commit.sha,
            "short": self.commit.short,
            "date": self.commit.date,
            "author": self.commit.author,
            "subject": self.commit.subject,
            "message": (self.commit.subject + "\n\n" + self.commit.body).strip(),
            "basis": self.basis,
            "created": self.created,
            "truncated": self.truncated,
            "changes": [c.as_dict() for c in self.changes],
        }


def basis_of(message: str) -> list[str]:
    """The approving documents a commit message cites."""
    return [(m.group(1) or m.group(2)).strip() for m in _BASIS.finditer(message)]


def plan_log(ws: Workspace, year: int, task: str | None = None) -> list[Entry]:
    """Commits that changed the plan of a year or its registry, newest first.

    With ``task``, only those whose changes touch that task.
    """
    top = gitio.require_repo(ws.root)
    plan_path = ws.plan_path(year)
    states: dict[str, _State] = {}  # each revision is read once, though it is "after" and "before"

    def state(sha: str) -> _State:
        if sha not in states:
            states[sha] = _State.load(Workspace(ws.root, sha), year, plan_path)
        return states[sha]

    entries = []
    cut = gitio.shallow_commits(top)
    for commit in gitio.log([plan_path, ws.registry_path], top, ws.rev or "HEAD"):
        after = state(commit.sha)
        if not after.exists:
            continue
        before = state(commit.parent) if commit.parent else None
        basis = basis_of(commit.subject + "\n" + commit.body)
        if before is None and commit.sha in cut:
            entry = Entry(commit, basis, [], truncated=True)  # not a creation: history is cut
        elif before is None or not before.exists:
            entry = Entry(commit, basis, [], created=True)
        else:
            entry = Entry(commit, basis, before.changes_to(after))
        if task is None or _concerns(entry, after, task):
            entries.append(entry)
    return entries


def _concerns(entry: Entry, after: _State, task: str) -> bool:
    """Whether a commit touched a task: changed it, or created the plan that has it."""
    return any(touches(c, task) for c in entry.changes) or (
        entry.created and task in after.task_ids
    )


@dataclass
class _State:
    """The registry and plan at one revision, or why they could not be read."""

    exists: bool
    units: UnitIndex | None = None
    loaded: LoadedPlan | None = None
    error: str | None = None

    @classmethod
    def load(cls, ws: Workspace, year: int, plan_path: Path) -> _State:
        if not ws.exists(plan_path):
            return cls(exists=False)
        try:
            units, _ = load_registry(ws)
            return cls(True, units, load_plan(ws, year, units))
        except GdError as exc:
            return cls(True, error=exc.message)

    @property
    def task_ids(self) -> set[str]:
        return set(self.loaded.tasks_by_id) if self.loaded else set()

    def changes_to(self, after: _State) -> list[Change]:
        if after.error is not None or self.error is not None:
            return [Change("invalid", f"此版本的方案無法讀取：{after.error or self.error}")]
        assert self.units and after.units and self.loaded and after.loaded
        return diff_registries(self.units, after.units) + diff_plans(self.loaded, after.loaded)


def touches(change: Change, task: str) -> bool:
    return change.task == task or change.details.get("old_id") == task


def revision(ws: Workspace) -> Revision:
    """Which data a document was rendered from: commit, date, and +修改 when the tree differs."""
    top = ws.git_top
    if top is None:
        return NO_REVISION
    commit = ws.rev or gitio.head(top)
    if commit is None:
        return {"id": None, "date": None, "dirty": True, "text": "數據尚未提交到 git"}
    commit_date = gitio.text(["show", "-s", "--format=%cs", commit], top).strip()
    dirty = ws.rev is None and gitio.is_dirty([ws.root / d for d in DATA_DIRS], top)
    short = commit[:8]
    return {
        "id": short,
        "date": commit_date,
        "dirty": dirty,
        "text": f"數據版本 {short}（{commit_date}）{'+修改' if dirty else ''}",
    }


def adjustments(ws: Workspace, year: int) -> list[Adjustment] | None:
    """The plan's changes since it was first committed, oldest first (None outside git)."""
    if ws.git_top is None:
        return None
    # plan_log follows history from the revision rendered from: later changes are not listed.
    entries = [e for e in plan_log(ws, year) if not e.created and not e.truncated]
    return [
        {
            "date": e.commit.date[:10],
            "commit": e.commit.short,
            "subject": e.commit.subject,
            "basis": e.basis,
            "changes": [c.text for c in e.changes],
        }
        for e in reversed(entries)
    ]
