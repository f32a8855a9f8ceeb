"""Entries: the top-level list items a format block governs, with their fields.

An entry is a top-level list item inside a schema's scope (not in code, HTML or comments) whose
first line is not a table-of-contents link. Its title is the first link of that line, after a
tag if there is one (``【Survey】``, ``<a id="x"></a>``, ``**``, ``:fire:``, ``[2405]``).

Its direct sub-items are its fields; the items nested in a field are that field's value (the
points of a ``Summary:``), never fields of their own, except a declared label nested under a
field that already has its value (``- authors`` then ``   - Keyword: x``): that one is the
entry's field written one level too deep, and AL107 says so without moving it. A field starting
with ``Label:`` (``**Label**:``, ```Label`:``, or a near miss such as ``Dataset;``) is labelled;
the others are positional and take the schema's positional kinds (authors, then publisher) in
order.

A section whose items have no fields at all, in a scope whose entries mostly do, is not made of
entries ("Other Awesome Lists" under a block's section): its items are left out.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from awesome_lint.model.anchors import Anchors, document_anchors, github_slug
from awesome_lint.model.document import Document
from awesome_lint.model.links import Link
from awesome_lint.model.schema import KINDS, FieldSpec, Schema, ScopeIndex, inferred_schema
from awesome_lint.model.structure import Heading, ListItem

_BULLET = re.compile(r"\A([ \t]*)([-*+])([ \t]+|$)")  # \A: match-only, linear under search
_MARKER = re.compile(r"\A([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)")  # bullets and numbers
# A label, bare or emphasised (``**Keywords**:``, ``**Keywords:**``, ```Code`:``).
_LABEL = re.compile(
    r"(?P<open>\*\*|__|\*|_|`)?(?P<text>[^\W\d_](?:[^\W\d_]|[ &/.-]){0,30}?)"
    r"(?P<inner>[ \t]*[:;：；])?(?P<close>(?P=open))?(?P<sep>(?(inner)|[ \t]*[:;：；])[ \t]*)"
)
_COLONS = ":："
# A page of a GitHub repository (its front page or a file) with a fragment.
_GITHUB_PAGE = re.compile(
    r"https?://github\.com/[^/#\s]+/[^/#\s]+(?:/(?:blob|tree)/[^#\s]+)?/?#(?P<fragment>\S+)\Z"
)
# "概述：..." or "Summary: ..." with no link, right under an entry at its level: a field of the
# entry above written one level too shallow, not an entry without a title.
# Words apart by a few spaces or tabs: a doubled space does not make it another thing.
_STRAY_LABEL = re.compile(
    r"\A[^\s:：\[\]()]{1,24}(?:[ \t]{1,4}[^\s:：\[\]()]{1,24}){0,2}[ \t]*[:：]"
)
_DATED = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a year: a venue line, not a keyword
# What may stand before an entry's title link: markup, HTML, emoji, bracketed tags, numbers.
_TAG = re.compile(
    r"!\[[^\[\]]*\]\([^()]*\)|<[^<>]*>|:[a-z0-9_+-]{1,40}:|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕"
    r"|\([^()]*\)|（[^（）]*）|[^\w\s]|\d+|_"
)
# Link texts that name a kind of link, not a title: ``Some Title [[pdf](url)] [[code](url)]``.
GENERIC_LINK = frozenset(
    {
        *("pdf", "paper", "arxiv", "link", "url", "here", "code", "website", "project", "page"),
        *("html", "doi", "abs", "openreview", "homepage", "blog", "video", "slides", "github"),
        *("slide", "talk", "poster", "demo", "colab", "bibtex", "bib", "supp", "project page"),
        *("download", "docs", "documentation", "website", "source", "repo"),
    }
)


class Label(NamedTuple):
    text: str  # as written, e.g. "Dataset"
    start: int
    separator: str  # as written, e.g. ";" or " : " or ":"
    status: str  # "known", "misspelt" or "unknown"
    suggestion: str | None  # the accepted label a misspelt one stands for
    markup: str = ""  # the emphasis around it (``**`` of ``**Keywords**:``), if any

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
    nested: bool = False  # a field written inside another field (one level too deep)

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
    title: Link | None  # the title link, after a tag if any
    links: tuple[Link, ...]  # every link on the title line
    fields: tuple[Field, ...]
    has_items: bool = False  # the entry has sub-items (fields or not)
    stray: bool = False  # a field written at the entry's level under the entry above
    depth: int = 0  # the item's depth (items of an inferred format may be nested)
    parent_line: int = -1  # the line of the item it is nested in, if any (inferred format)

    def field(self, kind: str) -> Field | None:
        return next((f for f in self.fields if f.spec is not None and f.spec.kind == kind), None)


def extract_entries(
    document: Document, schemas: Sequence[Schema], *, infer: bool = True
) -> tuple[Entry, ...]:
    """The entries of every block, then (``infer``) the items no block governs.

    A classic block (``Schema.classic``: one-line named items, no fields) governs no entries
    of its own: its items are read as the list's items, as with no block.
    """
    schemas = [s for s in schemas if not s.classic]
    declared = _declared_entries(document, schemas) if schemas else ()
    if not infer:
        return declared
    items = extract_items(document, schemas)
    if not items:
        return declared
    if not declared:
        return items
    return tuple(sorted((*declared, *items), key=lambda e: e.line))


def extract_items(document: Document, schemas: Sequence[Schema]) -> tuple[Entry, ...]:
    """Every list item outside the blocks' scopes, each one an entry of an inferred template.

    Items are read at every depth (a classic list nests its sub-lists), each covering only its
    own lines, up to its first sub-item, so no text belongs to two items. Table-of-contents
    items, items in code or HTML, and empty items are left out. Each section (from a heading
    to the next) gets its own inferred template (``schema.inferred_schema``).
    """
    structure = document.structure
    items = structure.items
    if not items:
        return ()
    excluded = structure.code_lines | structure.html_lines
    headings = structure.headings
    scopes = ScopeIndex(schemas) if schemas else None
    text = document.text
    line_starts, line_ends = document.line_starts, document.line_ends
    first_child: dict[int, int] = {}
    for item in items:
        if item.parent is not None and item.parent not in first_child:
            first_child[item.parent] = item.line
    entries: list[Entry] = []
    heading_index = 0
    section: Heading | None = None
    schema: Schema | None = None
    anchors: list[Anchors] = []  # the document's anchors, found when first needed
    item_lines: list[int] = []  # by item index: a parent comes before its items
    for index, item in enumerate(items):
        line = item.line
        item_lines.append(line)
        while heading_index < len(headings) and headings[heading_index].line < line:
            section = headings[heading_index]
            heading_index += 1
            schema = None
        if line in excluded or (scopes is not None and scopes.schema_at(line) is not None):
            continue
        raw = document.line(line)
        marker = _MARKER.match(raw)
        if marker is None:
            continue
        start = line_starts[line]
        content_start = start + marker.end()
        content_end = line_ends[line]
        if content_end <= content_start:
            continue
        links = document.links(line)
        first = _name_link(links)
        if first is not None and _is_contents_link(first, text, content_start, document, anchors):
            continue  # a table-of-contents item, not an entry
        if schema is None:
            scope_line = section.line if section is not None else 0
            end = headings[heading_index].line if heading_index < len(headings) else None
            schema = inferred_schema(section, scope_line, end or document.line_count)
        title = _title(document, first, content_start, schema) if first is not None else None
        end_line = min(item.end_line, first_child.get(index, item.end_line))
        while end_line > line + 1 and not document.line(end_line - 1).strip():
            end_line -= 1
        entries.append(
            Entry(
                schema=schema,
                section=section,
                line=line,
                end_line=end_line,
                start=start,
                end=line_ends[end_line - 1],
                indent=marker.group(1),
                bullet=marker.group(2),
                content_start=content_start,
                content_end=content_end,
                title=title,
                links=links,
                fields=(),
                has_items=index in first_child,
                depth=item.depth,
                parent_line=item_lines[item.parent] if item.parent is not None else -1,
            )
        )
    return tuple(entries)


def _name_link(links: Sequence[Link]) -> Link | None:
    """The first link that may be a title: not an image, nor a badge's link."""
    for link in links:
        if not link.image and not _is_badge(link):
            return link
    return None


