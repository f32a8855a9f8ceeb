"""The inferred format: the template of a list that declares none, learnt from its own items.

Most lists have no ``format:`` block: ``- [Name](url) - Description.`` lists and one-line
paper lists (``1. **[title](url)** [[code](url)]``). Outside every block's scope, each list
item is read as an item of the list (``entries.extract_items``) and its shape observed here:

- its *lead*: a name link first (``[Name](url)``, also bold or after a tag), or text;
- its *separator*: what stands between the name and the description (`` - ``, `` – ``,
  ``: ``, nothing), or ``links`` when only links and notes follow (paper lists);
- its description's *casing* (first letter) and *ending* (``.``, ``!``, ``?``, ``…`` or none).

A shape is a habit of a group of items when at least ``MIN_EVIDENCE`` of them are observed and
``HABIT_SHARE`` agree (the same evidence rule the format-block habits use). Groups are the
items of one depth in one section; a section with too few items follows the whole list's
habit at that depth, unless its own items mostly do something else (a "Contributing" section
of plain text in a list of links is not a list of broken entries). Styles (separator, casing,
ending) are the whole list's at that depth: a section does not make its own. No habit, no
diagnostic: when the list has no dominant shape, the entry rules say nothing about it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from awesome_lint.model.document import Document
from awesome_lint.model.entries import Entry
from awesome_lint.model.habits import HABIT_SHARE, MIN_EVIDENCE

# The separator after a name link, as written: `` - ``, `` – ``, ``: `` and their slips.
_SEPARATOR = re.compile(r"\A(?:[ \t\u00a0]*(?:-{1,2}|[–—:：|])[ \t\u00a0]*|[ \t\u00a0]+)")
_REFERENCE = re.compile(r"\A(?:\*\*|__)?\[[^\[\]]+\]\[[^\[\]]*\]")
# Code spans, shortcodes and emoji after a name: ``[Name](url) `⚠` - ...``, ``:star:``.
_MARKS = re.compile(  # \A: match-only, linear under search
    r"\A(?:[ \t]*(?:`[^`\n]{1,20}`|:[a-z0-9_+-]{1,30}:"
    r"|[\u2600-\u27bf\U0001f000-\U0001faff]\ufe0f?))+"
)
# The separator of a description later on the line, after another name.
_NAME_SEPARATOR = re.compile(r" [-–—] ")
_EMPHASIS = ("**", "__", "*", "_")
_END_MARKS = ".!?…。！？"
# One emoji or shortcode at the very end (a loop strips them: a pattern repeating them up to
# \Z would be quadratic under search on a long run of blanks).
_TRAILING_MARK = re.compile(
    r"(?::[a-z0-9_+-]{1,30}:|[\u2600-\u27bf\U0001f000-\U0001faff]\ufe0f?)\Z"
)
_TRAILING_URL = re.compile(r"(?:https?://|www\.)\S*\Z")
# Canonical spellings of the separators people mean; anything else is a slip of one of them.
SEPARATORS = {" - ": "dash", " – ": "en dash", " — ": "em dash", ": ": "colon", " ": "space"}


class Shape(NamedTuple):
    """How one item is written."""

    lead: str  # "link" (a name link first), "compound" (a link after words), "text" (none),
    # or "group" (text over a sub-list: a category, not counted)
    separator: str | None  # as written, e.g. " - ", " – ", ": ", " "; None: nothing follows
    follows: str  # "description", "links" (only links, badges or notes), or "" (nothing)
    name_end: int  # offset after the name (after its emphasis), or the content start
    description_start: int  # offset of the description's first character (or name_end)
    casing: str  # "upper", "lower" or "" (no letter to judge: code, a link, a digit)
    ending: str  # "." / "!" ... as written, "none", or "" (not judged: ends in a link)


class Template(NamedTuple):
    """The habits of one group of items (a section at one depth), each with its evidence."""

    lead: str | None
    separator: str | None
    casing: str | None
    ending: str | None  # "punctuated" or "bare"
    items: int  # items observed
    agreeing: int  # items of the dominant lead
    described: int = 0  # items with a description after their name
    linked: int = 0  # items with only links, badges or notes after their name


def shape(document: Document, entry: Entry) -> Shape:
    """The shape of one item's first line."""
    text = document.text
    content_start, content_end = entry.content_start, entry.content_end
    title = entry.title
    if title is None:
        content = text[content_start:content_end]
        if _REFERENCE.match(content):
            lead = "link"  # ``[Name][ref]``: a name link all the same
        elif any(not link.image for link in entry.links):
            lead = "compound"  # ``Falsehoods about Gender: [#1](url) & [#2](url)``
        elif entry.has_items:
            lead = "group"  # ``- Databases`` over a sub-list: a category, not an entry
        else:
            lead = "text"
        return Shape(lead, None, "", content_start, content_start, "", "")
    name_end = title.end
    before = text[content_start : title.start]
    for mark in _EMPHASIS:
        if before.endswith(mark) and text.startswith(mark, name_end):
            name_end += len(mark)
            break
    name_end = _after_badges(text, name_end, entry)
    name_end = _after_marks(text, name_end, content_end)
    rest = text[name_end:content_end]
    if not rest.strip():
        return Shape("link", None, "", name_end, name_end, "", "")
    separator_match = _SEPARATOR.match(rest)
    separator = separator_match.group() if separator_match else ""
    after = rest[len(separator) :]
    glued = not separator.strip() and not after[:1].isalpha() and after[:1] != "`"
    if not after or after[0] in "[(!<{*_" or glued:
        # Only links, badges, notes or markup follow: a paper list's line, not a description.
        return Shape("link", separator or None, "links", name_end, name_end, "", "")
    later = _NAME_SEPARATOR.search(after)
    if later is not None and any(
        link.start >= name_end + len(separator)
        and link.end <= name_end + len(separator) + later.start()
        for link in entry.links
    ):
        # "[Array Explorer](url) and [Object Explorer](url) - ...": two names, one description.
        return Shape("link", None, "sentence", name_end, name_end, "", "")
    description_start = name_end + len(separator)
    stripped = after.rstrip()
    first = stripped[0]
    casing = "upper" if first.isupper() else "lower" if first.islower() else ""
    if not separator.strip():
        casing = ""  # no separator: what follows is not known to be a description's start
    return Shape(
        "link", separator, "description", name_end, description_start, casing, _ending(stripped)
    )


