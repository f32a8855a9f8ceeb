"""Badges: images, linked or not, in Markdown (inline or by reference) and in HTML ``<img>``.

``[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)``,
``[![Awesome][badge]][link]`` with ``[badge]: …`` definitions, ``![CI](…/badge.svg)`` and
``<a href="…"><img src="…" alt="…"></a>``. Read by the preset rules (AL510, AL511).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from awesome_lint.model.document import Document

# An image: ![alt](src "title") or ![alt][ref]; optionally wrapped in [ … ](href) or [ … ][ref].
_IMAGE = (
    r"!\[(?P<alt>[^\[\]\n]*)\]"
    r"(?:\((?P<src><[^<>\n]*>|[^\s()]+)(?:[ \t]+\"(?P<title>[^\"\n]*)\")?\)"
    r"|\[(?P<src_ref>[^\[\]\n]*)\])"
)
_LINKED = r"\](?:\((?P<href>[^\s()]+)\)|\[(?P<href_ref>[^\[\]\n]*)\])"
_BADGE = re.compile(rf"\[(?P<image>{_IMAGE}){_LINKED}|(?P<bare>{_IMAGE.replace('?P<', '?P<b_')})")
_DEFINITION = re.compile(r"\A {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*<?([^\s<>]+)>?")
_IMG_TAG = re.compile(r"<img\b[^<>]*>", re.IGNORECASE)
_A_OPEN = re.compile(r"<a\b[^<>]*>", re.IGNORECASE)
_A_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\b(src|alt|title|href)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


class Badge(NamedTuple):
    alt: str
    src: str
    href: str | None  # the link around the image, None for a bare image
    start: int  # the whole badge: "[![…](…)](…)", "![…](…)" or the <a>…</a> / <img> tag
    end: int
    src_start: int  # where src is written: the url itself, or the reference definition's url
    src_end: int
    title: str = ""
    html: bool = False
    href_start: int = -1  # where an inline href is written; -1 for a reference or no link
    href_end: int = -1


def references(document: Document) -> dict[str, tuple[str, int]]:
    """Link reference definitions outside code: folded label → (url, offset of the url)."""
    found: dict[str, tuple[str, int]] = {}
    code = document.structure.code_lines
    for n in range(document.line_count):
        line = document.line(n)
        if n in code or "]:" not in line:
            continue
        match = _DEFINITION.match(line)
        if match is not None:
            label = " ".join(match.group(1).split()).casefold()
            found.setdefault(label, (match.group(2), document.line_starts[n] + match.start(2)))
    return found


def badges_of_line(
    document: Document, n: int, refs: dict[str, tuple[str, int]] | None = None
) -> Iterator[Badge]:
    """The badges written on line ``n``."""
    line = document.line(n)
    base = document.line_starts[n]
    if "![" in line:
        for match in _BADGE.finditer(line):
            prefix = "" if match.group("image") is not None else "b_"
            alt = match.group(f"{prefix}alt") or ""
            title = match.group(f"{prefix}title") or ""
            src = match.group(f"{prefix}src")
            if src is not None:
                src_start = base + match.start(f"{prefix}src")
                if src.startswith("<"):
                    src, src_start = src[1:-1], src_start + 1
            else:
                ref = _lookup(refs, match.group(f"{prefix}src_ref") or alt)
                if ref is None:
                    continue
                src, src_start = ref
            href: str | None = None
            href_start = href_end = -1
            if not prefix:
                href = match.group("href")
                if href is not None:
                    href_start, href_end = base + match.start("href"), base + match.end("href")
                else:
                    found = _lookup(refs, match.group("href_ref") or "")
                    href = found[0] if found is not None else None
            yield Badge(
                alt,
                src,
                href,
                base + match.start(),
                base + match.end(),
                src_start,
                src_start + len(src),
                title,
                href_start=href_start,
                href_end=href_end,
            )
    if "<img" in line.lower():
        yield from _html_badges(line, base)


def _lookup(refs: dict[str, tuple[str, int]] | None, label: str) -> tuple[str, int] | None:
    if refs is None:
        return None
    return refs.get(" ".join(label.split()).casefold())


def _html_badges(line: str, base: int) -> Iterator[Badge]:
    for tag in _IMG_TAG.finditer(line):
        attributes = _attributes(tag.group())
        if "src" not in attributes:
            continue
        src, offset = attributes["src"]
        start, end, href = tag.start(), tag.end(), None
        href_start = href_end = -1
        opener = None
        for candidate in _A_OPEN.finditer(line, 0, tag.start()):
            opener = candidate
        if opener is not None and not _A_CLOSE.search(line, opener.end(), tag.start()):
            value, at = _attributes(opener.group()).get("href", ("", -1))
            href = value or None
            if href is not None:
                href_start = base + opener.start() + at
                href_end = href_start + len(href)
            closer = _A_CLOSE.search(line, tag.end())
            start = opener.start()
            end = closer.end() if closer is not None else tag.end()
        src_start = base + tag.start() + offset
        yield Badge(
            attributes.get("alt", ("", 0))[0],
            src,
            href,
            base + start,
            base + end,
            src_start,
            src_start + len(src),
            attributes.get("title", ("", 0))[0],
            html=True,
            href_start=href_start,
            href_end=href_end,
        )


def _attributes(tag: str) -> dict[str, tuple[str, int]]:
    found: dict[str, tuple[str, int]] = {}
    for match in _ATTRIBUTE.finditer(tag):
        group = 2 if match.group(2) is not None else 3
        found.setdefault(match.group(1).lower(), (match.group(group), match.start(group)))
    return found
