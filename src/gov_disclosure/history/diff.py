"""What changed in a plan, in the plan's own terms (not lines of YAML).

Compares two loaded states of a workspace — two git revisions, or one and
the working tree — and lists tasks added, removed or renumbered, titles and
requirement sentences changed (with a character-level diff: Chinese has no
spaces to split words on), units added to or removed from a task, deadlines
added, removed or moved (by how many days), milestones, registry units, and
progress records.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING

from gov_disclosure.errors import GdError
from gov_disclosure.models import Deadline, Milestone, Task
from gov_disclosure.plan.loading import LoadedPlan, load_plan, load_registry
from gov_disclosure.plan.units import UnitIndex, Unresolved
from gov_disclosure.progress.book import load_progress
from gov_disclosure.storage.workspace import Workspace

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


@dataclass(frozen=True)
class Change:
    """One change, as data (for json) with a sentence for people (``text``)."""

    kind: str
    text: str
    task: str | None = None
    details: dict[str, object] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data.update(data.pop("details"))
        return data


def _plain(obj: DataclassInstance) -> dict[str, object]:
    """A dataclass as JSON-ready data (dates as ISO text, tuples as lists)."""
    data: dict[str, object] = json.loads(json.dumps(asdict(obj), default=str))
    return data


def char_diff(old: str, new: str) -> str:
    """A character-level diff in git's word-diff notation: 規[-範-]{+范+}."""
    out = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(old[a1:a2])
            continue
        if a2 > a1:
            out.append(f"[-{old[a1:a2]}-]")
        if b2 > b1:
            out.append(f"{{+{new[b1:b2]}+}}")
    return "".join(out)


def _names(names: list[str], units: UnitIndex) -> dict[str, str]:
    """Unit ids (so 縣政府辦 and 縣政府辦公室 are one) mapped to display names."""
    out = {}
    for name in names:
        try:
            unit = units.lookup(name)
            out[unit.id] = unit.name
        except Unresolved:  # a name the registry does not know is compared as written
            out[f"?{name}"] = name
    return out


def diff_plans(old: LoadedPlan, new: LoadedPlan) -> list[Change]:
    changes: list[Change] = []
    changes += _notice(old, new)
    old_tasks = {t.id: t for t in old.plan.tasks()}
    new_tasks = {t.id: t for t in new.plan.tasks()}
    renumbered: dict[str, str] = {}
    gone = [i for i in old_tasks if i not in new_tasks]
    came = [i for i in new_tasks if i not in old_tasks]
    for old_id in gone:
        match = next((n for n in came if new_tasks[n].title == old_tasks[old_id].title), None)
        if match is not None:
            renumbered[old_id] = match
            came.remove(match)
            changes.append(
                Change(
                    "task_renumbered",
                    f"任務 {old_id} 改為 {match}：{new_tasks[match].title}",
                    match,
                    {"old_id": old_id, "new_id": match},
                )
            )
    for old_id in gone:
        if old_id not in renumbered:
            t = old_tasks[old_id]
            changes.append(
                Change("task_removed", f"刪除任務 {old_id} {t.title}", old_id, {"title": t.title})
            )
    for new_id in came:
        t = new_tasks[new_id]
        changes.append(
            Change("task_added", f"新增任務 {new_id} {t.title}", new_id, {"title": t.title})
        )
    pairs = [(i, i) for i in old_tasks if i in new_tasks] + list(renumbered.items())
    for old_id, new_id in sorted(pairs, key=lambda p: list(new_tasks).index(p[1])):
        changes += _task(old_tasks[old_id], new_tasks[new_id], old.units, new.units)
    changes += _milestones(old.plan.milestones, new.plan.milestones)
    return changes


def _notice(old: LoadedPlan, new: LoadedPlan) -> list[Change]:
    changes = []
    a, b = _plain(old.plan.notice), _plain(new.plan.notice)
    for key in b:
        if a.get(key) != b.get(key):
            changes.append(
                Change(
                    "notice_changed",
                    f"通知 {key}：{a.get(key)} → {b.get(key)}",
                    None,
                    {"field": key, "old": a.get(key), "new": b.get(key)},
                )
            )
    old_sections = {s.number: s.title for s in old.plan.sections}
    for s in new.plan.sections:
        before = old_sections.get(s.number)
        if before is None:
            changes.append(
                Change(
                    "section_added", f"新增第{s.number}部分 {s.title}", None, {"section": s.number}
                )
            )
        elif before != s.title:
            changes.append(
                Change(
                    "section_title_changed",
                    f"第{s.number}部分標題：{char_diff(before, s.title)}",
                    None,
                    {"section": s.number, "old": before, "new": s.title},
                )
            )
    for number, title in old_sections.items():
        if number not in {s.number for s in new.plan.sections}:
            changes.append(
                Change("section_removed", f"刪除第{number}部分 {title}", None, {"section": number})
            )
    return changes


