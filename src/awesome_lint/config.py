"""Settings from ``[tool.awesome-lint]`` in pyproject.toml or from ``.awesome-lint.toml``.

The file is searched upward from the linted file's folder (or given with ``--config``).
Unknown keys are an error: a typo in a config must not silently do nothing.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from awesome_lint.registry import PRESETS

if TYPE_CHECKING:
    from awesome_lint.linkcheck.result import LinkResult
    from awesome_lint.sources.record import Record


class ConfigError(Exception):
    """A config file that cannot be used; the message is one line for the user."""


FIELD_KINDS = ("title", "authors", "publisher", "year", "keyword", "code", "environment", "summary")

DEFAULT_REQUIRED = ("title", "authors", "keyword")


class LinkCheckSettings(NamedTuple):
    concurrency: int = 32
    per_host: int = 4
    timeout: float = 10.0
    retries: int = 2
    exclude: tuple[str, ...] = ()
    accept: tuple[int, ...] = ()
    cache_ttl: float = 86400.0  # seconds a cached result stays fresh
    host_interval: float = 0.0  # seconds between two requests to one host
    run_timeout: float = 300.0  # seconds for the whole check; later urls stay unknown
    cache_path: Path | None = None  # --links-cache: no cache on disk without it
    # Results of this run, so fix rounds re-lint without checking the same urls again: the
    # CLI gives each run its own dict; None checks every url afresh.
    checked: dict[str, LinkResult] | None = None
    lines: frozenset[int] | None = None  # --changed-since: check only urls on these lines


class SourcesSettings(NamedTuple):
    """Where ``awesome-lint add`` and ``--check-metadata`` ask for papers' records."""

    arxiv: str = "https://export.arxiv.org/api/query"
    crossref: str = "https://api.crossref.org"
    openreview: str = "https://api2.openreview.net"
    interval: float = 3.0  # seconds between two requests to one service (arXiv's terms)
    retries: int = 3  # 429/503 answers retried this many times


class MetadataSettings(NamedTuple):
    """``--check-metadata``: the cache file and this run's records (shared by the AL6 rules)."""

    cache_path: Path | None = None  # beside --links-cache; no cache on disk without it
    # By key ("arxiv:2305.18290", "doi:10.1/x"): the record, or None when it could not be had.
    records: dict[str, Record | None] | None = None


