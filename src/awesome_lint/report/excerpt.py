"""The source line under a diagnostic, as a terminal shows it, with the caret's place.

Columns are display columns: a CJK character or an emoji takes two
(``unicodedata.east_asian_width`` W or F), a combining mark or a format character none, a tab
four spaces, a control character the four of its written-out form (``\\x1b``). A line wider
than the room left by the gutter is cut around the span, with ``…`` where text was left out,
so the carets land under the span whatever the line's length. The width is the terminal's
when known and otherwise 140 columns, as rustc and annotate-snippets (ruff's renderer) do:
a log stays readable and the output does not depend on where it is written.
"""

from __future__ import annotations

import bisect
import unicodedata
from typing import NamedTuple

from awesome_lint.report import visible

DEFAULT_WIDTH = 140
MIN_ROOM = 20  # never cut a line narrower than this, however narrow the terminal
ELLIPSIS = "…"
TAB = "    "


class Excerpt(NamedTuple):
    text: str  # the line as shown, maybe cut
    indent: int  # display columns before the first caret
    carets: int  # how many carets (at least one)


def cell(char: str) -> tuple[str, int]:
    """How ``char`` is shown and how many columns it takes."""
    if char == "\t":
        return TAB, len(TAB)
    shown = visible(char)
    if shown != char:
        return shown, len(shown)
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return char, 0
    return char, 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def excerpt(line: str, start: int, end: int, room: int | None = None) -> Excerpt:
    """``line`` shown in at most ``room`` columns, keeping characters ``start:end`` in view."""
    cells = [cell(c) for c in line]
    widths = [0]
    for _, w in cells:
        widths.append(widths[-1] + w)
    n = len(cells)
    start = min(max(start, 0), n)
    end = min(max(end, start), n)
    room = max(room if room is not None else DEFAULT_WIDTH, MIN_ROOM)
    first, last = 0, n
    if widths[n] > room:
        span = max(1, widths[end] - widths[start])
        budget = room - 2  # an ellipsis at each end
        margin = (budget - span) // 2 if span < budget else 4
        # Not past where the rest fits with one ellipsis, at the head.
        left = max(0, min(widths[start] - min(widths[start], margin), widths[n] - (room - 1)))
        first = bisect.bisect_left(widths, left)
        first = min(first, start)
        fit = room - (first > 0)
        last = bisect.bisect_right(widths, widths[first] + fit) - 1
        if last < n:
            last = bisect.bisect_right(widths, widths[first] + fit - 1) - 1
    head = ELLIPSIS if first > 0 else ""
    tail = ELLIPSIS if last < n else ""
    text = head + "".join(shown for shown, _ in cells[first:last]) + tail
    indent = len(head) + widths[start] - widths[first]
    carets = max(1, widths[min(end, last)] - widths[start])
    return Excerpt(text, indent, carets)
