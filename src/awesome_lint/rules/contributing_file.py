"""AL509 contributing-file: the README promises contribution guidelines that do not exist.

A promise is a mention, outside code blocks and comments, of ``CONTRIBUTING`` /
``contributing.md`` or of "contribution guidelines" / "contributing guide" that is not a
link (headings name sections, not files). The guidelines exist when a file named
``contributing…`` or ``contribution…`` (any case: ``CONTRIBUTING.md``, ``contributing.md``,
``contribution_guidelines.md``; not ``CONTRIBUTORS.md``) sits beside the list, or in its
``.github/``, ``docs/`` or ``doc/`` folder. A linked promise is kept by its
link: a relative link to a missing file is AL502's (missing-file), an absolute url points at
guidelines elsewhere, an ``#anchor`` at a section of the README.

With ``preset = "awesome"`` the file is required even when nothing promises it, as the
awesome manifesto (and sindresorhus/awesome-lint's awesome-contributing) ask; unlike that
rule, ``.github/``, ``docs/`` and any case are accepted, and an empty file is not checked.

Why: "read CONTRIBUTING.md first" with no such file stops a contributor at the first step.

Okay:  Please read CONTRIBUTING.md first. (and CONTRIBUTING.md exists)
AL509: Please read CONTRIBUTING.md first. (and no such file)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation
from awesome_lint.model.document import Document
from awesome_lint.model.outline import visible
from awesome_lint.repository import find_file

_PROMISE = re.compile(
    r"\bCONTRIBUTING(?:\.md)?\b|\bcontributing\.md\b"
    r"|\bcontribut(?:ion|ing)[ _-]guide(?:lines?|s)?\b",
    re.IGNORECASE,
)
_UPPER = re.compile(r"\bCONTRIBUTING\b")
# Bracketed text followed by a link destination or reference: "[see CONTRIBUTING](...)".
_LINK_TEXT = re.compile(r"\[[^\[\]\n]*\](?=[(\[])")
_A_OPEN = re.compile(r"<a\b[^<>]*>", re.IGNORECASE)


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    if document.path.startswith("<"):
        return  # text that is not a file has no folder to look in
    promise = _first_promise(document)
    required = ctx.settings.preset == "awesome"
    if promise is None and not required:
        return
    if find_file(document.path, ("contributing", "contribution")) is not None:
        return
    where = "beside the list, in .github/ or docs/"
    if promise is not None:
        start, end = promise
        yield Violation(
            start,
            end,
            f'"{document.text[start:end]}" promises contribution guidelines, but no '
            f"CONTRIBUTING file exists {where}",
        )
        return
    first = next((n for n in range(document.line_count) if visible(document, n, n + 1)), 0)
    yield Violation(
        document.line_starts[first],
        document.line_ends[first],
        f"No CONTRIBUTING file {where} (the awesome preset asks for contribution guidelines)",
    )


def _first_promise(document: Document) -> tuple[int, int] | None:
    if "ontribut" not in document.text and "ONTRIBUT" not in document.text:
        return None
    structure = document.structure
    headings = {h.line for h in structure.headings}
    inside_comment = False
    for n in range(document.line_count):
        line = document.line(n)
        if n in structure.code_lines:
            continue
        hidden: list[tuple[int, int]] = []
        if inside_comment or "<!--" in line:
            hidden, inside_comment = _comments(line, inside_comment)
        if "ontribut" not in line and "ONTRIBUT" not in line:
            continue  # the common line: no regex
        if n in headings or not _PROMISE.search(line):
            continue  # a "## CONTRIBUTING" heading names a section, not a file
        base = document.line_starts[n]
        hidden += [(link.start - base, link.end - base) for link in document.links(n)]
        hidden += [(m.start(), m.end()) for m in _LINK_TEXT.finditer(line)]
        hidden += _html_links(line)
        for match in _PROMISE.finditer(line):
            if any(s <= match.start() < e for s, e in hidden):
                continue
            word = match.group()
            if word.lower() == "contributing" and not _UPPER.fullmatch(word):
                continue  # "contributing" alone is a verb; only CONTRIBUTING names the file
            return base + match.start(), base + match.end()
    return None


def _comments(line: str, inside: bool) -> tuple[list[tuple[int, int]], bool]:
    """Spans of ``line`` inside HTML comments, and whether a comment is still open after it."""
    spans: list[tuple[int, int]] = []
    position = 0
    while position <= len(line):
        if inside:
            close = line.find("-->", position)
            if close == -1:
                spans.append((position, len(line)))
                return spans, True
            spans.append((position, close + 3))
            inside, position = False, close + 3
        opening = line.find("<!--", position)
        if opening == -1:
            return spans, False
        inside, position = True, opening
    return spans, inside


def _html_links(line: str) -> list[tuple[int, int]]:
    """Spans of ``<a …>…</a>`` in the line, by search: one pass, whatever the tags."""
    spans: list[tuple[int, int]] = []
    lower = line.lower()
    position = 0
    while (opening := _A_OPEN.search(line, position)) is not None:
        close = lower.find("</a", opening.end())
        if close == -1:
            break
        spans.append((opening.start(), close + 3))
        position = close + 3
    return spans