class Settings(NamedTuple):
    """Everything that changes what is reported; CLI flags are merged in by the CLI."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    unfixable: tuple[str, ...] = ()
    required_fields: tuple[str, ...] = DEFAULT_REQUIRED
    # required-fields set in the config: those fields are required whatever the entries do.
    required_pinned: bool = False
    strict_format: bool = False  # the format block is the authority: no habit overrules it
    labels: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    year_order: str = "auto"  # "auto": the list's own order, descending when it has none
    # AL204: "auto" checks only sections sorted but for a few items; "alphabetical", every one.
    item_order: str = "auto"
    words: frozenset[str] = frozenset()
    names: tuple[str, ...] = ()  # AL411: more canonical names; "!Name" turns a default off
    preset: str | None = None  # "awesome": the awesome-manifesto rules (registry.PRESETS)
    check_links: LinkCheckSettings = LinkCheckSettings()
    include: tuple[str, ...] = ()  # globs linted under a directory argument (discovery.py)
    exclude: tuple[str, ...] = ()  # globs never linted under a directory argument
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, selectors)
    sources: SourcesSettings = SourcesSettings()
    metadata: MetadataSettings = MetadataSettings()
    source: Path | None = None


_CONFIG_NAMES = (".awesome-lint.toml", "pyproject.toml")


def find_config(start: Path) -> Path | None:
    """The nearest ``.awesome-lint.toml`` or pyproject.toml with a [tool.awesome-lint] table."""
    folder = start if start.is_dir() else start.parent
    for candidate_folder in (folder.resolve(), *folder.resolve().parents):
        for name in _CONFIG_NAMES:
            path = candidate_folder / name
            if not path.is_file():
                continue
            if name == "pyproject.toml" and not _has_tool_table(path):
                continue
            return path
    return None


def load_settings(path: Path | None) -> Settings:
    if path is None:
        return Settings()
    data = _read_toml(path)
    table = data if path.name != "pyproject.toml" else _tool_table(data, path)
    if table is None:
        return Settings(source=path)
    return parse_settings(table, path)


def _has_tool_table(path: Path) -> bool:
    # Most projects' pyproject.toml never names us: a byte search spares parsing the TOML.
    try:
        if b"awesome-lint" not in path.read_bytes():
            return False
    except OSError as err:
        raise ConfigError(f"{path}: cannot read config: {err.strerror}") from None
    return _tool_table(_read_toml(path), path) is not None


def _read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib

    try:
        with path.open("rb") as f:
            data: dict[str, Any] = tomllib.load(f)
            return data
    except OSError as err:
        raise ConfigError(f"{path}: cannot read config: {err.strerror}") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None


def _tool_table(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    tool = data.get("tool", {})
    table = tool.get("awesome-lint") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.awesome-lint] must be a table")
    return table


_KEYS = {
    "select",
    "extend-select",
    "ignore",
    "unfixable",
    "required-fields",
    "labels",
    "year-order",
    "item-order",
    "strict-format",
    "words",
    "names",
    "preset",
    "check-links",
    "include",
    "exclude",
    "per-file-ignores",
    "sources",
}
_LINK_KEYS = {
    "concurrency",
    "per-host",
    "timeout",
    "retries",
    "exclude",
    "accept",
    "cache-ttl",
    "host-interval",
    "run-timeout",
}


def parse_settings(table: Mapping[str, Any], path: Path) -> Settings:
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(
            f"{path}: unknown key {unknown[0]!r} in awesome-lint config "
            f"(known: {', '.join(sorted(_KEYS))})"
        )

    def strings(key: str) -> tuple[str, ...]:
        return _strings(table.get(key, []), key, path)

    def selectors(key: str) -> tuple[str, ...]:
        found = strings(key)
        # "" is a prefix of every code: ignore = [""] would turn every rule off.
        if any(not v.strip() for v in found):
            raise ConfigError(f"{path}: {key!r} holds an empty selector (name a code or prefix)")
        return found

    select = selectors("select") if "select" in table else None
    if select == ():
        raise ConfigError(
            f"{path}: 'select' is empty, which selects no rule (leave it out for the defaults)"
        )
    required = strings("required-fields") if "required-fields" in table else DEFAULT_REQUIRED
    if any(not name.strip() for name in required):
        raise ConfigError(f"{path}: 'required-fields' holds an empty field name")
    labels_table = table.get("labels", {})
    if not isinstance(labels_table, dict):
        raise ConfigError(f"{path}: 'labels' must be a table of kind = [labels]")
    labels: dict[str, tuple[str, ...]] = {}
    for kind, names in labels_table.items():
        if (
            not isinstance(names, list)
            or not names
            or not all(isinstance(n, str) and n.strip() for n in names)
        ):
            raise ConfigError(f"{path}: labels.{kind} must be a non-empty list of labels")
        if not kind.strip():
            raise ConfigError(f"{path}: 'labels' holds an empty field name")
        labels[kind.lower()] = tuple(names)
    order = table.get("year-order", "auto")
    if order not in ("descending", "ascending", "auto"):
        raise ConfigError(f'{path}: \'year-order\' must be "descending", "ascending" or "auto"')
    item_order = table.get("item-order", "auto")
    if item_order not in ("auto", "alphabetical"):
        raise ConfigError(f'{path}: \'item-order\' must be "auto" or "alphabetical"')
    strict = table.get("strict-format", False)
    if not isinstance(strict, bool):
        raise ConfigError(f"{path}: 'strict-format' must be true or false")
    preset = table.get("preset")
    if preset is not None and preset not in PRESETS:
        raise ConfigError(
            f"{path}: 'preset' must be one of {', '.join(repr(p) for p in sorted(PRESETS))}"
        )
    return Settings(
        select=select,
        extend_select=selectors("extend-select"),
        ignore=selectors("ignore"),
        unfixable=selectors("unfixable"),
        required_fields=tuple(k.lower() for k in required),
        required_pinned="required-fields" in table,
        strict_format=strict,
        labels=labels,
        year_order=order,
        item_order=item_order,
        words=frozenset(w.lower() for w in strings("words")),
        names=tuple(n.strip() for n in strings("names") if n.strip()),
        preset=preset,
        check_links=_link_settings(table.get("check-links", {}), path),
        include=_globs(strings("include"), "include", path),
        exclude=_globs(strings("exclude"), "exclude", path),
        per_file_ignores=_per_file_ignores(table.get("per-file-ignores", {}), path),
        sources=_sources_settings(table.get("sources", {}), path),
        source=path,
    )


def _strings(value: Any, key: str, path: Path) -> tuple[str, ...]:
    # A bare string is refused, not read as a list of its characters.
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key!r} must be a list of strings")
    return tuple(value)


def _globs(globs: tuple[str, ...], key: str, path: Path) -> tuple[str, ...]:
    if any(not g.strip("/ ") for g in globs):
        raise ConfigError(f"{path}: {key!r} holds an empty glob")
    return globs


def _per_file_ignores(table: Any, path: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``{"glob" = ["AL4", ...]}``: each glob's selectors, each a code or prefix of some rule."""
    from awesome_lint.registry import RULES

    if not isinstance(table, dict):
        raise ConfigError(f"{path}: 'per-file-ignores' must be a table of glob = [codes]")
    found = []
    for glob, codes in table.items():
        key = f"per-file-ignores.{glob!r}"
        _globs((glob,), "per-file-ignores", path)
        selectors = _strings(codes, key, path)
        for code in selectors:
            known = code.strip().upper() == "ALL" or any(
                r.code.startswith(code.strip().upper()) for r in RULES
            )
            if not code.strip() or not known:
                raise ConfigError(f"{path}: {key} holds {code!r}, which selects no rule")
        found.append((glob, tuple(c.strip().upper() for c in selectors)))
    return tuple(found)


