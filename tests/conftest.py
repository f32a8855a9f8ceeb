from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from awesome_lint.cli import run

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed" / "README.md"


@dataclass
class Result:
    code: int
    out: str
    err: str


def _run(args: Sequence[str], cwd: Path | None = None) -> Result:
    out, err = io.StringIO(), io.StringIO()
    previous = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        code = run([*args], stdout=out, stderr=err)
    finally:
        os.chdir(previous)
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run awesome-lint in-process: ``cli("--fix", "README.md", cwd=tmp_path)``."""

    def invoke(*args: str, cwd: Path | None = None) -> Result:
        return _run(args, cwd)

    return invoke


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    target = tmp_path / "README.md"
    target.write_bytes(SEED.read_bytes())
    return target
