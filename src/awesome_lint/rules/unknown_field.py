"""AL103 unknown-field: a label that the governing format block does not declare.

Why: a label the format does not know (``Note:``, or ``Code:`` in a list whose format has no
code field) is either a typo for a declared one or a field the format should declare first.

A label that many of the block's entries write (3 or more, and a tenth of them) is the list's
own field: AL112 asks for it to be declared, once, and the entries are not reported.

Okay:  - Key: empowerment, intrinsic motivation      (format declares ``Key:``)
AL103: - Note: accepted at ICML                       (format declares no ``Note:``)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation, listed


def check(ctx: Context) -> Iterator[Violation]:
    for entry, field in ctx.fields():
        label = field.label
        if label is None or label.status != "unknown":
            continue
        if ctx.habit(entry.schema).undeclared_habit(label.text):
            continue
        declared = listed(f'"{s.canonical}"' for s in entry.schema.fields if not s.positional)
        yield Violation(
            label.start,
            label.end,
            f'Label "{label.text}" is not declared by the format block '
            f"(line {entry.schema.block_line + 1}; it declares {declared or 'no labels'})",
        )
