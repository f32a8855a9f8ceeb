"""AL302 duplicate-title: the same title as an earlier entry, with another link.

Titles are compared with case, punctuation and spacing folded; only entries of one scope are
compared (as for AL301: a format block's section, or each of its content sub-sections), and
only entries of one kind: a paper and its code repository (a title link to GitHub, GitLab,
Hugging Face, ...) may share a title.
In a list with no format block, only titles of four words or more are compared: shorter ones
are names (``go-jwt``), which two projects may share; AL304 looks for a name repeated within
one section.

Either the paper is listed twice under two links (keep one), or one of the two titles is wrong.

Why: two entries for one paper split its details; two papers with one title confuse readers.

Okay:  - [Decision Transformer](https://arxiv.org/abs/2106.01345) / - [Trajectory Transformer](…)
AL302: - [Decision Transformer](https://arxiv.org/abs/2106.01345)
       - [Decision transformer](https://openreview.net/forum?id=a7APmM4B9d)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Related, Violation
from awesome_lint.model.papers import is_name, repeated_titles


def check(ctx: Context) -> Iterator[Violation]:
    for repeat in repeated_titles(ctx.papers):
        first = repeat.earlier[0]
        title, first_title = repeat.paper.link, first.link
        if is_name(repeat.paper):
            continue  # a name, not a title: two projects may share one (AL304 is per section)
        yield Violation(
            title.start,
            title.end,
            f"Title repeats the entry of line {first.entry.line + 1}, with another link",
            related=(Related(first_title.start, first_title.end, "first occurrence"),),
        )
