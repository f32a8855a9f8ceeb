"""AL503 and the link checker, against a server these tests start on 127.0.0.1 only."""

from __future__ import annotations

import io
import json
import re
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from awesome_lint.config import LinkCheckSettings, Settings
from awesome_lint.linkcheck.check import ProgressBar, check_urls
from awesome_lint.linkcheck.result import NOT_CHECKED, LinkResult
from awesome_lint.linter import lint_text
from awesome_lint.registry import BY_CODE
from tests.conftest import Result
from tests.loopback import KINDS, LIVE, LoopbackServer, loopback_server

FAST = LinkCheckSettings(timeout=0.5, retries=1, concurrency=50, per_host=10)
CONFIG = """\
[tool.awesome-lint.check-links]
timeout = 0.5
retries = 1
concurrency = 50
per-host = 10
"""
DEAD = {"gone", "never", "loop"}


@pytest.fixture(scope="module")
def server() -> Iterator[LoopbackServer]:
    with loopback_server() as running:
        yield running


def _settings(**changes: Any) -> LinkCheckSettings:
    """Fresh settings (no memory of earlier checks) with ``changes``."""
    return FAST._replace(checked={}, **changes)


def test_each_answer_is_judged(server: LoopbackServer) -> None:
    urls = {kind: f"{server.base}/{kind}/judged" for kind in KINDS}
    results = check_urls(urls.values(), _settings())
    states = {kind: results[url].state for kind, url in urls.items()}
    assert states == {
        "ok": "ok",
        "moved": "moved",
        "temporary": "ok",
        "gone": "dead",
        "busy": "ok",
        "flaky": "ok",
        "slow": "ok",
        "never": "dead",
        "loop": "dead",
        "no-head": "ok",
        "blocked": "unknown",
    }
    assert results[urls["moved"]].moved_to == f"{server.base}/ok/judged"
    assert results[urls["gone"]].reason == "404 Not Found"
    assert "redirect loop" in results[urls["loop"]].reason
    assert "no answer within 0.5 s" in results[urls["never"]].reason


def test_head_refused_is_asked_again_with_get(server: LoopbackServer) -> None:
    url = f"{server.base}/no-head/refused"
    assert check_urls([url], _settings())[url].state == "ok"
    assert server.count("HEAD", "/no-head/refused") == 1
    assert server.count("GET", "/no-head/refused") == 1


def test_rate_limited_url_waits_for_retry_after_then_succeeds(server: LoopbackServer) -> None:
    url = f"{server.base}/busy/patient"
    assert check_urls([url], _settings())[url].state == "ok"
    assert server.count("HEAD", "/busy/patient") == 2


def test_server_error_is_retried(server: LoopbackServer) -> None:
    url = f"{server.base}/flaky/retried"
    assert check_urls([url], _settings())[url].state == "ok"
    assert server.count("HEAD", "/flaky/retried") == 2


def test_no_retries_means_a_server_error_is_dead(server: LoopbackServer) -> None:
    url = f"{server.base}/flaky/once"
    result = check_urls([url], _settings(retries=0))[url]
    assert (result.state, result.status) == ("dead", 500)


def test_accepted_status_counts_as_alive(server: LoopbackServer) -> None:
    url = f"{server.base}/gone/accepted"
    assert check_urls([url], _settings(accept=(404,)))[url].state == "ok"


def test_whole_run_time_limit_leaves_urls_unknown_not_dead(server: LoopbackServer) -> None:
    url = f"{server.base}/never/limited"
    result = check_urls([url], _settings(timeout=5.0, run_timeout=0.3))[url]
    assert (result.state, result.reason) == ("unknown", NOT_CHECKED)


def test_offline_machine_reports_nothing_dead() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    assert check_urls([url], _settings())[url].state == "unknown"


def test_fragments_share_one_request(server: LoopbackServer) -> None:
    urls = [f"{server.base}/ok/fragments#a", f"{server.base}/ok/fragments#b"]
    results = check_urls(urls, _settings())
    assert [results[u].state for u in urls] == ["ok", "ok"]
    assert server.count("HEAD", "/ok/fragments") == 1