def _after_marks(text: str, at: int, end: int) -> int:
    """After code spans and emoji standing between the name and a separator.

    ``[Name](url) `⚠` - Description``: a marker of the list's own belongs to the name.
    """
    match = _MARKS.match(text[at:end])
    if match is None or not match.group():
        return at
    following = _SEPARATOR.match(text[at + match.end() : end])
    if following is None or not following.group().strip():
        return at
    return at + match.end()


def _after_badges(text: str, at: int, entry: Entry) -> int:
    """The end of the links and badges written right after the name, if a description follows.

    ``[name](url) [[crate](url)] ![stars](badge) - Description``: the badges belong to the name;
    the separator and the description come after them.
    """
    end = at
    for link in entry.links:
        if link.start < at:
            continue
        gap = text[end : link.start]
        if gap.strip(" \t[") or len(gap) > 3:
            break
        end = link.end
        while end < len(text) and text[end] == "]":
            end += 1
            if text.startswith("(", end):  # ``[![stars](badge.svg)](url)``: the badge's link
                close = text.find(")", end, entry.content_end)
                if close > 0 and " " not in text[end:close]:
                    end = close + 1
    if end == at:
        return at
    following = _SEPARATOR.match(text[end : entry.content_end])  # \A: on a slice
    if following is None or not following.group().strip():
        return at  # only links after the name: a paper list's line, judged as such
    return end


def _ending(description: str) -> str:
    """The final punctuation of a description: the mark, "none", or "" when not to be judged.

    Closing quotes and brackets are looked through (``“… as he said.”`` ends with a period),
    and so are emoji and shortcodes (``performance! 🚀``). A description ending in a link, a
    badge, a bare url, emphasis or a bracket closing words without a mark inside is not
    judged, nor one made of emoji alone.
    """
    description = description.rstrip()[-200:]  # the end is all that is judged (and linear)
    core = description
    # A mark ends in ":" or a character from U+2600 up: the pattern only runs where one may.
    while (core.endswith(":") or core[-1:] >= "\u2600") and (
        mark := _TRAILING_MARK.search(core[-34:])
    ) is not None:
        core = core[: len(core) - (len(core[-34:]) - mark.start())].rstrip()
    if not core:
        return ""  # only emoji: ":yen:"
    bare = core.rstrip("*_ ")
    if not bare:
        return ""  # only emphasis markers
    if bare != core and bare[-1] not in _END_MARKS:
        return ""  # "... *(a note)*": emphasis at the end
    if ("://" in bare or "www." in bare) and _TRAILING_URL.search(bare):
        return ""  # a bare url: a period after it would read as part of it
    closed = bare.rstrip("\"'”’»」』)")
    if closed != bare:
        return closed[-1] if closed and closed[-1] in _END_MARKS else ""
    last = bare[-1:]
    if last in _END_MARKS:
        return last
    if last in ")]>":
        return ""  # a link or badge at the end: not judged
    return "none"


