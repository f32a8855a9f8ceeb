"""A web server on 127.0.0.1 for link-checking tests: each path prefix is one behaviour.

``/ok/…`` 200, ``/moved/…`` 301 to ``/ok/…``, ``/temporary/…`` 302 to ``/ok/…``, ``/gone/…``
404, ``/busy/…`` 429 with ``Retry-After: 1`` once then 200, ``/flaky/…`` 500 once then 200,
``/slow/…`` 200 after 0.3 s, ``/never/…`` no answer until the server stops, ``/loop/…``
a redirect to itself, ``/no-head/…`` 405 to HEAD and 200 to GET, ``/blocked/…`` 999 (what
LinkedIn answers a bot), ``/redirect-to/<quoted>`` 301 to the unquoted rest, verbatim (a hostile
``Location``), ``/endless/…`` 405 to HEAD and, to GET, 302 to ``/ok/…`` with a body that never
ends. Nothing leaves the machine.

An asyncio server in its own thread: thread-per-connection ``http.server`` was the bottleneck
of a 500-link run, not the checker.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

KINDS = (
    "ok",
    "moved",
    "temporary",
    "gone",
    "busy",
    "flaky",
    "slow",
    "never",
    "loop",
    "no-head",
    "blocked",
)
HOSTILE = ("redirect-to", "endless")  # not in the mix of a list of links: asked one by one
LIVE = {"ok", "moved", "temporary", "busy", "flaky", "slow", "no-head"}
_REASONS = {
    200: "OK",
    301: "Moved Permanently",
    302: "Found",
    404: "Not Found",
    405: "Method Not Allowed",
    429: "Too Many Requests",
    500: "Internal Server Error",
    308: "Permanent Redirect",
    999: "Request denied",
}


class LoopbackServer:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.port = 0
        self.requests: Counter[tuple[str, str]] = Counter()  # (method, path) -> count
        self.body_bytes_sent = 0  # by /endless/
        self.lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def count(self, method: str, path: str) -> int:
        """How many times ``path`` was asked with ``method``."""
        with self.lock:
            return self.requests[(method, path)]

    @property
    def total(self) -> int:
        with self.lock:
            return sum(self.requests.values())

    def start(self) -> None:
        self._thread.start()
        self._ready.wait(10)

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._stopping = asyncio.Event()
        self._connections: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._serve, self.host, 0, backlog=1024)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._loop.close()

    async def _shutdown(self) -> None:
        self._stopping.set()
        self._server.close()
        for writer in self._writers:
            writer.close()  # idle keep-alive connections read EOF and end
        await asyncio.wait(self._connections, timeout=5) if self._connections else None
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._connections.add(task)
            task.add_done_callback(self._connections.discard)
        self._writers.add(writer)
        try:
            while True:
                request_line = await reader.readline()
                if not request_line:
                    return
                method, path = request_line.decode("latin-1").split(" ")[:2]
                while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                    pass  # headers: not needed
                if path.startswith("/endless/") and method == "GET":
                    await self._endless(writer, path)
                    return
                answer = await self._answer(method, path)
                if answer is None:
                    return
                writer.write(answer)
                await writer.drain()
        except (ConnectionError, ValueError):
            return
        finally:
            self._writers.discard(writer)
            writer.close()

    async def _endless(self, writer: asyncio.StreamWriter, path: str) -> None:
        with self.lock:
            self.requests[("GET", path)] += 1
        rest = path.split("/", 2)[2]
        head = f"HTTP/1.1 302 Found\r\nLocation: /ok/{rest}\r\nContent-Length: {10**12}\r\n\r\n"
        writer.write(head.encode())
        chunk = b"x" * 65536
        while not self._stopping.is_set():
            writer.write(chunk)
            await writer.drain()  # raises ConnectionError once the client hangs up
            self.body_bytes_sent += len(chunk)

    async def _answer(self, method: str, path: str) -> bytes | None:
        with self.lock:
            self.requests[(method, path)] += 1
            seen = sum(n for (_, p), n in self.requests.items() if p == path)
        parts = path.split("/", 2)
        kind = parts[1] if len(parts) > 1 else ""
        rest = parts[2] if len(parts) > 2 else ""
        head = method == "HEAD"
        if kind == "never":
            await self._stopping.wait()
            return None
        if kind == "slow":
            await asyncio.sleep(0.3)
        if kind == "moved":
            return _response(301, head, {"Location": f"/ok/{rest}"})
        if kind == "temporary":
            return _response(302, head, {"Location": f"/ok/{rest}"})
        if kind == "loop":
            return _response(302, head, {"Location": path})
        if kind == "redirect-to":
            from urllib.parse import unquote

            return _response(301, head, {"Location": unquote(rest)})
        if kind == "endless" and head:
            return _response(405, head)
        if kind == "blocked":
            return _response(999, head)
        if kind == "gone" or kind not in (*KINDS, *HOSTILE):
            return _response(404, head)
        if kind == "busy" and seen == 1:
            return _response(429, head, {"Retry-After": "1"})
        if kind == "flaky" and seen == 1:
            return _response(500, head)
        if kind == "no-head" and head:
            return _response(405, head)
        return _response(200, head)


def _response(status: int, head: bool, headers: dict[str, str] | None = None) -> bytes:
    body = f"{status}\n".encode()
    lines = [f"HTTP/1.1 {status} {_REASONS[status]}", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + (b"" if head else body)


@contextmanager
def loopback_server(host: str = "127.0.0.1") -> Iterator[LoopbackServer]:
    """A running server on ``host`` (a loopback address: 127.0.0.1, 127.0.0.2, ...)."""
    server = LoopbackServer(host)
    server.start()
    try:
        yield server
    finally:
        server.stop()
