"""The narrative parts of the year's report (report/<year>.yaml), written by the office."""

from __future__ import annotations

from gov_disclosure import constants as C
from gov_disclosure.errors import raise_if_errors
from gov_disclosure.models import ReportNarrative
from gov_disclosure.plan.checks import text_findings
from gov_disclosure.storage.workspace import Workspace


def load_narrative(ws: Workspace, year: int) -> ReportNarrative | None:
    """The narrative parts of the year's report (report/<year>.yaml), if the office wrote them."""
    path = ws.root / C.REPORT_DIR / f"{year}.yaml"
    if not ws.exists(path):
        return None
    from gov_disclosure import schema
    from gov_disclosure.storage.schema_errors import findings_to_problems, validate_document

    doc = ws.load_yaml(path)
    narrative = validate_document(
        doc, schema.ReportNarrative, "report narrative (overview, problems, next_steps)"
    ).runtime()
    problems = findings_to_problems(doc, text_findings(doc.data, ()))
    raise_if_errors(problems)
    return narrative
