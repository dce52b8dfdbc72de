"""Property tests: parsers never fail with anything but gd's own error; rendered data stays text.

`GD_FUZZ_EXAMPLES=10000 make test` runs each property on 10,000 examples
(the default, for CI, is smaller).
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO
from gov_disclosure.errors import GdError

EXAMPLES = int(os.environ.get("GD_FUZZ_EXAMPLES", "200"))
fuzz = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80)
NOTICE_TEXT = st.text(
    alphabet=st.one_of(
        CJK,
        st.sampled_from(
            list("|｜\t\n 、，,;；。()（）一二三四1234.年月日底前內每季度牽頭負責縣局?\ufffd")
        ),
    ),
    max_size=300,
)


@fuzz
@given(NOTICE_TEXT)
def test_importer_never_raises_anything_else(text: str) -> None:
    from gov_disclosure.intake.draftyaml import to_yaml
    from gov_disclosure.intake.importer import import_notice
    from gov_disclosure.intake.notice import split_text

    try:
        draft = import_notice(split_text(Path("notice.txt"), text), None, 2020)
        to_yaml(draft, "notice.txt")
    except GdError:
        pass


@fuzz
@given(st.binary(max_size=400))
def test_loading_arbitrary_bytes_never_raises_anything_else(data: bytes) -> None:
    from gov_disclosure import schema
    from gov_disclosure.storage.schema_errors import validate_document
    from gov_disclosure.storage.textfile import decode_utf8
    from gov_disclosure.storage.yamlio import parse

    path = Path("plan/2020.yaml")
    try:
        doc = parse(decode_utf8(data, path), path)
        validate_document(doc, schema.Plan, "plan")
    except GdError:
        pass


YAMLISH = st.text(alphabet=st.sampled_from(list("abc:- \n[]{}&*!|>'\"#%@`2020年")), max_size=200)


@fuzz
@given(YAMLISH)
def test_loading_yaml_like_text_never_raises_anything_else(text: str) -> None:
    from gov_disclosure import schema
    from gov_disclosure.storage.schema_errors import validate_document
    from gov_disclosure.storage.yamlio import parse

    with contextlib.suppress(GdError):
        validate_document(parse(text, Path("u.yaml")), schema.Registry, "registry")


TOKENS = [
    *list("<>&\"'|*_[]()`#{}%\\ \n!-+=7縣衛健局"),
    "{{ 7*7 }}",
    "{% if 1 %}x{% endif %}",
    "<script>",
    "</td>",
]
NASTY = (
    st.lists(st.sampled_from(TOKENS), min_size=1, max_size=12)
    .map("".join)
    .filter(lambda s: s.strip() and not s.strip().startswith(("-", "#")))
)


def _fresh_plan():  # type: ignore[no-untyped-def]
    import copy

    from gov_disclosure.plan.loading import load_plan
    from gov_disclosure.storage.workspace import find_workspace

    global _PLAN
    if _PLAN is None:
        _PLAN = load_plan(find_workspace(REPO), 2020)
    return copy.copy(_PLAN)


_PLAN = None


@settings(
    max_examples=EXAMPLES if os.environ.get("GD_FUZZ_EXAMPLES") else 10,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(title=NASTY, note=NASTY)
def test_rendered_text_is_escaped_never_evaluated(title: str, note: str, tmp_path_factory) -> None:
    import dataclasses

    from gov_disclosure.documents import views
    from gov_disclosure.documents.render import DocFormat, find_template, render_text_stream
    from gov_disclosure.models import ProgressRecord, Status
    from gov_disclosure.progress.book import ProgressBook, UnitProgress

    loaded = _fresh_plan()
    plan = loaded.plan
    first = plan.sections[0]
    task = dataclasses.replace(first.tasks[0], title=title.strip())
    loaded.plan = dataclasses.replace(
        plan,
        sections=(dataclasses.replace(first, tasks=(task, *first.tasks[1:])), *plan.sections[1:]),
    )
    loaded.__dict__.pop("tasks_by_id", None)
    unit = loaded.units.lookup("縣衛健局")
    book = ProgressBook(
        2020,
        {
            unit.id: UnitProgress(
                unit, Path("x"), {task.id: ProgressRecord(task.id, Status.done, None, (), note)}
            )
        },
    )
    import datetime as dt

    view = views.report(loaded, book, dt.date(2020, 11, 30))
    from markupsafe import escape

    page = "".join(
        render_text_stream(
            find_template("report", DocFormat.html, None, None), view, None, DocFormat.html
        )
    )
    assert str(escape(title.strip())) in page  # the title, escaped
    assert "<script" not in page  # no markup from the data, ever
    assert (
        "49" not in page.split("<body>")[1]
        or "{{ 7*7 }}" not in title + note
        or "{{ 7*7 }}" in page
    )
    markdown = "".join(
        render_text_stream(
            find_template("report", DocFormat.md, None, None), view, None, DocFormat.md
        )
    )
    assert re.search(r"(?<!\\)<script", markdown) is None  # only as escaped text: \<script\>
    if "{{ 7*7 }}" in note:
        assert "{{ 7*7 }}" in page and "{{ 7\\*7 }}" in markdown  # text, never evaluated
