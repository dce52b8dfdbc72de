"""Writing progress files: locked, atomic, deterministic, comment-preserving.

* Locked and atomic: through :mod:`gov_disclosure.storage.fileio`, so two
  ``gd progress set`` calls at once both land and a crash never leaves half a file.
* Deterministic: records sorted in plan order, keys in a fixed order, so the
  same content gives the same bytes and a git diff shows only what changed.
* Comment-preserving: an existing file is updated with ruamel.yaml's
  round-trip mode, so what people wrote by hand (comments, layout) stays.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from gov_disclosure.errors import GdError, errors_among
from gov_disclosure.models import Evidence, Status, Unit
from gov_disclosure.plan.assignments import key_order, units_for_key
from gov_disclosure.plan.assignments import position as key_position
from gov_disclosure.plan.loading import LoadedPlan
from gov_disclosure.progress.book import date_window, load_unit_file, progress_path
from gov_disclosure.storage import yamlio
from gov_disclosure.storage.fileio import (
    atomic_write_all,
    ensure_gitignore,
    locked_all,
    round_trip_yaml,
)
from gov_disclosure.storage.textfile import decode_utf8

if TYPE_CHECKING:  # ruamel.yaml is imported where it is used: only writing pays for it
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

RECORD_KEYS = ("task", "status", "date", "evidence", "note")


@dataclass(frozen=True)
class Change:
    """What `gd progress set` asks for; None means: keep what the record has."""

    key: str
    status: Status
    date: dt.date
    evidence: tuple[Evidence, ...] = ()
    note: str | None = None
    clear_evidence: bool = False


@dataclass(frozen=True)
class Written:
    unit: Unit
    path: Path
    changed: bool
    created: bool


def set_progress(loaded: LoadedPlan, unit: Unit, change: Change, today: dt.date) -> list[Written]:
    """Record a change for a unit (or each member of a group assigned to the task).

    Everything is checked before anything is written: the task, the unit's
    assignment, the date (not after ``today``), and that every file to update
    can be read. Under the locks of every file, all new contents are made and
    checked first, then written together (see :func:`atomic_write_all`): a
    group's members are all updated, or none.
    """
    targets = _targets(loaded, unit, change.key)
    _check_date(loaded, change.date, today)
    paths = [progress_path(loaded.workspace, loaded.year, target) for target in targets]
    folder = _progress_folder(loaded, paths[0].parent)
    ensure_gitignore(folder.parent)
    with locked_all(paths):
        plans = [
            _prepare(loaded, target, path, change)
            for target, path in zip(targets, paths, strict=True)
        ]
        atomic_write_all([(path, new) for path, new, written in plans if written.changed])
    return [written for _, _, written in plans]


def _progress_folder(loaded: LoadedPlan, folder: Path) -> Path:
    """The year's progress folder, made if missing; never one that leads outside the workspace."""
    root = loaded.workspace.root.resolve()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GdError.data(f"cannot make the folder: {exc.strerror or exc}", folder) from None
    if folder.is_symlink() or not folder.resolve().is_relative_to(root):
        raise GdError.data(
            "the progress folder leads outside the workspace; gd writes only in it", folder
        )
    return folder


def _targets(loaded: LoadedPlan, unit: Unit, key: str) -> list[Unit]:
    """The units to write a record for: the unit, or the members of a group assigned to ``key``."""
    assigned = units_for_key(loaded, key)
    if assigned is None:
        keys = ", ".join([*loaded.tasks_by_id, *(m.id for m in loaded.plan.milestones)])
        raise GdError.usage(f"no task or milestone {key!r} in the {loaded.year} plan ({keys})")
    if unit.is_group:
        targets = [u for u in loaded.units.members(unit) if u in assigned]
        if not targets:
            raise GdError.usage(f"no member of {unit.name} is assigned to {key}")
        return targets
    if unit not in assigned:
        raise GdError.usage(
            f"{unit.name} is not assigned to {key}; assigned: {describe_assignment(loaded, key)}"
        )
    return [unit]


