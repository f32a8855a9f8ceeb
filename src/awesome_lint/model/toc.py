"""The table of contents of a list: which list it is, what it lists, and what it should list.

A table of contents is the list (top-level items and their sub-items, blank lines allowed
between top-level items) whose items mostly start with a ``[Heading](#anchor)`` link to the
file's own headings; with several such lists, the one with the most. Its items are matched to
headings by anchor (GitHub's slugs, repeats numbered) or, when the anchor is broken, by text.

What it should list is learnt from what it lists: headings after it at the top level it covers, up
to the end of the last section it lists at that level (so a trailing License or Contributing section
is not demanded when the contents never list one), and the direct sub-headings of a listed heading
when it lists at least one of them; sections about the list (Contributing, License, Related...) only
when listed. An item's depth is its nearest listed ancestor's, plus one unless the contents write
that ancestor's level flat beside its sub-headings (a title item). ``<!-- omit in toc -->`` (or
``omit from toc``) on a heading leaves it out. ``regenerate`` writes the contents back for exactly
those headings, in the list's own style (indent, bullet, spacing, bold link text, trailing notes).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple, cast
from urllib.parse import unquote

from awesome_lint.model.anchors import (
    References,
    heading_text,
    needs_references,
    reference_definitions,
    unique_slugs,
)
from awesome_lint.model.order import longest_run
from awesome_lint.model.structure import Heading, ListItem

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

    from awesome_lint.model.document import Document
    from awesome_lint.model.links import Link

_ITEM = re.compile(r"\A([ \t]*)([-+*]|\d{1,9}[.)])([ \t]+)(.*)")
_IN_PAGE = re.compile(r"\]\(#")
_OMIT = re.compile(r"<!--\s*omit\s+(?:in|from)\s+toc\s*-->", re.IGNORECASE)
_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")
_WRAPS = ("**", "__", "*", "_")
# Sections about the list, not in it: lists leave them out of the contents on purpose.
_META = re.compile(
    r"(?:contribut\w*(?: guidelines?)?|how to contribute|licen[cs]es?|code of conduct"
    r"|footnotes?|related(?: [\w-]+){0,3})"
)
MIN_ITEMS = 3
SHARE = 0.6  # of a list's items must be in-page links for it to be a table of contents


class TocHeading(NamedTuple):
    level: int
    line: int
    source: str  # the heading's Markdown text
    text: str  # the text it renders to
    slug: str
    omitted: bool
    parent: int | None  # the nearest heading above it of a lower level
    folded: str  # its text as compared with an item's (see ``fold``)


class TocItem(NamedTuple):
    line: int
    depth: int
    indent: str
    marker: str
    gap: str
    before: str  # text between the marker and the link (an emoji, ``**``)
    link: Link | None  # the item's first in-page link
    after: str  # text after the link (``**``, a note)
    heading: int | None  # the heading it lists, by index
    by_text: bool  # matched by its text or place: its anchor is broken (AL501's)
    folded: str = ""  # its text as compared with a heading's (see ``fold``)
    decorated: bool = False  # words before its link: not an item this model can rewrite

    @property
    def text(self) -> str:
        return self.before + (self.link.text if self.link else "")


class Toc(NamedTuple):
    start_line: int
    end_line: int  # exclusive
    items: tuple[TocItem, ...]
    headings: tuple[TocHeading, ...]
    wanted: tuple[int, ...]  # the headings it should list, in document order
    depths: dict[int, int]  # the depth each wanted heading's item should have
    tight: bool  # one list, no blank line, no continuation line: only item lines
    renamed: bool  # most items name their heading otherwise, by habit: text is not compared
    blanks: dict[int, int]  # blank lines after the item of a heading (a loose contents)
    grouped: frozenset[int] = frozenset()  # lines of items under an item with no link ("* UI")

    def renames(self, item: TocItem) -> bool:
        """Whether the item's text is not its heading's (emoji, shortcodes, markup aside)."""
        return item.heading is not None and item.folded != self.headings[item.heading].folded


def fold(text: str, parser: MarkdownIt | None = None, references: References | None = None) -> str:
    """Text as compared with a heading: emoji, shortcodes and markup gone, spaces collapsed."""
    rendered = _SHORTCODE.sub(" ", heading_text(text, parser, references))
    kept = "".join(ch if ch.isalnum() or ch in " -_&'.,:;!?/()+#@" else " " for ch in rendered)
    return " ".join(kept.split())


def find_toc(document: Document) -> Toc | None:
    """The document's table of contents, or None when it has none."""
    structure = document.structure
    raw = structure.headings
    if not raw:
        return None
    items = structure.items
    best: tuple[int, list[list[int]]] | None = None
    for anchored, parts in _contents_lists(document):
        if anchored >= MIN_ITEMS and (best is None or anchored > best[0]):
            best = (anchored, parts)
    if best is None:
        return None
    parser = _parser()
    references = None
    if needs_references(h.text for h in raw):
        references = reference_definitions(document)
    headings = _headings(raw, parser, references)
    by_slug: dict[str, int] = {}
    for index, slug in enumerate(h.slug for h in headings):
        by_slug.setdefault(slug, index)
    for index, slug in enumerate(unique_slugs(_SHORTCODE.sub("", h.text) for h in headings)):
        by_slug.setdefault(slug, index)
    parts = best[1]
    group = [i for part in parts for i in part]
    start, end = items[group[0]].line, max(items[i].end_line for i in group)
    read = [_item(document, items[i].line, items[i].depth, parser) for i in group]
    matched = _match(read, headings, by_slug, end)
    listed = [item for item in matched if item.heading is not None]
    if len(listed) < MIN_ITEMS:
        return None  # in-page links, but not to headings: footnotes, a glossary
    item_lines = {items[i].line for i in group}
    tight = len(parts) == 1 and all(
        n in item_lines or not document.line(n).strip() for n in range(start, end)
    )
    blanks: dict[int, int] = {}
    for item in matched:
        n = item.line + 1
        while n < end and n not in item_lines:
            n += 1
        if item.heading is not None and n > item.line + 1:
            blanks[item.heading] = n - item.line - 1
    wanted, depths = _wanted(matched, headings, end)
    # An item with no link over others ("* Utilities" over its ## sections) is a group label:
    # the items under it are one level deeper than their headings, on purpose.
    unlinked = {items[i].line for i, item in zip(group, read, strict=True) if item.link is None}
    grouped = set()
    for i in group:
        parent = items[i].parent
        while parent is not None:
            if items[parent].line in unlinked:
                grouped.add(items[i].line)
                break
            parent = items[parent].parent
    toc = Toc(
        start,
        end,
        tuple(matched),
        headings,
        wanted,
        depths,
        tight,
        False,
        blanks,
        frozenset(grouped),
    )
    renamed = sum(1 for item in listed if not item.by_text and toc.renames(item))
    return toc._replace(renamed=renamed * 2 > len(listed))


