"""requests.store (through the API): recording requests and events, and keeping personal data out of git."""

from __future__ import annotations

import datetime as dt
import subprocess
import threading
from pathlib import Path

import pytest
import yaml

from conftest import git
from gov_disclosure import api
from gov_disclosure.errors import ExitCode, GdError
from gov_disclosure.requests.store import next_number

D = dt.date
TODAY = D(2020, 11, 30)
NEW = {
    "unit": "县卫健局",
    "channel": "post_signed",
    "received": D(2020, 9, 25),
    "applicant_type": "natural",
    "subject": "某衛生院基本藥物採購目錄",
    "today": TODAY,
}


@pytest.fixture
def repo(committed_workspace: Path) -> Path:
    return committed_workspace


def register(root: Path, year: int = 2020) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((root / "requests" / str(year) / "health.yaml").read_text("utf-8"))


def files_of(root: Path) -> dict[str, bytes]:
    """Every file but gd's cache and git's own."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and not {".gd-cache", ".git"} & set(p.parts) and p.suffix != ".lock"
    }


def test_numbers_follow_on_per_unit_and_year(repo: Path) -> None:
    first = api.add_request(root=repo, **NEW)
    second = api.add_request(root=repo, **{**NEW, "received": D(2020, 10, 9)})
    assert (first.number, second.number) == ("health-2020-001", "health-2020-002")
    assert first.created and not second.created
    assert first.deadline == D(2020, 10, 29)
    assert [r["number"] for r in register(repo)["requests"]] == [
        "health-2020-001",
        "health-2020-002",
    ]
    assert next_number("health", 2020, ["health-2020-002", "health-2020-009", "x-2020-050"]) == (
        "health-2020-010"
    )


def test_the_applicant_never_enters_a_file_git_keeps(repo: Path) -> None:
    written = api.add_request(
        root=repo, name="張三", phone="13812345678", id_number="11010519491231002X",
        address="師宗縣某路1號", **NEW,
    )  # fmt: skip
    assert written.private == repo / "requests" / "private" / "2020" / "health.yaml"
    assert any("added /requests/private/ to" in m for m in written.messages)
    private = yaml.safe_load(written.private.read_text("utf-8"))
    assert private["applicants"]["health-2020-001"]["phone"] == "13812345678"
    git(repo, "add", "-A")
    tracked = git(repo, "ls-files").split()
    assert "requests/2020/health.yaml" in tracked and ".gitignore" in tracked
    assert not any("private" in name for name in tracked)
    for name in tracked:
        text = (repo / name).read_text("utf-8")
        assert "張三" not in text and "13812345678" not in text and "1949" not in text, name
    grep = subprocess.run(["git", "grep", "-q", "張三"], cwd=repo, check=False)
    assert grep.returncode == 1  # no tracked file holds the name


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"channel": "pigeon"}, "unknown channel 'pigeon'"),
        ({"channel": "online"}, "give it as --confirmed DATE"),
        ({"confirmed": D(2020, 9, 26)}, "needs no --confirmed"),
        ({"received": D(2020, 12, 1)}, "is in the future"),
        ({"received": D(2019, 5, 14)}, "the register follows the 條例 in force from 2019-05-15"),
        ({"subject": "請回電13812345678"}, "--subject holds what looks like a phone number"),
        ({"phone": "12345"}, "--phone is not a phone number"),
        ({"id_number": "110105194912310021"}, "--id-number is not a mainland ID number"),
        ({"unit": "各鄉(鎮、街道)"}, "is a group"),
        ({"applicant_type": "alien"}, "unknown applicant type 'alien'"),
        ({"subject": "  "}, "--subject is empty"),
    ],
)
def test_wrong_input_writes_nothing(repo: Path, change: dict, message: str) -> None:  # type: ignore[type-arg]
    before = files_of(repo)
    with pytest.raises(GdError) as caught:
        api.add_request(root=repo, **{**NEW, **change})
    assert caught.value.exit_code is ExitCode.USAGE
    assert message in caught.value.message
    assert files_of(repo) == before


def test_events_keep_what_people_wrote_by_hand(repo: Path) -> None:
    api.add_request(root=repo, **NEW)
    path = repo / "requests" / "2020" / "health.yaml"
    path.write_text(
        path.read_text("utf-8").replace("    subject:", "    # 轉自縣政府辦公室\n    subject:")
        + "# 以上為本年度登記\n",
        encoding="utf-8",
    )
    done = api.request_event(
        "health-2020-001", "答復", date=D(2020, 10, 20), outcome="r3_1_open",
        archive="師衛健依申〔2020〕1號", today=TODAY, root=repo,
    )  # fmt: skip
    assert (done.state, done.deadline) == ("concluded", D(2020, 10, 29))
    text = path.read_text("utf-8")
    assert "# 轉自縣政府辦公室" in text and "# 以上為本年度登記" in text
    request = register(repo)["requests"][0]
    assert request["events"] == [
        {"kind": "answered", "date": D(2020, 10, 20), "outcome": "r3_1_open"}
    ]
    assert request["archive"] == "師衛健依申〔2020〕1號"


@pytest.mark.parametrize(
    ("kind", "more", "message"),
    [
        ("answered", {}, "an answer needs its outcome"),
        ("consult_replied", {}, "no consultation is waiting"),
        ("extended", {"days": 20}, "consent of the 工作機構's head"),
        ("fly", {}, "unknown event 'fly'"),
        ("answered", {"outcome": "r3_1_open", "note": "電話13812345678"}, "--note holds"),
    ],
)
def test_events_that_break_the_rules_are_refused(
    repo: Path,
    kind: str,
    more: dict,
    message: str,  # type: ignore[type-arg]
) -> None:
    api.add_request(root=repo, **NEW)
    before = files_of(repo)
    with pytest.raises(GdError) as caught:
        api.request_event(
            "health-2020-001", kind, date=D(2020, 10, 9), today=TODAY, root=repo, **more
        )
    assert caught.value.exit_code is ExitCode.USAGE
    assert message in caught.value.message
    assert files_of(repo) == before


def test_an_event_for_a_request_that_does_not_exist(repo: Path) -> None:
    api.add_request(root=repo, **NEW)
    for number, message in [("health-2020-009", "no request health-2020-009"),
                            ("health-2021-001", "no request health-2021-001"),
                            ("nonsense", "is not a request number")]:  # fmt: skip
        with pytest.raises(GdError) as caught:
            api.request_event(
                number, "answered", date=D(2020, 10, 9), outcome="r3_1_open", root=repo
            )
        assert message in caught.value.message


def test_a_file_that_is_not_valid_is_never_rewritten(repo: Path) -> None:
    api.add_request(root=repo, **NEW)
    path = repo / "requests" / "2020" / "health.yaml"
    broken = path.read_text("utf-8").replace("channel: post_signed", "channel: pigeon")
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(GdError) as caught:
        api.add_request(root=repo, **NEW)
    assert caught.value.exit_code is ExitCode.DATA
    assert "not updating health.yaml: it is not valid" in caught.value.message
    assert path.read_text("utf-8") == broken


def test_two_adds_at_once_both_land(repo: Path) -> None:
    api.add_request(root=repo, **NEW)  # the .gitignore and folders exist before the race
    numbers: list[str] = []

    def add() -> None:
        numbers.append(api.add_request(root=repo, **NEW).number)

    threads = [threading.Thread(target=add) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(numbers) == [f"health-2020-00{i}" for i in range(2, 6)]
    assert len(register(repo)["requests"]) == 5


def test_a_deadline_the_calendar_cannot_reach_is_a_warning_not_a_refusal(repo: Path) -> None:
    written = api.add_request(
        root=repo, **{**NEW, "received": D(2026, 12, 18), "today": D(2026, 12, 18)}
    )
    assert written.number == "health-2026-001" and written.deadline is None
    assert any("no working-day calendar for 2027" in w.message for w in written.warnings)


def test_a_broken_calendar_file_does_not_stop_a_request_being_recorded(repo: Path) -> None:
    (repo / "plan" / "workdays.yaml").write_text("holidays: [oops\n", encoding="utf-8")
    written = api.add_request(root=repo, **NEW)
    assert written.number == "health-2020-001" and written.deadline is None
    assert [w.severity for w in written.warnings] == ["warning"]
    assert "YAML syntax error" in written.warnings[0].message
