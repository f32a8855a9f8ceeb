"""AL203 duplicate-year-section: the same year heading twice under one parent.

Year headings may repeat under different parents (``#### 2024`` under ``### Models`` and under
``### Datasets``), and different venues may share a year (``NeurIPS 2025``, ``ICML 2025``); the
same venue and year (or the same plain year, or the same catch-all) twice under one parent is a
duplicate. Merge the two sections by hand.

Why: a second ``### 2023`` splits one year's papers in two places; readers miss half of them.

Okay:  ### Models / #### 2024 / ### Datasets / #### 2024
AL203: ### 2023 / ### 2022 / ### 2023
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Related, Violation
from awesome_lint.model.years import YearSection


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    for siblings in ctx.year_sections.sibling_groups():
        first: dict[tuple[str, int, str | None], YearSection] = {}
        for section in siblings:
            key = (section.venue, section.year, section.bound)
            earlier = first.setdefault(key, section)
            if earlier is section:
                continue
            line = section.heading.line
            yield Violation(
                document.line_starts[line],
                document.line_ends[line],
                f'Year section "{section.heading.text}" repeats "{earlier.heading.text}" '
                f"(line {earlier.line + 1}) under the same heading",
                related=(
                    Related(
                        document.line_starts[earlier.line],
                        document.line_ends[earlier.line],
                        "first occurrence",
                    ),
                ),
            )