def _task(old: Task, new: Task, old_units: UnitIndex, new_units: UnitIndex) -> list[Change]:
    tid = new.id
    changes = []
    if old.title != new.title:
        changes.append(
            Change(
                "title_changed",
                f"{tid} 標題：{char_diff(old.title, new.title)}",
                tid,
                {"old": old.title, "new": new.title, "diff": char_diff(old.title, new.title)},
            )
        )
    changes += _sentences(tid, list(old.requirement), list(new.requirement))
    for role, label in (("lead", "牽頭單位"), ("responsible", "責任單位")):
        a = _names(getattr(old, role), old_units)
        b = _names(getattr(new, role), new_units)
        added = [b[k] for k in b if k not in a]
        removed = [a[k] for k in a if k not in b]
        if added or removed:
            parts = ([f"增加 {'、'.join(added)}"] if added else []) + (
                [f"去掉 {'、'.join(removed)}"] if removed else []
            )
            changes.append(
                Change(
                    "units_changed",
                    f"{tid} {label}：{'；'.join(parts)}",
                    tid,
                    {"role": role, "added": added, "removed": removed},
                )
            )
    changes += _deadlines(tid, list(old.deadlines), list(new.deadlines))
    return changes


def _sentences(tid: str, old: list[str], new: list[str]) -> list[Change]:
    changes = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        pairs = min(a2 - a1, b2 - b1) if op == "replace" else 0
        for k in range(pairs):
            a, b = old[a1 + k], new[b1 + k]
            changes.append(
                Change(
                    "requirement_changed",
                    f"{tid} 要求第{b1 + k + 1}句：{char_diff(a, b)}",
                    tid,
                    {"sentence": b1 + k + 1, "old": a, "new": b, "diff": char_diff(a, b)},
                )
            )
        for k in range(a1 + pairs, a2):
            changes.append(
                Change(
                    "requirement_removed",
                    f"{tid} 刪除要求：{old[k]}",
                    tid,
                    {"sentence": k + 1, "old": old[k]},
                )
            )
        for k in range(b1 + pairs, b2):
            changes.append(
                Change(
                    "requirement_added",
                    f"{tid} 新增要求：{new[k]}",
                    tid,
                    {"sentence": k + 1, "new": new[k]},
                )
            )
    return changes


def _deadlines(tid: str, old: list[Deadline], new: list[Deadline]) -> list[Change]:
    changes = []
    unmatched_new = list(range(len(new)))
    for a in old:
        j = _matching_deadline(a, old, new, unmatched_new)
        if j is None:
            changes.append(
                Change(
                    "deadline_removed",
                    f"{tid} 刪除時限 {a.date} {a.what}",
                    tid,
                    {"date": a.date.isoformat(), "what": a.what},
                )
            )
            continue
        unmatched_new.remove(j)
        changes += _deadline_changes(tid, a, new[j])
    for j in unmatched_new:
        b = new[j]
        changes.append(
            Change(
                "deadline_added",
                f"{tid} 新增時限 {b.date} {b.what}",
                tid,
                {"date": b.date.isoformat(), "what": b.what},
            )
        )
    return changes


def _matching_deadline(
    a: Deadline, old: list[Deadline], new: list[Deadline], unmatched_new: list[int]
) -> int | None:
    """The index in ``new`` of what became of deadline ``a``: the same work, else the same place.

    The same place counts only when there are as many deadlines as before.
    """
    j = next((j for j in unmatched_new if new[j].what == a.what), None)
    if j is None and len(old) == len(new):
        j = old.index(a) if old.index(a) in unmatched_new else None
    return j


def _deadline_changes(tid: str, a: Deadline, b: Deadline) -> list[Change]:
    """How deadline ``a`` became ``b``: moved (by how many days), and its sentence or units."""
    changes = []
    if a.date != b.date:
        days = (b.date - a.date).days
        way = f"推遲 {days} 天" if days > 0 else f"提前 {-days} 天"
        changes.append(
            Change(
                "deadline_moved",
                f"{tid} 時限 {b.what}：{a.date} → {b.date}（{way}）",
                tid,
                {
                    "what": b.what,
                    "old_date": a.date.isoformat(),
                    "new_date": b.date.isoformat(),
                    "days": days,
                },
            )
        )
    if a.what != b.what or a.phrase != b.phrase or a.units != b.units:
        changes.append(
            Change(
                "deadline_changed",
                f"{tid} 時限 {b.date}：{char_diff(a.what, b.what)}",
                tid,
                {
                    "date": b.date.isoformat(),
                    "old": _plain(a),
                    "new": _plain(b),
                },
            )
        )
    return changes


