"""Generate synthetic awesome lists in the style of the awesome-RLHF seed.

The output is deterministic for a given (entries, defect_rate, seed). Defects are planted
after the clean content is drawn, from their own random stream, and only where the entry
already has the field they need: a correct `--fix` turns the defective list back into
`generate(entries, 0.0, seed)` byte for byte.

    python bench/generate.py --entries 1000 [--defect-rate 0.1] [--seed 1] -o out.md
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

YEARS = (2025, 2024, 2023, 2022, 2021)
CATCH_ALL = "2020 and before"
CATCH_ALL_YEARS = (2015, 2016, 2017, 2018, 2019, 2020)
# Share of the entries in each section: 2025 … 2021, then the catch-all.
SECTION_WEIGHTS = (0.22, 0.24, 0.2, 0.14, 0.08, 0.12)

FORMAT_BLOCK = """\
```
format:
- [title](paper link) [links]
  - author1, author2, and author3...
  - publisher
  - keyword
  - code
  - experiment environments and datasets
```"""

HEADER = """\
# Awesome Synthetic RLHF

This is a generated collection of research papers on **Reinforcement Learning with Human
Feedback** (RLHF), written to benchmark list linters. The titles, authors and links are
made up; only their shape follows real lists.

Welcome to follow and star!

## Table of Contents

