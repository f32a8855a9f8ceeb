"""AL510 awesome-badge: the awesome badge next to the list's title (preset awesome).

Off by default; ``preset = "awesome"`` (or ``--preset awesome``, or selecting AL510) turns it
on. The badge is an image of ``https://awesome.re/badge.svg`` (or ``badge-flat.svg``,
``badge-flat2.svg``) linking to ``https://awesome.re`` (``https://github.com/sindresorhus/awesome``
is accepted too), written in the h1 or in the paragraph right under it; with an image title
(no h1), anywhere before the first heading. Reported:

- no badge: the fix (unsafe, as the list claims something) appends
  ``[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)`` to the h1;
- the old badge source (``cdn.rawgit.com/sindresorhus/awesome/…/media/badge.svg``, rawgit
  is closed) or another one: the fix (safe) writes ``https://awesome.re/badge.svg``;
- a badge that links nowhere (a bare image): the fix (safe) links it to
  ``https://awesome.re``; one that links elsewhere (the list's own anchor or repository):
  the fix replaces the link (unsafe: the author chose it), never a reference definition,
  which other links may share;
- a badge far from the title (not fixed: moving it is the author's layout).

sindresorhus/awesome-lint accepts the badge only inside the h1 and reports the old source
as invalid without a fix; with an HTML title it does not look for the badge at all.

Why: the awesome manifesto asks every awesome list to show the badge beside its name.

Okay:  # Awesome Shell [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)
AL510: # Awesome Shell
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation
from awesome_lint.model.badges import Badge, badges_of_line, references
from awesome_lint.model.document import Document
from awesome_lint.model.outline import visible

_SOURCE = "https://awesome.re/badge.svg"
_LINK = "https://awesome.re"
BADGE = f"[![Awesome]({_SOURCE})]({_LINK})"
_SOURCES = {
    "https://awesome.re/badge.svg",
    "https://awesome.re/badge-flat.svg",
    "https://awesome.re/badge-flat2.svg",
}
_LINKS = {"https://awesome.re", "https://github.com/sindresorhus/awesome"}
# What an awesome badge looks like, whatever its source: a link to awesome or its image.
_CLOSING = re.compile(r"(?<=[ \t])#+\Z")  # an ATX heading's closing sequence
_AWESOME_SOURCE = re.compile(
    r"awesome\.re/badge|sindresorhus/awesome/\S{0,160}?badge[\w.-]{0,40}\.svg", re.IGNORECASE
)


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    headings = document.structure.headings
    title = next((h for h in headings if h.level == 1), None)
    refs = references(document) if "]:" in document.text else {}
    if title is None:
        yield from _image_title(document, refs)
        return
    near_end = _paragraph_end(document, title.line, refs)
    near = [b for n in range(title.line, near_end) for b in badges_of_line(document, n, refs)]
    badge = next((b for b in near if _is_awesome(b)), None)
    if badge is not None:
        yield from _source(document, badge)
        return
    later = headings[headings.index(title) + 1].line if title is not headings[-1] else None
    far_end = later if later is not None else document.line_count
    for n in range(near_end, far_end):
        far = next((b for b in badges_of_line(document, n, refs) if _is_awesome(b)), None)
        if far is not None:
            yield Violation(
                far.start, far.end, "The awesome badge belongs next to the title (the h1)"
            )
            return
    line = title.line
    if document.line(line).lstrip(" ").startswith("#"):
        stripped = document.line(line).rstrip()
        closing = _CLOSING.search(stripped)
        text = stripped[: closing.start()].rstrip() if closing else stripped
        at = document.line_starts[line] + len(text)
    else:  # setext: after its last text line
        last = line + title.text.count("\n")
        at = document.line_starts[last] + len(document.line(last).rstrip())
    yield Violation(
        document.line_starts[line],
        document.line_ends[line],
        "No awesome badge next to the title",
        fix=Fix.unsafe("Add the awesome badge", Edit.insert(at, " " + BADGE)),
    )


def _is_awesome(badge: Badge) -> bool:
    return badge.href in _LINKS or badge.src in _SOURCES or bool(_AWESOME_SOURCE.search(badge.src))


def _source(document: Document, badge: Badge) -> Iterator[Violation]:
    """The badge's image and link against the canonical ones, with a fix where certain."""
    problems: list[str] = []
    edits: list[Edit] = []
    fixable = True
    relinked = False  # the author chose another link: replacing it is unsafe
    if badge.src not in _SOURCES:
        if _AWESOME_SOURCE.search(badge.src):
            problems.append("its source is an old one")
            edits.append(Edit(badge.src_start, badge.src_end, _SOURCE))
        else:
            problems.append(f'it shows "{badge.src}"')
            fixable = False
    if badge.href is None:
        problems.append("it links nowhere")
        if badge.html:
            fixable = False
        else:
            edits += [Edit.insert(badge.start, "["), Edit.insert(badge.end, f"]({_LINK})")]
    elif badge.href not in _LINKS:
        problems.append(f'it links to "{badge.href}"')
        if badge.href_start < 0:
            fixable = False  # a reference definition may serve other links too
        else:
            edits.append(Edit(badge.href_start, badge.href_end, _LINK))
            relinked = True
    if not problems:
        return
    if problems == ["its source is an old one"]:
        start, end = badge.src_start, badge.src_end
    else:
        start, end = badge.start, badge.end
    title = "Use the awesome badge's source and link"
    fix = (Fix.unsafe if relinked else Fix.safe)(title, *edits) if fixable else None
    yield Violation(
        start,
        end,
        f"The awesome badge should show {_SOURCE} and link to {_LINK}: {'; '.join(problems)}",
        fix=fix,
    )


def _paragraph_end(document: Document, title_line: int, refs: dict[str, tuple[str, int]]) -> int:
    """The line after the h1 and the header under it: the first paragraph, and any lines that
    hold only badges, images or HTML (a logo, a row of badges) before the prose starts."""
    structure = document.structure
    headings = {h.line for h in structure.headings}
    n = title_line + 1
    first_paragraph = True
    while n < document.line_count and n not in headings:
        line = document.line(n)
        if not line.strip() or n in structure.html_lines:
            if not line.strip() and n > title_line + 1 and document.line(n - 1).strip():
                first_paragraph = False
            n += 1
            continue
        rest = line
        for badge in sorted(badges_of_line(document, n, refs), key=lambda b: -b.start):
            base = document.line_starts[n]
            rest = rest[: badge.start - base] + rest[badge.end - base :]
        if rest.strip() and not first_paragraph:
            return n
        n += 1
    return n


def _image_title(document: Document, refs: dict[str, tuple[str, int]]) -> Iterator[Violation]:
    headings = document.structure.headings
    end = headings[0].line if headings else document.line_count
    for n in range(end):
        if any(_is_awesome(b) for b in badges_of_line(document, n, refs)):
            return
    first = next((n for n in range(end) if visible(document, n, n + 1)), None)
    if first is None:
        return  # no title at all: AL506's
    yield Violation(
        document.line_starts[first],
        document.line_ends[first],
        "No awesome badge next to the title",
    )