def test_github_token_goes_to_github_only_over_https_on_the_default_port(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from awesome_lint.linkcheck.client import _auth_headers

    monkeypatch.setenv("GITHUB_TOKEN", "t0ken")
    sent = {"Authorization": "Bearer t0ken"}
    assert _auth_headers("https://github.com/a/b") == sent
    assert _auth_headers("https://api.github.com/repos/a/b") == sent
    assert _auth_headers("https://GitHub.com:443/a/b") == sent
    assert _auth_headers("http://github.com/a/b") == {}  # clear text
    assert _auth_headers("https://github.com:8443/a/b") == {}  # another server
    assert _auth_headers("http://github.com:443/a/b") == {}
    assert _auth_headers("https://user@github.com/a/b") == {}
    assert _auth_headers("https://github.com.evil.example/a") == {}
    assert _auth_headers("https://gist.github.com/a") == {}
    assert _auth_headers("https://127.0.0.1/a") == {}
    assert _auth_headers("https://github.com:99999/a") == {}  # a bad port is no port of ours
    monkeypatch.delenv("GITHUB_TOKEN")
    assert _auth_headers("https://github.com/a/b") == {}


def test_progress_bar_draws_in_place_and_erases_itself() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream, width=10)
    bar(5, 10)
    assert stream.getvalue() == "\rchecking links [#####     ] 5/10"
    bar(10, 10)
    assert stream.getvalue().endswith("\r")


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    server: LoopbackServer, capsys: pytest.CaptureFixture[str]
) -> None:
    check_urls([f"{server.base}/ok/quiet"], _settings())
    assert capsys.readouterr().err == ""


# The rule, with the checker replaced: AL503 is a pure function of the text and the results.


