"""Entries as papers: the canonical url of each title link and its folded title, by scope.

AL301 (duplicate-entry), AL302 (duplicate-title) and AL303 (shared-link) read this model. Only
the title link counts: the same code repository cited by two papers is not a duplicate.

A scope is one format block's section (in a list with no block, one section, from a heading
to the next, or one sub-list of it); blocks of one template (the same title line and
fields) make one scope, so a paper listed under two of them is still found. When that section
is first divided by content (its sub-headings hold year sections of their own, as in
``### Models`` / ``#### 2024`` beside
``### Datasets``), each of those sub-sections is a scope of its own: a paper may be listed once
as a model and once as a dataset. Sub-sections by venue or year (``### NeurIPS 2023``,
``### Nature``, ``### Others``) do not split the scope: a paper has one venue.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from awesome_lint.model.document import Document
from awesome_lint.model.entries import Entry
from awesome_lint.model.links import Link
from awesome_lint.model.schema import Schema
from awesome_lint.model.structure import Heading
from awesome_lint.model.urls import canonical_url, link_kind
from awesome_lint.model.years import YearSections

_NOT_WORD = re.compile(r"[\W_]+")


TITLE_WORDS = 4  # in a list with no block, a link text of fewer words is a name, not a title


def is_name(paper: Paper) -> bool:
    """A project's name rather than a title: two projects may share one (``config``)."""
    return paper.entry.schema.inferred and len(paper.link.text.split()) < TITLE_WORDS


class Paper(NamedTuple):
    entry: Entry
    url: str  # canonical url of the title link
    title: str  # folded title text
    scope: tuple[int, int]  # (template's first block line, content sub-section line or -1)
    kind: str = "paper"  # what the title link points at: "paper" or "code" (urls.link_kind)

    @property
    def link(self) -> Link:
        """The entry's title link: only entries with one are papers."""
        assert self.entry.title is not None
        return self.entry.title


class Repeat(NamedTuple):
    """A paper entry and the earlier entries of its scope that it repeats (by url or title)."""

    paper: Paper
    earlier: tuple[Paper, ...]


def find_papers(
    document: Document, entries: tuple[Entry, ...], years: YearSections
) -> tuple[Paper, ...]:
    """Every entry with a title link, as a paper."""
    categories: dict[int, list[Heading]] = {}
    scopes: dict[tuple[int, int], tuple[int, int]] = {}  # one tuple per scope, shared
    templates: dict[tuple[str, ...], int] = {}  # signature: the first block of that template
    found = []
    for entry in entries:
        if entry.title is None or not entry.title.url.strip():
            continue
        schema = entry.schema
        if schema.block_line not in categories:
            categories[schema.block_line] = _content_sections(document, schema, years)
        tops = categories[schema.block_line]
        at = bisect.bisect_left(tops, entry.line, key=lambda h: h.line)
        category = tops[at - 1].line if at else -1
        if schema.inferred and entry.parent_line >= 0:
            # A sub-list is a category of its own ("* HTTP Client" / "* HTTP Server").
            category = entry.parent_line
        # Blocks of one template share a scope; a list with no block keeps each section its own
        # (the same project under two headings is cross-listed on purpose).
        template = (
            schema.block_line
            if schema.inferred
            else templates.setdefault(schema.signature, schema.block_line)
        )
        scope = scopes.setdefault((template, category), (template, category))
        url = entry.title.url
        found.append(
            Paper(entry, canonical_url(url), fold_title(entry.title.text), scope, link_kind(url))
        )
    return tuple(found)


def _content_sections(document: Document, schema: Schema, years: YearSections) -> list[Heading]:
    """The scope's top sub-headings, if they divide it by content (see the module docstring)."""
    headings = document.structure.headings
    # Headings are in line order: the scope's are one slice, found by bisection.
    first = bisect.bisect_left(headings, schema.scope_line, key=lambda h: h.line)
    last = bisect.bisect_left(headings, schema.scope_end_line, key=lambda h: h.line)
    inside = [h for h in headings[first:last] if h != schema.heading]
    if not inside:
        return []
    top = min(h.level for h in inside)
    tops = [h for h in inside if h.level == top]
    top_lines = {h.line for h in tops}
    if any(s.parent is not None and s.parent.line in top_lines for s in years.sections):
        return tops
    return []


def fold_title(title: str) -> str:
    return _NOT_WORD.sub("", title.casefold())


def same_title(a: str, b: str) -> bool:
    """Folded titles that differ only in small ways (a word, a typo) name the same paper."""
    if a == b:
        return True
    if not a or not b:
        return False
    from difflib import SequenceMatcher  # only for titles that differ: most runs never get here

    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.85


# Earlier titles a repeated url is compared with: a url repeated 20,000 times under as many
# titles would otherwise cost 20,000² fuzzy comparisons and as many Repeat tuples.
EARLIER_TITLES = 8


class _Seen:
    """The earlier papers of one key: the first of each folded title, the first few kept."""

    __slots__ = ("by_title", "firsts")

    def __init__(self, paper: Paper) -> None:
        self.by_title = {paper.title: paper}
        self.firsts = [paper]

    def add(self, paper: Paper) -> None:
        if paper.title not in self.by_title:
            self.by_title[paper.title] = paper
            if len(self.firsts) < EARLIER_TITLES:
                self.firsts.append(paper)

    def earlier(self, paper: Paper) -> tuple[Paper, ...]:
        same = self.by_title.get(paper.title)
        if same is None or any(p is same for p in self.firsts):
            return tuple(self.firsts)
        return (*self.firsts, same)


def repeated_urls(papers: tuple[Paper, ...], *, whole_block: bool = False) -> list[Repeat]:
    """Each entry whose title link earlier entries of its scope (or whole block) already used.

    ``earlier`` holds, in document order, the first earlier entry of each title (the first
    ``EARLIER_TITLES`` titles), and the first of the entry's own title when it is not among them.
    """
    seen: dict[tuple[tuple[int, int], str], _Seen] = {}
    repeats = []
    for paper in papers:
        key = ((paper.scope[0], -1) if whole_block else paper.scope, paper.url)
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = _Seen(paper)
            continue
        repeats.append(Repeat(paper, earlier.earlier(paper)))
        earlier.add(paper)
    return repeats


def repeated_titles(papers: tuple[Paper, ...]) -> list[Repeat]:
    """Each entry whose folded title an earlier entry of its scope has, under another link.

    ``earlier`` is the first entry of that title alone: 20,000 entries of one title are 20,000
    repeats of one entry, not every pair (that held 1.6 GB).
    """
    seen: dict[tuple[tuple[int, int], str, str], tuple[Paper, set[str]]] = {}
    repeats = []
    for paper in papers:
        if not paper.title:
            continue
        key = (paper.scope, paper.kind, paper.title)
        found = seen.get(key)
        if found is None:
            seen[key] = (paper, {paper.url})
            continue
        first, urls = found
        if paper.url not in urls:
            repeats.append(Repeat(paper, (first,)))
        urls.add(paper.url)
    return repeats
