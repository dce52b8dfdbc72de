"""A plan year in the index: its tasks one row each, who each reaches, its deadlines by date.

:func:`open_plan` answers with a :class:`PlanIndex`: the plan's header (notice,
sections, milestones, registry, settings, warnings) and, on demand, the whole
plan or only the tasks a question needs — those that reach a unit, or those
with a deadline in a window.  A slice is a :class:`LoadedPlan` whose
``partial`` is set: every listing over it gives the answer the whole plan
gives for that unit or window, since it holds every task that could appear.
The rows are rebuilt when the registry, the plan or the settings changed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from gov_disclosure.errors import Problem, raise_if_errors
from gov_disclosure.index import db
from gov_disclosure.models import Task, Unit
from gov_disclosure.plan.assignments import deadline_units, named_role, units_for_key
from gov_disclosure.plan.loading import LoadedPlan, load_plan, plan_sources
from gov_disclosure.plan.units import UnitIndex
from gov_disclosure.storage import cache, plaindata
from gov_disclosure.storage.workspace import Workspace


def sources_key(ws: Workspace, year: int) -> str:
    """The registry's, the plan's and the settings' content, as one key."""
    return ";".join(f"{s.path}={s.digest}" for s in cache.fingerprint(plan_sources(ws, year)))


@dataclass
class PlanIndex:
    """One plan year, answered from the index (or, with no index, from the plan itself)."""

    ws: Workspace
    year: int
    header: LoadedPlan
    conn: sqlite3.Connection | None = None
    #: The content of the registry, the plan and the settings the rows were checked from.
    key: str = ""
    whole_plan: LoadedPlan | None = None

    def whole(self) -> LoadedPlan:
        if self.whole_plan is None:
            every = self._slice(lambda: self._rows(f"{_SELECT} WHERE t.year = ?"))
            self.whole_plan = replace(every, partial=False)
        return self.whole_plan

    def _slice(self, read: Callable[[], list[_Row]]) -> LoadedPlan:
        """The tasks ``read`` finds, under the header; the whole plan when it is already here,
        or read from the files when the rows are damaged or were rewritten meanwhile."""
        if self.whole_plan is not None:
            return self.whole_plan
        try:
            return self._with(read())
        except DAMAGED:
            return self._reread()

    def _reread(self) -> LoadedPlan:
        """The plan read and checked straight from the files (the rows were damaged), and its
        rows written anew."""
        self.whole_plan = load_plan(self.ws, self.year)
        if self.conn is not None:
            with contextlib.suppress(sqlite3.Error):
                write_plan(self.conn, self.whole_plan, self.key)
        return self.whole_plan

    def reaching(self, unit: Unit, also: Sequence[str] = ()) -> LoadedPlan:
        """The tasks that reach a unit (a group: it or any member), and the ``also`` ids (the
        keys a unit's records name)."""
        return self._slice(lambda: self._reaching(unit, also))

    def _reaching(self, unit: Unit, also: Sequence[str]) -> list[_Row]:
        ids = [u.id for u in self.header.units.expand(unit)]
        if unit.id not in ids:
            ids.append(unit.id)
        marks = ",".join("?" * len(ids))
        sql = (
            f"{_SELECT} JOIN reach r ON t.year = r.year AND t.id = r.task"
            f" WHERE r.year = ? AND r.unit IN ({marks})"
        )
        rows = self._rows(sql, *ids)
        have = {r[0] for r in rows}
        for task_id in also:
            if task_id not in have:
                rows += self._rows(f"{_SELECT} WHERE t.year = ? AND t.id = ?", task_id)
        return rows

    def counts(self) -> tuple[int, int]:
        """How many tasks and task deadlines the plan has."""
        if self.whole_plan is not None:
            tasks = self.whole_plan.plan.tasks()
            return len(tasks), sum(len(t.deadlines) for t in tasks)
        assert self.conn is not None
        sql = "SELECT (SELECT count(*) FROM tasks WHERE year = ?), "
        sql += "(SELECT count(*) FROM deadlines WHERE year = ?)"
        found = self.conn.execute(sql, (self.year, self.year)).fetchone()
        return int(found[0]), int(found[1])

    def with_deadlines(self, after: dt.date | None, before: dt.date | None) -> LoadedPlan:
        """The tasks with a deadline between ``after`` and ``before`` (both inclusive)."""
        low = after.isoformat() if after else ""
        high = before.isoformat() if before else "9999-12-31"
        sql = (
            f"{_SELECT} JOIN deadlines d ON t.year = d.year AND t.id = d.task"
            " WHERE d.year = ? AND d.date >= ? AND d.date <= ?"
        )
        return self._slice(lambda: self._rows(sql, low, high))

    def _rows(self, sql: str, *params: Any) -> list[_Row]:
        assert self.conn is not None
        rows: list[_Row] = self.conn.execute(sql, (self.year, *params)).fetchall()
        self.confirm()
        return rows

    def confirm(self) -> None:
        """Raise (as damage: the caller reads the files) when another gd rewrote the year's
        rows since this run read its header: rows read before this check are of that header."""
        assert self.conn is not None
        row = self.conn.execute("SELECT sources FROM plans WHERE year = ?", (self.year,)).fetchone()
        if row is None or row[0] != self.key:
            raise ValueError("the index changed while it was read")

    def _with(self, rows: list[_Row]) -> LoadedPlan:
        """The header with these tasks, in plan order, under their sections."""
        by_section: dict[int, list[Task]] = {}
        for _, _, section, body in sorted(rows, key=lambda r: r[1]):
            by_section.setdefault(section, []).append(_task(body))
        sections = tuple(
            replace(s, tasks=tuple(by_section.get(s.number, ()))) for s in self.header.plan.sections
        )
        plan = replace(self.header.plan, sections=sections)
        return _script_kept(
            self.header, replace(self.header, plan=plan, workspace=self.ws, partial=True)
        )


