"""Whole blocks of lines as the fixes that move or remove them see them.

A block is a run of lines ``[line, end_line)``. Removing one also drops one neighbouring blank
line when it sits between two blank lines, so no double blank is left; every other character of
the document stays as it was.
"""

from __future__ import annotations

from awesome_lint.diagnostics import Edit
from awesome_lint.model.document import Document


def block_text(document: Document, line: int, end_line: int) -> str:
    """The block's text with its last newline (one is added if the file ends without it)."""
    start = document.line_starts[line]
    if end_line < document.line_count:
        return document.text[start : document.line_starts[end_line]]
    text = document.text[start:]
    return text if text.endswith(("\n", "\r")) else text + document.newline


def removal(document: Document, line: int, end_line: int) -> Edit:
    """Delete the block, and one blank line after it when it is also blank before it.

    The edit starts at the newline before the block and ends after the newline that ends it
    (putting one newline back), so removals of two neighbouring blocks overlap and the fixer
    applies them in separate rounds, each judging the blank lines it leaves.
    """
    text = document.text
    if line == 0:
        end = document.line_starts[end_line] if end_line < document.line_count else len(text)
        return Edit.delete(0, end)
    start = document.line_ends[line - 1]
    newline = text[start : document.line_starts[line]]
    if end_line >= document.line_count:
        # The last lines of a file without a final newline: take the newline before them.
        return Edit.delete(start, len(text))
    end = document.line_starts[end_line]
    if is_blank(document, line - 1) and is_blank(document, end_line):
        if end_line + 1 < document.line_count:
            end = document.line_starts[end_line + 1]
        elif line >= 2:  # the file ends right after the block: drop the blank line before it
            start = document.line_ends[line - 2]
    return Edit(start, end, newline)


def joins_previous_item(document: Document, line: int) -> bool:
    """Whether the first non-blank line from ``line`` on would join a list item above it.

    Every list item's content starts at column 2 or later, so a line indented less can never
    be taken into one; a line indented more (``  - Jan Leike`` after ``-  [A](…)``, whose
    content starts at column 3) may, once the block that kept it apart is moved away.
    """
    while is_blank(document, line):
        line += 1
    if line >= document.line_count:
        return False
    text = document.line(line).expandtabs(4)
    return len(text) - len(text.lstrip()) >= 2


def is_blank(document: Document, line: int) -> bool:
    return 0 <= line < document.line_count and not document.line(line).strip()