def test_rule_reports_each_occurrence_of_a_dead_url(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[list[str]] = []

    def fake(urls: list[str], settings: LinkCheckSettings) -> dict[str, LinkResult]:
        asked.append(list(urls))
        return {u: LinkResult(u, "dead" if "gone" in u else "ok", 404) for u in urls}

    monkeypatch.setattr("awesome_lint.linkcheck.check.check_urls", fake)
    text = "- [a](https://x.org/gone) and [b](https://x.org/ok)\n- [c](https://x.org/gone)\n"
    found = lint_text(text, Settings(), [BY_CODE["AL503"]])
    assert [(d.start, d.end) for d in found] == [(6, 24), (58, 76)]
    assert [text[d.start : d.end] for d in found] == ["https://x.org/gone"] * 2
    assert asked == [["https://x.org/gone", "https://x.org/ok"]]  # each url asked once


def test_excluded_urls_are_never_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(urls: list[str], settings: LinkCheckSettings) -> dict[str, LinkResult]:
        raise AssertionError(f"asked about {urls}")

    monkeypatch.setattr("awesome_lint.linkcheck.check.check_urls", fake)
    settings = Settings(check_links=LinkCheckSettings(exclude=(r"^https://x\.org/",)))
    assert lint_text("[a](https://x.org/gone)\n", settings, [BY_CODE["AL503"]]) == []


def test_links_in_code_and_mail_links_are_not_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(urls: list[str], settings: LinkCheckSettings) -> dict[str, LinkResult]:
        raise AssertionError(f"asked about {urls}")

    monkeypatch.setattr("awesome_lint.linkcheck.check.check_urls", fake)
    text = "`[a](https://x.org/a)`\n\n```\n[b](https://x.org/b)\n```\n\n[m](mailto:a@x.org)\n"
    assert lint_text(text, Settings(), [BY_CODE["AL503"]]) == []


# Through the command line.


def _list_of_links(server: LoopbackServer, count: int) -> tuple[str, set[tuple[int, int]]]:
    """A list of ``count`` links cycling through the kinds; the (row, col) of each dead one."""
    lines = ["# Awesome loopback", ""]
    dead: set[tuple[int, int]] = set()
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        prefix = f"- [{kind} {n}]("
        if kind in DEAD:
            dead.add((len(lines) + 1, len(prefix) + 1))
        lines.append(f"{prefix}{server.base}/{kind}/list-{n})")
    return "\n".join(lines) + "\n", dead


def _reported(out: str) -> list[tuple[int, int]]:
    return [
        (int(m[1]), int(m[2]))
        for m in re.finditer(r"^README\.md:(\d+):(\d+): AL503 Dead", out, re.M)
    ]


def test_500_links_every_dead_one_reported_once_and_a_cached_rerun_asks_nothing(
    server: LoopbackServer, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    text, dead = _list_of_links(server, 500)
    (tmp_path / "README.md").write_text(text)
    (tmp_path / "pyproject.toml").write_text(CONFIG)
    args = ("--check-links", "--links-cache", "links.json", "--select", "AL5", "--no-color")
    first = cli(*args, "--output-format", "concise", "README.md", cwd=tmp_path)
    assert first.code == 1, first.err
    reported = _reported(first.out)
    assert sorted(reported) == sorted(dead)  # each dead url once, no live one
    assert len(reported) == len(set(reported))
    live = sum(1 for n in range(500) if KINDS[n % len(KINDS)] in LIVE)
    assert first.out.count("moved permanently") == sum(
        1 for n in range(500) if KINDS[n % len(KINDS)] == "moved"
    )
    assert live > 300
    cache = json.loads((tmp_path / "links.json").read_text())
    assert len(cache["entries"]) == 500

    asked = server.total
    second = cli(*args, "--output-format", "concise", "README.md", cwd=tmp_path)
    assert server.total == asked  # within the TTL nothing is asked again
    assert second.out == first.out


def test_expired_cache_is_checked_again(
    server: LoopbackServer, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    (tmp_path / "README.md").write_text(f"[a]({server.base}/ok/expiring)\n")
    (tmp_path / "pyproject.toml").write_text(CONFIG + "cache-ttl = 0\n")
    args = ("--check-links", "--links-cache", "links.json", "README.md")
    cli(*args, cwd=tmp_path)
    cli(*args, cwd=tmp_path)
    assert server.count("HEAD", "/ok/expiring") == 2


def test_unreadable_cache_is_ignored_and_replaced(
    server: LoopbackServer, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    (tmp_path / "README.md").write_text(f"[a]({server.base}/gone/cached)\n")
    (tmp_path / "links.json").write_text("{not json")
    result = cli("--check-links", "--links-cache", "links.json", "README.md", cwd=tmp_path)
    assert "AL503 Dead link: 404 Not Found" in result.out
    entries = json.loads((tmp_path / "links.json").read_text())["entries"]
    assert entries[f"{server.base}/gone/cached"]["state"] == "dead"
    assert not list(tmp_path.glob(".links.json.*"))  # no temp file left behind


def test_permanent_redirect_is_a_note_whose_unsafe_fix_writes_the_new_url(
    server: LoopbackServer, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"- [code]({server.base}/moved/fixme#usage)\n")
    args = ("--check-links", "--select", "AL503", "--output-format", "concise", "README.md")
    shown = cli(*args, cwd=tmp_path)
    assert f"AL503 Note: moved permanently to {server.base}/ok/fixme#usage" in shown.out
    assert "Found 0 errors and 1 note." in shown.out  # a note is no error
    noted = cli("--fix", *args, cwd=tmp_path)  # safe fixes only: still there, failing nothing
    assert (noted.code, noted.out.count("AL503 Note:")) == (0, 1)
    assert readme.read_text() == f"- [code]({server.base}/moved/fixme#usage)\n"
    fixed = cli("--fix", "--unsafe-fixes", *args, cwd=tmp_path)
    assert fixed.code == 0, fixed.out
    assert readme.read_text() == f"- [code]({server.base}/ok/fixme#usage)\n"


def test_blocked_host_is_not_reported(
    server: LoopbackServer, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    (tmp_path / "README.md").write_text(f"[profile]({server.base}/blocked/me)\n")
    result = cli("--check-links", "--select", "AL503", "README.md", cwd=tmp_path)
    assert (result.code, result.err) == (0, "")


def test_without_check_links_no_socket_is_opened(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Result]
) -> None:
    def no_network(*args: object, **kwargs: object) -> socket.socket:
        raise AssertionError("a socket was opened")

    monkeypatch.setattr(socket, "socket", no_network)
    for selection in ((), ("--select", "ALL"), ("--select", "AL5")):
        result = cli(*selection, "--output-format", "concise", "README.md", cwd=seed_copy.parent)
        assert result.code == 1, result.err
        assert "AL503" not in result.out


def test_missing_http_client_is_one_line_and_exit_2(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Result]
) -> None:
    monkeypatch.setitem(sys.modules, "httpx", None)
    result = cli("--check-links", "README.md", cwd=seed_copy.parent)
    assert result.code == 2
    assert result.err == (
        "awesome-lint: error: checking links needs httpx: install awesome-lint[links]\n"
    )
