"""Synthetic gd workspaces for the benchmark, made deterministically from a seed.

    python benchmarks/generate.py OUT_DIR --tasks 1000 --units 100 --records 10000 [--seed 2020]

Units are county departments and townships plus the two usual groups; each
task has one to three lead units and about a dozen responsible units; about a
third of the tasks have a deadline; progress records are spread over the
(unit, task) assignments.  Never committed: `make bench` makes them in a
temporary folder.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

YEAR = 2020
STATUSES = ["done", "in_progress", "not_started", "not_applicable"]


def generate(out: Path, tasks: int, units: int, records: int, seed: int = YEAR) -> dict[str, int]:
    rng = random.Random(seed)
    (out / "plan").mkdir(parents=True, exist_ok=True)
    names = [f"縣測試局{i:04d}" for i in range(units)]
    registry = ["units:"]
    for i, name in enumerate(names):
        kind = "township" if i % 5 == 0 else "county_department"
        registry += [f"  - id: u{i:04d}", f"    name: {name}", f"    kind: {kind}"]
    registry += [
        "  - id: all-towns", "    name: 各鄉(鎮、街道)", "    kind: group", "    member_kinds: [township]",
        "  - id: all-depts", "    name: 縣直有關部門", "    kind: group", "    member_kinds: [county_department]",
    ]  # fmt: skip
    (out / "plan" / "units.yaml").write_text("\n".join(registry) + "\n", encoding="utf-8")

    per_section = 25
    plan = [
        f"year: {YEAR}",
        "notice:",
        "  title: 基準測試方案",
        "  issuer: 師宗縣人民政府辦公室",
        f"  issued: {YEAR}-03-01",
        "milestones:",
        "  - id: report",
        f"    date: {YEAR}-11-30",
        "    what: 將貫徹落實情況報政府辦公室政務信息股",
        "sections:",
    ]
    assignments: list[tuple[int, str]] = []
    per_task = max(2, min(units, round(records * 1.2 / max(tasks, 1))))
    for t in range(tasks):
        s, n = divmod(t, per_section)
        if n == 0:
            plan += [f"  - number: {s + 1}", f"    title: 第{s + 1}部分工作任務", "    tasks:"]
        chosen = rng.sample(range(units), per_task)
        k = rng.randint(1, 3)
        lead, responsible = chosen[:k], chosen[k:]
        tid = f"{s + 1}.{n + 1}"
        plan += [
            f'      - id: "{tid}"',
            f"        title: 測試任務{tid}深化政府信息公開",
            "        requirement:",
            f"          - 第一句要求{tid}，加大政府信息公開力度。",
            "          - 第二句要求，及時更新並公開有關信息。",
            f"        lead: [{', '.join(names[i] for i in lead)}]",
            f"        responsible: [{', '.join(names[i] for i in responsible)}]",
        ]
        if t % 3 == 0:
            month = 1 + (t % 12)
            plan += [
                "        deadlines:",
                f"          - date: {YEAR}-{month:02d}-28",
                f"            phrase: {YEAR}年{month}月28日前",
                f"            what: 完成測試任務{tid}的目錄編制",
            ]
        assignments += [(i, tid) for i in chosen[:1] + chosen[1:]]
    (out / "plan" / f"{YEAR}.yaml").write_text("\n".join(plan) + "\n", encoding="utf-8")

    rng.shuffle(assignments)
    picked = sorted(assignments[:records], key=lambda a: (a[0], [int(x) for x in a[1].split(".")]))
    by_unit: dict[int, list[str]] = {}
    for unit, tid in picked:
        by_unit.setdefault(unit, []).append(tid)
    folder = out / "progress" / str(YEAR)
    folder.mkdir(parents=True, exist_ok=True)
    for unit, tids in by_unit.items():
        lines = [f"unit: {names[unit]}", f"year: {YEAR}", "records:"]
        for tid in tids:
            status = rng.choice(STATUSES)
            lines += [
                f'  - task: "{tid}"',
                f"    status: {status}",
                f"    date: {YEAR}-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
            ]
            if status == "done":
                lines += ["    evidence:", f"      - https://www.example.org/{unit}/{tid}.html"]
        (folder / f"u{unit:04d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"tasks": tasks, "units": units, "records": len(picked), "assignments": len(assignments)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--records", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=YEAR)
    args = parser.parse_args()
    print(json.dumps(generate(args.out, args.tasks, args.units, args.records, args.seed)))


if __name__ == "__main__":
    main()
