"""Format blocks: the contribution format a list declares, read into a ``Schema`` (a template).

A format block is a fenced code block whose first non-blank line is ``format:``, or the word in
another language (``格式:``, ``biçim:``, ``formato:``, ``形式:``, ``формат:``: ``FORMAT_KEYWORDS``).
Its first list item is the title line: what comes before the title (``**[venue]**``,
``[time]``), the title (a link, or text) and what follows it on that line (``[links]``,
``| ![](badge)``). Each indented item names one field, in the block's own words: ``keyword``,
``Key: key problems``, ``code or project page``. A compound item (``datasets or environment``,
``experiment environments, datasets or tasks``) is one field that any of its alternatives may
label. Words map to a field kind through an alias table, which adds accepted labels but never
overrules the block's own words; authors, publisher and year are positional (written without a
label, in order) unless the block writes them with a label. The block is only the template:
``habits`` observes how the entries really write each field.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from awesome_lint.model.document import Document
from awesome_lint.model.structure import Heading

# "format:" and the word in the languages lists are translated into; ``block_labels`` maps a
# translated block's own words to fields.
FORMAT_KEYWORDS = (
    *("format", "formato", "formát", "formaat", "formatı", "biçim", "biçimi", "формат"),
    *("格式", "形式", "書式", "フォーマット", "형식", "서식", "định dạng"),
)
_FORMAT_LINE = re.compile(
    r"^[ \t]{0,40}(?P<keyword>" + "|".join(map(re.escape, FORMAT_KEYWORDS)) + r")\s*[:：]\s*$",
    re.IGNORECASE,
)
_ITEM = re.compile(r"^([ \t]*)([-*+])[ \t]+(.*?)\s*$")
_LABELLED = re.compile(r"^([A-Za-z][A-Za-z .&/-]{0,30}?)\s*[:：]\s*(.*)$")
# A link in a block's title item: ``[title](paper link)``; ``[[code](code link)]`` nests one.
_BLOCK_LINK = re.compile(r"(!?)\[([^\[\]]*)\]\(([^()]*)\)")
_LINK_TARGET = re.compile(r"\([^()]*\)")
_TITLE_WORD = re.compile(r"\b(?:title|name|paper)\b", re.IGNORECASE)
_OPTIONAL = re.compile(r"\(?\boptional\b\)?", re.IGNORECASE)
# A compound item's alternatives: "code or project page", "environments, datasets or tasks".
_ALTERNATIVES = re.compile(r"(?<!\s)\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:or|and)\s|/|\|)\s*")
_LEADING_TAG = re.compile(r"\A\s*<([A-Za-z][A-Za-z0-9-]*)")
# Qualifiers that do not change what a field is: "main authors", "experiment environments".
_QUALIFIER = re.compile(
    r"^(?:main|experiment(?:al)?|other|official|related|the|short|brief)\s+", re.IGNORECASE
)


class Kind(NamedTuple):
    """A field kind: how block words map to it and which labels entries may use."""

    name: str
    positional: bool
    labels: tuple[str, ...]  # accepted labels, canonical first (positional kinds may be labelled)
    pattern: re.Pattern[str]


_KINDS: tuple[Kind, ...] = (
    Kind(
        "authors", True, ("Authors", "Author"), re.compile(r"\b(?:authors?|writers?)\b|\bauthor\d")
    ),
    Kind(
        "publisher",
        True,
        ("Publisher", "Venue", "Conference"),
        re.compile(r"\b(?:publisher|venue|conference|journal|published)\b"),
    ),
    Kind("year", True, ("Year",), re.compile(r"^(?:year|date)s?$")),
    Kind(
        "keyword",
        False,
        ("Keyword", "Keywords", "Key", "Key Words"),
        re.compile(r"^(?:keywords?|key ?words?|key|key problems?\b.*|tags?)$"),
    ),
    Kind(
        "code",
        False,
        ("Code", "Project Page", "Project", "GitHub", "Github", "Repo", "Repository"),
        re.compile(r"^(?:code|codes|project page|project|github|repo|repository|codebase)$"),
    ),
    Kind(
        "environment",
        False,
        (
            "Dataset",
            "Datasets",
            "Env",
            "ExpEnv",
            "Environment",
            "Environments",
            "Task",
            "Tasks",
            "Data",
            "Benchmark",
            "Benchmarks",
        ),
        re.compile(r"\b(?:datasets?|data|env|expenv|environments?|tasks?|benchmarks?)\b"),
    ),
    Kind(
        "summary",
        False,
        ("Summary", "TL;DR", "TLDR", "Abstract"),
        re.compile(r"^(?:summary|tl;?dr|abstract)$"),
    ),
)
KINDS: Mapping[str, Kind] = {k.name: k for k in _KINDS}


class FieldSpec(NamedTuple):
    kind: str  # the alias table's kind ("code"), or the block's own words when it has none
    description: str  # the block line's own words
    line: int  # 0-based line in the document
    positional: bool
    required: bool  # the block (and config) require it; ``habits`` may relax it
    labels: tuple[str, ...]  # accepted labels, canonical first
    key: str = ""  # unique within the block: the kind, or the own words when a kind repeats
    optional: bool = False  # the block says "(optional)"
    html: bool = False  # written as raw HTML (``<details>...``): matched by its leading tag

    @property
    def canonical(self) -> str:
        return self.kind if self.positional else self.labels[0]


class SchemaProblem(NamedTuple):
    line: int
    message: str


# A classic block's title line: the link, then nothing or a separator and a description.
_CLASSIC = re.compile(r"\[[^\[\]]*\]\([^()]*\)(?:\s*(?:[-–—:]|\s)\s*[^\[\]|!]*)?\Z")


class Schema(NamedTuple):
    block_line: int  # the fence's opening line
    block_end_line: int  # exclusive
    heading: Heading | None
    scope_line: int  # first line governed (the heading's line, or 0)
    scope_end_line: int  # exclusive
    title_line: int | None  # None when the block has no title item (AL111)
    title_description: str
    fields: tuple[FieldSpec, ...]
    problems: tuple[SchemaProblem, ...]
    title_prefix: str = ""  # the block's words before the title (``**[venue]**``), if any
    title_is_link: bool = True  # the title is written as a link (``[title](paper link)``)
    inferred: bool = False  # no block: the section's items are learnt from (``model.inferred``)

    @property
    def positional(self) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if f.positional)

    def field(self, kind: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.kind == kind), None)

    @property
    def signature(self) -> tuple[str, ...]:
        """What makes two blocks the same template: the title's words and the fields' keys."""
        return (_LINK_TARGET.sub("", self.title_description), *(f.key for f in self.fields))

    @property
    def classic(self) -> bool:
        """A block of one-line named items and no fields: ``- [name](url) - Description.``

        Such a block declares what the inferred format reads (``model.inferred``): its
        entries are read and checked as the list's items, with the habits of each section.
        """
        return (
            not self.fields and not self.inferred and bool(_CLASSIC.match(self.title_description))
        )

    def contains(self, line: int) -> bool:
        return self.scope_line <= line < self.scope_end_line and not (
            self.block_line <= line < self.block_end_line
        )


def find_schemas(
    document: Document,
    *,
    required: Sequence[str] = ("title", "authors", "keyword"),
    labels: Mapping[str, Sequence[str]] | None = None,
) -> tuple[Schema, ...]:
    """Every format block of the document, each with the scope it governs."""
    structure = document.structure
    headings = structure.headings
    schemas = []
    # Sorted line numbers, so each block finds its heading and section items by bisection:
    # a file of many blocks must stay linear, not blocks x headings.
    heading_lines = [h.line for h in headings]
    top_lines = sorted(item.line for item in structure.items if item.depth == 0)
    for fence in structure.fences:
        # Split on "\n" only, as Document does: splitlines() also splits on \v and \f.
        body = fence.content.removesuffix("\n").split("\n")
        first = next((i for i, text in enumerate(body) if text.strip()), None)
        if first is None or not _FORMAT_LINE.match(body[first]):
            continue
        # A fenced block's content starts on the line after its opening fence.
        content_line = (
            fence.line + 1 if fence.info or _is_fenced(document, fence.line) else fence.line
        )
        at = bisect.bisect_left(heading_lines, fence.line)
        heading = headings[at - 1] if at else None
        scope_end = _section_end(headings, at - 1, document.line_count, same_level=True)
        first_item = bisect.bisect_left(top_lines, fence.end_line)
        if heading is not None and not (
            first_item < len(top_lines) and top_lines[first_item] < scope_end
        ):
            # A block alone in its section ("## Format") governs the sections after it.
            scope_end = _section_end(headings, at - 1, document.line_count, same_level=False)
        schemas.append(
            _parse_block(
                body[first + 1 :],
                first_line=content_line + first + 1,
                block=(fence.line, fence.end_line),
                heading=heading,
                scope=(heading.line if heading else 0, scope_end),
                required=required,
                labels=labels or {},
            )
        )
    return tuple(schemas)


def inferred_schema(heading: Heading | None, scope_line: int, scope_end_line: int) -> Schema:
    """The template of a section no block governs: nothing declared, all learnt from its items.

    It has no block, so its ``block_line`` is negative (and unique per section: habits and
    caches key on it); no field is declared, so the field rules have nothing to check.
    """
    return Schema(
        block_line=-2 - scope_line,
        block_end_line=-2 - scope_line,
        heading=heading,
        scope_line=scope_line,
        scope_end_line=scope_end_line,
        title_line=None,
        title_description="[name](url)",
        fields=(),
        problems=(),
        inferred=True,
    )


def format_keyword(line: str) -> str | None:
    """The keyword of a format block's first line (``format``, ``biçim``), or None."""
    match = _FORMAT_LINE.match(line)
    return match.group("keyword") if match else None


