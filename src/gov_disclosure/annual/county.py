"""The county's report (X4): every unit's tables summed cell by cell.

「逐级汇总」: the county's office compiles the reports of its departments and
townships.  Only reports that pass every check are summed — each completed
first (its empty totals filled from their addends, :func:`.figures.completed`),
so that a unit which states only the columns and one which states only the
totals add up alike.  Units whose report is missing and units whose report
fails a check are listed by name, never counted as zero in silence.
"""

from __future__ import annotations

from dataclasses import dataclass

from gov_disclosure.annual.checks import Tables, table3_violations, table4_violations
from gov_disclosure.annual.collect import YearCheck
from gov_disclosure.annual.figures import completed, total
from gov_disclosure.annual.formats import Format, layout
from gov_disclosure.annual.loading import AnnualReport, Table
from gov_disclosure.plan.units import UnitIndex


@dataclass
class County:
    """The compiled tables, the reports they sum, and who is left out and why."""

    year: int
    format: Format
    tables: dict[str, Table]
    counted: list[AnnualReport]
    #: Names of the units that owe a report and have none.
    missing: list[str]
    #: Names of the units whose report fails a check (or cannot be read).
    failing: list[str]
    #: Identities the sums break (only where units leave different cells empty).
    notes: list[str]


def summed(fmt: Format, tables: list[dict[str, Table]]) -> dict[str, Table]:
    """Cell-by-cell sums (a cell no report states stays empty)."""
    return {
        table: {
            row: {c.key: total(t[table].get(row, {}).get(c.key) for t in tables) for c in columns}
            for row, columns in rows.items()
        }
        for table, rows in layout(fmt).items()
    }


def compile_county(checked: YearCheck, units: UnitIndex) -> County:
    """The county's tables from every report of the year that passes its checks."""
    good = sorted(
        (f.report for f in checked.files if f.ok and f.report is not None),
        key=lambda r: units.order.get(r.unit.id, len(units.order)),
    )
    failing = []
    for f in checked.failing():
        unit = f.report.unit if f.report is not None else units.by_id.get(f.path.stem)
        failing.append(unit.name if unit is not None else f.path.name)
    tables = summed(checked.format, [completed(r) for r in good])
    sums = Tables(checked.format, tables)
    notes = [v.message for v in table3_violations(sums) + table4_violations(sums)]
    missing = [u.name for u in checked.missing]
    return County(checked.year, checked.format, tables, good, missing, failing, notes)
