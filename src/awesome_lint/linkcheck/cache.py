"""Link results on disk (``--links-cache PATH``): JSON, fresh for a TTL, written atomically.

The cache is untrusted input: it is read only from a regular file (never through a symlink,
never from a FIFO or a device), at most ``MAX_BYTES``, and every value is checked (types,
finite numbers, bounded strings); a bad cache is a warning and is ignored. It is written
only as a regular file of its own, never through a symlink nor over a special file, and
what another run wrote meanwhile is merged in (the newer result of a url wins).
"""

from __future__ import annotations

import json
import math
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from awesome_lint.linkcheck.result import LinkResult

FORMAT_VERSION = 1
MAX_BYTES = 64 * 1024 * 1024  # a cache of a million links is ~200 MB short of this; 64 MiB
MAX_TEXT = 4096  # characters in a url, reason or moved_to
_STATES = ("ok", "moved", "dead", "unknown")

Warn = Callable[[str], None]


class CacheError(Exception):
    """Why a cache file is not used; the message is a few words for a warning."""


class LinkCache:
    """Fresh results by request url; ``save`` writes only when something was added."""

    def __init__(
        self,
        path: Path | None,
        entries: dict[str, LinkResult],
        ttl: float,
        now: float,
        warn: Warn | None = None,
    ):
        self.path = path
        self.entries = entries
        self.ttl = ttl
        self.now = now
        self.dirty = False
        self.warn = warn or (lambda message: None)
        self.added: dict[str, LinkResult] = {}

    @classmethod
    def load(cls, path: Path | None, ttl: float, now: float, warn: Warn | None = None) -> LinkCache:
        entries: dict[str, LinkResult] = {}
        cache = cls(path, entries, ttl, now, warn)
        if path is None:
            return cache
        try:
            stored = read_entries(path)
        except CacheError as error:
            cache.warn(f"--links-cache {path}: {error}; ignored")
            return cache
        for url, result in stored.items():
            if now - result.checked_at < ttl:
                entries[url] = result
        return cache

    def get(self, url: str) -> LinkResult | None:
        return self.entries.get(url)

    def update(self, results: Iterable[LinkResult]) -> None:
        for result in results:
            self.entries[result.url] = result
            self.added[result.url] = result
            self.dirty = True

    def save(self) -> None:
        """Write the cache, merged with what is on disk now; a failure is only a warning."""
        if self.path is None or not self.dirty:
            return
        from awesome_lint.atomic_write import WriteRefused

        try:
            self._save(self.path)
        except (CacheError, WriteRefused, OSError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            self.warn(f"--links-cache {self.path}: not written: {reason}")
        self.dirty = False

    def _save(self, path: Path) -> None:
        from awesome_lint.atomic_write import write_atomic

        try:
            on_disk = read_entries(path)
        except CacheError:
            on_disk = {}  # unusable (said when it was loaded): replaced, if it is a regular file
        merged = {**on_disk}
        for url, result in {**self.entries, **self.added}.items():
            if url not in merged or merged[url].checked_at <= result.checked_at:
                merged[url] = result
        fresh = {u: r for u, r in merged.items() if self.now - r.checked_at < self.ttl}
        data = {
            "version": FORMAT_VERSION,
            "entries": {url: _raw(r) for url, r in sorted(fresh.items())},
        }
        _check_writable(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
        write_atomic(path, text.encode("utf-8"), follow_symlinks=False)


def read_entries(path: Path) -> dict[str, LinkResult]:
    """The valid results stored at ``path``; {} if there is no file; CacheError if unusable."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return {}
    except OSError as error:
        if path.is_symlink():
            raise CacheError("is a symlink") from None
        raise CacheError(f"cannot read: {error.strerror}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise CacheError("not a regular file")
        if st.st_size > MAX_BYTES:
            raise CacheError(f"larger than {MAX_BYTES // (1024 * 1024)} MiB")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as error:
        raise CacheError(f"cannot read: {error.strerror}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise CacheError(f"larger than {MAX_BYTES // (1024 * 1024)} MiB")
    try:
        parsed = json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise CacheError("not a valid cache (bad JSON)") from None
    if not isinstance(parsed, dict) or parsed.get("version") != FORMAT_VERSION:
        raise CacheError("not a cache of this version")
    entries = parsed.get("entries")
    if not isinstance(entries, dict):
        raise CacheError("not a valid cache (no entries)")
    results = {}
    for url, raw in entries.items():
        result = _result(url, raw)
        if result is not None:
            results[url] = result
    return results


def _check_writable(path: Path) -> None:
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        raise CacheError("is a symlink; a cache is only written as a file of its own")
    if not stat.S_ISREG(st.st_mode):
        raise CacheError("not a regular file; left as it is")


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def _result(url: Any, raw: Any) -> LinkResult | None:
    """A stored result, or None unless every field has the type and range it must have."""
    if not isinstance(url, str) or not 0 < len(url) <= MAX_TEXT or not isinstance(raw, dict):
        return None
    state, status = raw.get("state"), raw.get("status")
    reason, moved_to = raw.get("reason", ""), raw.get("moved_to")
    checked_at = raw.get("checked_at")
    if state not in _STATES:
        return None
    if status is not None and (type(status) is not int or not 100 <= status <= 999):
        return None
    if not isinstance(reason, str) or len(reason) > MAX_TEXT:
        return None
    if moved_to is not None and (not isinstance(moved_to, str) or len(moved_to) > MAX_TEXT):
        return None
    if not isinstance(checked_at, (int, float)) or isinstance(checked_at, bool):
        return None
    if not math.isfinite(checked_at):
        return None
    return LinkResult(url, state, status, reason, moved_to, float(checked_at))


def _raw(result: LinkResult) -> dict[str, Any]:
    raw = asdict(result)
    del raw["url"]
    return raw
