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
    prose = ctx.prose
    name_kinds = {i for i, kind in enumerate(prose.kind_names) if kind in ("title", "link-text")}
    for i, (span_start, span_end) in enumerate(zip(prose.starts, prose.ends, strict=True)):
        if text.find("  ", span_start, span_end) < 0:  # nearly every span: no regex, no slice
            continue
        line_end = document.line_ends[prose.lines[i]]
        is_name = prose.kinds[i] in name_kinds
        for match in _SPACES.finditer(text, span_start, span_end):
            start, end = match.span()
            if end == line_end or (is_name and (start == span_start or end == span_end)):
                continue
            yield Violation(
                start,
                end,
                f"{end - start} spaces in a row",
                Fix.safe("Use one space", Edit(start, end, " ")),
            )
