"""The report's 附件：方案調整情況 reads in words: old → new, 增加 / 刪除, with the edits of a
changed text marked (struck and inserted), never diff markup or a bare hash."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from changed_plan import BASIS, SUBJECT, changed_plan_workspace

from conftest import git
from gov_disclosure.documents.adjustments import change_view, text_parts
from gov_disclosure.history.diff import Change


def test_a_changed_sentence_in_words_and_parts() -> None:
    old = "各部門的政府信息公開工作機構,原則上應為辦公室或綜合科(股)。"
    new = "各部門的政府信息公開工作機構,原則上應為辦公室。"
    change = Change("requirement_changed", "4.2 要求第1句：…[-或綜合科(股)-]。", "4.2",
                    {"sentence": 1, "old": old, "new": new, "diff": "…"})  # fmt: skip
    view = change_view(change)
    assert view["text"] == "4.2 要求第1句：刪除“或綜合科(股)”"
    assert view["parts"] == [
        {"kind": "same", "text": "各部門的政府信息公開工作機構,原則上應為辦公室"},
        {"kind": "deleted", "text": "或綜合科(股)"},
        {"kind": "same", "text": "。"},
    ]
    replaced = text_parts("規范化", "規範化")
    assert [p["kind"] for p in replaced] == ["same", "deleted", "inserted", "same"]


def test_moved_deadlines_and_notices_read_with_chinese_dates() -> None:
    moved = Change(
        "deadline_moved",
        "2.4 時限 編制完成標準目錄：2020-09-20 → 2020-09-30（推遲 10 天）",
        "2.4",
        {
            "what": "編制完成標準目錄",
            "old_date": "2020-09-20",
            "new_date": "2020-09-30",
            "days": 10,
        },
    )
    assert change_view(moved) == {
        "text": "2.4 時限 編制完成標準目錄：2020年9月20日 → 2020年9月30日（推遲 10 天）",
        "parts": [],
    }
    notice = Change("notice_changed", "通知 issued：2020-09-15 → 2020-09-16", None,
                    {"field": "issued", "old": "2020-09-15", "new": "2020-09-16"})  # fmt: skip
    assert change_view(notice)["text"] == "通知印發日期：2020年9月15日 → 2020年9月16日"
    units = Change("units_changed", "2.3 牽頭單位：增加 縣司法局", "2.3",
                   {"role": "lead", "added": ["縣司法局"], "removed": []})  # fmt: skip
    assert change_view(units)["text"] == "2.3 牽頭單位：增加 縣司法局"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    changed_plan_workspace(root, uncommitted=False)
    return root


def test_the_appendix_in_every_format(gd, repo: Path, tmp_path: Path) -> None:
    head = git(repo, "rev-parse", "--short=8", "HEAD").strip()
    md = gd("report", "render", "--as-of", "2020-11-30", root=repo).stdout
    appendix = md.split("## 方案調整情況", 1)[1].split("<small>")[0]
    assert f"（依據：{BASIS}）" in appendix and SUBJECT in appendix
    assert "2020年9月20日 → 2020年9月30日（推遲 10 天）" in appendix
    assert "4.2 要求第1句：刪除“或綜合科(股)”" in appendix
    assert "<del>或綜合科(股)</del>" in appendix
    assert head not in appendix and "[-" not in md and "{+" not in md
    assert not re.search(r"\d{4}-\d{2}-\d{2}", md)
    html = tmp_path / "r.html"
    gd("report", "render", "--as-of", "2020-11-30", "-f", "html", "-o", str(html), root=repo)
    assert "<del>或綜合科(股)</del>" in html.read_text(encoding="utf-8")
    out = tmp_path / "r.docx"
    gd("report", "render", "--as-of", "2020-11-30", "-f", "docx", "-o", str(out), root=repo)
    document = docx.Document(str(out))
    struck = [r.text for p in document.paragraphs for r in p.runs if r.font.strike]
    assert struck == ["或綜合科(股)"]
    labels = [p.text for p in document.paragraphs if p.style.name == "Appendix Label"]
    assert labels == ["附件"]  # on a page of its own, after the 落款
    names = [p.style.name for p in document.paragraphs if p.text]
    assert names.index("Signature Date") < names.index("Appendix Label")
    text = "\n".join(p.text for p in document.paragraphs)
    assert text.count(head) == 1 and text.rstrip().endswith("提交）。")  # the small print only
    assert "[-" not in text
