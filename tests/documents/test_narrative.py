"""The report's words: the county's (report/<year>.yaml) and each unit's own
(report/<year>/<unit-id>.yaml); what is missing is a placeholder and a warning, never a path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import REPO

HEALTH = "report/2020/health.yaml"


@pytest.fixture
def example(workspace: Path) -> Path:
    for part in ("progress", "report"):
        shutil.copytree(REPO / part, workspace / part)
    return workspace


def write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def render_unit(gd, *more: str):  # type: ignore[no-untyped-def]
    return gd("report", "render", "--unit", "县卫健局", "--as-of", "2020-11-30", *more)


def test_a_unit_report_takes_the_units_own_words(gd, example: Path) -> None:
    write(
        example,
        HEALTH,
        "overview: 縣衛健局牽頭做好疫情防控信息發布。\n"
        "next_steps:\n  - 12月底前完成目錄審核並公開。\n",
    )
    result = render_unit(gd)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert (
        "縣衛健局牽頭做好疫情防控信息發布。" in text and "1. 12月底前完成目錄審核並公開。" in text
    )
    # Not the county's words (report/2020.yaml), and nothing missing.
    assert "督促未完成單位盡快完成目錄編制" not in text
    assert "<mark>" not in text and result.stderr == ""
    assert text.rstrip().endswith('<p align="right">縣衛生健康局<br>2020年11月30日</p>')


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_missing_words_are_a_placeholder_and_a_warning_never_a_path(
    gd, example: Path, fmt: str
) -> None:
    result = render_unit(gd, "-f", fmt)
    assert result.exit_code == 0
    assert "report/" not in result.stdout and ".yaml" not in result.stdout
    assert "<mark>（待補充：總體情況）</mark>" in result.stdout
    assert "<mark>（待補充：下一步工作打算）</mark>" in result.stdout
    warnings = result.stderr.replace(str(example) + "/", "").splitlines()
    assert warnings == [
        f"{HEALTH}: warning: the report has no overview (一、總體情況): it shows a placeholder; "
        f"write `overview:` in {HEALTH}",
        f"{HEALTH}: warning: the report has no next_steps (四、下一步工作打算): it shows a "
        f"placeholder; write `next_steps:` in {HEALTH}",
    ]


def test_the_county_report_warns_only_of_what_is_missing(gd, example: Path) -> None:
    write(example, "report/2020.yaml", "overview: 總體情況良好。\n")
    result = gd("report", "render", "--as-of", "2020-11-30")
    assert result.exit_code == 0
    assert "總體情況良好。" in result.stdout and "（待補充：總體情況）" not in result.stdout
    assert "（待補充：下一步工作打算）" in result.stdout
    assert result.stderr.count("warning:") == 1 and "next_steps" in result.stderr


def test_strict_makes_missing_words_an_error_and_writes_nothing(
    gd, example: Path, tmp_path: Path
) -> None:
    out = tmp_path / "health.docx"
    result = render_unit(gd, "--strict", "-f", "docx", "-o", str(out))
    assert result.exit_code == 1
    assert "--strict: 2 warning(s); nothing written" in result.stderr
    assert not out.exists()
    write(example, HEALTH, "overview: 好。\nnext_steps: [繼續。]\n")
    assert render_unit(gd, "--strict", "-f", "docx", "-o", str(out)).exit_code == 0
    assert out.exists()


def test_the_docx_placeholder_is_highlighted(gd, example: Path, tmp_path: Path) -> None:
    import docx

    out = tmp_path / "health.docx"
    assert render_unit(gd, "-f", "docx", "-o", str(out)).exit_code == 0
    runs = [r for p in docx.Document(str(out)).paragraphs for r in p.runs if "待補充" in r.text]
    assert [r.text for r in runs] == ["（待補充：總體情況）", "（待補充：下一步工作打算）"]
    assert all(r.font.highlight_color is not None for r in runs)


def test_validate_checks_every_narrative(gd, example: Path) -> None:
    write(example, HEALTH, "overview: 好\nnext_step: [x]\n")
    write(example, "report/2020/nobody.yaml", "overview: 好\n")
    result = gd("validate", "--today", "2020-11-30")
    assert result.exit_code == 1
    errors = result.stderr.replace(str(example) + "/", "")
    assert f"{HEALTH}:2:1: unknown field 'next_step'; did you mean 'next_steps'?" in errors
    assert "report/2020/nobody.yaml: no unit has the id 'nobody'" in errors
    (example / "report" / "2020" / "nobody.yaml").unlink()
    write(example, HEALTH, "overview: 好\n")
    result = gd("validate", "--today", "2020-11-30")
    assert result.exit_code == 0, result.stderr
    assert "report/2020.yaml: report narrative" in result.stdout
    assert "report/2020: 1 unit narrative" in result.stdout.replace(str(example) + "/", "")
