"""`gd diff` and `gd log` on real temporary git repositories."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import git, set_record


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def commit_edit(repo: Path, old: str, new: str, message: str) -> None:
    """Change one line of the 2020 plan and commit it."""
    edit(repo / "plan" / "2020.yaml", old, new)
    git(repo, "commit", "-qam", message)


@pytest.fixture
def repo(workspace: Path) -> Path:
    git(workspace, "init", "-q", "-b", "main")
    git(workspace, "add", "-A")
    git(workspace, "commit", "-qm", "Plan 2020 as issued")
    return workspace


def three_changes(repo: Path) -> None:
    plan = repo / "plan" / "2020.yaml"
    edit(plan, "          - date: 2020-09-20\n", "          - date: 2020-09-30\n")  # 2.4's deadline
    edit(
        plan, "        lead: [縣政府辦公室]\n", "        lead: [縣政府辦公室, 縣司法局]\n"
    )  # 2.3 gains a lead
    edit(plan, "原則上應為辦公室或綜合科(股)。", "原則上應為辦公室。")  # a sentence of 4.2


def test_diff_reports_exactly_the_three_changes(gd, repo: Path) -> None:
    three_changes(repo)
    result = gd("diff", "--format", "json")
    assert result.exit_code == 0, result.stderr
    changes = result.json()
    assert [(c["kind"], c["task"]) for c in changes] == [
        ("units_changed", "2.3"),
        ("deadline_moved", "2.4"),
        ("requirement_changed", "4.2"),
    ]
    units, moved, sentence = changes
    assert units["role"] == "lead" and units["added"] == ["縣司法局"] and units["removed"] == []
    assert (moved["old_date"], moved["new_date"], moved["days"]) == ("2020-09-20", "2020-09-30", 10)
    assert sentence["sentence"] == 1
    assert sentence["diff"].endswith("原則上應為辦公室[-或綜合科(股)-]。")


def test_diff_between_revisions_and_formats(gd, repo: Path) -> None:
    three_changes(repo)
    git(repo, "commit", "-qam", "Move 2.4 deadline\n\nBasis: 師政辦函〔2020〕12號")
    text = gd("diff", "HEAD~1", "HEAD").stdout
    assert (
        "2.4 時限 編制完成本級政府26個試點領域政務公開事項標準目錄：2020-09-20 → 2020-09-30（推遲 10 天）"
        in text
    )
    assert "2.3 牽頭單位：增加 縣司法局" in text
    md = gd("diff", "HEAD~1", "HEAD", "--format", "md").stdout
    assert md.startswith("### 方案變更：HEAD~1") and "**時限**" in md
    assert gd("diff").stdout.startswith("方案無變更")


def test_units_and_progress_changes(gd, repo: Path) -> None:
    edit(
        repo / "plan" / "units.yaml",
        "    name: 縣扶貧辦\n",
        "    name: 縣鄉村振興局\n    aliases: [縣扶貧辦]\n",
    )
    set_record(gd, "2.4", "縣衛健局", "done", "2020-09-18", "--today", "2020-10-01")
    changes = gd("diff", "-f", "json").json()
    kinds = {c["kind"]: c for c in changes}
    assert (
        kinds["unit_renamed"]["old"] == "縣扶貧辦"
        and kinds["unit_renamed"]["new"] == "縣鄉村振興局"
    )
    assert (
        kinds["record_added"]["unit"] == "縣衛健局"
        and kinds["record_added"]["new_status"] == "done"
    )
    assert "units_changed" not in kinds  # the plan still names 縣扶貧辦: an alias of the same unit


def test_tasks_added_removed_renumbered(gd, repo: Path) -> None:
    plan = repo / "plan" / "2020.yaml"
    edit(plan, '      - id: "4.3"\n', '      - id: "4.4"\n')
    text = plan.read_text(encoding="utf-8")
    start = text.index('      - id: "4.2"')
    end = text.index('      - id: "4.4"')
    plan.write_text(text[:start] + text[end:], encoding="utf-8")
    changes = gd("diff", "-f", "json").json()
    assert [(c["kind"], c["task"]) for c in changes] == [
        ("task_renumbered", "4.4"),
        ("task_removed", "4.2"),
    ]


def test_log_lists_the_commit_that_moved_a_deadline(gd, repo: Path) -> None:
    plan = repo / "plan" / "2020.yaml"
    edit(plan, "          - date: 2020-09-20\n", "          - date: 2020-09-25\n")
    git(repo, "commit", "-qam", "2.4 推遲五天\n\n依據：師政辦函〔2020〕12號")
    edit(plan, "        lead: [縣政府辦公室]\n", "        lead: [縣政府辦公室, 縣司法局]\n")
    git(repo, "commit", "-qam", "2.3 增加牽頭單位")
    entries = gd("log", "2.4", "--format", "json").json()
    assert [e["subject"] for e in entries] == ["2.4 推遲五天", "Plan 2020 as issued"]
    moved = entries[0]
    assert moved["basis"] == ["師政辦函〔2020〕12號"]
    assert moved["author"] == "政務信息股"
    assert [c["kind"] for c in moved["changes"]] == ["deadline_moved"]
    assert entries[1]["created"] is True
    text = gd("log", "2.4").stdout
    assert "2.4 推遲五天" in text and "依據：師政辦函〔2020〕12號" in text and "推遲 5 天" in text
    assert "2.3 增加牽頭單位" not in text
    assert len(gd("log", "--format", "json").json()) == 3


def test_basis_trailer() -> None:
    from gov_disclosure.history.log import basis_of

    assert basis_of("Move\n\nBasis: 師政辦函〔2020〕12號\n") == ["師政辦函〔2020〕12號"]
    assert basis_of("調整\n\n依據：師政辦發〔2020〕43號") == ["師政辦發〔2020〕43號"]
    assert basis_of("no basis here") == []


def test_errors_exit_2(gd, workspace: Path, repo: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    (plain / "plan").mkdir(parents=True)
    for name in ("units.yaml", "2020.yaml"):
        (plain / "plan" / name).write_bytes((workspace / "plan" / name).read_bytes())
    result = gd("diff", root=plain)
    assert result.exit_code == 2 and "not in a git repository" in result.stderr
    result = gd("diff", "no-such-rev")
    assert result.exit_code == 2 and "unknown revision 'no-such-rev'" in result.stderr
    (repo / "plan" / "2021.yaml").write_text(
        (repo / "plan" / "2020.yaml")
        .read_text(encoding="utf-8")
        .replace("year: 2020", "year: 2021")
        .replace("2020-", "2021-"),
        encoding="utf-8",
    )
    result = gd("diff", "--year", "2021")
    assert result.exit_code == 2 and "plan/2021.yaml does not exist at revision" in result.stderr
    assert gd("log", root=plain).exit_code == 2


def test_report_states_its_revision_and_appendix(gd, repo: Path) -> None:
    text = gd("report", "render", "--as-of", "2020-11-30").stdout
    head = git(repo, "rev-parse", "--short=8", "HEAD").strip()
    # In the small print at the very end, never on the face of the document.
    assert text.rstrip().endswith("</small>") and f"數據版本：{head}（" in text.splitlines()[-1]
    assert "未提交的修改" not in text
    edit(
        repo / "plan" / "2020.yaml",
        "          - date: 2020-09-20\n",
        "          - date: 2020-09-25\n",
    )
    git(repo, "commit", "-qam", "2.4 推遲五天\n\nBasis: 師政辦函〔2020〕12號")
    text = gd("report", "render", "--as-of", "2020-11-30").stdout
    assert "方案調整情況" in text
    assert "2.4 推遲五天" in text and "師政辦函〔2020〕12號" in text and "推遲 5 天" in text
    set_record(gd, "2.4", "縣衛健局", "done", "2020-09-18", "--today", "2020-10-01")
    edited = gd("report", "render", "--as-of", "2020-11-30").stdout
    assert "生成時另有未提交的修改" in edited.splitlines()[-1]
    old = gd("report", "render", "--as-of", "2020-11-30", "--rev", "HEAD~1").stdout
    first = git(repo, "rev-parse", "--short=8", "HEAD~1").strip()
    assert f"數據版本：{first}（" in old and "2.4 推遲五天" not in old
    checklist = gd(
        "checklist", "render", "-u", "縣衛健局", "--rev", "HEAD~1", "--today", "2020-09-01"
    ).stdout
    assert "2020年9月20日 | 2.4" in checklist and f"數據版本：{first}（" in checklist


def test_pre_commit_hook_with_the_real_pre_commit(repo: Path, tmp_path: Path) -> None:
    """`pre-commit try-repo` installs this repository's hook and runs it on a plan repository."""
    import os
    import sys

    from conftest import REPO

    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed")
    env = {**os.environ, "PRE_COMMIT_HOME": str(Path.home() / ".cache" / "pre-commit")}
    env.pop("GIT_DIR", None)
    cmd = [str(pre_commit), "try-repo", str(REPO), "gd-validate", "--all-files"]
    ok = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Passed" in ok.stdout
    edit(
        repo / "plan" / "2020.yaml",
        "          - date: 2020-09-30\n",
        "          - date: 2020-13-01\n",
    )
    bad = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, check=False)
    assert bad.returncode == 1
    assert "Failed" in bad.stdout and "plan/2020.yaml:" in bad.stdout and "2020-13-01" in bad.stdout


