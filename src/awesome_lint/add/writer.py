"""A record written as one entry of a scope: the block's fields, the list's habits.

The title line is ``[title](link)``; then, in the order the entries write them, each field the
record can fill: the authors (joined and cut as the list does), the venue and the year where the
list writes them, the keywords (the record's subject terms unless the user gives some), the
code link (when the record names one). A field the record cannot fill is left out, never
invented; ``missing`` names the required ones left out.
"""

from __future__ import annotations

from typing import NamedTuple

from awesome_lint.add.style import Style
from awesome_lint.model.habits import Habits
from awesome_lint.model.schema import FieldSpec, Schema
from awesome_lint.sources.record import Record


class Written(NamedTuple):
    lines: tuple[str, ...]
    venue_written: bool  # the entry names the venue (a publisher line)
    url: str  # the title link
    missing: tuple[str, ...]  # required fields the record could not fill (their labels)


def paper_url(record: Record, style: Style) -> str:
    if record.arxiv:
        if style.arxiv_form == "pdf":
            return f"https://arxiv.org/pdf/{record.arxiv}"
        if style.arxiv_form == "pdf.pdf":
            return f"https://arxiv.org/pdf/{record.arxiv}.pdf"
        return f"https://arxiv.org/abs/{record.arxiv}"
    if record.url:
        return record.url
    if record.doi:
        return f"https://doi.org/{record.doi}"
    return ""


def write_entry(
    record: Record,
    schema: Schema,
    habits: Habits,
    style: Style,
    *,
    keywords: str | None = None,
    venue: str | None = None,
) -> Written:
    url = paper_url(record, style)
    title = record.title.replace("[", "\\[").replace("]", "\\]")
    lines = [f"{style.bullet}[{title}]({url})"]
    missing = []
    venue_written = False
    if style.venue_after_title:
        named = venue or record.venue
        if named:
            lines[0] += f" ({named})"
            venue_written = True
        elif style.preprint_word:
            lines[0] += f" ({style.preprint_word})"
    specs = {spec.key: spec for spec in schema.fields}
    for key in habits.order():
        spec = specs[key]
        value = _value(spec, record, style, habits, keywords, venue)
        if value is None:
            if habits.required(spec):
                missing.append(spec.canonical)
            continue
        venue_written |= spec.kind == "publisher"
        prefix = style.prefixes.get(key)
        if prefix is None:
            prefix = "" if spec.positional else f"{spec.labels[0]}: "
        lines.append(f"{style.field_indent}{style.field_bullet}{prefix}{value}")
    return Written(tuple(lines), venue_written, url, tuple(missing))


def _value(
    spec: FieldSpec,
    record: Record,
    style: Style,
    habits: Habits,
    keywords: str | None,
    venue: str | None,
) -> str | None:
    # An optional field is written where the neighbours write it: a quarter of them or more.
    written = habits.required(spec) or 4 * habits.present.get(spec.key, 0) >= max(habits.entries, 1)
    if spec.kind == "authors":
        return authors_text(record, style) if record.authors else None
    if spec.kind == "publisher":
        return (venue or record.venue) if written and (venue or record.venue) else None
    if spec.kind == "year":
        return str(record.year) if written and record.year else None
    if spec.kind == "keyword":
        given = keywords if keywords is not None else ", ".join(record.subjects)
        return given.strip() or None
    if spec.kind == "code" and record.code and written:
        if style.code_text is None:
            return record.code
        return f"[{style.code_text}]({record.code})"
    return None


def authors_text(record: Record, style: Style) -> str:
    names = list(record.authors)
    cut = style.et_al
    if cut is not None and style.cut_beyond is not None and len(names) > style.cut_beyond:
        return style.author_separator.join(names[: cut[0]]) + cut[1]
    if record.truncated and cut is not None:
        return style.author_separator.join(names) + cut[1]
    if len(names) == 1:
        text = names[0]
    else:
        text = style.author_separator.join(names[:-1]) + style.last_separator + names[-1]
    if record.truncated:
        text += " et al."
    return text + style.authors_end
