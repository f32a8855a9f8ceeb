"""How one scope's entries are written, learnt from the entries themselves, for the writer.

The habits of ``model.habits`` say which fields entries write and in which order; this adds
what a writer needs to copy, each the form most entries use: the entry's bullet and the gap
after it, the fields' indent and bullet, each field's label as written (``Key: ``,
``**Keywords**: ``, nothing), how authors are joined (``, `` or `` and ``) and cut
(``, et al.`` after three names), the text of a code link (``[official](…)``), the form of
an arXiv link (abs or pdf), and whether a blank line stands between entries.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from awesome_lint.model.document import Document
from awesome_lint.model.entries import Entry
from awesome_lint.model.urls import arxiv_id
from awesome_lint.sources.venues import short_venue

# ", et al." or " *et al.*" at the end (bounded: linear under search).
_ET_AL = re.compile(r"(,?[ \t]{0,8}[*_]{0,2}et\.?[ \t]{0,8}al\.?[*_]{0,2})\s*$", re.IGNORECASE)
# A title line's "(NeurIPS 2023)" or "(arXiv)" after the link.
_PARENTHESISED = re.compile(r"\(([^()]{1,60})\)")
_PREPRINT = re.compile(r"(?:arxiv|preprint|arxiv preprint|corr)", re.IGNORECASE)
_DATED = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_LINK_VALUE = re.compile(r"^\[([^\[\]]+)\]\([^()\s]+\)$")
_ARXIV_FORM = re.compile(r"arxiv\.org/(abs|pdf)/[^/?#\s]+?(\.pdf)?$", re.IGNORECASE)


class Style(NamedTuple):
    bullet: str  # the entry's bullet and what follows it: "- ", "-  ", "* "
    field_indent: str  # "  ", "\t", "    "
    field_bullet: str  # "- "
    prefixes: dict[str, str]  # field key -> its label as written ("Key: "), "" when unlabelled
    author_separator: str  # ", " or " and "
    last_separator: str  # before the last name: ", " or ", and " or " and "
    et_al: tuple[int, str] | None  # (names kept, the words as written) when the list cuts
    # Lists cut author lists longer than this (None: never); where most entries are cut, that
    # is the names kept; where only long lists are cut, the longest list written whole.
    cut_beyond: int | None
    authors_end: str  # "." when most author lines end with one, else ""
    code_text: str | None  # the text of a code link ("official"); None: a bare url
    arxiv_form: str  # "abs", "pdf" or "pdf.pdf"
    blank_between: bool  # a blank line stands between two entries
    # The list writes the venue in parentheses after the title ("(ICLR 2024)"), and this word
    # for a preprint ("arXiv"; None when it writes none).
    venue_after_title: bool = False
    preprint_word: str | None = None


def learn(document: Document, entries: Sequence[Entry]) -> Style:
    bullets: Counter[str] = Counter()
    indents: Counter[str] = Counter()
    field_bullets: Counter[str] = Counter()
    prefixes: dict[str, Counter[str]] = {}
    joins: Counter[tuple[str, str]] = Counter()
    cuts: Counter[tuple[int, str]] = Counter()
    uncut = 0
    longest_uncut = 0
    ends: Counter[bool] = Counter()
    code_texts: Counter[str | None] = Counter()
    forms: Counter[str] = Counter()
    titled = venues_after = 0
    preprints: Counter[str] = Counter()
    text = document.text
    for entry in entries:
        if entry.title is not None:
            titled += 1
            after = _PARENTHESISED.fullmatch(text[entry.title.end : entry.content_end].strip())
            if after is not None:
                inner = after.group(1).strip()
                if _PREPRINT.fullmatch(inner):
                    preprints[inner] += 1
                    venues_after += 1
                elif _DATED.search(inner) or short_venue(inner) is not None:
                    venues_after += 1
        bullets[text[entry.start + len(entry.indent) : entry.content_start]] += 1
        if entry.title is not None and arxiv_id(entry.title.url):
            form = _ARXIV_FORM.search(entry.title.url.split("?")[0].rstrip("/"))
            if form is not None:
                forms["pdf.pdf" if form.group(2) else form.group(1).lower()] += 1
        for field in entry.fields:
            if field.spec is None or field.nested:
                continue
            indents[field.indent] += 1
            field_bullets[text[field.bullet_offset : field.content_start]] += 1
            key = field.spec.key
            prefix = text[field.content_start : field.value_start] if field.label else ""
            prefixes.setdefault(key, Counter())[prefix] += 1
            value = field.value(document).strip()
            if field.spec.kind == "authors":
                cut = _ET_AL.search(value)
                names = value[: cut.start()] if cut else value
                joins[_join(names)] += 1
                if cut:
                    cuts[(len(_split(names)), cut.group(1))] += 1
                else:
                    uncut += 1
                    longest_uncut = max(longest_uncut, len(_split(names)))
                ends[value.endswith(".") and not cut] += 1
            elif field.spec.kind == "code":
                link = _LINK_VALUE.match(value)
                code_texts[link.group(1) if link else None] += 1
    separator, last = joins.most_common(1)[0][0] if joins else (", ", ", ")
    et_al = cuts.most_common(1)[0][0] if cuts else None
    cut_beyond = None
    if et_al is not None:
        cut_beyond = et_al[0] if sum(cuts.values()) >= uncut else max(longest_uncut, et_al[0])
    return Style(
        bullet=_most(bullets, "- "),
        field_indent=_most(indents, "  "),
        field_bullet=_most(field_bullets, "- "),
        prefixes={key: counts.most_common(1)[0][0] for key, counts in prefixes.items()},
        author_separator=separator,
        last_separator=last,
        et_al=et_al,
        cut_beyond=cut_beyond,
        authors_end="." if ends[True] > ends[False] else "",
        code_text=code_texts.most_common(1)[0][0] if code_texts else "official",
        arxiv_form=_most(forms, "abs"),
        blank_between=bool(blank_between(entries)),
        venue_after_title=titled > 0 and 2 * venues_after >= titled,
        preprint_word=_most(preprints, "") or None,
    )


def blank_between(entries: Sequence[Entry]) -> bool | None:
    """Whether a blank line stands between two entries of one section; None: no two entries."""
    blanks: Counter[bool] = Counter()
    for a, b in itertools.pairwise(entries):
        if a.section == b.section and b.line >= a.end_line:
            blanks[b.line > a.end_line] += 1
    if not blanks:
        return None
    return blanks[True] > blanks[False]


def _most(counts: Counter[str], default: str) -> str:
    return counts.most_common(1)[0][0] if counts else default


# Each alternative starts only where a run of spaces starts (the look-behinds), so under split,
# which searches, a long run is scanned once rather than once per space.
_SEPARATOR = re.compile(r"(?<!\s)\s*(?:,\s*(?:and\s+)?|&\s*)|(?<!\s)\s+and\s+")
_AND = re.compile(r"(?<!\s)\s+and\s+\S")
_AMPERSAND = re.compile(r"(?<!\s)\s+&\s+\S")


def _split(names: str) -> list[str]:
    return [n for n in _SEPARATOR.split(names) if n.strip()]


def _join(names: str) -> tuple[str, str]:
    """(separator, separator before the last name) of an author line."""
    if "," not in names:
        return (" and ", " and ") if " and " in names else (", ", ", ")
    last = names.rsplit(",", 1)[1]  # what follows the last comma
    if _AND.match(last):
        return ", ", ", and "
    if _AND.search(last):
        return ", ", " and "
    if _AMPERSAND.search(last):
        return ", ", " & "
    return ", ", ", "
