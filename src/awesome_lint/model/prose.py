"""Where people write prose in a list: the text of entries, cut free of markup and code.

An entry's prose is its title line after the bullet and each field's value (from just after
the label's colon, so spaces there count as text) and continuation lines. From that text we
cut out code spans, link markup and destinations, images, bare urls and autolinks, inline
HTML and CJK text (with the full-width punctuation touching it). What is left are spans
(``ProseSpan``, stored as columns in ``Prose``): a title or link text is its own span, marked as
a name (checked for punctuation and spacing but never spell-checked), as are authors,
publishers and unlabelled lines.

The model is built once per document (``Context.prose``) and shared by the AL4 rules.
"""

from __future__ import annotations

import bisect
import functools
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from typing import NamedTuple

from awesome_lint.model.document import Document
from awesome_lint.model.entries import Entry, Field
from awesome_lint.model.links import Link, code_spans

_CJK_RANGES = (
    (0x2E80, 0x2FFF),
    (0x3000, 0x303F),
    (0x3040, 0x30FF),
    (0x3100, 0x31FF),
    (0x3200, 0x33FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FA1F),
)
_CJK_LETTERS = "".join(f"{chr(low)}-{chr(high)}" for low, high in _CJK_RANGES)
_FULL_WIDTH = "\uff00-\uffef"


def has_cjk(line: str) -> bool:
    """True when ``line`` holds a CJK letter (what ``cjk_patterns()[0]`` finds).

    Tested code point by code point: compiling the pattern costs 4 ms, and lists with accents
    or a stray full-width comma but no CJK text would pay that for nothing.
    """
    return not line.isascii() and any(
        low <= ord(char) <= high for char in line if char >= "\u2e80" for low, high in _CJK_RANGES
    )


