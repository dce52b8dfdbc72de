"""Applicants' personal data: kept out of git, found where it should not be, masked when shown.

* The applicant's name, ID number, phone and address live only in
  ``requests/private/<year>/<unit-id>.yaml``, keyed by request number.  Before
  anything is written there, the workspace's ``.gitignore`` gets the entry
  ``/requests/private/`` (gd says so when it adds it) and ``git check-ignore``
  must confirm that git ignores the file: otherwise nothing is written.
* Any value of a tracked register file that looks like a mainland ID number
  or a phone number is an error at its line (:func:`scan`).
* Listings never print an ID number or a phone in full (:func:`mask`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from gov_disclosure import constants as C
from gov_disclosure.errors import GdError, Problem, display_path
from gov_disclosure.storage import gitio
from gov_disclosure.storage.workspace import Workspace
from gov_disclosure.textnorm import first_claims

#: The line gd adds to the workspace's .gitignore.
IGNORE_ENTRY = f"/{C.REQUESTS_DIR}/{C.PRIVATE_DIR}/"
_IGNORE_BLOCK = (
    "# written by gd: applicants' personal data (names, ID numbers, phones) never enters git\n"
    f"{IGNORE_ENTRY}\n"
)

_DATE = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
#: GB 11643: six digits of region, the birth date, three of sequence, a check character.
ID_18 = re.compile(
    rf"(?<![0-9A-Za-z])[1-9]\d{{5}}(?:18|19|20)\d{{2}}{_DATE}\d{{3}}[0-9Xx](?![0-9A-Za-z])"
)
#: The old 15-digit form (two-digit birth year, no check character).
ID_15 = re.compile(rf"(?<![0-9A-Za-z])[1-9]\d{{5}}\d{{2}}{_DATE}\d{{3}}(?![0-9A-Za-z])")
#: A mobile number (+86 optional, spaces or hyphens between the groups).
MOBILE = re.compile(r"(?<![0-9])(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?![0-9])")
#: A fixed line with its area code: 0874-1234567, (0874)12345678.
LANDLINE = re.compile(r"(?<![0-9])(?:0\d{2,3}[-\s]?|\(0\d{2,3}\)\s?)\d{7,8}(?![0-9])")
_DETECTORS = (
    (ID_18, "an ID number"),
    (ID_15, "an ID number"),
    (MOBILE, "a phone number"),
    (LANDLINE, "a phone number"),
)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def id_checksum_ok(number: str) -> bool:
    """Whether an 18-character ID number's last character is its GB 11643 check character."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS, strict=True))
    return _CHECK[total % 11] == number[17].upper()


def find_personal(text: str) -> list[tuple[int, str]]:
    """Where ``text`` holds what looks like an ID number or a phone: (offset, what)."""
    value = unicodedata.normalize("NFKC", text)
    if len(value) != len(text):  # keep offsets meaningful; compatibility forms are rare
        value = text
    return sorted((m.start(), what) for m, what in first_claims(_DETECTORS, value))


def scan(root: Node | None, path: Path, skip: tuple[str, ...] = ()) -> list[Problem]:
    """Every value of a YAML file that looks like an ID number or a phone, at its line.

    Values of the keys in ``skip`` are left out (reported otherwise).
    """
    problems = []
    for node in _scalars(root, skip):
        for offset, what in find_personal(str(node.value)):
            line, column = _position(node, offset)
            problems.append(
                Problem(
                    f"this looks like {what}: personal data never goes in a file git keeps; "
                    "put it in the private file (gd requests add --phone/--id-number) "
                    "and remove it here",
                    path,
                    line,
                    column,
                )
            )
    return problems


def _scalars(node: Node | None, skip: tuple[str, ...]) -> Iterator[ScalarNode]:
    if isinstance(node, ScalarNode):
        yield node
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from _scalars(item, skip)
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            if not (isinstance(key, ScalarNode) and key.value in skip):
                yield from _scalars(value, skip)


def _position(node: ScalarNode, offset: int) -> tuple[int, int]:
    """The line and column of an offset in a scalar (exact on one line, its line in a block)."""
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if node.style in ("|", ">"):
        return line + 1 + str(node.value)[:offset].count("\n"), 1
    if node.start_mark.line != node.end_mark.line:
        return line, column
    quote = 1 if node.style in ("'", '"') else 0  # exact unless an escape comes first
    return line, column + quote + offset


# ---- masking ------------------------------------------------------------------------------


def mask(value: str | None, kind: str) -> str:
    """A personal value as listings show it: 張*, 138****5678, 530***********123X."""
    if not value:
        return ""
    if kind == "name":
        return value[0] + "*" * max(1, len(value) - 1)
    if kind == "address":
        return "（已登記）"
    text = value.strip()
    if len(text) <= 7:
        return "*" * len(text)
    return text[:3] + "*" * (len(text) - 7) + text[-4:]


# ---- keeping the private folder out of git --------------------------------------------------


def private_dir(ws: Workspace) -> Path:
    return ws.root / C.REQUESTS_DIR / C.PRIVATE_DIR


def _has_entry(text: str) -> bool:
    entries = {line.strip() for line in text.splitlines()}
    return bool(entries & {IGNORE_ENTRY, IGNORE_ENTRY.rstrip("/"), IGNORE_ENTRY.lstrip("/")})


def ensure_ignored(ws: Workspace, probe: Path) -> list[str]:
    """Make sure git ignores ``probe`` (a private file) before anything is written to it.

    Adds ``/requests/private/`` to the workspace's ``.gitignore`` when it lacks
    it, then asks ``git check-ignore``.  Returns what it did, for the user;
    raises (nothing private written) when git would still keep the file.
    """
    from gov_disclosure.storage.fileio import atomic_write, ensure_gitignore, locked

    said: list[str] = []
    gitignore = ws.root / ".gitignore"
    folder = ws.root / C.REQUESTS_DIR
    folder.mkdir(exist_ok=True)
    ensure_gitignore(folder)  # gd's lock and temporary files stay out of git
    with locked(folder / ".gitignore-edit"):
        old = gitignore.read_text(encoding="utf-8") if gitignore.exists() else ""
        if not _has_entry(old):
            sep = "" if not old or old.endswith("\n") else "\n"
            atomic_write(gitignore, (old + sep + _IGNORE_BLOCK).encode("utf-8"))
            said.append(
                f"added {IGNORE_ENTRY} to {display_path(gitignore)}: "
                "applicants' personal data stays out of git"
            )
    top = gitio.toplevel(ws.root)
    if top is None:
        said.append(f"{ws.root} is not in a git repository; {IGNORE_ENTRY} is ignored once it is")
        return said
    if not gitio.is_ignored(probe, top):
        raise GdError.data(
            f"git does not ignore {display_path(probe)} (is it committed, or does a rule "
            f"re-include it?); nothing was written. Check with `git check-ignore -v "
            f"{display_path(probe)}`",
            gitignore,
        )
    return said


def not_ignored(ws: Workspace, path: Path) -> bool:
    """Whether git would keep ``path`` (False outside a git repository)."""
    top = ws.git_top
    return top is not None and not gitio.is_ignored(path, top)
