"""Time awesome-lint against markdown-it-py and the bare interpreter, in cold processes.

    .venv/bin/python bench/run.py --quick     # seed and 1,000 entries, under a minute
    .venv/bin/python bench/run.py             # adds 10,000 and 100,000 entries and --fix

Every row is a fresh process. Rows run round-robin, one run of each per round, so that
machine noise hits them all alike. Each run goes through measure_child.py, which takes the
wall time with time.perf_counter around the process and its peak memory from os.wait4's
ru_maxrss (see that file for why run.py does not fork the command itself).

Before timing, awesome-lint's package is byte-compiled, as ``pip install`` does for an
installed package (markdown-it-py and regex, the baselines, are installed that way): an
editable install under PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module from
source in every run.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import importlib.util
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generate import generate

REPO_ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = Path(__file__).resolve().parent / "measure_child.py"
FLOOR_CODE = "import markdown_it, regex"
# MarkdownIt() with no argument uses the "commonmark" preset; we name it to be explicit.
PARSE_CODE = """\
import sys
import markdown_it
with open(sys.argv[1], encoding="utf-8") as file:
    text = file.read()
markdown_it.MarkdownIt("commonmark").parse(text)
"""
LINT_OK = frozenset({0, 1})  # 1 means "diagnostics found", which is what we lint for
PYTHON_OK = frozenset({0})
FLOOR = "floor"
SEED = "awesome-lint seed"
SEED_NO_AL4 = "awesome-lint seed --ignore AL4"
SEED_RUNS = 10  # issue 4 asks for the median of 10 for the AL4 cost
# The biggest classic `- [Name](url) - Description.` list of the test corpus (no format block:
# every item is read against the inferred format).
CLASSIC_FILE = (
    REPO_ROOT / "tests" / "fixtures" / "corpus" / "rust-unofficial__awesome-rust" / "README.md"
)
CLASSIC = "awesome-lint classic list (awesome-rust)"
CLASSIC_PARSE = "markdown-it-py parse (awesome-rust)"


@dataclass
class Case:
    """One row of the table: a command and what to compare it with."""

    name: str
    argv: list[str]
    baseline: str | None
    runs: int
    ok_codes: frozenset[int]
    warm_up: bool = True
    prepare: Callable[[], None] | None = None  # runs before each run, outside the timing


@dataclass
class Sample:
    seconds: float
    peak_mb: float
    exit_code: int


@dataclass
class Result:
    case: Case
    samples: list[Sample] = field(default_factory=list)
    failure: str | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None and bool(self.samples)

    @property
    def seconds(self) -> list[float]:
        return [sample.seconds for sample in self.samples]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mb(self) -> float:
        return max(sample.peak_mb for sample in self.samples)


@dataclass
class Target:
    description: str
    measured: float | None  # a ratio
    limit: float


def entries_label(entries: int) -> str:
    return f"{entries:,} entries"


def mdit_name(entries: int) -> str:
    return f"markdown-it-py parse ({entries_label(entries)})"


def lint_name(entries: int) -> str:
    return f"awesome-lint ({entries_label(entries)})"


def defects_name(entries: int, defects: int) -> str:
    return f"awesome-lint ({entries_label(entries)}, {defects:,} defects)"


def fix_name(entries: int, defects: int) -> str:
    return f"awesome-lint --fix ({entries_label(entries)}, {defects:,} defects)"


# Finding the programs


def own_console_script() -> Path:
    # Not resolved: a venv's python is a symlink out of the venv.
    return Path(sys.executable).parent / "awesome-lint"


def is_node_script(path: Path) -> bool:
    with path.open("rb") as file:
        return b"node" in file.readline()


def node_awesome_lint(own: Path) -> Path | None:
    """sindresorhus/awesome-lint, if some PATH entry other than our venv has it."""
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        candidate = Path(directory or ".") / "awesome-lint"
        if not (candidate.is_file() and os.access(candidate, os.X_OK)):
            continue
        if own.exists() and candidate.samefile(own):
            continue
        if is_node_script(candidate):
            return candidate
    return None


def default_seed_file() -> Path:
    fixture = REPO_ROOT / "tests" / "fixtures" / "seed" / "README.md"
    if fixture.exists():
        return fixture
    return REPO_ROOT.parent / "shared" / "seed" / "awesome-RLHF-README.md"


# Inputs


@dataclass
class Plan:
    """What a run measures: which sizes, how many runs, and where the inputs live."""

    workdir: Path
    seed_file: Path
    sizes: list[int]
    runs: int
    large_runs: int
    fix_entries: int | None
    defect_rate: float = 0.1
    load_before: float = field(default_factory=lambda: os.getloadavg()[0])

    def runs_for(self, entries: int) -> int:
        return self.large_runs if entries >= 100_000 else self.runs


def write_input(path: Path, entries: int, defect_rate: float = 0.0) -> Path:
    print(f"generating {path.name} ...", file=sys.stderr)
    path.write_text(generate(entries, defect_rate), encoding="utf-8", newline="\n")
    return path


def entries_file(plan: Plan, entries: int) -> Path:
    return plan.workdir / f"entries-{entries}.md"


def defects_file(plan: Plan, entries: int) -> Path:
    return plan.workdir / f"defects-{entries}.md"


def write_inputs(plan: Plan) -> None:
    shutil.copyfile(plan.seed_file, plan.workdir / "seed.md")
    if CLASSIC_FILE.exists():
        shutil.copyfile(CLASSIC_FILE, plan.workdir / "classic.md")
    for entries in plan.sizes:
        write_input(entries_file(plan, entries), entries)
    if plan.fix_entries is not None:
        write_input(defects_file(plan, plan.fix_entries), plan.fix_entries, plan.defect_rate)


# Cases


def python_cases(plan: Plan) -> list[Case]:
    cases = [Case(FLOOR, [sys.executable, "-c", FLOOR_CODE], None, plan.runs, PYTHON_OK)]
    if CLASSIC_FILE.exists():
        argv = [sys.executable, "-c", PARSE_CODE, str(plan.workdir / "classic.md")]
        cases.append(Case(CLASSIC_PARSE, argv, FLOOR, plan.runs, PYTHON_OK))
    for entries in plan.sizes:
        argv = [sys.executable, "-c", PARSE_CODE, str(entries_file(plan, entries))]
        runs = plan.runs_for(entries)
        warm_up = runs == plan.runs
        cases.append(Case(mdit_name(entries), argv, FLOOR, runs, PYTHON_OK, warm_up))
    return cases


def lint_cases(plan: Plan, program: Path) -> list[Case]:
    lint = [str(program), "--output-format", "concise"]
    seed = str(plan.workdir / "seed.md")
    seed_runs = max(plan.runs, SEED_RUNS)
    cases = [
        Case(SEED, [*lint, seed], FLOOR, seed_runs, LINT_OK),
        Case(SEED_NO_AL4, [*lint, "--ignore", "AL4", seed], FLOOR, seed_runs, LINT_OK),
    ]
    if CLASSIC_FILE.exists():
        classic = str(plan.workdir / "classic.md")
        cases.append(Case(CLASSIC, [*lint, classic], CLASSIC_PARSE, plan.runs, LINT_OK))
    for entries in plan.sizes:
        argv = [*lint, str(entries_file(plan, entries))]
        runs = plan.runs_for(entries)
        warm_up = runs == plan.runs
        cases.append(Case(lint_name(entries), argv, mdit_name(entries), runs, LINT_OK, warm_up))
    if plan.fix_entries is not None:
        cases.extend(fix_cases(plan, lint, plan.fix_entries))
    return cases


def fix_cases(plan: Plan, lint: list[str], entries: int) -> list[Case]:
    defective = defects_file(plan, entries)
    fresh = plan.workdir / f"fix-{entries}.md"
    defects = round(entries * plan.defect_rate)
    plain = defects_name(entries, defects)

    def copy_defective() -> None:
        shutil.copyfile(defective, fresh)

    return [
        Case(plain, [*lint, str(defective)], lint_name(entries), plan.runs, LINT_OK),
        Case(
            fix_name(entries, defects),
            [*lint, "--fix", str(fresh)],
            plain,
            plan.runs,
            LINT_OK,
            prepare=copy_defective,
        ),
    ]


def other_tool_cases(plan: Plan, own: Path) -> list[Case]:
    """Rows for markdownlint-cli2 and the node awesome-lint, when they are installed."""
    inputs = {"seed": plan.workdir / "seed.md"}
    if 1000 in plan.sizes:
        inputs[f"({entries_label(1000)})"] = entries_file(plan, 1000)
    ours = {"seed": SEED, f"({entries_label(1000)})": lint_name(1000)}
    programs: list[tuple[str, Path]] = []
    markdownlint = shutil.which("markdownlint-cli2")
    if markdownlint is not None:
        programs.append(("markdownlint-cli2", Path(markdownlint)))
    node_lint = node_awesome_lint(own)
    if node_lint is not None:
        programs.append(("sindresorhus/awesome-lint", node_lint))
    return [
        Case(f"{tool} {label}", [str(program), str(path)], ours[label], plan.runs, LINT_OK)
        for tool, program in programs
        for label, path in inputs.items()
    ]


def build_cases(plan: Plan) -> list[Case]:
    cases = python_cases(plan)
    own = own_console_script()
    if own.exists():
        cases.extend(lint_cases(plan, own))
    else:
        print(
            f"NOTE: no awesome-lint console script at {own}; install the project into this"
            " venv (pip install -e .) to get the awesome-lint rows. Skipping them.",
            file=sys.stderr,
        )
    cases.extend(other_tool_cases(plan, own))
    return cases


# Measuring


def maxrss_to_mb(maxrss: int) -> float:
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return maxrss * scale / (1024 * 1024)


def measure(case: Case, workdir: Path) -> tuple[Sample | None, str]:
    """Run the case once through the launcher; return the sample and the child's stderr."""
    if case.prepare is not None:
        case.prepare()
    result_path = workdir / "sample.json"
    result_path.unlink(missing_ok=True)
    launcher = [sys.executable, "-S", str(LAUNCHER), str(result_path)]
    with tempfile.TemporaryFile() as stderr:
        subprocess.run(
            [*launcher, *case.argv],
            cwd=workdir,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            check=False,
        )
        stderr.seek(0)
        errors = stderr.read().decode("utf-8", "replace")
    if not result_path.exists():
        return None, errors
    raw = json.loads(result_path.read_text(encoding="utf-8"))
    return Sample(raw["seconds"], maxrss_to_mb(raw["maxrss"]), raw["exit_code"]), errors


