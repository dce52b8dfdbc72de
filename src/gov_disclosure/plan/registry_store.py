"""Writing the unit registry: units added with the same safe, comment-preserving writes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from gov_disclosure.storage.fileio import atomic_write, locked, round_trip_yaml


def append_units(path: Path, entries: list[dict[str, Any]], note: str) -> None:
    """Add units to a registry file (created when missing), keeping what is in it."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = round_trip_yaml()
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        if path.exists():
            doc = yaml.load(path.read_text(encoding="utf-8-sig"))
        else:
            doc = CommentedMap()
            doc.yaml_set_start_comment("Unit registry (created by `gd import --add-units`).")
            doc["units"] = CommentedSeq()
        units = doc.get("units")
        if units is None:
            units = doc["units"] = CommentedSeq()
        for i, entry in enumerate(entries):
            node = CommentedMap(entry)
            units.append(node)
            if i == 0:
                units.yaml_set_comment_before_after_key(len(units) - 1, before=note, indent=2)
        buffer = io.StringIO()
        yaml.dump(doc, buffer)
        atomic_write(path, buffer.getvalue().encode("utf-8"))
