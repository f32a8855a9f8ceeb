"""AL104 field-order: an entry's fields are not in the order its list writes them.

The order is the format block's, except where the block's entries agree on another one (three
quarters of the entries that write both fields, five or more): then AL112 names the drift
once at the block, and an entry is reported only when it breaks both the habit and the
block. Two fields the entries write both ways, with no habit, may come in either order.

Why: readers scan a long list by position; authors first, then publisher, keywords, code,
datasets, as the list writes them.

The fix moves whole lines (each field keeps its text) and is offered only when every field of
the entry is one line, written with the same indent and bullet (so that no field becomes
another's child).

Okay:  - Jan Leike, David Krueger
       - Keyword: Agent alignment
       - Code: [official](https://github.com/rddy/ReQueST)
AL104: - Jan Leike, David Krueger
       - Code: [official](https://github.com/rddy/ReQueST)
       - Keyword: Agent alignment
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation
from awesome_lint.model.entries import Field
from awesome_lint.model.habits import Habits


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    orders: dict[int, dict[str, int]] = {}
    for entry in ctx.entries:
        ranked = [f for f in entry.fields if f.spec is not None and not f.nested]
        if len(ranked) < 2:
            continue
        habit = ctx.habit(entry.schema)
        block = habit.block_order

        def wrong(a: str, b: str, habit: Habits = habit, block: Mapping[str, int] = block) -> bool:
            """Writing ``a`` before ``b`` breaks both the list's habit and the block."""
            return habit.before(a, b) is False and block.get(b, -1) < block.get(a, -1)

        culprit = _culprit(ranked, wrong)
        if culprit is None:
            continue
        order = orders.get(entry.schema.block_line)
        if order is None:
            order = orders[entry.schema.block_line] = {k: i for i, k in enumerate(habit.order())}
        fix = None
        fields = entry.fields
        single = all(f.end_line == f.line + 1 for f in fields)
        contiguous = all(b.line == a.line + 1 for a, b in itertools.pairwise(fields))
        # Fields written alike keep their parent and depth when they trade places.
        alike = len({document.text[f.start : f.content_start] for f in fields}) == 1
        keys = [f.spec.key for f in ranked if f.spec is not None]
        lines = sorted(fields, key=lambda f: order[f.spec.key] if f.spec else 0)
        # Fixed only when the new order settles it: one field per key, and no pair left wrong.
        settled = len(set(keys)) == len(keys) and _culprit(lines, wrong) is None
        if single and contiguous and alike and settled and len(ranked) == len(fields):
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
                "Reorder fields as the list writes them",
                Edit(start, end, "".join(parts)),
            )
        moved, past = culprit
        yield Violation(
            moved.content_start,
            moved.content_end,
            f'Field "{_name(moved)}" is out of order; the list writes it before "{_name(past)}"'
            f" (format block at line {entry.schema.block_line + 1})",
            fix,
        )


def _culprit(ranked: list[Field], wrong: Callable[[str, str], bool]) -> tuple[Field, Field] | None:
    """(the first field written too late, the field it belongs before), or None."""
    keys = [f.spec.key if f.spec is not None else "" for f in ranked]
    for j, later in enumerate(keys):
        for i, earlier in enumerate(keys[:j]):
            if earlier != later and wrong(earlier, later):
                return ranked[j], ranked[i]
    return None


def _name(field: Field) -> str:
    return field.spec.canonical if field.spec is not None else "field"
