"""The layout is the architecture: each layer imports only the layers below it.

Read from the source (every import, including those inside functions and under
TYPE_CHECKING), so a new module that reaches upward fails here, not in review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "src" / "gov_disclosure"

#: Each top-level module or subpackage and its layer; a layer imports only lower ones
#: (the foundations, layer 0, also import each other).
LAYERS = {
    "__init__": 0,
    "errors": 0,
    "constants": 0,
    "textnorm": 0,
    "dates": 0,
    "models": 0,
    "schema": 0,
    "storage": 1,
    "workdays": 2,
    "plan": 3,
    "progress": 4,
    "history": 5,
    "intake": 5,
    "requests": 5,
    "index": 5,
    "documents": 6,
    "annual": 7,
    "export": 7,
    "api": 8,
    "cli": 9,
    "__main__": 10,
}
#: Libraries for the terminal: only the command line uses them.
TERMINAL = {"typer", "click", "rich"}


def part_of(module: str) -> str:
    """The top-level module or subpackage a dotted gov_disclosure module belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in a file, resolved to absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "gov_disclosure":  # a submodule, or a name of __init__
                out += [
                    (node.lineno, f"gov_disclosure.{a.name}" if a.name in LAYERS else node.module)
                    for a in node.names
                ]
            else:
                out.append((node.lineno, node.module))
    return out


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_layer() -> None:
    for path in modules():
        rel = path.relative_to(PACKAGE)
        name = rel.parts[0].removesuffix(".py")
        assert name in LAYERS, f"{rel}: add it to a layer in LAYERS"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_downward(path: Path) -> None:
    own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    wrong = []
    for line, module in imports(path):
        top = module.split(".")[0]
        if top in TERMINAL and own not in ("cli", "__main__"):
            wrong.append(f"line {line}: {module} (terminal libraries are the CLI's)")
        if top != "gov_disclosure":
            continue
        other = part_of(module)
        if other == own:
            continue
        mine, theirs = LAYERS[own], LAYERS[other]
        if theirs > mine or (theirs == mine and mine != 0):
            wrong.append(f"line {line}: {module} ({own} is layer {mine}, {other} {theirs})")
    assert not wrong, f"{path.relative_to(PACKAGE)} imports upward:\n" + "\n".join(wrong)


def test_every_subpackage_says_what_it_owns_and_may_import() -> None:
    for init in PACKAGE.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        if init.parent.name != "cli":
            assert "May import" in doc, f"{init.parent.name}/__init__.py: say what it may import"
        assert "Owns" in doc or init.parent.name == "cli", f"{init.parent.name}: say what it owns"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_nothing_loads_code_from_data(path: Path) -> None:
    """The cache and every file gd reads are plain data: no pickle, marshal or shelve."""
    loaders = {"pickle", "marshal", "shelve", "dill", "cloudpickle"}
    found = [m for _, m in imports(path) if m.split(".")[0] in loaders]
    assert not found, f"{path.relative_to(PACKAGE)} imports {found}"
