"""AL412 venue-name: a conference or journal name miscased, misspelt, or glued to its year.

A venue is a known name followed by a year: ``NeurIPS 2023``, ``(ICML 2024)``, ``[CVPR 2022]``,
``**ICLR 2025**``, a venue field, a year-section heading. Checked in the visible text of every
line, never in code (`` `CVPR 2024` ``), urls, link targets or badges.

- Miscased (``Neurips 2023``, ``Iclr 2024``, ``Corl 2022``): a safe fix writes the name as the
  venue does. A name in capitals (``NEURIPS 2023``) is a shouted heading, left alone; the
  casing of arXiv is AL411's; venues that are also words or surnames (CHI, ALT, TIP: ``Chi
  2023`` may cite a person) are not checked for case.
- A year glued to the venue (``NeurIPS2023``): a safe fix adds the space, except in a heading,
  whose anchor would change (reported, no fix); and if most venues of the list (three at least)
  are written glued, that is the list's style and nothing is said.
- Titles (the link opening a list item) are the work's own words and are left alone.
- ``NIPS``: the conference's name until 2017; ``NIPS 2018`` and later were NeurIPS (unsafe fix).
- Misspelt (``NeruIPS 2023``, ``IJACI 2021``, ``ICRL 2024``): a name with two capitals or more,
  one or two edits from a known venue (one for names of five letters or fewer) and not itself
  known, in a venue note (in brackets, parentheses or emphasis), a venue field or a heading.
  An unsafe fix when one venue is that close; otherwise the candidates are named.
  Workshops (``NeurIPSW``, ``CVPRW``) and publishers (``ACM``, ``IEEE``, ``PMLR``) are known.

Why: paper lists are read and searched by venue, and their typos hide there: AL401 does not
look at names.

Okay:  - [Decision Transformer](https://arxiv.org/abs/2106.01345) (NeurIPS 2021)
AL412: - [Decision Transformer](https://arxiv.org/abs/2106.01345) (Neurips 2021)
AL412: - [Decision Transformer](https://arxiv.org/abs/2106.01345) (NeurIPS2021)
AL412: - [Decision Transformer](https://arxiv.org/abs/2106.01345) (NeruIPS 2021)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation
from awesome_lint.model.text import TextView

VENUES = (
    # machine learning, AI
    "NeurIPS",
    "NIPS",
    "ICML",
    "ICLR",
    "AAAI",
    "IJCAI",
    "ECAI",
    "UAI",
    "AISTATS",
    "COLT",
    "ALT",
    "ACML",
    "ECML",
    "PKDD",
    "IJCNN",
    "ICONIP",
    "ICANN",
    "AAMAS",
    "ICAPS",
    "JMLR",
    "TMLR",
    "JAIR",
    "TNNLS",
    "TPAMI",
    "PAMI",
    "MLSys",
    "COLM",
    "CHIL",
    "MICAI",
    # vision
    "CVPR",
    "ICCV",
    "ECCV",
    "WACV",
    "BMVC",
    "ACCV",
    "ICPR",
    "ICIP",
    "ICME",
    "IJCV",
    "TIP",
    "MICCAI",
    "SIGGRAPH",
    # language, speech
    "ACL",
    "EMNLP",
    "NAACL",
    "EACL",
    "AACL",
    "COLING",
    "CoNLL",
    "LREC",
    "IJCNLP",
    "ICASSP",
    "Interspeech",
    # robotics, control, driving
    "CoRL",
    "RSS",
    "ICRA",
    "IROS",
    "HRI",
    "IJRR",
    "L4DC",
    "CDC",
    "ITSC",
    "TITS",
    "TIV",
    "TVT",
    # data, web, systems
    "KDD",
    "WWW",
    "SIGIR",
    "SIGMOD",
    "VLDB",
    "ICDE",
    "ICDM",
    "WSDM",
    "CIKM",
    "RecSys",
    "TKDE",
    "CHI",
    "UIST",
    "ICSE",
    "OSDI",
    "NSDI",
    # publishers and archives
    "ACM",
    "IEEE",
    "PMLR",
    "CoRR",
    "OpenReview",
    "arXiv",
    "bioRxiv",
    "medRxiv",
    "PNAS",
)
_KNOWN = {venue.lower(): venue for venue in VENUES}
# Read as venues only for their spacing: their casing is another rule's or is an English word's.
# Also words or surnames ("Chi 2023" may cite a person): known, so never "misspelt", but their
# casing is not checked.
_CASING_ELSEWHERE = frozenset({"arxiv", "biorxiv", "medrxiv", "openreview", "chi", "alt", "tip"})

_VENUE_YEAR = re.compile(
    r"(?<![A-Za-z0-9_@#$/\\.'-])(?P<name>[A-Za-z][A-Za-z0-9]*[A-Za-z])(?P<space> ?)"
    r"(?P<year>(?:19|20)\d\d)(?![A-Za-z0-9_/\\@]|[.-][A-Za-z0-9])"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NAME_CHARS = _ASCII_LETTERS | frozenset("0123456789")
_NOTE_OPENERS = "([（【*_"
_NOTE_CLOSERS = ")]）】*_"
RENAMED = 2018  # NIPS became NeurIPS
_HABIT = 3  # glued venues it takes, and more than half of all, to make gluing the list's style


def known(name: str) -> str | None:
    """The canonical spelling of a known venue (a workshop ``CVPRW`` too), or None."""
    folded = name.lower()
    if folded in _KNOWN:
        return _KNOWN[folded]
    if folded.endswith("w") and folded[:-1] in _KNOWN:
        return _KNOWN[folded[:-1]] + "W"
    return None


def distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) turning ``a`` into ``b``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def close_venues(name: str) -> list[str]:
    """Known venues ``name`` is likely a slip for, closest first.

    An acronym of five capitals or fewer is a slip only as two neighbours swapped (``ICRL``,
    ``IJACI``): one letter more, less or other is as likely another venue (CHIL, MICAI, COLM).
    Longer or mixed-case names may be one edit away (two from seven letters on).
    """
    folded = name.lower()
    if name.isupper() and len(name) <= 5:
        return [venue for venue in VENUES if venue.isupper() and _swapped(folded, venue.lower())]
    limit = 1 if len(folded) <= 6 else 2
    scored = sorted(
        (d, venue)
        for venue in VENUES
        if abs(len(venue) - len(folded)) <= limit
        and 0 < (d := distance(folded, venue.lower())) <= limit
    )
    best = scored[0][0] if scored else 0
    return [venue for d, venue in scored if d == best]


def _swapped(a: str, b: str) -> bool:
    """``a`` is ``b`` with two neighbouring letters swapped."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