def run_once(result: Result, workdir: Path, keep: bool) -> None:
    sample, errors = measure(result.case, workdir)
    if sample is None or sample.exit_code not in result.case.ok_codes:
        result.failure = "no result" if sample is None else f"exit code {sample.exit_code}"
        print(f"\n*** FAILED: {result.case.name}: {result.failure}", file=sys.stderr)
        print(f"*** command: {shlex.join(result.case.argv)}", file=sys.stderr)
        print(errors[-3000:], file=sys.stderr)
        return
    if keep:
        result.samples.append(sample)


def run_all(cases: list[Case], workdir: Path) -> list[Result]:
    results = [Result(case) for case in cases]
    print("warming up ...", file=sys.stderr)
    for result in results:
        if result.case.warm_up:
            run_once(result, workdir, keep=False)
    rounds = max((case.runs for case in cases), default=0)
    for number in range(rounds):
        print(f"round {number + 1}/{rounds} ...", file=sys.stderr)
        for result in results:
            if result.failure is None and number < result.case.runs:
                run_once(result, workdir, keep=True)
    return results


# Reporting


def load_line(plan: Plan) -> str:
    # Other processes on the machine slow every row; say how busy it was.
    load_after = os.getloadavg()[0]
    return f"Load average (1 min): {plan.load_before:.2f} before, {load_after:.2f} after."


