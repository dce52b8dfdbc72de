"""`gd tasks` and `gd units` through the command line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

DEPT_TASKS = [
    "1.1",
    "1.2",
    "1.3",
    "1.4",
    "1.5",
    "2.1",
    "2.2",
    "2.3",
    "2.4",
    "2.5",
    "3.1",
    "4.1",
    "4.2",
]
TOWN_TASKS = ["1.4", "1.5", "2.1", "2.2", "2.4", "2.5", "3.1", "4.1", "4.2"]


def roles(result) -> dict[str, str]:
    assert result.exit_code == 0, result.stderr
    return {t["id"]: t["role"] for t in result.json()}


@pytest.mark.parametrize("typed", ["縣衛(wèi)健局", "县卫健局", "縣衛生健康局", "衛健局"])
def test_health_bureau_tasks(gd, typed: str) -> None:
    got = roles(gd("tasks", "--unit", typed, "--format", "json"))
    expected = {tid: "member" for tid in DEPT_TASKS} | {"1.3": "lead", "1.5": "lead", "2.5": "lead"}
    assert got == expected


def test_same_answer_whatever_the_spelling(gd) -> None:
    results = [
        gd("tasks", "--unit", u, "--format", "json")
        for u in ["縣衛(wèi)健局", "县卫健局", "縣衛生健康局", "衛健局", "縣衛健局"]
    ]
    assert [r.exit_code for r in results] == [0] * len(results)
    assert len({r.stdout for r in results}) == 1
    # …and the answer is 縣衛健局's: it leads 1.3, 1.5 and 2.5 (notice, sections 1–2).
    assert {t["id"] for t in results[0].json() if t["role"] == "lead"} == {"1.3", "1.5", "2.5"}


def test_government_office(gd) -> None:
    got = roles(gd("tasks", "--unit", "縣政府辦", "--format", "json"))
    expected = {tid: "member" for tid in DEPT_TASKS} | {
        "2.2": "lead", "2.3": "lead", "2.5": "lead", "4.3": "responsible",
    }  # fmt: skip
    assert got == expected


def test_township_reaches_group_tasks(gd) -> None:
    result = gd("tasks", "--unit", "丹鳳街道", "--format", "json")
    tasks = result.json()
    assert [t["id"] for t in tasks] == TOWN_TASKS
    assert {t["role"] for t in tasks} == {"member"}
    assert {t["via"] for t in tasks} == {"各鄉(鎮、街道)"}


def test_group_itself_lists_the_tasks_that_name_it(gd) -> None:
    got = roles(gd("tasks", "--unit", "各乡镇(街道)", "--format", "json"))
    assert got == {tid: "responsible" for tid in TOWN_TASKS}


def test_unit_deadlines_are_its_own(gd) -> None:
    media = {t["id"]: t for t in gd("tasks", "--unit", "縣融媒體中心", "--format", "json").json()}
    assert [d["date"] for d in media["3.1"]["deadlines"]] == ["2020-12-31"]
    health = {t["id"]: t for t in gd("tasks", "--unit", "縣衛健局", "--format", "json").json()}
    assert health["3.1"]["deadlines"] == []  # the IPv6 upgrade is 縣融媒體中心's alone
    assert [d["date"] for d in health["2.4"]["deadlines"]] == ["2020-09-20"]


def test_unknown_unit_exits_2_with_suggestions(gd) -> None:
    result = gd("tasks", "--unit", "不存在局")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "unknown unit '不存在局'; did you mean" in result.stderr
    result = gd("tasks", "--unit", "縣衛建局")
    assert result.exit_code == 2 and "did you mean 縣衛健局" in result.stderr


def test_ambiguous_unit_exits_2(gd) -> None:
    result = gd("tasks", "--unit", "辦公室")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "縣政府辦公室、政務信息股" in result.stderr


def test_role_and_section_filters(gd) -> None:
    assert list(roles(gd("tasks", "-u", "縣衛健局", "--role", "lead", "-f", "json"))) == [
        "1.3",
        "1.5",
        "2.5",
    ]
    result = gd("tasks", "--section", "3", "-f", "json")
    assert [t["id"] for t in result.json()] == ["3.1", "3.2"]
    assert gd("tasks", "--role", "lead").exit_code == 2  # --role needs --unit
    assert gd("tasks", "--role", "boss", "-u", "縣衛健局").exit_code == 2


def test_all_tasks_json_shape(gd) -> None:
    tasks = gd("tasks", "--format", "json").json()
    assert len(tasks) == 15
    first = tasks[5]
    assert first["id"] == "2.1"
    assert first["lead"] == []
    assert first["responsible"] == ["各鄉(鎮、街道)", "縣直有關部門"]
    assert first["deadlines"][0]["date"] == "2020-09-30"
    assert first["deadlines"][0]["phrase"] == "2020年9月底前"
    assert tasks[14]["responsible"] == ["縣政府辦公室"]


def test_table_shows_chinese_labels_and_whole_text(gd) -> None:
    result = gd("tasks")
    assert result.exit_code == 0
    for label in ("編號", "工作任務", "牽頭單位", "責任單位", "時限"):
        assert label in result.stdout
    assert "\x1b[" not in result.stdout  # no colour codes when not on a terminal
    text = result.stdout.replace(" ", "").replace("\n", "")
    assert "優化政府網站“政府信息公開平臺”設置" in text  # wrapped, never cut


def test_csv_has_bom_and_chinese(gd) -> None:
    result = gd("tasks", "--unit", "县卫健局", "--format", "csv")
    assert result.stdout.startswith("\ufeff編號,工作任務,角色")
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert len(rows) == 1 + 13
    assert rows[3][:3] == ["1.3", "圍繞常態化疫情防控深化政府信息公開", "牽頭"]


def test_script_option_converts_output_only(gd, workspace: Path) -> None:
    before = (workspace / "plan" / "2020.yaml").read_bytes()
    simplified = gd("tasks", "--unit", "縣衛健局", "--script", "simplified", "-f", "json").json()
    assert simplified[2]["title"] == "围绕常态化疫情防控深化政府信息公开"
    assert simplified[2]["lead"] == ["县卫健局", "县应急管理局"]
    table = gd("tasks", "--script", "simplified").stdout
    assert "编号" in table and "牵头单位" in table and "牽頭" not in table
    traditional = gd("tasks", "--script", "traditional", "-f", "json").json()
    assert traditional[2]["title"] == "圍繞常態化疫情防控深化政府信息公開"
    assert (workspace / "plan" / "2020.yaml").read_bytes() == before


def test_units_listing(gd) -> None:
    result = gd("units", "--format", "json")
    units = {u["name"]: u for u in result.json()}
    assert units["縣衛健局"]["tasks"] == {"lead": 3, "responsible": 0, "member": 10}
    assert units["縣政府辦公室"]["tasks"] == {"lead": 3, "responsible": 1, "member": 10}
    assert units["丹鳳街道"]["tasks"] == {"lead": 0, "responsible": 0, "member": 9}
    assert units["各鄉(鎮、街道)"]["kind"] == "group"
    assert len(units["各鄉(鎮、街道)"]["members"]) == 10
    assert units["政務信息股"]["parent"] == "縣政府辦公室"
    table = gd("units").stdout
    assert "縣直部門" in table and "經群組" in table


def test_unit_with_no_tasks(gd) -> None:
    result = gd("tasks", "--unit", "政務信息股")
    assert result.exit_code == 0
    assert "沒有任務" in result.stderr
    assert gd("tasks", "--unit", "政務信息股", "-f", "json").json() == []


def test_workspace_found_upward_and_by_env(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from gov_disclosure.cli import app

    monkeypatch.chdir(workspace / "plan")
    result = CliRunner().invoke(app, ["tasks", "-f", "json"])
    assert result.exit_code == 0 and len(result.stdout) > 100
    monkeypatch.chdir("/")
    monkeypatch.setenv("GD_ROOT", str(workspace))
    assert CliRunner().invoke(app, ["tasks", "-f", "json"]).exit_code == 0


def test_year_picks_a_plan(gd, workspace: Path) -> None:
    text = (workspace / "plan" / "2020.yaml").read_text(encoding="utf-8")
    (workspace / "plan" / "2021.yaml").write_text(
        text.replace("year: 2020", "year: 2021").replace("2020-", "2021-"), encoding="utf-8"
    )
    newest = gd("tasks", "-f", "json").json()
    assert newest[5]["deadlines"][0]["date"] == "2021-09-30"
    older = gd("tasks", "--year", "2020", "-f", "json").json()
    assert older[5]["deadlines"][0]["date"] == "2020-09-30"


def test_completion_offers_unit_names(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gov_disclosure.cli.options import complete_unit

    monkeypatch.chdir(workspace)
    assert "縣衛健局" in complete_unit("")
    assert complete_unit("卫健") == ["縣衛健局"]


def test_internal_error_is_exit_3(gd, monkeypatch: pytest.MonkeyPatch) -> None:
    import gov_disclosure.plan.queries as queries

    def boom(*args, **kwargs):
        raise ZeroDivisionError("x")

    monkeypatch.setattr(queries, "tasks", boom)
    result = gd("tasks")
    assert result.exit_code == 3
    assert "internal error" in result.stderr and "Traceback" not in result.stderr
