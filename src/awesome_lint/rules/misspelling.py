"""AL401 misspelling: a misspelt word in an entry's own wording.

Checks keywords, datasets, tasks, notes and descriptions with an offline English dictionary
that knows ML and RL vocabulary (see ``awesome_lint.spelling``). Names are never checked:
titles (quoted as published, typos and all), link texts, author and venue lines, urls and
code. Acronyms, mixed-case names (``MuJoCo``), words with digits and short words are left
alone too. A word is accepted when the list uses it more than once or in a title or link
text, or when it is in the config's ``words`` allowlist. A word the dictionary can only guess
at is reported only when it is lower-case and not in a dataset or environment field, and a
fused word there (``humanreacher``) is taken for a name: a capitalised unknown word or an
environment's name is far more often a name than a typo.

The fix is safe only when the dictionary knows a single correction (``reinforcment`` →
``reinforcement``, ``selfimprovement`` → ``self-improvement``); otherwise it is a guess and
needs ``--unsafe-fixes``.

Why: typos in keywords hide entries from search and make the list look careless.

Okay:  - Keyword: Reinforcement learning, self-improvement, Domain Adaption
AL401: - Keyword: Reinforcment learning
AL401: - Keyword: Training a harmless AI assistant through selfimprovement
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation
from awesome_lint.prose import Word


def check(ctx: Context) -> Iterator[Violation]:
    uses: Counter[str] = Counter()
    in_names: set[str] = set()
    spellable: list[tuple[Word, str]] = []
    for word in ctx.prose.words():
        lower = word.text.lower()
        uses[lower] += 1
        if word.span.spellable:
            spellable.append((word, lower))
        else:
            in_names.add(lower)
    candidates = [w for w, lower in spellable if uses[lower] == 1 and lower not in in_names]
    if not candidates:
        return
    # Imported here so that the word data loads only when this rule runs.
    from awesome_lint.spelling import load_speller

    speller = load_speller(ctx.settings.words)
    for word in candidates:
        suggestion = speller.check(word.text)
        if suggestion is None:
            continue
        if not suggestion.single and word.text[0].isupper():
            continue  # only a guess, about what is most likely a name (Solana)
        if word.span.kind == "environment" and (
            not suggestion.single or suggestion.replacement.replace("-", "") == word.text
        ):
            continue  # environments are named by fusing words: humanreacher, halfcheetah
        message = f'Misspelt word "{word.text}"; did you mean "{suggestion.replacement}"?'
        edit = Edit(word.start, word.end, suggestion.replacement)
        title = f'Write "{suggestion.replacement}"'
        fix = Fix.safe(title, edit) if suggestion.single else Fix.unsafe(title, edit)
        yield Violation(word.start, word.end, message, fix)
