"""AL603 metadata-section: the record's venue contradicts the entry's section.

Only with --check-metadata. The record's venue and year (``ICLR 2024`` from arXiv's journal
reference or comment, Crossref's container) are judged against the year section by AL202's
rules; what the entry itself writes is AL202's to judge, so only the record's new evidence is
reported here.

Why: a paper under ``NeurIPS 2023`` that the record places at ICLR 2024 is in the wrong
section, whatever its arXiv id says.

Okay:  ### ICLR 2024 / - [Eureka: Human-Level Reward Design ...](https://arxiv.org/abs/2310.12931)
AL603: ### NeurIPS 2023 / - [Eureka: Human-Level Reward Design ...](https://arxiv.org/abs/2310.12931)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation
from awesome_lint.metadata.compare import record_year
from awesome_lint.metadata.lookup import entry_key, records
from awesome_lint.model.years import entry_year
from awesome_lint.rules.wrong_year import contradicts


def check(ctx: Context) -> Iterator[Violation]:
    found = records(ctx)
    for entry in ctx.entries:
        key = entry_key(entry)
        record = found.get(key) if key else None
        if record is None or entry.title is None:
            continue
        section = ctx.year_sections.containing(entry.line)
        year = record_year(entry, record)
        if section is None or year is None:
            continue
        if contradicts(section, entry_year(entry, ctx.document)):
            continue  # AL202's
        if contradicts(section, year):
            yield Violation(
                entry.title.start,
                entry.title.end,
                f"The record of {key} places the paper at {record.venue}, not under "
                f'"{section.heading.text}"',
            )
