"""The tables' figures by name, the narrative that uses them, and X3.

* :func:`completed`: a report's tables with each empty total that its addends
  determine filled in (a row's 总计 from its six applicant columns, 三（七）总计
  from the result rows, a 表四 block's 总计 from its four results).  The county
  sums completed tables, and the narrative's figures come from them.
* :func:`figures`: every figure by name — ``t3.new.total``, ``t3.withheld.natural``,
  ``t4.review.total``, ``t2.licensing.decisions`` … (see :data:`ALIASES`).
* :func:`render_text`: a narrative with ``{{ t3.new.total }}`` replaced by the
  figure.  This is a plain substitution of names, never template code: the text
  of a report cannot run anything.
* :func:`text_findings`: X3 — a number typed in the narrative after a phrase
  that names a figure (「本年新收…N件」) must be that figure; an unknown or empty
  name is reported too.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from gov_disclosure.annual.formats import (
    T3_APPLICANT_KEYS,
    T3_COLUMNS,
    T4_ADDEND_KEYS,
    T4_BLOCKS,
    T4_COLUMNS,
    Format,
)
from gov_disclosure.annual.loading import AnnualReport, Number, Table
from gov_disclosure.errors import Problem
from gov_disclosure.textnorm import first_claims

#: Friendly names of table 三's rows, and the rows each one sums.
ALIASES: dict[str, tuple[str, ...]] = {
    "new": ("r1_new",),
    "carried_in": ("r2_carried_in",),
    "open": ("r3_1_open",),
    "partial": ("r3_2_partial",),
    "open_or_partial": ("r3_1_open", "r3_2_partial"),
    "withheld": tuple(f"r3_3_{i}" for i in range(1, 9)),
    "unable": ("r3_4_1", "r3_4_2", "r3_4_3"),
    "not_processed": tuple(f"r3_5_{i}" for i in range(1, 6)),
    "other": ("r3_6", "r3_6_1", "r3_6_2", "r3_6_3"),
    "done": ("r3_7_total",),
    "carried_out": ("r4_carried_out",),
}
#: How messages name the sums of :data:`ALIASES`.
ALIAS_LABELS = {
    "new": "一、本年新收",
    "carried_in": "二、上年结转",
    "open": "三（一）予以公开",
    "partial": "三（二）部分公开",
    "open_or_partial": "三（一）予以公开+（二）部分公开",
    "withheld": "三（三）不予公开",
    "unable": "三（四）无法提供",
    "not_processed": "三（五）不予处理",
    "other": "三（六）其他处理",
    "done": "三（七）总计",
    "carried_out": "四、结转下年度继续办理",
}
#: The five columns of 法人或其他组织, summed as ``orgs``.
ORG_KEYS = T3_APPLICANT_KEYS[1:]


def total(values: Iterable[Number | None]) -> Number | None:
    """The sum of the values stated; None when none is."""
    stated = [v for v in values if v is not None]
    return sum(stated[1:], stated[0]) if stated else None


def _fill(cells: dict[str, Number | None], key: str, addends: Iterable[str]) -> None:
    if cells.get(key) is None:
        cells[key] = total(cells.get(a) for a in addends)


def completed(report: AnnualReport) -> dict[str, Table]:
    """The report's tables with every empty total its addends determine filled in."""
    t3 = {
        row.key: dict(report.tables["table3"].get(row.key, {})) for row in report.format.table3_rows
    }
    for cells in t3.values():
        _fill(cells, "total", T3_APPLICANT_KEYS)
    done = t3["r3_7_total"]
    for column in (c.key for c in T3_COLUMNS):
        if done.get(column) is None:
            done[column] = total(t3[r.key].get(column) for r in report.format.result_rows)
    t4 = {block.key: dict(report.tables["table4"].get(block.key, {})) for block in T4_BLOCKS}
    for cells in t4.values():
        _fill(cells, "total", T4_ADDEND_KEYS)
    t2 = {row: dict(cells) for row, cells in report.tables["table2"].items()}
    return {"table2": t2, "table3": t3, "table4": t4}


@dataclass(frozen=True)
class Figure:
    label: str
    value: Number | None


