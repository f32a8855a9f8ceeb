"""AL512 license-section: a License section in the README (preset awesome).

Off by default; ``preset = "awesome"`` (or ``--preset awesome``, or selecting AL512) turns it
on. Reports a heading whose text is "License" or "Licence" (any level, emoji and markup
aside), and says whether a licence file (``LICENSE``, ``LICENCE``, ``COPYING``,
``UNLICENSE``, any case and extension) sits beside the list. Not fixed: the section's words
are the author's to move.

Like sindresorhus/awesome-lint (awesome-license); it also checks the repository's licence
through GitHub, which we do not do (no network in a lint).

Why: the awesome manifesto: the licence goes in a LICENSE file, where GitHub and tools
find it; a License section in the list is clutter between the entries and the reader.

Okay:  ## Contributing / (and a LICENSE file)
AL512: ## License / CC0
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation
from awesome_lint.model.anchors import heading_text
from awesome_lint.repository import find_file

_LICENSE = re.compile(r"\Alicen[cs]e\Z", re.IGNORECASE)
_NOT_WORD = re.compile(r"[^\w\s]+")
_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")
_LICENCE_FILES = ("license", "licence", "copying", "unlicense")


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    for heading in document.structure.headings:
        words = _NOT_WORD.sub(" ", _SHORTCODE.sub(" ", heading_text(heading.text))).split()
        if len(words) != 1 or not _LICENSE.match(words[0]):
            continue
        found = find_file(document.path, _LICENCE_FILES)
        where = (
            f"keep it in {found.name}"
            if found is not None
            else "move it to a LICENSE file beside the list"
        )
        yield Violation(
            document.line_starts[heading.line],
            document.line_ends[heading.line],
            f"A License section in the README: {where}",
        )
