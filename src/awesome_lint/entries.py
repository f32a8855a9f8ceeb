"""Entries: the top-level list items a format block governs, with their fields.

An entry is a top-level list item inside a schema's scope (not in code, HTML or comments) whose
first line is not a table-of-contents link. Its direct sub-items are its fields. A field starting
with ``Label:`` (or a near miss such as ``Dataset;`` or ``Keyowrd:``) is labelled; the others
are positional and take the schema's positional kinds (authors, then publisher) in order.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from awesome_lint.document import Document, Heading, ListItem
from awesome_lint.links import Link
from awesome_lint.schema import KINDS, FieldSpec, Schema, ScopeIndex

_BULLET = re.compile(r"\A([ \t]*)([-*+])([ \t]+|$)")  # \A: match-only, linear under search
_LABEL = re.compile(r"([A-Za-z][A-Za-z &/.-]{0,30}?)([ \t]*[:;：；][ \t]*)")
_COLONS = ":："


class Label(NamedTuple):
    text: str  # as written, e.g. "Dataset"
    start: int
    separator: str  # as written, e.g. ";" or " : " or ":"
    status: str  # "known", "misspelt" or "unknown"
    suggestion: str | None  # the accepted label a misspelt one stands for

    # Derived, not stored (memory on big lists).
    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def separator_end(self) -> int:
        return self.start + len(self.text) + len(self.separator)


class Field(NamedTuple):
    line: int
    end_line: int  # exclusive
    start: int  # offset of the line's first character
    indent: str
    bullet: str
    content_start: int
    content_end: int  # end of the first line, newline excluded
    label: Label | None
    value_start: int
    spec: FieldSpec | None
    links: tuple[Link, ...]

    @property
    def bullet_offset(self) -> int:
        return self.start + len(self.indent)

    def value(self, document: Document) -> str:
        return document.text[self.value_start : self.content_end]


class Entry(NamedTuple):
    schema: Schema
    section: Heading | None  # the nearest heading above the entry
    line: int
    end_line: int  # exclusive, trailing blank lines dropped
    start: int
    end: int  # end of the last line, newline excluded
    indent: str
    bullet: str
    content_start: int
    content_end: int
    title: Link | None  # the link the entry starts with, if it does
    links: tuple[Link, ...]  # every link on the title line
    fields: tuple[Field, ...]

    def field(self, kind: str) -> Field | None:
        return next((f for f in self.fields if f.spec is not None and f.spec.kind == kind), None)


def extract_entries(document: Document, schemas: Sequence[Schema]) -> tuple[Entry, ...]:
    if not schemas:
        return ()
    structure = document.structure
    excluded = structure.code_lines | structure.html_lines
    headings = structure.headings
    entries = []
    heading_index = 0
    section: Heading | None = None
    scopes = ScopeIndex(schemas)
    accepted: dict[int, dict[str, FieldSpec]] = {}  # by id of the schema: built once each
    for item, nested in _top_level_items(structure.items):
        if item.depth != 0 or item.line in excluded:
            continue
        while heading_index < len(headings) and headings[heading_index].line < item.line:
            section = headings[heading_index]
            heading_index += 1
        schema = scopes.schema_at(item.line)
        if schema is None:
            continue
        labels = accepted.get(id(schema))
        if labels is None:
            labels = accepted[id(schema)] = _accepted_labels(schema)
        entry = _entry(document, schema, labels, section, item, nested)
        if entry is not None:
            entries.append(entry)
    return tuple(entries)


def _top_level_items(items: Iterable[ListItem]) -> Iterator[tuple[ListItem, list[ListItem]]]:
    """Each top-level item with every item nested in it, in document order.

    Every nested item belongs to its top-level entry: a field indented one level too deep
    (``  \t- Key:``) is still that entry's field, and AL107 reports its indent.
    """
    root: ListItem | None = None
    nested: list[ListItem] = []
    for item in items:
        if item.parent is None:
            if root is not None:
                yield root, nested
            root, nested = item, []
        elif root is not None:
            nested.append(item)
    if root is not None:
        yield root, nested


def _entry(
    document: Document,
    schema: Schema,
    accepted: dict[str, FieldSpec],
    section: Heading | None,
    item: ListItem,
    nested: list[ListItem],
) -> Entry | None:
    line, end_line = item.line, item.end_line
    text = document.line(line)
    bullet = _BULLET.match(text)
    if bullet is None:
        return None
    start = document.line_starts[line]
    content_start = start + bullet.end()
    content_end = document.line_ends[line]
    links = document.links(line)
    title = links[0] if links and links[0].start == content_start and not links[0].image else None
    if title is not None and title.url.startswith("#"):
        return None  # a table-of-contents item, not an entry
    while end_line > line + 1 and not document.line(end_line - 1).strip():
        end_line -= 1
    fields = _fields(document, schema, accepted, [i for i in nested if i.line != line])
    return Entry(
        schema=schema,
        section=section,
        line=line,
        end_line=end_line,
        start=start,
        end=document.line_ends[end_line - 1],
        indent=bullet.group(1),
        bullet=bullet.group(2),
        content_start=content_start,
        content_end=content_end,
        title=title,
        links=links,
        fields=fields,
    )


def _fields(
    document: Document, schema: Schema, accepted: dict[str, FieldSpec], items: Sequence[ListItem]
) -> tuple[Field, ...]:
    positional = list(schema.positional)
    fields = []
    seen_lines = set()
    for item in items:
        line, end_line = item.line, item.end_line
        if line in seen_lines:
            continue  # "- - x": an item nested on its parent's own line is not a field
        seen_lines.add(line)
        text = document.line(line)
        bullet = _BULLET.match(text)
        if bullet is None:
            continue
        start = document.line_starts[line]
        content_start = start + bullet.end()
        content = text[bullet.end() :]
        label = _label(content, content_start, accepted)
        spec: FieldSpec | None
        if label is None:
            # A line that is only a link ("[code](url)") is not an authors or publisher line.
            spec = positional.pop(0) if positional and not content.startswith("[") else None
            value_start = content_start
        else:
            key = (label.suggestion or label.text).lower()
            spec = accepted.get(key)
            if spec is not None and spec in positional:
                positional.remove(spec)
            value_start = label.separator_end
        while end_line > line + 1 and not document.line(end_line - 1).strip():
            end_line -= 1
        fields.append(
            Field(
                line=line,
                end_line=end_line,
                start=start,
                indent=sys.intern(bullet.group(1)),  # a few indents repeated on every line
                bullet=bullet.group(2),
                content_start=content_start,
                content_end=document.line_ends[line],
                label=label,
                value_start=value_start,
                spec=spec,
                links=document.links(line),
            )
        )
    return tuple(fields)


def _accepted_labels(schema: Schema) -> dict[str, FieldSpec]:
    accepted: dict[str, FieldSpec] = {}
    for spec in schema.fields:
        for label in spec.labels:
            accepted.setdefault(label.lower(), spec)
    return accepted


def _label(content: str, offset: int, accepted: dict[str, FieldSpec]) -> Label | None:
    match = _LABEL.match(content)
    if match is None:
        return None
    text, separator = sys.intern(match.group(1)), sys.intern(match.group(2))
    rest = content[match.end() :]
    if rest.startswith("//"):
        return None  # an unlabelled url such as "https://..."
    lower = text.lower()
    colon = any(c in _COLONS for c in separator)
    status, suggestion = "unknown", None
    if lower in accepted:
        status = "known"
        exact = next((lb for lb in accepted[lower].labels if lb == text), None)
        if exact is None:
            suggestion = next(lb for lb in accepted[lower].labels if lb.lower() == lower)
    else:
        near = near_label(lower, accepted)
        if near is not None:
            status, suggestion = "misspelt", near
        elif not colon or not _looks_like_label(text):
            return None
    return Label(text=text, start=offset, separator=separator, status=status, suggestion=suggestion)


def _looks_like_label(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 3 and len(text) <= 25 and words[0][0].isupper()


def near_label(lower: str, accepted: dict[str, FieldSpec]) -> str | None:
    """The one accepted label within a small edit distance of ``lower``, as that label is spelt."""
    limit = 1 if len(lower) <= 5 else 2
    best: list[tuple[int, str]] = []
    for key, spec in accepted.items():
        if abs(len(key) - len(lower)) > limit:
            continue
        distance = edit_distance(lower, key, limit)
        if distance <= limit:
            label = next(lb for lb in spec.labels if lb.lower() == key)
            best.append((distance, label))
    if not best:
        return None
    best.sort()
    if len(best) > 1 and best[1][0] == best[0][0]:
        specs = {accepted[label.lower()].kind for _, label in best if _ == best[0][0]}
        if len(specs) > 1:
            return None
    return best[0][1]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (adjacent transpositions count 1), capped at limit+1."""
    if a == b:
        return 0
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[len(b)]


def undeclared_kind(label: str) -> str | None:
    """The field kind a label belongs to in the default alias table, if any."""
    lower = label.lower()
    for kind in KINDS.values():
        if any(lb.lower() == lower for lb in kind.labels):
            return kind.name
    return None
