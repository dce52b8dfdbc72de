"""gd's Python API: one function per command, taking plain values and returning results.

The command line (:mod:`gov_disclosure.cli`) only parses options, calls one of
these functions and prints what it returns; a script can do the same::

    import datetime as dt
    from gov_disclosure import api
    from gov_disclosure.documents.render import DocFormat

    listing = api.tasks(root="path/to/workspace", unit="县卫健局", role="lead")
    print([record["id"] for record in listing.records])  # ['1.3', '1.5', '2.5']
    report = api.report(root="path/to/workspace", as_of=dt.date(2020, 11, 30))
    html = report.render(DocFormat.html)  # bytes

Every function raises :class:`gov_disclosure.errors.GdError` for wrong input
(exit code USAGE) or a wrong workspace file (exit code DATA), with every
problem's file, line and column; warnings come back in the result.  Heavy
modules (rendering, git history, the importer) are imported only by the
functions that need them.

Owns the public face of gd: one module per command area, each function taking
plain values (:mod:`.plan` validate, tasks, units; :mod:`.deadlines` due;
:mod:`.progress`; :mod:`.documents` checklists, reports and the plan as a notice;
:mod:`.history` diff and log; :mod:`.intake` import, init, units add, rollover;
:mod:`.workdays`; :mod:`.requests`; :mod:`.annual`), and what they share
(:mod:`._common`).  This package re-exports every name of ``__all__``: import
from ``gov_disclosure.api``, not from its modules.

May import: every layer below it (the foundations, :mod:`gov_disclosure.storage`,
:mod:`gov_disclosure.workdays`, :mod:`gov_disclosure.plan`,
:mod:`gov_disclosure.progress`, :mod:`gov_disclosure.history`,
:mod:`gov_disclosure.intake`, :mod:`gov_disclosure.requests`,
:mod:`gov_disclosure.documents`, :mod:`gov_disclosure.annual`); only
:mod:`gov_disclosure.cli` imports it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gov_disclosure.api.annual import (
        AnnualCheck,
        AnnualDocument,
        AnnualNew,
        annual_check,
        annual_new,
        annual_render,
    )
    from gov_disclosure.api.deadlines import DueList, due
    from gov_disclosure.api.documents import (
        Document,
        PlanNotice,
        checklist,
        checklists,
        plan_render,
        report,
    )
    from gov_disclosure.api.exporting import ExportResult, export
    from gov_disclosure.api.history import PlanDiff, PlanLog, diff, log
    from gov_disclosure.api.intake import (
        ImportResult,
        RolloverResult,
        add_members,
        add_unit,
        import_notice,
        init,
        rollover,
    )
    from gov_disclosure.api.plan import TaskList, UnitList, ValidationReport, tasks, units, validate
    from gov_disclosure.api.progress import ProgressView, set_progress, show_progress
    from gov_disclosure.api.requests import (
        RequestDueList,
        RequestList,
        RequestTimeline,
        add_request,
        request_event,
        request_show,
        requests_due,
        requests_list,
    )
    from gov_disclosure.api.workdays import workdays_add, workdays_count

#: The module of each public name: a module is imported when one of its names is first used,
#: so a command loads only its own area (what a warm ``gd tasks`` start-up is made of).
_HOME = {
    "AnnualCheck": "annual",
    "AnnualDocument": "annual",
    "AnnualNew": "annual",
    "Document": "documents",
    "DueList": "deadlines",
    "ExportResult": "exporting",
    "ImportResult": "intake",
    "PlanDiff": "history",
    "PlanLog": "history",
    "PlanNotice": "documents",
    "ProgressView": "progress",
    "RequestDueList": "requests",
    "RequestList": "requests",
    "RequestTimeline": "requests",
    "RolloverResult": "intake",
    "TaskList": "plan",
    "UnitList": "plan",
    "ValidationReport": "plan",
    "add_members": "intake",
    "add_request": "requests",
    "add_unit": "intake",
    "annual_check": "annual",
    "annual_new": "annual",
    "annual_render": "annual",
    "checklist": "documents",
    "checklists": "documents",
    "diff": "history",
    "due": "deadlines",
    "export": "exporting",
    "import_notice": "intake",
    "init": "intake",
    "log": "history",
    "plan_render": "documents",
    "report": "documents",
    "request_event": "requests",
    "request_show": "requests",
    "requests_due": "requests",
    "requests_list": "requests",
    "rollover": "intake",
    "set_progress": "progress",
    "show_progress": "progress",
    "tasks": "plan",
    "units": "plan",
    "validate": "plan",
    "workdays_add": "workdays",
    "workdays_count": "workdays",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"{__name__}.{home}")
    for public, where in _HOME.items():  # after the import, which binds the module's own name
        if where == home:
            globals()[public] = getattr(module, public)
    return globals()[name]


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "AnnualCheck",
    "AnnualDocument",
    "AnnualNew",
    "Document",
    "DueList",
    "ExportResult",
    "ImportResult",
    "PlanDiff",
    "PlanLog",
    "PlanNotice",
    "ProgressView",
    "RequestDueList",
    "RequestList",
    "RequestTimeline",
    "RolloverResult",
    "TaskList",
    "UnitList",
    "ValidationReport",
    "add_members",
    "add_request",
    "add_unit",
    "annual_check",
    "annual_new",
    "annual_render",
    "checklist",
    "checklists",
    "diff",
    "due",
    "export",
    "import_notice",
    "init",
    "log",
    "plan_render",
    "report",
    "request_event",
    "request_show",
    "requests_due",
    "requests_list",
    "rollover",
    "set_progress",
    "show_progress",
    "tasks",
    "units",
    "validate",
    "workdays_add",
    "workdays_count",
]
