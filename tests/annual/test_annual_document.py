"""`gd annual render`: both formats in md, html and docx, the §6 labels in order, numbers read back."""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from annual_fixtures import annual_workspace, in_order, write

from conftest import REPO

# The reference's §6 lists (shared/reference/annual-report-and-requests.md), verbatim.
SECTIONS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]
T3_HEAD = [
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "总计",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
]
ROWS_BEFORE_OTHER = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（三）不予公开",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "（四）无法提供",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "（五）不予处理",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
]
ROWS_AFTER_OTHER = ["（七）总计", "四、结转下年度继续办理"]
OTHER_ROWS = {
    2020: ["（六）其他处理"],
    2021: [
        "（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
    ],
}
T4 = [
    "行政复议",
    "行政诉讼",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "总计",
    "未经复议直接起诉",
    "复议后起诉",
]
TABLE2 = {
    2020: [
        "第二十条第（一）项", "本年新制作数量", "本年新公开数量", "对外公开总数量", "规章", "规范性文件",
        "第二十条第（五）项", "上一年项目数量", "本年增/减", "处理决定数量", "行政许可", "其他对外管理服务事项",
        "第二十条第（六）项", "行政处罚", "行政强制", "第二十条第（八）项", "行政事业性收费",
        "第二十条第（九）项", "采购项目数量", "采购总金额", "政府集中采购",
    ],
    2021: [
        "第二十条第（一）项", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "行政规范性文件",
        "第二十条第（五）项", "本年处理决定数量", "行政许可", "第二十条第（六）项", "行政处罚", "行政强制",
        "第二十条第（八）项", "本年收费金额（单位：万元）", "行政事业性收费",
    ],
}  # fmt: skip

REPORT_2021 = """\
unit: 县卫健局
year: 2021
overview: 2021年新收政府信息公开申请{{ t3.new.total }}件。
table2:
  regulations:    {issued: 0, repealed: 0, in_force: 0}
  normative_docs: {issued: 3, repealed: 1, in_force: 11}
  licensing:      {decisions: 310}
  punishment:     {decisions: 25}
  coercion:       {decisions: 2}
  fees:           {amount: 12.35}
table3:
  r1_new:         {natural: 5, biz: 1, total: 6}
  r2_carried_in:  {natural: 1, total: 1}
  r3_1_open:      {natural: 3, biz: 1, total: 4}
  r3_6_1:         {natural: 1, total: 1}
  r3_6_3:         {natural: 1, total: 1}
  r3_7_total:     {natural: 5, biz: 1, total: 6}
  r4_carried_out: {natural: 1, total: 1}
table4:
  review:            {upheld: 1, total: 1}
  suit_direct:       {pending: 1, total: 1}
  suit_after_review: {total: 0}
problems: 无。
other: 本年度未收取信息处理费。
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The bundled workspace with its example reports, and a 2021 report (no 2021 plan)."""
    root = annual_workspace(tmp_path / "an", "progress", "annual", "requests")
    write(root, 2021, "health", REPORT_2021)
    return root


def report_file(root: Path, year: int) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((root / "annual" / str(year) / "health.yaml").read_text("utf-8"))


def render(gd, root: Path, year: int, fmt: str, tmp_path: Path, *more: str) -> str:  # type: ignore[no-untyped-def]
    args = ["annual", "render", "--unit", "县卫健局", "--year", str(year), "-f", fmt, *more]
    if fmt == "docx":
        out = tmp_path / f"{year}.docx"
        result = gd(*args, "-o", str(out), root=root)
        assert result.exit_code == 0, result.stderr
        return docx_text(out.read_bytes())
    result = gd(*args, root=root)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def docx_text(data: bytes) -> str:
    """The text of a .docx in document order (a merged cell once, as Word stores it)."""
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    return "\n".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
@pytest.mark.parametrize("year", [2020, 2021])
def test_every_label_of_the_reference_in_order(
    gd, root: Path, tmp_path: Path, year: int, fmt: str
) -> None:
    text = render(gd, root, year, fmt, tmp_path, "--script", "simplified")
    in_order(text, SECTIONS)
    body = text.split(SECTIONS[1], 1)[1]
    in_order(body, TABLE2[year])
    in_order(body, [*T3_HEAD, *ROWS_BEFORE_OTHER, *OTHER_ROWS[year], *ROWS_AFTER_OTHER, *T4])
    # Table 四's header as the official template runs it: both blocks, then their columns.
    columns = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    header = [
        "行政复议",
        "行政诉讼",
        *columns,
        "未经复议直接起诉",
        "复议后起诉",
        *columns,
        *columns,
    ]
    in_order(body.split(SECTIONS[3], 1)[1], header)
    if year == 2021:
        assert "政府集中采购" not in text and "（六）其他处理（" not in text


