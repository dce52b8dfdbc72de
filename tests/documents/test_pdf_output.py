"""The Word documents as LibreOffice prints them (``make docs-check``; skipped by ``make test``).

Every .docx gd writes — the county's report, a unit's report, a checklist, the plan's
notice, in both scripts — from a workspace in git whose plan was changed after it was first
committed and that has uncommitted edits, is converted to PDF by LibreOffice
(``soffice --headless``), and its text (``pdftotext``) must show:

- a page number ``— N —`` at the foot of every page;
- the 落款 at the end of the body: the issuer, then the date as 2020年11月30日;
- no ISO date (2020-11-30) anywhere, no diff markup (``[-…-]``, ``{+…+}``);
- on page 1 no revision hash and no word about git or versions;
- the plan's notice: its cover letter on page 1 (主送, 落款, 「（此件公開發布）」), the plan
  from page 2, the table's header row on every page of the table, its last task on the
  last page.

Each page is also drawn as a PNG (60 dpi) into ``$GD_DOCS_CHECK`` to be looked at.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from changed_plan import changed_plan_workspace

from conftest import REPO
from gov_disclosure import api
from gov_disclosure.documents.render import DocFormat
from gov_disclosure.textnorm import Script

OUT = os.environ.get("GD_DOCS_CHECK")
pytestmark = [
    pytest.mark.skipif(not OUT, reason="make docs-check runs it (GD_DOCS_CHECK=DIR)"),
    pytest.mark.skipif(
        not (shutil.which("soffice") and shutil.which("pdftotext")),
        reason="LibreOffice not installed: skipped",
    ),
]
NOV_30 = dt.date(2020, 11, 30)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PAGE_NUMBER = re.compile(r"—\s*(\d+)\s*—")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """name → (PDF, short hash of HEAD), for every Word document of a workspace in git."""
    root = tmp_path_factory.mktemp("docs-check") / "ws"
    head = changed_plan_workspace(root)
    for part in ("annual", "requests"):  # the annual reports (issue 15) are Word documents too
        shutil.copytree(REPO / part, root / part)
    out = Path(str(OUT))
    out.mkdir(parents=True, exist_ok=True)
    documents: dict[str, api.Document] = {}  # a PlanNotice is a Document
    for script in Script:
        documents[f"report-{script}"] = api.report(root=root, as_of=NOV_30, script=script)
        documents[f"report-health-{script}"] = api.report(
            root=root, as_of=NOV_30, unit="县卫健局", script=script
        )
        documents[f"checklist-health-{script}"] = api.checklist(
            root=root, unit="县卫健局", today=NOV_30, script=script
        )
        documents[f"notice-{script}"] = api.plan_render(root=root, script=script)
    annuals = {
        f"annual-health-{script}": api.annual_render(
            root=root, unit="县卫健局", year=2020, script=script
        )
        for script in Script
    } | {
        f"annual-county-{script}": api.annual_render(
            root=root, county=True, year=2020, script=script
        )
        for script in Script
    }
    for name, document in [*documents.items(), *annuals.items()]:
        (out / f"{name}.docx").write_bytes(document.render(DocFormat.docx))
    names = [*documents, *annuals]
    docx_files = [str(out / f"{name}.docx") for name in names]
    converted = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), *docx_files],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert converted.returncode == 0, converted.stderr
    assert "Error" not in converted.stderr, converted.stderr
    result = {}
    for name in names:
        pdf = out / f"{name}.pdf"
        assert pdf.exists(), f"LibreOffice did not convert {name}.docx"
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(out / name)], check=True)
        result[name] = (pdf, head)
    return result


def pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


KINDS = ("report", "report-health", "checklist-health")
NAMES = [f"{k}-{s}" for s in Script for k in KINDS]
NOTICES = [f"notice-{s}" for s in Script]
ANNUALS = [f"annual-{k}-{s}" for s in Script for k in ("health", "county")]


@pytest.mark.parametrize("name", NAMES + NOTICES + ANNUALS)
def test_every_page_has_its_number(pdfs: dict[str, tuple[Path, str]], name: str) -> None:
    printed = pages(pdfs[name][0])
    assert len(printed) > 1
    for number, page in enumerate(printed, 1):
        assert [int(n) for n in PAGE_NUMBER.findall(page)] == [number], f"page {number}"


@pytest.mark.parametrize("name", NAMES + NOTICES)
def test_the_signature_and_dates(pdfs: dict[str, tuple[Path, str]], name: str) -> None:
    text = "\n".join(pages(pdfs[name][0]))
    assert not ISO_DATE.search(text), ISO_DATE.findall(text)
    for markup in ("[-", "-]", "{+", "+}"):
        assert markup not in text
    issuer = {"report": "師宗縣人民政府辦公室", "report-health": "縣衛生健康局"}.get(
        name.rsplit("-", 1)[0], "師宗縣人民政府辦公室"
    )
    script = Script(name.rsplit("-", 1)[1])
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    at = lines.index(script.convert(issuer))
    day = r"9\s*月\s*15" if name.startswith("notice") else r"11\s*月\s*30"
    assert re.fullmatch(rf"2020\s*年\s*{day}\s*日", lines[at + 1])


@pytest.mark.parametrize("name", NAMES)
def test_page_one_says_nothing_of_git(pdfs: dict[str, tuple[Path, str]], name: str) -> None:
    pdf, head = pdfs[name]
    printed = pages(pdf)
    first = printed[0]
    for word in (head, "git", "版本", "提交", "修改"):
        assert word not in first, word
    # The revision stays traceable: in the small print at the very end.
    assert head in printed[-1] and "未提交的修改" in printed[-1]


@pytest.mark.parametrize("name", NOTICES)
def test_the_notice_then_the_plan(pdfs: dict[str, tuple[Path, str]], name: str) -> None:
    script = Script(name.rsplit("-", 1)[1])
    printed = [re.sub(r"\s+", "", page) for page in pages(pdfs[name][0])]
    first, *plan = printed
    for words in ("關於印發", "縣直各單位：", "師宗縣人民政府辦公室", "（此件公開發布）"):
        assert script.convert(words) in first, words
    assert "工作任務" not in script.convert(first)  # the table starts on a page of its own
    assert plan[0].startswith(script.convert("師宗縣貫徹落實2020年曲靖市政務公開要點分解落實方案"))
    header = script.convert("工作任務具體要求責任單位")
    assert len(plan) > 1 and all(header in page for page in plan)
    assert script.convert("3.提高人員素質") in plan[-1]


@pytest.mark.parametrize("name", ANNUALS)
def test_annual_reports_have_chinese_dates_only(
    pdfs: dict[str, tuple[Path, str]], name: str
) -> None:
    text = "\n".join(pages(pdfs[name][0]))
    assert not ISO_DATE.search(text), ISO_DATE.findall(text)
    # Its 落款: a unit by 31 January, the county compiles by 20 February (條例 第四十九條).
    assert re.search(r"2021\s*年\s*[12]\s*月\s*\d{1,2}\s*日", text)
