"""`gd export --format sqlite`: the stable schema, its views, its answers, its bytes."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from export_fixtures import copy_workspace, rows

from conftest import REPO
from gov_disclosure import api
from gov_disclosure.plan.loading import load_plan
from gov_disclosure.progress.book import load_book
from gov_disclosure.progress.queries import progress_matrix
from gov_disclosure.storage.workspace import find_workspace

#: The schema of version 1, as docs/export.md describes it. A name changed or removed here
#: is a new schema version (SCHEMA_VERSION); a name added is not.
SCHEMA_V1 = {
    "meta": ("key", "value"),
    "statuses": ("status", "position", "label", "closed"),
    "roles": ("role", "position", "label"),
    "units": ("id", "position", "name", "full_name", "aliases", "kind", "kind_label", "parent_id"),
    "group_members": ("group_id", "unit_id"),
    "sections": ("number", "title"),
    "tasks": ("id", "position", "section", "title", "lead", "responsible", "requirement"),
    "requirements": ("task_id", "n", "text"),
    "milestones": ("id", "position", "date", "phrase", "what", "recipient"),
    "assignments": ("task_id", "unit_id", "role", "via_id"),
    "milestone_units": ("milestone_id", "unit_id"),
    "deadlines": ("id", "task_id", "milestone_id", "n", "date", "phrase", "what"),
    "deadline_units": ("deadline_id", "unit_id"),
    "progress": ("unit_id", "task", "status", "date", "note"),
    "evidence": ("unit_id", "task", "n", "ref", "title", "is_link"),
    "obligations": ("unit_id", "task", "position", "title", "role"),
    "status_matrix": (
        "unit_id", "unit", "task", "title", "status", "status_label", "closed", "date",
    ),
    "unit_tasks": (
        "unit_id", "unit", "task_id", "section", "title", "role", "role_label", "via",
        "status", "status_label", "closed", "date",
    ),
    "unit_totals": ("unit_id", "unit", "assigned", "closed"),
    "deadline_status": (
        "deadline_id", "date", "task", "what", "unit_id", "unit", "status", "status_label",
        "closed", "status_date",
    ),
    "open_deadlines": ("deadline_id", "date", "task", "phrase", "what", "units", "open_units"),
}  # fmt: skip
VIEWS = {"obligations", "status_matrix", "unit_tasks", "unit_totals", "deadline_status"}
VIEWS |= {"open_deadlines"}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_workspace(tmp_path_factory.mktemp("sqlite") / "ws")
    out = root / "plan-2020.sqlite"
    api.export(output=out, format="sqlite", root=root, today=dt.date(2021, 6, 1))
    return out


def schema(path: Path) -> dict[str, tuple[str, ...]]:
    db = sqlite3.connect(path)
    try:
        names = db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        return {
            name: tuple(r[1] for r in db.execute(f"PRAGMA table_info({name})"))
            for (name,) in names.fetchall()
        }
    finally:
        db.close()


def test_the_schema_is_version_1_as_documented(exported: Path) -> None:
    assert schema(exported) == SCHEMA_V1
    views = {n for (n,) in rows(exported, "SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert views == VIEWS
    assert rows(exported, "PRAGMA user_version") == [(1,)]
    meta = dict(rows(exported, "SELECT key, value FROM meta"))
    assert meta["schema_version"] == "1" and meta["year"] == "2020"
    assert meta["script"] == "traditional" and meta["data_day"] == "2020-11-26"


def documented(doc: str) -> dict[str, tuple[str, ...]]:
    """Each `#### `name`` of docs/export.md with the columns its table lists."""
    found: dict[str, tuple[str, ...]] = {}
    for part in re.split(r"^#### ", doc, flags=re.M)[1:]:
        name = re.match(r"`(\w+)`", part)
        if name:
            columns = re.findall(r"^\| `(\w+)` \|", part, flags=re.M)
            found[name.group(1)] = tuple(columns)
    return found


def test_docs_describe_every_table_view_and_column_in_order(exported: Path) -> None:
    doc = (REPO / "docs" / "export.md").read_text(encoding="utf-8")
    assert documented(doc) == schema(exported)


def test_references_hold(exported: Path) -> None:
    assert rows(exported, "PRAGMA foreign_key_check") == []
    assert rows(exported, "PRAGMA integrity_check") == [("ok",)]


def test_facts_of_the_2020_plan(exported: Path) -> None:
    assert rows(exported, "SELECT count(*) FROM tasks") == [(15,)]
    lead = "SELECT unit_id FROM unit_tasks WHERE task_id = ? AND role = 'lead'"
    assert rows(exported, lead, "1.3") == [("health",), ("emergency",)]  # registry order
    assert rows(exported, "SELECT lead FROM tasks WHERE id = '1.3'") == [
        ("縣衛健局、縣應急管理局",)
    ]
    deadline = "SELECT date, phrase FROM deadlines WHERE task_id = '2.4'"
    assert rows(exported, deadline) == [("2020-09-20", "2020年9月20日前")]
    via = "SELECT role, via FROM unit_tasks WHERE unit_id = 'danfeng' AND task_id = '2.4'"
    assert rows(exported, via) == [("member", "各鄉(鎮、街道)")]
    members = "SELECT count(*) FROM group_members WHERE group_id = ?"
    assert rows(exported, members, "county-departments") == [(14,)]


def test_the_views_agree_with_gd(exported: Path) -> None:
    """status_matrix and unit_totals are gd progress show's matrix and 合計, cell for cell."""
    loaded = load_plan(find_workspace(exported.parent))
    book, _ = load_book(loaded, dt.date(2021, 6, 1))
    matrix = progress_matrix(loaded, book)
    cells = {
        (r["unit_id"], k): str(v)
        for r in matrix["rows"]
        for k, v in r["cells"].items()
        if v is not None
    }
    assert dict(((u, t), s) for u, t, s in rows(exported, "SELECT unit_id, task, status FROM status_matrix")) == cells  # fmt: skip
    totals = rows(exported, "SELECT unit_id, assigned, closed FROM unit_totals")
    assert totals == [(r["unit_id"], r["assigned"], r["closed"]) for r in matrix["rows"]]


def test_open_deadlines_are_those_gd_due_lists(exported: Path) -> None:
    listing = api.due(root=exported.parent, today=dt.date(2021, 6, 1), requests=False)
    expected = [(d.date.isoformat(), d.key, len(d.open_units)) for d in listing.items]
    assert rows(exported, "SELECT date, task, open_units FROM open_deadlines") == expected


def test_same_inputs_same_bytes_whatever_the_process(tmp_path: Path) -> None:
    root = copy_workspace(tmp_path / "ws")
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"plan-{seed}.sqlite"
        env = {**os.environ, "PYTHONHASHSEED": seed, "GD_NO_CACHE": "1"}
        argv = [sys.executable, "-m", "gov_disclosure", "export", "-o", str(out)]
        subprocess.run([*argv, "--root", str(root)], env=env, check=True, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert rows(tmp_path / "plan-1.sqlite", "SELECT count(*) FROM progress") == [(11,)]
