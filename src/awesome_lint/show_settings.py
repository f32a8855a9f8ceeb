"""``--show-settings``: the settings a file is linted with, and the config file they came from.

Like ``ruff check --show-settings``: one block per file, the config file first (or that none
was found and the defaults apply), then each setting as TOML-like ``key = value`` lines and the
rules that run on the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awesome_lint.config import Settings
    from awesome_lint.registry import RuleSpec


def _value(value: object) -> str:
    if value is None:
        return "(unset)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (tuple, list, frozenset)):
        items = sorted(value) if isinstance(value, frozenset) else value
        return "[" + ", ".join(_value(v) for v in items) + "]"
    if isinstance(value, (str, Path)):
        return f'"{value}"'
    return str(value)


def settings_text(
    shown: str, settings: Settings, rules: Sequence[RuleSpec], ignored: Sequence[str] = ()
) -> str:
    source = settings.source
    lines = [f"Resolved settings for: {shown}"]
    if source is not None:
        lines.append(f"Settings path: {source.resolve()}")
    else:
        lines.append(
            "Settings path: none (no .awesome-lint.toml or [tool.awesome-lint] found; defaults)"
        )
    rows: list[tuple[str, object]] = [
        ("select", settings.select),
        ("extend-select", settings.extend_select),
        ("ignore", settings.ignore),
        ("unfixable", settings.unfixable),
        ("preset", settings.preset),
        ("required-fields", settings.required_fields),
        ("strict-format", settings.strict_format),
        ("year-order", settings.year_order),
        ("words", settings.words),
        ("names", settings.names),
        ("include", settings.include),
        ("exclude", settings.exclude),
    ]
    rows += [(f"labels.{kind}", names) for kind, names in sorted(settings.labels.items())]
    rows += [(f"per-file-ignores.{glob!r}", codes) for glob, codes in settings.per_file_ignores]
    rows.append(("per-file-ignores for this file", tuple(ignored)))
    links = settings.check_links
    rows += [
        ("check-links.concurrency", links.concurrency),
        ("check-links.per-host", links.per_host),
        ("check-links.timeout", links.timeout),
        ("check-links.retries", links.retries),
        ("check-links.exclude", links.exclude),
        ("check-links.accept", links.accept),
        ("check-links.cache-ttl", links.cache_ttl),
        ("check-links.host-interval", links.host_interval),
        ("check-links.run-timeout", links.run_timeout),
    ]
    width = max(len(key) for key, _ in rows)
    lines += [f"{key:<{width}} = {_value(value)}" for key, value in rows]
    lines.append(f"{'rules':<{width}} = {len(rules)}: {', '.join(r.code for r in rules)}")
    return "\n".join(lines) + "\n"
