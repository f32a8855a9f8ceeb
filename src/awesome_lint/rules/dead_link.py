"""AL503 dead-link: an external link that does not answer (only with --check-links).

Every ``http(s)`` url of the file is asked once, concurrently (limits and timeouts in
``[tool.awesome-lint.check-links]``), with retries on 429 and 5xx. A dead url is reported at
each place it is written. A url that moved permanently (301/308) is reported as a note with
its new address (a note is counted apart from errors and fails no run), and the unsafe fix
writes it in, but only a well-formed absolute http(s) url (no user name or password, no
https-to-http downgrade, no control characters), percent-escaped where Markdown link syntax
would read it (spaces, ``()[]<>``, backslash, ``|``): the address comes from a server or the
cache, and is never trusted to be Markdown. A redirect to anything else is an error, not a
note (a link that now leads there may have been taken over). Hosts that turn link checkers
away (403/999, e.g. LinkedIn) are unknown, not dead. Urls that got no answer from any host
(offline) or that the run's time limit left are not checked: the run says how many and why
("12 links not checked: no answer from any host (offline?)"), and when none could be checked
it exits 2 (unless ``--exit-zero``). ``exclude`` patterns (regular expressions) skip urls; a
search is cut off after 0.1 s and its url reported as not checked. ``accept`` adds status
codes that count as alive. With ``--changed-since REF`` only the urls on the lines changed
since REF are asked. ``--links-cache PATH`` keeps results on disk for ``cache-ttl`` seconds.

Why: a dead link is a paper or a codebase the reader cannot reach.

Okay:  - [Evals](https://github.com/openai/evals)
AL503: - [Gone](https://example.com/a-page-that-answers-404)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.config import EXCLUDE_TIMEOUT
from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation

_EXTERNAL = re.compile(r"^https?://[^/\s]", re.IGNORECASE)


def check(ctx: Context) -> Iterator[Violation]:
    settings = ctx.settings.check_links
    excluded = _Exclusions(settings.exclude)
    targets = []
    lines, line_of = settings.lines, ctx.document.line_of
    for t in ctx.document_links:
        if not _EXTERNAL.match(t.url) or (lines is not None and line_of(t.start) not in lines):
            continue
        skip = excluded.skips(t.url)
        if skip is None:
            yield Violation(
                t.start,
                t.end,
                f"Link not checked: the exclude pattern {excluded.slow!r} took over "
                f"{EXCLUDE_TIMEOUT} s on a url (simplify the pattern)",
            )
        elif not skip:
            targets.append(t)
    if not targets:
        return
    from awesome_lint.linkcheck.check import check_urls

    results = check_urls(list(dict.fromkeys(t.url for t in targets)), settings)
    for target in targets:
        result = results[target.url]
        if result.state == "dead":
            yield Violation(target.start, target.end, f"Dead link: {result.reason}")
        elif result.state == "moved" and result.moved_to is not None:
            new_url = _written(target.url, _keep_fragment(target.url, result.moved_to))
            if new_url is None:
                shown = _shorten(result.moved_to)
                yield Violation(
                    target.start,
                    target.end,
                    f"Note: moved permanently to {shown} (not a url to write into the list)",
                )  # an error: a redirect to what no list should link to may be a hijack
                continue
            yield Violation(
                target.start,
                target.end,
                f"Note: moved permanently to {new_url}",
                Fix.unsafe(f"Link to {new_url}", Edit(target.start, target.end, new_url)),
                severity="note",
            )


class _Exclusions:
    """The config's ``exclude`` patterns, each search cut off after ``EXCLUDE_TIMEOUT``.

    Validated when the config was read; compiled with ``regex``, whose searches take a timeout,
    so a pattern that backtracks exponentially on some url cannot stall the run.
    """

    def __init__(self, patterns: tuple[str, ...]) -> None:
        import regex

        self.patterns = [regex.compile(p) for p in patterns]
        self.slow: str | None = None

    def skips(self, url: str) -> bool | None:
        """Whether a pattern matches ``url``; None once one took too long to say.

        After one timeout every later url is None too: one slow pattern costs one timeout.
        """
        if self.slow is not None:
            return None
        for pattern in self.patterns:
            try:
                if pattern.search(url, timeout=EXCLUDE_TIMEOUT):
                    return True
            except TimeoutError:
                self.slow = pattern.pattern
                return None
        return False


def _keep_fragment(old: str, new: str) -> str:
    """The new url keeps the old one's ``#fragment``: servers never see it, so never move it."""
    if "#" in old and "#" not in new:
        return f"{new}#{old.split('#', 1)[1]}"
    return new


_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]")
_HOST = re.compile(r"[A-Za-z0-9][A-Za-z0-9.-]*\Z")
_IPV6 = re.compile(r"\[[0-9A-Fa-f:.]+\]\Z")
_MARKDOWN = {c: f"%{ord(c):02X}" for c in " ()[]<>\\|`\"'"}
MAX_URL = 2000  # characters: longer is no address a reader follows


def _written(old: str, new: str) -> str | None:
    """``new`` as it may be written in place of ``old``, or None if it is not to be written.

    Only what a redirect may change: the scheme (http to https, never back), the host, port,
    path and query. Markdown's link punctuation is percent-escaped, so the address stays one
    link destination whatever the server sent.
    """
    from urllib.parse import urlsplit

    if len(new) > MAX_URL or _CONTROL.search(new.replace(" ", "")):
        return None
    try:
        parts, before = urlsplit(new), urlsplit(old)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or (before.scheme.lower(), scheme) == ("https", "http"):
        return None
    if "@" in parts.netloc or not parts.netloc:
        return None  # a user name or password never comes from a redirect we follow
    host = parts.netloc.rsplit(":", 1)[0] if not parts.netloc.endswith("]") else parts.netloc
    if not (_HOST.match(host) or _IPV6.match(host)):
        return None
    origin = f"{parts.scheme}://{parts.netloc}"  # checked above: nothing there to escape
    return origin + "".join(_MARKDOWN.get(c, c) for c in new[len(origin) :])


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
