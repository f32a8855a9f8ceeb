"""AL304 duplicate-name: the same name twice in one section, with another link.

In a list with no format block, an item's name link is what a reader looks for in its
section; two items of one section named alike (case and punctuation folded) are either one
project listed twice under two links or two projects one of which needs a clearer name. The
same link twice is AL301's, and two repositories of one name on a code host are two
projects (``config`` by two authors), not a repeat. Names are compared only within one
section and at one depth (two sections may each list a project of the same name, a sub-item
may repeat the name of the item over it, and AL302 compares titles of four words or more
across the list).

Why: a reader cannot tell the two apart without opening both.

Okay:  ## Routers / - [chi](https://github.com/go-chi/chi) / ## Logging / - [chi](…)
Okay:  - [config](https://github.com/num30/config) / - [config](https://github.com/x/config)
AL304: - [Docker Hub](https://hub.docker.com) / - [Docker hub](https://docs.docker.com/hub)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Related, Violation
from awesome_lint.model.entries import GENERIC_LINK
from awesome_lint.model.papers import Paper, is_name


def check(ctx: Context) -> Iterator[Violation]:
    seen: dict[tuple[int, int, str], Paper] = {}
    for paper in ctx.papers:
        entry = paper.entry
        if not entry.schema.inferred:
            continue
        title = paper.link
        if not is_name(paper) or title.text.strip().lower() in GENERIC_LINK:
            continue  # a title (AL302 compares those across the list), or "[Download](url)"
        name = paper.title  # folded: case, punctuation and spacing
        if not name:
            continue
        key = (entry.section.line if entry.section is not None else -1, entry.depth, name)
        first = seen.get(key)
        if first is None:
            seen[key] = paper
            continue
        if paper.url == first.url:
            continue  # the same link: AL301's
        if paper.kind == "code" and first.kind == "code":
            continue  # two repositories: two projects that share a name (go-jwt, config)
        yield Violation(
            title.start,
            title.end,
            f'Name "{title.text}" is also the name of line {first.entry.line + 1} in this'
            " section, with another link",
            related=(Related(first.link.start, first.link.end, "first occurrence"),),
        )
