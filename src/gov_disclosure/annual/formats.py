"""The two national formats of the annual report: headings, rows, columns, labels.

Labels are verbatim from the official texts (simplified characters, as the
national documents write them): 国办公开办函〔2019〕60号 (trial format, report
years 2019 and 2020) and 国办公开办函〔2021〕30号 (report years 2021 on).  Keys
are stable ASCII; those of tables 三 and 四 are the reference's §6 lists, so
every office's files read alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class CellKind(StrEnum):
    """What a cell may hold."""

    #: A whole number ≥ 0 (applications, cases, documents, decisions).
    whole = "whole"
    #: A whole number that may be negative (F2019's 本年增/减).
    signed = "signed"
    #: A sum of money ≥ 0, in the column's unit; decimals allowed.
    amount = "amount"


@dataclass(frozen=True)
class Heading:
    """What a row or a column is: its key in the report files, its label in the tables."""

    key: str
    label: str


@dataclass(frozen=True)
class Column(Heading):
    kind: CellKind = CellKind.whole
    #: The unit of an amount (元, 万元).
    unit: str | None = None
    #: The header cell spanning this one (法人或其他组织).
    group: str | None = None


@dataclass(frozen=True)
class Row(Heading):
    #: The label cell spanning this row and its siblings (（三）不予公开).
    group: str | None = None
    #: A result row of table 三 (one of the addends of 三（七）总计).
    result: bool = False
    #: How messages name the row: 三（三）1.属于国家秘密.
    short: str = ""

    @property
    def name(self) -> str:
        return self.short or self.label


@dataclass(frozen=True)
class Block:
    """One item of table 二 (第二十条第（一）项 …): its columns and rows."""

    item: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Format:
    """One national format, 国办公开办函〔YEAR〕N号 (its id: YEAR-N): which years it covers,
    table 二's items, table 三's rows."""

    id: str
    first_year: int
    last_year: int | None
    table2: tuple[Block, ...]
    table3_rows: tuple[Row, ...]
    #: What each text section should report, from the format's own guidance.
    prompts: dict[str, str]
    #: 总体情况's length limit in characters (F2021: 篇幅原则上不超过一千字).
    overview_limit: int | None = None
    #: Issued for trial (试行).
    trial: bool = False

    @property
    def document(self) -> str:
        """The notice that issued it: 国办公开办函〔2019〕60号."""
        year, number = self.id.split("-")
        return f"国办公开办函〔{year}〕{number}号"

    @property
    def title(self) -> str:
        return "中华人民共和国政府信息公开工作年度报告格式" + ("（试行）" if self.trial else "")

    @property
    def years(self) -> str:
        return f"{self.first_year}–{self.last_year}" if self.last_year else f"{self.first_year} on"

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def table2_rows(self) -> dict[str, tuple[Block, Row]]:
        return {row.key: (block, row) for block in self.table2 for row in block.rows}

    @property
    def result_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.table3_rows if r.result)


# ---- what both formats share ---------------------------------------------------------

#: The six headings, with the key of the text or table under each.
SECTIONS = (
    ("overview", "一、总体情况"),
    ("table2", "二、主动公开政府信息情况"),
    ("table3", "三、收到和处理政府信息公开申请情况"),
    ("table4", "四、政府信息公开行政复议、行政诉讼情况"),
    ("problems", "五、存在的主要问题及改进情况"),
    ("other", "六、其他需要报告的事项"),
)
TEXT_KEYS = ("overview", "problems", "other")

T3_HEADER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS = "申请人情况"
ORGS = "法人或其他组织"
RESULTS = "三、本年度办理结果"


def _columns(*pairs: tuple[str, str], group: str | None = None) -> tuple[Column, ...]:
    return tuple(Column(key, label, group=group) for key, label in pairs)


def _rows(*pairs: tuple[str, str]) -> tuple[Row, ...]:
    return tuple(Row(key, label) for key, label in pairs)


#: The last column of tables 三 and 四: the sum of the others.
_TOTAL = Column("total", "总计")


def _addends(columns: tuple[Column, ...]) -> tuple[str, ...]:
    """The keys of the columns whose sum is 总计."""
    return tuple(c.key for c in columns if c is not _TOTAL)


T3_COLUMNS = (
    Column("natural", "自然人"),
    *_columns(
        ("biz", "商业企业"),
        ("research", "科研机构"),
        ("ngo", "社会公益组织"),
        ("legal", "法律服务机构"),
        ("other_org", "其他"),
        group=ORGS,
    ),
    _TOTAL,
)
#: The six applicant columns whose sum is 总计 (T3-C).
T3_APPLICANT_KEYS = _addends(T3_COLUMNS)


def _results(group: str, rows: tuple[tuple[str, str], ...]) -> list[Row]:
    """A group of table 三's results (key, label); messages name each row after the group's
    number: 三（三）1.属于国家秘密."""
    number = group[: group.index("）") + 1]
    return [
        Row(key, label, group=group, result=True, short=f"三{number}{label}") for key, label in rows
    ]


ROWS_BEFORE_OTHER = (
    Row("r1_new", "一、本年新收政府信息公开申请数量", short="一、本年新收"),
    Row("r2_carried_in", "二、上年结转政府信息公开申请数量", short="二、上年结转"),
    Row("r3_1_open", "（一）予以公开", result=True, short="三（一）予以公开"),
    Row(
        "r3_2_partial",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        result=True,
        short="三（二）部分公开",
    ),
    *_results(
        "（三）不予公开",
        (
            ("r3_3_1", "1.属于国家秘密"),
            ("r3_3_2", "2.其他法律行政法规禁止公开"),
            ("r3_3_3", "3.危及“三安全一稳定”"),
            ("r3_3_4", "4.保护第三方合法权益"),
            ("r3_3_5", "5.属于三类内部事务信息"),
            ("r3_3_6", "6.属于四类过程性信息"),
            ("r3_3_7", "7.属于行政执法案卷"),
            ("r3_3_8", "8.属于行政查询事项"),
        ),
    ),
    *_results(
        "（四）无法提供",
        (
            ("r3_4_1", "1.本机关不掌握相关政府信息"),
            ("r3_4_2", "2.没有现成信息需要另行制作"),
            ("r3_4_3", "3.补正后申请内容仍不明确"),
        ),
    ),
    *_results(
        "（五）不予处理",
        (
            ("r3_5_1", "1.信访举报投诉类申请"),
            ("r3_5_2", "2.重复申请"),
            ("r3_5_3", "3.要求提供公开出版物"),
            ("r3_5_4", "4.无正当理由大量反复申请"),
            ("r3_5_5", "5.要求行政机关确认或重新出具已获取信息"),
        ),
    ),
)
ROWS_AFTER_OTHER = (
    Row("r3_7_total", "（七）总计", short="三（七）总计"),
    Row("r4_carried_out", "四、结转下年度继续办理", short="四、结转下年度"),
)
T4_REVIEW = "行政复议"
T4_SUIT = "行政诉讼"
T4_BLOCKS = (
    Row("review", T4_REVIEW, short=T4_REVIEW),
    Row("suit_direct", "未经复议直接起诉", group=T4_SUIT, short="行政诉讼·未经复议直接起诉"),
    Row("suit_after_review", "复议后起诉", group=T4_SUIT, short="行政诉讼·复议后起诉"),
)
T4_COLUMNS = (
    *_columns(
        ("upheld", "结果维持"),
        ("corrected", "结果纠正"),
        ("other", "其他结果"),
        ("pending", "尚未审结"),
    ),
    _TOTAL,
)
T4_ADDEND_KEYS = _addends(T4_COLUMNS)


def _item(number: str) -> str:
    """An item of table 二, by the article's number: 第二十条第（一）项."""
    return f"第二十条第（{number}）项"


