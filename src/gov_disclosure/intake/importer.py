"""`gd import`: a notice's task table turned into a draft plan.

The importer finds the header row and the role of each column (in either
script), sections and sub-sections, tasks with their own numbering,
requirement sentences, lead and responsible units, and deadlines.  It never
repairs damaged text: it reports it, with the line, for a person to fix.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from gov_disclosure.intake import phrases
from gov_disclosure.intake.notice import NoticeText, Row
from gov_disclosure.plan.units import UnitIndex, Unresolved, canonical
from gov_disclosure.textnorm import strip_pinyin, text_warnings, to_simplified

# Column roles, recognised from header words (compared in simplified script).
_ROLES = [
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
_SECTION = re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.+?)\s*$")
_SUBSECTION = re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(.+?)\s*$")
_TASK_NUMBER = re.compile(
    r"^\s*(?:[（(]\s*(\d{1,3})\s*[)）]|(\d{1,3})\s*[.．、)）]|([一二三四五六七八九十]{1,3})\s*是)\s*"
)
_ROLE_WORDS = re.compile(
    r"(按照?(?:各自)?職責分工負責|按照?(?:各自)?职责分工负责|牽頭負責|牵头负责|牽頭|牵头|負責|负责|配合|參與|参与)"
)
_SEPARATORS = "、，,;；/ 　\n"
_GROUP_HINT = re.compile(r"^各|[直區区縣县市]各|有[關关]部[門门]|各[單单]位|各部[門门]")
_UNIT_LIKE = re.compile(
    r"(?:[縣县市區区州省][^，,。；;、\s《》“”()（）]{1,14}?"
    r"(?:局|中心|辦公室|办公室|辦|办|委員會|委员会|委|院|隊|队|所|分局|公司))"
)
_SUBJECT_END = re.compile(r"[要應应須须需]|[于於在]\s*(?:19|20)\d{2}")
_THING = re.compile(r"(?:網站|网站|平臺|平台|系統|系统|欄目|栏目)$")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}〔\d{4}〕\d{1,4}\s*[號号]")
_DATE_LINE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")


@dataclass
class Warning_:
    line: int
    message: str


@dataclass
class DraftDeadline:
    date: dt.date
    phrase: str
    what: str
    units: list[str] = field(default_factory=list)
    comment: str | None = None


@dataclass
class DraftTask:
    number: int
    title: str
    line: int
    subsection: str | None = None
    requirement: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    deadlines: list[DraftDeadline] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    raw_units: str = ""

    @property
    def text(self) -> str:
        return "".join(self.requirement)


@dataclass
class DraftSection:
    number: int
    title: str
    tasks: list[DraftTask] = field(default_factory=list)


@dataclass
class Draft:
    year: int
    title: str | None = None
    issuer: str | None = None
    issued: dt.date | None = None
    document_number: str | None = None
    basis_title: str | None = None
    basis_number: str | None = None
    addressees: list[str] = field(default_factory=list)
    report: DraftDeadline | None = None
    report_recipient: str | None = None
    sections: list[DraftSection] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    unknown_units: dict[str, int] = field(default_factory=dict)

    def tasks(self) -> list[DraftTask]:
        return [t for s in self.sections for t in s.tasks]

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(Warning_(line, message))


def clean(text: str) -> str:
    """Pinyin annotations removed; nothing else is touched (damage is reported, not fixed)."""
    return strip_pinyin(text).strip()


def _key(text: str) -> str:
    return to_simplified(unicodedata.normalize("NFKC", text)).replace(" ", "")


def column_roles(cells: list[str]) -> dict[int, str] | None:
    """Column index → role, when ``cells`` look like a header row; None otherwise."""
    roles: dict[int, str] = {}
    for i, cell in enumerate(cells):
        key = _key(clean(cell))
        if not key or len(key) > 12:
            continue
        for role, words in _ROLES:
            if any(key == w or key.startswith(w) or (len(w) >= 4 and w in key) for w in words):
                if (
                    role == "responsible"
                    and "牵头" in key
                    and "配合" not in key
                    and "责任" not in key
                ):
                    role = "lead"
                roles.setdefault(i, role)
                break
        if "/" in key and i in roles and roles[i] == "lead":
            roles[i] = "responsible"
    if (
        len(
            [
                r
                for r in roles.values()
                if r in ("task", "requirement", "lead", "responsible", "deadline")
            ]
        )
        < 2
    ):
        return None
    return roles


# ---- units -----------------------------------------------------------------------------


def split_units(text: str) -> list[str]:
    """Unit names from a cell, separated by 、，,;； — not inside parentheses: 各鄉(鎮、街道)."""
    names, current, depth = [], [], 0
    for ch in text:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        if depth == 0 and ch in _SEPARATORS:
            if current:
                names.append("".join(current))
            current = []
            continue
        current.append(ch)
    if current:
        names.append("".join(current))
    out = []
    for name in names:
        name = name.strip().strip("。.：:")
        name = re.sub(r"^(?:由|和|及|與|与|等)", "", name)
        name = re.sub(r"(?:等)$", "", name)
        if name:
            out.append(name)
    return out


def parse_units(text: str, default_role: str) -> list[tuple[str, str]]:
    """(role, name) pairs from a unit cell: …牽頭，…按照職責分工負責."""
    pairs: list[tuple[str, str]] = []
    pos = 0
    for m in _ROLE_WORDS.finditer(text):
        chunk = text[pos : m.start()]
        role = "lead" if _key(m.group(1)).startswith("牵头") else "responsible"
        for name in split_units(chunk):
            pairs.append((role, name))
        pos = m.end()
    for name in split_units(text[pos:]):
        pairs.append((default_role, name))
    return pairs


class UnitResolver:
    def __init__(self, index: UnitIndex | None, draft: Draft) -> None:
        self.index = index
        self.draft = draft

    def name(self, written: str, line: int) -> str:
        """The registry's name for a unit as the notice writes it, or the cleaned name (warned)."""
        if self.index is not None:
            try:
                return self.index.lookup(written).name
            except Unresolved:
                try:
                    unit = self.index.match(written)
                    if len(canonical(written)) >= 3:
                        return unit.name
                except Unresolved:
                    pass
        key = canonical(written)
        for known in self.draft.unknown_units:
            if canonical(known) == key:
                return known
        self.draft.unknown_units[written] = line
        return written


