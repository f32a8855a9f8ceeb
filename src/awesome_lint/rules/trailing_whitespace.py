"""AL405 trailing-whitespace: spaces or tabs at the end of a line, or a line of only blanks.

Exactly two trailing spaces after text are left alone: they are Markdown's hard break, and
authors write them on purpose even where the next line starts a new block. More than two
before more text of the same paragraph are cut to two (the break stays). Lines inside code
blocks are never touched: there, whitespace may be the code's own.

Why: trailing blanks are invisible noise in diffs and make reviewers ask what changed.

Okay:  - Keyword: Visual Foundation Models
AL405: - Keyword: Visual Foundation Models␠
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation
from awesome_lint.model.document import Document

# A line starting one of these opens a new block, so two spaces before it break nothing.
_BLOCK_START = re.compile(
    r"\A[ \t]*(?:[-*+](?:[ \t]|$)|1[.)](?:[ \t]|$)|#{1,6}(?:[ \t]|$)|>|```|~~~)"
)
_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    code_lines = document.structure.code_lines
    text = document.text
    for n, (line_start, line_end) in enumerate(
        zip(document.line_starts, document.line_ends, strict=True)
    ):
        # Most lines end in neither a space nor a tab: one character read, no slice.
        if line_end == line_start or text[line_end - 1] not in " \t" or n in code_lines:
            continue
        line = text[line_start:line_end]
        # rstrip, not a regex: "[ \t]+$" searched over a long blank run is quadratic.
        kept = len(line.rstrip(" \t"))
        if kept == len(line):
            continue
        blanks = line[kept:]
        start = document.line_starts[n] + kept
        end = document.line_starts[n] + len(line)
        if blanks == "  " and kept > 0:
            continue  # a hard break, as DESIGN.md promises to keep
        if _is_hard_break(document, n, blanks):
            yield Violation(
                start,
                end,
                f"{len(blanks)} trailing spaces; a hard break needs two",
                Fix.safe("Keep two spaces", Edit(start, end, "  ")),
            )
            continue
        blank = kept == 0
        yield Violation(
            start,
            end,
            "Whitespace-only line" if blank else "Trailing whitespace",
            Fix.safe(
                "Remove the whitespace" if blank else "Remove trailing whitespace",
                Edit.delete(start, end),
            ),
        )


def _is_hard_break(document: Document, n: int, blanks: str) -> bool:
    """Two or more spaces after text, with more text of the same paragraph on the next line."""
    line = document.line(n)
    if not blanks.startswith("  ") or not line.strip() or _HEADING.match(line):
        return False
    if n + 1 >= document.line_count or n + 1 in document.structure.code_lines:
        return False
    following = document.line(n + 1)
    return bool(following.strip()) and _BLOCK_START.match(following) is None
