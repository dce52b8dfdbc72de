"""Figures by name, the narrative that uses them (safely), and X3."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from annual_fixtures import annual_workspace, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gov_disclosure.annual.figures import completed, figures, render_text, text_findings
from gov_disclosure.annual.loading import AnnualReport, load_report
from gov_disclosure.plan.loading import load_registry
from gov_disclosure.storage.workspace import Workspace

REPORT = """\
unit: 县卫健局
year: 2020
overview: |
  {text}
table3:
  r1_new:         {{natural: 7, biz: 2, total: 9}}
  r2_carried_in:  {{natural: 1, total: 1}}
  r3_1_open:      {{natural: 4, biz: 1}}
  r3_2_partial:   {{natural: 1}}
  r3_3_4:         {{natural: 1}}
  r3_4_1:         {{natural: 1, biz: 1, total: 2}}
  r3_7_total:     {{natural: 7, biz: 2, total: 9}}
  r4_carried_out: {{natural: 1, total: 1}}
table4:
  review:            {{upheld: 1, pending: 1}}
  suit_direct:       {{total: 1}}
  suit_after_review: {{total: 2}}
"""


@pytest.fixture
def load(tmp_path: Path):  # type: ignore[no-untyped-def]
    root = annual_workspace(tmp_path / "an")
    ws = Workspace(root)
    units, _ = load_registry(ws)

    def read(text: str) -> AnnualReport:
        path = write(root, 2020, "health", REPORT.format(text=text))
        report, problems = load_report(ws, units, path, 2020)
        assert report is not None, problems
        return report

    return read


def test_completed_fills_the_totals_the_addends_determine(load) -> None:  # type: ignore[no-untyped-def]
    tables = completed(load("无"))
    assert tables["table3"]["r3_1_open"]["total"] == 5  # 4 + 1, left empty in the file
    assert tables["table3"]["r3_6"]["total"] is None  # nothing stated: stays empty
    assert tables["table4"]["review"]["total"] == 2


def test_figures_by_name(load) -> None:  # type: ignore[no-untyped-def]
    report = load("无")
    named = figures(report.format, completed(report))
    assert named["t3.new.total"].value == 9 and named["t3.r1_new.natural"].value == 7
    assert named["t3.done.total"].label == "三（七）总计[总计]"
    assert named["t3.open_or_partial.total"].value == 6
    assert named["t3.withheld.total"].value == 1 and named["t3.unable.orgs"].value == 1
    assert named["t3.other.total"].value is None
    assert named["t4.suit.total"].value == 3 and named["t4.review.total"].value == 2
    assert "t2.procurement.amount" in named and "t2.fees.amount" not in named  # the 2019 format


def test_the_narrative_uses_figures_by_name(load) -> None:  # type: ignore[no-untyped-def]
    report = load("新收{{ t3.new.total }}件，办结{{t3.done.total}}件。")
    named = figures(report.format, completed(report))
    assert render_text(report.texts["overview"], named) == "新收9件，办结9件。\n"
    assert text_findings(report, named) == []


def test_figure_names_are_substituted_never_run(load) -> None:  # type: ignore[no-untyped-def]
    text = "{{ 7*7 }} {{ ''.__class__ }} {% for x in y %}{{ t3.nwe.total }}{{ t3.other.total }}"
    report = load(text)
    named = figures(report.format, completed(report))
    assert render_text(report.texts["overview"], named) == text + "\n"
    found = [(p.line, p.column, p.message) for p in text_findings(report, named)]
    assert (4, 3, "unknown figure {{ 7*7 }} (figures: t3.new.total, …)") in found
    assert (
        4,
        48,
        "unknown figure {{ t3.nwe.total }}; did you mean 't3.new.total'? (figures: t3.new.total, …)",
    ) in found
    assert (4, 66, "{{ t3.other.total }}: 三（六）其他处理[总计] is empty in the tables") in found


@pytest.mark.parametrize(
    ("sentence", "said", "label", "value"),
    [
        ("本年新收政府信息公开申请10件", "本年新收政府信息公开申请10件", "一、本年新收[总计]", 9),
        ("共受理申请8件", "受理申请8件", "一、本年新收[总计]", 9),
        ("上年结转3件", "上年结转3件", "二、上年结转[总计]", 1),
        ("含上一年度结转申请3件", "上一年度结转申请3件", "二、上年结转[总计]", 1),
        ("办结申请7件", "办结申请7件", "三（七）总计[总计]", 9),
        ("结转下年度继续办理4件", "结转下年度继续办理4件", "四、结转下年度继续办理[总计]", 1),
        ("予以公开6件", "予以公开6件", "三（一）予以公开[总计]", 5),
        (
            "予以公开及部分公开5件",
            "予以公开及部分公开5件",
            "三（一）予以公开+（二）部分公开[总计]",
            6,
        ),
        ("部分公开2件", "部分公开2件", "三（二）部分公开[总计]", 1),
        ("不予公开2件", "不予公开2件", "三（三）不予公开[总计]", 1),
        ("无法提供1件", "无法提供1件", "三（四）无法提供[总计]", 2),
        ("行政复议1件", "行政复议1件", "行政复议[总计]", 2),
        ("行政诉讼4件", "行政诉讼4件", "行政诉讼[总计]", 3),
    ],
)
def test_x3_a_typed_figure_that_contradicts_the_tables(  # type: ignore[no-untyped-def]
    load, sentence: str, said: str, label: str, value: int
) -> None:
    report = load(f"2020年，{sentence}。")
    problems = text_findings(report, figures(report.format, completed(report)))
    assert [p.message for p in problems] == [
        f"the text says {said!r} but {label} is {value} in the tables (X3)"
    ]
    # At the typed number: line 4 of the file, after the two spaces of the literal block.
    at = len("2020年，") + sentence.index(said) + re.search(r"\d", said).start()  # type: ignore[union-attr]
    assert (problems[0].line, problems[0].column) == (4, 3 + at)


@pytest.mark.parametrize(
    "sentence",
    [
        "予以公开5件，不予公开1件，无法提供2件，行政复议2件，行政诉讼3件",
        "新收申请9件，占全年的12.3%",
        "不予以公开的0件未列入",  # 「不予以公开」 is not 「予以公开」
        "其他处理0件",  # （六） is blank in the tables: nothing to contradict
        "2020年12月31日前新收",  # a date, not a count of 件
    ],
)
def test_x3_leaves_agreeing_and_unrelated_figures_alone(load, sentence: str) -> None:  # type: ignore[no-untyped-def]
    report = load(sentence)
    assert text_findings(report, figures(report.format, completed(report))) == []


TOKENS = [
    "{{ t3.new.total }}", "{{t3.done.total}}", "{{ t9.x }}", "{{", "}}", "{%", "件", "新收", "结转下年度",
    "予以公开", "不予公开", "及部分公开", "行政复议", "诉讼", "0", "7", "12", "，", "。", "、", "（", "%", "\n",
]  # fmt: skip
NARRATIVE = st.lists(st.sampled_from(TOKENS), max_size=25).map("".join)


@settings(
    max_examples=int(os.environ.get("GD_FUZZ_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(NARRATIVE)
def test_any_narrative_renders_and_is_checked(load, text: str) -> None:  # type: ignore[no-untyped-def]
    """Never an exception; text without ``{{`` is printed as written; every problem is
    placed on the narrative's lines (4 on) of the file."""
    named = figures(load("无").format, completed(load("无")))
    if "{{" not in text:
        assert render_text(text, named) == text
    report = load(text.replace("\n", "\n  ") or "无")
    for problem in text_findings(report, named):
        assert problem.line is not None and 4 <= problem.line <= 4 + text.count("\n")
