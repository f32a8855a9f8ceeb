"""A hostile list, server or cache: nothing it sends is written into the list unchecked, no
file the tool does not own is replaced, nothing outside the repository is revealed, and no
terminal escape reaches a human's screen. Servers run on 127.0.0.1 only."""

from __future__ import annotations

import errno
import json
import os
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Result
from tests.loopback import LoopbackServer, loopback_server

Cli = Callable[..., Result]
CONFIG = "[tool.awesome-lint.check-links]\ntimeout = 2\nretries = 0\n"


@pytest.fixture(scope="module")
def server() -> Iterator[LoopbackServer]:
    pytest.importorskip("httpx")
    with loopback_server() as running:
        yield running


def _check(cli: Cli, folder: Path, *args: str) -> Result:
    (folder / "pyproject.toml").write_text(CONFIG)
    base = ("--check-links", "--select", "AL503", "--no-color", "--output-format", "concise")
    return cli(*base, *args, "README.md", cwd=folder)


def _cache(entries: dict[str, dict[str, object]]) -> str:
    return json.dumps({"version": 1, "entries": entries})


# The link cache is written only as a regular file of its own.


def test_cache_symlink_is_not_followed(
    server: LoopbackServer, cli: Cli, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "README.md").write_text(f"[a]({server.base}/gone/symlinked)\n")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    (tmp_path / "links.json").symlink_to(victim)
    result = _check(cli, tmp_path, "--links-cache", "links.json")
    assert "AL503 Dead link: 404 Not Found" in result.out  # the report is whole
    assert victim.read_text() == "precious\n"
    assert (tmp_path / "links.json").is_symlink()
    assert "links.json: is a symlink" in capsys.readouterr().err


def test_cache_fifo_and_device_are_left_as_they_are(
    server: LoopbackServer, cli: Cli, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "README.md").write_text(f"[a]({server.base}/gone/special)\n")
    os.mkfifo(tmp_path / "fifo.json")
    special = [("fifo.json", stat.S_ISFIFO)]
    if os.geteuid() == 0:  # a device of our own, never the machine's /dev/null
        os.mknod(tmp_path / "null.json", stat.S_IFCHR | 0o666, os.makedev(1, 3))
        special.append(("null.json", stat.S_ISCHR))
    for name, is_kind in special:
        result = _check(cli, tmp_path, "--links-cache", name)
        assert result.code == 1 and "AL503 Dead link" in result.out, result.err
        assert is_kind(os.lstat(tmp_path / name).st_mode), f"{name} was replaced"
        assert f"{name}: not a regular file" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.glob(".*.tmp")) == []


def test_two_runs_writing_one_cache_merge_rather_than_clobber(tmp_path: Path) -> None:
    from awesome_lint.linkcheck.cache import LinkCache
    from awesome_lint.linkcheck.result import LinkResult

    path = tmp_path / "links.json"
    now = time.time()
    first = LinkCache.load(path, 3600, now)
    second = LinkCache.load(path, 3600, now)
    second.update([LinkResult("https://b.example/", "ok", 200, checked_at=now)])
    second.save()
    first.update([LinkResult("https://a.example/", "dead", 404, "404", checked_at=now)])
    first.save()
    stored = json.loads(path.read_text())["entries"]
    assert sorted(stored) == ["https://a.example/", "https://b.example/"]


