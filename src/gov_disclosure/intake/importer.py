"""`gd import`: a notice's task table turned into a draft plan.

The importer finds the header row and the role of each column (in either
script), sections and sub-sections, tasks with their own numbering,
requirement sentences, lead and responsible units, and deadlines.  It never
repairs damaged text: it reports it, with the line, for a person to fix.

The pieces: :mod:`.rows` reads the table (header, what each row is),
:mod:`.metadata` the lines around it, :mod:`.units` unit cells and names,
:mod:`.damage` signs of encoding damage; :mod:`.draft` is what they fill in.
This module walks the rows and builds the tasks and their deadlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gov_disclosure.intake import phrases
from gov_disclosure.intake.damage import report_damage
from gov_disclosure.intake.draft import Draft, DraftDeadline, DraftSection, DraftTask, DraftWarning
from gov_disclosure.intake.metadata import guess_year, read_metadata, warn_missing
from gov_disclosure.intake.notice import NoticeText, Row
from gov_disclosure.intake.rows import (
    DEFAULT_ROLES,
    ClassifiedRow,
    Heading,
    RowKind,
    classify_row,
    column_roles,
    find_header,
    own_number,
    task_title,
)
from gov_disclosure.intake.text import clean
from gov_disclosure.intake.units import (
    UnitResolver,
    named_units,
    parse_units,
    split_units,
)
from gov_disclosure.plan.registry_store import GROUP_HINT
from gov_disclosure.plan.units import UnitIndex

# Names that lived here before the import was split up, kept importable from here.
__all__ = [
    "Draft",
    "DraftDeadline",
    "DraftSection",
    "DraftTask",
    "DraftWarning",
    "UnitResolver",
    "clean",
    "column_roles",
    "import_notice",
    "parse_units",
    "split_units",
]

_SUBJECT_END = re.compile(r"[要應应須须需]|[于於在]\s*(?:19|20)\d{2}")
_THING = re.compile(r"(?:網站|网站|平臺|平台|系統|系统|欄目|栏目)$")


def import_notice(notice: NoticeText, index: UnitIndex | None, year: int | None = None) -> Draft:
    """The draft plan of a notice; ``year`` is the plan year (default: from the notice)."""
    draft = Draft(year or guess_year(notice))
    resolver = UnitResolver(index, draft)
    read_metadata(notice, draft, resolver)
    report_damage(notice, draft)
    roles, body = _header(notice, draft)
    cursor = _Cursor(draft)
    for row in body:
        classified = classify_row(row.cells, roles, after_task=cursor.task is not None)
        _take_row(cursor, classified, row.line, resolver)
    for task in draft.tasks():
        _finish(task, draft, resolver, index)
    _numbering(draft)
    warn_missing(draft)
    return draft


def _header(notice: NoticeText, draft: Draft) -> tuple[dict[int, str], list[Row]]:
    found = find_header(notice.rows)
    if found is not None:
        return found
    draft.warn(
        notice.rows[0].line if notice.rows else 1,
        "no header row: reading the 2020 layout (task | requirement | units)",
    )
    return dict(DEFAULT_ROLES), notice.rows


# ---- walking the rows ------------------------------------------------------------------


@dataclass(slots=True)
class _Cursor:
    """Where the import stands in the table: the open section, sub-section and task."""

    draft: Draft
    subsection: str | None = None
    task: DraftTask | None = None

    @property
    def section(self) -> DraftSection | None:
        """The open section: the draft's last (sections are only ever added at the end)."""
        return self.draft.sections[-1] if self.draft.sections else None

    def open_section(
        self, heading: Heading, *, again: bool = False, keep_subsection: bool = False
    ) -> DraftSection:
        """Make ``heading``'s section the open one; a new section closes the sub-section.

        A heading repeated in the cells before each task opens a new section only when its
        number changes; a heading on a row of its own (``again``) always opens one.
        """
        section = self.section
        if again or section is None or section.number != heading.number:
            section = DraftSection(heading.number, heading.title.strip())
            self.draft.sections.append(section)
            if not keep_subsection:
                self.subsection = None
        return section


def _take_row(cursor: _Cursor, row: ClassifiedRow, line: int, resolver: UnitResolver) -> None:
    """Do what a row says: open a section or sub-section, start a task, or add to the open one."""
    if row.kind is RowKind.BLANK:
        return
    if row.kind is RowKind.SECTION:
        cursor.open_section(row.sections[0], again=True)
        cursor.task = None
        return
    if row.kind is RowKind.SUBSECTION:
        cursor.subsection = row.subsection
        cursor.task = None
        return
    for heading in row.sections:
        cursor.open_section(heading)
    if row.subsection is not None:
        cursor.subsection = row.subsection
    section = cursor.section
    if section is None:
        # No heading yet: one section titled after the notice.  A sub-section opened before
        # it (on a row of its own or in this row's cells) still applies to its tasks.
        title = cursor.draft.title or "工作任務"
        section = cursor.open_section(Heading(1, title), keep_subsection=True)
    if row.kind is RowKind.TASK:
        cursor.task = _new_task(section, row, line, cursor.subsection)
    if cursor.task is not None and row.kind is not RowKind.IGNORED:
        _fill(cursor.task, row.values, line, resolver, cursor.draft)


