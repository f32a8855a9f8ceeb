"""AL602 metadata-authors: the first author or the number of authors differs from the record.

Only with --check-metadata. The first author is compared by family name (case and accents
folded); the count only when the entry lists every author (no ``et al.``) and the record lists
them all too. An entry naming an organisation (``OpenAI``) is left alone, and so is one whose
title is not the record's (AL601 reports its link).

Why: authors copied from another entry, or half of them lost, misattribute a paper.

Okay:  - Rafael Rafailov, Archit Sharma, Eric Mitchell, Stefano Ermon, Christopher D. Manning, ...
AL602: - Archit Sharma, Rafael Rafailov, Eric Mitchell
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation
from awesome_lint.metadata.compare import entry_authors, family, fold_title
from awesome_lint.metadata.lookup import entry_key, records


def check(ctx: Context) -> Iterator[Violation]:
    found = records(ctx)
    for entry in ctx.entries:
        key = entry_key(entry)
        record = found.get(key) if key else None
        field = entry.field("authors")
        if record is None or not record.authors or field is None or entry.title is None:
            continue
        if fold_title(entry.title.text) != fold_title(record.title):
            continue  # another paper's record: AL601 reports the link, not these authors
        read = entry_authors(entry, ctx.document)
        if read is None or not read[0]:
            continue
        names, cut = read
        if len(names) == 1 and " " not in names[0].strip():
            continue  # an organisation or a team
        span = (field.value_start, field.content_end)
        if family(names[0]) != family(record.authors[0]):
            yield Violation(
                *span,
                f"First author {names[0]!r} differs from the record of {key}: "
                f"{record.authors[0]!r}",
            )
            continue
        if not cut and not record.truncated and len(names) != len(record.authors):
            yield Violation(
                *span,
                f"{len(names)} authors, but the record of {key} lists {len(record.authors)}",
            )