def _section_end(headings: Sequence[Heading], index: int, end: int, *, same_level: bool) -> int:
    """Where the section of ``headings[index]`` ends: its next sibling (or the parent's end)."""
    if index < 0:
        return end
    heading = headings[index]
    for h in headings[index + 1 :]:
        if h.level < heading.level or (same_level and h.level == heading.level):
            return h.line
    return end


def _is_fenced(document: Document, line: int) -> bool:
    return document.line(line).lstrip().startswith(("```", "~~~"))


def _parse_block(
    lines: Sequence[str],
    *,
    first_line: int,
    block: tuple[int, int],
    heading: Heading | None,
    scope: tuple[int, int],
    required: Sequence[str],
    labels: Mapping[str, Sequence[str]],
) -> Schema:
    title_line: int | None = None
    title_description = ""
    title_indent = -1
    fields: list[FieldSpec] = []
    problems: list[SchemaProblem] = []
    seen: dict[str, FieldSpec] = {}
    for offset, text in enumerate(lines):
        line = first_line + offset
        if not text.strip():
            continue
        item = _ITEM.match(text)
        if item is None:
            if title_line is not None or fields:
                continue  # a continuation of the item above, as Markdown reads it
            problems.append(
                SchemaProblem(line, "line is not a list item; write each field as `  - field`")
            )
            continue
        indent = len(item.group(1).expandtabs(4))
        words = item.group(3)
        if title_line is None and not fields and not problems:
            if _BLOCK_LINK.search(words) or _TITLE_WORD.search(words):
                title_line, title_description, title_indent = line, words, indent
                continue
            problems.append(
                SchemaProblem(
                    line,
                    "the first item must be the title line, written as "
                    "`- [title](paper link) [links]`",
                )
            )
        if indent <= title_indent:
            problems.append(
                SchemaProblem(line, "a second top-level item; fields are indented under the title")
            )
            continue
        spec = _field_spec(words, line, required, labels, seen)
        earlier = seen.get(spec.key)
        if earlier is not None:
            problems.append(
                SchemaProblem(
                    line, f"field {spec.key!r} is declared twice (also line {earlier.line + 1})"
                )
            )
            continue
        seen[spec.key] = spec
        fields.append(spec)
    if title_line is None and not any("title line" in p.message for p in problems):
        problems.insert(
            0,
            SchemaProblem(
                block[0],
                "format block has no title line; start it with `- [title](paper link) [links]`",
            ),
        )
    prefix, is_link = _title_template(title_description)
    return Schema(
        block_line=block[0],
        block_end_line=block[1],
        heading=heading,
        scope_line=scope[0],
        scope_end_line=scope[1],
        title_line=title_line,
        title_description=title_description,
        fields=_claim_aliases(fields),
        problems=tuple(problems),
        title_prefix=prefix,
        title_is_link=is_link,
    )


