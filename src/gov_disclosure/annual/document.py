"""A unit's or the county's annual report as a view, ready for a template.

Section 一 carries the year's plan as the notice demands (「落实完成情况，要纳入
政府信息公开工作年度报告」): the paragraph and the tasks' statuses of ``gd report
render`` for the same unit (or the county) as of 31 December, computed by
:func:`gov_disclosure.documents.views.report`, not again here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gov_disclosure.annual.collect import check_year
from gov_disclosure.annual.county import County, compile_county
from gov_disclosure.annual.figures import completed, figures
from gov_disclosure.annual.formats import SECTIONS, Format
from gov_disclosure.annual.loading import AnnualReport, Table
from gov_disclosure.annual.view import (
    AnnualView,
    PlanPart,
    keyed,
    labels,
    paragraphs,
    table2,
    table3,
    table4,
)
from gov_disclosure.constants import COUNTY_PREFIXES
from gov_disclosure.dates import chinese_date
from gov_disclosure.errors import Problem, raise_if_errors
from gov_disclosure.models import Unit, UnitKind
from gov_disclosure.plan.units import UnitIndex
from gov_disclosure.storage.workspace import Workspace

PLAN_COLUMNS = ["编号", "工作任务", "落实情况", "已完成/应完成"]


def year_end(year: int) -> dt.date:
    """The day the report's figures stand at (F2021: 「各项数据核定时间点为报告年度的12月31日」)."""
    return dt.date(year, 12, 31)


def plan_part(ws: Workspace, year: int, unit: Unit | None) -> PlanPart:
    """Section 一's account of the year's plan, for a unit or (None) the whole county."""
    if year not in ws.years():
        return {
            "heading": "政务公开工作方案落实情况",
            "summary": f"{year}年没有政务公开工作方案（plan/{year}.yaml），本节无方案落实情况。",
            "columns": PLAN_COLUMNS,
            "tasks": [],
        }
    from gov_disclosure.documents import views
    from gov_disclosure.index.plans import open_plan
    from gov_disclosure.index.progress import progress_as_of

    plans = open_plan(ws, year)
    loaded = plans.whole()
    book, _ = progress_as_of(plans, year_end(year))
    view = views.report(loaded, book, year_end(year), None, unit)
    tasks = [t for s in view["sections"] for t in s["tasks"]]
    # The figures of `gd report render`, with its date written as official documents write it.
    summary = view["overview"]["summary"].replace(view["as_of"], chinese_date(year_end(year)))
    if unit is not None and not tasks:
        summary = f"{unit.name}在{year}年方案中没有任务。"
    return {
        "heading": f"落实《{loaded.plan.notice.title}》情况",
        "summary": summary,
        "columns": PLAN_COLUMNS,
        "tasks": [
            {
                "id": t["id"],
                "title": t["title"],
                "status_label": t["status_label"],
                "closed": t["closed"],
                "assigned": t["assigned"],
            }
            for t in tasks
        ],
    }


#: How a county government's office is named at the end of its name (either script).
_OFFICES = ("人民政府办公室", "人民政府辦公室")


@dataclass(frozen=True)
class Issuer:
    """The county a workspace serves and its office, which compiles the county's report."""

    county: str
    office: str


def issuer_of(ws: Workspace, units: UnitIndex) -> Issuer:
    """The county (``plan/workspace.yaml``'s ``county``, else the one its documents' issuer
    names) and the office (the settings' ``issuer``, else the newest plan's)."""
    from gov_disclosure.index.plans import open_plan

    office = None
    if ws.years():
        office = open_plan(ws).header.issuer
    county = units.county or next(
        (office[: -len(s)] for s in _OFFICES if office and office.endswith(s)), None
    )
    county = county or COUNTY_PREFIXES[0]
    return Issuer(county, office or f"{county}{_OFFICES[0]}")


def unit_author(unit: Unit, county: str) -> str:
    """How a unit signs its report: 師宗縣衛生健康局, 師宗縣雄壁鎮."""
    name = unit.full_name or unit.name
    if name.startswith((*COUNTY_PREFIXES, county)):
        return name
    if name.startswith(("縣", "县")) and county.endswith(("縣", "县")):
        return county + name[1:]
    if unit.kind in (UnitKind.township, UnitKind.subdistrict):
        return county + name
    return name


