"""The plan's history in git: which commits changed it, how, and on what basis.

Each change may cite its basis, the document that approved it: a commit
trailer ``Basis: 師政辦函〔2020〕12號`` (git trailer keys are ASCII) or a line
``依據：…`` in the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gov_disclosure import gitio
from gov_disclosure.errors import GdError
from gov_disclosure.plandiff import Change, diff_plans, diff_registries
from gov_disclosure.workspace import Workspace, load_plan, load_registry

_BASIS = re.compile(
    r"^\s*(?:Basis|basis|BASIS)\s*:\s*(.+?)\s*$|^\s*[依根][據据](?:[：:]|\s)\s*(.+?)\s*$", re.M
)
#: Paths whose changes make a rendered document differ from its revision.
DATA_DIRS = ("plan", "progress", "report")


@dataclass(frozen=True)
class Entry:
    commit: gitio.Commit
    basis: list[str]
    changes: list[Change] = field(default_factory=list)
    created: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "commit": self.commit.sha,
            "short": self.commit.short,
            "date": self.commit.date,
            "author": self.commit.author,
            "subject": self.commit.subject,
            "message": (self.commit.subject + "\n\n" + self.commit.body).strip(),
            "basis": self.basis,
            "created": self.created,
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
    entries = []
    for commit in gitio.log([plan_path, ws.registry_path], top):
        after = Workspace(ws.root, commit.sha)
        parent = gitio.parent(commit.sha, top)
        before = Workspace(ws.root, parent) if parent else None
        message = commit.subject + "\n" + commit.body
        if not after.exists(plan_path):
            continue
        if before is None or not before.exists(plan_path):
            entry = Entry(commit, basis_of(message), [], created=True)
        else:
            entry = Entry(commit, basis_of(message), _changes(before, after, year))
        if (
            task is None
            or any(_touches(c, task) for c in entry.changes)
            or (entry.created and task in _task_ids(after, year))
        ):
            entries.append(entry)
    return entries


def _changes(before: Workspace, after: Workspace, year: int) -> list[Change]:
    try:
        old_units, _ = load_registry(before)
        new_units, _ = load_registry(after)
        old = load_plan(before, year, old_units)
        new = load_plan(after, year, new_units)
    except GdError as exc:
        return [Change("invalid", f"此版本的方案無法讀取：{exc.message}")]
    return diff_registries(old_units, new_units) + diff_plans(old, new)


def _task_ids(ws: Workspace, year: int) -> set[str]:
    try:
        return {t.id for t in load_plan(ws, year).plan.tasks()}
    except GdError:
        return set()


def _touches(change: Change, task: str) -> bool:
    return change.task == task or change.details.get("old_id") == task


def revision(ws: Workspace) -> dict[str, Any]:
    """Which data a document was rendered from: commit, date, and +修改 when the tree differs."""
    top = ws.git_top
    if top is None:
        return {"id": None, "date": None, "dirty": False, "text": "數據未納入 git 版本管理"}
    rev = ws.rev or _head(top)
    if rev is None:
        return {"id": None, "date": None, "dirty": True, "text": "數據尚未提交到 git"}
    date = gitio.text(["show", "-s", "--format=%cs", rev], top).strip()
    dirty = ws.rev is None and gitio.is_dirty([ws.root / d for d in DATA_DIRS], top)
    short = rev[:8]
    return {
        "id": short,
        "date": date,
        "dirty": dirty,
        "text": f"數據版本 {short}（{date}）{'+修改' if dirty else ''}",
    }


def _head(top: Any) -> str | None:
    proc = gitio.run(["rev-parse", "--verify", "--quiet", "HEAD"], top, check=False)
    return proc.stdout.decode().strip() or None if proc.returncode == 0 else None


def adjustments(ws: Workspace, year: int) -> list[dict[str, Any]] | None:
    """The plan's changes since it was first committed, oldest first (None outside git)."""
    if ws.git_top is None:
        return None
    entries = [e for e in plan_log(ws, year) if not e.created]
    rev_sha = ws.rev
    if rev_sha is not None:
        # Only what had happened by the revision rendered from.
        top = ws.git_top
        known = {c.sha for c in gitio.log([ws.plan_path(year), ws.registry_path], top, rev_sha)}
        entries = [e for e in entries if e.commit.sha in known]
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
