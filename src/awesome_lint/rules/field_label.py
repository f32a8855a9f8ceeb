"""AL105 field-label: a declared label misspelt, miscased, or with a wrong separator.

Catches ``Dataset;``, ``Keyowrd:``, ``Code：`` (full-width colon), ``Env :`` and ``Code:[...]``
(no space). A label's case is checked against the list's own habit: if most entries write
``key:``, then ``key:`` is fine and ``Key:`` is not flagged either way it is declared.
Its mark likewise: where most of the list writes ``Summary：`` (a full-width colon), both that
and the block's ``Summary:`` are accepted, and AL112 reports the mixture once at the block.

Why: readers and tools find fields by their label; ``Dataset;`` hides the datasets.

Emphasis around a label is the writer's choice and is kept: ``**Keywords**:`` is checked only
for its spelling and its colon.

Okay:  - Dataset: [BBQ](https://github.com/nyu-mll/BBQ)
Okay:  - **Dataset**: [BBQ](https://github.com/nyu-mll/BBQ)
AL105: - Dataset; [BBQ](https://github.com/nyu-mll/BBQ)
AL105: - Keyowrd: Preference learning
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation
from awesome_lint.model.habits import label_mark

_COLON = re.compile(r"(?<![ \t])[ \t]*[:;：；]")  # the lookbehind keeps a search linear


def check(ctx: Context) -> Iterator[Violation]:
    habits: Counter[str] = Counter(
        f.label.text for _, f in ctx.fields() if f.label is not None and f.label.status == "known"
    )
    for entry, field in ctx.fields():
        label = field.label
        if label is None or label.status == "unknown":
            continue
        # A mark most of the list writes after this label (``Summary：``, 377 times of 526) is
        # the list's form, reported once by AL112, not at every entry; the block's ":" is fine.
        mark = ":"
        if field.spec is not None:
            own = ctx.habit(entry.schema).separator(field.spec.key)
            if own is not None and label_mark(label.separator) == own:
                mark = own
        text = label.text
        if label.status == "misspelt":
            text = label.suggestion or text
        elif label.suggestion is not None:
            # Miscased: accept it when the list writes this label this way most of the time.
            usual = max(
                (form for form in habits if form.lower() == text.lower()),
                key=lambda form: (habits[form], form == label.suggestion),
            )
            if usual != text:
                text = usual if habits[usual] > habits[text] else label.suggestion
        has_value = field.value_start < field.content_end
        core_end = label.end + len(label.separator.rstrip(" \t"))
        after = label.separator[core_end - label.end :]
        written = ctx.document.text[label.start : core_end]
        # An emphasised label keeps its markup: "**Keywords**:" and "**Keywords:**" are fine.
        separator = _COLON.sub(mark, written[len(label.text) :]) if label.markup else mark
        wanted = text + separator
        needs_space = has_value and not after
        if written == wanted and not needs_space:
            continue  # spaces beyond one after the colon are AL404's business
        opening = label.markup  # named in the message, so "**Keyowrd**:" reads as written
        message = f'Label "{opening}{written.strip()}" should be "{opening}{wanted}"'
        if written == wanted:
            message = f'Add a space after the label "{opening}{wanted}"'
        replacement = wanted + (" " if needs_space else "")
        fix_message = f'Write "{opening}{replacement.strip()}"'
        yield Violation(
            label.start,
            core_end,
            message,
            Fix.safe(fix_message, Edit(label.start, core_end, replacement)),
        )
