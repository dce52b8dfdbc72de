"""One script per document: every document gd writes, in either script, has no character of the other.

The check is an OpenCC round trip on the document's text: a simplified document
is unchanged by traditional → simplified, a traditional one by simplified →
traditional.  It runs on every document (report and checklist × md, html,
docx × both scripts) of a workspace whose data is as mixed as real data gets:
the bundled plan (its notice leaves simplified 范, 于, 并 in traditional
text), a git history with plan changes and uncommitted edits, and a plan
imported in simplified characters.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from changed_plan import changed_plan_workspace

from conftest import REPO
from gov_disclosure import api
from gov_disclosure.documents.render import DocFormat
from gov_disclosure.documents.scripting import convert_runs
from gov_disclosure.textnorm import Script, to_simplified, to_traditional

NOV_20, NOV_30 = dt.date(2020, 11, 20), dt.date(2020, 11, 30)


def docx_text(data: bytes) -> str:
    """The words of a .docx: every run's text in every part, and its core properties."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [n for n in archive.namelist() if n.endswith(".xml")]
        texts = []
        for name in parts:
            xml = archive.read(name).decode("utf-8")
            texts += re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)
            if name == "docProps/core.xml":
                texts += re.findall(r">([^<]+)<", xml)
    return "\n".join(texts)


def text_of(document: api.Document, fmt: DocFormat) -> str:
    data = document.render(fmt)
    return docx_text(data) if fmt is DocFormat.docx else data.decode("utf-8")


def other_script(text: str, script: Script) -> list[str]:
    """What the OpenCC round trip changes: the characters of the other script, in context."""
    converted = script.convert(text)
    if converted == text:
        return []
    matcher = difflib.SequenceMatcher(a=text, b=converted, autojunk=False)
    return [
        f"{text[max(0, a1 - 6) : a2 + 6]!r} → {converted[b1:b2]!r}"
        for op, a1, a2, b1, b2 in matcher.get_opcodes()
        if op != "equal"
    ]


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled workspace in git: committed, the plan changed (with its basis), then an
    uncommitted edit of a progress file."""
    root = tmp_path_factory.mktemp("history") / "ws"
    changed_plan_workspace(root)
    return root


@pytest.fixture(scope="module")
def simplified(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled workspace written in simplified characters, as `gd import` of a
    simplified notice leaves it (its example progress and narrative too)."""
    root = tmp_path_factory.mktemp("simplified") / "ws"
    for part in ("plan", "progress", "report"):
        for path in (REPO / part).rglob("*.yaml"):
            target = root / path.relative_to(REPO)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(to_simplified(path.read_text(encoding="utf-8")), encoding="utf-8")
    return root


def documents(root: Path, script: Script | None) -> list[tuple[str, api.Document]]:
    return [
        ("report", api.report(root=root, as_of=NOV_30, script=script)),
        ("unit report", api.report(root=root, as_of=NOV_30, unit="县卫健局", script=script)),
        ("checklist", api.checklist(root=root, unit="县卫健局", today=NOV_20, script=script)),
    ]


@pytest.mark.parametrize("fmt", list(DocFormat), ids=str)
@pytest.mark.parametrize("script", list(Script), ids=str)
def test_every_document_is_in_one_script(history: Path, script: Script, fmt: DocFormat) -> None:
    for name, document in documents(history, script):
        assert document.script is script
        text = text_of(document, fmt)
        assert "方案調整情況" in to_traditional(text) or name == "checklist"
        assert other_script(text, script) == [], f"{name} ({fmt}, {script})"


@pytest.mark.parametrize("fmt", list(DocFormat), ids=str)
def test_a_simplified_plan_gives_simplified_documents(simplified: Path, fmt: DocFormat) -> None:
    """No --script and no setting: the plan's own script, labels and template text included."""
    for name, document in documents(simplified, None):
        assert document.script is Script.simplified
        text = text_of(document, fmt)
        assert other_script(text, Script.simplified) == [], f"{name} ({fmt})"
        assert "总体情况" in text or "任务清单" in text
    report = api.report(root=simplified, as_of=NOV_30, script="traditional")
    assert other_script(text_of(report, fmt), Script.traditional) == []


def test_the_workspace_setting_chooses_the_script(history: Path, tmp_path: Path) -> None:
    root = tmp_path / "ws"
    shutil.copytree(history, root, ignore=shutil.ignore_patterns(".git"))
    assert api.report(root=root, as_of=NOV_30).script is Script.traditional  # the plan's own
    (root / "plan" / "workspace.yaml").write_text("script: simplified\n", encoding="utf-8")
    document = api.report(root=root, as_of=NOV_30)
    assert document.script is Script.simplified
    assert document.render(DocFormat.md).decode().startswith("# 师宗县贯彻落实")
    # --script overrides the setting.
    assert api.report(root=root, as_of=NOV_30, script="traditional").script is Script.traditional


@pytest.mark.parametrize(
    ("script", "html", "word"),
    [
        (Script.simplified, 'lang="zh-Hans"', "zh-CN"),
        (Script.traditional, 'lang="zh-Hant"', "zh-TW"),
    ],
)
def test_the_document_says_its_language(
    history: Path, script: Script, html: str, word: str
) -> None:
    for _, document in documents(history, script):
        assert html in document.render(DocFormat.html).decode("utf-8")
        with zipfile.ZipFile(io.BytesIO(document.render(DocFormat.docx))) as archive:
            styles = archive.read("word/styles.xml").decode("utf-8")
            core = archive.read("docProps/core.xml").decode("utf-8")
        langs = re.findall(r'<w:lang [^>]*w:eastAsia="([^"]+)"', styles)
        assert langs and set(langs) == {word}
        assert f"<dc:language>{word}</dc:language>" in core


def test_links_keep_pointing_where_they_point(gd, workspace: Path, tmp_path: Path) -> None:
    """A link target is percent-encoded, so the document's conversion never touches it."""
    from conftest import set_record

    url = "https://www.example.org/衛生/目錄.html"
    result = set_record(gd, "2.4", "縣衛健局", "done", "2020-09-18", "-e", f"{url} 衛生目錄", "--today", "2020-11-30")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    encoded = "https://www.example.org/%E8%A1%9B%E7%94%9F/%E7%9B%AE%E9%8C%84.html"
    md = gd("report", "render", "--as-of", "2020-11-30", "--script", "simplified").stdout
    assert f"[卫生目录]({encoded})" in md
    html = tmp_path / "r.html"
    gd(
        "report",
        "render",
        "--as-of",
        "2020-11-30",
        "--script",
        "simplified",
        "-f",
        "html",
        "-o",
        str(html),
    )
    assert f'<a href="{encoded}">卫生目录</a>' in html.read_text(encoding="utf-8")


def test_convert_runs_converts_text_never_markup() -> None:
    from lxml import etree

    xml = (
        '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:r><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/></w:rPr><w:t>縣衛健局</w:t></w:r>'
        '<w:r><w:t xml:space="preserve"> 任務 </w:t></w:r><w:r><w:t/></w:r></w:p>'
    )
    root = etree.fromstring(xml)
    convert_runs([root], to_simplified)
    assert etree.tostring(root, encoding="unicode") == xml.replace("縣衛健局", "县卫健局").replace(
        " 任務 ", " 任务 "
    )
    root = etree.fromstring(xml.replace("縣衛健局", "縣\ue000衛"))  # the joiner in a text
    convert_runs([root], to_simplified)
    assert "县\ue000卫" in etree.tostring(root, encoding="unicode")
