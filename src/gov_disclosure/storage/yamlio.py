"""Safe YAML reading that keeps positions, so every error can name its line.

Files are composed into a node tree with PyYAML's C parser when available (the
pure-Python one otherwise) and turned into plain Python values here rather than
by PyYAML's constructor, which lets us:

* keep dates as text, so ``2020-13-01`` reaches validation (and its line)
  instead of failing inside PyYAML with a bare ``ValueError``;
* refuse duplicate keys (PyYAML silently keeps the last one and loses data);
* refuse aliases (``*name``), merge keys and tags, which can make a small file
  expand enormously or carry objects;
* map any validation error's location back to a line and column
  (:func:`locate`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from gov_disclosure.constants import MAX_YAML_DEPTH
from gov_disclosure.errors import GdError, Problem
from gov_disclosure.storage.textfile import read_text

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as Loader  # type: ignore[assignment]

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_constructor = SafeConstructor()

#: What a YAML scalar becomes here (timestamps stay text: see the module's docstring).
Scalar: TypeAlias = str | int | float | bool | None
#: A YAML document as plain values.
YamlValue: TypeAlias = Scalar | list["YamlValue"] | dict[Scalar, "YamlValue"]


@dataclass
class YamlDocument:
    """A parsed file: its plain value and the node tree that knows where each value stood."""

    path: Path
    data: YamlValue
    root: Node | None

    def position(self, loc: tuple[str | int, ...], *, key: bool = False) -> tuple[int, int] | None:
        return locate(self.root, loc, key=key)

    def problem(
        self,
        message: str,
        loc: tuple[str | int, ...] = (),
        *,
        key: bool = False,
        severity: str = "error",
    ) -> Problem:
        pos = self.position(loc, key=key)
        line, col = pos if pos else (None, None)
        return Problem(message, self.path, line, col, severity)


def load(path: Path) -> YamlDocument:
    """Read and parse one YAML file; raise a :class:`GdError` listing every problem."""
    return parse(read_text(path), path)


def compose(text: str) -> Node | None:
    """The node tree of a YAML text (None for an empty one), unchecked: see :func:`parse`."""
    return yaml.compose(text, Loader=Loader)


#: Characters YAML reads as line breaks that editors, git and grep show inside a line:
#: a record hidden behind one is invisible to a reviewer.
_HIDDEN_BREAKS = {"\x85": "U+0085 NEXT LINE", "\u2028": "U+2028 LINE SEPARATOR",
                  "\u2029": "U+2029 PARAGRAPH SEPARATOR"}  # fmt: skip
#: What YAML refuses to read at all (control characters other than tab and line ends).
_UNREADABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


#: Control characters a value may not hold, however written (an escape such as "\e"):
#: everything but tab and line feed. Data never carries an escape sequence to a terminal.
_CONTROL_VALUE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _refuse_hidden_characters(text: str, path: Path) -> None:
    """Point at a character that would hide text from people, or that YAML cannot read."""
    found = [(text.find(ch), name) for ch, name in _HIDDEN_BREAKS.items() if ch in text]
    bad = _UNREADABLE.search(text)
    if bad:
        found.append((bad.start(), f"control character U+{ord(bad.group()):04X}"))
    if not found:
        return
    pos, name = min(found)
    line, column = position_of(text, pos)
    if name.startswith("control"):
        message = f"{name} is not allowed in a YAML file; remove it"
    else:
        message = (
            f"{name}: YAML reads it as a line break that editors, git and grep do not show; "
            "remove it (inside double quotes it may be written as an escape such as \\u2028)"
        )
    raise GdError.data(message, path, line, column)


def position_of(text: str, pos: int) -> tuple[int, int]:
    """1-based line and column of an offset, counting lines as editors do (at \\n only)."""
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def parse(text: str, path: Path) -> YamlDocument:
    """Parse YAML text; raise a :class:`GdError` listing every problem, each at its line."""
    _refuse_hidden_characters(text, path)
    if "\t" in text:
        _refuse_tab_indentation(text, path)
    if "*" in text:
        _refuse_aliases(text, path)
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = _yaml_message(exc)
        if mark is None:
            raise GdError.data(f"YAML syntax error: {message}", path) from None
        raise GdError.data(
            f"YAML syntax error: {message}", path, mark.line + 1, mark.column + 1
        ) from None
    except yaml.YAMLError as exc:
        raise GdError.data(f"YAML error: {exc}", path) from None
    except RecursionError:
        raise GdError.data(f"nested deeper than {MAX_YAML_DEPTH} levels", path) from None
    if root is None:
        return YamlDocument(path, None, None)
    builder = _Builder(path)
    data = builder.build(root, 0)
    if builder.problems:
        raise GdError.of(builder.problems)
    return YamlDocument(path, data, root)


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    text = "; ".join(parts) if parts else str(exc)
    return text.replace("\n", " ")


def _refuse_aliases(text: str, path: Path) -> None:
    """Point at the first alias (*name): a "billion laughs" file stops here, at once."""
    try:
        for event in yaml.parse(text, Loader=Loader):
            if isinstance(event, yaml.AliasEvent):
                mark = event.start_mark  # parsed events always have one
                raise GdError.data(
                    "aliases (*name) are not allowed; write the value out",
                    path,
                    mark.line + 1 if mark else None,
                    mark.column + 1 if mark else None,
                )
    except yaml.YAMLError:
        return  # the syntax error is reported by the full parse that follows


def _refuse_tab_indentation(text: str, path: Path) -> None:
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            raise GdError.data(
                "tab used for indentation; YAML indents with spaces",
                path,
                number,
                len(line) - len(stripped) + 1,
            )


class _Builder:
    """Turns a node tree into plain values, collecting every problem on the way."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.seen: set[int] = set()

    def _problem(self, message: str, node: Node) -> None:
        mark = node.start_mark
        self.problems.append(Problem(message, self.path, mark.line + 1, mark.column + 1))

    def build(self, node: Node, depth: int) -> YamlValue:
        if depth > MAX_YAML_DEPTH:
            self._problem(f"nested deeper than {MAX_YAML_DEPTH} levels", node)
            return None
        if not isinstance(node, ScalarNode):
            if id(node) in self.seen:
                self._problem("aliases (*name) are not allowed; write the value out", node)
                return None
            self.seen.add(id(node))
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                self._problem(f"tags such as {node.tag!r} are not allowed", node)
            return [self.build(item, depth + 1) for item in node.value]
        assert isinstance(node, MappingNode)
        return self._mapping(node, depth)

    def _scalar(self, node: ScalarNode) -> Scalar:
        tag = node.tag
        if tag not in _SCALAR_TAGS:
            self._problem(f"tags such as {tag!r} are not allowed", node)
            return None
        if tag in (_STR, "tag:yaml.org,2002:timestamp"):
            text: str = node.value  # a scalar node's value is its text
            control = _CONTROL_VALUE.search(text)
            if control:  # written as an escape ("\e[2J"): it would act on a terminal or page
                code = ord(control.group())
                self._problem(f"control character U+{code:04X} in a value; remove it", node)
            return text
        if tag == "tag:yaml.org,2002:int":
            return _constructor.construct_yaml_int(node)
        if tag == "tag:yaml.org,2002:float":
            return _constructor.construct_yaml_float(node)
        if tag == "tag:yaml.org,2002:bool":
            return _constructor.construct_yaml_bool(node)
        return None

    def _mapping(self, node: MappingNode, depth: int) -> dict[Scalar, YamlValue]:
        if node.tag != "tag:yaml.org,2002:map":
            self._problem(f"tags such as {node.tag!r} are not allowed", node)
        result: dict[Scalar, YamlValue] = {}
        first_seen: dict[Scalar, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._problem("merge keys (<<) are not allowed; write the keys out", key_node)
                continue
            if not isinstance(key_node, ScalarNode):
                self._problem("a key must be a plain value, not a list or mapping", key_node)
                continue
            key = self._scalar(key_node)
            if key is None:  # ~, null or nothing: the problem is at the key's own line
                self._problem("a key must be a name, not empty or null (~)", key_node)
                continue
            if key in result or key in first_seen:
                self._problem(
                    f"duplicate key {key!r} (first at line {first_seen[key]}); "
                    "YAML keeps only one of them",
                    key_node,
                )
                continue
            first_seen[key] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, depth + 1)
        return result


def locate(
    root: Node | None, loc: tuple[str | int, ...], *, key: bool = False
) -> tuple[int, int] | None:
    """The 1-based (line, column) of the value at ``loc`` (or of its key, with ``key``).

    Where ``loc`` goes further than the file (a missing field), the position of
    the deepest node that exists is returned.
    """
    if root is None:
        return None
    node: Node = root
    key_node: Node | None = None
    for part in loc:
        nxt: Node | None = None
        if isinstance(node, MappingNode):
            for k, v in node.value:
                if isinstance(k, ScalarNode) and _same_key(k, part):
                    key_node, nxt = k, v
                    break
        elif (
            isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value)
        ):
            key_node, nxt = None, node.value[part]
        if nxt is None:
            break
        node = nxt
    else:
        if key and key_node is not None:
            node = key_node
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def _same_key(node: ScalarNode, part: str | int) -> bool:
    if node.value == part:
        return True
    return isinstance(part, int) and node.value == str(part)
