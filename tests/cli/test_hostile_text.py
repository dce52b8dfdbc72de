"""Text from data files never acts: no live formulas in CSV, no escapes reaching a terminal,
no Markdown structure injected (issue 19 items 7-9)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import git, set_record
from gov_disclosure.documents.render import md

T = ("--today", "2020-11-27")


@pytest.mark.parametrize(
    "note", ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3*cmd"]
)
def test_csv_never_carries_a_live_formula(gd, note: str) -> None:
    assert (
        set_record(gd, "2.4", "縣衛健局", "done", "2020-09-18", "--note", note, *T).exit_code == 0
    )
    out = gd("progress", "show", "--unit", "縣衛健局", "-f", "csv", *T).stdout.lstrip("\ufeff")
    cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row]
    assert "'" + note in cells and note not in cells


def test_a_negative_number_stays_a_number() -> None:
    from gov_disclosure.textnorm import spreadsheet_safe

    assert spreadsheet_safe("-2") == "-2" and spreadsheet_safe("-2.5") == "-2.5"


def test_escape_sequences_written_in_data_are_refused_at_their_line(gd, workspace: Path) -> None:
    plan = workspace / "plan" / "2020.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("title: 強化領導", 'title: "強化\\e[2J領導\\a"'), encoding="utf-8")
    result = gd("tasks")
    assert result.exit_code == 1
    assert "plan/2020.yaml:" in result.stderr and "control character U+001B" in result.stderr


def test_control_characters_are_shown_as_symbols() -> None:
    from gov_disclosure.textnorm import visible

    assert visible("強化\x1b[2J領導\x07") == "強化␛[2J領導␇"


def test_log_markdown_escapes_commit_text(gd, workspace: Path) -> None:
    git(workspace, "init", "-q", "-b", "main")
    git(workspace, "add", "-A")
    git(workspace, "commit", "-qm", "Plan 2020 as issued")
    plan = workspace / "plan" / "2020.yaml"
    plan.write_text(plan.read_text("utf-8").replace("2020-09-20", "2020-09-25"), "utf-8")
    git(
        workspace,
        "commit",
        "-qam",
        "<script>alert(1)</script> [click](javascript:x)\n\n依據：<img onerror=x>",
    )
    out = gd("log", "--format", "md").stdout
    assert "\\<script\\>" in out and "\\<img onerror=x\\>" in out
    assert "<script>" not in out.replace("\\<script\\>", "")
    assert "\\[click\\](javascript:x)" in out  # the brackets escaped: no live link
    assert "\\<script\\>" in out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("標題\n===", "\\==="),
        ("- 假的列表", "\\- 假的列表"),
        ("1. 假的編號", "1\\. 假的編號"),
        ("---", "\\---"),
    ],
)
def test_markdown_block_syntax_is_escaped(text: str, kept: str) -> None:
    assert kept in md(text)


def test_ordinary_text_is_left_alone() -> None:
    for text in ("2.4 目錄", "-2 度", "2020年9月20日前", "1.圍繞"):
        assert md(text) == text
