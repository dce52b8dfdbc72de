"""A workspace as an office's is by the year's end: in git, its plan changed after it was
first committed (with the basis of the change), and edits not yet committed."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO, git

#: What the change does: 2.4's deadline moves from 2020-09-20 to 2020-09-30, and 4.2's first
#: sentence loses 或綜合科(股).
SUBJECT = "2.4 目錄編制時限推遲至9月底"
BASIS = "師政辦函〔2020〕12號"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def changed_plan_workspace(root: Path, uncommitted: bool = True) -> str:
    """The bundled workspace at ``root``, committed, then changed; the short hash of HEAD."""
    for part in ("plan", "progress", "report"):
        shutil.copytree(REPO / part, root / part)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "2020年方案")
    plan = root / "plan" / "2020.yaml"
    edit(plan, "          - date: 2020-09-20\n", "          - date: 2020-09-30\n")
    edit(plan, "原則上應為辦公室或綜合科(股)", "原則上應為辦公室")
    git(root, "commit", "-qam", f"{SUBJECT}\n\nBasis: {BASIS}")
    if uncommitted:
        edit(root / "progress" / "2020" / "xiongbi.yaml", "status: in_progress", "status: done")
    return git(root, "rev-parse", "--short=8", "HEAD").strip()
