"""The async HTTP checker: httpx, a global and a per-host limit, retries, redirects.

Each url is asked with HEAD, then with GET when HEAD is refused (any 4xx but 429: many servers
answer HEAD badly). 429 and 5xx answers and timeouts are retried with exponential backoff,
honouring ``Retry-After`` up to a cap. Redirects are followed; a chain that starts with
permanent redirects (301/308) reports where they lead. Hosts known to turn bots away
(403/999 answers) are "unknown", never "dead": the link may well work in a browser.
"""

from __future__ import annotations

import asyncio
import email.utils
import itertools
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from awesome_lint import __version__
from awesome_lint.config import LinkCheckSettings
from awesome_lint.linkcheck.result import NOT_CHECKED, OFFLINE, LinkResult, State

Progress = Callable[[int, int], None]

USER_AGENT = (
    f"awesome-lint/{__version__} (link checker; +https://github.com/awesome-lint/awesome-lint)"
)
RETRY_AFTER_CAP = 30.0  # seconds: a longer Retry-After is not worth waiting for
BACKOFF_BASE = 0.5  # seconds before the first retry; doubled each time
PERMANENT = (301, 308)
MAX_REDIRECTS = 10
# Sites that answer crawlers with 403/999 (or a login wall) whatever the page.
BOT_HOSTILE_HOSTS = (
    "linkedin.com",
    "twitter.com",
    "x.com",
    "researchgate.net",
    "sciencedirect.com",
    "dl.acm.org",
    "ieeexplore.ieee.org",
    "onlinelibrary.wiley.com",
    "tandfonline.com",
    "medium.com",
    "zhihu.com",
    "openai.com",
    "reddit.com",
)
GITHUB_HOSTS = ("github.com", "api.github.com")


@dataclass
class _Hosts:
    """Per host: a client (its own small connection pool), a semaphore, the next start time.

    One pool per host keeps httpcore's per-request bookkeeping, which grows with the number
    of pooled connections, small.
    """

    settings: LinkCheckSettings
    clients: dict[str, httpx.AsyncClient] = field(default_factory=dict)
    semaphores: dict[str, asyncio.Semaphore] = field(default_factory=dict)
    next_start: dict[str, float] = field(default_factory=dict)

    def client(self, host: str) -> httpx.AsyncClient:
        if host not in self.clients:
            slots = max(1, self.settings.per_host)
            self.clients[host] = httpx.AsyncClient(
                headers={"User-Agent": USER_AGENT, "Accept": "*/*"},
                timeout=httpx.Timeout(self.settings.timeout),
                follow_redirects=False,  # followed by hand, never reading a body
                limits=httpx.Limits(max_connections=slots, max_keepalive_connections=slots),
            )
        return self.clients[host]

    def semaphore(self, host: str) -> asyncio.Semaphore:
        if host not in self.semaphores:
            self.semaphores[host] = asyncio.Semaphore(max(1, self.settings.per_host))
        return self.semaphores[host]

    async def wait_turn(self, host: str) -> None:
        interval = self.settings.host_interval
        if interval <= 0:
            return
        loop = asyncio.get_running_loop()
        start = max(loop.time(), self.next_start.get(host, 0.0))
        self.next_start[host] = start + interval
        await asyncio.sleep(start - loop.time())

    async def aclose(self) -> None:
        for client in self.clients.values():
            await client.aclose()


def fetch_all(
    urls: Sequence[str], settings: LinkCheckSettings, progress: Progress | None = None
) -> dict[str, LinkResult]:
    """Check ``urls`` (fragment-free, distinct) and return a result for every one."""
    return asyncio.run(_fetch_all(urls, settings, progress))


async def _fetch_all(
    urls: Sequence[str], settings: LinkCheckSettings, progress: Progress | None
) -> dict[str, LinkResult]:
    limit = asyncio.Semaphore(max(1, settings.concurrency))
    hosts = _Hosts(settings)
    done = 0

    async def one(url: str) -> LinkResult:
        nonlocal done
        result = await _check(url, settings, hosts, limit)
        done += 1
        if progress is not None:
            progress(done, len(urls))
        return result

    tasks = {asyncio.ensure_future(one(url)): url for url in urls}
    try:
        finished, pending = await asyncio.wait(tasks, timeout=settings.run_timeout)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending)
    finally:
        await hosts.aclose()
    now = time.time()
    results = {tasks[t]: t.result() for t in finished}
    for task in pending:
        results[tasks[task]] = LinkResult(
            tasks[task], "unknown", reason=NOT_CHECKED, checked_at=now
        )
    if progress is not None and pending:
        progress(len(urls), len(urls))
    return _forgive_offline(results)


def _forgive_offline(results: dict[str, LinkResult]) -> dict[str, LinkResult]:
    """When no url got any answer, the machine is offline: nothing is known to be dead."""
    if any(r.status is not None for r in results.values()):
        return results
    return {
        url: LinkResult(
            url,
            "unknown",
            reason=f"{OFFLINE}: {r.reason}",
            checked_at=r.checked_at,
        )
        if r.state == "dead"
        else r
        for url, r in results.items()
    }


