"""Year sections and the years of entries: the model behind the AL2xx ordering rules.

A year section is a heading whose text (links, emphasis, emoji and ``:shortcodes:`` aside) is a
year (``2023``), a venue and a year (``NeurIPS 2025``, ``ICLR'24``) or a catch-all
(``2020 and before``, ``Before 2021``, ``Pre-2017``, ``2024 & Earlier``, ``2023 and later``).
Its parent is the nearest heading above it of a lower level; its block runs from the heading to
the next heading of the same or a higher level. Sibling year sections share a parent, unless an
HTML heading (``<h2>``, or ``### <h3 id=..>Topic</h3>``) stands between them: that one divides
the runs, as it does for the reader.

An entry's years come from the arXiv id of its title link (``2305.20081`` → 2023), from a
venue line among its unlabelled fields (``NeurIPS 2023``, ``*NIPS 2017*`` after the authors),
or from a venue noted on the title line (``[title](url) (ICML 2024)``, ``**[ICML 2024]**``).
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from awesome_lint.model.document import Document
from awesome_lint.model.entries import Entry
from awesome_lint.model.structure import Heading
from awesome_lint.model.urls import arxiv_id

_YEAR = r"((?:19|20)\d\d)"
# Bounded classes that stop at the next opener keep these linear on any input.
_LINK = re.compile(r"!?\[([^\[\]]{0,500})\]\([^()\s]{0,2000}\)")
_TAG = re.compile(r"<[^<>]{0,200}>")
_SHORTCODE = re.compile(r":[a-z0-9_+-]{1,40}:")
_PLAIN = re.compile(rf"^(?:year\s+)?{_YEAR}$", re.IGNORECASE)
_AND_BEFORE = re.compile(
    rf"^{_YEAR}\s*(?:and|&|or)\s*(?:before|earlier|prior|older)$", re.IGNORECASE
)
_BEFORE = re.compile(rf"^(?:before|pre|prior\s+to|earlier\s+than|<)\s*-?\s*{_YEAR}$", re.IGNORECASE)
_UNTIL = re.compile(rf"^(?:until|up\s+to|through|<=|≤)\s*{_YEAR}$", re.IGNORECASE)
_AND_AFTER = re.compile(
    rf"^{_YEAR}\s*(?:and|&|or)\s*(?:after|later|newer|beyond)$|^{_YEAR}\s*\+$", re.IGNORECASE
)
_SINCE = re.compile(rf"^(?:since|from|>=|≥)\s*{_YEAR}$", re.IGNORECASE)
_AFTER = re.compile(rf"^(?:after|>)\s*{_YEAR}$", re.IGNORECASE)
_VENUE = re.compile(
    r"^(?P<venue>[A-Za-z][A-Za-z0-9&.+/-]*(?:\s+[A-Za-z][A-Za-z0-9&.+/-]*){0,3})"
    r"\s*(?:(?P<year>(?:19|20)\d\d)|['’](?P<short>\d\d))$"
)
# A venue and year in an entry's field: a whole line ("NeurIPS 2023 (Oral)") or an emphasised
# note after the authors ("... Tengyu Ma. *ICLR 2019*").
_FIELD_VENUE = re.compile(
    r"^(?P<venue>[A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){0,3})?\s*"
    r"(?:'?(?P<year>(?:19|20)\d\d)\b|(?<=[A-Za-z])['’](?P<short>\d\d)\b)"  # ICLR 2023, ICLR'23
)
# The venue that ends a paper's continuation line: "*A. Author, B. Author.* ACL'24".
_TAIL = re.compile(r"(?:[*_,.]|\A)\s*([A-Za-z][A-Za-z -]{0,30}['’ ]\d{2,4}(?:\s+[A-Za-z]+)?)\W*\Z")
_NOTE = re.compile(r"\(([^()]{2,60})\)|\[([^\[\]]{2,60})\](?!\()")
_EMPHASIS = re.compile(r"(\*{1,2}|_{1,2})([^*_]{2,60}?)\1")
_NOT_VENUES = {"before", "pre", "after", "since", "until", "from", "year", "and", "or"}
_EARLY_JANUARY = re.compile(r"^\d\d01\.0\d{3,4}$")


class YearSection(NamedTuple):
    heading: Heading
    parent: Heading | None  # the nearest heading above of a lower level
    venue: str  # folded venue name ("neurips"), "" for a plain year or a catch-all
    year: int
    bound: str | None  # None: exactly `year`; "before": `year` and earlier; "after": and later
    end_line: int  # exclusive: the next heading of the same or a higher level

    @property
    def line(self) -> int:
        return self.heading.line

    @property
    def sort_key(self) -> float:
        """Position on the year axis: ``2020 and before`` sits just below 2020."""
        if self.bound == "before":
            return self.year - 0.5
        if self.bound == "after":
            return self.year + 0.5
        return float(self.year)

    def covers(self, year: int) -> bool:
        if self.bound == "before":
            return year <= self.year
        if self.bound == "after":
            return year >= self.year
        return year == self.year

    def contains(self, line: int) -> bool:
        return self.heading.line < line < self.end_line


class YearSections(NamedTuple):
    sections: tuple[YearSection, ...]

    def containing(self, line: int) -> YearSection | None:
        """The innermost year section whose block holds ``line``."""
        # Sections are in document order: walk back from the last one starting before the line.
        sections = self.sections
        at = bisect.bisect_left(sections, line, key=lambda s: s.heading.line)
        for index in range(at - 1, -1, -1):  # no slice: this runs once per entry
            if sections[index].contains(line):
                return sections[index]
        return None

    def sibling_groups(self) -> list[list[YearSection]]:
        """Year sections grouped by parent heading, each group in document order."""
        groups: dict[int | None, list[YearSection]] = {}
        for section in self.sections:
            key = section.parent.line if section.parent is not None else None
            groups.setdefault(key, []).append(section)
        return list(groups.values())

    def observed_order(self) -> tuple[int, int]:
        """(newer-first, older-first) neighbouring pairs of sibling year sections (plain years)."""
        newer = older = 0
        for group in self.sibling_groups():
            years = [s.sort_key for s in group]
            for a, b in itertools.pairwise(years):
                newer += a > b
                older += a < b
        return newer, older

    def ascending_habit(self) -> bool:
        """The list runs its year sections oldest first, consistently (3 pairs or more)."""
        newer, older = self.observed_order()
        return older >= 3 and older >= 3 * newer

    def siblings(self, section: YearSection) -> list[YearSection]:
        return [s for s in self.sections if s.parent == section.parent]


class EntryYear(NamedTuple):
    """What an entry says about its own year."""

    arxiv: int | None  # year of the title link's arXiv id (or of an "*Arxiv 2023*" note)
    arxiv_month: int | None  # month of the arXiv id, when the id gives one
    early_january: bool  # a yy01.0xxxx id: the paper may belong to the previous year
    venue: str | None  # folded venue of the venue line, "" for a bare year
    venue_year: int | None

    @property
    def year(self) -> int | None:
        """The year the entry belongs to: its venue's, else its arXiv id's."""
        return self.venue_year if self.venue_year is not None else self.arxiv


def parse_year_heading(text: str) -> tuple[str, int, str | None] | None:
    """(folded venue, year, bound) of a year-section heading text, or None."""
    text = _clean(text)
    for pattern, bound, shift in (
        (_PLAIN, None, 0),
        (_AND_BEFORE, "before", 0),
        (_BEFORE, "before", -1),
        (_UNTIL, "before", 0),
        (_AND_AFTER, "after", 0),
        (_SINCE, "after", 0),
        (_AFTER, "after", 1),
    ):
        match = pattern.match(text)
        if match is not None:
            year = next(g for g in match.groups() if g is not None)
            return "", int(year) + shift, bound
    match = _VENUE.match(text)
    if match is None:
        return None
    venue = fold_venue(match.group("venue"))
    if not venue or venue in _NOT_VENUES or match.group("venue").lower().split()[0] in _NOT_VENUES:
        return None
    year = match.group("year")
    return venue, int(year) if year else 2000 + int(match.group("short")), None


def fold_venue(venue: str) -> str:
    folded = re.sub(r"[^a-z0-9]", "", venue.lower())
    return "neurips" if folded == "nips" else folded


def _clean(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = _SHORTCODE.sub(" ", text)
    text = "".join(" " if unicodedata.category(c) in ("So", "Sk", "Cf", "Cn") else c for c in text)
    text = text.replace("*", "").replace("`", "").replace("__", "")
    return " ".join(text.split()).strip(" .:;,-–—|")


def find_year_sections(document: Document) -> YearSections:
    headings = document.structure.headings
    # One pass with a stack of open headings (levels strictly rising): a heading closes those
    # of its level or deeper, and the one left on top is its parent.
    parents: list[Heading | None] = []
    end_lines = [document.line_count] * len(headings)
    open_headings: list[int] = []
    for index, heading in enumerate(headings):
        while open_headings and headings[open_headings[-1]].level >= heading.level:
            end_lines[open_headings.pop()] = heading.line
        parents.append(headings[open_headings[-1]] if open_headings else None)
        open_headings.append(index)
    parsed_all = [parse_year_heading(heading.text) for heading in headings]
    dividers = _dividers(document, headings, parsed_all)
    sections = []
    for index, heading in enumerate(headings):
        parsed = parsed_all[index]
        if parsed is None:
            continue
        venue, year, bound = parsed
        parent = _divided(parents[index], heading, dividers)
        sections.append(YearSection(heading, parent, venue, year, bound, end_lines[index]))
    return YearSections(tuple(sections))


_HTML_HEADING = re.compile(r"\A[ \t]*<h([1-6])\b[^>]*>(.*)", re.IGNORECASE)  # match and search


def _dividers(
    document: Document,
    headings: Sequence[Heading],
    parsed: Sequence[tuple[str, int, str | None] | None],
) -> dict[int, tuple[list[int], list[Heading]]]:
    """Headings that divide year runs, by the level of the runs they divide.

    A sibling heading written as an HTML heading (``### <h3 id="mllm">Multimodal</h3>`` between
    two runs of ``### 2025 ... ### 2022``) and an HTML heading line (``<h2>Technique</h2>``,
    which Markdown does not nest) start a new run: the years after it are not the earlier
    years' siblings. A plain sibling heading (``### Simulators``) does not: a list may file a
    topic between its years.
    Level 0 holds the HTML headings, which divide runs of every level.
    """
    found: dict[int, tuple[list[int], list[Heading]]] = {}
    for heading, year in zip(headings, parsed, strict=True):
        if year is None and _HTML_HEADING.search(heading.text):
            lines, members = found.setdefault(heading.level, ([], []))
            lines.append(heading.line)
            members.append(heading)
    structure = document.structure
    if structure.html_lines:
        lines, members = found.setdefault(0, ([], []))
        for n in sorted(structure.html_lines):
            match = _HTML_HEADING.match(document.line(n))
            if match is not None:
                lines.append(n)
                members.append(Heading(int(match.group(1)), n, match.group(2)))
    return found


def _divided(
    parent: Heading | None,
    heading: Heading,
    dividers: dict[int, tuple[list[int], list[Heading]]],
) -> Heading | None:
    """The parent of a year section, or the divider after it that starts the section's run."""
    best: Heading | None = None
    floor = parent.line if parent is not None else -1
    for level in (heading.level, 0):
        lines, members = dividers.get(level, ([], []))
        at = bisect.bisect_left(lines, heading.line) - 1
        if at >= 0 and lines[at] > floor and (best is None or lines[at] > best.line):
            best = members[at]
    if best is None:
        return parent
    level = parent.level if parent is not None else max(heading.level - 1, 0)
    return Heading(level, best.line, best.text)