def test_the_default_script_is_the_workspaces(gd, root: Path, tmp_path: Path) -> None:
    text = render(gd, root, 2020, "md", tmp_path)
    assert "## 三、收到和處理政府信息公開申請情況" in text and "法人或其他組織" in text
    simplified = render(gd, root, 2020, "md", tmp_path, "--script", "simplified")
    assert "## 三、收到和处理政府信息公开申请情况" in simplified and "县卫健局" in simplified


class Tables(HTMLParser):
    """Each <table> as rows of (label cells, value cells) texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[tuple[list[str], list[str]]]] = []
        self.cell: list[str] | None = None
        self.kind = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append(([], []))
        elif tag in ("th", "td") and self.tables:
            self.cell, self.kind = [], tag

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self.cell is not None:
            heads, values = self.tables[-1][-1]
            (heads if self.kind == "th" else values).append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def shown(value: object, unit: str = "") -> str:
    return "" if value is None else f"{value}{unit}"


def register_counts(root: Path, year: int) -> dict:  # type: ignore[type-arg]
    """Table 三 as 縣衛健局's request register counts it."""
    from gov_disclosure.requests import table3_counts
    from gov_disclosure.storage.workspace import Workspace

    counts = table3_counts(Workspace(root), "縣衛健局", year)
    assert counts is not None
    return counts


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("year", [2020, 2021])
def test_the_tables_read_back_to_the_same_numbers(
    gd, root: Path, tmp_path: Path, year: int, fmt: str
) -> None:
    from gov_disclosure.annual.formats import T3_COLUMNS, T4_BLOCKS, T4_COLUMNS, format_for_year

    parser = Tables()
    parser.feed(render(gd, root, year, fmt, tmp_path))
    annual = [t for t in parser.tables if any(values for _, values in t)][-3:]
    table2, table3, table4 = annual
    data = report_file(root, year)
    fmt_ = format_for_year(year)
    assert fmt_ is not None
    rows3 = [values for _, values in table3 if values]
    assert len(rows3) == len(fmt_.table3_rows)
    numbers = data.get("table3") or register_counts(root, year)  # not typed: the register's
    for row, values in zip(fmt_.table3_rows, rows3, strict=True):
        typed = numbers.get(row.key) or {}
        assert values == [shown(typed.get(c.key)) for c in T3_COLUMNS], row.key
    assert [values for _, values in table4 if values] == [
        [shown((data["table4"].get(b.key) or {}).get(c.key)) for b in T4_BLOCKS for c in T4_COLUMNS]
    ]
    rows2 = [(heads[0], values) for heads, values in table2 if values]
    expected = [
        (r.label, [shown((data["table2"].get(r.key) or {}).get(c.key), c.unit if c.unit and c.unit not in c.label else "") for c in b.columns])
        for b in fmt_.table2 for r in b.rows
    ]  # fmt: skip
    from gov_disclosure.textnorm import to_traditional

    assert rows2 == [(to_traditional(label), values) for label, values in expected]