@pytest.mark.parametrize(
    "content",
    [
        _cache({"URL": {"state": "ok", "status": 200, "checked_at": float("inf")}}),
        _cache({"URL": {"state": "ok", "status": 200, "checked_at": float("nan")}}),
        _cache({"URL": {"state": "ok", "status": True, "checked_at": "NOW"}}),
        _cache({"URL": {"state": "moved", "moved_to": ["x"], "checked_at": "NOW"}}),
        _cache({"URL": {"state": "ok", "status": "200", "checked_at": "NOW"}}),
        _cache({"URL": {"state": "ok", "reason": {"a": 1}, "checked_at": "NOW"}}),
        '{"version": 1, "entries": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "[" * 100_000,
        '{"version": 1, "entries": {"URL": ' + "[" * 5000 + "]" * 5000 + "}}",
        "\xff\xfe not utf-8",
    ],
    ids=["inf", "nan", "bool", "moved-list", "str-status", "dict-reason", "deep", "deep-bad",
         "deep-entry", "not-utf8"],
)  # fmt: skip
def test_bad_cache_value_is_ignored_and_the_report_kept(
    server: LoopbackServer, cli: Cli, tmp_path: Path, content: str
) -> None:
    url = f"{server.base}/gone/bad-cache"
    (tmp_path / "README.md").write_text(f"[a]({url})\n")
    text = content.replace("URL", url).replace('"NOW"', str(time.time()))
    (tmp_path / "links.json").write_bytes(text.encode("utf-8", "surrogateescape"))
    result = _check(cli, tmp_path, "--links-cache", "links.json")
    assert result.code == 1, result.err
    assert "internal error" not in result.err
    assert "AL503 Dead link: 404 Not Found" in result.out  # asked again, not trusted
    stored = json.loads((tmp_path / "links.json").read_text())["entries"]
    assert stored[url]["state"] == "dead"


def test_cache_that_is_a_directory_is_a_warning(
    server: LoopbackServer, cli: Cli, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "README.md").write_text(f"[a]({server.base}/gone/dir-cache)\n")
    (tmp_path / "links.json").mkdir()
    result = _check(cli, tmp_path, "--links-cache", "links.json")
    assert (result.code, "AL503 Dead link" in result.out) == (1, True), result.err
    assert "links.json: not a regular file" in capsys.readouterr().err
    assert (tmp_path / "links.json").is_dir()


def test_cache_on_a_full_disk_is_a_warning(
    server: LoopbackServer,
    cli: Cli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "README.md").write_text(f"[a]({server.base}/gone/full-disk)\n")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = _check(cli, tmp_path, "--links-cache", "links.json")
    assert (result.code, "AL503 Dead link" in result.out) == (1, True), result.err
    assert "not written: No space left on device" in capsys.readouterr().err
    assert not list(tmp_path.glob(".links.json.*"))


def test_oversized_cache_is_not_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import awesome_lint.linkcheck.cache as cache

    monkeypatch.setattr(cache, "MAX_BYTES", 1000)
    path = tmp_path / "links.json"
    path.write_text(_cache({f"https://x.example/{i}": {"state": "ok"} for i in range(100)}))
    warnings: list[str] = []
    loaded = cache.LinkCache.load(path, 3600, time.time(), warnings.append)
    assert loaded.entries == {}
    assert warnings == [f"--links-cache {path}: larger than 0 MiB; ignored"]


# The unsafe AL503 fix writes only a checked, escaped url.


def test_hostile_redirect_location_is_escaped_never_markdown(
    server: LoopbackServer, cli: Cli, tmp_path: Path
) -> None:
    location = "/ok/x)![tracker](http://127.0.0.1:9/t.png)"
    old = f"{server.base}/redirect-to/{quote(location, safe='')}"
    readme = tmp_path / "README.md"
    readme.write_text(f"- [code]({old})\n")
    result = _check(cli, tmp_path, "--fix", "--unsafe-fixes")
    assert result.code in (0, 1), result.err
    escaped = f"{server.base}/ok/x%29!%5Btracker%5D%28http://127.0.0.1:9/t.png%29"
    assert readme.read_text() == f"- [code]({escaped})\n"
    from markdown_it import MarkdownIt

    inline = MarkdownIt().parseInline(readme.read_text())[0].children or []
    assert [t.type for t in inline].count("image") == 0
    assert [t.attrGet("href") for t in inline if t.type == "link_open"] == [escaped]


