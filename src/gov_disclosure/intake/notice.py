"""Reading a notice: text in UTF-8 or GB18030/GBK, Markdown, or a .docx with its task table.

Produces :class:`NoticeText`: the lines before the table (the notice's own
paragraphs) and the table's rows as cells, each with the line it came from.
A text with a Markdown table (its ``|---|`` delimiter row under a ``| … |`` row) is read as
Markdown: what ``gd plan render`` writes, or a notice a web page was turned into.
"""

from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from gov_disclosure.errors import GdError

#: A section (一、…) or sub-section (（一）…) heading written on a line of its own.
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）])\S"
)
#: A Markdown table's delimiter row: | --- | :---: | ---: |
_MD_DELIMITER = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
#: What Markdown text holds besides the words: a backslash escape, a line break, an HTML
#: tag, a cell's bar.
_MD_TOKEN = re.compile(r"\\(.)|(<br\s*/?>)|(<[^<>]*>)|(\|)", re.IGNORECASE)
_MD_HEADING = re.compile(r"^#{1,6}\s+")


@dataclass
class Row:
    cells: list[str]
    line: int


@dataclass
class NoticeText:
    path: Path
    encoding: str
    paragraphs: list[tuple[int, str]] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    #: Lines after the table (some notices put the issuer and date there).
    trailer: list[tuple[int, str]] = field(default_factory=list)


def decode(raw: bytes, path: Path) -> tuple[str, str]:
    """The text and the encoding it was in: UTF-8 (with or without BOM), else GB18030."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in ("gb18030",):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise GdError.usage(f"{path}: cannot read the notice: it is neither UTF-8 nor GB18030/GBK text")


#: Largest notice read: a plan's notice is some tens of kilobytes; a .docx with images more.
MAX_NOTICE_BYTES = 16 * 1024 * 1024
#: Largest total a .docx may inflate to (its parts, uncompressed).
MAX_DOCX_INFLATED = 64 * 1024 * 1024


def read_notice(path: Path) -> NoticeText:
    """A notice as text lines and table rows; a usage error for what cannot be one."""
    raw = _read_bounded(path)
    if raw[:4] == b"PK\x03\x04" or path.suffix.lower() == ".docx":
        return _read_docx(path, raw)
    text, encoding = decode(raw, path)
    return split_text(path, text, encoding)


def _read_bounded(path: Path) -> bytes:
    """A regular file's bytes, never more than :data:`MAX_NOTICE_BYTES`."""
    import stat

    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise GdError.usage(f"{path}: not a regular file (a folder, a pipe or a device)")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_NOTICE_BYTES + 1)
    except FileNotFoundError:
        raise GdError.usage(f"{path}: no such file") from None
    except OSError as exc:
        raise GdError.usage(f"{path}: cannot read it: {exc.strerror or exc}") from None
    if len(raw) > MAX_NOTICE_BYTES:
        limit = MAX_NOTICE_BYTES // (1024 * 1024)
        raise GdError.usage(f"{path}: too large for a notice (over {limit} MiB)")
    return raw


def split_text(path: Path, text: str, encoding: str = "utf-8") -> NoticeText:
    """Paragraphs before the table, then table rows: lines with `|`, `｜` or tab-separated cells."""
    notice = NoticeText(path, encoding)
    lines = text.splitlines()
    markdown = _is_markdown(lines)
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or (markdown and _MD_DELIMITER.match(stripped)):
            continue
        if not markdown:
            _take_line(notice, number, stripped, _cells(stripped))
        elif stripped.startswith("|"):
            notice.rows.append(Row(_markdown(stripped, table=True), number))
        else:
            for part in _markdown(stripped, table=False):
                _take_line(notice, number, part, None)
    return notice


def _is_markdown(lines: list[str]) -> bool:
    """A Markdown table: a delimiter row (``|---|---|``) right under a row that starts with a
    bar.  A line of dashes alone is a plain text's separator, not Markdown."""
    previous = ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("|") and previous.startswith("|") and _MD_DELIMITER.match(stripped):
            return True
        previous = stripped
    return False


