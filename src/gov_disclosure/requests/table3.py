"""Table 三 of the annual report (收到和處理政府信息公開申請情況), counted from the register.

For a unit and a report year Y, per applicant-type column:

* 一 ``r1_new``: requests received (收到申請之日) in Y;
* 二 ``r2_carried_in``: received before Y and still open on 1 January of Y;
* 三 each outcome row: concluded (answered or withdrawn) in Y, by outcome;
  （七） ``r3_7_total`` their sum;
* 四 ``r4_carried_out``: open on 31 December of Y.

Every request counted at all is in exactly one of 一 and 二 and in exactly
one of 三 and 四, so 一 + 二 = 三（七） + 四 (T3-A, the identity the table's
header states) holds by construction, column by column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from gov_disclosure.errors import GdError
from gov_disclosure.models import Unit
from gov_disclosure.requests import model as M
from gov_disclosure.requests.model import Request
from gov_disclosure.storage.workspace import Workspace

Table3 = dict[str, dict[str, int]]


def count_table3(requests: Iterable[Request], year: int) -> Table3:
    """The table of ``year`` (its format's rows, every column, zeros included)."""
    table: Table3 = {row: dict.fromkeys(M.TABLE3_COLUMNS, 0) for row in M.table3_row_keys(year)}
    for request in requests:
        for row in _rows(request, year):
            if row not in table:
                raise GdError.data(
                    f"{request.number}: outcome {row} is not a row of the {year} format"
                )
            table[row][request.applicant_type.value] += 1
    for counts in table.values():
        counts["total"] = sum(counts[c] for c in M.TABLE3_COLUMNS if c != "total")
    return table


def _rows(request: Request, year: int) -> list[str]:
    """The rows a request counts in for ``year``: none, or one of 一/二 and one of 三/四."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    end = request.conclusion
    if request.receipt_day > last or (end is not None and end.date < first):
        return []  # not yet received, or done before the year began
    rows = ["r1_new" if request.receipt_day >= first else "r2_carried_in"]
    if end is None or end.date > last:
        return [*rows, "r4_carried_out"]
    outcome = end.outcome or M.WITHDRAWN_ROW[M.report_format(year)]
    return [*rows, outcome, "r3_7_total"]


def table3_counts(ws: Workspace, unit: Unit | str, year: int) -> Table3 | None:
    """A unit's table of ``year`` from its register (None without a register or carried request)."""
    from gov_disclosure.plan.loading import load_registry

    target = load_registry(ws)[0].resolve(unit) if isinstance(unit, str) else unit
    return table3_by_unit(ws, year).get(target.id)


def table3_by_unit(ws: Workspace, year: int) -> dict[str, Table3]:
    """Unit id → its table of ``year``, the register read once for all units.

    A unit has a table when it kept a register file for ``year`` or carried a
    request into it from an earlier year's.
    """
    from gov_disclosure.plan.loading import load_registry
    from gov_disclosure.requests.register import checked_register
    from gov_disclosure.workdays.calendar import load_calendar

    units, _ = load_registry(ws)
    calendar, _ = load_calendar(ws)
    register, _ = checked_register(ws, units, calendar)
    mine: dict[str, list[Request]] = {}
    for f in register.files:
        mine.setdefault(f.unit.id, []).extend(r for r in f.requests if r.receipt_day.year <= year)
    kept = {f.unit.id for f in register.files if f.year == year}
    tables = {unit_id: count_table3(requests, year) for unit_id, requests in mine.items()}
    return {
        unit_id: table
        for unit_id, table in tables.items()
        if unit_id in kept or table["r2_carried_in"]["total"] > 0
    }
