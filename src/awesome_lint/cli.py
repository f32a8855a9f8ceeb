"""The command line: arguments to settings, files to reports, reports to an exit code.

This is the only module that reads or writes files, prints, or decides the exit code:
0 nothing left to report; 1 diagnostics remain (or, with --exit-non-zero-on-fix, files were
changed); 2 a usage, config, read or write error.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from awesome_lint import __version__
from awesome_lint.config import (
    ConfigError,
    Settings,
    check_field_names,
    find_config,
    load_settings,
)
from awesome_lint.diagnostics import Diagnostic
from awesome_lint.model.document import DecodeError, Document
from awesome_lint.registry import (
    BY_CODE,
    METADATA_RULES,
    PRESETS,
    RULES,
    RuleSpec,
    SelectorError,
    select_rules,
)
from awesome_lint.report import FORMATS, FileReport, ReportOptions, renderer, visible

if TYPE_CHECKING:
    from awesome_lint.context import Context

Read = tuple[bytes, os.stat_result]  # a file's bytes and its stat from just before reading

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """Bad arguments; the message is one line for the user."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, sized without importing shutil (~2 ms on every run)."""

    def __init__(self, prog: str) -> None:
        columns = int(os.environ.get("COLUMNS", "0") or 0)
        if columns <= 0:
            try:
                columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):
                columns = 80
        super().__init__(prog, width=columns - 2)


def _codes(value: str) -> list[str]:
    return [v.strip().upper() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="awesome-lint",
        formatter_class=_HelpFormatter,
        description="Lint an awesome list against the contribution format it declares.",
    )
    p.add_argument("files", nargs="*", help="Markdown lists to check (default: README.md)")
    fix = p.add_argument_group("fixing")
    fix.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    fix.add_argument(
        "--unsafe-fixes", action="store_true", help="also apply (or show as fixable) unsafe fixes"
    )
    fix.add_argument(
        "--diff", action="store_true", help="print fixes as a unified diff, write nothing"
    )
    fix.add_argument("--show-fixes", action="store_true", help="list the fixes that were applied")
    sel = p.add_argument_group("rule selection")
    sel.add_argument("--select", type=_codes, help="codes or prefixes to check (e.g. AL1,AL402)")
    sel.add_argument("--extend-select", type=_codes, default=[], help="add to the selection")
    sel.add_argument("--ignore", type=_codes, default=[], help="codes or prefixes to skip")
    sel.add_argument(
        "--preset",
        choices=sorted(PRESETS),
        help="turn on a convention's rules: awesome (the awesome manifesto: AL510-AL512)",
    )
    sel.add_argument("--check-links", action="store_true", help="also check external links (AL503)")
    sel.add_argument(
        "--links-cache", type=Path, metavar="PATH", help="keep link results in this JSON file"
    )
    sel.add_argument(
        "--check-metadata",
        action="store_true",
        help="also check entries against their papers' records (AL601-AL604; arXiv, Crossref)",
    )
    out = p.add_argument_group("output")
    out.add_argument(
        "--output-format", choices=FORMATS, help="default: full on a terminal, else concise"
    )
    out.add_argument("--statistics", action="store_true", help="count diagnostics per rule")
    out.add_argument("--quiet", "-q", action="store_true", help="print diagnostics only, no notes")
    out.add_argument("--no-color", action="store_true", help="no colours (also: NO_COLOR)")
    ex = p.add_argument_group("exit code")
    ex.add_argument("--exit-zero", action="store_true", help="exit 0 even if diagnostics remain")
    ex.add_argument(
        "--exit-non-zero-on-fix", action="store_true", help="exit 1 when a file was changed"
    )
    info = p.add_argument_group("information")
    info.add_argument("--config", type=Path, help="use this config file instead of searching")
    info.add_argument(
        "--show-schema", action="store_true", help="print each format block as understood"
    )
    info.add_argument(
        "--init-format",
        action="store_true",
        help="print a `format:` block for the format inferred from the list, ready to paste",
    )
    info.add_argument("--explain", metavar="CODE", help="show a rule's documentation")
    info.add_argument("--list-rules", action="store_true", help="list every rule")
    info.add_argument("--version", action="version", version=f"awesome-lint {__version__}")
    return p