def _check_date(loaded: LoadedPlan, record_date: dt.date, today: dt.date) -> None:
    """A record's date must fall in the plan's window and not after today."""
    first, last = date_window(loaded.year)
    if not first <= record_date <= last:
        raise GdError.usage(
            f"--date {record_date} is outside {first} … {last} for the {loaded.year} plan"
        )
    if record_date > today:
        raise GdError.usage(f"--date {record_date} is in the future (today is {today})")


def describe_assignment(loaded: LoadedPlan, key: str) -> str:
    """Who is assigned to a task or milestone, for an error message."""
    if key in loaded.tasks_by_id:
        from gov_disclosure.plan.queries import task_record

        record = task_record(loaded, loaded.tasks_by_id[key])
        parts = [
            f"{role} {'、'.join(record[role])}" for role in ("lead", "responsible") if record[role]
        ]
        return "; ".join(parts)
    return "、".join(u.name for u in units_for_key(loaded, key) or [])


def _check_existing(loaded: LoadedPlan, path: Path, data: bytes) -> None:
    """Refuse to rewrite a file that is not valid: it would lose what it holds."""
    try:
        _, problems = load_unit_file(loaded, path, data=data)
    except GdError as exc:
        raise _refusal(path, exc.problems[0].format()) from None
    errors = errors_among(problems)
    if errors:
        raise _refusal(path, errors[0].format())


def _refusal(path: Path, why: str) -> GdError:
    return GdError.data(f"not updating {path.name}: it is not valid; fix it first ({why})", path)


def _prepare(
    loaded: LoadedPlan, unit: Unit, path: Path, change: Change
) -> tuple[Path, bytes, Written]:
    """A unit's file with the change made (under its lock), checked to read back."""
    if path.is_symlink():
        raise GdError.data("a progress file is never a link; replace it with the file", path)
    created = not path.exists()
    old = b"" if created else path.read_bytes()
    if not created:
        _check_existing(loaded, path, old)  # under the lock: it may have changed
    text, style = _plain(old)
    new = _styled(render(loaded, unit, text, change), style)
    if new == old:
        return path, new, Written(unit, path, changed=False, created=False)
    # Never write what we could not read back.
    from gov_disclosure.schema import ProgressFile
    from gov_disclosure.storage.schema_errors import validate_document

    parsed = yamlio.parse(decode_utf8(new, path), path)
    validate_document(parsed, ProgressFile, "progress file")
    return path, new, Written(unit, path, changed=True, created=created)


_BOM = b"\xef\xbb\xbf"


def _plain(data: bytes) -> tuple[bytes, tuple[bool, bool]]:
    """A file's bytes without a byte-order mark and with LF line ends, and how it had them."""
    bom = data.startswith(_BOM)
    crlf = b"\r\n" in data
    return data.removeprefix(_BOM).replace(b"\r\n", b"\n"), (bom, crlf)


def _styled(data: bytes, style: tuple[bool, bool]) -> bytes:
    """Bytes given back the byte-order mark and line ends the file had."""
    bom, crlf = style
    if crlf:
        data = data.replace(b"\n", b"\r\n")
    return _BOM + data if bom else data


# ---- rendering -----------------------------------------------------------------


def render(loaded: LoadedPlan, unit: Unit, old: bytes, change: Change) -> bytes:
    """The file's new bytes: the old content with one record changed or added.

    Only the text of that record is rewritten; every other byte of the file
    stays as it was (comments, layout, other records), so a git diff shows
    just the change.  Unusual layouts (records in flow style, an empty list)
    fall back to a round trip of the whole file, which keeps comments too.
    """
    if not old:
        return _new_file(loaded, unit, change)
    text = old.decode("utf-8-sig")
    spliced = _splice(text, loaded, change)
    if spliced is None:
        return _round_trip(text, loaded, change)
    return spliced.encode("utf-8")


def _dump(yaml: YAML, data: object) -> str:
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def _new_file(loaded: LoadedPlan, unit: Unit, change: Change) -> bytes:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    doc = CommentedMap()
    doc["unit"] = unit.name
    doc["year"] = loaded.year
    doc["records"] = CommentedSeq([_new_record(change)])
    doc.yaml_set_start_comment(
        f"{unit.name} {loaded.year} 年政務公開工作要點落實情況\n"
        "Progress records kept by `gd progress set`; they may also be edited by hand."
    )
    return _dump(round_trip_yaml(), doc).encode("utf-8")