def arxiv_date(url: str) -> tuple[int, int, bool] | None:
    """(year, month, posted in the first days of January) of an arXiv url, or None."""
    paper = arxiv_id(url)
    if paper is None:
        return None
    digits = paper.rsplit("/", 1)[-1]
    yy = int(digits[:2])
    year = 2000 + yy if yy < 91 else 1900 + yy
    return year, int(digits[2:4]), bool(_EARLY_JANUARY.match(paper))


def entry_year(entry: Entry, document: Document) -> EntryYear:
    arxiv: int | None = None
    month: int | None = None
    early = False
    if entry.title is not None:
        found = arxiv_date(entry.title.url)
        if found is not None:
            arxiv, month, early = found
    venue, venue_year = None, None
    for field in entry.fields:
        if field.label is not None and (field.spec is None or field.spec.kind != "publisher"):
            continue
        found_venue = venue_of(field.value(document))
        if found_venue is None:
            continue
        name, year, workshop = found_venue
        # "*Arxiv 2023*" dates a preprint, and a workshop precedes the paper's real venue.
        if name == "arxiv" or workshop:
            arxiv = year if arxiv is None else arxiv
            continue
        venue, venue_year = name, year
        break
    if venue is None and entry.title is not None:
        # A venue noted on the title line: "[title](url) (ICML 2024)", "**[ICML 2024]** [title]".
        line = document.text[entry.content_start : entry.content_end]
        title_at = entry.title.start - entry.content_start
        for note in _NOTE.finditer(line):
            if title_at <= note.start() < title_at + (entry.title.end - entry.title.start):
                continue
            found_venue = venue_of(note.group(1) or note.group(2) or "")
            if (
                found_venue is not None
                and found_venue[0] not in ("", "arxiv")
                and not found_venue[2]
            ):
                venue, venue_year = found_venue[0], found_venue[1]
                break
    if venue is None and entry.schema.inferred:
        # A list with no block notes the venue where it likes: at the end of a line below.
        for n in range(entry.line + 1, entry.end_line):
            tail = _TAIL.search(document.line(n))
            found_venue = venue_of(tail.group(1)) if tail else None
            if found_venue is not None and found_venue[0] and not found_venue[2]:
                if found_venue[0] == "arxiv" or found_venue[0] == "preprint":
                    arxiv = found_venue[1] if arxiv is None else arxiv
                    break
                venue, venue_year = found_venue[0], found_venue[1]
                break
    return EntryYear(arxiv, month, early, venue, venue_year)


def venue_of(value: str) -> tuple[str, int, bool] | None:
    """(folded venue, year, is a workshop) of a venue line, or of an emphasised venue note."""
    candidates = [_LINK.sub(r"\1", value).strip().strip("*_ ")]
    candidates += [m.group(2).strip() for m in _EMPHASIS.finditer(value)]
    for text in candidates:
        match = _FIELD_VENUE.match(text)
        if match is not None:
            venue = fold_venue(match.group("venue") or "")
            year = match.group("year")
            found = int(year) if year else 2000 + int(match.group("short"))
            return venue, found, "workshop" in text.lower()
    return None
