"""The rules a run checks: a config's own selection merged with selectors given on top of it.

The command line and the language server both start from the settings found for a file and
add their own selectors here, so a list is checked by the same rules in the editor as in CI.
"""

from __future__ import annotations

from collections.abc import Sequence

from awesome_lint.config import Settings
from awesome_lint.registry import PRESETS, RuleSpec, select_rules


def resolve(
    settings: Settings,
    *,
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    preset: str | None = None,
) -> tuple[Settings, list[RuleSpec]]:
    """Settings with the selectors merged in, and the rules they select (SelectorError if bad)."""
    chosen = select if select is not None else settings.select
    preset = preset if preset is not None else settings.preset
    extend = [*settings.extend_select, *extend_select, *PRESETS.get(preset or "", ())]
    ignored = [*settings.ignore, *ignore]
    settings = settings._replace(
        select=tuple(chosen) if chosen is not None else None,
        extend_select=tuple(extend),
        ignore=tuple(ignored),
        preset=preset,
    )
    return settings, select_rules(settings.select, extend, ignored)
