"""A new county from nothing: gd init → gd import --add-units → gd validate → a first commit."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conftest import DATA, GIT
from gov_disclosure.cli import app


def run(*args: str, cwd: Path) -> tuple[int, str, str]:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def registry(root: Path) -> list[dict[str, object]]:
    data = yaml.safe_load((root / "plan" / "units.yaml").read_text(encoding="utf-8"))
    return list(data["units"])


@pytest.fixture
def county(tmp_path: Path) -> Path:
    root = tmp_path / "county"
    code, out, _ = run(
        "init", str(root), "--county", "師宗縣", "--issuer", "師宗縣人民政府辦公室", cwd=tmp_path
    )
    assert code == 0
    assert "created" in out
    return root


def test_init_makes_a_ready_workspace(county: Path) -> None:
    for rel in ("plan/units.yaml", "plan/workspace.yaml", ".gitignore", ".pre-commit-config.yaml"):
        assert (county / rel).is_file(), rel
    assert (county / ".git").is_dir()
    settings = yaml.safe_load((county / "plan" / "workspace.yaml").read_text(encoding="utf-8"))
    assert settings == {
        "county": "师宗县",
        "issuer": "师宗县人民政府办公室",
        "script": "simplified",
    }
    units = {u["name"]: u for u in registry(county)}
    assert "师宗县人民政府办公室" in units  # the issuer, in the workspace's script
    assert units["各乡(镇、街道)"]["kind"] == "group"
    code, _, err = run("validate", cwd=county)
    assert code == 0, err
    assert "has no members yet" in err and "gd units add" in err  # says how to fill the group


def test_init_never_overwrites(county: Path) -> None:
    (county / "plan" / "units.yaml").write_text("units: []\n", encoding="utf-8")
    code, out, _ = run(
        "init", str(county), "--county", "某縣", "--issuer", "某縣人民政府辦公室", cwd=county
    )
    assert code == 0
    assert "kept plan/units.yaml" in out or "kept" in out
    assert (county / "plan" / "units.yaml").read_text(encoding="utf-8") == "units: []\n"


@pytest.mark.parametrize("notice", ["shizong-2020-notice.txt", "city-2021-simplified.txt"])
def test_import_into_a_new_county(county: Path, notice: str) -> None:
    out_file = county / "plan" / f"{2021 if '2021' in notice else 2020}.yaml"
    code, _, err = run("import", str(DATA / notice), "--add-units", "-o", str(out_file), cwd=county)
    assert code in (0, 1), err  # 1: written with warnings (encoding damage in the 2020 notice)
    units = registry(county)
    ids = [str(u["id"]) for u in units]
    assert not any(re.search(r"[0-9a-f]{8}", i) for i in ids), ids  # no hash ids
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)
    code, _, err = run("validate", cwd=county)
    assert code == 0, err


def test_abbreviation_and_recipient(county: Path) -> None:
    run("import", str(DATA / "shizong-2020-notice.txt"), "--add-units", "-o", "plan/2020.yaml",
        cwd=county)  # fmt: skip
    names = [str(u["name"]) for u in registry(county)]
    # 縣政府辦 (4.3) is the issuing office's abbreviation, not a second unit.
    assert "縣政府辦" not in names
    # The report goes to 政務信息股: a sub-office of the issuing office, owing no task.
    recipient = next(u for u in registry(county) if "政務信息股" in str(u["name"]))
    assert recipient["kind"] == "sub_office"
    code, _, err = run("tasks", "--unit", str(recipient["name"]), cwd=county)
    assert code == 0 and "没有任务" in err  # in the workspace's script (simplified)


def test_registry_from_the_workspace_not_the_output_folder(tmp_path: Path) -> None:
    from conftest import REPO

    elsewhere = tmp_path / "drafts"
    elsewhere.mkdir()
    code, _, err = run(
        "import", str(DATA / "shizong-2020-notice.txt"), "-o", str(elsewhere / "2020.yaml"),
        "--root", str(REPO), cwd=tmp_path,
    )  # fmt: skip
    assert "unknown unit" not in err, err  # the bundled registry knows every unit
    assert code == 1  # only the encoding-damage warnings


def test_units_add_and_add_member(county: Path) -> None:
    code, out, err = run("units", "add", "丹鳳街道", cwd=county)
    assert code == 0, err
    assert "id danfengjiedao, kind subdistrict" in out
    code, out, _ = run("units", "add", "縣醫保局", "--member-of", "縣直各部門", cwd=county)
    assert code == 0 and "yibaoju" in out
    code, _, err = run("validate", cwd=county)
    assert code == 0 and "has no members yet" not in err  # 丹鳳街道 fills the towns' group
    # A name the registry already has is refused, and nothing is written.
    before = (county / "plan" / "units.yaml").read_bytes()
    code, _, err = run("units", "add", "丹凤街道", cwd=county)
    assert code == 2 and "already a unit" in err
    code, _, err = run("units", "add-member", "縣醫保局", "丹鳳街道", cwd=county)
    assert code == 2 and "not a group" in err
    code, _, err = run("units", "add", "縣統計局", "--alias", "統計\x07局", cwd=county)
    assert code == 2 and "--alias: control character U+0007 is not allowed" in err
    assert (county / "plan" / "units.yaml").read_bytes() == before


def test_first_commit_runs_the_pre_commit_hook(county: Path) -> None:
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(county.parent / "pre-commit-home"),
    }
    env.pop("GIT_DIR", None)
    run("import", str(DATA / "shizong-2020-notice.txt"), "--add-units", "-o", "plan/2020.yaml",
        cwd=county)  # fmt: skip
    run("tasks", cwd=county)  # leaves a cache behind, which must not be committed
    subprocess.run(
        [str(pre_commit), "install"], cwd=county, env=env, check=True, capture_output=True
    )
    subprocess.run(["git", "add", "-A"], cwd=county, env=env, check=True)
    ok = subprocess.run([*GIT, "commit", "-qm", "2020 plan"], cwd=county, env=env,
                        capture_output=True, text=True, check=False)  # fmt: skip
    assert ok.returncode == 0, ok.stdout + ok.stderr
    committed = subprocess.run(["git", "ls-files"], cwd=county, capture_output=True, text=True,
                               check=True).stdout.split()  # fmt: skip
    assert not any(".gd-cache" in f or f.endswith((".lock", ".tmp")) for f in committed)
    plan = county / "plan" / "2020.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("2020-09-20", "2020-09-31"), "utf-8")
    subprocess.run(["git", "add", "-A"], cwd=county, env=env, check=True)
    bad = subprocess.run([*GIT, "commit", "-qm", "bad date"], cwd=county, env=env,
                         capture_output=True, text=True, check=False)  # fmt: skip
    assert bad.returncode != 0
    assert re.search(r"plan/2020\.yaml:\d+:\d+: ", bad.stdout + bad.stderr), bad.stdout


def test_import_never_writes_a_unit_gd_would_refuse(county: Path, tmp_path: Path) -> None:
    """A unit cell with a name over the registry's 100 characters: refused, nothing written."""
    long_name = "縣" + "很" * 110 + "局"
    notice = tmp_path / "notice.txt"
    notice.write_text(
        "工作任務 | 具體要求 | 責任單位\n"
        f"一、總體 | 1.一項任務 | 要做好這件事。 | {long_name}牽頭\n",
        encoding="utf-8",
    )
    before = (county / "plan" / "units.yaml").read_bytes()
    code, _, err = run("import", str(notice), "--add-units", "--year", "2021", cwd=county)
    assert code in (1, 2) and "100" in err, err
    assert (county / "plan" / "units.yaml").read_bytes() == before
    assert run("validate", cwd=county)[0] == 0
