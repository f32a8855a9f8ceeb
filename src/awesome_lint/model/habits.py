"""Habits: how the entries of one format block really write it, observed with counts.

The block is the template; the entries are the evidence. For each block this counts, over the
entries it governs: how many start with a title link, how many write each declared field, which
undeclared labels they use, and in which order they write the fields. Where the entries agree
with each other and not with the block, the habit wins: the entry rules check entries against
it (only outliers are defects of an entry) and AL112 reports the drift once, at the block.

A habit needs evidence: at least ``MIN_EVIDENCE`` observations, ``HABIT_SHARE`` of them agreeing.
With less, the block's word stands. ``strict-format = true`` in the config pins the block.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from awesome_lint.model.entries import Entry
from awesome_lint.model.schema import FieldSpec, Schema

MIN_EVIDENCE = 5  # fewer observations than this: the block's word stands
HABIT_SHARE = 0.75  # the share of observations that makes a habit
REQUIRED_SHARE = 0.5  # a required field most entries leave out is the block's drift
UNDECLARED_SHARE = 0.1  # an undeclared label this many entries use is the list's own field


def label_mark(separator: str) -> str:
    """The mark of a label's separator as written (``"**: "`` -> ``":"``, ``" ："`` -> ``"："``)."""
    return next((ch for ch in separator if ch in ":;：；"), "")


class Habits(NamedTuple):
    """One block's entries, observed."""

    schema: Schema
    entries: int
    titled: int  # entries whose title is a link
    present: Mapping[str, int]  # entries writing each declared field, by key
    undeclared: Mapping[str, tuple[str, int]]  # undeclared label (folded): (as written, entries)
    pairs: Mapping[tuple[str, str], int]  # (a, b): entries writing field a before field b
    strict: bool  # the config pins the block: no habit overrules it
    pinned: frozenset[str]  # field kinds the config requires whatever the entries do
    block_order: Mapping[str, int]  # each declared field's place in the block, by key
    separators: Mapping[str, Counter[str]]  # by key: the marks written after its label

    @property
    def title_is_link(self) -> bool:
        """Entries are expected to start with a title link."""
        if not self.schema.title_is_link:
            return False
        if self.strict or self.entries < MIN_EVIDENCE:
            return True
        return self.titled >= REQUIRED_SHARE * self.entries

    def required(self, spec: FieldSpec) -> bool:
        """The block requires the field and the entries mostly write it (or config pins it)."""
        if spec.kind in self.pinned and not spec.optional:
            return True
        if not spec.required:
            return False
        if self.strict or self.entries < MIN_EVIDENCE:
            return True
        return self.present.get(spec.key, 0) >= REQUIRED_SHARE * self.entries

    def separator(self, key: str) -> str | None:
        """The mark most entries write after a field's label (``：``), when it is not the block's.

        A mark more than half of the labels use is the list's own, not an outlier: AL105 takes
        it as well as the block's ``:``, and AL112 reports it once. None when the block's
        ``:`` stands: too few labels, no majority, or a pinned block.
        """
        counts = self.separators.get(key)
        if self.strict or not counts:
            return None
        total = sum(counts.values())
        mark, count = counts.most_common(1)[0]
        if mark == ":" or total < MIN_EVIDENCE or 2 * count <= total:
            return None
        return mark

    def undeclared_habit(self, label: str) -> bool:
        """An undeclared label enough entries write: the list's field, not a typo."""
        if self.strict:
            return False
        _, count = self.undeclared.get(label.lower(), ("", 0))
        return count >= 3 and count >= UNDECLARED_SHARE * self.entries

    def before(self, a: str, b: str) -> bool | None:
        """Whether field ``a`` goes before ``b``: the entries' habit, else the block's order.

        None: the entries write both orders and neither is a habit (both are accepted).
        """
        order = self.block_order
        declared = order.get(a, -1) < order.get(b, -1)
        if self.strict:
            return declared
        ab, ba = self.pairs.get((a, b), 0), self.pairs.get((b, a), 0)
        total = ab + ba
        if total < MIN_EVIDENCE:
            return declared
        if ab >= HABIT_SHARE * total:
            return True
        if ba >= HABIT_SHARE * total:
            return False
        return None

    def order(self) -> list[str]:
        """The declared fields in the order the entries write them (the block's where silent)."""
        block = self.block_order
        keys = list(block)
        # Where the entries give no habit a field wins over every field declared after it; only
        # pairs the entries write (a few) change that: no test of every pair of a long block.
        by_place = sorted(keys, key=block.__getitem__)
        wins = {a: len(keys) - 1 - i for i, a in enumerate(by_place)}
        for a, b in self._observed_pairs():
            for x, y in ((a, b), (b, a)):
                wins[x] += int(self.before(x, y) is True) - int(block[x] < block[y])
        return sorted(keys, key=lambda k: (-wins[k], block[k]))

    def order_drift(self) -> list[tuple[str, str, int, int]]:
        """(moved, past, entries writing moved first, entries writing both) against the block."""
        if self.strict:
            return []
        drift = []
        block = self.block_order
        for a, b in self._observed_pairs():
            for x, y in ((a, b), (b, a)):
                if block[x] > block[y] and self.before(x, y) is True:
                    both = self.pairs.get((x, y), 0) + self.pairs.get((y, x), 0)
                    drift.append((x, y, self.pairs.get((x, y), 0), both))
        drift.sort(key=lambda d: (block[d[0]], block[d[1]]))
        return drift

    def _observed_pairs(self) -> list[tuple[str, str]]:
        """Each pair of distinct declared fields the entries write together, once."""
        block = self.block_order
        return sorted(
            {
                (a, b) if block[a] < block[b] else (b, a)
                for a, b in self.pairs
                if a != b and a in block and b in block
            },
            key=lambda p: (block[p[0]], block[p[1]]),
        )