def test_a_shallow_clone_says_its_history_is_cut(gd, repo: Path, tmp_path: Path) -> None:
    """`git clone --depth 1` (GitLab CI's default is 20): the oldest commit it has is not the
    one that created the plan, and gd log must not say it was."""
    edit(
        repo / "plan" / "2020.yaml",
        "          - date: 2020-09-20\n",
        "          - date: 2020-09-30\n",
    )
    git(repo, "commit", "-qam", "Move 2.4 deadline")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)],
                   check=True, capture_output=True)  # fmt: skip
    result = gd("log", root=shallow)
    assert result.exit_code == 0, result.stderr
    assert "建立 2020 年方案" not in result.stdout
    assert "淺克隆" in result.stdout and "git fetch --unshallow" in result.stdout
    entries = gd("log", "-f", "json", root=shallow).json()
    assert [(e["created"], e["truncated"]) for e in entries] == [(False, True)]
    # In the full repository the same commit is a change, and the first one a creation.
    full = gd("log", "-f", "json", root=repo).json()
    assert [(e["created"], e["truncated"]) for e in full] == [(False, False), (True, False)]


def test_a_bad_old_revision_is_named_as_the_revision(gd, repo: Path) -> None:
    commit_edit(repo, "  - date: 2020-09-20\n", "  - date: 2020-13-20\n", "A bad date")
    commit_edit(repo, "  - date: 2020-13-20\n", "  - date: 2020-09-20\n", "Fixed")
    result = gd("diff", "HEAD~1", "HEAD")
    assert result.exit_code == 1
    short = git(repo, "rev-parse", "HEAD~1").strip()[:8]
    assert f"{short}:plan/2020.yaml:" in result.stderr  # not the working tree's file
    assert "2020-13-20" in result.stderr