def _is_badge(link: Link) -> bool:
    """``[![MIT](badge.svg)](LICENSE)``: a link whose text is an image, never a title."""
    return link.text.lstrip().startswith("![")


def _is_contents_link(
    link: Link, text: str, content_start: int, document: Document, anchors: list[Anchors]
) -> bool:
    """``[Section](#section)`` (bold or not) first on the line: a table of contents' item.

    So is ``[Papers](https://github.com/owner/list#papers)``, the same link written absolute:
    its fragment is the slug of the link's own text and an anchor of this document.
    """
    if text[content_start : link.start].strip("*_ \t"):
        return False
    if link.url.startswith("#"):
        return True
    page = _GITHUB_PAGE.match(link.url)
    if page is None:
        return False
    fragment = page.group("fragment").lower()
    if github_slug(link.text.strip()) != fragment:
        return False
    if not anchors:
        anchors.append(document_anchors(document))
    return fragment in anchors[0]  # not "[Readme](…/awesome-readme#readme)"


def _declared_entries(document: Document, schemas: Sequence[Schema]) -> tuple[Entry, ...]:
    structure = document.structure
    excluded = structure.code_lines | structure.html_lines
    headings = structure.headings
    entries: list[Entry] = []
    heading_index = 0
    section: Heading | None = None
    scopes = ScopeIndex(schemas)
    accepted: dict[int, dict[str, FieldSpec]] = {}  # by id of the schema: built once each
    for index, item, nested in _top_level_items(structure.items):
        if item.line in excluded:
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
        entry = _entry(document, schema, labels, section, index, item, nested)
        if entry is None:
            continue
        if entry.title is None and entries and entries[-1].end_line == item.line:
            content = document.text[entry.content_start : entry.content_end]
            if not document.links(item.line) and _STRAY_LABEL.match(content):
                entry = entry._replace(stray=True)
        entries.append(entry)
    return _without_foreign_sections(entries)


