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
class Column:
    key: str
    label: str
    kind: CellKind = CellKind.whole
    #: The unit of an amount (元, 万元).
    unit: str | None = None
    #: The header cell spanning this one (法人或其他组织).
    group: str | None = None


@dataclass(frozen=True)
class Row:
    key: str
    label: str
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
    """One national format: which years it covers, table 二's items, table 三's rows."""

    id: str
    document: str
    title: str
    first_year: int
    last_year: int | None
    table2: tuple[Block, ...]
    table3_rows: tuple[Row, ...]
    #: What each text section should report, from the format's own guidance.
    prompts: dict[str, str]
    #: 总体情况's length limit in characters (F2021: 篇幅原则上不超过一千字).
    overview_limit: int | None = None

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
T3_COLUMNS = (
    Column("natural", "自然人"),
    Column("biz", "商业企业", group=ORGS),
    Column("research", "科研机构", group=ORGS),
    Column("ngo", "社会公益组织", group=ORGS),
    Column("legal", "法律服务机构", group=ORGS),
    Column("other_org", "其他", group=ORGS),
    Column("total", "总计"),
)
#: The six applicant columns whose sum is 总计 (T3-C).
T3_APPLICANT_KEYS = tuple(c.key for c in T3_COLUMNS[:-1])
RESULTS = "三、本年度办理结果"

_WITHHELD = "（三）不予公开"
_UNABLE = "（四）无法提供"
_NOT_PROCESSED = "（五）不予处理"
_OTHER = "（六）其他处理"


def _grouped(group: str, items: list[tuple[str, str]], short: str) -> list[Row]:
    return [
        Row(key, label, group=group, result=True, short=f"{short}{label}") for key, label in items
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
    *_grouped(
        _WITHHELD,
        [
            ("r3_3_1", "1.属于国家秘密"),
            ("r3_3_2", "2.其他法律行政法规禁止公开"),
            ("r3_3_3", "3.危及“三安全一稳定”"),
            ("r3_3_4", "4.保护第三方合法权益"),
            ("r3_3_5", "5.属于三类内部事务信息"),
            ("r3_3_6", "6.属于四类过程性信息"),
            ("r3_3_7", "7.属于行政执法案卷"),
            ("r3_3_8", "8.属于行政查询事项"),
        ],
        "三（三）",
    ),
    *_grouped(
        _UNABLE,
        [
            ("r3_4_1", "1.本机关不掌握相关政府信息"),
            ("r3_4_2", "2.没有现成信息需要另行制作"),
            ("r3_4_3", "3.补正后申请内容仍不明确"),
        ],
        "三（四）",
    ),
    *_grouped(
        _NOT_PROCESSED,
        [
            ("r3_5_1", "1.信访举报投诉类申请"),
            ("r3_5_2", "2.重复申请"),
            ("r3_5_3", "3.要求提供公开出版物"),
            ("r3_5_4", "4.无正当理由大量反复申请"),
            ("r3_5_5", "5.要求行政机关确认或重新出具已获取信息"),
        ],
        "三（五）",
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
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)
T4_ADDEND_KEYS = tuple(c.key for c in T4_COLUMNS[:-1])

_ITEM_1 = "第二十条第（一）项"
_ITEM_5 = "第二十条第（五）项"
_ITEM_6 = "第二十条第（六）项"
_ITEM_8 = "第二十条第（八）项"
_ITEM_9 = "第二十条第（九）项"


def _rows(*pairs: tuple[str, str]) -> tuple[Row, ...]:
    return tuple(Row(key, label) for key, label in pairs)


_PUNISH = _rows(("punishment", "行政处罚"), ("coercion", "行政强制"))

_PROBLEMS = "本机关上一年度政府信息公开工作中存在的主要问题及改进情况；实事求是、明确具体。"

# ---- 国办公开办函〔2019〕60号 (试行): report years 2019 and 2020 --------------------

_LAST_YEAR = Column("last_year", "上一年项目数量")
_CHANGE = Column("change", "本年增/减", CellKind.signed)
_DECISIONS_2019 = Column("decisions", "处理决定数量")

F2019 = Format(
    id="2019-60",
    document="国办公开办函〔2019〕60号",
    title="中华人民共和国政府信息公开工作年度报告格式（试行）",
    first_year=2019,
    last_year=2020,
    table2=(
        Block(
            _ITEM_1,
            (
                Column("made", "本年新制作数量"),
                Column("published", "本年新公开数量"),
                Column("total_public", "对外公开总数量"),
            ),
            _rows(("regulations", "规章"), ("normative_docs", "规范性文件")),
        ),
        Block(
            _ITEM_5,
            (_LAST_YEAR, _CHANGE, _DECISIONS_2019),
            _rows(("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")),
        ),
        Block(_ITEM_6, (_LAST_YEAR, _CHANGE, _DECISIONS_2019), _PUNISH),
        Block(_ITEM_8, (_LAST_YEAR, _CHANGE), _rows(("fees", "行政事业性收费"))),
        Block(
            _ITEM_9,
            (
                Column("projects", "采购项目数量"),
                # The format gives no unit; gd records 元 (a published 2019 report: 251000元).
                Column("amount", "采购总金额", CellKind.amount, unit="元"),
            ),
            _rows(("procurement", "政府集中采购")),
        ),
    ),
    table3_rows=(
        *ROWS_BEFORE_OTHER,
        Row("r3_6", "（六）其他处理", result=True, short="三（六）其他处理"),
        *ROWS_AFTER_OTHER,
    ),
    prompts={
        "overview": "本机关上一年度政府信息公开工作总体情况：主动公开、依申请公开、政府信息管理、"
        "平台建设、监督保障等方面。",
        "problems": _PROBLEMS,
        "other": "本机关认为需要报告的其他事项，以及其他有关文件专门要求通过年度报告"
        "予以报告的事项。",
    },
)

# ---- 国办公开办函〔2021〕30号: report years 2021 on ------------------------------------

_DECISIONS_2021 = Column("decisions", "本年处理决定数量")

F2021 = Format(
    id="2021-30",
    document="国办公开办函〔2021〕30号",
    title="中华人民共和国政府信息公开工作年度报告格式",
    first_year=2021,
    last_year=None,
    table2=(
        Block(
            _ITEM_1,
            (
                Column("issued", "本年制发件数"),
                Column("repealed", "本年废止件数"),
                Column("in_force", "现行有效件数"),
            ),
            _rows(("regulations", "规章"), ("normative_docs", "行政规范性文件")),
        ),
        Block(_ITEM_5, (_DECISIONS_2021,), _rows(("licensing", "行政许可"))),
        Block(_ITEM_6, (_DECISIONS_2021,), _PUNISH),
        Block(
            _ITEM_8,
            (Column("amount", "本年收费金额（单位：万元）", CellKind.amount, unit="万元"),),
            _rows(("fees", "行政事业性收费")),
        ),
    ),
    table3_rows=(
        *ROWS_BEFORE_OTHER,
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
        *ROWS_AFTER_OTHER,
    ),
    prompts={
        "overview": "本机关上一年度政府信息公开工作总体情况，聚焦主题、简明客观，"
        "篇幅原则上不超过一千字。",
        "problems": _PROBLEMS,
        "other": "其他需要报告的事项；收取信息处理费情况在此处报告。",
    },
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