def run(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["add"]:  # the contributors' command: its own arguments (awesome_lint.add)
        from awesome_lint.add.command import run as add

        return add(argv[1:], out, err)
    try:
        args = build_parser().parse_args(argv)
    except UsageError as error:
        err.write(visible(f"awesome-lint: error: {error}") + "\n")
        return EXIT_ERROR
    except SystemExit as exit_:  # --help and --version
        return int(exit_.code or 0)
    if args.list_rules:
        out.write(_list_rules())
        return EXIT_CLEAN
    if args.explain:
        rule = BY_CODE.get(args.explain.upper())
        if rule is None:
            err.write(f"awesome-lint: error: unknown rule {args.explain!r} (see --list-rules)\n")
            return EXIT_ERROR
        out.write(f"{rule.code} {rule.name} (fix: {rule.fix})\n\n{rule.doc}\n")
        return EXIT_CLEAN
    return _lint_files(args, out, err)


def _list_rules() -> str:
    rows = [f"{r.code}  {r.name:<24} {_fix_mark(r):<7} {r.summary}" for r in RULES]
    return "\n".join(rows) + "\n"


def _declared_fields(context: Context) -> set[str]:
    return {name for schema in context.schemas for f in schema.fields for name in (f.kind, f.key)}


def _fix_mark(rule: RuleSpec) -> str:
    return {"safe": "[*]", "unsafe": "[unsafe]", "none": ""}[rule.fix]


def _lint_files(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    files = [Path(f) for f in args.files] or [Path("README.md")]
    status = EXIT_CLEAN
    explicit: Settings | None = None
    try:
        if args.config is not None:
            if not _is_file(args.config):
                raise ConfigError(f"{args.config}: config file not found")
            explicit = load_settings(args.config)
    except ConfigError as error:
        err.write(visible(f"awesome-lint: error: {error}") + "\n")
        return EXIT_ERROR
    color = _use_color(args, out)
    fmt = args.output_format or ("full" if out.isatty() else "concise")
    reports: list[FileReport] = []
    changed = False
    unchecked = 0  # entries whose record could not be had (--check-metadata)
    settings_cache: dict[Path | None, tuple[Settings, list[RuleSpec]]] = {}
    config_sources: dict[Path, Path | None] = {}  # folder -> its config file
    unsafe = bool(args.unsafe_fixes)
    for path in files:
        try:
            settings, rules = _settings_for(path, args, explicit, settings_cache, config_sources)
        except (ConfigError, SelectorError) as error:
            err.write(visible(f"awesome-lint: error: {error}") + "\n")
            return EXIT_ERROR
        shown = _display(path)
        try:
            document, read = _read(path, shown)
        except _FileError as error:
            err.write(visible(f"awesome-lint: {error}") + "\n")
            status = EXIT_ERROR
            continue
        if args.show_schema:
            out.write(visible(_schema_text(shown, document, settings)))
            continue
        if args.init_format:
            block = _init_format(document, settings)
            if block is None:
                err.write(
                    visible(f"awesome-lint: {shown}: no common item shape to write a format from")
                    + "\n"
                )
                status = EXIT_ERROR
            else:
                out.write(block)
            continue
        try:
            from awesome_lint.context import Context

            context = Context(document, settings)
            check_field_names(settings, _declared_fields(context), shown)
            report, file_changed, error_message = _process(
                path, shown, context, rules, args, out, read
            )
        except ConfigError as error:  # a field name no block of this file declares
            err.write(f"awesome-lint: error: {error}\n")
            status = EXIT_ERROR
            continue
        except BrokenPipeError:
            raise  # the reader went away: the process edge ends the run quietly
        except Exception as error:  # a bug must cost one file's check, never a traceback
            err.write(
                visible(
                    f"awesome-lint: {shown}: internal error: {type(error).__name__}: "
                    f"{' '.join(str(error).split())} (please report)"
                )
                + "\n"
            )
            status = EXIT_ERROR
            continue
        if error_message:
            err.write(visible(f"awesome-lint: {error_message}") + "\n")
            status = EXIT_ERROR
            continue
        changed |= file_changed
        reports.append(report)
        if args.check_metadata:
            from awesome_lint.metadata.lookup import not_checked

            missed = not_checked(context)
            unchecked += missed
            if missed and not args.quiet:
                many = "entries were" if missed > 1 else "entry was"
                err.write(
                    f"awesome-lint: note: {visible(shown)}: {missed} {many} not checked (an"
                    " arXiv id or DOI with no record to be had)\n"
                )
        # The AL1 rules read the schemas during the lint: this reads them from its context.
        al1 = any(r.code.startswith("AL1") for r in rules)
        if al1 and not args.quiet and not context.schemas and not _inferred_any(context):
            err.write(
                f"awesome-lint: note: {visible(shown)}: no format block and no common item"
                " shape, so entries were not checked against a format (add a fenced block"
                " starting with `format:`)\n"
            )
    if args.show_schema or args.init_format:
        return status
    options = ReportOptions(
        unsafe_fixes=unsafe,
        unfixable=frozenset(settings_cache[next(iter(settings_cache))][0].unfixable)
        if settings_cache
        else frozenset(),
        color=color,
        show_fixes=args.show_fixes,
        fixing=args.fix or args.diff,
        unchecked=unchecked,
    )
    # Nothing was checked (every file failed to read): no "All checks passed!" under the errors.
    nothing_checked = not reports and status == EXIT_ERROR and fmt in ("full", "concise")
    if not args.diff and not nothing_checked:
        out.write(renderer(fmt)(reports, options))
    if fmt in ("github", "sarif") and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_step_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]), reports, options, err)
    if args.statistics:
        out.write(_statistics(reports, options))
    remaining = any(r.diagnostics for r in reports)
    if status == EXIT_ERROR:
        return EXIT_ERROR
    if args.diff and changed:
        return EXIT_FOUND
    if args.exit_non_zero_on_fix and changed:
        return EXIT_FOUND
    if remaining and not args.exit_zero and not args.diff:
        return EXIT_FOUND
    return EXIT_CLEAN


