"""Replace a file's content all at once: readers see the old bytes or the new, never a mix.

The data goes to a temp file in the same folder, is flushed to disk, takes the old file's
permissions and then replaces it with one ``os.replace``; on any failure (a full disk, an
interrupt) the temp file is removed and the old file is left byte for byte.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    import tempfile  # only when something is written: most runs write nothing

    target = path.resolve()  # through a symlink: the link stays, its target changes
    try:
        mode: int | None = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None  # a new file keeps mkstemp's private permissions
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
