"""AL604 metadata-venue: an arXiv-only entry whose record now names a venue (a note).

Only with --check-metadata. An entry with an arXiv link and no venue of its own (no venue line,
no venue note, not in a venue section) whose record names one (arXiv's journal reference or an
"accepted at" comment) is noted with the venue, so the list can say where the paper appeared.

Why: a preprint that has since been published is better cited at its venue.

Okay:  - [Waypoint Transformer ...](https://arxiv.org/abs/2306.14069) under ### NeurIPS 2023
AL604: - [Waypoint Transformer ...](https://arxiv.org/abs/2306.14069) under ### 2023, no venue line
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation
from awesome_lint.metadata.lookup import entry_key, records
from awesome_lint.model.years import entry_year


def check(ctx: Context) -> Iterator[Violation]:
    found = records(ctx)
    for entry in ctx.entries:
        key = entry_key(entry)
        if key is None or not key.startswith("arxiv:") or entry.title is None:
            continue
        record = found.get(key)
        if record is None or not record.venue:
            continue
        section = ctx.year_sections.containing(entry.line)
        if section is not None and section.venue not in ("", "arxiv", "preprint"):
            continue
        if entry_year(entry, ctx.document).venue is not None:
            continue
        yield Violation(
            entry.title.start,
            entry.title.end,
            f"Note: {key} is published: {record.venue}",
        )
