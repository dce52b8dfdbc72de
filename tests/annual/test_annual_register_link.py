"""gd annual takes table 三 from the request register (issue 16's requests.table3_counts)."""

from __future__ import annotations

from pathlib import Path

from annual_fixtures import annual_workspace


def test_the_register_fills_table_three(gd, tmp_path: Path) -> None:
    root = annual_workspace(tmp_path / "an", "progress", "annual", "requests")
    assert gd("annual", "check", "--year", "2020", root=root).exit_code == 0
    # The example report types no table 三: its figures are the register's (5 received).
    text = gd("annual", "render", "--unit", "縣衛健局", "--year", "2020", "--script", "simplified",
              root=root).stdout  # fmt: skip
    assert "全年新收政府信息公开申请5件" in text


def test_a_typed_count_that_disagrees_names_both(gd, tmp_path: Path) -> None:
    root = annual_workspace(tmp_path / "an", "progress", "annual", "requests")
    path = root / "annual" / "2020" / "health.yaml"
    text = path.read_text(encoding="utf-8")
    typed = "table3:\n  r1_new: {natural: 2, biz: 1, research: 0, ngo: 1, legal: 0, other_org: 0, total: 6}\n"
    path.write_text(text.replace("\ntable4:", "\n" + typed + "\ntable4:"), encoding="utf-8")
    result = gd("annual", "check", "--year", "2020", root=root)
    assert result.exit_code == 1
    assert "一、本年新收[总计] is typed as 6 but the request register counts 5" in result.stderr
    assert "annual/2020/health.yaml:" in result.stderr


def test_no_register_for_the_year_no_comparison(gd, tmp_path: Path) -> None:
    # 雄壁鎮 keeps no register: its typed table 三 stands on its own.
    root = annual_workspace(tmp_path / "an", "progress", "annual", "requests")
    assert not (root / "requests" / "2020" / "xiongbi.yaml").exists()
    result = gd("annual", "check", "--unit", "雄壁鎮", "--year", "2020", root=root)
    assert result.exit_code == 0, result.stderr


def test_a_year_is_checked_with_one_reading_of_the_register(
    gd, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import gov_disclosure.requests.register as register_module

    root = annual_workspace(tmp_path / "an", "progress", "annual", "requests")
    readings = []
    real = register_module.checked_register

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        readings.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(register_module, "checked_register", counted)
    monkeypatch.setenv("GD_NO_CACHE", "1")
    result = gd("annual", "check", "--year", "2020", root=root)
    assert result.exit_code == 0, result.stderr
    assert len(list((root / "annual" / "2020").glob("*.yaml"))) > 1
    assert len(readings) == 1
