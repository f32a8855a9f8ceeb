"""AL406 mixed-case: a word whose second letter is capitalised by a slip, as in ``DOmain``.

Flags a word of two capitals followed by at least four lower-case letters (``DOmain``,
``DIffusion``) in field values and descriptions. Titles, link texts and author lines are
names and are left alone, as are words the list writes that way more than once or in a title,
the config's ``words``, and known names such as ``MLflow`` or ``GPflow``. Words whose
capitals stand in a run of capitals of their line (``OpenREAD ... REasoning``), or together
in another word of it (``EXPODE: EXploiting POlicy``), or whose capitals and those of the
words before it spell a word of the line in any case (``wain: WebAssembly INterpreter``),
spell out an acronym, as a word like ``PROPerty`` does: they are left alone too. In a list
with no format block, where items name software (``FFmpeg``), a word is reported only when
its fixed form is a dictionary word (``ERlang`` is not a slip: it spells out PropEr).

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
# Three capitals and then lower case (``PROPerty``): the line spells out an acronym.
_CAPITALS = re.compile(r"[A-Z]{3,}")
_SPELT_ACRONYM = re.compile(r"(?<![^\W\d_])[A-Z]{3,}[a-z]{2,}")
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
    candidates = [
        (word, match)
        for word, match in candidates
        if not (
            (written := match.group()).lower() in allowed
            or uses[written] > 1
            or written in in_names
        )
    ]
    per_line: dict[int, list[str]] = {}
    for word, match in candidates:
        per_line.setdefault(word.span.line, []).append(match.group())
    speller = None
    for word, match in candidates:
        written = match.group()
        line_text = ctx.document.line(word.span.line)
        if _spells_acronym(written, per_line[word.span.line], line_text):
            continue  # "EXploiting POlicy" for EXPODE, "PROPerty ... ERlang": an acronym spelt out
        fixed = written[0] + written[1:].lower()
        if word.span.kind == "item":
            # A list with no block names software (FFmpeg, MStore): only a slip of a word.
            if speller is None:
                from awesome_lint.spelling import load_speller

                speller = load_speller(ctx.settings.words)
            if not speller.is_known(fixed.lower()):
                continue
        start, end = word.start + match.start(), word.start + match.end()
        yield Violation(
            start,
            end,
            f'"{written}" has a stray capital; did you mean "{fixed}"?',
            Fix.unsafe(f'Write "{fixed}"', Edit(start, end, fixed)),
        )


def _spells_acronym(written: str, words: list[str], line: str) -> bool:
    """The line spells out an acronym: ``PROPerty``, or the words' capitals make a word of it.

    ``EXPODE: EXploiting POlicy Discrepancy``: "EX" + "PO" stands in "EXPODE". One slip alone
    (``DOmain``) is taken for one only where a run of capitals of the line holds its own two
    (``OpenREAD ... REasoning``).
    """
    if _SPELT_ACRONYM.search(line):
        return True
    rest = line
    for w in words:
        rest = rest.replace(w, " ")
    runs = _CAPITALS.findall(rest)  # "OpenREAD, an OPEN-ended REasoning ...": READ holds RE
    if any(written[:2] in run for run in runs):
        return True
    if len(words) >= 2 and "".join(w[:2] for w in words) in rest.upper():
        return True
    return _capitals_spell_a_word(written, line)


_WORD = re.compile(r"[^\W\d_]+")


def _capitals_spell_a_word(written: str, line: str) -> bool:
    """The capitals of the words up to the slip spell a word of the line, in any case.

    ``wain: WebAssembly INterpreter``: W, A and IN make ``wain``, the name being spelt out.
    """
    words = _WORD.findall(line)
    lower = {w.lower() for w in words}
    for index, word in enumerate(words):
        if word != written:
            continue
        capitals = written[:2]
        for before in reversed(words[max(0, index - 4) : index]):
            capitals = "".join(c for c in before if c.isupper()) + capitals
            if len(capitals) >= 3 and capitals.lower() in lower:
                return True
    return False