def _dominant(counts: Counter[str]) -> str | None:
    total = sum(counts.values())
    if total < MIN_EVIDENCE:
        return None
    value, count = counts.most_common(1)[0]
    return value if count >= HABIT_SHARE * total else None


def _agreed(section: Counter[str], whole: Counter[str], *, own_way: bool) -> str | None:
    """The section's habit; a small section takes the whole list's unless it goes its own way.

    ``own_way``: a small section whose items mostly differ from the list's habit keeps to
    itself (used for the lead: a section of plain text is not a section of broken links).
    """
    if sum(section.values()) >= MIN_EVIDENCE:
        return _dominant(section)
    habit = _dominant(whole)
    if habit is None or not section:
        return habit
    if own_way and 2 * section[habit] < sum(section.values()):
        return None
    return habit


class Templates:
    """The inferred template of every group of items, with shapes computed once per item."""

    def __init__(self, document: Document, entries: Sequence[Entry]) -> None:
        self.shapes: dict[int, Shape] = {}
        groups: dict[tuple[int, int], list[Entry]] = {}
        for entry in entries:
            if not entry.schema.inferred:
                continue
            self.shapes[entry.line] = shape(document, entry)
            groups.setdefault((_section_line(entry), entry.depth), []).append(entry)
        self._first = {key: members[0] for key, members in groups.items()}
        self._sub_texts = [
            document.text[e.content_start : e.content_end]
            for e in entries
            if e.schema.inferred and e.depth == 1 and self.shapes[e.line].lead == "text"
        ]
        whole: dict[int, _Counts] = {}
        by_group: dict[tuple[int, int], _Counts] = {}
        for key, members in groups.items():
            counts = by_group[key] = _Counts.of(self.shapes[e.line] for e in members)
            whole.setdefault(key[1], _Counts()).add(counts)
        self._templates: dict[tuple[int, int], Template] = {}
        for key, counts in by_group.items():
            overall = whole[key[1]]
            lead = _agreed(counts.lead, overall.lead, own_way=True)
            # Styles are the whole list's at that depth: "Where to Start" written
            # "[name](url) Text" in a list of " - " items breaks the list's format, however
            # many of its items do; and a list with no habit gets none from one section.
            items = sum(counts.lead.values())
            agreeing = counts.lead[lead] if lead else 0
            self._templates[key] = _template(lead, items, agreeing, styles=overall, own=counts)
        self._whole = whole

    def template(self, entry: Entry) -> Template | None:
        return self._templates.get((_section_line(entry), entry.depth))

    def shape(self, entry: Entry) -> Shape | None:
        return self.shapes.get(entry.line)

    def summary(self) -> Mapping[int, tuple[Template, _Counts]]:
        """The whole list's template at each depth, with the counts it was learnt from."""
        result = {}
        for depth, counts in sorted(self._whole.items()):
            if not counts.lead and not counts.compound:
                continue  # only categories at this depth
            lead = _dominant(counts.lead)
            if lead is None and counts.compound:
                # "Title text [[paper](url)]": text, then links. Shown, never checked.
                both = Counter(counts.lead)
                both["compound"] = counts.compound
                lead = _dominant(both)
            if lead is None:
                agreeing = max(counts.lead.values(), default=0)
            else:
                agreeing = counts.compound if lead == "compound" else counts.lead[lead]
            items = sum(counts.lead.values()) + counts.compound
            template = _template(lead, items, agreeing, styles=counts, own=counts)
            result[depth] = (template, counts)
        return result

    def sub_item_texts(self) -> list[str]:
        """The first lines of the text items one level down (what ``format_block`` names)."""
        return self._sub_texts

    def own_sections(self) -> list[tuple[Entry, Template]]:
        """Sections whose items follow a lead of their own, unlike the list's at that depth."""
        whole = {depth: _dominant(c.lead) for depth, c in self._whole.items()}
        found = []
        for (section, depth), template in self._templates.items():
            first = self._first.get((section, depth))
            own = template.items >= MIN_EVIDENCE and template.lead != whole.get(depth)
            if first is not None and own:
                found.append((first, template))
        return sorted(found, key=lambda pair: pair[0].line)


