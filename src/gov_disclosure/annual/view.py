"""The annual report's view model: every label, cell and paragraph a template lays out.

Templates hold no Chinese text and no rules: the headings, the row and column
labels of the format (with the spans of the merged header and label cells) and
the cells as text come from here; the narrative, the plan's implementation and
the county's compilation from :mod:`.document`.  The whole view is then put
into one script (:func:`gov_disclosure.textnorm.convert_texts`), so the
format's simplified labels and the plan's traditional names never mix.
"""

from __future__ import annotations

from typing import Any, TypedDict

from gov_disclosure.annual.figures import Figure, render_text, show
from gov_disclosure.annual.formats import (
    ORGS,
    RESULTS,
    SECTIONS,
    T3_APPLICANTS,
    T3_COLUMNS,
    T3_HEADER_NOTE,
    T4_BLOCKS,
    T4_COLUMNS,
    T4_REVIEW,
    T4_SUIT,
    Block,
    Column,
    Format,
    Row,
    layout,
)
from gov_disclosure.annual.loading import Number, Table


class Head(TypedDict):
    """A label cell of a table row, with how many columns and rows it spans."""

    text: str
    colspan: int
    rowspan: int


class T3Row(TypedDict):
    key: str
    heads: list[Head]
    cells: list[str]


class T2Block(TypedDict):
    item: str
    columns: list[Head]
    spans: list[int]
    rows: list[T3Row]


class PlanTask(TypedDict):
    id: str
    title: str
    status_label: str
    closed: int
    assigned: int


class PlanPart(TypedDict):
    """Section 一's account of the year's plan (the figures of ``gd report render``)."""

    heading: str
    summary: str
    columns: list[str]
    tasks: list[PlanTask]


class AnnualView(TypedDict):
    kind: str
    title: str
    author: str
    date: str
    year: int
    format: dict[str, str]
    headings: dict[str, str]
    overview: list[str]
    plan: PlanPart
    compilation: list[str]
    table2: dict[str, Any]
    table3: dict[str, Any]
    table4: dict[str, Any]
    problems: list[str]
    other: list[str]
    #: Every cell by key, for the Word template's fixed tables: t3.r1_new.natural.
    t2: dict[str, dict[str, str]]
    t3: dict[str, dict[str, str]]
    t4: dict[str, dict[str, str]]
    #: Every label by key, for the Word template: label.r1_new, label.natural …
    label: dict[str, str]


def paragraphs(text: str | None, named: dict[str, Figure]) -> list[str]:
    """A narrative as paragraphs (one per line), its figures filled in."""
    if not text:
        return []
    return [line.strip() for line in render_text(text, named).splitlines() if line.strip()]


def _cell(value: Number | None, unit: str | None = None) -> str:
    if value is None:
        return ""
    return show(value) + (unit or "")


def _head(text: str, colspan: int = 1, rowspan: int = 1) -> Head:
    return {"text": text, "colspan": colspan, "rowspan": rowspan}


def _t3_heads(fmt: Format, index: int, row: Row) -> list[Head]:
    """The label cells that start in a row of table 三 (merged as the format has them)."""
    rows = fmt.table3_rows
    if not (row.result or row.key == "r3_7_total"):
        return [_head(row.label, colspan=3)]
    heads = []
    first_result = next(i for i, r in enumerate(rows) if r.result)
    if index == first_result:
        span = sum(1 for r in rows if r.result) + 1  # and （七）总计
        heads.append(_head(RESULTS, rowspan=span))
    if row.group is None:
        return [*heads, _head(row.label, colspan=2)]
    if index == 0 or rows[index - 1].group != row.group:
        heads.append(_head(row.group, rowspan=sum(1 for r in rows if r.group == row.group)))
    return [*heads, _head(row.label)]


