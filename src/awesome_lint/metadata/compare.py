"""An entry against its record: titles folded, authors read, venues as sections read them."""

from __future__ import annotations

import re
import unicodedata

from awesome_lint.model.document import Document
from awesome_lint.model.entries import Entry
from awesome_lint.model.years import EntryYear, arxiv_date, fold_venue
from awesome_lint.sources.record import Record

_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\*?\s*")
_NOT_WORD = re.compile(r"[\W_]+")
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_ET_AL = re.compile(
    r"(?:,?[ \t]{0,8}[*_]{0,2}(?:et\.?[ \t]{0,8}al\.?|etc\.?|\.\.\.|…)[*_]{0,2})\s*$",
    re.IGNORECASE,
)  # ", et al." or " *et al.*" (bounded: linear under search)
# Each alternative starts only where a run of spaces starts (the look-behind), so a long run
# is scanned once, not once per space (quadratic under split, which searches).
_NAMES = re.compile(r"(?<!\s)\s*[,;&]\s*(?:and\s+)?|(?<!\s)\s+and\s+")
# A venue in emphasis after the names (". *NeurIPS 2023*"); the prefix is bounded for the same
# reason.
_TRAILING_VENUE = re.compile(r"[\s.*_]{0,8}[*_][^*_]*[*_]\Z")


def fold_title(title: str) -> str:
    """Case, punctuation, spacing, accents and LaTeX (``$\\alpha$``, ``{B}ERT``) folded away."""
    text = _LATEX_COMMAND.sub("", title).replace("$", "")
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NOT_WORD.sub("", text)


def fold_name(name: str) -> str:
    return fold_title(name)


def entry_authors(entry: Entry, document: Document) -> tuple[list[str], bool] | None:
    """The names of the entry's authors field and whether it cuts them (``et al.``)."""
    field = entry.field("authors")
    if field is None:
        return None
    value = _LINK.sub(r"\1", field.value(document)).strip().strip("*_").strip()
    value = _TRAILING_VENUE.sub("", value)
    cut = _ET_AL.search(value)
    if cut:
        value = value[: cut.start()]
    names = [n.strip(" .") for n in _NAMES.split(value) if n.strip(" .")]
    return names, bool(cut)


def family(name: str) -> str:
    """A name's last word, folded (``Christopher D. Manning`` → ``manning``)."""
    words = [w for w in re.split(r"[\s.]+", name) if w]
    return fold_name(words[-1]) if words else ""


def record_year(entry: Entry, record: Record) -> EntryYear | None:
    """What the record says of the entry's year: its venue's year, the id's year."""
    if not record.venue:
        return None
    name, _, last = record.venue.rpartition(" ")
    if not (last.isdigit() and len(last) == 4 and name):
        return None
    arxiv = month = None
    early = False
    if entry.title is not None:
        found = arxiv_date(entry.title.url)
        if found is not None:
            arxiv, month, early = found
    return EntryYear(arxiv, month, early, fold_venue(name), int(last))
