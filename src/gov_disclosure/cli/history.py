"""`gd diff` and `gd log`: plan changes in the plan's own terms."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from gov_disclosure.cli import app
from gov_disclosure.cli.common import RootOpt, YearOpt, handle_errors
from gov_disclosure.cli.output import print_json
from gov_disclosure.storage import gitio
from gov_disclosure.storage.workspace import find_workspace


class DiffFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


FormatOpt = Annotated[
    DiffFormat, typer.Option("--format", "-f", help="text, md (for a merge request) or json.")
]

GROUPS = [
    ("單位登記", ("unit_",)),
    ("方案與任務", ("notice_", "section_", "task_", "title_", "requirement_", "units_")),
    ("時限", ("deadline_", "milestone_")),
    ("落實情況記錄", ("record_",)),
    ("其他", ("invalid",)),
]


def grouped(changes: list[Any]) -> list[tuple[str, list[Any]]]:
    out = []
    for label, prefixes in GROUPS:
        items = [c for c in changes if c.kind.startswith(prefixes)]
        if items:
            out.append((label, items))
    return out


@app.command("diff")
@handle_errors
def diff_command(
    rev_a: Annotated[
        str | None, typer.Argument(help="Older revision (default: HEAD).", show_default=False)
    ] = None,
    rev_b: Annotated[
        str | None,
        typer.Argument(help="Newer revision (default: the working tree).", show_default=False),
    ] = None,
    fmt: FormatOpt = DiffFormat.text,
    root: RootOpt = None,
    year: YearOpt = None,
) -> None:
    """What changed in the plan between two git revisions, in the plan's own terms."""
    from gov_disclosure.documents.render import md as md_escape
    from gov_disclosure.history.diff import diff_workspaces

    ws = find_workspace(root)
    gitio.require_repo(ws.root)
    old = ws.at(rev_a or "HEAD")
    new = ws.at(rev_b) if rev_b else ws
    changes = diff_workspaces(old, new, year)
    a_label = (rev_a or "HEAD") + f" ({old.rev[:8]})" if old.rev else ""
    b_label = f"{rev_b} ({new.rev[:8]})" if new.rev else "工作區"
    if fmt is DiffFormat.json:
        print_json([c.as_dict() for c in changes])
        return
    if not changes:
        typer.echo(f"方案無變更（{a_label} → {b_label}）")
        return
    if fmt is DiffFormat.md:
        lines = [f"### 方案變更：{a_label} → {b_label}", ""]
        for label, items in grouped(changes):
            lines += [f"**{label}**", ""]
            lines += ["- " + md_escape(c.text) for c in items]
            lines.append("")
        typer.echo("\n".join(lines).rstrip() + "\n")
        return
    typer.echo(f"方案變更：{a_label} → {b_label}")
    for label, items in grouped(changes):
        typer.echo(f"\n{label}")
        for c in items:
            typer.echo(f"  {c.text}")


@app.command("log")
@handle_errors
def log_command(
    task: Annotated[
        str | None, typer.Argument(help="Only commits that changed this task.", show_default=False)
    ] = None,
    fmt: FormatOpt = DiffFormat.text,
    root: RootOpt = None,
    year: YearOpt = None,
) -> None:
    """The commits that changed the plan (or one task): date, author, message, basis, changes."""
    from gov_disclosure.history.log import plan_log

    ws = find_workspace(root)
    gitio.require_repo(ws.root)
    plan_year = ws.pick_year(year)
    entries = plan_log(ws, plan_year, task.strip() if task else None)
    if fmt is DiffFormat.json:
        print_json([e.as_dict() for e in entries])
        return
    if not entries:
        typer.echo(f"沒有改動{'任務 ' + task if task else '方案'}的提交")
        return
    md = fmt is DiffFormat.md
    for e in entries:
        c = e.commit
        typer.echo(f"{'### ' if md else ''}{c.short} {c.date[:10]} {c.author}：{c.subject}")
        for basis in e.basis:
            typer.echo(f"{'- ' if md else '  '}依據：{basis}")
        if e.created:
            typer.echo(f"{'- ' if md else '  '}建立 {plan_year} 年方案")
        shown = [
            x
            for x in e.changes
            if task is None or x.task == task or x.details.get("old_id") == task
        ]
        for change in shown:
            typer.echo(f"{'- ' if md else '  '}{change.text}")
        typer.echo("")
