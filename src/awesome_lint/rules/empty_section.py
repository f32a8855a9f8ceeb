"""AL507 empty-section: a heading with nothing under it before the next heading of its level.

A section is empty when the lines between its heading and the next heading of the same or a
higher level show nothing: only blank lines, HTML comments, link reference definitions or
tags that render nothing (``<a name="x"></a>``). A heading whose only content is its
subsections is not empty (``## Tools`` then ``### Editors``); an empty subsection is
reported on its own. The list's title (its first h1) is not a section. A line between two
``---`` rules (a banner that Markdown reads as a setext heading) is left alone.

Why: an empty section is a promise the list does not keep: readers follow it from the
contents and find nothing. Fill it or remove it.

Okay:  ## Editors / - [Vim](https://www.vim.org) - The editor. / ## Shells
AL507: ## Editors / ## Shells
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation
from awesome_lint.model.document import Document
from awesome_lint.model.outline import outline, visible


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    sections = outline(document)
    years = {section.heading.line for section in ctx.year_sections.sections}
    title = next((s for s in sections if s.heading.level == 1), None)
    for section in sections:
        if section is title:
            continue  # the list's title heads the document, not a section
        if section.has_subsections or visible(document, section.body_line, section.next_line):
            continue
        line = section.heading.line
        if _banner(document, line):
            continue
        text = " ".join(section.heading.text.split())
        message = f'Section "{text}" is empty: nothing under it before the next heading'
        following = sections[section.position + 1] if section.position + 1 < len(sections) else None
        if (
            following is not None
            and following.heading.level == section.heading.level
            and following.heading.line in years
            and line not in years
        ):
            message = (
                f'Section "{text}" is empty: the year heading after it '
                f'("{following.heading.text}") has the same level; make it a subsection'
            )
        yield Violation(document.line_starts[line], document.line_ends[line], message)


def _banner(document: Document, line: int) -> bool:
    """``---`` / text / ``---``: a banner between rules that Markdown reads as a heading."""
    if document.line(line).lstrip(" ").startswith("#") or line == 0:
        return False
    above = document.line(line - 1).strip()
    return len(above) >= 3 and set(above) == {"-"}
