"""AL114 description-style: a description cased or punctuated unlike the list's others.

In a list with no format block, where the items of a section (or of the whole list) start
their descriptions with a capital letter, one starting in lower case is reported; where they
end them with ``.``, ``!``, ``?`` or ``…``, one with no final punctuation is. A list with no
such habit (fewer than three in four alike) is left alone, and so is a description that
starts with a name written in lower case on purpose (the item's own name, a name the list
has as an item such as ``go``, or a word no English dictionary knows such as ``npm`` or
``sklearn``), with code (``http.Handler``), a link or a digit, or that ends with a link, a
badge, a bare url, emoji or emphasis. An item with no separator whose text starts in lower
case is a sentence (``[DevDocs](url) is an ...``), not a description.

The fix adds the final period (safe; ``。`` after Chinese or Japanese text); capitalising the
first word is unsafe (a lower-case name may stand there).

Why: descriptions read as a column; one without its period or capital is what review
comments are made of.

Okay:  - [httpie](https://httpie.io) - Modern, user-friendly command-line HTTP client.
Okay:  - [npm](https://npmjs.com) - npm is the package manager for Node.js.
AL114: - [httpie](https://httpie.io) - modern, user-friendly command-line HTTP client.
AL114: - [httpie](https://httpie.io) - Modern, user-friendly command-line HTTP client
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation

# A plain lower-case word, not code written bare (``go:generate``, ``http.Handler``).
_FIRST_WORD = re.compile(r"[a-z]+(?=[\s,;]|[.:!?](?:\s|$)|$)")
_NAME_PARTS = re.compile(r"[^\W\d_]+")


def check(ctx: Context) -> Iterator[Violation]:
    templates = ctx.templates
    document = ctx.document
    text = document.text
    speller = None
    names: set[str] | None = None
    for entry in ctx.entries:
        if not entry.schema.inferred:
            continue
        shape = templates.shape(entry)
        if shape is None or shape.follows != "description":
            continue
        template = templates.template(entry)
        if template is None:
            continue
        start = shape.description_start
        if template.casing == "upper" and shape.casing == "lower":
            word = _FIRST_WORD.match(text, start, entry.content_end)
            if word is not None and entry.title is not None:
                if names is None:
                    names = _names(ctx)
                lower = word.group()
                own = _name_parts(entry.title.text)
                if lower in own or lower in names:
                    continue  # "[sake](url) - sake is ...", "go test ...": a name, as written
                if speller is None:
                    from awesome_lint.spelling import load_speller

                    speller = load_speller(ctx.settings.words)
                # An English word, not a name the speller knows (``sklearn compatible API``).
                if lower == "a" or speller.is_english(lower):
                    capital = lower[0].upper() + lower[1:]
                    yield Violation(
                        word.start(),
                        word.end(),
                        "Description starts in lower case; this list capitalises its"
                        " descriptions (inferred format)",
                        Fix.unsafe(f'Write "{capital}"', Edit(word.start(), word.end(), capital)),
                    )
        if template.ending == "punctuated" and shape.ending == "none":
            end = len(text[start : entry.content_end].rstrip()) + start
            # After Chinese or Japanese text the period is the full-width one: "…数据库。"
            mark = "。" if end > start and _wide(text[end - 1]) else "."
            yield Violation(
                max(end - 1, start),
                end,
                "Description does not end with a period; this list ends its descriptions"
                " with one (inferred format)",
                Fix.safe(f'Add "{mark}"', Edit.insert(end, mark)),
            )


def _wide(char: str) -> bool:
    """A character of CJK text (wide in East Asian width): ideographs, kana, hangul."""
    from unicodedata import east_asian_width

    return char >= "\u2e80" and east_asian_width(char) in ("W", "F")


def _names(ctx: Context) -> set[str]:
    """Names the list writes as items (``sklearn``, ``go``, ``egui``) or the config's ``words``:
    not words to capitalise.

    A one-word name, and each part of a name written as a path or with hyphens
    (``mongodb/kingfisher``, ``go-jwt``); longer names are titles, made of ordinary words.
    """
    found = {w.strip().lower() for w in ctx.settings.words}  # the config's own names
    for entry in ctx.entries:
        if entry.title is None:
            continue
        text = entry.title.text.strip().strip("`*_")
        if " " in text:
            continue
        if text.isalpha():  # most names: one run of letters, no set to make (_name_parts)
            found.add(text.casefold())
        else:
            found.update(_name_parts(text))
    return found


def _name_parts(name: str) -> set[str]:
    """The runs of letters of a name, case-folded (``go-jwt``: ``go`` and ``jwt``)."""
    if name.isalpha():  # most names: one run (letters are never digits nor "_")
        return {name.casefold()}
    return {part.casefold() for part in _NAME_PARTS.findall(name)}
