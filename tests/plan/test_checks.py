"""plan.checks: the lint warnings every file's texts get (pinyin left over, encoding damage)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from gov_disclosure.errors import Finding
from gov_disclosure.plan.checks import text_findings
from gov_disclosure.textnorm import text_warnings

# What the warnings are made of, and what sits next to it: CJK, brackets, tone-marked
# letters, question marks, the replacement character, a line break.
_TEXT = st.text(alphabet="衛鄉县（）()weìxāng1?？;；\ufffd\n a。", max_size=12)
_DATA = st.recursive(
    _TEXT | st.integers() | st.none(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=20,
)


def _each_text(data: Any, loc: tuple[str | int, ...] = ()) -> list[Finding]:
    """The findings as one search per text gives them (what the quick check stands in for)."""
    if isinstance(data, str):
        return [Finding(loc, message, severity="warning") for _, message in text_warnings(data)]
    if isinstance(data, dict):
        return [f for k, v in data.items() for f in _each_text(v, (*loc, k))]
    if isinstance(data, list):
        return [f for i, v in enumerate(data) for f in _each_text(v, (*loc, i))]
    return []


@settings(max_examples=400, deadline=None)
@given(_DATA)
def test_text_findings_are_each_texts_own(data: Any) -> None:
    key = lambda f: (repr(f.loc), f.message)  # noqa: E731
    assert sorted(text_findings(data, ()), key=key) == sorted(_each_text(data), key=key)


def test_the_warnings_of_a_plan_text() -> None:
    data = {"sections": [{"title": "深化衛(wèi)生"}, {"title": "縣?局", "units": ["好\ufffd"]}]}
    messages = sorted(f.message.split(" ")[0] for f in text_findings(data, ()))
    assert len(messages) == 3
    assert [f.loc for f in text_findings({"a": "文明"}, ())] == []
