"""Rendering view models with Jinja: Markdown, HTML and Word (.docx).

The template search path is an explicit ordered list: ``--template FILE``
for one run, then the workspace's ``templates/``, then the templates shipped
with gd.  Templates are rendered in Jinja's sandbox with ``StrictUndefined``
(a misspelt variable fails instead of printing nothing).  Text from the plan
and progress files is data, never template code: HTML is autoescaped,
Markdown goes through the ``md``/``cell`` filters, docx text is XML-escaped.

Every document is written in one script (:mod:`.scripting`): the template's
words and the view's data alike; HTML says it in ``lang`` (``zh-Hans`` or
``zh-Hant``), Word in the document's language (``zh-CN`` or ``zh-TW``).  A
Word document gets the official form of GB/T 9704 whatever its template
(:mod:`.docx_finish`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import StrEnum
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Literal

from gov_disclosure import constants as C
from gov_disclosure.errors import GdError
from gov_disclosure.storage.workspace import Workspace
from gov_disclosure.textnorm import Script

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

    from gov_disclosure.documents.docx_finish import DocumentInfo
    from gov_disclosure.documents.view_models import EvidenceRow

#: What templates render: a view model of :mod:`gov_disclosure.documents.views`, or any
#: other mapping of names to values a template lays out.
View = Mapping[str, object]


class DocFormat(StrEnum):
    md = "md"
    html = "html"
    docx = "docx"

    @property
    def suffix(self) -> str:
        return f".{self.value}"


def default_templates_dir() -> Path:
    """The templates shipped with gd: inside the installed package, or the source tree's."""
    packaged = Path(__file__).resolve().parents[1] / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / C.TEMPLATES_DIR


def search_path(ws: Workspace | None) -> list[Path]:
    """Where templates are looked up, first match wins: the workspace's, then gd's own."""
    dirs = []
    if ws is not None and (ws.root / C.TEMPLATES_DIR).is_dir():
        dirs.append(ws.root / C.TEMPLATES_DIR)
    default = default_templates_dir()
    if default not in dirs:
        dirs.append(default)
    return dirs


def template_name(kind: str, fmt: DocFormat) -> str:
    return f"{kind}.docx" if fmt is DocFormat.docx else f"{kind}.{fmt.value}.j2"


def find_template(kind: str, fmt: DocFormat, ws: Workspace | None, given: Path | None) -> Path:
    if given is not None:
        path = given.expanduser()
        if not path.is_file():
            raise GdError.usage(f"--template {given}: no such file")
        return path.resolve()
    name = template_name(kind, fmt)
    for folder in search_path(ws):
        if (folder / name).is_file():
            return folder / name
    raise GdError.data(f"template {name} not found in {', '.join(map(str, search_path(ws)))}")


# ---- filters: formatting only ----------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md(text: object) -> str:
    """Markdown-escape text so it can never change the document's structure: inline marks,
    and what would start a block at the start of a line (a list, a rule, a setext underline)."""
    value = str(text).replace("&", "&amp;")
    value = _MD_SPECIAL.sub(r"\\\1", value)
    return "\n".join(_block_safe(line) for line in value.split("\n"))


#: What Markdown reads as a block at the start of a line (after the inline escapes): a list
#: marker (- + followed by a space, or 1. 1) followed by a space), or a line of - or =
#: (a rule or a setext underline). Text such as 2.4 or -2 stays as it is.
_MD_LIST = re.compile(r"^(\s*)([-+]|\d+[.)])(?=\s|$)")
_MD_RULE = re.compile(r"^(\s*)([-=])(?=[-=\s]*$)")


def _block_safe(line: str) -> str:
    m = _MD_LIST.match(line) or _MD_RULE.match(line)
    if m is None:
        return line
    lead, mark = m.group(1), m.group(2)
    escaped = f"{mark[:-1]}\\{mark[-1]}"  # \- and 1\.
    return lead + escaped + line[m.end() :]


def cell(text: object) -> str:
    """Text for a Markdown table cell: escaped, line breaks kept as <br>."""
    return "<br>".join(md(line) for line in str(text).splitlines()) if text else ""


