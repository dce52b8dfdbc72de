"""Requests for government information (依申請公開): the register, its clocks, table 三.

Owns the register files ``requests/<year>/<unit-id>.yaml`` and the git-ignored
personal data beside them (:mod:`.privacy`), where those files are
(:mod:`.files`), what a request is (:mod:`.model`) and what its file may hold
(:mod:`.schema`), reading and checking them (:mod:`.register`), the statutory
clock of each request in working days (:mod:`.clock`), writes (:mod:`.store`),
listings and deadlines (:mod:`.queries`), and the counts of table 三 of the
annual report (:mod:`.table3`).

May import: the foundations, :mod:`gov_disclosure.storage`,
:mod:`gov_disclosure.workdays`, :mod:`gov_disclosure.plan` and
:mod:`gov_disclosure.progress`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gov_disclosure.models import Unit
    from gov_disclosure.storage.workspace import Workspace


def table3_counts(ws: Workspace, unit: Unit | str, year: int) -> dict[str, dict[str, int]] | None:
    """Table 三 of ``unit``'s annual report for ``year``, counted from its register.

    Row key → column key → count, keys as the reference's §6 lists them for
    that year's format (``r1_new`` … ``r4_carried_out``; ``natural`` …
    ``other_org``, ``total``).  None when the unit has no register for the
    year and nothing carried into it.  ``unit`` is a registry unit or its id.
    """
    from gov_disclosure.requests.table3 import table3_counts as count

    return count(ws, unit, year)


__all__ = ["table3_counts"]
