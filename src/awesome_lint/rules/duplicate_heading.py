"""AL508 duplicate-heading: the same heading twice at one level under one parent.

Headings are compared by what they say (links reduced to their text; images, tags and
emphasis dropped), case and spacing folded. The same name under different parents is fine
(``### Papers`` under ``## Planning`` and under ``## Control``); year headings are AL203's
(duplicate-year-section) and not reported here.

Why: two sections of one name split what belongs together, and the second one's anchor
becomes ``#name-1``, which no table of contents expects.

Okay:  ## Planning / ### Papers / ## Control / ### Papers
AL508: ## Tools / ### Editors / ### Shells / ### Editors
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Related, Violation
from awesome_lint.model.outline import Section, outline

_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\n]*\)")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_MARKUP = re.compile(r"[*_`~]+")


def _name(text: str) -> str:
    """What a heading says: links reduced to their text; images, tags and emphasis dropped."""
    if "[" in text or "<" in text:
        text = _TAG.sub("", _LINK.sub(r"\1", _IMAGE.sub("", text)))
    return " ".join(_MARKUP.sub("", text).split()).casefold().rstrip(":：")


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    years = {section.heading.line for section in ctx.year_sections.sections}
    first: dict[tuple[int | None, int, str], Section] = {}
    for section in outline(document):
        heading = section.heading
        if heading.line in years:
            continue
        name = _name(heading.text)
        if not name:
            continue
        earlier = first.setdefault((section.parent, heading.level, name), section)
        if earlier is section:
            continue
        line, before = heading.line, earlier.heading.line
        yield Violation(
            document.line_starts[line],
            document.line_ends[line],
            f'Heading "{" ".join(heading.text.split())}" repeats the heading on line '
            f"{before + 1} under the same parent: merge the two sections",
            related=(
                Related(document.line_starts[before], document.line_ends[before], "first one"),
            ),
        )
