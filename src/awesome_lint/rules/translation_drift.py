"""AL305 translation-drift: entries a translation of the list lacks, or has and the list does not.

A translation is a file beside the list named like it with a language after it:
``README_TU.md``, ``README-zh.md``, ``README.zh-CN.md`` beside ``README.md``. Entries are
matched by their title link in canonical form (arXiv abs/pdf/vN, http/https, ``www.``, a
trailing slash, the case of a GitHub owner/repo all compare equal), so a translated title is
the same entry. The entries left on both sides are then matched by url with the locale folded
(``zh.snipaste.com``, ``inkscape.org/zh/``, ``apple.com.cn``, ``apps.apple.com/cn/app/...``
are the main list's ``snipaste.com``, ``inkscape.org/en/``, ``apple.com``,
``apps.apple.com/us/app/...``: a localized page is the same entry, said nothing of), and last
by name (the title's text, case and punctuation folded) in the matching section, or anywhere
when the name is unique in both files: such an entry is there, and the translation says once
that it links another page than the main list (an old address, another page of the project).
Linting the main list reports each of its entries that a translation lacks;
linting a translation reports each entry the main list does not have, and each entry of the
main list it lacks, at the entry after which it comes in the main list (or before which, when
it comes first). A url the other file links outside its entries (an item too broken to read
as one, ``-[](url)``) counts as there. Files without entries are not compared.

Why: translations fall behind quietly; a reader of ``README_TU.md`` never learns of the
papers added to ``README.md`` since, nor its maintainers of a paper only the translation has.

Okay:  README.md and README_TU.md list the same papers, titles translated
AL305: README.md lists [DPO](https://arxiv.org/abs/2305.18290) and README_TU.md does not
AL305: README-zh.md lists [Paw](https://luckymarmot.com/paw), README.md [Paw](https://paw.cloud/)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation
from awesome_lint.model.document import Document
from awesome_lint.model.entries import Entry
from awesome_lint.model.translations import matches, missing
from awesome_lint.model.urls import canonical_url

_SHOWN = 60  # characters of a title quoted in a message


def check(ctx: Context) -> Iterator[Violation]:
    if not any(e.title is not None for e in ctx.entries):
        return
    main = ctx.siblings.main()
    if main is not None:
        yield from _as_translation(ctx, *main)
        return
    lacking: dict[int, list[str]] = {}  # entry line -> the translations lacking it
    entries: dict[int, Entry] = {}
    for name, document in ctx.siblings.translations():
        other = Context(document, ctx.settings, siblings=ctx.siblings.of(document))
        if not other.entries:
            continue
        for gap in missing(ctx.entries, other.entries, _linked(other)):
            lacking.setdefault(gap.entry.line, []).append(name)
            entries[gap.entry.line] = gap.entry
    for line, names in sorted(lacking.items()):
        title = entries[line].title
        assert title is not None
        where = "the translation" if len(names) == 1 else "the translations"
        yield Violation(title.start, title.end, f"Entry missing from {where} {', '.join(names)}")


def _as_translation(ctx: Context, name: str, main: Document) -> Iterator[Violation]:
    other = Context(main, ctx.settings, siblings=ctx.siblings.of(main))
    theirs = other.entries
    if not any(e.title is not None for e in theirs):
        return
    for gap in missing(ctx.entries, theirs, _linked(other)):
        title = gap.entry.title
        assert title is not None
        yield Violation(title.start, title.end, f"Entry not in the main list {name}")
    for line, match in sorted(matches(ctx.entries, theirs).items()):
        if match.how != "name":
            continue
        entry = next(e for e in ctx.entries if e.line == line)
        title, there = entry.title, match.there.title
        assert title is not None and there is not None
        yield Violation(
            title.start,
            title.end,
            f"Entry links another page than its entry in the main list {name}"
            f" (line {match.there.line + 1}: {_quote(there.url)})",
        )
    for gap in missing(theirs, ctx.entries, _linked(ctx)):
        title = gap.entry.title
        assert title is not None
        quoted = _quote(title.text)
        where = f'Entry "{quoted}" of {name} (line {gap.entry.line + 1}) is missing here'
        if gap.neighbour_there is None or gap.neighbour_there.title is None:
            first = next(e for e in ctx.entries if e.title is not None)
            assert first.title is not None
            yield Violation(first.title.start, first.title.end, where)
            continue
        anchor = gap.neighbour_there.title
        side = "after" if gap.after else "before"
        yield Violation(anchor.start, anchor.end, f"{where}; it comes {side} this entry there")


def _linked(ctx: Context) -> set[str]:
    """Every url the file links, canonical: an entry too broken to read is still there."""
    return {canonical_url(t.url) for t in ctx.document_links if not t.image}


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1].rstrip() + "…"
