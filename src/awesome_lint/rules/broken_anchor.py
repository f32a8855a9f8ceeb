"""AL501 broken-anchor: a #anchor link that no heading or anchor of the file answers to.

Anchors are made as GitHub makes them from headings: the rendered text in lower case, with
punctuation other than ``-`` and ``_`` dropped and spaces turned into ``-``; repeated
headings get ``-1``, ``-2``...; non-ASCII letters are kept. ``<a name="…">`` and ``id="…"``
count too, and so do ``#top`` and line references such as ``#L10``. The table of contents is
checked like any other link. Case does not matter (GitHub finds ``#Papers`` too).

Why: a table of contents that points nowhere is the first thing a reader clicks.

Okay:  [Papers](#papers) with a heading "## Papers"
AL501: [Papers](#paper) with a heading "## Papers"
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation


def check(ctx: Context) -> Iterator[Violation]:
    anchors = ctx.anchors
    for target in ctx.local_links:
        if not target.url.startswith("#"):
            continue
        fragment = target.url[1:]
        if fragment in anchors:
            continue
        message = f'No heading or anchor "#{fragment}" in this file'
        import difflib  # only for a broken anchor: most runs have none

        close = difflib.get_close_matches(unquote(fragment).lower(), anchors.names, n=1)
        if close:
            message += f' (did you mean "#{close[0]}"?)'
        yield Violation(target.start, target.end, message)
