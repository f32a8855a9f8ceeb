"""AL110 empty-field: a field label with no value after it.

Why: ``- Code:`` with nothing after it promises code that is not there; drop the line or fill
it in.

Okay:  - Code: [official](https://github.com/openai/evals)
AL110: - Code:
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation


def check(ctx: Context) -> Iterator[Violation]:
    for _, field in ctx.fields():
        if field.label is None or field.label.status == "unknown":
            continue
        if field.value(ctx.document).strip() or field.end_line > field.line + 1:
            continue
        yield Violation(
            field.label.start,
            field.content_end,
            f'Field "{field.label.text}" has no value',
        )