def _parser() -> MarkdownIt:
    """A parser made on the first heading or item with markup: most lists' are plain text, and
    importing markdown-it-py costs a small list's whole lint."""
    return cast("MarkdownIt", _LazyParser())


class _LazyParser:
    __slots__ = ("_parser",)

    def __init__(self) -> None:
        self._parser: MarkdownIt | None = None

    def parseInline(  # MarkdownIt's name
        self, text: str, env: dict[str, object] | None = None
    ) -> list[Token]:
        if self._parser is None:
            from markdown_it import MarkdownIt

            self._parser = MarkdownIt("commonmark")
        return self._parser.parseInline(text, env)


def in_order(indices: Sequence[int]) -> set[int]:
    """Positions of a longest increasing run of ``indices`` (the rest are out of order)."""
    return longest_run(indices)


def _headings(
    raw: Sequence[Heading], parser: MarkdownIt, references: References | None = None
) -> tuple[TocHeading, ...]:
    found: list[TocHeading] = []
    sources = [h.text for h in raw]
    levels = [h.level for h in raw]
    lines = [h.line for h in raw]
    texts = [heading_text(s, parser, references) for s in sources]
    stack: list[int] = []
    for index, slug in enumerate(unique_slugs(texts)):
        while stack and levels[stack[-1]] >= levels[index]:
            stack.pop()
        parent = stack[-1] if stack else None
        omitted = bool(_OMIT.search(sources[index]))
        found.append(
            TocHeading(
                levels[index],
                lines[index],
                sources[index],
                texts[index],
                slug,
                omitted,
                parent,
                fold(sources[index], parser, references),
            )
        )
        stack.append(index)
    return tuple(found)