_PUNISH = _rows(("punishment", "行政处罚"), ("coercion", "行政强制"))


#: What 五、存在的主要问题及改进情况 should report, in both formats.
_PROBLEMS = "本机关上一年度政府信息公开工作中存在的主要问题及改进情况；实事求是、明确具体。"


def _national(
    number: str,
    years: tuple[int, int | None],
    table2: tuple[Block, ...],
    other: tuple[Row, ...],
    prompts: tuple[str, str],
    *,
    trial: bool = False,
    overview_limit: int | None = None,
) -> Format:
    """The format of 国办公开办函〔YEAR〕N号 (``number`` YEAR-N) for report ``years`` (first,
    last): its table 二, table 三 with its own （六） rows (``other``), and what its overview
    and its other matters should report (``prompts``); the rest both formats share."""
    overview, other_matters = prompts
    return Format(
        id=number,
        first_year=years[0],
        last_year=years[1],
        table2=table2,
        table3_rows=(*ROWS_BEFORE_OTHER, *other, *ROWS_AFTER_OTHER),
        prompts={"overview": overview, "problems": _PROBLEMS, "other": other_matters},
        overview_limit=overview_limit,
        trial=trial,
    )


# ---- 国办公开办函〔2019〕60号 (试行): report years 2019 and 2020 --------------------

_LAST_YEAR = Column("last_year", "上一年项目数量")
_CHANGE = Column("change", "本年增/减", CellKind.signed)
_DECISIONS_2019 = Column("decisions", "处理决定数量")

