"""Rendered documents: checklists and the implementation report in md, html and docx."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, set_record

GOLDEN = REPO / "tests" / "golden"
TITLES = [
    "圍繞“六穩”、“六保”深化政府信息公開", "圍繞優化營商環境深化政府信息公開", "圍繞常態化疫情防控深化政府信息公開",
    "圍繞打好“三大攻堅戰”深化政府信息公開", "圍繞民生改善深化政府信息公開", "實現政府信息主動公開事項全清單化管理",
    "建立健全政務信息管理制度", "健全政策解讀機制", "深入推進基層政務公開標準化規範化", "加強政府信息公開申請辦理工作",
    "加強政府網站和政務新媒體", "優化政府網站“政府信息公開平臺”設置", "強化領導", "健全組織體系", "提高人員素質",
]  # fmt: skip
# The task titles as a traditional document writes them: the notice's 規范化 (a simplified 范
# left in traditional text) is 規範化 there, as every character is of one script.


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """The bundled workspace with its example progress and report narrative."""
    root = tmp_path / "example"
    for part in ("plan", "progress", "report"):
        shutil.copytree(REPO / part, root / part)
    return root


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"differs from {path}; UPDATE_GOLDEN=1 rewrites it"
    )


def test_report_markdown_golden(gd, example: Path) -> None:
    result = gd("report", "render", "--as-of", "2020-11-30", root=example)
    assert result.exit_code == 0, result.stderr
    golden("report-2020-11-30.md", result.stdout)


def test_checklist_markdown_golden(gd, example: Path) -> None:
    result = gd("checklist", "render", "--unit", "县卫健局", "--today", "2020-11-20", root=example)
    assert result.exit_code == 0, result.stderr
    golden("checklist-health-2020-11-20.md", result.stdout)


def test_report_names_every_task_and_the_example_progress(gd, example: Path) -> None:
    text = gd("report", "render", "--as-of", "2020-11-30", root=example).stdout
    for task_id, title in zip(
        [f"{s}.{t}" for s, n in ((1, 5), (2, 5), (3, 2), (4, 3)) for t in range(1, n + 1)],
        TITLES,
        strict=True,
    ):
        assert f"#### {task_id} {title}" in text
    for heading in (
        "## 一、總體情況",
        "## 二、各項任務落實情況",
        "## 三、存在的問題",
        "## 四、下一步工作打算",
    ):
        assert heading in text
    assert (
        text.index("一、總體情況")
        < text.index("二、各項")
        < text.index("三、存在")
        < text.index("四、下一步")
    )
    assert "目錄初稿已完成，正在審核。" in text  # a note from progress/2020/health.yaml
    assert (
        "[衛生健康領域政務公開事項標準目錄](https://www.example.org/shizong/health/2020-26-areas.html)"
        in text
    )
    assert "督促未完成單位盡快完成目錄編制" in text  # from report/2020.yaml
    assert "| 縣衛健局 | 2 | 13 | 15% |" in text  # completion by unit, computed


def test_report_figures_are_computed(gd, workspace: Path) -> None:
    text = gd("report", "render", "--as-of", "2020-11-30").stdout
    assert "共 274 項任務分工" in text and "未報告 274 項" in text
    set_record(gd, "3.2", "縣融媒體中心", "done", "2020-11-20", "--today", "2020-11-30")
    text = gd("report", "render", "--as-of", "2020-11-30").stdout
    assert (
        "已完成 1 項" in text
        and "#### 3.2 優化政府網站“政府信息公開平臺”設置（已完成，1/1）" in text
    )
    before = gd("report", "render", "--as-of", "2020-11-19").stdout
    assert "已完成 0 項" in before  # the record is dated 11-20


def test_unit_report(gd, example: Path) -> None:
    text = gd(
        "report", "render", "--unit", "县卫健局", "--as-of", "2020-11-30", root=example
    ).stdout
    assert text.startswith("# 縣衛健局")
    assert "| 縣衛健局 | 2 | 13 | 15% |" in text and "丹鳳街道" not in text


def test_checklist_matches_gd_tasks(gd) -> None:
    tasks = gd("tasks", "--unit", "县卫健局", "-f", "json").json()
    text = gd("checklist", "render", "--unit", "县卫健局", "--today", "2020-11-20").stdout
    listed = re.findall(r"^### (\d+\.\d+) ", text, flags=re.M)
    assert listed == [t["id"] for t in tasks]
    boxes = re.findall(r"^- \[[ x]\] ", text, flags=re.M)
    assert len(boxes) == sum(len(t["requirement"]) for t in tasks)


def test_checklist_ticks_done_tasks(gd, example: Path) -> None:
    text = gd("checklist", "render", "-u", "縣衛健局", "--today", "2020-11-20", root=example).stdout
    section = text.split("### 1.3 ")[1].split("###")[0]
    assert section.count("- [x] ") == 4 and "- [ ] " not in section
    assert "- [ ] " in text.split("### 2.1 ")[1].split("###")[0]


def test_html_is_self_contained(gd, example: Path) -> None:
    out = example / "out" / "report.html"
    result = gd(
        "report", "render", "-f", "html", "-o", str(out), "--as-of", "2020-11-30", root=example
    )
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    for title in TITLES:
        assert title.replace("“", "“") in html
    for external in ("src=", "<link", "@import", "url(", "<script"):
        assert external not in html
    assert "@page { size: A4" in html and "<svg" in html
    assert '<a href="https://www.example.org/shizong/health/2020-26-areas.html">' in html


def test_docx_reads_back(gd, example: Path, tmp_path: Path) -> None:
    import docx

    out = tmp_path / "report.docx"
    result = gd(
        "report", "render", "-f", "docx", "-o", str(out), "--as-of", "2020-11-30", root=example
    )
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    for title in TITLES:
        assert title in text
    cells = {c.text for t in document.tables for r in t.rows for c in r.cells}
    assert "目錄初稿已完成，正在審核。" in cells
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert (
        fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
        == "仿宋_GB2312"
    )
    assert gd("report", "render", "-f", "docx").exit_code == 2  # a .docx needs -o


def test_checklist_docx(gd, tmp_path: Path) -> None:
    import docx

    out = tmp_path / "c.docx"
    assert (
        gd(
            "checklist",
            "render",
            "-u",
            "縣衛健局",
            "-f",
            "docx",
            "-o",
            str(out),
            "--today",
            "2020-11-20",
        ).exit_code
        == 0
    )
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    sentences = sum(
        len(t["requirement"]) for t in gd("tasks", "-u", "縣衛健局", "-f", "json").json()
    )
    assert "縣衛健局任務清單" in text and text.count("☐") == sentences


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_output_is_deterministic(gd, example: Path, tmp_path: Path, fmt: str) -> None:
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    for out in (a, b):
        assert (
            gd(
                "report", "render", "-f", fmt, "-o", str(out), "--as-of", "2020-11-30", root=example
            ).exit_code
            == 0
        )
    assert a.read_bytes() == b.read_bytes()


NASTY = "完成 | 一半 <script>alert(1)</script> {{ 7*7 }} {% if true %}x{% endif %} **粗** [鏈](javascript:alert(1))\n第二行"


def nasty_workspace(gd, workspace: Path) -> None:
    result = set_record(gd, "2.4", "縣衛健局", "done", "2020-09-18", "--note", NASTY, "-e", "http://example.org/a?b=1&c=<x> 標題<b>粗</b>", "--today", "2020-11-30")  # fmt: skip
    assert result.exit_code == 0, result.stderr


def test_markdown_escapes_data(gd, workspace: Path) -> None:
    nasty_workspace(gd, workspace)
    text = gd("report", "render", "--as-of", "2020-11-30").stdout
    row = next(
        line
        for line in text.splitlines()
        if line.startswith("| 縣衛健局 | 成員 | 已完成 | 2020年9月18日")
    )
    assert row.count(" | ") == 5  # the | in the note did not add a column
    assert "{{ 7\\*7 }}" in row and "49" not in row
    assert "<script>" not in text and "\\<script\\>" in row
    assert "<br>第二行" in row


def test_html_escapes_data(gd, workspace: Path, tmp_path: Path) -> None:
    nasty_workspace(gd, workspace)
    out = tmp_path / "r.html"
    gd("report", "render", "-f", "html", "-o", str(out), "--as-of", "2020-11-30")
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }} {% if true %}x{% endif %}" in html  # printed as text, never evaluated
    assert "<b>粗</b>" not in html


def test_docx_escapes_data(gd, workspace: Path, tmp_path: Path) -> None:
    import docx

    nasty_workspace(gd, workspace)
    out = tmp_path / "r.docx"
    assert (
        gd("report", "render", "-f", "docx", "-o", str(out), "--as-of", "2020-11-30").exit_code == 0
    )
    cells = [c.text for t in docx.Document(str(out)).tables for r in t.rows for c in r.cells]
    assert any("<script>alert(1)</script> {{ 7*7 }}" in c for c in cells)


def test_workspace_template_overrides_default(gd, workspace: Path) -> None:
    (workspace / "templates").mkdir()
    (workspace / "templates" / "report.md.j2").write_text(
        "自訂：{{ title }}（{{ overview.tasks }} 項）\n", encoding="utf-8"
    )
    result = gd("report", "render", "--as-of", "2020-11-30")
    assert (
        result.stdout
        == "自訂：師宗縣貫徹落實2020年曲靖市政務公開要點分解落實方案落實情況報告（15 項）\n"
    )
    checklist = gd("checklist", "render", "-u", "縣衛健局", "--today", "2020-11-20").stdout
    assert checklist.startswith("# 縣衛健局任務清單")  # other templates still the defaults


def test_template_option(gd, workspace: Path, tmp_path: Path) -> None:
    one = tmp_path / "mine.md.j2"
    one.write_text("{{ unit.name }}：{{ counts.tasks }}\n", encoding="utf-8")
    result = gd(
        "checklist", "render", "-u", "县卫健局", "--template", str(one), "--today", "2020-11-20"
    )
    assert result.stdout == "縣衛健局：13\n"
    assert (
        gd(
            "checklist", "render", "-u", "县卫健局", "--template", str(tmp_path / "none.j2")
        ).exit_code
        == 2
    )


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        ("第一行\n{% for x in %}\n", 2, "template syntax error"),
        ("一\n二\n{{ no_such_thing }}\n", 3, "'no_such_thing' is undefined"),
        ("{{ title.__class__.__mro__ }}\n", 1, "template error"),
        ("一\n{{ 1 / 0 }}\n", 2, "template error: ZeroDivisionError"),
        ('一\n二\n{{ "a" + 1 }}\n', 3, "template error: TypeError"),
    ],
)
def test_broken_template_is_reported_with_its_line(
    gd, workspace: Path, body: str, line: int, fragment: str
) -> None:
    (workspace / "templates").mkdir()
    (workspace / "templates" / "report.md.j2").write_text(body, encoding="utf-8")
    result = gd("report", "render", "--as-of", "2020-11-30")
    assert result.exit_code == 1
    assert f"templates/report.md.j2:{line}:" in result.stderr.replace(str(workspace) + "/", "")
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_all_checklists_into_a_folder(gd, workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "lists"
    result = gd("checklist", "render", "--all", "-o", str(out), "--today", "2020-11-20")
    assert result.exit_code == 0, result.stderr
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 24 and "health.md" in files and "gov-office-info.md" not in files
    assert gd("checklist", "render", "--all").exit_code == 2


def test_narrative_file_is_validated(gd, workspace: Path) -> None:
    (workspace / "report").mkdir()
    (workspace / "report" / "2020.yaml").write_text(
        "overview: 好\nproblem: [x]\n", encoding="utf-8"
    )
    result = gd("report", "render", "--as-of", "2020-11-30")
    assert result.exit_code == 1
    assert (
        "report/2020.yaml:2:1: unknown field 'problem'; did you mean 'problems'?"
        in result.stderr.replace(str(workspace) + "/", "")
    )


def test_output_to_a_device_is_written_not_replaced(gd, tmp_path: Path) -> None:
    """`-o /dev/null` must write to the device, never rename a file over it."""
    null = Path(os.devnull)
    assert gd("report", "render", "--as-of", "2020-11-30", "-o", str(null)).exit_code == 0
    assert not null.is_file() and null.exists()


def test_disk_full_says_why(gd) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    result = gd("report", "render", "--as-of", "2020-11-30", "-o", "/dev/full")
    assert result.exit_code == 1
    assert "cannot write /dev/full: No space left on device" in result.stderr


# ---- a document to a file goes as it is rendered ----------------------------------------


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_rendering_in_blocks_gives_the_same_document(
    gd, example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str
) -> None:
    """Blocks of a few lines, each converted on its own, make the bytes of one whole render."""
    from gov_disclosure.documents import render

    args = ["report", "render", "--format", "html", "--as-of", "2020-11-30", "--script", script]
    whole = gd(*args, root=example)  # standard output: rendered whole
    monkeypatch.setattr(render, "_BLOCK", 64)
    out = tmp_path / f"report-{script}.html"
    streamed = gd(*args, "-o", str(out), root=example)
    assert whole.exit_code == streamed.exit_code == 0, streamed.stderr
    assert out.read_bytes() == whole.stdout_bytes
    assert f"({len(whole.stdout_bytes) / 1024:.0f} KB)" in streamed.stderr  # the size written


def test_a_render_that_fails_midway_leaves_the_old_file(
    gd, workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Part of the document is already in the temporary file when the template fails: the
    file written before stays, and no temporary file is left beside it."""
    from gov_disclosure.documents import render

    monkeypatch.setattr(render, "_BLOCK", 16)
    out = tmp_path / "report.md"
    assert gd("report", "render", "--as-of", "2020-11-30", "-o", str(out)).exit_code == 0
    before = out.read_bytes()
    (workspace / "templates").mkdir()
    body = "".join(f"第{i}行：{{{{ title }}}}\n" for i in range(50)) + "{{ no_such_thing }}\n"
    (workspace / "templates" / "report.md.j2").write_text(body, encoding="utf-8")
    result = gd("report", "render", "--as-of", "2020-11-30", "-o", str(out))
    assert result.exit_code == 1
    assert "templates/report.md.j2:51:" in result.stderr.replace(str(workspace) + "/", "")
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


