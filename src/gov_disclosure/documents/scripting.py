"""One script per document: every character of a rendered document in the script asked for.

A document mixes three sources of text: the template's own words (written in
traditional characters), the view model's labels and the plan's data (in
whatever script the notice used).  They all go through one OpenCC conversion
once the document is rendered: Markdown and HTML as a whole (their link
targets are percent-encoded, so no character of a URL changes; markup and
CSS are ASCII), a Word document run by run (font names are attributes, never
text: they stay as installed on mainland systems).  Converting the finished
text costs one call for the whole document, where converting each value of the
view would cost one per value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.etree import _Element

Convert = Callable[[str], str]

_W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
#: Joins runs' texts for one conversion: a private-use character, which OpenCC leaves alone.
_JOIN = "\ue000"


def convert_runs(roots: Iterable[_Element], convert: Convert) -> None:
    """Convert the text of every run (``w:t``) under ``roots``, in one call where it can."""
    runs = [t for root in roots for t in root.iter(_W_T) if t.text]
    texts = [t.text or "" for t in runs]
    converted = convert(_JOIN.join(texts)).split(_JOIN)
    if len(converted) != len(runs):  # a text that held the joiner itself: one by one
        converted = [convert(text) for text in texts]
    for run, text in zip(runs, converted, strict=True):
        run.text = text
