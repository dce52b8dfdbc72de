"""plan/workspace.yaml: the documents' script (and the terminal's default), county, issuer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gov_disclosure import api
from gov_disclosure.errors import GdError
from gov_disclosure.models import NO_SETTINGS, WorkspaceSettings
from gov_disclosure.plan.loading import load_plan
from gov_disclosure.plan.settings import load_settings, settings_path
from gov_disclosure.storage.workspace import find_workspace
from gov_disclosure.textnorm import Script


def settings_file(root: Path, text: str) -> Path:
    path = root / "plan" / "workspace.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_without_the_file_the_plan_keeps_its_own_script(workspace: Path) -> None:
    ws = find_workspace(workspace)
    assert load_settings(ws) == NO_SETTINGS
    loaded = load_plan(ws)
    assert loaded.settings == NO_SETTINGS
    assert loaded.script_for() is Script.traditional  # the 2020 notice is transcribed so
    assert loaded.issuer == "師宗縣人民政府辦公室"  # the notice's


def test_every_key_is_read_and_typed(workspace: Path) -> None:
    settings_file(
        workspace, "script: simplified\ncounty: 師宗縣\nissuer: 師宗縣人民政府辦公室政務信息股\n"
    )
    ws = find_workspace(workspace)
    assert settings_path(ws) == workspace / "plan" / "workspace.yaml"
    assert load_settings(ws) == WorkspaceSettings(
        Script.simplified, "師宗縣", "師宗縣人民政府辦公室政務信息股"
    )
    loaded = load_plan(ws)
    assert loaded.script_for() is Script.simplified
    assert loaded.script_for(Script.traditional) is Script.traditional  # --script wins
    assert loaded.issuer == "師宗縣人民政府辦公室政務信息股"


def test_the_setting_is_the_terminals_default_too(gd, workspace: Path) -> None:
    assert "編號" in gd("tasks").stdout
    settings_file(workspace, "script: simplified\n")
    # The cache keys on the settings file: no stale answer from before it was written.
    assert "编号" in gd("tasks").stdout and "編號" not in gd("tasks").stdout
    assert "編號" in gd("tasks", "--script", "traditional").stdout
    (workspace / "plan" / "workspace.yaml").unlink()
    assert "編號" in gd("tasks").stdout


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "script: simple\n",
            1,
            "script: input should be 'simplified' or 'traditional' (got 'simple')",
        ),
        ("scirpt: simplified\n", 1, "unknown field 'scirpt'; did you mean 'script'?"),
        (
            "county: 師宗縣\nissuer: [a, b]\n",
            2,
            "issuer: input should be a valid string (got a list)",
        ),
    ],
)
def test_a_wrong_file_is_reported_where_it_is_wrong(
    workspace: Path, text: str, line: int, message: str
) -> None:
    path = settings_file(workspace, text)
    with pytest.raises(GdError) as caught:
        load_settings(find_workspace(workspace))
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.message) == (path, line, message)
    report = api.validate(root=workspace, today=dt.date(2020, 11, 30))
    assert [p.message for p in report.errors] == [message]  # once, not once per plan


def test_validate_names_the_file(workspace: Path) -> None:
    settings_file(workspace, "script: traditional\n")
    report = api.validate(root=workspace, today=dt.date(2020, 11, 30))
    assert report.errors == []
    assert any(line.endswith("plan/workspace.yaml: script traditional") for line in report.summary)
