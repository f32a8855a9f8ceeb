"""Link results on disk (``--links-cache PATH``): JSON, fresh for a TTL, written atomically."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from awesome_lint.atomic_write import write_atomic
from awesome_lint.linkcheck.result import LinkResult

FORMAT_VERSION = 1
_STATES = ("ok", "moved", "dead", "unknown")


class LinkCache:
    """Fresh results by request url; ``save`` writes only when something was added."""

    def __init__(self, path: Path | None, entries: dict[str, LinkResult], ttl: float, now: float):
        self.path = path
        self.entries = entries
        self.ttl = ttl
        self.now = now
        self.dirty = False

    @classmethod
    def load(cls, path: Path | None, ttl: float, now: float) -> LinkCache:
        entries: dict[str, LinkResult] = {}
        if path is not None and path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}  # an unreadable cache is an empty one: it only saves time
            for url, raw in _entries(data).items():
                result = _result(url, raw)
                if result is not None and now - result.checked_at < ttl:
                    entries[url] = result
        return cls(path, entries, ttl, now)

    def get(self, url: str) -> LinkResult | None:
        return self.entries.get(url)

    def update(self, results: Iterable[LinkResult]) -> None:
        for result in results:
            self.entries[result.url] = result
            self.dirty = True

    def save(self) -> None:
        if self.path is None or not self.dirty:
            return
        data = {
            "version": FORMAT_VERSION,
            "entries": {url: _raw(r) for url, r in sorted(self.entries.items())},
        }
        self.path.resolve().parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
        write_atomic(self.path, text.encode("utf-8"))
        self.dirty = False


def _entries(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}


def _result(url: str, raw: Any) -> LinkResult | None:
    if not isinstance(raw, dict) or raw.get("state") not in _STATES:
        return None
    try:
        return LinkResult(
            url=url,
            state=raw["state"],
            status=None if raw.get("status") is None else int(raw["status"]),
            reason=str(raw.get("reason", "")),
            moved_to=None if raw.get("moved_to") is None else str(raw["moved_to"]),
            checked_at=float(raw["checked_at"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


def _raw(result: LinkResult) -> dict[str, Any]:
    raw = asdict(result)
    del raw["url"]
    return raw