def _new_record(change: Change) -> CommentedMap:
    from ruamel.yaml.comments import CommentedMap

    record = CommentedMap()
    record["task"] = _quoted(change.key)
    _update(record, change)
    _set(record, "date", change.date)
    return record


def _insert_index(loaded: LoadedPlan, keys: list[str], key: str) -> int:
    """Where a new record for ``key`` goes among records with these keys: in plan order."""
    order = key_order(loaded)
    return sum(1 for k in keys if key_position(order, k) < order[key])


def _round_trip(text: str, loaded: LoadedPlan, change: Change) -> bytes:
    """The whole file loaded and dumped again by ruamel.yaml, with the record changed or added."""
    from ruamel.yaml.comments import CommentedSeq

    yaml = round_trip_yaml()
    doc: CommentedMap = yaml.load(text)  # a valid progress file: checked before
    records: CommentedSeq | None = doc.get("records")
    if records is None:
        records = doc["records"] = CommentedSeq()
    current = next((r for r in records if str(r.get("task")) == change.key), None)
    if current is None:
        keys = [str(r.get("task")) for r in records]
        records.insert(_insert_index(loaded, keys, change.key), _new_record(change))
    elif _update(current, change):
        _set(current, "date", change.date)
    return _dump(yaml, doc).encode("utf-8")


# ---- splicing: rewriting one record's lines and nothing else ------------------------


@dataclass(frozen=True)
class _Records:
    """A file's records list in the usual layout: where each record's lines begin and end."""

    #: Offset of the first line of each record, then of the line after the last record.
    bounds: list[int]
    #: Each record's task key ("" for a record that has none).
    keys: list[str]
    #: The column of the records' dashes (one for all of them).
    indent: int

    @property
    def shift(self) -> int:
        """How far right of column 2 the dashes stand.

        ruamel writes a top-level list with its dash at column 2 (as records are
        written); a file that indents its records otherwise is shifted to that and back.
        """
        return self.indent - 2


def _splice(text: str, loaded: LoadedPlan, change: Change) -> str | None:
    """Rewrite only the record's lines; None when the layout is not the usual one."""
    records = _find_records(text)
    if records is None:
        return None
    if change.key in records.keys:
        return _replace_record(text, records, records.keys.index(change.key), change)
    return _insert_record(text, records, _insert_index(loaded, records.keys, change.key), change)


def _find_records(text: str) -> _Records | None:
    """The records list, when it is a block list of block mappings, each "- " in one column."""
    root = yamlio.compose(text)
    if not isinstance(root, MappingNode):
        return None
    records = next((v for k, v in root.value if k.value == "records"), None)
    if not isinstance(records, SequenceNode) or records.flow_style or not records.value:
        return None
    starts: list[int] = []
    keys: list[str] = []
    columns: set[int] = set()
    for item in records.value:
        start = _record_start(text, item)
        if start is None:
            return None
        line_start, column = start
        columns.add(column)
        if len(columns) > 1:
            return None
        starts.append(line_start)
        keys.append(_task_key(item))
    end = max(_records_end(text, records), starts[-1])
    return _Records([*starts, end], keys, columns.pop())


def _record_start(text: str, item: Node) -> tuple[int, int] | None:
    """Where the line of a record's dash begins, and the dash's column.

    None unless the record is a block mapping whose first key follows its dash
    on the same line (``- task: …``).
    """
    line_start = text.rfind("\n", 0, item.start_mark.index) + 1
    prefix = text[line_start : item.start_mark.index]
    if prefix.strip() != "-" or not isinstance(item, MappingNode) or item.flow_style:
        return None
    return line_start, len(prefix) - len(prefix.lstrip(" "))


def _task_key(item: MappingNode) -> str:
    values = (v for k, v in item.value if k.value == "task" and isinstance(v, ScalarNode))
    return next((str(v.value) for v in values), "")


