"""AL101 title-not-link: an entry whose title is not a ``[title](url)`` link.

A tag may stand before the title (``【Survey】``, ``<a id="x"></a>``, ``**``, ``:fire:``, a date),
and the block may put something there itself (``- **[venue]** [title](paper link)``). Only
entries of a block whose title is a link are checked, and only when most of its entries do
start with one: a list whose entries write their titles as text gets one AL112 instead.

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

# A title link whose text runs onto the next line (``[long title`` / ``  more](url)``) is a
# link all the same: Markdown joins the lines.
_SPLIT_LINK = re.compile(r"\A(?:[^\[\]\n]{0,80}[^\S\n])?\[[^\[\]\n]*\n[^\[\]\n]*\]\(")  # \A: linear


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    for entry in ctx.entries:
        if entry.title is not None or not ctx.habit(entry.schema).title_is_link:
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
