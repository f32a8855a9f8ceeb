"""AL408 line-endings: line endings of more than one kind, or no newline at the end of the file.

A file mixing CRLF and LF is normalised to the kind most of its lines use; a file whose last
line has no newline gets one.

Why: mixed endings show up as whole-file diffs on the next edit, and tools that read line by
line (``cat``, ``wc -l``, POSIX ``read``) drop or merge a final line with no newline.

Okay:  every line ends in LF, the last one too
AL408: a file whose lines end in CRLF except a few in LF
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation

_NAMES = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    text = document.text
    usual = document.newline
    if len(document.newline_counts) > 1:
        # Line n's newline is text[line_ends[n]:line_starts[n + 1]]: the document found them.
        newlines = zip(document.line_ends, document.line_starts[1:], strict=False)
        others = [(end, start) for end, start in newlines if text[end:start] != usual]
        counts = ", ".join(
            f"{count} {_NAMES[kind]}" for kind, count in sorted(document.newline_counts.items())
        )
        yield Violation(
            others[0][0],
            others[0][1],
            f"Mixed line endings ({counts}); the file mostly uses {_NAMES[usual]}",
            Fix.safe(
                f"Use {_NAMES[usual]} everywhere",
                *(Edit(end, start, usual) for end, start in others),
            ),
        )
    if text and not text.endswith(("\n", "\r")):
        yield Violation(
            len(text),
            len(text),
            "No newline at end of file",
            Fix.safe("Add a final newline", Edit.insert(len(text), usual)),
        )
