"""Progress records: `gd progress set/show`, safe writes, and their validation."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from conftest import git, set_record

T = ["--today", "2020-11-27"]


def read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def test_set_creates_the_unit_file(gd, workspace: Path) -> None:
    result = set_record(gd, "2.4", "县卫健局", "已完成", "2020-09-18", "--evidence", "https://example.org/a.html 標準目錄", "--evidence", "師衛健發〔2020〕1號", "--note", "已編制", *T)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "縣衛健局: 2.4 已完成" in result.stdout
    data = read(workspace / "progress" / "2020" / "health.yaml")
    assert data["unit"] == "縣衛健局" and data["year"] == 2020
    (record,) = data["records"]
    assert record == {
        "task": "2.4",
        "status": "done",
        "date": __import__("datetime").date(2020, 9, 18),
        "evidence": [
            {"ref": "https://example.org/a.html", "title": "標準目錄"},
            "師衛健發〔2020〕1號",
        ],
        "note": "已編制",
    }


def test_options_not_given_keep_what_the_record_has(gd, workspace: Path) -> None:
    set_record(gd, "2.1", "衛健局", "in_progress", "2020-09-01", "-e", "https://example.org/1", "--note", "初稿", *T)  # fmt: skip
    set_record(gd, "2.1", "衛健局", "done", "2020-09-29", "-e", "https://example.org/2", *T)  # fmt: skip
    (record,) = read(workspace / "progress" / "2020" / "health.yaml")["records"]
    assert record["status"] == "done"
    assert record["evidence"] == ["https://example.org/1", "https://example.org/2"]
    assert record["note"] == "初稿"
    set_record(gd, "2.1", "衛健局", "done", "2020-09-30", "--clear-evidence", "--note", "", *T)  # fmt: skip
    (record,) = read(workspace / "progress" / "2020" / "health.yaml")["records"]
    assert "evidence" not in record and "note" not in record


def test_records_sorted_in_plan_order_and_bytes_deterministic(
    gd, workspace: Path, tmp_path: Path
) -> None:
    for task in ["2.5", "1.3", "report", "1.5"]:
        assert set_record(gd, task, "衛健局", "in_progress", "2020-10-01", *T).exit_code == 0  # fmt: skip
    path = workspace / "progress" / "2020" / "health.yaml"
    assert [r["task"] for r in read(path)["records"]] == ["1.3", "1.5", "2.5", "report"]
    first = path.read_bytes()
    path.unlink()
    for task in ["report", "1.5", "2.5", "1.3"]:
        set_record(gd, task, "衛健局", "in_progress", "2020-10-01", *T)
    assert path.read_bytes() == first
    again = set_record(gd, "1.3", "衛健局", "in_progress", "2020-10-01", *T)
    assert "unchanged" in again.stdout and path.read_bytes() == first


def test_group_writes_each_assigned_member(gd, workspace: Path) -> None:
    result = set_record(gd, "2.4", "各乡镇（街道）", "done", "2020-09-20", *T)
    assert result.exit_code == 0, result.stderr
    files = sorted(p.stem for p in (workspace / "progress" / "2020").glob("*.yaml"))
    assert files == sorted(
        [
            "danfeng",
            "yangyue",
            "datong",
            "xiongbi",
            "kuishan",
            "caiyun",
            "zhuji",
            "longqing",
            "wulong",
            "gaoliang",
        ]
    )
    assert result.stdout.count("已完成") == 10 and "丹鳳街道" in result.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["9.9", "-u", "縣衛健局", "--status", "done"], "no task or milestone '9.9'"),
        (
            ["4.3", "-u", "縣衛健局", "--status", "done"],
            "縣衛健局 is not assigned to 4.3; assigned: responsible 縣政府辦公室",
        ),
        (["3.2", "-u", "丹鳳街道", "--status", "done"], "丹鳳街道 is not assigned to 3.2"),
        (["2.4", "-u", "縣衛健局", "--status", "finished"], "unknown status 'finished'"),
        (["2.4", "-u", "不存在局", "--status", "done"], "unknown unit '不存在局'"),
        (["2.4", "-u", "縣衛健局", "--status", "done", "--date", "2020-02-30"], "not a real date"),
        (["2.4", "-u", "縣衛健局", "--status", "done", "--date", "2020-12-01"], "in the future"),
        (
            ["2.4", "-u", "縣衛健局", "--status", "done", "--date", "2019-12-01"],
            "outside 2020-01-01",
        ),
        (
            ["2.4", "-u", "縣衛健局", "--status", "done", "-e", "javascript:alert(1)"],
            "javascript: links are not allowed",
        ),
        (["2.4", "-u", "縣衛健局"], "a status is required"),
    ],
)
def test_refusals_exit_2_and_touch_nothing(gd, workspace: Path, args, fragment) -> None:
    set_record(gd, "2.1", "縣衛健局", "done", "2020-09-30", *T)
    before = snapshot(workspace)
    result = gd("progress", "set", *args, *T)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert fragment in result.stderr
    assert result.stdout == ""
    assert snapshot(workspace) == before


def test_refuses_to_rewrite_a_file_it_cannot_parse(gd, workspace: Path) -> None:
    folder = workspace / "progress" / "2020"
    folder.mkdir(parents=True)
    broken = "unit: 縣衛健局\nyear: 2020\nrecords:\n  - task: '1.3'\n    status: [\n"
    (folder / "health.yaml").write_text(broken, encoding="utf-8")
    result = set_record(gd, "2.4", "縣衛健局", "done", "2020-09-20", *T)
    assert result.exit_code == 1
    assert "not updating health.yaml: it is not valid; fix it first" in result.stderr
    assert (folder / "health.yaml").read_text(encoding="utf-8") == broken


HAND_EDITED = """\
# 縣衛健局的落實情況，由辦公室張三維護。
unit: 縣衛健局
year: 2020
records:
  # 疫情信息：每週覆核一次
  - task: "1.3"
    status: in_progress   # 等待衛健委確認
    date: 2020-10-01
    evidence:
      - https://example.org/epidemic   # 專欄首頁
  - task: "2.4"
    status: done
    date: 2020-09-18
