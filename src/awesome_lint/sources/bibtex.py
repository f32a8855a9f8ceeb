"""A BibTeX reader: enough of the format for real ``.bib`` files, with no network.

Entries ``@type{key, name = value, ...}`` (or with parentheses), values in braces (nested),
in quotes, bare numbers or ``@string`` macros (the month names predefined), joined with ``#``.
``@comment``, ``@preamble`` and text between entries are skipped. Field names are case-folded.
``record_of`` turns an entry into a :class:`Record`: LaTeX accents and braces folded, authors
``Last, First`` turned round, an arXiv id taken from ``eprint`` or ``arXiv preprint arXiv:...``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import NamedTuple

from awesome_lint.sources.record import Record, SourceError
from awesome_lint.sources.venues import short_venue

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NAME = re.compile(r"[A-Za-z0-9_:+./-]+")
_ARXIV_ID = re.compile(
    r"(?:arxiv:\s*|abs/|pdf/)?(\d{4}\.\d{4,5}|(?<![a-z-])[a-z-]+(?:\.[A-Z]{2})?/\d{7})"
)  # the look-behind: an old-style id starts where its letters start (linear)
_ARXIV_JOURNAL = re.compile(r"^\s*(?:arxiv|corr)\b", re.IGNORECASE)
_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303"}
_ACCENTS |= {"=": "\u0304", ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306"}
_ACCENTS |= {"H": "\u030b", "k": "\u0328", "r": "\u030a"}
_ACCENT = re.compile(
    r"\\([`'^\"~=.]|[cvuHkr](?=[\s{]))\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))"
)
_LETTERS = {"ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "aa": "å", "AA": "Å", "l": "ł"}
_LETTERS |= {"L": "Ł", "i": "ı", "j": "ȷ", "&": "&", "%": "%", "_": "_", "$": "$", "#": "#"}
_COMMAND = re.compile(r"\\([A-Za-z]+|[&%_$#])\s*")
_SPACE = re.compile(r"\s+")
# "and" between names; the look-behind starts it only where a run of spaces starts (linear).
_AUTHOR_TOKEN = re.compile(r"[{}]|(?<!\s)\s+and\s+")


class Entry(NamedTuple):
    kind: str  # "article", "inproceedings", ... folded
    key: str
    fields: Mapping[str, str]  # folded name -> value with macros expanded, braces kept


def parse(text: str) -> dict[str, Entry]:
    """Every entry of a ``.bib`` text, by key; SourceError on text that is not BibTeX."""
    return _Parser(text).entries()


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.macros = {m: str(i + 1) for i, m in enumerate(_MONTHS)}

    def fail(self, message: str) -> SourceError:
        line = self.text.count("\n", 0, self.at) + 1
        return SourceError(f"line {line}: {message}")

    def entries(self) -> dict[str, Entry]:
        found: dict[str, Entry] = {}
        text = self.text
        while True:
            self.at = text.find("@", self.at)
            if self.at < 0:
                return found
            self.at += 1
            kind = self.name().lower()
            self.space()
            if not kind or self.at >= len(text) or text[self.at] not in "{(":
                continue  # an "@" in free text
            close = "}" if text[self.at] == "{" else ")"
            self.at += 1
            if kind == "comment":
                self.skip_group(close)
                continue
            if kind == "preamble":
                self.value(close)
                self.space()
                self.expect(close)
                continue
            if kind == "string":
                self.space()
                name = self.name().lower()
                self.space()
                self.expect("=")
                self.macros[name] = self.value(close)
                self.space()
                self.expect(close)
                continue
            self.space()
            key_start = self.at
            while self.at < len(text) and text[self.at] not in ",\n" + close:
                self.at += 1
            key = text[key_start : self.at].strip()
            fields: dict[str, str] = {}
            while True:
                self.space()
                if self.at < len(text) and text[self.at] == ",":
                    self.at += 1
                    self.space()
                if self.at >= len(text):
                    raise self.fail(f"entry {key!r} is not closed")
                if text[self.at] == close:
                    self.at += 1
                    break
                name = self.name().lower()
                if not name:
                    raise self.fail(f"entry {key!r}: a field name was expected")
                self.space()
                self.expect("=")
                fields[name] = self.value(close)
            found[key] = Entry(kind, key, fields)

    def name(self) -> str:
        match = _NAME.match(self.text, self.at)
        if match is None:
            return ""
        self.at = match.end()
        return match.group()

    def space(self) -> None:
        while self.at < len(self.text) and self.text[self.at].isspace():
            self.at += 1

    def expect(self, char: str) -> None:
        if self.at >= len(self.text) or self.text[self.at] != char:
            raise self.fail(f"{char!r} was expected")
        self.at += 1

    def skip_group(self, close: str) -> None:
        depth = 1
        while self.at < len(self.text) and depth:
            char = self.text[self.at]
            depth += (
                (char == "{") - (char == "}") if close == "}" else (char == "(") - (char == ")")
            )
            self.at += 1

    def value(self, close: str) -> str:
        """One value: parts joined by ``#``."""
        parts = []
        while True:
            self.space()
            if self.at >= len(self.text):
                raise self.fail("a value was expected")
            char = self.text[self.at]
            if char == "{":
                parts.append(self.braced())
            elif char == '"':
                parts.append(self.quoted())
            else:
                word = self.name()
                if not word:
                    raise self.fail("a value was expected")
                if word.isdigit():
                    parts.append(word)
                elif word.lower() in self.macros:
                    parts.append(self.macros[word.lower()])
                else:
                    raise self.fail(f"unknown @string {word!r}")
            self.space()
            if self.at < len(self.text) and self.text[self.at] == "#":
                self.at += 1
                continue
            return "".join(parts)

    def braced(self) -> str:
        start, depth = self.at + 1, 0
        while self.at < len(self.text):
            char = self.text[self.at]
            if char == "\\":
                self.at += 2
                continue
            depth += (char == "{") - (char == "}")
            self.at += 1
            if depth == 0:
                return self.text[start : self.at - 1]
        raise self.fail("a '{' is not closed")

    def quoted(self) -> str:
        start, depth = self.at + 1, 0
        self.at += 1
        while self.at < len(self.text):
            char = self.text[self.at]
            if char == "\\":
                self.at += 2
                continue
            if char == '"' and depth == 0:
                self.at += 1
                return self.text[start : self.at - 1]
            depth += (char == "{") - (char == "}")
            self.at += 1
        raise self.fail("a '\"' is not closed")


