"""A paper's record as a source gives it: only what the source says, nothing invented."""

from __future__ import annotations

from typing import NamedTuple


class SourceError(Exception):
    """A record that cannot be had; the message is one line for the user."""


class Record(NamedTuple):
    title: str
    authors: tuple[str, ...]  # names as "Given Family", affiliations left out
    year: int | None
    venue: str | None = None  # "NeurIPS 2023" or a journal's name; None for a preprint
    arxiv: str | None = None  # the arXiv id, without its version
    doi: str | None = None
    url: str | None = None  # the record's own link when it has no arXiv id
    subjects: tuple[str, ...] = ()  # the record's subject terms (arXiv categories, keywords)
    code: str | None = None  # a code repository the record names (an arXiv comment's url)
    truncated: bool = False  # the source lists only the first authors ("and others")
