"""``awesome-lint add``: one new entry, written as the list writes entries, in its place.

The edge of the add command (like cli.py for the lint): it reads the list and the BibTeX
file, asks the services, prints, and writes the list atomically. Everything it decides comes
from ``add.style``, ``add.writer`` and ``add.placement``. Bad input is one line and exit 2,
with nothing written.
"""

from __future__ import annotations

import argparse
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple, TextIO

from awesome_lint.config import ConfigError, Settings, find_config, load_settings
from awesome_lint.model.document import DecodeError, Document
from awesome_lint.sources.record import Record, SourceError

EXIT_CLEAN, EXIT_ERROR = 0, 2


class AddError(Exception):
    """One line for the user; exit 2, nothing written."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise AddError(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="awesome-lint add",
        description="Add one paper to a list, written in the list's own format.",
    )
    p.add_argument("source", nargs="?", help="an arXiv id or url, or a DOI")
    p.add_argument("--bib", type=Path, metavar="FILE", help="take the paper from this BibTeX file")
    p.add_argument("--key", help="the BibTeX entry's key (with --bib)")
    p.add_argument("--list", type=Path, default=Path("README.md"), help="default: README.md")
    p.add_argument("--section", metavar="HEADING", help="add under this heading")
    p.add_argument("--keyword", help="the keywords to write (default: the record's subjects)")
    p.add_argument("--diff", action="store_true", help="print the change as a diff, write nothing")
    p.add_argument("--config", type=Path, help="use this config file instead of searching")
    return p


class Addition(NamedTuple):
    text: str  # the list's new text
    offset: int  # where the inserted text starts
    inserted: str
    lines: tuple[str, ...]  # the entry's lines
    section: str  # the heading chosen, as written
    missing: tuple[str, ...]


def run(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    try:
        args = build_parser().parse_args(argv)
        return _add(args, out, err)
    except SystemExit as exit_:  # --help
        return int(exit_.code or 0)
    except (AddError, SourceError, ConfigError) as error:
        err.write(f"awesome-lint add: error: {' '.join(str(error).split())}\n")
        return EXIT_ERROR


def _add(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if (args.source is None) == (args.bib is None):
        raise AddError("name one paper: an arXiv id, url or DOI, or --bib FILE --key KEY")
    if args.bib is not None and not args.key:
        raise AddError("--bib needs --key KEY (the entry to add)")
    path: Path = args.list
    data, st = _read_bytes(path, "a Markdown file")
    try:
        document = Document.from_bytes(data, path=str(path))
    except DecodeError as error:
        raise AddError(f"{path}: {error}") from None
    settings = _settings(args, path)
    record = _record(args, settings)
    addition = plan(document, settings, record, section=args.section, keywords=args.keyword)
    new_diagnostics = _new_diagnostics(document, settings, addition)
    added = Document(addition.text, path=str(path), bom=document.bom)
    if args.diff:
        from awesome_lint.report.diff import unified_diff

        shown = path.as_posix().lstrip("/")
        out.write(unified_diff(document.encode().decode(), added.encode().decode(), shown))
    else:
        from awesome_lint.atomic_write import Snapshot, write_or_reason

        reason = write_or_reason(path, added.encode(), Snapshot.of(data, st))
        if reason is not None:
            raise AddError(f"{path}: {reason}")
        first = addition.offset + addition.inserted.index(addition.lines[0])
        line = addition.text.count("\n", 0, first) + 1
        out.write(f"{path}:{line}: added under {addition.section!r}: {record.title}\n")
    for label in addition.missing:
        err.write(f"awesome-lint add: note: the record has no {label!r}; write it by hand\n")
    for code, message in new_diagnostics:
        err.write(f"awesome-lint add: note: the new entry has {code}: {message}\n")
    return EXIT_CLEAN


def plan(
    document: Document,
    settings: Settings,
    record: Record,
    *,
    section: str | None = None,
    keywords: str | None = None,
) -> Addition:
    """The list with the record's entry inserted; AddError when it cannot or must not be."""
    from awesome_lint.add.placement import (
        PlacementError,
        choose_scope,
        choose_section,
        find_duplicate,
        place,
    )
    from awesome_lint.add.style import learn
    from awesome_lint.add.writer import write_entry
    from awesome_lint.context import Context

    ctx = Context(document, settings)
    try:
        schema, heading = choose_scope(ctx, section)
        scope_entries = [e for e in ctx.entries if e.schema is schema]
        style = learn(document, scope_entries)
        written = write_entry(record, schema, ctx.habit(schema), style, keywords=keywords)
        if not written.url:
            raise AddError(f"the record of {record.title!r} has no link to write")
        duplicate = find_duplicate(ctx, record, written.url)
        if duplicate is not None:
            raise AddError(
                f"{document.path}:{duplicate.line + 1}: the list already has this paper"
                + (f" ({duplicate.title.text!r})" if duplicate.title else "")
            )
        if heading is None:
            heading = choose_section(
                ctx, schema, record, record.venue, venue_written=written.venue_written
            )
        where = place(ctx, schema, heading, record)
    except PlacementError as error:
        raise AddError(str(error)) from None
    nl = document.newline
    body = nl.join(written.lines)
    from awesome_lint.add.style import blank_between

    blank = blank_between(where.entries)  # the section's own habit, else the scope's
    gap = nl if (style.blank_between if blank is None else blank) else ""
    text = document.text
    if where.before is not None:
        offset = where.before.start
        inserted = body + nl + gap
    elif where.entries:
        offset = where.entries[-1].end
        inserted = nl + gap + body
    else:
        line = heading.line if heading is not None else schema.scope_end_line - 1
        offset = document.line_ends[line]
        inserted = nl + nl + body
    shown = f"{'#' * heading.level} {heading.text}" if heading is not None else "the whole file"
    return Addition(
        text[:offset] + inserted + text[offset:],
        offset,
        inserted,
        written.lines,
        shown,
        written.missing,
    )


