"""Translations of a list: which files beside it are its translations, and how their entries differ.

``README_TU.md``, ``README-zh.md``, ``README.zh-CN.md``, ``README_zh_Hans.md`` and
``README_Chinese.md`` are translations of ``README.md`` beside them (any list ``NAME.md`` and
``NAME_xx.md``): a two-letter language or country code, with a region or script if any, or a
language's English name, after ``_``, ``-`` or ``.``. Entries are matched by the canonical url
of their title link (``urls.canonical_url``: arXiv abs/pdf, http/https, ``www.`` all equal);
an entry whose title url is another link of the other file's title line (the code link of a
paper listed there by its arXiv page) is there too.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

from awesome_lint.model.entries import Entry
from awesome_lint.model.urls import canonical_url

_LANGUAGE_NAMES = (
    *("english", "chinese", "japanese", "korean", "spanish", "french", "german", "russian"),
    *("turkish", "portuguese", "vietnamese", "italian", "arabic", "persian", "hindi"),
    *("indonesian", "thai", "polish", "dutch", "ukrainian", "simplified", "traditional"),
)
_TRANSLATION = re.compile(
    r"^(?P<stem>[^/]{1,200}?)[_.-](?P<language>[A-Za-z]{2}(?:[-_](?:[A-Za-z]{2}|Hans|Hant))?|"
    + "|".join(_LANGUAGE_NAMES)
    + r")(?P<ext>\.(?:md|markdown))$",
    re.IGNORECASE,
)
_MARKDOWN = (".md", ".markdown")


def translated_stem(name: str) -> str | None:
    """The main list's name without extension that ``name`` translates (``README``), or None."""
    match = _TRANSLATION.match(name)
    return match.group("stem") if match else None


def language_of(name: str) -> str | None:
    """The language a translation's name gives (``TU``, ``zh-CN``, ``Chinese``), or None."""
    match = _TRANSLATION.match(name)
    return match.group("language") if match else None


def is_english(language: str) -> bool:
    return language.casefold().replace("_", "-").split("-")[0] in ("en", "english")


def main_of(name: str, names: Iterable[str]) -> str | None:
    """The file among ``names`` that ``name`` is a translation of (any case, any extension)."""
    stem = translated_stem(name)
    if stem is None:
        return None
    wanted = {(stem + ext).casefold() for ext in _MARKDOWN}
    return next((n for n in sorted(names) if n.casefold() in wanted and n != name), None)


def translations_of(name: str, names: Iterable[str]) -> list[str]:
    """The files among ``names`` that translate ``name``, sorted."""
    stem, dot, ext = name.rpartition(".")
    if not dot or f".{ext.lower()}" not in _MARKDOWN:
        return []
    return sorted(
        n for n in names if n != name and (translated_stem(n) or "").casefold() == stem.casefold()
    )


class Counterpart(NamedTuple):
    """An entry of one file, and where the other file stands on it."""

    entry: Entry
    # For a missing entry: the nearest entry of its own file, before it (or else after it),
    # that the other file has, with that file's entry of it: where it belongs there.
    neighbour: Entry | None = None
    neighbour_there: Entry | None = None
    after: bool = True


def _keys(entries: Sequence[Entry]) -> tuple[dict[str, Entry], dict[str, Entry]]:
    """Title urls (canonical) to the first entry with it, and the same for every title-line url."""
    titles: dict[str, Entry] = {}
    every: dict[str, Entry] = {}
    for entry in entries:
        if entry.title is None or not entry.title.url.strip():
            continue
        titles.setdefault(canonical_url(entry.title.url), entry)
        for link in entry.links:
            if link.url.strip():
                every.setdefault(canonical_url(link.url), entry)
    return titles, every


def missing(
    ours: Sequence[Entry], theirs: Sequence[Entry], linked: Collection[str] = frozenset()
) -> list[Counterpart]:
    """The entries of ``ours`` (with a title link) that ``theirs`` lacks, in order.

    Each comes with the nearest entry of ``ours`` that ``theirs`` has, before it if any, else
    after it, and that entry in ``theirs``: where the missing one goes. A url in ``linked``
    (canonical: every link of the other file) is not missing there, though no entry has it:
    an item too broken to read as an entry (``-[](url)``), a link in a section of notes.
    """
    their_titles, their_links = _keys(theirs)
    titled = [e for e in ours if e.title is not None and e.title.url.strip()]
    present: list[Entry | None] = []  # for each titled entry: their entry of it, or None
    elsewhere: list[bool] = []  # ... or, with no entry of it, whether they link it anyway
    for entry in titled:
        assert entry.title is not None
        url = canonical_url(entry.title.url)
        present.append(their_titles.get(url) or their_links.get(url))
        elsewhere.append(present[-1] is None and url in linked)
    following: list[tuple[Entry, Entry] | None] = [None] * len(titled)
    ahead: tuple[Entry, Entry] | None = None
    for index in range(len(titled) - 1, -1, -1):  # the next present entry, from the end
        following[index] = ahead
        there = present[index]
        if there is not None:
            ahead = (titled[index], there)
    found: list[Counterpart] = []
    previous: tuple[Entry, Entry] | None = None
    for index, (entry, there) in enumerate(zip(titled, present, strict=True)):
        if there is not None:
            previous = (entry, there)
        elif elsewhere[index]:
            continue
        elif previous is not None:
            found.append(Counterpart(entry, previous[0], previous[1], after=True))
        else:
            later = following[index]
            if later is None:
                found.append(Counterpart(entry))
            else:
                found.append(Counterpart(entry, later[0], later[1], after=False))
    return found
