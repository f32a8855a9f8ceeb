"""Honest link results (issue 15): what could not be checked is counted and said.

With ``--check-links`` and no host answering (offline, a firewalled runner) the run printed
"All checks passed!" and exited 0; the "offline?" reason was recorded and never shown. A moved
link (a note) was counted as an error. Servers: 127.0.0.1 only, and ports nothing listens on.
"""

from __future__ import annotations

import json
import socket
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from awesome_lint.linkcheck.result import NOT_CHECKED, LinkResult
from tests.conftest import Result
from tests.loopback import LoopbackServer, loopback_server

CONFIG = "[check-links]\ntimeout = 0.5\nretries = 0\n"
CHECK = ("--check-links", "--select", "AL503")


@pytest.fixture(scope="module")
def server() -> Iterator[LoopbackServer]:
    with loopback_server() as running:
        yield running


def closed_port() -> int:
    with socket.socket() as probe:  # bound, never listening, closed: nothing answers there
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def write_list(folder: Path, urls: list[str], config: str = CONFIG) -> None:
    (folder / "README.md").write_text("".join(f"- [link {i}]({u})\n" for i, u in enumerate(urls)))
    (folder / ".awesome-lint.toml").write_text(config)


def offline_urls(count: int) -> list[str]:
    return [f"http://127.0.0.1:{closed_port()}/paper/{n}" for n in range(count)]


def test_offline_run_says_so_and_exits_2(tmp_path: Path, cli: Callable[..., Result]) -> None:
    write_list(tmp_path, offline_urls(3))
    result = cli(*CHECK, "--output-format", "concise", "README.md", cwd=tmp_path)
    assert result.code == 2
    assert "All checks passed!" not in result.out
    assert result.err == (
        "awesome-lint: error: no link could be checked: "
        "3 links not checked: no answer from any host (offline?)\n"
    )


def test_offline_run_with_exit_zero_exits_0_and_still_says_so(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    write_list(tmp_path, offline_urls(2))
    result = cli(*CHECK, "--exit-zero", "--output-format", "concise", "README.md", cwd=tmp_path)
    assert result.code == 0
    assert result.out.splitlines() == [
        "No errors found in what was checked.",
        "2 links not checked: no answer from any host (offline?).",
    ]


def test_offline_results_are_not_cached(tmp_path: Path, cli: Callable[..., Result]) -> None:
    write_list(tmp_path, offline_urls(2))
    cache = tmp_path / "links.json"
    cli(*CHECK, "--links-cache", str(cache), "README.md", cwd=tmp_path)
    entries = json.loads(cache.read_text())["entries"] if cache.exists() else {}
    assert entries == {}  # the next run, online, asks them again


def test_time_limit_leaves_some_unchecked_and_the_summary_counts_them(
    tmp_path: Path, server: LoopbackServer, cli: Callable[..., Result]
) -> None:
    urls = [f"{server.base}/ok/fine", f"{server.base}/never/waits"]
    write_list(tmp_path, urls, CONFIG + "run-timeout = 0.5\n")
    result = cli(*CHECK, "--output-format", "concise", "README.md", cwd=tmp_path)
    assert result.code == 0, result.err  # one link was checked, and it is fine
    assert "All checks passed!" not in result.out
    assert "1 of 2 links not checked: the run's time limit was reached." in result.out


def test_a_machine_format_gets_the_count_on_stderr(
    tmp_path: Path, server: LoopbackServer, cli: Callable[..., Result]
) -> None:
    urls = [f"{server.base}/moved/a", f"{server.base}/gone/b", f"{server.base}/never/c"]
    write_list(tmp_path, urls, CONFIG + "run-timeout = 0.5\n")
    result = cli(*CHECK, "--output-format", "json", "README.md", cwd=tmp_path)
    assert result.code == 1
    severities = Counter(d["severity"] for d in json.loads(result.out))
    assert severities == {"error": 1, "note": 1}
    assert result.err == (
        "awesome-lint: warning: 1 of 3 links not checked: the run's time limit was reached\n"
    )


def test_a_moved_link_is_a_note_not_an_error(
    tmp_path: Path, server: LoopbackServer, cli: Callable[..., Result]
) -> None:
    write_list(tmp_path, [f"{server.base}/moved/x", f"{server.base}/gone/y"])
    concise = cli(*CHECK, "--output-format", "concise", "README.md", cwd=tmp_path)
    assert concise.code == 1
    assert "Found 1 error and 1 note." in concise.out
    github = cli(*CHECK, "--output-format", "github", "README.md", cwd=tmp_path)
    commands = sorted(line.split(" ", 1)[0] for line in github.out.splitlines())
    assert commands == ["::error", "::notice"]
    (tmp_path / "README.md").write_text(f"- [moved]({server.base}/moved/z)\n")
    only_notes = cli(*CHECK, "--output-format", "concise", "README.md", cwd=tmp_path)
    assert only_notes.code == 0  # a link that still works (it moved) fails no run
    assert "Found 0 errors and 1 note." in only_notes.out


def _result(url: str, state: str = "ok", status: int | None = 200, reason: str = "") -> LinkResult:
    return LinkResult(url, state, status, reason)  # type: ignore[arg-type]


def test_tally_counts_each_url_once_and_only_what_got_no_answer() -> None:
    from awesome_lint.linkcheck.result import OFFLINE
    from awesome_lint.linkcheck.tally import tally

    memo_a = {
        "a": _result("a"),
        "b": _result("b", "unknown", None, f"{OFFLINE}: cannot connect"),
        "c": _result("c", "unknown", 999, "example.com turns link checkers away (999)"),
    }
    memo_b = {"b": memo_a["b"], "d": _result("d", "unknown", None, NOT_CHECKED)}
    found = tally([memo_a, memo_b])
    assert (found.asked, found.not_checked, found.nothing_checked) == (4, 2, False)
    assert found.message() == (
        "2 of 4 links not checked: no answer from any host (offline?) (1); "
        "the run's time limit was reached (1)"
    )
    assert tally([{"a": _result("a")}]).message() is None
    assert tally([]).nothing_checked is False  # no link to check is not a failure