def url(ref: object) -> str:
    """A link target percent-encoded: ASCII only, so converting a document's script never
    changes where its links point."""
    from urllib.parse import quote

    return quote(str(ref), safe=":/?#=&%;+,@!$'*~-._").replace("(", "%28").replace(")", "%29")


def md_link(evidence: EvidenceRow) -> str:
    """Evidence in Markdown: a link only for http(s) URLs, otherwise text."""
    title = evidence.get("title")
    ref = evidence["ref"]
    if evidence.get("is_link"):
        return f"[{md(title or ref)}]({url(ref)})"
    return f"{md(title)}（{md(ref)}）" if title else md(ref)


#: The largest text (or list) a template may build with * or **: far more than any document.
MAX_BUILT = 10_000_000


_DICT_NAMES = frozenset(dir(dict))


def _environment(search: list[Path], autoescape: bool) -> SandboxedEnvironment:
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import SandboxedEnvironment

    class Sandbox(SandboxedEnvironment):
        """Jinja's sandbox, with a bound on what ``*`` and ``**`` may build."""

        intercepted_binops = frozenset(["*", "**"])

        def getattr(self, obj: object, attribute: str) -> object:
            # `row.unit` on a view model's dict: Jinja tries the attribute first, and that
            # failing lookup was most of a 10,000-task report's time. A key that is not a
            # name of dict's is what Jinja would find next, so it is taken at once.
            if type(obj) is dict and attribute not in _DICT_NAMES:
                try:
                    return obj[attribute]
                except KeyError:
                    pass
            return super().getattr(obj, attribute)

        def call_binop(self, context: object, operator: str, left: object, right: object) -> object:
            problem = _too_large(operator, left, right)
            if problem:
                raise SecurityError(problem)
            return super().call_binop(context, operator, left, right)  # type: ignore[arg-type]

    env = Sandbox(
        loader=FileSystemLoader([str(p) for p in search]),
        undefined=StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update({"md": md, "cell": cell, "md_link": md_link, "url": url})
    return env


def _too_large(operator: str, left: object, right: object) -> str | None:
    """Why ``left operator right`` would build more than a document needs, if it would."""
    if operator == "**" and isinstance(right, int) and abs(right) > 64:
        return f"power too large ({right}) in a template"
    for seq, times in ((left, right), (right, left)):
        sized = isinstance(seq, str | list | tuple) and isinstance(times, int)
        if operator == "*" and sized and len(seq) * times > MAX_BUILT:  # type: ignore[arg-type,operator]
            return "a template may not build a text that large"
    return None


def _context(view: View, script: Script | None) -> dict[str, object]:
    """What a template sees: the view, and the ``lang`` of the document's script."""
    return {**view, "lang": script.html_lang if script is not None else "zh"}


#: How much rendered text is gathered before it is converted and handed on (characters).
_BLOCK = 1 << 20


def render_text_stream(
    template: Path,
    view: View,
    ws: Workspace | None,
    fmt: DocFormat,
    script: Script | None = None,
) -> Iterator[str]:
    """A Markdown or HTML document, wholly in ``script`` (None: each text as it is written),
    in blocks of whole lines as it is rendered: a large report is never all in memory.

    The template is read and compiled at once (a syntax error is raised here, before
    anything is written); a failure while rendering is raised from the iteration.
    """
    env = _environment([template.parent, *search_path(ws)], autoescape=fmt is DocFormat.html)
    with _template_errors(template):
        compiled = env.get_template(template.name)
    convert = script.convert if script is not None else str
    return _rendered(template, in_blocks(compiled.generate(**_context(view, script)), convert))


def _rendered(template: Path, blocks: Iterator[str]) -> Iterator[str]:
    with _template_errors(template):
        yield from blocks


def in_blocks(
    pieces: Iterable[str], convert: Callable[[str], str], size: int | None = None
) -> Iterator[str]:
    """``pieces`` joined into blocks of at least ``size`` characters that end at a line
    break, each converted: no word of OpenCC's dictionaries spans a line break, so the
    blocks converted one by one are the whole text converted at once (头发 → 頭髮 needs
    both characters in one block)."""
    size = _BLOCK if size is None else size
    stream = iter(pieces)
    pending: list[str] = []
    held = 0
    while chunk := list(islice(stream, 4096)):  # joined in C: templates yield tiny pieces
        batch = "".join(chunk)
        pending.append(batch)
        held += len(batch)
        if held >= size and "\n" in batch:
            text = "".join(pending)
            cut = text.rindex("\n") + 1
            pending, held = [text[cut:]], len(text) - cut
            yield convert(text[:cut])
    yield convert("".join(pending))


def render_docx(
    template: Path,
    view: View,
    ws: Workspace | None,
    archive_date: dt.date,
    script: Script | None = None,
) -> bytes:
    """A Word document wholly in ``script``, in the official form; its archive dated
    ``archive_date`` (the same inputs give the same bytes)."""
    import io
    import zipfile

    from docxtpl import DocxTemplate  # untyped (see [tool.mypy] overrides)

    from gov_disclosure.documents.docx_finish import finish
    from gov_disclosure.storage.fileio import stable_zip

    env = _environment([template.parent, *search_path(ws)], autoescape=True)
    context = _context(view, script)
    with _template_errors(template):
        try:
            doc = DocxTemplate(str(template))
            doc.render(context, jinja_env=env, autoescape=True)
        except (zipfile.BadZipFile, KeyError) as exc:
            raise GdError.data(f"not a Word .docx template ({exc})", template) from None
        finish(doc.docx, _info(context, script, archive_date))
        buffer = io.BytesIO()
        doc.save(buffer)
    return stable_zip(buffer.getvalue(), archive_date)


def _info(context: Mapping[str, object], script: Script | None, day: dt.date) -> DocumentInfo:
    """A document's core properties from its view: its title and issuer, in its script."""
    from gov_disclosure.documents.docx_finish import DocumentInfo

    signature = context.get("signature")
    author = signature.get("issuer") if isinstance(signature, dict) else None
    return DocumentInfo(str(context.get("title") or ""), str(author or ""), day, script)


#: Failures that concern the template as a whole, and what to say about each.
_WHOLE_TEMPLATE: tuple[tuple[type[BaseException], str], ...] = (
    (RecursionError, "template error: it includes or calls itself without end"),
    (UnicodeDecodeError, "template is not valid UTF-8; save it as UTF-8"),
)


class _template_errors:
    """Turn any template failure into a project error naming the template file and line."""

    def __init__(self, template: Path) -> None:
        self.template = template

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> Literal[False]:
        if exc is None or isinstance(exc, GdError) or not isinstance(exc, Exception):
            return False  # also an abandoned render (GeneratorExit) or Ctrl-C
        from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError
        from jinja2.exceptions import SecurityError

        if isinstance(exc, TemplateSyntaxError):
            file = Path(exc.filename) if exc.filename else self.template
            raise GdError.data(f"template syntax error: {exc.message}", file, exc.lineno) from None
        if isinstance(exc, TemplateNotFound):
            raise GdError.data(
                f"template {exc.name} not found (included from it)", self.template
            ) from None
        if isinstance(exc, TemplateError | SecurityError | OverflowError | MemoryError):
            file, line = self._where(tb)  # at the template line that failed
            raise GdError.data(f"template error: {exc}", file, line) from None
        for kind, message in _WHOLE_TEMPLATE:
            if isinstance(exc, kind):
                raise GdError.data(message, self.template) from None
        file, line = self._where(tb)
        if line is not None:  # raised by the template's own code: {{ 1 / 0 }}, {{ "a" + 1 }}
            raise GdError.data(f"template error: {type(exc).__name__}: {exc}", file, line) from None
        return self._not_a_docx(exc)

    def _not_a_docx(self, exc: BaseException) -> Literal[False]:
        """A Word template that is not a readable .docx (python-docx's own errors)."""
        import zipfile

        from docx.opc.exceptions import OpcError

        if isinstance(exc, OpcError | zipfile.BadZipFile | KeyError):
            raise GdError.data(f"not a Word .docx template ({exc})", self.template) from None
        return False

    def _where(self, tb: TracebackType | None) -> tuple[Path, int | None]:
        import traceback

        for frame in reversed(traceback.extract_tb(tb)):
            if frame.filename and frame.filename.endswith((".j2", ".html", ".md", ".docx")):
                return Path(frame.filename), frame.lineno
        return self.template, None