def figures(fmt: Format, tables: dict[str, Table]) -> dict[str, Figure]:
    """Every figure of the tables by name, with how messages name it."""
    out: dict[str, Figure] = {}
    t3, t4 = tables["table3"], tables["table4"]
    names: dict[str, tuple[str, tuple[str, ...]]] = {
        r.key: (r.name, (r.key,)) for r in fmt.table3_rows
    }
    names |= {alias: (ALIAS_LABELS[alias], rows) for alias, rows in ALIASES.items()}
    for name, (label, rows) in names.items():
        for column in T3_COLUMNS:
            value = total(t3.get(r, {}).get(column.key) for r in rows)
            out[f"t3.{name}.{column.key}"] = Figure(f"{label}[{column.label}]", value)
        orgs = total(t3.get(r, {}).get(c) for r in rows for c in ORG_KEYS)
        out[f"t3.{name}.orgs"] = Figure(f"{label}[法人或其他组织]", orgs)
    blocks: dict[str, tuple[str, tuple[str, ...]]] = {b.key: (b.name, (b.key,)) for b in T4_BLOCKS}
    blocks["suit"] = ("行政诉讼", ("suit_direct", "suit_after_review"))
    for name, (label, keys) in blocks.items():
        for column in T4_COLUMNS:
            value = total(t4.get(k, {}).get(column.key) for k in keys)
            out[f"t4.{name}.{column.key}"] = Figure(f"{label}[{column.label}]", value)
    for block in fmt.table2:
        for row in block.rows:
            for column in block.columns:
                value = tables["table2"].get(row.key, {}).get(column.key)
                out[f"t2.{row.key}.{column.key}"] = Figure(f"{row.label}[{column.label}]", value)
    return out


def show(value: Number) -> str:
    """A cell as people read it: 805, 12.5 (never 12.50 or 1.25E+1)."""
    if isinstance(value, int):
        return str(value)
    text = format(value.normalize(), "f")
    return text


# ---- the narrative ------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")


def render_text(text: str, named: dict[str, Figure]) -> str:
    """The text with every ``{{ name }}`` replaced by its figure (an unknown or empty one
    stays as written: :func:`text_findings` reports it)."""

    def substitute(match: re.Match[str]) -> str:
        figure = named.get(match.group(1))
        if figure is None or figure.value is None:
            return match.group(0)
        return show(figure.value)

    return PLACEHOLDER.sub(substitute, text)


#: X3: phrases that name a figure, then a number of 件 in the same clause.
#: Longer phrases first: 「予以公开及部分公开」 before 「予以公开」.
_GAP = r"[^，。；、,;！？!?\n\d（）()]{0,20}?"
X3_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(f"(?:{phrase}){_GAP}(\\d+)\\s*件"), figure)
    for phrase, figure in (
        (r"(?<!不)予以公开(?:及|和|与|、)部分公开", "t3.open_or_partial.total"),
        (r"(?<!不)予以公开", "t3.open.total"),
        (r"部分公开", "t3.partial.total"),
        (r"不予公开", "t3.withheld.total"),
        (r"无法提供", "t3.unable.total"),
        (r"不予处理", "t3.not_processed.total"),
        (r"其他处理", "t3.other.total"),
        (r"上一?年度?结转", "t3.carried_in.total"),
        (r"结转(?:至|到)?下一?年度", "t3.carried_out.total"),
        (r"(?:本年)?新收|收到|受理", "t3.new.total"),
        (r"办结|答复", "t3.done.total"),
        (r"行政复议", "t4.review.total"),
        (r"(?:行政)?诉讼", "t4.suit.total"),
    )
)


def text_findings(report: AnnualReport, named: dict[str, Figure]) -> list[Problem]:
    """X3 and the figures' names, in every text of the report, each at its place."""
    problems: list[Problem] = []
    for key, text in report.texts.items():
        problems += _placeholders(report, key, text, named)
        problems += _typed_numbers(report, key, text, named)
    return problems


def _placeholders(
    report: AnnualReport, key: str, text: str, named: dict[str, Figure]
) -> list[Problem]:
    problems = []
    for match in PLACEHOLDER.finditer(text):
        name = match.group(1)
        figure = named.get(name)
        if figure is None:
            close = difflib.get_close_matches(name, list(named), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            message = f"unknown figure {{{{ {name} }}}}{hint} (figures: t3.new.total, …)"
        elif figure.value is None:
            message = f"{{{{ {name} }}}}: {figure.label} is empty in the tables"
        else:
            continue
        problems.append(report.text_problem(key, match.start(), message))
    return problems


def _typed_numbers(
    report: AnnualReport, key: str, text: str, named: dict[str, Figure]
) -> list[Problem]:
    problems = []
    for match, name in first_claims(X3_PHRASES, text):
        figure = named[name]
        typed = int(match.group(1))
        if figure.value is None or figure.value == typed:
            continue
        message = (
            f"the text says {match.group(0)!r} but {figure.label} is "
            f"{show(figure.value)} in the tables (X3)"
        )
        problems.append(report.text_problem(key, match.start(1), message))
    return problems