def diagnostic_shift(
    before: Document, after: Document, settings: Settings, addition: Addition
) -> tuple[Counter[tuple[str, int, int]], list[tuple[str, str]]]:
    """(diagnostics of the old text that the new one lost, those on the inserted lines)."""
    from awesome_lint.linter import lint
    from awesome_lint.registry import select_rules

    rules = select_rules(settings.select, settings.extend_select, settings.ignore)
    old = Counter((d.code, d.start, d.end) for d in lint(before, settings, rules))
    new: Counter[tuple[str, int, int]] = Counter()
    inserted: list[tuple[str, str]] = []
    start, length = addition.offset, len(addition.inserted)
    for d in lint(after, settings, rules):
        if start <= d.start < start + length:
            inserted.append((d.code, d.message))
        elif d.start >= start + length:
            new[(d.code, d.start - length, d.end - length)] += 1
        else:
            new[(d.code, d.start, d.end)] += 1
    return (old - new) + (new - old), inserted


def _new_diagnostics(
    document: Document, settings: Settings, addition: Addition
) -> list[tuple[str, str]]:
    after = Document(addition.text, path=document.path, bom=document.bom)
    _, inserted = diagnostic_shift(document, after, settings, addition)
    return inserted


def _record(args: argparse.Namespace, settings: Settings) -> Record:
    if args.bib is not None:
        from awesome_lint.sources.bibtex import parse, record_of

        raw, _ = _read_bytes(args.bib, "a BibTeX file")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise AddError(f"{args.bib}: not UTF-8 text") from None
        try:
            entries = parse(text)
        except SourceError as error:
            raise AddError(f"{args.bib}: {error}") from None
        entry = entries.get(args.key)
        if entry is None:
            raise AddError(f"{args.bib}: no entry with the key {args.key!r}")
        return record_of(entry)
    from awesome_lint.sources.resolve import fetch, parse_source

    return fetch(parse_source(args.source), settings.sources)


def _settings(args: argparse.Namespace, path: Path) -> Settings:
    if args.config is not None:
        if not args.config.is_file():
            raise AddError(f"{args.config}: config file not found")
        return load_settings(args.config)
    return load_settings(find_config(path.parent if str(path.parent) else Path(".")))


def _read_bytes(path: Path, what: str) -> tuple[bytes, os.stat_result]:
    from awesome_lint.atomic_write import ReadRefused, read_regular

    try:
        return read_regular(path, str(path), what)
    except ReadRefused as error:
        raise AddError(str(error)) from None
