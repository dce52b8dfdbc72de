"""The bad-input corpus (tests/bad_inputs/*.yaml): every case gets a clear error, no traceback, nothing written.

Each case file names what it breaks (``about``), how: ``edit`` (text
replacements in the bundled workspace's files), ``files`` (whole files) or
``special`` (binary or generated inputs built here), the command to ``run``,
and what must come out: the ``exit`` code (1: a workspace file is wrong, 2:
what was typed is wrong), a ``message`` fragment, and ``at`` — the file and
the line (found by a marker) the message must point to.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
import yaml

from conftest import REPO

CASES = sorted((Path(__file__).parent / "bad_inputs").glob("*.yaml"))


def _special(kind: str, root: Path) -> None:
    plan = root / "plan" / "2020.yaml"
    units = root / "plan" / "units.yaml"
    if kind == "bom":
        plan.write_bytes(b"\xef\xbb\xbf" + plan.read_bytes())
    elif kind == "gbk":
        plan.write_bytes(plan.read_text(encoding="utf-8").encode("gb18030"))
    elif kind == "stray-byte":
        data = plan.read_bytes()
        cut = data.index(b"issuer:")
        plan.write_bytes(data[:cut] + b"\xff" + data[cut:])
    elif kind == "huge":
        with open(plan, "ab") as handle:
            handle.write(b"# " + b"x" * (50 * 1024 * 1024) + b"\n")
    elif kind == "plan-folder":
        plan.unlink()
        (plan).mkdir()
        (root / "plan" / "2019.yaml").write_text("year: 2019\n", encoding="utf-8")
    elif kind == "laughs":
        lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        for i, name in enumerate("bcdefghi"):
            prev = "abcdefghi"[i]
            lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
        lines.append("units: *i")
        units.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif kind == "cycle":
        units.write_text(
            units.read_text(encoding="utf-8")
            + "  - id: ring-a\n    name: 甲組\n    kind: group\n    members: [乙組]\n"
            + "  - id: ring-b\n    name: 乙組\n    kind: group\n    members: [甲組]\n",
            encoding="utf-8",
        )
    elif kind == "empty-group":
        units.write_text(
            units.read_text(encoding="utf-8") + "  - id: empty\n    name: 空組\n    kind: group\n",
            encoding="utf-8",
        )
    elif kind == "progress-folder":
        (root / "progress" / "2020" / "zhuji.yaml").mkdir(parents=True)
    elif kind == "progress-fifo":
        folder = root / "progress" / "2020"
        folder.mkdir(parents=True)
        os.mkfifo(folder / "health.yaml")
    elif kind == "template-latin1":
        (root / "templates").mkdir(exist_ok=True)
        (root / "templates" / "report.md.j2").write_bytes("# 報告 {{ title }}\n".encode("big5"))
    elif kind == "registry-dev-zero":
        units.unlink()
        units.symlink_to("/dev/zero")
    else:  # pragma: no cover - a typo in a case file
        raise AssertionError(f"unknown special {kind!r}")


def build(case: dict, root: Path) -> None:
    for part in ("plan",):
        shutil.copytree(REPO / part, root / part)
    for name, edits in (case.get("edit") or {}).items():
        path = root / name
        text = path.read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text, f"case edit does not apply: {old!r}"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    for name, content in (case.get("files") or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    if case.get("special"):
        _special(case["special"], root)


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in root.rglob("*")
        if p.is_file() and ".gd-cache" not in p.parts and not p.name.endswith(".lock")
    }


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_bad_input(path: Path, gd, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    root = tmp_path / "case"
    build(case, root)
    monkeypatch.chdir(root)
    before = snapshot(root)
    start = time.perf_counter()
    result = gd(*case["run"], root=root)
    elapsed = time.perf_counter() - start
    out = result.stderr.replace(str(root) + os.sep, "")
    assert result.exit_code == case["exit"], f"{case['about']}: exit {result.exit_code}\n{out}"
    assert case["message"] in out, f"{case['about']}: {out}"
    assert "Traceback" not in out + result.stdout
    assert "internal error" not in out
    if case.get("at"):
        text = (root / case["at"]["file"]).read_bytes().decode("utf-8", "replace")
        # Lines as editors count them: at \n only (not at U+2028 and friends).
        line = next(n for n, t in enumerate(text.split("\n"), 1) if case["at"]["marker"] in t)
        assert f"{case['at']['file']}:{line}:" in out, (
            f"{case['about']}: expected line {line}\n{out}"
        )
    assert snapshot(root) == before, f"{case['about']}: something was written"
    if case.get("special") == "laughs":
        assert elapsed < 1.0
    problems = [line for line in out.splitlines() if case["message"] in line]
    assert len(problems) == 1, f"{case['about']}: one message per problem\n{out}"


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 50
