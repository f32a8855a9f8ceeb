"""What a rule reads: the document and the model built from it once, shared by all rules."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from awesome_lint.config import Settings
from awesome_lint.document import Document
from awesome_lint.entries import Entry, Field, extract_entries
from awesome_lint.schema import Schema, find_schemas


class Context:
    def __init__(self, document: Document, settings: Settings | None = None) -> None:
        self.document = document
        self.settings = settings or Settings()

    @cached_property
    def schemas(self) -> tuple[Schema, ...]:
        return find_schemas(
            self.document,
            required=self.settings.required_fields,
            labels=self.settings.labels,
        )

    @cached_property
    def entries(self) -> tuple[Entry, ...]:
        return extract_entries(self.document, self.schemas)

    def fields(self) -> Iterator[tuple[Entry, Field]]:
        for entry in self.entries:
            for field in entry.fields:
                yield entry, field