def _take_line(notice: NoticeText, number: int, line: str, cells: list[str] | None) -> None:
    """A line of text: a table row (its ``cells``), a section heading between rows, or a
    paragraph (before the table, or after it)."""
    if cells is None and notice.rows and _HEADING.match(line):
        cells = [line]  # a section heading between the table's rows
    if cells is not None:
        notice.rows.append(Row(cells, number))
    elif notice.rows:
        notice.trailer.append((number, line))
    else:
        notice.paragraphs.append((number, line))


def _markdown(line: str, table: bool) -> list[str]:
    """A Markdown line as words: a table row's cells (split at unescaped bars), or a line of
    text split at its line breaks; escapes and HTML entities undone, tags and a heading's
    ``#`` dropped."""
    source = line if table else _MD_HEADING.sub("", line)
    pieces = [""]
    pos = 0
    for m in _MD_TOKEN.finditer(source):
        pieces[-1] += html.unescape(source[pos : m.start()])
        if table and m.group(4) is not None:
            pieces.append("")
        else:
            pieces[-1] += _token_text(m)
        pos = m.end()
    pieces[-1] += html.unescape(source[pos:])
    if table:
        return [p.strip() for p in pieces[1:]]  # nothing stands before a row's first bar
    return [p.strip() for p in pieces[0].split("\n") if p.strip()]


def _token_text(m: re.Match[str]) -> str:
    """What a Markdown token stands for in the words: the escaped character, a line break
    for <br>, nothing for another tag, a bar that is no cell's edge."""
    escaped, br, _tag, bar = m.groups()
    if escaped is not None:
        return str(escaped)
    return "\n" if br is not None else "|" if bar is not None else ""


def _cells(line: str) -> list[str] | None:
    for sep in ("|", "｜", "\t"):
        if sep in line:
            cells = (
                [c.strip() for c in line.strip().strip(sep).split(sep)]
                if sep != "|"
                else _pipe(line)
            )
            return cells
    return None


def _pipe(line: str) -> list[str]:
    parts = [c.strip() for c in line.split("|")]
    if line.strip().startswith("|") and parts and parts[0] == "":
        parts = parts[1:]  # a Markdown-style leading bar
    return parts


def _check_inflation(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a .docx whose parts would inflate beyond :data:`MAX_DOCX_INFLATED` (a zip bomb).

    The sizes the archive declares bound what is inflated: reading a part stops at
    its declared size.
    """
    total = sum(info.file_size for info in archive.infolist())
    if total > MAX_DOCX_INFLATED:
        limit = MAX_DOCX_INFLATED // (1024 * 1024)
        raise GdError.usage(f"{path}: its parts would inflate to over {limit} MiB; not a notice")


def _read_docx(path: Path, raw: bytes) -> NoticeText:
    import io

    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx ships with gd
        raise GdError.usage("reading .docx needs python-docx") from None
    from lxml import etree

    try:
        _check_inflation(path, zipfile.ZipFile(io.BytesIO(raw)))
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.LxmlError, EOFError) as exc:
        raise GdError.usage(f"{path}: not a readable .docx file ({exc})") from None
    notice = NoticeText(path, "docx")
    # Lines are numbered as a reader counts them: paragraphs, then each table row.
    number = 0
    body = document.element.body
    tables = {id(t._tbl): t for t in document.tables}
    paragraphs = {id(p._p): p for p in document.paragraphs}
    for child in body.iterchildren():
        if id(child) in paragraphs:
            text = paragraphs[id(child)].text.strip()
            number += 1
            if text:
                (notice.trailer if notice.rows else notice.paragraphs).append((number, text))
        elif id(child) in tables:
            for row in tables[id(child)].rows:
                number += 1
                cells = []
                seen: set[int] = set()
                for cell in row.cells:
                    # A cell merged across columns appears once per column: keep it once.
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append("\n".join(p.text.strip() for p in cell.paragraphs).strip())
                notice.rows.append(Row(cells, number))
    return notice
