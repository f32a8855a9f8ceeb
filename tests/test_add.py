"""`awesome-lint add`: a new entry in the list's own format, in its place, nothing else changed.

Every network answer comes from ``tests/sources_server.py`` on 127.0.0.1, replaying the
recorded arXiv Atom and Crossref JSON answers in ``tests/fixtures/sources/``.
"""

from __future__ import annotations

import difflib
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesome_lint.add.command import Addition, diagnostic_shift
from awesome_lint.cli import run
from awesome_lint.config import load_settings
from awesome_lint.model.document import Document
from tests.sources_server import SourcesServer, sources_server

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"
SEED = FIXTURES / "seed" / "README.md"
BIB = FIXTURES / "sources" / "refs.bib"

# Every corpus list with a format block, one recorded paper each: the section it must land in,
# and the keyword label the list spells most (its neighbours' spelling).
CASES = {
    "chengjl19__Awesome-RLHF-Vision": ("2312.10665", "#### 2023", "Keyword: "),
    "hijkzzz__Awesome-LLM-Strawberry": ("2305.10601", "### 2023", None),
    "opendilab__awesome-AI-based-protein-design": (
        "10.1038/s41586-023-06728-8",
        "### Nature",
        "Keywords: ",
    ),
    "opendilab__awesome-RLHF": ("2405.14734", "### 2024", "Keyword: "),
    "opendilab__awesome-decision-transformer": ("2306.14069", "### NeurIPS 2023", "Key: "),
    "opendilab__awesome-diffusion-model-in-rl": ("2312.14134", "### Arxiv", "Key: "),
    "opendilab__awesome-driving-behavior-prediction": ("2209.13508", "### NeurIPS", "Key: "),
    "opendilab__awesome-end-to-end-autonomous-driving": ("2306.10014", "### CVPR 2023", "Key: "),
    "opendilab__awesome-exploration-rl": ("2306.12371", "### NeurIPS 2023", "Key: "),
    "opendilab__awesome-model-based-RL": ("2406.19320", "### ICML 2024", "Key: "),
    "opendilab__awesome-multi-modal-reinforcement-learning": (
        "2310.12931",
        "### ICLR 2024",
        "Key Words: ",
    ),
    "opendilab__awesome-ui-agents": ("2404.05719", "#### 2024", "Key: "),
    "ysjprojects__Awesome-LLM-Merging": ("2209.04836", "### 2022 and before", "Keyword: "),
}


@pytest.fixture(scope="module")
def server() -> Iterator[SourcesServer]:
    with sources_server() as started:
        yield started


def _list_copy(tmp_path: Path, source: Path, server: SourcesServer | None) -> Path:
    target = tmp_path / "README.md"
    shutil.copyfile(source, target)
    target.chmod(0o644)
    if server is not None:
        (tmp_path / ".awesome-lint.toml").write_text(
            f'[sources]\narxiv = "{server.base}/api/query"\ncrossref = "{server.base}"\n'
            f'openreview = "{server.base}"\ninterval = 0.01\n',
            encoding="utf-8",
        )
    return target


