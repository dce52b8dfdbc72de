"""`gd annual new`: an empty report of the right format, to fill in; never overwrites."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from annual_fixtures import annual_workspace


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return annual_workspace(tmp_path / "an")


def test_the_2021_skeleton(gd, root: Path) -> None:
    result = gd("annual", "new", "--unit", "县卫健局", "--year", "2021", root=root)
    assert result.exit_code == 0, result.stderr
    path = root / "annual" / "2021" / "health.yaml"
    assert result.stdout.strip().endswith("annual/2021/health.yaml")
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["unit"] == "縣衛健局" and data["year"] == 2021 and data["format"] == "2021-30"
    rows = list(data["table3"])
    assert rows[-5:] == ["r3_6_1", "r3_6_2", "r3_6_3", "r3_7_total", "r4_carried_out"]
    assert len(rows) == 25 and "r3_6" not in rows
    assert list(data["table2"]) == [
        "regulations",
        "normative_docs",
        "licensing",
        "punishment",
        "coercion",
        "fees",
    ]
    assert data["table2"]["fees"] == {"amount": None}
    assert list(data["table4"]) == ["review", "suit_direct", "suit_after_review"]
    cells = [
        v
        for table in ("table2", "table3", "table4")
        for row in data[table].values()
        for v in row.values()
    ]
    assert cells and all(v is None for v in cells)
    # The headings' prompts, from the format's own guidance, as comments.
    assert "# 一、总体情况（文字描述）" in text and "篇幅原则上不超过一千字" in text
    assert "收取信息处理费情况在此处报告" in text
    assert (
        "# 本年收费金额（单位：万元）" not in text and "amount 本年收费金额（单位：万元）" in text
    )
    check = gd("annual", "check", "--unit", "县卫健局", "--year", "2021", root=root)
    assert check.exit_code == 0, check.stderr


def test_the_2020_skeleton_filled_with_zeros_passes_strict(gd, root: Path) -> None:
    assert gd("annual", "new", "-u", "雄壁镇", "--year", "2020", root=root).exit_code == 0
    path = root / "annual" / "2020" / "xiongbi.yaml"
    text = path.read_text(encoding="utf-8")
    assert "procurement:" in text and "amount 采购总金额，单位：元" in text
    filled = re.sub(r"(\w+): (?=[,}])", r"\1: 0", text)
    for key in ("overview", "problems", "other"):
        filled = filled.replace(f"\n{key}:\n", f"\n{key}: 无。\n")
    path.write_text(filled, encoding="utf-8")
    result = gd("annual", "check", "--unit", "雄壁镇", "--year", "2020", "--strict", root=root)
    assert result.exit_code == 0, result.stderr
    empty = gd("annual", "check", "--year", "2020", "--strict", root=root)
    assert empty.exit_code == 0


def test_it_never_overwrites(gd, root: Path) -> None:
    assert gd("annual", "new", "--unit", "县卫健局", "--year", "2020", root=root).exit_code == 0
    path = root / "annual" / "2020" / "health.yaml"
    path.write_text("# mine\n", encoding="utf-8")
    again = gd("annual", "new", "--unit", "县卫健局", "--year", "2020", root=root)
    assert again.exit_code == 2
    assert "annual/2020/health.yaml exists; it is never overwritten" in again.stderr
    assert path.read_text(encoding="utf-8") == "# mine\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--unit", "县卫健局", "--year", "2018"], "no known format for report year 2018"),
        (["--unit", "不存在局", "--year", "2020"], "unknown unit '不存在局'"),
        (
            ["--unit", "各乡(镇、街道)", "--year", "2020"],
            "各鄉(鎮、街道) is a group; each of its units has its own report",
        ),
    ],
)
def test_wrong_input(gd, root: Path, args: list[str], message: str) -> None:
    result = gd("annual", "new", *args, root=root)
    assert result.exit_code == 2 and message in result.stderr
    assert not (root / "annual").exists()


def test_the_year_defaults_to_the_newest_plan(gd, root: Path) -> None:
    result = gd("annual", "new", "--unit", "县卫健局", root=root)
    assert result.exit_code == 0 and (root / "annual" / "2020" / "health.yaml").exists()
