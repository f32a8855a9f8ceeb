"""``--fix`` keeps the file what it was, writes nothing over an edit it did not see, and
leaves no temp file behind: each test is a way the first version lost a user's data."""

from __future__ import annotations

import errno
import os
import signal
import stat
import struct
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SEED, Result

Cli = Callable[..., Result]
ROOT = os.geteuid() == 0
# AWESOME_LINT_SRC=/other/checkout/src runs these processes against another version (to see
# the tests fail where the bugs are).
SRC = Path(os.environ.get("AWESOME_LINT_SRC", Path(__file__).resolve().parent.parent / "src"))


def _fix(cli: Cli, folder: Path, name: str = "README.md") -> Result:
    return cli("--fix", "--unsafe-fixes", "--output-format", "concise", name, cwd=folder)


def _fixed_seed(cli: Cli, tmp_path: Path) -> bytes:
    reference = tmp_path / "reference"
    reference.mkdir()
    (reference / "README.md").write_bytes(SEED.read_bytes())
    _fix(cli, reference)
    fixed = (reference / "README.md").read_bytes()
    assert fixed != SEED.read_bytes()
    return fixed


def _one_line(result: Result) -> str:
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    return lines[0]


@pytest.mark.skipif(not ROOT, reason="only root can give a file to another owner")
def test_owner_and_group_are_kept_when_root_fixes_someone_elses_list(
    cli: Cli, seed_copy: Path
) -> None:
    os.chown(seed_copy, 1234, 5678)
    assert _fix(cli, seed_copy.parent).code in (0, 1)
    st = seed_copy.stat()
    assert seed_copy.read_bytes() != SEED.read_bytes()
    assert (st.st_uid, st.st_gid) == (1234, 5678)


def test_mode_and_extended_attributes_are_kept(cli: Cli, seed_copy: Path) -> None:
    seed_copy.chmod(0o640)
    try:
        os.setxattr(seed_copy, "user.origin", b"https://example.org/list")
    except OSError as error:
        pytest.skip(f"no user xattrs here: {error.strerror}")
    assert _fix(cli, seed_copy.parent).code in (0, 1)
    assert seed_copy.read_bytes() != SEED.read_bytes()
    assert stat.S_IMODE(seed_copy.stat().st_mode) == 0o640
    assert os.getxattr(seed_copy, "user.origin") == b"https://example.org/list"


def _acl(uid: int) -> bytes:
    """A POSIX access ACL (the kernel's xattr form): the owner rw, user ``uid`` r, others r."""
    undefined = 0xFFFFFFFF
    entries = [(0x01, 6, undefined), (0x02, 4, uid), (0x04, 4, undefined)]
    entries += [(0x10, 4, undefined), (0x20, 4, undefined)]
    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *e) for e in entries)


def test_acl_is_kept(cli: Cli, seed_copy: Path) -> None:
    try:
        os.setxattr(seed_copy, "system.posix_acl_access", _acl(4321))
    except OSError as error:
        pytest.skip(f"no ACLs here: {error.strerror}")
    before = os.getxattr(seed_copy, "system.posix_acl_access")
    assert _fix(cli, seed_copy.parent).code in (0, 1)
    assert seed_copy.read_bytes() != SEED.read_bytes()
    assert os.getxattr(seed_copy, "system.posix_acl_access") == before


def test_hard_linked_list_is_rewritten_in_place_so_every_name_sees_the_fix(
    cli: Cli, seed_copy: Path, tmp_path: Path
) -> None:
    fixed = _fixed_seed(cli, tmp_path)
    other = seed_copy.parent / "docs-README.md"
    os.link(seed_copy, other)
    inode = seed_copy.stat().st_ino
    assert _fix(cli, seed_copy.parent).code in (0, 1)
    assert seed_copy.read_bytes() == fixed
    assert other.read_bytes() == fixed  # the link is not split
    assert seed_copy.stat().st_ino == inode
    files = sorted(p.name for p in seed_copy.parent.iterdir() if p.is_file())
    assert files == ["README.md", "docs-README.md"]