# ---- the import ------------------------------------------------------------------------


def import_notice(notice: NoticeText, index: UnitIndex | None, year: int | None = None) -> Draft:
    plan_year = year or _guess_year(notice)
    draft = Draft(plan_year)
    resolver = UnitResolver(index, draft)
    _metadata(notice, draft, resolver)
    _damage(notice, draft)
    roles, body = _header(notice, draft)
    section: DraftSection | None = None
    subsection: str | None = None
    current: DraftTask | None = None
    for row in body:
        cells = [clean(c) for c in row.cells]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        distinct = {c for c in cells if c}
        # A row that is only a heading (or one merged cell): section or sub-section.
        if len(distinct) == 1:
            only = next(iter(distinct))
            if (m := _SECTION.match(only)) and not _TASK_NUMBER.match(only):
                section = _new_section(draft, phrases.number(m.group(1)), m.group(2))
                subsection = None
                current = None
                continue
            if m := _SUBSECTION.match(only):
                subsection = only.strip()
                current = None
                continue
        # A first column the header leaves unnamed holds the section (a Word table).
        if 0 not in roles and cells and (m := _SECTION.match(cells[0])):
            number = phrases.number(m.group(1))
            if section is None or section.number != number:
                section = _new_section(draft, number, m.group(2))
                subsection = None
            cells = ["", *cells[1:]]
        # Leading cells that open a section or sub-section (the 2020 layout).
        while cells and (m := _SECTION.match(cells[0])) and len(cells) > len(roles):
            number = phrases.number(m.group(1))
            if section is None or section.number != number:
                section = _new_section(draft, number, m.group(2))
                subsection = None
            cells = cells[1:]
        while cells and (m := _SUBSECTION.match(cells[0])) and len(cells) > len(roles):
            subsection = cells[0].strip()
            cells = cells[1:]
        if section is None:
            section = _new_section(draft, 1, draft.title or "工作任務")
        values = {role: (cells[i] if i < len(cells) else "") for i, role in roles.items()}
        task_text = values.get("task", "")
        requirement = values.get("requirement", "")
        if not task_text and current is not None:
            # A continuation row: more requirement text or units for the same task.
            _fill(current, values, row.line, resolver, draft)
            continue
        if not task_text and not requirement:
            continue
        number_cell = values.get("number", "")
        own = (
            int(number_cell) if number_cell.isdigit() else _own_number(number_cell)
        ) or _own_number(task_text)
        title = _TASK_NUMBER.sub("", task_text, count=1).strip().rstrip("。")
        current = DraftTask(
            own or len(section.tasks) + 1, title or requirement[:20], row.line, subsection
        )
        if task_text.strip().endswith("。"):
            current.comments.append("通知中此標題以「。」結尾，已去掉")
        section.tasks.append(current)
        _fill(current, values, row.line, resolver, draft)
    for task in draft.tasks():
        _finish(task, draft, resolver, index)
    _numbering(draft)
    if draft.issued is None:
        draft.warn(
            1, "no issue date (YYYY年M月D日 on a line of its own) found; the draft says 1 January"
        )
    if draft.title is None:
        draft.warn(1, "no title found; fill in notice.title")
    return draft


