"""AL404 repeated-space: two or more spaces inside a line of prose.

Checked in entries' titles, field values and descriptions (spaces right after a label's colon
count), never in code, in leading indentation or at the end of a line (that is AL405's), and
not just inside a link's brackets (that is AL407's).

Why: double spaces are invisible in the rendered list but show up as noise in every diff, and
``Keyword:  Model`` looks different from its neighbours in the source.

Okay:  - Keyword: Benchmark, Performant RL algorithm
AL404: - Keyword: Benchmark,  Performant RL algorithm
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation

_SPACES = re.compile(r" {2,}")


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    text = document.text
    for span in ctx.prose.spans:
        line_end = document.line_ends[span.line]
        for match in _SPACES.finditer(text, span.start, span.end):
            start, end = match.span()
            if end == line_end or (span.is_name and (start == span.start or end == span.end)):
                continue
            yield Violation(
                start,
                end,
                f"{end - start} spaces in a row",
                Fix.safe("Use one space", Edit(start, end, " ")),
            )
