"""`gd plan render` on the command line: where the notice goes, what stderr says, exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO


def test_markdown_to_standard_output(gd) -> None:  # type: ignore[no-untyped-def]
    result = gd("plan", "render")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.startswith("# 師宗縣人民政府辦公室關於印發")
    assert result.stdout.endswith("| 3.提高人員素質 | 組織年內開展政府信息與政務公開培訓不少於1次,培訓要明確目的,增強培訓的針對性、系統性,科學設置培訓課程,合理優化培訓內容,提升培訓效果。 | 縣政府辦公室負責 |\n")  # fmt: skip


def test_files_and_formats(gd, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out" / "notice.html"
    result = gd("plan", "render", "--format", "html", "--script", "simplified", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.startswith(f"wrote {out} (")
    assert "师宗县人民政府办公室关于印发" in out.read_text(encoding="utf-8")
    result = gd("plan", "render", "-f", "docx")
    assert result.exit_code == 2 and "give it with -o FILE.docx" in result.stderr
    result = gd("plan", "render", "--script", "cantonese")
    assert result.exit_code == 2


def test_warnings_go_to_stderr_and_the_notice_is_written(gd, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(REPO / "progress", workspace / "progress")
    assert gd("rollover", "2021").exit_code == 0
    result = gd("plan", "render", "--year", "2021")
    assert result.exit_code == 0
    warnings = result.stderr.splitlines()
    assert len(warnings) == 5
    said = "plan/2021.yaml: warning: the notice would not read back as the plan: "
    assert all(said in w for w in warnings), warnings
    assert "師宗縣貫徹落實2021年曲靖市政務公開要點分解落實方案" in result.stdout
    assert "# 師宗縣人民政府辦公室關於印發" in gd("plan", "render", "--year", "2020").stdout


def test_a_template_for_one_run(gd, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    template = tmp_path / "short.md.j2"
    template.write_text("{{ plan_title }}：{{ sections|length }} 部分\n", encoding="utf-8")
    result = gd("plan", "render", "--template", str(template))
    assert result.stdout == "師宗縣貫徹落實2020年曲靖市政務公開要點分解落實方案：4 部分\n"
