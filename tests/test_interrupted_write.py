"""A fix interrupted between the temp file and the replace leaves the list byte for byte."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import SEED, Result

Cli = Callable[..., Result]


def _fix(cli: Cli, folder: Path) -> Result:
    return cli("--fix", "--unsafe-fixes", "--output-format", "concise", "README.md", cwd=folder)


def _assert_untouched(folder: Path) -> None:
    assert (folder / "README.md").read_bytes() == SEED.read_bytes()
    assert [p.name for p in folder.iterdir()] == ["README.md"], "a temp file was left behind"


def test_replace_raising_leaves_the_original(
    cli: Cli, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(src: object, dst: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", fail)
    result = _fix(cli, seed_copy.parent)
    assert result.code == 2
    assert "cannot write: Input/output error; file left unchanged" in result.err
    _assert_untouched(seed_copy.parent)


def test_full_disk_leaves_the_original(
    cli: Cli, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)  # the write is flushed, then the disk says it is full
    result = _fix(cli, seed_copy.parent)
    assert result.code == 2
    assert "No space left on device; file left unchanged" in result.err
    _assert_untouched(seed_copy.parent)


def test_keyboard_interrupt_before_replace_leaves_the_original(
    cli: Cli, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int, mode: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fchmod", interrupted)  # the temp file takes the list's mode
    with pytest.raises(KeyboardInterrupt):
        _fix(cli, seed_copy.parent)
    _assert_untouched(seed_copy.parent)


def _expected_fix(tmp_path: Path) -> bytes:
    folder = tmp_path / "reference"
    folder.mkdir()
    (folder / "README.md").write_bytes(SEED.read_bytes())
    script = Path(sys.executable).parent / "awesome-lint"
    subprocess.run([str(script), "--fix", "--unsafe-fixes", "-q", "README.md"], cwd=folder)
    return (folder / "README.md").read_bytes()


def test_two_processes_fixing_one_file_never_mix(tmp_path: Path) -> None:
    fixed = _expected_fix(tmp_path)
    assert fixed != SEED.read_bytes()
    script = Path(sys.executable).parent / "awesome-lint"
    folder = tmp_path / "shared"
    folder.mkdir()
    target = folder / "README.md"
    command = [str(script), "--fix", "--unsafe-fixes", "-q", "README.md"]

    def fix_once() -> tuple[int, str]:
        done = subprocess.run(command, cwd=folder, capture_output=True, timeout=120, text=True)
        return done.returncode, done.stderr

    with ThreadPoolExecutor(2) as pool:
        for _ in range(5):
            target.write_bytes(SEED.read_bytes())
            runs = list(pool.map(lambda _: fix_once(), range(2)))
            for code, err in runs:
                # The one that finds the file replaced under it writes nothing and says so.
                assert code in (0, 1) or (code == 2 and "changed on disk" in err), runs
            assert any(code in (0, 1) for code, _ in runs), runs
            # One fixed the seed, the other the fixed text or nothing: the same bytes either way.
            assert target.read_bytes() == fixed
            assert [p.name for p in folder.iterdir()] == ["README.md"]
