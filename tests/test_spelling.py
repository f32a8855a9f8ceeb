"""The speller behind AL401: real misspellings get their fix, real ML vocabulary is left alone."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.spelling import Speller, Suggestion, load_speller
from awesome_lint.spelling import speller as speller_module

FIXTURES = Path(__file__).parent / "fixtures"
SPELLING = FIXTURES / "spelling"
DATA = Path(speller_module.__file__).parent / "data"
KEY_FIELD = re.compile(r"^[ \t]+[-*+][ \t]+(?:Key|Keywords?|Key Words)[ \t]*:(.*)$", re.IGNORECASE)
TOKEN = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
ENTRY = re.compile(r"^[-*+] .*\]\(")


def misspelling_rows() -> list[tuple[str, str, str]]:
    lines = SPELLING.joinpath("misspellings.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert rows[0] == ["typo", "correction", "origin", "context"]
    return [(typo, correction, context) for typo, correction, _, context in rows[1:]]


def legitimate_words() -> list[str]:
    lines = SPELLING.joinpath("legitimate.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def data_words(name: str) -> list[str]:
    lines = DATA.joinpath(name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def speller() -> Speller:
    return load_speller()


MISSPELLINGS = misspelling_rows()
LEGITIMATE = legitimate_words()


def test_fixtures_are_big_enough() -> None:
    assert len(MISSPELLINGS) >= 60
    assert len(LEGITIMATE) >= 200


@pytest.mark.parametrize(("typo", "correction", "context"), MISSPELLINGS)
def test_real_misspelling_gets_its_correction(
    speller: Speller, typo: str, correction: str, context: str
) -> None:
    assert typo in TOKEN.findall(context)
    suggestion = speller.check(typo)
    assert suggestion is not None
    assert suggestion.replacement == correction


@pytest.mark.parametrize("word", LEGITIMATE)
def test_legitimate_word_is_not_flagged(speller: Speller, word: str) -> None:
    assert speller.check(word) is None


@pytest.mark.parametrize(
    ("typo", "correction"),
    [
        ("reinforcment", "reinforcement"),
        ("Reinforcment", "Reinforcement"),
        ("selfimprovement", "self-improvement"),
        ("highquality", "high-quality"),
        ("Transformerbased", "Transformer-based"),
        ("trajectorys", "trajectories"),
        ("tokenzier", "tokenizer"),
        ("finetunning", "finetuning"),
        ("enviroment", "environment"),
    ],
)
def test_unambiguous_correction_is_a_safe_fix(speller: Speller, typo: str, correction: str) -> None:
    assert speller.check(typo) == Suggestion(correction, single=True)


def test_every_listed_misspelling_is_a_safe_fix(speller: Speller) -> None:
    for line in data_words("misspellings.txt"):
        typo, correction = line.split("\t")
        assert speller.check(typo) == Suggestion(correction, single=True), typo


def test_listed_misspellings_are_not_words_and_their_fixes_are(speller: Speller) -> None:
    vocabulary = {word.lower() for word in data_words("ml-words.txt")}
    for line in data_words("misspellings.txt"):
        typo, correction = line.split("\t")
        assert typo not in vocabulary
        assert typo != correction
        words = [word for word in correction.split() if len(word) > 1]  # "alot" -> "a lot"
        assert all(speller.is_known(word) for word in words), correction


def test_every_ml_word_is_known(speller: Speller) -> None:
    assert all(speller.is_known(word) for word in data_words("ml-words.txt"))


@pytest.mark.parametrize(
    ("american", "british"),
    [
        ("modeling", "modelling"),
        ("behavior", "behaviour"),
        ("optimize", "optimise"),
        ("tokenization", "tokenisation"),
        ("generalization", "generalisation"),
        ("labeled", "labelled"),
    ],
)
def test_american_and_british_spellings_are_both_known(
    speller: Speller, american: str, british: str
) -> None:
    assert speller.is_known(american)
    assert speller.is_known(british)


@pytest.mark.parametrize(
    "word", ["pretraining", "finetuning", "multimodal", "nonlinear", "offline"]
)
def test_closed_compounds_are_not_hyphenated(speller: Speller, word: str) -> None:
    assert speller.check(word) is None


def test_several_equally_likely_fixes_are_only_a_guess(speller: Speller) -> None:
    suggestion = speller.check("modl")
    assert suggestion is not None
    assert not suggestion.single


def test_short_word_one_edit_away_is_only_a_guess(speller: Speller) -> None:
    suggestion = speller.check("rewad")  # listed: safe
    assert suggestion == Suggestion("reward", single=True)
    guess = speller.check("polcy")  # five letters: too short to be sure
    assert guess is not None
    assert guess.replacement == "policy"
    assert not guess.single


def test_capitalised_unknown_word_may_be_a_name(speller: Speller) -> None:
    suggestion = speller.check("Interpretabilty")
    assert suggestion == Suggestion("Interpretability", single=True)  # listed typo
    name = speller.check("Kosmoss")
    assert name is not None
    assert not name.single


def test_unknown_jargon_with_no_near_word_is_left_alone(speller: Speller) -> None:
    assert speller.check("zqxjkvbw") is None
    assert speller.check("Brumbleflax") is None


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("multi-enviroment", "multi-environment"),
        ("human-in-the-lopo", "human-in-the-loop"),
        ("Reinforcment's", "Reinforcement's"),
        ("Reinforcment’s", "Reinforcement’s"),
        ("enviroments'", "environments'"),
        ("GPT-4-reinforcment", "GPT-4-reinforcement"),
    ],
)
def test_token_parts_are_fixed_in_place(speller: Speller, token: str, expected: str) -> None:
    suggestion = speller.check(token)
    assert suggestion is not None
    assert suggestion.replacement == expected


@pytest.mark.parametrize("token", ["", "-", "'", "e.g.", "w/o", "a/b", "--", "reinforcment."])
def test_tokens_with_other_punctuation_are_not_judged(speller: Speller, token: str) -> None:
    assert speller.check(token) is None


def test_allowlist_is_case_insensitive_and_per_speller() -> None:
    assert load_speller().check("Brumbleflaxx") is None  # nothing near: left alone
    assert load_speller().check("enviroment") is not None
    allowing = load_speller(["Enviroment", "Qwenny"])
    assert allowing.check("enviroment") is None
    assert allowing.check("ENVIROMENT") is None
    assert allowing.check("Qwenny's") is None
    assert allowing.check("qwennies") is None
    assert allowing.is_known("qwenny")
    assert load_speller().check("enviroment") is not None


def test_allowlist_entry_may_be_a_hyphenated_name() -> None:
    allowing = load_speller(["Pick-a-Pic", "Sokobann"])
    assert allowing.check("Pick-a-Pic") is None
    assert allowing.check("Pick-a-Pic's") is None
    assert allowing.is_known("pick-a-pic")
    assert allowing.check("Sokobann-style") is None


def test_allowlisted_words_are_suggested(speller: Speller) -> None:
    allowing = Speller(["Frobnicator"])
    assert allowing.check("Frobnicatr") == Suggestion("Frobnicator", single=False)
    assert allowing.check("frobnicattor") == Suggestion("frobnicator", single=True)


def test_is_known_reads_hyphens_and_possessives(speller: Speller) -> None:
    assert speller.is_known("human-in-the-loop")
    assert speller.is_known("Google's")
    assert not speller.is_known("reinforcment")
    assert not speller.is_known("multi-enviroment")
    assert not speller.is_known("")


@given(st.text(max_size=30))
def test_check_never_raises_and_never_suggests_the_same_token(token: str) -> None:
    suggestion = load_speller().check(token)
    if suggestion is not None:
        assert suggestion.replacement != token
        assert suggestion.replacement


@given(st.from_regex(r"[A-Z]{2,12}(-?[0-9]{1,3})?", fullmatch=True))
def test_acronyms_and_words_with_digits_are_not_judged(token: str) -> None:
    assert load_speller().check(token) is None


def test_import_reads_no_data_and_first_load_does() -> None:
    script = textwrap.dedent(
        """
        import sys
        opened = []
        sys.addaudithook(lambda event, args: event == "open" and opened.append(str(args[0])))
        import awesome_lint.spelling
        from awesome_lint.spelling import speller
        data = [path for path in opened if "spelling" in path and path.endswith(".txt")]
        assert data == [], data
        assert speller.load_lexicon.cache_info().currsize == 0
        awesome_lint.spelling.load_speller()
        data = [path for path in opened if "spelling" in path and path.endswith(".txt")]
        assert len(data) == 3, data
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_data_loads_quickly() -> None:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        speller_module.load_lexicon.__wrapped__()
        times.append(time.perf_counter() - start)
    assert min(times) < 0.2


