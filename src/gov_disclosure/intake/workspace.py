"""Which workspace an import reads its registry from."""

from __future__ import annotations

from pathlib import Path

from gov_disclosure.errors import GdError
from gov_disclosure.storage.workspace import Workspace, find_workspace


def workspace_for_import(root: Path | str | None, add_units: bool) -> Workspace | None:
    """The workspace whose registry names units: ``root``, or the one found upward from the
    current folder — never the folder the draft is written to.

    Without a workspace an import still reads the notice (every unit is then
    unknown); adding units needs one.
    """
    try:
        return find_workspace(root)
    except GdError as exc:
        if not add_units:
            return None
        raise GdError.usage(
            f"{exc.message}; --add-units adds units to a workspace's registry: "
            "create one with `gd init` first"
        ) from None
