"""AL303 shared-link: one paper link used by entries with different titles.

Two entries of one format block (in any of its sub-sections) whose title links are the same
paper (compared in canonical form, as AL301 does) but whose titles differ: one of the links is
likely a copy-paste slip. Only title links count: the same code repository cited by two papers
is fine.

In a list with no format block, link texts under four words are names, not titles: the parts
of one project (``django`` and ``django.db.models``) may share its repository's link.

Why: a wrong link sends readers to another paper than the one they chose.

Okay:  - [A](https://arxiv.org/abs/2106.01345) / - [B](https://arxiv.org/abs/2305.20081)
AL303: - [A](https://arxiv.org/abs/2503.00897) / - [B](https://arxiv.org/abs/2503.00897)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Related, Violation
from awesome_lint.model.papers import is_name, repeated_urls, same_title


def check(ctx: Context) -> Iterator[Violation]:
    # A link under two titles is wrong wherever the two entries sit in the block.
    for repeat in repeated_urls(ctx.papers, whole_block=True):
        if any(same_title(repeat.paper.title, p.title) for p in repeat.earlier):
            continue  # the same paper twice: AL301's
        first = repeat.earlier[0]
        title, first_title = repeat.paper.link, first.link
        if is_name(repeat.paper) or is_name(first):
            continue  # names, not titles: a monorepo's parts share its link (django.db.models)
        yield Violation(
            title.url_start,
            title.url_end,
            f"Link is also the title link of line {first.entry.line + 1} "
            f'("{first_title.text}"); one of them is likely wrong',
            related=(Related(first_title.url_start, first_title.url_end, "first occurrence"),),
        )
