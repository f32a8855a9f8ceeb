"""AL104 field-order: an entry's fields are not in the order of its format block.

Why: readers scan a long list by position; authors first, then publisher, keywords, code,
datasets, as the block declares them.

The fix moves whole lines (each field keeps its text) and is offered only when every field of
the entry is one line.

Okay:  - Jan Leike, David Krueger
       - Keyword: Agent alignment
       - Code: [official](https://github.com/rddy/ReQueST)
AL104: - Jan Leike, David Krueger
       - Code: [official](https://github.com/rddy/ReQueST)
       - Keyword: Agent alignment
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    for entry in ctx.entries:
        order = {spec.kind: i for i, spec in enumerate(entry.schema.fields)}
        ranked = [f for f in entry.fields if f.spec is not None]
        ranks = [order[f.spec.kind] for f in ranked if f.spec is not None]
        if ranks == sorted(ranks):
            continue
        previous = -1
        culprit = ranked[0]
        for f, rank in zip(ranked, ranks, strict=False):
            if rank < previous:
                culprit = f
                break
            previous = rank
        fix = None
        fields = entry.fields
        single = all(f.end_line == f.line + 1 for f in fields)
        contiguous = all(b.line == a.line + 1 for a, b in itertools.pairwise(fields))
        if single and contiguous and len(ranked) == len(fields):
            lines = sorted(fields, key=lambda f: order[f.spec.kind] if f.spec else 0)
            start, end = fields[0].start, document.line_ends[fields[-1].line]
            newlines = [
                document.text[document.line_ends[f.line] : document.line_starts[f.line + 1]]
                for f in fields[:-1]
            ]
            parts = []
            for i, f in enumerate(lines):
                parts.append(document.line(f.line))
                if i < len(newlines):
                    parts.append(newlines[i])
            fix = Fix.safe(
                "Reorder fields as the format block declares",
                Edit(start, end, "".join(parts)),
            )
        kind = culprit.spec.canonical if culprit.spec else "field"
        yield Violation(
            culprit.content_start,
            culprit.content_end,
            f'Field "{kind}" is out of order; the format block (line '
            f"{entry.schema.block_line + 1}) puts it earlier",
            fix,
        )
