"""Every listing answered from the index equals the answer read straight from the YAML.

Random workspaces (units, groups, tasks with lead/responsible units and
deadlines, progress files), then random edits — a file added, changed, deleted,
renamed, or edited to the same size with its time put back — and after each the
listings of every unit are compared with ``GD_NO_CACHE=1``'s.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gov_disclosure import api
from gov_disclosure.errors import GdError
from gov_disclosure.index import plans as index_plans
from gov_disclosure.index import progress as index_progress
from gov_disclosure.progress.deadlines import due_record

YEAR = 2020
STATUSES = ["done", "in_progress", "not_started", "not_applicable"]
GROUPS = [
    ("all-towns", "各鄉(鎮、街道)", "township"),
    ("all-depts", "縣直有關部門", "county_department"),
    ("no-one", "縣空組", "subdistrict"),  # no unit is a subdistrict: a group with no members
]


def unit_name(i: int) -> str:
    return f"縣測試局{i:02d}"


def dump(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def write_workspace(root: Path, rng: random.Random) -> dict[str, Any]:
    """A small valid workspace; returns what the edits need to know."""
    (root / "plan").mkdir(parents=True)
    n_units = rng.randint(2, 6)
    units: list[dict[str, Any]] = [
        {"id": f"u{i:02d}", "name": unit_name(i), "kind": ("township", "county_department")[i % 2]}
        for i in range(n_units)
    ]
    units += [{"id": g, "name": n, "kind": "group", "member_kinds": [k]} for g, n, k in GROUPS]
    dump(root / "plan" / "units.yaml", {"units": units})
    names = [u["name"] for u in units]
    sections = []
    for s in range(1, rng.randint(1, 3) + 1):
        tasks = []
        for n in range(1, rng.randint(1, 4) + 1):
            chosen = rng.sample(names, rng.randint(1, min(4, len(names))))
            k = rng.randint(1, len(chosen))
            task: dict[str, Any] = {
                "id": f"{s}.{n}",
                "title": f"測試任務{s}.{n}",
                "requirement": [f"要求{s}.{n}，加大政府信息公開力度。"],
                "lead": chosen[:k],
                "responsible": chosen[k:],
            }
            if rng.random() < 0.6:
                day = dt.date(YEAR, rng.randint(1, 12), rng.randint(10, 28))
                task["deadlines"] = [{"date": day, "what": f"完成任務{s}.{n}"}]
            tasks.append(task)
        sections.append({"number": s, "title": f"第{s}部分", "tasks": tasks})
    notice = {"title": "測試方案", "issuer": "師宗縣人民政府辦公室", "issued": dt.date(YEAR, 3, 1)}
    report = {"id": "report", "date": dt.date(YEAR, 11, 30), "what": "將貫徹落實情況報政府辦公室"}
    plan = {"year": YEAR, "notice": notice, "milestones": [report], "sections": sections}
    dump(root / "plan" / f"{YEAR}.yaml", plan)
    return {"units": n_units}


def progress_data(unit: int, keys: list[str], rng: random.Random) -> dict[str, Any]:
    records = []
    for key in keys:
        day = dt.date(YEAR, rng.randint(1, 11), rng.randint(10, 28))
        record: dict[str, Any] = {"task": key, "status": rng.choice(STATUSES), "date": day}
        if record["status"] == "done":
            record["evidence"] = [f"https://www.example.org/{unit}/{key}.html"]
        records.append(record)
    return {"unit": unit_name(unit), "year": YEAR, "records": records}


def write_progress(root: Path, unit: int, info: dict[str, Any], rng: random.Random) -> None:
    """A progress file for a unit: records on some of the tasks it must report on."""
    folder = root / "progress" / str(YEAR)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        mine = [r["id"] for r in api.tasks(unit=unit_name(unit), root=root).records]
    except GdError:
        mine = []
    keys = rng.sample(mine, rng.randint(0, len(mine))) if mine else []
    keys.sort(key=lambda k: [int(x) for x in k.split(".")])
    dump(folder / f"u{unit:02d}.yaml", progress_data(unit, keys, rng))


def answers(root: Path) -> dict[str, Any]:
    """Every listing of every unit, the deadlines, and what validate finds."""
    out: dict[str, Any] = {}
    names = [unit_name(i) for i in range(8)] + [g[1] for g in GROUPS]
    today = dt.date(YEAR, 10, 8)
    for name in names:
        out[f"tasks {name}"] = _safe(lambda n=name: api.tasks(unit=n, root=root).records)
        out[f"due {name}"] = _safe(
            lambda n=name: [due_record(d) for d in api.due(unit=n, today=today, root=root).items]
        )
        out[f"progress {name}"] = _safe(
            lambda n=name: (
                (v := api.show_progress(unit=n, today=today, root=root)).records(),
                v.report_rows(),
            )
        )
    for before in (dt.date(YEAR, 3, 1), dt.date(YEAR, 11, 30), None):
        out[f"due before {before}"] = _safe(
            lambda b=before: [
                due_record(d) for d in api.due(before=b, today=today, root=root).items
            ]
        )
    out["tasks"] = _safe(lambda: api.tasks(root=root).records)
    out["matrix"] = _safe(lambda: api.show_progress(today=today, root=root).matrix())
    report = api.validate(root=root, today=dt.date(YEAR, 12, 31))
    out["validate"] = (report.problems, report.summary)
    return out


def refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("read from the YAML, not from the index")


def _safe(call: Any) -> Any:
    try:
        return call()
    except GdError as exc:
        return ("error", exc.exit_code, exc.problems)


def straight(root: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    with monkeypatch.context() as m:
        m.setenv("GD_NO_CACHE", "1")
        return answers(root)


def edit(root: Path, info: dict[str, Any], rng: random.Random) -> str:
    """One random edit of the workspace; returns what it was (for the failure message)."""
    folder = root / "progress" / str(YEAR)
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    choice = rng.choice(["add", "change", "delete", "rename", "same-size", "plan-same-size"])
    if choice == "add" or not files:
        unit = rng.randrange(info["units"])
        write_progress(root, unit, info, rng)
        return f"add/replace u{unit:02d}"
    path = rng.choice(files)
    if choice == "change":
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["records"] = [r for r in data["records"] if r["task"] != "report"]
        data["records"].append({"task": "report", "status": rng.choice(STATUSES[1:])})
        dump(path, data)
        return f"change {path.name}: a record on the milestone"
    if choice == "delete":
        path.unlink()
        return f"delete {path.name}"
    if choice == "rename":
        target = folder / f"u{rng.randrange(info['units']):02d}.yaml"
        path.rename(target)
        return f"rename {path.name} -> {target.name}"
    if choice == "plan-same-size":
        path = root / "plan" / f"{YEAR}.yaml"
    return same_size_edit(path, rng)


def same_size_edit(path: Path, rng: random.Random) -> str:
    """Move a date by a day within 10–28 (same size), and put the file's time back."""
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    days = list(re.finditer(rf"{YEAR}-\d\d-(1\d|2[0-8])\b", text))
    if not days:
        return f"no date in {path.name}"
    day = rng.choice(days)
    old = int(day.group(1))
    new = old + 1 if old < 28 else old - 1
    path.write_text(text[: day.start(1)] + f"{new}" + text[day.end(1) :], encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    return f"same-size {path.name}: day {old} -> {new}"


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(seed=st.integers(0, 2**32 - 1), edits=st.integers(1, 5))
def test_index_answers_as_the_yaml_does(
    seed: int, edits: int, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    root = tmp_path_factory.mktemp("ws")
    info = write_workspace(root, rng)
    for unit in range(info["units"]):
        if rng.random() < 0.7:
            write_progress(root, unit, info, rng)
    done = ["start"]
    for _ in range(edits + 1):
        indexed = answers(root)  # the first run fills the index, later ones read it
        with monkeypatch.context() as m:  # answered from the index: no file is read again
            m.setattr(index_plans, "load_plan", refuse)
            m.setattr(index_progress, "load_unit_file", refuse)
            again = answers(root)
        expected = straight(root, monkeypatch)
        for key in expected:
            assert indexed[key] == expected[key], (key, done)
            assert again[key] == expected[key], (key, done)
        done.append(edit(root, info, rng))
    assert (root / ".gd-cache" / "index.sqlite").is_file()
