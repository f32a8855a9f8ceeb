"""AL106 empty-link: a link in an entry with an empty url or empty text.

Why: ``[official]()`` renders as a link to nowhere; ``[](https://...)`` as an invisible one.
There is no safe fix: only the author knows the missing url or words.

Okay:  - Code: [official](https://github.com/openai/evals)
AL106: - Code: [official]()
AL106: - Code: [](https://github.com/openai/evals)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation


def check(ctx: Context) -> Iterator[Violation]:
    for entry in ctx.entries:
        links = list(entry.links)
        for field in entry.fields:
            links.extend(field.links)
        for link in links:
            if not link.url.strip().strip("<>").strip():
                yield Violation(link.start, link.end, f'Link "{link.text}" has an empty url')
            elif not link.text.strip() and not link.image:
                yield Violation(link.start, link.end, "Link has no text")