def machine_line() -> str:
    processor = platform.processor() or platform.machine()
    date = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return (
        f"Machine: {processor} ({platform.machine()}), {os.cpu_count()} CPUs, "
        f"{platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {versions()}; {date}"
    )


def versions() -> str:
    found = []
    for package in ("awesome-lint", "markdown-it-py"):
        try:
            found.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{package} not installed")
    return ", ".join(found)


def measured_pair(
    results: dict[str, Result], name: str, baseline: str | None
) -> tuple[Result, Result] | None:
    row = results.get(name)
    base = results.get(baseline) if baseline is not None else None
    if row is None or base is None or not (row.ok and base.ok):
        return None
    return row, base


def ratio(results: dict[str, Result], name: str, baseline: str | None) -> float | None:
    pair = measured_pair(results, name, baseline)
    return None if pair is None else pair[0].median / pair[1].median


def peak_ratio(results: dict[str, Result], name: str, baseline: str) -> float | None:
    pair = measured_pair(results, name, baseline)
    return None if pair is None else pair[0].peak_mb / pair[1].peak_mb


def label(case: Case, default_runs: int) -> str:
    return case.name if case.runs == default_runs else f"{case.name} [{case.runs} runs]"


def table(results: list[Result], default_runs: int) -> list[str]:
    by_name = {result.case.name: result for result in results}
    lines = [
        "| case | median s | min s | max s | peak MB | baseline | ratio |",
        "|---|---:|---:|---:|---:|---|---:|",
    ]
    for result in results:
        case = result.case
        baseline = case.baseline or ""
        if not result.ok:
            lines.append(f"| {label(case, default_runs)} | FAILED ({result.failure}) | | | | | |")
            continue
        value = ratio(by_name, case.name, case.baseline)
        shown = "" if value is None else f"{value:.2f}x"
        lines.append(
            f"| {label(case, default_runs)} | {result.median:.3f} | {min(result.seconds):.3f} "
            f"| {max(result.seconds):.3f} | {result.peak_mb:.1f} | {baseline} | {shown} |"
        )
    return lines


