"""`gd plan render`: the plan as the notice that issues it."""

from __future__ import annotations

import typer

from gov_disclosure import api
from gov_disclosure.cli.common import handle_errors, print_warnings
from gov_disclosure.cli.documents import DocScriptOpt, FormatDocOpt, TemplateOpt, write_document
from gov_disclosure.cli.options import OutputOpt, RootOpt, YearOpt
from gov_disclosure.documents.render import DocFormat

app = typer.Typer(help="The plan itself, as the notice that issues it.", no_args_is_help=True)


@app.command("render")
@handle_errors
def render_command(
    fmt: FormatDocOpt = DocFormat.md,
    output: OutputOpt = None,
    script: DocScriptOpt = None,
    template: TemplateOpt = None,
    root: RootOpt = None,
    year: YearOpt = None,
) -> None:
    """The plan as the notice that issues it: 主送, body, 落款, （此件公開發布）, then the
    table 工作任務 | 具體要求 | 責任單位 with each task's lead and responsible units.

    `gd import` reads the notice back as the same plan; a warning names anything of the
    plan it would read differently (a deadline the task's text does not state, a draft
    whose text still names last year's dates).

    Example:

    \b
      gd plan render --format docx -o notice-2020.docx
      gd plan render --script simplified > notice-2020.md
    """
    document = api.plan_render(script=script, root=root, year=year)
    print_warnings(document.warnings)
    write_document(document, fmt, output, template)
