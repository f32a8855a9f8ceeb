"""Every real list in tests/fixtures/corpus lints without a crash, quickly, with exit 0 or 1."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Result

LISTS = sorted((FIXTURES / "corpus").glob("*/README.md"))


@pytest.mark.parametrize("readme", LISTS, ids=[p.parent.name for p in LISTS])
def test_lints_and_fixes_without_losing_urls(
    cli: Callable[..., Result], readme: Path, tmp_path: Path
) -> None:
    import re

    start = time.perf_counter()
    result = cli("--output-format", "concise", str(readme))
    assert time.perf_counter() - start < 2.0
    assert result.code in (0, 1), result.err
    target = tmp_path / "README.md"
    shutil.copy(readme, target)
    fixed = cli("--fix", "--unsafe-fixes", "README.md", cwd=tmp_path)
    assert fixed.code in (0, 1), fixed.err
    before = readme.read_bytes().decode()
    after = target.read_bytes().decode()
    for url in set(re.findall(r"https?://[^\s)\]>）]+", before)):
        assert url in after
    again = cli("--fix", "--unsafe-fixes", "README.md", cwd=tmp_path)
    assert target.read_bytes().decode() == after, again.out


def test_crlf_list_stays_crlf(cli: Callable[..., Result], tmp_path: Path) -> None:
    source = FIXTURES / "corpus/opendilab__awesome-driving-behavior-prediction/README.md"
    assert b"\r\n" in source.read_bytes()
    target = tmp_path / "README.md"
    target.write_bytes(source.read_bytes().replace(b"- key:", b"- key;"))
    cli("--fix", "README.md", cwd=tmp_path)
    data = target.read_bytes()
    assert b"- key;" not in data
    assert data.count(b"\r\n") == source.read_bytes().count(b"\r\n")
