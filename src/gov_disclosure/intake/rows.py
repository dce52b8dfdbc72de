"""The task table: the header row and the role of each column (in either script), and what
each row after it is — a section or sub-section heading, a task, more for the task above…"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from gov_disclosure.intake import phrases
from gov_disclosure.intake.notice import Row
from gov_disclosure.intake.text import clean, key

# Column roles, recognised from header words (compared in simplified script).
ROLES = [
    ("number", ("序号", "编号")),
    ("task", ("工作任务", "重点任务", "主要任务", "任务名称", "工作事项", "重点工作", "任务")),
    (
        "requirement",
        (
            "具体要求",
            "工作要求",
            "工作内容",
            "具体内容",
            "主要内容",
            "工作措施",
            "具体措施",
            "要求",
        ),
    ),
    ("deadline", ("完成时限", "时间节点", "完成时间", "时限要求", "时限")),
    ("lead", ("牵头单位", "牵头部门", "牵头")),
    ("responsible", ("责任单位", "配合单位", "责任部门", "配合部门", "参与单位", "配合")),
]
#: Roles of the columns that say something about a task (a header names two of them at least).
_CONTENT_ROLES = ("task", "requirement", "lead", "responsible", "deadline")
#: The columns of a table without a header row: the 2020 notice's layout.
DEFAULT_ROLES = {0: "task", 1: "requirement", 2: "responsible"}

_SECTION = re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.+?)\s*$")
_SUBSECTION = re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(.+?)\s*$")
_TASK_NUMBER = re.compile(
    r"^\s*(?:[（(]\s*(\d{1,3})\s*[)）]|(\d{1,3})\s*[.．、)）]|([一二三四五六七八九十]{1,3})\s*是)\s*"
)


# ---- the header -----------------------------------------------------------------------


def column_roles(cells: list[str]) -> dict[int, str] | None:
    """Column index → role, when ``cells`` look like a header row; None otherwise."""
    roles: dict[int, str] = {}
    for i, cell in enumerate(cells):
        role = _cell_role(key(clean(cell)))
        if role is not None:
            roles[i] = role
    if len([r for r in roles.values() if r in _CONTENT_ROLES]) < 2:
        return None
    return roles


def _cell_role(words: str) -> str | None:
    """The role a header cell's words name, if they are short enough to be a header's."""
    if not words or len(words) > 12:
        return None
    role = _named_role(words)
    if role == "lead" and "/" in words:
        return "responsible"  # 牽頭/配合單位: one column for both
    return role


def _named_role(words: str) -> str | None:
    """The first role with a header word that ``words`` is, starts with or (4+ chars) holds;
    a responsible column's word with 牽頭 and without 責任 or 配合 (參與牽頭) names the lead."""
    for role, names in ROLES:
        if any(words == w or words.startswith(w) or (len(w) >= 4 and w in words) for w in names):
            if (
                role == "responsible"
                and "牵头" in words
                and "配合" not in words
                and "责任" not in words
            ):
                return "lead"
            return role
    return None


def find_header(rows: list[Row]) -> tuple[dict[int, str], list[Row]] | None:
    """The column roles of the header row (one of the first five) and the rows after it."""
    for i, row in enumerate(rows[:5]):
        roles = column_roles(row.cells)
        if roles:
            return roles, rows[i + 1 :]
    return None


# ---- the rows after it ----------------------------------------------------------------


class RowKind(Enum):
    """What a row of the table is."""

    BLANK = "blank"  # every cell empty
    SECTION = "section"  # 一、… alone on its row (or in one merged cell)
    SUBSECTION = "subsection"  # （一）… alone on its row
    TASK = "task"  # a new task: its task cell has text (or, with no task above, its requirement)
    CONTINUATION = "continuation"  # the task cell is empty: more for the task above
    IGNORED = "ignored"  # no task, no requirement and no task above to add to


@dataclass(frozen=True)
class Heading:
    """A section heading: 「二、加強平臺建設」 is Heading(2, "加強平臺建設")."""

    number: int
    title: str


@dataclass(frozen=True)
class ClassifiedRow:
    """A row of the table, read: its kind, the headings it opens and its cells by role.

    A SECTION row opens ``sections[0]``, a SUBSECTION row ``subsection``.  Other rows may
    open sections and a sub-section in cells before the task (the 2020 layout, a Word
    table's first column) — those open a section only when its number changes.
    """

    kind: RowKind
    sections: tuple[Heading, ...] = ()
    subsection: str | None = None
    values: dict[str, str] = field(default_factory=dict)

    def value(self, role: str) -> str:
        """The row's cell for ``role`` ("" when the row has none)."""
        return self.values.get(role, "")


def classify_row(cells: list[str], roles: dict[int, str], after_task: bool) -> ClassifiedRow:
    """What a row is, given the column roles and whether a task is open above it."""
    cells = [clean(c) for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    if not cells:
        return ClassifiedRow(RowKind.BLANK)
    heading_line = _heading_line(cells)
    if heading_line is not None:
        return heading_line
    sections, subsection, cells = _leading_headings(cells, roles)
    values = {role: (cells[i] if i < len(cells) else "") for i, role in roles.items()}
    return ClassifiedRow(_kind(values, after_task), sections, subsection, values)


def _heading_line(cells: list[str]) -> ClassifiedRow | None:
    """A row that is only a heading (or one merged cell): a section or sub-section."""
    distinct = {c for c in cells if c}
    if len(distinct) != 1:
        return None
    only = next(iter(distinct))
    if (m := _SECTION.match(only)) and not _TASK_NUMBER.match(only):
        return ClassifiedRow(RowKind.SECTION, (_heading(m),))
    if _SUBSECTION.match(only):
        return ClassifiedRow(RowKind.SUBSECTION, subsection=only.strip())
    return None


def _leading_headings(
    cells: list[str], roles: dict[int, str]
) -> tuple[tuple[Heading, ...], str | None, list[str]]:
    """The sections and the sub-section opened by cells before the task, and the cells left."""
    # A first column the header leaves unnamed holds the section (a Word table).
    if 0 not in roles and (m := _SECTION.match(cells[0])):
        return (_heading(m),), None, ["", *cells[1:]]
    # Leading cells that open a section or sub-section (the 2020 layout): cells beyond
    # the header's columns.
    sections: list[Heading] = []
    while cells and (m := _SECTION.match(cells[0])) and len(cells) > len(roles):
        sections.append(_heading(m))
        cells = cells[1:]
    subsection = None
    while cells and _SUBSECTION.match(cells[0]) and len(cells) > len(roles):
        subsection = cells[0].strip()
        cells = cells[1:]
    return tuple(sections), subsection, cells


def _heading(m: re.Match[str]) -> Heading:
    return Heading(phrases.number(m.group(1)), m.group(2))


def _kind(values: dict[str, str], after_task: bool) -> RowKind:
    if values.get("task", ""):
        return RowKind.TASK
    if after_task:
        return RowKind.CONTINUATION
    if values.get("requirement", ""):
        return RowKind.TASK
    return RowKind.IGNORED


# ---- a task's own number and title ----------------------------------------------------


def own_number(text: str) -> int | None:
    """The number a task cell gives its task: 1. / （1） / 一是…; None when it has none."""
    m = _TASK_NUMBER.match(text or "")
    if not m:
        return None
    raw = next(g for g in m.groups() if g)
    return phrases.number(raw)


def task_title(text: str) -> str:
    """A task cell without its own number and a closing 。."""
    return _TASK_NUMBER.sub("", text, count=1).strip().rstrip("。")
