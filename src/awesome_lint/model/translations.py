"""Translations of a list: which files beside it are its translations, and how their entries differ.

``README_TU.md``, ``README-zh.md``, ``README.zh-CN.md``, ``README_zh_Hans.md`` and
``README_Chinese.md`` are translations of ``README.md`` beside them (any list ``NAME.md`` and
``NAME_xx.md``): a two-letter language or country code, with a region or script if any, or a
language's English name, after ``_``, ``-`` or ``.``. Entries are matched by the canonical url
of their title link (``urls.canonical_url``: arXiv abs/pdf, http/https, ``www.`` all equal);
an entry whose title url is another link of the other file's title line (the code link of a
paper listed there by its arXiv page) is there too. The entries left are matched by url with
the locale folded, then by name (``matches``, ``model.locales``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import NamedTuple

from awesome_lint.model.entries import GENERIC_LINK, Entry
from awesome_lint.model.locales import locale_key, name_key
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


def _keys(
    entries: Sequence[Entry], key: Callable[[str], str] = canonical_url
) -> tuple[dict[str, Entry], dict[str, Entry]]:
    """Title urls (as ``key``) to the first entry with it, and the same for every title-line url."""
    titles: dict[str, Entry] = {}
    every: dict[str, Entry] = {}
    for entry in entries:
        if entry.title is None or not entry.title.url.strip():
            continue
        titles.setdefault(key(entry.title.url), entry)
        for link in entry.links:
            if link.url.strip():
                every.setdefault(key(link.url), entry)
    return titles, every


class Match(NamedTuple):
    """The other file's entry of an entry, and how it was found: "url", "locale" or "name"."""

    there: Entry
    how: str


def _titled(entries: Sequence[Entry]) -> list[Entry]:
    return [e for e in entries if e.title is not None and e.title.url.strip()]


def matches(ours: Sequence[Entry], theirs: Sequence[Entry]) -> dict[int, Match]:
    """For each entry of ``ours`` (by line) that ``theirs`` has: its entry there, and how.

    First by canonical url (of the title, against every url of a title line there), then the
    entries left on both sides by url with the locale folded (``locales.locale_key``:
    ``zh.snipaste.com`` is ``snipaste.com``), then by name (``locales.name_key`` of the title's
    text): the one entry of that name in the section there that holds most of the section's
    entries matched so far, or else the one entry of that name in each file.
    """
    mine, yours = _titled(ours), _titled(theirs)
    found: dict[int, Match] = {}
    their_titles, their_links = _keys(yours)
    our_titles, our_links = _keys(ours)
    for entry in mine:
        assert entry.title is not None
        url = canonical_url(entry.title.url)
        there = their_titles.get(url) or their_links.get(url)
        if there is not None:
            found[entry.line] = Match(there, "url")
    # Left on either side: not matched by url one way or the other.
    taken = {m.there.line for m in found.values()}
    taken.update(e.line for e in yours if _title_url(e) in our_titles or _title_url(e) in our_links)
    left = [e for e in mine if e.line not in found and not _linked_from(e, their_titles)]
    free = [e for e in yours if e.line not in taken]
    free_titles, free_links = _keys(free, locale_key)
    for entry in left:
        assert entry.title is not None
        url = locale_key(entry.title.url)
        there = free_titles.get(url) or free_links.get(url)
        if there is not None and there.line not in taken:
            found[entry.line] = Match(there, "locale")
            taken.add(there.line)
    _by_name(mine, yours, [e for e in left if e.line not in found], taken, found)
    return found


def _title_url(entry: Entry) -> str:
    assert entry.title is not None
    return canonical_url(entry.title.url)


def _linked_from(entry: Entry, their_titles: dict[str, Entry]) -> bool:
    """Whether another link of the entry's title line is the title url of an entry there."""
    return any(canonical_url(link.url) in their_titles for link in entry.links)


def _section(entry: Entry) -> int:
    return entry.section.line if entry.section is not None else -1


def _by_name(
    mine: list[Entry],
    yours: list[Entry],
    left: list[Entry],
    taken: set[int],
    found: dict[int, Match],
) -> None:
    """Match the entries ``left`` by name to the entries of ``yours`` not ``taken``."""
    if not left:
        return
    votes: dict[int, Counter[int]] = {}  # our section -> their sections of its matched entries
    for entry in mine:
        match = found.get(entry.line)
        if match is not None:
            votes.setdefault(_section(entry), Counter())[_section(match.there)] += 1
    counterpart = {ours: count.most_common(1)[0][0] for ours, count in votes.items()}
    our_names = Counter(_name(e) for e in mine)
    their_names = Counter(_name(e) for e in yours)
    named: dict[str, list[Entry]] = {}
    for entry in yours:
        if entry.line not in taken:
            named.setdefault(_name(entry), []).append(entry)
    for entry in left:
        name = _name(entry)
        if len(name) < 2 or name in GENERIC_LINK:
            continue
        candidates = [e for e in named.get(name, []) if e.line not in taken]
        section = counterpart.get(_section(entry))
        here = [e for e in candidates if section is not None and _section(e) == section]
        if len(here) == 1:
            there = here[0]
        elif len(candidates) == 1 and our_names[name] == 1 and their_names[name] == 1:
            there = candidates[0]
        else:
            continue
        found[entry.line] = Match(there, "name")
        taken.add(there.line)


def _name(entry: Entry) -> str:
    assert entry.title is not None
    return name_key(entry.title.text)


def missing(
    ours: Sequence[Entry], theirs: Sequence[Entry], linked: Collection[str] = frozenset()
) -> list[Counterpart]:
    """The entries of ``ours`` (with a title link) that ``theirs`` lacks, in order.

    Each comes with the nearest entry of ``ours`` that ``theirs`` has, before it if any, else
    after it, and that entry in ``theirs``: where the missing one goes. An entry ``theirs``
    has is one ``matches`` finds. A url in ``linked`` (canonical: every link of the other
    file) is not missing there, though no entry has it: an item too broken to read as an entry
    (``-[](url)``), a link in a section of notes.
    """
    matched = matches(ours, theirs)
    titled = _titled(ours)
    present: list[Entry | None] = []  # for each titled entry: their entry of it, or None
    elsewhere: list[bool] = []  # ... or, with no entry of it, whether they link it anyway
    for entry in titled:
        assert entry.title is not None
        url = canonical_url(entry.title.url)
        match = matched.get(entry.line)
        present.append(match.there if match is not None else None)
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
