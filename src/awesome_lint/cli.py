"""The command line: arguments to settings, files to reports, reports to an exit code.

This is the only module that reads or writes files, prints, or decides the exit code:
0 nothing left to report; 1 diagnostics remain (or, with --exit-non-zero-on-fix, files were
changed); 2 a usage, config, read or write error.
"""

from __future__ import annotations

import argparse
import io
import os
import stat
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

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
    METADATA_RULES,
    PRESETS,
    RULES,
    RuleSpec,
    SelectorError,
    find_rule,
    rule_hint,
)
from awesome_lint.report import FORMATS, FileReport, ReportOptions, renderer, visible
from awesome_lint.selection import resolve

if TYPE_CHECKING:
    from awesome_lint.context import Context
    from awesome_lint.linkcheck.tally import LinkTally

Read = tuple[bytes, os.stat_result]  # a file's bytes and its stat from just before reading

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """Bad arguments; the message is one line for the user."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        from awesome_lint.suggestions import choice_hint

        raise UsageError(message + choice_hint(message, self._option_string_actions))

    def parse_args(self, args: Sequence[str] | None = None, namespace: None = None) -> Any:  # type: ignore[override]
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:  # argparse's own message, with the flag a mistyped one was likely meant as
            from awesome_lint.suggestions import did_you_mean

            known = [o for o in self._option_string_actions if o.startswith("--")]
            self.error(
                "unrecognized arguments: "
                + " ".join(
                    e + (did_you_mean(e.split("=", 1)[0], known) if e.startswith("--") else "")
                    for e in extras
                )
            )
        return parsed


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
    p.add_argument(
        "files",
        nargs="*",
        help="Markdown lists or directories of lists (default: README.md, else the repo's;"
        " - reads stdin)",
    )
    p.add_argument(
        "--stdin-filename",
        type=Path,
        metavar="PATH",
        help="the path of the text read from stdin: its config is found and reported as PATH",
    )
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
        "--changed-since",
        metavar="REF",
        help="report only what changed since this git ref (and check only its links)",
    )
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
    out.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        help="colour the output: auto (default) on a terminal unless NO_COLOR, or with FORCE_COLOR",
    )
    out.add_argument(
        "--no-color", dest="color", action="store_const", const="never", help="--color never"
    )
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
        "--show-settings",
        action="store_true",
        help="print each file's resolved settings and the config file they came from",
    )
    info.add_argument(
        "--init-format",
        action="store_true",
        help="print a `format:` block for the format inferred from the list, ready to paste",
    )
    info.add_argument(
        "--explain", metavar="RULE", help="a rule's documentation (code or name) as Markdown"
    )
    info.add_argument("--list-rules", action="store_true", help="list every rule")
    # Says which awesome-lint this is: sindresorhus/awesome-lint (Node) has the same command.
    identity = f"awesome-lint {__version__} (Python; the contribution-format linter)"
    info.add_argument("--version", action="version", version=identity)
    return p


def run(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["server"]:  # the language server lives in its own package
        from awesome_lint.server import main as serve

        return serve(argv[1:], err)
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
    if args.list_rules or args.explain:
        from awesome_lint.report import rule_doc

        if args.list_rules:
            out.write(rule_doc.rule_table(RULES))
            return EXIT_CLEAN
        rule = find_rule(args.explain)
        if rule is None:
            unknown = f"unknown rule {args.explain!r}{rule_hint(args.explain)}"
            err.write(visible(f"awesome-lint: error: {unknown}") + "\n")
            return EXIT_ERROR
        out.write(rule_doc.explain(rule))
        return EXIT_CLEAN
    return _lint_files(args, out, err)


def _declared_fields(context: Context) -> set[str]:
    return {name for schema in context.schemas for f in schema.fields for name in (f.kind, f.key)}


def _lint_files(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from awesome_lint.discovery import collect, rules_for

    stdin = args.files == ["-"] or (not args.files and args.stdin_filename is not None)
    if "-" in args.files and not stdin:
        err.write("awesome-lint: error: '-' (stdin) cannot be linted with other files\n")
        return EXIT_ERROR
    status = EXIT_CLEAN
    explicit: Settings | None = None
    try:
        if args.config is not None:
            if not _is_file(args.config):
                raise ConfigError(f"{args.config}: config file not found")
            explicit = load_settings(args.config)
        files, problems = (
            ([STDIN], [])
            if stdin
            else collect(
                args.files,
                lambda d: explicit if explicit is not None else load_settings(find_config(d)),
            )
        )
    except ConfigError as error:
        err.write(visible(f"awesome-lint: error: {error}") + "\n")
        return EXIT_ERROR
    for problem in problems:
        err.write(visible(f"awesome-lint: {problem}") + "\n")
        status = EXIT_ERROR
    if args.changed_since is not None and (args.fix or args.diff):
        err.write("awesome-lint: error: --changed-since only reports; not with --fix or --diff\n")
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
        named = args.stdin_filename if path == STDIN and args.stdin_filename else path
        try:
            settings, rules = _settings_for(named, args, explicit, settings_cache, config_sources)
        except (ConfigError, SelectorError) as error:
            err.write(visible(f"awesome-lint: error: {error}") + "\n")
            return EXIT_ERROR
        rules = rules_for(named, settings, rules)  # per-file-ignores
        shown = _display(named)
        if args.show_settings:
            from awesome_lint.discovery import ignored_here
            from awesome_lint.show_settings import settings_text

            ignored = ignored_here(named, settings)
            out.write(visible(settings_text(shown, settings, rules, ignored)))
            continue
        try:
            document, read = _read_stdin(named, shown) if path == STDIN else _read(path, shown)
        except _FileError as error:
            err.write(visible(f"awesome-lint: {error}") + "\n")
            status = EXIT_ERROR
            continue
        if args.show_schema:
            out.write(visible(_schema_text(shown, document, settings)))
            continue
        if args.init_format:
            if args.fix or args.diff:
                fixed = _insert_format(path, shown, document, settings, read, args, out, err)
                status = max(status, fixed)
                continue
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
        if args.changed_since is not None:
            from awesome_lint.changes import ChangesError, changed_lines, only_lines

            try:
                lines = changed_lines(path, args.changed_since)
            except ChangesError as error:
                err.write(visible(f"awesome-lint: error: {error}") + "\n")
                return EXIT_ERROR
            links = settings.check_links._replace(lines=only_lines(document, lines))
            settings = settings._replace(check_links=links)
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
        if args.changed_since is not None:
            from awesome_lint.changes import keep

            report = report._replace(
                diagnostics=keep(report.diagnostics, document, context.entries, lines)
            )
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
    if args.show_schema or args.init_format or args.show_settings:
        return status
    link_tally = _link_tally(settings_cache.values(), fmt, args, err)
    options = ReportOptions(
        unsafe_fixes=unsafe,
        unfixable=frozenset(settings_cache[next(iter(settings_cache))][0].unfixable)
        if settings_cache
        else frozenset(),
        color=color,
        show_fixes=args.show_fixes,
        fixing=args.fix or args.diff,
        width=_terminal_width(out),
        links_not_checked=(link_tally.message() or "") if link_tally else "",
        unchecked=unchecked,
    )
    # Nothing was checked (every file failed to read): no "All checks passed!" under the errors.
    nothing_checked = not reports and status == EXIT_ERROR and fmt in ("full", "concise")
    # With `--fix -` stdout carries the fixed text: the report goes to stderr.
    report_to = err if args.diff or (args.fix and STDIN in files) else out
    if args.statistics:  # instead of the listing, as in ruff; beside a patch, on stderr
        from awesome_lint.report import statistics

        report_to.write(statistics.render(reports, options, fmt))
    elif not args.diff and not nothing_checked:
        report_to.write(renderer(fmt)(reports, options))
    if fmt in ("github", "sarif") and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_step_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]), reports, options, err)
    if (
        args.diff
        and not args.quiet
        and (fixed := sum(sum(r.fixed.values()) for r in reports if r.fixed))
    ):
        from awesome_lint.report.diff import would_fix

        err.write(would_fix(fixed) + "\n")  # stderr: what stdout holds stays a valid patch
    remaining = any(not d.is_note for r in reports for d in r.diagnostics)
    if status == EXIT_ERROR or (link_tally and link_tally.nothing_checked and not args.exit_zero):
        return EXIT_ERROR
    if args.diff and changed:
        return EXIT_FOUND
    if args.exit_non_zero_on_fix and changed:
        return EXIT_FOUND
    if remaining and not args.exit_zero and not args.diff:
        return EXIT_FOUND
    return EXIT_CLEAN


def _link_tally(
    cached: Iterable[tuple[Settings, list[RuleSpec]]],
    fmt: str,
    args: argparse.Namespace,
    err: TextIO,
) -> LinkTally | None:
    """What --check-links could not check, said on stderr: in a summary too, if it has one."""
    memos = [s.check_links.checked for s, _ in cached if s.check_links.checked is not None]
    if not memos:
        return None
    from awesome_lint.linkcheck.tally import tally

    links = tally(memos)
    message = links.message()
    if links.nothing_checked and not args.exit_zero:
        err.write(f"awesome-lint: error: no link could be checked: {message}\n")
    elif message and fmt not in ("full", "concise"):
        err.write(f"awesome-lint: warning: {message}\n")
    return links


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


def _terminal_width(out: TextIO) -> int | None:
    """``COLUMNS`` when set, else the terminal's width when writing to one, else unknown."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(out.fileno()).columns if out.isatty() else None
    except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
        return None


