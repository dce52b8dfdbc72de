"""`gd import`: notices into draft plans — the 2020 notice and layouts it has never seen."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import DATA, REPO
from gov_disclosure.models import Plan
from gov_disclosure.plan.assignments import deadline_units, task_assignments
from gov_disclosure.plan.loading import load_plan
from gov_disclosure.schema import Plan as PlanSchema
from gov_disclosure.storage.schema_errors import validate_document
from gov_disclosure.storage.workspace import find_workspace
from gov_disclosure.storage.yamlio import parse

NOTICE = DATA / "shizong-2020-notice.txt"
DAMAGED = {"1.1", "3.1"}  # the two spans garbled by an encoding error stay as they are


def draft(text: str) -> Plan:
    return validate_document(parse(text, Path("draft.yaml")), PlanSchema, "plan").runtime()


def assert_same_plan(text: str) -> None:
    """The imported plan equals plan/2020.yaml in every task, unit and deadline."""
    ref = load_plan(find_workspace(REPO), 2020)
    units = ref.units
    imported = draft(text)
    assert [s.title for s in imported.sections] == [s.title for s in ref.plan.sections]
    assert [t.id for t in imported.tasks()] == [t.id for t in ref.plan.tasks()]
    for a, b in zip(ref.plan.tasks(), imported.tasks(), strict=True):
        assert b.title == a.title, a.id
        if a.id not in DAMAGED:
            assert b.requirement == a.requirement, a.id
        assert [units.lookup(n).id for n in b.lead] == [units.lookup(n).id for n in a.lead], a.id
        assert [units.lookup(n).id for n in b.responsible] == [
            units.lookup(n).id for n in a.responsible
        ], a.id

        def deadlines(task):
            assigned = task_assignments(task, units)
            return [
                (d.date, d.phrase, [u.id for u in deadline_units(task, d, units, assigned)])
                for d in task.deadlines
            ]

        assert deadlines(b) == deadlines(a), a.id
    (ra,), (rb,) = ref.plan.milestones, imported.milestones
    assert (rb.date, rb.phrase, rb.what) == (ra.date, ra.phrase, ra.what)
    assert units.lookup(rb.recipient).id == units.lookup(ra.recipient).id
    assert imported.notice == ref.plan.notice


def test_2020_notice_imports_to_the_plan(gd) -> None:
    result = gd("import", str(NOTICE))
    assert result.exit_code == 1  # written, with warnings
    assert_same_plan(result.stdout)
    import re

    lines = sorted(int(n) for n in re.findall(r"shizong-2020-notice\.txt:(\d+):", result.stderr))
    assert lines == [11, 21, 22]  # the two damaged spans and 3.2's empty unit cell
    assert "encoding damage" in result.stderr and "?;鶎舆" in result.stderr
    assert "unit cell is empty; 縣融媒體中心" in result.stderr
    assert "4 sections, 15 tasks" in result.stderr
    # The damage is reported, never silently repaired.
    assert "?;鶎舆\\\\轉" in result.stdout or "?;鶎舆\\轉" in result.stdout


def test_gb18030_and_docx_import_to_the_same_plan(gd, tmp_path: Path) -> None:
    import docx

    text = NOTICE.read_text(encoding="utf-8")
    gbk = tmp_path / "notice-gb18030.txt"
    gbk.write_bytes(text.encode("gb18030"))
    result = gd("import", str(gbk))
    assert "(gb18030)" in result.stderr
    assert_same_plan(result.stdout)

    document = docx.Document()
    lines = text.splitlines()
    table_lines = [line for line in lines if "|" in line]
    for line in lines[: lines.index(table_lines[0])]:
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=4)
    for line in table_lines:
        cells = [c.strip() for c in line.split("|")]
        while len(cells) > 4 and cells[-1] == "":
            cells.pop()
        if (
            len(cells) == 4
            and not cells[0].startswith(("一、", "二、", "三、", "四、"))
            and cells != ["工作任務", "具體要求", "責任單位", ""]
        ):
            cells = ["", *cells[:3]]
        row = table.add_row().cells
        header = cells[0] == "工作任務"
        values = ["", *cells[:3]] if header else cells[:4]
        for cell, value in zip(row, values, strict=False):
            cell.text = value
    path = tmp_path / "notice.docx"
    document.save(str(path))
    result = gd("import", str(path))
    assert "(docx)" in result.stderr, result.stderr
    assert_same_plan(result.stdout)


def test_output_file_and_force(gd, workspace: Path, tmp_path: Path) -> None:
    out = workspace / "plan" / "2020.yaml"
    before = out.read_bytes()
    result = gd("import", str(NOTICE), "-o", str(out))
    assert result.exit_code == 2 and "exists; use --force" in result.stderr
    assert out.read_bytes() == before
    result = gd("import", str(NOTICE), "-o", str(out), "--force")
    assert result.exit_code == 1 and result.stdout == ""
    assert_same_plan(out.read_text(encoding="utf-8"))


def test_unreadable_notice_exits_2(gd, tmp_path: Path) -> None:
    assert gd("import", str(tmp_path / "none.txt")).exit_code == 2
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\xff\xfe\x00\x81\x30")
    assert gd("import", str(junk)).exit_code == 2
    empty = tmp_path / "no-table.txt"
    empty.write_text("只有一段文字，沒有表格。\n", encoding="utf-8")
    result = gd("import", str(empty))
    assert result.exit_code == 2 and "no task table" in result.stderr


def fresh(gd, tmp_path: Path, notice: str, year: str = "2021") -> Path:
    from gov_disclosure import api

    root = tmp_path / "fresh"
    api.init(root, county="某市", issuer="某市人民政府办公室")
    result = gd(
        "import",
        str(DATA / notice),
        "-o",
        str(root / "plan" / f"{year}.yaml"),
        "--add-units",
        root=root,
    )
    assert result.exit_code in (0, 1), result.stderr
    assert (root / "plan" / "units.yaml").exists()
    return root


def test_city_notice_simplified_subsections_global_numbering(gd, tmp_path: Path) -> None:
    root = fresh(gd, tmp_path, "city-2021-simplified.txt")
    assert gd("validate", root=root).exit_code == 0
    tasks = gd("tasks", "-f", "json", root=root).json()
    assert [t["id"] for t in tasks] == ["1.1", "1.2", "1.3", "2.4"]  # the notice's own numbers
    assert tasks[0]["lead"] == ["市司法局"] and tasks[0]["responsible"] == ["市直各单位"]
    assert tasks[1]["responsible"] == ["市直各单位", "各县（市、区）人民政府"]  # separated by ；
    assert tasks[2]["lead"] == [] and tasks[2]["responsible"] == [
        "市发展改革委",
        "市住房城乡建设局",
    ]  # by ，
    assert [d["date"] for d in tasks[1]["deadlines"]] == [
        "2021-03-31",
        "2021-06-30",
        "2021-09-30",
        "2021-12-31",
    ]
    assert tasks[3]["deadlines"][0]["units"] == ["市大数据中心"]
    plan = (root / "plan" / "2021.yaml").read_text(encoding="utf-8")
    assert "# 所屬：（一）推进决策公开" in plan and "# 所屬：（二）推进执行公开" in plan
    assert gd("tasks", "--unit", "司法局", "-f", "json", root=root).json()[0]["role"] == "lead"
    due = gd(
        "due", "--before", "2021-07-01", "--today", "2021-03-01", "-f", "json", root=root
    ).json()
    assert [(d["date"], d["task"]) for d in due] == [
        ("2021-03-31", "1.2"),
        ("2021-06-30", "1.1"),
        ("2021-06-30", "1.2"),
    ]
    report = gd("due", "--today", "2021-03-01", "-f", "json", root=root).json()
    assert any(d["milestone"] == "report" and d["date"] == "2021-12-10" for d in report)


def test_five_columns_with_deadline_column(gd, tmp_path: Path) -> None:
    root = tmp_path / "county"
    shutil.copytree(REPO / "plan", root / "plan")
    (root / "plan" / "2020.yaml").unlink()
    result = gd(
        "import",
        str(DATA / "county-2021-five-columns.txt"),
        "-o",
        str(root / "plan" / "2021.yaml"),
        root=root,
    )
    assert result.exit_code == 1  # no issue date in this notice
    assert "no issue date" in result.stderr and "unknown unit" not in result.stderr
    tasks = gd("tasks", "-f", "json", root=root).json()
    assert [t["id"] for t in tasks] == ["1.1", "1.2", "2.3"]
    assert tasks[2]["lead"] == ["縣融媒體中心", "縣政府辦公室"]  # 縣政府辦 is a registry alias
    assert tasks[2]["responsible"] == ["各鄉(鎮、街道)", "縣直有關部門"]
    assert [d["date"] for d in tasks[2]["deadlines"]] == [
        "2021-06-30",
        "2021-12-31",
    ]  # two dates in one cell
    assert len(tasks[1]["deadlines"]) == 12  # 每月
    assert tasks[0]["deadlines"][0]["date"] == "2021-08-31"
    assert gd("validate", root=root).exit_code == 0
    rows = gd("due", "--unit", "丹鳳街道", "--today", "2021-05-01", "-f", "json", root=root).json()
    assert [(r["date"], r["task"]) for r in rows] == [("2021-06-30", "2.3"), ("2021-12-31", "2.3")]


def test_unknown_units_without_add_units_are_warnings(gd, workspace: Path) -> None:
    result = gd("import", str(DATA / "city-2021-simplified.txt"))
    assert result.exit_code == 1
    assert "unknown unit '市司法局'" in result.stderr
    assert "units.yaml" not in result.stderr


def test_added_group_kinds(tmp_path: Path) -> None:
    from gov_disclosure.models import UnitKind as K
    from gov_disclosure.plan.registry_store import guess_kind, slug

    assert guess_kind("各鄉鎮人民政府（街道辦事處）")[1] == [K.township, K.subdistrict]
    assert guess_kind("區直各單位")[0] is K.group
    assert guess_kind("丹鳳街道辦事處")[0] is K.subdistrict
    assert guess_kind("市大數據中心")[0] is K.county_institution
    assert guess_kind("縣財政局")[0] is K.county_department
    assert slug("縣財政局") == slug("县财政局") == "caizhengju"  # stable across scripts


def test_registry_units_split_respects_parentheses() -> None:
    from gov_disclosure.intake.importer import parse_units

    assert parse_units("縣財政局、市生態環境局師宗分局牽頭;各鄉(鎮、街道),縣直有關部門按照職責分工負責。", "responsible") == [
        ("lead", "縣財政局"), ("lead", "市生態環境局師宗分局"),
        ("responsible", "各鄉(鎮、街道)"), ("responsible", "縣直有關部門"),
    ]  # fmt: skip
    assert parse_units("縣政府辦負責", "responsible") == [("responsible", "縣政府辦")]
    assert parse_units("縣司法局", "lead") == [("lead", "縣司法局")]
