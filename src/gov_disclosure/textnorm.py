"""Rules about Chinese text: pinyin annotations, script folding, signs of damage.

Every rule that looks at the characters of a name or a sentence lives here,
so the name matcher, the validator and the importer agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")

# The two patterns below take milliseconds to compile: each is made on first use (only text
# pasted from a web page or decoded wrongly needs them), not on every start of gd.


@cache
def _pinyin_annotation() -> re.Pattern[str]:
    """A pinyin annotation that a web page put after a character: 衛(wèi), 鄉(xiāng).

    Lower-case Latin letters (with tone marks, or a tone digit) in ASCII or
    full-width parentheses, right after a CJK character.
    """
    return re.compile(
        r"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（]"
        r"[a-zü\u00e0-\u00fc\u0100-\u017f\u01cd-\u01dc\u0300-\u036f]{1,7}[1-5]?"
        r"[)）]"
    )


@cache
def _question_in_cjk() -> re.Pattern[str]:
    """A question mark inside Chinese text: what a GBK/UTF-8 mix-up leaves behind."""
    return re.compile(r"[\u3400-\u9fff。，、；：][?？]|[?？]+[;；]?[\u3400-\u9fff]")


#: Characters that only appear where text was decoded with the wrong encoding.
_REPLACEMENT = "\ufffd"
_SPACES = re.compile(r"\s+")


def strip_pinyin(text: str) -> str:
    """Remove pinyin annotations, keeping real parentheses such as 各鄉(鎮、街道)."""
    if "(" not in text and "（" not in text:
        return text  # no annotation without its bracket (and no pattern to compile)
    while True:  # 衛(a)(b): removing one annotation can put another after a character
        stripped = _pinyin_annotation().sub("", text)
        if stripped == text:
            return text
        text = stripped


@cache  # three configurations, each loaded once (a load takes milliseconds)
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc  # imported here: only commands that convert pay for it

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return str(_converter("t2s").convert(text))


def to_traditional(text: str) -> str:
    """Traditional characters in the forms people read as standard (OpenCC's ``s2tw``,
    characters only: 群眾, 為, 啟, 著, where OpenCC's own ``s2t`` writes 羣衆, 爲, 啓, 着)."""
    return str(_converter("s2tw").convert(text))


def is_traditional(text: str) -> bool:
    """True when the text has characters that simplification would change."""
    return to_simplified(text) != text


def fold(text: str) -> str:
    """The form two spellings of one name share, and two look-alike names too.

    Full-width forms and compatibility characters are folded (NFKC); invisible
    characters (zero-width spaces and joiners, bidirectional controls, BOMs) and
    combining marks removed; pinyin annotations and every space removed, Latin
    letters lower-cased; traditional characters and their variants (衞 for 衛)
    turned into simplified ones.
    """
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE)
    text = _SPACES.sub("", text.lower())
    return str(_converter("hk2s").convert(strip_pinyin(text)))


#: Unicode categories of what people do not see: format characters and combining marks.
_INVISIBLE = frozenset({"Cf", "Mn", "Me"})


def text_warnings(text: str) -> list[tuple[int, str]]:
    """Signs of damage in one piece of text: (offset, message) pairs."""
    found: list[tuple[int, str]] = []
    # Each pattern is searched only where its bracket or question mark is (most texts).
    annotated = "(" in text or "（" in text
    for m in _pinyin_annotation().finditer(text) if annotated else ():
        found.append((m.start(), f"leftover pinyin annotation {m.group()!r}"))
    pos = text.find(_REPLACEMENT)
    if pos >= 0:
        found.append(
            (pos, "U+FFFD replacement character: the text was decoded with the wrong encoding")
        )
    questioned = "?" in text or "？" in text
    for m in _question_in_cjk().finditer(text) if questioned else ():
        found.append(
            (
                m.start(),
                f"{m.group()!r}: a question mark inside Chinese text, a sign of encoding damage",
            )
        )
    return found


class Script(StrEnum):
    """The two ways of writing Chinese characters."""

    simplified = "simplified"
    traditional = "traditional"

    @property
    def convert(self) -> Callable[[str], str]:
        """What writes any text wholly in this script (documents: no character of the other)."""
        return to_simplified if self is Script.simplified else to_traditional

    @property
    def html_lang(self) -> str:
        """The HTML ``lang`` of text in this script (BCP 47)."""
        return "zh-Hans" if self is Script.simplified else "zh-Hant"

    @property
    def word_lang(self) -> str:
        """The language Word and WPS tag text in this script with (it picks the glyph forms)."""
        return "zh-CN" if self is Script.simplified else "zh-TW"


def script_of(traditional: bool) -> Script:
    return Script.traditional if traditional else Script.simplified


def converter(script: Script | None, source_is_traditional: bool) -> Callable[[str], str]:
    """What turns text written in the plan's script (labels are in traditional) into ``script``.

    None keeps the plan's own script.
    """
    target = script or script_of(source_is_traditional)
    if target is Script.simplified:
        return to_simplified
    return _unchanged if source_is_traditional else to_traditional


def _unchanged(text: str) -> str:
    return text


#: Characters refused in typed text: controls other than tab and line feed, YAML's
#: invisible line breaks, and lone surrogates (bytes of the command line that were not UTF-8).
_NOT_TYPABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def typed_text(value: str, option: str) -> str:
    """Text typed on the command line, checked as typed input: a usage error names the option."""
    from gov_disclosure.errors import GdError

    bad = _NOT_TYPABLE.search(value)
    if bad is None:
        return value
    ch = bad.group()
    if "\ud800" <= ch <= "\udfff":
        raise GdError.usage(f"{option}: the text is not valid UTF-8; type it again")
    raise GdError.usage(f"{option}: control character U+{ord(ch):04X} is not allowed")


def convert_texts(value: Any, convert: Callable[[str], str]) -> Any:
    """Every text inside plain data (strings, lists, dicts) passed through ``convert`` (a new
    copy; with the plan's own script, the value itself, unchanged)."""
    if convert is _unchanged:
        return value  # the plan's own script: nothing to walk through
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, list):
        return [convert_texts(v, convert) for v in value]
    if isinstance(value, dict):
        return {k: convert_texts(v, convert) for k, v in value.items()}
    return value


#: Control characters a terminal would act on (C0 but tab and line feed, DEL, C1).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Text for a terminal or a plain-text output: every control character from the data
    (an escape sequence, a bell, a carriage return) shown as a symbol, never acted on."""
    return _CONTROLS.sub(_symbol, text) if _CONTROLS.search(text) else text


def _symbol(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL …
    return "\u2421" if code == 0x7F else f"<U+{code:04X}>"


#: What a spreadsheet evaluates at the start of a cell (OWASP's list for CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text, never evaluates: a leading ' for =, +, -, @,
    tab or carriage return (a negative number stays a number)."""
    if cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


_NUMBER = re.compile(r"-\d+(?:\.\d+)?")


def first_claims(
    patterns: Iterable[tuple[re.Pattern[str], T]], text: str
) -> Iterator[tuple[re.Match[str], T]]:
    """Each match of each pattern in ``text``, with what the pattern stands for; a match that
    starts inside an earlier one is passed over, so the first pattern to claim a stretch of
    text keeps it (list the longer, more specific patterns first)."""
    taken: list[range] = []
    for pattern, meaning in patterns:
        for match in pattern.finditer(text):
            if any(match.start() in span for span in taken):
                continue
            taken.append(range(match.start(), match.end()))
            yield match, meaning