_WORDS = [
    "头发",
    "理发",
    "发展",
    "干部",
    "干净",
    "皇后",
    "后来",
    "面条",
    "见面",
    "一",
    "\n",
    "\n\n",
]


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(
        st.lists(st.sampled_from(_WORDS), max_size=4).map("".join)
        | st.text(alphabet="头发理后面干\n", max_size=5),
        max_size=30,
    ),
    size=st.integers(1, 12),
)
def test_blocks_convert_as_the_whole_text(pieces: list[str], size: int) -> None:
    """Cut anywhere else than at a line break, 头|发 would become 頭發 instead of 頭髮."""
    from gov_disclosure.documents.render import in_blocks
    from gov_disclosure.textnorm import Script

    for script in Script:
        joined = "".join(in_blocks(pieces, script.convert, size))
        assert joined == script.convert("".join(pieces))


def test_blocks_keep_what_follows_many_empty_pieces() -> None:
    """A template yields an empty piece for each empty value: thousands in a row end nothing."""
    from gov_disclosure.documents.render import in_blocks

    pieces = ["頭\n", *[""] * 10_000, "尾\n"]
    assert "".join(in_blocks(pieces, str, 1)) == "頭\n尾\n"


@pytest.mark.parametrize(
    "body", ["{% if %}\n", "".join(f"第{i}行\n" for i in range(99)) + "{{ x }}\n"]
)
def test_a_failed_render_leaves_no_folder_it_made(
    gd, workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str
) -> None:
    """A syntax error stops before anything is made; one midway, after a block was written,
    takes away the temporary file and the folders made for -o."""
    from gov_disclosure.documents import render

    monkeypatch.setattr(render, "_BLOCK", 16)
    (workspace / "templates").mkdir()
    (workspace / "templates" / "report.md.j2").write_text(body, encoding="utf-8")
    out = tmp_path / "new" / "deeper" / "report.md"
    result = gd("report", "render", "--as-of", "2020-11-30", "-o", str(out))
    assert result.exit_code == 1, result.stderr
    assert not (tmp_path / "new").exists()


