"""View models for rendered documents: plain data computed here, laid out by templates.

Templates only lay out what these functions return: every count, status,
flag and days-left text is computed here, so a template holds no rules.

The view models are built part by part in :mod:`.checklist_view` and
:mod:`.report_view` from the parts they share (:mod:`.view_parts`); their
shapes are the ``TypedDict``s of :mod:`.view_models`.
"""

from __future__ import annotations

from gov_disclosure.documents.checklist_view import checklist
from gov_disclosure.documents.report_view import STATUS_ORDER, report
from gov_disclosure.documents.view_models import ChecklistView, ReportView
from gov_disclosure.documents.view_parts import SECTION_NUMERALS, numeral, plan_header

__all__ = [
    "SECTION_NUMERALS",
    "STATUS_ORDER",
    "ChecklistView",
    "ReportView",
    "checklist",
    "numeral",
    "plan_header",
    "report",
]