def _lists(document: Document, hinted: set[int]) -> list[list[int]]:
    """Item indices of each list holding a hinted line, in document order.

    A list is a run of top-level items with at most one blank line between them, with their
    sub-items. Only the lists around the hinted lines are walked: a 100,000-entry list with a
    contents pays for the contents, not for every item.
    """
    import bisect

    items = document.structure.items
    groups: list[list[int]] = []
    covered = -1
    for line in sorted(hinted):
        if line < covered:
            continue
        at = bisect.bisect_right(items, line, key=lambda item: item.line) - 1
        if at < 0 or items[at].end_line <= line:
            continue  # not inside a list item
        root = at
        while items[root].parent is not None:
            root = items[root].parent  # type: ignore[assignment]
        first = root
        while True:
            before = _previous_root(items, first)
            if before is None or not _joined(document, items[before].end_line, items[first].line):
                break
            first = before
        last = root
        while True:
            after = _next_root(items, last)
            if after is None or not _joined(document, items[last].end_line, items[after].line):
                break
            last = after
        stop = _next_root(items, last)
        group = list(range(first, stop if stop is not None else len(items)))
        groups.append(group)
        covered = max(items[i].end_line for i in group)
    return groups


def _previous_root(items: Sequence[ListItem], root: int) -> int | None:
    at = root - 1
    while at >= 0 and items[at].parent is not None:
        at -= 1
    return at if at >= 0 else None


def _next_root(items: Sequence[ListItem], root: int) -> int | None:
    at = root + 1
    while at < len(items) and items[at].parent is not None:
        at += 1
    return at if at < len(items) else None


def _joined(document: Document, end: int, start: int) -> bool:
    """Two top-level items are one list: next to each other or one blank line apart."""
    return start - end <= 1 and all(not document.line(n).strip() for n in range(end, start))


def _contents_lists(document: Document) -> list[tuple[int, list[list[int]]]]:
    """Lists of in-page links, those split by short labels (``**Web Development**``) joined,
    each with its count of items that start with an in-page link."""
    hinted = {document.line_of(m.start()) for m in _IN_PAGE.finditer(document.text)}
    if len(hinted) < MIN_ITEMS:
        return []  # most lists: no contents, and no walk over their items
    items = document.structure.items
    groups = _lists(document, hinted)
    lines = {i: items[i].line for group in groups for i in group}
    ends = {i: items[i].end_line for group in groups for i in group}
    heading_lines = {h.line for h in document.structure.headings}
    found: list[tuple[int, list[list[int]]]] = []
    last_end = -1
    for group in groups:
        if sum(1 for i in group if lines[i] in hinted) < SHARE * len(group):
            last_end = -1
            continue
        anchored = sum(1 for i in group if _in_page_link(document, lines[i]))
        if not anchored or anchored < SHARE * len(group):
            last_end = -1
            continue
        start = lines[group[0]]
        between = [document.line(n).strip() for n in range(last_end, start)] if found else []
        labels = [text for text in between if text]
        if (
            last_end >= 0
            and len(labels) <= 2
            and not any(n in heading_lines for n in range(last_end, start))
            and all("](" not in text and len(text) <= 80 for text in labels)
        ):
            count, parts = found[-1]
            found[-1] = (count + anchored, [*parts, group])
        else:
            found.append((anchored, [group]))
        last_end = max(ends[i] for i in group)
    return found


def _in_page_link(document: Document, line: int) -> Link | None:
    if document.text.find("](#", document.line_starts[line], document.line_ends[line]) < 0:
        return None  # most lines of a list: no scan
    for link in document.links(line):
        if link.image:
            continue
        return link if link.url.startswith("#") and len(link.url) > 1 else None
    return None