"""


def test_hand_edits_survive_and_git_diff_is_minimal(gd, workspace: Path) -> None:
    folder = workspace / "progress" / "2020"
    folder.mkdir(parents=True)
    path = folder / "health.yaml"
    path.write_text(HAND_EDITED, encoding="utf-8")
    git(workspace, "init", "-q")
    git(workspace, "add", "-A")
    git(workspace, "commit", "-qm", "base")
    result = set_record(gd, "1.3", "衛健局", "done", "2020-10-20", *T)
    assert result.exit_code == 0, result.stderr
    text = path.read_text(encoding="utf-8")
    for comment in (
        "# 縣衛健局的落實情況，由辦公室張三維護。",
        "# 疫情信息：每週覆核一次",
        "# 等待衛健委確認",
        "# 專欄首頁",
    ):
        assert comment in text
    diff = subprocess.run(
        ["git", "diff", "-U0", "--no-color", "--", "progress"],
        cwd=workspace,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    changed = [
        " ".join(line.split())
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]  # ruamel keeps a trailing comment at its column
    assert changed == [
        "- status: in_progress # 等待衛健委確認",
        "- date: 2020-10-01",
        "+ status: done # 等待衛健委確認",
        "+ date: 2020-10-20",
    ]


WORKER = textwrap.dedent(
    """
    import datetime as dt, sys
    from gov_disclosure.models import Status
    from gov_disclosure.progress.store import Change, set_progress
    from gov_disclosure.plan.loading import load_plan
    from gov_disclosure.storage.workspace import find_workspace

    root, section = sys.argv[1], int(sys.argv[2])
    loaded = load_plan(find_workspace(root))
    unit = loaded.units.resolve("縣衛健局")
    for task in range(1, 26):
        change = Change(f"{section}.{task}", Status.done, dt.date(2020, 10, 1))
        set_progress(loaded, unit, change, dt.date(2020, 11, 27))
    """
)


def big_plan(sections: int, tasks: int) -> str:
    lines = [
        "year: 2020",
        "notice: {title: 測試方案, issuer: 師宗縣人民政府辦公室, issued: 2020-09-15}",
        "sections:",
    ]
    for s in range(1, sections + 1):
        lines += [f"  - number: {s}", f"    title: 第{s}部分", "    tasks:"]
        for t in range(1, tasks + 1):
            lines += [f'      - id: "{s}.{t}"', f"        title: 任務{s}.{t}", "        requirement: [做好。]",
                      "        lead: [縣衛健局]"]  # fmt: skip
    return "\n".join(lines) + "\n"


def test_twenty_concurrent_writers_lose_nothing(workspace: Path) -> None:
    (workspace / "plan" / "2020.yaml").write_text(big_plan(20, 25), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(workspace), str(s)], env=env, stderr=subprocess.PIPE
        )
        for s in range(1, 21)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err.decode()
    records = read(workspace / "progress" / "2020" / "health.yaml")["records"]
    assert len(records) == 500
    assert len({r["task"] for r in records}) == 500


KILLED = textwrap.dedent(
    """
    import datetime as dt, os, sys
    from gov_disclosure.models import Status
    from gov_disclosure.progress.store import Change, set_progress
    from gov_disclosure.plan.loading import load_plan
    from gov_disclosure.storage.workspace import find_workspace

    def die(fd):  # the process is killed after writing, before the rename
        os._exit(137)

    os.fsync = die
    loaded = load_plan(find_workspace(sys.argv[1]))
    set_progress(loaded, loaded.units.resolve("縣衛健局"),
                 Change("1.3", Status.done, dt.date(2020, 10, 2)), dt.date(2020, 11, 27))
    """
)


def test_killed_in_the_middle_of_a_write_leaves_the_old_file(gd, workspace: Path) -> None:
    set_record(gd, "2.4", "縣衛健局", "done", "2020-09-18", *T)
    path = workspace / "progress" / "2020" / "health.yaml"
    before = path.read_bytes()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.run([sys.executable, "-c", KILLED, str(workspace)], env=env, check=False)
    assert proc.returncode == 137
    assert path.read_bytes() == before
    assert gd("validate", *T).exit_code == 0
    assert set_record(gd, "1.3", "縣衛健局", "done", "2020-10-02", *T).exit_code == 0


def test_failed_write_says_why_and_keeps_the_old_file(gd, workspace: Path, monkeypatch) -> None:
    set_record(gd, "2.4", "縣衛健局", "done", "2020-09-18", *T)
    path = workspace / "progress" / "2020" / "health.yaml"
    before = path.read_bytes()

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    result = set_record(gd, "1.3", "縣衛健局", "done", "2020-10-02", *T)
    assert result.exit_code == 1
    assert (
        "cannot write health.yaml: No space left on device; the old file is unchanged"
        in result.stderr
    )
    assert path.read_bytes() == before
    assert not list(path.parent.glob(".*.tmp"))


def test_show_matrix_and_json(gd, workspace: Path) -> None:
    set_record(gd, "2.4", "各鄉(鎮、街道)", "done", "2020-09-20", *T)
    set_record(gd, "2.4", "縣衛健局", "not_applicable", "2020-09-20", *T)
    set_record(gd, "1.3", "縣衛健局", "in_progress", "2020-10-01", *T)
    table = gd("progress", "show", *T)
    assert table.exit_code == 0, table.stderr
    assert "丹鳳街道" in table.stdout and "11" in table.stdout  # 10 towns + 縣衛健局 closed on 2.4
    records = gd("progress", "show", "--format", "json", *T).json()
    assert len(records) == 12
    assert set(records[0]) >= {"unit", "task", "status", "date", "evidence", "note"}
    mine = gd("progress", "show", "-u", "县卫健局", "-f", "json", *T).json()
    assert [(r["task"], r["status"]) for r in mine] == [
        ("1.3", "in_progress"),
        ("2.4", "not_applicable"),
    ]
    one_task = gd("progress", "show", "--task", "2.4", "-f", "json", *T).json()
    assert len(one_task) == 11
    view = gd("progress", "show", "-u", "縣衛健局", *T).stdout
    assert "未報告" in view and "推進中" in view and "不適用" in view
    assert gd("progress", "show", "--task", "9.9", *T).exit_code == 2


BAD_RECORDS = [  # (record, message, line of the file it is reported on)
    ('  - task: "2.4"\n    status: done\n', "is done but has no date", 7),
    ('  - task: "9.9"\n    status: in_progress\n', "no task or milestone '9.9'", 7),
    ('  - task: "4.3"\n    status: in_progress\n', "縣衛健局 is not assigned to 4.3", 7),
    ('  - task: "2.4"\n    status: finished\n', "input should be 'not_started'", 8),
    (
        '  - task: "2.4"\n    status: done\n    date: 2021-04-01\n',
        "outside 2020-01-01 … 2021-03-31",
        9,
    ),
    ('  - task: "2.4"\n    status: done\n    date: 2020-11-28\n', "is after today (2020-11-27)", 9),
    ('  - task: "1.3"\n    status: done\n    date: 2020-10-01\n', "duplicate record for 1.3", 7),
    (
        '  - task: "2.4"\n    status: done\n    date: 2020-10-01\n    evidence: ["javascript:alert(1)"]\n',
        "javascript: links are not allowed",
        10,
    ),
]


@pytest.mark.parametrize(("record", "fragment", "line"), BAD_RECORDS)
def test_validate_checks_progress_files(
    gd, workspace: Path, record: str, fragment: str, line: int
) -> None:
    folder = workspace / "progress" / "2020"
    folder.mkdir(parents=True)
    text = (
        'unit: 縣衛健局\nyear: 2020\nrecords:\n  - task: "1.3"\n    status: done\n    date: 2020-10-01\n'
        + record
    )
    (folder / "health.yaml").write_text(text, encoding="utf-8")
    result = gd("validate", *T)
    assert result.exit_code == 1
    assert fragment in result.stderr
    assert f"progress/2020/health.yaml:{line}:" in result.stderr.replace(str(workspace) + "/", "")


def test_file_names_must_be_unit_ids(gd, workspace: Path) -> None:
    folder = workspace / "progress" / "2020"
    folder.mkdir(parents=True)
    (folder / "衛健局.yaml").write_text(
        "unit: 縣衛健局\nyear: 2020\nrecords: []\n", encoding="utf-8"
    )
    result = gd("validate", *T)
    assert result.exit_code == 1 and "progress files are named after unit ids" in result.stderr


def test_bundled_example_progress_is_valid(gd) -> None:
    from conftest import REPO

    result = gd("validate", "--root", str(REPO))
    assert result.exit_code == 0, result.stderr
    assert "progress/2020: 5 files" in result.stdout.replace(str(REPO) + "/", "")


@pytest.mark.parametrize(
    "layout",
    [
        'unit: 縣衛健局\nyear: 2020\nrecords:\n- task: "2.4"\n  status: done\n  date: 2020-09-18\n',  # dash at column 0
        'unit: 縣衛健局\nyear: 2020\nrecords:\n    - task: "2.4"\n      status: done\n      date: 2020-09-18\n',
        'unit: 縣衛健局\nyear: 2020\nrecords: [{task: "2.4", status: done, date: 2020-09-18}]\n',  # flow style
        "unit: 縣衛健局\nyear: 2020\nrecords: []\n",
        'records:\n  - task: "2.4"\n    status: done\n    date: 2020-09-18\nunit: 縣衛健局\nyear: 2020\n',
    ],
)
def test_other_layouts_are_updated_correctly(gd, workspace: Path, layout: str) -> None:
    folder = workspace / "progress" / "2020"
    folder.mkdir(parents=True)
    path = folder / "health.yaml"
    path.write_text(layout, encoding="utf-8")
    for task in ("1.3", "2.5", "2.4"):
        result = set_record(gd, task, "衛健局", "in_progress", "2020-10-01", *T)
        assert result.exit_code == 0, result.stderr
    data = read(path)
    assert [(r["task"], r["status"]) for r in data["records"]] == [
        ("1.3", "in_progress"), ("2.4", "in_progress"), ("2.5", "in_progress"),
    ]  # fmt: skip
    assert data["unit"] == "縣衛健局"
    assert gd("validate", *T).exit_code == 0
