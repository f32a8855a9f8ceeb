"""Where a new entry goes: the scope, the section, the place in the section; and duplicates.

The scope is the block whose title names a paper (``[title](paper link)``), the one with the
most entries when several do; ``--section`` names a heading instead. In the scope, the section
is the year section of the paper's venue and year (``NeurIPS 2023``), else of its year
(``2023``), else the catch-all that covers it (``2020 and before``); a list whose sections are
venues (``Nature``, ``ICML, ICLR or NeurIPS``, ``Arxiv or bioRxiv``) takes the one naming the
venue. In the section, the entries' own order decides: sorted by arXiv id (newest first or
oldest first, three neighbouring pairs or more agreeing), the entry goes where its id sorts;
otherwise first, as a list that puts its newest papers on top.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

from awesome_lint.context import Context
from awesome_lint.model.entries import Entry
from awesome_lint.model.papers import fold_title
from awesome_lint.model.schema import Schema
from awesome_lint.model.structure import Heading
from awesome_lint.model.urls import arxiv_id, canonical_url
from awesome_lint.model.years import YearSection, fold_venue
from awesome_lint.sources.record import Record

_PAPER = re.compile(r"\bpaper|\barticle|\bpublication", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+")


class PlacementError(Exception):
    """No place fits; the message is one line for the user."""


class Place(NamedTuple):
    schema: Schema
    heading: Heading | None  # the section chosen
    entries: tuple[Entry, ...]  # the section's entries, in order
    before: Entry | None  # the entry the new one goes before; None: after the last (or first)


def choose_scope(ctx: Context, section: str | None) -> tuple[Schema, Heading | None]:
    schemas = [s for s in ctx.schemas if not s.inferred and s.title_line is not None]
    if not schemas:
        raise PlacementError("the list has no format block, so no scope to add an entry to")
    if section is not None:
        wanted = _fold_heading(section)
        for heading in ctx.document.structure.headings:
            if _fold_heading(heading.text) == wanted:
                schema = next((s for s in schemas if s.contains(heading.line)), None)
                if schema is None:
                    raise PlacementError(f"heading {section!r} is under no format block")
                return schema, heading
        raise PlacementError(f"no heading {section!r} in the list")
    papers = [s for s in schemas if _PAPER.search(s.title_description)] or schemas
    counts = {s.block_line: sum(1 for e in ctx.entries if e.schema is s) for s in papers}
    return max(papers, key=lambda s: counts[s.block_line]), None


def choose_section(
    ctx: Context, schema: Schema, record: Record, venue: str | None, *, venue_written: bool
) -> Heading | None:
    """The section of the scope the paper belongs to; None: the scope itself (no sections).

    A plain year section is the venue's year when the entry writes its venue (AL202 judges it
    so), else the record's own year (an arXiv paper's is its id's).
    """
    years = [y for y in ctx.year_sections.sections if schema.contains(y.line)]
    venue_name, venue_year = _split_venue(venue)
    year = venue_year if venue_written and venue_year else record.year
    if years and year is not None:
        for rank in (0, 1):
            found = [y for y in years if _fits(y, rank, year, venue_name, venue_year)]
            if found:
                return found[0].heading
    year_lines = {y.line for y in years}
    headings = [h for h in _sub_headings(ctx, schema) if h.line not in year_lines]
    words = _words(venue_name) if venue_name else ["arxiv"]
    matching = [h for h in headings if _contains(_words(h.text), words)]
    exact = [h for h in matching if _words(h.text) == words]
    if exact or matching:
        return (exact or sorted(matching, key=lambda h: len(h.text)))[0]
    if years and year is not None:
        for rank in (2, 3):
            found = [y for y in years if _fits(y, rank, year, venue_name, venue_year)]
            if found:
                return found[0].heading
    if not years and not headings:
        return schema.heading
    raise PlacementError(
        f"no section for {venue or year or 'the paper'} in scope {_name(schema)}; "
        "name one with --section"
    )


def _split_venue(venue: str | None) -> tuple[str | None, int | None]:
    if not venue:
        return None, None
    name, _, last = venue.rpartition(" ")
    if last.isdigit() and len(last) == 4:
        return fold_venue(name) or None, int(last)
    return fold_venue(venue) or None, None


def place(ctx: Context, schema: Schema, heading: Heading | None, record: Record) -> Place:
    entries = tuple(e for e in ctx.entries if e.schema is schema)
    if heading is not None and heading != schema.heading:
        end = _section_end(ctx, heading, schema)
        entries = tuple(e for e in entries if heading.line < e.line < end)
    if not entries:
        return Place(schema, heading, (), None)
    ours = _id_key(record.arxiv)
    keys = [_id_key(arxiv_id(e.title.url)) if e.title else None for e in entries]
    known = [k for k in keys if k is not None]
    down = sum(a > b for a, b in itertools.pairwise(known))
    up = sum(a < b for a, b in itertools.pairwise(known))
    pairs = list(zip(entries, keys, strict=True))
    if ours is not None and down >= 3 and down >= 3 * up:
        at = next((e for e, k in pairs if k is not None and k < ours), None)
        return Place(schema, heading, entries, at)
    if ours is not None and up >= 3 and up >= 3 * down:
        at = next((e for e, k in pairs if k is not None and k > ours), None)
        return Place(schema, heading, entries, at)
    return Place(schema, heading, entries, entries[0])


def find_duplicate(ctx: Context, record: Record, url: str) -> Entry | None:
    """An entry of the list that is this paper: the same link (AL301 folding) or title."""
    keys = {canonical_url(url)}
    if record.arxiv:
        keys.add(f"arxiv:{record.arxiv}")
    doi = record.doi.lower() if record.doi else None
    title = fold_title(record.title)
    for entry in ctx.entries:
        for link in entry.links:
            if canonical_url(link.url) in keys or (doi and doi in link.url.lower()):
                return entry
        if entry.title is not None and title and fold_title(entry.title.text) == title:
            return entry
    return None


def _fits(
    section: YearSection, rank: int, year: int, venue: str | None, venue_year: int | None
) -> bool:
    """Best first: the venue and year, the plain year, an arXiv section, a catch-all."""
    if rank == 0:
        return (
            venue is not None
            and venue_year is not None
            and section.venue == venue
            and section.covers(venue_year)
        )
    if rank == 1:
        return section.venue == "" and section.bound is None and section.year == year
    if rank == 2:
        return venue is None and section.venue in ("arxiv", "preprint") and section.covers(year)
    return section.venue == "" and section.covers(year)


def _id_key(paper: str | None) -> tuple[int, int] | None:
    if paper is None or "/" in paper:
        return None
    yymm, _, number = paper.partition(".")
    return int(yymm), int(number)


def _section_end(ctx: Context, heading: Heading, schema: Schema) -> int:
    for h in ctx.document.structure.headings:
        if h.line > heading.line and h.level <= heading.level:
            return min(h.line, schema.scope_end_line)
    return schema.scope_end_line


def _sub_headings(ctx: Context, schema: Schema) -> list[Heading]:
    inside = [
        h
        for h in ctx.document.structure.headings
        if schema.contains(h.line) and h != schema.heading
    ]
    return inside


def _fold_heading(text: str) -> str:
    return " ".join(_WORD.findall(text.lstrip("#").lower()))


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _contains(words: Sequence[str], wanted: Sequence[str]) -> bool:
    n = len(wanted)
    return any(list(words[i : i + n]) == list(wanted) for i in range(len(words) - n + 1))


def _name(schema: Schema) -> str:
    if schema.heading is None:
        return "of the whole file"
    return f'"{"#" * schema.heading.level} {schema.heading.text}"'
