"""Records on disk beside the link cache: JSON, fresh for the link checker's TTL.

Untrusted input, like the link cache: read only from a regular file (never through a
symlink), at most ``MAX_BYTES``, every value checked; a bad file is a warning and is ignored.
Written to a temp file in the same folder, then renamed over, never through a symlink.
"""

from __future__ import annotations

import json
import math
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from awesome_lint.sources.record import Record

FORMAT_VERSION = 1
MAX_BYTES = 64 * 1024 * 1024
MAX_TEXT = 4096

Warn = Callable[[str], None]


class RecordCache:
    def __init__(
        self,
        path: Path | None,
        entries: dict[str, tuple[float, Record | None]],
        ttl: float,
        now: float,
        warn: Warn,
    ) -> None:
        self.path = path
        self.entries = entries
        self.ttl = ttl
        self.now = now
        self.warn = warn
        self.dirty = False

    @classmethod
    def load(cls, path: Path | None, ttl: float, now: float, warn: Warn) -> RecordCache:
        cache = cls(path, {}, ttl, now, warn)
        if path is None:
            return cache
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            return cache
        except OSError as error:
            warn(f"records cache {path}: {error.strerror}; not used")
            return cache
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES:
            warn(f"records cache {path}: not a regular file of a sane size; not used")
            cache.path = None  # never written over either
            return cache
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            cache.entries = _entries(data)
        except (OSError, ValueError, TypeError, KeyError) as error:
            warn(f"records cache {path}: unreadable ({type(error).__name__}); not used")
        return cache

    def has(self, key: str) -> bool:
        """A fresh answer is kept for ``key`` (a record, or: the service does not know it)."""
        found = self.entries.get(key)
        return found is not None and self.now - found[0] <= self.ttl

    def get(self, key: str) -> Record | None:
        found = self.entries.get(key)
        if found is None or self.now - found[0] > self.ttl:
            return None
        return found[1]

    def update(self, found: Iterable[tuple[str, Record | None]]) -> None:
        for key, record in found:
            self.entries[key] = (self.now, record)
            self.dirty = True

    def save(self) -> None:
        if self.path is None or not self.dirty:
            return
        data = {
            "version": FORMAT_VERSION,
            "records": {
                key: {"time": when, "record": record._asdict() if record else None}
                for key, (when, record) in sorted(self.entries.items())
            },
        }
        folder = self.path.parent
        try:
            if self.path.is_symlink():
                self.warn(f"records cache {self.path}: a symlink; not written")
                return
            fd, temp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False)
            os.replace(temp, self.path)
        except OSError as error:
            self.warn(f"records cache {self.path}: cannot write: {error.strerror}")


def _entries(data: Any) -> dict[str, tuple[float, Record | None]]:
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise ValueError("another format")
    entries = {}
    for key, value in data["records"].items():
        when = value["time"]
        raw = value["record"]
        if not isinstance(key, str) or len(key) > MAX_TEXT:
            raise ValueError("bad key")
        if isinstance(when, bool) or not isinstance(when, (int, float)) or not math.isfinite(when):
            raise ValueError("bad time")
        entries[key] = (float(when), None if raw is None else _record(raw))
    return entries


def _record(raw: Any) -> Record:
    if not isinstance(raw, dict):
        raise TypeError("record")

    def text(name: str, optional: bool = True) -> str | None:
        value = raw.get(name)
        if value is None and optional:
            return None
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            raise TypeError(name)
        return value

    def texts(name: str) -> tuple[str, ...]:
        value = raw.get(name, [])
        if not isinstance(value, list) or not all(
            isinstance(v, str) and len(v) <= MAX_TEXT for v in value
        ):
            raise TypeError(name)
        return tuple(value)

    year = raw.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise TypeError("year")
    return Record(
        title=text("title", optional=False) or "",
        authors=texts("authors"),
        year=year,
        venue=text("venue"),
        arxiv=text("arxiv"),
        doi=text("doi"),
        url=text("url"),
        subjects=texts("subjects"),
        code=text("code"),
        truncated=bool(raw.get("truncated", False)),
    )
