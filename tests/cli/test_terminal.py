"""What people see in a terminal or a pipe: tidy lines, widths that fit, colour only on a TTY."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len

from conftest import REPO, set_record
from gov_disclosure.cli.terminal import tokens, wrap_line

LISTINGS = [
    ("tasks",),
    ("tasks", "--unit", "县卫健局"),
    ("units",),
    ("due", "--today", "2020-10-08"),
    ("progress", "show", "--today", "2020-11-30"),
    ("progress", "show", "--unit", "县卫健局", "--today", "2020-11-30"),
]


@pytest.fixture
def example(workspace: Path) -> Path:
    shutil.copytree(REPO / "progress", workspace / "progress")
    return workspace


@pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
def test_piped_output_has_no_trailing_spaces(gd, example: Path, args: tuple[str, ...]) -> None:
    result = gd(*args)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) > 5
    assert [line for line in lines if line != line.rstrip()] == []
    assert "\x1b[" not in result.stdout  # no colour in a pipe


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_matrix_fits_the_terminal(
    gd, example: Path, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    out = gd("progress", "show", "--today", "2020-11-30").stdout
    table = out.split("\n\n✔")[0]  # the caption below wraps like any text
    assert max(cell_len(line) for line in table.splitlines()) <= columns
    header_keys = [k for line in out.splitlines() if "單位" in line for k in line.split()[1:]]
    assert [k for k in header_keys if k != "合計"] == [
        *(f"1.{i}" for i in range(1, 6)), *(f"2.{i}" for i in range(1, 6)),
        "3.1", "3.2", "4.1", "4.2", "4.3", "report",
    ]  # fmt: skip
    # Every unit's row is in each block, and the totals are the tasks only (13 for 縣衛健局).
    blocks = out.count(" 單位 ")
    assert blocks == (1 if columns == 120 else 2 if columns == 80 else blocks) and blocks >= 1
    assert out.count("縣衛健局") == blocks and "2/13" in out


def test_wrapped_cells_keep_dates_and_numbers_whole(gd, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "72")
    out = gd("tasks", "--unit", "县卫健局").stdout
    dates = re.findall(r"\d{4}-\d{2}-\d{2}", gd("tasks", "--unit", "县卫健局", "-f", "csv").stdout)
    assert dates and all(d in out for d in dates)
    assert "26個" in out.replace("\n", "") and all(
        not line.rstrip().endswith("2") for line in out.splitlines() if "26" not in line
    )


def test_wrap_line_breaks_between_characters_not_inside_numbers() -> None:
    line = "編制完成本級政府26個試點領域政務公開事項標準目錄（2020年11月30日前）"
    for width in range(16, 40, 3):  # 16: （2020年11月30日, which never breaks
        wrapped = wrap_line(line, width)
        assert "".join(wrapped) == line
        assert all(cell_len(w) <= width for w in wrapped)
        assert any("26" in w for w in wrapped) and any("2020年11月30日" in w for w in wrapped)
        assert not any(w.startswith(("）", "，", "、")) for w in wrapped)
    assert tokens("共 13 項（2020-09-20）") == ["共", " ", "13", " ", "項", "（2020-09-20）"]
    assert wrap_line("abc defg", 5) == ["abc", "defg"]  # at a space, the space dropped


def test_overdue_rows_are_red_on_a_terminal_only(gd, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")  # a terminal, as far as rich is concerned
    out = gd("due", "--today", "2020-10-08").stdout
    overdue = [line for line in out.splitlines() if "逾期 18 天" in line]
    upcoming = [line for line in out.splitlines() if "剩餘 53 天" in line]
    assert overdue and "\x1b[31m" in overdue[0]
    assert upcoming and "\x1b[31m" not in upcoming[0]
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR")
    assert "\x1b[31m" not in gd("due", "--today", "2020-10-08").stdout


def test_writing_a_file_says_so_on_stderr(gd, tmp_path: Path) -> None:
    out = tmp_path / "checklist.html"
    result = gd("checklist", "render", "-u", "縣衛健局", "--today", "2020-11-20", "-f", "html", "-o", str(out))  # fmt: skip
    assert result.exit_code == 0 and result.stdout == ""
    assert re.fullmatch(rf"wrote {re.escape(str(out))} \(\d+ KB\)\n", result.stderr)
    assert out.stat().st_size > 1024
    listed = gd("checklist", "render", "-u", "縣衛健局", "--today", "2020-11-20")
    assert listed.stderr == ""  # to stdout: nothing said


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("縣衛", ["縣衛健局"]),
        ("县卫", ["縣衛健局"]),
        ("衛健", ["縣衛健局"]),
        ("師宗縣衛", ["縣衛健局"]),
    ],
)
def test_unit_completion_on_a_prefix_in_either_script(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, typed: str, expected: list[str]
) -> None:
    from gov_disclosure.cli.options import complete_unit

    monkeypatch.chdir(workspace)
    assert complete_unit(typed) == expected
    county = complete_unit("县")  # every 縣… unit, in registry order
    assert county[:3] == ["縣政府辦公室", "政務信息股", "縣司法局"] and "丹鳳街道" not in county
    assert complete_unit("各") == ["各鄉(鎮、街道)"]


@pytest.mark.parametrize(
    "typed", ["2020-10-08", "2020/10/8", "2020.10.08", "2020年10月8日", "10月8日"]
)
def test_dates_typed_in_the_usual_forms(gd, typed: str) -> None:
    expected = gd("due", "--today", "2020-10-08", "-f", "json").stdout
    result = gd("due", "--today", typed, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected


@pytest.mark.parametrize(
    ("typed", "label"),
    [("完成", "已完成"), ("进行中", "推進中"), ("推进中", "推進中"), ("進行中", "推進中"),
     ("未开始", "未開始"), ("不适用", "不適用"), ("in-progress", "推進中"), ("DONE", "已完成")],
)  # fmt: skip
def test_statuses_typed_in_words(gd, typed: str, label: str) -> None:
    result = set_record(gd, "2.4", "县卫健局", typed, "2020-09-18", "--today", "2020-10-01")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"縣衛健局: 2.4 {label} (")
