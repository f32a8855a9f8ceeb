"""AL115 description-repeats-name: a description that starts with the item's own name.

``- [Mage](https://magefile.org) - Mage is a make tool ...``: the name is already the link
before it, and the description reads better as what the project is (``- A make tool ...``).
Only items of a list with no format block are checked, and only where the description
starts with the whole name as a word (``Mage is``, ``Mage:``), case-folded. Off by default:
many lists write their descriptions this way on purpose; select it (``--extend-select
AL115``) or use ``preset = "awesome"``, whose manifesto asks for it. No fix: the sentence
needs rewording.

Why: the repeated name is noise in a column of descriptions.

Okay:  - [Mage](https://magefile.org) - A make/rake-like build tool using Go.
AL115: - [Mage](https://magefile.org) - Mage is a make/rake-like build tool using Go.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation


def check(ctx: Context) -> Iterator[Violation]:
    text = ctx.document.text
    templates = ctx.templates
    for entry in ctx.entries:
        title = entry.title
        if not entry.schema.inferred or title is None:
            continue
        shape = templates.shape(entry)
        if shape is None or shape.follows != "description" or not shape.separator:
            continue
        name = title.text.strip().strip("`*_").casefold()
        if not name:
            continue
        start = shape.description_start
        written = text[start : start + len(name)]
        after = text[start + len(name) : start + len(name) + 1]
        if written.casefold() == name and (not after or not (after.isalnum() or after == "_")):
            yield Violation(
                start,
                start + len(name),
                f'Description starts with the item\'s own name "{title.text.strip()}"',
            )