def test_hard_linked_list_failing_mid_write_is_restored_and_the_copy_removed(
    cli: Cli, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.link(seed_copy, seed_copy.parent / "other.md")
    truncate = os.ftruncate
    calls = []

    def full_disk(fd: int, length: int) -> None:
        calls.append(length)
        if len(calls) == 1:  # the new text is written, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        truncate(fd, length)

    monkeypatch.setattr(os, "ftruncate", full_disk)
    result = _fix(cli, seed_copy.parent)
    assert result.code == 2
    assert "No space left on device; file left unchanged" in result.err
    assert seed_copy.read_bytes() == SEED.read_bytes()
    assert sorted(p.name for p in seed_copy.parent.iterdir()) == ["README.md", "other.md"]


def test_read_only_list_is_refused_not_overwritten(cli: Cli, seed_copy: Path) -> None:
    seed_copy.chmod(0o444)
    result = _fix(cli, seed_copy.parent)
    assert result.code == 2
    assert _one_line(result) == "awesome-lint: README.md: is read-only; file left unchanged"
    assert seed_copy.read_bytes() == SEED.read_bytes()
    assert stat.S_IMODE(seed_copy.stat().st_mode) == 0o444


def _run_cli(args: list[str], cwd: Path, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    command = [sys.executable, "-m", "awesome_lint", *args]
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env
    )


def test_fifo_with_no_writer_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "README.md")
    try:
        done = _run_cli(["--fix", "README.md"], tmp_path, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("awesome-lint waited for a writer on the FIFO")
    assert done.returncode == 2
    assert done.stderr == "awesome-lint: README.md: is a FIFO, not a Markdown file\n"


def test_device_is_refused_as_input(cli: Cli, tmp_path: Path) -> None:
    result = cli("--fix", os.devnull, cwd=tmp_path)
    assert result.code == 2
    assert _one_line(result) == (
        f"awesome-lint: {os.devnull}: is a device or a socket, not a Markdown file"
    )
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_line_appended_while_fixing_is_not_lost(
    cli: Cli, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import awesome_lint.fixer as fixer

    apply_fixes = fixer.apply_fixes
    appended = b"- [Another writer](https://example.org/added-meanwhile)\n"

    def while_another_writer_appends(*args: object, **kwargs: object) -> object:
        result = apply_fixes(*args, **kwargs)  # type: ignore[arg-type]
        with seed_copy.open("ab") as f:
            f.write(appended)
        return result

    monkeypatch.setattr(fixer, "apply_fixes", while_another_writer_appends)
    result = _fix(cli, seed_copy.parent)
    assert result.code == 2
    assert _one_line(result) == (
        "awesome-lint: README.md: changed on disk while it was being fixed; nothing written"
    )
    assert seed_copy.read_bytes() == SEED.read_bytes() + appended
    assert [p.name for p in seed_copy.parent.iterdir()] == ["README.md"]


def test_same_size_edit_with_the_same_mtime_is_still_seen(
    cli: Cli, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import awesome_lint.fixer as fixer

    apply_fixes = fixer.apply_fixes

    def while_a_byte_changes(*args: object, **kwargs: object) -> object:
        result = apply_fixes(*args, **kwargs)  # type: ignore[arg-type]
        st = seed_copy.stat()
        data = bytearray(seed_copy.read_bytes())
        data[0:1] = b"X"
        seed_copy.write_bytes(bytes(data))
        os.utime(seed_copy, ns=(st.st_atime_ns, st.st_mtime_ns))  # size and mtime as read
        return result

    monkeypatch.setattr(fixer, "apply_fixes", while_a_byte_changes)
    result = _fix(cli, seed_copy.parent)
    assert result.code == 2
    assert "changed on disk" in result.err
    assert seed_copy.read_bytes()[:1] == b"X"


_SIGNAL_IN_WRITE_WINDOW = """
import os, signal, sys
import awesome_lint.atomic_write as atomic
fsync = os.fsync
def fsync_then_signal(fd):
    fsync(fd)
    os.kill(os.getpid(), signal.{name})
    fsync(fd)  # not reached if the signal ends the write
atomic.os.fsync = fsync_then_signal
from awesome_lint.__main__ import main
sys.exit(main(["--fix", "--unsafe-fixes", "-q", "README.md"]))
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_signal_in_the_write_window_removes_the_temp_file(seed_copy: Path, name: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    script = _SIGNAL_IN_WRITE_WINDOW.format(name=name)
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=seed_copy.parent, env=env, timeout=60,
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == -getattr(signal, name), done.stderr  # ended by the signal
    assert [p.name for p in seed_copy.parent.iterdir()] == ["README.md"]
    assert seed_copy.read_bytes() == SEED.read_bytes()


def test_signal_handlers_are_restored_after_the_write(cli: Cli, seed_copy: Path) -> None:
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)
    assert _fix(cli, seed_copy.parent).code in (0, 1)
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)) == before


def test_stale_temp_file_of_a_killed_run_is_removed_by_the_next_fix(
    cli: Cli, seed_copy: Path
) -> None:
    folder = seed_copy.parent
    stale = folder / ".README.md.k1ll3d_x.tmp"
    fresh = folder / ".README.md.inprogr.tmp"  # another run's, still being written
    unrelated = folder / ".README.md.notours.bak"
    for path in (stale, fresh, unrelated):
        path.write_bytes(b"half a list")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    os.utime(unrelated, (an_hour_ago, an_hour_ago))
    assert _fix(cli, folder).code in (0, 1)
    assert not stale.exists()
    assert fresh.exists() and unrelated.exists()


_INTERRUPTED = """
import os, signal, sys
import awesome_lint.linter as linter
def lint_until_ctrl_c(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGINT)
    raise AssertionError("not interrupted")
linter.lint_context = lint_until_ctrl_c
from awesome_lint.__main__ import main
sys.exit(main(["README.md"]))
"""


def test_ctrl_c_is_one_line_and_exit_130(seed_copy: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_INTERRUPTED)], cwd=seed_copy.parent, env=env,
        timeout=60, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 130
    assert done.stderr == "awesome-lint: interrupted\n"
    assert done.stdout == ""