@functools.cache
def cjk_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A CJK letter, and a CJK run with the full-width punctuation touching it.

    Compiled on first need (4 ms of start-up otherwise): only lines with CJK text ask.
    """
    letter = re.compile(f"[{_CJK_LETTERS}]")
    run = re.compile(f"[{_FULL_WIDTH}]*[{_CJK_LETTERS}][{_CJK_LETTERS}{_FULL_WIDTH}]*")
    return letter, run


_URL = re.compile(r"(?:\b[a-zA-Z][a-zA-Z0-9+.-]*://|\bwww\.)[^\s<>]*")
_HTML = re.compile(r"<!--.*?(?:-->|$)|</?[A-Za-z][^<>]*>|<[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*>")
_CONTINUATION = re.compile(r"\A[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))?")
_CHUNK_BREAKS = ',;:()[]{}"“”!?*<>|'  # and blanks: what ends a chunk, the run that may hold a word
_CHUNK = re.compile(f"[^\\s{re.escape(_CHUNK_BREAKS)}]+")
_BREAKS_TO_BLANKS = str.maketrans(dict.fromkeys(_CHUNK_BREAKS, " "))
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")
_WORD_EDGES = ".'’\"-_"

# Kinds whose text is people's own wording, and so may be spell-checked; the others are names.
SPELLABLE = frozenset(
    {"description", "keyword", "environment", "code", "summary", "year", "field", "item"}
)


class ProseSpan(NamedTuple):
    """``[start, end)`` of prose on one line, with what it is.

    ``kind`` is ``title`` (the entry's title link text), ``link-text`` (any other link text),
    ``description`` (title-line text outside links), a field kind (``authors``, ``keyword``...),
    ``field`` for a labelled field the format does not declare, ``unlabelled``, or ``item``:
    the text of an item of a list with no format block (a description, or a paper's authors:
    the inferred format cannot tell them apart, so AL401 is more careful there).
    """

    start: int
    end: int
    line: int
    kind: str
    cjk_line: bool  # the line also holds CJK text, whose punctuation habits differ

    @property
    def spellable(self) -> bool:
        return self.kind in SPELLABLE

    @property
    def is_name(self) -> bool:
        return self.kind in ("title", "link-text")


class Word(NamedTuple):
    """A word of prose: letters with inner hyphens or apostrophes (``self-play``, ``agent's``)."""

    start: int
    end: int
    text: str
    span: ProseSpan


class Prose:
    """The prose spans of a document's entries and every inline link of its Markdown lines.

    Spans are stored as columns, indexed in document order: ``starts``, ``ends``, ``lines``,
    ``kinds`` (an index into ``kind_names``) and ``cjk`` (1 when the line holds CJK text). A
    100k-entry list has 670,000 spans; as ``ProseSpan`` tuples they took 85 MB, as columns 15.
    ``span(i)`` and ``spans()`` make the tuples on demand.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self.starts: array[int] = array("q")
        self.ends: array[int] = array("q")
        self.lines: array[int] = array("i")  # 4 bytes: line numbers stay far below 2**31
        self.kinds: array[int] = array("B")
        self.cjk: array[int] = array("B")
        self.kind_names: list[str] = []
        self._kind_index: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.starts)

    def add(self, start: int, end: int, line: int, kind: str, cjk_line: bool) -> None:
        index = self._kind_index.get(kind)
        if index is None:
            index = self._kind_index[kind] = len(self.kind_names)
            self.kind_names.append(kind)
        self.starts.append(start)
        self.ends.append(end)
        self.lines.append(line)
        self.kinds.append(index)
        self.cjk.append(cjk_line)

    def span(self, i: int) -> ProseSpan:
        return ProseSpan(
            self.starts[i],
            self.ends[i],
            self.lines[i],
            self.kind_names[self.kinds[i]],
            bool(self.cjk[i]),
        )

    def spans(self) -> Iterator[ProseSpan]:
        """Every span, in document order."""
        return map(self.span, range(len(self.starts)))

    def spellable(self, but: tuple[str, ...] = ()) -> bytes:
        """For each span, 1 when its kind may be spell-checked (and is not in ``but``), else 0."""
        kinds = SPELLABLE.difference(but)
        table = bytes(kind in kinds for kind in self.kind_names).ljust(256, b"\0")
        return self.kinds.tobytes().translate(table)  # one byte a span, at C speed

    def index_at(self, offset: int) -> int | None:
        """The span holding ``offset``, if any (spans are sorted and do not overlap)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.ends[i] else None

    def matches(self, pattern: re.Pattern[str]) -> Iterator[tuple[re.Match[str], int]]:
        """Each match of ``pattern`` in the whole text that starts in a span, with that span.

        For what is rare in a list (a full-width mark, a missing space): one search of the
        text, then a bisection per match, instead of a search per span.
        """
        for match in pattern.finditer(self.document.text):
            span = self.index_at(match.start())
            if span is not None:
                yield match, span

    @cached_property
    def links(self) -> tuple[Link, ...]:
        """Inline links on every line outside code and HTML, entries or not."""
        document = self.document
        structure = document.structure
        excluded = structure.code_lines | structure.html_lines
        find = document.text.find
        found: list[Link] = []
        for n, (start, end) in enumerate(
            zip(document.line_starts, document.line_ends, strict=True)
        ):
            if find("](", start, end) >= 0 and n not in excluded:  # find: no slice per line
                found.extend(document.links(n))
        return tuple(found)

    def words(self, spans: Iterable[ProseSpan] | None = None) -> Iterator[Word]:
        """Every word of ``spans`` (default: every span), in document order.

        Made on demand: a 100k-entry list has millions, and holding them all cost more memory
        than the rest of the model.
        """
        for span in self.spans() if spans is None else spans:
            yield from _words(self.document.text, span)

    def text(self, span: ProseSpan) -> str:
        return self.document.text[span.start : span.end]

    def chunks(self, indices: Iterable[int]) -> list[str]:
        """The chunks of spans ``indices`` (what ``_CHUNK`` finds), of which ``word_in`` tells
        the word, if any.

        The spans are joined by newlines and split at once: a fraction of the cost of a pass
        per span or per word, and ``translate`` + ``split`` is 2x faster than ``findall``.
        """
        text, starts, ends = self.document.text, self.starts, self.ends
        joined = "\n".join([text[starts[i] : ends[i]] for i in indices])
        return joined.translate(_BREAKS_TO_BLANKS).split()  # split() cuts at \s, like _CHUNK


def find_prose(document: Document, entries: Sequence[Entry]) -> Prose:
    structure = document.structure
    excluded = structure.code_lines | structure.html_lines
    text, line_starts, line_ends = document.text, document.line_starts, document.line_ends
    prose = Prose(document)
    add = prose.add
    for entry in entries:
        own = "item" if entry.schema.inferred else "description"
        first_lines = {f.line: f for f in entry.fields}
        for n in range(entry.line, entry.end_line):
            if n in excluded:
                continue
            line_start, line_end = line_starts[n], line_ends[n]
            line = text[line_start:line_end]
            if not line.strip():
                continue
            if n == entry.line:
                start, kind, links = entry.content_start, own, entry.links
            elif n in first_lines:
                field = first_lines[n]
                start, kind, links = _value_start(field), _field_kind(field), field.links
            else:
                owner = next((f for f in entry.fields if f.line < n < f.end_line), None)
                kind = own if owner is None else _field_kind(owner)
                match = _CONTINUATION.match(line)
                start = line_start + (match.end() if match else 0)
                links = document.links(n)
            cjk_line = not line.isascii() and has_cjk(line)
            if links or cjk_line or "`" in line or "<" in line or "://" in line or "www." in line:
                title = entry.title if n == entry.line else None
                _add_line_spans(prose, n, line, start, kind, links, title, cjk_line)
            elif start < line_end:  # most lines: nothing to cut, one span to the line's end
                add(start, line_end, n, kind, False)
    return prose


def _value_start(field: Field) -> int:
    """Just after the label's colon (spaces after it are text), or the content's start."""
    if field.label is None:
        return field.content_start
    return field.label.end + len(field.label.separator.rstrip(" \t"))


def _field_kind(field: Field) -> str:
    if field.spec is not None:
        return field.spec.kind
    return "field" if field.label is not None else "unlabelled"


def _add_line_spans(
    prose: Prose,
    n: int,
    line: str,
    start: int,
    kind: str,
    links: Sequence[Link],
    title: Link | None,
    cjk_line: bool,
) -> None:
    document = prose.document
    line_start, line_end = document.line_starts[n], document.line_ends[n]
    regions: list[tuple[int, int, str]] = []
    code = code_spans(line) if "`" in line else []
    cut: list[tuple[int, int]] = [(s + line_start, e + line_start) for s, e in code]
    position = start
    for link in links:
        if link.start < start:
            continue
        if link.start > position:  # nothing between two links (or a badge and its image)
            regions.append((position, link.start, kind))
        if link.image:
            cut.append((link.start, link.end))
        else:
            regions.append(
                (link.text_start, link.text_end, "title" if link == title else "link-text")
            )
        position = link.end
    if line_end > position:
        regions.append((position, line_end, kind))
    for region_start, region_end, _ in regions:
        segment = document.text[region_start:region_end]
        # Most segments are plain ASCII words: skip the patterns that cannot match.
        patterns = [_URL] if "://" in segment or "www." in segment else []
        if "<" in segment:
            patterns.append(_HTML)
        if cjk_line:  # a CJK run needs a CJK letter, and the segment is part of the line
            patterns.append(cjk_patterns()[1])
        for pattern in patterns:
            cut.extend(
                (region_start + m.start(), region_start + m.end())
                for m in pattern.finditer(segment)
            )
    add = prose.add
    if not cut:  # most lines: no code, image, url or tag in the text, the regions are spans
        for region_start, region_end, region_kind in regions:
            if region_start < region_end:
                add(region_start, region_end, n, region_kind, cjk_line)
        return
    cut.sort()
    for region_start, region_end, region_kind in regions:
        for s, e in _subtract(region_start, region_end, cut):
            add(s, e, n, region_kind, cjk_line)


def _subtract(start: int, end: int, cut: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    position = start
    for s, e in cut:
        if e <= position or s >= end:
            continue
        if s > position:
            yield position, s
        position = max(position, e)
    if position < end:
        yield position, end


def word_in(chunk: str) -> str | None:
    """The word a chunk of prose holds, without the quotes or dots around it, if any."""
    core = chunk.strip(_WORD_EDGES)
    if not core.isalpha() and (not core or _WORD.fullmatch(core) is None):
        return None  # digits, dots, slashes...: an identifier or a number, not a word
    return core


def _words(text: str, span: ProseSpan) -> Iterator[Word]:
    for chunk in _CHUNK.finditer(text, span.start, span.end):
        raw = chunk.group()
        core = word_in(raw)
        if core is not None:
            word_start = chunk.start() + raw.index(core)
            yield Word(word_start, word_start + len(core), core, span)
