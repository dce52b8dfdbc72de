"""Signs of encoding damage in a notice, reported line by line for a person to fix (the
importer never repairs text)."""

from __future__ import annotations

from gov_disclosure.intake.draft import Draft
from gov_disclosure.intake.notice import NoticeText
from gov_disclosure.intake.text import clean
from gov_disclosure.textnorm import text_warnings, to_simplified


def report_damage(notice: NoticeText, draft: Draft) -> None:
    """A warning for each sign of damage in the notice's lines and table rows, in line order."""
    items = [(n, t) for n, t in notice.paragraphs + notice.trailer]
    items += [(row.line, " | ".join(row.cells)) for row in notice.rows]
    for line, text in sorted(items):
        for offset, message in text_warnings(clean(text)):
            if "pinyin" in message:
                continue
            near = clean(text)[max(0, offset - 6) : offset + 8]
            draft.warn(line, f"possible encoding damage near {near!r}: {message}; fix it by hand")
        for run in rare_runs(clean(text)):
            draft.warn(line, f"possible encoding damage: {run!r} (characters rare in Chinese text)")


def _rare(ch: str) -> bool:
    try:
        to_simplified(ch).encode("gb2312")
        return False
    except UnicodeEncodeError:
        return True


def rare_runs(text: str) -> list[str]:
    """Runs of two or more CJK characters outside GB2312: what mis-decoded text looks like."""
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