def _add(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["add", *argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _inserted(before: bytes, after: bytes) -> tuple[int, bytes]:
    """(offset, bytes) of the inserted lines that make ``after`` of ``before`` (git diff's view:
    one block of added lines, no line removed or changed); fails otherwise."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    assert len(changes) == 1, changes
    tag, i1, _, j1, j2 = changes[0]
    assert tag == "insert", changes
    inserted = b"".join(new[j1:j2])
    offset = len(b"".join(old[:i1]))
    assert before[:offset] + inserted + before[offset:] == after
    return offset, inserted


def _section_of(text: str, offset: int) -> str:
    """The nearest heading above ``offset``."""
    headings = [line for line in text[:offset].splitlines() if line.startswith("#")]
    return headings[-1].rstrip()


def _no_new_diagnostic(before: bytes, after: bytes, folder: Path) -> None:
    settings = load_settings(folder / ".awesome-lint.toml")
    old, new = Document.from_bytes(before), Document.from_bytes(after)
    start = next(i for i, (a, b) in enumerate(zip(old.text, new.text, strict=False)) if a != b)
    inserted = new.text[start : start + len(new.text) - len(old.text)]
    # The insertion may be seen one character earlier or later (a newline either side).
    if old.text[:start] + inserted + old.text[start:] != new.text:
        raise AssertionError("the new text is not the old one with one insertion")
    addition = Addition(new.text, start, inserted, (), "", ())
    changed, on_entry = diagnostic_shift(old, new, settings, addition)
    assert not on_entry, on_entry
    assert not changed, changed


@pytest.mark.parametrize("name", sorted(CASES))
def test_add_to_every_corpus_list_with_a_block(
    name: str, server: SourcesServer, tmp_path: Path
) -> None:
    source, section, keyword_label = CASES[name]
    target = _list_copy(tmp_path, CORPUS / name / "README.md", server)
    before = target.read_bytes()
    code, out, err = _add(source, "--list", str(target))
    assert code == 0, err
    assert "added under" in out
    after = target.read_bytes()
    offset, inserted = _inserted(before, after)
    text = after.decode("utf-8")
    assert _section_of(text, offset) == section
    lines = [line for line in inserted.decode().splitlines() if line.strip()]
    assert lines[0].lstrip(" -*").startswith("[")
    if keyword_label is not None:
        assert any(line.lstrip("\t -").startswith(keyword_label) for line in lines), lines
    _no_new_diagnostic(before, after, tmp_path)


def test_the_entry_copies_the_lists_habits(server: SourcesServer, tmp_path: Path) -> None:
    """ui-agents: four-space fields, authors joined with ' and ', a year line, 'Key:'."""
    target = _list_copy(tmp_path, CORPUS / "opendilab__awesome-ui-agents" / "README.md", server)
    code, _, err = _add("2404.05719", "--list", str(target))
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    at = text.index("[Ferret-UI")
    block = text[text.rindex("\n", 0, at) + 1 :].split("\n\n")[0].splitlines()
    assert block[0] == (
        "- [Ferret-UI: Grounded Mobile UI Understanding with Multimodal LLMs]"
        "(https://arxiv.org/abs/2404.05719)"
    )
    assert block[1] == "    - Keen You and Haotian Zhang and Eldon Schoop and Floris Weers and " + (
        "Amanda Swearngin and Jeffrey Nichols and Yinfei Yang and Zhe Gan"
    )
    assert "    - 2024" in block
    assert any(line.startswith("    - Key: ") for line in block)


def test_crlf_and_tabs_kept(server: SourcesServer, tmp_path: Path) -> None:
    name = "opendilab__awesome-driving-behavior-prediction"
    target = _list_copy(tmp_path, CORPUS / name / "README.md", server)
    before = target.read_bytes()
    assert _add("2209.13508", "--list", str(target))[0] == 0
    _, inserted = _inserted(before, target.read_bytes())
    assert b"\r\n\t- Shaoshuai Shi, Li Jiang" in inserted
    assert inserted.count(b"\n") == inserted.count(b"\r\n")
    assert b"-  [Motion Transformer" in inserted  # the list's "-  [" bullet gap


def test_seed_add_arxiv_id_lands_under_2023_of_papers(
    server: SourcesServer, tmp_path: Path
) -> None:
    target = _list_copy(tmp_path, SEED, server)
    before = target.read_bytes()
    code, out, err = _add("2305.18290", "--list", str(target))
    assert code == 0, err
    after = target.read_bytes()
    offset, inserted = _inserted(before, after)
    text = after.decode()
    assert _section_of(text, offset) == "### 2023"
    assert text.rindex("## Papers", 0, offset) > text.rfind("## Codebases", 0, offset)
    assert inserted.decode() == (
        "- [Direct Preference Optimization: Your Language Model is Secretly a Reward Model]"
        "(https://arxiv.org/abs/2305.18290)\n"
        "  - Rafael Rafailov, Archit Sharma, Eric Mitchell, Stefano Ermon, "
        "Christopher D. Manning, Chelsea Finn\n"
        "  - Keyword: Machine Learning, Artificial Intelligence, Computation and Language\n"
        "\n"
    )
    assert out.startswith(f"{target}:70: added under '### 2023'")
    _no_new_diagnostic(before, after, tmp_path)


@pytest.mark.parametrize(
    "source", ["https://arxiv.org/abs/2305.18290", "arxiv.org/pdf/2305.18290v2", "arXiv:2305.18290"]
)
def test_arxiv_urls_and_ids_name_the_same_paper(
    source: str, server: SourcesServer, tmp_path: Path
) -> None:
    target = _list_copy(tmp_path, SEED, server)
    code, _, err = _add(source, "--list", str(target), "--diff")
    assert code == 0, err
    assert target.read_bytes() == SEED.read_bytes()  # --diff writes nothing


def test_diff_shows_only_the_inserted_lines(server: SourcesServer, tmp_path: Path) -> None:
    target = _list_copy(tmp_path, SEED, server)
    code, out, _ = _add("2305.18290", "--list", str(target), "--diff")
    assert code == 0
    changed = [
        line
        for line in out.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed[0].startswith("+- [Direct Preference Optimization")
    assert all(line.startswith("+") for line in changed)
    assert len(changed) == 4


def test_offline_bibtex_entry_on_the_seed(tmp_path: Path) -> None:
    target = _list_copy(tmp_path, SEED, None)
    before = target.read_bytes()
    code, _, err = _add("--bib", str(BIB), "--key", "rafailov2023direct", "--list", str(target))
    assert code == 0, err
    offset, inserted = _inserted(before, target.read_bytes())
    assert _section_of(target.read_text(), offset) == "### 2023"
    assert inserted.decode().splitlines()[:3] == [
        "- [Direct Preference Optimization: Your Language Model is Secretly a Reward Model]"
        "(https://arxiv.org/abs/2305.18290)",
        "  - Rafael Rafailov, Archit Sharma, Eric Mitchell, Stefano Ermon, Christopher D Manning, "
        "Chelsea Finn",
        "  - Keyword: Preference Optimization, RLHF",
    ]
    (tmp_path / ".awesome-lint.toml").write_text("", encoding="utf-8")
    _no_new_diagnostic(before, target.read_bytes(), tmp_path)


def test_a_paper_already_listed_is_refused_naming_the_line(tmp_path: Path) -> None:
    target = _list_copy(tmp_path, SEED, None)
    code, out, err = _add("--bib", str(BIB), "--key", "ouyang2022training", "--list", str(target))
    assert code == 2
    line = next(
        n
        for n, text in enumerate(SEED.read_text().splitlines(), 1)
        if "Training language models to follow instructions" in text
    )
    assert f"README.md:{line}: the list already has this paper" in err
    assert target.read_bytes() == SEED.read_bytes()
    assert err.count("\n") == 1 and not out


def test_adding_twice_is_refused(server: SourcesServer, tmp_path: Path) -> None:
    target = _list_copy(tmp_path, SEED, server)
    assert _add("2305.18290", "--list", str(target))[0] == 0
    written = target.read_bytes()
    code, _, err = _add("arxiv.org/pdf/2305.18290v1", "--list", str(target))
    assert code == 2
    assert "README.md:70: the list already has this paper" in err
    assert target.read_bytes() == written


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("2312.99999", "arXiv does not know the id 2312.99999"),
        ("2999.99998", "malformed XML"),
        ("2999.99997", "document type declaration"),
        ("10.1000/nothing-here", "Crossref does not know the DOI 10.1000/nothing-here"),
        ("not a paper", "is not an arXiv id"),
        ("https://openreview.net/forum?id=abc", "OpenReview does not know the forum abc"),
        ("https://openreview.net/group?id=ICLR.cc", "not an OpenReview forum url"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    source: str, message: str, server: SourcesServer, tmp_path: Path
) -> None:
    target = _list_copy(tmp_path, SEED, server)
    code, out, err = _add(source, "--list", str(target))
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err and not out
    assert target.read_bytes() == SEED.read_bytes()


def test_no_network_is_one_line(tmp_path: Path) -> None:
    with sources_server() as gone:
        base = gone.base
    target = _list_copy(tmp_path, SEED, None)
    (tmp_path / ".awesome-lint.toml").write_text(
        f'[sources]\narxiv = "{base}/api/query"\ninterval = 0\nretries = 0\n', encoding="utf-8"
    )
    code, _, err = _add("2305.18290", "--list", str(target))
    assert code == 2
    assert "no answer from 127.0.0.1" in err and err.count("\n") == 1
    assert target.read_bytes() == SEED.read_bytes()


def test_a_list_with_no_block_has_no_scope(server: SourcesServer, tmp_path: Path) -> None:
    target = _list_copy(tmp_path, CORPUS / "vinta__awesome-python" / "README.md", server)
    code, _, err = _add("2305.18290", "--list", str(target))
    assert code == 2
    assert "no format block" in err
    assert target.read_bytes() == (CORPUS / "vinta__awesome-python" / "README.md").read_bytes()


def test_section_option_places_the_entry(server: SourcesServer, tmp_path: Path) -> None:
    target = _list_copy(tmp_path, SEED, server)
    before = target.read_bytes()
    code, _, err = _add("2305.18290", "--list", str(target), "--section", "2022")
    assert code == 0, err
    offset, _ = _inserted(before, target.read_bytes())
    assert _section_of(target.read_text(), offset) == "### 2022"
    code, _, err = _add("2305.18290", "--list", str(target), "--section", "Nowhere")
    assert code == 2 and "no heading 'Nowhere'" in err


def test_missing_httpx_is_one_line_naming_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "httpx", None)  # as if the [links] extra were not there
    target = _list_copy(tmp_path, SEED, None)
    code, _, err = _add("2305.18290", "--list", str(target))
    assert code == 2
    assert "pip install 'awesome-lint[links]'" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ((), "name one paper"),
        (("2305.18290", "--bib", "refs.bib", "--key", "k"), "name one paper"),
        (("--bib", "refs.bib"), "--bib needs --key"),
        (("--bib", "nowhere.bib", "--key", "k"), "nowhere.bib: no such file"),
        (("--bib", "BIB", "--key", "nokey"), "no entry with the key 'nokey'"),
    ],
)
def test_bad_arguments(argv: tuple[str, ...], message: str, tmp_path: Path) -> None:
    target = _list_copy(tmp_path, SEED, None)
    args = [str(BIB) if a == "BIB" else a for a in argv]
    code, _, err = _add(*args, "--list", str(target))
    assert code == 2 and message in err


def test_openreview_forum_lands_under_its_venue_year(server: SourcesServer, tmp_path: Path) -> None:
    target = _list_copy(tmp_path, SEED, server)
    before = target.read_bytes()
    code, _, err = _add("https://openreview.net/forum?id=a7APmM4B9d", "--list", str(target))
    assert code == 0, err
    after = target.read_bytes()
    offset, inserted = _inserted(before, after)
    assert _section_of(after.decode(), offset) == "### 2021"
    assert inserted.decode().startswith(
        "- [Decision Transformer: Reinforcement Learning via Sequence Modeling]"
        "(https://openreview.net/forum?id=a7APmM4B9d)\n  - Lili Chen, Kevin Lu, "
    )
    assert server.paths()[-1] == "/notes?id=a7APmM4B9d"
    _no_new_diagnostic(before, after, tmp_path)
    code, _, err = _add("openreview.net/pdf?id=a7APmM4B9d", "--list", str(target))
    assert code == 2 and "already" in err  # the forum and its pdf are one paper


def test_a_list_that_cuts_only_long_author_lists(server: SourcesServer, tmp_path: Path) -> None:
    """Where only the long author lists end in "et al.", a long one is cut, a short one not."""
    entry = "- [{0}](https://arxiv.org/abs/{1})\n  - {2}\n  - Keyword: {3}\n\n"
    text = (
        "# Papers\n\n```\nformat:\n- [title](paper link)\n  - author1, author2, ...\n"
        "  - keyword\n```\n\n### 2023\n\n"
        + entry.format("Paper One", "2301.00001", "Ann Lee, Bo Li", "planning")
        + entry.format("Paper Two", "2302.00002", "Cy Ma, Di Wu, Ed Xu, et al.", "search")
        + entry.format("Paper Three", "2303.00003", "Fa Yu, Gu Zi", "agents")
    )
    target = _list_copy(tmp_path, SEED, server)
    target.write_text(text, encoding="utf-8")
    code, _, err = _add("2305.18290", "--list", str(target))  # six authors
    assert code == 0, err
    assert "  - Rafael Rafailov, Archit Sharma, Eric Mitchell, et al.\n" in target.read_text()
    target.write_text(text, encoding="utf-8")
    bib = tmp_path / "two.bib"
    bib.write_text(
        "@article{two, title={A Two Author Paper}, author={Lee, Ann and Kim, Jo},"
        " journal={arXiv preprint arXiv:2304.00004}, year={2023}}\n",
        encoding="utf-8",
    )
    code, _, err = _add("--bib", str(bib), "--key", "two", "--list", str(target))
    assert code == 0, err
    assert "  - Ann Lee, Jo Kim\n" in target.read_text()


def test_a_list_that_names_the_venue_after_the_title(server: SourcesServer, tmp_path: Path) -> None:
    """`(NeurIPS 2023)` / `(arXiv)` after the title link, as most of the list's entries write."""
    entry = "- [{0}](https://arxiv.org/pdf/{1}) ({2})\n  - {3}\n  - Key: {4}\n\n"
    text = (
        "# Papers\n\n```\nformat:\n- [title](paper link) (presentation type)\n"
        "  - main authors or main affiliations\n  - Key: key problems and insights\n```\n\n"
        "### 2023\n\n"
        + entry.format("Paper One", "2301.00001", "arXiv", "Ann Lee *et al.*", "planning")
        + entry.format("Paper Two", "2302.00002", "ICML 2023", "Cy Ma, Di Wu", "search")
        + entry.format("Paper Three", "2303.00003", "arXiv", "Fa Yu *et al.*", "agents")
    )
    target = _list_copy(tmp_path, SEED, server)
    for paper, title_line in (
        ("2305.10601", "Large Language Models](https://arxiv.org/pdf/2305.10601) (NeurIPS 2023)\n"),
        ("2312.14134", "Video Diffusion](https://arxiv.org/pdf/2312.14134) (arXiv)\n"),
    ):
        target.write_text(text, encoding="utf-8")
        before = target.read_bytes()
        code, _, err = _add(paper, "--list", str(target), "--section", "2023")
        assert code == 0, err
        _, inserted = _inserted(before, target.read_bytes())
        assert title_line in inserted.decode(), inserted
