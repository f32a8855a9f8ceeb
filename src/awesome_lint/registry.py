"""The rule catalogue: codes, names, fix kinds, and the module holding each check.

Rule modules are imported only when their rule runs (or is documented), so a run that selects a
few rules pays only for those. Each module has its docs (what, why, example) in its docstring
and a ``check(ctx) -> Iterator[Violation]`` function.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

DOCS_URL = "https://github.com/awesome-lint/awesome-lint/blob/main/docs/rules.md"


class SelectorError(Exception):
    """A --select/--ignore value that names no rule."""


class RuleSpec(NamedTuple):
    code: str
    name: str
    module: str
    fix: str  # "safe", "unsafe" or "none": the most --fix may do
    default: bool = True  # off-by-default rules run only when selected by their full code

    @property
    def qualified_module(self) -> str:
        """Where the check lives; ``linter.load`` imports it when the rule runs."""
        return f"awesome_lint.rules.{self.module}"

    @property
    def doc(self) -> str:
        module = importlib.import_module(self.qualified_module)
        return (module.__doc__ or "").strip()

    @property
    def summary(self) -> str:
        first = self.doc.splitlines()[0] if self.doc else ""
        summary = first.split(":", 1)[1].strip() if ":" in first else first
        return summary.replace("``", "`")

    @property
    def url(self) -> str:
        return f"{DOCS_URL}#{self.code.lower()}-{self.name}"


RULES: tuple[RuleSpec, ...] = (
    RuleSpec("AL101", "title-not-link", "title_not_link", "none"),
    RuleSpec("AL102", "missing-field", "missing_field", "none"),
    RuleSpec("AL103", "unknown-field", "unknown_field", "none"),
    RuleSpec("AL104", "field-order", "field_order", "safe"),
    RuleSpec("AL105", "field-label", "field_label", "safe"),
    RuleSpec("AL106", "empty-link", "empty_link", "none"),
    RuleSpec("AL107", "list-indent", "list_indent", "safe"),
    RuleSpec("AL108", "bad-url", "bad_url", "safe"),
    RuleSpec("AL109", "link-separator", "link_separator", "safe"),
    RuleSpec("AL110", "empty-field", "empty_field", "none"),
    RuleSpec("AL111", "format-block", "format_block", "none"),
    RuleSpec("AL112", "format-drift", "format_drift", "none"),
    RuleSpec("AL113", "item-separator", "item_separator", "safe"),
    RuleSpec("AL114", "description-style", "description_style", "safe"),
    RuleSpec("AL115", "description-repeats-name", "description_repeats_name", "none", False),
    RuleSpec("AL116", "list-marker", "list_marker", "unsafe"),
    # AL2xx ordering
    RuleSpec("AL201", "year-order", "year_order", "unsafe"),
    RuleSpec("AL202", "wrong-year", "wrong_year", "unsafe"),
    RuleSpec("AL203", "duplicate-year-section", "duplicate_year_section", "none"),
    RuleSpec("AL204", "item-order", "item_order", "unsafe"),
    # AL3xx duplicates
    RuleSpec("AL301", "duplicate-entry", "duplicate_entry", "unsafe"),
    RuleSpec("AL302", "duplicate-title", "duplicate_title", "none"),
    RuleSpec("AL303", "shared-link", "shared_link", "none"),
    RuleSpec("AL304", "duplicate-name", "duplicate_name", "none"),
    RuleSpec("AL305", "translation-drift", "translation_drift", "none"),
    # AL4xx text
    RuleSpec("AL401", "misspelling", "misspelling", "unsafe"),
    RuleSpec("AL402", "full-width-punctuation", "full_width_punctuation", "safe"),
    RuleSpec("AL403", "missing-space", "missing_space", "safe"),
    RuleSpec("AL404", "repeated-space", "repeated_space", "safe"),
    RuleSpec("AL405", "trailing-whitespace", "trailing_whitespace", "safe"),
    RuleSpec("AL406", "mixed-case", "mixed_case", "unsafe"),
    RuleSpec("AL407", "link-text-padding", "link_text_padding", "safe"),
    RuleSpec("AL408", "line-endings", "line_endings", "safe"),
    RuleSpec("AL409", "repeated-punctuation", "repeated_punctuation", "safe"),
    RuleSpec("AL410", "unbalanced-punctuation", "unbalanced_punctuation", "none"),
    RuleSpec("AL411", "canonical-name", "canonical_name", "safe"),
    RuleSpec("AL412", "venue-name", "venue_name", "unsafe"),
    # AL5xx document
    RuleSpec("AL501", "broken-anchor", "broken_anchor", "none"),
    RuleSpec("AL502", "missing-file", "missing_file", "none"),
    RuleSpec("AL503", "dead-link", "dead_link", "unsafe", default=False),
    RuleSpec("AL504", "unused-suppression", "unused_suppression", "safe"),
    RuleSpec("AL505", "table-of-contents", "table_of_contents", "safe"),
    RuleSpec("AL506", "single-h1", "single_h1", "none"),
    RuleSpec("AL507", "empty-section", "empty_section", "none"),
    RuleSpec("AL508", "duplicate-heading", "duplicate_heading", "none"),
    RuleSpec("AL509", "contributing-file", "contributing_file", "none"),
    # The awesome-manifesto conventions: off by default, on with `preset = "awesome"`.
    RuleSpec("AL510", "awesome-badge", "awesome_badge", "unsafe", default=False),
    RuleSpec("AL511", "ci-badge", "ci_badge", "unsafe", default=False),
    RuleSpec("AL512", "license-section", "license_section", "none", default=False),
    RuleSpec("AL513", "undefined-reference", "undefined_reference", "none"),
    # AL6xx records (only with --check-metadata)
    RuleSpec("AL601", "metadata-title", "metadata_title", "unsafe", default=False),
    RuleSpec("AL602", "metadata-authors", "metadata_authors", "none", default=False),
    RuleSpec("AL603", "metadata-section", "metadata_section", "none", default=False),
    RuleSpec("AL604", "metadata-venue", "metadata_venue", "none", default=False),
)
METADATA_RULES = ("AL601", "AL602", "AL603", "AL604")
BY_CODE = {rule.code: rule for rule in RULES}

# A preset names off-by-default rules that a convention needs (`preset = "awesome"`,
# `--preset awesome`): they join the selection as if given to --extend-select.
PRESETS: dict[str, tuple[str, ...]] = {
    "awesome": ("AL115", "AL510", "AL511", "AL512"),
}


def select_rules(
    select: Sequence[str] | None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    *,
    rules: Sequence[RuleSpec] = RULES,
) -> list[RuleSpec]:
    """Rules chosen by code prefixes; the most specific selector wins, as in ruff."""
    for selector in (*(select or ()), *extend_select, *ignore):
        if not any(_matches(selector, rule) for rule in rules):
            raise SelectorError(f"unknown rule selector {selector!r}{rule_hint(selector, rules)}")
    chosen = []
    for rule in rules:
        picked = _specificity(select if select is not None else ("ALL",), rule)
        picked = max(picked, _specificity(extend_select, rule))
        dropped = _specificity(ignore, rule)
        if picked > dropped and (rule.default or picked == len(rule.code) + 1):
            chosen.append(rule)
    return chosen


def find_rule(word: str, rules: Sequence[RuleSpec] = RULES) -> RuleSpec | None:
    """The rule with this code or name (case does not matter)."""
    folded = word.strip().casefold()
    return next((r for r in rules if folded in (r.code.casefold(), r.name)), None)


def rule_hint(word: str, rules: Sequence[RuleSpec] = RULES) -> str:
    """What a mistyped code or name was likely meant to be; names point at their code."""
    from awesome_lint.suggestions import closest

    named = find_rule(word, rules)
    if named is None:
        near = closest(word, [r.name for r in rules])
        named = find_rule(near, rules) if near else None
    if named is not None and word.casefold() != named.code.casefold():
        return f" (did you mean {named.code!r}, {named.name}?)"
    families = sorted({r.code[:n] for r in rules for n in (3, 4)})
    code = closest(word, [*families, *(r.code for r in rules)])
    return f" (did you mean {code!r}?)" if code else " (see --list-rules)"


def _matches(selector: str, rule: RuleSpec) -> bool:
    return selector.upper() == "ALL" or rule.code.startswith(selector.upper())


def _specificity(selectors: Iterable[str], rule: RuleSpec) -> int:
    """Length of the longest selector matching the rule (ALL counts 0.5 → 1 here), or 0."""
    best = 0
    for selector in selectors:
        if selector.upper() == "ALL":
            best = max(best, 1)
        elif rule.code.startswith(selector.upper()):
            best = max(best, len(selector) + 1)
    return best


def iter_docs() -> Iterator[tuple[RuleSpec, str]]:
    for rule in RULES:
        yield rule, rule.doc
