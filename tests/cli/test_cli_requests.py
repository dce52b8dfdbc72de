"""`gd requests …` through the command line: the contract scripts and cron jobs rely on."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import git

ADD = [
    "requests", "add", "--unit", "县卫健局", "--channel", "post_signed",
    "--received", "2020-09-25", "--applicant-type", "natural",
    "--subject", "某衛生院基本藥物採購目錄", "--today", "2020-11-30",
]  # fmt: skip


@pytest.fixture
def repo(committed_workspace: Path) -> Path:
    return committed_workspace


def test_add_prints_the_number_alone(gd, repo: Path) -> None:
    first = gd(*ADD, "--name", "張三", "--phone", "13812345678")
    assert (first.exit_code, first.stdout) == (0, "health-2020-001\n")
    assert "added /requests/private/ to" in first.stderr
    assert "health-2020-001: 答復期限 2020-10-29" in first.stderr
    assert gd(*ADD, "--channel", "當面").stdout == "health-2020-002\n"
    online = gd(*ADD, "--channel", "online", "--confirmed", "2020-09-28")
    assert online.stdout == "health-2020-003\n"


def test_git_status_after_add_shows_no_file_holding_the_name(gd, repo: Path) -> None:
    assert gd(*ADD, "--name", "張三", "--id-number", "11010519491231002X").exit_code == 0
    status = git(repo, "status", "--porcelain", "-uall")
    shown = [line[3:] for line in status.splitlines()]
    assert sorted(shown) == [".gitignore", "requests/.gitignore", "requests/2020/health.yaml"]
    for name in shown:
        text = (repo / name).read_text("utf-8")
        assert "張三" not in text and "11010519491231002X" not in text
    assert "張三" in (repo / "requests" / "private" / "2020" / "health.yaml").read_text("utf-8")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--channel", "pigeon"], "unknown channel 'pigeon'"),
        (["--channel", "fax"], "give it as --confirmed DATE"),
        (["--received", "2020-02-30"], "is not a real date"),
        (["--unit", "不存在局"], "unknown unit '不存在局'"),
        (["--phone", "110"], "--phone is not a phone number"),
        (["--subject", "公開\x07"], "--subject: control character U+0007 is not allowed"),
        (["--name", "張\x1b[2J三"], "--name: control character U+001B is not allowed"),
    ],
)
def test_add_refuses_wrong_input_with_exit_2(
    gd, repo: Path, extra: list[str], message: str
) -> None:
    result = gd(*ADD, *extra)
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr
    assert not (repo / "requests").exists()


def test_a_request_from_receipt_to_answer(gd, repo: Path) -> None:
    assert gd(*ADD).exit_code == 0
    steps = [
        ("consult_sent", "--date", "2020-09-28", "--note", "征求供貨企業意見"),
        ("consult_replied", "--date", "2020-10-12"),
        (
            "延期",
            "--date",
            "2020-10-28",
            "--approved-by",
            "辦公室主任",
            "--approved-on",
            "2020-10-27",
        ),
    ]
    said = [gd("requests", "event", "health-2020-001", *s, "--today", "2020-11-30") for s in steps]
    assert [r.exit_code for r in said] == [0, 0, 0]
    assert [r.stdout for r in said] == [
        "health-2020-001: 暫停計時（征求意見或待繳費），答復期限待恢復計算後確定\n",
        "health-2020-001: 答復期限 2020-11-05\n",
        "health-2020-001: 答復期限 2020-12-03\n",
    ]
    shown = gd("requests", "show", "health-2020-001", "--today", "2020-11-20", "--format", "json")
    record = shown.json()
    assert [(s["kind"], s["deadline"]) for s in record["steps"]] == [
        ("received", "2020-10-29"),
        ("consult_sent", None),
        ("consult_replied", "2020-11-05"),
        ("extended", "2020-12-03"),
    ]
    assert (record["deadline"], record["working_days_left"], record["flag"]) == (
        "2020-12-03",
        9,
        "upcoming",
    )
    table = gd("requests", "show", "health-2020-001", "--today", "2020-11-20")
    assert "答復期限 2020-12-03，剩餘 9 個工作日" in table.stdout
    answered = gd("requests", "event", "health-2020-001", "答復", "--date", "2020-11-20",
                  "--outcome", "r3_1_open", "--today", "2020-11-30")  # fmt: skip
    assert answered.stdout == "health-2020-001: 已辦結（答復期限 2020-12-03）\n"
    again = gd("requests", "event", "health-2020-001", "answered", "--date", "2020-11-21",
               "--outcome", "r3_1_open", "--today", "2020-11-30")  # fmt: skip
    assert again.exit_code == 2 and "nothing can follow" in again.stderr


def test_show_never_prints_the_applicant_in_full(gd, repo: Path) -> None:
    gd(*ADD, "--name", "張三", "--phone", "13812345678", "--id-number", "11010519491231002X")
    for fmt in ("table", "json", "csv"):
        out = gd(
            "requests", "show", "health-2020-001", "--format", fmt, "--today", "2020-10-01"
        ).stdout
        assert "13812345678" not in out and "11010519491231002X" not in out and "張三" not in out
    record = gd(
        "requests", "show", "health-2020-001", "--format", "json", "--today", "2020-10-01"
    ).json()
    assert record["applicant"] == {
        "name": "張*",
        "id_number": "110***********002X",
        "phone": "138****5678",
    }


def test_due_json_and_check(gd, repo: Path) -> None:
    gd(*ADD)
    result = gd("requests", "due", "--today", "2020-10-30", "--format", "json")
    (row,) = result.json()
    assert {"number", "unit", "received", "deadline", "working_days_left", "flag"} <= set(row)
    assert (row["number"], row["unit"], row["received"]) == (
        "health-2020-001",
        "縣衛健局",
        "2020-09-25",
    )
    assert (row["deadline"], row["working_days_left"], row["flag"]) == ("2020-10-29", -1, "overdue")
    count = gd("workdays", "count", "2020-10-30", "2020-10-29")
    assert int(count.stdout) == row["working_days_left"]
    assert gd("requests", "due", "--today", "2020-10-30", "--check").exit_code == 1
    assert gd("requests", "due", "--today", "2020-10-20", "--check").exit_code == 0
    table = gd("requests", "due", "--today", "2020-10-30", "--script", "simplified")
    assert "依申请公开答复时限（截至 2020-10-30）：1 件，其中逾期 1 件" in table.stdout
    assert "逾期 1 个工作日" in table.stdout


def test_list(gd, repo: Path) -> None:
    gd(*ADD)
    gd(
        "requests",
        "event",
        "health-2020-001",
        "withdrawn",
        "--date",
        "2020-10-09",
        "--today",
        "2020-11-30",
    )
    gd(*ADD, "--received", "2020-10-09")
    rows = gd("requests", "list", "--today", "2020-11-30", "--format", "json").json()
    assert [(r["number"], r["state"], r["outcome"]) for r in rows] == [
        ("health-2020-001", "concluded", "r3_6"),
        ("health-2020-002", "running", None),
    ]
    opened = gd("requests", "list", "--open", "--unit", "衛健局", "--today", "2020-11-30")
    assert "health-2020-002" in opened.stdout and "health-2020-001" not in opened.stdout
    assert (
        "沒有符合條件"
        in gd("requests", "list", "--unit", "县财政局", "--today", "2020-11-30").stdout
    )


def test_gd_due_shows_open_requests_unless_told_not_to(gd, repo: Path) -> None:
    gd(*ADD)
    rows = gd("due", "--today", "2020-10-20", "--format", "json").json()
    request = next(r for r in rows if r["request"])
    assert (request["request"], request["date"], request["task"], request["milestone"]) == (
        "health-2020-001", "2020-10-29", None, None,
    )  # fmt: skip
    assert request["open_units"] == ["縣衛健局"]
    without = gd("due", "--today", "2020-10-20", "--no-requests", "--format", "json").json()
    assert not any(r["request"] for r in without)
    ics = gd("due", "--today", "2020-10-20", "--format", "ics").stdout
    assert "UID:request-health-2020-001-" in ics  # the number, then the issuer's tag
    assert "[health-2020-001] 某衛生院基本藥物採購目錄" in ics


def test_validate_refuses_a_phone_in_a_tracked_register(gd, repo: Path) -> None:
    gd(*ADD)
    path = repo / "requests" / "2020" / "health.yaml"
    path.write_text(
        path.read_text("utf-8").replace(
            "subject: 某衛生院", "subject: 請回電0874-1234567 某衛生院"
        ),
        encoding="utf-8",
    )
    result = gd("validate", "--today", "2020-11-30")
    assert result.exit_code == 1
    line = next(n for n, t in enumerate(path.read_text("utf-8").splitlines(), 1) if "subject:" in t)
    assert f"health.yaml:{line}:" in result.stderr
    assert "looks like a phone number" in result.stderr


def test_validate_summarises_the_registers(gd, repo: Path) -> None:
    gd(*ADD, "--name", "張三")
    result = gd("validate", "--today", "2020-11-30")
    assert result.exit_code == 0, result.stderr
    assert "requests/2020: 1 file, 1 request" in result.stdout
    assert "1 applicant in git-ignored private files" in result.stdout


def test_the_installed_gd_prints_the_number_on_stdout(repo: Path) -> None:
    """Through a real process: stdout holds the number alone, the rest goes to stderr."""
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "gov_disclosure", *ADD, "--root", str(repo), "--name", "張三"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (proc.returncode, proc.stdout) == (0, "health-2020-001\n")
    assert "created" in proc.stderr
    assert json.loads(
        subprocess.run(
            [sys.executable, "-m", "gov_disclosure", "requests", "due", "--root", str(repo),
             "--today", "2020-10-01", "--format", "json"],
            capture_output=True, text=True, check=True,
        ).stdout
    )[0]["deadline"] == "2020-10-29"  # fmt: skip


def test_the_warn_default_is_the_documented_one() -> None:
    import typer.main

    from gov_disclosure.cli import app
    from gov_disclosure.requests.queries import DEFAULT_WARN_DAYS

    group = typer.main.get_command(app)
    due = group.commands["requests"].commands["due"]  # type: ignore[attr-defined]
    warn = next(p for p in due.params if p.name == "warn")
    assert warn.default == f"{DEFAULT_WARN_DAYS}d"


def test_starting_gd_imports_no_request_module() -> None:
    """Every command pays for what `gd` imports at start: the register's modules load on use."""
    import sys

    code = (
        "import sys, gov_disclosure.cli; "
        "print(sorted(m for m in sys.modules if m.startswith(('gov_disclosure.requests', 'gov_disclosure.workdays'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # The command line's and the API's modules for them (cli.requests, api.workdays …) do
    # load; the packages that read the register and the calendar do not.
    assert out.stdout.strip() == "[]"


def test_an_event_refuses_a_control_character_before_anything_is_written(gd, repo: Path) -> None:
    assert gd(*ADD).exit_code == 0
    register = repo / "requests" / "2020" / "health.yaml"
    before = register.read_bytes()
    result = gd("requests", "event", "health-2020-001", "consult_sent", "--date", "2020-09-28",
                "--note", "征求\x07意見")  # fmt: skip
    assert result.exit_code == 2
    assert "--note: control character U+0007 is not allowed" in result.stderr
    assert register.read_bytes() == before


def test_a_register_written_both_ways_is_never_counted_twice(gd, repo: Path) -> None:
    assert gd(*ADD).exit_code == 0
    folder = repo / "requests" / "2020"
    (folder / "health.yml").write_bytes((folder / "health.yaml").read_bytes())
    listed = gd("requests", "list", "--format", "json")
    assert listed.exit_code == 1 and listed.stdout == ""
    assert "health.yml: health.yaml is beside it" in listed.stderr.replace(str(folder) + "/", "")
    assert "health.yml: health.yaml is beside it" in gd("validate").stderr.replace(
        str(folder) + "/", ""
    )
    (folder / "health.yml").unlink()
    assert len(gd("requests", "list", "--format", "json").json()) == 1  # type: ignore[arg-type]