def test_a_render_abandoned_midway_loads_no_word_library(tmp_path: Path) -> None:
    """A stream closed before its end (a write that failed) ends quietly: the failure is
    the write's, and nothing is loaded to explain it."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from gov_disclosure.documents.render import DocFormat, find_template, render_text_stream\n"
        "from gov_disclosure.api import report\n"
        f"document = report(root=Path({str(REPO)!r}))\n"
        "stream = document.stream(DocFormat.md)\n"
        "next(stream)\n"
        "stream.close()\n"
        "print('docx' in sys.modules, file=sys.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stderr.strip().splitlines()[-1] == "False"


def test_standard_output_that_cannot_be_written_is_said(tmp_path: Path) -> None:
    import subprocess
    import sys

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "wb") as full:
        run = subprocess.run(
            [sys.executable, "-m", "gov_disclosure", "report", "render", "--root", str(REPO),
             "--as-of", "2020-11-30"],
            stdout=full, stderr=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
    assert run.returncode == 1, run.stderr
    assert "cannot write to standard output: No space left on device" in run.stderr


def test_a_device_is_not_remembered_as_a_document(gd, example: Path) -> None:
    import json

    assert (
        gd("report", "render", "--as-of", "2020-11-30", "-o", os.devnull, root=example).exit_code
        == 0
    )
    record = example / ".gd-cache" / "outputs.json"
    assert not record.exists() or os.devnull not in json.loads(record.read_text(encoding="utf-8"))
