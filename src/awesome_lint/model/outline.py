"""The document's outline: each heading as a section with its parent, body and extent.

Built from ``Structure.headings`` (so headings in code and HTML blocks are already left out);
read by the document rules (empty sections, duplicate headings, a single title).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from awesome_lint.model.structure import Heading

if TYPE_CHECKING:
    from awesome_lint.model.document import Document


class Section(NamedTuple):
    heading: Heading
    position: int  # index in Structure.headings
    parent: int | None  # index of the nearest heading above of a lower level
    body_line: int  # first line after the heading itself (setext headings take two or more)
    next_line: int  # line of the next heading of any level (or the line count)
    end_line: int  # exclusive: the next heading of the same or a higher level

    @property
    def has_subsections(self) -> bool:
        return self.next_line < self.end_line


def outline(document: Document) -> tuple[Section, ...]:
    headings = document.structure.headings
    sections: list[Section] = []
    open_: list[int] = []  # indexes of headings whose section is still open, levels ascending
    ends: list[int] = [document.line_count] * len(headings)
    parents: list[int | None] = []
    for i, heading in enumerate(headings):
        while open_ and headings[open_[-1]].level >= heading.level:
            ends[open_.pop()] = heading.line
        parents.append(open_[-1] if open_ else None)
        open_.append(i)
    for i, heading in enumerate(headings):
        next_line = headings[i + 1].line if i + 1 < len(headings) else document.line_count
        sections.append(
            Section(heading, i, parents[i], _body_line(document, heading), next_line, ends[i])
        )
    return tuple(sections)


def _body_line(document: Document, heading: Heading) -> int:
    if document.line(heading.line).lstrip(" ").startswith("#"):
        return heading.line + 1
    return heading.line + heading.text.count("\n") + 2  # setext: text lines, then the underline


_MEDIA = re.compile(r"<(?:img|video|picture|svg|iframe|embed|object|audio|hr|table)\b", re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# Anchored with \A: only ever matched at a line's start.
_DEFINITION = re.compile(r"\A {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*\S")


def visible(document: Document, start: int, end: int) -> bool:
    """Whether lines ``[start, end)`` hold anything a reader sees.

    Blank lines, HTML comments, link reference definitions and tags that render nothing
    (``<a name="x"></a>``, ``<div align="center">``) are invisible; text, code, images are not.
    """
    code = document.structure.code_lines
    text: list[str] = []
    for n in range(start, min(end, document.line_count)):
        line = document.line(n)
        if n in code:
            return True  # a code block shows, even an empty one
        if _DEFINITION.match(line):
            continue
        text.append(line)
    rest = _without_comments("\n".join(text))
    if _MEDIA.search(rest):
        return True
    return bool(_TAG.sub("", rest).strip())


def _without_comments(text: str) -> str:
    """``text`` with its ``<!-- ... -->`` comments removed (an unclosed one runs to the end)."""
    if "<!--" not in text:
        return text
    kept: list[str] = []
    position = 0
    start = text.find("<!--")
    while start != -1:
        kept.append(text[position:start])
        close = text.find("-->", start + 4)
        if close == -1:
            return "".join(kept)
        position = close + 3
        start = text.find("<!--", position)
    kept.append(text[position:])
    return "".join(kept)