def table3(fmt: Format, table: Table) -> dict[str, Any]:
    rows: list[T3Row] = [
        {
            "key": row.key,
            "heads": _t3_heads(fmt, i, row),
            "cells": [_cell(table.get(row.key, {}).get(c.key)) for c in T3_COLUMNS],
        }
        for i, row in enumerate(fmt.table3_rows)
    ]
    return {
        "note": T3_HEADER_NOTE,
        "applicants": T3_APPLICANTS,
        "natural": T3_COLUMNS[0].label,
        "orgs": ORGS,
        "org_columns": [c.label for c in T3_COLUMNS if c.group == ORGS],
        "total": T3_COLUMNS[-1].label,
        "rows": rows,
    }


def table4(table: Table) -> dict[str, Any]:
    return {
        "review": T4_REVIEW,
        "suit": T4_SUIT,
        "suits": [b.label for b in T4_BLOCKS if b.group == T4_SUIT],
        "columns": [c.label for c in T4_COLUMNS],
        "cells": [_cell(table.get(b.key, {}).get(c.key)) for b in T4_BLOCKS for c in T4_COLUMNS],
    }


def _t2_block(block: Block, table: Table, width: int) -> T2Block:
    spans = [1] * len(block.columns)
    spans[-1] += width - len(block.columns)
    units = [_unit(c) for c in block.columns]
    return {
        "item": block.item,
        "columns": [_head(c.label, colspan=s) for c, s in zip(block.columns, spans, strict=True)],
        "spans": spans,
        "rows": [
            {
                "key": row.key,
                "heads": [_head(row.label)],
                "cells": [
                    _cell(table.get(row.key, {}).get(c.key), unit)
                    for c, unit in zip(block.columns, units, strict=True)
                ],
            }
            for row in block.rows
        ],
    }


def table2(fmt: Format, table: Table) -> dict[str, Any]:
    width = max(len(b.columns) for b in fmt.table2)
    return {
        "content": "信息内容",
        "width": width + 1,
        "blocks": [_t2_block(block, table, width) for block in fmt.table2],
    }


def keyed(fmt: Format, tables: dict[str, Table]) -> dict[str, dict[str, dict[str, str]]]:
    """Every cell as text by table, row and column (Word's fixed tables): t3.r1_new.natural."""
    return {
        f"t{table[-1]}": {
            row: {c.key: _cell(tables[table].get(row, {}).get(c.key), _unit(c)) for c in columns}
            for row, columns in rows.items()
        }
        for table, rows in layout(fmt).items()
    }


def _unit(column: Column) -> str | None:
    """The unit a cell is written with, when its label does not say it (元, not 万元)."""
    return column.unit if column.unit and column.unit not in column.label else None


def labels(fmt: Format) -> dict[str, str]:
    """Every label of the format by key (row keys, column keys, merged header cells)."""
    out = {r.key: r.label for r in fmt.table3_rows}
    out |= {f"t3_{c.key}": c.label for c in T3_COLUMNS}
    out |= {f"t4_{c.key}": c.label for c in T4_COLUMNS}
    out |= {b.key: b.label for b in T4_BLOCKS}
    for i, block in enumerate(fmt.table2):
        out[f"t2_item{i}"] = block.item
        out |= {f"t2_{r.key}": r.label for r in block.rows}
        out |= {f"t2_{i}_{c.key}": c.label for c in block.columns}
    groups = {r.group for r in fmt.table3_rows if r.group}
    out |= {
        f"group_{r.key.rsplit('_', 1)[0]}": r.group
        for r in fmt.table3_rows
        if r.group in groups and r.group
    }
    out |= {
        "note": T3_HEADER_NOTE,
        "applicants": T3_APPLICANTS,
        "orgs": ORGS,
        "results": RESULTS,
        "t4_review_head": T4_REVIEW,
        "t4_suit_head": T4_SUIT,
        "content": "信息内容",
    }
    out |= {f"s_{key}": label for key, label in SECTIONS}
    return out
