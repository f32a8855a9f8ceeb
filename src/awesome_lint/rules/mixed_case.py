"""AL406 mixed-case: a word whose second letter is capitalised by a slip, as in ``DOmain``.

Flags a word of two capitals followed by at least four lower-case letters (``DOmain``,
``DIffusion``) in field values and descriptions. Titles, link texts and author lines are
names and are left alone, as are words the list writes that way more than once or in a title,
the config's ``words``, and known names such as ``MLflow`` or ``GPflow``.

Why: a held Shift key is the commonest capitalisation typo, and a spelling checker skips it
because mixed case usually means a name.

Okay:  - Keyword: Domain adaptation, MuJoCo, PyTorch, GPUs, LLaMA
AL406: - Keyword: DOmain adaptation
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation
from awesome_lint.model.prose import Word

_SLIPPED_SHIFT = re.compile(r"(?<![^\W\d_])[A-Z]{2}[a-z]{4,}(?![^\W\d_])")
# What any match looks like without the edges, to find it in the whole text.
_SHIFT_IN_TEXT = re.compile(r"[A-Z][A-Z][a-z]{4}")  # not [A-Z]{2}: 40% faster to scan
# Names written this way on purpose.
KNOWN_NAMES = frozenset({"MLflow", "GPflow", "MXnet", "TFlearn", "DMlab", "DMcontrol"})


def check(ctx: Context) -> Iterator[Violation]:
    prose = ctx.prose
    text = ctx.document.text
    # A span can hold a match only where the whole text has one of these (rare): look at
    # those spans alone, not at every span of the list. Each is searched as a slice, so that
    # the lookarounds stop at its edges.
    holders = sorted({span for _, span in prose.matches(_SHIFT_IN_TEXT)})
    spans = [
        prose.span(i)
        for i in holders
        if _SLIPPED_SHIFT.search(text[prose.starts[i] : prose.ends[i]])
    ]
    if not any(span.spellable for span in spans):
        return
    allowed = {word.lower() for word in ctx.settings.words} | {n.lower() for n in KNOWN_NAMES}
    uses: Counter[str] = Counter()
    in_names: set[str] = set()
    candidates: list[tuple[Word, re.Match[str]]] = []
    for word in prose.words(spans):
        for match in _SLIPPED_SHIFT.finditer(word.text):
            uses[match.group()] += 1
            if word.span.spellable:
                candidates.append((word, match))
            else:
                in_names.add(match.group())
    for word, match in candidates:
        written = match.group()
        if written.lower() in allowed or uses[written] > 1 or written in in_names:
            continue
        fixed = written[0] + written[1:].lower()
        start, end = word.start + match.start(), word.start + match.end()
        yield Violation(
            start,
            end,
            f'"{written}" has a stray capital; did you mean "{fixed}"?',
            Fix.unsafe(f'Write "{fixed}"', Edit(start, end, fixed)),
        )