def check(ctx: Context) -> Iterator[Violation]:
    text = ctx.document.text
    view = ctx.text_view
    found = []
    for match in _venue_years(text):
        start, end = match.span()
        segment = view.segment_at(start)
        if segment is None or end > segment.end:
            continue
        if segment.link is not None and view.opens_item(segment.link):
            continue  # a title: the work's own words ("2nd Place Solution for CVPR2024 ...")
        found.append(match)
    venues = [m for m in found if known(m.group("name")) is not None]
    glued = sum(not m.group("space") for m in venues)
    glued_style = glued >= _HABIT and 2 * glued > len(venues)
    publisher_lines = _publisher_lines(ctx)
    for match in found:
        canonical = known(match.group("name"))
        if canonical is None:
            violation = _misspelt(ctx, view, match, publisher_lines)
        else:
            violation = _miswritten(view, match, canonical, glued_style)
        if violation is not None:
            yield violation


def _venue_years(text: str) -> Iterator[re.Match[str]]:
    """What ``_VENUE_YEAR`` finds, found from the years: a scan for a literal is 7x faster
    than one that must try a name at every letter of the text."""
    for year in _YEAR.finditer(text):
        at = year.start()
        if at and text[at - 1] == " ":
            at -= 1
        if not at or text[at - 1] not in _ASCII_LETTERS:
            continue
        while at and text[at - 1] in _NAME_CHARS:
            at -= 1
        while text[at] not in _ASCII_LETTERS:  # a name starts with a letter (2L4DC: L4DC)
            at += 1
        match = _VENUE_YEAR.match(text, at)
        if match is not None and match.start("year") == year.start():
            yield match