def _item(document: Document, line: int, depth: int, parser: MarkdownIt) -> TocItem:
    text = document.line(line)
    match = _ITEM.fullmatch(text)
    if match is None:  # a marker alone on its line
        return TocItem(line, depth, "", "", "", text, None, "", None, False)
    indent, marker, gap, content = match.groups()
    link = _in_page_link(document, line)
    start = document.line_starts[line]
    if link is None:
        return TocItem(line, depth, indent, marker, gap, content, None, "", None, False)
    content_start = start + match.start(4)
    before = document.text[content_start : link.start]
    after = document.text[link.end : document.line_ends[line]]
    folded = fold(before + link.text, parser)
    decorated = bool(fold(before, parser)) if before else False
    return TocItem(
        line, depth, indent, marker, gap, before, link, after, None, False, folded, decorated
    )


def _match(
    items: list[TocItem], headings: tuple[TocHeading, ...], by_slug: dict[str, int], end: int
) -> list[TocItem]:
    folded: dict[str, list[int]] = {}
    for number, heading in enumerate(headings):
        folded.setdefault(heading.folded, []).append(number)
    taken: set[int] = set()
    found = []
    for item in items:
        if item.link is None or item.decorated:
            found.append(item)
            continue
        index: int | None = by_slug.get(unquote(item.link.url[1:]).lower())
        by_text = False
        if index is None:
            # A broken anchor: the heading of the same text, the first not yet listed.
            candidates = [i for i in folded.get(item.folded, []) if i not in taken]
            if candidates:
                index, by_text = candidates[0], True
        if index is not None:
            taken.add(index)
        found.append(item._replace(heading=index, by_text=by_text))
    return _pair_by_place(found, headings, by_slug, taken, end)


def _pair_by_place(
    items: list[TocItem],
    headings: tuple[TocHeading, ...],
    by_slug: dict[str, int],
    taken: set[int],
    end: int,
) -> list[TocItem]:
    """A broken item between two listed ones takes the unlisted heading between theirs.

    Only when the counts agree: as many broken items at a depth as unlisted headings of the
    level that depth lists (``A Overview`` for ``## An Overview``, ``CoRL 2021`` for a
    ``### CoRL 2020`` between ``CoRL 2022`` and ``T-PAMI``).
    """
    level_at: dict[int, int] = {}
    for item in items:
        if item.heading is not None:
            level_at.setdefault(item.depth, headings[item.heading].level)

    def broken(item: TocItem) -> bool:
        return (
            item.heading is None
            and item.link is not None
            and not item.decorated
            and unquote(item.link.url[1:]).lower() not in by_slug
        )

    out = list(items)
    following: list[int] = [len(headings)] * (len(out) + 1)  # the next listed heading
    for position in range(len(out) - 1, -1, -1):
        listed = out[position].heading
        following[position] = listed if listed is not None else following[position + 1]
    below = -1
    position = 0
    while position < len(out):
        if not broken(out[position]):
            listed = out[position].heading
            if listed is not None:
                below = max(below, listed)
            position += 1
            continue
        run_end = position
        while run_end < len(out) and broken(out[run_end]):
            run_end += 1
        run = out[position:run_end]
        level = level_at.get(run[0].depth)
        candidates: list[int] = []
        # A few headings past what the run needs is enough to know the counts disagree.
        for i in range(below + 1, min(following[run_end], below + 1 + 4 * len(run) + 64)):
            seen = headings[i]
            if i not in taken and seen.line >= end and not seen.omitted and seen.level == level:
                candidates.append(i)
        if len({item.depth for item in run}) == 1 and len(candidates) == len(run):
            for offset, index in enumerate(candidates):
                out[position + offset] = run[offset]._replace(heading=index, by_text=True)
                taken.add(index)
                below = max(below, index)
        position = run_end
    return out


