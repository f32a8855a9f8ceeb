"""AL111 format-block: a format block that cannot be understood.

A format block is a fenced block starting with ``format:``. Its first item is the title line,
``- [title](paper link) [links]``; each indented item names one field, e.g. ``  - Keyword``.

Why: every other entry rule checks entries against this block; if it cannot be read, they
cannot either.

Okay:  format:
       - [title](paper link) [links]
         - author1, author2, and author3...
         - keyword
AL111: format:
         - author1, author2, and author3...
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    for schema in ctx.schemas:
        for problem in schema.problems:
            start = document.line_starts[problem.line]
            end = document.line_ends[problem.line]
            yield Violation(start, max(end, start + 1), f"Format block: {problem.message}")
