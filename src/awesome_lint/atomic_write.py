"""Replace a file's content all at once, keeping the file what it was: its owner, group,
mode, extended attributes (ACLs too) and, for a hard-linked file, its inode.

The data goes to a temp file ``.NAME.XXXXXXXX.tmp`` in the same folder, is flushed to disk,
takes the old file's identity and then replaces it with one ``os.replace``: readers see the
old bytes or the new, never a mix. A file a rename cannot keep (a hard link, or an identity
the temp file cannot take) is rewritten in place instead, with a copy of the old bytes
(``.NAME.XXXXXXXX.orig``) kept on disk until the write is done. Nothing is written when the
file changed since it was read, is read-only, or is not a regular file. On any failure (a
full disk, an interrupt, SIGTERM or SIGHUP) the temp file is removed and the old file is
left byte for byte; a temp file left by a killed run is removed by a later one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

STALE_AFTER = 600.0  # seconds: an older temp file of ours is a killed run's, not one in progress


class WriteRefused(Exception):
    """The file is left as it is; the message says why, in a few words."""


class Snapshot(NamedTuple):
    """What was read: a replacement is written only while the file still holds exactly this."""

    data: bytes
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, data: bytes, st: os.stat_result) -> Snapshot:
        return cls(data, st.st_size, st.st_mtime_ns)


class ReadRefused(Exception):
    """The file cannot be read as a list (or as the file asked for); the message says why."""


def read_regular(
    path: Path, shown: str, what: str = "a Markdown file"
) -> tuple[bytes, os.stat_result]:
    """A regular file's bytes and its stat from just before reading (for ``Snapshot.of``).

    Looked at before it is opened: opening a FIFO with no writer would wait for ever.
    """
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise ReadRefused(f"{shown}: is a directory, not {what}")
        if not stat.S_ISREG(st.st_mode):
            kind = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a device or a socket"
            raise ReadRefused(f"{shown}: is {kind}, not {what}")
        return path.read_bytes(), st
    except FileNotFoundError:
        raise ReadRefused(f"{shown}: no such file") from None
    except PermissionError:
        raise ReadRefused(f"{shown}: permission denied") from None
    except OSError as error:
        raise ReadRefused(f"{shown}: cannot read: {error.strerror}") from None


def write_or_reason(path: Path, data: bytes, expected: Snapshot | None) -> str | None:
    """``write_atomic``, with what went wrong as a few words (None when written)."""
    try:
        write_atomic(path, data, expected=expected)
    except WriteRefused as error:
        return str(error)
    except OSError as error:
        return f"cannot write: {error.strerror or error}; file left unchanged"
    return None


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in a word or two; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def write_atomic(
    path: Path, data: bytes, *, expected: Snapshot | None = None, follow_symlinks: bool = True
) -> None:
    """Replace ``path``'s content with ``data``; ``expected``: what it must still hold.

    Through a symlink the link stays and its target changes, unless ``follow_symlinks`` is
    False: then a symlink is refused (and one made meanwhile is replaced, never followed).
    """
    target = path.resolve() if follow_symlinks else Path(os.path.abspath(path))
    try:
        st: os.stat_result | None = os.stat(target, follow_symlinks=follow_symlinks)
    except FileNotFoundError:
        st = None  # a new file keeps mkstemp's private permissions
    if st is not None:
        kind = "a symlink" if stat.S_ISLNK(st.st_mode) else kind_of(st.st_mode)
        if kind is not None:
            raise WriteRefused(f"is {kind}, not a regular file; nothing written")
        if st.st_mode & 0o222 == 0 or not os.access(target, os.W_OK):
            raise WriteRefused("is read-only; file left unchanged")
    with _signals_interrupt():
        # A hard link would be split by a rename: the other names would keep the old text.
        linked = st is not None and st.st_nlink > 1
        if linked or not _replace(target, data, st, expected):
            _rewrite_in_place(target, data, expected)


def remove_stale_temps(path: Path, max_age: float = STALE_AFTER) -> None:
    """Remove ``.NAME.XXXXXXXX.tmp`` files of ours older than ``max_age`` beside ``path``."""
    import time

    target = path.resolve()
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.tmp\Z")
    limit = time.time() - max_age
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            if not pattern.match(entry.name):
                continue
            with contextlib.suppress(OSError):
                st = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(st.st_mode) and st.st_mtime < limit:
                    os.unlink(entry.path)


def _replace(
    target: Path, data: bytes, st: os.stat_result | None, expected: Snapshot | None
) -> bool:
    """Write a temp file and rename it over ``target``; False if it cannot take the identity."""
    import tempfile  # only when something is written: most runs write nothing

    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if st is not None and not _take_identity(f.fileno(), st, target):
                os.unlink(temp)
                return False
            os.fsync(f.fileno())
        _check_unchanged(target, expected)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return True


def _take_identity(fd: int, st: os.stat_result, source: Path) -> bool:
    """Give the open temp file ``source``'s owner, group, mode and xattrs; False if it can't."""
    if (st.st_uid, st.st_gid) != (os.fstat(fd).st_uid, os.fstat(fd).st_gid):
        try:
            os.fchown(fd, st.st_uid, st.st_gid)
        except PermissionError:
            return False
    os.fchmod(fd, stat.S_IMODE(st.st_mode))  # after chown, which may clear setuid bits
    listxattr = getattr(os, "listxattr", None)
    if listxattr is None:
        return True  # no extended attributes on this system
    try:
        names = listxattr(source)
    except OSError as error:
        if error.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            return True
        raise
    for name in names:
        try:
            os.setxattr(fd, name, os.getxattr(source, name))
        except OSError:
            return False  # e.g. a security.* attribute only root may set
    return True


def _rewrite_in_place(target: Path, data: bytes, expected: Snapshot | None) -> None:
    """Overwrite ``target``'s own inode, a copy of its old bytes on disk until it is done."""
    import tempfile

    _check_unchanged(target, expected)
    old = target.read_bytes() if expected is None else expected.data
    fd, backup = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".orig", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(old)
            f.flush()
            os.fsync(f.fileno())
        out = os.open(target, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(backup)
        raise
    try:
        _overwrite(out, data)
    except BaseException:
        try:
            _overwrite(out, old)
        except BaseException as error:
            raise WriteRefused(f"write failed; the old text is kept in {backup}") from error
        finally:
            os.close(out)
        os.unlink(backup)
        raise
    os.close(out)
    os.unlink(backup)


def _overwrite(fd: int, data: bytes) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.ftruncate(fd, len(data))
    os.fsync(fd)


def _check_unchanged(target: Path, expected: Snapshot | None) -> None:
    if expected is None:
        return
    try:
        st = os.stat(target)
        same = (st.st_size, st.st_mtime_ns) == (expected.size, expected.mtime_ns)
        same = same and target.read_bytes() == expected.data
    except FileNotFoundError:
        same = False
    if not same:
        raise WriteRefused("changed on disk while it was being fixed; nothing written")


class _Signalled(BaseException):
    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _signals_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP, while a file is written, clean up first and then take effect."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        raise _Signalled(signum)

    previous: dict[int, object] = {}
    try:
        for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if signum is None or signal.getsignal(signum) == signal.SIG_IGN:
                continue
            previous[signum] = signal.signal(signum, interrupt)
    except ValueError:
        pass  # not the main thread: signals are not ours to handle
    try:
        yield
    except _Signalled as signalled:
        _restore(previous)
        previous = {}
        signal.raise_signal(signalled.signum)  # the clean-up is done: now as if unhandled
        raise SystemExit(128 + signalled.signum) from None  # a handler of the caller's ran
    finally:
        _restore(previous)


def _restore(previous: dict[int, object]) -> None:
    import signal

    for signum, handler in previous.items():
        signal.signal(signum, handler)  # type: ignore[arg-type]
