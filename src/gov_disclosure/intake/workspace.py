"""Which workspace an import reads its registry from, or makes for the units it adds."""

from __future__ import annotations

from pathlib import Path

from gov_disclosure import constants as C
from gov_disclosure.errors import GdError
from gov_disclosure.storage.workspace import Workspace, find_workspace


def workspace_for_import(
    root: Path | str | None, output: Path | None, add_units: bool
) -> Workspace | None:
    """The workspace whose registry names units: the given or found one, or (with
    ``add_units``) the folder the draft goes into, which gets a ``plan/`` folder."""
    try:
        return find_workspace(root, start=output.parent if output else None)
    except GdError:
        if not add_units:
            return None
    base = (
        Path(root)
        if root
        else (output.parent.parent if output and output.parent.name == C.PLAN_DIR else Path.cwd())
    )
    (base / C.PLAN_DIR).mkdir(parents=True, exist_ok=True)
    return Workspace(base.resolve())
