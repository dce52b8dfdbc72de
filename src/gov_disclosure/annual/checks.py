"""The arithmetic of a report's tables, and where a broken identity is reported.

* T3-A (the format's own: 「第一项加第二项之和，等于第三项加第四项之和」), per column:
  一 + 二 = 三（七）总计 + 四.
* T3-B, per column: 三（七）总计 = the sum of every result row of the format.
* T3-C, per row: 总计 = the six applicant columns.
* T4, per block: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
* X1: 二 this year = 四 of last year's report, per column.
* the request register's table 三 (:mod:`.register`), when there is one.

Published reports leave many cells empty and are still valid: an identity is
not checked when its total cell is empty or when all its addends are empty;
otherwise an empty addend counts as 0.  (For T3-A the total is 三（七）总计 and
the addends are 一, 二 and 四.)  ``strict`` demands every cell.

A broken identity is reported at the line of its total cell, with both sides'
values — unless it crosses another broken identity at one cell (a row's and a
column's), which is then where it is reported: one wrong cell breaks both its
row and its column, and that is the cell to look at.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from gov_disclosure.annual.figures import figures, show, text_findings, total
from gov_disclosure.annual.formats import (
    SECTIONS,
    T3_APPLICANT_KEYS,
    T3_COLUMNS,
    T4_ADDEND_KEYS,
    T4_BLOCKS,
    TEXT_KEYS,
    Format,
    layout,
    row_names,
)
from gov_disclosure.annual.loading import AnnualReport, Loc, Number, Table
from gov_disclosure.errors import Problem

T3 = "table3"
T4 = "table4"


class HasTables(Protocol):
    """A report's tables, or the county's sums: what the identities are checked on."""

    @property
    def format(self) -> Format: ...

    def cell(self, table: str, row: str, column: str) -> Number | None: ...


@dataclass(frozen=True)
class Tables:
    """Tables that are no unit's file (the county's sums)."""

    format: Format
    tables: dict[str, Table] = field(default_factory=dict)

    def cell(self, table: str, row: str, column: str) -> Number | None:
        return self.tables.get(table, {}).get(row, {}).get(column)


@dataclass(frozen=True)
class Violation:
    """A broken identity: its message, the cell it is about, every cell it involves."""

    message: str
    anchor: Loc
    cells: frozenset[Loc]


def _identity(
    report: HasTables, total_loc: Loc, addends: list[Loc]
) -> tuple[Number, Number] | None:
    """(total, sum of addends) when the identity is to be checked and fails; else None."""
    stated = report.cell(*total_loc)
    values = [report.cell(*loc) for loc in addends]
    if stated is None or all(v is None for v in values):
        return None
    summed = total(values)
    assert summed is not None
    return (stated, summed) if stated != summed else None


def _t3a(report: HasTables, column: str, label: str) -> Violation | None:
    """T3-A for one column: 一 + 二 = 三（七）总计 + 四."""
    done: Loc = (T3, "r3_7_total", column)
    side: list[Loc] = [(T3, "r1_new", column), (T3, "r2_carried_in", column)]
    after: Loc = (T3, "r4_carried_out", column)
    stated = report.cell(*done)
    if stated is None or all(report.cell(*loc) is None for loc in [*side, after]):
        return None
    left = sum((report.cell(*loc) or 0 for loc in side), start=0)
    right = stated + (report.cell(*after) or 0)
    if left == right:
        return None
    message = f"一+二[{label}] = {show(left)} but 三（七）总计+四 = {show(right)} (T3-A)"
    return Violation(message, done, frozenset([done, *side, after]))


def table3_violations(report: HasTables) -> list[Violation]:
    out: list[Violation] = []
    results = [r.key for r in report.format.result_rows]
    for column in T3_COLUMNS:
        c = column.key
        crossed = _t3a(report, c, column.label)
        if crossed is not None:
            out.append(crossed)
        done: Loc = (T3, "r3_7_total", c)
        addends: list[Loc] = [(T3, r, c) for r in results]
        failed = _identity(report, done, addends)
        if failed is not None:
            message = (
                f"三（七）总计[{column.label}] is {show(failed[0])} but the result rows sum to "
                f"{show(failed[1])} (T3-B)"
            )
            out.append(Violation(message, done, frozenset([done, *addends])))
    rows = [(row.key, row.name) for row in report.format.table3_rows]
    what = "the six applicant columns sum to"
    out += _row_totals(report, T3, rows, T3_APPLICANT_KEYS, what, "T3-C")
    return out


def table4_violations(report: HasTables) -> list[Violation]:
    blocks = [(block.key, block.name) for block in T4_BLOCKS]
    what = "结果维持+结果纠正+其他结果+尚未审结 ="
    return _row_totals(report, T4, blocks, T4_ADDEND_KEYS, what, "T4")


def _row_totals(
    report: HasTables,
    table: str,
    rows: list[tuple[str, str]],
    addends: tuple[str, ...],
    what: str,
    check: str,
) -> list[Violation]:
    """T3-C or T4: each row's 总计 against the sum of its addend cells."""
    out = []
    for key, name in rows:
        row_total: Loc = (table, key, "total")
        cells: list[Loc] = [(table, key, c) for c in addends]
        failed = _identity(report, row_total, cells)
        if failed is not None:
            message = f"{name}[总计] is {show(failed[0])} but {what} {show(failed[1])} ({check})"
            out.append(Violation(message, row_total, frozenset([row_total, *cells])))
    return out