def _use_color(args: argparse.Namespace, out: TextIO) -> bool:
    if args.color is not None and args.color != "auto":
        return bool(args.color == "always")  # the command line wins over the environment
    if os.environ.get("NO_COLOR"):
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
    extra = ["AL503"] if args.check_links else []
    if args.check_metadata:
        extra.extend(METADATA_RULES)
    settings, rules = resolve(
        explicit if explicit is not None else load_settings(source),
        select=args.select,
        extend_select=[*args.extend_select, *extra],
        ignore=args.ignore,
        preset=args.preset,
    )
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


STDIN = Path("-")


def _read_stdin(named: Path, shown: str) -> tuple[Document, None]:
    try:
        data = sys.stdin.buffer.read()
    except (OSError, AttributeError, ValueError) as error:  # closed or not a byte stream
        raise _FileError(f"{shown}: cannot read stdin: {error}") from None
    try:
        return Document.from_bytes(data, path=str(named) if named != STDIN else "<stdin>"), None
    except DecodeError as error:
        raise _FileError(f"{shown}: {error}") from None


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
    from awesome_lint.atomic_write import ReadRefused, read_regular

    try:
        data, st = read_regular(path, shown)
    except ReadRefused as error:
        raise _FileError(str(error)) from None
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
    if args.fix and path != STDIN:
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
    if args.fix and path == STDIN:  # the text, fixed or not, is the output
        out.write(("\ufeff" if document.bom else "") + result.text)
    if result.text == document.text:
        return report, False, None
    fixed_document = linted[0]
    assert fixed_document.text == result.text  # the fixer's last lint was of its final text
    remaining = result.diagnostics  # the fixer linted the final text already
    if args.diff:
        _write_patch(document, fixed_document, shown, args, out)
        return FileReport(shown, document, diagnostics, result.applied), True, None
    if path == STDIN:
        return FileReport(shown, fixed_document, remaining, result.applied), True, None
    from awesome_lint.atomic_write import Snapshot, write_or_reason

    expected = Snapshot.of(*read) if read is not None else None
    reason = write_or_reason(path, fixed_document.encode(), expected)
    if reason is not None:
        return report, False, f"{shown}: {reason}"
    return FileReport(shown, fixed_document, remaining, result.applied), True, None