def _new_section(draft: Draft, number: int, title: str) -> DraftSection:
    section = DraftSection(number, title.strip())
    draft.sections.append(section)
    return section


def _own_number(text: str) -> int | None:
    m = _TASK_NUMBER.match(text or "")
    if not m:
        return None
    raw = next(g for g in m.groups() if g)
    return phrases.number(raw)


def _fill(
    task: DraftTask, values: dict[str, str], line: int, resolver: UnitResolver, draft: Draft
) -> None:
    requirement = values.get("requirement", "")
    if requirement:
        task.requirement += [s + "。" for s in requirement.split("。") if s.strip()]
        if not requirement.endswith("。") and task.requirement:
            task.requirement[-1] = task.requirement[-1][:-1]
    for role in ("lead", "responsible"):
        cell = values.get(role, "")
        if cell:
            task.raw_units += cell
            for parsed_role, name in parse_units(cell, role):
                _add_unit(task, parsed_role, resolver.name(name, line))
    deadline_cell = values.get("deadline", "")
    if deadline_cell:
        for found in phrases.parse(deadline_cell, draft.year):
            _add_found(task, found, task.title, [], line, draft)
        if not phrases.parse(deadline_cell, draft.year):
            task.comments.append(f"完成時限：{deadline_cell}")


def _add_unit(task: DraftTask, role: str, name: str) -> None:
    target = task.lead if role == "lead" else task.responsible
    if name not in task.lead and name not in task.responsible:
        target.append(name)


def _finish(task: DraftTask, draft: Draft, resolver: UnitResolver, index: UnitIndex | None) -> None:
    if not task.lead and not task.responsible:
        named = _named_units(task.text, index)
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
    if len(subject) > 30 or _GROUP_HINT.search(subject):
        return []
    named = _named_units(subject, index)
    if named and (index is not None or subject.startswith(tuple(named))):
        return [resolver.name(n, task.line) for n in named]
    return []


def _named_units(text: str, index: UnitIndex | None) -> list[str]:
    """Units named in running text: registry names first, else unit-like words."""
    found: list[tuple[int, str]] = []
    if index is not None:
        simple = to_simplified(text)
        for unit in index.units:
            if unit.is_group:
                continue
            for spelling in unit.spellings():
                s = to_simplified(spelling)
                if len(s) >= 3 and s in simple:
                    found.append((simple.index(s), unit.name))
                    break
    if not found:
        found = [(m.start(), m.group(0)) for m in _UNIT_LIKE.finditer(text)]
    seen: list[str] = []
    for _, name in sorted(found):
        if name not in seen:
            seen.append(name)
    return seen


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


