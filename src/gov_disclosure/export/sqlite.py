"""The plan and its progress as a SQLite database for people: a documented, stable schema.

Tables hold what the plan and the records say; views answer the usual
questions (each unit's tasks, open deadlines, the unit × task status matrix).
``docs/export.md`` describes every table, view and column, and
:data:`gov_disclosure.export.tables.SCHEMA_VERSION` (also ``PRAGMA user_version``
and the ``meta`` table) changes when a name is renamed or removed.  This is not
the cache (``.gd-cache/``), whose layout may change with any release.

The database is built in memory, rows inserted in a fixed order, and its
bytes taken whole: the same inputs give the same file, and nothing is written
until it is complete.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence

from gov_disclosure.export.tables import SCHEMA_VERSION, ExportTables, TaskRow, UnitRow

#: Joins a list of names or sentences in one column (as the notice lists units).
LIST_SEPARATOR = "、"

SCHEMA = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE statuses (
    status TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    label TEXT NOT NULL,
    closed INTEGER NOT NULL CHECK (closed IN (0, 1))
);
CREATE TABLE roles (
    role TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    label TEXT NOT NULL
);
CREATE TABLE units (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE,
    full_name TEXT,
    aliases TEXT,
    kind TEXT NOT NULL,
    kind_label TEXT NOT NULL,
    parent_id TEXT REFERENCES units (id)
);
CREATE TABLE group_members (
    group_id TEXT NOT NULL REFERENCES units (id),
    unit_id TEXT NOT NULL REFERENCES units (id),
    PRIMARY KEY (group_id, unit_id)
);
CREATE TABLE sections (
    number INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);
CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    section INTEGER NOT NULL REFERENCES sections (number),
    title TEXT NOT NULL,
    lead TEXT,
    responsible TEXT,
    requirement TEXT NOT NULL
);
CREATE TABLE requirements (
    task_id TEXT NOT NULL REFERENCES tasks (id),
    n INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (task_id, n)
);
CREATE TABLE milestones (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    date TEXT NOT NULL,
    phrase TEXT,
    what TEXT NOT NULL,
    recipient TEXT
);
CREATE TABLE assignments (
    task_id TEXT NOT NULL REFERENCES tasks (id),
    unit_id TEXT NOT NULL REFERENCES units (id),
    role TEXT NOT NULL REFERENCES roles (role),
    via_id TEXT REFERENCES units (id),
    PRIMARY KEY (task_id, unit_id)
);
CREATE INDEX assignments_unit ON assignments (unit_id);
CREATE TABLE milestone_units (
    milestone_id TEXT NOT NULL REFERENCES milestones (id),
    unit_id TEXT NOT NULL REFERENCES units (id),
    PRIMARY KEY (milestone_id, unit_id)
);
CREATE TABLE deadlines (
    id INTEGER PRIMARY KEY,
    task_id TEXT REFERENCES tasks (id),
    milestone_id TEXT REFERENCES milestones (id),
    n INTEGER NOT NULL,
    date TEXT NOT NULL,
    phrase TEXT,
    what TEXT NOT NULL,
    CHECK ((task_id IS NULL) <> (milestone_id IS NULL))
);
CREATE INDEX deadlines_date ON deadlines (date);
CREATE TABLE deadline_units (
    deadline_id INTEGER NOT NULL REFERENCES deadlines (id),
    unit_id TEXT NOT NULL REFERENCES units (id),
    PRIMARY KEY (deadline_id, unit_id)
);
CREATE TABLE progress (
    unit_id TEXT NOT NULL REFERENCES units (id),
    task TEXT NOT NULL,
    status TEXT NOT NULL REFERENCES statuses (status),
    date TEXT,
    note TEXT,
    PRIMARY KEY (unit_id, task)
);
CREATE INDEX progress_task ON progress (task);
CREATE TABLE evidence (
    unit_id TEXT NOT NULL,
    task TEXT NOT NULL,
    n INTEGER NOT NULL,
    ref TEXT NOT NULL,
    title TEXT,
    is_link INTEGER NOT NULL CHECK (is_link IN (0, 1)),
    PRIMARY KEY (unit_id, task, n),
    FOREIGN KEY (unit_id, task) REFERENCES progress (unit_id, task)
);

CREATE VIEW obligations AS
SELECT a.unit_id, a.task_id AS task, t.position, t.title, a.role
FROM assignments a JOIN tasks t ON t.id = a.task_id
UNION ALL
SELECT mu.unit_id, mu.milestone_id, m.position, m.what, NULL
FROM milestone_units mu JOIN milestones m ON m.id = mu.milestone_id;

CREATE VIEW status_matrix AS
SELECT u.id AS unit_id, u.name AS unit, o.task, o.title,
       s.status, s.label AS status_label, s.closed, p.date
FROM obligations o
JOIN units u ON u.id = o.unit_id
LEFT JOIN progress p ON p.unit_id = o.unit_id AND p.task = o.task
JOIN statuses s ON s.status = COALESCE(p.status, 'unreported')
ORDER BY u.position, o.position;

CREATE VIEW unit_tasks AS
SELECT u.id AS unit_id, u.name AS unit, t.id AS task_id, t.section, t.title,
       a.role, r.label AS role_label, v.name AS via,
       s.status, s.label AS status_label, s.closed, p.date
FROM assignments a
JOIN units u ON u.id = a.unit_id
JOIN tasks t ON t.id = a.task_id
JOIN roles r ON r.role = a.role
LEFT JOIN units v ON v.id = a.via_id
LEFT JOIN progress p ON p.unit_id = a.unit_id AND p.task = a.task_id
JOIN statuses s ON s.status = COALESCE(p.status, 'unreported')
ORDER BY u.position, t.position;

CREATE VIEW unit_totals AS
SELECT u.id AS unit_id, u.name AS unit, count(*) AS assigned, sum(s.closed) AS closed
FROM assignments a
JOIN units u ON u.id = a.unit_id
LEFT JOIN progress p ON p.unit_id = a.unit_id AND p.task = a.task_id
JOIN statuses s ON s.status = COALESCE(p.status, 'unreported')
GROUP BY u.id
ORDER BY u.position;

CREATE VIEW deadline_status AS
SELECT d.id AS deadline_id, d.date, COALESCE(d.task_id, d.milestone_id) AS task, d.what,
       u.id AS unit_id, u.name AS unit,
       s.status, s.label AS status_label, s.closed, p.date AS status_date
FROM deadlines d
JOIN deadline_units du ON du.deadline_id = d.id
JOIN units u ON u.id = du.unit_id
LEFT JOIN progress p ON p.unit_id = du.unit_id AND p.task = COALESCE(d.task_id, d.milestone_id)
JOIN statuses s ON s.status = COALESCE(p.status, 'unreported')
ORDER BY d.date, d.id, u.position;

CREATE VIEW open_deadlines AS
SELECT d.id AS deadline_id, d.date, COALESCE(d.task_id, d.milestone_id) AS task,
       d.phrase, d.what, count(*) AS units, count(*) - sum(s.closed) AS open_units
FROM deadlines d
JOIN deadline_units du ON du.deadline_id = d.id
LEFT JOIN progress p ON p.unit_id = du.unit_id AND p.task = COALESCE(d.task_id, d.milestone_id)
JOIN statuses s ON s.status = COALESCE(p.status, 'unreported')
GROUP BY d.id
HAVING count(*) > sum(s.closed)
ORDER BY d.date, d.id;
"""


