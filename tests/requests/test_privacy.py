"""requests.privacy: what looks like an ID number or a phone, masking, and keeping private files out of git."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import git
from gov_disclosure.errors import GdError
from gov_disclosure.requests.privacy import (
    IGNORE_ENTRY,
    ensure_ignored,
    find_personal,
    id_checksum_ok,
    mask,
)
from gov_disclosure.storage.workspace import find_workspace

#: The example number of GB 11643-1999 itself (check character X).
STANDARD_EXAMPLE_ID = "11010519491231002X"


def test_the_gb11643_check_character() -> None:
    assert id_checksum_ok(STANDARD_EXAMPLE_ID)
    assert id_checksum_ok(STANDARD_EXAMPLE_ID.lower())
    assert not id_checksum_ok("110105194912310021")
    assert not id_checksum_ok("11010519491231002")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (f"身份證號{STANDARD_EXAMPLE_ID}", [(4, "an ID number")]),
        ("老證 110105491231002", [(3, "an ID number")]),  # the old 15-digit form
        ("電話13812345678", [(2, "a phone number")]),
        ("手機 138-1234-5678", [(3, "a phone number")]),
        ("+86 13812345678", [(0, "a phone number")]),
        ("座機0874-1234567", [(2, "a phone number")]),
        ("座機（0874）12345678", [(2, "a phone number")]),
        # Not personal data: dates, request numbers, document numbers, amounts.
        ("2020-09-25 收到", []),
        ("health-2020-001", []),
        ("師衛健依申〔2020〕12號", []),
        ("收費 1380 元", []),
        ("編號 20200925001", []),
    ],
)
def test_find_personal(text: str, found: list[tuple[int, str]]) -> None:
    assert find_personal(text) == found


@given(st.text(alphabet="〔〕年月日號第條-0123456789 ", max_size=12))
def test_short_numbers_are_never_taken_for_personal_data(text: str) -> None:
    if sum(c.isdigit() for c in text) < 7:
        assert find_personal(text) == []


@pytest.mark.parametrize(
    ("value", "kind", "shown"),
    [
        ("張三", "name", "張*"),
        ("歐陽小明", "name", "歐***"),
        ("13812345678", "phone", "138****5678"),
        (STANDARD_EXAMPLE_ID, "id", "110***********002X"),
        ("師宗縣丹鳳街道某路1號", "address", "（已登記）"),
        (None, "phone", ""),
    ],
)
def test_mask(value: str | None, kind: str, shown: str) -> None:
    assert mask(value, kind) == shown


def probe(workspace: Path) -> Path:
    return workspace / "requests" / "private" / "2020" / "health.yaml"


def test_the_gitignore_entry_is_added_said_and_checked(workspace: Path) -> None:
    git(workspace, "init", "-q")
    (workspace / ".gitignore").write_text("out/", encoding="utf-8")  # no final newline
    said = ensure_ignored(find_workspace(workspace), probe(workspace))
    assert said == [
        f"added {IGNORE_ENTRY} to {workspace / '.gitignore'}: applicants' personal data stays out of git"
    ]
    assert (workspace / ".gitignore").read_text("utf-8").splitlines()[0] == "out/"
    assert IGNORE_ENTRY in (workspace / ".gitignore").read_text("utf-8").splitlines()
    assert ensure_ignored(find_workspace(workspace), probe(workspace)) == []  # once
    assert "requests/.gitignore" in git(workspace, "status", "--porcelain", "-uall")


def test_a_private_file_git_keeps_stops_the_write(workspace: Path) -> None:
    """A private file committed once by mistake is tracked: git no longer ignores it."""
    git(workspace, "init", "-q")
    (workspace / ".gitignore").write_text(f"{IGNORE_ENTRY}\n", encoding="utf-8")
    target = probe(workspace)
    target.parent.mkdir(parents=True)
    target.write_text("unit: 縣衛健局\n", encoding="utf-8")
    git(workspace, "add", "-f", str(target))
    with pytest.raises(GdError) as caught:
        ensure_ignored(find_workspace(workspace), target)
    assert "git does not ignore" in caught.value.message
    assert "nothing was written" in caught.value.message


def test_outside_git_the_entry_is_still_written(workspace: Path) -> None:
    said = ensure_ignored(find_workspace(workspace), probe(workspace))
    assert IGNORE_ENTRY in (workspace / ".gitignore").read_text("utf-8")
    assert "not in a git repository" in said[-1]