def _append_step_summary(
    path: Path, reports: Sequence[FileReport], options: ReportOptions, err: TextIO
) -> None:
    """The job page's summary table; failing to write it must not change the check's result."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags, 0o644)  # non-blocking: a FIFO with no reader must not hang
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            err.write("awesome-lint: warning: GITHUB_STEP_SUMMARY is not a regular file\n")
            return
        with os.fdopen(fd, "a", encoding="utf-8") as summary:
            summary.write(renderer("step-summary")(reports, options))
    except OSError as error:
        err.write(f"awesome-lint: warning: cannot write GITHUB_STEP_SUMMARY: {error}\n")


def _use_color(args: argparse.Namespace, out: TextIO) -> bool:
    if args.no_color or os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or out.isatty()


def _settings_for(
    path: Path,
    args: argparse.Namespace,
    explicit: Settings | None,
    cache: dict[Path | None, tuple[Settings, list[RuleSpec]]],
    sources: dict[Path, Path | None],
) -> tuple[Settings, list[RuleSpec]]:
    source = None
    if explicit is None:
        # Looked up once per folder: pre-commit passes many files of one folder at once.
        folder = path.parent if path.parent != Path("") else Path(".")
        if folder not in sources:
            sources[folder] = find_config(folder)
        source = sources[folder]
    if source in cache:
        return cache[source]
    settings = explicit if explicit is not None else load_settings(source)
    select = args.select if args.select is not None else settings.select
    preset = args.preset if args.preset is not None else settings.preset
    extend = [*settings.extend_select, *args.extend_select, *PRESETS.get(preset or "", ())]
    if args.check_links:
        extend.append("AL503")
    if args.check_metadata:
        extend.extend(METADATA_RULES)
    ignore = [*settings.ignore, *args.ignore]
    settings = settings._replace(
        select=tuple(select) if select is not None else None,
        extend_select=tuple(extend),
        ignore=tuple(ignore),
        preset=preset,
    )
    rules = select_rules(settings.select, extend, ignore)
    if any(rule.code == "AL503" for rule in rules):
        settings = _with_link_checking(settings, args)
    if any(rule.code in METADATA_RULES for rule in rules):
        settings = _with_records(settings, args)
    cache[source] = (settings, rules)
    return settings, rules


def _with_link_checking(settings: Settings, args: argparse.Namespace) -> Settings:
    """Link settings with the cache path; a config error when the HTTP client is missing."""
    from awesome_lint.linkcheck.check import ClientMissing, require_client

    try:
        require_client()
    except ClientMissing as error:
        raise ConfigError(str(error)) from None
    links = settings.check_links._replace(checked={})  # this run's memo, shared by fix rounds
    if args.links_cache is not None:
        try:
            args.links_cache.stat()
        except FileNotFoundError:
            pass  # written at the end of the run
        except OSError as error:
            raise ConfigError(f"--links-cache {args.links_cache}: {error.strerror}") from None
        links = links._replace(cache_path=args.links_cache)
    return settings._replace(check_links=links)


def _with_records(settings: Settings, args: argparse.Namespace) -> Settings:
    """The AL6 rules' run memo, and their cache beside --links-cache; httpx must be there."""
    from awesome_lint.config import MetadataSettings
    from awesome_lint.linkcheck.check import ClientMissing, require_client

    try:
        require_client()
    except ClientMissing:
        raise ConfigError("--check-metadata needs httpx: install awesome-lint[links]") from None
    cache = (
        args.links_cache.with_name(args.links_cache.name + ".records") if args.links_cache else None
    )
    return settings._replace(metadata=MetadataSettings(cache_path=cache, records={}))


