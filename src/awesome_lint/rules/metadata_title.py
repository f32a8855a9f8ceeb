"""AL601 metadata-title: a title that differs from the paper's record (only with --check-metadata).

The entry's title is compared with the title of the record its link names (arXiv's export API
for an arXiv link, Crossref for a DOI), with case, punctuation, spacing, accents and LaTeX
folded: only a real difference is reported. When the record's title is another entry's, the
two links are probably swapped, and the message names that entry. The unsafe fix writes the
record's title. An entry whose record cannot be had is not checked (the run says how many).

Why: a title that drifted from the paper, or an arXiv id pasted under another paper's title,
sends the reader to a paper the entry does not describe.

Okay:  - [Direct Preference Optimization: Your Language Model is Secretly a Reward Model](https://arxiv.org/abs/2305.18290)
AL601: - [Tree of Thoughts](https://arxiv.org/abs/2305.18290)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation
from awesome_lint.metadata.compare import fold_title
from awesome_lint.metadata.lookup import entry_key, records


def check(ctx: Context) -> Iterator[Violation]:
    found = records(ctx)
    titles: dict[str, int] = {}
    for entry in ctx.entries:
        if entry.title is not None:
            titles.setdefault(fold_title(entry.title.text), entry.line)
    for entry in ctx.entries:
        key = entry_key(entry)
        record = found.get(key) if key else None
        if record is None or entry.title is None:
            continue
        title = entry.title
        folded = fold_title(record.title)
        if not folded or fold_title(title.text) == folded:
            continue
        other = titles.get(folded)
        if other is not None and other != entry.line:
            yield Violation(
                title.text_start,
                title.text_end,
                f"Title differs from the record of {key}: the record's title is the entry's "
                f"at line {other + 1} (are the two links swapped?)",
            )
            continue
        written = record.title.replace("[", "\\[").replace("]", "\\]")
        yield Violation(
            title.text_start,
            title.text_end,
            f"Title differs from the record of {key}: {record.title!r}",
            Fix.unsafe("Write the record's title", Edit(title.text_start, title.text_end, written)),
        )
