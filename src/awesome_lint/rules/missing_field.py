"""AL102 missing-field: an entry lacks a field that its format block requires.

Required by default: the title link (AL101), the authors line and the keyword field, when the
format block declares them and most of its entries write them: a field the list as a whole
leaves out is the block's drift (one AL112), not a defect of every entry. ``required-fields``
in the config pins the set whatever the entries do; a block line that says ``(optional)`` is
never required.

Why: a list's format is its promise to readers; an entry without authors or keywords breaks it.

Okay:  - [Title](https://arxiv.org/abs/2302.07459)
           - Anthropic
           - Keyword: Moral self-correction
AL102: - [The Flan Collection](https://github.com/google-research/FLAN)
           - Longpre Shayne, Hou Le, Vu Tu et al.
           - Task: Collection compiles datasets from Flan 2021
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation


def check(ctx: Context) -> Iterator[Violation]:
    for entry in ctx.entries:
        if entry.title is None or not entry.schema.fields:
            continue  # no title to report at, or no field to require (an inferred format)
        present = {f.spec.key for f in entry.fields if f.spec is not None}
        habit = ctx.habit(entry.schema)
        for spec in entry.schema.fields:
            if spec.key in present or not habit.required(spec):
                continue
            what = spec.kind if spec.positional else f'"{spec.canonical}:"'
            yield Violation(
                entry.title.start,
                entry.title.end,
                f"Entry has no {what} field, which the format block "
                f"(line {spec.line + 1}) requires",
            )