def _title_template(words: str) -> tuple[str, bool]:
    """(the words before the title, whether the title is a link) of a block's title item.

    The title is the first link whose text says so (``[title](...)``, ``[name](...)``), else
    the first link, unless the words before it name the title themselves (``title [[pdf](...)]``).
    """
    links = [m for m in _BLOCK_LINK.finditer(words) if not m.group(1)]
    if not links:
        return "", False
    named = next((m for m in links if _TITLE_WORD.search(m.group(2))), None)
    if named is None and _TITLE_WORD.search(words[: links[0].start()]):
        return "", False
    title = named or links[0]
    return words[: title.start()].strip(), True


def _field_spec(
    words: str,
    line: int,
    required: Sequence[str],
    labels: Mapping[str, Sequence[str]],
    seen: Mapping[str, FieldSpec],
) -> FieldSpec:
    optional = bool(_OPTIONAL.search(words))
    tag = _LEADING_TAG.match(words)
    if tag is not None:  # "<details> <summary>Abstract</summary> ... </details>"
        name = tag.group(1).lower()
        return FieldSpec(
            kind=name,
            description=words,
            line=line,
            positional=True,
            required=False,
            labels=(f"<{name}>",),
            key=name if name not in seen else words.lower(),
            optional=True,
            html=True,
        )
    text = _OPTIONAL.sub("", words).strip().rstrip(".").strip()
    written_label = None
    labelled = _LABELLED.match(text)
    if labelled:
        written_label = labelled.group(1).strip()
        key_text = written_label
    else:
        key_text = text
    alternatives = [a for a in _ALTERNATIVES.split(key_text.lower()) if a.strip()] or [
        key_text.lower()
    ]
    kind: Kind | None = _kind_of(key_text.lower())
    if kind is None:
        kind = next((k for a in alternatives if (k := _kind_of(_bare(a))) is not None), None)
    own: list[str] = []
    if written_label:
        own.append(written_label)
    elif kind is None or not kind.positional:
        own += [_title_case(_bare(a)) for a in alternatives if not _looks_positional(a)]
        # ... and as written, qualifier and all: "Experiment Environments" is this field's own.
        own += [
            _title_case(a.strip())
            for a in alternatives
            if _bare(a) != a.strip() and not _looks_positional(a)
        ]
    if kind is not None:
        name = kind.name
        positional = kind.positional and not written_label
        aliases = list(labels.get(name, kind.labels))
    else:
        name = (written_label or key_text).lower()
        positional = False
        aliases = list(labels.get(name, ()))
    key = name if name not in seen else (written_label or key_text).lower()
    accepted = list(dict.fromkeys([*own, *_variants(own), *aliases]))
    if not accepted:
        accepted = [_title_case(key_text)]
    return FieldSpec(
        kind=name,
        description=words,
        line=line,
        positional=positional,
        required=name in required and not optional,
        labels=tuple(accepted),
        key=key,
        optional=optional,
    )


