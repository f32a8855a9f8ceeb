"""What the server knows between requests: settings per folder and the last lint of a document.

Settings are found as the command line finds them (``config.find_config`` from the document's
folder, then ``selection.resolve``) and kept while the config file's modification time stays
the same, so editing the config takes effect on the next lint without a restart. AL503 (the
network link check) never runs as you type.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from awesome_lint.config import (
    ConfigError,
    Settings,
    check_field_names,
    find_config,
    load_settings,
)
from awesome_lint.diagnostics import Diagnostic
from awesome_lint.model.document import Document
from awesome_lint.registry import RuleSpec, SelectorError
from awesome_lint.selection import resolve

NEVER_AS_YOU_TYPE = ("AL503",)  # dead-link: a network request per url on every keystroke


class Linted(NamedTuple):
    """One lint of one version of a document."""

    document: Document
    version: int | None
    settings: Settings
    rules: tuple[RuleSpec, ...]
    diagnostics: tuple[Diagnostic, ...]


class Selection(NamedTuple):
    settings: Settings
    rules: tuple[RuleSpec, ...]


class SettingsCache:
    """Settings for a folder, looked up afresh when the config file changed."""

    def __init__(self) -> None:
        self._loaded: dict[tuple[Path | None, int], Selection] = {}

    def for_folder(self, folder: Path) -> Selection:
        """The settings and rules of files in ``folder``; ConfigError for a broken config."""
        source = find_config(folder)
        stamp = _mtime(source)
        selection = self._loaded.get((source, stamp))
        if selection is None:
            try:
                settings, rules = resolve(load_settings(source), ignore=NEVER_AS_YOU_TYPE)
            except SelectorError as error:
                raise ConfigError(f"{source}: {error}") from None
            selection = self._loaded[(source, stamp)] = Selection(settings, tuple(rules))
        return selection


def _mtime(path: Path | None) -> int:
    if path is None:
        return 0
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def lint(
    text: str, path: str, version: int | None, selection: Selection, earlier: Linted | None
) -> Linted:
    """Lint one version of a document (on the server's worker thread); ConfigError as the CLI's."""
    from awesome_lint.context import Context
    from awesome_lint.linter import lint_context

    document = Document(text, path=path)
    if earlier is not None:
        document.reuse_links(earlier.document)  # most lines are as they were: no new link scan
    context = Context(document, selection.settings)
    # As on the command line: a config naming a field no block declares is a config error.
    declared = {name for s in context.schemas for f in s.fields for name in (f.kind, f.key)}
    check_field_names(selection.settings, declared, path)
    diagnostics = lint_context(context, selection.rules)
    return Linted(document, version, selection.settings, selection.rules, tuple(diagnostics))


def fix_all(linted: Linted) -> str:
    """The text with every safe fix applied, round after round (FixError when it cannot be)."""
    from awesome_lint.fixer import apply_fixes
    from awesome_lint.linter import lint as run_rules

    settings, rules, path = linted.settings, linted.rules, linted.document.path
    last = [linted.document]

    def relint(text: str) -> list[Diagnostic]:
        fixed = Document(text, path=path)
        fixed.reuse_links(last[0])
        last[0] = fixed
        return run_rules(fixed, settings, rules)

    result = apply_fixes(
        linted.document.text,
        relint,
        lambda d: d.fixable(unsafe=False, unfixable=settings.unfixable),
        first=linted.diagnostics,
        document_of=lambda text: last[0] if last[0].text == text else None,
    )
    return result.text
