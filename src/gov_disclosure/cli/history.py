"""`gd diff` and `gd log`: plan changes in the plan's own terms."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from gov_disclosure import api
from gov_disclosure.cli.common import handle_errors
from gov_disclosure.cli.options import RootOpt, YearOpt
from gov_disclosure.cli.output import print_json
from gov_disclosure.documents.render import md as md_escape
from gov_disclosure.textnorm import visible

if TYPE_CHECKING:
    from gov_disclosure.history.diff import Change

app = typer.Typer()


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


def grouped(changes: list[Change]) -> list[tuple[str, list[Change]]]:
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
    """What changed in the plan between two git revisions, in the plan's own terms.

    Example:

    \b
      gd diff origin/main HEAD --format md
    """
    result = api.diff(rev_a, rev_b, root=root, year=year)
    changes, a_label, b_label = result.changes, result.old_label, result.new_label
    if fmt is DiffFormat.json:
        print_json([c.as_dict() for c in changes])
    elif not changes:
        typer.echo(f"方案無變更（{a_label} → {b_label}）")
    elif fmt is DiffFormat.md:
        lines = [f"### 方案變更：{a_label} → {b_label}", ""]
        for label, items in grouped(changes):
            lines += [f"**{label}**", ""]
            lines += ["- " + md_escape(c.text) for c in items]
            lines.append("")
        typer.echo("\n".join(lines).rstrip() + "\n")
    else:
        typer.echo(f"方案變更：{a_label} → {b_label}")
        for label, items in grouped(changes):
            typer.echo(f"\n{label}")
            for c in items:
                typer.echo(f"  {visible(c.text)}")


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
    """The commits that changed the plan (or one task): date, author, message, basis, changes.

    Example:

    \b
      gd log 2.4
    """
    from gov_disclosure.history.log import touches

    result = api.log(task, root=root, year=year)
    if fmt is DiffFormat.json:
        print_json([e.as_dict() for e in result.entries])
        return
    if not result.entries:
        typer.echo(f"沒有改動{'任務 ' + task if task else '方案'}的提交")
        return
    md = fmt is DiffFormat.md
    bullet = "- " if md else "  "
    # Commit subjects, basis lines and authors are data: escaped in Markdown, controls shown.
    text = md_escape if md else visible
    heading = "### " if md else ""
    for e in result.entries:
        c = e.commit
        notes = [f"依據：{text(basis)}" for basis in e.basis]
        if e.created:
            notes.append(f"建立 {result.year} 年方案")
        if e.truncated:
            notes.append("此前的歷史不在本地（淺克隆）；`git fetch --unshallow` 後可見此提交的改動")
        shown = [ch for ch in e.changes if result.task is None or touches(ch, result.task)]
        notes += [text(change.text) for change in shown]
        typer.echo(f"{heading}{c.short} {c.date[:10]} {text(c.author)}：{text(c.subject)}")
        for note in notes:
            typer.echo(f"{bullet}{note}")
        typer.echo("")
