"""AL101 title-not-link: an entry that does not start with a ``[title](url)`` link.

Why: the title link is what readers click and what duplicate and year checks key on; an entry
without one cannot be checked or found.

Okay:  - [Deep TAMER: Interactive Agent Shaping](https://arxiv.org/abs/1709.10163)
AL101: - Deep TAMER: Interactive Agent Shaping (https://arxiv.org/abs/1709.10163)
AL101: - **[Deep TAMER](https://arxiv.org/abs/1709.10163)**
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation


def check(ctx: Context) -> Iterator[Violation]:
    for entry in ctx.entries:
        if entry.title is not None:
            continue
        end = entry.content_end if entry.content_end > entry.content_start else entry.start + 1
        yield Violation(
            entry.content_start,
            end,
            "Entry does not start with a title link; write it as `- [title](url)`",
        )
