"""Fuzz the decoder, parser, rules and fixer: any exception other than a clean refusal is a bug.

    python fuzz/fuzz_lint.py --seconds 60            # atheris (libFuzzer) if installed
    python fuzz/fuzz_lint.py --seconds 600 --hypothesis

Each input is decoded as a file would be, linted with every rule, fixed with unsafe fixes on,
and the fixed text is fixed again, which must change nothing. The seed corpus is the fixture
inputs and the corpus lists, cut into small pieces so mutations stay fast. Crashes are saved
under fuzz/crashes/ (atheris) or printed with the falsifying example (hypothesis).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from awesome_lint.config import Settings
from awesome_lint.fixer import FixError, apply_fixes
from awesome_lint.linter import lint
from awesome_lint.model.document import DecodeError, Document
from awesome_lint.registry import select_rules

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SETTINGS = Settings()
RULES = [r for r in select_rules(None) if r.code != "AL503"]  # never touch the network


def check_bytes(data: bytes) -> None:
    """Decode, lint, fix and re-fix ``data``; raise on anything but a documented refusal."""
    try:
        document = Document.from_bytes(data, path="fuzz.md")
    except DecodeError:
        return
    check_text(document.text, bom=document.bom)


def check_text(text: str, *, bom: bool = False) -> None:
    def relint(new: str) -> list:  # type: ignore[type-arg]
        return lint(Document(new, path="fuzz.md", bom=bom), SETTINGS, RULES)

    first = relint(text)
    for diagnostic in first:
        diagnostic.sort_key  # noqa: B018 -- reporters need it; it must not raise
    try:
        fixed = apply_fixes(text, relint, lambda d: True, first=first).text
    except FixError:
        return  # refusing to write is the documented, safe outcome
    again = apply_fixes(fixed, relint, lambda d: True).text
    if again != fixed:
        raise AssertionError("--fix is not idempotent on this input")


def seed_inputs(limit: int = 4000) -> list[bytes]:
    """Small pieces of real lists: every fixture input, and corpus lists cut at headings."""
    seeds = [p.read_bytes() for p in sorted(FIXTURES.glob("*/input.md"))]
    for readme in [*sorted(FIXTURES.glob("corpus/*/README.md")), FIXTURES / "seed/README.md"]:
        text = readme.read_bytes()
        for piece in text.split(b"\n## "):
            seeds.append(b"## " + piece[:limit])
    return seeds


def run_atheris(seconds: int, extra: list[str]) -> None:
    import atheris

    corpus = Path(tempfile.mkdtemp(prefix="awesome-lint-fuzz-"))
    seeds = seed_inputs()
    for i, seed in enumerate(seeds):
        (corpus / f"seed-{i:04d}.md").write_bytes(seed)
    for seed in seeds[:50]:
        check_bytes(seed)  # imports every lazily loaded rule before instrumenting
    atheris.instrument_all()
    crashes = ROOT / "fuzz" / "crashes"
    crashes.mkdir(exist_ok=True)
    argv = [
        sys.argv[0],
        f"-max_total_time={seconds}",
        "-max_len=8192",
        "-timeout=20",
        f"-artifact_prefix={crashes}/",
        "-print_final_stats=1",
        *extra,
        str(corpus),
    ]
    atheris.Setup(argv, check_bytes)
    atheris.Fuzz()


def run_hypothesis(seconds: int) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    seeds = [s.decode("utf-8", "replace") for s in seed_inputs(1500)]
    alphabet = st.sampled_from(
        [*list("[]()`*-:,; \t\n\r>#!|<>_：，（）年中文\\\ufeff0123456789"), "x"]
    )
    noise = st.text(alphabet, max_size=80)

    @st.composite
    def mutated(draw: st.DrawFn) -> str:
        text = draw(st.sampled_from(seeds))
        for _ in range(draw(st.integers(0, 6))):
            at = draw(st.integers(0, len(text)))
            cut = draw(st.integers(0, 20))
            text = text[:at] + draw(noise) + text[at + cut :]
        return text

    deadline = time.monotonic() + seconds
    runs = 0
    while time.monotonic() < deadline:

        @settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
        @given(mutated())
        def one(text: str) -> None:
            check_text(text)

        one()
        runs += 500
    print(f"hypothesis fuzz: {runs} examples in {seconds}s, no failure")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="how long to fuzz")
    parser.add_argument("--hypothesis", action="store_true", help="use hypothesis, not atheris")
    args, extra = parser.parse_known_args()
    try:
        import atheris  # noqa: F401
    except ImportError:
        args.hypothesis = True
    if args.hypothesis:
        run_hypothesis(args.seconds)
    else:
        run_atheris(args.seconds, extra)


if __name__ == "__main__":
    main()
