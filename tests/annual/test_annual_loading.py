"""Reading annual/<year>/<unit-id>.yaml: keys and cells of the right format, each at its line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from annual_fixtures import annual_workspace, cell_at, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gov_disclosure.annual.formats import F2019, CellKind, Column
from gov_disclosure.annual.loading import TextSpan, cell_problem, load_report
from gov_disclosure.plan.loading import load_registry
from gov_disclosure.storage.workspace import Workspace

HEALTH = """\
unit: 县卫健局
year: {year}
table3:
  r1_new:     {{natural: 2, total: 2}}
  r3_1_open:  {{natural: 2}}
  r3_7_total: {{natural: 2, total: 2}}
{extra}"""


def check(gd, root: Path, year: int = 2020, *args: str):  # type: ignore[no-untyped-def]
    return gd("annual", "check", "--year", str(year), *args, root=root)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return annual_workspace(tmp_path / "an")


def test_a_clean_file(gd, root: Path) -> None:
    write(root, 2020, "health", HEALTH.format(year=2020, extra=""))
    result = check(gd, root)
    assert result.exit_code == 0, result.stderr
    assert "annual/2020/health.yaml: 縣衛健局 ok" in result.stdout


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("-1", "a count cannot be negative (got -1)"),
        ("1.5", "a count is a whole number (got 1.5)"),
        ("'12'", "'12' is text, not a number; write the number without quotes"),
        ("—", "'—' is text, not a number; leave it empty (empty means 'not stated')"),
        ("yes", "True is not a number"),
    ],
)
def test_a_cell_must_be_a_count(gd, root: Path, cell: str, message: str) -> None:
    path = write(
        root,
        2020,
        "health",
        HEALTH.format(year=2020, extra=f"  r4_carried_out: {{total: {cell}}}\n"),
    )
    result = check(gd, root)
    assert result.exit_code == 1
    line, col, _ = cell_at(path.read_text("utf-8"), "r4_carried_out", "total")
    assert f"annual/2020/health.yaml:{line}:{col}: {message}" in result.stderr


@pytest.mark.parametrize(
    ("year", "tables", "expected"),
    [
        (
            2021,
            "table2:\n  procurement: {projects: 1}\ntable3:\n  r3_6: {total: 1}\n",
            [
                "annual/2021/health.yaml:4:3: row 'procurement' (政府集中采购) belongs to format "
                "2019-60 (国办公开办函〔2019〕60号, report years 2019–2020); this 2021 report uses "
                "2021-30 (国办公开办函〔2021〕30号, report years 2021 on)",
                "annual/2021/health.yaml:6:3: row 'r3_6' (（六）其他处理) belongs to format 2019-60",
            ],
        ),
        (
            2020,
            "table2:\n  fees: {amount: 3.5}\n",
            [
                "annual/2020/health.yaml:4:10: column 'amount' of row 'fees' (行政事业性收费: "
                "本年收费金额（单位：万元）) belongs to format 2021-30",
                "2019-60 (国办公开办函〔2019〕60号, report years 2019–2020): last_year, change",
            ],
        ),
    ],
    ids=["rows", "column"],
)
def test_the_other_formats_keys_are_refused_naming_it(
    gd, root: Path, year: int, tables: str, expected: list[str]
) -> None:
    write(root, year, "health", f"unit: 县卫健局\nyear: {year}\n{tables}")
    result = check(gd, root, year)
    assert result.exit_code == 1
    for message in expected:
        assert message in result.stderr


def test_did_you_mean(gd, root: Path) -> None:
    write(
        root,
        2020,
        "health",
        "unit: 县卫健局\nyear: 2020\ntable3:\n  r1_nwe: {natrual: 1}\n  r1_new: {natrual: 1}\n",
    )
    result = check(gd, root)
    assert (
        "annual/2020/health.yaml:4:3: unknown row 'r1_nwe' in table3; did you mean 'r1_new'?"
        in result.stderr
    )
    assert (
        "annual/2020/health.yaml:5:12: unknown column 'natrual' of row 'r1_new' in table3; did you mean 'natural'?"
        in result.stderr
    )


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "nobody",
            "unit: 县卫健局\nyear: 2020\n",
            "1:7: no unit has the id 'nobody': annual reports are named after unit ids",
        ),
        (
            "health",
            "unit: 县司法局\nyear: 2020\n",
            "1:7: the file is 縣衛健局's (health.yaml) but names 縣司法局",
        ),
        (
            "health",
            "unit: 县卫生局局\nyear: 2020\n",
            "1:7: unknown unit '县卫生局局'; did you mean",
        ),
        ("health", "unit: 县卫健局\nyear: 2019\n", "2:7: year 2019 in a file of 2020"),
        (
            "health",
            "unit: 县卫健局\nyear: 2020\noverveiw: text\n",
            "3:1: unknown field 'overveiw'; did you mean 'overview'?",
        ),
        (
            "townships",
            "unit: 各乡(镇、街道)\nyear: 2020\n",
            "1:7: 各鄉(鎮、街道) is a group: each of its units files its own report",
        ),
        (
            "health",
            "unit: 县卫健局\nyear: 2020\nformat: 2020-1\n",
            "3:9: unknown format '2020-1'; known formats: 2019-60",
        ),
    ],
)
def test_the_unit_year_and_format(gd, root: Path, name: str, text: str, message: str) -> None:
    write(root, 2020, name, text)
    result = check(gd, root)
    assert result.exit_code == 1
    assert f"annual/2020/{name}.yaml:{message}" in result.stderr


def test_a_year_with_no_format(gd, root: Path) -> None:
    write(root, 2018, "health", "unit: 县卫健局\nyear: 2018\n")
    result = gd("validate", root=root)
    assert result.exit_code == 1
    assert (
        "annual/2018/health.yaml:2:7: no known format for report year 2018: the national "
        "format starts with report year 2019 (国办公开办函〔2019〕60号)"
    ) in result.stderr
    typed = check(gd, root, 2018)
    assert typed.exit_code == 2 and "no known format for report year 2018" in typed.stderr


def test_an_explicit_format_against_the_year_is_a_warning(gd, root: Path) -> None:
    write(
        root,
        2020,
        "health",
        "unit: 县卫健局\nyear: 2020\nformat: 2021-30\ntable3:\n  r3_6_1: {total: 0}\n",
    )
    result = check(gd, root)
    assert result.exit_code == 0, result.stderr
    assert (
        "3:9: warning: format 2021-30 is stated for a 2020 report; the notices prescribe 2019-60"
        in result.stderr
    )


def test_amounts() -> None:
    amount = Column("amount", "采购总金额", CellKind.amount, unit="元")
    assert cell_problem(amount, 251000) is None and cell_problem(amount, 12.5) is None
    assert cell_problem(amount, -1) == "an amount cannot be negative or infinite (got -1)"
    signed = Column("change", "本年增/减", CellKind.signed)
    assert cell_problem(signed, -3) is None and cell_problem(signed, 0.5) is not None


def test_text_positions() -> None:
    literal = TextSpan(line=5, column=11, style="|", indent=2)
    assert literal.at("第一段\n第二段有859件", 8) == (7, 7)
    plain = TextSpan(line=9, column=8, style="", indent=0)
    assert plain.at("无法提供265件", 4) == (9, 12)
    quoted = TextSpan(line=9, column=8, style='"', indent=0)
    assert quoted.at("无法提供265件", 4) == (9, 13)


CELLS = st.one_of(
    st.none(), st.integers(-5, 5), st.floats(allow_nan=True), st.text(max_size=3), st.booleans()
)


@settings(
    max_examples=int(os.environ.get("GD_FUZZ_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(
    st.dictionaries(
        st.sampled_from(["r1_new", "r3_6", "r3_6_1", "x"]),
        st.dictionaries(st.sampled_from(["natural", "total", "amount", "y"]), CELLS, max_size=3),
        max_size=3,
    ),
    st.text(max_size=40),
)
def test_any_file_is_read_or_refused_with_problems(tmp_path_factory, rows, narrative) -> None:  # type: ignore[no-untyped-def]
    import yaml

    root = tmp_path_factory.mktemp("fuzz")
    annual_workspace(root)
    data = {"unit": "县卫健局", "year": 2020, "table3": rows, "overview": narrative}
    path = write(root, 2020, "health", yaml.safe_dump(data, allow_unicode=True))
    ws = Workspace(root)
    units, _ = load_registry(ws)
    report, problems = load_report(ws, units, path, 2020)
    assert (report is None) == any(p.severity == "error" for p in problems)
    assert all(p.file == path for p in problems)
    if report is not None:
        from gov_disclosure.annual.checks import check_report

        for problem in check_report(report):
            assert problem.line is not None
    assert F2019.id == "2019-60"


def test_a_yml_report_is_read(gd, root: Path) -> None:
    path = root / "annual" / "2020" / "health.yml"
    path.parent.mkdir(parents=True)
    path.write_text(HEALTH.format(year=2020, extra=""), encoding="utf-8")
    one = gd("annual", "check", "--unit", "县卫健局", "--year", "2020", root=root)
    assert one.exit_code == 0 and "annual/2020/health.yml: 縣衛健局 ok" in one.stdout


def test_a_report_written_both_ways_is_counted_once(gd, root: Path) -> None:
    """health.yaml and health.yml side by side: the .yml is a problem, never a second report
    (a reviewer saw the county's 本年新收 go from 8 to 13)."""
    folder = root / "annual" / "2020"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "health.yaml").write_text(HEALTH.format(year=2020, extra=""), encoding="utf-8")
    (folder / "health.yml").write_text(HEALTH.format(year=2020, extra=""), encoding="utf-8")
    checked = gd("annual", "check", "--year", "2020", root=root)
    assert checked.exit_code == 1
    assert "health.yml: health.yaml is beside it" in checked.stderr.replace(str(folder) + "/", "")
    assert checked.stdout.count("縣衛健局 ok") == 1