@pytest.mark.parametrize(
    "moved_to",
    [
        "javascript:alert(1)",
        "https://example.org/a)\n\n## Pwned\n",
        "https://user:pass@example.org/a",
        "http://example.org/downgraded",
        "https://exa mple.org/",
        "https://example.org/\x1b[2J",
        "//example.org/no-scheme",
        "https://example.org:99999/bad-port",
        "data:text/html,<script>",
    ],
)
def test_poisoned_cache_redirect_is_reported_not_written(
    cli: Cli, tmp_path: Path, moved_to: str
) -> None:
    pytest.importorskip("httpx")
    url = "https://127.0.0.1:9/never-asked"
    readme = tmp_path / "README.md"
    readme.write_text(f"- [code]({url})\n")
    entry = {"state": "moved", "status": 200, "moved_to": moved_to, "checked_at": time.time()}
    (tmp_path / "links.json").write_text(_cache({url: entry}))
    result = _check(cli, tmp_path, "--links-cache", "links.json", "--fix", "--unsafe-fixes")
    assert readme.read_text() == f"- [code]({url})\n"
    assert result.code == 1
    assert "(not a url to write into the list)" in result.out


def test_moved_url_with_markdown_punctuation_is_escaped() -> None:
    from awesome_lint.rules.dead_link import _written

    old = "http://example.org/a"
    assert _written(old, "https://example.org/b") == "https://example.org/b"
    assert _written(old, "https://example.org/a b<c>|d") == ("https://example.org/a%20b%3Cc%3E%7Cd")
    assert _written(old, "https://[::1]:8080/x") == "https://[::1]:8080/x"


# Redirect bodies are never read.


def test_endless_redirect_body_is_never_read(server: LoopbackServer) -> None:
    from awesome_lint.config import LinkCheckSettings
    from awesome_lint.linkcheck.check import check_urls

    url = f"{server.base}/endless/body"
    settings = LinkCheckSettings(timeout=2, retries=0, run_timeout=20, checked={})
    started = time.monotonic()
    result = check_urls([url], settings)[url]
    assert (result.state, result.status) == ("ok", 200), result
    assert time.monotonic() - started < 5
    assert server.body_bytes_sent < 16 * 1024 * 1024  # what the socket buffers took, no more


# AL502 never leaves the repository through a symlink.


def _repository_with_an_escape(tmp_path: Path) -> Path:
    outside = tmp_path / "runner-home"
    outside.mkdir()
    (outside / "secrets.md").write_text("# Deploy keys\n")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".git").mkdir()
    (repo / "escape").symlink_to(outside)
    (repo / "inside.md").write_text("# Setup\n")
    (repo / "alias.md").symlink_to("inside.md")
    return repo


def test_symlink_out_of_the_repository_reveals_nothing(cli: Cli, tmp_path: Path) -> None:
    repo = _repository_with_an_escape(tmp_path)
    links = [
        "escape/secrets.md",
        "escape/absent.md",
        "escape/secrets.md#deploy-keys",
        "escape/secrets.md#no-such-heading",
    ]
    (repo / "README.md").write_text("".join(f"- [x]({link})\n" for link in links))
    result = cli("--select", "AL502", "--output-format", "concise", "README.md", cwd=repo)
    messages = [line.split(" AL502 ", 1)[1] for line in result.out.splitlines() if "AL502" in line]
    assert messages == [
        f'"{link.split("#")[0]}" leads outside the repository through a symlink' for link in links
    ]


def test_symlink_inside_the_repository_is_followed_as_before(cli: Cli, tmp_path: Path) -> None:
    repo = _repository_with_an_escape(tmp_path)
    (repo / "README.md").write_text("- [a](alias.md#setup)\n- [b](alias.md#nope)\n")
    result = cli("--select", "AL502", "--output-format", "concise", "README.md", cwd=repo)
    assert result.out.splitlines()[0] == (
        'README.md:2:15: AL502 "alias.md" has no heading or anchor "#nope"'
    )


