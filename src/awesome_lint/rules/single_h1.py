"""AL506 single-h1: a list has exactly one top-level heading, its title.

Counts ``# Title`` and setext ``Title`` / ``=====`` headings outside code, and ``<h1>`` tags in
HTML blocks. Every h1 after the first is reported: it is a section written one level too
high. With ``preset = "awesome"``, a list with no h1 is reported too, when nothing else
stands as its title: a README whose title is an image or a centred HTML block
(``<p align="center"><img …></p>``, ``<div align="center">``) before its first heading has
one. (Without the preset a file with no title may be a part of a list, not worth a report.)

Unlike sindresorhus/awesome-lint (awesome-heading), the title's case is not checked, and
the title may be an image block anywhere before the first heading.

Why: the h1 is the list's name; a second one (`# Resources` half-way down) breaks the
outline that the table of contents, GitHub's heading menu and screen readers follow.

Okay:  # Awesome Shell / ## Guides
AL506: # Awesome Shell / # Guides
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Related, Violation
from awesome_lint.model.document import Document
from awesome_lint.model.outline import visible

_H1_TAG = re.compile(r"<h1(?=[\s>/])", re.IGNORECASE)
_TITLE_HTML = re.compile(r"<img\b|align\s*=\s*[\"']?center", re.IGNORECASE)
_IMAGE = re.compile(r"!\[[^\[\]\n]*\][(\[]")


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    h1s = sorted(
        [h.line for h in document.structure.headings if h.level == 1] + _html_h1_lines(document)
    )
    if not h1s:
        if ctx.settings.preset != "awesome" or _has_title_block(document):
            return
        first = _first_content_line(document)
        if first is None:
            return  # an empty file has nothing to title
        yield Violation(
            document.line_starts[first],
            document.line_ends[first],
            "No h1 title: the list should start with `# Its Name` (or an image title)",
        )
        return
    title = h1s[0]
    for line in h1s[1:]:
        start, end = document.line_starts[line], document.line_ends[line]
        text = document.line(line).strip()
        yield Violation(
            start,
            end,
            f"A second h1 ({_short(text)}): the list's title is the h1 on line {title + 1}; "
            "make this a section (`##`)",
            related=(Related(document.line_starts[title], document.line_ends[title], "the title"),),
        )


def _html_h1_lines(document: Document) -> list[int]:
    """Lines of HTML blocks that open an ``<h1>`` outside comments."""
    lines = []
    inside_comment = False
    for n in sorted(document.structure.html_lines):
        line = document.line(n)
        position = 0
        while True:
            if inside_comment:
                close = line.find("-->", position)
                if close == -1:
                    break
                inside_comment, position = False, close + 3
            opening = line.find("<!--", position)
            chunk = line[position : opening if opening != -1 else len(line)]
            if _H1_TAG.search(chunk):
                lines.append(n)
                break
            if opening == -1:
                break
            inside_comment, position = True, opening + 4
    return lines


def _has_title_block(document: Document) -> bool:
    """An image or a centred HTML block before the first heading stands as the title."""
    headings = document.structure.headings
    end = headings[0].line if headings else document.line_count
    html = document.structure.html_lines
    for n in range(end):
        line = document.line(n)
        if n in html and _TITLE_HTML.search(line) and visible(document, n, n + 1):
            return True
        if n not in html and _IMAGE.search(line) and n not in document.structure.code_lines:
            return True
    return False


def _first_content_line(document: Document) -> int | None:
    for n in range(document.line_count):
        if visible(document, n, n + 1):
            return n
    return None


def _short(text: str) -> str:
    return f'"{text}"' if len(text) <= 60 else f'"{text[:57]}..."'