def plain(value: str) -> str:
    """A value as text: accents composed, commands and braces dropped, spaces folded."""

    def accent(match: re.Match[str]) -> str:
        letter = (match.group(2) or match.group(3)).lstrip("\\")
        letter = {"i": "i", "j": "j"}.get(letter, letter)
        return unicodedata.normalize("NFC", letter + _ACCENTS[match.group(1)])

    text = _ACCENT.sub(accent, value)
    text = _COMMAND.sub(lambda m: _LETTERS.get(m.group(1), ""), text)
    text = text.replace("{", "").replace("}", "").replace("~", " ")
    text = text.replace("---", "—").replace("--", "–")
    return _SPACE.sub(" ", text).strip()


def split_authors(value: str) -> tuple[list[str], bool]:
    """Names of an ``author`` value (``Last, First`` turned round), and whether ``and others``."""
    names, depth, start, truncated = [], 0, 0, False
    for match in _AUTHOR_TOKEN.finditer(value):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            names.append(value[start : match.start()])
            start = match.end()
    names.append(value[start:])
    result = []
    for name in names:
        text = plain(name)
        if text.lower() == "others":
            truncated = True
            continue
        if "," in text:
            family, _, given = text.partition(",")
            text = f"{given.strip()} {family.strip()}".strip()
        if text:
            result.append(text)
    return result, truncated


def record_of(entry: Entry) -> Record:
    fields = entry.fields
    title = plain(fields.get("title", ""))
    if not title:
        raise SourceError(f"BibTeX entry {entry.key!r} has no title")
    authors, truncated = split_authors(fields.get("author", ""))
    year_match = re.search(r"(?:19|20)\d\d", fields.get("year", "") or fields.get("date", ""))
    arxiv = None
    prefix = fields.get("archiveprefix", fields.get("eprinttype", "")).strip("{} ").lower()
    if "eprint" in fields and prefix in ("", "arxiv"):
        found = _ARXIV_ID.search(fields["eprint"])
        arxiv = found.group(1) if found else None
    journal = plain(fields.get("journal", fields.get("journaltitle", "")))
    if arxiv is None and journal and _ARXIV_JOURNAL.match(journal):
        found = _ARXIV_ID.search(journal)
        arxiv = found.group(1) if found else None
    if arxiv is None and "arxiv.org" in fields.get("url", ""):
        found = _ARXIV_ID.search(fields["url"])
        arxiv = found.group(1) if found else None
    venue = plain(fields.get("booktitle", "")) or journal
    if venue and _ARXIV_JOURNAL.match(venue):
        venue = ""
    year = int(year_match.group()) if year_match else None
    if venue:
        venue = short_venue(venue, year) or venue
    keywords = [k.strip() for k in plain(fields.get("keywords", "")).split(",") if k.strip()]
    doi = plain(fields.get("doi", "")) or None
    return Record(
        title=title,
        authors=tuple(authors),
        year=year,
        venue=venue or None,
        arxiv=arxiv,
        doi=doi,
        url=plain(fields.get("url", "")) or None,
        subjects=tuple(keywords),
        truncated=truncated,
    )