def test_data_is_read_once_for_all_spellers() -> None:
    load_speller()
    load_speller(["extra"])
    Speller()
    assert speller_module.load_lexicon.cache_info().misses == 1


def test_ten_thousand_checks_take_under_a_second() -> None:
    tokens = [*LEGITIMATE, *(typo for typo, _, _ in MISSPELLINGS)]
    for _, _, context in MISSPELLINGS:
        tokens.extend(TOKEN.findall(context))
    dictionary = data_words("words.txt")
    step = len(dictionary) // (10_000 - len(tokens))
    tokens.extend(word.capitalize() for word in dictionary[::step] if word[0] != "=")
    words = list(dict.fromkeys(tokens))[:10_000]  # distinct: the speller's memo cannot help
    assert len(words) > 9_000
    fresh = Speller()
    start = time.perf_counter()
    for word in words:
        fresh.check(word)
    assert time.perf_counter() - start < 1.0


def corpus_lists() -> list[Path]:
    lists = sorted((FIXTURES / "corpus").glob("*/README.md"))
    return [*lists, FIXTURES / "seed" / "README.md"]


def test_keyword_fields_of_real_lists_have_few_false_flags(speller: Speller) -> None:
    lists = [path for path in corpus_lists() if path.exists()]
    if not lists:
        pytest.skip("no corpus copies in tests/fixtures")
    known_typos = {typo for typo, _, _ in MISSPELLINGS}
    entries = 0
    false_flags: set[str] = set()
    for path in lists:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        entries += sum(1 for line in lines if ENTRY.match(line))
        for line in lines:
            field = KEY_FIELD.match(line)
            if field is None:
                continue
            for token in TOKEN.findall(re.sub(r"\]\([^)]*\)|https?://\S+", " ", field[1])):
                if speller.check(token) is not None and token not in known_typos:
                    false_flags.add(token)
    assert len(false_flags) <= entries / 200, sorted(false_flags)


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("handlers", True),
        ("chainable", True),  # chain + able
        ("deserialize", True),  # de + serialize
        ("geospatial", True),
        ("sklearn", False),  # a name the curated list knows: not English
        ("memcache", False),
        ("npm", False),
    ],
)
def test_is_english_leaves_out_the_curated_names(word: str, english: bool) -> None:
    assert load_speller().is_english(word) is english