def _view(
    fmt: Format, year: int, tables: dict[str, Table], head: tuple[str, str, dt.date]
) -> AnnualView:
    title, author, day = head
    cells = keyed(fmt, tables)
    return {
        "kind": "annual",
        "title": title,
        "author": author,
        "date": chinese_date(day),
        "year": year,
        "format": {"id": fmt.id, "document": fmt.document, "title": fmt.title},
        "headings": dict(SECTIONS),
        "overview": [],
        "plan": {"heading": "", "summary": "", "columns": [], "tasks": []},
        "compilation": [],
        "table2": table2(fmt, tables["table2"]),
        "table3": table3(fmt, tables["table3"]),
        "table4": table4(tables["table4"]),
        "problems": [],
        "other": [],
        "t2": cells["t2"],
        "t3": cells["t3"],
        "t4": cells["t4"],
        "label": labels(fmt),
    }


def unit_view(report: AnnualReport, plan: PlanPart, issuer: Issuer) -> AnnualView:
    """A unit's report: its tables as typed, its texts with their figures filled in."""
    named = figures(report.format, completed(report))
    author = report.author or unit_author(report.unit, issuer.county)
    title = report.title or f"{author}{report.year}年政府信息公开工作年度报告"
    day = report.date or dt.date(report.year + 1, 1, 31)
    view = _view(report.format, report.year, report.tables, (title, author, day))
    view["overview"] = paragraphs(report.texts.get("overview"), named)
    view["problems"] = paragraphs(report.texts.get("problems"), named)
    view["other"] = paragraphs(report.texts.get("other"), named)
    view["plan"] = plan
    return view


def county_view(county: County, plan: PlanPart, issuer: Issuer) -> AnnualView:
    """The county's compiled report: summed tables, the units' texts under their names."""
    title = f"{issuer.county}{county.year}年政府信息公开工作年度报告"
    head = (title, issuer.office, dt.date(county.year + 1, 2, 20))
    view = _view(county.format, county.year, county.tables, head)
    view["compilation"] = compilation(county, issuer.office)
    view["plan"] = plan
    for key in ("problems", "other"):
        view[key] = [
            f"{r.unit.name}：{p}"
            for r in county.counted
            for p in paragraphs(r.texts.get(key), figures(r.format, completed(r)))
        ]
    return view


def compilation(county: County, office: str) -> list[str]:
    """Who the county's tables count, and who they leave out (never silently)."""
    lines = [
        f"本报告由{office}汇总{len(county.counted)}个单位的"
        f"{county.year}年政府信息公开工作年度报告编制而成，各表数据为各单位报表逐项相加。"
    ]
    if county.missing:
        lines.append(
            f"未报送年度报告、未计入汇总的单位（{len(county.missing)}个）："
            f"{'、'.join(county.missing)}。"
        )
    if county.failing:
        lines.append(
            f"年度报告未通过核对、未计入汇总的单位（{len(county.failing)}个）："
            f"{'、'.join(county.failing)}。"
        )
    return lines


@dataclass(frozen=True)
class Built:
    """A report's view, its format, its date (落款) and the warnings met on the way."""

    view: AnnualView
    format: Format
    date: dt.date
    warnings: list[Problem] = field(default_factory=list)


def unit_document(ws: Workspace, units: UnitIndex, year: int, unit: Unit) -> Built:
    """A unit's report; one that fails a check is refused (its problems are raised)."""
    found = check_year(ws, units, year, only=unit).files[0]
    raise_if_errors(found.problems)
    report = found.report
    assert report is not None
    view = unit_view(report, plan_part(ws, year, unit), issuer_of(ws, units))
    day = report.date or dt.date(year + 1, 1, 31)
    return Built(view, report.format, day, found.problems)


def county_document(ws: Workspace, units: UnitIndex, year: int) -> Built:
    """The county's report, with the units it leaves out named in it and in the warnings."""
    county = compile_county(check_year(ws, units, year), units)
    view = county_view(county, plan_part(ws, year, None), issuer_of(ws, units))
    warnings = []
    if county.missing:
        names = "、".join(county.missing)
        warnings.append(Problem(f"no {year} report, not counted: {names}", severity="warning"))
    if county.failing:
        names = "、".join(county.failing)
        warnings.append(Problem(f"fails a check, not counted: {names}", severity="warning"))
    warnings += [Problem(f"county sums: {n}", severity="warning") for n in county.notes]
    return Built(view, county.format, dt.date(year + 1, 2, 20), warnings)