def _without_foreign_sections(entries: list[Entry]) -> tuple[Entry, ...]:
    """Drop the sections whose items have no sub-items, where the scope's entries mostly do.

    A section whose items are links with no details under a list of papers is a list of
    related lists or tools; one with a field written at the entry's level is not.
    """
    with_items: dict[int, list[int]] = {}  # by id of the schema: [entries, with sub-items]
    sections: dict[tuple[int, int], bool] = {}  # (schema, section line): any with sub-items
    for entry in entries:
        counts = with_items.setdefault(id(entry.schema), [0, 0])
        counts[0] += 1
        # A field written at the entry's level is an entry's detail gone astray, not a link
        # list's item: it counts as much as a sub-item does.
        detailed = entry.has_items or entry.stray
        counts[1] += detailed
        key = (id(entry.schema), entry.section.line if entry.section else -1)
        sections[key] = sections.get(key, False) or detailed
    foreign = {
        key
        for key, any_items in sections.items()
        if not any_items and 2 * with_items[key[0]][1] >= with_items[key[0]][0]
    }
    if not foreign:
        return tuple(entries)
    return tuple(
        e
        for e in entries
        if not e.schema.fields or (id(e.schema), e.section.line if e.section else -1) not in foreign
    )


def _top_level_items(
    items: Iterable[ListItem],
) -> Iterator[tuple[int, ListItem, list[tuple[int, ListItem]]]]:
    """Each top-level item with every item nested in it (and their indices), in document order."""
    root: ListItem | None = None
    root_index = -1
    nested: list[tuple[int, ListItem]] = []
    for index, item in enumerate(items):
        if item.parent is None:
            if root is not None:
                yield root_index, root, nested
            root, root_index, nested = item, index, []
        elif root is not None:
            nested.append((index, item))
    if root is not None:
        yield root_index, root, nested


def _entry(
    document: Document,
    schema: Schema,
    accepted: dict[str, FieldSpec],
    section: Heading | None,
    index: int,
    item: ListItem,
    nested: list[tuple[int, ListItem]],
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
    first = _name_link(links)
    if first is not None and first.url.startswith("#") and first.start == content_start:
        return None  # a table-of-contents item, not an entry
    title = _title(document, first, content_start, schema) if first is not None else None
    while end_line > line + 1 and not document.line(end_line - 1).strip():
        end_line -= 1
    below = [(i, n) for i, n in nested if n.line != line]
    fields = _fields(document, schema, accepted, index, below)
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
        has_items=bool(below),
    )


def _title(document: Document, first: Link, content_start: int, schema: Schema) -> Link | None:
    """The entry's title link: its first link, when only a tag stands before it."""
    if first.start == content_start:
        return first
    before = document.text[content_start : first.start]
    words = _TAG.sub(" ", before).split()
    if words and first.text.strip().lower() in GENERIC_LINK:
        return None  # "Some Title [[pdf](url)]": the title is the text
    if schema.title_prefix and len(before) <= 80:
        return first  # the block puts something before the title
    return first if len(words) <= 2 and sum(map(len, words)) <= 16 else None


