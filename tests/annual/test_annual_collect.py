"""A year's reports read (from the workspace cache when unchanged) and checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from annual_fixtures import GOOD, annual_workspace, write

from gov_disclosure.annual.collect import check_year, expected_units
from gov_disclosure.plan.loading import load_registry
from gov_disclosure.storage.workspace import Workspace


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return annual_workspace(tmp_path / "an")


def test_a_warm_check_reads_nothing_again(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(root, 2020, "health", GOOD)
    ws = Workspace(root)
    from gov_disclosure.annual import collect

    first = check_year(ws, collect.load_units(ws), 2020)
    assert sorted(p.name for p in (root / ".gd-cache").iterdir() if p.suffix == ".json") == [
        "annual-2019.json", "annual-2020.json", "registry.json",
    ]  # fmt: skip

    def must_not_read(*args: object) -> None:
        raise AssertionError("a file was read again although nothing changed")

    monkeypatch.setattr(collect, "load_report", must_not_read)
    monkeypatch.setattr(collect, "load_registry", must_not_read, raising=False)
    warm = check_year(ws, collect.load_units(ws), 2020)
    assert [f.report.tables for f in warm.files if f.report] == [
        f.report.tables for f in first.files if f.report
    ]


def test_the_cache_never_hides_an_edit(gd, root: Path) -> None:
    import os

    path = write(root, 2020, "health", GOOD)
    assert gd("annual", "check", root=root).exit_code == 0
    st = path.stat()
    path.write_text(
        GOOD.replace(
            "review:      {upheld: 1, pending: 1, total: 2}",
            "review:      {upheld: 1, pending: 1, total: 3}",
        ),
        "utf-8",
    )
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1))  # a new time, the same size
    result = gd("annual", "check", root=root)
    assert result.exit_code == 1 and "(T4)" in result.stderr


def test_reporting_units(tmp_path: Path) -> None:
    """Departments, townships and sub-districts owe the county a report."""
    ws = Workspace(annual_workspace(tmp_path / "an"))
    units, _ = load_registry(ws)
    kinds = {u.kind.value for u in expected_units(units)}
    assert kinds == {"county_department", "township", "subdistrict"}
    assert len(expected_units(units)) == 22


def test_a_unit_without_a_report(root: Path) -> None:
    from gov_disclosure.errors import GdError

    write(root, 2020, "health", GOOD)
    ws = Workspace(root)
    units, _ = load_registry(ws)
    checked = check_year(ws, units, 2020)
    assert [f.path.name for f in checked.files] == ["health.yaml"]
    assert "縣衛健局" not in [u.name for u in checked.missing]
    with pytest.raises(GdError) as caught:
        check_year(ws, units, 2020, only=units.by_id["justice"])
    assert caught.value.problems[0].file == root / "annual" / "2020" / "justice.yaml"
    assert "`gd annual new --unit 縣司法局 --year 2020` writes one" in caught.value.message
