"""AL101 title-not-link: an entry whose title is not a ``[title](url)`` link.

A tag may stand before the title (``【Survey】``, ``<a id="x"></a>``, ``**``, ``:fire:``, a date),
and the block may put something there itself (``- **[venue]** [title](paper link)``). Only
entries of a block whose title is a link are checked, and only when most of its entries do
start with one: a list whose entries write their titles as text gets one AL112 instead.

A list with no block is checked against its inferred format (``model.inferred``): where the
items of a section (or, for a small section, of the whole list at that depth) start with a
``[name](url)`` link, an item that does not is reported; an item holding a sub-list (a
category: ``- Databases`` over its links) is not an entry. No habit, no report.

Why: the title link is what readers click and what duplicate and year checks key on; an entry
without one cannot be checked or found.

Okay:  - [Deep TAMER: Interactive Agent Shaping](https://arxiv.org/abs/1709.10163)
Okay:  - 【Survey】[Deep TAMER](https://arxiv.org/abs/1709.10163)
Okay:  - [Deep TAMER: Interactive Agent
         Shaping](https://arxiv.org/abs/1709.10163)
AL101: - Deep TAMER: Interactive Agent Shaping (https://arxiv.org/abs/1709.10163)
AL101: - Deep TAMER: Interactive Agent Shaping [[pdf](https://arxiv.org/abs/1709.10163)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation
from awesome_lint.model.entries import Entry

# A title link whose text runs onto the next line (``[long title`` / ``  more](url)``) is a
# link all the same: Markdown joins the lines.
_SPLIT_LINK = re.compile(r"\A(?:[^\[\]\n]{0,80}[^\S\n])?\[[^\[\]\n]*\n[^\[\]\n]*\]\(")  # \A: linear


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    for entry in ctx.entries:
        if entry.title is not None:
            continue
        if entry.schema.inferred:
            yield from _inferred(ctx, entry)
            continue
        if not ctx.habit(entry.schema).title_is_link:
            continue
        through = document.line_ends[min(entry.line + 1, len(document.line_ends) - 1)]
        if _SPLIT_LINK.match(document.text[entry.content_start : through]):
            continue
        end = entry.content_end if entry.content_end > entry.content_start else entry.start + 1
        prefix = f"{entry.schema.title_prefix} " if entry.schema.title_prefix else ""
        yield Violation(
            entry.content_start,
            end,
            f"Entry does not start with a title link; write it as `- {prefix}[title](url)`",
        )


def _inferred(ctx: Context, entry: Entry) -> Iterator[Violation]:
    template = ctx.templates.template(entry)
    if template is None or template.lead != "link" or entry.has_items:
        return
    shape = ctx.templates.shape(entry)
    if shape is None or shape.lead != "text":
        return  # a reference link or a compound item (a link after words) is not broken
    yield Violation(
        entry.content_start,
        max(entry.content_end, entry.content_start + 1),
        f"Item does not start with a `[name](url)` link, as {template.agreeing} of"
        f" {template.items} items here do (inferred format)",
    )
