"""The plan's adjustments (附件：方案調整情況) in words, for the report.

Each commit that changed the plan after it was first committed is listed with
its date, subject and basis; each change reads in words (old → new, 增加 /
刪除), with a changed text's deleted and inserted stretches marked so that
templates can strike and underline them.  Never diff markup, never a hash.
"""

from __future__ import annotations

import datetime as dt
import difflib

from gov_disclosure.dates import chinese_date, chinese_dates_in
from gov_disclosure.documents.view_models import AdjustmentChange, AdjustmentView, ChangePart
from gov_disclosure.history.diff import Change
from gov_disclosure.history.log import plan_log
from gov_disclosure.storage.workspace import Workspace

#: The notice's fields as the report names them.
NOTICE_FIELDS = {
    "title": "標題",
    "issuer": "印發機關",
    "issued": "印發日期",
    "document_number": "文號",
    "basis": "依據",
    "addressees": "主送",
}


def adjustments(ws: Workspace, year: int) -> list[AdjustmentView] | None:
    """The plan's changes since it was first committed, oldest first (None outside git)."""
    if ws.git_top is None:
        return None
    # plan_log follows history from the revision rendered from: later changes are not listed.
    entries = [e for e in plan_log(ws, year) if not e.created]
    return [
        {
            "date": chinese_date(dt.date.fromisoformat(e.commit.date[:10])),
            "subject": e.commit.subject,
            "basis": e.basis,
            "changes": [change_view(c) for c in e.changes],
        }
        for e in reversed(entries)
    ]


def change_view(change: Change) -> AdjustmentChange:
    """One change in words; a changed text also as its parts (same, deleted, inserted)."""
    details = change.details
    if change.kind in ("title_changed", "requirement_changed", "section_title_changed"):
        return _edited(_label(change), str(details["old"]), str(details["new"]))
    if change.kind == "deadline_changed":
        old, new = details["old"], details["new"]
        assert isinstance(old, dict) and isinstance(new, dict)
        label = f"{change.task} 時限 {chinese_dates_in(str(details['date']))}"
        return _edited(label, str(old["what"]), str(new["what"]))
    if change.kind == "notice_changed":
        name = NOTICE_FIELDS.get(str(details["field"]), str(details["field"]))
        text = f"通知{name}：{_value(details['old'])} → {_value(details['new'])}"
        return {"text": text, "parts": []}
    return {"text": chinese_dates_in(change.text), "parts": []}


def _label(change: Change) -> str:
    if change.kind == "title_changed":
        return f"{change.task} 標題"
    if change.kind == "requirement_changed":
        return f"{change.task} 要求第{change.details['sentence']}句"
    return f"第{change.details['section']}部分標題"


def _value(value: object) -> str:
    if value is None or value == []:
        return "無"
    if isinstance(value, list):
        return "、".join(map(str, value))
    if isinstance(value, dict):
        return "，".join(f"{v}" for v in value.values() if v)
    return chinese_dates_in(str(value))


def _edited(label: str, old: str, new: str) -> AdjustmentChange:
    """A changed text: what was deleted and inserted in words, and the text with its edits."""
    parts = text_parts(old, new)
    words = [
        f"{'刪除' if p['kind'] == 'deleted' else '增加'}“{p['text']}”"
        for p in parts
        if p["kind"] != "same"
    ]
    return {"text": f"{label}：{'，'.join(words)}", "parts": parts}


def text_parts(old: str, new: str) -> list[ChangePart]:
    """How ``old`` became ``new``, character by character: stretches kept, deleted, inserted."""
    parts: list[ChangePart] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append({"kind": "same", "text": old[a1:a2]})
            continue
        if a2 > a1:
            parts.append({"kind": "deleted", "text": old[a1:a2]})
        if b2 > b1:
            parts.append({"kind": "inserted", "text": new[b1:b2]})
    return parts
