"""Editing the unit registry: new units with readable ids, aliases and group members.

Every edit goes through the same safe writes as progress records: a lock beside
the file, a round trip through ruamel.yaml that keeps comments and layout, the
new text validated before it replaces the old one atomically.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gov_disclosure.errors import ExitCode, GdError
from gov_disclosure.models import UnitKind
from gov_disclosure.plan.units import RESERVED_FILE_NAMES, canonical, without_county
from gov_disclosure.storage.fileio import atomic_write, locked, round_trip_yaml
from gov_disclosure.textnorm import to_simplified

#: Words of a name that stands for a group of units: 各鄉鎮, 縣直各單位, 有關部門.
GROUP_HINT = re.compile(r"^各|[直區区縣县市]各|有[關关]部[門门]|各[單单]位|各部[門门]")
#: Longest unit id written (ids name progress files; the schema allows 63 characters).
MAX_ID_LENGTH = 40
#: Longest unit name the registry accepts (see ``schema.Unit``).
MAX_NAME_LENGTH = 100


@dataclass
class NewUnit:
    """A unit to add to the registry, as it will be written."""

    id: str
    name: str
    kind: UnitKind
    aliases: list[str] = field(default_factory=list)
    full_name: str | None = None
    parent: str | None = None
    member_kinds: list[UnitKind] = field(default_factory=list)

    def entry(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name}
        if self.full_name:
            out["full_name"] = self.full_name
        if self.aliases:
            out["aliases"] = list(self.aliases)
        out["kind"] = self.kind.value
        if self.parent:
            out["parent"] = self.parent
        if self.member_kinds:
            out["member_kinds"] = [k.value for k in self.member_kinds]
        return out


def slug(name: str) -> str:
    """An ASCII id read off a unit's name: its pinyin without the county's name.

    縣衛健局 → weijianju, 丹鳳街道 → danfengjiedao, 各鄉(鎮、街道) → gexiangzhenjiedao.
    """
    from pypinyin import lazy_pinyin  # imported here: only registry edits need it

    text = without_county(name)
    if text[:1] in ("縣", "县") and len(text) > 2:
        text = text[1:]
    syllables = lazy_pinyin(text, errors=lambda chars: "".join(c for c in chars if c.isascii()))
    ascii_text = "".join(syllables).lower()
    cleaned = re.sub(r"[^a-z0-9]+", "", ascii_text)
    return cleaned[:MAX_ID_LENGTH] or "unit"


def unique_id(name: str, taken: Iterable[str]) -> str:
    """:func:`slug`, with -2, -3 … when another unit already has it."""
    used = set(taken)
    base = slug(name)
    candidate, n = base, 2
    while candidate in used or candidate in RESERVED_FILE_NAMES:
        suffix = f"-{n}"
        candidate = base[: MAX_ID_LENGTH - len(suffix)] + suffix
        n += 1
    return candidate


def guess_kind(name: str) -> tuple[UnitKind, list[UnitKind]]:
    """A unit's kind guessed from its name, and a group's member kinds."""
    simple = to_simplified(name)
    if GROUP_HINT.search(simple) and (simple.startswith("各") or "直" in simple):
        if re.search(r"[乡镇]|街道", simple):
            return UnitKind.group, [UnitKind.township, UnitKind.subdistrict]
        departments = [UnitKind.county_department, UnitKind.county_institution]
        return UnitKind.group, [*departments, UnitKind.city_branch]
    if re.search(r"街道(?:办事处)?$", simple):
        return UnitKind.subdistrict, []
    if re.search(r"[乡镇](?:人民政府)?$", simple):
        return UnitKind.township, []
    if simple.startswith("市") and "分局" in simple:
        return UnitKind.city_branch, []
    if re.search(r"(?:中心|院|站|所|队|馆)$", simple):
        return UnitKind.county_institution, []
    return UnitKind.county_department, []


def abbreviation_of(name: str, names: Iterable[str]) -> str | None:
    """The one name of ``names`` that ``name`` abbreviates (縣政府辦 → 縣政府辦公室), if any.

    An abbreviation ends 辦 where the name ends 辦公室, or keeps the name's first
    and last characters and drops some in between (衛健局 → 衛生健康局); a name
    that merely begins another (縣財政局, 縣財政局國庫科) abbreviates nothing.
    """
    short = canonical(name)
    found = {n for n in names if n != name and _abbreviates(short, canonical(n))}
    return found.pop() if len(found) == 1 else None


def _abbreviates(short: str, long: str) -> bool:
    if len(short) < 2 or len(short) >= len(long):
        return False
    if long.startswith(short):  # 縣政府辦 → 縣政府辦公室: 辦 is how 辦公室 is shortened
        return short.endswith("办") and long[len(short) :] == "公室"
    if short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long)
    return all(ch in rest for ch in short)


def parent_of(name: str, names: Iterable[str]) -> str | None:
    """The longest of ``names`` that a sub-office's name begins with (政府辦公室政務信息股 →
    縣政府辦公室), compared as :func:`canonical` keys."""
    key = canonical(name)
    best = [n for n in names if n != name and key.startswith(canonical(n))]
    return max(best, key=lambda n: len(canonical(n))) if best else None


# ---- writes ------------------------------------------------------------------------


def append_units(path: Path, units: list[NewUnit], note: str, county: str | None = None) -> None:
    """Add units to a registry file (created when missing), keeping what is in it."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    def edit(doc: Any) -> None:
        seq = doc.get("units")
        if seq is None:
            seq = doc["units"] = CommentedSeq()
        for i, unit in enumerate(units):
            seq.append(CommentedMap(unit.entry()))
            if i == 0:
                seq.yaml_set_comment_before_after_key(len(seq) - 1, before=note, indent=2)

    _edit(path, edit, county, create=True)