def _new_task(
    section: DraftSection, row: ClassifiedRow, line: int, subsection: str | None
) -> DraftTask:
    """A task for a TASK row, numbered as the notice numbers it (else next in its section)."""
    task_text = row.value("task")
    requirement = row.value("requirement")
    number_cell = row.value("number")
    own = int(number_cell) if number_cell.isdigit() else own_number(number_cell)
    own = own or own_number(task_text)
    title = task_title(task_text)
    task = DraftTask(own or len(section.tasks) + 1, title or requirement[:20], line, subsection)
    if task_text.strip().endswith("。"):
        task.comments.append("通知中此標題以「。」結尾，已去掉")
    section.tasks.append(task)
    return task


def _fill(
    task: DraftTask, values: dict[str, str], line: int, resolver: UnitResolver, draft: Draft
) -> None:
    """Add a row's requirement text, units and deadline cell to its task."""
    _add_requirement(task, values.get("requirement", ""))
    for role in ("lead", "responsible"):
        cell = values.get(role, "")
        if cell:
            task.raw_units += cell
            for parsed_role, name in parse_units(cell, role):
                _add_unit(task, parsed_role, resolver.name(name, line))
    deadline_cell = values.get("deadline", "")
    if deadline_cell:
        found_all = phrases.parse(deadline_cell, draft.year)
        for found in found_all:
            _add_found(task, found, task.title, [], line, draft)
        if not found_all:
            task.comments.append(f"完成時限：{deadline_cell}")


def _add_requirement(task: DraftTask, requirement: str) -> None:
    """The requirement cell's sentences, each ending in 。 as the cell has it."""
    if requirement:
        task.requirement += [s + "。" for s in requirement.split("。") if s.strip()]
        if not requirement.endswith("。") and task.requirement:
            task.requirement[-1] = task.requirement[-1][:-1]


def _add_unit(task: DraftTask, role: str, name: str) -> None:
    target = task.lead if role == "lead" else task.responsible
    if name not in task.lead and name not in task.responsible:
        target.append(name)


# ---- after the rows: units from the text, deadlines in the requirement ------------------


def _finish(task: DraftTask, draft: Draft, resolver: UnitResolver, index: UnitIndex | None) -> None:
    if not task.lead and not task.responsible:
        named = named_units(task.text, index)
        if named:
            for name in named:
                _add_unit(task, "lead", resolver.name(name, task.line))
            draft.warn(
                task.line,
                f"task {task.title}: its unit cell is empty; {'、'.join(task.lead)}, named in its "
                "text, is taken as the lead — check it",
            )
            task.comments.append(
                f"單位欄為空；依要求文字推定 {'、'.join(task.lead)} 牽頭（請核對）"
            )
        else:
            draft.warn(task.line, f"task {task.title}: no unit is named; give it one")
    for sentence in task.requirement:
        for found in phrases.parse(sentence, draft.year):
            if found.kind in ("relative", "ongoing"):
                continue  # in running text these words describe the work, not a deadline
            what = _what(sentence, found)
            units = _acting_units(sentence, found, task, resolver, index)
            _add_found(task, found, what, units, task.line, draft)


def _add_found(
    task: DraftTask, found: phrases.Found, what: str, units: list[str], line: int, draft: Draft
) -> None:
    if found.kind in ("relative", "ongoing"):
        label = "相對時限" if found.kind == "relative" else "持續性要求"
        task.comments.append(f"{label}（無具體日期）：{found.phrase}")
        return
    comment = None
    if found.suspicious:
        comment = f"年份可疑：{found.phrase} 不在 {draft.year} 年前後，請核對"
        draft.warn(
            line,
            f"task {task.title}: the year of {found.phrase!r} is far from {draft.year}: a slip?",
        )
    elif found.kind == "recurring":
        comment = f"週期性時限：{found.phrase}"
    for date in found.dates:
        if any(d.date == date and d.phrase == found.phrase for d in task.deadlines):
            continue
        task.deadlines.append(DraftDeadline(date, found.phrase, what, units, comment))


def _what(sentence: str, found: phrases.Found) -> str:
    """What must be done by then: the clause after the phrase (or before it, if nothing follows)."""
    after = re.split(r"[，,；;。]", sentence[found.end :], maxsplit=1)[0].strip()
    if len(after) >= 4:
        return after
    before = re.split(r"[，,；;。]", sentence[: found.start])[-1].strip()
    before = re.sub(r"[于於在到至]$", "", before).strip()
    return before or sentence.rstrip("。")


def _acting_units(
    sentence: str,
    found: phrases.Found,
    task: DraftTask,
    resolver: UnitResolver,
    index: UnitIndex | None,
) -> list[str]:
    """The units a deadline's sentence names as acting; empty means every unit of the task."""
    clause_start = max(sentence.rfind(p, 0, found.start) for p in "。；;") + 1
    head = sentence[clause_start : found.start]
    m = _SUBJECT_END.search(head)
    subject = head[: m.start()] if m else head
    subject = subject.strip(" ，,")
    if not subject:
        return []
    if _THING.search(subject):
        return list(task.lead)  # 「縣人民政府門戶網站要…」: the lead runs it
    if len(subject) > 30 or GROUP_HINT.search(subject):
        return []
    named = named_units(subject, index)
    if named and (index is not None or subject.startswith(tuple(named))):
        return [resolver.name(n, task.line) for n in named]
    return []


def _numbering(draft: Draft) -> None:
    """Task ids keep the notice's own numbers; a duplicate number within a section is renumbered."""
    for section in draft.sections:
        used: set[int] = set()
        for task in section.tasks:
            if task.number in used or task.number < 1:
                new = max(used | {0}) + 1
                draft.warn(
                    task.line,
                    f"task number {task.number} repeats in section {section.number}; using {new}",
                )
                task.number = new
            used.add(task.number)
