"""AL404 repeated-space: two or more spaces inside a line of prose.

Checked in entries' titles, field values and descriptions (spaces right after a label's colon
count), never in code, in leading indentation or at the end of a line (that is AL405's), and
not just inside a link's brackets (that is AL407's), nor as the separator between an item's
name and its description in a list with no block (``[name](url)  Description``: that is
AL113's, judged by the list's own habit).

Why: double spaces are invisible in the rendered list but show up as noise in every diff, and
``Keyword:  Model`` looks different from its neighbours in the source.

Okay:  - Keyword: Benchmark, Performant RL algorithm
AL404: - Keyword: Benchmark,  Performant RL algorithm
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation

_SPACES = re.compile(r" {2,}")


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    text = document.text
    prose = ctx.prose
    separators: list[tuple[int, int]] | None = None  # items' separator spans, sorted
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
            if separators is None:
                separators = sorted(
                    (s.name_end, s.description_start)
                    for s in ctx.templates.shapes.values()
                    if s.separator
                )
            at = bisect.bisect_right(separators, (start, sys.maxsize)) - 1
            if at >= 0 and separators[at][0] <= start < separators[at][1]:
                continue  # the separator after an item's name: AL113 judges it by the list's habit
            yield Violation(
                start,
                end,
                f"{end - start} spaces in a row",
                Fix.safe("Use one space", Edit(start, end, " ")),
            )