def _claim_aliases(fields: Sequence[FieldSpec]) -> tuple[FieldSpec, ...]:
    """Each field keeps the alias labels no other field names as its own words.

    ``task`` and ``datasets or environment`` share the alias table's kind: ``Datasets:`` is the
    second field's, because the block says so, and ``Task:`` the first's.
    """
    own: dict[str, str] = {}
    for spec in fields:
        if spec.positional:
            continue
        for label in (spec.labels[0], *_variants(spec.labels[:1])):
            own.setdefault(label.lower(), spec.key)
        for alternative in _ALTERNATIVES.split(spec.description.lower()):
            bare = _bare(_OPTIONAL.sub("", alternative).strip(" .:"))
            if bare and not _looks_positional(bare):
                for form in (bare, *_variants([bare])):
                    own.setdefault(form.lower(), spec.key)
    # An alias two fields share and neither names ("Env" for "task" and for "datasets or
    # environment") goes to the field whose own words it resembles most; the first on a tie.
    holders: dict[str, list[FieldSpec]] = {}
    for spec in fields:
        if not spec.positional:
            for label in spec.labels:
                if label.lower() not in own:
                    holders.setdefault(label.lower(), []).append(spec)
    for alias, specs in holders.items():
        if len(specs) > 1:
            best = max(specs, key=lambda spec: (_resemblance(alias, spec), -specs.index(spec)))
            own[alias] = best.key
    claimed = []
    for spec in fields:
        kept = tuple(lb for lb in spec.labels if own.get(lb.lower(), spec.key) == spec.key)
        claimed.append(spec._replace(labels=kept) if kept and kept != spec.labels else spec)
    return tuple(claimed)


