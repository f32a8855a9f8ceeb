"""AL407 link-text-padding: spaces just inside a link's brackets, as in ``[ Title ]``.

Why: the padding is rendered as part of the underlined link text and looks like a typo.

Okay:  - [Understanding RLHF](https://example.org/rlhf)
AL407: - [ Understanding RLHF](https://example.org/rlhf)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation


def check(ctx: Context) -> Iterator[Violation]:
    for link in ctx.prose.links:
        text = link.text
        stripped = text.strip(" \t")
        if link.image or not stripped or stripped == text:
            continue  # an empty link text is AL106's
        lead = len(text) - len(text.lstrip(" \t"))
        trail = len(text) - len(text.rstrip(" \t"))
        edits = []
        if lead:
            edits.append(Edit.delete(link.text_start, link.text_start + lead))
        if trail:
            edits.append(Edit.delete(link.text_end - trail, link.text_end))
        yield Violation(
            link.text_start - 1,
            link.text_end + 1,
            f'Link text "{text}" has spaces inside its brackets',
            Fix.safe(f'Write "[{stripped}]"', *edits),
        )
