"""Compare the CPU time of two source trees of awesome-lint on the same lists, in cold runs.

    git clone -q . /tmp/base && git -C /tmp/base checkout -q eeffa17
    .venv/bin/python bench/compare.py --base /tmp/base/src tests/fixtures/corpus/*/README.md

Each run is a fresh ``python -m awesome_lint --output-format concise FILE`` with PYTHONPATH set
to one tree; the trees alternate run by run, after one untimed warm-up each, so machine noise
touches both alike. Both trees are byte-compiled first (PYTHONDONTWRITEBYTECODE would otherwise
make each run compile every module). The table shows the median user+sys CPU time of the
process (``os.wait4``) and its median wall time; ``ratio`` is this tree's CPU over the base's.
``--version`` runs are the import floor of each tree.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "src"


def run_once(python: str, source: Path, args: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one cold run; its output is thrown away."""
    env = {**os.environ, "PYTHONPATH": str(source)}
    started = time.perf_counter()
    process = subprocess.Popen(
        [python, "-m", "awesome_lint", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{source}: awesome-lint {' '.join(args)} exited {process.returncode}")
    return usage.ru_utime + usage.ru_stime, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--base", type=Path, required=True, help="the other tree's src folder")
    parser.add_argument("--source", type=Path, default=SOURCE, help="default: this checkout")
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    trees = {"base": options.base.resolve(), "this": options.source.resolve()}
    for tree in trees.values():
        compileall.compile_dir(tree, quiet=1)
    jobs = [["--version"]] + [["--output-format", "concise", str(f)] for f in options.files]
    samples: dict[tuple[str, int], list[tuple[float, float]]] = {}
    for job in jobs:
        for tree in trees.values():
            run_once(sys.executable, tree, job)  # warm-up: disk caches
    for _ in range(options.runs):
        for index, job in enumerate(jobs):
            for name, tree in trees.items():
                samples.setdefault((name, index), []).append(run_once(sys.executable, tree, job))
    print(f"{'list':<50} {'tree':<5} {'cpu ms':>7} {'wall ms':>8} {'ratio':>6}")
    for index, job in enumerate(jobs):
        label = "--version" if index == 0 else Path(job[-1]).parent.name or job[-1]
        base_cpu = statistics.median(cpu for cpu, _ in samples[("base", index)])
        for name in trees:
            cpu = statistics.median(c for c, _ in samples[(name, index)])
            wall = statistics.median(w for _, w in samples[(name, index)])
            ratio = cpu / base_cpu
            print(f"{label:<50} {name:<5} {cpu * 1000:7.0f} {wall * 1000:8.0f} {ratio:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
