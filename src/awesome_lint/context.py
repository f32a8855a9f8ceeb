"""What a rule reads: the document and the model built from it once, shared by all rules."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING

from awesome_lint.config import Settings
from awesome_lint.model.document import Document
from awesome_lint.model.entries import Entry, Field, extract_entries
from awesome_lint.model.schema import Schema, find_schemas

if TYPE_CHECKING:
    from awesome_lint.model.anchors import Anchors
    from awesome_lint.model.document_links import LinkTarget
    from awesome_lint.model.habits import Habits
    from awesome_lint.model.inferred import Templates
    from awesome_lint.model.papers import Paper
    from awesome_lint.model.prose import Prose
    from awesome_lint.model.text import TextView
    from awesome_lint.model.years import YearSections
    from awesome_lint.siblings import Siblings
    from awesome_lint.suppress import Suppressions


class Context:
    def __init__(
        self,
        document: Document,
        settings: Settings | None = None,
        *,
        siblings: Siblings | None = None,
    ) -> None:
        self.document = document
        self.settings = settings or Settings()
        if siblings is not None:
            self.siblings = siblings

    @cached_property
    def schemas(self) -> tuple[Schema, ...]:
        schemas = find_schemas(
            self.document,
            required=self.settings.required_fields,
            labels=self.settings.labels,
        )
        if not schemas:
            return schemas
        from awesome_lint.model.block_labels import localise

        return localise(
            self.document,
            schemas,
            self._main_schemas,
            required=self.settings.required_fields,
            labels=self.settings.labels,
        )

    def _main_schemas(self) -> tuple[Schema, ...]:
        """The blocks of the main list this file translates (none if it translates none)."""
        main = self.siblings.main()
        if main is None:
            return ()
        return find_schemas(
            main[1], required=self.settings.required_fields, labels=self.settings.labels
        )

    @cached_property
    def siblings(self) -> Siblings:
        """The main list beside this file, or its translations: read when first asked."""
        from awesome_lint.siblings import Siblings

        return Siblings(self.document)

    @cached_property
    def _read_entries(self) -> tuple[Entry, ...]:
        return extract_entries(self.document, self.schemas)

    @cached_property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(e for e in self._read_entries if not e.stray)

    @cached_property
    def stray_fields(self) -> tuple[Entry, ...]:
        """Items written at an entry's level that are fields of the entry above (AL107)."""
        return tuple(e for e in self._read_entries if e.stray)

    @cached_property
    def templates(self) -> Templates:
        """The inferred templates of the items no block governs (``model.inferred``)."""
        from awesome_lint.model.inferred import Templates

        return Templates(self.document, self.entries)

    @cached_property
    def habits(self) -> dict[int, Habits]:
        """How each block's entries really write it, by the block's line."""
        from awesome_lint.model.habits import observe

        return observe(self.entries, strict=self.settings.strict_format, pinned=self.pinned)

    @property
    def pinned(self) -> tuple[str, ...]:
        return self.settings.required_fields if self.settings.required_pinned else ()

    def habit(self, schema: Schema) -> Habits:
        found = self.habits.get(schema.block_line)
        if found is None:
            from awesome_lint.model.habits import empty

            found = self.habits[schema.block_line] = empty(
                schema, strict=self.settings.strict_format, pinned=self.pinned
            )
        return found

    @cached_property
    def suppressions(self) -> Suppressions:
        from awesome_lint.suppress import find_suppressions

        return find_suppressions(self.document)

    @cached_property
    def anchors(self) -> Anchors:
        from awesome_lint.model.anchors import document_anchors

        return document_anchors(self.document)

    @cached_property
    def document_links(self) -> tuple[LinkTarget, ...]:
        from awesome_lint.model.document_links import document_links

        return document_links(self.document)

    @cached_property
    def local_links(self) -> tuple[LinkTarget, ...]:
        """The link targets that point into the repository: anchors and relative paths."""
        from awesome_lint.model.document_links import document_links, is_external

        if "document_links" in self.__dict__:  # AL503 made every target already
            return tuple(t for t in self.document_links if not is_external(t.url))
        return document_links(self.document, local=True)

    @cached_property
    def year_sections(self) -> YearSections:
        from awesome_lint.model.years import find_year_sections

        return find_year_sections(self.document)

    @cached_property
    def papers(self) -> tuple[Paper, ...]:
        from awesome_lint.model.papers import find_papers

        return find_papers(self.document, self.entries, self.year_sections)

    @cached_property
    def prose(self) -> Prose:
        """Where entries hold prose: spans of titles, field values and descriptions."""
        from awesome_lint.model.prose import find_prose

        return find_prose(self.document, self.entries)

    @cached_property
    def text_view(self) -> TextView:
        """The visible text of every line, CJK and headings included (AL409-AL412)."""
        from awesome_lint.model.text import TextView

        return TextView(self.document)

    def fields(self) -> Iterator[tuple[Entry, Field]]:
        for entry in self.entries:
            for field in entry.fields:
                yield entry, field