def check_field_names(settings: Settings, declared: Iterable[str], shown: str) -> None:
    """Every field ``required-fields`` and ``labels`` name is a kind, or one a block declares.

    A field kind (``authors``, ``keyword``, ...) is always known; any other name must be a field
    some format block of the linted file declares (``- Note: notes`` declares ``note``), so a
    typo such as ``keywrd`` is a config error rather than a rule that checks nothing.
    """
    if settings.source is None:
        return
    known = set(FIELD_KINDS)
    names = [("required-fields", n) for n in settings.required_fields if n not in known]
    names += [("labels", n) for n in settings.labels if n not in known]
    if not names:
        return
    known.update(declared)
    for key, name in names:
        if name not in known:
            raise ConfigError(
                f"{settings.source}: {key} names {name!r}, which is no field kind "
                f"({', '.join(FIELD_KINDS)}) and no field a format block of {shown} declares"
            )


_INTEGERS = {"concurrency": 1, "per-host": 1, "retries": 0}  # key: the least value
_SECONDS = {  # key: whether 0 is allowed
    "timeout": False,
    "run-timeout": False,
    "cache-ttl": True,
    "host-interval": True,
}


def _link_settings(table: Any, path: Path) -> LinkCheckSettings:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: 'check-links' must be a table")
    unknown = sorted(set(table) - _LINK_KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r} in check-links config")
    for key, least in _INTEGERS.items():
        value = table.get(key, least)
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            raise ConfigError(f"{path}: check-links.{key} must be a whole number >= {least}")
    for key, zero in _SECONDS.items():
        value = table.get(key, 1.0)
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or value < 0
            or (value == 0 and not zero)
        ):
            bound = ">= 0" if zero else "> 0"
            raise ConfigError(
                f"{path}: check-links.{key} must be a finite number {bound} (seconds)"
            )
    accept = table.get("accept", [])
    if not isinstance(accept, list) or not all(
        isinstance(c, int) and not isinstance(c, bool) and 100 <= c <= 599 for c in accept
    ):
        raise ConfigError(f"{path}: check-links.accept must be a list of HTTP status codes")
    exclude = _strings(table.get("exclude", []), "check-links.exclude", path)
    for pattern in exclude:
        check_exclude_pattern(pattern, path)
    defaults = LinkCheckSettings()
    return LinkCheckSettings(
        concurrency=table.get("concurrency", defaults.concurrency),
        per_host=table.get("per-host", defaults.per_host),
        timeout=float(table.get("timeout", defaults.timeout)),
        retries=table.get("retries", defaults.retries),
        exclude=exclude,
        accept=tuple(accept),
        cache_ttl=float(table.get("cache-ttl", defaults.cache_ttl)),
        host_interval=float(table.get("host-interval", defaults.host_interval)),
        run_timeout=float(table.get("run-timeout", defaults.run_timeout)),
    )


def _sources_settings(table: Any, path: Path) -> SourcesSettings:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: 'sources' must be a table")
    unknown = sorted(set(table) - set(SourcesSettings._fields))
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r} in sources config")
    defaults = SourcesSettings()
    for key in ("arxiv", "crossref", "openreview"):
        value = table.get(key, getattr(defaults, key))
        if not isinstance(value, str) or not value.startswith(("http://", "https://")):
            raise ConfigError(f"{path}: sources.{key} must be an http(s) url")
    interval = table.get("interval", defaults.interval)
    if (
        isinstance(interval, bool)
        or not isinstance(interval, (int, float))
        or not (math.isfinite(interval) and interval >= 0)
    ):
        raise ConfigError(f"{path}: sources.interval must be a finite number >= 0 (seconds)")
    retries = table.get("retries", defaults.retries)
    if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
        raise ConfigError(f"{path}: sources.retries must be a whole number >= 0")
    return SourcesSettings(
        arxiv=table.get("arxiv", defaults.arxiv),
        crossref=table.get("crossref", defaults.crossref),
        openreview=table.get("openreview", defaults.openreview),
        interval=float(interval),
        retries=retries,
    )


# How long one exclude pattern may search one url: a pattern that backtracks exponentially
# (``(a+)+$``) is cut off rather than stalling the run.
EXCLUDE_TIMEOUT = 0.1  # seconds


def check_exclude_pattern(pattern: str, path: Path) -> None:
    """A config error unless ``pattern`` is a regular expression that can skip some urls."""
    import regex

    if not pattern:
        raise ConfigError(
            f"{path}: check-links.exclude holds an empty pattern (it skips every url)"
        )
    try:
        regex.compile(pattern)
    except (regex.error, OverflowError, RecursionError) as error:
        raise ConfigError(
            f"{path}: check-links.exclude pattern {pattern!r} is not a regular expression: "
            f"{' '.join(str(error).split())}"
        ) from None
