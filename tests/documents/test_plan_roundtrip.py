"""The round trip: `gd plan render` writes the notice, `gd import` reads it back as the same plan.

Field by field, as ``assert_same_plan`` of tests/intake/test_import.py compares the 2020
notice's import: sections, task ids, titles, requirement sentences, lead and responsible
units (by unit id), deadlines (date, phrase, the units they bind), the report milestone
(date, phrase, what, recipient) and the notice itself — for the .docx and the .md, on the
bundled 2020 plan, on next year's from `gd rollover`, and on another county's plan in
simplified characters built here with other sections, units and deadlines.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO
from gov_disclosure.models import Basis, Notice, Plan, Task
from gov_disclosure.plan.assignments import deadline_units, task_assignments
from gov_disclosure.plan.loading import LoadedPlan, load_plan
from gov_disclosure.plan.units import UnitIndex
from gov_disclosure.schema import Plan as PlanSchema
from gov_disclosure.storage.schema_errors import validate_document
from gov_disclosure.storage.workspace import find_workspace
from gov_disclosure.storage.yamlio import parse
from gov_disclosure.textnorm import to_simplified, to_traditional

Convert = Callable[[str], str]


def read_back(gd, root: Path, fmt: str, year: int, *more: str) -> Plan:  # type: ignore[no-untyped-def]
    """Render the plan of ``year`` as a notice, import it, and return what the import read."""
    notice = root / f"notice-{year}.{fmt}"
    rendered = gd("plan", "render", "--year", str(year), "-f", fmt, "-o", str(notice), *more, root=root)  # fmt: skip
    assert rendered.exit_code == 0, rendered.stderr
    assert "warning" not in rendered.stderr, rendered.stderr
    imported = gd("import", str(notice), root=root)
    assert imported.exit_code == 0, imported.stderr  # 0: no warning of any kind
    return validate_document(
        parse(imported.stdout, Path("draft.yaml")), PlanSchema, "plan"
    ).runtime()


def assert_same_plan(ref: LoadedPlan, got: Plan, convert: Convert = str) -> None:
    """``got`` is ``ref``'s plan, its texts written through ``convert`` (a notice in the other
    script); units compared by id."""
    plan, units = ref.plan, ref.units
    assert got.year == plan.year
    assert [(s.number, s.title) for s in got.sections] == [
        (s.number, convert(s.title)) for s in plan.sections
    ]
    assert [t.id for t in got.tasks()] == [t.id for t in plan.tasks()]
    for a, b in zip(plan.tasks(), got.tasks(), strict=True):
        assert b.title == convert(a.title), a.id
        assert list(b.requirement) == [convert(s) for s in a.requirement], a.id
        assert ids(b.lead, units) == ids(a.lead, units), a.id
        assert ids(b.responsible, units) == ids(a.responsible, units), a.id
        assert deadlines(b, units) == deadlines(a, units, convert), a.id
    (ra,), (rb,) = plan.milestones, got.milestones
    assert (rb.date, rb.phrase, rb.what) == (ra.date, convert(ra.phrase or ""), convert(ra.what))
    assert ids([rb.recipient or ""], units) == ids([ra.recipient or ""], units)
    assert got.notice == converted_notice(plan.notice, convert)


def ids(names: tuple[str, ...] | list[str], units: UnitIndex) -> list[str]:
    return [units.lookup(n).id for n in names]


def deadlines(task: Task, units: UnitIndex, convert: Convert = str) -> list[object]:
    assigned = task_assignments(task, units)
    return [
        (d.date, convert(d.phrase or ""), [u.id for u in deadline_units(task, d, units, assigned)])
        for d in task.deadlines
    ]


def converted_notice(notice: Notice, convert: Convert) -> Notice:
    basis = notice.basis
    return Notice(
        convert(notice.title),
        convert(notice.issuer),
        notice.issued,
        convert(notice.document_number) if notice.document_number else None,
        Basis(*(convert(x) if x else None for x in (basis.title, basis.document_number)))
        if basis
        else None,
        tuple(convert(a) for a in notice.addressees),
    )


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_the_2020_plan_comes_back(gd, workspace: Path, fmt: str) -> None:
    """`gd plan render --format docx` of the 2020 plan, imported again, equals plan/2020.yaml
    written wholly in traditional characters (the plan keeps the notice's 并 and 于)."""
    got = read_back(gd, workspace, fmt, 2020)
    assert_same_plan(load_plan(find_workspace(REPO), 2020), got, to_traditional)


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_the_2020_plan_in_simplified_comes_back_in_simplified(
    gd, workspace: Path, fmt: str
) -> None:
    got = read_back(gd, workspace, fmt, 2020, "--script", "simplified")
    assert got.notice.title == "师宗县贯彻落实2020年曲靖市政务公开要点分解落实方案"
    assert_same_plan(load_plan(find_workspace(REPO), 2020), got, to_simplified)


@pytest.fixture
def rolled_over(gd, workspace: Path) -> Path:  # type: ignore[no-untyped-def]
    """Next year's plan from `gd rollover 2021`, its text's dates moved on as the office
    would (the task deadlines the rollover moved are those the text now states)."""
    shutil.copytree(REPO / "progress", workspace / "progress")
    assert gd("rollover", "2021", root=workspace).exit_code == 0
    path = workspace / "plan" / "2021.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    edited = [line.replace("2020年", "2021年") if line.startswith("          - ") else line for line in lines]  # fmt: skip
    path.write_text("".join(edited), encoding="utf-8")
    assert gd("validate", "--year", "2021", root=workspace).exit_code == 0
    return workspace


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_next_years_plan_from_rollover_comes_back(gd, rolled_over: Path, fmt: str) -> None:
    got = read_back(gd, rolled_over, fmt, 2021)
    ref = load_plan(find_workspace(rolled_over), 2021)
    assert ref.plan.tasks()[4].deadlines == ()  # 1.5: nothing to carry, nothing read
    assert_same_plan(ref, got, to_traditional)
    assert [d.date.isoformat() for d in got.tasks()[5].deadlines] == ["2021-09-30"]


# ---- another county, in simplified characters ----------------------------------------------

UNITS = """\
units:
  - id: xianzhengfuban
    name: 县政府办公室
    full_name: 某县人民政府办公室
    aliases: [县政府办]
    kind: county_department
  - id: gongkaigu
    name: 政务公开股
    full_name: 县政府办公室政务公开股
    aliases: [县政府办公室政务公开股]
    kind: sub_office
    parent: xianzhengfuban
  - {id: sifaju, name: 县司法局, kind: county_department}
  - {id: caizhengju, name: 县财政局, kind: county_department}
  - {id: renshe, name: 县人社局, kind: county_department}
  - {id: rongmeiti, name: 县融媒体中心, kind: county_institution}
  - {id: shujuju, name: 县大数据中心, kind: county_institution}
  - {id: jiazhen, name: 甲镇, kind: township}
  - {id: yixiang, name: 乙乡, kind: township}
  - {id: bingjiedao, name: 丙街道, kind: subdistrict}
  - id: xiangzhen
    name: 各乡（镇、街道）
    aliases: [各乡（镇）人民政府、街道办事处]
    kind: group
    member_kinds: [township, subdistrict]
  - id: xianzhi
    name: 县直各部门
    aliases: [县直各单位]
    kind: group
    members: [县政府办公室, 县司法局, 县财政局, 县人社局, 县融媒体中心, 县大数据中心]
"""

PLAN = """\
year: 2022
notice:
  title: 某县2022年政务公开工作要点任务分解方案
  issuer: 某县人民政府办公室
  issued: 2022-04-08
  document_number: 某政办发〔2022〕12号
  basis:
    title: 某市2022年政务公开工作要点
  addressees: [各乡（镇）人民政府、街道办事处, 县直各部门]
milestones:
  - id: report
    date: 2022-12-10
    phrase: 2022年12月10日前
    what: 将年度工作总结报送县政府办公室政务公开股
    recipient: 政务公开股
sections:
  - number: 1
    title: 围绕优化营商环境加强公开
    tasks:
      - id: "1.1"
        title: 做好重大决策预公开
        requirement:
          - 各部门要于2022年6月底前公布年度重大行政决策事项目录。
          - 重大决策草案公开征求意见时间不少于30日。
        lead: [县司法局]
        responsible: [县直各部门]
        deadlines:
          - {date: 2022-06-30, phrase: 2022年6月底前, what: 公布年度重大行政决策事项目录}
      - id: "1.3"
        title: 加强政策解读
        requirement:
          - 县政府办公室每季度至少组织1次政策解读活动，提供7*24小时在线咨询。
        lead: [县政府办公室]
        responsible: [县直各部门, 各乡（镇、街道）]
        deadlines:
          - {date: 2022-03-31, phrase: 每季度, what: 组织政策解读活动, units: [县政府办公室]}
          - {date: 2022-06-30, phrase: 每季度, what: 组织政策解读活动, units: [县政府办公室]}
          - {date: 2022-09-30, phrase: 每季度, what: 组织政策解读活动, units: [县政府办公室]}
          - {date: 2022-12-31, phrase: 每季度, what: 组织政策解读活动, units: [县政府办公室]}
  - number: 2
    title: 加强政务公开平台建设
    tasks:
      - id: "2.1"
        title: 优化政府网站
        requirement:
          - 县大数据中心要于2022年12月底前完成政府网站适老化改造。
        lead: [县大数据中心]
        deadlines:
          - {date: 2022-12-31, phrase: 2022年12月底前, what: 完成政府网站适老化改造, units: [县大数据中心]}
      - id: "2.2"
        title: 规范政务新媒体
        requirement:
          - 对不符合运营规范的政务新媒体及时清理整合
        responsible: [县融媒体中心]
  - number: 3
    title: 强化保障
    tasks:
      - id: "3.1"
        title: 强化考核
        requirement:
          - 将政务公开工作纳入年度绩效考核，年内开展1次专项检查。
        lead: [县政府办公室]
        responsible: [县财政局, 县人社局]
        deadlines:
          - {date: 2022-12-31, phrase: 年内, what: 开展1次专项检查}
"""


@pytest.fixture
def county(tmp_path: Path) -> Path:
    root = tmp_path / "county"
    (root / "plan").mkdir(parents=True)
    (root / "plan" / "units.yaml").write_text(UNITS, encoding="utf-8")
    (root / "plan" / "2022.yaml").write_text(PLAN, encoding="utf-8")
    (root / "plan" / "workspace.yaml").write_text("script: simplified\n", encoding="utf-8")
    return root


def test_the_county_plan_is_valid(gd, county: Path) -> None:
    result = gd("validate", root=county)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "3 sections, 5 tasks, 7 deadlines, 1 milestone" in result.stdout


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_another_countys_plan_comes_back(gd, county: Path, fmt: str) -> None:
    got = read_back(gd, county, fmt, 2022)
    assert_same_plan(load_plan(find_workspace(county), 2022), got)
    # The notice's own number, its number-less basis, a task number it skips (1.2), a unit
    # alone (负责), a requirement without its closing 。 and Markdown's * all come back.
    assert got.notice.document_number == "某政办发〔2022〕12号"
    assert got.notice.basis == Basis("某市2022年政务公开工作要点", None)
    assert [t.id for t in got.tasks()] == ["1.1", "1.3", "2.1", "2.2", "3.1"]
    assert got.tasks()[3].responsible == ("县融媒体中心",) and got.tasks()[3].lead == ()
    assert "7*24小时" in got.tasks()[1].requirement[0]


def test_the_county_notice_says_what_the_plan_says(gd, county: Path) -> None:
    md = gd("plan", "render", root=county).stdout
    assert md.startswith(
        "某政办发〔2022〕12号\n\n# 某县人民政府办公室关于印发某县2022年政务公开工作要点任务分解方案的通知\n"
    )
    assert "\n各乡（镇）人民政府、街道办事处，县直各部门：\n" in md
    assert "\n为贯彻落实好《某市2022年政务公开工作要点》，现将《某县2022年" in md
    assert (
        "请各乡（镇）人民政府、街道办事处、县直各部门于2022年12月10日前将年度工作总结报送县政府办公室政务公开股。"
        in md
    )
    assert "| 3.加强政策解读 | 县政府办公室每季度至少组织1次政策解读活动，提供7\\*24小时在线咨询。 | 县政府办公室牵头，县直各部门、各乡（镇、街道）按照职责分工负责 |" in md  # fmt: skip
    assert (
        "| 2.规范政务新媒体 | 对不符合运营规范的政务新媒体及时清理整合 | 县融媒体中心负责 |" in md
    )
    assert "| 1.强化考核 | 将政务公开工作纳入年度绩效考核，年内开展1次专项检查。 | 县政府办公室牵头，县财政局、县人社局按照职责分工负责 |" in md  # fmt: skip