def _records_end(text: str, records: SequenceNode) -> int:
    """The offset of the line after the records list (the end of the text for the last list)."""
    if records.end_mark.index >= len(text):
        return len(text)
    return text.rfind("\n", 0, records.end_mark.index) + 1


def _replace_record(text: str, records: _Records, index: int, change: Change) -> str:
    """The text with the record at ``index`` changed (the same text when nothing changes)."""
    begin, end = records.bounds[index], records.bounds[index + 1]
    yaml = round_trip_yaml()
    block: CommentedSeq = yaml.load(_shift(text[begin:end], -records.shift))
    if not _update(block[0], change):
        return text
    _set(block[0], "date", change.date)
    return text[:begin] + _shift(_dump(yaml, block), records.shift) + text[end:]


def _insert_record(text: str, records: _Records, index: int, change: Change) -> str:
    """The text with a new record before the one at ``index`` (after the last one at the end)."""
    at = records.bounds[index]
    new = _shift(_dump(round_trip_yaml(), [_new_record(change)]), records.shift)
    if at == len(text) and text and not text.endswith("\n"):
        new = "\n" + new
    return text[:at] + new + text[at:]


def _shift(block: str, n: int) -> str:
    """Indent every non-blank line by n spaces (n > 0) or take up to -n spaces away."""
    if n == 0:
        return block
    out = []
    for line in block.splitlines(keepends=True):
        if not line.strip():
            out.append(line)
        elif n > 0:
            out.append(" " * n + line)
        else:
            spaces = len(line) - len(line.lstrip(" "))
            out.append(line[min(spaces, -n) :])
    return "".join(out)


# ---- one record ---------------------------------------------------------------------


def _update(record: CommentedMap, change: Change) -> bool:
    """Apply a change to one record in place; True when anything changed."""
    before = _snapshot(record)
    _set(record, "status", change.status.value)
    _add_evidence(record, change)
    if change.note is not None:
        if change.note.strip():
            _set(record, "note", _note(change.note))
        elif "note" in record:
            del record["note"]
    return _snapshot(record) != before


def _add_evidence(record: CommentedMap, change: Change) -> None:
    """Empty the evidence first if asked, then add each item the record does not cite yet."""
    existing: CommentedSeq | None = record.get("evidence")
    if change.clear_evidence and "evidence" in record:
        del record["evidence"]
        existing = None
    refs = {_ref(e) for e in existing or []}
    added: list[str | CommentedMap] = []
    for item in change.evidence:
        if item.ref not in refs:
            added.append(_evidence_node(item))
            refs.add(item.ref)
    if not added:
        return
    if existing is None:
        from ruamel.yaml.comments import CommentedSeq

        _set(record, "evidence", CommentedSeq(added))
    else:
        existing.extend(added)


def _snapshot(record: CommentedMap) -> str:
    return repr({k: record.get(k) for k in RECORD_KEYS if k != "date"})


def _set(record: CommentedMap, key: str, value: object) -> None:
    """Set a key, keeping the fixed key order for keys that are new."""
    if key in record:
        if record[key] != value:
            record[key] = value
        return
    position = sum(
        1 for k in record if k in RECORD_KEYS and RECORD_KEYS.index(k) < RECORD_KEYS.index(key)
    )
    record.insert(position, key, value)


def _ref(item: object) -> str:
    """The reference of an evidence item: a plain text, or a mapping's ``ref``."""
    return str(item.get("ref")) if isinstance(item, Mapping) else str(item)


def _evidence_node(item: Evidence) -> str | CommentedMap:
    from ruamel.yaml.comments import CommentedMap

    if item.title is None:
        return item.ref
    node = CommentedMap()
    node["ref"] = item.ref
    node["title"] = item.title
    return node


def _note(text: str) -> str:
    """A note as YAML writes it: one line as it is, several as a literal block (``|``)."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    text = text.strip()
    return LiteralScalarString(text + "\n") if "\n" in text else text


def _quoted(text: str) -> str:
    """Text written in double quotes (a task key such as "2.1" must not read as a number)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    quoted: str = DoubleQuotedScalarString(text)
    return quoted
