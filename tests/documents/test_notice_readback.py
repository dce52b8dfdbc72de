"""Each `gd plan render` reads its notice back as `gd import` would and says what would not come
back: nothing for the 2020 plan; for a plan the notice cannot carry, the field, the plan's value
and what the notice gives."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO
from gov_disclosure import api
from gov_disclosure.documents.notice_readback import notice_text
from gov_disclosure.documents.plan_notice import COLUMNS, plan_notice
from gov_disclosure.plan.loading import load_plan
from gov_disclosure.storage.workspace import find_workspace
from gov_disclosure.textnorm import Script

PREFIX = "the notice would not read back as the plan: "


def messages(root: Path, year: int | None = None) -> list[str]:
    warnings = api.plan_render(root=root, year=year).warnings
    assert all(w.severity == "warning" and w.file is not None for w in warnings)
    return [w.message.removeprefix(PREFIX) for w in warnings]


def edit(root: Path, old: str, new: str, year: int = 2020) -> None:
    path = root / "plan" / f"{year}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_2020_plan_reads_back_whole() -> None:
    assert messages(REPO) == []


def test_the_notice_text_is_what_the_document_lays_out() -> None:
    loaded = load_plan(find_workspace(REPO), 2020)
    text = notice_text(plan_notice(loaded.plan, loaded.units, Script.traditional), loaded.path)
    lines = [t for _, t in text.paragraphs]
    assert lines[0].endswith("的通知") and lines[1].endswith("縣直各單位：")
    assert lines[-3:] == ["師宗縣人民政府辦公室", "2020年9月15日", loaded.plan.notice.title]
    assert text.rows[0].cells == list(COLUMNS) and len(text.rows) == 1 + 4 + 15
    assert [r.line for r in text.rows] == list(range(len(lines) + 1, len(lines) + 21))


def test_a_rolled_over_draft_whose_text_names_last_year(gd, workspace: Path) -> None:
    shutil.copytree(REPO / "progress", workspace / "progress")
    assert gd("rollover", "2021", root=workspace).exit_code == 0
    found = messages(workspace, 2021)
    assert [m.split("'s ")[0] for m in found] == ["2.1", "2.2", "2.4", "3.1", "3.2"]
    assert found[0] == (
        "2.1's deadlines: 2021-09-30 2021年9月底前 in the plan, 2020-09-30 2020年9月底前 in the notice"
    )
    assert found[3].endswith("2020-12-31 2020年底前 (縣融媒體中心) in the notice")


def test_a_deadline_the_text_does_not_state(workspace: Path) -> None:
    edit(workspace, "phrase: 2020年9月20日前", "phrase: 2020年9月25日前")
    edit(workspace, "date: 2020-09-20", "date: 2020-09-25")
    assert messages(workspace) == [
        "2.4's deadlines: 2020-09-25 2020年9月25日前 in the plan, "
        "2020-09-20 2020年9月20日前 in the notice"
    ]


def test_sentences_that_the_notice_would_run_together(workspace: Path) -> None:
    edit(workspace, "等信息公開工作。", "等信息公開工作；")
    (found,) = messages(workspace)
    assert found.startswith("1.4's requirement: [全面公開脫貧攻堅")
    assert "等信息公開工作；, 繼續做好" in found and "等信息公開工作；繼續做好" in found


def test_a_second_milestone(workspace: Path) -> None:
    edit(
        workspace,
        "sections:\n",
        "  - {id: review, date: 2020-12-20, what: 開展年度考核}\nsections:\n",
    )
    assert messages(workspace) == [
        "milestone review: 開展年度考核 in the plan, nothing in the notice"
    ]


def test_the_notices_particulars(workspace: Path) -> None:
    edit(workspace, "  issuer: 師宗縣人民政府辦公室\n", "  issuer: 師宗縣政務服務管理局\n")
    edit(workspace, "    phrase: 2020年11月30日前\n", "")
    found = messages(workspace)
    assert "the notice's issuer: 師宗縣政務服務管理局 in the plan, (none) in the notice" in found
    assert any(m.startswith("the report milestone: [2020-11-30, (none), 將貫徹") for m in found)


def test_the_year_the_notice_says(workspace: Path) -> None:
    """`gd import` takes the year from the notice's title: a plan whose title names another
    year would come back as that year's."""
    edit(workspace, "  title: 師宗縣貫徹落實2020年", "  title: 師宗縣貫徹落實2019年")
    assert messages(workspace)[0] == "the year: 2020 in the plan, 2019 in the notice"
