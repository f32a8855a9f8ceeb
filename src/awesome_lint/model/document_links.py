"""Every link target of a document, wherever it is written, outside code and HTML comments.

Inline links and images (``[t](url "title")``), reference definitions (``[t]: url``),
autolinks (``<https://…>``), bare ``http(s)://`` urls (GitHub links them), and ``href`` /
``src`` attributes of HTML tags. Each target's span covers the url itself, so a diagnostic
points at it and a fix can replace it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from awesome_lint.model.links import code_spans

if TYPE_CHECKING:
    from awesome_lint.model.document import Document

# Anchored with \A...\Z: used only whole, and anchoring keeps any search linear.
_TITLE = re.compile(r"""\A\s*(?:"[^"]*"|'[^']*'|\([^()]*\))\s*\Z""")
_REFERENCE = re.compile(r"^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*(?:<([^<>\n]*)>|(\S+))")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>")
_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_URL_ATTRIBUTE = re.compile(
    r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE
)
_DESTINATION = re.compile(r"\S*")  # \S is exactly "not str.isspace()"
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_BARE_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING_PUNCTUATION = "?!.,:;*_~'\""


class LinkTarget(NamedTuple):
    """A url as written: ``[start, end)`` is its span in the document text."""

    url: str
    start: int
    end: int
    image: bool = False


def is_external(url: str) -> bool:
    """A url with a scheme (``https:``, ``mailto:``) or a network path (``//host``)."""
    return url.startswith("//") or _SCHEME.match(url) is not None


def document_links(document: Document, *, local: bool = False) -> tuple[LinkTarget, ...]:
    """Every link target of the document, in order; only the local ones if ``local``.

    Local targets (``#anchor``, ``docs/x.md``) are what the anchor and file checks need: a
    list of papers has hundreds of thousands of external ones, not worth holding for them.
    """
    structure = document.structure
    skipped = structure.code_lines | _comment_lines(document)
    targets: list[LinkTarget] = []
    for n in range(document.line_count):
        if n in skipped:
            continue
        line = document.line(n)
        base = document.line_starts[n]
        hidden = _hidden_spans(line)
        if n in structure.html_lines:
            html = _html_targets(line, base, _Spans(hidden))
            targets.extend(t for t in html if not (local and is_external(t.url)))
            continue
        taken: list[tuple[int, int]] = list(hidden)
        for link in document.links(n):
            taken.append((link.start - base, link.end - base))
            if local and is_external(link.url):
                continue  # a url with a scheme is one with its destination (no blank, no "<")
            target = _inline_target(link.url, link.url_start, link.image)
            if target is not None and not (local and is_external(target.url)):
                targets.append(target)
        reference = _REFERENCE.match(line)
        if reference is not None:
            group = 1 if reference.group(1) is not None else 2
            start, end = base + reference.start(group), base + reference.end(group)
            if not (local and is_external(reference.group(group))):
                targets.append(LinkTarget(reference.group(group), start, end))
            taken.append((0, len(line)))
        if "<" in line:
            covered = _Spans(taken)
            for match in _AUTOLINK.finditer(line):
                if not covered.contains(match.start()):
                    start, end = base + match.start(1), base + match.end(1)
                    if not local:  # an autolink always has a scheme
                        targets.append(LinkTarget(match.group(1), start, end))
                    taken.append((match.start(), match.end()))
            html = _html_targets(line, base, _Spans(taken))
            targets.extend(t for t in html if not (local and is_external(t.url)))
            taken.extend((m.start(), m.end()) for m in _TAG.finditer(line))
        if "://" in line and not local:  # a bare url is always external
            covered = _Spans(taken)
            for match in _BARE_URL.finditer(line):
                if not covered.contains(match.start()):
                    url = _trim_bare_url(match.group())
                    start = base + match.start()
                    targets.append(LinkTarget(url, start, start + len(url)))
    targets.sort(key=lambda t: t.start)
    return tuple(targets)


def _inline_target(raw: str, url_start: int, image: bool) -> LinkTarget | None:
    """The destination of ``(…)``; None when what follows it is not a title (not a link).

    ``raw`` is the link's own ``url`` string: the common whole-destination slice of it is that
    same string object, not a copy (memory on big lists).
    """
    lead = len(raw) - len(raw.lstrip())
    if raw[lead : lead + 1] == "<":
        close = raw.find(">", lead)
        if close < 0:
            return None
        start, end, rest_start = lead + 1, close, close + 1
    else:
        start = lead
        end = rest_start = _DESTINATION.match(raw, lead).end()  # type: ignore[union-attr]
    if rest_start < len(raw):
        rest = raw[rest_start:]
        if rest.strip() and not _TITLE.fullmatch(rest):
            return None
    return LinkTarget(raw[start:end], url_start + start, url_start + end, image)


def _html_targets(line: str, base: int, hidden: _Spans) -> Iterator[LinkTarget]:
    for tag in _TAG.finditer(line):
        if hidden.contains(tag.start()):
            continue
        for match in _URL_ATTRIBUTE.finditer(tag.group()):
            group = next(i for i in (1, 2, 3) if match.group(i) is not None)
            start = base + tag.start() + match.start(group)
            image = tag.group()[1:4].lower() == "img"
            yield LinkTarget(match.group(group), start, start + len(match.group(group)), image)


def _hidden_spans(line: str) -> list[tuple[int, int]]:
    """Code spans and one-line HTML comments: nothing inside them is a link."""
    spans = code_spans(line) if "`" in line else []
    if "<!--" in line:
        spans.extend(_comment_spans(line))
    return spans


def _comment_spans(line: str) -> Iterator[tuple[int, int]]:
    """``<!-- ... -->`` spans of a line, by plain search (a lazy regex is quadratic here)."""
    start = line.find("<!--")
    while start != -1:
        end = line.find("-->", start + 4)
        if end == -1:
            return
        yield start, end + 3
        start = line.find("<!--", end + 3)


def _comment_lines(document: Document) -> frozenset[int]:
    """Lines of HTML blocks that are comments, from the ``<!--`` line to the ``-->`` one."""
    lines: set[int] = set()
    inside = False
    previous = -2
    for n in sorted(document.structure.html_lines):
        inside = inside and n == previous + 1  # a comment block never spans a gap
        previous = n
        line = document.line(n)
        start = 0
        if not inside:
            if not line.lstrip().startswith("<!--"):
                continue
            inside = True
            start = line.find("<!--") + 4
        lines.add(n)
        if "-->" in line[start:]:
            inside = False
    return frozenset(lines)


class _Spans:
    """``[start, end)`` spans of one line, merged, for a logarithmic "is this inside?"."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def contains(self, index: int) -> bool:
        i = bisect.bisect_right(self.starts, index) - 1
        return i >= 0 and index < self.ends[i]


def _trim_bare_url(url: str) -> str:
    """GitHub's autolink end: no trailing punctuation, no unbalanced closing paren."""
    while url:
        unbalanced = url[-1] == ")" and url.count(")") > url.count("(")
        if url[-1] not in _TRAILING_PUNCTUATION and not unbalanced:
            break
        url = url[:-1]
    return url
