"""The anchors a rendered Markdown file offers to ``#fragment`` links, as GitHub makes them.

A heading's anchor is its rendered text (link text kept, markup, images and HTML tags
dropped; reference-style links and images, ``[text][ref]`` and ``![alt][ref]``, count as links
and images when the file defines ``[ref]: url``, as text when it does not), lower-cased, with
every character that is not a letter, mark, digit, ``_``, ``-`` or space removed and spaces
turned into ``-``; repeats get ``-1``, ``-2``... Non-ASCII letters are kept, so ``## 中文`` is
``#中文``. Explicit ``<a name="…">`` and ``id="…"`` attributes are anchors too. Headings
inside code are not headings (the block parse already knows).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING
from urllib.parse import unquote

from awesome_lint.model.links import code_spans

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

    from awesome_lint.model.document import Document

# GitHub keeps Ruby's \p{Word} (letters, marks, decimal digits, connector punctuation), - and space.
_NOT_ASCII_SLUG = re.compile(r"[^a-z0-9_\- ]")
_SLUG_CATEGORIES = frozenset(("Nd", "Pc"))
_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")
_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_ID_ATTRIBUTE = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_NAME_ATTRIBUTE = re.compile(r"""\bname\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
# Fragments every page has: the top of the page and GitHub's line references.
_ALWAYS = re.compile(r"(?:top|L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?)", re.IGNORECASE)


class Anchors:
    """The fragments a document answers to, lower-cased (GitHub matches them case-blind)."""

    __slots__ = ("names",)

    def __init__(self, names: frozenset[str]) -> None:
        self.names = names

    def __contains__(self, fragment: object) -> bool:
        if not isinstance(fragment, str):
            return False
        wanted = unquote(fragment)
        return not wanted or bool(_ALWAYS.fullmatch(wanted)) or wanted.lower() in self.names


def github_slug(text: str) -> str:
    """The anchor GitHub gives a heading whose rendered text is ``text`` (before repeats)."""
    lowered = text.lower()
    if lowered.isascii():
        return _NOT_ASCII_SLUG.sub("", lowered).replace(" ", "-")
    from unicodedata import category  # headings in other scripts only

    kept = (
        ch
        for ch in lowered
        if ch in "- " or category(ch)[0] in "LM" or category(ch) in _SLUG_CATEGORIES
    )
    return "".join(kept).replace(" ", "-")


def unique_slugs(texts: Iterable[str]) -> Iterator[str]:
    """Slugs of headings in document order, repeats numbered ``-1``, ``-2`` as GitHub does."""
    seen: dict[str, int] = {}
    taken: set[str] = set()
    for text in texts:
        base = github_slug(text)
        slug = base
        while slug in taken:
            seen[base] = seen.get(base, 0) + 1
            slug = f"{base}-{seen[base]}"
        taken.add(slug)
        yield slug


_MARKUP = re.compile(r"[\[\]*_`<!\\&]")
# Plain links and images, `Title [![badge](src)](url)`: the markup of most headings that have
# any. A destination here is ASCII with no blank, paren, bracket, quote mark, or colon but in
# ``http(s)://`` (so no ``javascript:``, which CommonMark does not make a link); an image's alt
# text is dropped, so it only needs no bracket, nor a code span or tag that could end it early.
_DESTINATION = r"\((?:https?://)?[-\w.~/?#@!$%&*+,;=]*\)"  # \w: ASCII (the flag below)
_IMAGE = rf"!\[[^\[\]\\`<>]*\]{_DESTINATION}"
_PLAIN_LINK = re.compile(rf"{_IMAGE}|\[((?:{_IMAGE}|[^\[\]*_`<!\\&])*)\]{_DESTINATION}", re.ASCII)
_PLAIN_IMAGE = re.compile(_IMAGE, re.ASCII)


