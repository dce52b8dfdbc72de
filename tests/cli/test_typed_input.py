"""What is typed on the command line is checked as typed input: exit 2, naming the option."""

from __future__ import annotations

from pathlib import Path

from conftest import set_record


def test_unit_name_that_is_not_utf8(gd) -> None:
    # Bytes that are not UTF-8 reach Python as lone surrogates.
    result = gd("tasks", "--unit", "縣\udcff局")
    assert result.exit_code == 2
    assert "unit name: the text is not valid UTF-8" in result.stderr


def test_note_with_hidden_line_break_or_control(gd, workspace: Path) -> None:
    for note, message in [
        ("done\u2028  - task: '4.1'", "U+2028"),
        ("bell\x07", "U+0007"),
        ("first line\n\tsecond line", "a line starts with a tab"),
    ]:
        result = set_record(gd, "2.4", "縣衛健局", "done", "2020-09-18", "--note", note)
        assert result.exit_code == 2, (note, result.stderr)
        assert message in result.stderr and "health.yaml" not in result.stderr
    assert not (workspace / "progress").exists()  # nothing written


def test_a_plain_multiline_note_is_kept(gd, workspace: Path) -> None:
    result = set_record(gd, "2.4", "縣衛健局", "done", "2020-09-18", "--note", "第一行\n第二行")
    assert result.exit_code == 0, result.stderr
    text = (workspace / "progress" / "2020" / "health.yaml").read_text(encoding="utf-8")
    assert "第一行" in text and "第二行" in text


def test_an_empty_date_is_not_a_missing_one(gd, workspace: Path) -> None:
    result = set_record(gd, "2.4", "縣衛健局", "done", "")
    assert result.exit_code == 2 and "--date" in result.stderr
    assert not (workspace / "progress").exists()