#: What reading damaged rows raises (a blob that is not gd's plain data, a missing table).
DAMAGED = (
    sqlite3.Error,
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
    ImportError,  # a blob naming a module gd no longer has
    RecursionError,
)
#: A task's row: id, position in the plan, section number, body.
_Row = tuple[str, int, int, bytes]
_SELECT = "SELECT DISTINCT t.id, t.position, t.section, t.body FROM tasks t"


def _script_kept(source: LoadedPlan, copy: LoadedPlan) -> LoadedPlan:
    """``copy`` knowing the script ``source`` is written in (worked out once, with OpenCC, when
    the plan is read: a warm listing then loads no converter)."""
    copy.__dict__["is_traditional"] = source.is_traditional
    return copy


def _task(body: bytes) -> Task:
    task = plaindata.loads(body)
    if not isinstance(task, Task):
        raise ValueError("not a task")
    return task


def open_plan(ws: Workspace, year: int | None = None) -> PlanIndex:
    """A plan year: from the index when it is fresh, else read, checked and indexed anew."""
    raise_if_errors(ws.plan_dir_problems())
    plan_year = ws.pick_year(year)
    if ws.rev is not None:
        loaded = load_plan(ws, plan_year)
        return PlanIndex(ws, plan_year, loaded, whole_plan=loaded)
    try:
        conn = db.connect(ws.root)
    except db.Unavailable:
        loaded = load_plan(ws, plan_year)
        return PlanIndex(ws, plan_year, loaded, whole_plan=loaded)
    key = sources_key(ws, plan_year)
    try:
        header = _fresh_header(conn, plan_year, key)
    except DAMAGED:
        header = None  # damaged rows: read the plan and write them anew
    if header is not None:
        header.workspace = ws
        return PlanIndex(ws, plan_year, header, conn, key)
    loaded = load_plan(ws, plan_year)
    with contextlib.suppress(sqlite3.Error):  # not written: answered all the same
        write_plan(conn, loaded, key)
    return PlanIndex(ws, plan_year, loaded, conn, key, whole_plan=loaded)


def indexed_registry(ws: Workspace, year: int | None) -> tuple[UnitIndex, list[Problem]] | None:
    """The registry and its warnings as the index holds them, when a year's rows are fresh
    (the registry is one of their sources: unchanged since it was checked); else None."""
    years = ws.years() if ws.rev is None else []
    chosen = year if year in years else (years[0] if years and year is None else None)
    if chosen is None:
        return None
    try:
        conn = db.connect(ws.root)
        header = _fresh_header(conn, chosen, sources_key(ws, chosen))
    except (db.Unavailable, *DAMAGED):
        return None
    if header is None:
        return None
    return header.units, [p for p in header.warnings if p.file == ws.registry_path]


def _fresh_header(conn: sqlite3.Connection, year: int, key: str) -> LoadedPlan | None:
    row = conn.execute("SELECT sources, header FROM plans WHERE year = ?", (year,)).fetchone()
    if row is None or row[0] != key:
        return None
    header = plaindata.loads(row[1])
    return header if isinstance(header, LoadedPlan) else None


def write_plan(conn: sqlite3.Connection, loaded: LoadedPlan, key: str) -> None:
    """Replace a year's rows with a plan just read and checked (its progress rows go too)."""
    year = loaded.year
    loaded.units.spell_out()
    sections = loaded.plan.sections
    empty = replace(loaded.plan, sections=tuple(replace(s, tasks=()) for s in sections))
    # The workspace is the one asking, set when the header is read back.
    reach = {
        m.id: tuple(u.id for u in units_for_key(loaded, m.id) or []) for m in loaded.plan.milestones
    }
    header = plaindata.dumps(
        _script_kept(
            loaded,
            replace(
                loaded,
                plan=empty,
                workspace=Workspace(Path(".")),
                milestone_reach=reach,
                partial=True,
            ),
        )
    )
    rows = [(s.number, t) for s in sections for t in s.tasks]
    with db.transaction(conn):
        for table in ("plans", "tasks", "reach", "deadlines", "progress_files", "records"):
            conn.execute(f"DELETE FROM {table} WHERE year = ?", (year,))
        conn.executemany(
            "INSERT INTO tasks VALUES (?, ?, ?, ?, ?)",
            [(year, t.id, i, n, plaindata.dumps(t)) for i, (n, t) in enumerate(rows)],
        )
        conn.executemany("INSERT INTO reach VALUES (?, ?, ?)", _reach(loaded, year))
        conn.executemany(
            "INSERT INTO deadlines VALUES (?, ?, ?)",
            [(year, t.id, d.date.isoformat()) for _, t in rows for d in t.deadlines],
        )
        conn.execute("INSERT INTO plans VALUES (?, ?, ?)", (year, key, header))


def _reach(loaded: LoadedPlan, year: int) -> list[tuple[int, str, str]]:
    """Every (unit, task) a listing of that unit could show the task for: the units assigned
    (named, or members of a group named), the units its deadlines name, and each group
    named itself (:meth:`PlanIndex.reaching` also asks for a group's members)."""
    index = loaded.units
    groups = [u for u in index.units if u.is_group]
    rows: list[tuple[int, str, str]] = []
    for task in loaded.plan.tasks():
        assigned = loaded.assignments[task.id]
        ids = set(assigned)
        for deadline in task.deadlines:
            ids.update(u.id for u in deadline_units(task, deadline, index, assigned))
        # A group named itself (reached through its members too, but a group may have none).
        ids.update(g.id for g in groups if named_role(task, g, index))
        rows += [(year, unit_id, task.id) for unit_id in sorted(ids)]
    return rows