def _header(notice: NoticeText, draft: Draft) -> tuple[dict[int, str], list[Row]]:
    for i, row in enumerate(notice.rows[:5]):
        roles = column_roles(row.cells)
        if roles:
            return roles, notice.rows[i + 1 :]
    draft.warn(
        notice.rows[0].line if notice.rows else 1,
        "no header row: reading the 2020 layout (task | requirement | units)",
    )
    return {0: "task", 1: "requirement", 2: "responsible"}, notice.rows


def _guess_year(notice: NoticeText) -> int:
    for _, text in notice.paragraphs[:12] + notice.trailer[-4:]:
        m = re.search(r"((?:19|20)\d{2})\s*年", text)
        if m and ("方案" in text or "要點" in text or "要点" in text or "工作" in text):
            return int(m.group(1))
    for _, text in notice.paragraphs + notice.trailer:
        m = _DATE_LINE.match(clean(text))
        if m:
            return int(m.group(1))
    return dt.date.today().year


def _metadata(notice: NoticeText, draft: Draft, resolver: UnitResolver) -> None:
    lines = [(n, clean(t)) for n, t in notice.paragraphs + notice.trailer]
    for n, text in lines:
        if draft.issued is None and (m := _DATE_LINE.match(text)):
            draft.issued = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            previous = [t for k, t in lines if k < n]
            if (
                previous
                and len(previous[-1]) <= 30
                and re.search(r"(辦公室|办公室|人民政府|辦|办)$", previous[-1])
            ):
                draft.issuer = previous[-1]
    titles = [
        t
        for _, t in lines
        if re.search(r"(方案|要點|要点|通知|清單|清单|分解表|任務表|任务表)$", t) and len(t) <= 60
    ]
    if titles:
        draft.title = titles[-1]
    first = lines[0][1] if lines else ""
    if first.endswith((":", "：")):
        draft.addressees = [p.strip() for p in re.split(r"[,，]", first.rstrip(":：")) if p.strip()]
    for _, text in lines:
        if draft.document_number is None:
            m = _DOC_NUMBER.search(text)
            if m and text.startswith(m.group(0)):
                draft.document_number = m.group(0)
        basis = re.search(
            r"(?:貫徹落實|贯彻落实|根據|根据|按照)好?《([^》]+)》\s*[(（]([^)）]+)[)）]", text
        )
        if basis and draft.basis_title is None:
            draft.basis_title, draft.basis_number = basis.group(1), basis.group(2)
        if draft.report is None and re.search(r"報|报", text):
            for sentence in re.split(r"[。；;]", text):
                if not re.search(r"(情況|情况).{0,6}(報|报)", sentence):
                    continue
                for found in phrases.parse(sentence, draft.year):
                    if found.kind == "date":
                        what = sentence[found.end :].strip("，, ")
                        draft.report = DraftDeadline(found.dates[0], found.phrase, what)
                        recipient = re.search(r"(?:報|报)(?:送)?(.+)$", what)
                        if recipient:
                            draft.report_recipient = resolver.name(
                                recipient.group(1).strip("。"), 0
                            )
                        break
                if draft.report:
                    break


def _damage(notice: NoticeText, draft: Draft) -> None:
    items = [(n, t) for n, t in notice.paragraphs + notice.trailer]
    items += [(row.line, " | ".join(row.cells)) for row in notice.rows]
    for line, text in sorted(items):
        for offset, message in text_warnings(clean(text)):
            if "pinyin" in message:
                continue
            near = clean(text)[max(0, offset - 6) : offset + 8]
            draft.warn(line, f"possible encoding damage near {near!r}: {message}; fix it by hand")
        for run in _rare_runs(clean(text)):
            draft.warn(line, f"possible encoding damage: {run!r} (characters rare in Chinese text)")


def _rare(ch: str) -> bool:
    try:
        to_simplified(ch).encode("gb2312")
        return False
    except UnicodeEncodeError:
        return True


def _rare_runs(text: str) -> list[str]:
    runs, current = [], ""
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff" and _rare(ch):
            current += ch
        else:
            if len(current) >= 2:
                runs.append(current)
            current = ""
    if len(current) >= 2:
        runs.append(current)
    return runs