F2019 = _national(
    "2019-60",
    (2019, 2020),
    trial=True,
    table2=(
        Block(
            _item("一"),
            _columns(
                ("made", "本年新制作数量"),
                ("published", "本年新公开数量"),
                ("total_public", "对外公开总数量"),
            ),
            _rows(("regulations", "规章"), ("normative_docs", "规范性文件")),
        ),
        Block(
            _item("五"),
            (_LAST_YEAR, _CHANGE, _DECISIONS_2019),
            _rows(("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")),
        ),
        Block(_item("六"), (_LAST_YEAR, _CHANGE, _DECISIONS_2019), _PUNISH),
        Block(_item("八"), (_LAST_YEAR, _CHANGE), _rows(("fees", "行政事业性收费"))),
        Block(
            _item("九"),
            (
                Column("projects", "采购项目数量"),
                # The format gives no unit; gd records 元 (a published 2019 report: 251000元).
                Column("amount", "采购总金额", CellKind.amount, unit="元"),
            ),
            _rows(("procurement", "政府集中采购")),
        ),
    ),
    other=(Row("r3_6", "（六）其他处理", result=True, short="三（六）其他处理"),),
    prompts=(
        "本机关上一年度政府信息公开工作总体情况：主动公开、依申请公开、政府信息管理、"
        "平台建设、监督保障等方面。",
        "本机关认为需要报告的其他事项，以及其他有关文件专门要求通过年度报告予以报告的事项。",
    ),
)

# ---- 国办公开办函〔2021〕30号: report years 2021 on ------------------------------------

_DECISIONS_2021 = Column("decisions", "本年处理决定数量")
_OTHER = "（六）其他处理"

F2021 = _national(
    "2021-30",
    (2021, None),
    table2=(
        Block(
            _item("一"),
            _columns(
                ("issued", "本年制发件数"),
                ("repealed", "本年废止件数"),
                ("in_force", "现行有效件数"),
            ),
            _rows(("regulations", "规章"), ("normative_docs", "行政规范性文件")),
        ),
        Block(_item("五"), (_DECISIONS_2021,), _rows(("licensing", "行政许可"))),
        Block(_item("六"), (_DECISIONS_2021,), _PUNISH),
        Block(
            _item("八"),
            (Column("amount", "本年收费金额（单位：万元）", CellKind.amount, unit="万元"),),
            _rows(("fees", "行政事业性收费")),
        ),
    ),
    other=(
        Row(
            "r3_6_1",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            group=_OTHER,
            result=True,
            short="三（六）1.逾期不补正",
        ),
        Row(
            "r3_6_2",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            group=_OTHER,
            result=True,
            short="三（六）2.逾期未缴费",
        ),
        Row("r3_6_3", "3.其他", group=_OTHER, result=True, short="三（六）3.其他"),
    ),
    prompts=(
        "本机关上一年度政府信息公开工作总体情况，聚焦主题、简明客观，篇幅原则上不超过一千字。",
        "其他需要报告的事项；收取信息处理费情况在此处报告。",
    ),
    overview_limit=1000,
)

FORMATS = (F2019, F2021)


def format_for_year(year: int) -> Format | None:
    """The format the national notices prescribe for a report year (None before 2019)."""
    return next((f for f in FORMATS if f.covers(year)), None)


def format_by_id(format_id: str) -> Format | None:
    return next((f for f in FORMATS if f.id == format_id), None)


def no_format_message(year: int) -> str:
    return (
        f"no known format for report year {year}: the national format starts with report "
        f"year {F2019.first_year} ({F2019.document})"
    )


def describe(fmt: Format) -> str:
    """A format as messages name it: 2019-60 (国办公开办函〔2019〕60号, report years 2019–2020)."""
    return f"{fmt.id} ({fmt.document}, report years {fmt.years})"


def layout(fmt: Format) -> dict[str, dict[str, tuple[Column, ...]]]:
    """Each table's rows (by key, in the format's order) with the columns each one has."""
    return {
        "table2": {r.key: b.columns for b in fmt.table2 for r in b.rows},
        "table3": {r.key: T3_COLUMNS for r in fmt.table3_rows},
        "table4": {b.key: T4_COLUMNS for b in T4_BLOCKS},
    }


def row_names(fmt: Format) -> dict[tuple[str, str], str]:
    """How messages name each row of each table: (table, row key) → 三（七）总计."""
    names = {("table2", r.key): r.label for b in fmt.table2 for r in b.rows}
    names |= {("table3", r.key): r.name for r in fmt.table3_rows}
    names |= {("table4", b.key): b.name for b in T4_BLOCKS}
    return names