def test_the_docx_has_the_merged_header_cells(gd, root: Path, tmp_path: Path) -> None:
    import docx

    render(gd, root, 2020, "docx", tmp_path, "--script", "simplified")
    document = docx.Document(str(tmp_path / "2020.docx"))
    table3 = next(t for t in document.tables if t.cell(0, 3).text == "申请人情况")
    assert table3.cell(0, 3)._tc is table3.cell(0, 9)._tc  # 申请人情况 over 7 columns
    assert (
        table3.cell(1, 4).text == "法人或其他组织"
        and table3.cell(1, 4)._tc is table3.cell(1, 8)._tc
    )
    assert table3.cell(1, 3).text == "自然人" and table3.cell(2, 3).text == "自然人"  # down 2 rows
    assert [table3.cell(2, j).text for j in range(4, 9)] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    table4 = next(t for t in document.tables if t.cell(0, 0).text == "行政复议")
    assert table4.cell(0, 5).text == "行政诉讼" and table4.cell(0, 5)._tc is table4.cell(0, 14)._tc
    assert table4.cell(1, 5).text == "未经复议直接起诉" and table4.cell(1, 10).text == "复议后起诉"
    assert [table4.cell(3, j).text for j in range(15)] == ["1", "0", "0", "0", "1", *["0"] * 10]
    xml = zipfile.ZipFile(tmp_path / "2020.docx").read("word/document.xml").decode()
    assert "<w:tblHeader/>" in xml and "<w:cantSplit/>" in xml
    footer = zipfile.ZipFile(tmp_path / "2020.docx").read("word/footer1.xml").decode()
    assert "— " in footer and 'w:instr="PAGE"' in footer
    assert "2021年1月29日" in docx_text((tmp_path / "2020.docx").read_bytes())


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_the_same_inputs_give_the_same_bytes(gd, root: Path, tmp_path: Path, fmt: str) -> None:
    outputs = []
    for n in (1, 2):
        out = tmp_path / f"{n}.{fmt}"
        assert (
            gd("annual", "render", "--county", "-f", fmt, "-o", str(out), root=root).exit_code == 0
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_section_one_has_the_figures_of_gd_report_render(gd, root: Path, tmp_path: Path) -> None:
    annual = render(gd, root, 2020, "md", tmp_path)
    report = gd("report", "render", "--unit", "县卫健局", "--as-of", "2020-12-31", root=root).stdout
    summary = next(line for line in report.splitlines() if line.startswith("本方案共"))
    assert "截至2020年12月31日，" in summary  # the same sentence, the same figures
    assert summary in annual
    assert "| 2.4 | 深入推進基層政務公開標準化規範化 | 已完成 | 1/1 |" in annual
    county = gd("annual", "render", "--county", root=root).stdout
    whole = gd("report", "render", "--as-of", "2020-12-31", root=root).stdout
    summary = next(line for line in whole.splitlines() if line.startswith("本方案共"))
    assert summary in county


def test_without_a_plan_section_one_says_so(gd, root: Path, tmp_path: Path) -> None:
    text = render(gd, root, 2021, "md", tmp_path, "--script", "simplified")
    assert "2021年没有政务公开工作方案（plan/2021.yaml），本节无方案落实情况。" in text
    assert "2021年新收政府信息公开申请6件。" in text


def test_a_report_that_fails_a_check_is_not_rendered(gd, root: Path, tmp_path: Path) -> None:
    path = root / "annual" / "2021" / "health.yaml"
    path.write_text(
        REPORT_2021.replace("{natural: 5, biz: 1, total: 6}", "{natural: 5, biz: 1, total: 7}", 1),
        "utf-8",
    )
    out = tmp_path / "no.docx"
    result = gd(
        "annual",
        "render",
        "--unit",
        "县卫健局",
        "--year",
        "2021",
        "-f",
        "docx",
        "-o",
        str(out),
        root=root,
    )
    assert result.exit_code == 1 and "(T3-C)" in result.stderr
    assert not out.exists()


def test_unit_or_county(gd, root: Path) -> None:
    both = gd("annual", "render", "--unit", "县卫健局", "--county", root=root)
    neither = gd("annual", "render", root=root)
    assert both.exit_code == neither.exit_code == 2
    assert "give either --unit NAME or --county" in both.stderr


def test_the_example_reports_pass_every_check(gd) -> None:
    """The bundled examples, as `make demo` runs them."""
    for year in ("2019", "2020"):
        result = gd("annual", "check", "--year", year, root=REPO)
        assert result.exit_code == 0, result.stderr
        assert result.stderr == ""
    for path in (REPO / "annual").rglob("*.yaml"):
        assert "EXAMPLE" in path.read_text("utf-8").splitlines()[0], path


def test_text_stays_text(gd, root: Path, tmp_path: Path) -> None:
    """A report's texts are data: escaped in every format, never run as a template
    (a ``{{ … }}`` that names no figure is refused: see test_annual_figures)."""
    nasty = "<script>alert(1)</script> | **粗** {{ 7*7 {% raw %}"
    report = REPORT_2021.replace("problems: 无。", f"problems: '{nasty}'")
    (root / "annual" / "2021" / "health.yaml").write_text(report, "utf-8")
    md = render(gd, root, 2021, "md", tmp_path, "--script", "simplified")
    assert "\\<script\\>alert(1)\\</script\\> \\| \\*\\*粗\\*\\* {{ 7\\*7 {% raw %}" in md
    html = render(gd, root, 2021, "html", tmp_path, "--script", "simplified")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | **粗** {{ 7*7 {% raw %}" in html
    assert "<script>" not in html
    assert "{{ 7*7 {% raw %}" in render(gd, root, 2021, "docx", tmp_path, "--script", "simplified")


def test_the_county_is_the_workspaces(root: Path) -> None:
    """Another county's workspace (plan/workspace.yaml names it and its office): the county's
    report is its own, and a unit named 縣… signs with that county's name."""
    from gov_disclosure import api

    (root / "plan" / "workspace.yaml").write_text(
        "county: 羅平縣\nissuer: 羅平縣人民政府辦公室\n", encoding="utf-8"
    )
    county = api.annual_render(root=root, county=True, year=2020, script="simplified")
    assert county.view["title"] == "罗平县2020年政府信息公开工作年度报告"
    assert county.view["author"] == "罗平县人民政府办公室"
    assert "本报告由罗平县人民政府办公室汇总" in county.view["compilation"][0]
    unit = api.annual_render(root=root, unit="县卫健局", year=2020, script="simplified")
    assert unit.view["author"].startswith("罗平县")
