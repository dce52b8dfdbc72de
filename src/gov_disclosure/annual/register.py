"""Table 三 from the request register: the one place a register fills it.

The request register (issue 16, :mod:`gov_disclosure.requests`) counts each
unit's applications by applicant type and outcome; its table 三 uses the same
keys as the report files: row key (``r1_new`` … ``r4_carried_out``) → column key
(``natural`` … ``total``) → count.  ``gd annual check`` compares every count
typed in a report with the register's, and a report that leaves a cell empty
takes the register's count.
"""

from __future__ import annotations

from dataclasses import replace

from gov_disclosure.annual.loading import AnnualReport
from gov_disclosure.models import Unit
from gov_disclosure.storage.workspace import Workspace

#: Row key → column key → count (None: not counted).
Table3 = dict[str, dict[str, int | None]]


def register_table3(ws: Workspace, unit: Unit, year: int) -> Table3 | None:
    """Table 三 of ``unit`` for ``year`` as the request register counts it
    (:func:`gov_disclosure.requests.table3_counts`).

    None when the unit kept no register for that year: requests carried in from
    an earlier year's register do not make it the authority on a year it was not
    kept for (its count of new requests would be a guess).
    """
    from gov_disclosure.requests import table3_counts
    from gov_disclosure.requests.register import register_path

    if not ws.exists(register_path(ws, year, unit.id)):
        return None
    counts = table3_counts(ws, unit, year)
    if counts is None:
        return None
    return {row: dict(cells) for row, cells in counts.items()}


def filled(report: AnnualReport, register: Table3 | None) -> AnnualReport:
    """The report with each empty cell of table 三 taken from the register's count."""
    if not register:
        return report
    typed = report.tables["table3"]
    table = {row: dict(cells) for row, cells in typed.items()}
    for row in report.format.table3_rows:
        for column, count in register.get(row.key, {}).items():
            if count is not None and table.get(row.key, {}).get(column) is None:
                table.setdefault(row.key, {})[column] = count
    return replace(report, tables={**report.tables, "table3": table})