def targets(results: dict[str, Result], plan: Plan) -> list[Target]:
    found = [
        Target("seed <= 1.3x floor", ratio(results, SEED, FLOOR), 1.3),
        Target(
            "seed, AL4 on <= 1.25x AL4 ignored (issue 4)", ratio(results, SEED, SEED_NO_AL4), 1.25
        ),
    ]
    for entries in (1000, 10_000):
        found.append(
            Target(
                f"{entries_label(entries)} <= 1.0x markdown-it-py parse",
                ratio(results, lint_name(entries), mdit_name(entries)),
                1.0,
            )
        )
    found.append(
        Target(
            "100,000 entries time <= 11x the 10,000 entries time",
            ratio(results, lint_name(100_000), lint_name(10_000)),
            11.0,
        )
    )
    found.append(
        Target(
            "100,000 entries peak memory <= 1/3 of markdown-it-py parse's peak",
            peak_ratio(results, lint_name(100_000), mdit_name(100_000)),
            1 / 3,
        )
    )
    defects = round(10_000 * plan.defect_rate)
    found.append(
        Target(
            "--fix 10,000 entries <= 2x plain lint of that file",
            ratio(results, fix_name(10_000, defects), defects_name(10_000, defects)),
            2.0,
        )
    )
    return found


def target_lines(found: list[Target]) -> list[str]:
    lines = ["| target | measured | limit | status |", "|---|---:|---:|---|"]
    for target in found:
        if target.measured is None:
            lines.append(f"| {target.description} | | {target.limit:.2f}x | not measured |")
            continue
        status = "met" if target.measured <= target.limit else "NOT met"
        lines.append(
            f"| {target.description} | {target.measured:.2f}x | {target.limit:.2f}x | {status} |"
        )
    return lines


def report(results: list[Result], plan: Plan) -> str:
    by_name = {result.case.name: result for result in results}
    lines = [
        machine_line(),
        "",
        f"Cold processes, {plan.runs} runs per row unless marked, round-robin. {load_line(plan)}",
        "",
        *table(results, plan.runs),
        "",
        "Targets",
        "",
        *target_lines(targets(by_name, plan)),
    ]
    return "\n".join(lines)


def dump_json(path: Path, results: list[Result], plan: Plan) -> None:
    by_name = {result.case.name: result for result in results}
    rows = [json_row(result, by_name) for result in results]
    found = [
        {"target": target.description, "measured": target.measured, "limit": target.limit}
        for target in targets(by_name, plan)
    ]
    data = {"machine": machine_line(), "rows": rows, "targets": found}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def json_row(result: Result, by_name: dict[str, Result]) -> dict[str, Any]:
    case = result.case
    return {
        "case": case.name,
        "argv": case.argv,
        "runs": case.runs,
        "baseline": case.baseline,
        "failure": result.failure,
        "seconds": result.seconds,
        "peak_mb": [sample.peak_mb for sample in result.samples],
        "exit_codes": [sample.exit_code for sample in result.samples],
        "ratio": ratio(by_name, case.name, case.baseline),
    }


# Command line


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="seed and 1,000 entries only")
    parser.add_argument("--runs", type=int, default=5, help="runs per row (default 5)")
    parser.add_argument(
        "--large-runs", type=int, default=3, help="runs for 100,000 entries (default 3)"
    )
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    parser.add_argument("--seed-file", type=Path, default=default_seed_file())
    args = parser.parse_args(argv)
    if args.runs < 1 or args.large_runs < 1:
        parser.error("--runs and --large-runs must be at least 1")
    if not args.seed_file.is_file():
        parser.error(f"seed file not found: {args.seed_file}")
    return args


def make_plan(args: argparse.Namespace, workdir: Path) -> Plan:
    if args.quick:
        return Plan(workdir, args.seed_file, [1000], args.runs, args.large_runs, None)
    sizes = [1000, 10_000, 100_000]
    return Plan(workdir, args.seed_file, sizes, args.runs, min(args.runs, args.large_runs), 10_000)


def byte_compile_package() -> str:
    """Write awesome-lint's .pyc files, as an install does; say what was done."""
    import compileall

    spec = importlib.util.find_spec("awesome_lint")
    if spec is None or not spec.submodule_search_locations:
        return "awesome-lint not importable here: not byte-compiled"
    folder = next(iter(spec.submodule_search_locations))
    ok = compileall.compile_dir(folder, quiet=1)
    return f"awesome-lint byte-compiled ({folder})" if ok else "byte-compiling awesome-lint failed"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    print(byte_compile_package(), file=sys.stderr)
    if importlib.util.find_spec("markdown_it") is None:
        print(
            f"error: {sys.executable} cannot import markdown_it; run this with the project's"
            " venv, e.g. .venv/bin/python bench/run.py",
            file=sys.stderr,
        )
        return 2
    with tempfile.TemporaryDirectory(prefix="awesome-lint-bench-") as tmp:
        plan = make_plan(args, Path(tmp))
        write_inputs(plan)
        results = run_all(build_cases(plan), plan.workdir)
    print(report(results, plan))
    if args.json is not None:
        dump_json(args.json, results, plan)
    return 1 if any(result.failure for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
