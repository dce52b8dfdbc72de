"""gd's own data as JSON, and back: the cache's format, which can hold no code.

Only plain values are written — None, booleans, numbers, text, lists, dates,
paths — and gd's own dataclasses and enums, named by module and class. Reading
back builds nothing else: a class name outside ``gov_disclosure``, or one that
is not a dataclass or an enum of gd's, is refused (unlike pickle, which calls
whatever the data names). An object met twice is written once and referred to
after, so shared units stay shared.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import importlib
import json
from pathlib import Path, PurePath
from typing import Any

_PACKAGE = "gov_disclosure."


class NotPlain(TypeError):
    """A value this format does not hold (the caller simply does not cache it)."""


def dumps(value: object) -> bytes:
    """The value as UTF-8 JSON; :class:`NotPlain` for anything but plain data and gd's own."""
    return json.dumps(_Encoder().encode(value), ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


def loads(data: bytes) -> Any:
    """What :func:`dumps` wrote; ValueError for anything else (the caller rebuilds)."""
    return _Decoder().decode(json.loads(data.decode("utf-8")))


def _name(cls: type) -> str:
    if not cls.__module__.startswith(_PACKAGE):
        raise NotPlain(f"{cls.__module__}.{cls.__qualname__} is not gd's")
    return f"{cls.__module__}:{cls.__qualname__}"


class _Encoder:
    def __init__(self) -> None:
        self.seen: dict[int, int] = {}
        self.keep: list[object] = []  # ids stay valid while encoding

    def encode(self, v: object) -> object:
        if isinstance(v, enum.Enum):  # before str: a StrEnum is a str too
            return {"$e": _name(type(v)), "v": v.value}
        if v is None or isinstance(v, bool | int | float | str):
            return v
        if isinstance(v, dt.datetime):
            raise NotPlain("datetime")
        if isinstance(v, dt.date):
            return {"$d": v.isoformat()}
        if isinstance(v, PurePath):
            return {"$p": str(v)}
        if isinstance(v, list):
            return [self.encode(x) for x in v]
        if isinstance(v, tuple | set | frozenset):
            tag = {tuple: "$t", set: "$s", frozenset: "$f"}[type(v)]
            items = sorted(v, key=repr) if not isinstance(v, tuple) else v
            return {tag: [self.encode(x) for x in items]}
        if isinstance(v, dict):
            return {"$m": [[self.encode(k), self.encode(x)] for k, x in v.items()]}
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            return self._object(v)
        raise NotPlain(type(v).__name__)

    def _object(self, v: object) -> object:
        ref = self.seen.get(id(v))
        if ref is not None:
            return {"$r": ref}
        self.seen[id(v)] = len(self.seen)
        self.keep.append(v)
        state = getattr(v, "__dict__", None)
        if state is None:  # slots: the fields only
            state = {f.name: getattr(v, f.name) for f in dataclasses.fields(v)}  # type: ignore[arg-type]
        fields = {k: self.encode(x) for k, x in state.items()}
        return {"$c": _name(type(v)), "n": self.seen[id(v)], "f": fields}


class _Decoder:
    def __init__(self) -> None:
        self.objects: dict[int, object] = {}

    def decode(self, v: Any) -> Any:
        if isinstance(v, list):
            return [self.decode(x) for x in v]
        if not isinstance(v, dict):
            return v
        if "$c" in v:
            return self._object(v)
        if "$r" in v:
            return self.objects[int(v["$r"])]
        if "$e" in v:
            return _class(v["$e"], enum.Enum)(v["v"])
        if "$d" in v:
            return dt.date.fromisoformat(v["$d"])
        if "$p" in v:
            return Path(v["$p"])
        if "$m" in v:
            return {self.decode(k): self.decode(x) for k, x in v["$m"]}
        for tag, kind in (("$t", tuple), ("$s", set), ("$f", frozenset)):
            if tag in v:
                return kind(self.decode(x) for x in v[tag])
        raise ValueError("not gd's plain data")

    def _object(self, v: dict[str, Any]) -> object:
        cls = _class(v["$c"], None)
        obj: object = object.__new__(cls)
        self.objects[int(v["n"])] = obj
        for name, value in v["f"].items():
            object.__setattr__(obj, name, self.decode(value))
        return obj


@functools.lru_cache(maxsize=256)
def _class(name: str, base: type | None) -> type:
    """One of gd's dataclasses (or enums): never anything another package defines."""
    module, _, qualname = str(name).partition(":")
    if not module.startswith(_PACKAGE):
        raise ValueError(f"{name} is not gd's")
    obj: Any = importlib.import_module(module)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    ok = isinstance(obj, type) and (
        (base is not None and issubclass(obj, base))
        or (base is None and dataclasses.is_dataclass(obj))
    )
    if not ok:
        raise ValueError(f"{name} is not one of gd's data classes")
    found: type = obj
    return found
