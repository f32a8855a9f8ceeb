"""Asking the services within their terms: one connection, one request every few seconds.

arXiv's API terms ask for at most one request every three seconds over a single connection,
and for ids to be batched: ``PacedClient`` waits ``interval`` seconds between the starts of
two requests, keeps one connection (``max_connections=1``), and retries a 429 or a 503 at most
``retries`` times, waiting what ``Retry-After`` says (capped), else ``interval`` doubled.
httpx is the ``[links]`` extra: imported here only, and a missing one is one clear line.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from awesome_lint import __version__
from awesome_lint.sources.record import SourceError

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"awesome-lint/{__version__} (add; +https://github.com/awesome-lint/awesome-lint)"
RETRY_AFTER_CAP = 30.0  # seconds: a longer Retry-After is not worth waiting for
RETRIED = (429, 503)


def require_httpx() -> None:
    try:
        import httpx  # noqa: F401
    except ImportError:
        raise SourceError(
            "fetching records needs httpx: pip install 'awesome-lint[links]'"
        ) from None


class Answer:
    def __init__(self, status: int, text: str) -> None:
        self.status = status
        self.text = text


class PacedClient:
    """One connection to the services, requests at least ``interval`` seconds apart."""

    def __init__(
        self,
        *,
        interval: float = 3.0,
        retries: int = 3,
        timeout: float = 20.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        require_httpx()
        import httpx

        self.interval = interval
        self.retries = retries
        self.sleep = sleep
        self.clock = clock
        self.requests = 0  # made, retries included
        self._last: float | None = None
        self._client: httpx.Client = httpx.Client(
            headers={"User-Agent": USER_AGENT},
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
        )

    def __enter__(self) -> PacedClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, *, what: str) -> Answer:
        """The answer to GET ``url``; SourceError when there is none (``what`` names it)."""
        import httpx

        wait = self.interval
        for attempt in range(self.retries + 1):
            self._pace()
            self.requests += 1
            try:
                response = self._client.get(url)
            except httpx.HTTPError as error:
                raise SourceError(
                    f"{what}: no answer from {_host(url)} ({_reason(error)})"
                ) from None
            if response.status_code not in RETRIED or attempt == self.retries:
                if response.status_code in RETRIED:
                    raise SourceError(
                        f"{what}: {_host(url)} answered {response.status_code} "
                        f"{self.retries + 1} times; try again later"
                    )
                return Answer(response.status_code, response.text)
            delay = _retry_after(response.headers.get("Retry-After"))
            wait = max(wait, self.interval) if delay is None else delay
            self._hold(wait)
            wait *= 2 if delay is None else 1
        raise AssertionError("unreachable")  # pragma: no cover

    def _pace(self) -> None:
        now = self.clock()
        if self._last is not None:
            due = self._last + self.interval
            if now < due:
                self.sleep(due - now)
        self._last = self.clock()

    def _hold(self, seconds: float) -> None:
        """Wait ``seconds`` from now before the next request (a Retry-After)."""
        self.sleep(max(0.0, seconds))
        self._last = self.clock() - self.interval  # the wait covered the pacing


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), RETRY_AFTER_CAP)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return min(max(0.0, when.timestamp() - time.time()), RETRY_AFTER_CAP)


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).netloc or url


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text or type(error).__name__