def add_alias(path: Path, unit_id: str, alias: str, county: str | None = None) -> None:
    """Give a registered unit one more spelling."""
    from ruamel.yaml.comments import CommentedSeq

    def edit(doc: Any) -> None:
        node = _unit_node(doc, unit_id, path)
        aliases = node.get("aliases")
        if aliases is None:
            aliases = CommentedSeq()
            aliases.fa.set_flow_style()
            node.insert(_key_position(node, "aliases"), "aliases", aliases)
        if alias not in aliases:
            aliases.append(alias)

    _edit(path, edit, county)


def add_members(
    path: Path, group_id: str, member_ids: list[str], county: str | None = None
) -> list[str]:
    """List units as members of a group; returns the ids that were not members yet."""
    from ruamel.yaml.comments import CommentedSeq

    added: list[str] = []

    def edit(doc: Any) -> None:
        node = _unit_node(doc, group_id, path)
        members = node.get("members")
        if members is None:
            members = CommentedSeq()
            node.insert(_key_position(node, "members"), "members", members)
        for member in member_ids:
            if member not in members:
                members.append(member)
                added.append(member)

    _edit(path, edit, county)
    return added


#: The order in which a unit's keys are written.
_KEY_ORDER = ("id", "name", "full_name", "aliases", "kind", "parent", "members", "member_kinds")


def _key_position(node: Any, key: str) -> int:
    rank = _KEY_ORDER.index(key)
    keys = list(node.keys())
    return sum(1 for k in keys if k in _KEY_ORDER and _KEY_ORDER.index(k) < rank)


def _unit_node(doc: Any, unit_id: str, path: Path) -> Any:
    for node in doc.get("units") or []:
        if node.get("id") == unit_id:
            return node
    raise GdError.data(f"no unit with id {unit_id!r}", path)


def _edit(
    path: Path, edit: Callable[[Any], None], county: str | None, create: bool = False
) -> None:
    """Apply ``edit`` to the registry's round-trip document and write it back safely (checked
    as `gd validate` reads it in a workspace of ``county``)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from gov_disclosure.plan.loading import check_registry
    from gov_disclosure.storage import yamlio
    from gov_disclosure.storage.textfile import read_text

    yaml = round_trip_yaml()
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        if path.exists():
            doc = yaml.load(read_text(path))
        elif create:
            doc = CommentedMap()
            doc.yaml_set_start_comment("Unit registry: see `gd units --help`.")
            doc["units"] = CommentedSeq()
        else:
            raise GdError.data("the unit registry is missing", path)
        edit(doc)
        buffer = io.StringIO()
        yaml.dump(doc, buffer)
        text = buffer.getvalue()
        # Never write what gd would then refuse to read (as `gd validate` reads it).
        try:
            check_registry(yamlio.parse(text, path), county)
        except GdError as exc:
            errors = [p for p in exc.problems if p.severity == "error"]
            raise GdError(errors, ExitCode.USAGE) from None
        atomic_write(path, text.encode("utf-8"))