- [Papers](#papers)
- [Contributing](#contributing)
- [License](#license)

## Papers

"""

FOOTER = """\
## Contributing

Our purpose is to make this list even better. Open a pull request to add a paper.

## License

This list is released under the Apache 2.0 license.
"""

SYLLABLES = (
    "ba", "bei", "chen", "da", "dan", "el", "fa", "gao", "han", "hu", "ja", "jin", "ka",
    "kim", "la", "lei", "li", "lu", "ma", "mi", "na", "ni", "no", "pa", "qi", "ra", "ren",
    "ri", "sa", "se", "shi", "ta", "tian", "to", "va", "wei", "xu", "ya", "yu", "za", "zhou",
)  # fmt: skip

ADJECTIVES = (
    "Scalable", "Robust", "Efficient", "Offline", "Online", "Hierarchical", "Contrastive",
    "Multimodal", "Safe", "Interactive", "Adaptive", "Conservative", "Implicit", "Direct",
    "Iterative", "Distributional", "Bayesian", "Causal", "Sparse", "Dense", "Generalized",
    "Principled", "Provable", "Stable", "Unified", "Continual", "Federated", "Lightweight",
    "Compositional", "Hybrid", "Active", "Decentralized", "Structured", "Latent", "Verifiable",
    "Reflective", "Curriculum", "Pessimistic", "Optimistic", "Personalized",
)  # fmt: skip

NOUNS = (
    "Reward Models", "Policy Optimization", "Language Models", "Human Feedback", "Alignment",
    "Exploration", "Agents", "Diffusion Models", "Preference Learning", "Value Functions",
    "World Models", "Dialogue Systems", "Instruction Tuning", "Reasoning", "Planning",
    "Imitation Learning", "Reward Shaping", "Credit Assignment", "Robot Manipulation",
    "Code Generation", "Summarization", "Red Teaming", "Self Play", "Tool Use",
    "Chain of Thought", "Process Supervision", "Reward Hacking", "Critic Networks",
    "Vision Language Models", "Text Generation", "Decision Transformers", "Trajectory Ranking",
    "Pairwise Comparisons", "Safety Constraints", "Model Merging", "Data Selection",
    "Uncertainty Estimation", "Distribution Shift", "Reward Ensembles", "Multi Agent Systems",
)  # fmt: skip

GERUNDS = (
    "Learning", "Aligning", "Training", "Scaling", "Rethinking", "Improving", "Evaluating",
    "Distilling", "Understanding", "Steering", "Calibrating", "Regularizing", "Benchmarking",
    "Revisiting", "Bootstrapping", "Teaching", "Guiding", "Rewarding",
)  # fmt: skip

TITLE_TEMPLATES = (
    "{adj} {noun} for {adj2} {noun2}",
    "{gerund} {noun} with {adj} {noun2}",
    "{acronym}: {adj} {noun} via {noun2}",
    "Towards {adj} {noun} in {noun2}",
    "On the {adj} {noun} of {noun2}",
    "{gerund} {adj} {noun} from {noun2}",
    "When {noun} Meets {adj} {noun2}",
)

KEYWORDS = (
    "reward model", "policy gradient", "proximal policy optimization", "preference data",
    "human feedback", "offline RL", "online RL", "KL penalty", "value function",
    "instruction following", "large language model", "best of n sampling", "rejection sampling",
    "direct preference optimization", "process reward model",
    "outcome reward model", "chain of thought", "self critique", "constitutional rules",
    "red teaming", "safety alignment", "helpfulness", "harmlessness", "exploration bonus",
    "sample efficiency", "imitation learning", "inverse reinforcement learning",
    "behavior cloning", "model based RL", "world model", "multi agent", "curriculum learning",
    "distribution shift", "uncertainty estimation", "ensemble", "contrastive learning",
    "diffusion policy", "text to image", "vision language model", "code generation",
    "mathematical reasoning", "tool use", "retrieval", "summarization", "dialogue agent",
    "robot manipulation", "Atari", "benchmark", "theoretical analysis",
    "regret bound", "pairwise comparison", "ranking loss", "Bradley Terry model",
    "reward hacking", "data selection", "active learning", "synthetic data", "distillation",
)  # fmt: skip

DATASETS = (
    ("TruthfulQA", "https://github.com/sylinrl/TruthfulQA"),
    ("HellaSwag", "https://rowanzellers.com/hellaswag/"),
    ("GSM8K", "https://paperswithcode.com/dataset/gsm8k"),
    ("MMLU", "https://paperswithcode.com/dataset/mmlu"),
    ("HumanEval", "https://github.com/openai/human-eval"),
    ("ARC", "https://allenai.org/data/arc"),
    ("TriviaQA", "http://nlp.cs.washington.edu/triviaqa/"),
    ("ELI5", "https://facebookresearch.github.io/ELI5/"),
    ("IMDB", "https://www.imdb.com/interfaces/"),
    ("COCO", "https://cocodataset.org/#home"),
    ("BBQ", "https://github.com/nyu-mll/BBQ"),
    ("HH-RLHF", "https://github.com/anthropics/hh-rlhf"),
    ("CNN/DM", "https://github.com/abisee/cnn-dailymail"),
    ("WinoGrande", "https://winogrande.allenai.org/"),
    ("Natural Questions", "https://ai.google.com/research/NaturalQuestions"),
    ("MATH", "https://github.com/hendrycks/math"),
)

VENUES = ("NeurIPS", "ICML", "ICLR", "AAAI", "ACL", "EMNLP", "CVPR", "IJCAI", "CoRL", "AAMAS")


@dataclass
class Entry:
    """One paper: the fields drawn for it, before rendering."""

    title: str
    url: str
    note: str | None
    authors: list[str]
    publisher: str | None
    keywords: list[str]
    code_url: str | None
    datasets: list[tuple[str, str]]


@dataclass
class Seen:
    """What was drawn so far, so that no two entries share a title or a paper link."""

    titles: set[str] = field(default_factory=set)
    arxiv_ids: set[str] = field(default_factory=set)


@dataclass
class Section:
    heading: str
    entries: list[Entry]


def make_name(rng: random.Random) -> str:
    first = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 2)))
    last = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))
    return f"{first.capitalize()} {last.capitalize()}"


def make_acronym(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(2)).upper()


def draw_title(rng: random.Random) -> str:
    template = rng.choice(TITLE_TEMPLATES)
    adj, adj2 = rng.sample(ADJECTIVES, 2)
    noun, noun2 = rng.sample(NOUNS, 2)
    return template.format(
        adj=adj,
        adj2=adj2,
        noun=noun,
        noun2=noun2,
        gerund=rng.choice(GERUNDS),
        acronym=make_acronym(rng),
    )


def title_key(title: str) -> str:
    """Fold case, punctuation and spacing, the way duplicate-title detection does."""
    return re.sub(r"[\W_]+", "", title.lower())


def unique_title(rng: random.Random, seen: set[str]) -> str:
    title = draw_title(rng)
    part = 2
    while title_key(title) in seen:
        title = f"{draw_title(rng)} Part {part}"
        part += 1
    seen.add(title_key(title))
    return title


def unique_arxiv_id(rng: random.Random, year: int, seen: set[str]) -> str:
    while True:
        arxiv_id = f"{year % 100:02d}{rng.randint(1, 12):02d}.{rng.randint(1, 29999):05d}"
        if arxiv_id not in seen:
            seen.add(arxiv_id)
            return arxiv_id


def repo_name(title: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", title.lower())
    return "-".join(words[:4])


def draw_entry(rng: random.Random, year: int, seen: Seen) -> Entry:
    title = unique_title(rng, seen.titles)
    arxiv_id = unique_arxiv_id(rng, year, seen.arxiv_ids)
    authors = [make_name(rng) for _ in range(rng.randint(2, 9))]
    owner = authors[0].split()[1].lower()
    datasets = rng.sample(DATASETS, rng.randint(1, 3)) if rng.random() < 0.45 else []
    return Entry(
        title=title,
        url=f"https://arxiv.org/abs/{arxiv_id}",
        note=make_acronym(rng) if rng.random() < 0.25 else None,
        authors=authors,
        publisher=f"{rng.choice(VENUES)} {year}" if rng.random() < 0.4 else None,
        keywords=rng.sample(KEYWORDS, rng.randint(2, 5)),
        code_url=f"https://github.com/{owner}/{repo_name(title)}" if rng.random() < 0.6 else None,
        datasets=datasets,
    )


def section_sizes(entries: int) -> list[int]:
    """Split `entries` over the sections by weight; the remainder goes to the newest."""
    sizes = [int(entries * weight) for weight in SECTION_WEIGHTS]
    for index in range(entries - sum(sizes)):
        sizes[index % len(sizes)] += 1
    return sizes


def draw_sections(rng: random.Random, entries: int) -> list[Section]:
    seen = Seen()
    headings = [str(year) for year in YEARS] + [CATCH_ALL]
    years: list[Sequence[int]] = [(year,) for year in YEARS] + [CATCH_ALL_YEARS]
    sections = []
    for heading, section_years, size in zip(headings, years, section_sizes(entries), strict=True):
        drawn = [draw_entry(rng, rng.choice(section_years), seen) for _ in range(size)]
        sections.append(Section(heading, drawn))
    return sections


def render_entry(entry: Entry) -> list[str]:
    note = f" ({entry.note})" if entry.note else ""
    lines = [f"- [{entry.title}]({entry.url}){note}", f"  - {', '.join(entry.authors)}"]
    if entry.publisher:
        lines.append(f"  - {entry.publisher}")
    lines.append(f"  - Keyword: {', '.join(entry.keywords)}")
    if entry.code_url:
        lines.append(f"  - Code: [official]({entry.code_url})")
    if entry.datasets:
        links = ", ".join(f"[{name}]({url})" for name, url in entry.datasets)
        lines.append(f"  - Dataset: {links}")
    return lines


# Defects: each edits the rendered lines of one entry and needs a given line to exist.


def replace_once(lines: list[str], prefix: str, old: str, new: str) -> None:
    for index, line in enumerate(lines):
        if line.startswith(prefix):
            lines[index] = line.replace(old, new, 1)
            return


def label_typo_dataset(lines: list[str], rng: random.Random) -> None:
    replace_once(lines, "  - Dataset: ", "Dataset:", "Dataset;")


def label_typo_keyword(lines: list[str], rng: random.Random) -> None:
    replace_once(lines, "  - Keyword: ", "Keyword:", "Keyowrd:")


def full_width_colon(lines: list[str], rng: random.Random) -> None:
    replace_once(lines, "  - Code: ", "Code:", "Code：")


def author_missing_space(lines: list[str], rng: random.Random) -> None:
    lines[1] = lines[1].replace(", ", ",", 1)


def keyword_double_space(lines: list[str], rng: random.Random) -> None:
    replace_once(lines, "  - Keyword: ", "Keyword: ", "Keyword:  ")


def trailing_spaces(lines: list[str], rng: random.Random) -> None:
    # Exactly two trailing spaces are a hard break, which a linter must leave alone.
    index = rng.randrange(len(lines))
    lines[index] += rng.choice((" ", "   "))


def padded_link_text(lines: list[str], rng: random.Random) -> None:
    title, rest = lines[0][len("- [") :].split("](", 1)
    lines[0] = f"- [ {title} ]({rest}"


def three_space_indent(lines: list[str], rng: random.Random) -> None:
    index = rng.randrange(1, len(lines))
    lines[index] = " " + lines[index]


def dataset_missing_comma(lines: list[str], rng: random.Random) -> None:
    replace_once(lines, "  - Dataset: ", "), [", ") [")


Defect = Callable[[list[str], random.Random], None]

# Each defect with the line it needs, so that it is planted only where it changes something.
DEFECTS: tuple[tuple[Defect, str], ...] = (
    (label_typo_dataset, "  - Dataset: "),
    (label_typo_keyword, "  - Keyword: "),
    (full_width_colon, "  - Code: "),
    (author_missing_space, "  - "),
    (keyword_double_space, "  - Keyword: "),
    (trailing_spaces, ""),
    (padded_link_text, "- ["),
    (three_space_indent, "  - "),
    (dataset_missing_comma, "  - Dataset: ["),
)


def defect_applies(lines: list[str], needed: str) -> bool:
    if needed == "  - Dataset: [":
        return any(line.startswith(needed) and "), [" in line for line in lines)
    return any(line.startswith(needed) for line in lines)


def plant_defect(lines: list[str], turn: int, rng: random.Random) -> None:
    """Plant the first defect, in turn order from `turn`, that applies to this entry."""
    for offset in range(len(DEFECTS)):
        defect, needed = DEFECTS[(turn + offset) % len(DEFECTS)]
        if defect_applies(lines, needed):
            defect(lines, rng)
            return


def render_sections(sections: list[Section], defect_rate: float, seed: int) -> list[str]:
    total = sum(len(section.entries) for section in sections)
    defect_rng = random.Random(f"defects-{seed}")
    defect_count = min(total, round(total * defect_rate))
    defective = sorted(defect_rng.sample(range(total), defect_count))
    turns = {position: turn for turn, position in enumerate(defective)}

    out: list[str] = []
    position = 0
    for number, section in enumerate(sections):
        loose = number % 2 == seed % 2
        out.append(f"### {section.heading}")
        out.append("")
        for entry in section.entries:
            lines = render_entry(entry)
            if position in turns:
                plant_defect(lines, turns[position], defect_rng)
            out.extend(lines)
            if loose:
                out.append("")
            position += 1
        if section.entries and not loose:
            out.append("")
    return out


def generate(entries: int, defect_rate: float = 0.0, seed: int = 1) -> str:
    """Return an awesome list with `entries` papers and about `defect_rate` defects per entry."""
    if entries < 0:
        raise ValueError("entries must be >= 0")
    if not 0.0 <= defect_rate <= 1.0:
        raise ValueError("defect_rate must be between 0 and 1")
    sections = draw_sections(random.Random(seed), entries)
    body = "\n".join(render_sections(sections, defect_rate, seed))
    return f"{HEADER}{FORMAT_BLOCK}\n\n{body}\n{FOOTER}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, required=True, help="number of papers")
    parser.add_argument("--defect-rate", type=float, default=0.0, help="defects per entry")
    parser.add_argument("--seed", type=int, default=1, help="random seed")
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    try:
        text = generate(args.entries, args.defect_rate, args.seed)
    except ValueError as error:
        parser.error(str(error))
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
