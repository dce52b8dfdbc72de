"""The import's output: a draft plan as YAML (the layout of plan/<year>.yaml), and
registry entries for units the registry does not know (`gd import --add-units`)."""

from __future__ import annotations

import datetime as dt

from gov_disclosure.intake.draft import Draft, DraftDeadline, DraftSection, DraftTask


def _scalar(value: str) -> str:
    """A YAML scalar for text: plain when that reads back the same, else double-quoted."""
    import json

    import yaml

    if value and "\n" not in value:
        try:
            if yaml.safe_load(f"k: {value}") == {"k": value} and not value.startswith(("[", "{")):
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


def _flow(names: list[str]) -> str:
    return "[" + ", ".join(_scalar(n) for n in names) + "]"


def to_yaml(draft: Draft, source: str) -> str:
    """The draft in the layout of plan/<year>.yaml, with the importer's warnings as comments."""
    warnings_by_line: dict[int, list[str]] = {}
    for w in draft.warnings:
        warnings_by_line.setdefault(w.line, []).append(w.message)
    out = [
        f"# Draft plan imported by `gd import` from {source}.",
        "# Review it against the notice: every warning of the import is repeated here",
        "# as a comment beside what it concerns.",
        f"year: {draft.year}",
        *_notice(draft),
        *_milestones(draft),
        "sections:",
    ]
    for section in draft.sections:
        out += _section(section, warnings_by_line)
    return "\n".join(out) + "\n"


def _notice(draft: Draft) -> list[str]:
    """The notice: block: title, issuer, issue date, document number, basis, addressees."""
    out = [
        "notice:",
        f"  title: {_scalar(draft.title or '（請填寫方案標題）')}",
        f"  issuer: {_scalar(draft.issuer or '（請填寫發文機關）')}",
    ]
    if draft.issued is None:
        out.append("  # WARNING: no issue date found in the notice")
    out.append(f"  issued: {(draft.issued or dt.date(draft.year, 1, 1)).isoformat()}")
    if draft.document_number:
        out.append(f"  document_number: {_scalar(draft.document_number)}")
    if draft.basis_title or draft.basis_number:
        out.append("  basis:")
        if draft.basis_title:
            out.append(f"    title: {_scalar(draft.basis_title)}")
        if draft.basis_number:
            out.append(f"    document_number: {_scalar(draft.basis_number)}")
    if draft.addressees:
        out.append(f"  addressees: {_flow(draft.addressees)}")
    return out


def _milestones(draft: Draft) -> list[str]:
    """The report the notice asks for, as the plan's one milestone (nothing when it asks none)."""
    r = draft.report
    if r is None:
        return []
    out = [
        "milestones:",
        "  - id: report",
        f"    date: {r.date.isoformat()}",
        f"    phrase: {_scalar(r.phrase)}",
        f"    what: {_scalar(r.what)}",
    ]
    if draft.report_recipient:
        out.append(f"    recipient: {_scalar(draft.report_recipient)}")
    return out


def _section(section: DraftSection, warnings_by_line: dict[int, list[str]]) -> list[str]:
    out = [
        f"  - number: {section.number}",
        f"    title: {_scalar(section.title)}",
        "    tasks:",
    ]
    for task in section.tasks:
        out += _task(section.number, task, warnings_by_line.get(task.line, []))
    return out


def _task(section_number: int, task: DraftTask, warnings: list[str]) -> list[str]:
    """A task, after the warnings about its line and its comments."""
    out = [f'      - id: "{section_number}.{task.number}"']
    out += [f"        # WARNING: {message}" for message in warnings]
    out += [f"        # {comment}" for comment in task.comments]
    if task.subsection:
        out.append(f"        # 所屬：{task.subsection}")
    out.append(f"        title: {_scalar(task.title)}")
    out.append("        requirement:")
    out += [f"          - {_scalar(sentence)}" for sentence in task.requirement or ["（無）"]]
    out.append(f"        lead: {_flow(task.lead)}")
    out.append(f"        responsible: {_flow(task.responsible)}")
    if task.deadlines:
        out.append("        deadlines:")
        for d in task.deadlines:
            out += _deadline(d)
    return out


def _deadline(d: DraftDeadline) -> list[str]:
    out = [f"          - date: {d.date.isoformat()}"]
    if d.comment:
        out.append(f"            # {d.comment}")
    out.append(f"            phrase: {_scalar(d.phrase)}")
    out.append(f"            what: {_scalar(d.what)}")
    if d.units:
        out.append(f"            units: {_flow(d.units)}")
    return out
