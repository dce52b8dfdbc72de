"""Schema validation of a parsed file, with every problem placed at its line."""

from __future__ import annotations

import difflib
import types
import typing
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from gov_disclosure.errors import Finding, GdError, Problem
from gov_disclosure.storage.yamlio import YamlDocument

M = TypeVar("M", bound=BaseModel)


def validate_document(doc: YamlDocument, model: type[M], what: str) -> M:
    """Validate a parsed YAML document against a pydantic model (``what`` names it in messages).

    Raise one :class:`GdError` with every problem, each placed at its line.
    """
    if doc.data is None:
        raise GdError.data(f"file is empty; expected a {what}", doc.path, 1, 1)
    if not isinstance(doc.data, dict):
        raise GdError.data(
            f"expected a {what} (a mapping of keys to values), found a {_kind(doc.data)}",
            doc.path,
            *(doc.position(()) or (None, None)),
        )
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        problems = [
            _problem(doc, model, err)
            for err in errors
            if not _explained_by_typo(err, errors, model)
        ]
        raise GdError.of(problems) from None


def _explained_by_typo(
    err: ErrorDetails, errors: list[ErrorDetails], model: type[BaseModel]
) -> bool:
    """A missing field that an unknown field beside it is a misspelling of (say it once)."""
    if err["type"] != "missing":
        return False
    parent, name = tuple(err["loc"][:-1]), err["loc"][-1]
    for other in errors:
        loc = tuple(other["loc"])
        if other["type"] == "extra_forbidden" and loc[:-1] == parent:
            close = difflib.get_close_matches(str(loc[-1]), _fields_at(model, parent), n=1)
            if close == [name]:
                return True
    return False


def findings_to_problems(doc: YamlDocument, findings: list[Finding]) -> list[Problem]:
    return [doc.problem(f.message, f.loc, key=f.key, severity=f.severity) for f in findings]


def dotted(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _problem(doc: YamlDocument, model: type[BaseModel], err: ErrorDetails) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    where = dotted(loc)
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f"; allowed: {', '.join(allowed)}"
        return doc.problem(f"unknown field {loc[-1]!r}{hint}", loc, key=True)
    if kind == "missing":
        parent = dotted(loc[:-1])
        inside = f" in {parent}" if parent else ""
        return doc.problem(f"missing field {loc[-1]!r}{inside}", loc)
    value = err.get("input")
    shown = _show(value)
    return doc.problem(f"{where}: {_message(err)} (got {shown})", loc)


def _message(err: ErrorDetails) -> str:
    msg = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] == "string_pattern_mismatch":
        return f"does not have the expected form ({err['ctx']['pattern']})"
    return msg[0].lower() + msg[1:] if msg else msg


def _show(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(value: object) -> str:
    return {list: "list", str: "text", int: "number", float: "number", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def _fields_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The field names allowed at a location of the data (for 'did you mean')."""
    current: object = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
            continue
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(str(part))
            current = info.annotation if info else None
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(tp: object) -> object:
    """Optional[X] → X (keeps list[...] as it is)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0] if len(args) == 1 else tp
    return tp
