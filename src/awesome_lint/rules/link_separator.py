"""AL109 link-separator: two links in one field with no comma between them.

Why: ``[TruthfulQA](...) [RealToxicityPrompts](...)`` reads as one name; the list's style is
``, ``. (A comma with no space, ``),[``, is AL403's business; the title line may hold several
space-separated links by design, and so may a field of link badges, ``[code](url)
[slide](url)``, whose texts name kinds of link rather than things.)

Okay:  - Dataset: [TruthfulQA](https://x.org/a), [RealToxicityPrompts](https://x.org/b)
Okay:  - [code](https://github.com/x/y) [slides](https://x.org/s.pdf)
AL109: - Dataset: [TruthfulQA](https://x.org/a) [RealToxicityPrompts](https://x.org/b)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation
from awesome_lint.model.entries import GENERIC_LINK


def check(ctx: Context) -> Iterator[Violation]:
    text = ctx.document.text
    for _, field in ctx.fields():
        links = [link for link in field.links if not link.image]
        for left, right in itertools.pairwise(links):
            between = text[left.end : right.start]
            if between.strip() or _kinds_of_link(left.text, right.text):
                continue
            yield Violation(
                left.end - 1,
                right.start + 1,
                f'Links "{left.text}" and "{right.text}" are not separated by ", "',
                Fix.safe("Separate the links with ', '", Edit(left.end, right.start, ", ")),
            )


def _kinds_of_link(*texts: str) -> bool:
    """``[code](...) [slides](...)``: badges naming kinds of link, spaced by design."""
    return all(t.strip(" []").lower() in GENERIC_LINK for t in texts)