def _write_patch(
    before: Document, after: Document, shown: str, args: argparse.Namespace, out: TextIO
) -> None:
    """``--diff``: the change as the file's bytes would show it, coloured on a terminal."""
    from awesome_lint.report import diff

    patch = diff.unified_diff(before.encode().decode(), after.encode().decode(), shown)
    out.write(diff.paint(patch) if _use_color(args, out) else patch)


def _inferred_text(shown: str, ctx: Context) -> str:
    """The format learnt from a list with no block: per depth, with its evidence."""
    from awesome_lint.model.inferred import describe

    summary = ctx.templates.summary()
    if not summary:
        return f"{shown}: no format block, and no list items to learn one from\n"
    declared = any(s.classic for s in ctx.schemas)
    lines = [
        f"{shown}: the habits of its one-line items"
        if declared
        else f"{shown}: no format block; the format inferred from its items"
    ]
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


def _insert_format(
    path: Path,
    shown: str,
    document: Document,
    settings: Settings,
    read: Read | None,
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
) -> int:
    """``--init-format --fix --unsafe-fixes``: write the inferred block into the list."""
    from awesome_lint.context import Context
    from awesome_lint.init_format import insertion

    context = Context(document, settings)
    if context.schemas:
        err.write(visible(f"awesome-lint: {shown}: the list has a format block already") + "\n")
        return EXIT_CLEAN
    edit = insertion(context)
    if edit is None:
        err.write(
            visible(f"awesome-lint: {shown}: no format to insert: no common item shape, or no")
            + " one place where a block would govern the list's items\n"
        )
        return EXIT_ERROR
    if args.fix and not args.unsafe_fixes and not args.diff:
        err.write(
            visible(f"awesome-lint: {shown}: inserting the format block is an unsafe fix")
            + " (it changes what governs the entries): add --unsafe-fixes, or see it with --diff\n"
        )
        return EXIT_FOUND
    text = document.text[: edit.start] + edit.content + document.text[edit.end :]
    fixed = Document(text, path=document.path, bom=document.bom)
    if args.diff:
        _write_patch(document, fixed, shown, args, out)
        return EXIT_FOUND
    if read is None:  # stdin: the list with its block goes to stdout
        out.write(fixed.text)
        return EXIT_CLEAN
    from awesome_lint.atomic_write import Snapshot, write_or_reason

    reason = write_or_reason(path, fixed.encode(), Snapshot.of(*read))
    if reason is not None:
        err.write(visible(f"awesome-lint: {shown}: {reason}") + "\n")
        return EXIT_ERROR
    line = document.text.count("\n", 0, edit.start) + 1
    err.write(visible(f"awesome-lint: {shown}: wrote the format block at line {line}") + "\n")
    return EXIT_CLEAN


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
        if s.classic:
            lines.append(f"  scope: {scope}, lines {s.scope_line + 1}-{s.scope_end_line}")
            lines.append(f"  title: {s.title_description}")
            lines.append("  one-line items: checked as the list's items, by the habits below")
            continue
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
    text = "\n".join(lines) + "\n"
    if any(s.classic for s in ctx.schemas):
        text += _inferred_text(shown, ctx)
    return text
