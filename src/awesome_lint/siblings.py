"""The files beside a list that belong to it: the main list it translates, or its translations.

Read lazily and once: nothing is listed or read until a rule (AL305) or a translated format
block asks, and a folder's files are read once for every list that shares this object. Files
that cannot be read or decoded count as absent. ``model.translations`` says which names are
translations of which.
"""

from __future__ import annotations

import os
from pathlib import Path

from awesome_lint.model.document import DecodeError, Document
from awesome_lint.model.translations import (
    language_of,
    main_of,
    translated_stem,
    translations_of,
)


class _Read:
    """What the siblings of one folder's lists have listed and read so far."""

    def __init__(self) -> None:
        self.documents: dict[Path, Document | None] = {}
        self.names: dict[Path, list[str]] = {}


class Siblings:
    def __init__(self, document: Document, *, read: _Read | None = None) -> None:
        self._real = not document.path.startswith("<")  # "<string>", "<stdin>": no folder
        self._path = Path(document.path)
        self._folder = self._path.parent
        self._read_so_far = read if read is not None else _Read()
        if self._real:
            self._read_so_far.documents.setdefault(self._key(self._path), document)

    @property
    def name(self) -> str:
        return self._path.name

    def main(self) -> tuple[str, Document] | None:
        """The main list this file translates (``README.md`` beside ``README_TU.md``), if any."""
        name = self._main_name()
        if name is None:
            return None
        document = self._read(name)
        return (name, document) if document is not None else None

    def language(self) -> str | None:
        """The language of this file (``TU``) when it is a translation: of a main list beside
        it, or named ``README_xx.md`` (``awesome-go.md`` alone is no translation into Go)."""
        stem = translated_stem(self._path.name)
        if stem is None or (stem.casefold() != "readme" and self._main_name() is None):
            return None
        return language_of(self._path.name)

    def _main_name(self) -> str | None:
        if not self._real or translated_stem(self._path.name) is None:
            return None  # most lists: no folder listed
        return main_of(self._path.name, self._list())

    def translations(self) -> list[tuple[str, Document]]:
        """This file's translations beside it that can be read, by name."""
        if not self._real:
            return []
        found = []
        for name in translations_of(self._path.name, self._list()):
            document = self._read(name)
            if document is not None:
                found.append((name, document))
        return found

    def of(self, document: Document) -> Siblings:
        """The siblings of another file of this folder, sharing what was read already."""
        return Siblings(document, read=self._read_so_far)

    def _list(self) -> list[str]:
        listed = self._read_so_far.names
        key = self._key(self._folder)
        if key not in listed:
            try:
                listed[key] = sorted(os.listdir(self._folder))
            except OSError:
                listed[key] = []
        return listed[key]

    def _key(self, path: Path) -> Path:
        try:
            return path.resolve()
        except (OSError, RuntimeError):
            return path.absolute()

    def _read(self, name: str) -> Document | None:
        path = self._folder / name
        key = self._key(path)
        documents = self._read_so_far.documents
        if key not in documents:
            try:
                documents[key] = Document.from_bytes(path.read_bytes(), path=str(path))
            except (OSError, DecodeError):
                documents[key] = None
        return documents[key]
