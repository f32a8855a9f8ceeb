"""Offline English spelling for lists of ML papers: what AL401 (misspelling) asks about a word.

A word is fine when it is in the vocabulary: SCOWL's American and British English words
(``data/words.txt``), the curated ML/RL terms and names (``data/ml-words.txt``) and the
user's ``words`` allowlist, or a regular inflection of one of those (``tokenizers``,
``finetuned``, ``optimisation``), or a closed prefix such as ``non``, ``multi`` or ``re``
in front of a known word (``nonstationary``, ``relabeling``) when no known word is one edit
away (``presense`` is ``presence``, not ``pre`` + ``sense``).

Some words are never judged, because a dictionary cannot tell right from wrong there:
acronyms and other all-caps words (``RLHF``), mixed-case names (``MuJoCo``, ``ChatGPT``),
words with digits (``GPT-4``), words shorter than four letters, and words with non-ASCII
letters (``Schölkopf``, CJK text).

For any other unknown word, the speller looks for a correction, in this order:

1. the curated list of common misspellings (``recieve`` -> ``receive``): a safe fix;
2. a fused compound whose hyphen went missing (``selfimprovement`` -> ``self-improvement``,
   ``Transformerbased`` -> ``Transformer-based``): a safe fix when exactly one such split
   exists;
3. a plural in ``-ys`` of a word in ``-y`` (``trajectorys`` -> ``trajectories``): a safe fix;
4. a vocabulary word one edit away (Damerau-Levenshtein: one letter added, dropped,
   changed, or two neighbours swapped): a safe fix only when there is exactly one such
   word, it is a common one, and the misspelt word is lower-case with at least six letters
   (a capitalised unknown word may be a name: ``Kosmos`` is not ``Cosmos``);
5. for lower-case words of at least seven letters, a known word run into a short function
   word (``processand`` -> ``process and``), else a vocabulary word two edits away with the
   same first letter: always only a guess (``single=False``).

A word with no correction within two edits is left alone: unknown jargon and names are not
a spelling checker's business. The word data is read on the first ``load_speller()`` (or
``Speller()``), never on import.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

DATA_DIR = Path(__file__).parent / "data"  # importlib.resources costs ~10 ms to import
MIN_LENGTH = 4
SAFE_EDIT_LENGTH = 6
FAR_EDIT_LENGTH = 7
LETTERS = "abcdefghijklmnopqrstuvwxyz"  # importing ``string`` for these costs 0.4 ms
WORD_CHARS = frozenset(LETTERS + LETTERS.upper() + "0123456789-'")
VOWELS = frozenset("aeiouyAEIOUY")
KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
KEYBOARD_NEIGHBOURS = {
    key: "".join(
        other[max(col - 1, 0) : col + 2] for other in KEYBOARD_ROWS[max(row - 1, 0) : row + 2]
    ).replace(key, "")
    for row, keys in enumerate(KEYBOARD_ROWS)
    for col, key in enumerate(keys)
}

# Words made from these and a known word are written closed in standard English
# (nonlinear, multiagent, preprocessing, relabel), so they count as known, unless a known
# word is one edit away ("presense" is "presence", not "pre" + "sense").
CLOSED_PREFIXES = (
    "anti",
    "bi",
    "co",
    "counter",
    "de",
    "hyper",
    "inter",
    "intra",
    "meta",
    "mis",
    "multi",
    "non",
    "over",
    "post",
    "pre",
    "re",
    "semi",
    "sub",
    "super",
    "tri",
    "un",
    "under",
)
# A fused word starting with one of these, or ending with one of the suffixes below, lost
# its hyphen: "selfimprovement", "highquality", "Transformerbased".
HYPHEN_PREFIXES = frozenset(
    {
        "black",
        "bottom",
        "closed",
        "coarse",
        "cross",
        "end",
        "few",
        "fine",
        "first",
        "full",
        "half",
        "hand",
        "high",
        "higher",
        "in",
        "large",
        "long",
        "low",
        "lower",
        "many",
        "off",
        "on",
        "one",
        "open",
        "real",
        "reward",
        "second",
        "self",
        "short",
        "single",
        "small",
        "three",
        "top",
        "two",
        "vision",
        "well",
        "white",
        "wide",
        "zero",
    }
)
HYPHEN_SUFFIXES = frozenset(
    {
        "agnostic",
        "aligned",
        "aware",
        "augmented",
        "based",
        "centric",
        "conditioned",
        "constrained",
        "dependent",
        "dimensional",
        "directed",
        "driven",
        "efficient",
        "ended",
        "enhanced",
        "free",
        "friendly",
        "generated",
        "grained",
        "guided",
        "independent",
        "informed",
        "invariant",
        "level",
        "like",
        "oriented",
        "scale",
        "shot",
        "specific",
        "supervised",
        "trained",
        "tuned",
    }
)
# Every ending that ``stems`` knows how to take off, checked at once before the details.
INFLECTION_ENDINGS = ("s", "ed", "ing", "er", "able", "ly", "ation", "ness", "ity", "ise")

# Short words that, written without the space, make ``processand`` or ``reasoningon``.
FUNCTION_WORDS = frozenset(
    {"and", "by", "for", "from", "in", "of", "on", "or", "the", "to", "via", "with"}
)


class Suggestion(NamedTuple):
    """A correction for a misspelt word.

    ``replacement`` is the corrected word, in the original's case (``Reinforcment`` ->
    ``Reinforcement``). ``single`` is True when it is the one unambiguous correction, so a
    fix may apply it without asking; otherwise it is only the best guess.
    """

    replacement: str
    single: bool


class WordList:
    """A sorted run of lines of ASCII words in a text, answering ``in`` without building a set.

    The words are the lines between the newlines at ``text[start]`` and ``text[end]``, so the
    tiers of ``words.txt`` share the file's bytes instead of copying them (nor decoding them:
    the file is ASCII by construction, see ``_build``). Building a set of 132,000 strings
    costs ~18 ms, more than a whole lint of a small list; a lookup here bisects a sparse index
    of the text (the first word of every block of ~2,000 bytes) and searches that one block,
    in about a microsecond. A set is built only once a list is asked often (a large list, or
    edit-distance searches), where it pays for itself.
    """

    SET_AFTER = 4000  # lookups
    BLOCK = 2048  # bytes of text per index entry

    def __init__(self, text: bytes, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self._set: frozenset[str] | None = None
        self._lookups = 0

    @classmethod
    def of(cls, words: Iterable[str]) -> WordList:
        """A list holding ``words``, a set from the start (a few thousand cost microseconds)."""
        unique = frozenset(words)
        text = ("\n" + "\n".join(sorted(unique)) + "\n").encode()
        word_list = cls(text, 0, len(text) - 1)
        word_list._set = unique
        return word_list

    def __contains__(self, word: object) -> bool:
        if self._set is not None:
            return word in self._set
        if not isinstance(word, str) or not word or "\n" in word or not word.isascii():
            return False
        self._lookups += 1
        if self._lookups > self.SET_AFTER:
            self._set = self._words()
            return word in self._set
        key = word.encode()
        firsts, starts = self._blocks
        block = bisect.bisect_right(firsts, key) - 1
        return (
            block >= 0
            and self.text.find(b"\n%b\n" % key, starts[block], starts[block + 1] + 1) >= 0
        )

    def __rand__(self, other: set[str] | frozenset[str]) -> set[str]:
        if len(other) > 64 and self._set is None:
            self._set = self._words()  # many lookups at once: build the set now
        return {word for word in other if word in self}

    def _words(self) -> frozenset[str]:
        """Every word of the list, as a set."""
        return frozenset(self.text[self.start : self.end].decode().split())

    @functools.cached_property
    def _blocks(self) -> tuple[list[bytes], list[int]]:
        """The first word of each block and the newline that opens it, plus the closing one."""
        text, at, end = self.text, self.start, self.end
        firsts: list[bytes] = []
        starts: list[int] = []
        while 0 <= at < end:
            starts.append(at)
            firsts.append(text[at + 1 : text.index(b"\n", at + 1)])
            at = text.find(b"\n", at + self.BLOCK, end)
        starts.append(end)
        return firsts, starts

    def starting_with(self, letter: str) -> str:
        """The lines that start with ``letter``, each ending in a newline."""
        text, end = self.text, self.end
        first = text.find(b"\n" + letter.encode(), self.start, end)
        if first < 0:
            return ""
        following = LETTERS[LETTERS.find(letter) + 1 :]
        ends = (text.find(b"\n" + after.encode(), first, end + 1) for after in following)
        last = next((found for found in ends if found >= 0), end)
        return text[first + 1 : last + 1].decode()


class Lexicon(NamedTuple):
    """The packaged word data: read once, shared by every Speller."""

    tiers: tuple[WordList, ...]
    misspellings: Mapping[str, str]

    def tier(self, word: str) -> int | None:
        """The frequency tier of a lower-cased word (0 = most common), None when unknown."""
        for number, words in enumerate(self.tiers):
            if word in words:
                return number
        return None


def read_data(name: str) -> str:
    """The text of one packaged data file."""
    return (DATA_DIR / name).read_text(encoding="utf-8")


def parse_tiers(text: bytes) -> list[WordList]:
    """The tiers of ``words.txt``: each ``=N`` line opens one, the next or the end closes it."""
    # Looks for the rare "=" rather than "\n=", which every line's newline half-matches, and
    # reads the tiers in place: splitting the 1.2 MB text cost more than reading it.
    markers = []
    at = text.find(b"=")
    while at >= 0:
        if text[at - 1 : at] == b"\n":
            markers.append(at - 1)
        at = text.find(b"=", at + 1)
    ends = [*markers[1:], len(text) - 1]  # the file ends with a newline
    return [
        WordList(text, text.index(b"\n", marker + 1), end)
        for marker, end in zip(markers, ends, strict=True)
    ]


def parse_words(text: str) -> list[str]:
    """Lower-cased words of a one-word-a-line file, ``#`` comments and blanks skipped."""
    return [line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"]


def parse_misspellings(text: str) -> dict[str, str]:
    """``typo<TAB>correction`` lines as a dict keyed by the lower-cased typo."""
    pairs: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and line[0] != "#":
            typo, correction = line.split("\t")
            pairs[typo.strip().lower()] = correction.strip()
    return pairs


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the packaged word lists (once per process)."""
    domain = WordList.of(parse_words(read_data("ml-words.txt")))
    # ML terms rank with the most common English words when choosing a suggestion.
    return Lexicon(
        tiers=(domain, *parse_tiers((DATA_DIR / "words.txt").read_bytes())),
        misspellings=load_misspellings(),
    )


@functools.lru_cache(maxsize=1)
def load_misspellings() -> dict[str, str]:
    """The table of known misspellings alone: a few hundred lines, read once per process."""
    return parse_misspellings(read_data("misspellings.txt"))


def known_typo(word: str, extra_words: frozenset[str] = frozenset()) -> Suggestion | None:
    """The table's correction of a known misspelling (``retreival``), else None.

    A dictionary lookup per hyphenated part, no search and no dictionary load: for text
    where only certain typos are worth a report (the items of a list with no format block).
    ``extra_words`` (lower case) are never typos.
    """
    token = word.replace("\u2019", "'")
    if not token or split_possessive(token)[0].lower() in extra_words:
        return None
    table = load_misspellings()
    fixed, found = [], False
    for part in token.split("-"):
        core, tail = split_possessive(part)
        typo_fix = table.get(core.lower())
        if typo_fix is not None and core.lower() not in extra_words:
            found = True
            fixed.append(match_case(core, typo_fix) + tail)
        else:
            fixed.append(part)
    if not found:
        return None
    return Suggestion(restore_apostrophes(word, "-".join(fixed)), True)


def load_speller(extra_words: Iterable[str] = ()) -> Speller:
    """A Speller over the packaged data plus ``extra_words`` (the config's allowlist).

    The data is read on the first call and shared by later ones.
    """
    return Speller(extra_words)


class Speller:
    """Judges single words; see the module docstring for what it accepts and suggests."""

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        """Load the shared data; ``extra_words`` are accepted too, case-insensitively."""
        self._lexicon = load_lexicon()
        self._extra = frozenset(word.strip().lower() for word in extra_words)
        self._checked: dict[str, Suggestion | None] = {}

    def is_known(self, word: str) -> bool:
        """True when the word is in the vocabulary or regularly formed from it.

        Case does not matter, a possessive ``'s`` is ignored, and a hyphenated word is known
        when all its parts are. Acronyms and names count only when a list has them.
        """
        token = word.replace("\u2019", "'")
        parts = [split_possessive(part)[0].lower() for part in token.split("-")]
        if self._allowed(token):
            return True
        return any(parts) and all(self._accepted(part) for part in parts if part)

    def is_english(self, word: str) -> bool:
        """True when the lower-case word is an English word (or a regular inflection of one).

        Unlike :meth:`is_known`, the curated names and terms (``sklearn``, ``npm``) and the
        config's words do not count: a lower-case name there is written that way on purpose.
        """
        return self._english(word, depth=0)

    def _english(self, word: str, depth: int) -> bool:
        """In SCOWL, or made from a SCOWL word: ``chainable``, ``deserialize``, ``geospatial``."""
        if any(word in words for words in self._lexicon.tiers[1:]):
            return True
        if depth > 1:
            return False
        if any(self._english(stem, depth + 1) for stem, _ in stems(word)):
            return True
        return any(
            word.startswith(prefix)
            and len(word) - len(prefix) >= MIN_LENGTH
            and self._english(word[len(prefix) :], depth + 1)
            for prefix in (*CLOSED_PREFIXES, "geo")
        )

    def _allowed(self, token: str) -> bool:
        """True when the whole token (``Pick-a-Pic``, ``Pick-a-Pic's``) is allowlisted."""
        return split_possessive(token)[0].lower() in self._extra

    def check(self, word: str) -> Suggestion | None:
        """None when ``word`` is fine or not ours to judge, else a Suggestion for the token.

        ``word`` is one token as written (``human-in-the-loop``, ``Google's``); surrounding
        punctuation is the caller's to strip. Each hyphen-separated part is checked alone and
        the replacement is the whole token with its misspelt parts corrected; it is ``single``
        only when every correction in it is.
        """
        if word not in self._checked:
            self._checked[word] = self._check_token(word)
        return self._checked[word]

    def _check_token(self, word: str) -> Suggestion | None:
        token = word.replace("\u2019", "'")
        if not token or not WORD_CHARS.issuperset(token) or self._allowed(token):
            return None
        parts = token.split("-")
        suggestions = [self._check_word(part) for part in parts]
        if not any(suggestions):
            return None
        suggestions = [
            self._guess_from_neighbours(parts, index, s) if s and not s.single else s
            for index, s in enumerate(suggestions)
        ]
        fixed = [s.replacement if s else part for part, s in zip(parts, suggestions, strict=True)]
        single = all(s.single for s in suggestions if s)
        return Suggestion(restore_apostrophes(word, "-".join(fixed)), single)

    def _guess_from_neighbours(self, parts: list[str], index: int, guess: Suggestion) -> Suggestion:
        """Prefer the guess that a neighbouring part completes: ``fine-ture`` -> ``fine-tune``.

        Among the words one edit from ``parts[index]``, the first that forms a known word
        when written together with the part before or after it wins (``finetune``);
        otherwise ``guess`` stands.
        """
        part, tail = split_possessive(parts[index])
        before = parts[index - 1].lower() if index else ""
        after = split_possessive(parts[index + 1])[0].lower() if index + 1 < len(parts) else ""
        for candidate in self._near_words(part.lower()):
            if (before and self._known(before + candidate)) or (
                after and self._known(candidate + after)
            ):
                return Suggestion(match_case(part, candidate) + tail, False)
        return guess

    def _check_word(self, word: str) -> Suggestion | None:
        core, tail = split_possessive(word)
        if not is_judged(core):
            return None
        suggestion = self._check_part(core)
        if suggestion is None:
            return None
        return Suggestion(suggestion.replacement + tail, suggestion.single)

    def _check_part(self, part: str) -> Suggestion | None:
        lower = part.lower()
        if self._known(lower):
            return None
        typo_fix = self._lexicon.misspellings.get(lower)
        if typo_fix is not None:
            return Suggestion(match_case(part, typo_fix), True)
        if self._inflected(lower, depth=0):
            return None
        suggestion = self._hyphen_compound(part) or self._plural_in_ies(part)
        if suggestion is not None:
            return suggestion
        near = self._near_words(lower)
        if near:
            return Suggestion(match_case(part, near[0]), self._is_safe_edit(part, near))
        if self._closed_prefixed(lower, depth=0) or not self._may_be_far(part):
            return None
        spaced = self._missing_space(lower)
        if spaced is not None:
            return Suggestion(spaced, False)
        far = sorted(self._two_edits(lower), key=lambda word: self._order(word, lower))
        return Suggestion(match_case(part, far[0]), False) if far else None

    def _known(self, word: str) -> bool:
        return word in self._extra or any(word in words for words in self._lexicon.tiers)

    def _accepted(self, word: str) -> bool:
        """Known, inflected from a known word, or a closed-prefix form with no near word."""
        if self._known(word) or self._inflected(word, depth=0):
            return True
        if word in self._lexicon.misspellings:
            return False
        return self._closed_prefixed(word, depth=0) and not self._near_words(word)

    def _inflected(self, word: str, depth: int) -> bool:
        """True when ``word`` is a regular inflection of a known word (``tokenizers``)."""
        return self._stem(word, depth) is not None

    def _stem(self, word: str, depth: int) -> str | None:
        """The known word that ``word`` inflects (``tokenizers`` -> ``tokenize``), if any."""
        if depth > 1:
            return None
        for stem, custom_only in stems(word):
            if custom_only and not self._custom(stem):
                continue
            if self._known(stem):
                return stem
            deeper = self._stem(stem, depth + 1)
            if deeper is not None:
                return deeper
        return None

    def _custom(self, word: str) -> bool:
        """True for words from the ML list or the allowlist, whose inflections SCOWL lacks."""
        return word in self._extra or word in self._lexicon.tiers[0]

    def _closed_prefixed(self, word: str, depth: int) -> bool:
        """True for ``nonstationary``: a closed prefix before a known or inflected word."""
        for prefix in CLOSED_PREFIXES:
            rest = word[len(prefix) :]
            if (
                word.startswith(prefix)
                and len(rest) >= MIN_LENGTH
                and (self._known(rest) or self._inflected(rest, depth + 1))
            ):
                return True
        return False

    def _hyphen_compound(self, part: str) -> Suggestion | None:
        lower = part.lower()
        splits = [
            cut
            for cut in range(2, len(lower) - 2)
            if (lower[:cut] in HYPHEN_PREFIXES or (cut > 2 and lower[cut:] in HYPHEN_SUFFIXES))
            and self._accepted(lower[:cut])
            and self._accepted(lower[cut:])
        ]
        if not splits:
            return None
        cut = splits[0]
        return Suggestion(f"{part[:cut]}-{part[cut:]}", len(splits) == 1)

    def _plural_in_ies(self, part: str) -> Suggestion | None:
        lower = part.lower()
        if not consonant_ys(lower):
            return None
        plural = lower[:-2] + "ies"
        if self._known(plural) or self._known(lower[:-1]):
            return Suggestion(match_case(part, plural), True)
        return None

    def _missing_space(self, word: str) -> str | None:
        """``processand`` -> ``process and``: a known word run into a short function word."""
        splits = [
            f"{word[:cut]} {word[cut:]}"
            for cut in range(2, len(word) - 1)
            if (word[:cut] in FUNCTION_WORDS and self._accepted(word[cut:]))
            or (word[cut:] in FUNCTION_WORDS and self._accepted(word[:cut]))
        ]
        return splits[0] if len(splits) == 1 else None

    def _near_words(self, word: str) -> list[str]:
        """Known or inflected words one edit from ``word``, most likely first."""
        candidates = edits1(word)
        near = candidates & self._extra
        for words in self._lexicon.tiers:
            near |= candidates & words
        near.update(
            candidate
            for candidate in candidates - near
            if candidate.endswith(INFLECTION_ENDINGS) and self._inflected(candidate, depth=0)
        )
        return sorted(near, key=lambda candidate: self._order(candidate, word))

    def _is_safe_edit(self, part: str, near: list[str]) -> bool:
        """True when one edit is surely the fix.

        That needs a single candidate, a common one, for a long lower-case word: a
        capitalised word may be a name (``Kosmos`` is not ``Cosmos``).
        """
        return (
            len(near) == 1
            and len(part) >= SAFE_EDIT_LENGTH
            and part.islower()
            and self._rank(near[0]) < 2
        )

    @staticmethod
    def _may_be_far(part: str) -> bool:
        """Two edits are worth a guess only in long lower-case words, not in names."""
        return len(part) >= FAR_EDIT_LENGTH and part.islower()

    def _rank(self, word: str) -> int:
        """0 for ML terms, allowlisted and common words, then 1 and 2 for rarer words.

        An inflected word ranks as its stem; 3 means neither is listed.
        """
        if word in self._extra:
            return 0
        tier = self._lexicon.tier(word)
        if tier is None:
            stem = self._stem(word, depth=0)
            tier = None if stem is None else self._lexicon.tier(stem)
        return 3 if tier is None else max(tier - 1, 0)

    def _order(self, word: str, typo: str) -> tuple[int, int, str]:
        """Sort key for candidates: common words, then likely slips of the hand, then A-Z."""
        return (self._rank(word), typing_cost(typo, word), word)

    def _two_edits(self, word: str) -> set[str]:
        """Vocabulary words within two edits of ``word`` that share its first letter."""
        import regex  # fuzzy matching; imported here as few words get this far (~8 ms)

        pattern = regex.compile(r"(?m)^(?:" + regex.escape(word) + r"){e<=2:[a-z]}$")
        found = {extra for extra in self._extra if extra[:1] == word[0]}
        for words in self._lexicon.tiers:
            found.update(pattern.findall(words.starting_with(word[0])))
        return {match for match in found if osa_distance(word, match) <= 2}


def restore_apostrophes(original: str, fixed: str) -> str:
    """Give back the typographic apostrophes (U+2019) that checking turned into ``'``."""
    if "\u2019" not in original:
        return fixed
    return fixed.replace("'", "\u2019")


def split_possessive(word: str) -> tuple[str, str]:
    """Split ``Google's`` into (``Google``, ``'s``) and ``models'`` into (``models``, ``'``)."""
    for tail in ("'s", "'S", "'"):
        if word.endswith(tail):
            return word[: -len(tail)], tail
    return word, ""


def is_judged(part: str) -> bool:
    """False for what a dictionary cannot judge.

    That is: words under four letters, all-caps and mixed-case words, words with digits or
    non-ASCII letters, and words without a vowel (lower-case acronyms such as ``mcts``).
    """
    return (
        len(part) >= MIN_LENGTH
        and part.isascii()
        and part.replace("'", "").isalpha()
        and not part.isupper()
        and not any(letter.isupper() for letter in part[1:])
        and not VOWELS.isdisjoint(part)
    )


def match_case(original: str, replacement: str) -> str:
    """Capitalise ``replacement`` when ``original`` starts with a capital."""
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def stems(word: str) -> Iterator[tuple[str, bool]]:
    """Possible stems of an inflected word, each with whether only ML/allowlist stems count.

    SCOWL already lists the inflections of its own words, so suffixes that often hide typos
    (``occured``, ``controling``) are tried only on stems from the ML list or allowlist.
    """
    if not word.endswith(INFLECTION_ENDINGS):
        return
    plural_in_es = ("ss", "xs", "zs", "chs", "shs")
    if word.endswith("s") and not word.endswith(plural_in_es) and not consonant_ys(word):
        yield word[:-1], False
    if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")):
        yield word[:-2], False
    if word.endswith(("ies", "ied")):
        yield word[:-3] + "y", word.endswith("ied")
    for suffix in ("ed", "ing", "er", "able"):
        if word.endswith(suffix):
            yield from suffix_stems(word[: -len(suffix)])
    if word.endswith("ly"):
        yield word[:-2], not word.endswith("ally")
    if word.endswith("ically"):
        yield word[:-4], True
    for suffix, base in (
        ("ization", "ize"),
        ("isation", "ise"),
        ("ification", "ify"),
        ("ation", "ate"),
        ("ability", "able"),
    ):
        if word.endswith(suffix):
            yield word[: -len(suffix)] + base, False
    if word.endswith("ness") and not word.endswith("yness"):  # happiness, not happyness
        yield word[:-4], False
    yield from british_to_american(word)


def suffix_stems(stem: str) -> Iterator[tuple[str, bool]]:
    """Stems before ``-ed``/``-ing``/``-er``/``-able``: as is, with its ``e`` back, undoubled.

    Only the regular spellings: ``tuned``/``tuning`` come from ``tune`` but ``tuneing`` does
    not, and ``relabelled`` undoubles to ``relabel`` but ``pretrainned`` not to ``pretrain``.
    """
    if not stem.endswith("e"):
        yield stem, True
        yield stem + "e", True
    if (
        len(stem) > 3
        and stem[-1] == stem[-2]
        and stem[-1] not in VOWELS
        and stem[-3] in VOWELS
        and stem[-4] not in VOWELS
    ):
        yield stem[:-1], True


def consonant_ys(word: str) -> bool:
    """True for ``trajectorys``: a plural that should end in ``-ies``."""
    return word.endswith("ys") and len(word) > 2 and word[-3] not in "aeiou"


def british_to_american(word: str) -> Iterator[tuple[str, bool]]:
    """The -ize/-eled spelling of a British -ise/-elled word, for stems listed only in -ize."""
    for british, american in (
        ("isation", "ization"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ising", "izing"),
        ("iser", "izer"),
        ("isers", "izers"),
        ("elled", "eled"),
        ("elling", "eling"),
    ):
        if word.endswith(british):
            yield word[: -len(british)] + american, False


def typing_cost(typo: str, word: str) -> int:
    """How unlikely a slip turns ``word`` into ``typo``: 0 swapped neighbours, up to 3."""
    if len(typo) == len(word):
        diffs = [i for i, (a, b) in enumerate(zip(typo, word, strict=True)) if a != b]
        if len(diffs) == 2 and typo[diffs[0]] == word[diffs[1]]:
            return 0
        if len(diffs) == 1 and typo[diffs[0]] in KEYBOARD_NEIGHBOURS.get(word[diffs[0]], ""):
            return 1
        return 3
    longer, shorter = (typo, word) if len(typo) > len(word) else (word, typo)
    cut = next(
        (i for i, (a, b) in enumerate(zip(longer, shorter, strict=False)) if a != b), len(shorter)
    )
    doubled = cut > 0 and longer[cut] == longer[cut - 1]
    return 1 if doubled or (cut + 1 < len(longer) and longer[cut] == longer[cut + 1]) else 2


def edits1(word: str) -> set[str]:
    """All strings one deletion, transposition, substitution or insertion from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [left + right[1:] for left, right in splits if right]
    transposes = [
        left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1
    ]
    replaces = [left + c + right[1:] for left, right in splits if right for c in LETTERS]
    inserts = [left + c + right for left, right in splits for c in LETTERS]
    return set(deletes + transposes + replaces + inserts)


def osa_distance(left: str, right: str) -> int:
    """Optimal-string-alignment (restricted Damerau-Levenshtein) distance."""
    previous2: list[int] = []
    previous = list(range(len(right) + 1))
    for i, a in enumerate(left, 1):
        current = [i] + [0] * len(right)
        for j, b in enumerate(right, 1):
            current[j] = min(
                previous[j] + 1,
                current[j - 1] + 1,
                previous[j - 1] + (a != b),
            )
            if i > 1 and j > 1 and a == right[j - 2] and left[i - 2] == b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]
