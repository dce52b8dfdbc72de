"""One script per document: every character of a rendered document in the script asked for.

A document mixes three sources of text: the template's own words (written in
traditional characters), the view model's labels and the plan's data (in
whatever script the notice used).  Each goes through the same OpenCC
conversion: templates as they are read (:class:`ScriptLoader`; a Word
template's text as docxtpl prepares it, see :mod:`.render`), view models with
:func:`convert_view`.  Links are never converted: a URL must keep pointing
where it points.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Environment

Convert = Callable[[str], str]

#: The text between two XML tags: a Word part's visible text (attributes are inside tags).
_XML_TEXT = re.compile(r">([^<]+)<")


def convert_view(value: Any, convert: Convert) -> Any:
    """A view model with every text converted; the targets of links are kept as they are.

    Enum members (statuses, roles, flags) stay themselves: they are ASCII ids.
    """
    if type(value) is str:
        return convert(value)
    if isinstance(value, list | tuple):
        return [convert_view(v, convert) for v in value]
    if isinstance(value, dict):
        keep = value.get("is_link") is True
        return {k: v if keep and k == "ref" else convert_view(v, convert) for k, v in value.items()}
    return value


def convert_xml_text(xml: str, convert: Convert) -> str:
    """The text of an XML part converted, its markup (font names included) left as it is."""
    return _XML_TEXT.sub(lambda m: f">{convert(m.group(1))}<", xml)


def script_loader(search: list[str], convert: Convert) -> BaseLoader:
    """A Jinja loader over ``search`` that converts each template's words as it reads them."""
    from jinja2 import FileSystemLoader

    class ScriptLoader(FileSystemLoader):
        def get_source(
            self, environment: Environment, template: str
        ) -> tuple[str, str, Callable[[], bool]]:
            source, filename, uptodate = super().get_source(environment, template)
            return convert(source), filename, uptodate

    return ScriptLoader(search)
