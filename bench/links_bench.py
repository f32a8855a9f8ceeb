"""Time AL503's checker: 500 links to loopback servers, mixed answers, concurrency 50.

    .venv/bin/python bench/links_bench.py

Five servers on 127.0.0.1 … 127.0.0.5 (five hosts, so the per-host limit of 10 lets all 50
global slots work) answer 200, 301, 302, 404, 429 with Retry-After 1, 500 then 200, 0.3 s
slow, 405 to HEAD, 999, redirect loops, and a few never answer (timeout 1 s, 1 retry). A
measurement, not a test: it prints the time and the states; nothing leaves the machine.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections import Counter
from contextlib import ExitStack
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.loopback import KINDS, loopback_server

from awesome_lint.config import LinkCheckSettings
from awesome_lint.linkcheck.check import check_urls

LINKS = 500
HOSTS = 5
NEVER_EVERY = 50  # one url in 50 never answers: each costs the full timeout, twice


def main() -> int:
    settings = LinkCheckSettings(concurrency=50, per_host=10, timeout=1.0, retries=1)
    parent, child = multiprocessing.Pipe()
    # The servers run in their own process: their work is not the checker's.
    servers = multiprocessing.Process(target=_serve, args=(child,), daemon=True)
    servers.start()
    bases: list[str] = parent.recv()
    kinds = [k for k in KINDS if k != "never"]
    urls = []
    for n in range(LINKS):
        kind = "never" if n % NEVER_EVERY == 0 else kinds[n % len(kinds)]
        urls.append(f"{bases[n % HOSTS]}/{kind}/bench-{n}")
    start = time.perf_counter()
    cpu = time.process_time()
    results = check_urls(urls, settings)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu
    parent.send("stop")
    asked: int = parent.recv()
    servers.join(10)
    states = Counter(r.state for r in results.values())
    print(
        f"{LINKS} links, {HOSTS} hosts, concurrency {settings.concurrency}, per-host "
        f"{settings.per_host}: {elapsed:.2f} s wall, {cpu:.2f} s CPU ({asked} requests; "
        + ", ".join(f"{n} {state}" for state, n in sorted(states.items()))
        + ")"
    )
    return 0


def _serve(conn: Connection) -> None:
    with ExitStack() as stack:
        servers = [stack.enter_context(loopback_server(f"127.0.0.{i + 1}")) for i in range(HOSTS)]
        conn.send([s.base for s in servers])
        conn.recv()
        conn.send(sum(s.total for s in servers))


if __name__ == "__main__":
    sys.exit(main())