def to_sqlite(tables: ExportTables) -> bytes:
    """The database file's bytes: the schema, then every row in its fixed order."""
    db = sqlite3.connect(":memory:")
    try:
        db.executescript(SCHEMA)
        with db:
            _insert_all(db, tables)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        # Checked once all rows are in (a unit may name a parent registered after it).
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:  # the rows come from a validated plan: a dangling reference is a bug
            raise RuntimeError(f"export rows refer to missing rows: {broken[:3]}")
        return db.serialize()
    finally:
        db.close()


Row = tuple[object, ...]


def _insert_all(db: sqlite3.Connection, t: ExportTables) -> None:
    for table, rows in [*_plan_rows(t), *_progress_rows(t)]:
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)


def _plan_rows(t: ExportTables) -> list[tuple[str, list[Row]]]:
    """Each table of the registry and the plan with its rows, in the order they are inserted."""
    return [
        ("meta", list(t.meta())),
        ("statuses", [(s.code, i, s.label, s.closed) for i, s in enumerate(t.statuses, 1)]),
        ("roles", [(r.code, i, r.label) for i, r in enumerate(t.roles, 1)]),
        ("units", [_unit_values(u) for u in t.units]),
        ("group_members", [(u.id, m) for u in t.units for m in u.member_ids]),
        ("sections", list(t.sections.items())),
        ("tasks", [_task_values(x) for x in t.tasks]),
        ("requirements", [(x.id, n, s) for x in t.tasks for n, s in enumerate(x.requirement, 1)]),
        (
            "milestones",
            [(m.id, m.position, _day(m.date), m.phrase, m.what, m.recipient) for m in t.milestones],
        ),
        ("assignments", [(a.task_id, a.unit_id, a.role, a.via_id) for a in t.assignments]),
        ("milestone_units", [(m.id, u) for m in t.milestones for u in m.unit_ids]),
    ]


def _progress_rows(t: ExportTables) -> list[tuple[str, list[Row]]]:
    """The deadlines with their units, and the records with their evidence."""
    deadlines: list[Row] = [
        (d.id, d.task_id, d.milestone_id, d.n, _day(d.date), d.phrase, d.what) for d in t.deadlines
    ]
    return [
        ("deadlines", deadlines),
        ("deadline_units", [(d.id, u) for d in t.deadlines for u in d.unit_ids]),
        ("progress", [(p.unit_id, p.task, p.status, _day(p.date), p.note) for p in t.progress]),
        (
            "evidence",
            [
                (p.unit_id, p.task, n, e.ref, e.title, e.is_link)
                for p in t.progress
                for n, e in enumerate(p.evidence, 1)
            ],
        ),
    ]


def _unit_values(u: UnitRow) -> Row:
    aliases = _joined(u.aliases)
    return (u.id, u.position, u.name, u.full_name, aliases, u.kind, u.kind_label, u.parent_id)


def _task_values(x: TaskRow) -> Row:
    lead, responsible = _joined(x.lead), _joined(x.responsible)
    return (x.id, x.position, x.section, x.title, lead, responsible, "\n".join(x.requirement))


def _joined(names: Sequence[str]) -> str | None:
    return LIST_SEPARATOR.join(names) if names else None


def _day(day: dt.date | None) -> str | None:
    """Dates as ISO text, the form SQLite's date functions read."""
    return day.isoformat() if day else None
