"""Hostile input is never slower than linear: every rule, on every shape, at N and at 2N.

Each shape is one a hostile contributor (or a generator's output) can write in a small file
and that once took quadratic time or memory (issue 14): a spaceless ``a,a,a,…`` token, thousands
of suppression comments, a year heading repeated thousands of times, a list filed by another
year than its arXiv ids, one title used by thousands of entries, a format block of thousands
of fields. Doubling the input may at most multiply the time by ``RATIO`` (quadratic is 4).
Times are the least CPU time of a few runs with the garbage collector paused, so a busy
machine does not fail them; N is large enough that a run takes tens of milliseconds.
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from awesome_lint.config import Settings
from awesome_lint.diagnostics import LISTED
from awesome_lint.linter import lint_text
from awesome_lint.registry import RULES, RuleSpec
from tests.conftest import Result

RATIO = 2.5
RUNS = 3  # best of, when one run of each did not pass
ATTEMPTS = 6
SLACK = 0.015  # seconds: timer grain and a busy 2-core machine (quadratic still shows: 4x)

BLOCK = """\
```
format:
- [title](paper link)
  - authors
  - Key: keywords
  - Code: code
```

"""


def spaceless_token(n: int) -> str:
    return f"# List\n\n## Papers\n\n{BLOCK}- [T](https://x.org/t)\n  - {'a,' * n}a\n  - Key: k\n"


def suppression_ranges(n: int) -> str:
    pairs = "".join(
        f"<!-- awesome-lint-disable AL404 -->\n- [T{i}](https://x.org/{i})\n"
        "<!-- awesome-lint-enable AL404 -->\n"
        for i in range(n)
    )
    return f"# List\n\n{pairs}"


def unused_suppressions(n: int) -> str:
    comments = "".join(
        f"<!-- awesome-lint-disable-next-line AL404 -->\n- [T{i}](https://x.org/{i})\n"
        for i in range(n)
    )
    return f"# List\n\n{comments}"


def entry(title: str, url: str) -> str:
    return f"- [{title}]({url})\n  - Ann Lee, Bob Chan\n  - Key: preference learning\n"


def repeated_year_sections(n: int) -> str:
    sections = "".join(
        f"### 2023\n\n{entry(f'P{i}', f'https://arxiv.org/abs/2301.{i:05d}')}\n" for i in range(n)
    )
    return f"# List\n\n## Papers\n\n{BLOCK}{sections}"


def wrong_years(n: int) -> str:
    """A list filed by venue year: most entries sit under another year than their arXiv id."""
    moved = "".join(entry(f"P{i}", f"https://arxiv.org/abs/2405.{i:05d}") for i in range(n))
    return (
        f"# List\n\n## Papers\n\n{BLOCK}"
        f"### 2024\n\n{entry('First', 'https://arxiv.org/abs/2401.99999')}\n"
        f"### 2022\n\n{moved}"
    )


def one_title(n: int) -> str:
    entries = "".join(entry("Same Title", f"https://x.org/{i}") for i in range(n))
    return f"# List\n\n## Papers\n\n{BLOCK}{entries}"


def wide_block(n: int) -> str:
    fields = "".join(f"  - Field{chr(97 + i % 26)}{i}: f\n" for i in range(n))
    entries = "".join(
        f"- [P{i}](https://x.org/{i})\n  - Ann Lee\n" + ("  - Note: v\n" if i < 2 else "")
        for i in range(50)
    )
    block = f"```\nformat:\n- [title](paper link)\n  - authors\n{fields}```\n\n"
    return f"# List\n\n## Papers\n\n{block}{entries}"


def large_list(n: int) -> str:
    """An ordinary list, large: years, venues, links, a few mistakes of every family."""
    parts = [f"# Awesome List\n\n- [Papers](#papers)\n\n## Papers\n\n{BLOCK}"]
    for year in range(2024, 2024 - n // 50 - 1, -1):
        parts.append(f"### {year}\n\n")
        for i in range(50):
            k = year * 100 + i
            yy = year % 100
            parts.append(
                f"- [Paper {k} on Learning]({'https' if i % 7 else 'htps'}://arxiv.org/abs/"
                f"{yy:02d}{(i % 12) + 1:02d}.{k % 100000:05d})\n"
                f"  - Ann Lee,Bob Chan{'  ' if i % 5 == 0 else ''}\n"
                f"  - {'Key' if i % 3 else 'Keyowrd'}: reinforcment learning, DIffusion\n"
                f"  - Code: [code](https://github.com/a/b{k})\n"
            )
        parts.append("\n")
    return "".join(parts)


# name → (shape, N): N makes a run take tens of milliseconds.
SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    "spaceless-token": (spaceless_token, 20_000),
    "suppression-ranges": (suppression_ranges, 1_000),
    "unused-suppressions": (unused_suppressions, 3_000),
    "repeated-year-sections": (repeated_year_sections, 800),
    "wrong-years": (wrong_years, 800),
    "one-title": (one_title, 1_000),
    "wide-block": (wide_block, 2_000),
    "large-list": (large_list, 500),
}


def best_time(action: Callable[[], object], runs: int = RUNS) -> float:
    """The least CPU time of ``runs`` runs: other processes on the machine do not count."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            action()
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


