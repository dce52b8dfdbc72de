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

#: Each top-level module or subpackage and its layer; a layer imports only lower ones. The
#: modules of one subpackage (api/ too) import each other, and so do the foundations, layer 0.
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
        elif isinstance(node, ast.ImportFrom):
            module = absolute(path, node.level, node.module)
            if module == "gov_disclosure":  # a submodule, or a name of __init__
                out += [
                    (node.lineno, f"gov_disclosure.{a.name}" if a.name in LAYERS else module)
                    for a in node.names
                ]
            else:
                out.append((node.lineno, module))
    return out


def absolute(path: Path, level: int, module: str | None) -> str:
    """The absolute name of ``from <dots><module> import …`` written in ``path``."""
    if level == 0:
        return module or ""
    package = ["gov_disclosure", *path.relative_to(PACKAGE).parent.parts]
    base = package[: len(package) - (level - 1)]
    return ".".join([*base, module] if module else base)


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


def test_relative_imports_are_resolved() -> None:
    """``from . import x`` inside a subpackage is an import of that subpackage, not a way round."""
    api = PACKAGE / "api" / "plan.py"
    assert absolute(api, 1, "_common") == "gov_disclosure.api._common"
    assert absolute(api, 2, "cli") == "gov_disclosure.cli"
    assert absolute(PACKAGE / "errors.py", 1, None) == "gov_disclosure"


def test_the_api_is_one_layer_only_the_command_line_imports() -> None:
    """The API's modules import each other and every layer below; nothing below imports them."""
    users = {
        path.relative_to(PACKAGE).parts[0]
        for path in modules()
        for _, module in imports(path)
        if part_of(module) == "api"
    }
    assert users <= {"api", "cli"}, f"only the command line imports the API, not {users}"


def test_the_api_exports_each_public_name_of_its_modules() -> None:
    """``gov_disclosure.api.X`` for every command's function and result; helpers stay private."""
    import importlib

    from gov_disclosure import api

    public = set()
    for path in sorted((PACKAGE / "api").glob("*.py")):
        if path.name.startswith("_"):
            continue
        module = importlib.import_module(f"gov_disclosure.api.{path.stem}")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.ClassDef) and not node.name.startswith("_"):
                public.add(node.name)
                assert getattr(api, node.name) is getattr(module, node.name), node.name
    assert public == set(api.__all__)