def _template(
    lead: str | None, items: int, agreeing: int, *, styles: _Counts, own: _Counts
) -> Template:
    """A template: the lead and its evidence, styles from ``styles``, descriptions from ``own``."""
    return Template(
        lead=lead,
        separator=_dominant(styles.separator),
        casing=_dominant(styles.casing),
        ending=_dominant(styles.ending),
        items=items,
        agreeing=agreeing,
        described=sum(own.separator.values()),
        linked=own.linked,
    )


class _Counts:
    __slots__ = ("casing", "compound", "ending", "lead", "linked", "separator")

    def __init__(self) -> None:
        self.linked = 0
        self.compound = 0
        self.lead: Counter[str] = Counter()
        self.separator: Counter[str] = Counter()
        self.casing: Counter[str] = Counter()
        self.ending: Counter[str] = Counter()

    @classmethod
    def of(cls, shapes: Iterable[Shape]) -> _Counts:
        counts = cls()
        for s in shapes:
            counts.compound += s.lead == "compound"
            if s.lead in ("group", "compound"):
                continue  # neither an outlier nor evidence: a category, or links after words
            counts.lead[s.lead] += 1
            counts.linked += s.follows == "links"
            if s.follows == "description" and s.separator is not None:
                counts.separator[s.separator] += 1
                if s.casing:
                    counts.casing[s.casing] += 1
                if s.ending:
                    counts.ending["bare" if s.ending == "none" else "punctuated"] += 1
        return counts

    def add(self, other: _Counts) -> None:
        self.lead.update(other.lead)
        self.linked += other.linked
        self.compound += other.compound
        self.separator.update(other.separator)
        self.casing.update(other.casing)
        self.ending.update(other.ending)


def _section_line(entry: Entry) -> int:
    return entry.section.line if entry.section is not None else -1


def describe(template: Template) -> str:
    """The template in words, as ``--show-schema`` and ``--init-format`` print it."""
    if template.lead == "compound":
        return "text, then [links](url)"
    if template.lead != "link":
        return "text"
    parts = ["[name](url)"]
    if template.separator is not None and 2 * template.described >= template.agreeing:
        separator = template.separator
        shown = separator.strip() if separator in (" - ", " – ", " — ") else f"`{separator}`"
        parts.append(f"{shown} description" if shown != "` `" else "description")
        style = []
        if template.casing == "upper":
            style.append("capitalised")
        if template.ending == "punctuated":
            style.append("ending in a period")
        elif template.ending == "bare":
            style.append("no final period")
        if style:
            parts.append(f"({', '.join(style)})")
    elif 2 * template.linked >= template.agreeing:
        parts.append("[more links or notes]")
    return " ".join(parts)


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|['’]\d\d\b")


def format_block(templates: Templates) -> str | None:
    """A ``format:`` block (fenced) for the inferred format, or None when there is none.

    Written in the words the format-block reader understands (``model.schema``), so that the
    block, once pasted, governs the entries as the inferred format did.
    """
    summary = templates.summary()
    top = summary.get(0)
    if top is None or top[0].lead is None:
        return None
    template = top[0]
    if template.lead == "link":
        line = "- [name](url)"
        if template.separator is not None and 2 * template.described >= template.agreeing:
            words = "Description" if template.casing == "upper" else "description"
            end = "." if template.ending == "punctuated" else ""
            line += f"{template.separator}{words}{end}"
        elif 2 * template.linked >= template.agreeing:
            line += " [[code](code link)]"
    elif template.lead == "compound":
        # Not "[paper](…)": a link text saying "paper" would name the title.
        line = "- title [[pdf](paper link)] [[code](code link)]"
    else:
        line = "- title"
    lines = ["```", "format:", line]
    below = summary.get(1)
    if below is not None and below[0].lead == "text" and below[0].items >= top[0].items // 2:
        dated = sum(1 for s in templates.sub_item_texts() if _YEAR.search(s))
        lines.append("  - authors. venue, year." if 2 * dated >= below[0].items else "  - note")
    lines.append("```")
    return "\n".join(lines) + "\n"