def assert_linear(action: Callable[[int], object], n: int, what: str) -> None:
    """``action(2n)`` takes at most RATIO times ``action(n)``.

    One run of each first; when that fails (a busy moment, or the real thing), up to ATTEMPTS
    more rounds of the best of RUNS, sizes interleaved, keeping each size's least time.
    ``SLACK`` absorbs the timer's grain on runs of a few milliseconds (a cheap rule on a shape
    it ignores costs what building the document costs).
    """
    small = best_time(lambda: action(n), runs=1)
    large = best_time(lambda: action(2 * n), runs=1)
    for _ in range(ATTEMPTS):
        if large <= RATIO * small + SLACK:
            return
        small = min(small, best_time(lambda: action(n)))
        large = min(large, best_time(lambda: action(2 * n)))
    if large <= RATIO * small + SLACK:
        return
    raise AssertionError(
        f"{what}: {2 * n} took {large * 1000:.1f} ms, {n} took {small * 1000:.1f} ms "
        f"({large / small:.1f}x for twice the input)"
    )


def _rules() -> list[object]:
    return [
        pytest.param(
            rule,
            id=rule.code,
            marks=[pytest.mark.skip(reason="network: tests/test_linkcheck.py")]
            if rule.code == "AL503"
            else [],
        )
        for rule in RULES
    ]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("rule", _rules())
def test_every_rule_is_linear_on_every_hostile_shape(rule: RuleSpec, shape: str) -> None:
    make, n = SHAPES[shape]
    texts = {size: make(size) for size in (n, 2 * n)}
    assert_linear(
        lambda size: lint_text(texts[size], Settings(), [rule]), n, f"{rule.code} on {shape}"
    )


@pytest.mark.parametrize("shape", SHAPES)
def test_the_whole_linter_and_fixer_are_linear(
    shape: str, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    make, n = SHAPES[shape]
    texts = {size: make(size) for size in (n, 2 * n)}
    target = tmp_path / "README.md"

    def fix(size: int) -> None:
        target.write_text(texts[size])
        result = cli("--fix", "--unsafe-fixes", "-q", "--output-format", "concise", str(target))
        assert result.code in (0, 1), result.err

    assert_linear(fix, n, f"--fix --unsafe-fixes on {shape}")


def test_misplaced_entries_all_move_in_a_few_rounds(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    target = tmp_path / "README.md"
    target.write_text(wrong_years(2_000))
    result = cli(
        "--fix", "--unsafe-fixes", "--select", "AL202", "--output-format", "concise", str(target)
    )
    assert result.code == 0, result.out + result.err
    text = target.read_text()
    section_2022 = text[text.index("### 2022") :]
    assert "arxiv.org/abs/2405" not in section_2022
    assert text.count("arxiv.org/abs/2405.") == 2_000  # every entry still there, once


def test_one_title_repeated_takes_linear_memory() -> None:
    def peak(n: int) -> int:
        text = one_title(n)
        tracemalloc.start()
        try:
            lint_text(text, Settings(), [r for r in RULES if r.code in ("AL301", "AL302", "AL303")])
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak(2_000), peak(4_000)
    assert large <= RATIO * small, f"peak memory {small} bytes at 2,000, {large} at 4,000"


def test_messages_name_a_few_fields_and_count_the_rest() -> None:
    diagnostics = lint_text(wide_block(5_000), Settings(), list(RULES))
    unknown = [d for d in diagnostics if d.code == "AL103"]
    assert unknown, "the entries' Note: labels are not declared"
    for d in unknown:
        assert f"and {5_000 - LISTED} more" in d.message
        assert len(d.message) < 300, d.message
    assert all(len(d.message) < 1_000 for d in diagnostics)
