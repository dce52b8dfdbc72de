"""`gd validate`: every kind of bad input is reported at its line, with exit code 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO

PLAN = "plan/2020.yaml"


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    count = 0
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            count += 1
            if count == occurrence:
                return number
    raise AssertionError(f"{needle!r} not in text")


def edit(workspace: Path, old: str, new: str, count: int = 1, name: str = PLAN) -> str:
    path = workspace / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, count)
    path.write_text(text, encoding="utf-8")
    return text


def test_bundled_workspace_is_valid(gd) -> None:
    result = gd("validate")
    assert result.exit_code == 0, result.stderr
    assert "15 tasks" in result.stdout
    assert result.stdout.rstrip().endswith("ok")
    assert result.stderr == ""


CASES = [
    # (old, new, marker on the reported line, message fragment)
    (
        "    title: 進一步健全政務公開制度機制\n",
        "    title: 進一步健全政務公開制度機制\n    title: 重複\n",
        "title: 重複",
        "duplicate key 'title'",
    ),
    (
        "        requirement:\n",
        "        requirments:\n",
        "requirments:",
        "unknown field 'requirments'; did you mean 'requirement'?",
    ),
    (
        "          - date: 2020-09-30\n",
        "          - date: 2020-13-01\n",
        "2020-13-01",
        "month value is outside expected range",
    ),
    (
        "        lead: [縣司法局, 縣市場監管局",
        "        lead: [縣司法部, 縣市場監管局",
        "縣司法部",
        "unknown unit '縣司法部'; did you mean 縣司法局",
    ),
    ('      - id: "1.3"\n', '      - id: "1.2"\n', ('id: "1.2"', 2), "duplicate task id '1.2'"),
    (
        "          - date: 2020-09-20\n",
        "          - date: 2021-09-20\n",
        "2021-09-20",
        "outside the plan year 2020",
    ),
    (
        "        lead: [縣司法局, 縣市場監管局, 縣政務服務管理局]\n        responsible: [縣直有關部門]\n",
        "        lead: []\n        responsible: []\n",
        'id: "1.2"',
        "task 1.2 has no unit",
    ),
    (
        "  issuer: 師宗縣人民政府辦公室\n",
        "  issuer: [師宗縣人民政府辦公室\n",
        "issued:",
        "YAML syntax error",
    ),
    ('      - id: "2.3"\n', '      - id: "3.9"\n', 'id: "3.9"', "its id should start with 2."),
    (
        "            units: [縣政府辦公室]\n",
        "            units: [縣司法局]\n",
        "units: [縣司法局]",
        "縣司法局 is not assigned to task 4.3",
    ),
    ("year: 2020\n", "year: 2021\n", "year: 2021", "does not match the file name 2020"),
    (
        "  issued: 2020-09-15\n",
        "  issued: 2020-09-15\n  issued_by: x\n",
        "issued_by",
        "unknown field 'issued_by'",
    ),
]


@pytest.mark.parametrize(("old", "new", "marker", "fragment"), CASES)
def test_bad_plan_is_reported_at_its_line(gd, workspace: Path, old, new, marker, fragment) -> None:
    text = edit(workspace, old, new)
    result = gd("validate")
    assert result.exit_code == 1, result.stdout + result.stderr
    line = line_of(text, *marker) if isinstance(marker, tuple) else line_of(text, marker)
    assert f"{PLAN}:{line}:" in result.stderr.replace(str(workspace) + "/", "")
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_all_problems_of_a_file_at_once(gd, workspace: Path) -> None:
    edit(
        workspace,
        "        lead: [縣衛健局, 縣應急管理局]",
        "        lead: [縣衛健處, 縣應急管理處]",
    )
    edit(workspace, "          - date: 2020-09-20\n", "          - date: 2020-02-30\n")
    result = gd("validate")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if PLAN in line]
    # The schema is checked first; names and dates need a valid plan, so they come next run.
    assert len(errors) == 1 and "2020-02-30" in errors[0], result.stderr
    edit(workspace, "          - date: 2020-02-30\n", "          - date: 2020-09-20\n")
    result = gd("validate")
    errors = [line for line in result.stderr.splitlines() if PLAN in line]
    assert len(errors) == 2 and "縣衛健處" in errors[0] and "縣應急管理處" in errors[1]


def test_anchor_and_alias_refused(gd, workspace: Path) -> None:
    edit(
        workspace,
        "        lead: [縣衛健局, 縣應急管理局]",
        "        lead: &l [縣衛健局, 縣應急管理局]",
    )
    edit(
        workspace,
        "        lead: [縣財政局, 市生態環境局師宗分局, 縣扶貧辦, 縣金融辦]",
        "        lead: *l",
    )
    result = gd("validate")
    assert result.exit_code == 1
    assert "aliases (*name) are not allowed" in result.stderr


def test_tab_indentation(gd, workspace: Path) -> None:
    text = edit(workspace, "  title: 師宗縣", "\ttitle: 師宗縣")
    result = gd("validate")
    assert result.exit_code == 1
    assert f"{PLAN}:{line_of(text, chr(9) + 'title')}:1: tab used for indentation" in _rel(
        result.stderr, workspace
    )


def test_not_utf8(gd, workspace: Path) -> None:
    path = workspace / PLAN
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("gb18030"))
    result = gd("validate")
    assert result.exit_code == 1
    assert "not valid UTF-8" in result.stderr
    assert f"{PLAN}:1:" in _rel(result.stderr, workspace)


def test_empty_and_list_files(gd, workspace: Path) -> None:
    (workspace / PLAN).write_text("", encoding="utf-8")
    result = gd("validate")
    assert result.exit_code == 1 and "file is empty" in result.stderr
    (workspace / PLAN).write_text("- a\n- b\n", encoding="utf-8")
    result = gd("validate")
    assert result.exit_code == 1 and "found a list" in result.stderr


def test_pinyin_and_damage_are_warnings(gd, workspace: Path) -> None:
    text = edit(workspace, "強化領導", "強化領(lǐng)導")
    text = edit(workspace, "健全組織體系", "健全組織?;系")
    result = gd("validate")
    assert result.exit_code == 0, result.stderr
    out = _rel(result.stderr, workspace)
    assert (
        f"{PLAN}:{line_of(text, '強化領(lǐng)導')}:" in out and "leftover pinyin annotation" in out
    )
    assert "question mark inside Chinese text" in out
    assert gd("validate", "--strict").exit_code == 1


REGISTRY = "plan/units.yaml"


@pytest.mark.parametrize(
    ("old", "new", "marker", "fragment"),
    [
        ("  - id: justice\n", "  - id: health\n", ("id: health", 2), "duplicate unit id 'health'"),
        (
            "  - id: justice\n",
            "  - id: ../justice\n",
            "id: ../justice",
            "does not have the expected form",
        ),
        ("      - 縣司法局\n", "      - 縣司法處\n", "縣司法處", "unknown unit '縣司法處'"),
        (
            "    kind: city_branch\n",
            "    kind: city_bureau\n",
            "city_bureau",
            "kind: input should be",
        ),
        (
            "    name: 縣財政局\n",
            "    name: 縣財政局\n    aliases: [縣衛健局]\n",
            "aliases: [縣衛健局]",
            "reads the same as a name of unit 'health'",
        ),
    ],
)
def test_bad_registry(gd, workspace: Path, old, new, marker, fragment) -> None:
    text = edit(workspace, old, new, name=REGISTRY)
    result = gd("validate")
    assert result.exit_code == 1, result.stderr
    assert fragment in result.stderr
    if marker == "aliases: [縣衛健局]":
        marker = "- id: finance"
    line = line_of(text, *marker) if isinstance(marker, tuple) else line_of(text, marker)
    assert f"{REGISTRY}:{line}:" in _rel(result.stderr, workspace)


def test_group_cycle(gd, workspace: Path) -> None:
    path = workspace / REGISTRY
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  - id: ring-a\n    name: 甲組\n    kind: group\n    members: [乙組]\n"
        + "  - id: ring-b\n    name: 乙組\n    kind: group\n    members: [甲組]\n",
        encoding="utf-8",
    )
    result = gd("validate")
    assert result.exit_code == 1
    assert "groups form a cycle" in result.stderr


def test_usage_errors_exit_2(gd, tmp_path: Path) -> None:
    result = gd("validate", root=tmp_path)
    assert result.exit_code == 2
    assert "not a gd workspace" in result.stderr
    assert gd("validate", "--year", "1999").exit_code == 2


def test_real_subprocess(workspace: Path) -> None:
    import subprocess
    import sys

    gd_bin = Path(sys.executable).with_name("gd")
    (workspace / PLAN).write_text(
        (REPO / PLAN).read_text(encoding="utf-8").replace("2020-09-30", "2020-13-01"),
        encoding="utf-8",
    )
    proc = subprocess.run(
        [str(gd_bin), "validate"],
        cwd=workspace / "plan",
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("2020.yaml:")  # found upward from plan/, path relative to cwd
    assert "Traceback" not in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "gov_disclosure", "validate", "--root", str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


def _rel(text: str, workspace: Path) -> str:
    return text.replace(str(workspace) + "/", "")
