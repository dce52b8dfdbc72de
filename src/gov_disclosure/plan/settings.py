"""The workspace's settings (``plan/workspace.yaml``): the documents' script, county, issuer.

The file is optional, and so is each key.  Without ``script`` documents (and
the terminal) keep the plan's own script.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from gov_disclosure import constants as C
from gov_disclosure.errors import Problem, raise_if_errors
from gov_disclosure.models import NO_SETTINGS, WorkspaceSettings
from gov_disclosure.plan.checks import text_findings
from gov_disclosure.storage.workspace import Workspace

if TYPE_CHECKING:
    from pydantic import BaseModel

ModelT = TypeVar("ModelT", bound="BaseModel")


def settings_path(ws: Workspace) -> Path:
    return ws.plan_dir / C.SETTINGS_FILE


def read_settings(ws: Workspace) -> tuple[WorkspaceSettings, list[Problem]]:
    """The validated settings and their warnings; raise every error at once."""
    path = settings_path(ws)
    if not ws.exists(path):
        return NO_SETTINGS, []
    from gov_disclosure import schema

    model, problems = read_checked(
        ws, path, schema.WorkspaceSettings, "workspace settings (script, county, issuer)"
    )
    return model.runtime(), problems


def read_checked(
    ws: Workspace, path: Path, model: type[ModelT], what: str
) -> tuple[ModelT, list[Problem]]:
    """A workspace file validated against its schema (``what`` names it in messages), and
    the warnings about its text (pinyin left over, encoding damage); raise every error at once."""
    from gov_disclosure.storage.schema_errors import findings_to_problems, validate_document

    doc = ws.load_yaml(path)
    validated = validate_document(doc, model, what)
    problems = findings_to_problems(doc, text_findings(doc.data, ()))
    raise_if_errors(problems)
    return validated, problems


def load_settings(ws: Workspace) -> WorkspaceSettings:
    """The workspace's settings (defaults without ``plan/workspace.yaml``)."""
    return read_settings(ws)[0]