class _FileError(Exception):
    pass


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # elsewhere, unreadable, or a symlink loop
        return str(path)


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError as error:  # e.g. a name longer than the file system allows
        raise ConfigError(f"{path}: {error.strerror}") from None


def _read(path: Path, shown: str) -> tuple[Document, Read]:
    try:
        # Looked at before it is opened: opening a FIFO with no writer would wait for ever.
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise _FileError(f"{shown}: is a directory, not a Markdown file")
        if not stat.S_ISREG(st.st_mode):
            kind = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a device or a socket"
            raise _FileError(f"{shown}: is {kind}, not a Markdown file")
        data = path.read_bytes()
    except FileNotFoundError:
        raise _FileError(f"{shown}: no such file") from None
    except PermissionError:
        raise _FileError(f"{shown}: permission denied") from None
    except OSError as error:
        raise _FileError(f"{shown}: cannot read: {error.strerror}") from None
    try:
        # The real path, so relative links resolve; reports print ``shown``.
        return Document.from_bytes(data, path=str(path)), (data, st)
    except DecodeError as error:
        raise _FileError(f"{shown}: {error}") from None


def _process(
    path: Path,
    shown: str,
    context: Context,
    rules: list[RuleSpec],
    args: argparse.Namespace,
    out: TextIO,
    read: Read | None = None,
) -> tuple[FileReport, bool, str | None]:
    from awesome_lint.linter import lint, lint_context

    document, settings = context.document, context.settings
    diagnostics = lint_context(context, rules)
    report = FileReport(shown, document, diagnostics)
    if not (args.fix or args.diff):
        return report, False, None
    if args.fix:
        from awesome_lint.atomic_write import remove_stale_temps

        remove_stale_temps(path)  # left by a run killed while it wrote
    from awesome_lint.fixer import FixError, apply_fixes

    def applicable(d: Diagnostic) -> bool:
        return d.fixable(unsafe=bool(args.unsafe_fixes), unfixable=settings.unfixable)

    linted = [document]  # the last document linted: the final one is reported as is

    def relint(text: str) -> list[Diagnostic]:
        fixed = Document(text, path=document.path, bom=document.bom)
        fixed.reuse_links(linted[0])  # most lines are as they were: no new link scan
        linted[0] = fixed
        return lint(fixed, settings, rules)

    try:
        result = apply_fixes(
            document.text,
            relint,
            applicable,
            first=diagnostics,
            document_of=lambda text: linted[0] if linted[0].text == text else None,
        )
    except FixError as error:
        return report, False, f"{shown}: {error}"
    if result.text == document.text:
        return report, False, None
    fixed_document = linted[0]
    assert fixed_document.text == result.text  # the fixer's last lint was of its final text
    remaining = result.diagnostics  # the fixer linted the final text already
    if args.diff:
        import difflib

        out.writelines(
            difflib.unified_diff(
                document.text.splitlines(keepends=True),
                result.text.splitlines(keepends=True),
                fromfile=f"a/{shown}",
                tofile=f"b/{shown}",
            )
        )
        return FileReport(shown, document, diagnostics), True, None
    from awesome_lint.atomic_write import Snapshot, WriteRefused, write_atomic

    expected = Snapshot.of(*read) if read is not None else None
    try:
        write_atomic(path, fixed_document.encode(), expected=expected)
    except WriteRefused as error:
        return report, False, f"{shown}: {error}"
    except OSError as error:
        return (
            report,
            False,
            f"{shown}: cannot write: {error.strerror or error}; file left unchanged",
        )
    return FileReport(shown, fixed_document, remaining, result.applied), True, None


def _statistics(reports: Sequence[FileReport], options: ReportOptions) -> str:
    from collections import Counter

    counts: Counter[str] = Counter(d.code for r in reports for d in r.diagnostics)
    fixable = {d.code for r in reports for d in r.diagnostics if options.applicable(d)}
    lines = []
    for code, count in counts.most_common():
        mark = "[*]" if code in fixable else "   "
        lines.append(f"{count:>5}  {code}  {mark} {BY_CODE[code].name}")
    return "\n".join(lines) + ("\n" if lines else "")


