"""AL301 duplicate-entry: the same paper link as an earlier entry in the same scope.

Links are compared in canonical form: arXiv abs/pdf/html/vN/www/http, http/https, ``www.``,
a trailing slash, ``.git`` and the case of a GitHub owner/repo all compare equal. Only title
links count, and only within one scope: a format block's section, or each of its content
sub-sections when it is divided that way (a paper may be listed under ``### Models`` and again
under ``### Datasets``). Entries whose titles differ are AL303's.
The unsafe fix removes the later entry (and one blank line, so no double blank is left) when
every line it has is also in the first one; otherwise merge them by hand.

In a list with no format block, an item's name link counts the same way, across the whole
list ("Item repeats the link"); an item with a sub-list is never removed by the fix.

Why: a paper listed twice, a year apart, splits its details and doubles the reading.

Okay:  - [A](https://arxiv.org/abs/2106.01345) / - [B](https://arxiv.org/abs/2305.20081)
AL301: - [A](https://arxiv.org/abs/2106.01345) / - [A](http://arxiv.org/pdf/2106.01345v2.pdf)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Fix, Related, Violation
from awesome_lint.model.document import Document
from awesome_lint.model.entries import Entry
from awesome_lint.model.papers import repeated_urls, same_title
from awesome_lint.model.urls import canonical_url
from awesome_lint.moves import joins_previous_item, removal


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    for repeat in repeated_urls(ctx.papers):
        same = next((p for p in repeat.earlier if same_title(repeat.paper.title, p.title)), None)
        if same is None:
            continue  # another title under the same link: AL303's
        entry, first = repeat.paper.entry, same.entry
        title, first_title = repeat.paper.link, same.link
        fix = None
        # Removing it must not hand the lines after it to the entry before it.
        if (
            _adds_nothing(document, entry, first)
            and not (entry.schema.inferred and entry.has_items)  # an item over a sub-list
            and not joins_previous_item(document, entry.end_line)
        ):
            fix = Fix.unsafe(
                f"Remove the repeated entry (first at line {first.line + 1})",
                removal(document, entry.line, entry.end_line),
                structural=True,
            )
        yield Violation(
            title.start,
            title.end,
            f"Entry repeats the paper of line {first.line + 1}"
            if not entry.schema.inferred
            else f"Item repeats the link of line {first.line + 1}",
            fix,
            (Related(first_title.start, first_title.end, "first occurrence"),),
        )


def _adds_nothing(document: Document, entry: Entry, first: Entry) -> bool:
    """Whether every line and link of ``entry`` is also in ``first``."""
    first_links = {canonical_url(link.url) for link in first.links}
    if any(canonical_url(link.url) not in first_links for link in entry.links):
        return False
    title_rest = _fold(document.text[entry.title.end : entry.content_end]) if entry.title else ""
    first_rest = _fold(document.text[first.title.end : first.content_end]) if first.title else ""
    if title_rest and title_rest != first_rest:
        return False
    first_lines = {_fold(document.line(n)) for n in range(first.line + 1, first.end_line)}
    return all(
        _fold(document.line(n)) in first_lines for n in range(entry.line + 1, entry.end_line)
    )


def _fold(line: str) -> str:
    """A line without its indent, bullet, case or spacing, for comparing content."""
    return " ".join(line.strip().lstrip("-*+").split()).casefold()
