"""`make bench`: gd's speed and memory at three sizes, as ratios to floors measured in the same run.

For each size — the real 2020 plan; 1,000 tasks / 100 units / 10,000 records;
10,000 tasks / 300 units / 100,000 records (synthetic, from a seed, made in a
temporary folder) — each command runs cold (the workspace cache removed) and
warm (median of several runs), in a real subprocess; wall time and peak
memory (max RSS) are recorded.  Floors measured in the same run: `python -c
pass`, `python -c "import typer, rich.console, yaml"`, PyYAML's C loader
parsing the same files, and Taskwarrior on the same tasks when `task` is
installed.

    python benchmarks/run.py [--quick] [--json OUT]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

PY = sys.executable
GD = [PY, "-m", "gov_disclosure"]
SIZES = [
    ("2020", None),
    ("1k", (1_000, 100, 10_000)),
    ("10k", (10_000, 300, 100_000)),
]


def timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int, int]:
    """Wall seconds, peak memory (KiB) and exit code of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, proc.returncode


def median_run(cmd: list[str], cwd: Path, env: dict[str, str], runs: int) -> tuple[float, int]:
    results = [timed(cmd, cwd, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def commands(unit: str) -> dict[str, list[str]]:
    return {
        "tasks --unit": [*GD, "tasks", "--unit", unit, "--format", "json"],
        "due --before": [
            *GD,
            "due",
            "--before",
            "2020-11-30",
            "--today",
            "2020-10-08",
            "--format",
            "json",
        ],
        "progress show --unit": [*GD, "progress", "show", "--unit", unit, "--format", "json"],
        "validate": [*GD, "validate", "--today", "2020-12-31"],
        "report render html": [
            *GD,
            "report",
            "render",
            "--format",
            "html",
            "-o",
            "report.html",
            "--as-of",
            "2020-11-30",
        ],
    }


#: Commands timed on the real 2020 workspace only: the annual reports of every unit.
ANNUAL = {"annual check": [*GD, "annual", "check", "--year", "2020"]}


#: The example each year's copies are made of, and the unit it names: 2020's is a township's,
#: whose table 三 does not come from a register of requests (health's is counted from its
#: register: a copy under another unit's name would fail `gd annual check`).
EXAMPLES = {2019: ("health", "縣衛健局"), 2020: ("xiongbi", "雄壁鎮")}


def fill_annual(root: Path) -> int:
    """A 2020 and a 2019 annual report for every unit that owes one (copies of the examples,
    each passing `gd annual check`)."""
    sys.path.insert(0, str(REPO / "src"))
    from gov_disclosure.annual.collect import expected_units
    from gov_disclosure.plan.loading import load_registry
    from gov_disclosure.storage.workspace import Workspace

    units, _ = load_registry(Workspace(root))
    reporting = expected_units(units)
    for year, (name, named) in EXAMPLES.items():
        example = (REPO / "annual" / str(year) / f"{name}.yaml").read_text(encoding="utf-8")
        for unit in reporting:
            text = example.replace(f"unit: {named}", f"unit: {unit.name}")
            (root / "annual" / str(year) / f"{unit.id}.yaml").write_text(text, encoding="utf-8")
    return len(reporting)


def yaml_parse_seconds(root: Path) -> float:
    """The C loader's time to parse every file gd reads (a floor for a cold run)."""
    code = (
        "import sys, time, yaml, pathlib\n"
        "files = [p for p in pathlib.Path(sys.argv[1]).rglob('*.yaml') if '.gd-cache' not in p.parts]\n"
        "t = time.perf_counter()\n"
        "for p in files: yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
        "print(time.perf_counter() - t)\n"
    )
    out = subprocess.run([PY, "-c", code, str(root)], capture_output=True, text=True, check=True)
    return float(out.stdout)


def taskwarrior(root: Path, runs: int) -> float | None:
    """Taskwarrior's `task project:X due.before:… list` over the same tasks, when installed."""
    task = shutil.which("task")
    if task is None:
        return None
    import yaml

    plan = yaml.load((root / "plan" / "2020.yaml").read_bytes(), Loader=yaml.CSafeLoader)
    data = root / ".taskdata"
    data.mkdir(exist_ok=True)
    rc = root / ".taskrc"
    rc.write_text(
        f"data.location={data}\nconfirmation=off\nverbose=nothing\nhooks=off\n", encoding="utf-8"
    )
    items = []
    for section in plan["sections"]:
        for t in section["tasks"]:
            item = {
                "description": t["title"],
                "project": "plan2020",
                "status": "pending",
                "uuid": None,
            }
            if t.get("deadlines"):
                item["due"] = str(t["deadlines"][0]["date"]).replace("-", "") + "T000000Z"
            items.append(item)
    import uuid

    for i, item in enumerate(items):
        item["uuid"] = str(uuid.UUID(int=i + 1))
    env = {**os.environ, "TASKRC": str(rc), "TASKDATA": str(data)}
    subprocess.run([task, "import", "-"], input=json.dumps(items), text=True, env=env,
                   capture_output=True, check=True)  # fmt: skip
    cmd = [task, "project:plan2020", "due.before:2020-11-30", "list"]
    timed(cmd, root, env)  # first run builds Taskwarrior's own state
    return median_run(cmd, root, env, runs)[0]


def validate_after_an_edit(
    root: Path, cmd: list[str], env: dict[str, str], runs: int
) -> dict[str, float]:
    """Warm `gd validate` right after one unit's progress file changed (a comment added),
    the pre-commit hook's case: the index checks that one file again."""
    files = sorted((root / "progress" / "2020").glob("*.yaml"))
    target = files[len(files) // 2]
    timed(cmd, root, env)  # the index is up to date before the first edit
    times, peak = [], 0
    for i in range(runs):
        with target.open("a", encoding="utf-8") as handle:
            handle.write(f"# bench edit {i}\n")
        seconds, mem, _ = timed(cmd, root, env)
        times.append(seconds)
        peak = max(peak, mem)
    middle = statistics.median(times)
    return {"cold": float("nan"), "warm": middle, "peak_mib": peak / 1024}


def prepare(label: str, spec: tuple[int, int, int] | None, base: Path) -> tuple[Path, str]:
    root = base / label
    if spec is None:
        for part in ("plan", "progress", "report", "annual"):
            shutil.copytree(REPO / part, root / part)
        fill_annual(root)
        return root, "縣衛健局"
    tasks, units, records = spec
    generate(root, tasks, units, records)
    return root, "縣測試局0001"


def timed_commands(label: str, only: str | None):  # type: ignore[no-untyped-def]
    """The commands to time at a size (a function of the unit's name), or None for none."""

    def chosen(unit: str) -> dict[str, list[str]]:
        every = {**commands(unit), **(ANNUAL if label == "2020" else {})}
        return {name: cmd for name, cmd in every.items() if only is None or only in name}

    return chosen if chosen("x") else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="Fewer runs, and no 10k size.")
    parser.add_argument("--json", type=Path, help="Also write the results here.")
    parser.add_argument(
        "--only", help="Time only the commands whose name contains this (e.g. annual)."
    )
    args = parser.parse_args()
    warm_runs = 3 if args.quick else 5
    sizes = SIZES[:2] if args.quick else SIZES
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "COLUMNS": "120"}
    env.pop("GD_NO_CACHE", None)
    # gd's modules as bytecode, as `pip install` leaves them (and as typer, rich and PyYAML
    # already are): with PYTHONDONTWRITEBYTECODE set, every run would compile the sources again.
    if not compileall.compile_dir(REPO / "src", quiet=1):
        raise SystemExit("gd's sources did not compile")
    results: dict[str, object] = {"python": sys.version.split()[0]}
    with tempfile.TemporaryDirectory(prefix="gd-bench-") as tmp:
        base = Path(tmp)
        floors = {
            "python -c pass": median_run([PY, "-c", "pass"], base, env, warm_runs)[0],
            "import typer, rich.console, yaml": median_run(
                [PY, "-c", "import typer, rich.console, yaml"], base, env, warm_runs
            )[0],
        }
        results["floors"] = floors
        table: dict[str, dict[str, dict[str, float]]] = {}
        extra: dict[str, dict[str, float | None]] = {}
        for label, spec in sizes:
            chosen = timed_commands(label, args.only)
            if not chosen:
                continue
            root, unit = prepare(label, spec, base)
            runs = warm_runs if label != "10k" else 3
            table[label] = {}
            for name, cmd in chosen(unit).items():
                if label == "10k" and name == "report render html" and args.quick:
                    continue
                shutil.rmtree(root / ".gd-cache", ignore_errors=True)
                cold, cold_mem, _ = timed(cmd, root, env)
                warm, warm_mem = median_run(cmd, root, env, runs)
                table[label][name] = {
                    "cold": cold,
                    "warm": warm,
                    "peak_mib": max(cold_mem, warm_mem) / 1024,
                }
                print(
                    f"{label:>5} {name:<22} cold {cold:7.3f} s  warm {warm:7.3f} s  peak {max(cold_mem, warm_mem) / 1024:6.1f} MiB",
                    flush=True,
                )
            if "validate" in chosen(unit):
                edited = validate_after_an_edit(root, chosen(unit)["validate"], env, runs)
                table[label]["validate, one file edited"] = edited
                print(f"{label:>5} {'validate, one file edited':<22} warm {edited['warm']:7.3f} s")
            extra[label] = {
                "yaml_parse": yaml_parse_seconds(root),
                "taskwarrior": taskwarrior(root, runs),
            }
        results["table"] = table
        results["extra"] = extra
    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def print_report(r: dict) -> None:  # type: ignore[type-arg]
    floors, table, extra = r["floors"], r["table"], r["extra"]
    imp = floors["import typer, rich.console, yaml"]
    print("\n## Floors (same run)\n")
    print("| floor | seconds |\n|---|---:|")
    for name, value in floors.items():
        print(f"| `{name}` | {value:.3f} |")
    for label, e in extra.items():
        tw = f"{e['taskwarrior']:.3f}" if e["taskwarrior"] is not None else "not installed"
        print(f"| C loader parse, {label} | {e['yaml_parse']:.3f} |")
        print(f"| Taskwarrior `due.before` list, {label} | {tw} |")
    print("\n## Commands: wall time (median) and peak memory\n")
    print(
        "| size | command | cold s | warm s | warm / import floor | cold / C parse | warm / Taskwarrior | peak MiB |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for label, rows in table.items():
        e = extra[label]
        for name, v in rows.items():
            tw = e["taskwarrior"]
            print(
                f"| {label} | `{name}` | {v['cold']:.3f} | {v['warm']:.3f} | {v['warm'] / imp:.2f} | "
                f"{v['cold'] / e['yaml_parse']:.2f} | {(v['warm'] / tw) if tw else float('nan'):.2f} | {v['peak_mib']:.0f} |"
            )
    if "1k" in table and "10k" in table:
        print("\n## Growth: 10k / 1k time ratio (target ≤ 12)\n")
        print("| command | cold | warm |\n|---|---:|---:|")
        for name in table["10k"]:
            if name in table["1k"]:
                a, b = table["1k"][name], table["10k"][name]
                print(f"| `{name}` | {b['cold'] / a['cold']:.1f} | {b['warm'] / a['warm']:.1f} |")


if __name__ == "__main__":
    sys.exit(main())