def _wanted(
    items: list[TocItem], headings: tuple[TocHeading, ...], end: int
) -> tuple[tuple[int, ...], dict[int, int]]:
    listed = {
        item.heading
        for item in items
        if item.heading is not None and not headings[item.heading].omitted
    }
    if not listed:
        return (), {}
    listed_levels = Counter(headings[i].level for i in listed)
    # The level the contents enumerate: the highest with two listed headings (a lone h1 root
    # above them is not it).
    top = min((lv for lv, n in listed_levels.items() if n >= 2), default=min(listed_levels))
    tops = [i for i in listed if headings[i].level == top]
    last = max(tops, default=max(listed))
    boundary = next(
        (h.line for h in headings[last + 1 :] if h.level <= headings[last].level),
        None,
    )
    expanded = {headings[i].parent for i in listed if headings[i].parent is not None}
    wanted = set(listed)
    for index, heading in enumerate(headings):
        if index in wanted or heading.omitted or heading.line < end:
            continue
        if _META.fullmatch(heading.folded.lower()):
            continue  # Contributing, License, Related lists: left out on purpose when unlisted
        if boundary is not None and heading.line >= boundary:
            break
        if heading.level == top or (
            heading.level > top and heading.parent in expanded and heading.parent in wanted
        ):
            wanted.add(index)
    ordered = tuple(sorted(wanted))
    flat = _flat_levels(items, headings, wanted)
    depths: dict[int, int] = {}
    for index in ordered:
        parent = headings[index].parent
        while parent is not None and parent not in depths:
            parent = headings[parent].parent
        if parent is None:
            depths[index] = 0
        else:
            depths[index] = depths[parent] + (headings[parent].level not in flat)
    return ordered, depths


def _flat_levels(
    items: list[TocItem], headings: tuple[TocHeading, ...], wanted: set[int]
) -> set[int]:
    """Heading levels whose sub-headings the contents list beside them, not under them.

    Learnt from the items: a list that writes its title item (the h1) flat with the sections
    (``- [Awesome X](#awesome-x)`` then ``- [Apps](#apps)``) does so for most of them; an item
    that breaks the habit is the one out of place.
    """
    depth_of: dict[int, int] = {}
    for item in items:
        if item.heading is not None and item.heading in wanted:
            depth_of.setdefault(item.heading, item.depth)
    votes: dict[int, Counter[bool]] = {}
    for index, depth in depth_of.items():
        parent = headings[index].parent
        while parent is not None and parent not in depth_of:
            parent = headings[parent].parent
        if parent is not None and depth - depth_of[parent] in (0, 1):
            step = depth - depth_of[parent]
            votes.setdefault(headings[parent].level, Counter())[step == 0] += 1
    return {level for level, count in votes.items() if count[True] > count[False]}


class Style(NamedTuple):
    indents: dict[int, str]
    markers: dict[int, str]
    gaps: dict[int, str]
    wrap: str
    sequential: dict[int, bool]


def style(toc: Toc) -> Style:
    """The contents' habits per depth: indent step, bullet, spacing, bold or plain link text."""
    steps: dict[int, Counter[str]] = {}
    markers: dict[int, Counter[str]] = {}
    gaps: dict[int, Counter[str]] = {}
    wraps: Counter[str] = Counter()
    in_order: dict[int, Counter[bool]] = {}
    siblings: Counter[tuple[int, int]] = Counter()
    parents: list[TocItem] = []
    top: Counter[str] = Counter()
    for item in toc.items:
        markers.setdefault(item.depth, Counter())[_bullet(item.marker)] += 1
        gaps.setdefault(item.depth, Counter())[item.gap] += 1
        wrap = item.before if item.before in _WRAPS and item.after.startswith(item.before) else ""
        wraps[wrap] += 1
        del parents[item.depth :]
        if not parents:
            top[item.indent] += 1
        elif item.indent.startswith(parents[-1].indent):
            steps.setdefault(item.depth, Counter())[item.indent[len(parents[-1].indent) :]] += 1
        key = (item.depth, parents[-1].line if parents else -1)
        siblings[key] += 1
        if item.marker[:1].isdigit():
            in_order.setdefault(item.depth, Counter())[int(item.marker[:-1]) == siblings[key]] += 1
        parents.append(item)
    out = Style({}, {}, {}, wraps.most_common(1)[0][0] if wraps else "", {})
    deepest = max(max(markers), max(toc.depths.values(), default=0))
    for depth in range(deepest + 1):
        above = depth - 1
        if depth in markers:
            out.markers[depth] = markers[depth].most_common(1)[0][0]
            out.gaps[depth] = gaps[depth].most_common(1)[0][0]
        else:  # a depth the contents never reached: the bullet of the one above
            out.markers[depth] = out.markers[above]
            out.gaps[depth] = out.gaps[above]
        if depth == 0:
            out.indents[0] = top.most_common(1)[0][0] if top else ""
        else:
            width = len(out.markers[above]) + len(out.gaps[above])
            known = [steps[d].most_common(1)[0][0] for d in range(depth, 0, -1) if d in steps]
            step = known[0] if known else " " * width
            if step.strip(" ") == "" and not width <= len(step) < width + 4:
                step = " " * width  # a sub-item must start within its parent's content
            out.indents[depth] = out.indents[above] + (step or " " * width)
        counts = in_order.get(depth, Counter())
        out.sequential[depth] = bool(counts) and counts[True] >= counts[False]
    return out