# Control characters never reach a terminal raw.

HOSTILE_TEXT = "# List\n\n- [x](./a\x1b]0;pwned\x07\x1b[2J\x9b.png)\n"


@pytest.mark.parametrize("fmt", ["full", "concise", "github"])
def test_escape_sequences_are_written_out_in_human_output(
    cli: Cli, tmp_path: Path, fmt: str
) -> None:
    (tmp_path / "README.md").write_text(HOSTILE_TEXT)
    result = cli(
        "--select", "AL502", "--no-color", "--output-format", fmt, "README.md", cwd=tmp_path
    )
    assert result.code == 1
    assert not any(c in result.out for c in "\x1b\x07\x9b")
    assert "./a\\x1b]0;pwned\\x07\\x1b[2J\\x9b.png" in result.out


def test_full_output_caret_stays_under_the_escaped_span(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("- [\x1b\x1b](./gone.png)\n")
    result = cli("--select", "AL502", "--no-color", "--output-format", "full", "README.md",
                 cwd=tmp_path)  # fmt: skip
    source, carets = result.out.splitlines()[2:4]
    assert source == "1 | - [\\x1b\\x1b](./gone.png)"
    start = source.index("./gone.png")
    assert carets[start:].startswith("^" * len("./gone.png"))
    assert carets[:start].strip() == "|"


def test_step_summary_escapes_control_characters(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    (tmp_path / "README.md").write_text(HOSTILE_TEXT)
    cli("--select", "AL502", "--output-format", "github", "README.md", cwd=tmp_path)
    text = summary.read_text()
    assert "AL502" in text and not any(c in text for c in "\x1b\x07\x9b")


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_machine_output_keeps_the_text_exact(cli: Cli, tmp_path: Path, fmt: str) -> None:
    (tmp_path / "README.md").write_text(HOSTILE_TEXT)
    result = cli("--select", "AL502", "--output-format", fmt, "README.md", cwd=tmp_path)
    parsed = json.loads(result.out)
    message = (
        parsed[0]["message"]
        if fmt == "json"
        else parsed["runs"][0]["results"][0]["message"]["text"]
    )
    assert "./a\x1b]0;pwned\x07\x1b[2J\x9b.png" in message


# Properties: whatever a server sends, the fix stays one link; whatever a list holds, human
# output holds no control character.

_URLISH = st.lists(
    st.sampled_from([*"ab/:.?#=&%()[]<>\\|`\"' !*_\n\t\x1b\x00\x85é", "://", "](", ")!["]),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(tail=_URLISH, scheme=st.sampled_from(["http", "https", "HTTPS", "javascript", "data"]))
def test_any_redirect_target_is_refused_or_stays_one_plain_link(tail: str, scheme: str) -> None:
    from markdown_it import MarkdownIt

    from awesome_lint.rules.dead_link import _written

    written = _written("http://example.org/old", f"{scheme}://example.org/{tail}")
    if written is None:
        return
    assert written.lower().startswith(("http://", "https://"))
    tokens = MarkdownIt().parseInline(f"[t]({written}) end")[0].children or []
    kinds = [t.type for t in tokens]
    assert kinds == ["link_open", "text", "link_close", "text"], (written, kinds)
    assert tokens[-1].content == " end"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_visible_text_has_no_control_character(text: str) -> None:
    from awesome_lint.report import visible

    shown = visible(text)
    assert not any((ord(c) < 0x20 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F for c in shown)
    if shown == text:
        assert "\x1b" not in text


def test_step_summary_that_is_a_fifo_with_no_reader_does_not_hang(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.mkfifo(tmp_path / "summary")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary"))
    (tmp_path / "README.md").write_text("# List\n")
    result = cli("--output-format", "github", "README.md", cwd=tmp_path)
    assert result.code == 0
    assert "cannot write GITHUB_STEP_SUMMARY" in result.err
