"""Checking external links over the network: the one I/O layer behind AL503.

``check_urls(urls, settings)`` returns a ``LinkResult`` per url: from this run's memory, from
the on-disk cache (``--links-cache``) while fresh, else from the network. The HTTP client
(httpx, the ``links`` extra) is imported only here, only when links are checked.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from awesome_lint.linkcheck.result import LinkResult, not_checked

if TYPE_CHECKING:
    from awesome_lint.config import LinkCheckSettings

INSTALL_HINT = "checking links needs httpx: install awesome-lint[links]"


class ClientMissing(Exception):
    """The optional HTTP client is not installed; the message says how to get it."""


def require_client() -> None:
    """Raise ``ClientMissing`` unless the HTTP client can be imported."""
    try:
        import httpx  # noqa: F401
    except ImportError:
        raise ClientMissing(INSTALL_HINT) from None


def check_urls(urls: Iterable[str], settings: LinkCheckSettings) -> dict[str, LinkResult]:
    """A result for each url (fragments are not sent; ``a#x`` and ``a#y`` are one request)."""
    from awesome_lint.linkcheck.cache import LinkCache

    wanted = list(dict.fromkeys(urls))
    results: dict[str, LinkResult] = {}
    cache = LinkCache.load(settings.cache_path, settings.cache_ttl, time.time(), _warn)
    to_fetch: list[str] = []
    checked = settings.checked if settings.checked is not None else {}
    for url in wanted:
        key = request_url(url)
        found = checked.get(key) or cache.get(key)
        if found is not None:
            checked[key] = found
        elif key not in to_fetch:
            to_fetch.append(key)
    if to_fetch:
        require_client()
        from awesome_lint.linkcheck.client import fetch_all

        fetched = fetch_all(to_fetch, settings, _progress_bar() if sys.stderr.isatty() else None)
        checked.update(fetched)
        cache.update(r for r in fetched.values() if not_checked(r) is None)
        cache.save()
    for url in wanted:
        results[url] = checked[request_url(url)]
    return results


def _warn(message: str) -> None:
    """A problem that costs time, never the report: one line on stderr."""
    sys.stderr.write(f"awesome-lint: warning: {message}\n")


def request_url(url: str) -> str:
    """The url as requested: without its fragment, which never reaches the server."""
    return url.split("#", 1)[0]


def _progress_bar() -> ProgressBar:
    return ProgressBar(sys.stderr)


class ProgressBar:
    """``checking links [#####     ] 120/500`` redrawn in place; erased when done."""

    def __init__(self, stream: TextIO, width: int = 30, label: str = "checking links") -> None:
        self.stream = stream
        self.width = width
        self.label = label

    def __call__(self, done: int, total: int) -> None:
        filled = self.width * done // total if total else self.width
        bar = "#" * filled + " " * (self.width - filled)
        end = "\r" + " " * (self.width + 40) + "\r" if done >= total else ""
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total}{end}")
        self.stream.flush()