def _miswritten(
    view: TextView, match: re.Match[str], canonical: str, glued_style: bool
) -> Violation | None:
    name, space, year = match.group("name", "space", "year")
    start, end = match.span()
    if canonical == "NIPS" and int(year) >= RENAMED:
        return Violation(
            start,
            start + len(name),
            f"NIPS was renamed NeurIPS in {RENAMED}: write NeurIPS {year}",
            Fix.unsafe("Write NeurIPS", Edit(start, start + len(name), "NeurIPS")),
        )
    miscased = (
        name != canonical
        and not (name.isupper() and not canonical.isupper())
        and name.lower().rstrip("w") not in _CASING_ELSEWHERE
    )
    glued = not space and not glued_style
    if not miscased and not glued:
        return None
    if glued and view.is_heading(view.document.line_of(start)):
        if not miscased:
            message = f'Year glued to the venue: "{name}{year}" should be "{name} {year}"'
            return Violation(start, end, message + " (no fix: the heading's anchor would change)")
        glued = False  # the casing alone: anchors are lower case, the space is not
    if miscased and glued:
        message = f'"{name}{year}" should be written "{canonical} {year}"'
    elif miscased:
        message = f'"{name}" should be written "{canonical}"'
    else:
        message = f'Year glued to the venue: "{name}{year}" should be "{name} {year}"'
    replacement = (canonical if miscased else name) + (" " if glued else space) + year
    fix = Fix.safe(f'Write "{replacement}"', Edit(start, end, replacement))
    return Violation(start, end, message, fix)


def _misspelt(
    ctx: Context, view: TextView, match: re.Match[str], publisher_lines: set[int]
) -> Violation | None:
    name = match.group("name")
    if len(name) < 4 or sum(c.isupper() for c in name) < 2:
        return None
    if not _in_venue_context(ctx, view, match, publisher_lines):
        return None
    candidates = close_venues(name)
    if not candidates:
        return None
    start = match.start()
    end = start + len(name)
    if len(candidates) == 1:
        venue = candidates[0]
        return Violation(
            start,
            end,
            f'Unknown venue "{name}": did you mean "{venue}"?',
            Fix.unsafe(f'Write "{venue}"', Edit(start, end, venue)),
        )
    return Violation(start, end, f'Unknown venue "{name}": did you mean {" or ".join(candidates)}?')


def _publisher_lines(ctx: Context) -> set[int]:
    return {
        n
        for entry in ctx.entries
        for field in entry.fields
        if field.spec is not None and field.spec.kind == "publisher"
        for n in range(field.line, field.end_line)
    }


def _in_venue_context(
    ctx: Context, view: TextView, match: re.Match[str], publisher_lines: set[int]
) -> bool:
    """A heading, a venue field, or a note: the venue alone in brackets or emphasis."""
    document = ctx.document
    n = document.line_of(match.start())
    if view.is_heading(n) or n in publisher_lines:
        return True
    line_start, line_end = document.line_starts[n], document.line_ends[n]
    before = document.text[line_start : match.start()].rstrip(" ")
    after = document.text[match.end() : min(line_end, match.end() + 40)]
    if not before or before[-1] not in _NOTE_OPENERS:
        return False
    closer = re.match(r"[^()\[\]（）【】*_]*", after)
    rest = after[closer.end() if closer else 0 :]
    return bool(rest) and rest[0] in _NOTE_CLOSERS
