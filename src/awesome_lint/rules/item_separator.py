"""AL113 item-separator: a separator between an item's name and description unlike the list's.

In a list with no format block, the items of a section (or of the whole list at that depth)
separate name and description one way: `` - `` in most awesome lists, `` – `` or ``: `` in
some. An item written otherwise is reported, naming what it used: an en or em dash, a colon,
a no-break space, a hyphen without spaces, or nothing at all. A list that writes several
separators with no habit (fewer than three in four alike) is left alone.

The fix writes the list's separator (safe: only the characters between the name and the
description change; none where no separator is written and a lower-case word follows, as in
``[DevDocs](url) is an API browser``: the name starts a sentence that needs rewording).

Why: the separator is what a reader's eye and every tool splits on; a stray ` – ` (often
pasted from a word processor) is invisible in review.

Okay:  - [httpie](https://httpie.io) - Modern, user-friendly command-line HTTP client.
AL113: - [httpie](https://httpie.io) – Modern, user-friendly command-line HTTP client.
AL113: - [httpie](https://httpie.io)- Modern, user-friendly command-line HTTP client.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation


def check(ctx: Context) -> Iterator[Violation]:
    templates = ctx.templates
    for entry in ctx.entries:
        if not entry.schema.inferred:
            continue
        shape = templates.shape(entry)
        if shape is None or shape.follows != "description" or shape.separator is None:
            continue
        template = templates.template(entry)
        if template is None or template.separator is None:
            continue
        if shape.separator == template.separator:
            continue
        wanted = template.separator
        edit = Edit(shape.name_end, shape.description_start, wanted)
        title = f"Write {_show(wanted)}"
        # "[DevDocs](url) is an API browser": the name starts a sentence; a separator there is
        # the list's format but the sentence needs rewording, which no fix can do.
        sentence = (
            not shape.separator.strip()
            and not ctx.document.text[
                shape.description_start : shape.description_start + 1
            ].isupper()
        )
        yield Violation(
            shape.name_end,
            shape.description_start,
            f"Separator {_name(shape.separator)} between the name and the description; this"
            f" list writes {_show(wanted)} (inferred format)",
            None if sentence else Fix.safe(title, edit),
        )


def _show(separator: str) -> str:
    return f"`{separator}`" if separator.strip() else "a space"


def _name(separator: str) -> str:
    """What a separator is, in words: the reader cannot see a no-break space or an en dash."""
    core = separator.strip(" \t")
    if "\u00a0" in separator:
        return f"`{separator}` (with a no-break space)"
    names = {"–": "an en dash", "—": "an em dash", ":": "a colon", "：": "a full-width colon"}
    names |= {"|": "a bar", "--": "a double hyphen"}
    if core in names:
        return f"`{separator}` ({names[core]})"
    if core == "-":
        if separator.startswith(" ") and separator.endswith(" "):
            return f"`{separator}` (extra spaces around the hyphen)"
        return f"`{separator}` (a hyphen without a space on each side)"
    if not core:
        return "none" if separator == " " else f"{len(separator)} spaces"
    return f"`{separator}`"