def placed(violations: list[Violation]) -> list[tuple[Violation, Loc]]:
    """Each violation with the cell to report it at (see the module's docstring)."""
    shared = Counter(cell for v in violations for cell in v.cells)
    out = []
    for v in violations:
        crossing = [c for c in v.cells if shared[c] > 1]
        best = max((shared[c] for c in crossing), default=0)
        top = [c for c in crossing if shared[c] == best]
        out.append((v, top[0] if len(top) == 1 else v.anchor))
    return out


def arithmetic(report: AnnualReport) -> list[Problem]:
    """T3-A, T3-B, T3-C and T4, each at its place."""
    violations = table3_violations(report) + table4_violations(report)
    return [report.problem(v.message, at) for v, at in placed(violations)]


def empty_cells(report: AnnualReport) -> list[Problem]:
    """``--strict``: every cell of tables 二, 三 and 四 and every text must be stated."""
    names = row_names(report.format)
    problems = []
    for table, rows in layout(report.format).items():
        for row, columns in rows.items():
            for column in columns:
                if report.cell(table, row, column.key) is None:
                    message = (
                        f"{names[table, row]}[{column.label}] is empty (--strict: state every "
                        "cell, 0 where there were none)"
                    )
                    problems.append(report.problem(message, (table, row, column.key)))
    for key, label in SECTIONS:
        if key in TEXT_KEYS and key not in report.texts:
            problems.append(report.problem(f"{label}: the text is not written (--strict)", (key,)))
    return problems


def carried_over(report: AnnualReport, last: AnnualReport) -> list[Problem]:
    """X1: 二、上年结转 this year = last year's 四、结转下年度继续办理, per column."""
    problems = []
    for column in T3_COLUMNS:
        this = report.cell(T3, "r2_carried_in", column.key)
        before = last.cell(T3, "r4_carried_out", column.key)
        if this is None or before is None or this == before:
            continue
        line, _ = last.where((T3, "r4_carried_out", column.key))
        where = f"{last.path.name}:{line}" if line else last.path.name
        message = (
            f"二、上年结转[{column.label}] is {show(this)} but last year's "
            f"四、结转下年度继续办理[{column.label}] is {show(before)} ({where}) (X1)"
        )
        problems.append(report.problem(message, (T3, "r2_carried_in", column.key)))
    return problems


def against_register(
    report: AnnualReport, register: Mapping[str, Mapping[str, Number | None]]
) -> list[Problem]:
    """A typed count of table 三 that the request register counts otherwise."""
    problems = []
    labels = {c.key: c.label for c in T3_COLUMNS}
    for row in report.format.table3_rows:
        for column, counted in register.get(row.key, {}).items():
            typed = report.cell(T3, row.key, column)
            if typed is None or counted is None or typed == counted:
                continue
            message = (
                f"{row.name}[{labels.get(column, column)}] is typed as {show(typed)} but the "
                f"request register counts {show(counted)}"
            )
            problems.append(report.problem(message, (T3, row.key, column)))
    return problems


def overview_length(report: AnnualReport) -> list[Problem]:
    """F2021: 总体情况 「篇幅原则上不超过一千字」 (a warning)."""
    limit = report.format.overview_limit
    text = report.texts.get("overview", "")
    if limit is None or len(text) <= limit:
        return []
    message = (
        f"一、总体情况 has {len(text)} characters; {report.format.document} asks for "
        f"no more than {limit} (篇幅原则上不超过一千字)"
    )
    return [report.problem(message, ("overview",), severity="warning")]


def check_report(
    report: AnnualReport,
    *,
    last: AnnualReport | None = None,
    register: Mapping[str, Mapping[str, Number | None]] | None = None,
    strict: bool = False,
) -> list[Problem]:
    """Every check of one report, each problem at its line."""
    from gov_disclosure.annual.figures import completed

    problems = arithmetic(report)
    if last is not None:
        problems += carried_over(report, last)
    if register is not None:
        problems += against_register(report, register)
    problems += text_findings(report, figures(report.format, completed(report)))
    problems += overview_length(report)
    if strict:
        problems += empty_cells(report)
    return problems
