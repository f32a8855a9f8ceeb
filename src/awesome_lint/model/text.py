"""The visible text of every Markdown line: what a reader sees, with the markup cut away.

``Prose`` covers entries and leaves CJK text out (its rules are about English); the AL409-AL412
text rules also read headings, paragraphs and CJK text, so they ask this view instead. A line
in a code block or an HTML block has no visible text; on any other line we cut code spans,
link destinations, images, bare urls and autolinks, inline HTML, inline math (``$...$``) and
reference definitions. Link texts stay, marked with their link.

Lines are cut on demand and cached: the rules look for what is rare (a repeated mark, a known
name) in the whole text first, then ask only the lines that hold it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from awesome_lint.model.document import Document
from awesome_lint.model.links import Link, code_spans

_URL = re.compile(r"(?:\b[a-zA-Z][a-zA-Z0-9+.-]*://|\bwww\.)[^\s<>]*")
_HTML = re.compile(r"<!--.*?(?:-->|$)|</?[A-Za-z][^<>]*>|<[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*>")
_MATH = re.compile(r"\$[^\s$](?:[^$]*[^\s$])?\$")
_REFERENCE = re.compile(r"\A {0,3}\[[^\]]+\]:\s")
# The outer link of a badge, ``[![alt](img)](target)``, that the link scan leaves unpaired.
_BADGE_TARGET = re.compile(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)")
# The lookbehind keeps search() linear on a long run of blanks (each start would rescan it).
_ITEM_START = re.compile(r"(?<![ \t])[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\*\*|__)?")
_URL_TRAIL = ".,;:!?*'\"）"
_OPENERS = {")": "(", "]": "["}


def url_end(url: str) -> int:
    """Where a bare url really ends: trailing punctuation and unmatched closers are text."""
    end = len(url)
    while end:
        last = url[end - 1]
        opener = _OPENERS.get(last)
        if last in _URL_TRAIL or (
            opener is not None and url.count(last, 0, end) > url.count(opener, 0, end)
        ):
            end -= 1
        else:
            break
    return end


class Segment(NamedTuple):
    """``[start, end)`` of visible text on one line; ``link`` when it is that link's text."""

    start: int
    end: int
    link: Link | None


class TextView:
    """The visible segments of a document's lines, cut on first use of each line."""

    def __init__(self, document: Document) -> None:
        self.document = document
        structure = document.structure
        self._hidden = structure.code_lines | structure.html_lines
        self._headings = {heading.line for heading in structure.headings}
        self._cache: dict[int, tuple[Segment, ...]] = {}

    def is_heading(self, n: int) -> bool:
        return n in self._headings

    def segments(self, n: int) -> tuple[Segment, ...]:
        found = self._cache.get(n)
        if found is None:
            found = self._cache[n] = self._cut(n)
        return found

    def segment_at(self, offset: int) -> Segment | None:
        """The visible segment holding ``offset``, if any."""
        for segment in self.segments(self.document.line_of(offset)):
            if segment.start <= offset < segment.end:
                return segment
        return None

    def visible(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside one visible segment."""
        segment = self.segment_at(start)
        return segment is not None and end <= segment.end

    def opens_item(self, link: Link) -> bool:
        """The link opens a list item (``- [title](url)``, ``1. **[title](url)**``): the title
        of a work, as its authors write it. A contents item (``- [Arxiv](#arxiv)``) is not: it
        repeats a heading of the list's own.
        """
        if link.url.startswith("#"):
            return False
        document = self.document
        line_start = document.line_starts[document.line_of(link.start)]
        match = _ITEM_START.match(document.text, line_start, link.start + 1)
        return match is not None and match.end() == link.start

    def lines(self) -> Iterator[int]:
        """Every line that may hold visible text."""
        hidden = self._hidden
        return (n for n in range(self.document.line_count) if n not in hidden)

    def _cut(self, n: int) -> tuple[Segment, ...]:
        if n in self._hidden:
            return ()
        document = self.document
        start, end = document.line_starts[n], document.line_ends[n]
        line = document.text[start:end]
        if not line.strip() or _REFERENCE.match(line):
            return ()
        cut = [(s + start, e + start) for s, e in code_spans(line)] if "`" in line else []
        links = [link for link in document.links(n) if not _inside(link.start, cut)]
        for link in links:
            if link.image:
                cut.append((link.start, link.end))
                outer = _BADGE_TARGET.match(line, link.end - start)
                if outer is not None and line[link.start - start - 1 : link.start - start] == "[":
                    cut.append((link.start - 1, outer.end() + start))
            else:
                cut.append((link.start, link.text_start))
                cut.append((link.text_end, link.end))
        if "://" in line or "www." in line:
            for m in _URL.finditer(line):
                cut.append((m.start() + start, m.start() + start + url_end(m.group())))
        for pattern, needle in ((_HTML, "<"), (_MATH, "$")):
            if needle in line:
                cut.extend((m.start() + start, m.end() + start) for m in pattern.finditer(line))
        cut.sort()
        owners = [link for link in links if not link.image]
        segments: list[Segment] = []
        position = start
        for s, e in cut:
            if s > position:
                segments.append(Segment(position, s, _owner(owners, position, s)))
            position = max(position, e)
        if position < end:
            segments.append(Segment(position, end, _owner(owners, position, end)))
        return tuple(segments)


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= at < e for s, e in spans)


def _owner(links: list[Link], start: int, end: int) -> Link | None:
    for link in links:
        if link.text_start <= start and end <= link.text_end:
            return link
    return None
