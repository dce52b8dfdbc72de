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
    """Table 三 of ``unit`` for ``year`` as the request register counts it.

    None when the unit kept no register for that year: requests carried in from
    an earlier year's register do not make it the authority on a year it was not
    kept for (its count of new requests would be a guess).
    """
    return register_tables(ws, year).get(unit.id)


def register_tables(ws: Workspace, year: int) -> dict[str, Table3]:
    """Unit id → table 三 of ``year``, for each unit that kept a register that year
    (:func:`gov_disclosure.requests.table3.table3_by_unit`, the register read once)."""
    from gov_disclosure.requests.files import register_path, register_years
    from gov_disclosure.requests.table3 import table3_by_unit

    if year not in register_years(ws):
        return {}
    return {
        unit_id: {row: dict(cells) for row, cells in table.items()}
        for unit_id, table in table3_by_unit(ws, year).items()
        if ws.exists(register_path(ws, year, unit_id))
    }


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
