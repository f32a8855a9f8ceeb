"""AL112 format-drift: the block's entries agree on a format its block does not declare.

The block is the template and the entries are the evidence. When most of a block's entries do
something one way and the block says another, that is the list's format: it is reported once,
here, at the block, and the entry rules check entries against the habit, so only the entries
that break it are reported. Reported:

- a required field that most entries leave out (AL102 then stays silent on it);
- a field order that the entries agree on (three quarters of those that write both) against
  the block's (AL104 then checks the entries' order);
- a label that many entries write and the block does not declare (AL103 stays silent on it);
- titles written as text in a block whose title is a link (AL101 stays silent);
- a label mark most entries write instead of the block's ``:`` (``Summary：``; AL105 then
  accepts both);
- year sections that run oldest first throughout, with ``year-order = "auto"`` (AL201 keeps
  that order).

``strict-format = true`` in the config pins the block: no drift, every entry is checked against
the block as written.

Why: a block that says one thing while the whole list does another misleads every contributor
who reads it; fixing the block once is the fix, not editing every entry.

Okay:  a block declaring ``- keyword`` over entries that mostly have ``- Keyword: ...``
AL112: a block declaring ``- keyword`` over 543 entries of which 1 has a keyword
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation, listed
from awesome_lint.model.habits import MIN_EVIDENCE


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    for schema in ctx.schemas:
        habit = ctx.habit(schema)
        start = document.line_starts[schema.block_line]
        end = max(document.line_ends[schema.block_line], start + 1)
        specs = {spec.key: spec for spec in schema.fields}

        def at(line: int) -> tuple[int, int]:
            s = document.line_starts[line]
            return s, max(document.line_ends[line], s + 1)

        if habit.entries < MIN_EVIDENCE or habit.strict:
            continue
        if schema.title_is_link and not habit.title_is_link and schema.title_line is not None:
            yield Violation(
                *at(schema.title_line),
                f"The block's title is a link, but {habit.titled} of {habit.entries} entries "
                "start with one: write the title as the entries do, or link their titles",
            )
        for spec in schema.fields:
            if spec.required and not habit.required(spec):
                count = habit.present.get(spec.key, 0)
                yield Violation(
                    *at(spec.line),
                    f'"{spec.canonical}" is declared, but {count} of {habit.entries} entries '
                    f'{"has" if count == 1 else "have"} one: mark it "(optional)" or drop it',
                )
        moves: dict[str, list[tuple[str, int, int]]] = {}
        for moved, past, first, both in habit.order_drift():
            moves.setdefault(moved, []).append((past, first, both))
        for moved, pasts in moves.items():
            spec = specs[moved]
            names = listed(f'"{specs[p].canonical}"' for p, _, _ in pasts)
            first = sum(f for _, f, _ in pasts)
            both = sum(b for _, _, b in pasts)
            yield Violation(
                *at(spec.line),
                f'Entries write "{spec.canonical}" before {names} ({first} of {both} times), '
                "the block after: move it up in the block to match the list",
            )
        for spec in schema.fields:
            mark = habit.separator(spec.key)
            if mark is not None and not spec.positional:
                counts = habit.separators[spec.key]
                yield Violation(
                    *at(spec.line),
                    f'Entries write "{spec.canonical}{mark}" ({counts[mark]} of'
                    f' {sum(counts.values())} labels), the block "{spec.canonical}:": both are'
                    " accepted; write one in all entries to keep one",
                )
        for written, count in sorted(habit.undeclared.values(), key=lambda u: -u[1]):
            if habit.undeclared_habit(written):
                yield Violation(
                    start,
                    end,
                    f'{count} of {habit.entries} entries write "{written}:", which the block '
                    "does not declare: add it to the block",
                )
    if ctx.settings.year_order == "auto" and ctx.schemas and ctx.year_sections.ascending_habit():
        newer, older = ctx.year_sections.observed_order()
        schema = ctx.schemas[0]
        s = document.line_starts[schema.block_line]
        yield Violation(
            s,
            max(document.line_ends[schema.block_line], s + 1),
            f"Year sections run oldest first ({older} of {newer + older} neighbours): the list's "
            'order is kept; set year-order = "ascending" to pin it',
        )
