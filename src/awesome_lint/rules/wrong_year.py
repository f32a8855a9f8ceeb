"""AL202 wrong-year: an entry whose year contradicts its year section.

An entry's year comes from the arXiv id of its title link (``2305.20081`` → 2023) and from a
venue line (``NeurIPS 2023``, or ``*ICLR 2019*`` after the authors). It is wrong when:

- its arXiv id is later than the section (an id from the first days of January,
  ``yy01.0xxxx``, may still sit under the previous year);
- its arXiv id is earlier than a plain year section and no venue line gives the section's year
  (a venue section such as ``ICLR 2024`` expects preprints from earlier years);
- its venue line names another year than the section, and its arXiv id does not match either.

A catch-all such as ``2020 and before`` takes every year up to its bound. The unsafe fix moves
the whole entry (title line, sub-items, comments inside it) to the top of the sibling year
section that fits, keeping that section's blank-line style; a plain year goes to its own
section or a catch-all covering it, a venue year only to the same venue's section. When no
section fits there is no fix.

Why: a paper under the wrong year is lost to readers who browse by year.

Okay:  ### 2023 / - [Paper](https://arxiv.org/abs/2305.20081)
Okay:  ### 2023 / - [Paper](https://arxiv.org/abs/2401.00123)
AL202: ### 2023 / - [Paper](https://arxiv.org/abs/2106.01345)
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Related, Violation
from awesome_lint.model.document import Document
from awesome_lint.model.entries import Entry
from awesome_lint.model.years import EntryYear, YearSection, entry_year
from awesome_lint.moves import block_text, is_blank, joins_previous_item, removal

_AFTERMATH = 6  # months after a conference in which its papers still reach arXiv


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    sections = ctx.year_sections
    places = _Places(ctx)
    for entry in ctx.entries:
        section = sections.containing(entry.line)
        if section is None:
            continue
        year = entry_year(entry, document)
        if not _contradicts(section, year) or year.year is None:
            continue
        target = _target(places, entry, section, year)
        fix = None
        related: tuple[Related, ...] = ()
        if target is not None and _movable(places, entry, target):
            fix = Fix.unsafe(
                f'Move the entry to "{target.heading.text}"',
                removal(document, entry.line, entry.end_line),
                _insertion(places, entry, target),
                structural=True,
            )
            related = (
                Related(
                    document.line_starts[target.line],
                    document.line_ends[target.line],
                    f'"{target.heading.text}" is here',
                ),
            )
        title = entry.title
        start, end = (title.start, title.end) if title else (entry.content_start, entry.content_end)
        yield Violation(
            start,
            end,
            f'Entry is from {_evidence(year)} but sits under "{section.heading.text}"',
            fix,
            related,
        )


class _Places:
    """Sibling sections and each section's first entries, found once per document.

    Asked once per misplaced entry: scanning every section and entry for each was quadratic
    on a list where most entries sit under another year.
    """

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.document = ctx.document
        self.siblings: dict[int | None, list[YearSection]] = {}
        for section in ctx.year_sections.sections:
            key = section.parent.line if section.parent is not None else None
            self.siblings.setdefault(key, []).append(section)
        self.entry_lines = [e.line for e in ctx.entries]
        self._first: dict[tuple[int, int], list[Entry]] = {}

    def siblings_of(self, section: YearSection) -> list[YearSection]:
        return self.siblings[section.parent.line if section.parent is not None else None]

    def first_entries(self, target: YearSection, entry: Entry) -> list[Entry]:
        """The first two entries of ``entry``'s block inside ``target``."""
        key = (target.line, id(entry.schema))
        found = self._first.get(key)
        if found is None:
            found = []
            entries = self.ctx.entries
            at = bisect.bisect_right(self.entry_lines, target.line)
            while at < len(entries) and entries[at].line < target.end_line and len(found) < 2:
                if entries[at].schema is entry.schema:
                    found.append(entries[at])
                at += 1
            self._first[key] = found
        return found


def _contradicts(section: YearSection, year: EntryYear) -> bool:
    if section.venue:
        # A venue section's year is the venue's: a venue line decides, and arXiv ids may be
        # earlier preprints or come in the months after the conference.
        if year.venue_year is not None:
            return not section.covers(year.venue_year)
        if year.arxiv is None or _arxiv_fits(section, year):
            return False
        aftermath = year.arxiv == section.year + 1 and (year.arxiv_month or 12) <= _AFTERMATH
        return not (year.arxiv < section.year or aftermath)
    if year.venue_year is not None and section.covers(year.venue_year):
        return False
    if year.arxiv is not None:
        return not _arxiv_fits(section, year)
    return year.venue_year is not None


contradicts = _contradicts  # the AL603 record check judges a record's year by the same rules


def _arxiv_fits(section: YearSection, year: EntryYear) -> bool:
    if year.arxiv is None:
        return False
    return section.covers(year.arxiv) or (year.early_january and section.covers(year.arxiv - 1))


def _evidence(year: EntryYear) -> str:
    if year.venue_year is not None:
        return f"{year.venue_year} (its venue line)"
    return f"{year.arxiv} (its arXiv id)"


def _target(
    places: _Places, entry: Entry, section: YearSection, year: EntryYear
) -> YearSection | None:
    wanted = year.year
    if wanted is None:
        return None
    candidates = [
        s
        for s in places.siblings_of(section)
        if s != section
        and s.covers(wanted)
        and entry.schema.contains(s.line)
        and (s.venue == "" if not section.venue else s.venue == year.venue)
    ]
    exact = [s for s in candidates if s.bound is None]
    return next(iter(exact or candidates), None)


def _movable(places: _Places, entry: Entry, target: YearSection) -> bool:
    """Whether neither the lines after the entry nor those at the target join another item."""
    document = places.document
    return not joins_previous_item(document, entry.end_line) and not joins_previous_item(
        document, _insertion_line(places, entry, target)
    )


def _insertion_line(places: _Places, entry: Entry, target: YearSection) -> int:
    inside = places.first_entries(target, entry)
    return inside[0].line if inside else target.line + 1


def _insertion(places: _Places, entry: Entry, target: YearSection) -> Edit:
    """The entry's block at the top of the target's entries, spaced as that section spaces them."""
    document = places.document
    block = block_text(document, entry.line, entry.end_line)
    inside = places.first_entries(target, entry)
    if inside:
        first = inside[0]
        spaced = _spaced(document, inside)
        return Edit.insert(
            document.line_starts[first.line], block + (document.newline if spaced else "")
        )
    line = target.line + 1
    while line < target.end_line and is_blank(document, line):
        line += 1
    at = document.line_starts[line] if line < document.line_count else len(document.text)
    prefix = "" if is_blank(document, line - 1) else document.newline
    return Edit.insert(at, prefix + block + document.newline)


def _spaced(document: Document, entries: list[Entry]) -> bool:
    """Whether the section separates its entries with blank lines."""
    if len(entries) > 1:
        return is_blank(document, entries[1].line - 1)
    return is_blank(document, entries[0].end_line)