def observe(
    entries: Iterable[Entry],
    *,
    strict: bool = False,
    pinned: Sequence[str] = (),
) -> dict[int, Habits]:
    """The habits of each block, by the block's line."""
    grouped: dict[int, list[Entry]] = {}
    schemas: dict[int, Schema] = {}
    for entry in entries:
        grouped.setdefault(entry.schema.block_line, []).append(entry)
        schemas[entry.schema.block_line] = entry.schema
    return {
        line: _observe(schemas[line], members, strict, frozenset(pinned))
        for line, members in grouped.items()
    }


def _observe(
    schema: Schema, entries: Sequence[Entry], strict: bool, pinned: frozenset[str]
) -> Habits:
    present: Counter[str] = Counter()
    undeclared: dict[str, tuple[str, int]] = {}
    sequences: Counter[tuple[str, ...]] = Counter()
    separators: dict[str, Counter[str]] = {}
    titled = 0
    for entry in entries:
        for f in entry.fields:
            if f.label is not None and f.spec is not None and f.label.status == "known":
                separators.setdefault(f.spec.key, Counter())[label_mark(f.label.separator)] += 1
        titled += entry.title is not None
        keys = tuple(dict.fromkeys(f.spec.key for f in entry.fields if f.spec is not None))
        present.update(keys)
        sequences[keys] += 1
        unknown = {
            f.label.text.lower(): f.label.text
            for f in entry.fields
            if f.label is not None and f.spec is None
        }
        for folded, written in unknown.items():
            first, count = undeclared.get(folded, (written, 0))
            undeclared[folded] = (first, count + 1)
    pairs: Counter[tuple[str, str]] = Counter()
    for keys, count in sequences.items():  # most entries share a few sequences
        for a, b in itertools.combinations(keys, 2):
            pairs[(a, b)] += count
    return Habits(
        schema=schema,
        entries=len(entries),
        titled=titled,
        present=present,
        undeclared=undeclared,
        pairs=pairs,
        strict=strict,
        pinned=pinned,
        block_order={spec.key: i for i, spec in enumerate(schema.fields)},
        separators=separators,
    )


def empty(schema: Schema, *, strict: bool = False, pinned: Sequence[str] = ()) -> Habits:
    """The habits of a block that governs no entry: the block's word stands."""
    return _observe(schema, (), strict, frozenset(pinned))
