"""Units in a notice: the names in a unit cell with their roles, units named in running text,
and the registry's name for each (a name the registry lacks is kept and recorded)."""

from __future__ import annotations

import re

from gov_disclosure.intake.draft import Draft
from gov_disclosure.intake.text import key
from gov_disclosure.plan.units import UnitIndex, Unresolved, canonical
from gov_disclosure.textnorm import to_simplified

_ROLE_WORDS = re.compile(
    r"(按照?(?:各自)?職責分工負責|按照?(?:各自)?职责分工负责|牽頭負責|牵头负责|牽頭|牵头|負責|负责|配合|參與|参与)"
)
_SEPARATORS = "、，,;；/ 　\n"
_UNIT_LIKE = re.compile(
    r"(?:[縣县市區区州省][^，,。；;、\s《》“”()（）]{1,14}?"
    r"(?:局|中心|辦公室|办公室|辦|办|委員會|委员会|委|院|隊|队|所|分局|公司))"
)


def split_units(text: str) -> list[str]:
    """Unit names from a cell, separated by 、，,;； — not inside parentheses: 各鄉(鎮、街道)."""
    names: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        if depth == 0 and ch in _SEPARATORS:
            if current:
                names.append("".join(current))
            current = []
            continue
        current.append(ch)
    if current:
        names.append("".join(current))
    out = []
    for name in names:
        name = name.strip().strip("。.：:")
        name = re.sub(r"^(?:由|和|及|與|与|等)", "", name)
        name = re.sub(r"(?:等)$", "", name)
        if name:
            out.append(name)
    return out


def parse_units(text: str, default_role: str) -> list[tuple[str, str]]:
    """(role, name) pairs from a unit cell: …牽頭，…按照職責分工負責."""
    pairs: list[tuple[str, str]] = []
    pos = 0
    for m in _ROLE_WORDS.finditer(text):
        chunk = text[pos : m.start()]
        role = "lead" if key(m.group(1)).startswith("牵头") else "responsible"
        for name in split_units(chunk):
            pairs.append((role, name))
        pos = m.end()
    for name in split_units(text[pos:]):
        pairs.append((default_role, name))
    return pairs


def named_units(text: str, index: UnitIndex | None) -> list[str]:
    """Units named in running text: registry names first, else unit-like words."""
    found: list[tuple[int, str]] = []
    if index is not None:
        simple = to_simplified(text)
        for unit in index.units:
            if unit.is_group:
                continue
            for spelling in unit.spellings():
                s = to_simplified(spelling)
                if len(s) >= 3 and s in simple:
                    found.append((simple.index(s), unit.name))
                    break
    if not found:
        found = [(m.start(), m.group(0)) for m in _UNIT_LIKE.finditer(text)]
    seen: list[str] = []
    for _, name in sorted(found):
        if name not in seen:
            seen.append(name)
    return seen


class UnitResolver:
    def __init__(self, index: UnitIndex | None, draft: Draft) -> None:
        self.index = index
        self.draft = draft

    def name(self, written: str, line: int) -> str:
        """The registry's name for a unit as the notice writes it, or the cleaned name (warned)."""
        if self.index is not None:
            try:
                return self.index.lookup(written).name
            except Unresolved:
                try:
                    unit = self.index.match(written)
                    if len(canonical(written)) >= 3:
                        return unit.name
                except Unresolved:
                    pass
        wanted = canonical(written)
        for known in self.draft.unknown_units:
            if canonical(known) == wanted:
                return known
        self.draft.unknown_units[written] = line
        return written