def _bullet(marker: str) -> str:
    return marker if not marker[:1].isdigit() else "1" + marker[-1]


def item_text(heading: TocHeading) -> str:
    """The link text of a new item: the heading as written when that is plain inline text, else
    the text it renders to (no links nor images, reference-style ones neither)."""
    source = _OMIT.sub("", heading.source).strip()
    if "[" not in source and "<" not in source:
        return source
    return re.sub(r"([\[\]\\])", r"\\\1", " ".join(heading.text.split()))


def regenerate(toc: Toc) -> list[str] | None:
    """The contents' lines for exactly the headings it should list; None if it cannot say.

    An item that lists no heading (a broken anchor with no heading of its text, a link to an
    explicit anchor), a contents in several lists or with continuation lines is not
    regenerated: its text has nowhere to go. Blank lines stay after the items they follow.
    """
    if not toc.tight or any(item.heading is None for item in toc.items):
        return None
    look = style(toc)
    first: dict[int, TocItem] = {}
    for item in toc.items:
        if item.heading is not None:
            first.setdefault(item.heading, item)
    lines = []
    counters: list[int] = []
    for index in toc.wanted:
        heading = toc.headings[index]
        depth = toc.depths[index]
        del counters[depth + 1 :]
        while len(counters) <= depth:
            counters.append(0)
        counters[depth] += 1
        old = first.get(index)
        # The dominant style of the depth: an item keeping its own indent under a new parent
        # could land at another depth.
        indent, marker, gap = look.indents[depth], look.markers[depth], look.gaps[depth]
        if old is not None and old.depth == depth and _bullet(old.marker) == marker:
            marker = old.marker
        if marker[:1].isdigit() and look.sequential.get(depth):
            marker = f"{counters[depth]}{marker[-1]}"
        if old is not None and old.link is not None:
            text = old.link.text
            if not toc.renamed and toc.renames(old):
                text = item_text(heading)
                if old.before.strip() and text.startswith(old.before.strip()):
                    text = text[len(old.before.strip()) :].lstrip()
            fragment = old.link.url[1:]
            if old.by_text:
                fragment = heading.slug
            link = f"[{text}](#{fragment})"
            lines.append(f"{indent}{marker}{gap}{old.before}{link}{old.after}")
        else:
            wrap = look.wrap
            lines.append(
                f"{indent}{marker}{gap}{wrap}[{item_text(heading)}](#{heading.slug}){wrap}"
            )
        lines.extend([""] * toc.blanks.get(index, 0))
    while lines and not lines[-1]:
        lines.pop()
    from awesome_lint.model.document import Document

    # Never trust a contents not parsed back: each item at its depth, one item a line.
    parsed = Document("\n".join(lines)).structure.items
    if [(i.line, i.depth) for i in parsed] != [
        (n, toc.depths[index]) for n, index in zip(_item_lines(lines), toc.wanted, strict=False)
    ] or len(parsed) != len(toc.wanted):
        return None
    return lines


def _item_lines(lines: list[str]) -> list[int]:
    return [n for n, line in enumerate(lines) if line]
