"""Inline links of one line: ``[text](url)`` and ``![alt](src)``, outside code spans.

The scan is lenient on purpose (a url with a space or a full-width paren is still found, so
AL108 can report it) and linear: one pass with a bracket stack, and parentheses matched once
per line.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import NamedTuple

_BACKTICKS = re.compile(r"`+")
_BRACKETS = re.compile(r"[\[\]\\]")
_PARENS = re.compile(r"[()\\]")


class Link(NamedTuple):
    """``[text](url)``: offsets into the document; the text and url spans follow from them."""

    text: str
    url: str
    start: int  # offset of "[" (or "!" of an image)
    end: int  # offset after ")"
    url_start: int  # offset after "]("
    image: bool
    full_width_close: bool = False  # closed by "）" instead of ")"

    # Derived, not stored: a 100,000-entry list holds ~250,000 links.
    @property
    def text_start(self) -> int:
        return self.start + (2 if self.image else 1)

    @property
    def text_end(self) -> int:
        return self.url_start - 2

    @property
    def url_end(self) -> int:
        return self.end - 1

    def shifted(self, by: int) -> Link:
        """The same link with every offset moved by ``by`` (its line moved in the text)."""
        return Link(
            self.text,
            self.url,
            self.start + by,
            self.end + by,
            self.url_start + by,
            self.image,
            self.full_width_close,
        )


def code_spans(line: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each code span in the line (CommonMark backtick-run pairing)."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
    spans = []
    # Pair each opener with the next run of the same length; unmatched runs are literal.
    by_length: dict[int, list[int]] = {}
    for i, (s, e) in enumerate(runs):
        by_length.setdefault(e - s, []).append(i)
    position = dict.fromkeys(by_length, 0)
    i = 0
    while i < len(runs):
        s, e = runs[i]
        length = e - s
        indices = by_length[length]
        # Advance this length's pointer past runs at or before i.
        p = position[length]
        while p < len(indices) and indices[p] <= i:
            p += 1
        position[length] = p
        if p < len(indices):
            j = indices[p]
            spans.append((s, runs[j][1]))
            i = j + 1
        else:
            i += 1
    return spans


def find_links(line: str, base: int = 0) -> list[Link]:
    """Links of ``line``; offsets are ``base`` plus the index in the line."""
    if "](" not in line:
        return []
    simple = _simple_links(line, base)
    if simple is not None:
        return simple
    spans = code_spans(line) if "`" in line else []
    links: list[Link] = []
    stack: list[int] = []
    parens: _Parens | None = None
    span_index = 0
    i = 0
    n = len(line)
    # Jump between the characters that matter: a Python loop over every character is the
    # linter's hottest spot on large lists.
    while (special := _BRACKETS.search(line, i)) is not None:
        j = special.start()
        if span_index < len(spans) and spans[span_index][0] <= j:
            i = max(spans[span_index][1], i)  # a code span may stand inside a link's text
            span_index += 1
            continue
        ch = line[j]
        i = j + 1
        if ch == "\\":
            i = j + 2
        elif ch == "[":
            stack.append(j)
        elif stack:  # "]"
            opener = stack.pop()
            if j + 1 < n and line[j + 1] == "(":
                if parens is None:
                    parens = _Parens(line)
                close, full_width = parens.end(j + 2)
                if close is not None:
                    image = opener > 0 and line[opener - 1] == "!"
                    start = opener - 1 if image else opener
                    links.append(
                        Link(
                            text=line[opener + 1 : j],
                            url=line[j + 2 : close],
                            start=base + start,
                            end=base + close + 1,
                            url_start=base + j + 2,
                            image=image,
                            full_width_close=full_width,
                        )
                    )
                    if not image:
                        stack.clear()  # a link cannot contain another link (an image it can)
                    i = close + 1
    if len(links) > 1 and any(a.start > b.start for a, b in itertools.pairwise(links)):
        links.sort(key=lambda link: link.start)  # a badge's link closes after its image
    return links


_PLAIN = r"[^\[\]()]*"  # text or url with no bracket or parenthesis
# The constructs of a plain line, each from its "[" (one alternation: what re scans fastest):
# a badge (a link whose text is an image), a tag (a link in brackets: ``[[crate](url)]``), and
# a link or image.
_SIMPLE = re.compile(
    rf"(?P<bang>!?)\[(?:"
    rf"(?P<badge>!\[(?P<alt>{_PLAIN})\]\((?P<src>{_PLAIN})\))\]\((?P<target>{_PLAIN})\)"
    rf"|(?P<tag>\[(?P<tagged>{_PLAIN})\]\((?P<tagged_url>{_PLAIN})\)\])"
    rf"|(?P<text>{_PLAIN})\]\((?P<url>{_PLAIN})\))"
)


def _simple_links(line: str, base: int) -> list[Link] | None:
    """The links of a line whose every bracket and parenthesis belongs to a plain construct.

    ``- [name](https://x.org) [[crate](url)] [![ci](badge.svg)](url) - Description.``: most
    lines of a list. Each link is then the one the full scan would find, at a fraction of its
    cost (the full scan walks brackets with a stack and pairs parentheses); any other line
    returns None and takes the full scan.
    """
    if "`" in line or "\\" in line or "）" in line:
        return None
    links = []
    # How many of each construct, to tell that every bracket and parenthesis of the line
    # belongs to one: a link has one of each, a badge two, a tag two brackets and one pair.
    plain = badges = tags = 0
    for match in _SIMPLE.finditer(line):
        start, end = match.span()
        bang, text, badge = match.group("bang", "text", "badge")
        if text is not None:
            plain += 1
            links.append(
                Link(
                    text,
                    match["url"],
                    base + start,
                    base + end,
                    base + match.start("url"),
                    bang == "!",
                )
            )
        elif bang:
            return None  # "![![b](s)](u)", "![[c](u)]": left to the full scan
        elif badge is not None:
            badges += 1
            links.append(_plain(match, "badge", "target", start, end, base))
            links.append(_plain(match, "alt", "src", start + 1, match.end("badge"), base, True))
        else:
            tags += 1
            links.append(_plain(match, "tagged", "tagged_url", start + 1, end - 1, base))
    brackets = plain + 2 * (badges + tags)
    parens = plain + 2 * badges + tags
    if (
        line.count("[") != brackets
        or line.count("]") != brackets
        or line.count("(") != parens
        or line.count(")") != parens
    ):
        return None
    return links


def _plain(
    match: re.Match[str], text: str, url: str, start: int, end: int, base: int, image: bool = False
) -> Link:
    return Link(match[text], match[url], base + start, base + end, base + match.start(url), image)


class _Parens:
    """Where each destination of a line ends, from one pass over its parentheses.

    A destination ends at the ``)`` matching the ``(`` that opens it. When none matches, or a
    full-width ``）`` followed by a blank comes first, the ``）`` ends it (and the flag says
    so): that is a typo for AL108, not plain text.
    """

    def __init__(self, line: str) -> None:
        self.closing: dict[int, int] = {}
        opened: list[int] = []
        escaped = -1
        for match in _PARENS.finditer(line):
            i = match.start()
            if i == escaped:
                continue
            ch = line[i]
            if ch == "\\":
                escaped = i + 1
            elif ch == "(":
                opened.append(i)
            elif opened:
                self.closing[opened.pop()] = i
        self.full_width = [i for i, ch in enumerate(line) if ch == "）"] if "）" in line else []
        self.blanks = [i for i, ch in enumerate(line) if ch.isspace()] if self.full_width else []

    def end(self, start: int) -> tuple[int | None, bool]:
        close = self.closing.get(start - 1)
        at = bisect.bisect_left(self.full_width, start)
        if at == len(self.full_width):
            return close, False
        wide = self.full_width[at]
        if close is None:
            return wide, True
        blank = bisect.bisect_left(self.blanks, wide)
        if wide < close and blank < len(self.blanks) and self.blanks[blank] < close:
            return wide, True
        return close, False