def heading_text(
    inline_markdown: str,
    parser: MarkdownIt | None = None,
    references: References | None = None,
) -> str:
    """The text a heading renders to: link text and code kept, markup, images and tags dropped.

    ``references`` are the file's reference definitions (see ``reference_definitions``): without
    them ``![alt][ref]`` renders as the text it is written with.
    """
    if not _MARKUP.search(inline_markdown):
        return inline_markdown  # plain text renders as itself: no parser to load
    plain = _plain_links_text(inline_markdown)
    if plain is not None:
        return plain
    env = {"references": references} if references else {}
    tokens = (parser or _inline_parser()).parseInline(inline_markdown, env)
    return "".join(_text_of(tokens[0].children or []) if tokens else [])


References = dict[str, dict[str, str]]  # markdown-it's env["references"]: label -> href, title
_DEFINITION = re.compile(r" {0,3}\[((?:[^\[\]\\]|\\.){1,999})\]:[ \t]*(\S*)")


def needs_references(texts: Iterable[str]) -> bool:
    """Whether some heading may hold a reference-style link or image (``[text][ref]``)."""
    return any("[" in t and _plain_links_text(t) is None for t in texts)


def reference_definitions(document: Document) -> References:
    """The document's ``[label]: url`` definitions, keyed as markdown-it looks them up."""
    from markdown_it.common.utils import normalizeReference

    structure = document.structure
    excluded = structure.code_lines | structure.html_lines
    found: References = {}
    for n in range(document.line_count):
        line = document.line(n)
        if "]:" not in line or n in excluded:
            continue
        match = _DEFINITION.match(line)
        if match is not None:
            label = normalizeReference(match.group(1))
            if label:
                found.setdefault(label, {"href": match.group(2), "title": ""})
    return found


def _plain_links_text(inline_markdown: str) -> str | None:
    """The rendered text of a heading whose only markup is plain links and images, else None.

    What markdown-it renders then (``tests/test_anchors.py`` checks it against the parser), at
    no cost of loading it: most lists' h1 holds badges and nothing else asks for the parser.
    """
    rendered = _PLAIN_LINK.sub(_link_text, inline_markdown)
    return None if _MARKUP.search(rendered) else rendered


def _link_text(match: re.Match[str]) -> str:
    text = match.group(1)
    return "" if text is None else _PLAIN_IMAGE.sub("", text)


def document_anchors(document: Document) -> Anchors:
    """Every anchor of ``document``: heading slugs and explicit ``id``/``name`` attributes."""
    headings = document.structure.headings
    parser = None
    references = None
    if any(_MARKUP.search(h.text) and _plain_links_text(h.text) is None for h in headings):
        parser = _inline_parser()
        if needs_references(h.text for h in headings):
            references = reference_definitions(document)
    texts = [heading_text(h.text, parser, references) for h in headings]
    names = set(unique_slugs(texts))
    # An emoji shortcode renders as an emoji (dropped) when GitHub knows it, as text otherwise.
    if any(_SHORTCODE.search(t) for t in texts):
        names.update(unique_slugs(_SHORTCODE.sub("", t) for t in texts))
    names.update(name.lower() for name in _explicit_anchors(document))
    return Anchors(frozenset(names))


def _explicit_anchors(document: Document) -> Iterator[str]:
    code_lines = document.structure.code_lines
    for n in range(document.line_count):
        if n in code_lines:
            continue
        line = document.line(n)
        if "<" not in line:
            continue
        spans = code_spans(line) if "`" in line else []
        for tag in _TAG.finditer(line):
            if any(s <= tag.start() < e for s, e in spans):
                continue
            yield from _attribute_values(_ID_ATTRIBUTE, tag.group())
            if re.match(r"<a\s", tag.group(), re.IGNORECASE):
                yield from _attribute_values(_NAME_ATTRIBUTE, tag.group())


def _attribute_values(pattern: re.Pattern[str], tag: str) -> Iterator[str]:
    for match in pattern.finditer(tag):
        value = next(g for g in match.groups() if g is not None)
        if value:
            yield value


def _text_of(children: list[Token]) -> Iterator[str]:
    # An image's alt text lives in its own children: it is not part of the heading's text.
    for token in children:
        if token.type in ("text", "code_inline"):
            yield token.content
        elif token.type in ("softbreak", "hardbreak"):
            yield " "


def _inline_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")