def _milestones(old: Sequence[Milestone], new: Sequence[Milestone]) -> list[Change]:
    changes = []
    a = {m.id: m for m in old}
    b = {m.id: m for m in new}
    for mid, m in b.items():
        if mid not in a:
            changes.append(
                Change("milestone_added", f"新增節點 {m.date} {m.what}", None, {"milestone": mid})
            )
            continue
        before = a[mid]
        if before.date != m.date:
            days = (m.date - before.date).days
            changes.append(
                Change(
                    "milestone_moved",
                    f"節點 {m.what}：{before.date} → {m.date}（{days:+d} 天）",
                    None,
                    {
                        "milestone": mid,
                        "old_date": before.date.isoformat(),
                        "new_date": m.date.isoformat(),
                        "days": days,
                    },
                )
            )
        if replace(before, date=m.date) != m:
            changes.append(
                Change(
                    "milestone_changed", f"節點 {mid} 內容修改：{m.what}", None, {"milestone": mid}
                )
            )
    for mid, m in a.items():
        if mid not in b:
            changes.append(
                Change("milestone_removed", f"刪除節點 {m.date} {m.what}", None, {"milestone": mid})
            )
    return changes


def diff_registries(old: UnitIndex, new: UnitIndex) -> list[Change]:
    changes = []
    for unit in new.units:
        before = old.by_id.get(unit.id)
        if before is None:
            changes.append(
                Change(
                    "unit_added",
                    f"新增單位 {unit.name}（{unit.id}）",
                    None,
                    {"unit": unit.id, "name": unit.name},
                )
            )
        elif before.name != unit.name:
            changes.append(
                Change(
                    "unit_renamed",
                    f"單位更名：{before.name} → {unit.name}（{unit.id}）",
                    None,
                    {"unit": unit.id, "old": before.name, "new": unit.name},
                )
            )
        elif before != unit:
            changes.append(
                Change("unit_changed", f"單位 {unit.name} 的登記信息修改", None, {"unit": unit.id})
            )
    for unit in old.units:
        if unit.id not in new.by_id:
            changes.append(
                Change(
                    "unit_removed",
                    f"刪除單位 {unit.name}（{unit.id}）",
                    None,
                    {"unit": unit.id, "name": unit.name},
                )
            )
    return changes


def diff_progress(old: LoadedPlan, new: LoadedPlan) -> list[Change]:
    a, _ = load_progress(old)
    b, _ = load_progress(new)
    changes = []
    units = {
        **{u: p.unit for u, p in a.by_unit.items()},
        **{u: p.unit for u, p in b.by_unit.items()},
    }
    for unit_id, unit in units.items():
        before = a.by_unit[unit_id].records if unit_id in a.by_unit else {}
        after = b.by_unit[unit_id].records if unit_id in b.by_unit else {}
        for key in [*before, *(k for k in after if k not in before)]:
            r1, r2 = before.get(key), after.get(key)
            if r1 == r2:
                continue
            s1 = r1.status.label if r1 else "無記錄"
            s2 = r2.status.label if r2 else "無記錄"
            kind = (
                "record_added"
                if r1 is None
                else "record_removed"
                if r2 is None
                else "record_changed"
            )
            changes.append(
                Change(
                    kind,
                    f"{unit.name} {key}：{s1} → {s2}",
                    key if "." in key else None,
                    {
                        "unit": unit.name,
                        "record": key,
                        "old_status": r1.status.value if r1 else None,
                        "new_status": r2.status.value if r2 else None,
                    },
                )
            )
    return changes


def diff_workspaces(old_ws: Workspace, new_ws: Workspace, year: int | None = None) -> list[Change]:
    """Everything that changed between two states of a workspace, for one plan year."""
    if year is None:
        year = new_ws.pick_year(None)
    for ws in (old_ws, new_ws):
        if not ws.exists(ws.plan_path(year)):
            where = f"revision {ws.rev[:8]}" if ws.rev else "the working tree"
            raise GdError.usage(f"plan/{year}.yaml does not exist at {where}")
    old_units, _ = load_registry(old_ws)
    new_units, _ = load_registry(new_ws)
    old = load_plan(old_ws, year, old_units)
    new = load_plan(new_ws, year, new_units)
    return diff_registries(old_units, new_units) + diff_plans(old, new) + diff_progress(old, new)