def _inferred_text(shown: str, ctx: Context) -> str:
    """The format learnt from a list with no block: per depth, with its evidence."""
    from awesome_lint.model.inferred import describe

    summary = ctx.templates.summary()
    if not summary:
        return f"{shown}: no format block, and no list items to learn one from\n"
    lines = [f"{shown}: no format block; the format inferred from its items"]
    for depth, (template, counts) in summary.items():
        indent = "  " * (depth + 1)
        total = template.items
        if template.lead is None:
            shapes = ", ".join(f"{n} {lead}" for lead, n in counts.lead.most_common())
            lines.append(f"{indent}depth {depth}: no common shape ({shapes}); not checked")
            continue
        lines.append(
            f"{indent}depth {depth}: {describe(template)}"
            f"  (inferred from {template.agreeing} of {total} items)"
        )
        described = sum(counts.separator.values())
        if described:
            parts = [f"separator `{sep}` {n}" for sep, n in counts.separator.most_common(3)]
            for name, counter in (("capitalised", counts.casing), ("punctuated", counts.ending)):
                key = "upper" if name == "capitalised" else "punctuated"
                if counter:
                    parts.append(f"{name} {counter[key]} of {sum(counter.values())}")
            lines.append(f"{indent}  {described} with a description: {', '.join(parts)}")
    for entry, template in ctx.templates.own_sections():
        heading = entry.section
        where = f'"{"#" * heading.level} {heading.text}"' if heading else "before the first heading"
        lead = describe(template) if template.lead else "no common shape"
        lines.append(f"  section {where}, depth {entry.depth}: {lead} ({template.items} items)")
    return "\n".join(lines) + "\n"


def _init_format(document: Document, settings: Settings) -> str | None:
    """A fenced ``format:`` block for the list's inferred format, or None when it has none."""
    from awesome_lint.context import Context
    from awesome_lint.model.inferred import format_block

    return format_block(Context(document, settings).templates)


def _inferred_any(context: Context) -> bool:
    """Some items follow an inferred format (the list has a habit the entry rules check)."""
    return any(t.lead is not None for t, _ in context.templates.summary().values())


def _schema_text(shown: str, document: Document, settings: Settings) -> str:
    """Each block as a template, and how its entries really write it (with counts)."""
    from awesome_lint.context import Context
    from awesome_lint.model.habits import MIN_EVIDENCE

    ctx = Context(document, settings)
    if not ctx.schemas:
        return _inferred_text(shown, ctx)
    lines = []
    for s in ctx.schemas:
        habit = ctx.habit(s)
        n = habit.entries
        scope = f'"{"#" * s.heading.level} {s.heading.text}"' if s.heading else "whole file"
        lines.append(f"{shown}: format block at lines {s.block_line + 1}-{s.block_end_line}")
        lines.append(f"  scope: {scope}, lines {s.scope_line + 1}-{s.scope_end_line}, {n} entries")
        if settings.strict_format:
            lines.append("  strict-format: the block's word stands, whatever the entries do")
        elif n < MIN_EVIDENCE:
            lines.append(f"  too few entries to learn habits from (fewer than {MIN_EVIDENCE})")
        if s.title_line is None:
            lines.append("  title: missing (AL111)")
        else:
            prefix = f", after {s.title_prefix!r}" if s.title_prefix else ""
            shape = "a link" if s.title_is_link else "text"
            written = f"; {habit.titled} of {n} entries write a title link" if n else ""
            relaxed = "; not required" if s.title_is_link and not habit.title_is_link else ""
            lines.append(f"  title: {s.title_description}  ({shape}{prefix}{written}{relaxed})")
        width = max((len(f.key) for f in s.fields), default=0)
        for i, f in enumerate(s.fields, 1):
            how = "positional" if f.positional else "labelled"
            if habit.required(f):
                need = "required"
            elif f.required and not f.optional:
                need = "optional: most entries leave it out"
            else:
                need = "optional"
            seen = f"{habit.present.get(f.key, 0)} of {n}, " if n else ""
            accepted = f"labels: {', '.join(f.labels)}"
            if f.positional:
                accepted = f"no label, like {f.description!r}"
            lines.append(f"  {i}. {f.key:<{width}}  {how:<10}  {need} ({seen}{accepted})")
        order = habit.order()
        if order != [f.key for f in s.fields]:
            lines.append(f"  the entries' order: {', '.join(order)}")
        undeclared = sorted(habit.undeclared.values(), key=lambda item: (-item[1], item[0]))
        if undeclared:
            listed = ", ".join(f"{label} ({count})" for label, count in undeclared[:8])
            more = f" and {len(undeclared) - 8} more" if len(undeclared) > 8 else ""
            lines.append(f"  undeclared labels: {listed}{more}")
        for p in s.problems:
            lines.append(f"  problem at line {p.line + 1}: {p.message}")
    return "\n".join(lines) + "\n"