async def _check(
    url: str, settings: LinkCheckSettings, hosts: _Hosts, limit: asyncio.Semaphore
) -> LinkResult:
    host = urlsplit(url).hostname or ""
    client = hosts.client(host)
    attempt = 0
    while True:
        try:
            # Slots are held per attempt: a url waiting to retry must not block the others.
            async with hosts.semaphore(host), limit:
                await hosts.wait_turn(host)
                response = await _ask(client, url)
        except httpx.TooManyRedirects:
            return _result(url, "dead", reason="redirect loop (too many redirects)")
        except httpx.TimeoutException:
            if attempt < settings.retries:
                await asyncio.sleep(_backoff(attempt))
                attempt += 1
                continue
            return _result(url, "dead", reason=f"no answer within {settings.timeout:g} s")
        except httpx.ConnectError as error:
            return _result(url, "dead", reason=f"cannot connect: {_describe(error)}")
        except (httpx.HTTPError, httpx.InvalidURL, UnicodeError) as error:
            return _result(url, "dead", reason=f"request failed: {_describe(error)}")
        status = response.status_code
        if (status == 429 or status >= 500) and attempt < settings.retries:
            await asyncio.sleep(_retry_delay(response, attempt))
            attempt += 1
            continue
        return _judge(url, host, response, settings)


async def _ask(client: httpx.AsyncClient, url: str) -> httpx.Response:
    response = await _follow(client, "HEAD", url)
    if _head_refused(response.status_code):
        response = await _follow(client, "GET", url)  # the page instead: its headers only
    return response


async def _follow(client: httpx.AsyncClient, method: str, url: str) -> httpx.Response:
    """Ask ``url`` and follow its redirects, reading no body: only status lines and headers.

    httpx reads each redirect's whole body when it follows them itself; a hostile server can
    make that body endless. Each hop carries the token only if it goes to GitHub over https.
    """
    hops: list[httpx.Response] = []
    while True:
        request = client.build_request(method, url, headers=_auth_headers(url))
        response = await client.send(request, stream=True, follow_redirects=False)
        await response.aclose()  # the body is never read
        if response.next_request is None:
            response.history = hops
            return response
        hops.append(response)
        if len(hops) > MAX_REDIRECTS:
            raise httpx.TooManyRedirects("Exceeded maximum allowed redirects.", request=request)
        url = str(response.next_request.url)
        method = response.next_request.method


def _head_refused(status: int) -> bool:
    """Many servers answer HEAD with 403, 404, 405 or 501 where GET works."""
    return (400 <= status < 500 and status != 429) or status in (501, 999)


def _judge(
    url: str, host: str, response: httpx.Response, settings: LinkCheckSettings
) -> LinkResult:
    status = response.status_code
    moved_to = _permanent_target(response)
    if status < 400 or status in settings.accept:
        if moved_to is not None and moved_to != url:
            return _result(url, "moved", status, f"moved permanently to {moved_to}", moved_to)
        return _result(url, "ok", status)
    if status == 999 or (status in (403, 429) and _bot_hostile(host, response)):
        return _result(url, "unknown", status, f"{host} turns link checkers away ({status})")
    return _result(url, "dead", status, f"{status} {response.reason_phrase}".strip())


def _permanent_target(response: httpx.Response) -> str | None:
    """Where the leading run of permanent redirects leads, or None if the first is not one."""
    hops = [*response.history, response]
    target = None
    for hop, following in itertools.pairwise(hops):
        if hop.status_code not in PERMANENT:
            break
        target = str(following.url)
    return target


def _bot_hostile(host: str, response: httpx.Response) -> bool:
    known = any(host == h or host.endswith("." + h) for h in BOT_HOSTILE_HOSTS)
    challenged = "cf-mitigated" in response.headers or (
        response.headers.get("server", "").lower() == "cloudflare" and response.status_code == 403
    )
    return known or challenged


def _auth_headers(url: str) -> dict[str, str]:
    """The GitHub token, only over https to exactly github.com or api.github.com, port 443."""
    token = os.environ.get("GITHUB_TOKEN")
    if not token:
        return {}
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return {}
    if parts.scheme.lower() != "https" or port not in (None, 443) or parts.username is not None:
        return {}
    if parts.hostname not in GITHUB_HOSTS:
        return {}
    return {"Authorization": f"Bearer {token}"}


def _retry_delay(response: httpx.Response, attempt: int) -> float:
    header = response.headers.get("retry-after")
    if header:
        seconds = _parse_retry_after(header.strip())
        if seconds is not None:
            return min(max(seconds, 0.0), RETRY_AFTER_CAP)
    return _backoff(attempt)


def _parse_retry_after(value: str) -> float | None:
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return float(when.timestamp() - time.time())


def _backoff(attempt: int) -> float:
    delay: float = BACKOFF_BASE * 2.0**attempt
    return min(delay, RETRY_AFTER_CAP)


def _describe(error: Exception) -> str:
    return str(error) or type(error).__name__


def _result(
    url: str, state: State, status: int | None = None, reason: str = "", moved_to: str | None = None
) -> LinkResult:
    return LinkResult(url, state, status, reason, moved_to, time.time())
