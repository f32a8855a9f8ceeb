"""Stand-ins for arXiv's export API, Crossref and OpenReview on 127.0.0.1 (recorded answers).

``/api/query?id_list=A,B`` answers one Atom feed with the entries of
``fixtures/sources/arxiv/<id>.xml`` for the ids it has (``_unknown.xml`` when it has none;
``_error.xml`` for an id in no arXiv form; ``_malformed.xml`` for ``2999.99998``;
``_doctype.xml`` for ``2999.99997``). ``/works/<doi>`` answers
``fixtures/sources/crossref/<doi, / as _>.json``, or 404. ``/notes?id=<forum>`` (OpenReview's
API 2) answers ``fixtures/sources/openreview/<forum>.json``, or ``{"notes": []}``. ``fail``
queues answers given before the real ones (``(429, {"Retry-After": "1"})``, ``(503, {})``).
Every request is logged with its time and the client's port (one port: one connection).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
_ENTRY = re.compile(r"  <entry>.*?</entry>\n", re.DOTALL)
_ARXIV_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$")
SPECIAL = {"2999.99998": "_malformed.xml", "2999.99997": "_doctype.xml"}


class SourcesServer:
    def __init__(self) -> None:
        self.log: list[tuple[float, int, str]] = []  # (monotonic time, client port, path)
        self.fail: list[tuple[int, dict[str, str]]] = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive: the client may keep one connection

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                with server.lock:
                    server.log.append((time.monotonic(), self.client_address[1], self.path))
                    failure = server.fail.pop(0) if server.fail else None
                if failure is not None:
                    self.answer(failure[0], b"busy\n", "text/plain", failure[1])
                    return
                status, body, kind = server.respond(self.path)
                self.answer(status, body, kind, {})

            def answer(self, status: int, body: bytes, kind: str, headers: dict[str, str]) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def respond(self, path: str) -> tuple[int, bytes, str]:
        parts = urlsplit(path)
        if parts.path == "/api/query":
            ids = parse_qs(parts.query).get("id_list", [""])[0].split(",")
            return 200, self.feed(ids).encode(), "application/atom+xml; charset=utf-8"
        if parts.path.startswith("/works/"):
            doi = unquote(parts.path[len("/works/") :])
            found = FIXTURES / "crossref" / (doi.replace("/", "_") + ".json")
            if found.is_file():
                return 200, found.read_bytes(), "application/json"
            return 404, b"Resource not found.", "text/plain"
        if parts.path == "/notes":
            forum = parse_qs(parts.query).get("id", [""])[0]
            found = FIXTURES / "openreview" / f"{forum}.json"
            if forum and "/" not in forum and found.is_file():
                return 200, found.read_bytes(), "application/json; charset=utf-8"
            return 200, b'{"notes": [], "count": 0}', "application/json; charset=utf-8"
        return 404, b"not here\n", "text/plain"

    def feed(self, ids: list[str]) -> str:
        for paper in ids:
            if paper in SPECIAL:
                return (FIXTURES / "arxiv" / SPECIAL[paper]).read_text(encoding="utf-8")
            if not _ARXIV_ID.match(paper):
                return (FIXTURES / "arxiv" / "_error.xml").read_text(encoding="utf-8")
        entries = []
        for paper in ids:
            found = FIXTURES / "arxiv" / f"{paper.split('v')[0]}.xml"
            if found.is_file():
                entries += _ENTRY.findall(found.read_text(encoding="utf-8"))
        empty = (FIXTURES / "arxiv" / "_unknown.xml").read_text(encoding="utf-8")
        if not entries:
            return empty
        return empty.replace("</feed>", "".join(entries) + "</feed>")

    def paths(self) -> list[str]:
        with self.lock:
            return [path for _, _, path in self.log]


@contextmanager
def sources_server() -> Iterator[SourcesServer]:
    server = SourcesServer()
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