def _resemblance(alias: str, spec: FieldSpec) -> int:
    """The longest run of letters the alias shares with the field's own words (3 or more)."""
    words = f"{spec.labels[0]} {spec.description}".lower()
    best = 0
    for start in range(len(alias)):
        for end in range(start + best + 1, len(alias) + 1):
            if alias[start:end] not in words:
                break
            best = end - start
    return best if best >= 3 else 0


def _bare(alternative: str) -> str:
    return _QUALIFIER.sub("", alternative.strip()).strip()


def _looks_positional(text: str) -> bool:
    """Words that describe a value rather than name a label: ``author1, author2...``."""
    return "..." in text or any(ch.isdigit() for ch in text)


def _variants(labels: Sequence[str]) -> list[str]:
    """Singular and plural of each label: a block's ``datasets`` accepts ``Dataset:``."""
    out = []
    for label in labels:
        if label.endswith("s") and len(label) > 3:
            out.append(label[:-1])
        elif label[-1:].isalpha() and label[-1:] not in "yY":
            out.append(label + "s")
    return out


def _kind_of(key: str) -> Kind | None:
    for kind in _KINDS:
        if kind.pattern.search(key):
            return kind
    return None


def _title_case(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


class ScopeIndex:
    """Which block governs a line: the innermost scope, then the latest block before the line.

    Ask in increasing line order; each answer costs O(log n), so a file of many blocks and
    entries stays linear (a scan of every block per entry was quadratic).
    """

    def __init__(self, schemas: Sequence[Schema]) -> None:
        groups: dict[tuple[int, int], list[Schema]] = {}
        for schema in schemas:
            groups.setdefault((schema.scope_line, schema.scope_end_line), []).append(schema)
        self._groups = sorted(groups.items(), key=lambda g: g[0])
        self._block_lines = [[m.block_line for m in members] for _, members in self._groups]
        self._next = 0
        self._active: list[tuple[int, int]] = []  # heap of (-scope_line, group index)

    def schema_at(self, line: int) -> Schema | None:
        while self._next < len(self._groups) and self._groups[self._next][0][0] <= line:
            heapq.heappush(self._active, (-self._groups[self._next][0][0], self._next))
            self._next += 1
        while self._active and self._groups[self._active[0][1]][0][1] <= line:
            heapq.heappop(self._active)  # the innermost scope has ended
        if not self._active:
            return None
        index = self._active[0][1]
        members = self._groups[index][1]
        before = bisect.bisect_left(self._block_lines[index], line) - 1
        return members[before] if before >= 0 else members[0]
