"""AL411 canonical-name: a well-known name written with the wrong case, as in ``Github``.

Like markdownlint's MD044. Checked in the visible text of every line: headings, paragraphs,
list items and link texts (CJK text too: ``基于Pytorch``), never in code, urls, link targets
or HTML. A name counts as a whole word, matched regardless of case; these are left alone:

- identifiers that contain it: ``github.com``, ``tensorflow-gpu``, ``pytorch_lightning``,
  ``numpy.py``, ``@github``, ``#pytorch``, ``org/github``;
- a name in capitals (``GITHUB``): a shouted heading, not a slip;
- a lower-case link text that its own url spells (``[numpy](https://github.com/numpy/numpy)``,
  ``[[github](https://github.com/...)]``): the package or site name, as the list's habit; and
  a lower-case name that a link on its line has as its last path segment (``[sqlite](https://pkg.go.dev/
  modernc.org/sqlite) - Package sqlite is...``): the package, not the product;
- the link that opens a list item (``- [PaLM + RLHF - Pytorch](...)``): the title of the
  work, written as its authors write it (as AL401 and AL406 leave titles alone).

The default names are those whose miscasing is never meant: JavaScript, TypeScript,
CoffeeScript, GitHub, GitLab, PyTorch, TensorFlow, NumPy, SciPy, MuJoCo, arXiv, OpenAI,
DeepMind, ChatGPT, OpenCV, macOS, iOS, Node.js, PostgreSQL, MySQL, MongoDB, SQLite, GraphQL,
YouTube, LinkedIn, WordPress, LaTeX and WebAssembly. ``names = [...]`` in the config adds
names (``names = ["Hugging Face", "DuckDB"]``); a name written there with other casing replaces
the default (``names = ["Github"]``), and ``"!arXiv"`` turns a default off.

Why: ``Github`` and ``Tensorflow`` look careless to the people who maintain those projects,
and a search for the right spelling misses them.

Okay:  - [tf-agents](https://github.com/tensorflow/agents) - Agents in TensorFlow, on GitHub.
AL411: - [tf-agents](https://github.com/tensorflow/agents) - Agents in Tensorflow, on Github.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation

DEFAULT_NAMES = (
    "JavaScript",
    "TypeScript",
    "CoffeeScript",
    "GitHub",
    "GitLab",
    "PyTorch",
    "TensorFlow",
    "NumPy",
    "SciPy",
    "MuJoCo",
    "arXiv",
    "OpenAI",
    "DeepMind",
    "ChatGPT",
    "OpenCV",
    "macOS",
    "iOS",
    "Node.js",
    "PostgreSQL",
    "MySQL",
    "MongoDB",
    "SQLite",
    "GraphQL",
    "YouTube",
    "LinkedIn",
    "WordPress",
    "LaTeX",
    "WebAssembly",
)

# Around a name, what makes it part of an identifier, a handle, a path or a file name.
_BEFORE = r"(?<![A-Za-z0-9_@#$/\\.-])"
_AFTER = r"(?![A-Za-z0-9_/\\@(]|[.-][A-Za-z0-9_])"


def names(configured: Iterable[str]) -> dict[str, str]:
    """Canonical spelling by lower-cased name: the defaults, then the config's changes."""
    table = {name.lower(): name for name in DEFAULT_NAMES}
    for name in configured:
        if name.startswith("!"):
            table.pop(name[1:].strip().lower(), None)
        else:
            table[name.lower()] = name
    return table


@functools.lru_cache(maxsize=8)
def _pattern(lowered: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(
        re.escape(name).replace(r"\ ", r"\s+") for name in sorted(lowered, key=len, reverse=True)
    )
    return re.compile(f"{_BEFORE}(?:{alternatives}){_AFTER}", re.IGNORECASE)


_ASCII_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_JOINS_BEFORE = _ASCII_WORD | frozenset(b"@#$/\\.-")
_JOINS_AFTER = _ASCII_WORD | frozenset(b"/\\@(")
_DOT_DASH = frozenset(b".-")


def occurrences(text: str, lowered_names: Iterable[str]) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each whole-word name, in order, case ignored.

    ``bytes.find`` on the UTF-8 text with ASCII lower-cased, one name at a time: 20x faster
    than one case-insensitive pattern of all the names (and than ``str.find`` on a text with
    any non-ASCII letter). A name that is not ASCII sends the whole search to the pattern.
    """
    if not all(name.isascii() for name in lowered_names):
        yield from (m.span() for m in _pattern(tuple(sorted(lowered_names))).finditer(text))
        return
    data = text.encode("utf-8")
    lowered = data.lower()  # ASCII letters only: byte offsets stay put
    size = len(data)
    found = []
    for name in lowered_names:
        needle = name.encode("ascii")
        at = lowered.find(needle)
        while at >= 0:
            end = at + len(needle)
            after = data[end] if end < size else -1
            if not (
                (at and data[at - 1] in _JOINS_BEFORE)
                or after in _JOINS_AFTER
                or (after in _DOT_DASH and end + 1 < size and data[end + 1] in _ASCII_WORD)
            ):
                found.append((at, end))
            at = lowered.find(needle, end)
    found.sort(key=lambda span: (span[0], -span[1]))
    byte_at = char_at = position = 0
    for start, end in found:
        if start < position:
            continue  # the longest name at a place; never two overlapping
        position = end
        char_at += len(data[byte_at:start].decode("utf-8"))  # names are ASCII: one byte a char
        byte_at = start
        yield char_at, char_at + end - start


def _spelt_by(written: str, url: str) -> bool:
    """A lower-case link text its url spells: ``[numpy](https://github.com/numpy/numpy)``."""
    return written.islower() and written in url.lower()


def _names_package(written: str, url: str) -> bool:
    """A link on the line is to the package of that name: ``Package sqlite is ...``."""
    path = url.lower().rstrip("/").split("/")[3:]
    return bool(path) and path[-1] == written


def check(ctx: Context) -> Iterator[Violation]:
    table = names(ctx.settings.names)
    if not table:
        return
    text = ctx.document.text
    view = ctx.text_view
    for start, end in occurrences(text, table):
        written = text[start:end]
        canonical = table[" ".join(written.lower().split())]
        if written == canonical or (written.isupper() and not canonical.isupper()):
            continue
        segment = view.segment_at(start)
        if segment is None or end > segment.end:
            continue
        link = segment.link
        if link is not None and (view.opens_item(link) or _spelt_by(written, link.url)):
            continue
        line_links = ctx.document.links(ctx.document.line_of(start))
        if written.islower() and any(_names_package(written, k.url) for k in line_links):
            continue
        # A name glued to CJK text is one word with it: the edit rewrites that whole word, so
        # the fixer's check that no untouched word was lost sees the word as edited.
        left, right = start, end
        while left > segment.start and text[left - 1].isalnum():
            left -= 1
        while right < segment.end and text[right].isalnum():
            right += 1
        replacement = text[left:start] + canonical + text[end:right]
        yield Violation(
            start,
            end,
            f'"{written}" should be written "{canonical}"',
            Fix.safe(f'Write "{canonical}"', Edit(left, right, replacement)),
        )