def _fields(
    document: Document,
    schema: Schema,
    accepted: dict[str, FieldSpec],
    entry_index: int,
    items: Sequence[tuple[int, ListItem]],
) -> tuple[Field, ...]:
    positional = [f for f in schema.positional if not f.html]
    html = [f for f in schema.fields if f.html]
    fields: list[Field] = []
    by_index: dict[int, Field] = {}  # the entry's direct fields, by item index
    seen_lines = set()
    for index, item in items:
        line, end_line = item.line, item.end_line
        if line in seen_lines:
            continue  # "- - x": an item nested on its parent's own line is not a field
        seen_lines.add(line)
        parent = by_index.get(item.parent) if item.parent is not None else None
        if item.parent != entry_index and (parent is None or parent.nested):
            continue  # part of a field's value
        text = document.line(line)
        bullet = _BULLET.match(text)
        if bullet is None:
            continue
        start = document.line_starts[line]
        content_start = start + bullet.end()
        content = text[bullet.end() :]
        label = _label(content, content_start, accepted)
        if parent is not None and _value_point(document, label, parent, accepted):
            continue
        spec: FieldSpec | None
        if label is None:
            if content.startswith("<"):
                spec = html.pop(0) if html else None
            # A line that is only a link ("[code](url)") is not an authors or publisher line.
            elif positional and not content.startswith("["):
                spec = positional.pop(0)
            else:
                spec = None
            value_start = content_start
        else:
            key = (label.suggestion or label.text).lower()
            spec = accepted.get(key) or _compound(key, accepted)
            if spec is not None and spec in positional:
                positional.remove(spec)
            value_start = label.separator_end
        while end_line > line + 1 and not document.line(end_line - 1).strip():
            end_line -= 1
        field = Field(
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
            nested=parent is not None,
        )
        fields.append(field)
        if parent is None:
            by_index[index] = field
    return _positional_rest(document, schema, accepted, fields)


def _positional_rest(
    document: Document, schema: Schema, accepted: dict[str, FieldSpec], fields: list[Field]
) -> tuple[Field, ...]:
    """An entry written without a single label follows the block's order line by line.

    ``- keyword`` in the block and ``- reward models`` in the entry: the line after the authors
    is the keyword. A line with a year (``ICCV 2023``) is a venue the block may not declare,
    never the next field. A line that is only a link named like a field (``[code](url)``) is that
    field. Entries that label any field keep to labels: their unlabelled lines stay unnamed.
    """
    taken = {f.spec.key for f in fields if f.spec is not None}
    unlabelled = all(f.label is None for f in fields if not f.nested)
    rest = [f for f in schema.fields if f.key not in taken and not f.html]
    after = -1  # the block position of the last field placed, so the rest follow in order
    named: list[Field] = []
    for field in fields:
        spec = field.spec
        if spec is None and field.label is None and not field.nested:
            if (
                field.links
                and len(field.links) == 1
                and field.links[0].start == field.content_start
            ):
                spec = accepted.get(field.links[0].text.strip().lower())
                spec = spec if spec in rest else None
            elif unlabelled and not _DATED.search(field.value(document)):
                spec = next((f for f in rest if schema.fields.index(f) > after), None)
            if spec is not None:
                rest.remove(spec)
                field = field._replace(spec=spec)
        if field.spec is not None and field.spec in schema.fields:
            after = max(after, schema.fields.index(field.spec))
        named.append(field)
    return tuple(named)


def _value_point(
    document: Document, label: Label | None, parent: Field, accepted: dict[str, FieldSpec]
) -> bool:
    """Whether an item nested in a field is a point of its value (or a field one level deep).

    A declared label under a field that has its value on its own line is a field; the rest
    (the points under ``Summary:``, a list of datasets) belong to the field above.
    """
    if label is None or label.status == "unknown":
        return True
    if not document.text[parent.value_start : parent.content_end].strip():
        return True
    return accepted.get((label.suggestion or label.text).lower()) in (None, parent.spec)


def _accepted_labels(schema: Schema) -> dict[str, FieldSpec]:
    accepted: dict[str, FieldSpec] = {}
    for spec in schema.fields:
        for label in spec.labels:
            accepted.setdefault(label.lower(), spec)
    return accepted


def _label(content: str, offset: int, accepted: dict[str, FieldSpec]) -> Label | None:
    match = _LABEL.match(content)
    if match is None or (match.group("open") and match.group("close") is None):
        return None
    text = sys.intern(match.group("text"))
    separator = sys.intern(content[match.end("text") : match.end()])
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
    elif "/" in lower and _compound(lower, accepted):
        status = "known"  # "Env/Datasets": every part names the same field
    else:
        near = near_label(lower, accepted)
        if near is not None:
            status, suggestion = "misspelt", near
        elif not colon or not _looks_like_label(text):
            return None
    return Label(
        text=text,
        start=offset + match.start("text"),
        separator=separator,
        status=status,
        suggestion=suggestion,
        markup=match.group("open") or "",
    )


def _compound(lower: str, accepted: dict[str, FieldSpec]) -> FieldSpec | None:
    """The one field every part of a label such as ``Env/Datasets`` names, if there is one."""
    if "/" not in lower:
        return None
    specs = {accepted.get(part.strip()) for part in lower.split("/")}
    if len(specs) == 1:
        return specs.pop()
    return None


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
