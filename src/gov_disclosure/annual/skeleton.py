"""The skeleton ``gd annual new`` writes: every cell of the format empty, the prompts as comments.

One row per line, its cells in a flow mapping in the order of the format's
columns, with the row's label as a comment, so the file reads like the table
a clerk fills in by hand.  An empty cell (``natural: ,``) is "not stated".
"""

from __future__ import annotations

import datetime as dt

from gov_disclosure.annual.formats import (
    SECTIONS,
    T3_COLUMNS,
    T4_BLOCKS,
    T4_COLUMNS,
    CellKind,
    Column,
    Format,
)
from gov_disclosure.models import Unit


def _row(key: str, columns: tuple[Column, ...], label: str, width: int) -> str:
    cells = ", ".join(f"{c.key}: " for c in columns)
    return f"  {key + ':':<{width}} {{{cells}}}  # {label}"


def _columns_comment(columns: tuple[Column, ...]) -> str:
    parts = []
    for c in columns:
        unit = f"，单位：{c.unit}" if c.unit and c.unit not in c.label else ""
        sign = "，可为负数" if c.kind is CellKind.signed else ""
        parts.append(f"{c.key} {c.label}{unit}{sign}")
    return "  # " + " | ".join(parts)


def skeleton(fmt: Format, unit: Unit, year: int) -> str:
    """The YAML text of an empty report of ``unit`` for ``year`` in ``fmt``."""
    headings = dict(SECTIONS)
    lines = [
        f"# {year}年政府信息公开工作年度报告：{unit.name}",
        f"# Format {fmt.id}: {fmt.document}《{fmt.title}》.",
        "# Fill in each number you have; leave a cell empty for 'not stated' (not the same as 0).",
        "# Counts are whole numbers ≥ 0. `gd annual check` checks the arithmetic of every table.",
        f"unit: {unit.name}",
        f"year: {year}",
        f"format: {fmt.id}",
        f"# date: {dt.date(year + 1, 1, 31).isoformat()}  # 落款日期 (default: 31 January)",
        "",
        *_text("overview", headings["overview"], fmt, figures=True),
        *_table2(fmt, headings["table2"]),
        *_table3(fmt, headings["table3"]),
        *_table4(headings["table4"]),
        *_text("problems", headings["problems"], fmt),
        *_text("other", headings["other"], fmt),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"


def _text(key: str, heading: str, fmt: Format, figures: bool = False) -> list[str]:
    lines = [f"# {heading}（文字描述）：{fmt.prompts[key]}"]
    if figures:
        lines += [
            "# Write each paragraph on its own line after `overview: |`, indented. Figures of",
            "# the tables may be written by name, e.g. {{ t3.new.total }} (本年新收) or",
            "# {{ t3.done.total }} (办结); a number typed by hand is checked against the tables.",
        ]
    return [*lines, f"{key}:", ""]


def _table2(fmt: Format, heading: str) -> list[str]:
    lines = [f"# {heading}", "table2:"]
    width = max(len(r.key) for b in fmt.table2 for r in b.rows) + 1
    for block in fmt.table2:
        lines += [f"  # {block.item}", _columns_comment(block.columns)]
        lines += [_row(r.key, block.columns, r.label, width) for r in block.rows]
    return [*lines, ""]


def _table3(fmt: Format, heading: str) -> list[str]:
    width = max(len(r.key) for r in fmt.table3_rows) + 1
    lines = [f"# {heading}", "table3:", _columns_comment(T3_COLUMNS)]
    group = None
    for row in fmt.table3_rows:
        if row.group and row.group != group:
            lines.append(f"  # {row.group}")
        group = row.group
        lines.append(_row(row.key, T3_COLUMNS, row.label, width))
    return [*lines, ""]


def _table4(heading: str) -> list[str]:
    width = max(len(b.key) for b in T4_BLOCKS) + 1
    lines = [f"# {heading}", "table4:", _columns_comment(T4_COLUMNS)]
    for block in T4_BLOCKS:
        label = f"{block.group}：{block.label}" if block.group else block.label
        lines.append(_row(block.key, T4_COLUMNS, label, width))
    return [*lines, ""]
