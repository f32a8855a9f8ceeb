"""Every rule's fixture folder, run through the real CLI.

``tests/fixtures/<CODE>-<name>/`` holds ``input.md``; ``expected.txt``, the concise output of
``awesome-lint --select <CODE> input.md``; and ``expected.md``, the file after
``--fix --unsafe-fixes --select <CODE>`` (equal to the input when the rule has no fix). An
optional ``args.txt`` adds arguments (one per line) to both runs, and an optional
``target.txt`` names the file to lint instead of ``input.md`` (a fixture of several files, such
as ``README.md`` beside ``README_TU.md``); the other files of the folder are beside it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, _run

CASES = sorted(p for p in FIXTURES.iterdir() if re.match(r"AL\d{3}-", p.name))


def _args(case: Path) -> list[str]:
    extra = case / "args.txt"
    code = case.name.split("-", 1)[0]
    args = ["--no-color", "--select", code]
    if extra.exists():
        args += [a for a in extra.read_text().splitlines() if a.strip()]
    return args


def _target(case: Path) -> str:
    named = case / "target.txt"
    return named.read_text(encoding="utf-8").strip() if named.exists() else "input.md"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_diagnostics(case: Path) -> None:
    result = _run(["--output-format", "concise", *_args(case), _target(case)], cwd=case)
    assert result.code in (0, 1), result.err
    assert result.out == (case / "expected.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fix(case: Path, tmp_path: Path) -> None:
    target = _target(case)
    shutil.copy(case / target, tmp_path / target)
    for extra in case.glob("*"):
        if extra.name not in (target, "expected.md", "expected.txt", "args.txt", "target.txt"):
            shutil.copy(extra, tmp_path / extra.name)
    args = ["--fix", "--unsafe-fixes", "--output-format", "concise", *_args(case), target]
    first = _run(args, cwd=tmp_path)
    assert first.code in (0, 1), first.err
    fixed = (tmp_path / target).read_bytes()
    assert fixed == (case / "expected.md").read_bytes()
    second = _run(args, cwd=tmp_path)  # idempotent: a second --fix changes nothing
    assert (tmp_path / target).read_bytes() == fixed
    assert second.code == first.code


def test_every_rule_has_a_fixture() -> None:
    from awesome_lint.registry import RULES

    have = {c.name.split("-", 1)[0] for c in CASES}
    missing = [r.code for r in RULES if r.code not in have]
    assert not missing, f"rules without a fixture folder: {missing}"
