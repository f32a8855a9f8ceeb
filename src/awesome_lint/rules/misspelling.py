"""AL401 misspelling: a misspelt word in an entry's own wording.

Checks keywords, datasets, tasks, notes and descriptions with an offline English dictionary
that knows ML and RL vocabulary (see ``awesome_lint.spelling``). Names are never checked:
titles (quoted as published, typos and all), link texts, author and venue lines, urls and
code. Acronyms, mixed-case names (``MuJoCo``), words with digits and short words are left
alone too. A word is accepted when the list uses it more than once or in a title or link
text, or when it is in the config's ``words`` allowlist. A word the dictionary can only guess
at is reported only when it is lower-case and not in a dataset or environment field, and a
fused word there (``humanreacher``) is taken for a name: a capitalised unknown word or an
environment's name is far more often a name than a typo. A translation of the list into
another language (``README_TU.md`` beside ``README.md``) is not checked: its words are not
English.

The fix is safe only when the dictionary knows a single correction (``reinforcment`` →
``reinforcement``, ``selfimprovement`` → ``self-improvement``); otherwise it is a guess and
needs ``--unsafe-fixes``.

In a list with no format block, an item's text may be a description or a paper's authors,
and names software more often than not (``pprof``, ``tmux``): there only the known
misspellings of the table are reported (``retreival`` → ``retrieval``).

Why: typos in keywords hide entries from search and make the list look careless.

Okay:  - Keyword: Reinforcement learning, self-improvement, Domain Adaption
AL401: - Keyword: Reinforcment learning
AL401: - Keyword: Training a harmless AI assistant through selfimprovement
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation
from awesome_lint.model.prose import Prose, Word, word_in
from awesome_lint.model.translations import is_english

if TYPE_CHECKING:
    from awesome_lint.spelling import Suggestion

# Spans whose chunks are found in one regex pass; a word used once is sought again in its batch.
_BATCH = 256


def check(ctx: Context) -> Iterator[Violation]:
    language = ctx.siblings.language()
    if language is not None and not is_english(language):
        return  # a translation (README_TU.md): its words are not English ones
    prose = ctx.prose
    extra = frozenset(w.strip().lower() for w in ctx.settings.words)
    yield from _known_typos(prose, extra)
    candidates = _used_once(prose)
    if not candidates:
        return
    # Imported here so that the word data loads only when this rule runs (and is needed).
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
        yield _violation(word, suggestion)


def _violation(word: Word, suggestion: Suggestion) -> Violation:
    message = f'Misspelt word "{word.text}"; did you mean "{suggestion.replacement}"?'
    edit = Edit(word.start, word.end, suggestion.replacement)
    title = f'Write "{suggestion.replacement}"'
    fix = Fix.safe(title, edit) if suggestion.single else Fix.unsafe(title, edit)
    return Violation(word.start, word.end, message, fix)


def _known_typos(prose: Prose, extra: frozenset[str]) -> Iterator[Violation]:
    """The known misspellings in the items of a list with no format block.

    Their text names software and people more often than not (``pprof``, ``tmux``), so only the
    table's typos count there, wherever and however often they stand: a batch of spans is
    split into chunks at once, and only a batch holding a chunk of the table is read word by
    word. No dictionary is loaded for them.
    """
    if "item" not in prose.kind_names:
        return
    from awesome_lint.spelling import known_typo
    from awesome_lint.spelling.speller import load_misspellings

    table = load_misspellings()
    item = prose.kind_names.index("item")
    kinds = prose.kinds
    spans = [i for i in range(len(prose)) if kinds[i] == item]
    text, starts, ends = prose.document.text, prose.starts, prose.ends
    joined = "\n".join([text[starts[i] : ends[i]] for i in spans]).lower()
    folded = {token.strip(_EDGES) for token in joined.split()}  # split: C speed, no translate
    if table.keys().isdisjoint(folded) and not any(
        _holds_typo(chunk, table) for chunk in folded if "-" in chunk
    ):
        return  # nearly every list: no chunk of its items is a known typo
    for first in range(0, len(spans), _BATCH):
        batch = spans[first : first + _BATCH]
        if not any(_holds_typo(chunk, table) for chunk in prose.chunks(batch)):
            continue
        for word in prose.words(prose.span(i) for i in batch):
            suggestion = known_typo(word.text, extra)
            if suggestion is not None:
                yield _violation(word, suggestion)


_EDGES = ".'’\"-_,;:()[]{}!?*<>|“”"


def _holds_typo(chunk: str, table: dict[str, str]) -> bool:
    lower = chunk.lower().strip(".'’\"-_")
    return lower in table or ("-" in lower and any(part in table for part in lower.split("-")))


def _used_once(prose: Prose) -> list[Word]:
    """Words of spellable spans that the list uses only there, and only once.

    Counted by chunk, a batch of spans at a time, never word by word: a 10k-entry list has
    400,000 words, and a 100k-entry one too many to hold.
    """
    # The items of a list with no block are _known_typos' alone: neither checked here nor
    # names that make a word accepted.
    spellable = prose.spellable(but=("item",))
    if not any(spellable):
        return []  # a list with no block: nothing for the dictionary
    item = prose.kind_names.index("item") if "item" in prose.kind_names else -1
    kinds = prose.kinds
    spelled: Counter[str] = Counter()  # chunk -> uses in spellable spans
    named: set[str] = set()  # chunks of names (titles, authors...)
    batch_of: dict[str, int] = {}  # chunk -> the last batch holding it, the only one if used once
    for batch, first in enumerate(range(0, len(prose), _BATCH)):
        indices = range(first, min(first + _BATCH, len(prose)))
        own = prose.chunks(i for i in indices if spellable[i])
        spelled.update(own)
        batch_of.update(dict.fromkeys(own, batch))
        named.update(prose.chunks(i for i in indices if not spellable[i] and kinds[i] != item))
    uses: Counter[str] = Counter()
    for chunk, count in spelled.items():
        if (word := word_in(chunk)) is not None:
            uses[word.lower()] += count
    in_names = {word.lower() for chunk in named if (word := word_in(chunk)) is not None}
    once = {lower for lower, count in uses.items() if count == 1 and lower not in in_names}
    batches = sorted(
        {
            batch_of[chunk]
            for chunk, count in spelled.items()
            if count == 1 and (word := word_in(chunk)) is not None and word.lower() in once
        }
    )
    found: list[Word] = []
    for batch in batches:
        indices = range(batch * _BATCH, min((batch + 1) * _BATCH, len(prose)))
        spans = (prose.span(i) for i in indices if spellable[i])
        found.extend(word for word in prose.words(spans) if word.text.lower() in once)
    return found
